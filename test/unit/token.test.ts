import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspectClaims, inspectToken } from '../../server/src/languageService/auth/inspect';
import { cleanTokenInput, decodeToken, explainToken, looksLikeJwt, redactTokens, TokenInputError } from '../../server/src/languageService/auth/token';
import { fetchMicrosoftKeys, microsoftKeysUrl, verifySignature } from '../../server/src/languageService/auth/verify';
import type { FlowConfig } from '../../server/src/languageService/auth/types';
import { createKeyFetcher } from '../../server/src/node/keyFetch';
import { makeKeys, PRINCIPAL, sign, TENANT, unsigned, v1Claims, v2Claims, type TestKeys } from '../util/tokens';

const NOW = new Date('2026-11-26T12:00:00Z');
const now = Math.floor(NOW.getTime() / 1000);
let keys: TestKeys;
let other: TestKeys;

before(async () => {
  keys = await makeKeys();
  other = await makeKeys('other-key');
});

const pa = (trigger: FlowConfig['trigger'], extra: Partial<FlowConfig> = {}): FlowConfig => ({
  name: 'order-intake', type: 'powerAutomate', cloud: 'public', tenantId: TENANT, policies: [],
  url: 'https://e.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x/triggers/manual/paths/invoke?api-version=1',
  trigger, ...extra,
});
const tenantFlow = pa({ powerAutomate: { mode: 'tenant', allowedCallers: [] } });
const usersFlow = pa({ powerAutomate: { mode: 'specificUsers', allowedCallers: [PRINCIPAL] } });

async function checkOf(token: string, flow: FlowConfig | undefined, skew?: number) {
  const claims = decodeToken(token);
  const signature = await verifySignature(token, claims, keys.jwks, 'the test JWKS');
  return inspectClaims(claims, { flow, now: NOW, clockSkewSeconds: skew, signature });
}

const status = (r: { checks: Array<{ id: string; status: string }> }, id: string) => r.checks.find(c => c.id === id)?.status;

test('input cleaning: Bearer prefix, quotes, white space, header line', () => {
  assert.equal(cleanTokenInput('  Bearer abc.def.ghi\n'), 'abc.def.ghi');
  assert.equal(cleanTokenInput('Authorization: Bearer abc.def.ghi'), 'abc.def.ghi');
  assert.equal(cleanTokenInput('"abc.def.ghi"'), 'abc.def.ghi');
  assert.equal(looksLikeJwt('hello world'), false);
});

test('malformed strings are one-line input errors', () => {
  for (const [input, message] of [
    ['', /No token/], ['abc', /three parts/], ['a.b.c.d.e', /encrypted/], ['ab!c.def.ghi', /base64url/],
    ['eyJhbGciOiJSUzI1NiJ9.notjson.sig', /payload/], ['bm90IGpzb24.eyJhIjoxfQ.sig', /header/],
  ] as const) {
    assert.throws(() => decodeToken(input), (e: Error) => e instanceof TokenInputError && message.test(e.message) && !e.message.includes('\n'), input);
  }
});

test('a correct v1 managed-identity token is accepted by a tenant flow and by specific users with its oid', async () => {
  const token = await sign(keys, v1Claims(now));
  const r = await checkOf(`Bearer ${token}`, tenantFlow);
  assert.equal(status(r, 'signature'), 'pass');
  assert.equal(r.verdict, 'accepted');
  assert.equal((await checkOf(token, usersFlow)).verdict, 'accepted');
});

test('claims are explained; v1 and v2 versions say what they imply; times in UTC', async () => {
  const e1 = explainToken(decodeToken(await sign(keys, v1Claims(now))));
  assert.equal(e1.version, '1.0');
  assert.match(e1.versionNote, /sts\.windows\.net/);
  assert.ok(e1.appOnly);
  assert.match(e1.payload.find(c => c.name === 'oid')!.meaning, /principalId/);
  assert.equal(e1.payload.find(c => c.name === 'exp')!.utc, new Date((now + 3600) * 1000).toISOString());
  const e2 = explainToken(decodeToken(await sign(keys, v2Claims(now))));
  assert.equal(e2.version, '2.0');
  assert.match(e2.versionNote, /client ID/);
});

