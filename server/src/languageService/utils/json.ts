/**
 * The one way JSON from the workspace is parsed (flow configs, definition files, named values,
 * backends): JSONC with comments, trailing commas and a BOM, into an offset tree.
 *
 * jsonc-parser builds its tree by recursion, so a committed file of a few kilobytes nested some
 * thousands of levels deep overflows the stack, and the throw would end whatever was reading the
 * workspace. The nesting depth is measured first with the (iterative) scanner; a file deeper than
 * MAX_JSON_DEPTH gets a syntax error at the bracket that crosses the limit and no tree.
 */

import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';

/**
 * Deeper than any real config or export (Logic Apps nests actions at most 8 levels, a few JSON
 * levels each, inside an ARM template's handful), far below what the recursive parse survives.
 */
export const MAX_JSON_DEPTH = 256;

export interface JsonSyntaxError {
  offset: number;
  length: number;
  /** Plain words, without a trailing period: "the string is not closed". */
  message: string;
}

export interface JsonParseResult {
  root: Node | undefined;
  errors: JsonSyntaxError[];
}

export function parseJsonTree(text: string): JsonParseResult {
  // A BOM is not JSON whitespace for jsonc-parser; a space keeps every offset where it was.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tooDeep = firstTooDeep(source);
  if (tooDeep !== undefined) {
    return { root: undefined, errors: [{ offset: tooDeep, length: 1, message: `nested deeper than ${MAX_JSON_DEPTH} levels; the file is not read` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  return { root, errors: errors.map(e => ({ offset: e.offset, length: Math.max(e.length, 0), message: syntaxMessage(printParseErrorCode(e.error)) })) };
}

/**
 * Offset of the first `{` or `[` past the depth limit; undefined when the text stays within it.
 * A closer pops only the opener of its own kind: the parser ends a container on its own closer
 * (or the end of the text) only, so this count never falls below the parser's depth.
 */
function firstTooDeep(text: string): number | undefined {
  const scanner = createScanner(text, true);
  const open: SyntaxKind[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (open.push(kind) > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      const opener = kind === SyntaxKind.CloseBraceToken ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken;
      if (open[open.length - 1] === opener) open.pop();
    }
  }
  return undefined;
}

function syntaxMessage(code: string): string {
  switch (code) {
    case 'PropertyNameExpected': return 'a property name is expected';
    case 'ValueExpected': return 'a value is expected';
    case 'ColonExpected': return "':' is expected";
    case 'CommaExpected': return "',' is expected";
    case 'CloseBraceExpected': return "'}' is expected";
    case 'CloseBracketExpected': return "']' is expected";
    case 'EndOfFileExpected': return 'nothing may follow the top-level value';
    case 'UnexpectedEndOfString': return 'the string is not closed';
    case 'UnexpectedEndOfComment': return 'the comment is not closed';
    case 'InvalidEscapeCharacter': return 'invalid escape in a string';
    case 'InvalidUnicode': return 'invalid \\u escape';
    case 'InvalidNumberFormat': return 'invalid number';
    default: return 'unexpected character';
  }
}
