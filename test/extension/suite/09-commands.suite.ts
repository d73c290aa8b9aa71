import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionsAt, manifest, policyWith, removeScratch, scratchDocument } from './helpers';

// Runs last: it restarts the language server.
suite('commands', () => {
  const contributed = manifest.contributes?.commands ?? [];

  test('the manifest contributes commands', () => {
    assert.ok(contributed.length > 0);
  });

  for (const { command, title, category } of contributed) {
    test(`${category ? category + ': ' : ''}${title} (${command}) runs without throwing`, async () => {
      const all = await vscode.commands.getCommands(true);
      assert.ok(all.includes(command), `${command} is not registered`);
      await vscode.commands.executeCommand(command);
    });
  }

  test('completion works again after the server restarts', async function () {
    if (!contributed.some((c) => c.command === 'apimPolicy.restartServer')) this.skip();
    await vscode.commands.executeCommand('apimPolicy.restartServer');
    const { doc, cursor } = await scratchDocument('restart/apis/orders/policy.xml', policyWith('    <auth|'));
    await completionsAt(doc, cursor!, (labels) => labels.includes('authentication-managed-identity'), 'completions after restart');
  });

  suiteTeardown(() => removeScratch());
});
