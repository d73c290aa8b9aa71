/**
 * The one lexer for what C# text hides from a bracket or token scan: strings (regular, verbatim
 * `@"…"`, interpolated `$"…{…}…"` with nested holes and format clauses, raw `"""…"""` and
 * `$$"""…{{…}}…"""`), character literals and comments. Everything else is handed out one
 * character at a time as code, so each caller keeps its own idea of code: the parser's expression
 * scanner counts brackets, the expression tokenizer groups names and numbers, the shape memo looks
 * for what it does not model.
 *
 * Inside XML the text may be entity-encoded (`&quot;` in an attribute written in the "xml"
 * format); with `decode` set, an entity reads as the character it stands for, so both formats lex
 * alike. One lexer is reset per text and reuses its hole stack (no allocation per character or
 * per expression).
 */
import { entityAt } from '../utils/xmlEntities';

export const enum Lexeme {
  End,
  /** One character of code: `code` holds it (decoded), `start` where it is. */
  Code,
  /** A string literal, or the part of an interpolated string up to a hole or after one. */
  String,
  Char,
  Comment,
}

/** What a String (or Char, or Comment) lexeme was. */
export const enum LexFlag {
  Verbatim = 1,
  Interpolated = 2,
  Raw = 4,
  /** An escape sequence (`\x`, or `""` in a verbatim string) in the content. */
  Escape = 8,
  /** A regular string cut by a line break (C# rejects it; the lexeme ends before the break). */
  LineEnd = 16,
  /** The text ended inside the string, character literal or block comment. */
  Open = 32,
  /** A NUL character in a string's content (some readers end the text there). */
  Nul = 64,
}

const enum Ch {
  LF = 10, CR = 13, Quote = 34, Dollar = 36, Amp = 38, Apos = 39, LParen = 40, RParen = 41,
  Star = 42, Slash = 47, Colon = 58, At = 64, LBracket = 91, Backslash = 92, RBracket = 93, LBrace = 123, RBrace = 125,
}

/**
 * Characters the lexer must see: they may start a string, char or comment, or an entity. In an
 * interpolation hole, brackets and `:` matter too.
 */
const LEXER_STOPS = charSet('/"@$\'&');
const HOLE_STOPS = charSet('/"@$\'&()[]{}:');
/** Characters a string body must look at; the rest is content, stepped over in a tight loop. */
const STRING_STOPS = charSet('"\\\n\r&{}\0');
const RAW_STOPS = charSet('"&{');

/** A table of ASCII characters, for `skipCode`. */
export function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

export class CSharpLexer {
  private text = '';
  /** Offset of the next character. */
  pos = 0;
  private limit = 0;
  private decode = false;
  private crEndsLine = true;
  /** Width in the source of the character the last `peek` returned. */
  private peekWidth = 1;

  /** The last lexeme: where it starts, its content (strings, chars), its code character, its flags. */
  start = 0;
  valueStart = 0;
  valueEnd = 0;
  code = 0;
  flags = 0;

  // open interpolation holes, innermost last, four numbers each: the flags, dollars and quotes of
  // the string to resume, and the bracket depth inside the hole
  private readonly holes: number[] = [];

  /**
   * Lexes `text[start, limit)`. `decode` reads XML entities as characters. `crEndsLine` false
   * keeps a lone CR inside a regular string (the C# grammar of the syntax check reads only LF as
   * the end of a line; the compiler, and so APIM, reads CR too).
   */
  reset(text: string, start: number, limit: number, decode: boolean, crEndsLine = true): void {
    this.text = text;
    this.pos = start;
    this.limit = limit;
    this.decode = decode;
    this.crEndsLine = crEndsLine;
    // setting a length is a call into the runtime, and nearly every expression has no hole left
    if (this.holes.length) this.holes.length = 0;
  }

  /** The next character without advancing, or -1 at the end. */
  peek(): number {
    if (this.pos >= this.limit) return -1;
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    this.peekWidth = 1;
    if (c === Ch.Amp && this.decode) {
      const entity = entityAt(text, this.pos);
      if (entity >= 0) {
        this.peekWidth = entity >>> 16;
        return entity & 0xffff;
      }
    }
    return c;
  }

  /** The character after the next one, or -1. */
  peekAfter(): number {
    const save = this.pos;
    if (this.peek() < 0) return -1;
    this.pos += this.peekWidth;
    const c = this.peek();
    this.pos = save;
    return c;
  }

