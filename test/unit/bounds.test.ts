/**
 * Hostile sizes (issue 11): a start tag with tens of thousands of attributes costs time linear in
 * them, and a document past the parse ceiling is reported and not parsed. The time bounds are
 * generous caps against quadratic work (23,000 attributes took 5.4 s per validation), not benchmarks.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePolicy } from '../../server/src/languageService/parser/policyParser';
import { MAX_CHECKED_TEXT } from '../../server/src/languageService/languageService';
import { MAX_FINDINGS } from '../../server/src/languageService/services/validation';
import { doc, service, serviceWith } from '../util/service';

const ATTRIBUTES = 23_000;

/** A policy of about 230 KB (under APIM's 256 KiB) whose `<set-header>` has 23,000 attributes, one of them twice. */
function manyAttributes(): string {
  const attrs: string[] = [];
  for (let i = 0; i < ATTRIBUTES; i++) attrs.push(`a${i}=""`);
  return `<policies>\n  <inbound>\n    <base />\n    <set-header name="x" exists-action="override" ${attrs.join(' ')}  exists-actoin="skip" name="again">\n      <value>v</value>\n    </set-header>\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n`;
}

function timed<T>(what: string, bound: number, run: () => T): T {
  const t0 = performance.now();
  const result = run();
  const ms = performance.now() - t0;
  assert.ok(ms < bound, `${what} took ${ms.toFixed(0)} ms (bound ${bound} ms)`);
  return result;
}

test('23,000 attributes on one element: parse and validation are linear, and still find the duplicate and the typo', () => {
  const text = manyAttributes();
  assert.ok(text.length < 256 * 1024);
  const d = doc(text);
  const diags = timed('parse and validation', 2000, () => service.doValidation(d));
  const duplicates = diags.filter(x => x.code === 'xml-duplicate-attribute');
  assert.deepEqual(duplicates.map(x => [x.message, text.substring(d.offsetAt(x.range.start), d.offsetAt(x.range.end))]), [
    ["Attribute 'name' appears twice on <set-header>.", 'name'],
  ]);
  const typo = diags.find(x => x.code === 'unknown-attribute' && x.message.includes("'exists-actoin'"));
  // `exists-action` is present, so it is not offered for the typo
  assert.ok(typo && !typo.message.includes('Did you mean'), typo?.message);
  assert.equal(diags.filter(x => x.code === 'unknown-attribute').length, ATTRIBUTES + 1);
  assert.ok(!diags.some(x => x.code === 'missing-required-attribute'));
});

test('23,000 attributes on one element: hover, completion, symbols, folding, format and code actions answer quickly', () => {
  const text = manyAttributes();
  const d = doc(text);
  const parsed = timed('parse', 1000, () => service.parse(d));
  const setHeader = parsed.roots[0].children[0].children[1];
  assert.equal(setHeader.attributes.length, ATTRIBUTES + 4);

  const onName = d.positionAt(text.indexOf('exists-action') + 3);
  const hover = timed('hover', 1000, () => service.doHover(d, onName, parsed));
  assert.match(JSON.stringify(hover?.contents), /exists-action/);

  // between two spaces, where a new attribute would go
  const between = d.positionAt(text.indexOf('  exists-actoin') + 1);
  const items = timed('completion', 1000, () => service.doComplete(d, between, parsed)).items;
  // the attributes already there are not offered again
  assert.ok(items.length > 0 && !items.some(i => i.label === 'name' || i.label === 'exists-action'), items.map(i => i.label).join());

  const symbols = timed('symbols', 1000, () => service.findDocumentSymbols(d, parsed));
  assert.equal(symbols[0].children?.[0].children?.[1].name, 'set-header x');
  timed('folding', 1000, () => service.getFoldingRanges(d, parsed));
  const edits = timed('format', 1000, () => service.format(d, undefined, { tabSize: 2, insertSpaces: true }, parsed));
  assert.deepEqual(edits, []);

  const diags = service.doValidation(d, parsed);
  timed('code actions', 1000, () => service.doCodeActions(d, diags, parsed));
});

