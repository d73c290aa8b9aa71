/**
 * A small C# tokenizer for what the expression features need to see: identifiers, literals and
 * punctuation, with comments skipped and interpolation holes tokenized as code. It never fails; a
 * string or comment cut off at the end (the cursor) is a token marked `open`.
 */

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

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Tok, start: number, end: number, valueStart = start, valueEnd = end, open = false) => {
    tokens.push({ kind, start, end, valueStart, valueEnd, open });
  };
  /** Open interpolation holes: the string kind to resume and the bracket depth inside the hole. */
  const holes: Array<{ verbatim: boolean; raw: number; dollars: number; depth: number }> = [];
  const n = s.length;
  let i = 0;

  /** Lexes string content from `i` to its end, or to a hole (pushed on `holes`). */
  const stringBody = (start: number, verbatim: boolean, raw: number, interpolated: boolean, dollars: number): void => {
    const contentStart = i;
    for (;;) {
      if (i >= n) {
        push(Tok.String, start, n, contentStart, n, true);
        return;
      }
      const c = s.charCodeAt(i);
      if (raw > 0) {
        if (c === 34 && s.startsWith('"'.repeat(raw), i)) {
          push(Tok.String, start, i + raw, contentStart, i);
          i += raw;
          return;
        }
      } else if (c === 34) {
        if (verbatim && s.charCodeAt(i + 1) === 34) { i += 2; continue; }
        push(Tok.String, start, i + 1, contentStart, i);
        i++;
        return;
      } else if (c === 92 && !verbatim) {
        i += 2;
        continue;
      } else if ((c === 10 || c === 13) && !verbatim) {
        // a regular string ends at the line end (the lexer reports it)
        push(Tok.String, start, i, contentStart, i, true);
        return;
      }
      if (interpolated && c === 123 /* { */) {
        const need = raw > 0 ? dollars : 1;
        let k = 0;
        while (s.charCodeAt(i + k) === 123) k++;
        if (raw === 0 && k >= 2) { i += 2; continue; }
        if (k >= need) {
          push(Tok.String, start, i + k, contentStart, i);
          i += k;
          holes.push({ verbatim, raw, dollars, depth: 0 });
          return;
        }
        i += k;
        continue;
      }
      if (interpolated && raw === 0 && c === 125 && s.charCodeAt(i + 1) === 125) { i += 2; continue; }
      i++;
    }
  };

  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) { i++; continue; }
    const start = i;
    // comments
    if (c === 47 /* / */) {
      const d = s.charCodeAt(i + 1);
      if (d === 47) {
        while (i < n && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
        continue;
      }
      if (d === 42) {
        const close = s.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
        continue;
      }
    }
    // closing an interpolation hole, or a format specifier inside one
    if (holes.length) {
      const hole = holes[holes.length - 1];
      if ((c === 125 || c === 58 /* : */) && hole.depth === 0) {
        if (c === 58) {
          // `{value:format}`: the format runs to the closing brace
          while (i < n && s.charCodeAt(i) !== 125) i++;
        }
        const need = hole.raw > 0 ? hole.dollars : 1;
        holes.pop();
        const resume = i;
        i = Math.min(n, i + need);
        stringBody(resume, hole.verbatim, hole.raw, true, hole.dollars);
        continue;
      }
      if (c === 40 || c === 91 || c === 123) hole.depth++;
      else if ((c === 41 || c === 93 || c === 125) && hole.depth > 0) hole.depth--;
    }
    // strings: "…", @"…", $"…", $@"…", @$"…", """…""", $$"""…"""
    if (c === 34 || ((c === 64 || c === 36) && (s.charCodeAt(i + 1) === 34 || s.charCodeAt(i + 1) === 64 || s.charCodeAt(i + 1) === 36))) {
      let verbatim = false;
      let dollars = 0;
      let j = i;
      while (s.charCodeAt(j) === 64 || s.charCodeAt(j) === 36) {
        if (s.charCodeAt(j) === 64) verbatim = true; else dollars++;
        j++;
      }
      if (s.charCodeAt(j) === 34) {
        let quotes = 0;
        while (s.charCodeAt(j + quotes) === 34) quotes++;
        if (!verbatim && quotes >= 3) {
          i = j + quotes;
          stringBody(start, false, quotes, dollars > 0, Math.max(1, dollars));
          continue;
        }
        if (!verbatim && quotes === 2) {
          // "" is an empty string
          push(Tok.String, start, j + 2, j + 1, j + 1);
          i = j + 2;
          continue;
        }
        i = j + 1;
        stringBody(start, verbatim, 0, dollars > 0, dollars);
        continue;
      }
    }
    // @identifier (a keyword used as a name)
    if (c === 64 && isIdentStart(s.charCodeAt(i + 1))) {
      i += 2;
      while (i < n && isIdentPart(s.charCodeAt(i))) i++;
      push(Tok.Ident, start, i, start + 1, i);
      continue;
    }
    if (c === 39 /* ' */) {
      i++;
      while (i < n) {
        const k = s.charCodeAt(i);
        if (k === 10 || k === 13) break;
        if (k === 92) { i += 2; continue; }
        if (k === 39) break;
        i++;
      }
      const closed = i < n && s.charCodeAt(i) === 39;
      push(Tok.Char, start, closed ? i + 1 : i, start + 1, Math.min(i, n), !closed);
      if (closed) i++;
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(s.charCodeAt(i))) i++;
      push(Tok.Ident, start, i);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(i + 1)))) {
      i++;
      for (;;) {
        const k = s.charCodeAt(i);
        if (isIdentPart(k)) { i++; continue; }
        // a decimal point only when a digit follows (`1.ToString()` is `1` `.` `ToString`)
        if (k === 46 && isDigit(s.charCodeAt(i + 1))) { i++; continue; }
        if ((k === 43 || k === 45) && (s.charCodeAt(i - 1) === 101 || s.charCodeAt(i - 1) === 69) && isDigit(s.charCodeAt(i + 1))) { i++; continue; }
        break;
      }
      push(Tok.Number, start, i);
      continue;
    }
    const two = s.substring(i, i + 2);
    if (TWO_CHAR.has(two) && !(two === '?.' && isDigit(s.charCodeAt(i + 2)))) {
      push(Tok.Punct, start, i + 2);
      i += 2;
      continue;
    }
    push(Tok.Punct, start, i + 1);
    i++;
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
