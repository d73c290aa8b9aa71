/**
 * "Describe this flow in apim-flows.json": the flow entry a recognised trigger URL tells (platform,
 * URL, tenant when the host carries it) with placeholders for what only the flow's settings tell,
 * and the edit that creates the config or adds the entry to it.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { PlatformFacts } from '../auth/platformFacts';
import { platformOf } from '../auth/platforms';
import { positionIn } from '../utils/positions';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** A new flow entry, and the identity placeholder the config needs to predict the token. */
export interface FlowDescription {
  name: string;
  flow: Record<string, unknown>;
  identityName: string;
  identity: Record<string, unknown>;
  tenantId?: string;
}

const PRINCIPAL_PLACEHOLDER = "<principal (object) ID of APIM's identity>";

/** The entry for the flow `facts` recognised; `clientId` is the policy's `client-id`, when literal. */
export function describeFlow(facts: PlatformFacts, clientId: string | undefined): FlowDescription {
  const { flow, trigger } = facts;
  const flowEntry: Record<string, unknown> = { type: flow.type, url: flow.url };
  if (trigger.types.length > 1) flowEntry.type = `<${trigger.types.join(' | ')}>`;
  else Object.assign(flowEntry, platformOf(flow.type).configTemplate);
  const identity: Record<string, unknown> = clientId !== undefined
    ? { type: 'user', clientId, principalId: PRINCIPAL_PLACEHOLDER }
    : { type: 'system', principalId: PRINCIPAL_PLACEHOLDER, clientId: "<application (client) ID of APIM's system-assigned identity>" };
  return {
    name: safeName(flow.name),
    flow: flowEntry,
    identityName: clientId !== undefined ? 'apim-user-assigned' : 'apim-system',
    identity,
    tenantId: trigger.tenantId,
  };
}

function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned.length > 0 ? cleaned.slice(0, 60) : 'flow';
}

/** Where a new config goes: the APIOps root of the policy (its broadest service), else its folder. */
export function newConfigUri(ws: WorkspaceIndex, policyUri: string): string {
  const services = ws.servicesOf(policyUri);
  const root = services.length > 0 ? services[services.length - 1] : policyUri.substring(0, policyUri.lastIndexOf('/'));
  return `${root}/apim-flows.json`;
}

/** The config of the workspace nearest to the policy (the longest folder that holds it). */
export function nearestConfigUri(ws: WorkspaceIndex, policyUri: string): string | undefined {
  const candidates = ws.flowConfigs()
    .map(e => e.uri)
    .filter(u => policyUri.startsWith(u.substring(0, u.lastIndexOf('/') + 1)))
    .sort((a, b) => b.length - a.length);
  return candidates[0];
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/**
 * Creates `configUri` with the entry, or adds the entry (under a free name) to the existing file,
 * with the identity placeholder when the file has no identities yet.
 */
export function describeFlowEdit(ws: WorkspaceIndex, configUri: string, d: FlowDescription): WorkspaceEdit {
  const existing = ws.flowConfigs().find(e => e.uri === configUri);
  if (!existing) {
    const config: Record<string, unknown> = {};
    if (d.tenantId) config.tenantId = d.tenantId;
    else config.tenantId = '<tenant ID of APIM and the flow>';
    config.identities = { [d.identityName]: d.identity };
    config.flows = { [d.name]: d.flow };
    const create: CreateFile = { kind: 'create', uri: configUri, options: { ignoreIfExists: true } };
    const fill: TextDocumentEdit = {
      textDocument: { uri: configUri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${JSON.stringify(config, null, 2)}\n` }],
    };
    return { documentChanges: [create, fill] };
  }
  const taken = new Set(Object.keys(existing.config.flows));
  let name = d.name;
  for (let i = 2; taken.has(name); i++) name = `${d.name}-${i}`;
  const root = parseTree(existing.text);
  const hasIdentities = root !== undefined && findNodeAtLocation(root, ['identities']) !== undefined;
  // Two `modify` rounds: the second is computed on the first's result, so the file is replaced
  // once as a whole rather than mapping offsets between rounds.
  let text = applyEdits(existing.text, modify(existing.text, ['flows', name], d.flow, FORMAT));
  if (!hasIdentities) text = applyEdits(text, modify(text, ['identities'], { [d.identityName]: d.identity }, FORMAT));
  const edits: TextEdit[] = [{ range: { start: { line: 0, character: 0 }, end: positionIn(existing.text, existing.text.length) }, newText: text }];
  return { changes: { [configUri]: edits } };
}
