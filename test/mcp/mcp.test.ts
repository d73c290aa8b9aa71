/**
 * `apim-policy mcp` as an agent meets it: the bundled CLI started over stdio by the MCP SDK's own
 * client, tools listed and called through the protocol.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError, ErrorCode, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
const examples = path.resolve(__dirname, '../../../examples');

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL3NlcnZpY2UuZmxvdy5taWNyb3NvZnQuY29tLyJ9.c2lnbmF0dXJl';
const misspelt = '<policies>\n  <inbound>\n    <base />\n    <set-headr name="a" />\n  </inbound>\n  <backend><base /></backend>\n  <outbound><base /></outbound>\n  <on-error><base /></on-error>\n</policies>\n';

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apim-mcp-')));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

async function connect(cwd: string, args: string[] = []): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', ...args], cwd, stderr: 'pipe' });
  const client = new Client({ name: 'apim-policy-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const texts = (r: unknown) => ((r as CallToolResult).content as Array<{ type: string; text: string }>).map(c => c.text);

async function callError(client: Client, name: string, args: Record<string, unknown>): Promise<McpError> {
  try {
    await client.callTool({ name, arguments: args });
  } catch (e) {
    assert.ok(e instanceof McpError, `expected an MCP error, got ${String(e)}`);
    return e;
  }
  assert.fail(`${name} ${JSON.stringify(args)} answered instead of failing`);
}

let workspace: string;
let client: Client;
let exampleClient: Client;

before(async () => {
  workspace = tree({
    'apis/orders/policy.xml': misspelt,
    'apis/secret/policy.xml': `<policies><inbound><base /><set-header name="Authorization" exists-action="override"><value>Bearer ${JWT}</value></set-header><set-headr /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`,
  });
  fs.writeFileSync(path.join(path.dirname(workspace), `${path.basename(workspace)}-outside.policy.xml`), misspelt);
  fs.symlinkSync(path.join(path.dirname(workspace), `${path.basename(workspace)}-outside.policy.xml`), path.join(workspace, 'link.policy.xml'));
  [client, exampleClient] = await Promise.all([connect(workspace), connect(examples)]);
});

after(async () => {
  await Promise.all([client?.close(), exampleClient?.close()]);
});

test('lists the tools, each with a description and a JSON object input schema', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map(t => t.name).sort(), ['apim_check_policy', 'apim_effective_policy', 'apim_policy_reference', 'apim_simulate_flow']);
  for (const t of tools) {
    assert.ok((t.description ?? '').length > 80, `${t.name} needs a description a model can act on`);
    assert.equal(t.inputSchema.type, 'object');
    assert.ok(Object.keys(t.inputSchema.properties ?? {}).length > 0);
  }
});

test('apim_check_policy on a misspelt element returns the diagnostic `apim-policy check` reports', async () => {
  const r = await client.callTool({ name: 'apim_check_policy', arguments: { path: 'apis/orders/policy.xml' } });
  assert.ok(!r.isError);
  const [summary, json] = texts(r);
  assert.match(summary, /^apis\/orders\/policy\.xml: 1 error, 0 warnings/);
  assert.match(summary, /apis\/orders\/policy\.xml:4:6: error \[unknown-element\]/);
  const cliRun = spawnSync(process.execPath, [cli, 'check', 'apis/orders/policy.xml', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
  assert.equal(cliRun.status, 1, cliRun.stderr);
  assert.deepEqual(JSON.parse(json), JSON.parse(cliRun.stdout));
});

test('each call sees the files as they are now: an edit, a named value added', async () => {
  const dir = tree({ 'apis/live/policy.xml': '<policies><inbound><base /><set-headr name="a" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
    'named values/other/namedValueInformation.json': '{ "properties": { "displayName": "other", "value": "x" } }',
  });
  const live = await connect(dir);
  try {
    const call = async () => texts(await live.callTool({ name: 'apim_check_policy', arguments: { path: 'apis/live/policy.xml' } }))[0];
    assert.match(await call(), /error \[unknown-element\]/);
    fs.writeFileSync(path.join(dir, 'apis/live/policy.xml'), '<policies><inbound><base /><set-header name="a" exists-action="override"><value>{{region}}</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>');
    assert.match(await call(), /0 errors, 1 warning.*\n.*\[unknown-named-value\]/);
    fs.mkdirSync(path.join(dir, 'named values/region'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'named values/region/namedValueInformation.json'), '{ "properties": { "displayName": "region", "value": "westeurope" } }');
    assert.match(await call(), /0 errors, 0 warnings, 0 information\. No problem found\./);
  } finally {
    await live.close();
  }
});

test('apim_check_policy takes policy text and a scope', async () => {
  const noBase = '<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>';
  const global = await client.callTool({ name: 'apim_check_policy', arguments: { policy: noBase, scope: 'global' } });
  assert.match(texts(global)[0], /<policy> \(checked as a global policy\): 0 errors, 0 warnings, 0 information\. No problem found\./);
  // the same text at API scope drops what the global policy does: <base /> is missing
  const api = await client.callTool({ name: 'apim_check_policy', arguments: { policy: noBase, scope: 'api' } });
  assert.match(texts(api)[0], /^<policy> \(checked as an api policy\):.*\n<policy>:1:12: information \[missing-base\] <inbound> has no <base \/>/);
  const bad = await client.callTool({ name: 'apim_check_policy', arguments: { policy: misspelt } });
  assert.match(texts(bad)[0], /<policy>:4:6: error \[unknown-element\] .*set-header/);
});

test('apim_effective_policy composes global → API → operation as `apim-policy effective` does', async () => {
  const r = await exampleClient.callTool({ name: 'apim_effective_policy', arguments: { path: 'apis/orders/operations/get-order' } });
  const [text, json] = texts(r);
  assert.match(text, /^Effective policy of apis\/orders\/operations\/get-order\/policy\.xml \(operation scope\): global \(policy\.xml\) → api \(apis\/orders\/policy\.xml\) → operation/);
  assert.match(text, /<!-- from: api \(apis\/orders\/policy\.xml\) -->\s*<set-header name="Authorization" exists-action="delete" \/>/);
  const cliRun = spawnSync(process.execPath, [cli, 'effective', 'apis/orders/operations/get-order/policy.xml', '--format', 'json'], { cwd: examples, encoding: 'utf8' });
  assert.equal(cliRun.status, 0, cliRun.stderr);
  assert.deepEqual(JSON.parse(json), JSON.parse(cliRun.stdout));
  const e = await callError(exampleClient, 'apim_effective_policy', { path: 'policy fragments/trace-caller/policy.xml' });
  assert.match(e.message, /a fragment has no effective policy of its own/);
});

test('apim_simulate_flow predicts the token and runs the trigger checks, by policy or by flow', async () => {
  const byPath = await exampleClient.callTool({ name: 'apim_simulate_flow', arguments: { path: 'apis/reports/policy.xml' } });
  const [text, json] = texts(byPath);
  assert.match(text, /monthly-report \(Power Automate, tenant\): rejected/);
  assert.match(text, /\[FAIL\] Audience is the Flow service .*MisMatchingOAuthClaims/);
  const sims = JSON.parse(json) as Array<{ verdict: string; predictedToken: { payload: Record<string, unknown> } }>;
  assert.equal(sims[0].verdict, 'rejected');
  assert.equal(sims[0].predictedToken.payload.aud, 'https://service.flow.microsoft.com');

  const byFlow = await exampleClient.callTool({ name: 'apim_simulate_flow', arguments: { flow: 'order-approval' } });
  assert.match(texts(byFlow)[0], /^Flow 'order-approval' .*1 managed-identity call: rejected/);
  assert.match(texts(byFlow)[0], /apis\/approvals\/operations\/approve\/policy\.xml:\d+:\d+: .*client ID/);

  const accepted = await exampleClient.callTool({ name: 'apim_simulate_flow', arguments: { flow: 'order-intake' } });
  assert.match(texts(accepted)[0], /^Flow 'order-intake' .*: 2 managed-identity calls: accepted, accepted\./);
  assert.doesNotMatch(texts(accepted)[0], /\[skip\]/);
});

test('apim_policy_reference answers from the catalog, and suggests a name for a typo', async () => {
  const r = await client.callTool({ name: 'apim_policy_reference', arguments: { name: 'rate-limit-by-key' } });
  const [text] = texts(r);
  assert.match(text, /sections: inbound/);
  assert.match(text, /counter-key \(required/);
  assert.match(text, /documentation: https:\/\/learn\.microsoft\.com\//);
  const e = await callError(client, 'apim_policy_reference', { name: 'rate-limt-by-key' });
  assert.equal(e.code, ErrorCode.InvalidParams);
  assert.match(e.message, /Did you mean rate-limit-by-key/);
});

test('bad input is an MCP error, not an answer', async () => {
  for (const [name, args, pattern] of [
    ['apim_check_policy', {}, /give either policy .* or path/],
    ['apim_check_policy', { policy: misspelt, path: 'apis/orders/policy.xml' }, /give either/],
    ['apim_check_policy', { policy: 42 }, /'policy' must be a string/],
    ['apim_check_policy', { policy: misspelt, scope: 'tenant' }, /'scope' must be one of/],
    ['apim_check_policy', { file: 'x' }, /unknown argument 'file'/],
    ['apim_policy_reference', {}, /'name' is required/],
    ['apim_simulate_flow', { flow: 'nope' }, /No flow named 'nope'/],
    ['apim_token_inspector', {}, /Unknown tool/],
  ] as const) {
    const e = await callError(client, name, args);
    assert.equal(e.code, ErrorCode.InvalidParams, `${name} ${JSON.stringify(args)}`);
    assert.match(e.message, pattern);
  }
});

test('no tool reads outside the folder the server started in', async () => {
  for (const p of ['../' + path.basename(workspace) + '-outside.policy.xml', '/etc/passwd', 'link.policy.xml']) {
    for (const tool of ['apim_check_policy', 'apim_effective_policy', 'apim_simulate_flow']) {
      const e = await callError(client, tool, { path: p });
      assert.equal(e.code, ErrorCode.InvalidParams);
      assert.match(e.message, /refused: outside the folder the MCP server started in/, `${tool} ${p}`);
    }
  }
});

test('no tool takes or returns a bearer token', async () => {
  for (const [name, args] of [
    ['apim_check_policy', { policy: `<policies><inbound><set-header name="Authorization"><value>Bearer ${JWT}</value></set-header></inbound></policies>` }],
    ['apim_policy_reference', { name: JWT }],
    ['apim_simulate_flow', { flow: `Bearer ${JWT}` }],
  ] as const) {
    const e = await callError(client, name, args);
    assert.match(e.message, /looks like a bearer token/);
    assert.ok(!e.message.includes(JWT.substring(0, 30)));
  }
  // a policy file that holds one: its problems are reported, the token is not repeated
  const r = await client.callTool({ name: 'apim_check_policy', arguments: { path: 'apis/secret/policy.xml' } });
  const all = texts(r).join('\n');
  assert.match(all, /unknown-element/);
  assert.ok(!all.includes(JWT.substring(0, 30)), 'the answer repeats the token');
});
