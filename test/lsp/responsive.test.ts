/**
 * A long operation does not block the server: while the Flows view's list is computed across a
 * big workspace, a hover sent after it is answered first (on main the list held the server for
 * seconds and every request waited behind it).
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { startClient, type TestClient } from '../util/lspClient';

const POLICIES = 1500;
const URL = 'https://e.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke?api-version=1';
const policy = `<policies>
	<inbound>
		<base />
		<set-backend-service base-url="${URL}" />
		<authentication-managed-identity resource="https://service.flow.microsoft.com/" />
	</inbound>
	<backend><base /></backend>
	<outbound><base /></outbound>
	<on-error><base /></on-error>
</policies>
`;

let dir: string;
let client: TestClient;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-responsive-'));
  fs.writeFileSync(path.join(dir, 'apim-flows.json'), JSON.stringify({
    tenantId: 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f',
    flows: { intake: { type: 'powerAutomate', url: URL, trigger: { authentication: 'tenant' } } },
  }));
  for (let i = 0; i < POLICIES; i++) {
    fs.mkdirSync(path.join(dir, 'apis', `api${i}`), { recursive: true });
    fs.writeFileSync(path.join(dir, 'apis', `api${i}`, 'policy.xml'), policy);
  }
  client = await startClient(URI.file(dir).toString());
  await client.waitForLog(/indexed \d+ workspace files/, 60_000);
});
after(async () => {
  await client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a hover sent while apim/listFlows runs on a big workspace is answered before the list', async () => {
  const uri = URI.file(path.join(dir, 'apis', 'api0', 'policy.xml')).toString();
  client.open(uri, policy);
  await client.diagnostics(uri);
  const order: string[] = [];
  const started = performance.now();
  const list = client.connection.sendRequest<Array<{ name: string; policies: unknown[] }>>('apim/listFlows', {}).then(flows => {
    order.push('listFlows');
    return { flows, ms: performance.now() - started };
  });
  const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 4 } }).then(h => {
    order.push('hover');
    return { h, ms: performance.now() - started };
  });
  const [l, h] = await Promise.all([list, hover]);
  assert.ok(h.h, 'no hover');
  assert.equal(l.flows[0].policies.length, POLICIES, 'the list is complete');
  assert.deepEqual(order, ['hover', 'listFlows'], `hover after ${Math.round(h.ms)} ms, list after ${Math.round(l.ms)} ms`);
  assert.ok(h.ms < 5000, `the hover waited ${Math.round(h.ms)} ms`);
});
