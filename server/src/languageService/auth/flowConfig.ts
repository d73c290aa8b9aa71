/**
 * Reads `apim-flows.json` (DESIGN.md "The flow config"): APIM identities, app registrations, and
 * the flows APIM calls with what their triggers accept. Never throws: a broken file gives problems
 * at exact offsets and whatever part of the config could be read.
 */

import type { Node } from 'jsonc-parser';
import type { Cloud, ConfigProblem, FlowConfig, FlowsConfig, FlowType, IdentityConfig, ResourceConfig, TriggerAuth } from './types';
import { isCloud, isGuid, CLOUDS } from './audiences';
import { readGuid, readString, type ConfigReader } from './configReader';
import { readDefinition } from './definitions';
import { isObject, parseJsonText, problemAt, properties, property, rangeOf, stringList, stringOf, valueOf, type JsonProperty } from './jsonNodes';
import { FLOW_TYPES, isFlowType, platformOf, PLATFORMS } from './platforms';
import { parseTriggerUrl } from './platforms/triggerUrl';
import { isRefusal, type FileRead, type Refusal } from '../workspace/fileRead';
import { parseIp } from './platforms/logicAppsAccessControl';

export interface FlowsConfigResult {
  config: FlowsConfig;
  problems: ConfigProblem[];
}

/** What the parser needs from its host: file reads and URI resolution, both synchronous. */
interface Context extends ConfigReader {
  readFile: (uri: string) => FileRead;
  resolveUri: (base: string, relative: string) => string | Refusal;
}

/**
 * Parses the flow config at `uri`. `definition` paths are resolved against `uri` with `resolveUri`
 * and read with `readFile` (undefined = missing); their problems carry the definition file's URI.
 * A path either of them refuses (outside the workspace, not a regular file, too large) is an
 * error on the `definition` value saying why.
 */
export function parseFlowsConfig(
  uri: string,
  text: string,
  readFile: (uri: string) => FileRead,
  resolveUri: (base: string, relative: string) => string | Refusal,
): FlowsConfigResult {
  const problems: ConfigProblem[] = [];
  // Null-prototype maps: names come from the file, and `__proto__` or `toString` is a name like any other.
  const config: FlowsConfig = { uri, cloud: 'public', identities: Object.create(null), resources: Object.create(null), flows: Object.create(null) };
  const ctx: Context = { uri, problems, readFile, resolveUri };
  const root = parseJsonText(uri, text, 'flows-json-syntax', problems);
  if (!isObject(root)) {
    if (root) problems.push(problemAt(uri, root, 'error', 'flows-not-object', 'apim-flows.json must hold a JSON object.'));
    else if (problems.length === 0) problems.push({ uri, start: 0, end: 0, severity: 'error', code: 'flows-not-object', message: 'apim-flows.json is empty.' });
    return { config, problems };
  }
  warnDuplicateKeys(ctx, root);
  config.tenantId = readGuid(ctx, property(root, 'tenantId'), 'tenantId');
  config.cloud = readCloud(ctx, property(root, 'cloud')) ?? 'public';
  config.apimOutboundIpAddresses = readAddresses(ctx, property(root, 'apimOutboundIpAddresses'));
  for (const entry of objectEntries(ctx, property(root, 'identities'))) {
    const identity = readIdentity(ctx, entry);
    if (identity) config.identities[entry.name] = identity;
  }
  for (const entry of objectEntries(ctx, property(root, 'resources'))) {
    const resource = readResource(ctx, entry);
    if (resource) config.resources[entry.name] = resource;
  }
  for (const entry of objectEntries(ctx, property(root, 'flows'))) {
    const flow = readFlow(ctx, entry, config);
    if (flow) config.flows[entry.name] = flow;
  }
  return { config, problems };
}

/**
 * A flow, identity or resource of the config by name, never one of Object.prototype's members
 * (`--flow toString` is a name that is not there, not a function).
 */
export function ownEntry<T>(entries: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(entries, name) ? entries[name] : undefined;
}

