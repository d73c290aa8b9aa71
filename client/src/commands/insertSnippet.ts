/**
 * APIM: Insert Policy Snippet…: the snippets that fit at the cursor, in a pick list. The language
 * server offers its snippets through completion, only where they fit (see policySnippets.ts), so
 * VS Code's own Insert Snippet and Surround With do not list them; this command asks the same
 * completion and inserts the one picked. With a selection, a snippet that wraps its selected text
 * (`$TM_SELECTED_TEXT`) goes around it. `{ name }` (a snippet's prefix) inserts without asking,
 * for key bindings.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../common/protocol';

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

interface SnippetPick extends vscode.QuickPickItem {
  item: vscode.CompletionItem;
}

/** The text a completion item inserts, as a snippet. */
function snippetOf(item: vscode.CompletionItem): vscode.SnippetString | undefined {
  if (item.insertText instanceof vscode.SnippetString) return item.insertText;
  if (typeof item.insertText === 'string') return new vscode.SnippetString(item.insertText.replace(/[$}\\]/g, '\\$&'));
  return undefined;
}

/** Where it goes: over a selection, else over what the item's range replaces at the cursor. */
function targetOf(editor: vscode.TextEditor, item: vscode.CompletionItem): vscode.Range | vscode.Position {
  if (!editor.selection.isEmpty) return editor.selection;
  const range = item.range;
  if (range instanceof vscode.Range) return range;
  if (range) return range.replacing;
  return editor.selection.active;
}

export function registerInsertSnippetCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.insertSnippet, async (args?: { name?: unknown }) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage('Open an APIM policy file to insert a policy snippet.');
      return;
    }
    const list = await vscode.commands.executeCommand<vscode.CompletionList | undefined>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
    const snippets = (list?.items ?? []).filter(i => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).startsWith('apim-') && snippetOf(i));
    if (snippets.length === 0) {
      void vscode.window.showInformationMessage('No policy snippet fits here: put the cursor in the content of a section (or of <when>, <retry>…), on a line of its own, or in an empty file.');
      return;
    }
    let chosen: vscode.CompletionItem | undefined;
    if (typeof args?.name === 'string') {
      chosen = snippets.find(i => labelOf(i) === args.name);
      if (!chosen) {
        void vscode.window.showWarningMessage(`The snippet ${args.name} does not fit here (or does not exist).`);
        return;
      }
    } else {
      // in the order completion would list them
      const order = (i: vscode.CompletionItem) => i.sortText ?? labelOf(i);
      const picks: SnippetPick[] = [...snippets].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)).map(item => ({
        label: labelOf(item),
        description: typeof item.label === 'string' ? item.detail : item.label.description ?? item.detail,
        item,
      }));
      chosen = (await vscode.window.showQuickPick(picks, { title: 'Insert Policy Snippet', placeHolder: 'The snippets that fit here', matchOnDescription: true }))?.item;
    }
    if (!chosen) return;
    await editor.insertSnippet(snippetOf(chosen)!, targetOf(editor, chosen));
  }));
}
