import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, MarkupContent, DocumentSymbol } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../util/lspClient';

let client: TestClient;

before(async () => { client = await startClient(); });
after(async () => { await client.close(); });

const uri = 'file:///tmp/ws/apis/orders/policy.xml';
const text = `<policies>
  <inbound>
    <base />
    <authentication-managed-identity resource="https://service.flow.microsoft.com/" />
    <set-headr name="x" />
  </inbound>
  <outbound>
    <base />
    <forward-request />
  </outbound>
</policies>`;

test('initialize advertises the features', () => {
  const caps = client.initializeResult.capabilities;
  assert.ok(caps.completionProvider);
  assert.equal(caps.hoverProvider, true);
  assert.ok(caps.documentSymbolProvider);
  assert.equal(caps.foldingRangeProvider, true);
});

test('open publishes diagnostics', async () => {
  client.open(uri, text, 1);
  const d = await client.diagnostics(uri, 1);
  const codes = d.diagnostics.map(x => x.code).sort();
  assert.deepEqual(codes, ['forward-request-outside-backend', 'unknown-element']);
  const unknown = d.diagnostics.find(x => x.code === 'unknown-element')!;
  assert.equal(unknown.range.start.line, 4);
});

test('a change republishes diagnostics for the new version', async () => {
  client.change(uri, text.replace('set-headr', 'set-header').replace('<forward-request />', ''), 2);
  const d = await client.diagnostics(uri, 2);
  assert.deepEqual(d.diagnostics, []);
});

test('completion in <inbound> and <outbound>', async () => {
  const u = 'file:///tmp/ws/apis/orders/operations/get/policy.xml';
  const t = '<policies>\n  <inbound>\n    <\n  </inbound>\n  <outbound>\n    <\n  </outbound>\n</policies>';
  client.open(u, t, 1);
  const inbound = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: 2, character: 5 } });
  assert.ok(inbound.items.some(i => i.label === 'authentication-managed-identity'));
  const outbound = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: 5, character: 5 } });
  assert.ok(!outbound.items.some(i => i.label === 'authentication-managed-identity'));
  assert.ok(outbound.items.some(i => i.label === 'set-body'));
});

test('completion: the list travels without documentation, and completionItem/resolve brings the selected item\'s', async () => {
  const u = 'file:///tmp/ws/apis/orders/operations/docs/policy.xml';
  client.open(u, '<policies>\n  <inbound>\n    <\n  </inbound>\n</policies>', 1);
  const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: 2, character: 5 } });
  const mi = list.items.find(i => i.label === 'authentication-managed-identity');
  assert.ok(mi, 'the policy is offered');
  assert.ok(list.items.every(i => i.documentation === undefined), 'no documentation in the list');
  const resolved = await client.connection.sendRequest<CompletionItem>('completionItem/resolve', mi);
  assert.match((resolved.documentation as MarkupContent).value, /managed identity/i);
  assert.equal(resolved.label, mi.label);
  // an item of an older list comes back as it is, never with another item's documentation
  await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: 2, character: 5 } });
  const stale = await client.connection.sendRequest<CompletionItem>('completionItem/resolve', mi);
  assert.equal(stale.documentation, undefined);
});

test('hover on a policy', async () => {
  const h = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 10 } });
  assert.match((h.contents as MarkupContent).value, /managed identity/i);
});

test('document symbols', async () => {
  const s = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(s[0].name, 'policies');
  assert.deepEqual(s[0].children!.map(c => c.name), ['inbound', 'outbound']);
});

