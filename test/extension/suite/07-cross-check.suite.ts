import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeDiagnostic, until, waitForDiagnostics, workspaceRoot } from './helpers';

const codeOf = (d: vscode.Diagnostic): string | number | undefined => (typeof d.code === 'object' ? d.code.value : d.code);

function exampleUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot().fsPath, rel));
}

suite('cross-check', () => {
  test('a resource without the trailing slash is an error on the attribute, naming MisMatchingOAuthClaims', async () => {
    const uri = exampleUri('apis/reports/policy.xml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'flow-audience'));
    const d = diags.find((x) => codeOf(x) === 'flow-audience')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error, describeDiagnostic(d));
    assert.equal(doc.getText(d.range), 'https://service.flow.microsoft.com');
    assert.match(d.message, /MisMatchingOAuthClaims/);
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.path.endsWith('/apim-flows.json')), 'related information points at apim-flows.json');
  });

  test('the quick fix rewrites the resource to the audience the flow accepts', async () => {
    const uri = exampleUri('apis/reports/policy.xml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'flow-audience'));
    const d = diags.find((x) => codeOf(x) === 'flow-audience')!;
    const actions = await until(
      'the quick fix for flow-audience',
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value),
      (list) => !!list?.some((a) => /Request a token for/.test(a.title)),
    );
    const fix = actions.find((a) => /Request a token for/.test(a.title))!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.getText(), /resource="https:\/\/service\.flow\.microsoft\.com\/"/);
    await waitForDiagnostics(uri, (x) => !x.some((y) => codeOf(y) === 'flow-audience'));
    // leave the example as it was
    await editor.edit((b) => b.replace(d.range, 'https://service.flow.microsoft.com'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the CodeLens above the managed identity names the flow and the verdict', async () => {
    const uri = exampleUri('apis/orders/policy.xml');
    await vscode.workspace.openTextDocument(uri);
    const lenses = await until(
      'a CodeLens with a verdict',
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri),
      (l) => !!l?.some((x) => /order-intake/.test(x.command?.title ?? '')),
    );
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /^order-intake \(Power Automate, tenant\): accepted$/.test(t)), titles.join(' | '));
  });

  test('apim-flows.json is JSON with comments and its schema offers the flow types', async () => {
    const uri = exampleUri('apim-flows.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'jsonc');
    const at = doc.positionAt(doc.getText().indexOf('"powerAutomate"') + 1);
    const list = await until(
      'schema completions for a flow type',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at),
      (l) => !!l?.items.some((i) => /logicAppStandard/.test(typeof i.label === 'string' ? i.label : i.label.label)),
    );
    assert.ok(list.items.length > 0);
  });
});