  /**
   * Steps over code that neither the lexer nor the caller needs to see one character at a time:
   * up to the next character in `stops` or one the lexer must read (non-ASCII is plain code).
   */
  skipCode(stops: Uint8Array): void {
    const text = this.text;
    const limit = this.limit;
    const lexerStops = this.holes.length ? HOLE_STOPS : LEXER_STOPS;
    let pos = this.pos;
    while (pos < limit) {
      const c = text.charCodeAt(pos);
      if (c < 128 && (stops[c] | lexerStops[c])) break;
      pos++;
    }
    this.pos = pos;
  }

  /** Steps over characters that are not in `stops` (non-ASCII never is). */
  private skip(stops: Uint8Array): void {
    const text = this.text;
    const limit = this.limit;
    let pos = this.pos;
    while (pos < limit) {
      const c = text.charCodeAt(pos);
      if (c < 128 && stops[c]) break;
      pos++;
    }
    this.pos = pos;
  }

  private read(): number {
    const c = this.peek();
    this.pos += this.peekWidth;
    return c;
  }

  next(): Lexeme {
    if (this.pos >= this.limit) return Lexeme.End;
    this.start = this.pos;
    this.flags = 0;
    const c = this.read();
    const holes = this.holes;
    if (holes.length) {
      const top = holes.length - 4;
      const depth = holes[top + 3];
      if (depth === 0 && (c === Ch.RBrace || c === Ch.Colon)) return this.closeHole(c, top);
      if (c === Ch.LParen || c === Ch.LBracket || c === Ch.LBrace) holes[top + 3] = depth + 1;
      else if ((c === Ch.RParen || c === Ch.RBracket || c === Ch.RBrace) && depth > 0) holes[top + 3] = depth - 1;
    }
    switch (c) {
      case Ch.Slash: {
        const d = this.peek();
        if (d === Ch.Slash) return this.lineComment();
        if (d === Ch.Star) return this.blockComment();
        break;
      }
      case Ch.Quote:
        return this.string(0, 0);
      case Ch.At: case Ch.Dollar:
        if (this.stringPrefix(c)) return Lexeme.String;
        break;
      case Ch.Apos:
        return this.charLiteral();
    }
    this.code = c;
    return Lexeme.Code;
  }

  /** `@"`, `$"`, `$@"`, `@$"`, `$$"""`: lexes the string when the prefix leads to a quote. */
  private stringPrefix(first: number): boolean {
    const save = this.pos;
    let verbatim = first === Ch.At ? LexFlag.Verbatim : 0;
    let dollars = first === Ch.Dollar ? 1 : 0;
    for (;;) {
      const c = this.peek();
      if (c === Ch.Quote) {
        this.pos += this.peekWidth;
        this.string(verbatim, dollars);
        return true;
      }
      if (c !== Ch.At && c !== Ch.Dollar) {
        this.pos = save;
        return false;
      }
      if (c === Ch.At) verbatim = LexFlag.Verbatim; else dollars++;
      this.pos += this.peekWidth;
    }
  }

  /** After the opening quote of a string with its prefix read. */
  private string(verbatim: number, dollars: number): Lexeme {
    const interpolated = dollars > 0 ? LexFlag.Interpolated : 0;
    if (!verbatim) {
      const afterFirst = this.pos;
      let quotes = 1;
      while (this.peek() === Ch.Quote) { quotes++; this.pos += this.peekWidth; }
      if (quotes >= 3) return this.rawBody(LexFlag.Raw | interpolated, Math.max(dollars, 1), quotes);
      if (quotes === 2) {
        // "" is an empty string
        this.flags = interpolated;
        this.valueStart = this.valueEnd = afterFirst;
        return Lexeme.String;
      }
    }
    return this.body(verbatim | interpolated);
  }

  /** The content of a regular or verbatim string, to its closing quote or its next hole. */
  private body(flags: number): Lexeme {
    this.valueStart = this.pos;
    const verbatim = (flags & LexFlag.Verbatim) !== 0;
    const interpolated = (flags & LexFlag.Interpolated) !== 0;
    while (this.pos < this.limit) {
      this.skip(STRING_STOPS);
      if (this.pos >= this.limit) break;
      const at = this.pos;
      const c = this.peek();
      if (!verbatim && (c === Ch.LF || (c === Ch.CR && this.crEndsLine))) {
        this.flags = flags | LexFlag.LineEnd;
        this.valueEnd = at;
        return Lexeme.String;
      }
      this.pos += this.peekWidth;
      if (c === 0) {
        flags |= LexFlag.Nul;
        continue;
      }
      if (c === Ch.Backslash && !verbatim) {
        flags |= LexFlag.Escape;
        if (this.pos < this.limit) this.read();
        continue;
      }
      if (c === Ch.Quote) {
        if (verbatim && this.peek() === Ch.Quote) { this.pos += this.peekWidth; flags |= LexFlag.Escape; continue; }
        this.flags = flags;
        this.valueEnd = at;
        return Lexeme.String;
      }
      if (interpolated && c === Ch.LBrace) {
        if (this.peek() === Ch.LBrace) { this.pos += this.peekWidth; continue; }
        this.flags = flags;
        this.valueEnd = at;
        this.openHole(flags, 1, 0);
        return Lexeme.String;
      }
      if (interpolated && c === Ch.RBrace && this.peek() === Ch.RBrace) this.pos += this.peekWidth;
    }
    this.flags = flags | LexFlag.Open;
    this.valueEnd = this.pos;
    return Lexeme.String;
  }

