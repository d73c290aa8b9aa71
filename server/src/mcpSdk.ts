/**
 * The parts of the MCP SDK `apim-policy mcp` uses, bundled apart (`dist/mcpSdk.js`): with ajv and
 * zod they are a third of the CLI's code, and `apim-policy check` spent 40 ms compiling them.
 */
export { Server } from '@modelcontextprotocol/sdk/server/index.js';
export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
export { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
