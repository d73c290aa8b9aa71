import * as assert from 'node:assert/strict';
import { completionLabels, completionsAt, policyWith, scratchDocument } from './helpers';
import * as vscode from 'vscode';

suite('completion', () => {
  test('<auth inside <inbound> offers authentication-managed-identity', async () => {
    const { doc, cursor } = await scratchDocument('completion/apis/orders/policy.xml', policyWith('    <auth|'));
    const list = await completionsAt(doc, cursor!, (labels) => labels.length > 0, 'completions inside <inbound>');
    assert.ok(
      completionLabels(list).includes('authentication-managed-identity'),
      `got: ${completionLabels(list).join(', ')}`,
    );
  });

  test('<auth inside <outbound> does not offer authentication-managed-identity', async () => {
    // First make sure the server answers at all (a positive control in the same document).
    const { doc, cursor } = await scratchDocument('completion-out/apis/orders/policy.xml', policyWith('    <|', '    <auth'));
    await completionsAt(doc, cursor!, (labels) => labels.includes('authentication-managed-identity'), 'completions inside <inbound>');
    const outbound = doc.positionAt(doc.getText().indexOf('<auth') + '<auth'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, outbound);
    assert.ok(!completionLabels(list).includes('authentication-managed-identity'), `got: ${completionLabels(list).join(', ')}`);
  });

  // Issue 15: VS Code's own snippet provider offered every contributed snippet everywhere; the
  // server now offers them only where they fit.
  test('inside a start tag: attribute names, and no snippet', async () => {
    const { doc, cursor } = await scratchDocument('completion-tag/apis/orders/policy.xml', policyWith('    <set-header | />'));
    const list = await completionsAt(doc, cursor!, (labels) => labels.includes('exists-action'), 'attribute names of set-header');
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    assert.deepEqual(snippets.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)), []);
  });

  test('an empty policy file: the whole-document snippets come first', async () => {
    const { doc, cursor } = await scratchDocument('completion-empty/apis/orders/policy.xml', '|');
    const list = await completionsAt(doc, cursor!, (labels) => labels.includes('apim-policies'), 'the whole-document snippets');
    const key = (i: vscode.CompletionItem) => i.sortText ?? (typeof i.label === 'string' ? i.label : i.label.label);
    const sorted = list.items.slice().sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const labels = completionLabels({ items: sorted } as vscode.CompletionList);
    assert.equal(labels[0], 'apim-policies', labels.join(', '));
    assert.deepEqual(labels.slice(0, 4).sort(), ['apim-fragment', 'apim-policies', 'apim-policies-cache', 'apim-policies-power-automate'], labels.join(', '));
    assert.ok(sorted.slice(0, 4).every((i) => i.kind === vscode.CompletionItemKind.Snippet));
    // each snippet once: no second copy from a contributed snippet file
    assert.equal(labels.filter((l) => l === 'apim-policies').length, 1);
  });
});