test('parser: duplicate attributes are found on long start tags, per element', () => {
  const names = Array.from({ length: 20 }, (_, i) => `n${i}`);
  const tag = (name: string) => `<${name} ${names.map(n => `${n}="1"`).join(' ')} n3="2" n19="2" n20="2">`;
  const parsed = parsePolicy(`<policies>${tag('a')}${tag('b')}</b></a></policies>`);
  const text = parsed.text;
  assert.deepEqual(
    parsed.errors.filter(e => e.code === 'xml-duplicate-attribute').map(e => `${text.substring(e.start, e.end)}@${parsed.findElementAt(e.start)?.name}`),
    ['n3@a', 'n19@a', 'n3@b', 'n19@b'],
  );
});

const SMALL_CEILING = 2000;

/** A policy over `SMALL_CEILING` characters with plenty to report and to offer when parsed. */
function overTheCeiling(): string {
  const statements = '    <set-header name="x" exists-action="overide"><value>@(context.Request.Id)</value></set-header>\n'.repeat(30);
  return `<policies>\n  <inbound>\n${statements}  </inbound>\n  <unknown-section />\n</policies>\n`;
}

test('a document over the ceiling: one diagnostic at its start, parse skipped, every feature answers with nothing', () => {
  const text = overTheCeiling();
  assert.ok(text.length > SMALL_CEILING);
  const bounded = serviceWith({ maxCheckedText: SMALL_CEILING });
  const d = doc(text);
  const parsed = bounded.parse(d);
  assert.equal(parsed.skipped, true);
  assert.deepEqual([parsed.roots, parsed.errors, parsed.expressions, parsed.namedValues], [[], [], [], []]);

  const diags = bounded.doValidation(d, parsed);
  assert.equal(diags.length, 1);
  assert.equal(diags[0].code, 'document-too-large');
  assert.deepEqual(diags[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  assert.match(diags[0].message, /too large to check: 0\.0 MB; APIM accepts at most 256 KiB/);

  const inside = d.positionAt(text.indexOf('overide') + 2);
  assert.deepEqual(bounded.doComplete(d, inside, parsed).items, []);
  assert.equal(bounded.doHover(d, inside, parsed), null);
  assert.deepEqual(bounded.findDefinition(d, inside, parsed), []);
  assert.deepEqual(bounded.findDocumentSymbols(d, parsed), []);
  assert.deepEqual(bounded.getFoldingRanges(d, parsed), []);
  assert.deepEqual(bounded.format(d, undefined, { tabSize: 8, insertSpaces: false }, parsed), []);
  assert.deepEqual(bounded.getCodeLenses(d, parsed), []);
  assert.deepEqual(bounded.doCodeActions(d, diags, parsed), []);
  // without a document of its own, each feature parses: still skipped
  assert.deepEqual(bounded.findDocumentSymbols(d), []);
  assert.equal(bounded.doValidation(d).length, 1);

  // the same text under a higher ceiling is checked as usual
  const checked = serviceWith({ maxCheckedText: text.length }).doValidation(d);
  assert.ok(checked.some(x => x.code === 'invalid-value') && !checked.some(x => x.code === 'document-too-large'));
});

test('the default ceiling: a text one character over MAX_CHECKED_TEXT is skipped, one at it is parsed', () => {
  assert.ok(MAX_CHECKED_TEXT >= 16 * 1024 * 1024, 'stays above the 8 MB policy the bench measures');
  const open = '<policies>';
  const at = open + ' '.repeat(MAX_CHECKED_TEXT - open.length);
  assert.equal(parsePolicy(at).skipped, false);
  assert.equal(parsePolicy(at).roots[0].name, 'policies');
  const over = doc(`${at} `);
  const diags = timed('validation over the ceiling', 1000, () => service.doValidation(over));
  assert.deepEqual(diags.map(x => [x.code, x.message]), [
    ['document-too-large', 'The document is too large to check: 16.0 MB; APIM accepts at most 256 KiB for a policy (512 KiB for a fragment).'],
  ]);
});

test('a text wrong everywhere keeps at most MAX_FINDINGS problems, and says how many more there were', () => {
  const text = `<policies><inbound>${'<x/>'.repeat(MAX_FINDINGS + 1234)}</inbound></policies>`;
  const diags = service.doValidation(doc(text));
  assert.equal(diags.length, MAX_FINDINGS + 1);
  const note = diags[0];
  assert.equal(note.code, 'too-many-problems');
  assert.match(note.message, /^Fix the problems shown first: [\d,]+ more were found/);
});
