import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, doc, service, validate } from '../util/service';

const E = DiagnosticSeverity.Error;
const W = DiagnosticSeverity.Warning;

function wrap(inbound: string, extra = ''): string {
  return `<policies><inbound><base />${inbound}</inbound><backend><base /></backend><outbound><base />${extra}</outbound><on-error><base /></on-error></policies>`;
}

function only(text: string, uri?: string): string[] {
  return codes(validate(text, uri)).sort();
}

test('a valid policy has no problems', () => {
  assert.deepEqual(validate(wrap('<authentication-managed-identity resource="https://service.flow.microsoft.com/" /><set-header name="Authorization" exists-action="delete" />')), []);
});

test('rawxml expressions are not XML errors', () => {
  assert.deepEqual(validate(wrap('<choose><when condition="@(context.Request.Headers.GetValueOrDefault("x","") == "y" && true)"><set-variable name="a" value="@("<b>")" /></when></choose>')), []);
});

test('unknown element with did-you-mean', () => {
  const d = validate(wrap('<set-headr name="x" />'));
  assert.deepEqual(codes(d), ['unknown-element']);
  assert.equal(d[0].severity, E);
  assert.match(d[0].message, /Did you mean <set-header>/);
  assert.deepEqual((d[0].data as { suggestions: string[] }).suggestions[0], 'set-header');
});

test('policy in a section where APIM rejects it', () => {
  const d = validate(wrap('', '<rate-limit-by-key calls="1" renewal-period="1" counter-key="a" />'));
  assert.deepEqual(codes(d), ['policy-not-allowed-in-section']);
  assert.equal(d[0].severity, E);
});

test('managed identity in <outbound>: APIM accepts it, the docs do not list it', () => {
  const plain = validate(wrap('', '<authentication-managed-identity resource="x" />'));
  assert.deepEqual(codes(plain), ['policy-section-undocumented']);
  assert.equal(plain[0].severity, W);
  const toVariable = validate(wrap('', '<authentication-managed-identity resource="x" output-token-variable-name="t" />'));
  assert.deepEqual(codes(toVariable), ['policy-section-undocumented']);
  assert.equal(toVariable[0].severity, DiagnosticSeverity.Information);
});

test('forward-request outside backend', () => {
  assert.deepEqual(only(wrap('<forward-request />')), ['forward-request-outside-backend']);
});

test('forward-request inside retry in backend is legal', () => {
  assert.deepEqual(validate('<policies><inbound><base /></inbound><backend><retry condition="@(true)" count="3" interval="1"><forward-request buffer-request-body="true" /></retry></backend><outbound><base /></outbound></policies>'), []);
});

test('a header or query parameter being deleted needs no <value>', () => {
  assert.deepEqual(only(wrap('<set-query-parameter name="sig" exists-action="delete" />')), []);
});

test('missing required attribute and child', () => {
  assert.deepEqual(only(wrap('<authentication-managed-identity />')), ['missing-required-attribute']);
  assert.deepEqual(only(wrap('<choose></choose>')), ['missing-required-child']);
});

test('unknown attribute is a warning with a suggestion', () => {
  const d = validate(wrap('<set-header name="a" exist-action="override" />'));
  assert.deepEqual(codes(d), ['unknown-attribute']);
  assert.equal(d[0].severity, W);
  assert.match(d[0].message, /exists-action/);
});

test('invalid enum, integer and boolean values', () => {
  assert.deepEqual(only(wrap('<set-header name="a" exists-action="replace" />')), ['invalid-value']);
  assert.deepEqual(only(wrap('<authentication-managed-identity resource="x" ignore-error="yes" />')), ['invalid-value']);
  assert.deepEqual(only(`<policies><inbound><base /></inbound><backend><retry condition="true" count="lots" interval="1"><forward-request /></retry></backend></policies>`), ['invalid-value']);
});

test('expressions and named values are accepted where APIM accepts them', () => {
  assert.deepEqual(validate(wrap('<set-header name="a" exists-action="@(&quot;override&quot;)" /><authentication-managed-identity resource="x" ignore-error="{{ignore}}" />')), []);
});

test('an expression where the attribute takes none', () => {
  assert.deepEqual(only(wrap('<authentication-managed-identity resource="x" client-id="@(&quot;a&quot;)" />')), ['expression-not-allowed']);
});

test('deploy-time placeholders are at most information', () => {
  const d = validate(`<policies><inbound><base /></inbound><backend><base /><retry condition="true" count="{retry-count}" interval="1"><forward-request /></retry></backend></policies>`);
  assert.deepEqual(codes(d), ['deploy-placeholder']);
  assert.equal(d[0].severity, DiagnosticSeverity.Information);
});

test('<base /> in a fragment, misplaced, duplicated', () => {
  assert.deepEqual(only('<fragment><base /></fragment>', 'file:///ws/policy%20fragments/f/policy.xml'), ['base-in-fragment']);
  assert.deepEqual(only('<policies><base /><inbound><base /></inbound></policies>'), ['base-misplaced']);
  assert.deepEqual(only(wrap('<choose><when condition="true"><base /></when></choose>')), ['base-misplaced']);
  assert.deepEqual(only('<policies><inbound><base /><base /></inbound></policies>'), ['base-duplicate']);
});

