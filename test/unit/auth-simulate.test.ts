import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { simulateTrigger, PLATFORM_ERRORS } from '../../server/src/languageService/auth/simulate';
import { predictToken } from '../../server/src/languageService/auth/predict';
import { parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';
import type {
  Check, EasyAuthSettings, FlowConfig, FlowsConfig, OpenAuthPolicy, RequestContext, SimulationOptions, SimulationResult, TokenClaims,
} from '../../server/src/languageService/auth/types';

const T = '11111111-1111-1111-1111-111111111111';
const OTHER_T = '99999999-9999-9999-9999-999999999999';
const OID = '22222222-2222-2222-2222-222222222222';
const CLIENT = '33333333-3333-3333-3333-333333333333';
const APP = '66666666-6666-6666-6666-666666666666';
const FLOW_AUD = 'https://service.flow.microsoft.com/';
const PA_URL = 'https://a6103daff924e0eea58d3bc2f25fbf.1d.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1';
const LA_URL = 'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01';
const SAS = '&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc123';
const NOW = new Date('2026-01-15T12:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);

// Every result any test produces, for the cross-cutting invariants at the end.
const seen: SimulationResult[] = [];
after(() => {
  for (const r of seen) {
    for (const c of r.checks) {
      assert.ok(!(c.heuristic && c.status === 'fail'), `heuristic check ${c.id} must not fail`);
      assert.match(c.reference, /^flow-auth-facts §6 #/);
      // plain words: no library internals (jose error names and codes) in what the user reads
      assert.doesNotMatch(`${c.detail ?? ''} ${c.outcome ?? ''}`, /jose|JWTExpired|JWSInvalid|ERR_JOSE|JOSENotSupported/, c.id);
    }
    assert.equal(r.checks[r.checks.length - 1].id, 'result');
  }
});

function run(flow: FlowConfig, token: TokenClaims, request: RequestContext = { sendsBearer: true }, options: SimulationOptions = {}): SimulationResult {
  const r = simulateTrigger(flow, token, request, { now: NOW, ...options });
  seen.push(r);
  return r;
}

function check(r: SimulationResult, id: string): Check {
  const c = r.checks.find(x => x.id === id);
  assert.ok(c, `no check ${id}; have ${r.checks.map(x => x.id).join(', ')}`);
  return c;
}

function failing(r: SimulationResult): string[] {
  return r.checks.filter(c => c.status === 'fail' && c.id !== 'result').map(c => c.id);
}

function paFlow(mode: 'anyone' | 'tenant' | 'specificUsers' | undefined, allowedCallers: string[] = [], extra: Partial<FlowConfig> = {}, modeAssumed?: boolean): FlowConfig {
  return { name: 'pa', type: 'powerAutomate', url: PA_URL, tenantId: T, cloud: 'public', policies: [], trigger: { powerAutomate: { mode, allowedCallers, modeAssumed } }, ...extra };
}

function laFlow(policies: OpenAuthPolicy[], sasDisabled = false, extra: Partial<FlowConfig> = {}): FlowConfig {
  return { name: 'la', type: 'logicAppConsumption', url: LA_URL, tenantId: T, cloud: 'public', policies: [], trigger: { logicAppConsumption: { policies, sasDisabled } }, ...extra };
}

function lsFlow(easy: Partial<EasyAuthSettings>, sasDisabled = false): FlowConfig {
  const easyAuth: EasyAuthSettings = { clientId: APP, openIdIssuer: `https://sts.windows.net/${T}/v2.0`, allowedAudiences: [], allowedApplications: [], allowedPrincipals: [], allowedTenants: [], ...easy };
  return { name: 'ls', type: 'logicAppStandard', url: 'https://ship.azurewebsites.net:443/api/ship/triggers/manual/invoke?api-version=2022-05-01', tenantId: T, cloud: 'public', policies: [], trigger: { logicAppStandard: { easyAuth, sasDisabled } } };
}

function policy(name: string, claims: Array<[string, string]>, type = 'AAD'): OpenAuthPolicy {
  return { name, type, claims: claims.map(([n, value]) => ({ name: n, value })) };
}

/** A real (decoded) managed identity token, v1 unless `ver` says otherwise. */
function realToken(payload: Record<string, unknown> = {}, header: Record<string, unknown> = {}): TokenClaims {
  return {
    header: { typ: 'JWT', alg: 'RS256', kid: 'key-1', x5t: 'key-1', ...header },
    payload: {
      aud: FLOW_AUD, iss: `https://sts.windows.net/${T}/`, iat: NOW_S - 600, nbf: NOW_S - 600, exp: NOW_S + 3000,
      appid: CLIENT, appidacr: '2', idp: `https://sts.windows.net/${T}/`, idtyp: 'app', oid: OID, sub: OID, tid: T, ver: '1.0',
      ...payload,
    },
  };
}

const CONFIG: FlowsConfig = {
  uri: 'file:///ws/apim-flows.json', tenantId: T, cloud: 'public',
  identities: { 'apim-system': { name: 'apim-system', type: 'system', principalId: OID, clientId: CLIENT } },
  resources: { 'api://orders': { resource: 'api://orders', tokenVersion: 2, clientId: APP } },
  flows: {},
};

function predicted(resource: string, config: FlowsConfig = CONFIG): TokenClaims {
  return predictToken(resource, undefined, config).claims;
}

function runPredicted(flow: FlowConfig, resource: string, request: RequestContext = { sendsBearer: true }, config: FlowsConfig = CONFIG): SimulationResult {
  return run(flow, predicted(resource, config), request, { predicted: true });
}

// ---------------------------------------------------------------------------------------------
// Power Automate

test('PA specific users, right audience and principal ID: accepted (app-only only warned)', () => {
  const r = runPredicted(paFlow('specificUsers', [OID]), FLOW_AUD);
  assert.equal(r.verdict, 'accepted', JSON.stringify(r.checks.filter(c => c.status !== 'pass' && c.status !== 'skip')));
  assert.equal(check(r, 'audience').status, 'pass');
  assert.equal(check(r, 'caller').status, 'pass');
  assert.equal(check(r, 'tenant').status, 'pass');
  const appOnly = check(r, 'app-only');
  assert.equal(appOnly.status, 'warn');
  assert.equal(appOnly.heuristic, true);
  assert.match(appOnly.detail!, /UNCONFIRMED/);
  assert.equal(check(r, 'signature').status, 'skip');
  assert.equal(check(r, 'time-exp').status, 'skip');
  assert.equal(check(r, 'result').status, 'pass');
});

test('PA tenant mode with a real token: accepted; the signature result comes from options', () => {
  const r = run(paFlow('tenant'), realToken(), { sendsBearer: true }, { signature: { status: 'pass', detail: 'verified with kid key-1' } });
  assert.equal(r.verdict, 'accepted');
  assert.equal(check(r, 'signature').status, 'pass');
  assert.equal(check(r, 'signature').detail, 'verified with kid key-1');
  assert.equal(check(r, 'caller').status, 'skip');
});

test('DESIGN failure 1, "Invalid audience": the trailing slash is missing', () => {
  const r = runPredicted(paFlow('specificUsers', [OID]), 'https://service.flow.microsoft.com');
  assert.equal(r.verdict, 'rejected');
  assert.deepEqual(failing(r), ['audience']);
  const c = check(r, 'audience');
  assert.equal(c.expected, FLOW_AUD);
  assert.equal(c.actual, 'https://service.flow.microsoft.com');
  assert.equal(c.source, 'resource');
  assert.match(c.detail!, /trailing slash/);
  assert.deepEqual(c.platformError, {
    status: '401/403', code: 'MisMatchingOAuthClaims', confirmed: false,
    message: 'One or more claims either missing or does not match with the open authentication access control policy.',
  });
});

test('PA audience: scope forms, another cloud, a custom audience all fail', () => {
  for (const [aud, pattern] of [
    ['https://service.flow.microsoft.com//.default', /scope form/],
    ['https://service.flow.microsoft.com/.default', /scope/],
    ['https://gov.service.flow.microsoft.us/', /gcc cloud/],
    ['https://management.azure.com/', /only the Flow service audience/],
  ] as const) {
    const r = run(paFlow('tenant'), realToken({ aud }));
    assert.equal(check(r, 'audience').status, 'fail', aud);
    assert.match(check(r, 'audience').detail!, pattern);
    assert.equal(r.verdict, 'rejected');
  }
});

test('PA audience differing only in case: UNCONFIRMED, a warning', () => {
  const r = run(paFlow('tenant'), realToken({ aud: 'https://Service.Flow.Microsoft.com/' }));
  assert.equal(check(r, 'audience').status, 'warn');
  assert.equal(r.verdict, 'unknown');
});

test('PA audience per cloud: GCC High wants its own audience', () => {
  const flow = paFlow('tenant', [], { cloud: 'gcchigh' });
  assert.equal(check(run(flow, realToken({ aud: 'https://high.service.flow.microsoft.us/' })), 'audience').status, 'pass');
  assert.equal(check(run(flow, realToken()), 'audience').status, 'fail');
});

test('DESIGN failure 4, "Token obtained but rejected": a regional logic-apis host as audience', () => {
  const r = runPredicted(paFlow('tenant'), 'https://logic-apis-westeurope.logic.azure.com/');
  assert.equal(r.verdict, 'rejected');
  const c = check(r, 'audience');
  assert.equal(c.status, 'fail');
  assert.match(c.detail!, /regional Logic Apps host/);
  assert.equal(c.platformError?.code, 'MisMatchingOAuthClaims');
});

test('PA audience: the Flow app GUID is UNCONFIRMED, so it warns and never fails', () => {
  const r = run(paFlow('tenant'), realToken({ aud: '7df0a125-d3be-4c96-aa54-591f83ff541c' }));
  const c = check(r, 'audience');
  assert.equal(c.status, 'warn');
  assert.equal(c.heuristic, true);
  assert.equal(r.verdict, 'unknown');
});

test('DESIGN failure 2, "Flow never triggers": the allowed list holds the client ID', () => {
  const r = runPredicted(paFlow('specificUsers', [CLIENT]), FLOW_AUD);
  assert.equal(r.verdict, 'rejected');
  assert.deepEqual(failing(r), ['caller']);
  const c = check(r, 'caller');
  // the title states the expectation, the outcome what is wrong; expected is the allowed list, actual the token's oid
  assert.equal(c.title, 'Caller is allowed');
  assert.equal(c.outcome, 'the allowed list holds the client ID; the token\'s oid is the principal ID');
  assert.equal(c.source, 'client-id');
  assert.equal(c.expected, CLIENT);
  assert.equal(c.actual, OID);
  assert.equal(c.platformError?.code, 'MisMatchingOAuthClaims');
});

test('PA caller: only the client ID listed fails even when the principal ID is not in the config', () => {
  const noPrincipal: FlowsConfig = { ...CONFIG, identities: { a: { name: 'a', type: 'system', clientId: CLIENT } } };
  const r = runPredicted(paFlow('specificUsers', [CLIENT]), FLOW_AUD, { sendsBearer: true }, noPrincipal);
  assert.equal(check(r, 'caller').status, 'fail');
  assert.match(check(r, 'caller').outcome!, /holds the client ID/);
  assert.equal(check(r, 'caller').expected, CLIENT);
  assert.equal(check(r, 'caller').actual, `appid ${CLIENT} (no oid)`);
  assert.equal(r.verdict, 'rejected');
});

test('PA caller: another object ID fails; GUID case does not matter', () => {
  const r = run(paFlow('specificUsers', ['abababab-abab-abab-abab-abababababab']), realToken());
  assert.equal(check(r, 'caller').status, 'fail');
  assert.equal(check(r, 'caller').title, 'Caller is allowed');
  assert.equal(check(run(paFlow('specificUsers', [OID.toUpperCase()]), realToken()), 'caller').status, 'pass');
});

test('PA caller: e-mail entries are warned about and cannot match an app-only token', () => {
  const r = run(paFlow('specificUsers', ['ops@contoso.com']), realToken());
  assert.equal(check(r, 'caller-emails').status, 'warn');
  assert.equal(check(r, 'caller-emails').heuristic, true);
  assert.equal(check(r, 'caller').status, 'fail');
  assert.match(check(r, 'caller').detail!, /cannot match an app-only token/);
  // A user token whose upn is listed: UNCONFIRMED how e-mails match, so a warning.
  const user = run(paFlow('specificUsers', ['Ops@Contoso.com']), realToken({ upn: 'ops@contoso.com', idtyp: undefined, scp: 'user_impersonation', oid: 'cdcdcdcd-cdcd-cdcd-cdcd-cdcdcdcdcdcd' }));
  assert.equal(check(user, 'caller').status, 'warn');
  assert.equal(user.verdict, 'unknown');
});

test('PA caller: an empty list falls back to the tenant', () => {
  const r = run(paFlow('specificUsers', []), realToken({ oid: 'abababab-abab-abab-abab-abababababab' }));
  assert.equal(check(r, 'caller').status, 'pass');
  assert.equal(r.verdict, 'accepted');
});

test('PA specific users with the oid unknown (no identity in the config): verdict unknown', () => {
  const r = runPredicted(paFlow('specificUsers', [OID]), FLOW_AUD, { sendsBearer: true }, { ...CONFIG, identities: {} });
  assert.equal(check(r, 'caller').status, 'skip');
  assert.equal(r.verdict, 'unknown');
  assert.ok(r.unknownReasons?.some(x => /oid/.test(x)));
});

test('DESIGN failure 3 (PA): a token from another tenant', () => {
  const r = run(paFlow('tenant'), realToken({ tid: OTHER_T, iss: `https://sts.windows.net/${OTHER_T}/` }));
  assert.deepEqual(failing(r), ['tenant']);
  assert.equal(check(r, 'tenant').expected, T);
  assert.equal(check(r, 'tenant').platformError?.code, 'MisMatchingOAuthClaims');
});

test('PA flow tenant not in the config: unknown', () => {
  const r = run(paFlow('tenant', [], { tenantId: undefined }), realToken());
  assert.equal(check(r, 'tenant').status, 'skip');
  assert.equal(r.verdict, 'unknown');
});

test('PA v2 token: UNCONFIRMED, warned', () => {
  const r = run(paFlow('tenant'), realToken({ ver: '2.0', iss: `https://login.microsoftonline.com/${T}/v2.0`, azp: CLIENT, appid: undefined }));
  assert.equal(check(r, 'pa-token-version').status, 'warn');
  assert.equal(r.verdict, 'unknown');
});

test('PA OAuth mode without a bearer token: 401 DirectApiAuthorizationRequired', () => {
  const r = run(paFlow('tenant'), realToken(), { sendsBearer: false });
  assert.equal(r.verdict, 'rejected');
  const c = check(r, 'authorization-required');
  assert.equal(c.status, 'fail');
  assert.deepEqual(c.platformError, { status: '401', code: 'DirectApiAuthorizationRequired', message: 'The OAuth authorization scheme is required.', confirmed: true });
  assert.equal(check(r, 'token').status, 'skip');
});

test('SAS in the URL plus a bearer token: DirectApiRequestHasMoreThanOneAuthorization', () => {
  const r = run(paFlow('tenant'), realToken(), { url: PA_URL + SAS, sendsBearer: true });
  assert.deepEqual(failing(r), ['sas-and-bearer']);
  const c = check(r, 'sas-and-bearer');
  assert.equal(c.source, 'url');
  assert.equal(c.platformError?.code, 'DirectApiRequestHasMoreThanOneAuthorization');
  assert.equal(c.platformError?.message, "The request has SAS authentication scheme, 'Bearer' authorization scheme or internal token scheme. Only one scheme should be used.");
  assert.equal(c.platformError?.confirmed, false);
  // The flow's own URL is used when the request URL is not given.
  const fromFlow = run(laFlow([policy('p', [['iss', `https://sts.windows.net/${T}/`]])], false, { url: LA_URL + SAS }), realToken());
  assert.equal(check(fromFlow, 'sas-and-bearer').status, 'fail');
});

test('PA "Anyone" with a bearer token fails with Microsoft\'s statement', () => {
  const r = run(paFlow('anyone'), realToken(), { url: PA_URL + SAS, sendsBearer: true });
  const c = check(r, 'anyone-with-bearer');
  assert.equal(c.status, 'fail');
  assert.match(c.detail!, /Do not pass an authentication token header if you selected the 'Anyone' authentication option/);
  assert.equal(c.platformError?.code, 'OAuthAccessPolicyNotFound');
  assert.equal(c.platformError?.confirmed, false);
  assert.equal(check(r, 'audience').status, 'skip');
  assert.equal(r.verdict, 'rejected');
});

test('PA "Anyone" with SAS and no token: accepted', () => {
  const r = run(paFlow('anyone'), realToken(), { url: PA_URL + SAS, sendsBearer: false });
  assert.equal(r.verdict, 'accepted');
  assert.equal(check(r, 'anyone-with-bearer').status, 'pass');
});

test('PA "Anyone" only assumed (no triggerAuthenticationType): a token warns, never fails', () => {
  const r = run(paFlow('anyone', [], {}, true), realToken());
  assert.equal(check(r, 'trigger-mode').status, 'warn');
  const c = check(r, 'anyone-with-bearer');
  assert.equal(c.status, 'warn');
  assert.equal(c.heuristic, true);
  assert.equal(r.verdict, 'unknown');
  // Audience and tenant are still checked: they fail in every mode.
  assert.equal(check(r, 'audience').status, 'pass');
});

test('PA trigger mode unknown: verdict unknown', () => {
  const r = run(paFlow(undefined), realToken());
  assert.equal(check(r, 'trigger-mode').status, 'skip');
  assert.equal(r.verdict, 'unknown');
  const noTrigger = run({ ...paFlow(undefined), trigger: {} }, realToken());
  assert.equal(noTrigger.verdict, 'unknown');
  // …unless something fails in every mode.
  assert.equal(run(paFlow(undefined), realToken({ aud: 'https://service.flow.microsoft.com' })).verdict, 'rejected');
});

// ---------------------------------------------------------------------------------------------
// Token checks (real tokens)

test('header: alg none, HS256, missing kid, crit fail; a missing typ only warns', () => {
  const none = run(paFlow('tenant'), realToken({}, { alg: 'none' }));
  assert.equal(check(none, 'header-alg').status, 'fail');
  assert.match(check(none, 'header-alg').detail!, /never accepted/);
  assert.equal(check(run(paFlow('tenant'), realToken({}, { alg: 'HS256' })), 'header-alg').status, 'fail');
  assert.equal(check(run(paFlow('tenant'), realToken({}, { kid: undefined })), 'header-kid').status, 'fail');
  assert.equal(check(run(paFlow('tenant'), realToken({}, { crit: ['exp'] })), 'header-crit').status, 'fail');
  const typ = run(paFlow('tenant'), realToken({}, { typ: undefined }));
  assert.equal(check(typ, 'header-typ').status, 'warn');
  assert.equal(typ.verdict, 'accepted');
});

test('signature: not checked by default; a failed check from jose rejects', () => {
  assert.match(check(run(paFlow('tenant'), realToken()), 'signature').detail!, /Signature not checked/);
  const bad = run(paFlow('tenant'), realToken(), { sendsBearer: true }, { signature: { status: 'fail', detail: 'signature verification failed' } });
  assert.deepEqual(failing(bad), ['signature']);
});

test('issuer: must fit the version and the tenant; tid must be a GUID', () => {
  const v2iss = run(laFlow([policy('p', [['iss', `https://sts.windows.net/${T}/`]])]), realToken({ iss: `https://login.microsoftonline.com/${T}/v2.0` }));
  assert.equal(check(v2iss, 'token-issuer').status, 'fail');
  assert.equal(check(v2iss, 'token-issuer').expected, `https://sts.windows.net/${T}/`);
  assert.equal(check(run(paFlow('tenant'), realToken({ tid: 'contoso' })), 'token-issuer').status, 'fail');
  assert.equal(check(run(paFlow('tenant'), realToken({ tid: undefined })), 'token-issuer').status, 'fail');
});

test('time: not yet valid, expired, within the assumed 300 s skew, implausible lifetime', () => {
  const future = run(paFlow('tenant'), realToken({ nbf: NOW_S + 301 }));
  assert.equal(check(future, 'time-nbf').status, 'fail');
  assert.match(check(future, 'time-nbf').detail!, /^Not valid yet: valid in 5 min at 12:05 UTC\./);
  const expired = run(paFlow('tenant'), realToken({ exp: NOW_S - 300 }));
  assert.equal(check(expired, 'time-exp').status, 'fail');
  assert.match(check(expired, 'time-exp').detail!, /300 s is assumed/);
  assert.match(check(expired, 'time-exp').detail!, /^Expired 5 min ago at 11:55 UTC\./);
  assert.match(check(run(paFlow('tenant'), realToken({ exp: NOW_S - 8040 - 86400 })), 'time-exp').detail!, /^Expired 1 d 2 h ago at 2026-01-14 09:46 UTC\./);
  assert.equal(expired.verdict, 'rejected');
  assert.equal(check(run(paFlow('tenant'), realToken({ exp: NOW_S - 299 })), 'time-exp').status, 'pass');
  assert.equal(check(run(paFlow('tenant'), realToken({ exp: NOW_S - 10 }), { sendsBearer: true }, { clockSkewSeconds: 0 }), 'time-exp').status, 'fail');
  const long = run(paFlow('tenant'), realToken({ iat: NOW_S - 100, exp: NOW_S + 2 * 86400 }));
  assert.equal(check(long, 'lifetime').status, 'warn');
});

test('time: a time claim that is no date (1e308, -1e308, a string) fails plainly; the run does not throw', () => {
  const far = run(paFlow('tenant'), realToken({ iat: 1e308, nbf: -1e308, exp: 1e308 }));
  for (const [id, name] of [['time-exp', 'exp'], ['time-nbf', 'nbf']] as const) {
    const c = check(far, id);
    assert.equal(c.status, 'fail', id);
    assert.equal(c.expected, 'a time in seconds since 1970');
    assert.match(c.detail!, new RegExp(`"${name}" claim is -?1e\\+308: not a time`));
  }
  assert.equal(check(far, 'lifetime').status, 'skip');
  assert.equal(far.verdict, 'rejected');
  const text = run(paFlow('tenant'), realToken({ exp: '2026-01-15' }));
  assert.equal(check(text, 'time-exp').status, 'fail');
  assert.equal(check(text, 'time-exp').actual, '2026-01-15');
  assert.match(check(text, 'time-exp').detail!, /must be a number/);
  // the last second a date can hold is still a time
  assert.equal(check(run(paFlow('tenant'), realToken({ exp: 8.64e12 })), 'time-exp').status, 'pass');
});

test('roles: an expected app role missing fails; present passes', () => {
  const missing = run(paFlow('tenant'), realToken(), { sendsBearer: true }, { expectedRoles: ['Flow.Invoke'] });
  assert.equal(check(missing, 'roles').status, 'fail');
  assert.match(check(missing, 'roles').detail!, /24 h/);
  assert.equal(check(run(paFlow('tenant'), realToken({ roles: ['Flow.Invoke'] }), { sendsBearer: true }, { expectedRoles: ['Flow.Invoke'] }), 'roles').status, 'pass');
});

test('scheme: Basic fails; PoP needs an AADPOP policy', () => {
  assert.equal(check(run(paFlow('tenant'), realToken(), { sendsBearer: true, authorizationScheme: 'Basic' }), 'scheme').status, 'fail');
  const pop = laFlow([policy('pop', [['iss', `https://sts.windows.net/${T}/`]], 'AADPOP')]);
  assert.equal(check(run(pop, realToken(), { sendsBearer: true, authorizationScheme: 'PoP' }), 'scheme').status, 'pass');
  assert.equal(check(run(paFlow('tenant'), realToken(), { sendsBearer: true, authorizationScheme: 'PoP' }), 'scheme').status, 'fail');
});

// ---------------------------------------------------------------------------------------------
// Logic Apps Consumption

const V1_ISS = `https://sts.windows.net/${T}/`;
const V2_ISS = `https://login.microsoftonline.com/${T}/v2.0`;

test('LA-C: iss + oid policy with the principal ID, predicted: accepted', () => {
  const flow = laFlow([policy('apim', [['iss', V1_ISS], ['oid', OID]])], true);
  const r = runPredicted(flow, 'https://management.azure.com/', { url: LA_URL, sendsBearer: true });
  assert.equal(r.verdict, 'accepted', JSON.stringify(r.checks.filter(c => c.status === 'fail' || c.status === 'warn')));
  assert.equal(check(r, 'policies').status, 'pass');
  assert.equal(check(r, 'policy-issuer').status, 'pass');
  assert.equal(check(r, 'caller').status, 'pass');
  assert.equal(check(r, 'audience').status, 'skip', 'no policy names aud');
  assert.equal(check(r, 'sas-disabled').status, 'pass');
});

test('DESIGN failure 3 (LA-C): a v1 token against a policy with a v2 issuer', () => {
  const flow = laFlow([policy('apim', [['iss', V2_ISS], ['oid', OID]])]);
  const r = runPredicted(flow, 'https://management.azure.com/');
  assert.equal(r.verdict, 'rejected');
  const c = check(r, 'policy-issuer');
  assert.equal(c.status, 'fail');
  assert.equal(c.source, 'resource');
  assert.match(c.detail!, /expects a v2 issuer/);
  assert.match(c.detail!, /resource issues v1 tokens/);
  assert.equal(check(r, 'policies').status, 'fail');
  assert.deepEqual(check(r, 'policies').platformError, { ...PLATFORM_ERRORS.laMismatch });
  assert.equal(check(r, 'policies').platformError?.status, '403');
});

test('LA-C: a v2 token against a v1 issuer policy, and a policy of another tenant', () => {
  const v2 = laFlow([policy('apim', [['iss', V1_ISS]])]);
  const r = runPredicted(v2, 'api://orders');
  assert.match(check(r, 'policy-issuer').detail!, /expects a v1 issuer/);
  const other = laFlow([policy('apim', [['iss', `https://sts.windows.net/${OTHER_T}/`]])]);
  const o = runPredicted(other, 'https://management.azure.com/');
  assert.equal(check(o, 'policy-issuer').status, 'fail');
  assert.equal(check(o, 'policy-issuer').source, 'client-id');
  assert.match(check(o, 'policy-issuer').detail!, /trusts tenant/);
});

test('LA-C: an issuer without its trailing slash does not match (exact compare)', () => {
  const r = run(laFlow([policy('apim', [['iss', `https://sts.windows.net/${T}`]])]), realToken());
  assert.equal(check(r, 'policy-issuer').status, 'fail');
  assert.match(check(r, 'policy-issuer').detail!, /trailing slash/);
});

test('LA-C: the policy oid holds the client ID', () => {
  const r = runPredicted(laFlow([policy('apim', [['iss', V1_ISS], ['oid', CLIENT]])]), 'https://management.azure.com/');
  const c = check(r, 'caller');
  assert.equal(c.status, 'fail');
  assert.equal(c.title, 'Caller matches a policy');
  assert.equal(c.outcome, 'the policy\'s oid holds the client ID; the token\'s oid is the principal ID');
  assert.equal(r.verdict, 'rejected');
});

test('LA-C: the policy aud must be what the resource produces', () => {
  const flow = laFlow([policy('apim', [['iss', V1_ISS], ['aud', 'https://management.azure.com/']])]);
  assert.equal(runPredicted(flow, 'https://management.azure.com/').verdict, 'accepted');
  const r = runPredicted(flow, 'https://management.azure.com');
  assert.equal(check(r, 'audience').status, 'fail');
  assert.equal(check(r, 'audience').source, 'resource');
  assert.equal(r.verdict, 'rejected');
});

test('LA-C: any one policy suffices; claims compare exactly, and a case-only difference (xms_mirid) is UNCONFIRMED: warn', () => {
  const flow = laFlow([policy('wrong', [['iss', V1_ISS], ['oid', 'abababab-abab-abab-abab-abababababab']]), policy('right', [['iss', V1_ISS], ['oid', OID]])]);
  const r = run(flow, realToken());
  assert.equal(check(r, 'policies').status, 'pass');
  assert.equal(check(r, 'policies').actual, "policy 'right'");
  assert.equal(check(r, 'caller').status, 'pass');
  const upper = run(laFlow([policy('p', [['iss', V1_ISS], ['appidacr', '2'], ['xms_mirid', '/subscriptions/S/resourcegroups/rg']])]), realToken({ xms_mirid: '/subscriptions/s/resourcegroups/rg' }));
  assert.equal(check(upper, 'policies').status, 'warn');
  assert.match(check(upper, 'policies').detail!, /letter case/);
  const other = run(laFlow([policy('p', [['iss', V1_ISS], ['xms_mirid', '/subscriptions/S/resourcegroups/rg']])]), realToken({ xms_mirid: '/subscriptions/S/resourcegroups/other' }));
  assert.equal(check(other, 'policies').status, 'fail');
});

test('LA-C: array claims match by membership, which is UNCONFIRMED: warn, never fail', () => {
  const flow = laFlow([policy('p', [['iss', V1_ISS], ['roles', 'Default.Access']])]);
  const hit = run(flow, realToken({ roles: ['Default.Access', 'Other'] }));
  assert.equal(check(hit, 'policies').status, 'warn');
  assert.equal(check(hit, 'policies').heuristic, true);
  const miss = run(flow, realToken({ roles: ['Other'] }));
  assert.equal(check(miss, 'policies').status, 'warn');
  assert.notEqual(miss.verdict, 'rejected');
});

test('LA-C: ARM expressions in a policy cannot be compared: verdict unknown', () => {
  const flow = laFlow([{ name: 'p', type: 'AAD', claims: [{ name: 'iss', value: "[concat('https://sts.windows.net/', subscription().tenantId, '/')]", expression: true }, { name: 'oid', value: OID }] }]);
  const r = runPredicted(flow, 'https://management.azure.com/');
  assert.equal(check(r, 'policies').status, 'skip');
  assert.equal(check(r, 'policy-issuer').status, 'skip');
  assert.equal(r.verdict, 'unknown');
});

test('LA-C: a bearer token to a logic app without OAuth policy: OAuthAccessPolicyNotFound', () => {
  const r = run(laFlow([]), realToken());
  const c = check(r, 'oauth-policy');
  assert.equal(c.status, 'fail');
  assert.deepEqual({ status: c.platformError?.status, code: c.platformError?.code, confirmed: c.platformError?.confirmed }, { status: '401', code: 'OAuthAccessPolicyNotFound', confirmed: false });
  assert.equal(r.verdict, 'rejected');
});

test('LA-C: SAS while SAS is disabled: DirectApiInvalidAuthorizationScheme', () => {
  const r = run(laFlow([policy('p', [['iss', V1_ISS]])], true), realToken(), { url: LA_URL + SAS, sendsBearer: false });
  assert.deepEqual(failing(r), ['sas-disabled']);
  assert.equal(check(r, 'sas-disabled').platformError?.code, 'DirectApiInvalidAuthorizationScheme');
  assert.equal(check(r, 'sas-disabled').platformError?.message, 'The request has SAS authentication scheme while it is disabled under your access control policy.');
});

test('LA-C: neither a token nor SAS: 401 with the Logic Apps message', () => {
  const r = run(laFlow([policy('p', [['iss', V1_ISS]])]), realToken(), { url: LA_URL, sendsBearer: false });
  assert.deepEqual(check(r, 'authorization-required').platformError, { status: '401', code: 'DirectApiAuthorizationRequired', message: 'The request must be authenticated only by Shared Access scheme.', confirmed: true });
  // SAS alone is fine when SAS is enabled.
  assert.equal(run(laFlow([]), realToken(), { url: LA_URL + SAS, sendsBearer: false }).verdict, 'accepted');
});

test('LA-C: policy limits (6 policies, a value over 150 characters, no iss)', () => {
  const six = [1, 2, 3, 4, 5, 6].map(i => policy(`p${i}`, [['iss', V1_ISS], ['oid', OID]]));
  const r = run(laFlow(six), realToken());
  assert.equal(check(r, 'policy-limits').status, 'fail');
  assert.equal(r.verdict, 'rejected');
  const long = run(laFlow([policy('p', [['iss', V1_ISS], ['xms_mirid', 'x'.repeat(151)]])]), realToken());
  assert.equal(check(long, 'policy-limits').platformError?.code, 'InvalidOAuthClaimValue');
  assert.equal(check(run(laFlow([policy('p', [['oid', OID]])]), realToken()), 'policy-limits').status, 'fail');
});

test('LA-C: a Bearer token against AADPOP-only policies matches none', () => {
  const r = run(laFlow([policy('pop', [['iss', V1_ISS]], 'AADPOP')]), realToken());
  assert.equal(check(r, 'policies').status, 'fail');
  assert.match(check(r, 'policies').detail!, /AADPOP/);
});

// ---------------------------------------------------------------------------------------------
// Logic Apps Standard (Easy Auth)

test('LA-S: client ID audience, allowed application and principal: accepted', () => {
  const flow = lsFlow({ allowedApplications: [CLIENT], allowedPrincipals: [OID], allowedTenants: [T] });
  const r = run(flow, realToken({ aud: APP }));
  assert.equal(r.verdict, 'accepted', JSON.stringify(r.checks.filter(c => c.status === 'fail')));
  for (const id of ['tenant', 'allowed-tenants', 'audience', 'allowed-applications', 'allowed-principals', 'require-oid']) assert.equal(check(r, id).status, 'pass', id);
  // An allowedAudiences entry (App ID URI) works too.
  assert.equal(run(lsFlow({ allowedAudiences: ['api://ship'] }), realToken({ aud: 'api://ship' })).verdict, 'accepted');
});

test('LA-S: an audience Easy Auth does not accept', () => {
  const r = run(lsFlow({ allowedAudiences: ['api://ship'] }), realToken({ aud: 'api://ship/' }));
  const c = check(r, 'audience');
  assert.equal(c.status, 'fail');
  assert.equal(c.platformError?.status, '401');
  assert.equal(c.platformError?.confirmed, false);
});

test('LA-S: allowedApplications AND allowedPrincipals: each fails on its own with 403', () => {
  const apps = run(lsFlow({ allowedApplications: ['abababab-abab-abab-abab-abababababab'], allowedPrincipals: [OID] }), realToken({ aud: APP }));
  assert.deepEqual(failing(apps), ['allowed-applications']);
  assert.deepEqual(check(apps, 'allowed-applications').platformError?.status, '403');
  const principals = run(lsFlow({ allowedApplications: [CLIENT], allowedPrincipals: [CLIENT] }), realToken({ aud: APP }));
  assert.deepEqual(failing(principals), ['allowed-principals']);
  assert.equal(check(principals, 'allowed-principals').outcome, 'the allowed list holds the client ID; the token\'s oid is the principal ID');
  const swapped = run(lsFlow({ allowedApplications: [OID] }), realToken({ aud: APP }));
  assert.match(check(swapped, 'allowed-applications').outcome!, /holds the principal ID/);
  assert.equal(check(swapped, 'allowed-applications').title, 'Calling application is allowed');
});

test('LA-S: tenant through a tenant-specific issuer; multi-tenant issuer checks nothing', () => {
  const other = run(lsFlow({}), realToken({ aud: APP, tid: OTHER_T, iss: `https://sts.windows.net/${OTHER_T}/` }));
  assert.deepEqual(failing(other), ['tenant']);
  const multi = run(lsFlow({ openIdIssuer: 'https://login.microsoftonline.com/common/v2.0' }), realToken({ aud: APP, tid: OTHER_T, iss: `https://sts.windows.net/${OTHER_T}/` }));
  assert.equal(check(multi, 'tenant').status, 'skip');
  assert.equal(multi.verdict, 'accepted');
  const allowed = run(lsFlow({ openIdIssuer: undefined, allowedTenants: [T] }), realToken({ aud: APP, tid: OTHER_T, iss: `https://sts.windows.net/${OTHER_T}/` }));
  assert.deepEqual(failing(allowed), ['allowed-tenants']);
  assert.equal(check(allowed, 'allowed-tenants').platformError?.status, '403');
});

test('LA-S: an oid is required when asked for', () => {
  const r = run(lsFlow({ requireClientServicePrincipal: true }), realToken({ aud: APP, oid: undefined }));
  assert.deepEqual(failing(r), ['require-oid']);
});

test('LA-S: SAS disabled plus a SAS URL; no Easy Auth known: unknown', () => {
  const flow = lsFlow({}, true);
  const r = run(flow, realToken({ aud: APP }), { url: `${flow.url}${SAS}`, sendsBearer: false });
  assert.equal(check(r, 'sas-disabled').status, 'fail');
  const noEasy: FlowConfig = { ...flow, trigger: { logicAppStandard: { sasDisabled: false } } };
  assert.equal(run(noEasy, realToken({ aud: APP })).verdict, 'unknown');
});

// ---------------------------------------------------------------------------------------------
// End to end: config text → prediction → simulation

test('end to end: the four DESIGN.md failures from an apim-flows.json', () => {
  const text = `{
    "tenantId": "${T}",
    "identities": { "apim": { "type": "system", "principalId": "${OID}", "clientId": "${CLIENT}" } },
    "flows": {
      "good": { "type": "powerAutomate", "url": "${PA_URL}", "trigger": { "authentication": "specificUsers", "allowedCallers": ["${OID}"] } },
      "clientIdListed": { "type": "powerAutomate", "url": "${PA_URL}", "trigger": { "authentication": "specificUsers", "allowedCallers": ["${CLIENT}"] } },
      "v2Policy": { "type": "logicAppConsumption", "url": "${LA_URL}", "openAuthenticationPolicies": { "policies": { "apim": { "type": "AAD", "claims": [
        { "name": "iss", "value": "${V2_ISS}" }, { "name": "oid", "value": "${OID}" } ] } } } }
    }
  }`;
  const { config, problems } = parseFlowsConfig('file:///ws/apim-flows.json', text, () => undefined, (b, r) => new URL(r, b).href);
  assert.deepEqual(problems, []);
  const sim = (flow: string, resource: string) => run(config.flows[flow], predictToken(resource, undefined, config).claims, { url: config.flows[flow].url, sendsBearer: true }, { predicted: true });
  assert.equal(sim('good', FLOW_AUD).verdict, 'accepted');
  assert.deepEqual(failing(sim('good', 'https://service.flow.microsoft.com')), ['audience']);
  assert.deepEqual(failing(sim('good', 'https://logic-apis-westeurope.logic.azure.com/')), ['audience']);
  assert.deepEqual(failing(sim('clientIdListed', FLOW_AUD)), ['caller']);
  assert.ok(failing(sim('v2Policy', 'https://management.azure.com/')).includes('policy-issuer'));
});
