/**
 * "Describe this flow in apim-flows.json": the flow entry a recognised trigger URL tells (platform,
 * URL, tenant when the host carries it) with placeholders for what only the flow's settings tell,
 * and the edit that creates the config or adds the entry to it.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { platformFacts, type PlatformFacts } from '../auth/platformFacts';
import { platformOf } from '../auth/platforms';
import { elementsOf, type PolicyElement } from '../parser/policyParser';
import { replaceNamedValues } from '../utils/namedValues';
import { positionIn } from '../utils/positions';
import { decodeXml } from '../utils/xmlEntities';
import { normalizeUrl } from '../workspace/flowLinks';
import type { FlowConfigEntry, WorkspaceIndex } from '../workspace/workspaceIndex';

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

// ---------------------------------------------------------------------------------------------
// "APIM: Create apim-flows.json": every flow URL of the workspace at once

/** What "Create apim-flows.json" would write: a new file, or the flows the existing one lacks. */
export interface FlowsScaffold {
  /** The config the flows go into: an existing one that covers the folder, else `<folder>/apim-flows.json`. */
  configUri: string;
  exists: boolean;
  /** Names of the flow entries added, in the file's order. */
  flows: string[];
  /** Names of identity placeholders added. */
  identities: string[];
  /** The whole config text after the change (what the CLI prints). */
  text: string;
  /** The edit that creates the file or adds the entries; none when nothing is missing. */
  edit?: WorkspaceEdit;
}

/** A trigger URL found in the workspace, with where it was found (to name the flow). */
interface FoundUrl {
  url: string;
  /** The API, backend or named value the URL belongs to. */
  name: string;
}

const IDENTITY_ELEMENT = 'authentication-managed-identity';

function attribute(el: PolicyElement, name: string): string | undefined {
  const a = el.attributes.find(x => x.name === name);
  return a?.value !== undefined ? decodeXml(a.value).trim() : undefined;
}

