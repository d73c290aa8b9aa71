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
});