/** The entries of an object; of duplicate names only the later one, which is the one that counts. */
function objectEntries(ctx: Context, prop: JsonProperty | undefined): JsonProperty[] {
  if (!prop) return [];
  if (!isObject(prop.value)) {
    ctx.problems.push(problemAt(ctx.uri, prop.value, 'error', 'flows-invalid-value', `"${prop.name}" must be an object.`));
    return [];
  }
  const all = properties(prop.value);
  const last = new Map(all.map(p => [p.name, p]));
  return all.filter(p => last.get(p.name) === p);
}

/**
 * A warning on every key that repeats an earlier one in the same object, anywhere in the config:
 * JSON readers keep the later value, so the earlier entry is silently ignored.
 */
function warnDuplicateKeys(ctx: Context, root: Node): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const p of properties(node)) {
        if (seen.has(p.name)) {
          ctx.problems.push(problemAt(ctx.uri, p.key, 'warning', 'flows-duplicate-key',
            `Duplicate key ${JSON.stringify(p.name)}: the later one wins, as with JSON.parse; the earlier one is ignored.`));
        }
        seen.add(p.name);
      }
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function readCloud(ctx: Context, prop: JsonProperty | undefined): Cloud | undefined {
  const s = readString(ctx, prop);
  if (s === undefined) return undefined;
  if (!isCloud(s)) {
    ctx.problems.push(problemAt(ctx.uri, prop!.value, 'error', 'flows-unknown-cloud', `Unknown cloud ${JSON.stringify(s)}: use one of ${CLOUDS.join(', ')}.`));
    return undefined;
  }
  return s;
}

function readIdentity(ctx: Context, entry: JsonProperty): IdentityConfig | undefined {
  if (!isObject(entry.value)) {
    ctx.problems.push(problemAt(ctx.uri, entry.value, 'error', 'flows-invalid-value', `Identity '${entry.name}' must be an object.`));
    return undefined;
  }
  const typeProp = property(entry.value, 'type');
  const type = stringOf(typeProp?.value);
  if (type !== 'system' && type !== 'user') {
    ctx.problems.push(problemAt(ctx.uri, typeProp?.value ?? entry.key, 'error', 'flows-invalid-identity-type',
      `Identity '${entry.name}' needs "type": "system" (APIM's system-assigned identity) or "user" (a user-assigned identity, chosen by client-id).`));
  }
  return {
    name: entry.name,
    type: type === 'system' ? 'system' : 'user',
    principalId: readGuid(ctx, property(entry.value, 'principalId'), 'principalId'),
    clientId: readGuid(ctx, property(entry.value, 'clientId'), 'clientId'),
    tenantId: readGuid(ctx, property(entry.value, 'tenantId'), 'tenantId'),
    range: rangeOf(ctx.uri, entry.value),
  };
}

function readResource(ctx: Context, entry: JsonProperty): ResourceConfig | undefined {
  if (!isObject(entry.value)) {
    ctx.problems.push(problemAt(ctx.uri, entry.value, 'error', 'flows-invalid-value', `Resource '${entry.name}' must be an object.`));
    return undefined;
  }
  const versionNode = valueOf(entry.value, 'tokenVersion');
  let tokenVersion: 1 | 2 = 1;
  if (versionNode) {
    if (versionNode.value === 1 || versionNode.value === 2) tokenVersion = versionNode.value;
    else ctx.problems.push(problemAt(ctx.uri, versionNode, 'error', 'flows-invalid-token-version', 'tokenVersion must be 1 or 2 (the app registration\'s requestedAccessTokenVersion; null means 1).'));
  }
  const clientId = readGuid(ctx, property(entry.value, 'clientId'), 'clientId');
  if (tokenVersion === 2 && !clientId && !isGuid(entry.name)) {
    ctx.problems.push(problemAt(ctx.uri, entry.key, 'information', 'flows-resource-no-client-id',
      'v2 tokens carry the app\'s client ID as aud: add "clientId" so the audience can be predicted.'));
  }
  const optionalProp = property(entry.value, 'optionalClaims');
  if (optionalProp && optionalProp.value.type !== 'array') {
    ctx.problems.push(problemAt(ctx.uri, optionalProp.value, 'error', 'flows-invalid-value', '"optionalClaims" must be an array of claim names (the app registration\'s optionalClaims.accessToken).'));
  }
  const resource: ResourceConfig = { resource: entry.name, tokenVersion, clientId, range: rangeOf(ctx.uri, entry.value) };
  if (optionalProp?.value.type === 'array') resource.optionalClaims = stringList(optionalProp.value).items;
  return resource;
}

