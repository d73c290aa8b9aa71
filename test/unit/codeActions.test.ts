import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { doc, service } from '../util/service';

/** Runs validation, asks for fixes of the diagnostics with `code`, returns their titles and results. */
function fixes(text: string, code: string, uri?: string): Array<{ title: string; result: string }> {
  const d = doc(text, uri);
  const diags = service.doValidation(d).filter(x => x.code === code);
  assert.ok(diags.length > 0, `no ${code} diagnostic`);
  const actions: CodeAction[] = service.doCodeActions(d, diags);
  return actions.map(a => ({ title: a.title, result: TextDocument.applyEdits(d, a.edit!.changes![d.uri] as TextEdit[]) }));
}

test('unknown element: the did-you-mean name, start and end tag', () => {
  const [f] = fixes('<policies><inbound><base /><set-headr name="a"><value>1</value></set-headr></inbound></policies>', 'unknown-element');
  assert.equal(f.title, 'Change to <set-header>');
  assert.equal(f.result, '<policies><inbound><base /><set-header name="a"><value>1</value></set-header></inbound></policies>');
});

test('unknown attribute: the did-you-mean name', () => {
  const [f] = fixes('<policies><inbound><base /><set-header name="a" exist-action="skip" /></inbound></policies>', 'unknown-attribute');
  assert.equal(f.result, '<policies><inbound><base /><set-header name="a" exists-action="skip" /></inbound></policies>');
});

test('invalid enum value: every valid value, closest first', () => {
  const all = fixes('<policies><inbound><base /><set-header name="a" exists-action="overide" /></inbound></policies>', 'invalid-value');
  assert.deepEqual(all.map(f => f.title), ['Change to "override"', 'Change to "skip"', 'Change to "append"', 'Change to "delete"']);
  assert.equal(all[0].result, '<policies><inbound><base /><set-header name="a" exists-action="override" /></inbound></policies>');
});

test('missing required attribute: inserted after the last attribute', () => {
  const [f] = fixes('<policies><inbound><base /><authentication-managed-identity client-id="x" /></inbound></policies>', 'missing-required-attribute');
  assert.equal(f.result, '<policies><inbound><base /><authentication-managed-identity client-id="x" resource="" /></inbound></policies>');
});

test('missing <base />: inserted first in the section, indented', () => {
  const text = '<policies>\n  <inbound>\n    <set-header name="a" exists-action="delete" />\n  </inbound>\n  <outbound />\n</policies>';
  const [f] = fixes(text, 'missing-base', 'file:///ws/apis/a/policy.xml');
  assert.equal(f.result, '<policies>\n  <inbound>\n    <base />\n    <set-header name="a" exists-action="delete" />\n  </inbound>\n  <outbound />\n</policies>');
});

test('<base /> in a fragment: removed with its line', () => {
  const [f] = fixes('<fragment>\n\t<base />\n\t<set-header name="a" exists-action="delete" />\n</fragment>', 'base-in-fragment', 'file:///ws/policy%20fragments/f/policy.xml');
  assert.equal(f.result, '<fragment>\n\t<set-header name="a" exists-action="delete" />\n</fragment>');
});

test('a policy in the wrong section moves to the one section that allows it', () => {
  const text = '<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n\t<outbound>\n\t\t<base />\n\t\t<authentication-managed-identity resource="x" />\n\t</outbound>\n</policies>';
  const [f] = fixes(text, 'policy-section-undocumented');
  assert.equal(f.title, 'Move <authentication-managed-identity> to <inbound>');
  assert.equal(f.result, '<policies>\n\t<inbound>\n\t\t<base />\n\t\t<authentication-managed-identity resource="x" />\n\t</inbound>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n</policies>');
  const after = service.doValidation(doc(f.result));
  assert.deepEqual(after, []);
});

test('forward-request moves to backend', () => {
  const text = '<policies>\n\t<inbound>\n\t\t<base />\n\t\t<forward-request />\n\t</inbound>\n\t<backend>\n\t</backend>\n</policies>';
  const [f] = fixes(text, 'forward-request-outside-backend', 'file:///x.policy.xml');
  assert.equal(f.result, '<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n\t<backend>\n\t\t<forward-request />\n\t</backend>\n</policies>');
});

test('no fix where the answer is not certain', () => {
  const d = doc('<policies><inbound><base /><zzzzzzzz /></inbound></policies>');
  const diags = service.doValidation(d);
  assert.deepEqual(service.doCodeActions(d, diags), []);
});
