/**
 * Logic Apps access control beyond OAuth: allowedCallerIpAddresses (an empty list means only other
 * Logic Apps; ranges checked against APIM's outbound addresses when the config gives them, else an
 * information), read from apim-flows.json and from ARM definitions of both plans.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { parseRange } from '../../server/src/languageService/auth/platforms/logicAppsAccessControl';

const T = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
const OID = '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b';
const LA = 'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01';
const root = 'file:///repo';
const POLICIES = { policies: { apim: { type: 'AAD', claims: [{ name: 'iss', value: `https://sts.windows.net/${T}/` }, { name: 'oid', value: OID }] } } };

function run(flow: Record<string, unknown>, top: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
  const config = JSON.stringify({ tenantId: T, ...top, identities: { sys: { type: 'system', principalId: OID, clientId: '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d' } }, flows: { la: { type: 'logicAppConsumption', url: LA, ...flow } } });
  const files: Record<string, string> = { [`${root}/apim-flows.json`]: config, ...extra };
  const service = getLanguageService({ readFile: u => files[u] });
  for (const [u, t] of Object.entries(files)) service.workspace.update(u, t);
  const text = `<policies><inbound><base /><set-backend-service base-url="${LA.replace(/&/g, '&amp;')}" /><authentication-managed-identity resource="https://management.azure.com/" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;
  const doc = TextDocument.create(`${root}/apis/a/policy.xml`, 'apim-policy', 1, text);
  service.workspace.update(doc.uri, text);
  const diags = service.doValidation(doc).filter(d => String(d.code).startsWith('flow-'));
  return { diags, ip: diags.filter(d => d.code === 'flow-caller-ip'), problems: [...service.flowConfigDiagnostics().values()].flat() };
}

test('address ranges: single, CIDR, dash; not IPv4 is undefined', () => {
  assert.deepEqual(parseRange('10.0.0.0/8'), [167772160, 184549375]);
  assert.deepEqual(parseRange('10.0.0.5'), [167772165, 167772165]);
  assert.deepEqual(parseRange('10.0.0.9-10.0.0.1'), [167772161, 167772169]);
  assert.equal(parseRange('2001:db8::/32'), undefined);
  assert.equal(parseRange('10.0.0.0/33'), undefined);
});

test('allowedCallerIpAddresses: [] lets only other Logic Apps call: APIM\'s call is an error whatever its token', () => {
  const ok = run({ openAuthenticationPolicies: POLICIES });
  assert.deepEqual(ok.diags.filter(d => d.severity! <= 2), [], 'the token itself is accepted');
  const r = run({ openAuthenticationPolicies: POLICIES, allowedCallerIpAddresses: [] });
  assert.equal(r.ip.length, 1);
  assert.equal(r.ip[0].severity, 1);
  assert.match(r.ip[0].message, /only other Logic Apps/);
  assert.match(r.ip[0].message, /401/);
});

test('allowed ranges: APIM\'s outbound addresses inside pass, outside fail; without them an information', () => {
  const inside = run({ openAuthenticationPolicies: POLICIES, allowedCallerIpAddresses: [{ addressRange: '20.1.2.0/24' }] }, { apimOutboundIpAddresses: ['20.1.2.7'] });
  assert.deepEqual(inside.ip, []);
  const outside = run({ openAuthenticationPolicies: POLICIES, allowedCallerIpAddresses: [{ addressRange: '20.1.2.0/24' }] }, { apimOutboundIpAddresses: ['52.0.0.1'] });
  assert.equal(outside.ip.length, 1);
  assert.equal(outside.ip[0].severity, 1);
  assert.match(outside.ip[0].message, /52\.0\.0\.1/);
  const unknown = run({ openAuthenticationPolicies: POLICIES, allowedCallerIpAddresses: [{ addressRange: '20.1.2.0/24' }] });
  assert.equal(unknown.ip.length, 1);
  assert.equal(unknown.ip[0].severity, 3);
  assert.match(unknown.ip[0].message, /apimOutboundIpAddresses/);
});

test('an ARM definition\'s accessControl.triggers.allowedCallerIpAddresses is read too; a malformed entry is an error in that file', () => {
  const def = JSON.stringify({ resources: [{ type: 'Microsoft.Logic/workflows', apiVersion: '2019-05-01', name: 'la', properties: {
    definition: { triggers: { manual: { type: 'Request', kind: 'Http', inputs: {} } } },
    accessControl: { triggers: { openAuthenticationPolicies: POLICIES, allowedCallerIpAddresses: [] } },
  } }] });
  const r = run({ definition: 'la.json' }, {}, { [`${root}/la.json`]: def });
  assert.equal(r.ip.length, 1);
  const bad = run({ openAuthenticationPolicies: POLICIES, allowedCallerIpAddresses: [{ range: '1.2.3.4' }] });
  assert.ok(bad.problems.some(p => p.code === 'la-invalid-ip-ranges'));
  const badIp = run({ openAuthenticationPolicies: POLICIES }, { apimOutboundIpAddresses: ['not-an-ip'] });
  assert.ok(badIp.problems.some(p => p.code === 'flows-invalid-value' && /Not an IPv4 address/.test(p.message)));
});

test('definitions: trigger conditions are an information (not evaluated); OAuth with SAS still enabled is an information; disabling SAS removes it', () => {
  const make = (sas: boolean) => JSON.stringify({ resources: [{ type: 'Microsoft.Logic/workflows', apiVersion: '2019-05-01', name: 'la', properties: {
    definition: { triggers: { manual: { type: 'Request', kind: 'Http', inputs: {}, conditions: [{ expression: "@startsWith(triggerOutputs()?['headers']?['Authorization'], 'Bearer')" }] } } },
    accessControl: { triggers: { openAuthenticationPolicies: POLICIES, ...(sas ? {} : { sasAuthenticationPolicy: { state: 'Disabled' } }) } },
  } }] });
  const codes = (sas: boolean) => run({ definition: 'la.json' }, {}, { [`${root}/la.json`]: make(sas) }).problems.map(p => `${p.severity} ${p.code}`);
  assert.deepEqual(codes(true).filter(c => c.includes('la-')).sort(), ['3 la-sas-still-enabled', '3 la-trigger-conditions']);
  assert.deepEqual(codes(false).filter(c => c.includes('la-')), ['3 la-trigger-conditions']);
});

test('Logic Apps Standard: Easy Auth with AllowAnonymous while SAS is enabled is an information; Return401 is not', () => {
  const site = (action: string, sasDisabled: boolean) => JSON.stringify({ resources: [
    { type: 'Microsoft.Web/sites', apiVersion: '2022-03-01', name: 'app', kind: 'functionapp,workflowapp', properties: sasDisabled ? { logicAppsAccessControlConfiguration: { triggers: { sasAuthenticationPolicy: { state: 'Disabled' } } } } : {} },
    { type: 'Microsoft.Web/sites/config', apiVersion: '2022-09-01', name: 'app/authsettingsV2', properties: {
      globalValidation: { requireAuthentication: true, unauthenticatedClientAction: action },
      identityProviders: { azureActiveDirectory: { enabled: true, registration: { clientId: '77777777-7777-4777-8777-777777777777', openIdIssuer: `https://sts.windows.net/${T}/v2.0` }, validation: { allowedAudiences: [] } } },
    } },
  ] });
  const codes = (action: string, sasDisabled: boolean) => {
    const config = JSON.stringify({ tenantId: T, flows: { s: { type: 'logicAppStandard', url: 'https://app.azurewebsites.net/api/wf/triggers/manual/invoke?api-version=2022-05-01', definition: 'site.json' } } });
    const files: Record<string, string> = { [`${root}/apim-flows.json`]: config, [`${root}/site.json`]: site(action, sasDisabled) };
    const service = getLanguageService({ readFile: u => files[u] });
    for (const [u, t] of Object.entries(files)) service.workspace.update(u, t);
    return [...service.flowConfigDiagnostics().values()].flat().map(d => String(d.code));
  };
  assert.ok(codes('AllowAnonymous', false).includes('la-easy-auth-anonymous'));
  assert.ok(!codes('AllowAnonymous', true).includes('la-easy-auth-anonymous'));
  assert.ok(!codes('Return401', false).includes('la-easy-auth-anonymous'));
});
