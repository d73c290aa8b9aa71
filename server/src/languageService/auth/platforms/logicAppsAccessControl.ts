/**
 * Logic Apps trigger access control (`accessControl.triggers`, `logicAppsAccessControlConfiguration`):
 * the SAS policy both plans have, and the `openAuthenticationPolicies` of Consumption with the rules
 * and limits Logic Apps enforces on save (flow-auth-facts §2.1, §2.2). Read from ARM files and from
 * the flow config alike.
 */

import type { Node } from 'jsonc-parser';
import type { ConfigProblem, OpenAuthClaim, OpenAuthPolicy, PlatformError, TriggerAuth } from '../types';
import { add, ref, show, type CheckContext } from '../checkContext';
import type { DefinitionFile } from './types';
import { hasIssuerPrefix, issuerPrefixesText } from '../clouds';
import { armLiteral, isArmExpression, isObject, problemAt, properties, property, rangeOf, stringOf, valueOf, type JsonProperty } from '../jsonNodes';

/** `sasAuthenticationPolicy.state === 'Disabled'`, in the config or a definition. */
export function isSasDisabled(policy: Node | undefined): boolean {
  return (stringOf(valueOf(policy, 'state', true)) ?? '').toLowerCase() === 'disabled';
}

/** Logic Apps limits for `openAuthenticationPolicies` (§2.2). */
export const LOGIC_APPS_LIMITS = { policies: 5, claimsPerPolicy: 10, claimValueLength: 150 } as const;

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
  } else if (!iss.expression && !hasIssuerPrefix(iss.value)) {
    problems.push(problemAt(uri, valueNodes.get(iss) ?? entry.key, 'error', 'la-invalid-iss',
      `The \`iss\` claim must start with an Entra ID issuer: ${issuerPrefixesText()}; got ${JSON.stringify(iss.value)}.`));
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
// allowedCallerIpAddresses: which addresses may call the trigger
// (https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-securing-a-logic-app#restrict-inbound-ip-addresses,
// flow-auth-facts §2.1 and §2.3: "Only other Logic Apps" is the empty list, and an HTTP call from
// anywhere else is refused with 401 Unauthorized). Both plans: Consumption's
// `accessControl.triggers`, Standard's `logicAppsAccessControlConfiguration.triggers`.

/** An IPv4 address as a number, or undefined (IPv6 and names are not compared). */
export function parseIp(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some(p => p > 255)) return undefined;
  return ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3];
}

/** An `addressRange` (`a.b.c.d`, `a.b.c.d/n` or `a.b.c.d-e.f.g.h`) as [first, last], or undefined. */
export function parseRange(text: string): [number, number] | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash >= 0) {
    const base = parseIp(t.slice(0, slash));
    const bits = /^\d{1,2}$/.test(t.slice(slash + 1)) ? Number(t.slice(slash + 1)) : NaN;
    if (base === undefined || !(bits >= 0 && bits <= 32)) return undefined;
    const size = 2 ** (32 - bits);
    const first = base - (base % size);
    return [first, first + size - 1];
  }
  const dash = t.indexOf('-');
  if (dash >= 0) {
    const a = parseIp(t.slice(0, dash));
    const b = parseIp(t.slice(dash + 1));
    return a !== undefined && b !== undefined ? [Math.min(a, b), Math.max(a, b)] : undefined;
  }
  const ip = parseIp(t);
  return ip !== undefined ? [ip, ip] : undefined;
}

/** Reads `allowedCallerIpAddresses` (`[{ "addressRange": "…" }]`) into the trigger facts. */
export function readAllowedCallerIps(node: Node, uri: string, problems: ConfigProblem[]): TriggerAuth['ipRestriction'] {
  if (node.type !== 'array') {
    problems.push(problemAt(uri, node, 'error', 'la-invalid-ip-ranges', '"allowedCallerIpAddresses" must be an array of { "addressRange": "…" }.'));
    return undefined;
  }
  const ranges: string[] = [];
  for (const item of node.children ?? []) {
    const value = valueOf(item, 'addressRange', true);
    const text = value?.type === 'string' ? String(value.value) : undefined;
    if (text === undefined) {
      problems.push(problemAt(uri, item, 'error', 'la-invalid-ip-ranges', 'Each allowed caller is { "addressRange": "a.b.c.d/n" }.'));
      continue;
    }
    ranges.push(text);
  }
  return { ranges, range: rangeOf(uri, node) };
}

