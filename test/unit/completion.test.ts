import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyCompletion, complete } from '../util/service';

function labels(text: string): string[] {
  return complete(text).items.map(i => i.label);
}

function applyLabel(text: string, label: string): string {
  const { items, document } = complete(text);
  const item = items.find(i => i.label === label);
  assert.ok(item, `no completion '${label}' in ${items.map(i => i.label).join(', ')}`);
  return applyCompletion(document, item);
}

test('policies allowed in <inbound> include authentication-managed-identity; <outbound> does not', () => {
  assert.ok(labels('<policies><inbound><|</inbound></policies>').includes('authentication-managed-identity'));
  assert.ok(!labels('<policies><outbound><|</outbound></policies>').includes('authentication-managed-identity'));
  assert.ok(labels('<policies><outbound><|</outbound></policies>').includes('set-header'));
});

test('forward-request is offered in <backend> only', () => {
  assert.ok(labels('<policies><backend><|</backend></policies>').includes('forward-request'));
  assert.ok(!labels('<policies><inbound><|</inbound></policies>').includes('forward-request'));
});

test('a policy is inserted with its required attributes', () => {
  assert.equal(
    applyLabel('<policies><inbound><auth|</inbound></policies>', 'authentication-managed-identity'),
    '<policies><inbound><authentication-managed-identity resource="" /></inbound></policies>',
  );
});

test('a policy with child elements opens a block', () => {
  assert.equal(applyLabel('<policies><inbound><|</inbound></policies>', 'set-header'),
    '<policies><inbound><set-header name="">\n\t\n</set-header></inbound></policies>');
});

test('inside a fragment every policy is offered', () => {
  const l = labels('<fragment><|</fragment>');
  assert.ok(l.includes('forward-request'));
  assert.ok(l.includes('cors'));
  assert.ok(!l.includes('inbound'));
  assert.ok(!l.includes('base'));
});

test('sections under <policies>, minus those present', () => {
  const l = labels('<policies><inbound /><|</policies>');
  assert.deepEqual(l.filter(x => ['inbound', 'backend', 'outbound', 'on-error'].includes(x)).sort(), ['backend', 'on-error', 'outbound']);
});

test('<base /> in a section that has none', () => {
  assert.equal(applyLabel('<policies><inbound><|</inbound></policies>', 'base'), '<policies><inbound><base /></inbound></policies>');
  assert.ok(!labels('<policies><inbound><base /><|</inbound></policies>').includes('base'));
});

test('choose offers when and otherwise', () => {
  const l = labels('<policies><inbound><choose><|</choose></inbound></policies>');
  assert.ok(l.includes('when'));
  assert.ok(l.includes('otherwise'));
  assert.equal(applyLabel('<policies><inbound><choose><|</choose></inbound></policies>', 'when'),
    '<policies><inbound><choose><when condition="">\n\t\n</when></choose></inbound></policies>');
});

test('policies inside <when> follow the enclosing section', () => {
  assert.ok(labels('<policies><outbound><choose><when condition="true"><|</when></choose></outbound></policies>').includes('set-body'));
  assert.ok(!labels('<policies><outbound><choose><when condition="true"><|</when></choose></outbound></policies>').includes('rate-limit'));
});

test('attributes not yet present, required first', () => {
  const { items } = complete('<policies><inbound><authentication-managed-identity resource="x" |/></inbound></policies>');
  const names = items.map(i => i.label);
  assert.ok(!names.includes('resource'));
  assert.ok(names.includes('client-id'));
  assert.ok(names.includes('ignore-error'));
  const sorted = items.slice().sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  const { items: fresh } = complete('<policies><inbound><authentication-managed-identity |/></inbound></policies>');
  const freshSorted = fresh.slice().sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.equal(freshSorted[0].label, 'resource');
  assert.ok(sorted.length > 0);
});

test('attribute insertion text', () => {
  assert.equal(applyLabel('<policies><inbound><authentication-managed-identity resource="x" |/></inbound></policies>', 'client-id'),
    '<policies><inbound><authentication-managed-identity resource="x" client-id="" /></inbound></policies>');
});

test('enum values inside an attribute value replace the value', () => {
  const l = labels('<policies><inbound><set-header name="a" exists-action="ov|erride" /></inbound></policies>');
  assert.deepEqual(l.filter(x => x !== '@(...)').sort(), ['append', 'delete', 'override', 'skip']);
  assert.equal(applyLabel('<policies><inbound><set-header name="a" exists-action="ov|erride" /></inbound></policies>', 'skip'),
    '<policies><inbound><set-header name="a" exists-action="skip" /></inbound></policies>');
});

test('boolean values', () => {
  const l = labels('<policies><inbound><authentication-managed-identity resource="x" ignore-error="|" /></inbound></policies>');
  assert.ok(l.includes('true') && l.includes('false'));
});

test('closing tag after </', () => {
  assert.equal(applyLabel('<policies><inbound><choose></|</inbound></policies>', '/choose'), '<policies><inbound><choose></choose></inbound></policies>');
});

test('no policy elements inside an expression (its C# completion is in expressions.completion.test.ts)', () => {
  const l = labels('<policies><inbound><set-variable name="a" value="@(context.|)" /></inbound></policies>');
  assert.ok(!l.includes('set-header'));
  assert.ok(l.includes('Request'));
});

test('root elements in an empty document', () => {
  const l = labels('<|');
  assert.deepEqual(l.sort(), ['fragment', 'policies']);
});

test('an empty document offers the whole-document skeletons, <policies> first and preselected', () => {
  for (const text of ['|', '\n  |\n', 'pol|']) {
    const { items, document } = complete(text);
    const sorted = items.slice().sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(sorted.map(i => i.label), ['<policies>', '<fragment>'], JSON.stringify(text));
    assert.equal(sorted[0].preselect, true);
    assert.match(applyCompletion(document, sorted[0]), /^\s*<policies>\n\t<inbound>\n\t\t<base \/>/);
  }
  // once the document has a root, plain text at the top offers nothing
  assert.deepEqual(labels('<policies></policies>\n|'), []);
});

test('set-backend-service is offered in both its forms, each with its attribute', () => {
  const { items, document } = complete('<policies><inbound><base /><set-back|</inbound></policies>');
  const forms = items.filter(i => i.label === 'set-backend-service');
  assert.deepEqual(forms.map(i => i.labelDetails?.detail), [' base-url', ' backend-id']);
  assert.deepEqual(forms.map(i => applyCompletion(document, i)), [
    '<policies><inbound><base /><set-backend-service base-url="" /></inbound></policies>',
    '<policies><inbound><base /><set-backend-service backend-id="" /></inbound></policies>',
  ]);
});
