/**
 * Activation: start the language client, register commands, and give a root `policy.xml` of an
 * APIOps tree (whose name alone says nothing) the policy language.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AgentToolRequest, Commands, CONFIG_SECTION, DecodeTokenRequest, EffectivePolicyRequest, LANGUAGE_ID, ListFlowsRequest, ScaffoldFlowsRequest, type FlowSummary } from '../../common/protocol';
import type { AgentToolName } from '../../common/agentTools';
import { EFFECTIVE_SCHEME, EffectivePolicyView } from './effectivePolicy/effectivePolicyView';
import { registerCommands } from './commands';
import { registerFlowsConfigCommand } from './commands/flowsConfigCommand';
import { registerInsertSnippetCommand } from './commands/insertSnippet';
import { registerTokenCommands } from './commands/tokenCommands';
import { FlowsTreeProvider } from './flowsView/flowsTreeProvider';
import { adoptRootPolicy } from './languageDetection';
import { createRedactingChannel } from './redactingChannel';
import { readInspectorSettings } from './settings';
import { TokenViewProvider } from './tokenView/tokenViewProvider';
import { registerLanguageModelTools } from './lmTools';

export interface ExtensionApi {
  /** Resolves once the language client is running. */
  ready: Promise<void>;
  /** The running client, for tests. */
  client(): LanguageClient | undefined;
  /** The Token Inspector view, for tests (what it shows, never the token). */
  tokenView: TokenViewProvider;
  /** The language-model tools as registered, for tests (VS Code only lets a chat request skip their confirmation). */
  lmTools: Map<AgentToolName, vscode.LanguageModelTool<Record<string, unknown>>>;
  /** The effective-policy documents, for tests. */
  effectivePolicy: EffectivePolicyView;
}

/** Languages whose documents may hold APIM policies: Bicep, Terraform (both ids in use), ARM JSON. */
const IAC_LANGUAGES = ['bicep', 'terraform', 'tf', 'json', 'jsonc'];

interface State {
  client: LanguageClient | undefined;
  output: vscode.OutputChannel;
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, trace: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // apim-flows.json goes to the server too: its problems show while it is edited
    // Bicep, Terraform and JSON files too: the server checks the policies embedded in them (a JSON
    // file only when it is an ARM template) and offers nothing else there, so the languages' own
    // extensions keep their features; it registers its formatter for policy documents only
    documentSelector: [
      { language: LANGUAGE_ID },
      { scheme: 'file', pattern: '**/apim-flows.json' },
      ...IAC_LANGUAGES.map(language => ({ scheme: 'file', language })),
      // without a Bicep or Terraform extension these files have no language of their own
      { scheme: 'file', pattern: '**/*.{bicep,tf}' },
      // an XML policy file that a Bicep or Terraform resource loads (the server ignores other XML)
      { scheme: 'file', language: 'xml' },
    ],
    synchronize: {
      configurationSection: CONFIG_SECTION,
      // files the server's workspace index follows and checks when they change on disk:
      // policies (any XML: a policy file an IaC resource loads has any name), APIOps artifacts,
      // flow configs and the definition files they read, and the IaC files
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.xml,*.json,*.bicep,*.tf}'),
    },
    // the effective policy's virtual documents are the language's too, but not the server's files:
    // their statements are checked where they come from (a view has no <base /> and no scope)
    middleware: {
      didOpen: (doc, next) => (doc.uri.scheme === EFFECTIVE_SCHEME ? Promise.resolve() : next(doc)),
      didChange: (event, next) => (event.document.uri.scheme === EFFECTIVE_SCHEME ? Promise.resolve() : next(event)),
      didClose: (doc, next) => (doc.uri.scheme === EFFECTIVE_SCHEME ? Promise.resolve() : next(doc)),
    },
    outputChannel: output,
    // LSP traces carry the Token Inspector's requests: both channels redact tokens
    traceOutputChannel: trace,
  };
  return new LanguageClient('apimPolicy', 'APIM Policy Language Server', serverOptions, clientOptions);
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const output = createRedactingChannel('APIM Policy');
  const trace = createRedactingChannel('APIM Policy (LSP trace)');
  context.subscriptions.push(output, trace);
  const state: State = { client: undefined, output };

  const start = async () => {
    const client = createClient(context, output, trace);
    state.client = client;
    await client.start();
  };
  const ready = start();

  registerCommands(context, {
    output,
    restart: async () => {
      await state.client?.stop();
      await start();
    },
  });

  const running = async (): Promise<LanguageClient> => {
    await ready;
    if (!state.client) throw new Error('The language server is not running.');
    return state.client;
  };
  const listFlows = async (): Promise<FlowSummary[]> => (await running()).sendRequest(ListFlowsRequest, {});
  // a flow picker needs the names only: the server then analyses no policy
  const listFlowNames = async (): Promise<FlowSummary[]> => (await running()).sendRequest(ListFlowsRequest, { verdicts: false });
  const tokenView = new TokenViewProvider(vscode.Uri.joinPath(context.extensionUri, 'client', 'src', 'tokenView', 'media'), {
    decode: async params => (await running()).sendRequest(DecodeTokenRequest, params),
    // the cards link to the policy that calls the flow: the list with its policies
    listFlows,
    keyOptions: () => readInspectorSettings(),
    readClipboard: () => vscode.env.clipboard.readText(),
    writeClipboard: text => vscode.env.clipboard.writeText(text),
    log: line => output.appendLine(line),
  });
  context.subscriptions.push(vscode.window.registerWebviewViewProvider(TokenViewProvider.viewId, tokenView));
  registerTokenCommands(context, tokenView, listFlowNames, line => output.appendLine(line));

  registerInsertSnippetCommand(context);

  registerFlowsConfigCommand(context, {
    scaffold: async folderUri => (await running()).sendRequest(ScaffoldFlowsRequest, { folderUri }),
    toWorkspaceEdit: async edit => (await running()).protocol2CodeConverter.asWorkspaceEdit(edit),
  });

  const flowsTree = new FlowsTreeProvider(listFlows, line => output.appendLine(line));
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider(FlowsTreeProvider.viewId, flowsTree),
    vscode.commands.registerCommand(Commands.refreshFlows, () => flowsTree.refresh()),
    // verdicts change with the policies, the flow config and the definitions
    vscode.workspace.onDidSaveTextDocument(doc => {
      if (doc.languageId === LANGUAGE_ID || doc.fileName.endsWith('.json')) flowsTree.refresh();
    }),
  );

  // the agent tools: answered by the server, so they say what the editor says
  const lmTools = registerLanguageModelTools(context, async (name, input) => (await running()).sendRequest(AgentToolRequest, { name, input }));
  const effectivePolicy = new EffectivePolicyView({
    compose: async (uri, product) => (await running()).sendRequest(EffectivePolicyRequest, { uri, product }),
    log: line => output.appendLine(line),
  });
  effectivePolicy.register(context);

  for (const doc of vscode.workspace.textDocuments) void adoptRootPolicy(doc);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(doc => void adoptRootPolicy(doc)));
  context.subscriptions.push({ dispose: () => void state.client?.stop() });

  return { ready, client: () => state.client, tokenView, lmTools, effectivePolicy };
}

export function deactivate(): void {
  // the client is stopped through context.subscriptions
}
