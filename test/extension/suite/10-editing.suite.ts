import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, policyWith, scratchDocument, until, waitForDiagnostics } from './helpers';

const codeOf = (d: vscode.Diagnostic): string | number | undefined => (typeof d.code === 'object' ? d.code.value : d.code);

suite('editing', () => {
  test('typing a snippet prefix in a policy offers the snippet', async () => {
    const { doc, cursor } = await scratchDocument('editing/snippets/apis/a/policy.xml', policyWith('    apim-flow|'));
    await vscode.window.showTextDocument(doc);
    const list = await until(
      'the apim- snippets',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, cursor!),
      (l) => completionLabels(l).some((x) => x.startsWith('apim-flow')),
    );
    const snippet = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('apim-flow'))!;
    assert.equal(snippet.kind, vscode.CompletionItemKind.Snippet);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('snippets are offered in apim-policy files only, not in other XML', async () => {
    const { doc, cursor } = await scratchDocument('editing/other/data.xml', '<root>\n  apim-|\n</root>\n');
    assert.equal(doc.languageId, 'xml');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, cursor!);
    // (word-based suggestions may echo the text typed; snippets must not appear)
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && (typeof i.label === 'string' ? i.label : i.label.label).startsWith('apim-'));
    assert.deepEqual(snippets.map((i) => i.label), []);
  });

  test('APIM: Insert Policy Snippet… inserts a snippet that fits at the cursor, and wraps a selection with the surround snippet', async () => {
    const { doc, cursor } = await scratchDocument('editing/insert/apis/a/policy.xml', policyWith('    |'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(cursor!, cursor!);
    await until('the snippet inserted', async () => {
      await vscode.commands.executeCommand('apimPolicy.insertSnippet', { name: 'apim-set-header' });
      return doc.getText();
    }, (t) => /<inbound>[\s\S]*<set-header [^>]*name=/.test(t));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const line = '    <set-header name="x" exists-action="delete" />';
    const { doc: doc2 } = await scratchDocument('editing/surround/apis/a/policy.xml', policyWith(line));
    const editor2 = await vscode.window.showTextDocument(doc2);
    const at = doc2.positionAt(doc2.getText().indexOf(line) + 4);
    editor2.selection = new vscode.Selection(at, at.translate(0, line.length - 4));
    await until('the selection wrapped', async () => {
      await vscode.commands.executeCommand('apimPolicy.insertSnippet', { name: 'apim-choose-surround' });
      return doc2.getText();
    }, (t) => /<choose>[\s\S]*<when [^>]*>[\s\S]*<set-header name="x" exists-action="delete" \/>[\s\S]*<\/when>/.test(t));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Format Document re-indents elements and leaves expressions alone', async () => {
    const before = '<policies>\n<inbound>\n      <base />\n  <set-body>@{\n        var x = 1;\n   return x.ToString();\n}</set-body>\n</inbound>\n</policies>\n';
    const { doc } = await scratchDocument('editing/format/apis/a/policy.xml', before);
    const editor = await vscode.window.showTextDocument(doc);
    editor.options = { tabSize: 2, insertSpaces: true };
    const edits = await until(
      'formatting edits',
      () => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true }),
      (e) => Array.isArray(e) && e.length > 0,
    );
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), '<policies>\n  <inbound>\n    <base />\n    <set-body>@{\n        var x = 1;\n   return x.ToString();\n}</set-body>\n  </inbound>\n</policies>\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the light bulb fixes a misspelt policy name', async () => {
    const { doc } = await scratchDocument('editing/fix/apis/a/policy.xml', policyWith('    <set-headr name="x" exists-action="delete" />'));
    await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'unknown-element'));
    const d = diags.find((x) => codeOf(x) === 'unknown-element')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to <set-header>');
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.getText(), /<set-header name="x"/);
    await waitForDiagnostics(doc.uri, (x) => !x.some((y) => codeOf(y) === 'unknown-element'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
