/**
 * Policies embedded in Bicep, ARM JSON and Terraform: each value form and each escape, found and
 * checked with the resource's scope, diagnostics at their exact places in the host file.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { findIacLoads, getLanguageService } from '../../server/src/languageService/languageService';
import { extractIacPolicies, type HostKind } from '../../server/src/languageService/workspace/iac';

const service = getLanguageService();
const ext: Record<HostKind, string> = { bicep: 'bicep', arm: 'json', terraform: 'tf' };

function check(kind: HostKind, text: string): { diagnostics: Diagnostic[]; host: TextDocument } {
  const host = TextDocument.create(`file:///ws/infra/main.${ext[kind]}`, kind, 1, text);
  return { diagnostics: service.validateHostFile(host), host };
}

const errors = (ds: Diagnostic[]) => ds.filter(d => d.severity === DiagnosticSeverity.Error);

/** The one error must start at the `nth` occurrence of `marker` in the host text. */
function assertErrorAt(kind: HostKind, text: string, marker: string, code: string, nth = 0): void {
  const { diagnostics, host } = check(kind, text);
  const errs = errors(diagnostics);
  assert.equal(errs.length, 1, JSON.stringify(diagnostics, null, 1));
  assert.equal(errs[0].code, code);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(marker, at + 1);
  assert.deepEqual(errs[0].range.start, host.positionAt(at));
}

test('bicep: single-quoted value with \\n and \\\' escapes: the misspelt name at its column', () => {
  const text = [
    "resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
    "  name: 'policy'",
    '  properties: {',
    "    format: 'rawxml'",
    "    value: '<policies>\\n  <inbound>\\n    <base />\\n    <set-headr name=\\'a\\' exists-action=\\'override\\' />\\n  </inbound>\\n</policies>'",
    '  }',
    '}',
  ].join('\n');
  assertErrorAt('bicep', text, 'set-headr', 'unknown-element');
});

test("bicep: ''' multi-line value (no escapes), nested child resource takes the parent's type", () => {
  const text = [
    "resource api 'Microsoft.ApiManagement/service/apis@2023-05-01' existing = {",
    "  name: 'orders'",
    "  resource op 'operations' existing = {",
    "    name: 'get'",
    "    resource policies 'policies' = {",
    "      name: 'policy'",
    '      properties: {',
    "        format: 'rawxml'",
    "        value: '''",
    '<policies>',
    '  <inbound>',
    '    <base />',
    '    <quota calls="10" renewal-period="60" />',
    '    <set-variable name="a" value="@("it\'s\\n")" />',
    '  </inbound>',
    '</policies>',
    "'''",
    '      }',
    '    }',
    '  }',
    '}',
  ].join('\n');
  const [p] = extractIacPolicies('bicep', text);
  assert.equal(p.scope, 'operation');
  assert.equal(p.type, 'Microsoft.ApiManagement/service/apis/operations/policies@2023-05-01');
  assert.ok(p.value.kind === 'text' && p.value.text.text.startsWith('<policies>') && p.value.text.text.includes('"@("it\'s\\n")"'));
  // quota is a product-scope policy: rejected in an operation policy
  assertErrorAt('bicep', text, 'quota', 'policy-not-allowed-in-scope');
});

test('bicep: ${} holes are placeholders (no error even in a number), \\${ is a literal', () => {
  const text = [
    "param calls int",
    "resource p 'Microsoft.ApiManagement/service/products/policies@2022-08-01' = {",
    "  properties: {",
    "    format: 'rawxml'",
    "    value: '<policies><inbound><base /><rate-limit calls=\"${calls}\" renewal-period=\"60\" /><set-header name=\"x\" exists-action=\"override\"><value>\\${literal}</value></set-header><set-headr /></inbound><outbound><base /></outbound></policies>'",
    '  }',
    '}',
  ].join('\n');
  const [p] = extractIacPolicies('bicep', text);
  assert.equal(p.value.kind, 'text');
  if (p.value.kind === 'text') {
    assert.ok(p.value.text.text.includes('calls="xxxxxxxx"'), p.value.text.text);
    assert.ok(p.value.text.text.includes('<value>${literal}</value>'));
  }
  assertErrorAt('bicep', text, 'set-headr', 'unknown-element');
  assert.ok(check('bicep', text).diagnostics.some(d => d.code === 'iac-policy-placeholder' && d.severity === DiagnosticSeverity.Information));
});

