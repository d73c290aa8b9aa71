/**
 * A quick "surely valid" for the plain C# most policy expressions are made of: member chains,
 * calls (generic ones too), indexers, literals, operators, casts, `as`, `new T(…)`, `?:` and
 * one-parameter lambdas. When it says yes, the C# grammar (tree-sitter, csharpParser.ts) finds no
 * error in the body either, so the body needs no parse: its checks are complete without the
 * WebAssembly parser, which a fresh host is still loading (issue 18: the complete diagnostics of a
 * large policy in a fresh server), and a workspace pass parses less.
 *
 * It only ever answers yes or "ask the parser": anything it does not model (statements, code
 * blocks, comments, directives, interpolated or raw strings, patterns, shifts, `++`, keywords
 * other than those it knows, characters outside ASCII) is left to the parser, which also words
 * every error. A test holds its yes against the grammar on every expression of the corpus and on
 * mutations of them.
 */
import { CSharpLexer, LexFlag, Lexeme } from '../parser/csharpLexer';

const enum K { Name, Keyword, Literal, Punct }

/** Reserved words and the contextual ones with a meaning in expressions: never plain names here. */
const KEYWORDS = new Set(`abstract as base bool break byte case catch char checked class const continue decimal default delegate do
double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long
namespace new null object operator out override params private protected public readonly ref return sbyte sealed short sizeof
stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while
add and alias args ascending async await by descending dynamic equals from get global group init into join let managed nameof nint not
notnull nuint on or orderby partial record remove required scoped select set unmanaged value var when where with yield file`.split(/\s+/));

/** The built-in types that may start a member access (`string.Join`), a cast, a type argument. */
const PREDEFINED = new Set(['bool', 'byte', 'char', 'decimal', 'double', 'float', 'int', 'long', 'object', 'sbyte', 'short', 'string', 'uint', 'ulong', 'ushort']);

/** Binary operators (one token each; `<` and `>` are single characters, so shifts are never formed). */
const BINARY = new Set(['+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||', '&', '|', '^', '??']);

const TWO_CHAR = new Set(['?.', '==', '!=', '=>', '??', '&&', '||', '<=', '>=']);
/** Punctuation it models; any other character sends the body to the parser. */
const ONE_CHAR = new Set(['(', ')', '[', ']', '.', ',', ':', '?', '+', '-', '*', '/', '%', '<', '>', '!', '&', '|', '^', '~']);

const NUMBER = /^(?:\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[fFdDmM]?|\d+(?:[uU][lL]?|[lL][uU]?)?|0[xX][0-9a-fA-F]+(?:[uU][lL]?|[lL][uU]?)?)$/;
/** The escape sequences of a regular string or char literal. */
const ESCAPE = String.raw`\\(?:['"\\0abfnrtv]|x[0-9a-fA-F]{1,4}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})`;
const ESCAPES = new RegExp(ESCAPE, 'g');
/** A char literal's content when it is one escape sequence and nothing else. */
const ONE_ESCAPE = new RegExp(`^${ESCAPE}$`);

