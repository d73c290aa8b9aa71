/**
 * Logic Apps Consumption: a `Microsoft.Logic/workflows` Request trigger, called with its SAS URL or
 * with a token that must satisfy one of the workflow's OAuth policies
 * (`accessControl.triggers.openAuthenticationPolicies`). Facts: flow-auth-facts §2 and §6.
 */

import { add, claim, claimValue, MODE_UNKNOWN, modeCheck, ref, show, type CheckContext } from '../checkContext';
import { compareClaim, issuerTenant, issuerVersion, sameId } from '../audiences';
import { expectedIssuer, hasIssuerPrefix, issuerPrefixesText, LOGIC_APPS_REGIONAL_HOST, logicAppsHostClouds } from '../clouds';
import { isArmExpression, isObject, problemAt, rangeOf, valueOf } from '../jsonNodes';
import { PLATFORM_ERRORS } from '../platformErrors';
import type { Check, OpenAuthPolicy, TriggerAuth } from '../types';
import { checkCallerIp, isSasDisabled, LOGIC_APPS_LIMITS, noteSasStillEnabled, noteTriggerConditions, readAllowedCallerIps, readOpenAuthPolicies } from './logicAppsAccessControl';
import type { DefinitionFile, FlowPlatform } from './types';

type ConsumptionTrigger = NonNullable<TriggerAuth['logicAppConsumption']>;

export const logicAppConsumption: FlowPlatform = {
  type: 'logicAppConsumption',
  label: 'Logic Apps Consumption',
  describeMode(trigger) {
    const la = trigger.logicAppConsumption;
    return la && `${la.policies.length} OAuth polic${la.policies.length === 1 ? 'y' : 'ies'}`;
  },

  hosts: [{
    kind: 'logicApps',
    match(host) {
      const la = LOGIC_APPS_REGIONAL_HOST.exec(host);
      if (la) return { region: la[1] };
      return logicAppsHostClouds(host).length > 0 ? {} : undefined;
    },
  }],
  acceptedHostKinds: ['logicApps'],

  configSections: [
    {
      name: 'openAuthenticationPolicies', object: true,
      read(reader, value, trigger) {
        trigger.logicAppConsumption = {
          policies: readOpenAuthPolicies(value, reader.uri, reader.problems),
          sasDisabled: trigger.logicAppConsumption?.sasDisabled ?? false,
          range: rangeOf(reader.uri, value),
        };
      },
    },
    {
      name: 'sasAuthenticationPolicy', object: false,
      read(_reader, value, trigger) {
        trigger.logicAppConsumption = { ...(trigger.logicAppConsumption ?? { policies: [] }), sasDisabled: isSasDisabled(value) };
      },
    },
    {
      name: 'allowedCallerIpAddresses', object: false,
      read(reader, value, trigger) {
        trigger.ipRestriction = readAllowedCallerIps(value, reader.uri, reader.problems);
      },
    },
  ],
  configTemplate: { definition: '<path of the logic app\'s ARM template or workflow resource JSON (with accessControl)>' },
  // Any Entra resource can be the audience; only the workflow's own policies decide (flow-auth-facts §4).
  settledWithoutConfig: [],
  ownSettings: 'its OAuth authorization policies, SAS, allowed caller IP addresses',
  missingFactsHint: '"openAuthenticationPolicies" or "definition"',
  hasTriggerFacts: trigger => trigger.logicAppConsumption !== undefined,

  definitionShapes: ['armLogicWorkflow', 'logicWorkflowResource'],
  definitionHasFacts: file => file.accessControl !== undefined,
  readDefinition(file, trigger) {
    trigger.logicAppConsumption = readAccessControl(file);
    const ips = valueOf(valueOf(file.accessControl, 'triggers', true), 'allowedCallerIpAddresses', true);
    if (ips) trigger.ipRestriction = readAllowedCallerIps(ips, file.uri, file.problems);
    noteTriggerConditions(file);
  },

  sasDisabled: trigger => trigger.logicAppConsumption?.sasDisabled === true,
  otherSchemes: {
    expected: 'Bearer (or PoP with an AADPOP policy)',
    accepts: (flow, scheme) => /^pop$/i.test(scheme) && (flow.trigger.logicAppConsumption?.policies ?? []).some(p => p.type === 'AADPOP') ? 'PoP' : undefined,
  },
  checkMode(ctx) {
    const la = ctx.flow.trigger.logicAppConsumption;
    if (!la) add(ctx, { ...modeCheck, status: 'skip', detail: 'Cannot determine the trigger auth: add "openAuthenticationPolicies" or "definition" to the flow.' }, MODE_UNKNOWN);
    else add(ctx, { ...modeCheck, status: 'pass', actual: `${la.policies.length} OAuth polic${la.policies.length === 1 ? 'y' : 'ies'}; SAS ${la.sasDisabled ? 'disabled' : 'enabled'}` });
  },
  checkRequest,
  checkToken,
};

