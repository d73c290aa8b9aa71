/**
 * Completion and hover inside a policy held inline by a Bicep, ARM or Terraform file: `|` marks
 * the cursor in the host text; the item's edit is applied to the host text and the whole result
 * compared, so the escaping of inserted text for the host string is what is tested.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { findIacLoads, getLanguageService } from '../../server/src/languageService/languageService';
import { escapeFor, snippetText } from '../../server/src/languageService/services/iacEmbedded';

const service = getLanguageService();
const URIS = { bicep: 'file:///ws/main.bicep', arm: 'file:///ws/azuredeploy.json', terraform: 'file:///ws/main.tf' };
type Kind = keyof typeof URIS;

function at(kind: Kind, marked: string): { document: TextDocument; position: ReturnType<TextDocument['positionAt']> } {
  const offset = marked.indexOf('|');
  const text = marked.substring(0, offset) + marked.substring(offset + 1);
  const document = TextDocument.create(URIS[kind], kind === 'arm' ? 'json' : kind, 1, text);
  return { document, position: document.positionAt(offset) };
}

function complete(kind: Kind, marked: string): { list: CompletionList | null; document: TextDocument } {
  const { document, position } = at(kind, marked);
  return { list: service.doCompleteInHost(document, position), document };
}

/** The host text after applying the item's edit. */
function apply(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return TextDocument.applyEdits(document, [edit, ...(item.additionalTextEdits ?? [])]);
}

function item(list: CompletionList | null, label: string): CompletionItem {
  const found = list?.items.find(i => i.label === label);
  assert.ok(found, `no item '${label}' in ${list?.items.map(i => i.label).join(', ')}`);
  return found;
}

const bicep = (value: string) => [
  "resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01' = {",
  "  name: 'policy'",
  `  properties: { format: 'rawxml', value: ${value} }`,
  '}',
].join('\n');

test('bicep: an enum value inside the inline policy string is completed in place', () => {
  const { list, document } = complete('bicep', bicep(`'<policies><inbound><set-header name="x" exists-action="|" /></inbound></policies>'`));
  assert.equal(apply(document, item(list, 'override')), bicep(`'<policies><inbound><set-header name="x" exists-action="override" /></inbound></policies>'`));
});