function isLiteral(value: string): boolean {
  return !/^@[({]/.test(value) && !value.includes('{{');
}

function within(folderUri: string, uri: string): boolean {
  const folder = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  return uri.startsWith(folder);
}

/**
 * Every recognised trigger URL of the workspace under `folderUri`: the literal `base-url` and
 * `set-url` of its policies (named values resolved), its backends' URLs and its named values'
 * plain values; and the `client-id`s its managed identities use (`undefined` for the
 * system-assigned one).
 */
function collect(ws: WorkspaceIndex, folderUri: string): { urls: FoundUrl[]; clientIds: Set<string | undefined> } {
  const urls: FoundUrl[] = [];
  const clientIds = new Set<string | undefined>();
  const seenFiles = new Set<string>();
  const resolve = (value: string, uri: string): string | undefined => {
    let unresolved = false;
    const out = replaceNamedValues(value, name => {
      const nv = ws.findNamedValue(uri, name);
      if (!nv || nv.value === undefined || nv.secret) unresolved = true;
      return nv?.value ?? '';
    });
    return unresolved ? undefined : out;
  };
  for (const policy of ws.policies()) {
    if (!within(folderUri, policy.uri)) continue;
    const doc = ws.parsedPolicy(policy.uri);
    if (!doc) continue;
    const name = policy.location?.operation ?? policy.location?.api ?? policy.location?.product ?? 'global';
    for (const el of elementsOf(doc.roots)) {
      if (el.name === IDENTITY_ELEMENT) {
        const clientId = attribute(el, 'client-id');
        clientIds.add(clientId !== undefined && isLiteral(clientId) ? clientId : undefined);
        continue;
      }
      let raw: string | undefined;
      if (el.name === 'set-backend-service') raw = attribute(el, 'base-url');
      else if (el.name === 'set-url' && el.parent?.name === 'send-request') {
        const t = el.texts[0];
        raw = t ? decodeXml(doc.text.substring(t.start, t.end)).trim() : undefined;
      }
      const url = raw !== undefined && !/^@[({]/.test(raw) ? resolve(raw, policy.uri) : undefined;
      if (url !== undefined) urls.push({ url, name });
    }
    for (const b of ws.backends(policy.uri)) {
      if (seenFiles.has(b.uri) || !within(folderUri, b.uri)) continue;
      seenFiles.add(b.uri);
      const url = b.url !== undefined ? resolve(b.url, b.uri) : undefined;
      if (url !== undefined) urls.push({ url, name: b.name });
    }
    for (const nv of ws.namedValues(policy.uri)) {
      if (seenFiles.has(nv.uri) || !within(folderUri, nv.uri)) continue;
      seenFiles.add(nv.uri);
      if (nv.value !== undefined && !nv.secret) urls.push({ url: nv.value, name: nv.displayName });
    }
  }
  return { urls, clientIds };
}

/** The config that covers `folderUri`: one in the folder or above it, else the shallowest inside it. */
function configFor(ws: WorkspaceIndex, folderUri: string): FlowConfigEntry | undefined {
  const dirOf = (u: string) => u.substring(0, u.lastIndexOf('/'));
  const entries = ws.flowConfigs();
  const above = entries.filter(e => within(dirOf(e.uri), `${folderUri}/x`)).sort((a, b) => b.uri.length - a.uri.length);
  if (above.length > 0) return above[0];
  return entries.filter(e => within(folderUri, e.uri)).sort((a, b) => a.uri.length - b.uri.length)[0];
}

/**
 * The `apim-flows.json` that describes every flow trigger URL found under `folderUri` (policies,
 * backends, named values): one entry per flow with its platform and what the URL tells (the tenant
 * from a default environment's host), placeholders for the rest, and identity placeholders for the
 * managed identities the policies use. An existing config is never overwritten: only the flows it
 * lacks (by URL) are added, and the identities it lacks.
 */
export function scaffoldFlowsConfig(ws: WorkspaceIndex, folderUri: string): FlowsScaffold {
  const folder = folderUri.replace(/\/+$/, '');
  const existing = configFor(ws, folder);
  const described = new Set<string>();
  for (const entry of ws.flowConfigs()) {
    for (const flow of Object.values(entry.config.flows)) {
      const n = flow.url !== undefined ? normalizeUrl(flow.url) : undefined;
      if (n) described.add(n);
    }
  }
  const { urls, clientIds } = collect(ws, folder);
  const taken = new Set(existing ? Object.keys(existing.config.flows) : []);
  const flows: [string, FlowDescription][] = [];
  for (const found of urls) {
    const key = normalizeUrl(found.url);
    if (!key || described.has(key)) continue;
    const facts = platformFacts(found.url, undefined, undefined, undefined);
    if (!facts) continue;
    described.add(key);
    const d = describeFlow(facts, undefined);
    const base = safeName(found.name);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    flows.push([name, d]);
  }

  // identities: the system-assigned one and each user-assigned client ID the policies use
  const identities: Record<string, Record<string, unknown>> = {};
  const known = existing ? Object.values(existing.config.identities) : [];
  const haveSystem = known.some(i => i.type === 'system');
  const users = [...clientIds].filter((c): c is string => c !== undefined).sort();
  if ((clientIds.has(undefined) || (clientIds.size === 0 && flows.length > 0)) && !haveSystem && !(existing && 'apim-system' in existing.config.identities)) {
    identities['apim-system'] = { type: 'system', principalId: PRINCIPAL_PLACEHOLDER, clientId: "<application (client) ID of APIM's system-assigned identity>" };
  }
  users.forEach((clientId, i) => {
    if (known.some(k => k.clientId !== undefined && k.clientId.toLowerCase() === clientId.toLowerCase())) return;
    identities[users.length === 1 ? 'apim-user-assigned' : `apim-user-assigned-${i + 1}`] = { type: 'user', clientId, principalId: PRINCIPAL_PLACEHOLDER };
  });

  const configUri = existing?.uri ?? `${folder}/apim-flows.json`;
  const result: FlowsScaffold = { configUri, exists: !!existing, flows: flows.map(f => f[0]), identities: Object.keys(identities), text: existing?.text ?? '' };
  if (flows.length === 0 && (existing || Object.keys(identities).length === 0)) return result;

  if (!existing) {
    const tenants = [...new Set(flows.map(([, d]) => d.tenantId).filter((t): t is string => t !== undefined))];
    const config: Record<string, unknown> = { tenantId: tenants.length === 1 ? tenants[0] : '<tenant ID of APIM and the flows>' };
    config.identities = identities;
    config.flows = Object.fromEntries(flows.map(([name, d]) => [name, tenants.length > 1 && d.tenantId ? { ...d.flow, tenantId: d.tenantId } : d.flow]));
    result.text = `${JSON.stringify(config, null, 2)}\n`;
    const create: CreateFile = { kind: 'create', uri: configUri, options: { ignoreIfExists: true } };
    const fill: TextDocumentEdit = { textDocument: { uri: configUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: result.text }] };
    result.edit = { documentChanges: [create, fill] };
    return result;
  }
  // Each `modify` is computed on the previous result; the file is replaced once as a whole.
  let text = existing.text;
  for (const [name, d] of flows) {
    const entry = d.tenantId && existing.config.tenantId && d.tenantId.toLowerCase() !== existing.config.tenantId.toLowerCase() ? { ...d.flow, tenantId: d.tenantId } : d.flow;
    text = applyEdits(text, modify(text, ['flows', name], entry, FORMAT));
  }
  for (const [name, identity] of Object.entries(identities)) text = applyEdits(text, modify(text, ['identities', name], identity, FORMAT));
  result.text = text;
  result.edit = { changes: { [configUri]: [{ range: { start: { line: 0, character: 0 }, end: positionIn(existing.text, existing.text.length) }, newText: text }] } };
  return result;
}
