import * as vscode from 'vscode';
import { Commands } from '../../../common/protocol';

export interface CommandDeps {
  output: vscode.OutputChannel;
  restart(): Promise<void>;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await deps.restart();
      void vscode.window.setStatusBarMessage('APIM policy language server restarted', 3000);
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => deps.output.show(true)),
    vscode.commands.registerCommand(Commands.revealFlow, async (uri: unknown, position: unknown) => {
      if (typeof uri !== 'string') return;
      const p = position as { line?: unknown; character?: unknown } | undefined;
      const at = new vscode.Position(typeof p?.line === 'number' ? p.line : 0, typeof p?.character === 'number' ? p.character : 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(at, at) });
    }),
  );
}
