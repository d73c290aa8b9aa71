/**
 * `apim-policy mcp`: the agent tools (agentTools.ts) over the Model Context Protocol on stdio,
 * with the official TypeScript SDK. The server is confined to one folder (where it was started,
 * or the folder given): the workspace index is read from it, and every path a tool reads must be
 * inside it. Standard output carries the protocol only; warnings go to standard error.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { URI } from 'vscode-uri';
import { getLanguageService, MAX_CHECKED_TEXT, redactTokens, type CSharpParser, type LanguageService } from './languageService/languageService';
import { createLocator, createUriReader, indexCapWarning, readIndexedFiles, type IndexedFileCache } from './node/policyFiles';
import { createConfinedReader } from './node/confinedFiles';
import { AGENT_TOOLS, AgentToolInputError, runAgentTool, type AgentToolHost } from './agentTools';

const ROOT_NAME = 'the folder the MCP server started in';

/**
 * Looks at the index's files under the root again, dropping the ones gone: an agent edits policies
 * between calls, and each answer must see the files as they are now. A file is read again only when
 * its stat changed (the walk and a stat per file remain), and only a file whose text changed is fed
 * to the index (feeding one drops what the service derived from the workspace); the definition
 * files the flow configs name are read again each time (they are not indexed).
 */
function createIndexer(service: LanguageService, root: string, warn: (line: string) => void): () => void {
  let known = new Map<string, string>();
  const cache: IndexedFileCache = new Map();
  let warned = false;
  return () => {
    const read = readIndexedFiles(root, undefined, { iac: false, cache });
    const now = new Map<string, string>();
    for (const f of read.files) {
      const uri = URI.file(f.path).toString();
      now.set(uri, f.text);
      if (known.get(uri) !== f.text) service.workspace.update(uri, f.text);
    }
    for (const uri of known.keys()) if (!now.has(uri)) service.workspace.remove(uri);
    if (known.size > 0 && service.workspace.flowConfigs().length > 0) service.workspace.refreshFlowConfigs();
    known = now;
    if (!warned) {
      for (const s of read.skipped) warn(`not indexed: ${s.path}: ${s.reason}`);
      if (read.capped) warn(indexCapWarning(root, read.capped));
      warned = true;
    }
  };
}

export interface McpServerOptions {
  /** The folder the tools are confined to. */
  root: string;
  csharp?: CSharpParser | PromiseLike<CSharpParser | undefined>;
  version: string;
  /** Where warnings go (standard error). */
  warn(line: string): void;
}

/** Serves until the client closes the connection. */
export async function serveMcp(options: McpServerOptions): Promise<void> {
  let root: string;
  try {
    root = fs.realpathSync.native(path.resolve(options.root));
    if (!fs.statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AgentToolInputError(`${options.root}: not a folder.`);
  }
  // loaded here, not with the CLI: a plain `check` needs none of it
  const { Server, StdioServerTransport, CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } = await import('./mcpSdk');
  const service = getLanguageService({ locate: createLocator(), readFile: createUriReader([root], ROOT_NAME), csharp: options.csharp });
  const reindex = createIndexer(service, root, options.warn);
  const host: AgentToolHost = {
    service,
    roots: [root],
    read: createConfinedReader({ roots: [root], rootName: ROOT_NAME, maxBytes: MAX_CHECKED_TEXT }),
  };

  const server = new Server(
    { name: 'apim-policy', title: 'APIM Policy & Flow Auth', version: options.version },
    {
      capabilities: { tools: {} },
      instructions: `Offline checks of Azure API Management policies in ${root}: validate a policy before deploying it, look up a policy's attributes, and simulate whether a Power Automate / Logic Apps trigger accepts the managed-identity token. No tool takes or returns a bearer token.`,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: AGENT_TOOLS.map(t => ({ name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema, annotations: { readOnlyHint: true, openWorldHint: false } })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    try {
      reindex();
      const r = await runAgentTool(host, request.params.name, request.params.arguments);
      return { content: [{ type: 'text', text: r.text }, { type: 'text', text: r.json }] };
    } catch (e) {
      if (e instanceof AgentToolInputError) throw new McpError(ErrorCode.InvalidParams, redactTokens(e.message));
      // a failure of ours is the tool's answer, so the agent sees it; never a stack with a token
      return { isError: true, content: [{ type: 'text', text: redactTokens(`The tool failed: ${(e as Error)?.message ?? String(e)}`) }] };
    }
  });

  const transport = new StdioServerTransport();
  const closed = new Promise<void>(resolve => { transport.onclose = () => resolve(); });
  await server.connect(transport);
  // the transport closes on its own only when asked to: end when the client closes standard input
  process.stdin.once('end', () => void server.close());
  await closed;
}
