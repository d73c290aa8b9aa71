/**
 * The C# checks, completion and hover of policy expressions through the bundled server: the
 * server loads the C# grammar (WebAssembly, from dist/) once the first diagnostics are out, and
 * publishes the C# findings in a second publish that replaces the first.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../util/lspClient';

let client: TestClient;

// the document is opened at once: before the server, idle, loads the C# parser on its own
before(async () => {
  client = await startClient();
  client.open(uri, text, 1);
});
after(async () => { await client.close(); });

const uri = 'file:///tmp/ws/apis/orders/operations/get/policy.xml';
const text = `<policies>
  <inbound>
    <base />
    <set-variable name="orderId" value="@(context.Request.MatchedParameters[&quot;id&quot;])" />
    <set-header name="x-order" exists-action="override">
      <value>@(context.Requests.Method + (string)context.Variables[&quot;orderId&quot;] &quot;x&quot;)</value>
    </set-header>
    <set-body>@{ var f = System.IO.File.ReadAllText("a"); }</set-body>
  </inbound>
</policies>`;

test('the first publish does not wait for the C# parser; the second adds the C# errors at their place', async () => {
  const first = await client.diagnostics(uri, 1);
  assert.deepEqual(first.diagnostics.filter(x => String(x.code).startsWith('expr-')), [], 'the first phase has no C# findings');
  const d = await client.diagnostics(uri, 1);
  assert.deepEqual(d.diagnostics.filter(x => !String(x.code).startsWith('expr-')), first.diagnostics, 'the second publish keeps the first one\'s findings');
  const got = d.diagnostics.filter(x => String(x.code).startsWith('expr-')).map(x => [x.code, x.severity, x.range.start.line, x.range.start.character, x.range.end.character]);
  const line = text.split('\n')[5];
  const member = line.indexOf('Requests');
  const stray = line.lastIndexOf('&quot;x&quot;');
  const body = text.split('\n')[7];
  assert.deepEqual(got, [
    ['expr-unknown-member', 2, 5, member, member + 'Requests'.length],
    ['expr-syntax', 1, 5, stray, stray + '&quot;x&quot;'.length],
    ['expr-block-no-return', 1, 7, body.indexOf('@{'), body.indexOf('@{') + 2],
    ['expr-type-not-allowed', 1, 7, body.indexOf('System.IO.File'), body.indexOf('System.IO.File') + 'System.IO.File'.length],
  ]);
  assert.equal(client.stderr(), '', 'the C# parser loaded without complaint');
  assert.ok(client.logs().some(l => /^The C# parser of policy expressions loaded in \d+ ms\.$/.test(l)));
});

test('an edit that fixes the expressions clears their diagnostics', async () => {
  const fixed = text.replace('Requests', 'Request').replace(' &quot;x&quot;', '').replace('var f = System.IO.File.ReadAllText("a");', 'return "a";');
  client.change(uri, fixed, 2);
  const d = await client.diagnostics(uri, 2);
  assert.deepEqual(d.diagnostics.filter(x => String(x.code).startsWith('expr-')), []);
});

test('once the parser is there, an edit of a few expressions is published once, C# findings included', async () => {
  const broken = text.replace('Requests', 'Requestz');
  client.change(uri, broken, 3);
  const d = await client.diagnostics(uri, 3);
  assert.ok(d.diagnostics.some(x => x.code === 'expr-unknown-member'), 'the C# findings are in the first publish');
  // one more version: had version 3 been published twice, its second publish would come before this one
  client.change(uri, text, 4);
  await client.diagnostics(uri, 4);
  assert.equal(client.published().filter(u => u === uri).length, 5, 'version 1 twice (before and after the parser loaded), versions 2 to 4 once each');
});

test('completion after context. and inside context.Variables["…"] through the server', async () => {
  const u = 'file:///tmp/ws/apis/orders/operations/post/policy.xml';
  const t = '<policies>\n  <inbound>\n    <set-variable name="orderId" value="1" />\n    <set-header name="a" exists-action="override"><value>@(context.Request.)</value></set-header>\n    <set-body>@((string)context.Variables[""])</set-body>\n  </inbound>\n</policies>';
  client.open(u, t, 1);
  await client.diagnostics(u, 1);
  const lines = t.split('\n');
  const members = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
    textDocument: { uri: u }, position: { line: 3, character: lines[3].indexOf('Request.') + 'Request.'.length },
  });
  assert.ok(members.items.some(i => i.label === 'Headers'));
  assert.ok(!members.items.some(i => i.label === 'set-header'));
  const names = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
    textDocument: { uri: u }, position: { line: 4, character: lines[4].indexOf('[""]') + 2 },
  });
  assert.deepEqual(names.items.map(i => i.label), ['orderId']);
});

test('hover on a context member through the server', async () => {
  const u = 'file:///tmp/ws/apis/orders/operations/put/policy.xml';
  const t = '<policies>\n  <inbound>\n    <set-variable name="ip" value="@(context.Request.IpAddress)" />\n  </inbound>\n</policies>';
  client.open(u, t, 1);
  await client.diagnostics(u, 1);
  const h = await client.connection.sendRequest<Hover>('textDocument/hover', {
    textDocument: { uri: u }, position: { line: 2, character: t.split('\n')[2].indexOf('IpAddress') + 2 },
  });
  assert.match((h.contents as MarkupContent).value, /IpAddress: string/);
  assert.equal(h.range!.start.character, t.split('\n')[2].indexOf('IpAddress'));
});

test('a policy whose expressions are plain C# gets its complete diagnostics without waiting for the parser', async () => {
  const fresh = await startClient();
  try {
    const plainUri = 'file:///tmp/ws/apis/orders/operations/list/policy.xml';
    fresh.open(plainUri, `<policies>
  <inbound>
    <base />
    <set-header name="x-method" exists-action="override">
      <value>@(context.Requests.Method + (string)context.Variables.GetValueOrDefault&lt;string&gt;("a", ""))</value>
    </set-header>
  </inbound>
</policies>`, 1);
    const first = await fresh.diagnostics(plainUri, 1);
    assert.deepEqual(first.diagnostics.filter(x => String(x.code).startsWith('expr-')), []);
    const complete = await fresh.diagnostics(plainUri, 1);
    assert.deepEqual(complete.diagnostics.filter(x => String(x.code).startsWith('expr-')).map(x => x.code), ['expr-unknown-member']);
    assert.ok(!fresh.logs().some(l => /^The C# parser of policy expressions loaded/.test(l)), 'published before the parser loaded');
  } finally {
    await fresh.close();
  }
});
