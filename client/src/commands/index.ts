import * as vscode from 'vscode';

export interface CommandDeps {
  output: vscode.OutputChannel;
  restart(): Promise<void>;
}

/** Command ids, as declared in package.json `contributes.commands`. */
export const Commands = {
  restartServer: 'apimPolicy.restartServer',
  showOutput: 'apimPolicy.showOutput',
} as const;

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await deps.restart();
      void vscode.window.setStatusBarMessage('APIM policy language server restarted', 3000);
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => deps.output.show(true)),
  );
}
