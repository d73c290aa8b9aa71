/**
 * Named values defined in Bicep, ARM and Terraform feed the unknown-named-value check of the
 * policies the same file embeds or loads: a `{{name}}` the template defines is known, one defined
 * nowhere is warned only where the template defines named values at all.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findIacLoads, getLanguageService } from '../../server/src/languageService/languageService';
import { readIacFile, type HostKind } from '../../server/src/languageService/workspace/iac';

const ext: Record<HostKind, string> = { bicep: 'bicep', arm: 'json', terraform: 'tf' };

/** A service over an empty workspace: the template is the only source of named values. */
function hostDiagnostics(kind: HostKind, text: string): Diagnostic[] {
  const service = getLanguageService();
  return service.validateHostFile(TextDocument.create(`file:///ws/infra/main.${ext[kind]}`, kind, 1, text));
}

/** The names warned as unknown named values, each with the host text at its range. */
function unknownNames(kind: HostKind, text: string): string[] {
  const host = TextDocument.create('file:///x', kind, 1, text);
  return hostDiagnostics(kind, text)
    .filter(d => d.code === 'unknown-named-value')
    .map(d => host.getText(d.range));
}

const POLICY = '<policies><inbound><base /><set-header name="a" exists-action="override"><value>{{backend-key}}</value></set-header><set-header name="b" exists-action="override"><value>{{missing-key}}</value></set-header></inbound></policies>';

const bicepPolicy = [
  "resource policy 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
  "  name: 'policy'",
  "  properties: { format: 'rawxml', value: '" + POLICY + "' }",
  '}',
];

/** A Bicep named value resource whose display name is `displayName`. */
function bicepNamedValue(displayName: string): string[] {
  return [
    "resource nv 'Microsoft.ApiManagement/service/namedValues@2023-05-01' = {",
    `  name: '${displayName.toLowerCase()}'`,
    `  properties: { displayName: '${displayName}' }`,
    '}',
  ];
}

test('bicep: namedValues resources (top level, nested, Key Vault) are read with their fields', () => {
  const text = [
    "param apimName string = 'apim'",
    "var greeting = 'hello'",
    "resource service 'Microsoft.ApiManagement/service@2023-05-01' existing = {",
    '  name: apimName',
    "  resource plain 'namedValues' = {",
    "    name: 'plain-name'",
    "    properties: { displayName: 'plain', value: greeting }",
    '  }',
    '}',
    "resource vaulted 'Microsoft.ApiManagement/service/namedValues@2023-05-01' = {",
    "  name: '${apimName}/vaulted'",
    '  properties: {',
    "    displayName: 'vaulted'",
    '    secret: true',
    "    keyVault: { secretIdentifier: kv.getSecretUri('s') }",
    '  }',
    '}',
  ].join('\n');
  const found = readIacFile('bicep', text).namedValues;
  assert.deepEqual(found.map(({ start: _s, end: _e, ...rest }) => rest), [
    { name: 'plain-name', displayName: 'plain', value: 'hello', secret: false, keyVaultSecret: undefined },
    { name: 'vaulted', displayName: 'vaulted', value: undefined, secret: true, keyVaultSecret: "kv.getSecretUri('s')" },
  ]);
  assert.equal(text.substring(found[0].start, found[0].end), "'plain'");
});

test('bicep: {{name}} defined in the same file is known; one defined nowhere is warned at its name', () => {
  assert.deepEqual(unknownNames('bicep', [...bicepNamedValue('backend-key'), ...bicepPolicy].join('\n')), ['missing-key']);
});

test('bicep: no named value defined in the file, or one with a computed display name: nothing is warned', () => {
  assert.deepEqual(unknownNames('bicep', bicepPolicy.join('\n')), []);
  const looped = [
    "param values array = []",
    "resource nvs 'Microsoft.ApiManagement/service/namedValues@2023-05-01' = [for v in values: {",
    '  name: v.name',
    '  properties: { displayName: v.displayName, value: v.value }',
    '}]',
    ...bicepNamedValue('backend-key'),
    ...bicepPolicy,
  ].join('\n');
  assert.deepEqual(unknownNames('bicep', looped), []);
});

test("bicep: an APIM module's namedValues parameter (written there or in a var) defines named values", () => {
  const text = [
    "var namedValues = [",
    "  { name: 'backend-key', displayName: 'backend-key', secret: true }",
    ']',
    "module apim 'br/public:avm/res/api-management/service:0.9.0' = {",
    "  name: 'apim'",
    '  params: {',
    '    namedValues: namedValues',
    "    policies: [ { format: 'rawxml', value: '" + POLICY + "' } ]",
    '  }',
    '}',
  ].join('\n');
  assert.deepEqual(readIacFile('bicep', text).namedValues.map(n => [n.displayName, n.secret]), [['backend-key', true]]);
  assert.deepEqual(unknownNames('bicep', text), ['missing-key']);
});

