/**
 * Problems where they can be fixed: a known identity's client ID where the flow compares the
 * principal (object) ID (Power Automate allowed callers, a Logic Apps policy's oid, Easy Auth's
 * allowedPrincipals), or its principal ID in allowedApplications, is a diagnostic at the value in
 * apim-flows.json or the definition file, with the quick fix to the right ID; the policy's finding
 * points there.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';

const T = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
const SYS_PRINCIPAL = '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b';
const SYS_CLIENT = '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d';
const PA = 'https://default0.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows';
const LA = 'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01';
const STD = 'https://orders.azurewebsites.net/api/intake/triggers/manual/invoke?api-version=2022-05-01';
const root = 'file:///repo';
const CONFIG = `${root}/apim-flows.json`;

function config(flows: Record<string, unknown>): string {
  return JSON.stringify({ tenantId: T, identities: { 'apim-system': { type: 'system', principalId: SYS_PRINCIPAL, clientId: SYS_CLIENT } }, flows }, null, 2);
}

function setup(flows: Record<string, unknown>, extra: Record<string, string> = {}) {
  const all: Record<string, string> = { [CONFIG]: config(flows), ...extra };
  const service = getLanguageService({ readFile: u => all[u] });
  for (const [uri, text] of Object.entries(all)) service.workspace.update(uri, text);
  const diags = service.flowConfigDiagnostics();
  const mixups = (uri: string) => (diags.get(uri) ?? []).filter(d => d.code === 'flows-caller-client-id');
  return { service, all, mixups };
}

function fixed(service: ReturnType<typeof setup>['service'], uri: string, text: string, d: Diagnostic): string {
  const [action] = service.doFlowFileCodeActions(uri, [d]);
  assert.ok(action, 'a quick fix');
  return TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), action.edit!.changes![uri] as TextEdit[]);
}

test('Power Automate allowedCallers with the client ID: an error at that value in apim-flows.json, fixed to the principal ID', () => {
  const r = setup({ f: { type: 'powerAutomate', url: `${PA}/a1/triggers/manual/paths/invoke?api-version=1`, trigger: { authentication: 'specificUsers', allowedCallers: [SYS_CLIENT] } } });
  const [d, ...rest] = r.mixups(CONFIG);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 1);
  const text = r.all[CONFIG];
  assert.equal(TextDocument.create(CONFIG, 'json', 1, text).getText(d.range), SYS_CLIENT);
  assert.ok(d.message.startsWith(`Replace with ${SYS_PRINCIPAL}, the principal (object) ID of 'apim-system'`), d.message);
  const after = JSON.parse(fixed(r.service, CONFIG, text, d));
  assert.deepEqual(after.flows.f.trigger.allowedCallers, [SYS_PRINCIPAL]);
});

test('the policy\'s caller finding points at the value to fix (related information)', () => {
  const r = setup({ f: { type: 'powerAutomate', url: `${PA}/a1/triggers/manual/paths/invoke?api-version=1`, trigger: { authentication: 'specificUsers', allowedCallers: [SYS_CLIENT] } } });
  const policy = `<policies><inbound><base /><set-backend-service base-url="${PA}/a1/triggers/manual/paths/invoke?api-version=1" /><authentication-managed-identity resource="https://service.flow.microsoft.com/" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;
  const doc = TextDocument.create(`${root}/apis/a/policy.xml`, 'apim-policy', 1, policy);
  r.service.workspace.update(doc.uri, policy);
  const caller = r.service.doValidation(doc).find(d => d.code === 'flow-caller')!;
  const first = caller.relatedInformation![0];
  assert.equal(first.location.uri, CONFIG);
  assert.deepEqual(first.location.range, r.mixups(CONFIG)[0].range);
  assert.match(first.message, new RegExp(`replace it with ${SYS_PRINCIPAL}`));
});

test('both IDs listed, a placeholder, or another identity: no diagnostic', () => {
  const both = setup({ f: { type: 'powerAutomate', url: `${PA}/a1/triggers/manual/paths/invoke?api-version=1`, trigger: { authentication: 'specificUsers', allowedCallers: [SYS_CLIENT, SYS_PRINCIPAL] } } });
  assert.deepEqual(both.mixups(CONFIG), []);
  const other = setup({ f: { type: 'powerAutomate', url: `${PA}/a1/triggers/manual/paths/invoke?api-version=1`, trigger: { authentication: 'specificUsers', allowedCallers: ['11111111-2222-4333-8444-555555555555', '<principal id>'] } } });
  assert.deepEqual(other.mixups(CONFIG), []);
});

test('a Logic Apps policy\'s oid claim holding the client ID, and its appid holding the principal ID', () => {
  const flows = {
    la: {
      type: 'logicAppConsumption', url: LA,
      openAuthenticationPolicies: { policies: {
        byOid: { type: 'AAD', claims: [{ name: 'iss', value: `https://sts.windows.net/${T}/` }, { name: 'oid', value: SYS_CLIENT }] },
        byApp: { type: 'AAD', claims: [{ name: 'iss', value: `https://sts.windows.net/${T}/` }, { name: 'appid', value: SYS_PRINCIPAL }] },
      } },
    },
  };
  const r = setup(flows);
  const found = r.mixups(CONFIG);
  assert.equal(found.length, 2);
  const text = r.all[CONFIG];
  const doc = TextDocument.create(CONFIG, 'json', 1, text);
  assert.deepEqual(found.map(d => doc.getText(d.range)).sort(), [SYS_CLIENT, SYS_PRINCIPAL].sort());
  const oid = found.find(d => doc.getText(d.range) === SYS_CLIENT)!;
  assert.match(fixed(r.service, CONFIG, text, oid), new RegExp(`"name": "oid",\\s*"value": "${SYS_PRINCIPAL}"`));
  const app = found.find(d => doc.getText(d.range) === SYS_PRINCIPAL)!;
  assert.match(app.message, /compares the token's appid\/azp/);
  assert.match(fixed(r.service, CONFIG, text, app), new RegExp(`"name": "appid",\\s*"value": "${SYS_CLIENT}"`));
});

test('Easy Auth: the client ID in allowedPrincipals is flagged, the same client ID in allowedApplications is right', () => {
  const r = setup({ s: { type: 'logicAppStandard', url: STD, easyAuth: { clientId: '77777777-7777-4777-8777-777777777777', openIdIssuer: `https://sts.windows.net/${T}/`, allowedApplications: [SYS_CLIENT], allowedPrincipals: [SYS_CLIENT] } } });
  const found = r.mixups(CONFIG);
  assert.equal(found.length, 1);
  const text = r.all[CONFIG];
  const after = JSON.parse(fixed(r.service, CONFIG, text, found[0]));
  assert.deepEqual(after.flows.s.easyAuth.allowedPrincipals, [SYS_PRINCIPAL]);
  assert.deepEqual(after.flows.s.easyAuth.allowedApplications, [SYS_CLIENT]);
});

test('a flow export\'s triggerAllowedUsers ("a;b"): the client ID among them is flagged in the definition file, at its place in the string', () => {
  const defUri = `${root}/flows/f/definition.json`;
  const def = JSON.stringify({ properties: { definition: { triggers: { manual: { type: 'Request', kind: 'Http', inputs: { triggerAuthenticationType: 'User', triggerAllowedUsers: `someone@contoso.com;${SYS_CLIENT}` } } } } } }, null, 2);
  const r = setup({ f: { type: 'powerAutomate', url: `${PA}/a1/triggers/manual/paths/invoke?api-version=1`, definition: 'flows/f/definition.json' } }, { [defUri]: def });
  const [d] = r.mixups(defUri);
  assert.ok(d, JSON.stringify([...r.service.flowConfigDiagnostics()]));
  assert.equal(TextDocument.create(defUri, 'json', 1, def).getText(d.range), SYS_CLIENT);
  assert.match(fixed(r.service, defUri, def, d), new RegExp(`"triggerAllowedUsers": "someone@contoso.com;${SYS_PRINCIPAL}"`));
});
