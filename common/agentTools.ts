/**
 * The agent tools' names, declared once: the MCP server and the LSP server answer them
 * (server/src/agentTools.ts holds their schemas and logic), the client registers them as VS Code
 * language-model tools, and package.json's `contributes.languageModelTools` lists the same names
 * with the same schemas (a unit test keeps them equal). No imports: the client bundles this file.
 */
export const AGENT_TOOL_NAMES = ['apim_check_policy', 'apim_effective_policy', 'apim_simulate_flow', 'apim_policy_reference'] as const;

export type AgentToolName = (typeof AGENT_TOOL_NAMES)[number];

export function isAgentToolName(name: string): name is AgentToolName {
  return (AGENT_TOOL_NAMES as readonly string[]).includes(name);
}

/** The tools that read workspace files (policies, the flow config): VS Code asks before they run. */
export function readsWorkspaceFiles(name: AgentToolName, input: Record<string, unknown>): boolean {
  return name === 'apim_simulate_flow' || name === 'apim_effective_policy' || (name === 'apim_check_policy' && typeof input.path === 'string');
}