test('the server survives hostile input and keeps answering', async () => {
  const hostile: Array<[string, string]> = [
    ['file:///tmp/ws/bin.policy.xml', Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 131) % 65536)).join('')],
    ['file:///tmp/ws/deep.policy.xml', '<a>'.repeat(100_000)],
    ['file:///tmp/ws/deep-closed.policy.xml', '<policies><inbound>' + '<choose><when condition="true">'.repeat(20_000) + '</when></choose>'.repeat(20_000) + '</inbound></policies>'],
    ['file:///tmp/ws/doctype.policy.xml', '<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\uFEFF<policies>&b;\r\n<inbound>\0</inbound></policies>'],
    ['file:///tmp/ws/expr.policy.xml', '<policies><inbound><set-body>@{ ' + 'context.Request.Headers.GetValueOrDefault("a", "b") + '.repeat(5000) + '1; }</set-body></inbound></policies>'],
    ['file:///tmp/ws/expr.policy.xml', '@{' + '"'.repeat(10000)],
    ['file:///tmp/ws/line.policy.xml', '<policies><inbound>' + 'x'.repeat(2_000_000) + '</inbound></policies>'],
  ];
  for (const [u, t] of hostile) {
    client.open(u, t, 1);
    await client.diagnostics(u, 1, 20_000);
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: u }, position: { line: 0, character: 3 } });
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 1 } });
    await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } });
    await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: u } });
    await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } });
    await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: u } });
  }
  const h = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 10 } });
  assert.ok(h);
  assert.equal(client.process.exitCode, null);
});

test('the server warms up once idle, publishes nothing for it and keeps answering', async () => {
  await client.waitForLog(/^Warmed up in \d+ ms\.$/);
  assert.deepEqual(client.published().filter(u => !u.startsWith('file:///tmp/ws/')), []);
  const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 5 } });
  assert.ok(list.items.some(i => i.label === 'set-header'));
});

test('closing a document clears its diagnostics', async () => {
  const u = 'file:///tmp/ws/apis/x/policy.xml';
  client.open(u, '<policies><inbound><nope /></inbound></policies>', 1);
  await client.diagnostics(u, 1);
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  const cleared = await client.diagnostics(u);
  assert.deepEqual(cleared.diagnostics, []);
});

test('apim-flows.json: problems are published in the config file while it is edited', async () => {
  const u = 'file:///tmp/ws/apim-flows.json';
  client.open(u, '{ "tenantId": "nope", "flows": { "f": { "type": "powerAutomat", "url": "https://x.test/a" } } }', 1);
  const d = await client.diagnostics(u);
  const codes = d.diagnostics.map(x => x.code).sort();
  assert.ok(codes.includes('flows-invalid-guid'), JSON.stringify(codes));
  assert.ok(codes.includes('flows-unknown-flow-type'), JSON.stringify(codes));
  assert.equal(d.diagnostics.find(x => x.code === 'flows-invalid-guid')!.range.start.character, 14);
});

test('a policy linked to a flow of an open config gets the cross-check and a CodeLens', async () => {
  const cfg = 'file:///tmp/ws2/apim-flows.json';
  const url = 'https://e.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1';
  client.open(cfg, JSON.stringify({ tenantId: 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f', flows: { f: { type: 'powerAutomate', url, trigger: { authentication: 'tenant' } } } }), 1);
  await client.diagnostics(cfg);
  const u = 'file:///tmp/ws2/apis/a/policy.xml';
  client.open(u, `<policies><inbound><base /><set-backend-service base-url="${url}" /><authentication-managed-identity resource="https://service.flow.microsoft.com" /></inbound></policies>`, 1);
  let d = await client.diagnostics(u, 1);
  for (let i = 0; i < 5 && !d.diagnostics.some(x => x.code === 'flow-audience'); i++) d = await client.diagnostics(u, 1);
  assert.ok(d.diagnostics.some(x => x.code === 'flow-audience'), JSON.stringify(d.diagnostics.map(x => x.code)));
  const lenses = await client.connection.sendRequest<Array<{ command?: { title: string } }>>('textDocument/codeLens', { textDocument: { uri: u } });
  assert.match(lenses[0].command!.title, /^f \(Power Automate, tenant\): rejected/);
});
