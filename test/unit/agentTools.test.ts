/**
 * The agent tools are declared in code (server/src/agentTools.ts, answered by MCP and the LSP
 * server) and again in package.json for VS Code: names, descriptions and schemas must not drift.
 * And the module itself: input checks, confinement, tokens.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AGENT_TOOL_NAMES } from '../../common/agentTools';
import { AGENT_TOOLS, AgentToolInputError, runAgentTool, type AgentToolHost } from '../../server/src/agentTools';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { createConfinedReader } from '../../server/src/node/confinedFiles';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { languageModelTools: Array<{ name: string; modelDescription: string; inputSchema: unknown; displayName: string; toolReferenceName: string }> };
};

test('package.json contributes every agent tool with the schema and description the servers use', () => {
  const contributed = manifest.contributes.languageModelTools;
  assert.deepEqual(contributed.map(t => t.name), AGENT_TOOLS.map(t => t.name));
  assert.deepEqual([...AGENT_TOOL_NAMES], AGENT_TOOLS.map(t => t.name));
  for (const t of AGENT_TOOLS) {
    const c = contributed.find(x => x.name === t.name)!;
    assert.equal(c.modelDescription, t.description, t.name);
    assert.deepEqual(c.inputSchema, t.inputSchema, t.name);
    assert.ok(c.displayName && c.toolReferenceName, t.name);
    assert.ok(manifest.activationEvents.includes(`onLanguageModelTool:${t.name}`), t.name);
  }
});

function host(dir: string): AgentToolHost {
  return { service: getLanguageService(), roots: [dir], read: createConfinedReader({ roots: [dir] }) };
}

test('runAgentTool: a path is read inside the roots only; text works without any root', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apim-tools-')));
  fs.writeFileSync(path.join(dir, 'a.policy.xml'), '<policies><inbound><set-headr /></inbound></policies>');
  const r = await runAgentTool(host(dir), 'apim_check_policy', { path: 'a.policy.xml' });
  assert.match(r.text, /^a\.policy\.xml: 1 error/);
  await assert.rejects(runAgentTool(host(dir), 'apim_check_policy', { path: path.join(os.tmpdir(), '..', 'etc', 'hostname') }), AgentToolInputError);
  await assert.rejects(runAgentTool({ ...host(dir), roots: [] }, 'apim_check_policy', { path: 'a.policy.xml' }), /No workspace folder is open/);
  const text = await runAgentTool({ ...host(dir), roots: [] }, 'apim_check_policy', { policy: '<policies><inbound><set-headr /></inbound></policies>' });
  assert.match(text.text, /<policy>:1:21: error \[unknown-element\]/);
});
