import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { predictToken } from '../../server/src/languageService/auth/predict';
import {
  classifyResource, FLOW_AUDIENCES, FLOW_SERVICE_APP_ID, hasSas, isEmail, isGuid, stripSasParams, v1Issuer, v2Issuer,
} from '../../server/src/languageService/auth/audiences';
import { parseTriggerUrl } from '../../server/src/languageService/auth/platforms/triggerUrl';
import type { FlowsConfig } from '../../server/src/languageService/auth/types';
import { APP, SYS_CLIENT, SYS_OID, T, UAMI_CLIENT, UAMI_OID } from '../util/ids';


function config(partial: Partial<FlowsConfig> = {}): FlowsConfig {
  return {
    uri: 'file:///ws/apim-flows.json',
    tenantId: T,
    cloud: 'public',
    identities: {
      'apim-system': { name: 'apim-system', type: 'system', principalId: SYS_OID, clientId: SYS_CLIENT },
      'orders-uami': { name: 'orders-uami', type: 'user', clientId: UAMI_CLIENT, principalId: UAMI_OID },
    },
    resources: { 'api://orders-flow': { resource: 'api://orders-flow', tokenVersion: 2, clientId: APP } },
    flows: {},
    ...partial,
  };
}

test('system-assigned identity, Flow audience: a v1 token with the resource as aud', () => {
  const p = predictToken('https://service.flow.microsoft.com/', undefined, config());
  assert.equal(p.identity?.name, 'apim-system');
  assert.deepEqual(p.claims.payload, {
    ver: '1.0', aud: 'https://service.flow.microsoft.com/', tid: T, iss: `https://sts.windows.net/${T}/`,
    oid: SYS_OID, appid: SYS_CLIENT,
  });
  assert.deepEqual(p.claims.header, { typ: 'JWT', alg: 'RS256' });
  assert.deepEqual(p.notes, []);
});

test('v1 aud is the resource exactly as written: no trailing slash stays without', () => {
  const p = predictToken('https://service.flow.microsoft.com', undefined, config());
  assert.equal(p.claims.payload.aud, 'https://service.flow.microsoft.com');
});

test('client-id selects the user-assigned identity (GUIDs compare case-insensitively)', () => {
  const p = predictToken('https://management.azure.com/', UAMI_CLIENT.toUpperCase(), config());
  assert.equal(p.identity?.name, 'orders-uami');
  assert.equal(p.claims.payload.oid, UAMI_OID);
  assert.equal(p.claims.payload.appid, UAMI_CLIENT);
  assert.deepEqual(p.notes, []);
});

test('a v2 resource: aud is the app client ID, v2 issuer, azp instead of appid', () => {
  const p = predictToken('api://orders-flow', UAMI_CLIENT, config());
  assert.equal(p.claims.payload.ver, '2.0');
  assert.equal(p.claims.payload.aud, APP);
  assert.equal(p.claims.payload.iss, `https://login.microsoftonline.com/${T}/v2.0`);
  assert.equal(p.claims.payload.azp, UAMI_CLIENT);
  assert.equal(p.claims.payload.appid, undefined);
});

test('a resource given as the app client ID finds its entry', () => {
  const p = predictToken(APP, undefined, config());
  assert.equal(p.claims.payload.ver, '2.0');
  assert.equal(p.claims.payload.aud, APP);
});

test('a v2 resource without clientId: aud unknown, with a note', () => {
  const p = predictToken('api://x', undefined, config({ resources: { 'api://x': { resource: 'api://x', tokenVersion: 2 } } }));
  assert.equal(p.claims.payload.aud, undefined);
  assert.ok(p.notes.some(n => /aud is unknown/.test(n)));
});

test('an unknown own resource is assumed v1 and noted; Microsoft APIs are not noted', () => {
  const p = predictToken('api://unknown', undefined, config());
  assert.equal(p.claims.payload.ver, '1.0');
  assert.equal(p.claims.payload.aud, 'api://unknown');
  assert.ok(p.notes.some(n => /v1 token is assumed/.test(n)));
  assert.deepEqual(predictToken('https://management.azure.com/', undefined, config()).notes, []);
});

