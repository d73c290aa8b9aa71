import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { doc, service, withCursor } from '../util/service';
import { createCatalog } from '../../server/src/languageService/catalog';
import { describeAttribute, describeElement, markdownText } from '../../server/src/languageService/services/policyHover';

const catalog = createCatalog();

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

test('catalog text renders element names as code, never as HTML that Markdown drops', () => {
  assert.equal(markdownText('runs the first <when> that holds, otherwise those of <otherwise>.'), 'runs the first `<when>` that holds, otherwise those of `<otherwise>`.');
  assert.equal(markdownText('nest <proxy> in `<send-request>`; <base/> and <set-header name="a"> too'), 'nest `<proxy>` in `<send-request>`; `<base/>` and `<set-header name="a">` too');
  assert.equal(markdownText('a < b'), 'a &lt; b');
  assert.match(hover('<policies><inbound><cho|ose><when condition="true" /></choose></inbound></policies>') ?? '', /the first `<when>`/);
});

/** Text outside code spans: where a raw `<` would be read as HTML. */
function outsideCode(markdown: string): string {
  return markdown.split(/`[^`]*`/).join('');
}

test('every catalog summary, note, constraint and description keeps its element names in hover and completion docs', () => {
  const lost: string[] = [];
  const seen = (where: string, source: string | undefined, rendered: string) => {
    if (!source) return;
    for (const tag of source.split(/`[^`]*`/).join('').match(/<\/?[A-Za-z][\w:.-]*(?:\s[^<>`]*)?\/?>/g) ?? []) {
      if (!rendered.includes(`\`${tag}\``)) lost.push(`${where}: ${tag}`);
    }
  };
  for (const info of catalog.data.elements) {
    const md = describeElement(info);
    if (/</.test(outsideCode(md))) lost.push(`${info.name}: raw '<' in ${JSON.stringify(outsideCode(md).slice(0, 80))}`);
    seen(`${info.name} summary`, info.summary, md);
    (info.notes ?? []).forEach((n, i) => seen(`${info.name} note ${i}`, n, md));
    (info.constraints ?? []).forEach((c, i) => seen(`${info.name} constraint ${i}`, c, md));
    for (const a of info.attributes) {
      const amd = describeAttribute(a, info.name);
      if (/</.test(outsideCode(amd))) lost.push(`${info.name}@${a.name}: raw '<'`);
      seen(`${info.name}@${a.name}`, a.description, amd);
    }
  }
  assert.deepEqual(lost, []);
});

test('hover on a policy\'s own child element renders its description and content as Markdown', () => {
  const v = hover('<policies><inbound><cross-domain><cross-domain-pol|icy /></cross-domain></inbound></policies>') ?? '';
  assert.match(v, /\*\*`<cross-domain-policy>`\*\* in `<cross-domain>`/);
  assert.doesNotMatch(outsideCode(v), /</);
});

test('hover says when a policy\'s doc page is over a year older than the newest page of its family (same category)', () => {
  const base = catalog.getElement('set-variable')!;
  const policy = (name: string, category: string, docDate: string) => ({ ...base, name, category, docDate, checked: undefined });
  const old = policy('old-one', 'family', '2022-12-08');
  const recent = policy('recent-one', 'family', '2023-06-01');
  const newest = policy('newest-one', 'family', '2025-01-30');
  const other = policy('other-family', 'elsewhere', '2026-01-01');
  const c = createCatalog({ ...catalog.data, elements: [old, recent, newest, other] });
  assert.equal(c.newerSibling(old)?.name, 'newest-one');
  assert.equal(c.newerSibling(recent)?.name, 'newest-one');
  assert.equal(c.newerSibling(newest), undefined, 'the newest page is not stale');
  assert.equal(c.newerSibling(other), undefined, 'alone in its family');
  assert.equal(c.newerSibling({ ...newest, name: 'close', docDate: '2024-06-01' }), undefined, 'within a year of the newest');
  assert.match(describeElement(old, c), /dated 2022-12-08; `<newest-one>`, of the same family \(family\), was documented 2025-01-30/);
  assert.doesNotMatch(describeElement(newest, c), /same family/);
  // through the service, on the real catalog
  const v = hover('<policies><inbound><validate-azure-ad-tok|en tenant-id="t" /></inbound></policies>') ?? '';
  assert.match(v, /same family \(authentication\)/);
});

test('hover says when the catalog entry was compared with its page, and drops the stale-page hint once it was compared after the sibling\'s change', () => {
  const base = catalog.getElement('set-variable')!;
  const policy = (name: string, docDate: string, read?: string) => ({
    ...base, name, category: 'family', docDate,
    checked: read ? { source: 'https://learn.microsoft.com/azure/api-management/x-policy', read } : undefined,
  });
  const old = policy('old-one', '2022-12-08');
  const oldChecked = policy('old-checked', '2022-12-08', '2026-11-30');
  const checkedBefore = policy('checked-before', '2022-12-08', '2024-01-01');
  const newest = policy('newest-one', '2025-01-30');
  const c = createCatalog({ ...catalog.data, elements: [old, oldChecked, checkedBefore, newest] });
  assert.equal(c.newerSibling(old)?.name, 'newest-one');
  assert.equal(c.newerSibling(oldChecked), undefined, 'read after the sibling changed: its page simply has not changed');
  assert.equal(c.newerSibling(checkedBefore)?.name, 'newest-one', 'read before the sibling changed');
  assert.match(describeElement(oldChecked, c), /Compared with the policy page \(dated 2022-12-08\) on 2026-11-30\./);
  assert.doesNotMatch(describeElement(old, c), /Compared with/);
  // through the service, on the real catalog
  const v = hover('<policies><inbound><cache-remove-val|ue key="k" /></inbound></policies>') ?? '';
  assert.match(v, /Compared with the policy page \(dated 2026-06-02\) on 2026-11-30\./);
  assert.match(v, /`fail-on-cache-removal-error`/);
});
