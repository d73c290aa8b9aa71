/**
 * The token inspector's answer: each failing check says what to change and links to the entry of
 * apim-flows.json that holds the value; the token's identities are named after the config's; the
 * flows whose audience and tenant fit the token are offered first.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodedTokenResult, whoIsCalling } from '../../server/src/languageService/auth/inspect';
import { parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';
import type { TokenClaims } from '../../server/src/languageService/auth/types';

const T = '11111111-1111-1111-1111-111111111111';
const OTHER_T = '99999999-9999-9999-9999-999999999999';
const OID = '22222222-2222-2222-2222-222222222222';
const CLIENT = '33333333-3333-3333-3333-333333333333';
const FLOW_AUD = 'https://service.flow.microsoft.com/';
const NOW = new Date('2026-01-15T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const URI = 'file:///ws/apim-flows.json';

const TEXT = `{
  "tenantId": "${T}",
  "identities": {
    "apim-system": { "type": "system", "principalId": "${OID}", "clientId": "${CLIENT}" }
  },
  "flows": {
    "order-intake": {
      "type": "powerAutomate",
      "trigger": { "authentication": "specificUsers", "allowedCallers": ["${CLIENT}"] }
    },
    "other-tenant": {
      "type": "powerAutomate",
      "tenantId": "${OTHER_T}",
      "trigger": { "authentication": "tenant" }
    }
  }
}`;

const config = parseFlowsConfig(URI, TEXT, () => undefined, (b, r) => new URL(r, b).toString()).config;

function token(payload: Record<string, unknown> = {}): TokenClaims {
  return {
    header: { alg: 'RS256', typ: 'JWT', kid: 'k' },
    payload: {
      aud: FLOW_AUD, iss: `https://sts.windows.net/${T}/`, tid: T, oid: OID, appid: CLIENT, idtyp: 'app', ver: '1.0',
      iat: NOW_S - 600, nbf: NOW_S - 600, exp: NOW_S + 3000,
      xms_mirid: '/subscriptions/s/resourcegroups/rg/providers/Microsoft.ApiManagement/service/contoso-apim', ...payload,
    },
  };
}

function decode(claims: TokenClaims, flow?: string) {
  const chosen = flow ? { flow: config.flows[flow], textOf: (uri: string) => (uri === URI ? TEXT : undefined) } : undefined;
  return decodedTokenResult(claims, chosen, [config], { now: NOW });
}

test('inspector: the caller check says what to change, with the values, and links to the trigger entry', () => {
  const r = decode(token(), 'order-intake');
  assert.equal(r.verdict, 'rejected');
  const caller = r.checks.find(c => c.id === 'caller')!;
  assert.equal(caller.status, 'fail');
  assert.equal(caller.title, 'Caller is allowed');
  assert.equal(caller.expected, CLIENT);
  assert.equal(caller.actual, OID);
  assert.equal(caller.fix, `Replace the client ID ${CLIENT} by the principal (object) ID ${OID} in the trigger's allowed users.`);
  const triggerLine = TEXT.split('\n').findIndex(l => l.includes('"trigger": { "authentication": "specificUsers"'));
  assert.deepEqual({ uri: caller.location?.uri, line: caller.location?.line }, { uri: URI, line: triggerLine });
  assert.match(caller.location!.where, /order-intake/);
  assert.equal(r.flowLocation?.line, TEXT.split('\n').findIndex(l => l.includes('"order-intake"')));
  // passed checks carry no fix and no link
  assert.ok(r.checks.filter(c => c.status === 'pass').every(c => c.fix === undefined && c.location === undefined));
});

test('inspector: the audience fix names the exact resource; the tenant fix names both tenants', () => {
  const r = decode(token({ aud: 'https://service.flow.microsoft.com' }), 'order-intake');
  assert.equal(r.checks.find(c => c.id === 'audience')!.fix,
    `Request the token for ${FLOW_AUD}: resource="${FLOW_AUD}" in authentication-managed-identity (exactly, trailing slash included).`);
  const t = decode(token(), 'other-tenant').checks.find(c => c.id === 'tenant')!;
  assert.equal(t.status, 'fail');
  assert.match(t.fix!, new RegExp(`tenant ${OTHER_T}.*tenant ${T}`));
  assert.equal(t.location?.line, TEXT.split('\n').findIndex(l => l.includes('"other-tenant"')));
});

test('inspector: an expired token says when, in plain words, and what to do', () => {
  const r = decode(token({ exp: NOW_S - 8040 }));
  const exp = r.checks.find(c => c.id === 'time-exp')!;
  assert.match(exp.detail!, /^Expired 2 h 14 min ago at 09:46 UTC\./);
  assert.match(exp.fix!, /^Get a new token/);
});

test('who is calling: oid, appid and xms_mirid are named after the identities of apim-flows.json', () => {
  assert.deepEqual(whoIsCalling(token(), [config]).map(m => m.text), [
    'oid = apim-system, APIM\'s system-assigned identity (its principal ID)',
    'appid = apim-system, APIM\'s system-assigned identity (its client ID)',
    'xms_mirid = apim-system, APIM\'s system-assigned identity of the API Management service contoso-apim',
  ]);
  assert.deepEqual(whoIsCalling(token({ oid: OTHER_T, appid: OTHER_T }), [config]), []);
});

test('fitting flows: the flows whose audience and tenant fit the token, whatever else fails', () => {
  assert.deepEqual(decode(token()).fittingFlows, ['order-intake']);
  assert.deepEqual(decode(token({ tid: OTHER_T, iss: `https://sts.windows.net/${OTHER_T}/` })).fittingFlows, ['other-tenant']);
  assert.deepEqual(decode(token({ aud: 'https://management.azure.com/' })).fittingFlows, []);
});