test('no identity in the config: oid unknown, with a note', () => {
  const p = predictToken('https://service.flow.microsoft.com/', undefined, config({ identities: {} }));
  assert.equal(p.identity, undefined);
  assert.equal(p.claims.payload.oid, undefined);
  assert.ok(p.notes.some(n => /oid is unknown/.test(n)));
  assert.ok(p.notes.some(n => /appid is unknown/.test(n)));
});

test('a client-id no identity has: appid is still the client-id, oid unknown', () => {
  const p = predictToken('https://service.flow.microsoft.com/', 'abcdefab-0000-0000-0000-000000000000', config());
  assert.equal(p.identity, undefined);
  assert.equal(p.claims.payload.appid, 'abcdefab-0000-0000-0000-000000000000');
  assert.equal(p.claims.payload.oid, undefined);
  assert.ok(p.notes.some(n => /No identity in the flow config has clientId/.test(n)));
});

test('an identity without principalId: oid unknown', () => {
  const p = predictToken('https://service.flow.microsoft.com/', undefined, config({ identities: { s: { name: 's', type: 'system' } } }));
  assert.equal(p.identity?.name, 's');
  assert.equal(p.claims.payload.oid, undefined);
  assert.ok(p.notes.some(n => /no principalId/.test(n)));
});

test('the tenant: identity first, then config, then the hint (noted)', () => {
  const other = '77777777-7777-7777-7777-777777777777';
  const withIdTenant = config({ identities: { s: { name: 's', type: 'system', principalId: SYS_OID, tenantId: other } } });
  assert.equal(predictToken('https://service.flow.microsoft.com/', undefined, withIdTenant).claims.payload.tid, other);
  const hinted = predictToken('https://service.flow.microsoft.com/', undefined, config({ tenantId: undefined }), other);
  assert.equal(hinted.claims.payload.tid, other);
  assert.equal(hinted.claims.payload.iss, `https://sts.windows.net/${other}/`);
  assert.ok(hinted.notes.some(n => /assumed from the flow/.test(n)));
  const none = predictToken('https://service.flow.microsoft.com/', undefined, config({ tenantId: undefined }));
  assert.equal(none.claims.payload.tid, undefined);
  assert.equal(none.claims.payload.iss, undefined);
  assert.ok(none.notes.some(n => /No tenant/.test(n)));
});

test('a policy-expression resource has no predicted audience', () => {
  const p = predictToken('@(context.Variables["aud"])', undefined, config());
  assert.equal(p.claims.payload.aud, undefined);
  assert.ok(p.notes.some(n => /expression/.test(n)));
});

// ---------------------------------------------------------------------------------------------
// Identifiers the prediction and the checks rest on (auth/audiences.ts)

test('Flow audiences per cloud, with the trailing slash', () => {
  assert.deepEqual(FLOW_AUDIENCES, {
    public: 'https://service.flow.microsoft.com/',
    gcc: 'https://gov.service.flow.microsoft.us/',
    gcchigh: 'https://high.service.flow.microsoft.us/',
    dod: 'https://service.flow.appsplatform.us/',
    china: 'https://service.powerautomate.cn/',
  });
  assert.equal(FLOW_SERVICE_APP_ID, '7df0a125-d3be-4c96-aa54-591f83ff541c');
  assert.equal(v1Issuer(T), `https://sts.windows.net/${T}/`);
  assert.equal(v2Issuer(T), `https://login.microsoftonline.com/${T}/v2.0`);
  assert.equal(isGuid(T.toUpperCase()), true);
  assert.equal(isGuid(`{${T}}`), false);
  assert.equal(isEmail('ops@contoso.com'), true);
  assert.equal(isEmail('ops'), false);
});

