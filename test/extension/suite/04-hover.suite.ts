import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, policyWith, scratchDocument, until } from './helpers';

suite('hover', () => {
  test('hovering a policy element shows its documentation', async () => {
    const { doc, cursor } = await scratchDocument(
      'hover/apis/orders/policy.xml',
      policyWith('    <authentication-|managed-identity resource="https://service.flow.microsoft.com/" />'),
    );
    const hovers = await until(
      'a hover on <authentication-managed-identity>',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, cursor!),
      (h) => hoverText(h).trim().length > 0,
    );
    const text = hoverText(hovers);
    assert.match(text, /managed identity/i, text);
  });
});
