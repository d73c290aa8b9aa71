import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Location, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { classifyArtifact } from '../../server/src/languageService/workspace/workspaceIndex';
import { locatePolicy } from '../../server/src/languageService/workspace/apiopsLayout';
import { stripSnippet, withCursor } from '../util/service';

const root = 'file:///repo/apim';

function serviceWithWorkspace() {
  const service = getLanguageService();
  const index = service.workspace;
  index.update(`${root}/named%20values/flow-url/namedValueInformation.json`, JSON.stringify({ properties: { displayName: 'flow-url', secret: false, value: 'https://example.test/x' } }, null, 2));
  index.update(`${root}/named%20values/api-key/namedValueInformation.json`, JSON.stringify({ properties: { displayName: 'ApiKey', secret: true } }));
  index.update(`${root}/named%20values/kv/namedValueInformation.json`, JSON.stringify({ properties: { displayName: 'kv-secret', secret: true, keyVault: { secretIdentifier: 'https://v.vault.azure.net/secrets/s' } } }));
  index.update(`${root}/backends/orders/backendInformation.json`, JSON.stringify({ properties: { url: 'https://orders.example.test/api', description: 'Orders' } }));
  index.update(`${root}/policy%20fragments/auth/policy.xml`, '<fragment>\n\t<set-header name="Authorization" exists-action="delete" />\n</fragment>');
  index.update(`${root}/policy%20fragments/limit/policy.xml`, '<fragment><rate-limit-by-key calls="1" renewal-period="1" counter-key="a" /></fragment>');
  index.update(`${root}/policy.xml`, '<policies><inbound /><backend><forward-request /></backend></policies>');
  index.update(`${root}/apis/orders/policy.xml`, '<policies><inbound><base /></inbound></policies>');
  index.update(`${root}/products/starter/policy.xml`, '<policies><inbound><base /></inbound></policies>');
  index.update(`${root}/products/starter/apis/orders/productApiInformation.json`, '{}');
  return service;
}

const apiUri = `${root}/apis/orders/operations/get/policy.xml`;

function setup(textWithCursor: string) {
  const service = serviceWithWorkspace();
  const index = service.workspace;
  const { text, offset } = text_(textWithCursor);
  const document = TextDocument.create(apiUri, 'apim-policy', 1, text);
  return { index, service, document, position: document.positionAt(offset) };
}

function text_(t: string) {
  return t.includes('|') ? withCursor(t) : { text: t, offset: 0 };
}

function wrap(inbound: string, outbound = ''): string {
  return `<policies><inbound><base />${inbound}</inbound><backend><base /></backend><outbound><base />${outbound}</outbound><on-error><base /></on-error></policies>`;
}

test('APIOps layout: scope and names from the path', () => {
  assert.deepEqual(locatePolicy('file:///r/apis/orders%3Brev%3D2/operations/get/policy.xml'), { scope: 'operation', api: 'orders', revision: 2, operation: 'get', workspace: undefined });
  assert.equal(locatePolicy('file:///r/workspaces/team/apis/a/policy.xml')?.workspace, 'team');
  assert.equal(locatePolicy('file:///r/policy%20fragments/f/policy.xml')?.scope, 'fragment');
  assert.equal(locatePolicy('file:///r/products/p/policy.xml')?.scope, 'product');
  assert.equal(locatePolicy('file:///r/policy.xml'), undefined);
  assert.equal(locatePolicy('file:///r/policy.xml', () => true)?.scope, 'global');
  assert.deepEqual(classifyArtifact('file:///r/workspaces/team/named%20values/x/namedValueInformation.json'), { kind: 'namedValue', service: 'file:///r/workspaces/team', name: 'x' });
});

test('the policies that run before an operation policy: global, product, API', () => {
  const index = serviceWithWorkspace().workspace;
  index.update(apiUri, '<policies />');
  assert.deepEqual(index.parentPolicies(apiUri), [`${root}/policy.xml`, `${root}/products/starter/policy.xml`, `${root}/apis/orders/policy.xml`]);
});

test('a workspace sees its own named values and the service\'s', () => {
  const index = serviceWithWorkspace().workspace;
  index.update(`${root}/workspaces/team/named%20values/team-only/namedValueInformation.json`, JSON.stringify({ properties: { displayName: 'team-only', value: '1' } }));
  const wsPolicy = `${root}/workspaces/team/apis/a/policy.xml`;
  assert.ok(index.findNamedValue(wsPolicy, 'team-only'));
  assert.ok(index.findNamedValue(wsPolicy, 'flow-url'));
  assert.equal(index.findNamedValue(apiUri, 'team-only'), undefined);
});

test('unknown named value, backend and fragment are warnings; known ones are clean', () => {
  const { service, document } = setup(wrap('<set-header name="a" exists-action="override"><value>{{flow-url}}{{nope}}</value></set-header><set-backend-service backend-id="orders" /><set-backend-service backend-id="missing" /><include-fragment fragment-id="auth" /><include-fragment fragment-id="gone" />'));
  const diags = service.doValidation(document);
  assert.deepEqual(diags.map(d => [d.code, document.getText(d.range)]), [
    ['unknown-named-value', 'nope'],
    ['unknown-backend', 'missing'],
    ['unknown-fragment', 'gone'],
  ]);
  assert.ok(diags.every(d => d.severity === 2));
});

