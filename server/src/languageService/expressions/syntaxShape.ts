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

import { charSet, CSharpLexer, LexFlag, Lexeme } from '../parser/csharpLexer';

const QUOTE = 34;
const BACKSLASH = 92;
const HASH = 35;
const STOPS = charSet('#');
/** What makes a string one the scan does not model. */
// (a NUL ends the text for tree-sitter's lexer)
const UNMODELLED = LexFlag.Verbatim | LexFlag.Interpolated | LexFlag.Raw | LexFlag.Escape | LexFlag.LineEnd | LexFlag.Open | LexFlag.Nul;

/** The shape of `body`, or undefined when the body holds something the scan does not model. */
export function syntaxShape(body: string): string | undefined {
  const parts: string[] = [];
  let copied = 0;
  const lexer = new CSharpLexer();
  // the grammar reads only LF as the end of a line in a string
  lexer.reset(body, 0, body.length, false, false);
  for (;;) {
    lexer.skipCode(STOPS);
    switch (lexer.next()) {
      case Lexeme.End:
        if (!parts.length) return body;
        parts.push(body.substring(copied));
        return parts.join('');
      case Lexeme.Code:
        if (lexer.code === HASH) return undefined;
        break;
      case Lexeme.Comment:
        return undefined;
      case Lexeme.Char:
        // one character or one escape sequence: a quote in it is not taken for a string
        if (lexer.flags & LexFlag.Open) return undefined;
        if (lexer.valueEnd - lexer.valueStart !== 1 && body.charCodeAt(lexer.valueStart) !== BACKSLASH) return undefined;
        break;
      case Lexeme.String:
        if (lexer.flags & UNMODELLED) return undefined;
        // `"a"""`: without its content the string would run into the next quote as `"""`
        if (body.charCodeAt(lexer.pos) === QUOTE) return undefined;
        if (lexer.valueEnd > lexer.valueStart) {
          parts.push(body.substring(copied, lexer.valueStart));
          copied = lexer.valueEnd;
        }
        break;
    }
  }
}
