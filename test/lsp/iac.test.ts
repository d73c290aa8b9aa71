import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CompletionList, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../util/lspClient';

// A workspace where a Bicep operation-policy resource loads a policy file: the server must read
// the Bicep file at start to know the file's scope.
let ws: string;
let client: TestClient;
const wsUri = () => pathToFileURL(ws).href;

const loadingBicep = `resource api 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' existing = {
  name: 'apim/orders'

  resource getOrder 'operations' existing = {
    name: 'get-order'

    resource policy 'policies' = {
      name: 'policy'
      properties: {
        format: 'rawxml'
        value: loadTextContent('policies/get-order.xml')
      }
    }
  }
}
`;
const quotaPolicy = '<policies>\n  <inbound>\n    <base />\n    <quota calls="10" renewal-period="60" />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n';

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-lsp-iac-'));
  fs.mkdirSync(path.join(ws, 'infra', 'policies'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'infra', 'main.bicep'), loadingBicep);
  fs.writeFileSync(path.join(ws, 'infra', 'policies', 'get-order.xml'), quotaPolicy);
  client = await startClient(wsUri());
  await client.waitForLog(/indexed \d+ workspace files/);
});
after(async () => {
  await client.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

test('a Bicep file: a misspelt policy in an inline multi-line value is reported at its exact line and column', async () => {
  const uri = `${wsUri()}/inline.bicep`;
  const text = [
    "resource productPolicy 'Microsoft.ApiManagement/service/products/policies@2023-05-01-preview' = {",
    "  name: 'apim/starter/policy'",
    '  properties: {',
    "    format: 'rawxml'",
    "    value: '''",
    '<policies>',
    '  <inbound>',
    '    <base />',
    '    <set-headr name="x" exists-action="override" />',
    '  </inbound>',
    '</policies>',
    "'''",
    '  }',
    '}',
    '',
  ].join('\n');
  client.open(uri, text, 1, 'bicep');
  const d = await client.diagnostics(uri, 1);
  const errors = d.diagnostics.filter(x => x.code === 'unknown-element');
  assert.equal(errors.length, 1, JSON.stringify(d.diagnostics));
  assert.deepEqual(errors[0].range.start, { line: 8, character: 5 });
  assert.ok(d.diagnostics.every(x => x.source === 'apim-policy'));
  // read as XML (the policy language), the Bicep around the value would be errors of its own
  assert.deepEqual(d.diagnostics.map(x => x.code), ['unknown-element']);
});

test('a Bicep file: completion and hover answer inside the inline policy, and nothing answers outside it', async () => {
  const uri = `${wsUri()}/inline.bicep`;
  // the file the test before opened: line 8 is `    <set-headr name="x" exists-action="override" />`
  const inPolicy = { textDocument: { uri }, position: { line: 7, character: 5 } };
  // in the name of `<base />`: the policies allowed in <inbound>
  const list = await client.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 6 } });
  assert.ok(list?.items.some(i => /set-header/.test(i.label)), JSON.stringify(list?.items.map(i => i.label)));
  const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', inPolicy);
  assert.match(JSON.stringify(hover?.contents), /base/);
  assert.deepEqual(hover?.range?.start, { line: 7, character: 5 });
  const outside = { textDocument: { uri }, position: { line: 1, character: 4 } };
  assert.equal(await client.connection.sendRequest<CompletionList | null>('textDocument/completion', outside), null);
  assert.equal(await client.connection.sendRequest<Hover | null>('textDocument/hover', outside), null);
});

test('a Terraform heredoc: a misspelt policy is reported at its exact line and column', async () => {
  const uri = `${wsUri()}/main.tf`;
  const text = [
    'resource "azurerm_api_management_api_policy" "orders" {',
    '  api_name            = "orders"',
    '  api_management_name = "apim"',
    '  resource_group_name = "rg"',
    '  xml_content         = <<XML',
    '<policies>',
    '  <inbound>',
    '    <base />',
    '    <set-headr name="x" exists-action="override" />',
    '  </inbound>',
    '</policies>',
    'XML',
    '}',
    '',
  ].join('\n');
  client.open(uri, text, 1, 'terraform');
  const d = await client.diagnostics(uri, 1);
  const errors = d.diagnostics.filter(x => x.code === 'unknown-element');
  assert.equal(errors.length, 1, JSON.stringify(d.diagnostics));
  assert.deepEqual(errors[0].range.start, { line: 8, character: 5 });
});

test('a Bicep file without a policy gets an empty list, and no other feature answers in it', async () => {
  const uri = `${wsUri()}/storage.bicep`;
  const text = "param name string\nresource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: name\n  location: 'westeurope'\n}\n";
  client.open(uri, text, 1, 'bicep');
  const d = await client.diagnostics(uri, 1);
  assert.deepEqual(d.diagnostics, []);
  const at = { textDocument: { uri }, position: { line: 1, character: 3 } };
  assert.equal(await client.connection.sendRequest<CompletionList | null>('textDocument/completion', at), null);
  assert.equal(await client.connection.sendRequest<Hover | null>('textDocument/hover', at), null);
  assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
  assert.deepEqual(await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
});

test('a JSON file that is no ARM template gets no policy diagnostics', async () => {
  const uri = `${wsUri()}/package.json`;
  client.open(uri, '{ "name": "x", "value": "<policies><inbound><set-headr /></inbound></policies>" }', 1, 'json');
  const d = await client.diagnostics(uri, 1);
  assert.deepEqual(d.diagnostics, []);
  const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols, []);
});