test('bicep: a policy element is inserted as plain text (no snippet syntax) at the cursor', () => {
  const { list, document } = complete('bicep', bicep(`'<policies><inbound><base /><|</inbound></policies>'`));
  const result = apply(document, item(list, 'rate-limit'));
  // the snippet's line breaks are left out of a one-line string
  assert.match(result, /value: '<policies><inbound><base \/><rate-limit calls="" renewal-period=""><\/rate-limit><\/inbound>/);
  assert.ok(!/\$\{?\d/.test(result), result);
});

test("bicep: inserted text is escaped for the string: ' as \\', ${ as \\${; a ''' string takes it as it is", () => {
  assert.equal(escapeFor('bicep', `a'b\${c}\\`), "a\\'b\\${c}\\\\");
  assert.equal(escapeFor('bicep-verbatim', `a'b\${c}`), `a'b\${c}`);
  assert.equal(escapeFor('json', 'a"b\\c\nd'), 'a\\"b\\\\c\\nd');
  assert.equal(escapeFor('json-arm', `a'"`), `a''\\"`);
  assert.equal(escapeFor('terraform', 'a"${b}%{c}'), 'a\\"$${b}%%{c}');
  assert.equal(escapeFor('terraform-heredoc', 'a"${b}'), 'a"$${b}');
  assert.equal(snippetText('<rate-limit calls="${1:10}" renewal-period="$2" />$0'), '<rate-limit calls="10" renewal-period="" />');
  assert.equal(snippetText('${1|true,false|} \\$x \\} }'), 'true $x } }');
});

test("bicep: in a ''' string the attributes go in as written", () => {
  const { list, document } = complete('bicep', bicep(`'''\n<policies>\n  <inbound>\n    <set-header |/>\n  </inbound>\n</policies>\n'''`));
  assert.equal(apply(document, item(list, 'name')), bicep(`'''\n<policies>\n  <inbound>\n    <set-header name="" />\n  </inbound>\n</policies>\n'''`));
});

test('bicep: a backend-id is completed with the backends the file defines', () => {
  const backend = [
    "resource b 'Microsoft.ApiManagement/service/backends@2023-05-01' = {",
    "  name: 'billing'",
    "  properties: { url: 'https://billing.example.com/api', protocol: 'http' }",
    '}',
  ].join('\n');
  const { list } = complete('bicep', `${backend}\n${bicep(`'<policies><inbound><set-backend-service backend-id="|" /></inbound></policies>'`)}`);
  assert.equal(item(list, 'billing').detail, 'https://billing.example.com/api');
});

test('bicep: outside the policy string nothing answers, so the Bicep extension does', () => {
  assert.equal(complete('bicep', bicep(`'<policies />'`).replace("name: 'policy'", "name: 'pol|icy'")).list, null);
  assert.equal(complete('bicep', `|${bicep(`'<policies />'`)}`).list, null);
  const { document, position } = at('bicep', `param x string = 'y'|`);
  assert.equal(service.doHoverInHost(document, position), null);
});

test('bicep: hover on a policy inside the string, with its range in the host file', () => {
  const { document, position } = at('bicep', bicep(`'<policies><inbound><rate-li|mit calls="5" renewal-period="60" /></inbound></policies>'`));
  const hover = service.doHoverInHost(document, position) as Hover;
  assert.ok(hover);
  assert.match((hover.contents as MarkupContent).value, /rate-limit/);
  assert.equal(document.getText(hover.range!), 'rate-limit');
});

const arm = (value: string) => [
  '{',
  '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
  '  "resources": [{',
  '    "type": "Microsoft.ApiManagement/service/apis/policies", "apiVersion": "2023-05-01", "name": "apim/api/policy",',
  `    "properties": { "format": "rawxml", "value": "${value}" }`,
  '  }]',
  '}',
].join('\n');

test('arm: an attribute inserted into the escaped JSON string has its quotes escaped', () => {
  const { list, document } = complete('arm', arm('<policies><inbound><set-header |/></inbound></policies>'));
  assert.equal(apply(document, item(list, 'name')), arm('<policies><inbound><set-header name=\\"\\" /></inbound></policies>'));
});

test('arm: after escapes the cursor maps to the right place: an enum value between \\" and \\"', () => {
  const { list, document } = complete('arm', arm('<policies><inbound><set-header name=\\"x\\" exists-action=\\"|\\" /></inbound></policies>'));
  assert.equal(apply(document, item(list, 'skip')), arm('<policies><inbound><set-header name=\\"x\\" exists-action=\\"skip\\" /></inbound></policies>'));
});

test('arm: hover past \\u003c escapes has its range on the escaped element name', () => {
  const { document, position } = at('arm', arm('\\u003cpolicies>\\u003cinbound>\\u003cset-hea|der name=\\"x\\" exists-action=\\"override\\">\\u003cvalue>1\\u003c/value>\\u003c/set-header>\\u003c/inbound>\\u003c/policies>'));
  const hover = service.doHoverInHost(document, position) as Hover;
  assert.ok(hover);
  assert.equal(document.getText(hover.range!), 'set-header');
});

test('terraform: completion in a heredoc inserts text as is; in a quoted string quotes are escaped', () => {
  const heredoc = (inner: string) => `resource "azurerm_api_management_api_policy" "p" {\n  xml_content = <<XML\n${inner}\nXML\n}`;
  const h = complete('terraform', heredoc('<policies><inbound><set-header |/></inbound></policies>'));
  assert.equal(apply(h.document, item(h.list, 'name')), heredoc('<policies><inbound><set-header name="" /></inbound></policies>'));
  const quoted = (inner: string) => `resource "azurerm_api_management_api_policy" "p" {\n  xml_content = "${inner}"\n}`;
  const q = complete('terraform', quoted('<policies><inbound><set-header |/></inbound></policies>'));
  assert.equal(apply(q.document, item(q.list, 'name')), quoted('<policies><inbound><set-header name=\\"\\" /></inbound></policies>'));
});

const BACKEND = [
  "resource b 'Microsoft.ApiManagement/service/backends@2023-05-01' = {",
  "  name: 'billing'",
  "  properties: { url: 'https://billing.example.com/api', protocol: 'http' }",
  '}',
].join('\n');

test('bicep: hover and go to definition on a backend-id lead to the backend the file defines', () => {
  const { document, position } = at('bicep', `${BACKEND}\n${bicep(`'<policies><inbound><set-backend-service backend-id="bil|ling" /></inbound></policies>'`)}`);
  const hover = service.doHoverInHost(document, position) as Hover;
  assert.match((hover.contents as MarkupContent).value, /billing\.example\.com/);
  assert.equal(document.getText(hover.range!), 'billing');
  const [location] = service.findDefinitionInHost(document, position);
  assert.equal(location.uri, URIS.bicep);
  assert.equal(document.getText(location.range), "'https://billing.example.com/api'");
});

test('a policy file loaded by Bicep: completion, hover and definition know the backends of the file that loads it', () => {
  const host = `${BACKEND}\n${bicep("loadTextContent('policy.xml')")}`;
  const [load] = findIacLoads(URIS.bicep, host);
  const marked = '<policies><inbound><set-backend-service backend-id="|" /></inbound></policies>';
  const policy = TextDocument.create(load.uri, 'xml', 1, marked.replace('|', ''));
  const position = policy.positionAt(marked.indexOf('|'));
  assert.ok(service.doComplete(policy, position, undefined, load).items.some(i => i.label === 'billing'));
  assert.ok(!service.doComplete(policy, position).items.some(i => i.label === 'billing'), 'without the load the file knows no backend');
  const named = TextDocument.create(load.uri, 'xml', 1, marked.replace('|', 'billing'));
  assert.match(JSON.stringify(service.doHover(named, position, undefined, load)?.contents), /billing\.example\.com/);
  assert.equal(service.findDefinition(named, position, undefined, load)[0]?.uri, URIS.bicep);
});
