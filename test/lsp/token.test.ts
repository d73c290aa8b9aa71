import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DecodeTokenResult } from '../../common/protocol';
import { startClient, type TestClient } from '../util/lspClient';
import { makeKeys, PRINCIPAL, sign, TENANT, v1Claims, type TestKeys } from '../util/tokens';

let client: TestClient;
let keys: TestKeys;
const now = Math.floor(Date.parse('2026-11-26T12:00:00Z') / 1000);

before(async () => {
  keys = await makeKeys();
  client = await startClient('file:///tmp/tokws');
  client.open('file:///tmp/tokws/apim-flows.json', JSON.stringify({
    tenantId: TENANT,
    flows: { users: { type: 'powerAutomate', url: 'https://e.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/b/triggers/manual/paths/invoke?api-version=1', trigger: { authentication: 'specificUsers', allowedCallers: [PRINCIPAL] } } },
  }), 1);
  await client.diagnostics('file:///tmp/tokws/apim-flows.json');
});
after(async () => { await client.close(); });

test('apim/decodeToken: decode, verify with the given JWKS, simulate the chosen flow', async () => {
  const token = await sign(keys, v1Claims(now));
  const r = await client.connection.sendRequest<DecodeTokenResult>('apim/decodeToken', { token: `Bearer ${token}`, flow: 'users', now: '2026-11-26T12:00:00Z', jwksText: JSON.stringify(keys.jwks) });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.verdict, 'accepted');
  assert.equal(r.checks.find(c => c.id === 'signature')!.status, 'pass');
  const other = await client.connection.sendRequest<DecodeTokenResult>('apim/decodeToken', { token: await sign(keys, v1Claims(now, { oid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' })), flow: 'users', now: '2026-11-26T12:00:00Z' });
  assert.ok(other.ok);
  assert.equal(other.verdict, 'rejected');
});

test('apim/decodeToken: bad input and unknown flows are answers, not failures; the server keeps running', async () => {
  const bad = await client.connection.sendRequest<DecodeTokenResult>('apim/decodeToken', { token: 'hello' });
  assert.deepEqual(bad, { ok: false, error: 'Not a JWT: expected three parts separated by dots, found 1.' });
  const noFlow = await client.connection.sendRequest<DecodeTokenResult>('apim/decodeToken', { token: await sign(keys, v1Claims(now)), flow: 'nope' });
  assert.equal(noFlow.ok, false);
  const badJwks = await client.connection.sendRequest<DecodeTokenResult>('apim/decodeToken', { token: await sign(keys, v1Claims(now)), jwksText: '{' });
  assert.equal(badJwks.ok, false);
  assert.equal(client.process.exitCode, null);
});

test('apim/decodeToken: exp 1e308 is a failed time check, not "could not be inspected"; no expiry is sent to the view', async () => {
  const token = await sign(keys, v1Claims(now, { iat: 1e308, nbf: -1e308, exp: 1e308 }));
  const r = await client.connection.sendRequest<DecodeTokenResult>('apim/decodeToken', { token, flow: 'users', now: '2026-11-26T12:00:00Z' });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.checks.find(c => c.id === 'time-exp')!.status, 'fail');
  assert.equal(r.checks.find(c => c.id === 'time-nbf')!.status, 'fail');
  assert.equal(r.expiresAt, undefined);
  assert.equal(r.verdict, 'rejected');
});

test('the token never reaches the server\'s log or stderr', async () => {
  const token = await sign(keys, v1Claims(now));
  await client.connection.sendRequest('apim/decodeToken', { token, flow: 'users' });
  await client.connection.sendRequest('apim/decodeToken', { token: token + '!!', flow: 'users' });
  const payload = token.split('.')[1];
  assert.ok(!client.logs().some(l => l.includes(payload)), 'a log message holds the token');
  assert.ok(!client.stderr().includes(payload), 'stderr holds the token');
});

test('apim/listFlows: the flows with their linked policies', async () => {
  const flows = await client.connection.sendRequest<Array<{ name: string; description: string }>>('apim/listFlows', {});
  assert.deepEqual(flows.map(f => [f.name, f.description]), [['users', 'Power Automate, specific users']]);
});