function readFlow(ctx: Context, entry: JsonProperty, config: FlowsConfig): FlowConfig | undefined {
  const { uri, problems } = ctx;
  if (!isObject(entry.value)) {
    problems.push(problemAt(uri, entry.value, 'error', 'flows-invalid-value', `Flow '${entry.name}' must be an object.`));
    return undefined;
  }
  const obj = entry.value;
  const typeProp = property(obj, 'type');
  const declared = readString(ctx, typeProp);
  let type: FlowType | undefined;
  if (declared !== undefined) {
    if (isFlowType(declared)) type = declared;
    else problems.push(problemAt(uri, typeProp!.value, 'error', 'flows-unknown-flow-type', `Unknown flow type ${JSON.stringify(declared)}: use one of ${FLOW_TYPES.join(', ')}.`));
  }

  let trigger: TriggerAuth = {};
  let definitionUri: string | undefined;
  const defProp = property(obj, 'definition');
  const defPath = readString(ctx, defProp);
  if (defPath !== undefined) {
    const resolved = safe(() => ctx.resolveUri(uri, defPath));
    const text = typeof resolved === 'string' ? safe(() => ctx.readFile(resolved)) : resolved;
    if (isRefusal(text)) {
      problems.push(problemAt(uri, defProp!.value, 'error', 'flows-definition-refused', `Definition file not read: ${defPath} is ${text.error}.`));
    } else if (typeof resolved !== 'string' || text === undefined) {
      problems.push(problemAt(uri, defProp!.value, 'error', 'flows-definition-not-found', `Definition file not found: ${defPath} (resolved against this file's folder).`));
    } else {
      const def = readDefinition(resolved, text, type);
      problems.push(...def.problems);
      trigger = def.trigger;
      definitionUri = resolved;
      if (type === undefined && declared === undefined) type = def.type;
      else if (type !== undefined && def.type !== undefined && def.type !== type) {
        problems.push(problemAt(uri, defProp!.value, 'warning', 'flows-definition-type-mismatch',
          `The definition file looks like a ${def.type} definition, but the flow's type is ${type}.`));
      }
    }
  }
  if (type === undefined) {
    if (declared === undefined) {
      problems.push(problemAt(uri, entry.key, 'error', 'flows-missing-flow-type', `Flow '${entry.name}' needs "type": ${FLOW_TYPES.join(' | ')}.`));
    }
    return undefined;
  }

  const fromDefinition = definitionUri !== undefined;
  readInlineTrigger(ctx, obj, type, trigger, fromDefinition);

  const url = readString(ctx, property(obj, 'url'));
  const policiesProp = property(obj, 'policies');
  const policies = policiesProp ? stringList(policiesProp.value).items : [];
  if (policiesProp && policiesProp.value.type !== 'array') {
    problems.push(problemAt(uri, policiesProp.value, 'error', 'flows-invalid-value', '"policies" must be an array of glob patterns.'));
  }
  const cloud = readCloud(ctx, property(obj, 'cloud')) ?? config.cloud;
  if (url !== undefined) checkUrl(ctx, property(obj, 'url')!.value, url, type, cloud);
  if (url === undefined && policies.length === 0) {
    problems.push(problemAt(uri, entry.key, 'warning', 'flows-no-link',
      `Flow '${entry.name}' has neither "url" nor "policies": no policy can be linked to it.`));
  }
  const platform = platformOf(type);
  if (!platform.hasTriggerFacts(trigger) && defPath === undefined) {
    problems.push(problemAt(uri, entry.key, 'information', 'flows-trigger-unknown',
      `Cannot determine the trigger authentication of '${entry.name}': add ${platform.missingFactsHint}.`));
  }
  return {
    name: entry.name,
    type,
    url,
    tenantId: readGuid(ctx, property(obj, 'tenantId'), 'tenantId') ?? config.tenantId,
    cloud,
    trigger,
    policies,
    definitionUri,
    apimOutboundIpAddresses: config.apimOutboundIpAddresses,
    range: rangeOf(uri, obj),
  };
}

