/**
 * The agent tools as VS Code language-model tools (Copilot agent mode, any chat participant).
 * Each call goes to the language server (`apim/agentTool`), which runs the same module as
 * `apim-policy mcp` over the editor's own index: the answer is the one the editor gives.
 * Names, descriptions and schemas are contributed in package.json.
 */
import * as vscode from 'vscode';
import { AGENT_TOOL_NAMES, readsWorkspaceFiles, type AgentToolName } from '../../common/agentTools';
import type { AgentToolAnswer } from '../../common/protocol';

type Input = Record<string, unknown>;

export type AskServer = (name: AgentToolName, input: Input) => Promise<AgentToolAnswer>;

function describe(name: AgentToolName, input: Input): string {
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string) : undefined);
  switch (name) {
    case 'apim_check_policy': return str('path') ? `Checking the APIM policy ${str('path')}` : 'Checking an APIM policy';
    case 'apim_effective_policy': return `Composing the effective policy of ${str('path') ?? 'a policy'}`;
    case 'apim_simulate_flow': return str('flow') ? `Simulating the trigger of flow '${str('flow')}'` : `Simulating the flow trigger for ${str('path') ?? 'a policy'}`;
    case 'apim_policy_reference': return `Looking up <${str('name') ?? 'policy'}>`;
  }
}

/** What the user confirms before a tool reads workspace files. */
function confirmation(name: AgentToolName, input: Input): vscode.LanguageModelToolConfirmationMessages {
  const what = name === 'apim_simulate_flow' && typeof input.flow === 'string'
    ? `the policies linked to flow '${input.flow}' and apim-flows.json`
    : `${String(input.path)}${name === 'apim_simulate_flow' ? ' and apim-flows.json' : name === 'apim_effective_policy' ? ' and the policies above it (global, product, API)' : ''}`;
  return {
    title: name === 'apim_simulate_flow' ? 'Simulate the flow trigger?' : name === 'apim_effective_policy' ? 'Compose the effective policy?' : 'Check the policy file?',
    message: new vscode.MarkdownString(`APIM Policy will read ${what} from the workspace (offline; nothing is sent anywhere, no file outside the workspace folders is read).`),
  };
}

export function createLanguageModelTool(name: AgentToolName, ask: AskServer): vscode.LanguageModelTool<Input> {
  return {
    prepareInvocation(options) {
      const input = options.input ?? {};
      return {
        invocationMessage: describe(name, input),
        confirmationMessages: readsWorkspaceFiles(name, input) ? confirmation(name, input) : undefined,
      };
    },
    async invoke(options) {
      const answer = await ask(name, options.input ?? {});
      // thrown, the message reaches the model as the tool's error
      if (!answer.ok) throw new Error(answer.error);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer.text), new vscode.LanguageModelTextPart(answer.json)]);
    },
  };
}

/** Registers every tool; returns them by name (the extension-host tests call prepareInvocation). */
export function registerLanguageModelTools(context: vscode.ExtensionContext, ask: AskServer): Map<AgentToolName, vscode.LanguageModelTool<Input>> {
  const tools = new Map<AgentToolName, vscode.LanguageModelTool<Input>>();
  for (const name of AGENT_TOOL_NAMES) {
    const tool = createLanguageModelTool(name, ask);
    tools.set(name, tool);
    context.subscriptions.push(vscode.lm.registerTool(name, tool));
  }
  return tools;
}
