/**
 * Backends, fragments and Logic Apps defined in the same Bicep, ARM or Terraform file as the
 * policies: backend-id and fragment-id resolve against them, and a Logic App with OAuth policies
 * is a flow the cross-check knows without apim-flows.json, linked by the backend or named value
 * computed from its callback URL.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findIacLoads, getLanguageService } from '../../server/src/languageService/languageService';
import { readIacFile, type HostKind } from '../../server/src/languageService/workspace/iac';

const ext: Record<HostKind, string> = { bicep: 'bicep', arm: 'json', terraform: 'tf' };
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function hostDiagnostics(kind: HostKind, text: string): { diagnostics: Diagnostic[]; at: (d: Diagnostic) => string } {
  const service = getLanguageService();
  const document = TextDocument.create(`file:///ws/infra/main.${ext[kind]}`, kind, 1, text);
  return { diagnostics: service.validateHostFile(document), at: d => document.getText(d.range) };
}

const codes = (ds: Diagnostic[]) => ds.map(d => String(d.code));

/** An API policy that sends a managed identity token for `resource` to backend `backend`. */
function identityPolicy(backend: string, resource: string): string {
  return `<policies><inbound><base /><set-backend-service backend-id="${backend}" /><authentication-managed-identity resource="${resource}" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;
}

/** A Bicep file: a Logic App with one OAuth policy for `audience`, its backend, and an API policy. */
function bicepLogicApp(policyBackend: string, resource: string, backendUrl = "logicApp.listCallbackUrl().basePath"): string {
  return [
    "param apimName string = 'apim'",
    "param logicAppName string = 'order-intake-la'",
    "resource logicApp 'Microsoft.Logic/workflows@2019-05-01' = {",
    '  name: logicAppName',
    '  location: resourceGroup().location',
    '  properties: {',
    '    definition: {',
    "      triggers: { manual: { type: 'Request', kind: 'Http', inputs: {} } }",
    '    }',
    '    accessControl: {',
    '      triggers: {',
    '        openAuthenticationPolicies: {',
    '          policies: {',
    '            apim: {',
    "              type: 'AAD'",
    '              claims: [',
    `                { name: 'iss', value: 'https://sts.windows.net/${TENANT}/' }`,
    "                { name: 'aud', value: 'https://management.azure.com/' }",
    '              ]',
    '            }',
    '          }',
    '        }',
    '      }',
    '    }',
    '  }',
    '}',
    "resource backend 'Microsoft.ApiManagement/service/backends@2023-05-01' = {",
    "  name: '${apimName}/order-intake'",
    '  properties: {',
    `    url: ${backendUrl}`,
    "    protocol: 'http'",
    '  }',
    '}',
    "resource apiPolicy 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
    "  name: '${apimName}/orders/policy'",
    `  properties: { format: 'rawxml', value: '${identityPolicy(policyBackend, resource)}' }`,
    '}',
  ].join('\n');
}

test('bicep: backends, fragments and Logic Apps are read, a callback-URL backend linked to its workflow', () => {
  const model = readIacFile('bicep', [
    bicepLogicApp('order-intake', 'https://management.azure.com/'),
    "resource frag 'Microsoft.ApiManagement/service/policyFragments@2023-05-01' = {",
    "  name: '${apimName}/cors-fragment'",
    "  properties: { format: 'rawxml', value: '<fragment><cors><allowed-origins><origin>*</origin></allowed-origins></cors></fragment>' }",
    '}',
    "resource plain 'Microsoft.ApiManagement/service/backends@2023-05-01' = {",
    "  name: 'billing'",
    "  properties: { url: 'https://billing.example.com/api', protocol: 'http' }",
    '}',
  ].join('\n'));
  assert.deepEqual(model.backends.map(b => ({ name: b.name, url: b.url, workflow: b.workflow })), [
    { name: 'order-intake', url: undefined, workflow: 'logicApp' },
    { name: 'billing', url: 'https://billing.example.com/api', workflow: undefined },
  ]);
  assert.deepEqual(model.logicApps.map(l => ({ key: l.key, name: l.name })), [{ key: 'logicApp', name: 'order-intake-la' }]);
  assert.deepEqual(model.policies.filter(p => p.scope === 'fragment').map(p => p.name), ['cors-fragment']);
});

test('bicep: a backend-id defined in the same file resolves; an unknown one is warned with the known names', () => {
  const text = [
    "resource b 'Microsoft.ApiManagement/service/backends@2023-05-01' = {",
    "  name: 'billing'",
    "  properties: { url: 'https://billing.example.com/api', protocol: 'http' }",
    '}',
    "resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
    "  name: 'policy'",
    "  properties: { format: 'rawxml', value: '<policies><inbound><base /><set-backend-service backend-id=\"billing\" /><set-backend-service backend-id=\"billing-api\" /><include-fragment fragment-id=\"nowhere\" /></inbound></policies>' }",
    '}',
  ].join('\n');
  const { diagnostics, at } = hostDiagnostics('bicep', text);
  const unknown = diagnostics.filter(d => d.code === 'unknown-backend');
  assert.deepEqual(unknown.map(at), ['billing-api']);
  assert.deepEqual((unknown[0].data as { suggestions: string[] }).suggestions, ['billing']);
  // the file defines no fragment: an unknown fragment-id is not worth a warning
  assert.ok(!codes(diagnostics).includes('unknown-fragment'));
});

test('bicep: a backend whose name is computed makes any backend-id possible: nothing is warned', () => {
  const text = [
    "param backendName string",
    "resource b 'Microsoft.ApiManagement/service/backends@2023-05-01' = {",
    '  name: backendName',
    "  properties: { url: 'https://billing.example.com/api', protocol: 'http' }",
    '}',
    "resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
    "  name: 'policy'",
    "  properties: { format: 'rawxml', value: '<policies><inbound><base /><set-backend-service backend-id=\"anything\" /></inbound></policies>' }",
    '}',
  ].join('\n');
  assert.ok(!codes(hostDiagnostics('bicep', text).diagnostics).includes('unknown-backend'));
});

test('bicep: a fragment defined in the same file is known to include-fragment; a misspelt one is warned', () => {
  const text = [
    "resource frag 'Microsoft.ApiManagement/service/policyFragments@2023-05-01' = {",
    "  name: 'cors-fragment'",
    "  properties: { format: 'rawxml', value: '<fragment><set-header name=\"x\" exists-action=\"override\"><value>1</value></set-header></fragment>' }",
    '}',
    "resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
    "  name: 'policy'",
    "  properties: { format: 'rawxml', value: '<policies><inbound><base /><include-fragment fragment-id=\"cors-fragment\" /><include-fragment fragment-id=\"cors-fragmnt\" /></inbound></policies>' }",
    '}',
  ].join('\n');
  const { diagnostics, at } = hostDiagnostics('bicep', text);
  assert.deepEqual(diagnostics.filter(d => d.code === 'unknown-fragment').map(at), ['cors-fragmnt']);
});

test('bicep: a Logic App and a backend in the same file are cross-checked against the identity policy that calls them', () => {
  // the audience the Logic App's policy wants: accepted, no flow error
  const good = hostDiagnostics('bicep', bicepLogicApp('order-intake', 'https://management.azure.com/'));
  assert.deepEqual(good.diagnostics.filter(d => String(d.code).startsWith('flow-') && d.severity === 1), []);
  // another audience: rejected by the Logic App's OAuth policy, at the resource attribute
  const bad = hostDiagnostics('bicep', bicepLogicApp('order-intake', 'https://service.flow.microsoft.com/'));
  const errors = bad.diagnostics.filter(d => d.code === 'flow-audience');
  assert.equal(errors.length, 1, JSON.stringify(bad.diagnostics, null, 1));
  assert.equal(bad.at(errors[0]), 'https://service.flow.microsoft.com/');
  assert.match(errors[0].message, /order-intake-la|logicApp/);
  assert.match(errors[0].message, /MisMatchingOAuthClaims|Logic Apps/);
  // related information points at the workflow resource in this file
  const related = errors[0].relatedInformation?.find(r => /flow '/.test(r.message));
  assert.ok(related, 'related information names the flow');
  assert.equal(related.location.uri, 'file:///ws/infra/main.bicep');
  assert.match(related.message, /this template/);
});

test('bicep: a backend linked by the Logic App name in resourceId(…) and listCallbackUrl(…) is cross-checked too', () => {
  const url = "listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', logicAppName, 'manual'), '2016-06-01').basePath";
  const { diagnostics } = hostDiagnostics('bicep', bicepLogicApp('order-intake', 'api://wrong', url));
  // the audience check, and the verdict over the Logic App's policies
  assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => d.code), ['flow-audience', 'flow-policies']);
});

test('bicep: a backend that references no workflow is not linked; the Logic App is said not linked as information', () => {
  const { diagnostics, at } = hostDiagnostics('bicep', bicepLogicApp('order-intake', 'api://wrong', "'https://example.com/api'"));
  assert.deepEqual(diagnostics.filter(d => String(d.code).startsWith('flow-')), []);
  const info = diagnostics.filter(d => d.code === 'iac-logic-app-not-linked');
  assert.equal(info.length, 1);
  assert.equal(info[0].severity, 3);
  assert.match(at(info[0]), /^resource logicApp/);
});

test('bicep: a named value holding the callback URL links base-url="{{…}}" to the Logic App', () => {
  const text = [
    bicepLogicApp('unused', 'https://management.azure.com/'),
    "resource nv 'Microsoft.ApiManagement/service/namedValues@2023-05-01' = {",
    "  name: '${apimName}/la-url'",
    "  properties: { displayName: 'la-url', secret: true, value: logicApp.listCallbackUrl().value }",
    '}',
    "resource opPolicy 'Microsoft.ApiManagement/service/apis/operations/policies@2023-05-01' = {",
    "  name: '${apimName}/orders/create/policy'",
    "  properties: { format: 'rawxml', value: '<policies><inbound><base /><set-backend-service base-url=\"{{la-url}}\" /><authentication-managed-identity resource=\"api://someone-else\" /></inbound></policies>' }",
    '}',
  ].join('\n');
  const { diagnostics, at } = hostDiagnostics('bicep', text);
  const audience = diagnostics.filter(d => d.code === 'flow-audience');
  assert.deepEqual(audience.map(at), ['api://someone-else']);
});

test('bicep: access control that is computed is unknown, never a false error', () => {
  const text = bicepLogicApp('order-intake', 'api://wrong').replace(/claims: \[[\s\S]*?\n {14}\]/, 'claims: claimList');
  const { diagnostics } = hostDiagnostics('bicep', text);
  assert.deepEqual(diagnostics.filter(d => d.severity === 1), []);
});

const ARM = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  parameters: { logicAppName: { type: 'string', defaultValue: 'invoice-la' } },
  resources: [
    {
      type: 'Microsoft.Logic/workflows', apiVersion: '2019-05-01', name: "[parameters('logicAppName')]",
      properties: {
        definition: { triggers: { manual: { type: 'Request', kind: 'Http' } } },
        accessControl: { triggers: { openAuthenticationPolicies: { policies: { apim: { type: 'AAD', claims: [
          { name: 'iss', value: `https://sts.windows.net/${TENANT}/` }, { name: 'aud', value: 'api://invoice' },
        ] } } } } },
      },
    },
    {
      type: 'Microsoft.ApiManagement/service/backends', apiVersion: '2023-05-01', name: 'apim/invoice',
      properties: { url: "[listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', parameters('logicAppName'), 'manual'), '2016-06-01').basePath]", protocol: 'http' },
    },
    {
      type: 'Microsoft.ApiManagement/service/apis/policies', apiVersion: '2023-05-01', name: 'apim/invoices/policy',
      properties: { format: 'rawxml', value: identityPolicy('invoice', 'api://invoices') },
    },
  ],
}, null, 2);