/** `apimOutboundIpAddresses`: APIM's public outbound addresses (the portal's Overview shows them). */
function readAddresses(ctx: Context, prop: JsonProperty | undefined): string[] | undefined {
  if (!prop) return undefined;
  const list = prop.value.type === 'array' ? stringList(prop.value).items : undefined;
  if (!list) {
    ctx.problems.push(problemAt(ctx.uri, prop.value, 'error', 'flows-invalid-value', '"apimOutboundIpAddresses" must be an array of IP addresses.'));
    return undefined;
  }
  for (const item of prop.value.children ?? []) {
    if (item.type === 'string' && parseIp(String(item.value)) === undefined) {
      ctx.problems.push(problemAt(ctx.uri, item, 'warning', 'flows-invalid-value', `Not an IPv4 address: ${JSON.stringify(item.value)}; it is not compared with allowed caller ranges.`));
    }
  }
  return list;
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/**
 * The inline trigger sections of the platforms (`trigger`, `openAuthenticationPolicies`,
 * `sasAuthenticationPolicy`, `easyAuth`…): they win over a definition file. A section of another
 * platform is a warning.
 */
function readInlineTrigger(ctx: Context, obj: Node, type: FlowType, trigger: TriggerAuth, fromDefinition: boolean): void {
  const { uri, problems } = ctx;
  const own = platformOf(type).configSections;
  const names = [...new Set(PLATFORMS.flatMap(p => p.configSections.map(section => section.name)))];
  for (const name of names) {
    const prop = property(obj, name);
    if (!prop) continue;
    const section = own.find(x => x.name === name);
    if (!section) {
      const owners = PLATFORMS.filter(p => p.configSections.some(x => x.name === name)).map(p => p.type).join(' or ');
      problems.push(problemAt(uri, prop.key, 'warning', 'flows-not-applicable', `"${name}" applies to ${owners} flows only; this flow is ${type}.`));
    } else if (!section.object) section.read(ctx, prop.value, trigger);
    else if (!isObject(prop.value)) problems.push(problemAt(uri, prop.value, 'error', 'flows-invalid-value', `"${name}" must be an object.`));
    else {
      if (fromDefinition) problems.push(problemAt(uri, prop.key, 'information', 'flows-inline-overrides-definition', `"${name}" here takes precedence over the definition file.`));
      section.read(ctx, prop.value, trigger);
    }
  }
}

function checkUrl(ctx: Context, node: Node, url: string, type: FlowType, cloud: Cloud): void {
  const info = parseTriggerUrl(url);
  if (!info || !/^https?:\/\//i.test(url.trim())) {
    ctx.problems.push(problemAt(ctx.uri, node, 'warning', 'flows-invalid-url', 'The trigger URL should be an absolute https:// URL (as the flow or logic app shows it).'));
    return;
  }
  const platform = platformOf(type);
  if (info.hostKind !== 'other' && !platform.acceptedHostKinds.includes(info.hostKind)) {
    ctx.problems.push(problemAt(ctx.uri, node, 'warning', 'flows-url-host-mismatch', `The host ${info.host} is not a ${type} trigger host.`));
  }
  for (const note of platform.urlNotes?.(info, cloud) ?? []) ctx.problems.push(problemAt(ctx.uri, node, note.severity, note.code, note.message));
}
