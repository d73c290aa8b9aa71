import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { flattenSymbols, policyWith, scratchDocument, until } from './helpers';

suite('document symbols', () => {
  test('the outline lists the policy sections', async () => {
    const { doc } = await scratchDocument('symbols/apis/orders/policy.xml', policyWith('    <set-header name="x" exists-action="override"><value>1</value></set-header>'));
    const symbols = await until(
      'document symbols',
      () => vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      (s) => flattenSymbols(s).length > 0,
    );
    const names = flattenSymbols(symbols).join(' | ');
    for (const section of ['inbound', 'backend', 'outbound', 'on-error']) {
      assert.ok(names.includes(section), `no symbol for <${section}> in: ${names}`);
    }
  });
});