// ---------------------------------------------------------------------------------------------
// Definition files: accessControl.triggers

function readAccessControl(file: DefinitionFile): ConsumptionTrigger {
  const { uri, accessControl, label, problems, root } = file;
  const triggers = valueOf(accessControl, 'triggers', true);
  const open = valueOf(triggers, 'openAuthenticationPolicies', true);
  const sas = valueOf(triggers, 'sasAuthenticationPolicy', true);
  const sasDisabled = isSasDisabled(sas);
  if (!accessControl) {
    problems.push(problemAt(uri, root, 'information', 'la-no-access-control',
      `This ${label} has no accessControl: the trigger accepts SAS only, no OAuth policy.`));
    return { policies: [], sasDisabled: false };
  }
  const policies = isObject(open) ? readOpenAuthPolicies(open, uri, problems) : [];
  if (policies.length > 0 && !sasDisabled && open) noteSasStillEnabled(uri, open, problems);
  return { policies, sasDisabled, range: rangeOf(uri, open ?? accessControl) };
}

// ---------------------------------------------------------------------------------------------
// Row 4: SAS or a token, and a token needs an OAuth policy

function checkRequest(ctx: CheckContext): void {
  checkCallerIp(ctx);
  const { bearer, sas } = ctx;
  const la = ctx.flow.trigger.logicAppConsumption;
  const row4 = ref(4);
  const c = { id: 'authorization-required', title: 'The call is authenticated', source: 'token' as const, reference: row4 };
  if (bearer === false) {
    if (sas === false) add(ctx, { ...c, status: 'fail', expected: 'a SAS URL or a bearer token', actual: 'neither', platformError: PLATFORM_ERRORS.laAuthorizationRequired });
    else if (sas === true) add(ctx, { ...c, status: 'pass', actual: 'SAS' });
    else add(ctx, { ...c, status: 'skip', detail: 'The request URL is not known.' });
  } else if (bearer === true) add(ctx, { ...c, status: 'pass', actual: 'Authorization: Bearer …' });
  else add(ctx, { ...c, status: 'skip', detail: 'Whether an Authorization header is sent is not known.' });

  if (la && la.policies.length === 0) {
    const p = { id: 'oauth-policy', title: 'The logic app has an OAuth policy', source: 'flow-config' as const, reference: row4 };
    if (bearer === true) {
      add(ctx, {
        ...p, status: 'fail', expected: 'at least one openAuthenticationPolicies policy', actual: 'none',
        detail: 'A bearer token is sent, but the logic app defines no OAuth policy, so no token can be authorized.',
        platformError: PLATFORM_ERRORS.policyNotFound,
      });
    } else if (bearer === undefined) add(ctx, { ...p, status: 'skip', detail: 'No OAuth policy; whether a token is sent is not known.' });
  }
}

// ---------------------------------------------------------------------------------------------
// Rows 11–14: the token against the OAuth policies

type ClaimOutcome = 'match' | 'mismatch' | 'unknown' | 'heuristic-match' | 'heuristic-mismatch';

interface ClaimResult {
  name: string;
  outcome: ClaimOutcome;
  expected: string;
  actual?: string;
  why?: string;
}

function evalClaim(ctx: CheckContext, c: OpenAuthPolicy['claims'][number]): ClaimResult {
  const base = { name: c.name, expected: c.value };
  if (c.expression || isArmExpression(c.value)) return { ...base, outcome: 'unknown', why: `${c.name} is an ARM template expression` };
  const v = claimValue(ctx, c.name);
  if (v === undefined) return ctx.predicted ? { ...base, outcome: 'unknown', why: `${c.name} is not known for the predicted token` } : { ...base, outcome: 'mismatch', actual: '(absent)' };
  if (Array.isArray(v)) {
    const items = v.map(String);
    return { ...base, actual: show(items), outcome: items.includes(c.value) ? 'heuristic-match' : 'heuristic-mismatch', why: `${c.name} is an array claim; membership is assumed (UNCONFIRMED)` };
  }
  const actual = typeof v === 'string' ? v : JSON.stringify(v);
  const compared = compareClaim(c.value, actual);
  if (compared === 'case-only') return { ...base, actual, outcome: 'heuristic-mismatch', why: `${c.name} differs only in letter case; the policy compares exactly, and whether Logic Apps ignores case is UNCONFIRMED` };
  return { ...base, actual, outcome: compared === 'equal' ? 'match' : 'mismatch' };
}

