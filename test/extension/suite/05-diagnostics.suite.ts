import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeDiagnostic, policyWith, scratchDocument, waitForDiagnostics, workspaceFiles, workspaceRoot } from './helpers';

/**
 * The mistakes planted in examples/ (see examples/README.md), 1-based lines as the Problems panel
 * shows them, with the rule code. Every other policy in examples/ must stay free of errors and warnings.
 */
const EXPECTED_EXAMPLE_PROBLEMS: { file: string; line: number; severity: 'Error' | 'Warning' | 'Information' | 'Hint'; code: string }[] = [
  { file: 'apis/approvals/operations/approve/policy.xml', line: 4, severity: 'Error', code: 'flow-caller' },
  { file: 'apis/audit/policy.xml', line: 6, severity: 'Warning', code: 'flow-token-not-sent' },
  { file: 'apis/invoice-sync/policy.xml', line: 6, severity: 'Error', code: 'flow-policy-issuer' },
  { file: 'apis/invoice-sync/policy.xml', line: 6, severity: 'Error', code: 'flow-policies' },
  { file: 'apis/invoices/policy.xml', line: 4, severity: 'Error', code: 'invalid-value' },
  { file: 'apis/invoices/policy.xml', line: 7, severity: 'Error', code: 'forward-request-outside-backend' },
  { file: 'apis/invoices/policy.xml', line: 8, severity: 'Error', code: 'missing-required-child' },
  { file: 'apis/invoices/policy.xml', line: 11, severity: 'Warning', code: 'unknown-named-value' },
  { file: 'apis/invoices/policy.xml', line: 19, severity: 'Error', code: 'fragment-policy-not-allowed' },
  { file: 'apis/legacy-intake/policy.xml', line: 5, severity: 'Error', code: 'flow-sas-and-bearer' },
  { file: 'apis/notify/policy.xml', line: 6, severity: 'Error', code: 'flow-audience' },
  { file: 'apis/orders/operations/get-order/policy.xml', line: 5, severity: 'Error', code: 'unknown-element' },
  { file: 'apis/orders/operations/get-order/policy.xml', line: 14, severity: 'Warning', code: 'policy-section-undocumented' },
  { file: 'apis/orders/operations/get-order/policy.xml', line: 14, severity: 'Error', code: 'expression-not-allowed' },
  { file: 'apis/reports/policy.xml', line: 6, severity: 'Error', code: 'flow-audience' },
  { file: 'apis/status/policy.xml', line: 5, severity: 'Error', code: 'flow-authorization-required' },
  { file: 'no-config/apis/timesheets/policy.xml', line: 6, severity: 'Error', code: 'flow-audience' },
  { file: 'policy fragments/trace-caller/policy.xml', line: 2, severity: 'Error', code: 'base-in-fragment' },
];

const codeOf = (d: vscode.Diagnostic): string | number | undefined => (typeof d.code === 'object' ? d.code.value : d.code);

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

  test('the mistakes of files never opened are listed too (the workspace is checked in the background)', async () => {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const unopened = EXPECTED_EXAMPLE_PROBLEMS.filter((p) => !open.has(vscode.Uri.file(path.join(workspaceRoot().fsPath, p.file)).toString()));
    assert.ok(unopened.length > 0, 'every example with a mistake is open already: nothing to check');
    for (const want of unopened) {
      const uri = vscode.Uri.file(path.join(workspaceRoot().fsPath, want.file));
      await waitForDiagnostics(uri, (d) => d.some((x) => x.range.start.line === want.line - 1
        && vscode.DiagnosticSeverity[x.severity] === want.severity && codeOf(x) === want.code));
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${want.file} was opened`);
    }
  });

  test('the mistakes planted in examples/ are reported on the right lines', async () => {
    for (const want of EXPECTED_EXAMPLE_PROBLEMS) {
      const uri = vscode.Uri.file(path.join(workspaceRoot().fsPath, want.file));
      await vscode.workspace.openTextDocument(uri);
      await waitForDiagnostics(uri, (d) => d.some((x) => x.range.start.line === want.line - 1
        && vscode.DiagnosticSeverity[x.severity] === want.severity && codeOf(x) === want.code));
    }
  });

  test('the other policies in examples/ have no errors or warnings', async () => {
    const bad = new Set(EXPECTED_EXAMPLE_PROBLEMS.map((p) => vscode.Uri.file(path.join(workspaceRoot().fsPath, p.file)).toString()));
    const valid = (await workspaceFiles('**/policy.xml')).filter((u) => !bad.has(u.toString()));
    const docs = [];
    for (const uri of valid) docs.push(await vscode.workspace.openTextDocument(uri));
    // A clean file publishes nothing to wait for: open a known-bad file after them and wait for
    // its diagnostics; the server has then handled the files opened before it.
    const probe = vscode.Uri.file(path.join(workspaceRoot().fsPath, EXPECTED_EXAMPLE_PROBLEMS[0].file));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(probe));
    await waitForDiagnostics(probe, (d) => d.length > 0);
    const noisy = docs
      .filter((d) => d.languageId === 'apim-policy')
      .flatMap((d) => vscode.languages.getDiagnostics(d.uri)
        .filter((x) => x.severity <= vscode.DiagnosticSeverity.Warning)
        .map((x) => `${path.relative(workspaceRoot().fsPath, d.uri.fsPath)}:${describeDiagnostic(x)}`));
    assert.deepEqual(noisy, []);
  });
});
