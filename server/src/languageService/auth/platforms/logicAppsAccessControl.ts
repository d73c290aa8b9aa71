/**
 * Logic Apps trigger access control (`accessControl.triggers`, `logicAppsAccessControlConfiguration`):
 * the SAS policy both plans have, and the `openAuthenticationPolicies` of Consumption with the rules
 * and limits Logic Apps enforces on save (flow-auth-facts §2.1, §2.2). Read from ARM files and from
 * the flow config alike.
 */

import type { Node } from 'jsonc-parser';
import type { ConfigProblem, OpenAuthClaim, OpenAuthPolicy } from '../types';
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
