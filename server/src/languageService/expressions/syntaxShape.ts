/**
 * The shape of an expression body for its C# syntax check: the body with the content of each plain
 * string literal taken out (`Headers.GetValueOrDefault("x-id", "")` becomes
 * `Headers.GetValueOrDefault("", "")`). Policies repeat a few shapes with different strings, and
 * bodies of the same shape are either all valid C# or all not: the grammar reads a plain string's
 * content as one token of any characters but `"`, `\` and a line break, whatever they are. So a
 * shape parsed once without error needs no second parse.
 *
 * Only what this scan models is shaped: a body with a comment, a directive, a verbatim,
 * interpolated or raw string, an escape sequence, a line break or a NUL in a string, or a string
 * followed at once by a quote has no shape (its text is parsed like any other). A test holds
 * bodies and their shapes against the grammar, on the corpus and on generated string contents.
 */

const NUL = 0;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const LINE_FEED = 10;
const SLASH = 47;
const STAR = 42;
const HASH = 35;
const AT = 64;
const DOLLAR = 36;

/** The shape of `body`, or undefined when the body holds something the scan does not model. */
export function syntaxShape(body: string): string | undefined {
  const parts: string[] = [];
  let copied = 0;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    if (c === QUOTE) {
      const before = i > 0 ? body.charCodeAt(i - 1) : 0;
      if (before === AT || before === DOLLAR || (body.charCodeAt(i + 1) === QUOTE && body.charCodeAt(i + 2) === QUOTE)) return undefined;
      let end = i + 1;
      while (end < n) {
        const d = body.charCodeAt(end);
        // a NUL ends the text for tree-sitter's lexer
        if (d === QUOTE || d === BACKSLASH || d === LINE_FEED || d === NUL) break;
        end++;
      }
      if (end >= n || body.charCodeAt(end) !== QUOTE) return undefined;
      // `"a"""`: without its content the string would run into the next quote as `"""`
      if (body.charCodeAt(end + 1) === QUOTE) return undefined;
      if (end > i + 1) {
        parts.push(body.substring(copied, i + 1));
        copied = end;
      }
      i = end;
    } else if (c === APOSTROPHE) {
      // a character literal: stepped over, so that a quote in it is not taken for a string
      const end = body.charCodeAt(i + 1) === BACKSLASH ? body.indexOf("'", i + 3) : i + 2;
      if (end < 0 || body.charCodeAt(end) !== APOSTROPHE) return undefined;
      i = end;
    } else if (c === HASH || (c === SLASH && (body.charCodeAt(i + 1) === SLASH || body.charCodeAt(i + 1) === STAR))) {
      return undefined;
    }
  }
  if (!parts.length) return body;
  parts.push(body.substring(copied));
  return parts.join('');
}