test('arm: namedValues resources (nested child too) are known to the policies of the template', () => {
  const text = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    resources: [
      {
        type: 'Microsoft.ApiManagement/service', name: 'apim', apiVersion: '2023-05-01',
        resources: [{ type: 'namedValues', name: 'other', properties: { displayName: 'other', value: 'v' } }],
      },
      {
        type: 'Microsoft.ApiManagement/service/namedValues', apiVersion: '2023-05-01', name: "[concat(parameters('apim'), '/backend-key')]",
        properties: { displayName: 'backend-key', secret: true, keyVault: { secretIdentifier: "[parameters('kv')]" } },
      },
      { type: 'Microsoft.ApiManagement/service/apis/policies', apiVersion: '2023-05-01', name: 'apim/orders/policy', properties: { format: 'rawxml', value: POLICY } },
    ],
  }, null, 2);
  const found = readIacFile('arm', text).namedValues;
  assert.deepEqual(found.map(n => [n.name, n.displayName, n.value, n.secret, n.keyVaultSecret]), [
    ['other', 'other', 'v', false, undefined],
    ['backend-key', 'backend-key', undefined, true, "[parameters('kv')]"],
  ]);
  assert.deepEqual(unknownNames('arm', text), ['missing-key']);
});

test('terraform: azurerm_api_management_named_value and azapi namedValues are known; a var display name makes any name possible', () => {
  const policy = ['resource "azurerm_api_management_api_policy" "p" {', '  xml_content = <<XML', POLICY, 'XML', '}'];
  const text = [
    'resource "azurerm_api_management_named_value" "key" {',
    '  name                = "backend-key"',
    '  display_name        = "backend-key"',
    '  secret              = true',
    '  value_from_key_vault {',
    '    secret_id = azurerm_key_vault_secret.key.id',
    '  }',
    '}',
    'resource "azapi_resource" "other" {',
    '  type = "Microsoft.ApiManagement/service/namedValues@2023-05-01"',
    '  name = "other"',
    '  body = jsonencode({ properties = { displayName = "other", value = "v" } })',
    '}',
    ...policy,
  ].join('\n');
  assert.deepEqual(readIacFile('terraform', text).namedValues.map(n => [n.name, n.displayName, n.value, n.secret, n.keyVaultSecret]), [
    ['backend-key', 'backend-key', undefined, true, 'azurerm_key_vault_secret.key.id'],
    ['other', 'other', 'v', false, undefined],
  ]);
  assert.deepEqual(unknownNames('terraform', text), ['missing-key']);
  const computed = [
    'resource "azurerm_api_management_named_value" "each" {',
    '  for_each     = var.values',
    '  name         = each.key',
    '  display_name = each.value.display_name',
    '}',
    ...policy,
  ].join('\n');
  assert.deepEqual(unknownNames('terraform', computed), []);
});

test('a policy file loaded by the template sees its named values', () => {
  const hostUri = 'file:///ws/infra/main.bicep';
  const host = [
    ...bicepNamedValue('Backend-Key'),
    "resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
    "  name: 'policy'",
    "  properties: { format: 'rawxml', value: loadTextContent('policies/api.xml') }",
    '}',
  ].join('\n');
  const [load] = findIacLoads(hostUri, host);
  const service = getLanguageService();
  const loaded = TextDocument.create('file:///ws/infra/policies/api.xml', 'apim-policy', 1, POLICY);
  const warned = service.validateLoadedPolicy(loaded, load).filter(d => d.code === 'unknown-named-value').map(d => loaded.getText(d.range));
  // display names are case-insensitive in APIM
  assert.deepEqual(warned, ['missing-key']);
});

test('named values of the APIOps workspace and of the template are both known', () => {
  const service = getLanguageService();
  service.workspace.update('file:///ws/named%20values/missing-key/namedValueInformation.json', JSON.stringify({ properties: { displayName: 'missing-key', value: 'v' } }));
  const text = [...bicepNamedValue('backend-key'), ...bicepPolicy].join('\n');
  const ds = service.validateHostFile(TextDocument.create('file:///ws/infra/main.bicep', 'bicep', 1, text));
  assert.deepEqual(ds.filter(d => d.code === 'unknown-named-value'), []);
  const without = service.validateHostFile(TextDocument.create('file:///ws/infra/main.bicep', 'bicep', 1, bicepPolicy.join('\n')));
  assert.equal(without.filter(d => d.code === 'unknown-named-value').length, 1, 'the workspace alone knows missing-key, not backend-key');
});
