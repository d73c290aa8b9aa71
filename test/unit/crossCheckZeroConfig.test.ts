/**
 * The cross-check without apim-flows.json: the platform recognised from the URL the request goes
 * to, what the platform alone settles as errors on the attribute, one information per call with
 * the fix that describes the flow in apim-flows.json; named-value resources resolved like URLs.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { defaultEnvironmentTenant, recognizeTrigger } from '../../server/src/languageService/auth/platforms/triggerUrl';
import { parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';

const root = 'file:///repo';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
// The default environment's host carries the tenant: default + GUID without dashes, a dot before the last two characters.
const PA_HOST = 'default72f988bf86f141af91ab2d7cd011db.47.environment.api.powerplatform.com';
const PA_URL = `https://${PA_HOST}/powerautomate/automations/direct/workflows/4a1b2c3d4e5f/triggers/manual/paths/invoke?api-version=1`;
const LA_URL = 'https://prod-12.westeurope.logic.azure.com/workflows/0f1e2d3c4b5a/triggers/manual/paths/invoke?api-version=2016-06-01';
const LA_SAS = `${LA_URL}&amp;sp=%2Ftriggers%2Fmanual%2Frun&amp;sv=1.0&amp;sig=abc123`;
const STD_URL = 'https://my-logic-app.azurewebsites.net/api/order-intake/triggers/When_a_HTTP_request_is_received/invoke?api-version=2022-05-01';

function policy(inbound: string): string {
  return `<policies>\n\t<inbound>\n\t\t<base />\n${inbound}\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>`;
}

function check(inbound: string, extra: Record<string, string> = {}) {
  const service = getLanguageService({ readFile: u => extra[u] });
  const index = service.workspace;
  for (const [uri, text] of Object.entries(extra)) index.update(uri, text);
  const document = TextDocument.create(`${root}/apis/a/policy.xml`, 'apim-policy', 1, policy(inbound));
  index.update(document.uri, document.getText());
  const diags = service.doValidation(document);
  const flow = diags.filter(d => String(d.code).startsWith('flow-'));
  return { diags, flow, document, service, index, problems: flow.filter(d => d.severity! <= 2) };
}

const backend = (url: string) => `\t\t<set-backend-service base-url="${url}" />`;
const mi = (resource: string, attrs = '') => `\t\t<authentication-managed-identity resource="${resource}"${attrs} />`;
const describeOf = (flow: Diagnostic[]) => flow.filter(d => d.code === 'flow-describe');

test('URL recognition: Power Automate direct trigger hosts, Logic Apps Consumption (shared with old flows), Logic Apps Standard', () => {
  assert.deepEqual(recognizeTrigger(PA_URL)?.types, ['powerAutomate']);
  assert.equal(recognizeTrigger(PA_URL)?.cloud, 'public');
  assert.equal(recognizeTrigger(PA_URL)?.tenantId, TENANT);
  assert.deepEqual(recognizeTrigger(LA_URL)?.types, ['logicAppConsumption', 'powerAutomate']);
  assert.deepEqual(recognizeTrigger(STD_URL)?.types, ['logicAppStandard']);
  assert.equal(recognizeTrigger(STD_URL)?.workflow, 'order-intake');
  // hosts that serve much more than triggers need a trigger path
  assert.equal(recognizeTrigger('https://my-func.azurewebsites.net/api/orders'), undefined);
  assert.equal(recognizeTrigger(`https://${PA_HOST}/copilotstudio/bots`), undefined);
  assert.equal(defaultEnvironmentTenant('a6103daff924e0eea58d3bc2f25fbf.1d'), undefined);
});

test('no config: the custom api:// audience sent to Power Automate is an error on the resource attribute, with its fix', () => {
  const r = check(`${backend(PA_URL)}\n${mi('api://my-flow-secured-endpoint')}`);
  assert.deepEqual(r.problems.map(d => d.code), ['flow-audience']);
  const d = r.problems[0];
  assert.equal(d.severity, 1);
  assert.equal(r.document.getText(d.range), 'api://my-flow-secured-endpoint');
  assert.match(d.message, /^Request the token for https:\/\/service\.flow\.microsoft\.com\/: .*Power Automate trigger .*expected https:\/\/service\.flow\.microsoft\.com\/, found api:\/\/my-flow-secured-endpoint/);
  const fix = r.service.doCodeActions(r.document, [d]).find(a => /Request a token/.test(a.title))!;
  const edits = fix.edit!.changes![r.document.uri] as TextEdit[];
  assert.match(TextDocument.applyEdits(r.document, edits), /resource="https:\/\/service\.flow\.microsoft\.com\/"/);
  assert.equal(describeOf(r.flow).length, 1);
});

test('no config: a correct Power Automate call stays clean, with one information and its "Describe this flow" fix', () => {
  const r = check(`${backend(PA_URL)}\n${mi('https://service.flow.microsoft.com/')}`);
  assert.ok(r.diags.every(d => d.severity! >= 3), JSON.stringify(r.diags));
  const [info] = describeOf(r.flow);
  assert.equal(r.flow.length, 1);
  assert.equal(info.severity, 3);
  assert.match(info.message, /Describe this flow in apim-flows\.json/);
  const [action] = r.service.doCodeActions(r.document, [info]);
  assert.match(action.title, /^Describe this flow in apim-flows\.json \(create/);
  const [create, fill] = action.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
  assert.equal(create.kind, 'create');
  assert.equal(create.uri, `${root}/apim-flows.json`);
  const text = fill.edits[0].newText;
  const json = JSON.parse(text);
  assert.equal(json.tenantId, TENANT, 'the tenant the host carries');
  assert.equal(json.flows['4a1b2c3d4e5f'].type, 'powerAutomate');
  assert.equal(json.flows['4a1b2c3d4e5f'].url, PA_URL);
  assert.equal(json.identities['apim-system'].type, 'system');
  // the file it creates is read, and its placeholders are what remains to fill
  const parsed = parseFlowsConfig(create.uri, text, () => undefined, () => ({ error: 'no files' }));
  assert.equal(parsed.config.flows['4a1b2c3d4e5f'].url, PA_URL);
  assert.ok(parsed.problems.some(p => p.code === 'flows-unknown-authentication'));
  assert.ok(parsed.problems.some(p => /principalId/.test(p.message)));
});

test('no config: no trailing slash, /.default and a regional logic-apis host are errors for Power Automate', () => {
  for (const resource of ['https://service.flow.microsoft.com', 'https://service.flow.microsoft.com/.default', 'https://logic-apis-westeurope.logic.azure.com/']) {
    const r = check(`${backend(PA_URL)}\n${mi(resource)}`);
    assert.deepEqual(r.problems.map(d => [d.code, d.severity]), [['flow-audience', 1]], resource);
  }
});

test('no config: the Flow app ID as audience is information (UNCONFIRMED), not an error', () => {
  const r = check(`${backend(PA_URL)}\n${mi('7df0a125-d3be-4c96-aa54-591f83ff541c')}`);
  assert.deepEqual(r.problems, []);
  assert.ok(r.flow.some(d => d.code === 'flow-audience' && d.severity === 3));
});

test('no config: a logic.azure.com workflow URL may be a Logic App, so any audience passes; SAS next to a bearer token is an error', () => {
  const clean = check(`${backend(LA_URL)}\n${mi('api://my-logic-app')}`);
  assert.deepEqual(clean.problems, []);
  assert.match(describeOf(clean.flow)[0].message, /Logic Apps Consumption or Power Automate/);
  const sas = check(`${backend(LA_SAS)}\n${mi('https://management.azure.com/')}`);
  assert.deepEqual(sas.problems.map(d => d.code), ['flow-sas-and-bearer']);
  assert.match(sas.problems[0].message, /DirectApiRequestHasMoreThanOneAuthorization/);
  const [fix] = sas.service.doCodeActions(sas.document, sas.problems);
  const edits = fix.edit!.changes![sas.document.uri] as TextEdit[];
  assert.doesNotMatch(TextDocument.applyEdits(sas.document, edits), /sig=/);
});

test('no config: /.default in resource is an error for Logic Apps Standard; an azurewebsites API is not a trigger', () => {
  const r = check(`${backend(STD_URL)}\n${mi('api://order-intake/.default')}`);
  assert.deepEqual(r.problems.map(d => d.code), ['flow-resource-scope']);
  assert.equal(r.document.getText(r.problems[0].range), 'api://order-intake/.default');
  const other = check(`${backend('https://my-func.azurewebsites.net/api/orders')}\n${mi('api://x/.default')}`);
  assert.deepEqual(other.flow, []);
});

test('no config: the URL through a backend and a named value; the resource through a named value', () => {
  const r = check(`\t\t<set-backend-service backend-id="flow" />\n${mi('{{flow-audience}}')}`, {
    [`${root}/backends/flow/backendInformation.json`]: JSON.stringify({ properties: { url: '{{flow-url}}' } }),
    [`${root}/named%20values/flow-url/namedValueInformation.json`]: JSON.stringify({ properties: { displayName: 'flow-url', value: PA_URL } }),
    [`${root}/named%20values/flow-audience/namedValueInformation.json`]: JSON.stringify({ properties: { displayName: 'flow-audience', value: 'https://service.flow.microsoft.com' } }),
  });
  assert.deepEqual(r.problems.map(d => d.code), ['flow-audience']);
  assert.equal(r.document.getText(r.problems[0].range), '{{flow-audience}}');
  assert.match(r.problems[0].message, /^Add the trailing slash: .*found https:\/\/service\.flow\.microsoft\.com(?!\/)/);
});

test('a secret or Key Vault named value as resource is information: known only at run time', () => {
  for (const props of [{ secret: true }, { keyVault: { secretIdentifier: 'https://kv.vault.azure.net/secrets/aud' } }]) {
    const r = check(`${backend(PA_URL)}\n${mi('{{flow-audience}}')}`, {
      [`${root}/named%20values/flow-audience/namedValueInformation.json`]: JSON.stringify({ properties: { displayName: 'flow-audience', ...props } }),
    });
    assert.deepEqual(r.problems, []);
    const info = r.flow.find(d => d.code === 'flow-resource-dynamic');
    assert.ok(info, JSON.stringify(r.flow));
    assert.equal(info.severity, 3);
    assert.match(info.message, /secret .*known only at run time/);
  }
});

test('a config without this flow: the fix adds the entry to it, under a free name', () => {
  const configUri = `${root}/apim-flows.json`;
  const existing = JSON.stringify({ tenantId: TENANT, identities: { apim: { type: 'system' } }, flows: { '4a1b2c3d4e5f': { type: 'powerAutomate', url: 'https://example.org/other', trigger: { authentication: 'tenant' } } } }, null, 2);
  const r = check(`${backend(PA_URL)}\n${mi('https://service.flow.microsoft.com/')}`, { [configUri]: existing });
  const [info] = describeOf(r.flow);
  const [action] = r.service.doCodeActions(r.document, [info]);
  assert.match(action.title, /\(add '4a1b2c3d4e5f'\)/);
  const [edit] = action.edit!.changes![configUri] as TextEdit[];
  const after = JSON.parse(TextDocument.applyEdits(TextDocument.create(configUri, 'json', 1, existing), [edit]));
  assert.equal(after.flows['4a1b2c3d4e5f-2'].url, PA_URL);
  assert.equal(after.flows['4a1b2c3d4e5f'].url, 'https://example.org/other');
  assert.deepEqual(Object.keys(after.identities), ['apim'], 'identities already there are kept as they are');
});
