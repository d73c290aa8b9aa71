/**
 * "APIM: Create apim-flows.json": the server describes every flow URL of a workspace folder; a new
 * file is created and saved, an existing one is never overwritten: the flows it lacks are added
 * when the user agrees, and left unsaved in the editor to review.
 */
import * as vscode from 'vscode';
import type { WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import { Commands, type ScaffoldFlowsResult } from '../../../common/protocol';

export interface FlowsConfigDeps {
  scaffold(folderUri: string): Promise<ScaffoldFlowsResult>;
  toWorkspaceEdit(edit: LspWorkspaceEdit): Promise<vscode.WorkspaceEdit>;
}

/** Arguments a caller (a test, another command) may pass instead of being asked. */
export interface CreateFlowsConfigArgs {
  folder?: vscode.Uri | string;
  /** Add the missing flows to an existing file without asking (true), or never (false). */
  add?: boolean;
  /** Compute and return the proposal only: nothing is written or opened. */
  dryRun?: boolean;
}

/** What the command did, for callers and tests. */
export interface CreateFlowsConfigOutcome extends ScaffoldFlowsResult {
  applied: boolean;
}

async function pickFolder(given: CreateFlowsConfigArgs['folder']): Promise<vscode.Uri | undefined> {
  if (given) return typeof given === 'string' ? vscode.Uri.parse(given) : given;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder whose flows apim-flows.json describes' }))?.uri;
}

function list(names: string[]): string {
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`;
}

export function registerFlowsConfigCommand(context: vscode.ExtensionContext, deps: FlowsConfigDeps): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.createFlowsConfig, async (args?: CreateFlowsConfigArgs): Promise<CreateFlowsConfigOutcome | undefined> => {
    const folder = await pickFolder(args?.folder);
    if (!folder) {
      void vscode.window.showInformationMessage('Open a folder with APIM policies to create apim-flows.json.');
      return undefined;
    }
    const result = await deps.scaffold(folder.toString());
    const outcome: CreateFlowsConfigOutcome = { ...result, applied: false };
    if (args?.dryRun) return outcome;
    const configUri = vscode.Uri.parse(result.configUri);
    if (!result.edit) {
      if (result.exists) {
        await vscode.window.showTextDocument(configUri);
        void vscode.window.showInformationMessage('apim-flows.json already describes every flow URL of the workspace.');
      } else {
        void vscode.window.showInformationMessage('No Power Automate or Logic Apps trigger URL was found in the workspace\'s policies, backends or named values.');
      }
      return outcome;
    }
    if (result.exists) {
      const what = `${result.flows.length} flow${result.flows.length === 1 ? '' : 's'} (${list(result.flows)})`;
      const add = args?.add ?? (await vscode.window.showInformationMessage(
        `apim-flows.json exists and is kept. Add the ${what} it does not describe?`, { modal: true }, 'Add') === 'Add');
      if (!add) return outcome;
    }
    outcome.applied = await vscode.workspace.applyEdit(await deps.toWorkspaceEdit(result.edit));
    if (!outcome.applied) {
      void vscode.window.showErrorMessage(`apim-flows.json could not be ${result.exists ? 'changed' : 'created'}.`);
      return outcome;
    }
    const doc = await vscode.workspace.openTextDocument(configUri);
    // a new file is saved so the checks read it at once; added entries stay unsaved for review
    if (!result.exists) await doc.save();
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(result.exists
      ? `Added ${list(result.flows)} to apim-flows.json (unsaved): fill in the <placeholders>, then save.`
      : `Created apim-flows.json with ${list(result.flows)}: fill in the <placeholders> to check who may call each flow.`);
    return outcome;
  }));
}
