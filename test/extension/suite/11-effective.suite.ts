import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LANGUAGE_ID, until, workspaceRoot } from './helpers';

function exampleUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot().fsPath, rel));
}

const OPERATION = 'apis/orders/operations/create-order/policy.xml';

suite('effective policy', () => {
  test('a CodeLens on <policies> of an operation names global → API → operation', async () => {
    const uri = exampleUri(OPERATION);
    await vscode.workspace.openTextDocument(uri);
    const lenses = await until(
      'the effective-policy CodeLens',
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri),
      (l) => !!l?.some((x) => x.command?.command === 'apimPolicy.showEffectivePolicy'),
    );
    const lens = lenses.find((x) => x.command?.command === 'apimPolicy.showEffectivePolicy')!;
    assert.equal(lens.command!.title, 'Effective policy: global → API → operation');
    assert.equal(lens.range.start.line, 0, 'on the <policies> line');
  });

  test('the command opens the composed policy read-only, in APIM order, and go to definition jumps to the source', async () => {
    const uri = exampleUri(OPERATION);
    const editor = await until(
      'the effective policy editor',
      () => vscode.commands.executeCommand<vscode.TextEditor | undefined>('apimPolicy.showEffectivePolicy', uri.toString()),
      (e) => !!e,
    );
    const doc = editor!.document;
    assert.equal(doc.uri.scheme, 'apim-effective');
    assert.equal(doc.languageId, LANGUAGE_ID);
    const text = doc.getText();
    const at = (s: string) => {
      const i = text.indexOf(s);
      assert.ok(i >= 0, `${s} is in the effective policy:\n${text}`);
      return i;
    };
    // inbound: the global policy's header, then the API's backend and identity, then the operation's choose
    const order = [at('<!-- from: global (policy.xml) -->'), at('name="X-Request-Id"'), at('<!-- from: api (apis/orders/policy.xml) -->'),
      at('<set-backend-service backend-id="orders-flow" />'), at('<!-- from: operation (apis/orders/operations/create-order/policy.xml) -->'), at('<choose>')];
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'global → API → operation');
    assert.ok(at('<!-- from: fragment remove-caller-auth') > at('<choose>'), 'the fragment is pasted where the operation includes it');

    // a virtual document (read-only: no file behind it)
    assert.ok(!doc.isUntitled);

    const inside = doc.positionAt(at('<set-backend-service backend-id="orders-flow" />') + 5);
    const locations = await until(
      'a definition for the set-backend-service of the API',
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, inside),
      (l) => !!l?.length,
    );
    const loc = locations[0] as vscode.Location;
    assert.ok(loc.uri.path.endsWith('/apis/orders/policy.xml'), loc.uri.toString());
    const source = await vscode.workspace.openTextDocument(loc.uri);
    assert.equal(source.getText(new vscode.Range(loc.range.start, loc.range.start.translate(0, 15))), 'backend-service');
  });
});
