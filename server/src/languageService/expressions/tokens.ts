/**
 * A small C# tokenizer for what the expression features need to see: identifiers, literals and
 * punctuation, with comments skipped and interpolation holes tokenized as code. Strings, chars and
 * comments are the C# lexer's (parser/csharpLexer.ts). It never fails; a string or comment cut off
 * at the end (the cursor) is a token marked `open`.
 */
import { CSharpLexer, LexFlag, Lexeme } from '../parser/csharpLexer';

export const enum Tok {
  Ident,
  Number,
  /** A string literal, or a literal part of an interpolated string. */
  String,
  Char,
  Punct,
}

export interface Token {
  kind: Tok;
  start: number;
  end: number;
  /** Strings and chars: where the content starts and ends (without quotes and prefixes). */
  valueStart: number;
  valueEnd: number;
  /** A string or char that the text ends inside. */
  open: boolean;
}

const TWO_CHAR = new Set(['?.', '==', '!=', '=>', '??', '::', '&&', '||', '<=', '>=', '++', '--', '+=', '-=', '*=', '/=']);

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Tok, start: number, end: number, valueStart = start, valueEnd = end, open = false) => {
    tokens.push({ kind, start, end, valueStart, valueEnd, open });
  };
  const lexer = new CSharpLexer();
  lexer.reset(s, 0, s.length, false);
  for (;;) {
    const lexeme = lexer.next();
    if (lexeme === Lexeme.End) break;
    const start = lexer.start;
    if (lexeme === Lexeme.String || lexeme === Lexeme.Char) {
      push(lexeme === Lexeme.String ? Tok.String : Tok.Char, start, lexer.pos, lexer.valueStart, lexer.valueEnd, (lexer.flags & (LexFlag.Open | LexFlag.LineEnd)) !== 0);
      continue;
    }
    if (lexeme === Lexeme.Comment) continue;
    const c = lexer.code;
    if (isSpace(c)) continue;
    // names and numbers hold no bracket, quote or slash: the lexer is moved past them
    let i = start + 1;
    // @identifier (a keyword used as a name)
    if (c === 64 && isIdentStart(s.charCodeAt(i))) {
      i++;
      while (i < s.length && isIdentPart(s.charCodeAt(i))) i++;
      push(Tok.Ident, start, i, start + 1, i);
    } else if (isIdentStart(c)) {
      while (i < s.length && isIdentPart(s.charCodeAt(i))) i++;
      push(Tok.Ident, start, i);
    } else if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(i)))) {
      for (;;) {
        const k = s.charCodeAt(i);
        if (isIdentPart(k)) { i++; continue; }
        // a decimal point only when a digit follows (`1.ToString()` is `1` `.` `ToString`)
        if (k === 46 && isDigit(s.charCodeAt(i + 1))) { i++; continue; }
        if ((k === 43 || k === 45) && (s.charCodeAt(i - 1) === 101 || s.charCodeAt(i - 1) === 69) && isDigit(s.charCodeAt(i + 1))) { i++; continue; }
        break;
      }
      push(Tok.Number, start, i);
    } else {
      const two = s.substring(start, start + 2);
      if (TWO_CHAR.has(two) && !(two === '?.' && isDigit(s.charCodeAt(start + 2)))) i++;
      push(Tok.Punct, start, i);
    }
    // white space after a token is stepped over here, not one lexeme at a time
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    lexer.pos = i;
  }
  return tokens;
}

/** Index of the bracket that closes each opening bracket token (`(`, `[`, `{`), -1 when none. */
export function matchBrackets(s: string, tokens: readonly Token[]): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== Tok.Punct || t.end - t.start !== 1) continue;
    const c = s.charCodeAt(t.start);
    if (c === 40 || c === 91 || c === 123) stack.push(i);
    else if (c === 41 || c === 93 || c === 125) {
      const open = c === 41 ? 40 : c === 93 ? 91 : 123;
      // a stray closer matches nothing; look only a few levels down so broken input stays linear
      for (let k = stack.length - 1; k >= 0 && k >= stack.length - 8; k--) {
        if (s.charCodeAt(tokens[stack[k]].start) === open) {
          match[stack[k]] = i;
          stack.length = k;
          break;
        }
      }
    }
  }
  return match;
}
