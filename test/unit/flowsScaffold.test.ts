/**
 * "APIM: Create apim-flows.json" through the facade: one entry per flow trigger URL of the
 * workspace (policies, backends, named values) with its platform and what the URL tells, identity
 * placeholders; an existing config is never overwritten, only the missing flows are added; and
 * the written file, once its placeholders are filled, makes the config checks run.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';

const root = 'file:///repo';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PA_HOST = 'default72f988bf86f141af91ab2d7cd011db.47.environment.api.powerplatform.com';
const PA_URL = `https://${PA_HOST}/powerautomate/automations/direct/workflows/4a1b2c3d4e5f/triggers/manual/paths/invoke?api-version=1`;
const PA_URL_2 = `https://${PA_HOST}/powerautomate/automations/direct/workflows/9f8e7d6c/triggers/manual/paths/invoke?api-version=1`;
const LA_URL = 'https://prod-12.westeurope.logic.azure.com/workflows/0f1e2d3c4b5a/triggers/manual/paths/invoke?api-version=2016-06-01';
const STD_URL = 'https://my-logic-app.azurewebsites.net/api/order-intake/triggers/manual/invoke?api-version=2022-05-01';
const UAMI = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

function policy(inbound: string): string {
  return `<policies>\n\t<inbound>\n\t\t<base />\n${inbound}\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>`;
}

function workspace(files: Record<string, string>) {
  const service = getLanguageService({ readFile: u => files[u.substring(root.length + 1)] });
  for (const [rel, text] of Object.entries(files)) service.workspace.update(`${root}/${rel}`, text);
  return service;
}

const FILES: Record<string, string> = {
  'apis/expenses/policy.xml': policy(`\t\t<set-backend-service base-url="${PA_URL}" />\n\t\t<authentication-managed-identity resource="https://service.flow.microsoft.com/" />`),
  'apis/invoices/policy.xml': policy(`\t\t<set-backend-service backend-id="invoice-la" />\n\t\t<authentication-managed-identity resource="https://management.azure.com/" client-id="${UAMI}" />`),
  'apis/shipping/policy.xml': policy(`\t\t<send-request mode="new" response-variable-name="r">\n\t\t\t<set-url>{{shipping-url}}</set-url>\n\t\t</send-request>`),
  'apis/plain/policy.xml': policy('\t\t<set-backend-service base-url="https://example.com/api" />'),
  'backends/invoice-la/backendInformation.json': JSON.stringify({ properties: { url: LA_URL, protocol: 'http' } }),
  'named values/shipping-url/namedValueInformation.json': JSON.stringify({ properties: { displayName: 'shipping-url', secret: false, value: STD_URL } }),
};

test('create apim-flows.json: one entry per flow URL of policies, backends and named values, with platform, URL, tenant and identity placeholders', () => {
  const service = workspace(FILES);
  const s = service.scaffoldFlowsConfig(root);
  assert.equal(s.configUri, `${root}/apim-flows.json`);
  assert.equal(s.exists, false);
  const config = JSON.parse(s.text);
  assert.equal(config.tenantId, TENANT, 'the default environment host tells the tenant');
  assert.deepEqual(Object.keys(config.flows).sort(), ['expenses', 'invoice-la', 'shipping-url']);
  assert.equal(config.flows.expenses.type, 'powerAutomate');
  assert.equal(config.flows.expenses.url, PA_URL);
  assert.ok(config.flows.expenses.trigger, 'a Power Automate entry gets the trigger placeholder');
  assert.equal(config.flows['invoice-la'].url, LA_URL);
  assert.match(config.flows['invoice-la'].type, /logicAppConsumption/);
  assert.equal(config.flows['shipping-url'].type, 'logicAppStandard');
  assert.equal(config.identities['apim-system'].type, 'system');
  assert.equal(config.identities['apim-user-assigned'].clientId, UAMI);
  // the edit creates the file with exactly that text
  const changes = s.edit!.documentChanges!;
  assert.equal((changes[0] as { kind: string }).kind, 'create');
  assert.equal((changes[1] as TextDocumentEdit).edits[0].newText, s.text);
});

test('create apim-flows.json: the file it writes, placeholders filled, makes the flow-settings checks run (a caller check that was not there without it)', () => {
  const service = workspace(FILES);
  const s = service.scaffoldFlowsConfig(root);
  const filled = s.text
    .replace('"<anyone | tenant | specificUsers>"', '"specificUsers"')
    .replace(/"<principal \(object\) ID of APIM's identity>"/g, '"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"')
    .replace(/"<application \(client\) ID of APIM's system-assigned identity>"/g, '"9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f"');
  const withCallers = filled.replace('"allowedCallers": []', '"allowedCallers": ["9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f"]');
  service.workspace.update(s.configUri, withCallers);
  const doc = TextDocument.create(`${root}/apis/expenses/policy.xml`, 'apim-policy', 1, FILES['apis/expenses/policy.xml']);
  const codes = service.doValidation(doc).map(d => `${d.severity} ${String(d.code)}`);
  assert.ok(codes.includes('1 flow-caller'), `the client ID in the allowed callers is caught once the config exists: ${codes.join(', ')}`);
  assert.ok(!codes.some(c => c.endsWith('flow-describe')), 'the flow is described now');
});

test('create apim-flows.json: an existing config is never overwritten; only the flows it lacks are added, under free names', () => {
  const existing = `{
  // hand-written
  "tenantId": "${TENANT}",
  "identities": { "apim-system": { "type": "system", "principalId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "clientId": "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f" } },
  "flows": {
    "expenses": { "type": "powerAutomate", "url": "${PA_URL_2}", "trigger": { "authentication": "tenant" } },
    "invoices": { "type": "logicAppConsumption", "url": "${LA_URL}", "openAuthenticationPolicies": {} }
  }
}
`;
  const service = workspace({ ...FILES, 'apim-flows.json': existing });
  const s = service.scaffoldFlowsConfig(root);
  assert.equal(s.exists, true);
  assert.equal(s.configUri, `${root}/apim-flows.json`);
  // LA_URL is described already; 'expenses' is taken by another flow
  assert.deepEqual(s.flows.sort(), ['expenses-2', 'shipping-url']);
  assert.deepEqual(s.identities, ['apim-user-assigned']);
  const edit = s.edit!.changes![s.configUri] as TextEdit[];
  const after = applyEdits(existing, edit.map(e => ({ offset: 0, length: existing.length, content: e.newText })));
  assert.equal(after, s.text);
  assert.ok(after.includes('// hand-written'), 'comments are kept');
  assert.ok(after.includes(`"url": "${PA_URL_2}"`), 'existing entries are kept');
  assert.ok(after.includes(`"url": "${PA_URL}"`));

  // run again on the result: nothing is missing, no edit
  service.workspace.update(s.configUri, after);
  const again = service.scaffoldFlowsConfig(root);
  assert.deepEqual(again.flows, []);
  assert.equal(again.edit, undefined);
});

test('create apim-flows.json: a workspace without any flow URL gets no file', () => {
  const service = workspace({ 'apis/plain/policy.xml': FILES['apis/plain/policy.xml'] });
  const s = service.scaffoldFlowsConfig(root);
  assert.deepEqual(s.flows, []);
  assert.equal(s.edit, undefined);
});
