/**
 * A known identity's client ID where the platform compares the principal (object) ID, or the
 * other way round, found in the file that holds it (apim-flows.json or a definition file), at the
 * value, with the ID that belongs there:
 * - Power Automate "Specific users" (`allowedCallers`, `triggerAllowedUsers`) compares `oid`
 *   (https://learn.microsoft.com/en-us/power-automate/oauth-authentication, flow-auth-facts §1.2);
 * - a Logic Apps OAuth policy's `oid` / `sub` claims hold the object ID, `appid` / `azp` the client
 *   ID (https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-securing-a-logic-app, §2.1);
 * - Easy Auth's `allowedPrincipals` checks `oid`, `allowedApplications` checks `appid` / `azp`
 *   (https://learn.microsoft.com/en-us/azure/app-service/configure-authentication-provider-aad#use-a-built-in-authorization-policy, §2.4).
 * The policy's own cross-check finding points here through its related information.
 */
import { findNodeAtLocation, getNodePath, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isGuid, sameId } from '../auth/audiences';
import type { ConfigProblem, FlowConfig, IdentityConfig, SourceRange } from '../auth/types';
import { flowFileText, type FlowConfigEntry } from '../workspace/workspaceIndex';

/** What a list or claim compares: the principal (object) ID or the application (client) ID. */
type Compares = 'principal' | 'client';

export interface CallerIdMixup {
  flow: string;
  identity: string;
  /** Where the wrong ID is written. */
  uri: string;
  start: number;
  end: number;
  /** The ID that belongs there, when the config knows it. */
  replacement?: string;
  compares: Compares;
  /** Ids of the trigger checks this mix-up makes fail. */
  checks: string[];
}

export const CALLER_ID_CODE = 'flows-caller-client-id';

interface Value {
  node: JsonNode;
  compares: Compares;
  /** The value as written, and its start (inside the quotes), split on `;` for triggerAllowedUsers. */
  items: { text: string; start: number }[];
  /** Everything the same list holds (to tell a harmless extra ID from the only one). */
  siblings: string[];
}

function stringItems(node: JsonNode, text: string, split: boolean): { text: string; start: number }[] {
  const raw = text.substring(node.offset + 1, node.offset + node.length - 1);
  if (!split) return [{ text: String(node.value), start: node.offset + 1 }];
  const out: { text: string; start: number }[] = [];
  let at = 0;
  for (const part of raw.split(';')) {
    const lead = part.length - part.trimStart().length;
    const t = part.trim();
    if (t) out.push({ text: t, start: node.offset + 1 + at + lead });
    at += part.length + 1;
  }
  return out;
}

/** What the string node compares, from the keys above it (or the claim it is the value of). */
function comparesOf(node: JsonNode): { compares: Compares; split: boolean } | undefined {
  const keys = getNodePath(node).filter((k): k is string => typeof k === 'string');
  const last = keys[keys.length - 1];
  if (last === 'allowedCallers') return { compares: 'principal', split: false };
  if (last === 'triggerAllowedUsers') return { compares: 'principal', split: true };
  if (keys.includes('allowedPrincipals')) return { compares: 'principal', split: false };
  if (last === 'allowedApplications') return { compares: 'client', split: false };
  if (last === 'value' && keys.includes('claims')) {
    const claim = node.parent?.parent;
    const name = claim && findNodeAtLocation(claim, ['name']);
    const n = typeof name?.value === 'string' ? name.value : '';
    if (n === 'oid' || n === 'sub') return { compares: 'principal', split: false };
    if (n === 'appid' || n === 'azp') return { compares: 'client', split: false };
  }
  return undefined;
}

function valuesIn(root: JsonNode, text: string, range: SourceRange): Value[] {
  const out: Value[] = [];
  const stack: JsonNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.offset + node.length < range.start || node.offset > range.end) continue;
    if (node.type === 'string' && node.offset >= range.start && node.offset + node.length <= range.end) {
      const what = comparesOf(node);
      if (!what) continue;
      const items = stringItems(node, text, what.split);
      const siblings = node.parent?.type === 'array'
        ? (node.parent.children ?? []).filter(c => c.type === 'string').map(c => String(c.value))
        : items.map(i => i.text);
      out.push({ node, compares: what.compares, items, siblings });
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return out;
}

function triggerRanges(flow: FlowConfig): SourceRange[] {
  const t = flow.trigger;
  return [t.powerAutomate?.range, t.logicAppConsumption?.range, t.logicAppStandard?.easyAuth?.range].filter((r): r is SourceRange => r !== undefined);
}

const CHECKS: Record<Compares, string[]> = {
  principal: ['caller', 'allowed-principals', 'policies'],
  client: ['caller', 'allowed-applications', 'policies'],
};

/** Every mix-up of the config's identities in its flows' allowed callers. */
export function callerIdMixups(entry: FlowConfigEntry): CallerIdMixup[] {
  const identities = Object.values(entry.config.identities).filter(i => isGuid(i.clientId) || isGuid(i.principalId));
  const out: CallerIdMixup[] = [];
  const trees = new Map<string, JsonNode | undefined>();
  if (identities.length > 0) {
    for (const flow of Object.values(entry.config.flows)) {
      for (const range of triggerRanges(flow)) {
        const text = flowFileText(entry, range.uri);
        if (text === undefined) continue;
        if (!trees.has(range.uri)) trees.set(range.uri, parseTree(text));
        const root = trees.get(range.uri);
        if (!root) continue;
        for (const v of valuesIn(root, text, range)) out.push(...mixupsOf(v, identities, flow.name, range.uri));
      }
    }
  }
  return out;
}

function mixupsOf(v: Value, identities: IdentityConfig[], flow: string, uri: string): CallerIdMixup[] {
  const out: CallerIdMixup[] = [];
  for (const item of v.items) {
    for (const identity of identities) {
      // the other ID of the identity, written where this one belongs
      const wrong = v.compares === 'principal' ? identity.clientId : identity.principalId;
      const right = v.compares === 'principal' ? identity.principalId : identity.clientId;
      if (!wrong || !isGuid(wrong) || !sameId(item.text, wrong) || (right && sameId(wrong, right))) continue;
      // the right ID listed as well: the extra one is harmless
      if (right && v.siblings.some(s => s.split(';').some(x => sameId(x.trim(), right)))) continue;
      out.push({
        flow, identity: identity.name, uri, start: item.start, end: item.start + item.text.length,
        replacement: right && isGuid(right) ? right : undefined, compares: v.compares, checks: CHECKS[v.compares],
      });
    }
  }
  return out;
}

/** The mix-ups as problems of the file that holds them (apim-flows.json or a definition). */
export function callerIdProblems(entry: FlowConfigEntry): (ConfigProblem & { data?: { replacement: string } })[] {
  return callerIdMixups(entry).map(m => {
    const fix = m.replacement ? `Replace with ${m.replacement}` : 'Replace with the identity\'s other ID';
    const message = m.compares === 'principal'
      ? `${fix}, the principal (object) ID of '${m.identity}': this is its client (application) ID, and '${m.flow}' compares the token's oid, so APIM's call would be refused.`
      : `${fix}, the client (application) ID of '${m.identity}': this is its principal (object) ID, and '${m.flow}' compares the token's appid/azp, so APIM's call would be refused.`;
    return {
      uri: m.uri, start: m.start, end: m.end, severity: 'error' as const, code: CALLER_ID_CODE, message,
      ...(m.replacement ? { data: { replacement: m.replacement } } : {}),
    };
  });
}