test('missing <base /> is a warning at api scope, silent at global scope and with the setting off', () => {
  const text = '<policies><inbound><set-header name="a" exists-action="delete" /></inbound></policies>';
  assert.deepEqual(only(text, 'file:///ws/apis/orders/policy.xml'), ['missing-base']);
  assert.deepEqual(only(text, 'file:///ws/some.policy.xml'), []);
  assert.deepEqual(service.doValidation(doc(text, 'file:///ws/apis/orders/policy.xml'), undefined, { missingBase: 'off' }), []);
});

test('sections: order and duplicates', () => {
  assert.deepEqual(only('<policies><outbound /><inbound /></policies>', 'file:///x.policy.xml'), ['section-order']);
  assert.deepEqual(only('<policies><inbound /><inbound /></policies>', 'file:///x.policy.xml'), ['section-duplicate']);
});

test('advice, not warnings: section order and a DOCTYPE name no failure APIM would produce', () => {
  const severities = (text: string) => validate(text, 'file:///x.policy.xml').map(d => [d.code, d.severity]);
  assert.deepEqual(severities('<policies><outbound /><inbound /></policies>'), [['section-order', DiagnosticSeverity.Information]]);
  assert.deepEqual(severities('<!DOCTYPE policies><policies />'), [['xml-doctype', DiagnosticSeverity.Information]]);
});

test('fragment rules: root and no sections', () => {
  assert.deepEqual(only('<fragment><inbound /></fragment>', 'file:///x.policy.xml'), ['section-in-fragment']);
  assert.deepEqual(only('<policies />', 'file:///ws/policy%20fragments/f/policy.xml'), ['fragment-scope']);
  assert.deepEqual(only('<fragment><set-header name="a" exists-action="delete" /></fragment>', 'file:///ws/policy%20fragments/f/policy.xml'), []);
});

test('root element rules', () => {
  assert.deepEqual(only('<policy />', 'file:///x.policy.xml'), ['root-element']);
  assert.deepEqual(only('<policies /><policies />', 'file:///x.policy.xml'), ['xml-multiple-roots']);
});

test('scope: quota is product only', () => {
  const text = '<policies><inbound><base /><quota calls="10" renewal-period="60" /></inbound></policies>';
  assert.deepEqual(only(text, 'file:///ws/apis/orders/policy.xml'), ['policy-not-allowed-in-scope']);
  assert.deepEqual(only(text, 'file:///ws/products/starter/policy.xml'), []);
});

test('document over 256 KiB', () => {
  const filler = '<set-header name="a" exists-action="delete" />'.repeat(6000);
  assert.ok(codes(validate(wrap(filler))).includes('document-too-large'));
});

test('document size is counted in UTF-8 bytes', () => {
  // 'é' takes two bytes, '€' three, '😀' four (two UTF-16 characters)
  const sized = (unit: string, count: number) => wrap(`<set-header name="a" exists-action="override"><value>${unit.repeat(count)}</value></set-header>`);
  const overhead = Buffer.byteLength(sized('', 0));
  for (const [unit, bytes] of [['é', 2], ['€', 3], ['😀', 4], ['a', 1]] as const) {
    const fits = Math.floor((256 * 1024 - overhead) / bytes);
    assert.equal(Buffer.byteLength(sized(unit, fits)) <= 256 * 1024, true);
    assert.ok(!codes(validate(sized(unit, fits))).includes('document-too-large'), `${unit} x ${fits} fits`);
    const over = validate(sized(unit, fits + 1)).find(d => d.code === 'document-too-large');
    assert.ok(over, `${unit} x ${fits + 1} is too large`);
    assert.match(over.message, /256 KiB/);
  }
});

test('not well-formed XML is an error where it happens', () => {
  const text = wrap('<set-header name="a" exists-action="delete">');
  const d = validate(text);
  assert.deepEqual(codes(d), ['xml-unclosed-element']);
  assert.equal(d[0].range.start.character, text.indexOf('set-header name'));
});

test('an unterminated string in an expression', () => {
  assert.deepEqual(only(wrap('<set-variable name="a" value="@{ return &quot;abc\n; }" />')), ['expr-unterminated-string']);
});

test('a large document (its roles by row in a typed array) gets the findings of its parts', () => {
  const part = '<choose><when condition="@(true)"><set-header name="a" exists-action="sometimes" /><rate-limit calls="x" renewal-period="60" /></when><otherwis /></choose>';
  const one = codes(validate(wrap(part))).sort();
  assert.deepEqual(one, ['invalid-value', 'invalid-value', 'unknown-child-element']);
  const many = codes(validate(wrap(part.repeat(1500)))).filter(c => c !== 'document-too-large');
  assert.equal(many.length, 1500 * one.length);
  assert.deepEqual([...new Set(many)].sort(), [...new Set(one)]);
});

test('a value judged again as the last one of its attribute only when it is that value (not a prefix, not in other quotes)', () => {
  const values = ['override', 'overrid', 'override', "'override'", 'overrides', 'skip', 'skip ', ''];
  const text = wrap(values.map((v, i) => v.startsWith("'") ? `<set-header name="h${i}" exists-action=${v} />` : `<set-header name="h${i}" exists-action="${v}" />`).join(''));
  const invalid = validate(text).filter(d => d.code === 'invalid-value').map(d => d.message.match(/Invalid value '([^']*)'/)![1]);
  assert.deepEqual(invalid, ['overrid', 'overrides', '']);
});
