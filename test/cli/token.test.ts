import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeKeys, PRINCIPAL, sign, TENANT, unsigned, v1Claims, type TestKeys } from '../util/tokens';
import { runCli } from '../util/cli';

const NOW = '2026-11-26T12:00:00Z';
const now = Math.floor(Date.parse(NOW) / 1000);
let keys: TestKeys;
let dir: string;

const run = (args: string[], input?: string) => runCli(args, { input, cwd: dir });

before(async () => {
  keys = await makeKeys();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-token-'));
  fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(keys.jwks));
  fs.writeFileSync(path.join(dir, 'apim-flows.json'), JSON.stringify({
    tenantId: TENANT,
    flows: {
      tenant: { type: 'powerAutomate', url: 'https://e.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/a/triggers/manual/paths/invoke?api-version=1', trigger: { authentication: 'tenant' } },
      users: { type: 'powerAutomate', url: 'https://e.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/b/triggers/manual/paths/invoke?api-version=1', trigger: { authentication: 'specificUsers', allowedCallers: ['eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'] } },
    },
  }));
});

test('token --format json: the contract shape; accepted exits 0', async () => {
  const token = await sign(keys, v1Claims(now));
  const r = run(['token', token, '--flow', 'tenant', '--jwks', 'jwks.json', '--now', NOW, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out).sort(), ['checks', 'header', 'payload', 'verdict']);
  assert.equal(out.verdict, 'accepted');
  assert.equal(out.payload.oid, PRINCIPAL);
  for (const c of out.checks) {
    assert.ok(['pass', 'fail', 'warn', 'skip'].includes(c.status));
    assert.ok(typeof c.id === 'string' && typeof c.title === 'string');
  }
  assert.equal(out.checks.find((c: { id: string }) => c.id === 'signature').status, 'pass');
});

test('rejected exits 1 and names the platform error; text output too', async () => {
  const token = await sign(keys, v1Claims(now));
  const r = run(['token', `Bearer ${token}`, '--flow', 'users', '--now', NOW, '--format', 'json']);
  assert.equal(r.code, 1);
  const caller = JSON.parse(r.stdout).checks.find((c: { id: string }) => c.id === 'caller');
  assert.equal(caller.status, 'fail');
  assert.equal(caller.platformError.code, 'MisMatchingOAuthClaims');
  const text = run(['token', token, '--flow', 'users', '--now', NOW]);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /\[FAIL\] .*MisMatchingOAuthClaims/);
  assert.match(text.stdout, /Verdict: rejected/);
});

test('the token from standard input, with - or nothing', async () => {
  const token = await sign(keys, v1Claims(now));
  assert.equal(run(['token', '-', '--flow', 'tenant', '--now', NOW], `Bearer ${token}\n`).code, 0);
  assert.equal(run(['token', '--flow', 'tenant', '--now', NOW], token).code, 0);
});

test('--now decides the time checks; expired is rejected', async () => {
  const token = await sign(keys, v1Claims(now));
  const r = run(['token', token, '--flow', 'tenant', '--now', '2027-01-01T00:00:00Z', '--format', 'json']);
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.stdout).checks.find((c: { id: string }) => c.id === 'time-exp').status, 'fail');
});

test('a time claim that is no date (exp 1e308) is a failed time check, exit 1, not "Invalid time value"', () => {
  const token = unsigned({ alg: 'RS256', typ: 'JWT', kid: 'k' }, v1Claims(now, { iat: 1e308, nbf: -1e308, exp: 1e308 }));
  const text = run(['token', token, '--flow', 'tenant', '--now', NOW]);
  assert.equal(text.code, 1, text.stderr);
  assert.equal(text.stderr, '');
  assert.match(text.stdout, /\[FAIL\] Expiry \(expected a time in seconds since 1970; the token has 1e\+308\)/);
  // only what is known is said: no "expected (nothing)" for a check with no expectation
  assert.doesNotMatch(text.stdout, /\(nothing\)/);
  const json = run(['token', token, '--flow', 'tenant', '--now', NOW, '--format', 'json']);
  assert.equal(json.code, 1, json.stderr);
  const exp = JSON.parse(json.stdout).checks.find((c: { id: string }) => c.id === 'time-exp');
  assert.equal(exp.status, 'fail');
});

test('tampered signature and alg none are rejected, not crashes', async () => {
  const token = await sign(keys, v1Claims(now));
  const [h, , s] = token.split('.');
  const tampered = `${h}.${Buffer.from(JSON.stringify(v1Claims(now, { oid: 'x' }))).toString('base64url')}.${s}`;
  assert.equal(run(['token', tampered, '--jwks', 'jwks.json', '--now', NOW]).code, 1);
  const none = run(['token', unsigned({ alg: 'none' }, v1Claims(now)), '--flow', 'tenant', '--now', NOW, '--format', 'json']);
  assert.equal(none.code, 1);
  assert.equal(JSON.parse(none.stdout).checks.find((c: { id: string }) => c.id === 'header-alg').status, 'fail');
});

test('bad input: one line on stderr, exit 2, no stack trace', () => {
  for (const [args, message] of [
    [['token', 'not-a-jwt'], /Not a JWT/],
    [['token', 'bm90IGpzb24.eyJhIjoxfQ.sig'], /header/],
    [['token', 'eyJhbGciOiJSUzI1NiJ9.%%%.sig'], /base64url/],
    [['token', 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.sig'], /payload/],
    [['token', 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.sig', '--flow', 'nope'], /No flow 'nope'/],
    [['token', 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.sig', '--jwks', 'missing.json'], /file not found/],
    [['token', 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.sig', '--now', 'yesterday'], /ISO/],
  ] as const) {
    const r = run([...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
  const empty = run(['token'], '');
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /No token/);
});