test('an empty backend-id says to name a backend, with the workspace\'s backends, not "backends//backendInformation.json"', () => {
  const { service, document } = setup(wrap('<set-backend-service backend-id="" />'));
  const diags = service.doValidation(document);
  assert.deepEqual(diags.map(d => d.code), ['unknown-backend']);
  assert.equal(diags[0].message, 'Name a backend in backend-id: it is empty (this workspace has \'orders\').');
  assert.doesNotMatch(diags[0].message, /\/\//);
});

test('named values are matched case-insensitively, by display name', () => {
  const { service, document } = setup(wrap('<set-header name="k" exists-action="override"><value>{{apikey}}</value></set-header>'));
  assert.deepEqual(service.doValidation(document), []);
});

test('no unknown-name warnings without a source of names', () => {
  const service = getLanguageService();
  const document = TextDocument.create(apiUri, 'apim-policy', 1, wrap('<set-header name="a" exists-action="override"><value>{{nope}}</value></set-header><include-fragment fragment-id="x" />'));
  assert.deepEqual(service.doValidation(document), []);
});

test('a fragment whose policy is not allowed where it is included is an error at the include', () => {
  const { service, document } = setup(wrap('<include-fragment fragment-id="limit" />', '<include-fragment fragment-id="limit" />'));
  const diags = service.doValidation(document);
  assert.deepEqual(diags.map(d => d.code), ['fragment-policy-not-allowed']);
  assert.equal(document.getText(diags[0].range), 'limit');
  assert.ok(document.offsetAt(diags[0].range.start) > document.getText().indexOf('<outbound>'));
  assert.equal(diags[0].relatedInformation?.[0].location.uri, `${root}/policy%20fragments/limit/policy.xml`);
});

test('hover on a named value shows its value, secret or Key Vault', () => {
  const hover = (t: string) => {
    const { service, document, position } = setup(t);
    return (service.doHover(document, position)?.contents as MarkupContent | undefined)?.value ?? '';
  };
  assert.match(hover(wrap('<set-header name="a" exists-action="override"><value>{{flow-u|rl}}</value></set-header>')), /https:\/\/example\.test\/x/);
  assert.match(hover(wrap('<set-header name="a" exists-action="override"><value>{{Api|Key}}</value></set-header>')), /Secret/);
  assert.match(hover(wrap('<set-header name="a" exists-action="override"><value>{{kv-se|cret}}</value></set-header>')), /Key Vault secret: `https:\/\/v\.vault/);
  assert.match(hover(wrap('<set-backend-service backend-id="ord|ers" />')), /orders\.example\.test/);
  assert.match(hover(wrap('<include-fragment fragment-id="au|th" />')), /set-header/);
});

test('go to definition of named values, backends and fragments', () => {
  const def = (t: string): Location[] => {
    const { service, document, position } = setup(t);
    return service.findDefinition(document, position);
  };
  const nv = def(wrap('<set-header name="a" exists-action="override"><value>{{flow-u|rl}}</value></set-header>'));
  assert.equal(nv[0].uri, `${root}/named%20values/flow-url/namedValueInformation.json`);
  assert.equal(nv[0].range.start.line, 2);
  assert.equal(def(wrap('<set-backend-service backend-id="or|ders" />'))[0].uri, `${root}/backends/orders/backendInformation.json`);
  assert.equal(def(wrap('<include-fragment fragment-id="a|uth" />'))[0].uri, `${root}/policy%20fragments/auth/policy.xml`);
  assert.deepEqual(def(wrap('<set-backend-service backend-id="no|pe" />')), []);
});

test('completion of named values after {{, and of fragment and backend names', () => {
  const complete = (t: string) => {
    const { service, document, position } = setup(t);
    return { items: service.doComplete(document, position).items, document };
  };
  const apply = (document: TextDocument, item: CompletionItem) => TextDocument.applyEdits(document, [{ ...(item.textEdit as TextEdit), newText: stripSnippet((item.textEdit as TextEdit).newText) }]);
  const nv = complete('<policies><inbound><set-header name="a" exists-action="override"><value>{{fl|</value></set-header></inbound></policies>');
  assert.deepEqual(nv.items.map(i => i.label).sort(), ['ApiKey', 'flow-url', 'kv-secret']);
  assert.equal(apply(nv.document, nv.items.find(i => i.label === 'flow-url')!), '<policies><inbound><set-header name="a" exists-action="override"><value>{{flow-url}}</value></set-header></inbound></policies>');
  const frag = complete('<policies><inbound><include-fragment fragment-id="|" /></inbound></policies>');
  assert.deepEqual(frag.items.map(i => i.label).sort(), ['auth', 'limit']);
  const backend = complete('<policies><inbound><set-backend-service backend-id="o|" /></inbound></policies>');
  assert.deepEqual(backend.items.map(i => i.label), ['orders']);
});

test('index follows removals', () => {
  const index = serviceWithWorkspace().workspace;
  index.remove(`${root}/backends/orders/backendInformation.json`);
  assert.equal(index.findBackend(apiUri, 'orders'), undefined);
  assert.equal(index.knows(root, 'backend'), false);
});