test('a hole inside an element may fill it: no error about its missing content, errors elsewhere kept', () => {
  const text = 'resource "azurerm_api_management_api_policy" "a" {\n  xml_content = <<XML\n<policies><inbound><base /><choose>${local.whens}</choose><set-headr /></inbound></policies>\nXML\n}\n';
  assertErrorAt('terraform', text, 'set-headr', 'unknown-element');
});

test('bicep: a var through replace() and concat() is read; loadTextContent is a load with the scope', () => {
  const text = [
    "var policy = '<policies><inbound><base /><set-backend-service backend-id=\"{backend-id}\" /><foo /></inbound></policies>'",
    "resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
    "  properties: { value: replace(policy, '{backend-id}', backend.name), format: 'rawxml' }",
    '}',
    "resource q 'Microsoft.ApiManagement/service/apis/operations/policies@2023-05-01' = {",
    "  properties: {",
    "    value: loadTextContent('../policies/get.xml')",
    "    format: 'rawxml'",
    '  }',
    '}',
  ].join('\n');
  assertErrorAt('bicep', text, 'foo', 'unknown-element');
  const loads = findIacLoads('file:///ws/infra/main.bicep', text);
  assert.equal(loads.length, 1);
  assert.equal(loads[0].uri, 'file:///ws/policies/get.xml');
  assert.equal(loads[0].scope, 'operation');
  assert.deepEqual(loads[0].range.start, { line: 4, character: 0 });
});

test('a loaded file is checked with the loading resource\'s scope, related information at the resource', () => {
  const bicep = "resource q 'Microsoft.ApiManagement/service/apis/operations/policies@2023-05-01' = {\n  properties: { value: loadTextContent('op.xml') }\n}\n";
  const [load] = findIacLoads('file:///ws/infra/main.bicep', bicep);
  const xml = '<policies><inbound><base /><quota calls="1" renewal-period="60" /></inbound></policies>';
  const document = TextDocument.create(load.uri, 'apim-policy', 1, xml);
  const errs = errors(service.validateLoadedPolicy(document, load));
  assert.equal(errs.length, 1);
  assert.equal(errs[0].code, 'policy-not-allowed-in-scope');
  assert.equal(errs[0].relatedInformation?.at(-1)?.location.uri, 'file:///ws/infra/main.bicep');
  assert.match(errs[0].relatedInformation!.at(-1)!.message, /operation policy: loaded by 'q' in main\.bicep/);
  // the same file on its own has no scope: quota is not an error there
  assert.equal(errors(service.doValidation(document)).length, 0);
});

test("format 'xml' with a raw quote or < in an expression is an error naming the fix; rawxml is not; no format is a warning", () => {
  const value = '<policies><inbound><base /><set-variable name="a" value="@(context.Request.Headers.GetValueOrDefault("x", ""))" /></inbound></policies>';
  const host = (format: string) => `resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {\n  properties: {\n    ${format}\n    value: '${value}'\n  }\n}\n`;
  const strict = check('bicep', host("format: 'xml'")).diagnostics.filter(d => d.code === 'iac-xml-format-not-strict');
  assert.equal(strict.length, 1);
  assert.equal(strict[0].severity, DiagnosticSeverity.Error);
  assert.match(strict[0].message, /rawxml/);
  assert.deepEqual(strict[0].range.start, { line: 3, character: 12 + value.indexOf('"x"') });
  assert.equal(check('bicep', host("format: 'rawxml'")).diagnostics.filter(d => d.code === 'iac-xml-format-not-strict').length, 0);
  assert.equal(check('bicep', host('')).diagnostics.find(d => d.code === 'iac-xml-format-not-strict')?.severity, DiagnosticSeverity.Warning);
});

