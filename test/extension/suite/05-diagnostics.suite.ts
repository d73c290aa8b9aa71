import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeDiagnostic, policyWith, scratchDocument, waitForDiagnostics, workspaceRoot } from './helpers';

/**
 * The mistakes planted in examples/ (1-based lines, as the Problems panel shows them).
 * To be filled in together with the examples; the test is skipped while it is empty.
 */
const EXPECTED_EXAMPLE_PROBLEMS: { file: string; line: number; severity: 'Error' | 'Warning' | 'Information' | 'Hint'; code?: string }[] = [];

suite('diagnostics', () => {
  test('an unknown element is reported on its line, and cleared when fixed', async () => {
    const { doc } = await scratchDocument(
      'diagnostics/apis/orders/policy.xml',
      policyWith('    <set-hedaer name="x-trace" exists-action="override"><value>1</value></set-hedaer>'),
    );
    await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('<set-hedaer'));
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.range.start.line === line));
    const onLine = diags.filter((x) => x.range.start.line === line);
    assert.ok(
      onLine.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      `expected an error on line ${line + 1}; got ${JSON.stringify(diags.map(describeDiagnostic))}`,
    );

    const edit = new vscode.WorkspaceEdit();
    const text = doc.getText();
    for (let i = text.indexOf('set-hedaer'); i >= 0; i = text.indexOf('set-hedaer', i + 1)) {
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(i), doc.positionAt(i + 'set-hedaer'.length)), 'set-header');
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, (d) => !d.some((x) => x.range.start.line === line && x.severity === vscode.DiagnosticSeverity.Error));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the mistakes planted in examples/ are reported on the right lines', async function () {
    if (EXPECTED_EXAMPLE_PROBLEMS.length === 0) this.skip();
    for (const want of EXPECTED_EXAMPLE_PROBLEMS) {
      const uri = vscode.Uri.file(path.join(workspaceRoot().fsPath, want.file));
      await vscode.workspace.openTextDocument(uri);
      const diags = await waitForDiagnostics(uri, (d) =>
        d.some((x) => x.range.start.line === want.line - 1 && vscode.DiagnosticSeverity[x.severity] === want.severity
          && (!want.code || (typeof x.code === 'object' ? x.code.value : x.code) === want.code)));
      assert.ok(diags.length > 0);
    }
  });
});