const IP_REFUSED: PlatformError = { status: '401', code: 'Unauthorized', message: 'The caller\'s IP address is not allowed to call this trigger (body text UNCONFIRMED).', confirmed: false };

/** Row 4: whether APIM's calls come from an address the trigger's IP restriction allows. */
export function checkCallerIp(ctx: CheckContext): void {
  const ip = ctx.flow.trigger.ipRestriction;
  if (!ip) return;
  const c = { id: 'caller-ip', title: 'APIM\'s address may call the trigger', source: 'flow-config' as const, reference: ref(4) };
  if (ip.ranges.length === 0) {
    return add(ctx, {
      ...c, status: 'fail', expected: 'APIM\'s outbound addresses in allowedCallerIpAddresses', actual: '[] (only other Logic Apps)',
      detail: 'An empty allowedCallerIpAddresses lets only other Logic Apps call the trigger: APIM\'s call is refused whatever its token. List APIM\'s outbound addresses.',
      platformError: { ...IP_REFUSED, confirmed: true, message: 'Unauthorized: only other Logic Apps may call this trigger.' },
    });
  }
  const parsed = ip.ranges.map(parseRange);
  const addresses = ctx.flow.apimOutboundIpAddresses ?? [];
  const known = addresses.map(parseIp).filter((n): n is number => n !== undefined);
  if (known.length === 0 || parsed.some(r => r === undefined)) {
    return add(ctx, {
      ...c, status: 'warn', heuristic: true, expected: show(ip.ranges),
      detail: known.length === 0
        ? 'The trigger accepts calls from these ranges only; whether APIM\'s outbound addresses are among them is not known: list them in "apimOutboundIpAddresses" of apim-flows.json to check.'
        : 'A range that is not IPv4 (or an expression) cannot be compared with APIM\'s addresses.',
    });
  }
  const outside = known.filter(a => !parsed.some(r => r !== undefined && a >= r[0] && a <= r[1]));
  if (outside.length === 0) return add(ctx, { ...c, status: 'pass', expected: show(ip.ranges), actual: show(addresses) });
  const shown = addresses.filter(a => outside.includes(parseIp(a) ?? -1));
  add(ctx, {
    ...c, status: 'fail', expected: show(ip.ranges), actual: show(shown),
    detail: `APIM calls from ${shown.join(', ')}, which no allowed range holds: add ${shown.length === 1 ? 'it' : 'them'} to allowedCallerIpAddresses.`,
    platformError: IP_REFUSED,
  });
}

/**
 * Trigger `conditions` decide whether a run starts after the call is accepted; they are not
 * evaluated here (https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-workflow-actions-triggers#trigger-conditions;
 * a false condition shows the run as Skipped, flow-auth-facts §2.3).
 */
export function noteTriggerConditions(file: DefinitionFile): void {
  const conditions = valueOf(file.request?.node, 'conditions', true);
  if (conditions?.type === 'array' && (conditions.children?.length ?? 0) > 0) {
    file.problems.push(problemAt(file.uri, conditions, 'information', 'la-trigger-conditions',
      'Trigger conditions are not evaluated by this checker: an accepted call whose condition is false starts no run (the history shows it Skipped).'));
  }
}

/**
 * OAuth policies while SAS stays enabled: the SAS URL still works without any token
 * (https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-securing-a-logic-app#disable-shared-access-signature-sas-authentication-consumption-only).
 */
export function noteSasStillEnabled(uri: string, node: Node, problems: ConfigProblem[]): void {
  problems.push(problemAt(uri, node, 'information', 'la-sas-still-enabled',
    'SAS is still enabled next to OAuth: whoever holds the trigger\'s SAS URL can call it without a token. Set sasAuthenticationPolicy.state to "Disabled" to require a token.'));
}
