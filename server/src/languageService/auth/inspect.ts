/**
 * The token inspector's engine: a real token decoded, explained, and run through a flow's trigger
 * checks (or, with no flow, through the checks that only depend on the token). Pure: the host gives
 * the signature result (see verify.ts) and "now".
 */
import { simulateTrigger } from './simulate';
import { decodeToken, explainToken, type TokenExplanation } from './token';
import type { Check, FlowConfig, FlowsConfig, SimulationResult, SourceRange, TokenClaims, Verdict } from './types';
import type { SignatureResult } from './verify';
import { flowAudience, sameId } from './audiences';
import { positionIn } from '../utils/positions';
import type { DecodedToken } from '../../../../common/protocol';

/** A place in a file, 0-based, for a link that opens it. */
export interface SourcePosition {
  uri: string;
  line: number;
  character: number;
}

/** A check as the inspector shows it: with what to change, and where, when that is known. */
export interface InspectedCheck extends Check {
  /** What to change, in one sentence that starts with the verb. */
  fix?: string;
  /** The apim-flows.json entry (or definition file) that holds the value to change. */
  location?: SourcePosition & { where: string };
}

/** One claim of the token that names an identity of apim-flows.json. */
export interface CallerMatch {
  claim: 'oid' | 'appid' | 'azp' | 'xms_mirid';
  value: string;
  identity: string;
  /** "oid = apim-system, APIM's system-assigned identity". */
  text: string;
}

/** Checks that depend on the token alone, not on a flow. */
const TOKEN_ONLY_CHECKS = new Set(['token-format', 'header-alg', 'header-typ', 'header-kid', 'header-crit', 'signature', 'token-issuer', 'time-nbf', 'time-exp', 'lifetime']);

/** A flow with nothing known about its trigger: only the token's own checks decide anything. */
const NO_FLOW: FlowConfig = { name: '(no flow)', type: 'powerAutomate', cloud: 'public', trigger: {}, policies: [] };

export interface InspectOptions {
  flow?: FlowConfig;
  now?: Date;
  clockSkewSeconds?: number;
  signature?: SignatureResult;
  /** Offsets of the flow config to line and character (the host has the file's text). */
  locate?: (range: SourceRange) => SourcePosition | undefined;
}

export interface InspectResult {
  claims: TokenClaims;
  explanation: TokenExplanation;
  flow?: string;
  verdict: Verdict;
  checks: InspectedCheck[];
  unknownReasons?: string[];
}

/** Runs the checks on an already decoded token. */
export function inspectClaims(claims: TokenClaims, options: InspectOptions): InspectResult {
  const simulation: SimulationResult = simulateTrigger(options.flow ?? NO_FLOW, claims, { url: options.flow?.url, sendsBearer: true }, {
    now: options.now, clockSkewSeconds: options.clockSkewSeconds, signature: options.signature,
  });
  if (options.flow) {
    const checks = simulation.checks.map(c => withFix(c, options.flow!, claims, options.locate));
    return { claims, explanation: explainToken(claims), flow: options.flow.name, verdict: simulation.verdict, checks, unknownReasons: simulation.unknownReasons };
  }
  const checks = simulation.checks.filter(c => TOKEN_ONLY_CHECKS.has(c.id)).map(c => withFix(c, undefined, claims, undefined));
  const rejected = checks.some(c => c.status === 'fail' && !c.heuristic);
  return {
    claims, explanation: explainToken(claims), verdict: rejected ? 'rejected' : 'unknown', checks,
    unknownReasons: rejected ? undefined : ['no flow chosen: only the token\'s own checks ran'],
  };
}

/** Decodes and inspects; throws TokenInputError on input that is not a JWT. */
export function inspectToken(token: string, options: InspectOptions): InspectResult {
  return inspectClaims(decodeToken(token), options);
}