  /** The content of a raw string (`quotes` quotes close it; `dollars` braces open a hole). */
  private rawBody(flags: number, dollars: number, quotes: number): Lexeme {
    this.valueStart = this.pos;
    const interpolated = (flags & LexFlag.Interpolated) !== 0;
    let run = 0;
    let runStart = 0;
    while (this.pos < this.limit) {
      if (run === 0) {
        this.skip(RAW_STOPS);
        if (this.pos >= this.limit) break;
      }
      const at = this.pos;
      const c = this.read();
      if (c === Ch.Quote) {
        if (run === 0) runStart = at;
        if (++run >= quotes) {
          this.flags = flags;
          this.valueEnd = runStart;
          return Lexeme.String;
        }
        continue;
      }
      run = 0;
      if (interpolated && c === Ch.LBrace) {
        let n = 1;
        while (this.peek() === Ch.LBrace) { n++; this.pos += this.peekWidth; }
        if (n >= dollars) {
          this.flags = flags;
          this.valueEnd = at;
          this.openHole(flags, dollars, quotes);
          return Lexeme.String;
        }
      }
    }
    this.flags = flags | LexFlag.Open;
    this.valueEnd = this.pos;
    return Lexeme.String;
  }

  private openHole(flags: number, dollars: number, quotes: number): void {
    this.holes.push(flags, dollars, quotes, 0);
  }

  /** At the `}` that closes the innermost hole, or the `:` of its format clause: resumes its string. */
  private closeHole(c: number, top: number): Lexeme {
    const holes = this.holes;
    const flags = holes[top];
    const dollars = holes[top + 1];
    const quotes = holes[top + 2];
    holes.length = top;
    let closed = c === Ch.RBrace;
    if (!closed) {
      // `{value:format}`: the format is text up to the brace (a quote or line break in it ends
      // the clause of a regular string, as it ends the string)
      const lineBound = quotes === 0 && (flags & LexFlag.Verbatim) === 0;
      for (;;) {
        const d = this.peek();
        if (d < 0 || (quotes === 0 && d === Ch.Quote) || (lineBound && (d === Ch.LF || d === Ch.CR))) break;
        this.pos += this.peekWidth;
        if (d === Ch.RBrace) { closed = true; break; }
      }
    }
    // a raw hole closes with as many braces as opened it
    if (closed) for (let k = 1; k < dollars && this.peek() === Ch.RBrace; k++) this.pos += this.peekWidth;
    return quotes > 0 ? this.rawBody(flags, dollars, quotes) : this.body(flags);
  }

  private charLiteral(): Lexeme {
    this.valueStart = this.pos;
    while (this.pos < this.limit) {
      const at = this.pos;
      const k = this.peek();
      if (k === Ch.LF || k === Ch.CR) break;
      this.pos += this.peekWidth;
      if (k === Ch.Backslash) {
        if (this.pos < this.limit) this.read();
        continue;
      }
      if (k === Ch.Apos) {
        this.valueEnd = at;
        return Lexeme.Char;
      }
    }
    this.valueEnd = this.pos;
    this.flags = LexFlag.Open;
    return Lexeme.Char;
  }

  private lineComment(): Lexeme {
    while (this.pos < this.limit) {
      const k = this.peek();
      if (k === Ch.LF || k === Ch.CR) break;
      this.pos += this.peekWidth;
    }
    return Lexeme.Comment;
  }

  private blockComment(): Lexeme {
    this.pos += this.peekWidth;
    while (this.pos < this.limit) {
      if (this.read() === Ch.Star && this.peek() === Ch.Slash) {
        this.pos += this.peekWidth;
        return Lexeme.Comment;
      }
    }
    this.flags = LexFlag.Open;
    return Lexeme.Comment;
  }
}
