import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { until, waitForDiagnostics, workspaceRoot } from './helpers';

interface Outcome {
  configUri: string;
  exists: boolean;
  flows: string[];
  applied: boolean;
}

/** The two flows examples/no-config/ calls, which examples/apim-flows.json does not describe. */
const NO_CONFIG_WORKFLOWS = ['5b2c3d4e5f60718293a4b5c6d7e8f901', '8e7d6c5b4a3928170f1e2d3c4b5a6978'];

suite('create apim-flows.json', () => {
  test('APIM: Create apim-flows.json keeps the existing file and adds the flows it lacks, unsaved, into the open editor', async () => {
    const root = workspaceRoot();
    const config = vscode.Uri.joinPath(root, 'apim-flows.json');
    const before = fs.readFileSync(config.fsPath, 'utf8');

    // the server answers once it has indexed the workspace
    const dry = await until('a proposal naming the no-config flows',
      () => vscode.commands.executeCommand<Outcome>('apimPolicy.createFlowsConfig', { folder: root, dryRun: true }),
      (r) => !!r && r.flows.length >= 2);
    assert.equal(vscode.Uri.parse(dry.configUri).fsPath, config.fsPath);
    assert.equal(dry.exists, true);
    assert.equal(dry.applied, false);

    const r = await vscode.commands.executeCommand<Outcome>('apimPolicy.createFlowsConfig', { folder: root, add: true });
    assert.ok(r?.applied, 'the edit was applied');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === config.fsPath);
    assert.ok(doc, 'apim-flows.json is open');
    try {
      assert.ok(doc.isDirty, 'the additions are left unsaved for review');
      const text = doc.getText();
      for (const id of NO_CONFIG_WORKFLOWS) assert.ok(text.includes(`/workflows/${id}/triggers/`), `the flow ${id} is added`);
      assert.ok(text.includes(before.trimEnd().split('\n').slice(0, 8).join('\n')), 'the existing entries are kept as written');
      assert.equal(fs.readFileSync(config.fsPath, 'utf8'), before, 'nothing is written to disk');
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, config.fsPath, 'the result is shown');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.equal(fs.readFileSync(config.fsPath, 'utf8'), before);
  });
});

suite('caller IDs where they can be fixed', () => {
  test('the flow export that allows the client ID has the error at that value, with the quick fix to the principal ID', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'flows', 'order-approval', 'definition.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => (typeof x.code === 'object' ? x.code.value : x.code) === 'flows-caller-client-id'));
    const d = diags.find((x) => (typeof x.code === 'object' ? x.code.value : x.code) === 'flows-caller-client-id')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(d.range), '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d');
    const actions = await until('the quick fix', () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range),
      (a) => (a ?? []).some((x) => x.title.startsWith('Replace with ')));
    const fix = actions.find((x) => x.title.startsWith('Replace with '))!;
    assert.equal(fix.title, 'Replace with 0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b');
  });
});
