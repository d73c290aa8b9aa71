import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionsAt, manifest, policyWith, removeScratch, scratchDocument } from './helpers';

/** A token for the commands that need one (unsigned: a test value, never a real token). */
const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const TEST_TOKEN = `${enc({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${enc({ aud: 'https://service.flow.microsoft.com/', iss: 'https://sts.windows.net/d7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f/', tid: 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f', ver: '1.0', exp: 4102444800 })}.c2ln`;

/** Arguments for commands that would otherwise ask the user. */
const ARGS: Record<string, unknown[]> = {
  'apimPolicy.decodeToken': [TEST_TOKEN],
  'apimPolicy.simulateFlowTrigger': ['order-intake', TEST_TOKEN],
  // a proposal only: the fixture workspace is never written
  'apimPolicy.createFlowsConfig': [{ dryRun: true }],
  // by name: no pick list to wait on (a name that fits nowhere only tells so)
  'apimPolicy.insertSnippet': [{ name: 'apim-no-such-snippet' }],
};

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
      await vscode.commands.executeCommand(command, ...(ARGS[command] ?? []));
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