interface PolicyResult {
  policy: OpenAuthPolicy;
  outcome: ClaimOutcome;
  claims: ClaimResult[];
}

function evalPolicy(ctx: CheckContext, policy: OpenAuthPolicy): PolicyResult {
  const claims = policy.claims.map(c => evalClaim(ctx, c));
  const has = (o: ClaimOutcome) => claims.some(r => r.outcome === o);
  const outcome: ClaimOutcome = has('mismatch') ? 'mismatch' : has('unknown') ? 'unknown' : has('heuristic-mismatch') ? 'heuristic-mismatch' : has('heuristic-match') ? 'heuristic-match' : 'match';
  return { policy, outcome, claims };
}

function checkToken(ctx: CheckContext): void {
  const la = ctx.flow.trigger.logicAppConsumption;
  add(ctx, { id: 'tenant', title: 'Token tenant', status: 'skip', detail: 'Logic Apps Consumption checks the tenant only through the policy claims (iss, tid).', source: 'client-id', reference: ref(11) });
  if (!la) return;
  checkPolicyLimits(ctx, la.policies);
  if (la.policies.length === 0) return;
  const wantType = /^pop$/i.test(ctx.scheme.trim()) ? 'AADPOP' : 'AAD';
  const applicable = la.policies.filter(p => p.type.toUpperCase() === wantType);
  const results = applicable.map(p => evalPolicy(ctx, p));

  policyView(ctx, results, ['iss'], { id: 'policy-issuer', title: 'Issuer matches a policy', row: 14 }, issuerExplanation);
  policyView(ctx, results, ['aud'], { id: 'audience', title: 'Audience matches a policy', row: 12 }, () => ({ source: 'resource', detail: 'The token\'s aud is the resource string APIM asks for (v1) or the app\'s client ID (v2).' }));
  policyView(ctx, results, ['oid', 'appid', 'azp', 'sub'], { id: 'caller', title: 'Caller matches a policy', row: 13 }, callerExplanation);

  const c = { id: 'policies', title: 'Token satisfies an OAuth policy', reference: ref(14), expected: 'all claims of at least one policy' };
  if (applicable.length === 0) {
    return add(ctx, {
      ...c, status: 'fail', source: 'flow-config', actual: `${wantType === 'AAD' ? 'Bearer' : 'PoP'} token; policies are ${la.policies.map(p => p.type).join(', ')}`,
      detail: `Only ${wantType} policies apply to a ${wantType === 'AAD' ? 'Bearer' : 'PoP'} token (AAD ↔ Bearer, AADPOP ↔ PoP), and there is none. The exact error is not documented.`,
    });
  }
  const match = results.find(r => r.outcome === 'match');
  if (match) return add(ctx, { ...c, status: 'pass', source: 'policy', actual: `policy '${match.policy.name}'` });
  const describe = (r: PolicyResult) => {
    const bad = r.claims.find(x => x.outcome === r.outcome) ?? r.claims[0];
    return `'${r.policy.name}': ${bad ? `${bad.name} ${r.outcome === 'unknown' ? `(${bad.why})` : `expected ${bad.expected}, got ${bad.actual ?? '(absent)'}`}` : 'no claims'}`;
  };
  const heuristicMatch = results.find(r => r.outcome === 'heuristic-match');
  if (heuristicMatch) {
    return add(ctx, { ...c, status: 'warn', heuristic: true, source: 'policy', actual: `policy '${heuristicMatch.policy.name}'`, detail: `Matches only if an array claim matches by membership (UNCONFIRMED).` }, 'array claim comparison in Logic Apps policies is not documented');
  }
  const unknown = results.filter(r => r.outcome === 'unknown');
  if (unknown.length > 0) {
    return add(ctx, { ...c, status: 'skip', source: 'policy', detail: `Cannot decide: ${unknown.map(describe).join('; ')}.` }, 'a policy claim cannot be compared');
  }
  const heuristicMismatch = results.filter(r => r.outcome === 'heuristic-mismatch');
  if (heuristicMismatch.length > 0) {
    const why = (r: PolicyResult) => r.claims.find(x => x.outcome === 'heuristic-mismatch')?.why ?? 'UNCONFIRMED';
    return add(ctx, { ...c, status: 'warn', heuristic: true, source: 'policy', detail: `No policy matches; ${heuristicMismatch.map(r => `${describe(r)} (${why(r)})`).join('; ')}.` }, 'claim comparison in Logic Apps policies is not documented');
  }
  const first = results[0].claims.find(x => x.outcome === 'mismatch');
  add(ctx, {
    ...c, status: 'fail', source: first ? sourceOfClaim(first.name) : 'policy',
    detail: `No policy matches (exact, case-sensitive comparison): ${results.map(describe).join('; ')}.`,
    platformError: PLATFORM_ERRORS.laMismatch,
  });
}

