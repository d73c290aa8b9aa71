/**
 * Finds where an APIM policy expression (`@(...)` or `@{...}`) ends: the C# lexer (csharpLexer.ts)
 * steps over strings, chars and comments, and this scan keeps track of the brackets of the code.
 *
 * Expressions live inside XML, so the text may be entity-encoded (the "xml" format writes `"` as
 * `&quot;`). The lexer reads XML entities as the character they stand for when `decodeEntities` is
 * set, which makes the rawxml and the escaped format behave the same.
 */
import { charSet, CSharpLexer, LexFlag, Lexeme } from './csharpLexer';

export interface LexProblem {
  offset: number;
  length: number;
  code: 'expr-unterminated-string' | 'expr-unterminated-comment';
  message: string;
}

export interface ExpressionScan {
  /** Offset just after the closing bracket, or where scanning gave up. */
  end: number;
  closed: boolean;
  problems: LexProblem[];
}

const enum Ch {
  LParen = 40, RParen = 41, Star = 42, Slash = 47, Lt = 60, Gt = 62, LBracket = 91, RBracket = 93, LBrace = 123, RBrace = 125,
}

/** Stop looking for the end of an unclosed expression after this many characters. */
const MAX_EXPRESSION_LENGTH = 1 << 20;

/**
 * Scans the expression starting at `start` (the `@`). `text[start + 1]` must be `(` or `{`.
 * `decodeEntities` is true inside attribute values and element text, false inside CDATA.
 */
export function scanExpression(text: string, start: number, decodeEntities: boolean, limit = text.length): ExpressionScan {
  return { ...createExpressionLexer()(text, start, decodeEntities, limit) };
}

const NO_PROBLEMS: LexProblem[] = [];
/** The code characters this scan reads: brackets, and `<` of an end tag. */
const STOPS = charSet('()[]{}<');

/**
 * A scanner that reuses its lexer, working arrays and result from one expression to the next (a
 * document has many expressions; allocating per expression shows in the benchmarks): the result
 * it returns is good until its next call. One per scanner.
 */
export function createExpressionLexer(): (text: string, start: number, decodeEntities: boolean, limit?: number) => ExpressionScan {
  const brackets: Brackets = { stack: new Int32Array(16), depth: 0 };
  const lexer = new CSharpLexer();
  const result: ExpressionScan = { end: 0, closed: false, problems: NO_PROBLEMS };
  return (text, start, decodeEntities, limit = text.length) => {
    brackets.depth = 0;
    result.problems = NO_PROBLEMS;
    lexer.reset(text, start + 1, Math.min(limit, start + MAX_EXPRESSION_LENGTH), decodeEntities);
    lex(lexer, brackets, result);
    return result;
  };
}

/**
 * The closing brackets waited for, innermost last, in a typed array with its depth: setting an
 * array's length is a call into the runtime, and an expression closes many brackets.
 */
interface Brackets {
  stack: Int32Array;
  depth: number;
}

function push(b: Brackets, closer: number): void {
  if (b.depth === b.stack.length) {
    const grown = new Int32Array(b.stack.length * 2);
    grown.set(b.stack);
    b.stack = grown;
  }
  b.stack[b.depth++] = closer;
}

/** The problems of `result`, a list of its own once there is one (most expressions share the empty one). */
function problem(result: ExpressionScan, p: LexProblem): void {
  if (result.problems === NO_PROBLEMS) result.problems = [];
  result.problems.push(p);
}

/** Sets `result` to where the expression ends and whether it closed. */
function done(result: ExpressionScan, closed: boolean, end: number): void {
  result.closed = closed;
  result.end = end;
}

function lex(lexer: CSharpLexer, brackets: Brackets, result: ExpressionScan): void {
  lexer.next();
  push(brackets, lexer.code === Ch.LParen ? Ch.RParen : Ch.RBrace);
  for (;;) {
    lexer.skipCode(STOPS);
    switch (lexer.next()) {
      case Lexeme.End:
        return done(result, false, lexer.pos);
      case Lexeme.Code: {
        const c = lexer.code;
        switch (c) {
          case Ch.LParen: push(brackets, Ch.RParen); break;
          case Ch.LBrace: push(brackets, Ch.RBrace); break;
          case Ch.LBracket: push(brackets, Ch.RBracket); break;
          case Ch.RParen: case Ch.RBrace: case Ch.RBracket: {
            // Pop to the matching opener; a stray closer of another kind is C#'s problem, not ours.
            let idx = brackets.depth - 1;
            while (idx >= 0 && brackets.stack[idx] !== c) idx--;
            if (idx >= 0) brackets.depth = idx;
            if (brackets.depth === 0) return done(result, true, lexer.pos);
            break;
          }
          case Ch.Slash:
            // `/>` is never C# outside strings and comments: the end of an element the unclosed
            // expression ran into (without this, many unclosed attribute expressions in a row
            // would each scan to the next end tag)
            if (lexer.peek() === Ch.Gt) return done(result, false, lexer.start);
            break;
          case Ch.Lt:
            // `</` never occurs in C# outside strings and comments: the expression was not closed and
            // the XML goes on. Stop here so one broken expression does not swallow the document.
            if (lexer.peek() === Ch.Slash && lexer.peekAfter() !== Ch.Star) return done(result, false, lexer.start);
            break;
        }
        break;
      }
      case Lexeme.String: {
        const flags = lexer.flags;
        if (flags & LexFlag.LineEnd) {
          // APIM rejects this on save; lexing resumes after the line break, as the C# compiler does
          problem(result, {
            offset: lexer.start, length: 1, code: 'expr-unterminated-string',
            message: 'Unterminated string literal: a string that starts with " must end on the same line (use a verbatim string @"..." for several lines).',
          });
        } else if (flags & LexFlag.Open) {
          problem(result, {
            offset: lexer.start, length: 1, code: 'expr-unterminated-string',
            message: flags & LexFlag.Raw ? 'Raw string literal is not closed.' : 'String literal is not closed before the end of the expression.',
          });
          return done(result, false, lexer.pos);
        }
        break;
      }
      case Lexeme.Comment:
        if (lexer.flags & LexFlag.Open) {
          problem(result, { offset: lexer.start, length: 2, code: 'expr-unterminated-comment', message: 'Comment is not closed: "*/" is missing.' });
          return done(result, false, lexer.pos);
        }
        break;
    }
  }
}
