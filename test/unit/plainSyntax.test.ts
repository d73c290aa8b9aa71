/**
 * The quick "surely valid" of plain C# expressions (plainSyntax.ts): what it says yes to, what it
 * leaves to the parser, and that its yes is never wrong: against the C# grammar on every `@(…)`
 * expression of the corpus and on mutations of them. And what it is for: the complete checks of a
 * policy of plain expressions without waiting for the parser.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isPlainValidExpression } from '../../server/src/languageService/expressions/plainSyntax';
import { createExpressionChecker } from '../../server/src/languageService/expressions/expressionChecks';
import { maskNamedValues } from '../../server/src/languageService/expressions/expressionSource';
import { getLanguageService, loadCSharpParser, type CSharpParser } from '../../server/src/languageService/languageService';
import { CORPUS, corpusSkip, expressionsIn } from '../util/corpus';

const parser = loadCSharpParser();

test('plain expressions of every common kind are surely valid', async () => {
  const csharp = await parser;
  for (const body of [
    'context.Request.Headers.GetValueOrDefault("Authorization", "")',
    'context.Variables.GetValueOrDefault<string>("v") == "a" && context.Request.Method == "POST"',
    '(string)context.Variables["x"] + context.Subscription.Id',
    '((IResponse)context.Variables["r"]).Body.As<JObject>(preserveContent: true)["items"]',
    'context.Request.Headers.Where(h => h.Key.StartsWith("x-")).Select(h => h.Key).ToArray()',
    'context.Response.StatusCode >= 500 ? "retry" : "done"',
    'context.User?.Email ?? string.Empty',
    'new JObject(new JProperty("a", 1.5m)).ToString()',
    '!string.IsNullOrEmpty((string)context.Variables["a"])',
    'DateTime.UtcNow.AddSeconds(-30).ToString("o")',
    'context.Request.Body.As<JObject>()["a"].Value<int>() % 2 == 0 | false',
    '(context.Variables["x"] as string)?.Length > 0x1F',
    '\'c\' + @"verbatim ""quoted""" + "tab\\t" + \'\\\'\'',
    'x.Cast<Dictionary<string, List<int>>>()',
    'a - -b + ~c',
  ]) {
    assert.ok(isPlainValidExpression(body), body);
    assert.deepEqual(csharp.check('inline', body), [], `the grammar agrees: ${body}`);
  }
});

test('errors and what it does not model are left to the parser', () => {
  for (const body of [
    // errors
    'f(x) "b"', 'a +', '(a', 'a)', 'a..b', 'a.', 'f(,)', 'x[]', 'a ? b', 'new JObject', '"a" "b"', "'ab'", '1abc', 'a++b', 'a b',
    '"bad \\q escape"', 'a >> > b', 'a = b', 'a;', "'\\n\\n'", "'\\x41\\x42'", "'\\u00411'",
    // not modelled (valid or not, the parser decides)
    '$"hole {x}"', '"""raw"""', 'a // comment', 'a /* c */', 'x is string s', 'x switch { _ => 1 }', 'a << 2', 'a >> 2', 'i++',
    'new [] { 1 }.Length', 'new { a = 1 }', 'typeof(string)', 'default(int)', 'this.x', 'await x', 'from x in y select x', 'x!.y', 'a?[0]',
    '(a, b) => a', '"a"u8', 'é', '#if x', '@class', 'a::b', 'a.value', 'checked(a + b)', 'x ?? throw new Exception()', '',
  ]) {
    assert.equal(isPlainValidExpression(body), false, body);
  }
});

test('where C# reads angle brackets, casts and ?: two ways, a yes still agrees with the grammar', async () => {
  const csharp = await parser;
  for (const body of ['a < b > c', 'a < b > (c)', 'f(a < b, c > d)', 'f(a < b, c > (d))', 'x < y >= z', 'a < b < c', 'a < b == c > d', 'a ? b < c : d',
    'a<b?c:d', '(a)b', '(a.b)c', '(a<b>)c', '(a)(b)', '(a)-b', '(int)-1', '(a)"x"', '(A<B>)c', '(a?)b', '(int?)x', 'a as B ? c : d', 'a as B<C> > d',
    'x<y<z>>(1)', 'x<y<z> >(1)', 'x < y<z>>(1)', 'f(a<b, c>d)', 'a<b>c', 'f(x => x ? 1 : 2)', 'a ? b : c => d', '1 .ToString()', '(string)(object)x']) {
    if (isPlainValidExpression(body)) assert.deepEqual(csharp.check('inline', body), [], body);
  }
});

test('bodies that only the nesting makes long are left to the parser, without a stack overflow', () => {
  assert.equal(isPlainValidExpression('('.repeat(2000) + 'a' + ')'.repeat(2000)), false);
  assert.equal(isPlainValidExpression('-'.repeat(1000) + 'a'), false);
  assert.equal(isPlainValidExpression('a' + '.b'.repeat(3000)), false, 'longer than the limit');
});

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/** Every closed `@(…)` body of the corpus and the examples, as the checker gives it to the parser. */
function corpusBodies(): string[] {
  const bodies: string[] = [];
  for (const { src } of expressionsIn([path.join(CORPUS, 'policies'), path.join(CORPUS, 'apiops'), path.resolve(__dirname, '../../../examples')])) {
    if (src.kind === 'inline' && src.text.trim()) bodies.push(maskNamedValues(src.text));
  }
  return bodies;
}

