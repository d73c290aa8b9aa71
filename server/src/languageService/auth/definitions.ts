/**
 * Reads what a Request trigger accepts from the files people keep in git: Power Automate exports
 * (solution `Workflows/*.json`, legacy `definition.json`), bare workflow definitions, Logic Apps
 * Consumption ARM templates or workflow resources, and Logic Apps Standard `workflow.json` /
 * `authsettingsV2` resources. Facts: flow-auth-facts §1.3, §2.1, §2.2, §2.4, §6 #0.
 *
 * Tolerant: JSON with comments, trailing commas, BOM; problems carry offsets in the file read.
 */

import type { Node } from 'jsonc-parser';
import { parseJsonTree } from '../utils/json';
import type { ConfigProblem, EasyAuthSettings, FlowType, OpenAuthClaim, OpenAuthPolicy, PowerAutomateAuth, SourceRange, TriggerAuth } from './types';
import { isEmail, isGuid, V1_ISSUER_PREFIX, V2_ISSUER_PREFIX } from './audiences';

/** Logic Apps limits for `openAuthenticationPolicies` (§2.2). */
export const LOGIC_APPS_LIMITS = { policies: 5, claimsPerPolicy: 10, claimValueLength: 150 } as const;

// ---------------------------------------------------------------------------------------------
// JSON tree helpers (shared with flowConfig.ts)

export interface JsonProperty {
  name: string;
  key: Node;
  value: Node;
}

/** Parses JSONC into an offset tree (depth-bounded, see utils/json); syntax errors become problems with `code`. */
export function parseJsonText(uri: string, text: string, code: string, problems: ConfigProblem[]): Node | undefined {
  const { root, errors } = parseJsonTree(text);
  for (const e of errors) {
    problems.push({ uri, start: e.offset, end: e.offset + e.length, severity: 'error', code, message: `JSON syntax: ${e.message}.` });
  }
  return root;
}

export function properties(obj: Node | undefined): JsonProperty[] {
  const out: JsonProperty[] = [];
  if (!obj || obj.type !== 'object' || !obj.children) return out;
  for (const p of obj.children) {
    const [key, value] = p.children ?? [];
    if (key && value && typeof key.value === 'string') out.push({ name: key.value, key, value });
  }
  return out;
}

/**
 * The property `name` of an object node (exact name first, then case-insensitive when asked).
 * Of duplicate keys the later one wins, as with JSON.parse and jsonc-parser's `getNodeValue`.
 */
export function property(obj: Node | undefined, name: string, ignoreCase = false): JsonProperty | undefined {
  const all = properties(obj);
  const exact = lastOf(all, p => p.name === name);
  if (exact || !ignoreCase) return exact;
  const lower = name.toLowerCase();
  return lastOf(all, p => p.name.toLowerCase() === lower);
}

function lastOf<T>(items: T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}

export function valueOf(obj: Node | undefined, name: string, ignoreCase = false): Node | undefined {
  return property(obj, name, ignoreCase)?.value;
}