test('a policy file loaded by a Bicep operation-policy resource is checked with its scope, naming the resource', async () => {
  const uri = `${wsUri()}/infra/policies/get-order.xml`;
  client.open(uri, quotaPolicy, 1);
  const d = await client.diagnostics(uri, 1);
  const quota = d.diagnostics.find(x => x.code === 'policy-not-allowed-in-scope');
  assert.ok(quota, JSON.stringify(d.diagnostics));
  assert.equal(quota.range.start.line, 3);
  const related = quota.relatedInformation ?? [];
  assert.ok(related.some(r => r.location.uri === `${wsUri()}/infra/main.bicep` && /operation policy: loaded by/.test(r.message)), JSON.stringify(related));
});

test('an edit of the loading Bicep file that drops the resource rechecks the open policy without the scope', async () => {
  const bicepUri = `${wsUri()}/infra/main.bicep`;
  const policyUri = `${wsUri()}/infra/policies/get-order.xml`;
  client.open(bicepUri, loadingBicep, 1, 'bicep');
  await client.diagnostics(bicepUri, 1);
  client.change(bicepUri, '// no policy resource any more\n', 2);
  // the open document's version: the workspace checks published the file on disk at start
  const d = await client.diagnostics(policyUri, 1);
  assert.ok(!d.diagnostics.some(x => x.code === 'policy-not-allowed-in-scope'), JSON.stringify(d.diagnostics));
});

test('a Bicep file created after start that loads a policy file: the watched-file change gives the open policy its scope', async () => {
  const policyPath = path.join(ws, 'later', 'policies', 'op.xml');
  fs.mkdirSync(path.dirname(policyPath), { recursive: true });
  fs.writeFileSync(policyPath, quotaPolicy);
  const policyUri = pathToFileURL(policyPath).href;
  client.open(policyUri, quotaPolicy, 1);
  const before = await client.diagnostics(policyUri, 1);
  assert.ok(!before.diagnostics.some(x => x.code === 'policy-not-allowed-in-scope'), 'no scope before any resource loads it');
  const bicepPath = path.join(ws, 'later', 'main.bicep');
  fs.writeFileSync(bicepPath, loadingBicep.replace('policies/get-order.xml', 'policies/op.xml'));
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(bicepPath).href, type: 1 }] });
  const after = await client.diagnostics(policyUri, 1);
  assert.ok(after.diagnostics.some(x => x.code === 'policy-not-allowed-in-scope'), JSON.stringify(after.diagnostics));
});

test('a client that registers dynamically gets the formatters for policy documents only, not for Bicep or JSON', async () => {
  const dynamic = await startClient(wsUri(), { formatting: { dynamicRegistration: true }, rangeFormatting: { dynamicRegistration: true } });
  try {
    assert.equal(dynamic.initializeResult.capabilities.documentFormattingProvider, false);
    assert.equal(dynamic.initializeResult.capabilities.documentRangeFormattingProvider, false);
    const until = Date.now() + 10_000;
    while (dynamic.registrations().length < 2 && Date.now() < until) await new Promise(resolve => setTimeout(resolve, 20));
    assert.deepEqual(dynamic.registrations().map(r => [r.method, r.registerOptions]).sort(), [
      ['textDocument/formatting', { documentSelector: [{ language: 'apim-policy' }] }],
      ['textDocument/rangeFormatting', { documentSelector: [{ language: 'apim-policy' }] }],
    ]);
  } finally {
    await dynamic.close();
  }
});

test('an ARM template opened as JSON: the error inside the escaped string at the same place the CLI reports it', async () => {
  const file = path.resolve(__dirname, '../../../examples/iac/arm/azuredeploy.json');
  const uri = `${wsUri()}/azuredeploy.json`;
  client.open(uri, fs.readFileSync(file, 'utf8'), 1, 'json');
  const d = await client.diagnostics(uri, 1);
  const errors = d.diagnostics.filter(x => x.severity === 1);
  assert.deepEqual(errors.map(x => [x.code, x.range.start.line + 1, x.range.start.character + 1]), [['unknown-element', 40, 210]]);
});

test('without Bicep or XML extensions: a .bicep file as plain text is checked, a loaded .xml file opened as xml is a policy, any other xml file is left alone', async () => {
  const bicepUri = `${wsUri()}/infra/plain.bicep`;
  const text = [
    "resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = { name: 'x' }",
    "resource p 'Microsoft.ApiManagement/service/policies@2023-05-01-preview' = {",
    '  parent: apim',
    "  name: 'policy'",
    "  properties: { format: 'rawxml', value: '<policies><inbound><set-headr /></inbound></policies>' }",
    '}',
  ].join('\n');
  client.open(bicepUri, text, 1, 'plaintext');
  const host = await client.diagnostics(bicepUri, 1);
  assert.deepEqual(host.diagnostics.filter(x => x.code === 'unknown-element').map(x => x.range.start.line), [4]);

  // a host of its own (the tests before this one edit main.bicep), loading a file opened as xml
  fs.writeFileSync(path.join(ws, 'infra', 'policies', 'plain-op.xml'), quotaPolicy);
  const loadingUri = `${wsUri()}/infra/plain-loading.bicep`;
  client.open(loadingUri, loadingBicep.replace('policies/get-order.xml', 'policies/plain-op.xml'), 1, 'plaintext');
  await client.diagnostics(loadingUri, 1);
  const loadedUri = `${wsUri()}/infra/policies/plain-op.xml`;
  client.open(loadedUri, quotaPolicy, 1, 'xml');
  const loaded = await client.diagnostics(loadedUri, 1);
  assert.ok(loaded.diagnostics.some(x => x.code === 'policy-not-allowed-in-scope'), JSON.stringify(loaded.diagnostics));

  const otherUri = `${wsUri()}/infra/pom.xml`;
  client.open(otherUri, '<project><modelVersion>4.0.0</modelVersion></project>', 1, 'xml');
  const other = await client.diagnostics(otherUri, 1);
  assert.deepEqual(other.diagnostics, []);
});