interface Tokens {
  kind: K[];
  text: string[];
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/** The body's tokens, or undefined when it holds something not modelled. */
function tokenize(body: string): Tokens | undefined {
  const out: Tokens = { kind: [], text: [] };
  const lexer = new CSharpLexer();
  lexer.reset(body, 0, body.length, false, false);
  /** Whether white space came since the last token. */
  let spaced = true;
  const push = (kind: K, text: string) => {
    out.kind.push(kind);
    out.text.push(text);
    spaced = false;
  };
  for (;;) {
    const lexeme = lexer.next();
    if (lexeme === Lexeme.End) return out;
    const start = lexer.start;
    if (lexeme === Lexeme.Comment) return undefined;
    if (lexeme === Lexeme.String) {
      if (lexer.flags & (LexFlag.Interpolated | LexFlag.Raw | LexFlag.Open | LexFlag.LineEnd | LexFlag.Nul)) return undefined;
      const content = body.substring(lexer.valueStart, lexer.valueEnd);
      if (!(lexer.flags & LexFlag.Verbatim) && content.replace(ESCAPES, '').includes('\\')) return undefined;
      // a suffix (`"a"u8`) or a quote right after is not modelled
      if (isNamePart(body.charCodeAt(lexer.pos)) || body.charCodeAt(lexer.pos) === 34) return undefined;
      push(K.Literal, '""');
      continue;
    }
    if (lexeme === Lexeme.Char) {
      if (lexer.flags & LexFlag.Open) return undefined;
      const content = body.substring(lexer.valueStart, lexer.valueEnd);
      // one character, or exactly one escape sequence (`'\n\n'` is two: not C#)
      const one = content.length === 1 && content !== '\\' && content !== "'" && content !== '\n' && content !== '\r';
      if (!one && !ONE_ESCAPE.test(content)) return undefined;
      push(K.Literal, "''");
      continue;
    }
    const c = lexer.code;
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      spaced = true;
      continue;
    }
    let i = start + 1;
    if (isNameStart(c)) {
      while (i < body.length && isNamePart(body.charCodeAt(i))) i++;
      const word = body.substring(start, i);
      push(KEYWORDS.has(word) ? K.Keyword : K.Name, word);
    } else if (c >= 48 && c <= 57) {
      for (;;) {
        const k = body.charCodeAt(i);
        if (isNamePart(k) || (k === 46 && body.charCodeAt(i + 1) >= 48 && body.charCodeAt(i + 1) <= 57)) { i++; continue; }
        if ((k === 43 || k === 45) && (body.charCodeAt(i - 1) | 32) === 101 && !/^0[xX]/.test(body.substring(start, i))) { i++; continue; }
        break;
      }
      if (!NUMBER.test(body.substring(start, i))) return undefined;
      push(K.Literal, '0');
    } else {
      const two = body.substring(start, start + 2);
      if (TWO_CHAR.has(two)) i++;
      else if (!ONE_CHAR.has(body[start])) return undefined;
      // `++` and `--` (and `+ +` read as one by nobody): a sign right after the same sign is not modelled
      const n = out.text.length;
      if ((c === 43 || c === 45) && !spaced && n && out.kind[n - 1] === K.Punct && out.text[n - 1] === body[start]) return undefined;
      push(K.Punct, body.substring(start, i));
    }
    lexer.pos = i;
  }
}

/** Deepest nesting followed: deeper bodies go to the parser (no recursion without end). */
const MAX_DEPTH = 64;

/** A recursive-descent reader over the tokens: each method returns whether it read its construct. */
class Reader {
  private i = 0;
  private depth = 0;
  constructor(private readonly t: Tokens) {}

  private at(text: string, k = 0): boolean {
    const j = this.i + k;
    return j < this.t.text.length && this.t.text[j] === text && this.t.kind[j] !== K.Literal;
  }

  private kindAt(k = 0): K | undefined {
    return this.t.kind[this.i + k];
  }

  private eat(text: string): boolean {
    if (!this.at(text)) return false;
    this.i++;
    return true;
  }

  done(): boolean {
    return this.i === this.t.text.length;
  }

  expression(): boolean {
    if (++this.depth > MAX_DEPTH) return false;
    try {
      // `x => body`
      if (this.kindAt() === K.Name && this.at('=>', 1)) {
        this.i += 2;
        return this.expression();
      }
      if (!this.binary()) return false;
      if (this.eat('?')) return this.expression() && this.eat(':') && this.expression();
      return true;
    } finally {
      this.depth--;
    }
  }

  private binary(): boolean {
    if (!this.unary()) return false;
    for (;;) {
      const k = this.kindAt();
      if (k === K.Punct && BINARY.has(this.t.text[this.i])) {
        // `a > > b` reads as a shift to the compiler: two angle brackets in a row are not modelled
        const op = this.t.text[this.i];
        if ((op === '<' || op === '>') && (this.at('<', 1) || this.at('>', 1))) return false;
        this.i++;
        if (!this.unary()) return false;
        continue;
      }
      if (k === K.Keyword && this.t.text[this.i] === 'as') {
        this.i++;
        // `T?` after `as` would meet `?:`: a nullable type is not modelled there
        if (!this.type(false)) return false;
        continue;
      }
      return true;
    }
  }

  private unary(): boolean {
    if (++this.depth > MAX_DEPTH) return false;
    try {
      if (this.at('!') || this.at('-') || this.at('+') || this.at('~')) {
        this.i++;
        return this.unary();
      }
      if (this.at('(') && this.castAhead()) return this.unary();
      return this.primary() && this.postfix();
    } finally {
      this.depth--;
    }
  }

