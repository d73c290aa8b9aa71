/**
 * The server indexing a workspace whose apim-flows.json is nested 8,000 deep: that file gets a
 * syntax problem, and the rest of the workspace is indexed and checked as usual.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { startClient, type TestClient } from '../util/lspClient';

let client: TestClient;
let dir: string;
const uriOf = (rel: string) => pathToFileURL(path.join(dir, rel)).href;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-lsp-input-'));
  const files: Record<string, string> = {
    'apim-flows.json': '{"flows":' + '['.repeat(8000) + ']'.repeat(8000) + '}',
    'svc/apim-flows.json': JSON.stringify({ tenantId: 'not-a-guid', flows: { f: { type: 'powerAutomate', policies: ['apis/**'], trigger: { authentication: 'tenant' } } } }),
    'svc/apis/a/policy.xml': '<policies><inbound><base /></inbound></policies>',
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  client = await startClient(pathToFileURL(dir).href);
});
after(async () => { await client.close(); });

test('initialized: the deep config gets a syntax problem, the other config its own problems', async () => {
  const deep = await client.diagnostics(uriOf('apim-flows.json'));
  assert.deepEqual(deep.diagnostics.map(d => d.code), ['flows-json-syntax']);
  assert.equal(deep.diagnostics[0].range.start.character, 9 + 255);
  const other = await client.diagnostics(uriOf('svc/apim-flows.json'));
  assert.deepEqual(other.diagnostics.map(d => d.code), ['flows-invalid-guid']);
  await client.waitForLog(/indexed \d+ workspace files/);
});

test('a policy opened afterwards is cross-checked against the other config', async () => {
  const u = uriOf('svc/apis/a/policy.xml');
  client.open(u, '<policies><inbound><base /><authentication-managed-identity resource="https://service.flow.microsoft.com" /></inbound></policies>', 1);
  const d = await client.diagnostics(u, 1);
  assert.ok(d.diagnostics.some(x => x.code === 'flow-audience'), JSON.stringify(d.diagnostics.map(x => x.code)));
  assert.equal(client.process.exitCode, null);
});
