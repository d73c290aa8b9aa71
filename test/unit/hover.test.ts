import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { doc, service, withCursor } from '../util/service';

function hover(textWithCursor: string): string | undefined {
  const { text, offset } = withCursor(textWithCursor);
  const d = doc(text);
  const h = service.doHover(d, d.positionAt(offset));
  return h ? (h.contents as MarkupContent).value : undefined;
}

test('hover on a policy shows what it does, sections, scopes, attributes and the docs link', () => {
  const v = hover('<policies><inbound><authentication-man|aged-identity resource="x" /></inbound></policies>');
  assert.ok(v);
  assert.match(v, /authentication-managed-identity/);
  assert.match(v, /Sections: inbound/);
  assert.match(v, /Scopes: .*operation/);
  assert.match(v, /`resource`/);
  assert.match(v, /learn\.microsoft\.com\/azure\/api-management\/authentication-managed-identity-policy/);
});

test('hover on an end tag name', () => {
  const v = hover('<policies><inbound><choose><when condition="true" /></cho|ose></inbound></policies>');
  assert.match(v ?? '', /choose/);
});

test('hover on an attribute: meaning, values, default, expressions', () => {
  const v = hover('<policies><inbound><set-header name="a" exists-ac|tion="override" /></inbound></policies>');
  assert.ok(v);
  assert.match(v, /exists-action/);
  assert.match(v, /`override` \| `skip` \| `append` \| `delete`/);
  assert.match(v, /Default: `override`/);
  assert.match(v, /expressions: allowed/i);
});

test('hover tells when expressions are not allowed', () => {
  const v = hover('<policies><inbound><authentication-managed-identity resource="x" clie|nt-id="y" /></inbound></policies>');
  assert.match(v ?? '', /not allowed/);
});

test('no hover on unknown elements or text', () => {
  assert.equal(hover('<policies><inbound><foo|bar /></inbound></policies>'), undefined);
  assert.equal(hover('<policies><inbound> te|xt </inbound></policies>'), undefined);
});