function text(payload: Record<string, unknown>, name: string): string | undefined {
  const v = Object.hasOwn(payload, name) ? payload[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The range of the flow config that holds what a check compares with, and how to name it. */
function rangeOf(check: Check, flow: FlowConfig): { range: SourceRange; where: string } | undefined {
  const entry = flow.range ? { range: flow.range, where: `the entry of ${flow.name} in apim-flows.json` } : undefined;
  const trigger = flow.trigger.powerAutomate?.range ?? flow.trigger.logicAppConsumption?.range ?? flow.trigger.logicAppStandard?.easyAuth?.range;
  const triggerAt = trigger ? { range: trigger, where: `the trigger of ${flow.name}${flow.definitionUri ? ' (its definition)' : ''}` } : undefined;
  if (check.id === 'tenant' && flow.type === 'powerAutomate') return entry;
  if (check.source === 'flow-config' || check.source === 'policy' || check.source === 'client-id' || (check.id === 'audience' && flow.type !== 'powerAutomate')) return triggerAt ?? entry;
  return undefined;
}

/** What to change for a failing or warning check: the fix first, the values it needs spelled out. */
export function fixFor(check: Check, flow: FlowConfig | undefined, payload: Record<string, unknown>): string | undefined {
  if (check.status !== 'fail' && check.status !== 'warn') return undefined;
  const oid = text(payload, 'oid');
  const appId = text(payload, 'appid') ?? text(payload, 'azp');
  const pa = flow?.type === 'powerAutomate';
  switch (check.id) {
    case 'audience':
      if (pa) return `Request the token for ${check.expected}: resource="${check.expected}" in authentication-managed-identity (exactly, trailing slash included).`;
      if (flow?.type === 'logicAppStandard') return `Request the token for ${check.expected}, or add ${check.actual} to Easy Auth's allowedAudiences.`;
      // the Logic Apps check's actual is already written `aud=…`
      return `Request the token for the audience a policy names (${check.expected}), or put ${check.actual?.startsWith('aud=') ? check.actual : `aud=${check.actual}`} in the policy.`;
    case 'tenant':
      return `Call with an identity of tenant ${check.expected ?? 'of the flow'}; if the flow is in tenant ${check.actual}, correct "tenantId" in apim-flows.json.`;
    case 'caller':
      if (pa) {
        if (check.outcome && oid) return `Replace the client ID ${appId} by the principal (object) ID ${oid} in the trigger's allowed users.`;
        return oid ? `Add the principal (object) ID ${oid} to the trigger's allowed users ("Specific users").` : 'Call with a token that has an oid: only a principal can be an allowed user.';
      }
      return oid ? `Name this caller in the policy: oid=${oid}${appId ? ` (or appid=${appId})` : ''}.` : undefined;
    case 'allowed-applications':
      return appId ? `Add the client ID ${appId} to allowedApplications.` : undefined;
    case 'allowed-principals':
      return oid ? `Add the principal (object) ID ${oid} to allowedPrincipals.` : undefined;
    case 'allowed-tenants':
      return check.actual ? `Add tenant ${check.actual} to WEBSITE_AUTH_AAD_ALLOWED_TENANTS, or call from tenant ${check.expected}.` : undefined;
    case 'time-exp':
      return 'Get a new token: Entra access tokens live 60–90 minutes.';
    case 'time-nbf':
      return 'Wait until the token is valid, or check the clock of the machine that issued or checks it.';
    case 'sas-and-bearer':
      return 'Drop sp, sv and sig from the trigger URL (keep api-version), or stop sending the token.';
    case 'caller-ip':
      return 'Add APIM\'s outbound IP addresses to the logic app\'s allowedCallerIpAddresses (an empty list lets only other Logic Apps call).';
    case 'sas-disabled':
      return 'Drop sp, sv and sig from the trigger URL and send a bearer token.';
    case 'anyone-with-bearer':
      return 'Stop sending the token (remove authentication-managed-identity), or switch the trigger to "Any user in my tenant" or "Specific users".';
    case 'authorization-required':
      return 'Send a token: add authentication-managed-identity and set the Authorization header from it.';
    case 'pa-token-version':
      return `Request the token for ${flowAudience(flow?.cloud ?? 'public')} (v1), not for an app registration that issues v2 tokens.`;
    case 'roles':
      return `Assign the expected app role to the identity${oid ? ` ${oid}` : ''}; a cached token can take up to 24 h to carry it.`;
    default:
      return undefined;
  }
}

function withFix(check: Check, flow: FlowConfig | undefined, claims: TokenClaims, locate: InspectOptions['locate']): InspectedCheck {
  const fix = fixFor(check, flow, isObject(claims.payload) ? claims.payload : {});
  const at = flow && locate && check.status !== 'pass' && check.status !== 'skip' ? rangeOf(check, flow) : undefined;
  const position = at && locate?.(at.range);
  return { ...check, ...(fix ? { fix } : {}), ...(position && at ? { location: { ...position, where: at.where } } : {}) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The identities of the flow configs that the token's oid, appid/azp and xms_mirid name. */
export function whoIsCalling(claims: TokenClaims, configs: FlowsConfig[]): CallerMatch[] {
  const payload = isObject(claims.payload) ? claims.payload : {};
  const out: CallerMatch[] = [];
  const seen = new Set<string>();
  const push = (m: CallerMatch) => {
    const key = `${m.claim}=${m.identity}`;
    if (!seen.has(key)) { seen.add(key); out.push(m); }
  };
  const kind = (type: 'system' | 'user') => (type === 'system' ? 'APIM\'s system-assigned identity' : 'a user-assigned identity of APIM');
  const mirid = text(payload, 'xms_mirid');
  for (const config of configs) {
    for (const [name, identity] of Object.entries(config.identities)) {
      for (const claim of ['oid', 'appid', 'azp'] as const) {
        const value = text(payload, claim);
        if (value === undefined) continue;
        const id = claim === 'oid' ? identity.principalId : identity.clientId;
        if (id !== undefined && sameId(id, value)) push({ claim, value, identity: name, text: `${claim} = ${name}, ${kind(identity.type)}${claim === 'oid' ? ' (its principal ID)' : ' (its client ID)'}` });
      }
      if (mirid !== undefined) {
        const last = mirid.split('/').filter(Boolean).pop() ?? '';
        const isUser = /\/userAssignedIdentities\//i.test(mirid);
        const isApim = /\/providers\/Microsoft\.ApiManagement\/service\//i.test(mirid);
        if ((isUser && identity.type === 'user' && last.toLowerCase() === name.toLowerCase()) || (isApim && identity.type === 'system' && out.some(m => m.identity === name))) {
          push({ claim: 'xms_mirid', value: mirid, identity: name, text: `xms_mirid = ${name}, ${kind(identity.type)}${isApim ? ` of the API Management service ${last}` : ''}` });
        }
      }
    }
  }
  return out;
}

/** The flows whose audience and tenant fit the token: the ones it was most likely meant for. */
export function fittingFlows(claims: TokenClaims, flows: FlowConfig[], now?: Date): string[] {
  return flows.filter(flow => {
    const checks = inspectClaims(claims, { flow, now }).checks;
    const status = (id: string) => checks.find(c => c.id === id)?.status;
    const audience = status('audience');
    return (audience === 'pass' || audience === 'warn') && status('tenant') !== 'fail' && status('policy-issuer') !== 'fail';
  }).map(f => f.name);
}

/**
 * The inspector's answer for a decoded token: the explanation, the checks against `chosen` (with
 * links into its config, whose text `textOf` gives), who is calling and which flows fit.
 */
export function decodedTokenResult(
  claims: TokenClaims,
  chosen: { flow: FlowConfig; textOf(uri: string): string | undefined } | undefined,
  configs: FlowsConfig[],
  options: Omit<InspectOptions, 'flow' | 'locate'>,
): DecodedToken {
  const locate = (range: SourceRange): SourcePosition | undefined => {
    const source = chosen?.textOf(range.uri);
    return source === undefined ? undefined : { uri: range.uri, ...positionIn(source, range.start) };
  };
  const r = inspectClaims(claims, { ...options, flow: chosen?.flow, locate });
  const e = r.explanation;
  const flowRange = chosen?.flow.range;
  return {
    ok: true, header: claims.header, payload: claims.payload, headerClaims: e.header, payloadClaims: e.payload,
    version: e.version, versionNote: e.versionNote, appOnly: e.appOnly, issuedAt: e.issuedAt, notBefore: e.notBefore, expiresAt: e.expiresAt,
    flow: r.flow, flowLocation: flowRange && locate(flowRange), verdict: r.verdict, checks: r.checks, unknownReasons: r.unknownReasons,
    callers: whoIsCalling(claims, configs),
    fittingFlows: fittingFlows(claims, configs.flatMap(c => Object.values(c.flows)), options.now),
  };
}