test('a time claim that is no date (1e308) gets no UTC time and no expiry, instead of a RangeError', async () => {
  const e = explainToken(decodeToken(unsigned({ alg: 'RS256' }, v1Claims(now, { iat: 1e308, nbf: -1e308, exp: 1e308 }))));
  assert.equal(e.expiresAt, undefined);
  assert.equal(e.notBefore, undefined);
  assert.equal(e.issuedAt, undefined);
  assert.equal(e.payload.find(c => c.name === 'exp')!.utc, undefined);
  assert.equal(e.payload.find(c => c.name === 'exp')!.value, '1e+308');
});

test('every check failing on its own', async () => {
  const cases: Array<[string, Record<string, unknown>, FlowConfig, string, RegExp?]> = [
    ['wrong audience', { aud: 'https://management.azure.com/' }, tenantFlow, 'audience', /MisMatchingOAuthClaims/],
    ['audience without trailing slash', { aud: 'https://service.flow.microsoft.com' }, tenantFlow, 'audience', /MisMatchingOAuthClaims/],
    ['wrong tenant', { tid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', iss: 'https://sts.windows.net/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/' }, tenantFlow, 'tenant', /MisMatchingOAuthClaims/],
    ['caller not allowed', { oid: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' }, usersFlow, 'caller', /MisMatchingOAuthClaims/],
    ['issuer not matching the version', { iss: `https://login.microsoftonline.com/${TENANT}/v2.0` }, tenantFlow, 'token-issuer'],
    ['expired', { exp: now - 3600, iat: now - 7200, nbf: now - 7200 }, tenantFlow, 'time-exp'],
    ['not yet valid', { nbf: now + 3600, iat: now, exp: now + 7200 }, tenantFlow, 'time-nbf'],
  ];
  for (const [what, overrides, flow, id, platform] of cases) {
    const r = await checkOf(await sign(keys, v1Claims(now, overrides)), flow);
    assert.equal(status(r, id), 'fail', `${what}: ${JSON.stringify(r.checks.map(c => [c.id, c.status]))}`);
    assert.equal(r.verdict, 'rejected', what);
    if (platform) assert.match(JSON.stringify(r.checks.find(c => c.id === id)!.platformError), platform, what);
  }
});

test('clock skew: a token expired 2 minutes ago passes with the default 300 s, fails with 60 s', async () => {
  const token = await sign(keys, v1Claims(now, { exp: now - 120 }));
  assert.equal(status(await checkOf(token, tenantFlow), 'time-exp'), 'pass');
  assert.equal(status(await checkOf(token, tenantFlow, 60), 'time-exp'), 'fail');
});

test('v1 token against a Logic App policy that expects the v2 issuer', async () => {
  const la: FlowConfig = {
    name: 'invoice', type: 'logicAppConsumption', cloud: 'public', tenantId: TENANT, policies: [],
    trigger: { logicAppConsumption: { sasDisabled: true, policies: [{ name: 'p', type: 'AAD', claims: [{ name: 'iss', value: `https://login.microsoftonline.com/${TENANT}/v2.0` }] }] } },
  };
  const r = await checkOf(await sign(keys, v1Claims(now, { aud: 'https://management.azure.com/' })), la);
  assert.equal(r.verdict, 'rejected');
  assert.ok(r.checks.some(c => c.status === 'fail' && /v2/.test(`${c.detail} ${c.expected}`)));
});

test('tampered signature, wrong key, alg none and HMAC are failed checks, not crashes', async () => {
  const token = await sign(keys, v1Claims(now));
  const [h] = token.split('.');
  const tamperedPayload = Buffer.from(JSON.stringify(v1Claims(now, { oid: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' }))).toString('base64url');
  const tampered = `${h}.${tamperedPayload}.${token.split('.')[2]}`;
  assert.equal(status(await checkOf(tampered, tenantFlow), 'signature'), 'fail');
  const byOther = await sign(other, v1Claims(now), { kid: keys.kid });
  assert.equal(status(await checkOf(byOther, tenantFlow), 'signature'), 'fail');
  for (const alg of ['none', 'HS256']) {
    const t = unsigned({ alg, typ: 'JWT' }, v1Claims(now), alg === 'none' ? '' : 'c2ln');
    const r = await checkOf(t, tenantFlow);
    assert.equal(status(r, 'signature'), 'fail', alg);
    assert.equal(status(r, 'header-alg'), 'fail', alg);
    assert.equal(r.verdict, 'rejected', alg);
  }
});

test('no keys: the signature is "skipped: not checked", and the verdict still comes from the claims', async () => {
  const token = await sign(keys, v1Claims(now));
  const claims = decodeToken(token);
  const sig = await verifySignature(token, claims, undefined, '');
  assert.equal(sig.status, 'skip');
  assert.match(sig.detail, /not checked/);
  assert.equal(inspectClaims(claims, { flow: tenantFlow, now: NOW, signature: sig }).verdict, 'accepted');
});

test('without a flow only the token\'s own checks run', async () => {
  const r = inspectToken(await sign(keys, v1Claims(now, { exp: now - 3600 })), { now: NOW });
  assert.equal(r.verdict, 'rejected');
  assert.ok(!r.checks.some(c => c.id === 'audience'));
  assert.equal(inspectToken(await sign(keys, v1Claims(now)), { now: NOW }).verdict, 'unknown');
});

test('keys are never taken from the token: jku and x5u are ignored, the URL comes from tid and ver', async () => {
  const claims = decodeToken(unsigned({ alg: 'RS256', jku: 'https://evil.example/keys', x5u: 'https://evil.example/cert' }, v2Claims(now)));
  assert.equal(microsoftKeysUrl(claims), `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
  assert.equal(microsoftKeysUrl(decodeToken(unsigned({ alg: 'RS256' }, v1Claims(now)))), `https://login.microsoftonline.com/${TENANT}/discovery/keys`);
});

let server: http.Server;
let origin: string;
let requests: Array<{ url?: string; authorization?: string }> = [];
before(async () => {
  server = http.createServer((req, res) => {
    requests.push({ url: req.url, authorization: req.headers.authorization });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(keys.jwks));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>(r => server.close(() => r())));

test('fetch path: keys from an allowed origin (a loopback server here), no token sent; other origins refused', async () => {
  requests = [];
  const token = await sign(keys, v1Claims(now));
  const claims = decodeToken(token);
  const allowLoopback = createKeyFetcher({ origins: [origin], timeoutMs: 2000 });
  // the product's fetcher targets Microsoft; here the URL is rewritten to the loopback server
  const viaLoopback = (url: string) => allowLoopback(url.replace('https://login.microsoftonline.com', origin));
  const fetched = await fetchMicrosoftKeys(claims, viaLoopback);
  assert.ok(fetched.jwks, fetched.error);
  assert.equal((await verifySignature(token, claims, fetched.jwks, fetched.source)).status, 'pass');
  assert.deepEqual(requests, [{ url: `/${TENANT}/discovery/keys`, authorization: undefined }]);
  // the default fetcher only talks to Microsoft's login origin
  await assert.rejects(createKeyFetcher()(`${origin}/keys`), /only from https:\/\/login\.microsoftonline\.com/);
  const refused = await fetchMicrosoftKeys(claims, (url) => createKeyFetcher({ origins: [origin] })(url));
  assert.equal(refused.jwks, undefined);
  assert.match(refused.error!, /only from/);
});

test('a claim holding markup stays data', async () => {
  const token = await sign(keys, v1Claims(now, { name: '<img src=x onerror=alert(1)>' }));
  const e = explainToken(decodeToken(token));
  assert.equal(e.payload.find(c => c.name === 'name')!.value, JSON.stringify('<img src=x onerror=alert(1)>'));
});

test('logs and traces never show a token: anything JWT-shaped is redacted', async () => {
  const token = await sign(keys, v1Claims(now));
  const trace = `[Trace] Sending request 'apim/decodeToken - (3)'.\nParams: {"token": "Bearer ${token}", "flow": "x"}`;
  const out = redactTokens(trace);
  assert.ok(!out.includes(token.split('.')[1]));
  assert.match(out, /"Bearer <token redacted>"/);
  assert.equal(redactTokens('no tokens here: eyJ is just a prefix'), 'no tokens here: eyJ is just a prefix');
});