test('arm: a Logic App and a backend computed from its callback URL are cross-checked at the resource in the escaped string', () => {
  const { diagnostics, at } = hostDiagnostics('arm', ARM);
  const audience = diagnostics.filter(d => d.code === 'flow-audience');
  assert.deepEqual(audience.map(at), ['api://invoices']);
  assert.match(audience[0].message, /invoice-la/);
  assert.deepEqual(hostDiagnostics('arm', ARM.replace('api://invoices', 'api://invoice')).diagnostics.filter(d => d.severity === 1), []);
});

const TERRAFORM = [
  'resource "azurerm_logic_app_workflow" "invoice" {',
  '  name = "invoice-la"',
  '  access_control {',
  '    trigger {',
  '      allowed_caller_ip_address_range = []',
  '      open_authentication_policy {',
  '        name = "apim"',
  `        claim {\n          name  = "iss"\n          value = "https://sts.windows.net/${TENANT}/"\n        }`,
  '        claim {\n          name  = "aud"\n          value = "api://invoice"\n        }',
  '      }',
  '    }',
  '  }',
  '}',
  'resource "azurerm_logic_app_trigger_http_request" "manual" {',
  '  name         = "manual"',
  '  logic_app_id = azurerm_logic_app_workflow.invoice.id',
  '  schema       = "{}"',
  '}',
  'resource "azurerm_api_management_backend" "invoice" {',
  '  name     = "invoice"',
  '  protocol = "http"',
  '  url      = azurerm_logic_app_trigger_http_request.manual.callback_url',
  '}',
  'resource "azurerm_api_management_api_policy" "invoices" {',
  '  xml_content = <<XML',
  identityPolicy('invoice', 'api://wrong'),
  'XML',
  '}',
].join('\n');

