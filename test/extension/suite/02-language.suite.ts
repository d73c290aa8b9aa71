import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LANGUAGE_ID, scratchDocument, until, workspaceFiles, workspaceRoot } from './helpers';

suite('language id', () => {
  test('apis/<api>/policy.xml is apim-policy', async () => {
    const files = await workspaceFiles('apis/*/policy.xml');
    assert.ok(files.length > 0, 'examples/ needs apis/<api>/policy.xml files');
    for (const uri of files) {
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, LANGUAGE_ID, path.relative(workspaceRoot().fsPath, uri.fsPath));
    }
  });

  test('operation, product and fragment policies are apim-policy', async function () {
    const files = [
      ...(await workspaceFiles('apis/*/operations/*/policy.xml')),
      ...(await workspaceFiles('products/*/policy.xml')),
      ...(await workspaceFiles('policy fragments/*/policy.xml')),
    ];
    if (files.length === 0) this.skip();
    for (const uri of files) {
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, LANGUAGE_ID, path.relative(workspaceRoot().fsPath, uri.fsPath));
    }
  });

  test('the global policy.xml is apim-policy', async function () {
    const [global] = await workspaceFiles('policy.xml');
    if (!global) this.skip();
    await vscode.workspace.openTextDocument(global);
    // The name alone says nothing: the extension looks at the root element and switches the
    // language, which VS Code applies by reopening the document.
    await until(
      'the global policy.xml to become apim-policy',
      () => vscode.workspace.textDocuments.find(d => d.uri.toString() === global.toString())?.languageId,
      id => id === LANGUAGE_ID,
    );
  });

  test('*.policy.xml anywhere is apim-policy', async () => {
    const { doc } = await scratchDocument('elsewhere/echo.policy.xml', '<policies>\n  <inbound />\n</policies>\n');
    assert.equal(doc.languageId, LANGUAGE_ID);
  });

  test('an unrelated XML file stays xml', async () => {
    const { doc } = await scratchDocument('misc/unrelated.xml', '<?xml version="1.0"?>\n<project>\n  <name>not a policy</name>\n</project>\n');
    assert.equal(doc.languageId, 'xml');
  });
});