function sourceOfClaim(name: string): Check['source'] {
  return name === 'aud' || name === 'iss' || name === 'ver' ? 'resource' : ['oid', 'appid', 'azp', 'sub', 'tid', 'xms_mirid'].includes(name) ? 'client-id' : 'token';
}

type Explanation = (ctx: CheckContext, expected: string[], actual: string | undefined) => { source: Check['source']; detail: string; outcome?: string };

/**
 * One claim family seen across the applicable policies. It fails only when every policy names the
 * family and none can match on it; a policy without it (or with an expression) leaves it open.
 */
function policyView(ctx: CheckContext, results: PolicyResult[], names: string[], meta: { id: string; title: string; row: number }, explain: Explanation): void {
  const c = { id: meta.id, title: meta.title, reference: ref(meta.row) };
  const relevant = results.map(r => ({ r, claims: r.claims.filter(x => names.includes(x.name)) }));
  const naming = relevant.filter(x => x.claims.length > 0);
  const expected = [...new Set(naming.flatMap(x => x.claims.map(y => `${y.name}=${y.expected}`)))];
  const actualParts = names.map(n => { const v = claimValue(ctx, n); return v !== undefined ? `${n}=${Array.isArray(v) ? show(v.map(String)) : String(v)}` : undefined; }).filter((x): x is string => x !== undefined);
  const actual = actualParts.length > 0 ? actualParts.join(', ') : undefined;
  if (naming.length === 0) return add(ctx, { ...c, status: 'skip', source: 'policy', detail: `No policy names ${names.join('/')}: any value passes.` });
  const ok = (o: ClaimOutcome) => o === 'match' || o === 'heuristic-match';
  if (naming.some(x => x.claims.every(y => ok(y.outcome)))) return add(ctx, { ...c, status: 'pass', source: 'policy', expected: show(expected), actual });
  if (naming.some(x => x.claims.some(y => y.outcome === 'unknown') && !x.claims.some(y => y.outcome === 'mismatch'))) {
    const why = naming.flatMap(x => x.claims).find(y => y.outcome === 'unknown')?.why ?? '';
    return add(ctx, { ...c, status: 'skip', source: 'policy', expected: show(expected), actual, detail: `Cannot compare: ${why}.` });
  }
  if (naming.length < relevant.length) {
    return add(ctx, { ...c, status: 'skip', source: 'policy', expected: show(expected), actual, detail: `No policy naming ${names.join('/')} matches; a policy without it may still.` });
  }
  if (naming.some(x => !x.claims.some(y => y.outcome === 'mismatch'))) {
    return add(ctx, { ...c, status: 'warn', heuristic: true, source: 'policy', expected: show(expected), actual, detail: 'Array claim compared by membership (UNCONFIRMED).' });
  }
  const e = explain(ctx, naming.flatMap(x => x.claims.filter(y => y.outcome === 'mismatch').map(y => y.expected)), actual);
  add(ctx, { ...c, status: 'fail', source: e.source, outcome: e.outcome, expected: show(expected), actual: actual ?? '(absent)', detail: e.detail, platformError: PLATFORM_ERRORS.laMismatch });
}