test("xml-link values are URLs: one information, not checked", () => {
  const text = "resource p 'Microsoft.ApiManagement/service/policies@2023-05-01' = {\n  properties: { format: 'rawxml-link', value: 'https://example.org/p.xml' }\n}\n";
  const { diagnostics } = check('bicep', text);
  assert.deepEqual(diagnostics.map(d => [d.code, d.severity]), [['iac-policy-link', DiagnosticSeverity.Information]]);
});

test('arm: escapes \\" \\n \\u003c \\\\ map to their place in the JSON string', () => {
  const value = '\\u003cpolicies>\\n\\u003cinbound>\\u003cbase />\\u003cset-variable name=\\"a\\" value=\\"c:\\\\temp\\" />\\n\\u003cset-headr />\\u003c/inbound>\\u003c/policies>';
  const text = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: [] }).replace('[]', `[{"type":"Microsoft.ApiManagement/service/apis","name":"a","resources":[{"type":"policies","name":"policy","properties":{"format":"rawxml","value":"${value}"}}]}]`);
  const [p] = extractIacPolicies('arm', text);
  assert.equal(p.scope, 'api');
  assert.ok(p.value.kind === 'text' && p.value.text.text.includes('value="c:\\temp"'));
  assertErrorAt('arm', text, 'set-headr', 'unknown-element');
});

test('arm: [concat(...)] literal parts are checked, parameters() a hole; variables() and replace() are followed; [[ is a literal', () => {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    variables: { policy: '<policies><inbound><base /><bad-one /></inbound></policies>' },
    resources: [
      { type: 'Microsoft.ApiManagement/service/products/policies', apiVersion: '2022-08-01', name: 'p', properties: { value: "[concat('<policies><inbound><base /><rate-limit calls=\"', parameters('calls'), '\" renewal-period=\"60\" /><bad-two /></inbound></policies>')]" } },
      { type: 'Microsoft.ApiManagement/service/apis/policies', apiVersion: '2022-08-01', name: 'q', properties: { format: 'rawxml', value: "[replace(variables('policy'), '{x}', 'y')]" } },
      { type: 'Microsoft.ApiManagement/service/policies', apiVersion: '2022-08-01', name: 'g', properties: { format: 'rawxml', value: '[[not an expression' } },
    ],
  };
  const text = JSON.stringify(template, null, 2);
  const { diagnostics, host } = check('arm', text);
  const errs = errors(diagnostics).map(d => [d.code, host.offsetAt(d.range.start)]);
  assert.deepEqual(errs.filter(e => e[0] === 'unknown-element').map(e => e[1]), [text.indexOf('bad-one'), text.indexOf('bad-two')]);
  const [, , g] = extractIacPolicies('arm', text);
  assert.ok(g.value.kind === 'text' && g.value.text.text === '[not an expression');
});

test('terraform: quoted value with \\" and $${ escapes, heredoc <<XML and <<-XML (indent stripped)', () => {
  const quoted = 'resource "azurerm_api_management_api_policy" "a" {\n  xml_content = "<policies><inbound><base /><set-header name=\\"x\\" exists-action=\\"override\\"><value>$${v}</value></set-header><set-headr /></inbound></policies>"\n}\n';
  assertErrorAt('terraform', quoted, 'set-headr', 'unknown-element');
  const [q] = extractIacPolicies('terraform', quoted);
  assert.ok(q.value.kind === 'text' && q.value.text.text.includes('<value>${v}</value>'));
  const heredoc = [
    'resource "azurerm_api_management_api_operation_policy" "op" {',
    '  operation_id = "get"',
    '  xml_content = <<-XML',
    '    <policies>',
    '      <inbound>',
    '        <base />',
    '        <quota calls="10" renewal-period="60" />',
    '        <set-header name="h" exists-action="override"><value>${var.v}</value></set-header>',
    '      </inbound>',
    '    </policies>',
    '  XML',
    '}',
  ].join('\n');
  const [h] = extractIacPolicies('terraform', heredoc);
  assert.equal(h.scope, 'operation');
  assert.ok(h.value.kind === 'text' && h.value.text.text.startsWith('<policies>\n  <inbound>'));
  assertErrorAt('terraform', heredoc, 'quota', 'policy-not-allowed-in-scope');
  const plain = 'resource "azurerm_api_management_policy" "g" {\n  xml_content = <<EOT\n<policies><inbound><nope /></inbound></policies>\nEOT\n}\n';
  assertErrorAt('terraform', plain, 'nope', 'unknown-element');
});