const PIECES = ['(', ')', '[', ']', '.', ',', '?', ':', '<', '>', '!', '+', '-', '*', '"', "'", 'new ', 'as ', '=>', '?.', '??', 'x', ' ', '1', '"a"',
  'string', '&&', '==', '(string)', 'a.b', '<string>', 'is ', '{', '}', ';', '=', '@', '$', "'a'", "'ab'", '\\', '0x', '1e', '1.', '.5', 'u8', '>>',
  '<<', '++', '--', '?[', '~', '^', '%', '|', '&', 'default', 'typeof(', 'this', 'var', 'value', 'out ', 'int?', 'List<int>', '[]', 'new[]', '(a, b) =>',
  'x => ', '\\n', '\\t', "'\\n\\n'", "'\\t'", '\\"', '/', '//', '/*', '#', 'await ', 'from ', 'null', 'true', '0m', '1L', '1UL', '1_0', '0b1', 'é', '\n', '\r', '\t', 'a:',
  'f(', 'M<', '>(', '@"x"', '"x"u8', '1f', '.0', 'e5', 'x.y<z>(', '(int)', '(x)', '(a.b)', ') (', 'new T()', '{ }'];

test('its yes agrees with the C# grammar on every corpus expression and on mutations of them', { skip: corpusSkip() }, async () => {
  const csharp = await parser;
  const bodies = corpusBodies();
  const wrong: string[] = [];
  let accepted = 0;
  for (const body of bodies) {
    if (!isPlainValidExpression(body)) continue;
    accepted++;
    if (csharp.check('inline', body).length) wrong.push(body);
  }
  console.log(`corpus @(…) expressions: ${bodies.length}, plainly valid ${accepted}`);
  assert.deepEqual(wrong, [], 'said valid, but the grammar finds an error');
  // most real expressions need no parse
  assert.ok(accepted > bodies.length * 0.8, `${accepted} of ${bodies.length}`);
  const rnd = seeded(23);
  let tried = 0;
  let mutatedAccepted = 0;
  const wrongMutations: string[] = [];
  for (let round = 0; round < 12; round++) {
    for (const body of bodies) {
      let t = body;
      for (let m = 1 + Math.floor(rnd() * 3); m > 0; m--) {
        const at = Math.floor(rnd() * (t.length + 1));
        t = rnd() < 0.5 ? t.substring(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + t.substring(at) : t.substring(0, at) + t.substring(at + 1 + Math.floor(rnd() * 3));
      }
      tried++;
      if (!isPlainValidExpression(t)) continue;
      mutatedAccepted++;
      if (csharp.check('inline', t).length) wrongMutations.push(t);
    }
  }
  console.log(`mutations: ${tried}, plainly valid ${mutatedAccepted}`);
  assert.ok(mutatedAccepted > tried / 5);
  assert.deepEqual(wrongMutations, [], 'a mutation said valid, but the grammar finds an error');
});

test('without a parser, the checker completes plain expressions and says which need one; the parser then takes over', async () => {
  const checker = createExpressionChecker(undefined);
  assert.equal(checker.parsesSyntax, false);
  const plain = checker.checkWithoutParser('@(context.Requests.Method)', true);
  assert.deepEqual(plain?.findings.map(f => f.code), ['expr-unknown-member']);
  assert.equal(checker.checkWithoutParser('@(a b)', true), undefined, 'an error needs the parser to be worded');
  assert.equal(checker.checkWithoutParser('@{ return 1; }', true), undefined, 'a block needs the parser');
  // a host that never gets a parser still has the checks that need none
  assert.deepEqual(checker.check('@(a b)', true).findings, []);
  let parses = 0;
  const csharp = await parser;
  checker.setParser({ check: (kind, body) => { parses++; return csharp.check(kind, body); } });
  assert.equal(checker.parsesSyntax, true);
  assert.deepEqual(checker.checkWithoutParser('@(a b)', true)?.findings.map(f => f.code), ['expr-syntax'], 'the check made without syntax is not kept');
  assert.equal(checker.checkWithoutParser('@(context.Requests.Method)', true), plain, 'the complete one is');
  assert.equal(parses, 1);
});

test('validateInPhases: completeNow gives the complete list while the parser loads, when every expression is plain', async () => {
  let loaded: (p: CSharpParser) => void = () => undefined;
  const pending = new Promise<CSharpParser>(resolve => { loaded = resolve; });
  const service = getLanguageService({ csharp: () => pending });
  const plain = `<policies>\n<inbound>\n<base />\n${Array.from({ length: 40 }, (_, i) => `<set-header name="h${i}" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("x-${i}", "") + context.Requests.Method)</value></set-header>`).join('\n')}\n</inbound>\n</policies>`;
  const document = TextDocument.create('file:///ws/apis/a/policy.xml', 'apim-policy', 1, plain);
  const phased = service.validateInPhases(document);
  assert.equal(phased.first.filter(d => String(d.code).startsWith('expr-')).length, 0, 'no C# findings in the first phase');
  const now = phased.completeNow?.();
  assert.equal(now?.filter(d => d.code === 'expr-unknown-member').length, 40);
  // one expression that only the parser can tell: nothing now, all of it once the parser is there
  const mixed = TextDocument.create('file:///ws/apis/b/policy.xml', 'apim-policy', 1, plain.replace('</inbound>', '<set-body>@{ return "x" }</set-body>\n</inbound>'));
  const waiting = service.validateInPhases(mixed);
  assert.equal(waiting.completeNow?.(), undefined);
  loaded(await parser);
  assert.equal(await service.ready, true);
  const complete = waiting.complete!();
  assert.equal(complete.filter(d => d.code === 'expr-unknown-member').length, 40);
  assert.equal(complete.filter(d => d.code === 'expr-syntax').length, 1);
  // the plain document's complete list is the same either way
  assert.deepEqual(service.validateInPhases(document).first, now);
});
