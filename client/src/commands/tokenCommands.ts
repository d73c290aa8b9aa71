/** "APIM: Decode Bearer Token" and "APIM: Simulate Flow Trigger…". */
import * as vscode from 'vscode';
import { looksLikeJwt } from '../../../server/src/languageService/auth/token';
import { Commands, focusViewCommand, Views, type FlowSummary } from '../../../common/protocol';
import { settle } from '../serverAnswer';
import { flowNameOf, simulationToken } from './tokenSource';
import type { TokenViewProvider } from '../tokenView/tokenViewProvider';

function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  return editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
}

/** The selection, else the clipboard when it holds a token, else an input box (masked). */
async function obtainToken(): Promise<string | undefined> {
  const selected = selectedText();
  if (selected.trim()) return selected;
  const clip = await readClipboardQuietly();
  if (looksLikeJwt(clip)) return clip;
  return vscode.window.showInputBox({
    title: 'Decode Bearer Token',
    prompt: 'Paste a JWT ("Bearer " is fine). It stays in memory: not saved, not logged, not sent.',
    password: true,
    ignoreFocusOut: true,
    validateInput: v => (v.trim() && !looksLikeJwt(v) ? 'This does not look like a JWT (three base64url parts starting with eyJ).' : undefined),
  });
}

/** The clipboard's text, or '' where it cannot be read (a browser without the permission). */
async function readClipboardQuietly(): Promise<string> {
  const read = Promise.resolve(vscode.env.clipboard.readText()).then(t => t, () => '');
  const giveUp = new Promise<string>(resolve => setTimeout(() => resolve(''), 1500));
  return Promise.race([read, giveUp]);
}

async function showInspector(): Promise<void> {
  await vscode.commands.executeCommand(focusViewCommand(Views.tokenInspector));
}

/** `log` writes to the extension's (redacting) output channel. */
export function registerTokenCommands(context: vscode.ExtensionContext, view: TokenViewProvider, listFlows: () => Promise<FlowSummary[]>, log: (line: string) => void): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.decodeToken, async (tokenArg?: unknown) => {
      const token = typeof tokenArg === 'string' ? tokenArg : await obtainToken();
      if (!token?.trim()) return undefined;
      await showInspector();
      const result = await view.inspect(token);
      if (!result.ok) void vscode.window.showWarningMessage(`Decode Bearer Token: ${result.error}`);
      return result;
    }),
    vscode.commands.registerCommand(Commands.openTokenInspectorInEditor, () => {
      view.openPanel();
    }),
    vscode.commands.registerCommand(Commands.simulateFlowTrigger, async (flowArg?: unknown, tokenArg?: unknown) => {
      let flow = flowNameOf(flowArg);
      if (!flow) {
        const listed = await settle(listFlows, 'Simulate Flow Trigger: listing the flows', log);
        if (!listed.ok) {
          void vscode.window.showErrorMessage(`Simulate Flow Trigger: the flows could not be listed: ${listed.reason}`);
          return undefined;
        }
        const flows = listed.value;
        if (flows.length === 0) {
          void vscode.window.showInformationMessage('No flows: describe them in an apim-flows.json in the workspace.');
          return undefined;
        }
        const pick = await vscode.window.showQuickPick(
          flows.map(f => ({ label: f.name, description: f.description, detail: f.url })),
          { title: 'Simulate Flow Trigger', placeHolder: 'The flow whose trigger checks the token' },
        );
        if (!pick) return undefined;
        flow = pick.label;
      }
      const source = simulationToken(typeof tokenArg === 'string' ? tokenArg : undefined, selectedText(), view.currentToken());
      const token = source ?? await obtainToken();
      if (!token) return undefined;
      await showInspector();
      const result = await view.inspect(token, flow);
      if (!result.ok) void vscode.window.showWarningMessage(`Simulate Flow Trigger: ${result.error}`);
      return result;
    }),
  );
}
