import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, getExtension, until, workspaceFiles } from './helpers';

suite('activation', () => {
  test(`${extensionId} is installed`, () => {
    getExtension();
  });

  test('activates for a policy.xml in the APIOps tree', async () => {
    const [policy] = await workspaceFiles('apis/*/policy.xml');
    assert.ok(policy, 'examples/ needs at least one apis/<api>/policy.xml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(policy));
    const ext = getExtension();
    await until('the extension to be active', () => ext.isActive, (active) => active === true);
  });
});