const issuerExplanation: Explanation = (ctx, expected) => {
  const iss = claim(ctx, 'iss');
  if (iss === undefined) return { source: 'token', detail: 'The token has no iss.' };
  const tokenVersion = issuerVersion(iss);
  const policyVersions = new Set(expected.map(e => issuerVersion(e) ?? 0));
  const cloud = ctx.flow.cloud;
  const tokenTenant = issuerTenant(iss);
  const policyTenants = expected.map(issuerTenant).filter((t): t is string => t !== undefined);
  if (tokenVersion === 1 && policyVersions.has(2) && !policyVersions.has(1)) {
    return {
      source: 'resource',
      detail: `The policy expects a v2 issuer (${expectedIssuer(2, '<tenant>', iss, cloud)}), but the resource issues v1 tokens (${expectedIssuer(1, '<tenant>', iss, cloud)}). Put ${tokenTenant ? expectedIssuer(1, tokenTenant, iss, cloud) : 'the v1 issuer'} in the policy, or, if the resource is your own app registration, have it issue v2 tokens (requestedAccessTokenVersion 2).`,
    };
  }
  if (tokenVersion === 2 && policyVersions.has(1) && !policyVersions.has(2)) {
    return { source: 'resource', detail: `The policy expects a v1 issuer (${expectedIssuer(1, '<tenant>', iss, cloud)}), but the token is v2. Put ${tokenTenant ? expectedIssuer(2, tokenTenant, iss, cloud) : 'the v2 issuer'} in the policy, or request a resource that issues v1 tokens.` };
  }
  if (tokenTenant && policyTenants.length > 0 && !policyTenants.some(t => sameId(t, tokenTenant))) {
    return { source: 'client-id', detail: `The policy trusts tenant ${show(policyTenants)}; the token comes from tenant ${tokenTenant}.` };
  }
  if (expected.some(e => e.replace(/\/$/, '') === iss.replace(/\/$/, ''))) {
    return { source: 'flow-config', detail: 'Only the trailing slash differs: the comparison is exact (a v1 issuer ends with "/").' };
  }
  return { source: 'token', detail: 'The issuer differs (exact, case-sensitive comparison).' };
};

const callerExplanation: Explanation = (ctx, expected) => {
  const oid = claim(ctx, 'oid');
  const appId = claim(ctx, 'appid') ?? claim(ctx, 'azp');
  if (appId !== undefined && expected.some(e => sameId(e, appId)) && oid !== undefined) {
    return { source: 'client-id', outcome: 'the policy\'s oid holds the client ID; the token\'s oid is the principal ID', detail: `The policy names the client ID ${appId} where the token's oid is the principal (object) ID ${oid}.` };
  }
  if (oid !== undefined && expected.some(e => sameId(e, oid))) {
    return { source: 'client-id', outcome: 'the policy\'s appid holds the principal ID; appid is the client ID', detail: `The policy names the principal ID ${oid} where the token's appid/azp is the client ID ${appId ?? '(unknown)'}.` };
  }
  return { source: 'client-id', detail: 'The calling identity is not the one the policy allows (exact, case-sensitive comparison).' };
};

function checkPolicyLimits(ctx: CheckContext, policies: OpenAuthPolicy[]): void {
  const c = { id: 'policy-limits', title: 'OAuth policies are valid', source: 'flow-config' as const, reference: ref(14) };
  const problems: string[] = [];
  let tooLong: { policy: string; claim: string; length: number } | undefined;
  if (policies.length > LOGIC_APPS_LIMITS.policies) problems.push(`${policies.length} policies (at most ${LOGIC_APPS_LIMITS.policies})`);
  for (const p of policies) {
    if (p.claims.length > LOGIC_APPS_LIMITS.claimsPerPolicy) problems.push(`'${p.name}' has ${p.claims.length} claims (at most ${LOGIC_APPS_LIMITS.claimsPerPolicy})`);
    const iss = p.claims.find(x => x.name === 'iss');
    if (!iss) problems.push(`'${p.name}' has no iss claim`);
    else if (!iss.expression && !hasIssuerPrefix(iss.value)) problems.push(`'${p.name}': iss must start with an Entra ID issuer (${issuerPrefixesText()})`);
    for (const x of p.claims) {
      if (!x.expression && x.value.length > LOGIC_APPS_LIMITS.claimValueLength) {
        problems.push(`'${p.name}': ${x.name} is ${x.value.length} characters (at most ${LOGIC_APPS_LIMITS.claimValueLength})`);
        tooLong ??= { policy: p.name, claim: x.name, length: x.value.length };
      }
    }
  }
  if (problems.length === 0) return add(ctx, { ...c, status: 'pass', actual: `${policies.length} polic${policies.length === 1 ? 'y' : 'ies'}` });
  add(ctx, {
    ...c, status: 'fail', actual: problems.join('; '), detail: 'Logic Apps refuses such policies when the workflow is saved or deployed.',
    platformError: tooLong ? {
      status: '400', code: 'InvalidOAuthClaimValue', confirmed: false,
      message: `OAuth authentication policy '${tooLong.policy}' in access control configuration of workflow is not valid. The provided claims value '${tooLong.claim}' have a length of '${tooLong.length}' respectively which exceeds the maximum limit of '${LOGIC_APPS_LIMITS.claimValueLength}'.`,
    } : undefined,
  });
}
