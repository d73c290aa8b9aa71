/**
 * The CLI on committed apim-flows.json files built to break it: a config nested 8,000 deep, a
 * `policies` glob that made the regular expression backtrack for minutes, flow names that are
 * members of Object.prototype.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { TENANT, unsigned, v1Claims } from '../util/tokens';
import { runCli, makeTree } from '../util/cli';

const PA_URL = 'https://e.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/a/triggers/manual/paths/invoke?api-version=1';
const NOW = '2026-11-26T12:00:00Z';

/** Runs the CLI; a run killed at the (generous) time limit has a null code. */
const run = (args: string[], cwd?: string) => runCli(args, { cwd, timeoutMs: 20_000 });

const tree = (files: Record<string, string>) => makeTree(files, 'apim-cli-input-');

const policy = (inbound: string) => `<policies><inbound><base />${inbound}</inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;
const mi = '<authentication-managed-identity resource="https://service.flow.microsoft.com" />';

interface Reported { file: string; code: string; severity: string }

test('check: a config nested 8,000 deep is a syntax error in that file; the other files are still checked', () => {
  const dir = tree({
    'deep/apim-flows.json': '{"flows":' + '['.repeat(8000) + ']'.repeat(8000) + '}',
    'svc/apim-flows.json': JSON.stringify({ tenantId: 'not-a-guid', flows: { f: { type: 'powerAutomate', policies: ['apis/**'], trigger: { authentication: 'tenant' } } } }),
    'svc/apis/a/policy.xml': policy(`<set-headr name="x" />${mi}`),
  });
  const r = run(['check', dir, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Reported[];
  const codesOf = (suffix: string) => out.filter(d => d.file.endsWith(suffix) && d.severity !== 'information').map(d => d.code).sort();
  assert.deepEqual(codesOf(path.join('deep', 'apim-flows.json')), ['flows-json-syntax']);
  assert.deepEqual(codesOf(path.join('svc', 'apim-flows.json')), ['flows-invalid-guid']);
  // the policy got its own problems and the cross-check against the other config's flow
  assert.deepEqual(codesOf(path.join('apis', 'a', 'policy.xml')), ['flow-audience', 'unknown-element']);
});

test('check: a backtracking glob against a path of 40 a\'s finishes, with the right answer', () => {
  const a40 = 'a'.repeat(40);
  const dir = tree({
    'apim-flows.json': JSON.stringify({ tenantId: TENANT, flows: { f: { type: 'powerAutomate', policies: ['**a'.repeat(10) + '**b.policy.xml'], trigger: { authentication: 'tenant' } } } }),
    [`${a40}.policy.xml`]: policy(mi),
    [`${a40}/${a40}b.policy.xml`]: policy(mi),
  });
  const started = Date.now();
  const r = run(['check', dir, '--format', 'json']);
  assert.notEqual(r.code, null, `killed after ${Date.now() - started} ms`);
  const out = JSON.parse(r.stdout) as Reported[];
  // only the path that ends in b is linked to the flow, and so cross-checked
  assert.deepEqual(out.filter(d => d.code === 'flow-audience').map(d => path.basename(d.file)), [`${a40}b.policy.xml`]);
});

function tokenDir(flows: Record<string, unknown>): string {
  return tree({ 'apim-flows.json': JSON.stringify({ tenantId: TENANT, flows }) });
}

const token = unsigned({ alg: 'RS256', typ: 'JWT' }, v1Claims(Math.floor(Date.parse(NOW) / 1000)));

test('token --flow toString / __proto__ / constructor: "no such flow", exit 2', () => {
  const dir = tokenDir({ tenant: { type: 'powerAutomate', url: PA_URL, trigger: { authentication: 'tenant' } } });
  for (const name of ['toString', '__proto__', 'constructor']) {
    const r = run(['token', token, '--flow', name, '--now', NOW], dir);
    assert.equal(r.code, 2, `${name}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stderr.trim(), `apim-policy: No flow '${name}' in apim-flows.json (flows: tenant).`);
  }
});

test('token --flow __proto__: a flow of that name is used like any other', () => {
  const flows = JSON.parse(`{ "__proto__": { "type": "powerAutomate", "url": "${PA_URL}", "trigger": { "authentication": "specificUsers", "allowedCallers": ["eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee"] } } }`) as Record<string, unknown>;
  const dir = tokenDir(flows);
  const r = run(['token', token, '--flow', '__proto__', '--now', NOW, '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const caller = (JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string }> }).checks.find(c => c.id === 'caller');
  assert.equal(caller?.status, 'fail');
  // and it is listed among the flows
  const missing = run(['token', token, '--flow', 'nope', '--now', NOW], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /\(flows: __proto__\)/);
});

test('check: duplicate keys in apim-flows.json are warnings', () => {
  const dir = tree({
    'apim-flows.json': `{ "tenantId": "${TENANT}", "flows": { "f": { "type": "powerAutomate", "url": "${PA_URL}", "trigger": { "authentication": "tenant" } }, "f": { "type": "powerAutomate", "url": "${PA_URL}", "trigger": { "authentication": "anyone" } } } }`,
    'apis/a/policy.xml': policy(''),
  });
  const r = run(['check', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.stdout);
  const out = JSON.parse(r.stdout) as Reported[];
  assert.deepEqual(out.map(d => [d.code, d.severity]), [['flows-duplicate-key', 'warning']]);
});
