/**
 * The one C# lexer (parser/csharpLexer.ts) and what its callers now share: the parser's expression
 * scan, the expression tokens and the shape memo read strings, chars and comments alike.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CSharpLexer, LexFlag, Lexeme } from '../../server/src/languageService/parser/csharpLexer';
import { scanExpression } from '../../server/src/languageService/parser/expressionLexer';
import { tokenize } from '../../server/src/languageService/expressions/tokens';

const NAMES = ['end', 'code', 'string', 'char', 'comment'];

/** The lexemes of `text` other than code, as `kind:content` (content for strings and chars). */
function literals(text: string, decode = false): string[] {
  const lexer = new CSharpLexer();
  lexer.reset(text, 0, text.length, decode);
  const out: string[] = [];
  for (let k = lexer.next(); k !== Lexeme.End; k = lexer.next()) {
    if (k === Lexeme.Code) continue;
    const open = lexer.flags & LexFlag.Open ? '(open)' : lexer.flags & LexFlag.LineEnd ? '(line end)' : '';
    out.push(`${NAMES[k]}:${k === Lexeme.Comment ? text.substring(lexer.start, lexer.pos) : text.substring(lexer.valueStart, lexer.valueEnd)}${open}`);
  }
  return out;
}

test('each kind of string, char and comment', () => {
  assert.deepEqual(literals('f("a\\"b", @"c""d", \'"\', "")'), ['string:a\\"b', 'string:c""d', 'char:"', 'string:']);
  assert.deepEqual(literals('"""raw " ""x"" """ + 1'), ['string:raw " ""x"" ']);
  assert.deepEqual(literals('a // line "x"\n/* block "y" */ b'), ['comment:// line "x"', 'comment:/* block "y" */']);
  assert.deepEqual(literals('"cut\nx'), ['string:cut(line end)']);
  assert.deepEqual(literals('/* open'), ['comment:/* open(open)']);
});

test('interpolated strings: nested holes, escaped braces, format clauses, raw holes', () => {
  assert.deepEqual(literals('$"a{{b}}{f($"in{x}")}c{d:yyyy-MM}e"'), ['string:a{{b}}', 'string:in', 'string:', 'string:c', 'string:e']);
  assert.deepEqual(literals('$$"""{a}{{b}}c"""'), ['string:{a}', 'string:c']);
  // a bracket in a hole is code of the hole: the hole closes at its own brace
  assert.deepEqual(literals('$"{(new[] { 1 })[0]}x"'), ['string:', 'string:x']);
});

test('XML entities read as the characters they stand for when asked', () => {
  assert.deepEqual(literals('f(&quot;a&quot;)', true), ['string:a']);
  assert.deepEqual(literals('f(&quot;a&quot;)'), []);
});

test('the expression scan: @"""" is a verbatim string holding a quote, not an open raw string', () => {
  const scan = scanExpression('@(@"""")</a>', 0, false);
  assert.deepEqual([scan.end, scan.closed, scan.problems], [8, true, []]);
});

test('the expression scan: a bracket in a format clause does not close the expression', () => {
  const text = '@($"{n:0)}" + x)';
  const scan = scanExpression(text, 0, false);
  assert.deepEqual([scan.end, scan.closed], [text.length, true]);
});

test('tokens: a char literal cut after a backslash ends at the end of the text', () => {
  const text = "x + '}\\";
  const last = tokenize(text).at(-1)!;
  assert.deepEqual([last.start, last.end, last.open], [4, text.length, true]);
});