  /**
   * `(T)x`: a built-in type in brackets, or a dotted name followed by what can only start an
   * operand (a name or a literal). Reads the cast when it is one; otherwise reads nothing.
   */
  private castAhead(): boolean {
    const save = this.i;
    this.i++;
    const predefined = this.kindAt() === K.Keyword && PREDEFINED.has(this.t.text[this.i]);
    if (this.type(true) && this.eat(')')) {
      const next = this.kindAt();
      if (predefined || next === K.Name || next === K.Literal) return true;
    }
    this.i = save;
    return false;
  }

  private primary(): boolean {
    const k = this.kindAt();
    const word = this.t.text[this.i];
    if (k === K.Literal) {
      this.i++;
      return true;
    }
    if (k === K.Name) {
      this.i++;
      this.typeArgumentsBeforeCall();
      return true;
    }
    if (k === K.Keyword) {
      if (word === 'true' || word === 'false' || word === 'null') {
        this.i++;
        return true;
      }
      if (PREDEFINED.has(word) && this.at('.', 1)) {
        this.i++;
        return true;
      }
      if (word === 'new') {
        this.i++;
        // `new T(…)` only: no initializer, array or anonymous object
        return this.type(false) && this.at('(') && this.arguments('(', ')') && !this.at('{') && !this.at('[');
      }
      return false;
    }
    if (this.eat('(')) return this.expression() && this.eat(')');
    return false;
  }

  /** `.M`, `?.M`, calls, indexers, as many as there are. */
  private postfix(): boolean {
    for (;;) {
      if (this.at('.') || this.at('?.')) {
        this.i++;
        if (this.kindAt() !== K.Name) return false;
        this.i++;
        this.typeArgumentsBeforeCall();
        continue;
      }
      if (this.at('(')) {
        if (!this.arguments('(', ')')) return false;
        continue;
      }
      if (this.at('[')) {
        // an empty indexer is not C#
        if (this.at(']', 1) || !this.arguments('[', ']')) return false;
        continue;
      }
      return true;
    }
  }

  /** `<T, U>` right after a name, when a call follows: read as type arguments; otherwise nothing is read. */
  private typeArgumentsBeforeCall(): void {
    if (!this.at('<')) return;
    const save = this.i;
    if (this.typeArguments() && this.at('(')) return;
    this.i = save;
  }

  private typeArguments(): boolean {
    if (!this.eat('<')) return false;
    do {
      if (!this.type(true)) return false;
    } while (this.eat(','));
    return this.eat('>');
  }

  /** A type: a built-in one or a dotted name, type arguments, `[]`s, and (when `nullable`) one `?`. */
  private type(nullable: boolean): boolean {
    if (++this.depth > MAX_DEPTH) return false;
    try {
      const k = this.kindAt();
      if (k === K.Keyword && PREDEFINED.has(this.t.text[this.i])) {
        this.i++;
      } else if (k === K.Name) {
        this.i++;
        if (this.at('<') && !this.typeArguments()) return false;
        while (this.at('.')) {
          this.i++;
          if (this.kindAt() !== K.Name) return false;
          this.i++;
          if (this.at('<') && !this.typeArguments()) return false;
        }
      } else {
        return false;
      }
      if (nullable && this.at('?') && !this.at('?', 1)) this.i++;
      while (this.at('[') && this.at(']', 1)) this.i += 2;
      return true;
    } finally {
      this.depth--;
    }
  }

  /** `(a, name: b)` or `[a, b]`: arguments separated by commas, a name before one allowed in calls. */
  private arguments(open: string, close: string): boolean {
    if (!this.eat(open)) return false;
    if (this.eat(close)) return true;
    do {
      if (open === '(' && this.kindAt() === K.Name && this.at(':', 1)) this.i += 2;
      if (!this.expression()) return false;
    } while (this.eat(','));
    return this.eat(close);
  }
}

/** Longer bodies go to the parser: the answer must stay cheap. */
const MAX_BODY = 4096;

/**
 * True when the body of an `@(...)` expression is surely valid C#: the grammar would find no error
 * in it. False means "not known": ask the parser.
 */
export function isPlainValidExpression(body: string): boolean {
  if (body.length > MAX_BODY) return false;
  const tokens = tokenize(body);
  if (!tokens || !tokens.text.length) return false;
  const reader = new Reader(tokens);
  return reader.expression() && reader.done();
}