test('classifyResource: the ways people get the Flow audience wrong', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['https://service.flow.microsoft.com/', 'flowAudience', undefined],
    ['https://service.flow.microsoft.com', 'flowAudienceNoSlash', 'https://service.flow.microsoft.com/'],
    ['https://service.flow.microsoft.com/.default', 'flowScopeDefault', 'https://service.flow.microsoft.com/'],
    ['https://service.flow.microsoft.com//.default', 'flowScopeDoubleSlashDefault', 'https://service.flow.microsoft.com/'],
    ['https://Service.Flow.Microsoft.com/', 'flowAudienceVariant', 'https://service.flow.microsoft.com/'],
    ['https://gov.service.flow.microsoft.us', 'flowAudienceNoSlash', 'https://gov.service.flow.microsoft.us/'],
    ['7DF0A125-D3BE-4C96-AA54-591F83FF541C', 'flowAppId', undefined],
    ['https://logic-apis-westeurope.logic.azure.com/', 'logicApisHost', undefined],
    ['https://logic-apis.australiaeast.logic.azure.com/', 'logicApisHost', undefined],
    ['https://prod-12.westeurope.logic.azure.com/', 'logicAppsHost', undefined],
    ['api://orders/.default', 'scopeDefault', undefined],
    [APP, 'guid', undefined],
    ['https://management.azure.com/', 'other', undefined],
  ];
  for (const [resource, kind, suggestion] of cases) {
    const c = classifyResource(resource);
    assert.equal(c.kind, kind, resource);
    assert.equal(c.suggestion, suggestion, resource);
  }
  assert.equal(classifyResource('https://gov.service.flow.microsoft.us/').cloud, 'gcc');
  assert.equal(classifyResource('https://logic-apis-westeurope.logic.azure.com/').region, 'westeurope');
});

test('parseTriggerUrl: host kinds, SAS parameters, api-version', () => {
  const pa = parseTriggerUrl('https://a6103daff924e0eea58d3bc2f25fbf.1d.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/0c1d/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc');
  assert.ok(pa);
  assert.equal(pa.hostKind, 'powerPlatform');
  assert.equal(pa.environment, 'a6103daff924e0eea58d3bc2f25fbf.1d');
  assert.equal(pa.workflowId, '0c1d');
  assert.equal(pa.apiVersion, '1');
  assert.deepEqual(pa.sasParams, ['sp', 'sv', 'sig']);
  assert.equal(pa.hasSas, true);
  const la = parseTriggerUrl('https://prod-27.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01');
  assert.deepEqual([la?.hostKind, la?.region, la?.hasSas, la?.apiVersion], ['logicApps', 'westeurope', false, '2016-06-01']);
  assert.equal(parseTriggerUrl('https://ship.azurewebsites.net/api/ship/triggers/manual/invoke?api-version=2022-05-01&sig=x')?.hostKind, 'appService');
  assert.equal(parseTriggerUrl('https://example.com/hook')?.hostKind, 'other');
  assert.equal(parseTriggerUrl('{{orders-flow-url}}'), undefined);
  assert.equal(hasSas('{{base}}/invoke?api-version=1&sig={{sig}}'), true);
});

test('stripSasParams keeps api-version and the rest in order', () => {
  assert.equal(
    stripSasParams('https://prod-1.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc#frag'),
    'https://prod-1.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=2016-10-01#frag',
  );
  assert.equal(stripSasParams('https://h/p?sig=a&x=1&SV=1.0'), 'https://h/p?x=1');
  assert.equal(stripSasParams('https://h/p?sp=a&sv=b&sig=c'), 'https://h/p');
  assert.equal(stripSasParams('https://h/p'), 'https://h/p');
});

test('idtyp is optional in Entra ID: predicted only when the resource asks for it (optionalClaims)', () => {
  const without = predictToken('api://orders-flow', undefined, config());
  assert.equal(without.claims.payload.idtyp, undefined);
  const withClaim = predictToken('api://orders-flow', undefined, config({
    resources: { 'api://orders-flow': { resource: 'api://orders-flow', tokenVersion: 2, clientId: APP, optionalClaims: ['idtyp'] } },
  }));
  assert.equal(withClaim.claims.payload.idtyp, 'app');
});
