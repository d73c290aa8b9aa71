/**
 * Finds where an APIM policy expression (`@(...)` or `@{...}`) ends, by lexing just enough C# to
 * keep track of brackets: strings (regular, verbatim, interpolated, raw), chars and comments.
 *
 * Expressions live inside XML, so the text may be entity-encoded (the "xml" format writes `"` as
 * `&quot;`). The lexer reads XML entities as the character they stand for when `decodeEntities` is
 * set, which makes the rawxml and the escaped format behave the same.
 */
import { entityAt } from '../utils/xmlEntities';

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
  Tab = 9, LF = 10, CR = 13, Space = 32,
  Quote = 34, Dollar = 36, Amp = 38, Apos = 39, LParen = 40, RParen = 41, Star = 42,
  Slash = 47, Semi = 59, Lt = 60, At = 64, LBracket = 91, Backslash = 92, RBracket = 93,
  LBrace = 123, RBrace = 125,
}

/** Stop looking for the end of an unclosed expression after this many characters. */
const MAX_EXPRESSION_LENGTH = 1 << 20;

/**
 * A reader over `text[start, limit)` that returns character codes, decoding XML entities when asked.
 * `pos` is the offset of the next character; `width` is how many source characters the last read took.
 */
class Reader {
  pos: number;
  width = 1;
  constructor(readonly text: string, start: number, readonly limit: number, readonly decode: boolean) {
    this.pos = start;
  }
  eof(): boolean {
    return this.pos >= this.limit;
  }
  /** Reads one character and advances. */
  next(): number {
    const c = this.text.charCodeAt(this.pos);
    if (c !== Ch.Amp) {
      this.width = 1;
      this.pos++;
      return c;
    }
    const d = this.peek();
    this.pos += this.width;
    return d;
  }
  /** The next character without advancing; sets `width`. */
  peek(): number {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    this.width = 1;
    if (c === Ch.Amp && this.decode) {
      const entity = entityAt(text, this.pos);
      if (entity >= 0) {
        this.width = entity >>> 16;
        return entity & 0xffff;
      }
    }
    return c;
  }
  /** The character after the next one (no entity decoding beyond the next). */
  peekAt(k: number): number {
    const save = this.pos;
    const saveW = this.width;
    let c = 0;
    for (let i = 0; i <= k && this.pos < this.limit; i++) c = this.next();
    const reached = this.pos;
    this.pos = save;
    this.width = saveW;
    return reached > save ? c : -1;
  }
}

/**
 * Scans the expression starting at `start` (the `@`). `text[start + 1]` must be `(` or `{`.
 * `decodeEntities` is true inside attribute values and element text, false inside CDATA.
 */
export function scanExpression(text: string, start: number, decodeEntities: boolean, limit = text.length): ExpressionScan {
  return createExpressionLexer()(text, start, decodeEntities, limit);
}

const NO_PROBLEMS: LexProblem[] = [];

/**
 * A lexer that reuses its working arrays from one expression to the next (a document has many
 * expressions; allocating per expression shows in the benchmarks). One per scanner.
 */
export function createExpressionLexer(): (text: string, start: number, decodeEntities: boolean, limit?: number) => ExpressionScan {
  // Stack of closing brackets we wait for; interpolation holes push a marker too.
  const stack: number[] = [];
  // Interpolation holes: the stack depth at which each open hole resumes its string, and the string kind.
  const interpolationResume: number[] = [];
  const interpolationKinds: StringKind[] = [];
  const report: LexProblem[] = [];
  return (text, start, decodeEntities, limit = text.length) => {
    stack.length = 0;
    interpolationResume.length = 0;
    interpolationKinds.length = 0;
    report.length = 0;
    return lex(text, start, decodeEntities, limit, stack, interpolationResume, interpolationKinds, report);
  };
}

