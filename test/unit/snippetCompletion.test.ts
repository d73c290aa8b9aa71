/**
 * The snippets of snippets/apim-policy.code-snippets come from the server's completion, only where
 * they fit: never among the attribute names of a start tag, whole documents first in an empty file,
 * a section's policies in that section's content.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { getLanguageService, type SnippetFile } from '../../server/src/languageService/languageService';
import { previewSnippet } from '../../server/src/languageService/services/policySnippets';
import { withCursor } from '../util/service';

const repo = path.resolve(__dirname, '../../..');
const snippets = JSON.parse(fs.readFileSync(path.join(repo, 'snippets/apim-policy.code-snippets'), 'utf8')) as SnippetFile;
const service = getLanguageService({ snippets });

function complete(textWithCursor: string, uri = 'file:///ws/apis/orders/policy.xml'): CompletionItem[] {
  const { text, offset } = withCursor(textWithCursor);
  const document = TextDocument.create(uri, 'apim-policy', 1, text);
  return service.doComplete(document, document.positionAt(offset)).items;
}

/** In the order a client shows them: by sortText, code unit by code unit (VS Code's order). */
const ordered = (items: CompletionItem[]) => items.slice().sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : (a.sortText ?? a.label) > (b.sortText ?? b.label) ? 1 : 0));
const isSnippet = (i: CompletionItem) => i.kind === CompletionItemKind.Snippet && i.label.startsWith('apim-');

test('no snippet among the attribute completions of a start tag', () => {
  for (const text of [
    '<policies><inbound><base /><set-header | /></inbound></policies>',
    '<policies><inbound><base /><set-header |</inbound></policies>',
    '<policies><inbound><base /><set-header name="x" ap|></set-header></inbound></policies>',
  ]) {
    const items = complete(text);
    assert.ok(items.length > 0, `attribute names are offered: ${text}`);
    assert.deepEqual(items.filter(isSnippet).map(i => i.label), [], text);
  }
  // nor among element names after `<`, nor in an attribute value, nor in a body
  assert.deepEqual(complete('<policies><inbound><|</inbound></policies>').filter(isSnippet), []);
  assert.deepEqual(complete('<policies><inbound><set-header name="|" /></inbound></policies>').filter(isSnippet), []);
  assert.deepEqual(complete('<policies><inbound><set-body>apim-|</set-body></inbound></policies>').filter(isSnippet), []);
  assert.deepEqual(complete('<policies>\n  apim-|\n</policies>').filter(isSnippet), [], 'not between sections');
});

test('an empty file offers the whole-document snippets first, the policy document selected', () => {
  for (const text of ['|', '\n  |\n', 'apim-|', 'pol|']) {
    const items = ordered(complete(text));
    const documents = items.filter(isSnippet);
    assert.deepEqual(documents.map(i => i.label).sort(), ['apim-fragment', 'apim-policies', 'apim-policies-cache', 'apim-policies-power-automate'], JSON.stringify(text));
    assert.deepEqual(items.slice(0, documents.length), documents, `the snippets come first: ${items.map(i => i.label).join(', ')}`);
    assert.equal(items[0].label, 'apim-policies');
    assert.equal(items[0].preselect, true);
    assert.equal(items[0].insertTextFormat, InsertTextFormat.Snippet);
    assert.match(items[0].textEdit && 'newText' in items[0].textEdit ? items[0].textEdit.newText : '', /^<policies>\n\t<inbound>\n\t\t<base \/>/);
    assert.ok(items.some(i => i.label === '<policies>'), 'the skeletons are still there, after the snippets');
  }
  // in a fragment file the fragment comes first
  assert.equal(ordered(complete('|', 'file:///ws/policy%20fragments/f/policy.xml'))[0].label, 'apim-fragment');
});

test('policy snippets in a section\'s content, only those whose policies the section allows', () => {
  const inbound = complete('<policies>\n<inbound>\n  <base />\n  apim-|\n</inbound>\n</policies>').filter(isSnippet).map(i => i.label);
  assert.ok(inbound.includes('apim-flow-managed-identity'), inbound.join());
  assert.ok(inbound.includes('apim-validate-jwt-entra'));
  assert.ok(!inbound.includes('apim-policies'), 'no whole document inside a section');
  assert.ok(!inbound.includes('apim-forward-request'), 'forward-request is for <backend>');
  const outbound = complete('<policies>\n<outbound>\n  |\n</outbound>\n</policies>').filter(isSnippet).map(i => i.label);
  assert.ok(outbound.includes('apim-set-header'));
  assert.ok(!outbound.includes('apim-flow-managed-identity'), 'authentication-managed-identity is an <inbound> policy');
  const backend = complete('<policies>\n<backend>\n  |\n</backend>\n</policies>').filter(isSnippet).map(i => i.label);
  assert.ok(backend.includes('apim-forward-request'));
  // inside a policy that holds policies: the section of that policy
  const inWhen = complete('<policies>\n<outbound>\n<choose><when condition="@(true)">\n  |\n</when></choose>\n</outbound>\n</policies>').filter(isSnippet).map(i => i.label);
  assert.deepEqual(inWhen, outbound);
  // a fragment has no section: every policy snippet
  assert.ok(complete('<fragment>\n  |\n</fragment>', 'file:///ws/policy%20fragments/f/policy.xml').filter(isSnippet).length >= inbound.length);
});

test('a snippet item reads as the snippet: prefix, name, the description and the expansion', () => {
  const item = complete('<policies>\n<inbound>\n  apim-flow-managed|\n</inbound>\n</policies>').find(i => i.label === 'apim-flow-managed-identity')!;
  assert.equal(item.detail, 'Power Automate flow with managed identity');
  assert.equal(item.filterText, 'apim-flow-managed-identity');
  assert.deepEqual(item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined, { start: { line: 2, character: 2 }, end: { line: 2, character: 19 } }, 'replaces the prefix typed');
  const doc = typeof item.documentation === 'object' ? item.documentation.value : '';
  assert.match(doc, /resource="https:\/\/service\.flow\.microsoft\.com\/"/);
});

test('previewSnippet: defaults, first choices, no tab stops or variables, escapes', () => {
  assert.equal(previewSnippet('a $1 ${2} ${3:x} ${4|p,q|} $0'), 'a   x p ');
  assert.equal(previewSnippet('${1:outer ${2:inner}}'), 'outer inner');
  assert.equal(previewSnippet('\\$"{x}" ${1:{{nv\\}\\}} \\\\'), '$"{x}" {{nv}} \\');
  assert.equal(previewSnippet('${1|a\\,b,c|}'), 'a,b');
  assert.equal(previewSnippet('<x>${TM_SELECTED_TEXT}$TM_FILENAME_BASE</x>'), '<x></x>');
  assert.equal(previewSnippet('cost $ 5 $"{a}"'), 'cost $ 5 $"{a}"');
});