export function stringOf(node: Node | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

export function isObject(node: Node | undefined): node is Node {
  return node !== undefined && node.type === 'object';
}

export function rangeOf(uri: string, node: Node): SourceRange {
  return { uri, start: node.offset, end: node.offset + node.length };
}

export function problemAt(uri: string, node: Node, severity: ConfigProblem['severity'], code: string, message: string): ConfigProblem {
  return { uri, start: node.offset, end: node.offset + node.length, severity, code, message };
}

/** Strings of an array node; a single string is split on `separator` when one is given. */
export function stringList(node: Node | undefined, separator?: string): { items: string[]; nodes: Node[] } {
  if (!node) return { items: [], nodes: [] };
  if (node.type === 'string' && separator !== undefined) {
    const items = String(node.value).split(separator).map(s => s.trim()).filter(s => s.length > 0);
    return { items, nodes: items.map(() => node) };
  }
  if (node.type !== 'array' || !node.children) return { items: [], nodes: [] };
  const items: string[] = [];
  const nodes: Node[] = [];
  for (const c of node.children) {
    if (c.type === 'string' && String(c.value).trim().length > 0) {
      items.push(String(c.value).trim());
      nodes.push(c);
    }
  }
  return { items, nodes };
}

// ---------------------------------------------------------------------------------------------
// ARM template expressions

/** `[parameters('x')]`, `[concat(…)]`: evaluated at deployment, not comparable here. `[[` escapes a literal `[`. */
export function isArmExpression(value: string): boolean {
  const v = value.trim();
  return v.startsWith('[') && !v.startsWith('[[') && v.endsWith(']');
}

/** The literal an ARM string stands for: `[[x]` is the text `[x]`. */
function armLiteral(value: string): string {
  return value.startsWith('[[') ? value.slice(1) : value;
}

// ---------------------------------------------------------------------------------------------
// Logic Apps open authentication policies

/**
 * Reads `openAuthenticationPolicies` (`{ policies: { <name>: { type, claims } } }`, or the policy map
 * itself) and checks the Logic Apps rules and limits. Used for ARM files and inline config alike.
 */
export function readOpenAuthPolicies(node: Node, uri: string, problems: ConfigProblem[]): OpenAuthPolicy[] {
  const wrapped = valueOf(node, 'policies', true);
  const map = isObject(wrapped) ? wrapped : node;
  if (!isObject(map)) {
    problems.push(problemAt(uri, wrapped ?? node, 'error', 'la-invalid-policies', '`policies` must be an object of named policies.'));
    return [];
  }
  const entries = properties(map);
  if (entries.length > LOGIC_APPS_LIMITS.policies) {
    problems.push(problemAt(uri, map, 'error', 'la-too-many-policies',
      `Logic Apps allows at most ${LOGIC_APPS_LIMITS.policies} authorization policies per logic app; this has ${entries.length}.`));
  }
  const policies: OpenAuthPolicy[] = [];
  for (const entry of entries) {
    if (!isObject(entry.value)) {
      problems.push(problemAt(uri, entry.value, 'error', 'la-invalid-policies', `Policy '${entry.name}' must be an object with \`type\` and \`claims\`.`));
      continue;
    }
    policies.push(readPolicy(entry, uri, problems));
  }
  return policies;
}

function readPolicy(entry: JsonProperty, uri: string, problems: ConfigProblem[]): OpenAuthPolicy {
  const typeNode = valueOf(entry.value, 'type', true);
  let type = stringOf(typeNode) ?? 'AAD';
  if (!typeNode) {
    problems.push(problemAt(uri, entry.key, 'warning', 'la-policy-type', `Policy '${entry.name}' has no \`type\`; "AAD" (Bearer) is assumed.`));
  } else if (!/^(AAD|AADPOP)$/i.test(type)) {
    problems.push(problemAt(uri, typeNode, 'error', 'la-policy-type', `Policy type must be "AAD" (Bearer) or "AADPOP" (proof of possession); got ${JSON.stringify(typeNode.value)}.`));
  } else {
    type = type.toUpperCase();
  }
  const claimsNode = valueOf(entry.value, 'claims', true);
  const claims: OpenAuthClaim[] = [];
  const valueNodes = new Map<OpenAuthClaim, Node>();
  if (!claimsNode || claimsNode.type !== 'array') {
    problems.push(problemAt(uri, claimsNode ?? entry.key, 'error', 'la-invalid-claims', `Policy '${entry.name}' needs a \`claims\` array of { "name", "value" }.`));
  } else {
    const items = claimsNode.children ?? [];
    if (items.length > LOGIC_APPS_LIMITS.claimsPerPolicy) {
      problems.push(problemAt(uri, claimsNode, 'error', 'la-too-many-claims',
        `Logic Apps allows at most ${LOGIC_APPS_LIMITS.claimsPerPolicy} claims per policy; '${entry.name}' has ${items.length}.`));
    }
    for (const item of items) {
      const read = readClaim(item, uri, problems);
      if (!read) continue;
      claims.push(read.claim);
      valueNodes.set(read.claim, read.valueNode);
    }
  }
  const iss = claims.find(c => c.name === 'iss');
  if (!iss) {
    const alias = claims.find(c => /^issuer$/i.test(c.name));
    problems.push(problemAt(uri, entry.key, 'error', 'la-missing-iss',
      `Policy '${entry.name}' has no \`iss\` claim; Logic Apps requires the issuer in every policy${alias ? ` (write the claim name as "iss", not "${alias.name}")` : ''}.`));
  } else if (!iss.expression && !iss.value.startsWith(V1_ISSUER_PREFIX) && !iss.value.startsWith(V2_ISSUER_PREFIX)) {
    problems.push(problemAt(uri, valueNodes.get(iss) ?? entry.key, 'error', 'la-invalid-iss',
      `The \`iss\` claim must start with ${V1_ISSUER_PREFIX} (v1 tokens) or ${V2_ISSUER_PREFIX} (v2 tokens); got ${JSON.stringify(iss.value)}.`));
  }
  return { name: entry.name, type, claims, range: rangeOf(uri, entry.value) };
}

function readClaim(item: Node, uri: string, problems: ConfigProblem[]): { claim: OpenAuthClaim; valueNode: Node } | undefined {
  if (!isObject(item)) {
    problems.push(problemAt(uri, item, 'error', 'la-invalid-claims', 'A claim must be an object { "name": …, "value": … }.'));
    return undefined;
  }
  const name = stringOf(valueOf(item, 'name', true));
  const valueProp = property(item, 'value', true);
  const valuesProp = property(item, 'values', true);
  if (name === undefined || name.trim() === '') {
    problems.push(problemAt(uri, item, 'error', 'la-invalid-claims', 'A claim needs a `name` (the JWT claim, e.g. "iss", "aud", "oid").'));
    return undefined;
  }
  if (!valueProp) {
    if (valuesProp) {
      problems.push(problemAt(uri, valuesProp.key, 'error', 'la-claim-values',
        'Logic Apps reads `value` (one string); `values` makes the deployment fail.'));
    } else {
      problems.push(problemAt(uri, item, 'error', 'la-invalid-claims', `Claim '${name}' has no \`value\`.`));
    }
    return undefined;
  }
  if (valueProp.value.type !== 'string') {
    problems.push(problemAt(uri, valueProp.value, 'error', 'la-claim-not-string',
      `Claim '${name}': each claim value must be one string, not ${valueProp.value.type === 'array' ? 'an array' : `a ${valueProp.value.type}`}.`));
    return undefined;
  }
  const raw = String(valueProp.value.value);
  const range = rangeOf(uri, valueProp.value);
  if (isArmExpression(raw)) {
    problems.push(problemAt(uri, valueProp.value, 'information', 'la-claim-expression',
      `Claim '${name}' is an ARM template expression, known only at deployment: it is kept as written and not compared with tokens.`));
    return { claim: { name, value: raw, expression: true, range }, valueNode: valueProp.value };
  }
  const value = armLiteral(raw);
  if (value.length > LOGIC_APPS_LIMITS.claimValueLength) {
    problems.push(problemAt(uri, valueProp.value, 'error', 'la-claim-value-too-long',
      `Claim '${name}' is ${value.length} characters; Logic Apps allows at most ${LOGIC_APPS_LIMITS.claimValueLength} (deployment fails with InvalidOAuthClaimValue).`));
  }
  return { claim: { name, value, range }, valueNode: valueProp.value };
}

// ---------------------------------------------------------------------------------------------
// Definition files

export interface DefinitionResult {
  /** The kind of flow the file describes, when the file says so. */
  type?: FlowType;
  trigger: TriggerAuth;
  problems: ConfigProblem[];
}

interface RequestTrigger {
  name: string;
  node: Node;
  inputs?: Node;
}

/** What the file is, found by its shape. */
interface Located {
  /** The workflow `definition` object (holds `triggers`). */
  definition?: Node;
  /** `accessControl` of a Consumption workflow. */
  accessControl?: Node;
  /** The type the shape implies, before reading the trigger. */
  implied?: FlowType;
  /** Standard: `authsettingsV2` properties, the site's properties. */
  authSettings?: Node;
  site?: Node;
  /** What a reader should call the file in messages. */
  label: string;
}

/**
 * Reads the trigger authentication of one flow or logic app from its definition file. `expected`
 * is the type the flow config declares: it decides how to read a file that does not say itself.
 */
export function readDefinition(uri: string, text: string, expected?: FlowType): DefinitionResult {
  const problems: ConfigProblem[] = [];
  const trigger: TriggerAuth = {};
  const root = parseJsonText(uri, text, 'def-json-syntax', problems);
  if (!isObject(root)) {
    if (root) problems.push(problemAt(uri, root, 'error', 'def-not-object', 'A definition file must hold a JSON object.'));
    else if (!problems.some(p => p.code === 'def-json-syntax')) problems.push({ uri, start: 0, end: 0, severity: 'error', code: 'def-not-object', message: 'The definition file is empty.' });
    return { type: expected, trigger, problems };
  }
  const located = locate(root, uri, expected, problems);
  const request = located.definition ? findRequestTrigger(located.definition, uri, problems) : undefined;
  if (request) trigger.triggerName = request.name;
  if (located.definition && !request && !problems.some(p => p.code === 'def-no-request-trigger')) {
    problems.push(problemAt(uri, valueOf(located.definition, 'triggers') ?? located.definition, 'information', 'def-no-request-trigger',
      'No HTTP Request trigger in this workflow: the trigger authentication cannot be determined.'));
  }
  const authType = request?.inputs ? property(request.inputs, 'triggerAuthenticationType', true) : undefined;
  const allowedUsers = request?.inputs ? property(request.inputs, 'triggerAllowedUsers', true) : undefined;

  let type: FlowType | undefined = located.implied;
  if (authType || allowedUsers) type = 'powerAutomate';
  else if (type === undefined) type = expected;
  const readAs = new Set<FlowType>([...(type ? [type] : []), ...(expected ? [expected] : [])]);

  if (readAs.has('powerAutomate')) {
    trigger.powerAutomate = readPowerAutomate(uri, request, authType, allowedUsers, problems);
  }
  if (readAs.has('logicAppConsumption') || located.accessControl) {
    trigger.logicAppConsumption = readConsumption(uri, located.accessControl, located.label, problems, root);
  }
  if (readAs.has('logicAppStandard')) {
    trigger.logicAppStandard = readStandard(uri, located, problems, root);
  }
  return { type, trigger, problems };
}

function typeIs(node: Node | undefined, type: string): boolean {
  return (stringOf(valueOf(node, 'type', true)) ?? '').toLowerCase() === type.toLowerCase();
}

/** Resources of an ARM template: an array, or (languageVersion 2.0) an object of symbolic names; nested ones too. */
function armResources(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (container: Node | undefined, depth: number) => {
    if (!container || depth > 4) return;
    const items = container.type === 'array' ? container.children ?? [] : properties(container).map(p => p.value);
    for (const r of items) {
      if (!isObject(r)) continue;
      out.push(r);
      visit(valueOf(r, 'resources', true), depth + 1);
    }
  };
  visit(valueOf(root, 'resources', true), 0);
  return out;
}

function locate(root: Node, uri: string, expected: FlowType | undefined, problems: ConfigProblem[]): Located {
  const resources = valueOf(root, 'resources', true);
  if (resources && (resources.type === 'array' || resources.type === 'object')) {
    const all = armResources(root);
    const workflows = all.filter(r => typeIs(r, 'Microsoft.Logic/workflows'));
    const sites = all.filter(r => typeIs(r, 'Microsoft.Web/sites'));
    const auth = all.filter(r => (typeIs(r, 'Microsoft.Web/sites/config') || typeIs(r, 'config'))
      && /authsettingsv2/i.test(stringOf(valueOf(r, 'name', true)) ?? ''));
    const standard = sites.length > 0 || auth.length > 0;
    if (workflows.length > 0 && !(expected === 'logicAppStandard' && standard)) {
      if (workflows.length > 1) {
        problems.push(problemAt(uri, workflows[1], 'information', 'def-multiple-workflows',
          `The template holds ${workflows.length} Microsoft.Logic/workflows resources; the first one is read.`));
      }
      const props = valueOf(workflows[0], 'properties', true);
      return { definition: objectOrUndefined(valueOf(props, 'definition', true)), accessControl: objectOrUndefined(valueOf(props, 'accessControl', true)), implied: 'logicAppConsumption', label: 'ARM template' };
    }
    if (standard) {
      const site = sites.find(s => /workflowapp/i.test(stringOf(valueOf(s, 'kind', true)) ?? '')) ?? sites[0];
      return { authSettings: valueOf(auth[0], 'properties', true), site: valueOf(site, 'properties', true), implied: 'logicAppStandard', label: 'ARM template' };
    }
    problems.push(problemAt(uri, property(root, 'resources', true)!.key, 'information', 'def-no-workflow',
      'No Microsoft.Logic/workflows (or Logic Apps Standard site) resource in this template: the trigger authentication cannot be determined.'));
    return { label: 'ARM template' };
  }
  const props = valueOf(root, 'properties', true);
  const authRoot = valueOf(root, 'identityProviders', true) ? root : valueOf(props, 'identityProviders', true) ? props : undefined;
  if (authRoot) return { authSettings: authRoot, implied: 'logicAppStandard', label: 'authsettingsV2' };
  if (isObject(valueOf(props, 'definition', true)) || typeIs(root, 'Microsoft.Logic/workflows')) {
    const accessControl = objectOrUndefined(valueOf(props, 'accessControl', true));
    const paExport = property(root, 'schemaVersion', true) !== undefined || property(props, 'connectionReferences', true) !== undefined;
    const implied: FlowType | undefined = accessControl || typeIs(root, 'Microsoft.Logic/workflows') ? 'logicAppConsumption' : paExport ? 'powerAutomate' : undefined;
    return { definition: objectOrUndefined(valueOf(props, 'definition', true)), accessControl, implied, label: paExport ? 'flow export' : 'workflow resource' };
  }
  const definition = valueOf(root, 'definition', true);
  if (isObject(definition)) {
    // Logic Apps Standard `workflow.json`: { definition, kind: Stateful | Stateless }.
    const kind = stringOf(valueOf(root, 'kind', true)) ?? '';
    return { definition, implied: /^(stateful|stateless|agentic)$/i.test(kind) ? 'logicAppStandard' : undefined, label: 'workflow.json' };
  }
  if (isObject(valueOf(root, 'triggers', true))) return { definition: root, label: 'workflow definition' };
  problems.push(problemAt(uri, root, 'information', 'def-unrecognized',
    'Not a recognised flow or Logic App definition (expected properties.definition, definition, triggers, or an ARM template with resources).'));
  return { label: 'file' };
}

function objectOrUndefined(node: Node | undefined): Node | undefined {
  return isObject(node) ? node : undefined;
}

/** An HTTP Request trigger: type Request and kind Http (or no kind). Other Request kinds (Button, PowerApp…) are not HTTP endpoints. */
function findRequestTrigger(definition: Node, uri: string, problems: ConfigProblem[]): RequestTrigger | undefined {
  const triggersNode = valueOf(definition, 'triggers', true);
  const triggers = properties(triggersNode);
  const requests = triggers.filter(t => typeIs(t.value, 'Request'));
  const http = requests.filter(t => {
    const kind = stringOf(valueOf(t.value, 'kind', true));
    return kind === undefined || /^(http|teamswebhook)$/i.test(kind);
  });
  if (http.length === 0) {
    if (requests.length > 0) {
      const kind = stringOf(valueOf(requests[0].value, 'kind', true));
      problems.push(problemAt(uri, requests[0].key, 'information', 'def-no-request-trigger',
        `Trigger '${requests[0].name}' is a Request trigger of kind "${kind}", not an HTTP endpoint.`));
    }
    return undefined;
  }
  const first = http[0];
  if (triggers.length > 1) {
    problems.push(problemAt(uri, first.key, 'information', 'def-multiple-triggers',
      `The workflow has ${triggers.length} triggers; the first HTTP Request trigger, '${first.name}', is read.`));
  }
  return { name: first.name, node: first.value, inputs: objectOrUndefined(valueOf(first.value, 'inputs', true)) };
}

const PA_MODES: Record<string, PowerAutomateAuth> = { all: 'anyone', tenant: 'tenant', user: 'specificUsers' };

function readPowerAutomate(uri: string, request: RequestTrigger | undefined, authType: JsonProperty | undefined, allowedUsers: JsonProperty | undefined, problems: ConfigProblem[]): NonNullable<TriggerAuth['powerAutomate']> {
  if (!request) return { mode: undefined, allowedCallers: [] };
  const at = request.inputs ?? request.node;
  const callers = stringList(allowedUsers?.value, ';');
  const result: NonNullable<TriggerAuth['powerAutomate']> = { mode: undefined, allowedCallers: callers.items, range: rangeOf(uri, at) };
  if (!authType) {
    result.mode = 'anyone';
    result.modeAssumed = true;
    problems.push(problemAt(uri, at, 'information', 'pa-mode-assumed',
      `Trigger '${request.name}' has no triggerAuthenticationType; "Anyone" (All) is assumed as older exports imply (UNCONFIRMED as a platform rule).`));
  } else {
    const raw = stringOf(authType.value);
    const mode = raw !== undefined ? PA_MODES[raw.toLowerCase()] : undefined;
    if (mode) {
      result.mode = mode;
    } else if (raw !== undefined && /^[@[]/.test(raw)) {
      problems.push(problemAt(uri, authType.value, 'information', 'pa-unknown-authentication',
        'triggerAuthenticationType is an expression: the trigger mode is known only at run time.'));
    } else {
      problems.push(problemAt(uri, authType.value, 'warning', 'pa-unknown-authentication',
        `Unknown triggerAuthenticationType ${JSON.stringify(authType.value.value)}: expected "All" (Anyone), "Tenant" (any user in my tenant) or "User" (specific users).`));
    }
  }
  if (result.mode === 'specificUsers' && callers.items.length === 0) {
    problems.push(problemAt(uri, allowedUsers?.value ?? authType!.value, 'information', 'pa-empty-allowed-callers',
      'Specific users with an empty list: access falls back to any user in the tenant.'));
  }
  checkCallers(uri, callers.items, callers.nodes, problems);
  return result;
}

/** Entries of an allowed-callers list should be object IDs (GUIDs) or e-mail addresses. */
export function checkCallers(uri: string, items: string[], nodes: Node[], problems: ConfigProblem[]): void {
  items.forEach((item, i) => {
    if (isGuid(item) || isEmail(item)) return;
    problems.push(problemAt(uri, nodes[i], 'warning', 'pa-invalid-caller',
      `'${item}' is neither an object ID (GUID) nor an e-mail address.`));
  });
}

function readConsumption(uri: string, accessControl: Node | undefined, label: string, problems: ConfigProblem[], root: Node): NonNullable<TriggerAuth['logicAppConsumption']> {
  const triggers = valueOf(accessControl, 'triggers', true);
  const open = valueOf(triggers, 'openAuthenticationPolicies', true);
  const sas = valueOf(triggers, 'sasAuthenticationPolicy', true);
  const sasDisabled = (stringOf(valueOf(sas, 'state', true)) ?? '').toLowerCase() === 'disabled';
  if (!accessControl) {
    problems.push(problemAt(uri, root, 'information', 'la-no-access-control',
      `This ${label} has no accessControl: the trigger accepts SAS only, no OAuth policy.`));
    return { policies: [], sasDisabled: false };
  }
  const policies = isObject(open) ? readOpenAuthPolicies(open, uri, problems) : [];
  return { policies, sasDisabled, range: rangeOf(uri, open ?? accessControl) };
}

function readStandard(uri: string, located: Located, problems: ConfigProblem[], root: Node): NonNullable<TriggerAuth['logicAppStandard']> {
  const sas = valueOf(valueOf(valueOf(located.site, 'logicAppsAccessControlConfiguration', true), 'triggers', true), 'sasAuthenticationPolicy', true);
  const sasDisabled = (stringOf(valueOf(sas, 'state', true)) ?? '').toLowerCase() === 'disabled';
  const settings = appSettings(located.site);
  if (!located.authSettings) {
    problems.push(problemAt(uri, root, 'information', 'la-standard-no-easy-auth',
      'Easy Auth (authsettingsV2) is not in this file: describe it with "easyAuth" on the flow in apim-flows.json.'));
    return { sasDisabled };
  }
  const aad = valueOf(valueOf(located.authSettings, 'identityProviders', true), 'azureActiveDirectory', true);
  const registration = valueOf(aad, 'registration', true);
  const validation = valueOf(aad, 'validation', true);
  const policy = valueOf(validation, 'defaultAuthorizationPolicy', true);
  const principals = valueOf(policy, 'allowedPrincipals', true);
  const tenants = settings.get('WEBSITE_AUTH_AAD_ALLOWED_TENANTS');
  const requireSp = settings.get('WEBSITE_AUTH_AAD_REQUIRE_CLIENT_SERVICE_PRINCIPAL');
  const easyAuth: EasyAuthSettings = {
    clientId: stringOf(valueOf(registration, 'clientId', true)),
    openIdIssuer: stringOf(valueOf(registration, 'openIdIssuer', true)),
    allowedAudiences: stringList(valueOf(validation, 'allowedAudiences', true)).items,
    allowedApplications: stringList(valueOf(policy, 'allowedApplications', true)).items,
    allowedPrincipals: stringList(valueOf(principals, 'identities', true)).items,
    allowedTenants: tenants ? tenants.split(',').map(s => s.trim()).filter(s => s.length > 0) : [],
    requireClientServicePrincipal: requireSp !== undefined ? /^(true|1)$/i.test(requireSp.trim()) : undefined,
    range: rangeOf(uri, located.authSettings),
  };
  return { easyAuth, sasDisabled };
}

function appSettings(site: Node | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const list = valueOf(valueOf(site, 'siteConfig', true), 'appSettings', true);
  for (const item of list?.children ?? []) {
    const name = stringOf(valueOf(item, 'name', true));
    const value = valueOf(item, 'value', true);
    if (name && value && (value.type === 'string' || value.type === 'boolean')) out.set(name.toUpperCase(), String(value.value));
  }
  return out;
}