test('terraform: azurerm_logic_app_workflow access_control and a backend from its trigger callback_url are cross-checked', () => {
  const model = readIacFile('terraform', TERRAFORM);
  assert.deepEqual(model.backends.map(b => b.workflow), ['azurerm_logic_app_workflow.invoice']);
  const { diagnostics, at } = hostDiagnostics('terraform', TERRAFORM);
  assert.deepEqual(diagnostics.filter(d => d.code === 'flow-audience').map(at), ['api://wrong']);
  assert.deepEqual(hostDiagnostics('terraform', TERRAFORM.replace('api://wrong', 'api://invoice')).diagnostics.filter(d => d.severity === 1), []);
});

test('a policy file loaded by Bicep sees the backends and Logic Apps of the file that loads it', () => {
  const host = bicepLogicApp('order-intake', 'https://management.azure.com/').replace(
    /properties: \{ format: 'rawxml', value: '[^\n]*' \}/, "properties: { format: 'rawxml', value: loadTextContent('orders.xml') }",
  );
  const [load] = findIacLoads('file:///ws/infra/main.bicep', host);
  assert.ok(load);
  const service = getLanguageService();
  const policy = TextDocument.create(load.uri, 'xml', 1, identityPolicy('order-intake', 'api://other'));
  const diagnostics = service.validateLoadedPolicy(policy, load);
  assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => d.code), ['flow-audience', 'flow-policies']);
  assert.ok(!codes(service.validateLoadedPolicy(TextDocument.create(load.uri, 'xml', 1, identityPolicy('nowhere', 'api://other')), load)).includes('flow-audience'));
});