test('terraform: file(), templatefile() with ${path.module}, replace() and locals are loads; azapi_resource with jsonencode body', () => {
  const text = [
    'locals {',
    '  policy = file("${path.module}/policies/api.xml")',
    '}',
    'resource "azurerm_api_management_api_policy" "a" {',
    '  xml_content = replace(local.policy, "{x}", "y")',
    '}',
    'resource "azurerm_api_management_policy_fragment" "f" {',
    '  format = "rawxml"',
    '  value  = templatefile("fragments/f.xml.tftpl", { a = 1 })',
    '}',
    'resource "azapi_resource" "p" {',
    '  type = "Microsoft.ApiManagement/service/products/policies@2023-05-01-preview"',
    '  body = jsonencode({',
    '    properties = {',
    '      format = "rawxml"',
    '      value  = "<policies><inbound><base /><unknown-thing /></inbound></policies>"',
    '    }',
    '  })',
    '}',
  ].join('\n');
  const loads = findIacLoads('file:///ws/tf/main.tf', text);
  assert.deepEqual(loads.map(l => [l.uri, l.scope, l.template]), [
    ['file:///ws/tf/policies/api.xml', 'api', false],
    ['file:///ws/tf/fragments/f.xml.tftpl', 'fragment', true],
  ]);
  assertErrorAt('terraform', text, 'unknown-thing', 'unknown-element');
  assert.equal(extractIacPolicies('terraform', text)[2].scope, 'product');
});

test('a templatefile-loaded file: ${…} and %{…} are holes, the rest is checked', () => {
  const tpl = '<policies>\n<inbound>\n<base />\n<cors><allowed-origins>\n%{ for o in origins ~}\n<origin>${o}</origin>\n%{ endfor ~}\n</allowed-origins></cors>\n<bad-tag />\n</inbound>\n</policies>\n';
  const load = { uri: 'file:///ws/t.tftpl', scope: 'global' as const, template: true, format: 'xml_content', hostUri: 'file:///ws/main.tf', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, resource: 'x' };
  const document = TextDocument.create(load.uri, 'apim-policy', 1, tpl);
  const errs = errors(service.validateLoadedPolicy(document, load));
  assert.deepEqual(errs.map(d => [d.code, document.offsetAt(d.range.start)]), [['unknown-element', tpl.indexOf('bad-tag')]]);
});

test('never throws and stays bounded on broken and pathological hosts', () => {
  const nasty = [
    "resource p 'Microsoft.ApiManagement/service/policies@1' = {\n properties: { value: '<policies>",
    "resource p 'Microsoft.ApiManagement/service/policies@1' = " + '{'.repeat(100_000),
    "var x = '${'.repeat(50_000)",
    '[for x in y: '.repeat(20_000),
    "var a = b\nvar b = a\nresource p 'Microsoft.ApiManagement/service/policies@1' = { properties: { value: a } }",
  ];
  const tf = ['resource "azurerm_api_management_policy" "g" {\n xml_content = <<XML\n<policies>', 'resource "a" "b" ' + '{ x = ['.repeat(50_000), 'x = "${' + '"${'.repeat(20_000), 'locals { a = local.b\n b = local.a }\nresource "azurerm_api_management_policy" "g" { xml_content = local.a }'];
  const arm = ['{"resources": [' + '{"resources": ['.repeat(300), '{"$schema": "deploymentTemplate", "resources": [{"type": "Microsoft.ApiManagement/service/policies", "properties": {"value": "[concat(' + 'concat('.repeat(10_000) + '"}}]}'];
  const started = Date.now();
  for (const t of nasty) check('bicep', t);
  for (const t of tf) check('terraform', t);
  for (const t of arm) check('arm', t);
  assert.ok(Date.now() - started < 10_000);
});