function lex(
  text: string, start: number, decodeEntities: boolean, limit: number,
  stack: number[], interpolationResume: number[], interpolationKinds: StringKind[], report: LexProblem[],
): ExpressionScan {
  const r = new Reader(text, start + 1, Math.min(limit, start + MAX_EXPRESSION_LENGTH), decodeEntities);
  const open = r.next();
  stack.push(open === Ch.LParen ? Ch.RParen : Ch.RBrace);
  // most expressions have no problem: they share one empty list
  const done = (closed: boolean, end = r.pos): ExpressionScan => ({ end, closed, problems: report.length ? report.slice() : NO_PROBLEMS });
  while (!r.eof()) {
    const at = r.pos;
    const c = r.next();
    switch (c) {
      case Ch.LParen: stack.push(Ch.RParen); break;
      case Ch.LBrace: stack.push(Ch.RBrace); break;
      case Ch.LBracket: stack.push(Ch.RBracket); break;
      case Ch.RParen: case Ch.RBrace: case Ch.RBracket: {
        // Pop to the matching opener; a stray closer of another kind is C#'s problem, not ours.
        const idx = stack.lastIndexOf(c);
        if (idx >= 0) stack.length = idx;
        if (stack.length === 0) return done(true);
        if (c === Ch.RBrace && interpolationResume.length && interpolationResume[interpolationResume.length - 1] === stack.length) {
          // closing an interpolation hole: continue the interpolated string
          interpolationResume.pop();
          const resume = interpolationKinds.pop()!;
          const res = lexString(r, resume, report, at);
          if (res === 'hole') {
            stack.push(Ch.RBrace);
            interpolationResume.push(stack.length - 1);
            interpolationKinds.push(resume);
          } else if (!res) {
            return done(false);
          }
        }
        break;
      }
      case Ch.Slash: {
        const n = r.peek();
        // `/>` is never C# outside strings and comments: the end of an element the unclosed
        // expression ran into (without this, many unclosed attribute expressions in a row
        // would each scan to the next end tag)
        if (n === 62 /* > */) return done(false, at);
        if (n === Ch.Slash) {
          while (!r.eof()) {
            const k = r.peek();
            if (k === Ch.LF || k === Ch.CR) break;
            r.next();
          }
        } else if (n === Ch.Star) {
          r.next();
          let closedComment = false;
          while (!r.eof()) {
            if (r.next() === Ch.Star && r.peek() === Ch.Slash) { r.next(); closedComment = true; break; }
          }
          if (!closedComment) {
            report.push({ offset: at, length: 2, code: 'expr-unterminated-comment', message: 'Comment is not closed: "*/" is missing.' });
            return done(false);
          }
        }
        break;
      }
      case Ch.Quote: case Ch.At: case Ch.Dollar: {
        const kind = stringKindAt(r, c);
        if (kind) {
          if (kind.interpolated) {
            // enter the string; holes push onto the bracket stack
            const res = lexString(r, kind, report, at);
            if (res === 'hole') {
              stack.push(Ch.RBrace);
              interpolationResume.push(stack.length - 1);
              interpolationKinds.push(kind);
            } else if (!res) {
              return done(false);
            }
          } else if (!lexString(r, kind, report, at)) {
            return done(false);
          }
        }
        break;
      }
      case Ch.Apos: {
        // char literal: up to the next unescaped quote on the same line
        while (!r.eof()) {
          const k = r.peek();
          if (k === Ch.LF || k === Ch.CR) break;
          r.next();
          if (k === Ch.Backslash) { r.next(); continue; }
          if (k === Ch.Apos) break;
        }
        break;
      }
      case Ch.Lt: {
        // `</` never occurs in C# outside strings and comments: the expression was not closed and
        // the XML goes on. Stop here so one broken expression does not swallow the document.
        if (r.peek() === Ch.Slash && r.peekAt(1) !== Ch.Star) {
          return done(false, at);
        }
        break;
      }
    }
  }
  return done(false);
}

interface StringKind {
  verbatim: boolean;
  interpolated: boolean;
  /** Number of quotes that open/close a raw string literal (3 or more), 0 otherwise. */
  raw: number;
  /** For raw interpolated strings: how many braces open a hole. */
  dollars: number;
}

/** Decides whether the character just read starts a string literal, and consumes its prefix. */
function stringKindAt(r: Reader, first: number): StringKind | undefined {
  let verbatim = false;
  let dollars = 0;
  let c = first;
  // prefixes: @"  $"  $@"  @$"  $$"""
  while (c === Ch.At || c === Ch.Dollar) {
    if (c === Ch.At) verbatim = true; else dollars++;
    const n = r.peek();
    if (n !== Ch.At && n !== Ch.Dollar && n !== Ch.Quote) return undefined;
    c = r.next();
  }
  if (c !== Ch.Quote) return undefined;
  // raw string: three or more quotes
  let quotes = 1;
  while (r.peek() === Ch.Quote) { quotes++; r.next(); }
  if (quotes >= 3) return { verbatim: false, interpolated: dollars > 0, raw: quotes, dollars: Math.max(dollars, 1) };
  if (quotes === 2) {
    // "" is an empty string (and @"" an empty verbatim string)
    return { verbatim, interpolated: false, raw: -1, dollars: 0 };
  }
  return { verbatim, interpolated: dollars > 0, raw: 0, dollars };
}

/**
 * Lexes a string body after its opening quote(s). Returns true at the closing quote, 'hole' at an
 * interpolation hole (the `{` has been consumed), false at end of input.
 */
function lexString(r: Reader, kind: StringKind, problems: LexProblem[], startOffset: number): boolean | 'hole' {
  if (kind.raw === -1) return true; // empty string: already complete
  if (kind.raw > 0) {
    let run = 0;
    while (!r.eof()) {
      const c = r.next();
      if (c === Ch.Quote) {
        run++;
        if (run >= kind.raw) return true;
        continue;
      }
      run = 0;
      if (kind.interpolated && c === Ch.LBrace) {
        let n = 1;
        while (r.peek() === Ch.LBrace) { n++; r.next(); }
        if (n >= kind.dollars) return 'hole';
      }
    }
    problems.push({ offset: startOffset, length: 1, code: 'expr-unterminated-string', message: 'Raw string literal is not closed.' });
    return false;
  }
  while (!r.eof()) {
    const c = r.peek();
    if (!kind.verbatim && (c === Ch.LF || c === Ch.CR)) {
      // APIM rejects this on save: a regular string must end on the line it starts.
      problems.push({
        offset: startOffset, length: 1, code: 'expr-unterminated-string',
        message: 'Unterminated string literal: a string that starts with " must end on the same line (use a verbatim string @"..." for several lines).',
      });
      return true; // resume after the line break, as the C# compiler does
    }
    r.next();
    if (c === Ch.Backslash && !kind.verbatim) { r.next(); continue; }
    if (c === Ch.Quote) {
      if (kind.verbatim && r.peek() === Ch.Quote) { r.next(); continue; }
      return true;
    }
    if (kind.interpolated && c === Ch.LBrace) {
      if (r.peek() === Ch.LBrace) { r.next(); continue; }
      return 'hole';
    }
    if (kind.interpolated && c === Ch.RBrace && r.peek() === Ch.RBrace) { r.next(); continue; }
  }
  problems.push({ offset: startOffset, length: 1, code: 'expr-unterminated-string', message: 'String literal is not closed before the end of the expression.' });
  return false;
}
