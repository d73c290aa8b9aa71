/**
 * What a Power Automate / Logic Apps Request trigger does with a call, check by check, in the
 * order of flow-auth-facts §6 (rows 0 and 4–16). Works on a real decoded token or on a predicted
 * one. Rules that rest on UNCONFIRMED facts are marked `heuristic` and never fail.
 */

import type { Check, CheckStatus, FlowConfig, OpenAuthPolicy, PlatformError, RequestContext, SimulationOptions, SimulationResult, TokenClaims } from './types';
import {
  classifyResource, flowAudience, hasSas, isEmail, isGuid, issuerTenant, issuerVersion, parseTriggerUrl, sameId,
  V1_ISSUER_PREFIX, V2_ISSUER_PREFIX, v1Issuer, v2Issuer,
} from './audiences';
import { isArmExpression, LOGIC_APPS_LIMITS } from './definitions';
import { claimSeconds, isoSeconds, relativeTime } from './token';

// Platform answers, as reported (flow-auth-facts §1.5, §2.3, §2.4). `confirmed: false` where the
// status or the text is UNCONFIRMED.
const MISMATCH_MESSAGE = 'One or more claims either missing or does not match with the open authentication access control policy.';
export const PLATFORM_ERRORS = {
  paMismatch: { status: '401/403', code: 'MisMatchingOAuthClaims', message: MISMATCH_MESSAGE, confirmed: false },
  laMismatch: { status: '403', code: 'MisMatchingOAuthClaims', message: MISMATCH_MESSAGE, confirmed: false },
  paAuthorizationRequired: { status: '401', code: 'DirectApiAuthorizationRequired', message: 'The OAuth authorization scheme is required.', confirmed: true },
  laAuthorizationRequired: { status: '401', code: 'DirectApiAuthorizationRequired', message: 'The request must be authenticated only by Shared Access scheme.', confirmed: true },
  moreThanOneAuthorization: {
    status: '4xx', code: 'DirectApiRequestHasMoreThanOneAuthorization',
    message: "The request has SAS authentication scheme, 'Bearer' authorization scheme or internal token scheme. Only one scheme should be used.", confirmed: false,
  },
  sasDisabled: {
    status: '4xx', code: 'DirectApiInvalidAuthorizationScheme',
    message: 'The request has SAS authentication scheme while it is disabled under your access control policy.', confirmed: false,
  },
  policyNotFound: { status: '401', code: 'OAuthAccessPolicyNotFound', message: '(message text not known: UNCONFIRMED)', confirmed: false },
  easyAuthForbidden: { status: '403', code: 'Forbidden', message: 'Forbidden (Easy Auth built-in authorization policy; body text not documented)', confirmed: true },
  easyAuthUnauthorized: { status: '401', code: 'Unauthorized', message: 'Easy Auth rejects the token (exact status and text UNCONFIRMED)', confirmed: false },
} satisfies Record<string, PlatformError>;

/** Microsoft's own words on "Anyone" plus a token (Teams connector reference, §1.5). */
const ANYONE_WITH_TOKEN_DOC = "Microsoft: \"Do not pass an authentication token header if you selected the 'Anyone' authentication option, or POST requests to the trigger will fail.\"";

const ref = (row: number | string) => `flow-auth-facts §6 #${row}`;

interface Ctx {
  flow: FlowConfig;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  predicted: boolean;
  /** true / false / undefined = not known. */
  bearer: boolean | undefined;
  scheme: string;
  url?: string;
  sas: boolean | undefined;
  options: SimulationOptions;
  checks: Check[];
  unknown: string[];
}

function add(ctx: Ctx, check: Check, unknownReason?: string): void {
  // A rule on UNCONFIRMED facts can warn, never fail.
  const status: CheckStatus = check.heuristic && check.status === 'fail' ? 'warn' : check.status;
  ctx.checks.push({ ...check, status });
  if (unknownReason && !ctx.unknown.includes(unknownReason)) ctx.unknown.push(unknownReason);
}

function claim(ctx: Ctx, name: string): string | undefined {
  const v = claimValue(ctx, name);
  return typeof v === 'string' ? v : undefined;
}

/** A claim of the token by name; claim names come from the config, so never Object.prototype's members. */
function claimValue(ctx: Ctx, name: string): unknown {
  return Object.hasOwn(ctx.payload, name) ? ctx.payload[name] : undefined;
}

function audiences(ctx: Ctx): string[] {
  const v = ctx.payload.aud;
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function show(values: string[]): string {
  return values.length === 1 ? values[0] : `[${values.join(', ')}]`;
}

/** App-only: `idtyp=app`, or a client (`appid`/`azp`) with no user claims and no `scp` (§3.3). */
function isAppOnly(ctx: Ctx): boolean {
  if (claim(ctx, 'idtyp') === 'app') return true;
  const user = ['upn', 'unique_name', 'email', 'preferred_username'].some(n => ctx.payload[n] !== undefined);
  return ctx.payload.scp === undefined && !user && (ctx.payload.appid !== undefined || ctx.payload.azp !== undefined);
}

/** A claim the token should have: absent means "unknown" for a prediction, "missing" for a real token. */
function missing(ctx: Ctx, check: Omit<Check, 'status'>, what: string, failure?: PlatformError): void {
  if (ctx.predicted) add(ctx, { ...check, status: 'skip', detail: `${what} is not known for the predicted token.` }, `${what} unknown`);
  else add(ctx, { ...check, status: 'fail', actual: '(absent)', detail: `The token has no ${what}.`, platformError: failure });
}

/**
 * Runs the trigger's checks on `token` for `flow`. `request` says what else the call carries (URL
 * with or without SAS, whether a bearer header is sent); `options` says whether the token is predicted.
 */
export function simulateTrigger(flow: FlowConfig, token: TokenClaims, request: RequestContext, options: SimulationOptions): SimulationResult {
  const url = request.url ?? flow.url;
  const ctx: Ctx = {
    flow,
    header: isRecord(token.header) ? token.header : {},
    payload: isRecord(token.payload) ? token.payload : {},
    predicted: options.predicted === true,
    bearer: request.sendsBearer,
    scheme: request.authorizationScheme ?? 'Bearer',
    url,
    sas: url !== undefined ? hasSas(url) : undefined,
    options,
    checks: [],
    unknown: [],
  };
  checkMode(ctx);
  checkRequest(ctx);
  if (ctx.bearer === false) {
    add(ctx, { id: 'token', title: 'Token checks', status: 'skip', detail: 'No Authorization header is sent: the token is not checked.', source: 'token', reference: ref('5–15') });
  } else {
    checkScheme(ctx);
    checkTokenShape(ctx);
    checkIssuer(ctx);
    checkTime(ctx);
    if (flow.type === 'powerAutomate') checkPowerAutomate(ctx);
    else if (flow.type === 'logicAppConsumption') checkConsumption(ctx);
    else checkStandard(ctx);
    checkRoles(ctx);
  }
  const verdict = ctx.checks.some(c => c.status === 'fail' && !c.heuristic) ? 'rejected' : ctx.unknown.length > 0 ? 'unknown' : 'accepted';
  addResult(ctx, verdict);
  return { verdict, checks: ctx.checks, unknownReasons: ctx.unknown.length > 0 ? ctx.unknown : undefined };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Row 0: what the trigger accepts

function checkMode(ctx: Ctx): void {
  const { flow } = ctx;
  const base = { id: 'trigger-mode', title: 'Trigger authentication mode', source: 'flow-config' as const, reference: ref(0) };
  const unknown = 'trigger authentication mode unknown';
  if (flow.type === 'powerAutomate') {
    const pa = flow.trigger.powerAutomate;
    if (!pa || pa.mode === undefined) add(ctx, { ...base, status: 'skip', detail: 'Cannot determine the trigger auth mode: add "trigger" or "definition" to the flow.' }, unknown);
    else if (pa.modeAssumed) add(ctx, { ...base, status: 'warn', heuristic: true, actual: 'anyone (assumed)', detail: 'The export has no triggerAuthenticationType; "Anyone" is assumed as older exports imply (UNCONFIRMED as a platform rule).' });
    else add(ctx, { ...base, status: 'pass', actual: pa.mode });
  } else if (flow.type === 'logicAppConsumption') {
    const la = flow.trigger.logicAppConsumption;
    if (!la) add(ctx, { ...base, status: 'skip', detail: 'Cannot determine the trigger auth: add "openAuthenticationPolicies" or "definition" to the flow.' }, unknown);
    else add(ctx, { ...base, status: 'pass', actual: `${la.policies.length} OAuth polic${la.policies.length === 1 ? 'y' : 'ies'}; SAS ${la.sasDisabled ? 'disabled' : 'enabled'}` });
  } else {
    const ls = flow.trigger.logicAppStandard;
    if (!ls?.easyAuth) add(ctx, { ...base, status: 'skip', detail: 'Cannot determine the Easy Auth settings: add "easyAuth" or an authsettingsV2 "definition" to the flow.' }, unknown);
    else add(ctx, { ...base, status: 'pass', actual: `Easy Auth; SAS ${ls.sasDisabled ? 'disabled' : 'enabled'}` });
  }
}

// ---------------------------------------------------------------------------------------------
// Row 4: one scheme per call

function sasDisabled(flow: FlowConfig): boolean {
  return flow.type === 'logicAppConsumption' ? flow.trigger.logicAppConsumption?.sasDisabled === true
    : flow.type === 'logicAppStandard' ? flow.trigger.logicAppStandard?.sasDisabled === true : false;
}

function checkRequest(ctx: Ctx): void {
  const { flow, bearer, sas } = ctx;
  const row4 = ref(4);
  const sasParams = ctx.url ? parseTriggerUrl(ctx.url)?.sasParams.join(', ') : undefined;

  const both = { id: 'sas-and-bearer', title: 'One authorization scheme per call', source: 'url' as const, reference: row4 };
  if (sas === undefined) add(ctx, { ...both, status: 'skip', detail: 'The request URL is not known.' });
  else if (!sas) add(ctx, { ...both, status: 'pass', actual: 'no SAS signature in the URL' });
  else if (bearer === true) {
    add(ctx, {
      ...both, status: 'fail', expected: 'SAS or a bearer token, not both', actual: `URL with ${sasParams} and an Authorization header`,
      detail: 'The URL carries a SAS signature and the request sends a token. For OAuth, drop sp, sv and sig from the URL and keep api-version.',
      platformError: PLATFORM_ERRORS.moreThanOneAuthorization,
    });
  } else if (bearer === undefined) add(ctx, { ...both, status: 'skip', detail: 'The URL carries a SAS signature; whether an Authorization header is sent too is not known.' });
  else add(ctx, { ...both, status: 'pass', actual: 'SAS only' });

  if (flow.type !== 'powerAutomate' && sasDisabled(flow)) {
    const dis = { id: 'sas-disabled', title: 'SAS disabled on the trigger', source: 'url' as const, reference: row4 };
    if (sas === undefined) add(ctx, { ...dis, status: 'skip', detail: 'The request URL is not known.' });
    else if (sas) add(ctx, { ...dis, status: 'fail', expected: 'no sp/sv/sig in the URL', actual: `URL with ${sasParams}`, detail: 'sasAuthenticationPolicy is Disabled, so a SAS URL is refused.', platformError: PLATFORM_ERRORS.sasDisabled });
    else add(ctx, { ...dis, status: 'pass', actual: 'no SAS signature in the URL' });
  }

  if (flow.type === 'powerAutomate') requestPowerAutomate(ctx);
  else if (flow.type === 'logicAppConsumption') requestConsumption(ctx);
  else requestStandard(ctx);
}

function requestPowerAutomate(ctx: Ctx): void {
  const { bearer, sas } = ctx;
  const pa = ctx.flow.trigger.powerAutomate;
  const row4 = ref(4);
  if (!pa || pa.mode === undefined) return;
  if (pa.mode === 'anyone') {
    const heuristic = pa.modeAssumed === true;
    const c = { id: 'anyone-with-bearer', title: '"Anyone" trigger takes no token', source: 'token' as const, reference: row4, heuristic };
    if (bearer === true) {
      add(ctx, {
        ...c, status: 'fail', expected: 'no Authorization header', actual: 'Authorization: Bearer …',
        detail: `${ANYONE_WITH_TOKEN_DOC}${heuristic ? ' The mode "Anyone" is only assumed here.' : ''} Either drop the token or switch the trigger to an OAuth mode.`,
        platformError: PLATFORM_ERRORS.policyNotFound,
      }, heuristic ? 'the trigger mode is assumed, so whether the token is refused is not known' : undefined);
    } else if (bearer === false) add(ctx, { ...c, status: 'pass', actual: 'no Authorization header' });
    else add(ctx, { ...c, status: 'skip', detail: 'Whether an Authorization header is sent is not known.' });
    if (bearer === false && sas === false) {
      add(ctx, {
        id: 'sas-required', title: '"Anyone" trigger URL carries its SAS signature', status: 'warn', heuristic: true, source: 'url', reference: row4,
        expected: 'sp, sv and sig in the URL', actual: 'none', detail: 'An "Anyone" trigger URL holds sp, sv and sig; without them the call most likely fails (status and text not documented).',
      });
    }
    return;
  }
  const c = { id: 'authorization-required', title: 'OAuth trigger needs a bearer token', source: 'token' as const, reference: row4 };
  if (bearer === false) {
    add(ctx, {
      ...c, status: 'fail', expected: 'Authorization: Bearer <token>', actual: sas ? 'SAS only' : 'no Authorization header',
      detail: `The trigger allows ${pa.mode === 'tenant' ? 'any user in the tenant' : 'specific users'}: OAuth only.${sas ? ' A SAS URL belongs to an "Anyone" trigger.' : ''}`,
      platformError: PLATFORM_ERRORS.paAuthorizationRequired,
    });
  } else if (bearer === true) add(ctx, { ...c, status: 'pass', actual: 'Authorization: Bearer …' });
  else add(ctx, { ...c, status: 'skip', detail: 'Whether an Authorization header is sent is not known.' });
}

function requestConsumption(ctx: Ctx): void {
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

function requestStandard(ctx: Ctx): void {
  const { bearer, sas } = ctx;
  const c = { id: 'authorization-required', title: 'The call is authenticated', source: 'token' as const, reference: ref(4) };
  if (bearer === true) add(ctx, { ...c, status: 'pass', actual: 'Authorization: Bearer …' });
  else if (bearer === undefined) add(ctx, { ...c, status: 'skip', detail: 'Whether an Authorization header is sent is not known.' });
  else if (sas === true) add(ctx, { ...c, status: 'pass', actual: 'SAS' });
  else {
    add(ctx, {
      ...c, status: 'warn', heuristic: true, expected: 'a bearer token (or SAS)', actual: 'neither',
      detail: 'Without a token Easy Auth either refuses the call or, with AllowAnonymous, lets the Logic Apps runtime demand SAS; the exact answer is UNCONFIRMED.',
    }, 'the answer of Logic Apps Standard to an unauthenticated call is not documented');
  }
}

// ---------------------------------------------------------------------------------------------
// Rows 5–10: scheme, token shape, signature, issuer, time

function checkScheme(ctx: Ctx): void {
  const c = { id: 'scheme', title: 'Authorization scheme', source: 'token' as const, reference: ref(5) };
  const scheme = ctx.scheme.trim();
  if (/^bearer$/i.test(scheme)) {
    add(ctx, { ...c, status: 'pass', actual: 'Bearer' });
    return;
  }
  const popAllowed = ctx.flow.type === 'logicAppConsumption' && (ctx.flow.trigger.logicAppConsumption?.policies ?? []).some(p => p.type === 'AADPOP');
  if (/^pop$/i.test(scheme) && popAllowed) add(ctx, { ...c, status: 'pass', actual: 'PoP' });
  else add(ctx, { ...c, status: 'fail', expected: ctx.flow.type === 'logicAppConsumption' ? 'Bearer (or PoP with an AADPOP policy)' : 'Bearer', actual: scheme, detail: 'Unsupported authorization scheme.' });
}

function checkTokenShape(ctx: Ctx): void {
  const { header } = ctx;
  if (ctx.predicted) {
    const why = 'Predicted token: there is no token string, header or signature to check.';
    for (const [id, title, row] of [['token-format', 'Token is a JWT', 6], ['header-alg', 'Signing algorithm', 7], ['header-typ', 'Token type header', 7], ['header-kid', 'Key ID header', 7], ['header-crit', 'No unknown critical headers', 7], ['signature', 'Signature', 8]] as const) {
      add(ctx, { id, title, status: 'skip', detail: why, source: 'token', reference: ref(row) });
    }
    return;
  }
  const fmt = { id: 'token-format', title: 'Token is a JWT', source: 'token' as const, reference: ref(6) };
  if (Object.keys(ctx.payload).length === 0) add(ctx, { ...fmt, status: 'fail', detail: 'The payload must be a JSON object with the claims.' });
  else add(ctx, { ...fmt, status: 'pass', actual: 'decoded' });

  const alg = { id: 'header-alg', title: 'Signing algorithm', source: 'token' as const, reference: ref(7), expected: 'RS256' };
  if (typeof header.alg !== 'string' || header.alg === '') add(ctx, { ...alg, status: 'fail', actual: '(absent)', detail: 'The header has no "alg": the token does not say how it is signed.' });
  else if (header.alg !== 'RS256') add(ctx, { ...alg, status: 'fail', actual: header.alg, detail: `Signed with ${header.alg}, but Entra signs access tokens with RS256${header.alg.toLowerCase() === 'none' ? '; an unsigned token is never accepted' : ''}.` });
  else add(ctx, { ...alg, status: 'pass', actual: 'RS256' });

  const typ = { id: 'header-typ', title: 'Token type header', source: 'token' as const, reference: ref(7), expected: 'JWT' };
  if (typeof header.typ === 'string' && header.typ.toUpperCase() === 'JWT') add(ctx, { ...typ, status: 'pass', actual: header.typ });
  else add(ctx, { ...typ, status: 'warn', heuristic: true, actual: typeof header.typ === 'string' ? header.typ : '(absent)', detail: 'Entra access tokens always carry typ "JWT"; this token may not come from Entra.' });

  const kid = { id: 'header-kid', title: 'Key ID header', source: 'token' as const, reference: ref(7) };
  if (typeof header.kid === 'string' && header.kid !== '') add(ctx, { ...kid, status: 'pass', actual: header.kid });
  else add(ctx, { ...kid, status: 'fail', actual: '(absent)', detail: 'kid missing: no signing key can be selected from the JWKS.' });

  const crit = { id: 'header-crit', title: 'No unknown critical headers', source: 'token' as const, reference: ref(7) };
  if (header.crit === undefined) add(ctx, { ...crit, status: 'pass' });
  else {
    const names = Array.isArray(header.crit) ? header.crit.map(String) : [String(header.crit)];
    add(ctx, { ...crit, status: 'fail', actual: show(names), detail: `The header marks "${names[0] ?? ''}" as critical (crit), an extension no Entra token uses: a verifier must refuse it.` });
  }

  const sig = { id: 'signature', title: 'Signature', source: 'token' as const, reference: ref(8) };
  const given = ctx.options.signature;
  if (given) add(ctx, { ...sig, status: given.status, detail: given.detail });
  else add(ctx, { ...sig, status: 'skip', detail: 'Signature not checked (needs the tenant\'s signing keys).' });
}

function checkIssuer(ctx: Ctx): void {
  const c = { id: 'token-issuer', title: 'Issuer matches token version and tenant', source: 'token' as const, reference: ref(9) };
  const tid = claim(ctx, 'tid');
  const iss = claim(ctx, 'iss');
  if (tid === undefined) return missing(ctx, c, 'tid');
  if (!isGuid(tid)) return add(ctx, { ...c, status: 'fail', expected: 'tid as a GUID', actual: tid, detail: 'tid must be a tenant GUID.' });
  if (iss === undefined) return missing(ctx, c, 'iss');
  const ver = claim(ctx, 'ver');
  const version = ver === '1.0' ? 1 : ver === '2.0' ? 2 : issuerVersion(iss);
  if (version === undefined) return add(ctx, { ...c, status: 'fail', actual: iss, detail: `Neither "ver" (${ver ?? 'absent'}) nor the issuer tells the token version; not an Entra access token.` });
  const expected = version === 1 ? v1Issuer(tid) : v2Issuer(tid);
  if (iss === expected) add(ctx, { ...c, status: 'pass', expected, actual: iss });
  else add(ctx, { ...c, status: 'fail', expected, actual: iss, detail: `Issuer does not match token version ${version}.0 and tenant ${tid}.` });
}

function checkTime(ctx: Ctx): void {
  if (ctx.predicted) {
    for (const [id, title] of [['time-nbf', 'Not before'], ['time-exp', 'Expiry'], ['lifetime', 'Plausible lifetime']] as const) {
      add(ctx, { id, title, status: 'skip', detail: 'Predicted token: APIM gets a fresh one.', source: 'token', reference: ref(10) });
    }
    return;
  }
  const now = Math.floor((ctx.options.now ?? new Date()).getTime() / 1000);
  const skew = ctx.options.clockSkewSeconds ?? 300;
  const skewNote = ctx.options.clockSkewSeconds === undefined ? ' A clock skew of 300 s is assumed (the platform\'s own skew is UNCONFIRMED).' : '';
  const at = isoSeconds;
  const platformNote = ' The platform\'s own error text for this is unknown.';
  // A value that is not a number, or no date at all (1e308), is a failed check, said plainly.
  const notATime = (name: string, v: unknown): string | undefined =>
    typeof v !== 'number' ? `"${name}" claim must be a number.`
      : claimSeconds(v) === undefined ? `"${name}" claim is ${v}: not a time (seconds since 1970 up to the year 275760); Entra ID never issues such a value.`
        : undefined;
  const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

  const nbfC = { id: 'time-nbf', title: 'Not before', source: 'token' as const, reference: ref(10) };
  const nbf = ctx.payload.nbf;
  const nbfProblem = nbf === undefined ? undefined : notATime('nbf', nbf);
  if (nbf === undefined) add(ctx, { ...nbfC, status: 'pass', actual: '(absent)' });
  else if (nbfProblem || typeof nbf !== 'number') add(ctx, { ...nbfC, status: 'fail', expected: 'a time in seconds since 1970', actual: shown(nbf), detail: nbfProblem });
  else if (nbf > now + skew) add(ctx, { ...nbfC, status: 'fail', expected: `≤ ${at(now + skew)}`, actual: at(nbf), detail: `Not valid yet: valid ${relativeTime(nbf, now)}.${skewNote}${platformNote}` });
  else add(ctx, { ...nbfC, status: 'pass', actual: at(nbf) });

  const expC = { id: 'time-exp', title: 'Expiry', source: 'token' as const, reference: ref(10) };
  const exp = ctx.payload.exp;
  const expProblem = exp === undefined ? undefined : notATime('exp', exp);
  if (exp === undefined) add(ctx, { ...expC, status: 'warn', heuristic: true, actual: '(absent)', detail: 'Entra access tokens always carry exp.' });
  else if (expProblem || typeof exp !== 'number') add(ctx, { ...expC, status: 'fail', expected: 'a time in seconds since 1970', actual: shown(exp), detail: expProblem });
  else if (exp <= now - skew) add(ctx, { ...expC, status: 'fail', expected: `> ${at(now - skew)}`, actual: at(exp), detail: `Expired ${relativeTime(exp, now)}.${skewNote}${platformNote}` });
  else add(ctx, { ...expC, status: 'pass', actual: at(exp) });

  const lifeC = { id: 'lifetime', title: 'Plausible lifetime', source: 'token' as const, reference: ref(10), expected: '≤ 24 h' };
  const iat = claimSeconds(ctx.payload.iat);
  const expiry = claimSeconds(exp);
  if (iat === undefined || expiry === undefined) add(ctx, { ...lifeC, status: 'skip', detail: 'iat or exp missing, or not a time.' });
  else if (expiry - iat > 24 * 3600) add(ctx, { ...lifeC, status: 'warn', heuristic: true, actual: `${Math.round((expiry - iat) / 360) / 10} h`, detail: 'Entra tokens live 60–90 minutes (long-lived CAE tokens up to 28 h); this lifetime is implausible.' });
  else add(ctx, { ...lifeC, status: 'pass', actual: `${Math.round((expiry - iat) / 60)} min` });
}

// ---------------------------------------------------------------------------------------------
// Rows 11–13: Power Automate

function checkPowerAutomate(ctx: Ctx): void {
  const pa = ctx.flow.trigger.powerAutomate;
  const definitelyAnyone = pa?.mode === 'anyone' && !pa.modeAssumed;
  const skipAnyone = (id: string, title: string, row: number, source: Check['source']) =>
    add(ctx, { id, title, status: 'skip', detail: '"Anyone" trigger: tokens are not validated (and sending one fails, see above).', source, reference: ref(row) });
  if (definitelyAnyone) {
    skipAnyone('tenant', 'Token tenant is the flow\'s tenant', 11, 'client-id');
    skipAnyone('audience', 'Audience is the Flow service', 12, 'resource');
    skipAnyone('caller', 'Caller is allowed', 13, 'client-id');
    return;
  }

  // Row 11: tenant
  const t = { id: 'tenant', title: 'Token tenant is the flow\'s tenant', source: 'client-id' as const, reference: ref(11) };
  const tid = claim(ctx, 'tid');
  if (!ctx.flow.tenantId) add(ctx, { ...t, status: 'skip', detail: 'The flow\'s tenant is not in the config ("tenantId").' }, 'flow tenant unknown');
  else if (tid === undefined) missing(ctx, t, 'tid', PLATFORM_ERRORS.paMismatch);
  else if (sameId(tid, ctx.flow.tenantId)) add(ctx, { ...t, status: 'pass', expected: ctx.flow.tenantId, actual: tid });
  else add(ctx, { ...t, status: 'fail', expected: ctx.flow.tenantId, actual: tid, detail: 'Power Automate takes tokens from the flow\'s own tenant only.', platformError: PLATFORM_ERRORS.paMismatch });

  // Row 12: audience, exact string per cloud
  checkPaAudience(ctx);

  // Row 13: caller
  if (pa?.mode === 'specificUsers') checkPaCaller(ctx, pa.allowedCallers);
  else add(ctx, { id: 'caller', title: 'Caller is allowed', status: 'skip', detail: pa?.mode === 'tenant' ? 'Any user in the tenant: no caller list.' : 'The trigger mode is not known.', source: 'client-id', reference: ref(13) });

  if (isAppOnly(ctx)) {
    add(ctx, {
      id: 'app-only', title: 'App-only token to Power Automate', status: 'warn', heuristic: true, source: 'client-id', reference: ref(13),
      actual: 'app-only (managed identity / service principal)',
      detail: 'UNCONFIRMED: Microsoft allows service principal object IDs in "Specific users", but a 2026 field report saw app-only tokens refused with 403 MisMatchingOAuthClaims on the new environment.api.powerplatform.com URLs. Test the call once.',
    });
  }
  if (claim(ctx, 'ver') === '2.0') {
    add(ctx, {
      id: 'pa-token-version', title: 'Token version accepted by Power Automate', status: 'warn', heuristic: true, source: 'resource', reference: ref(9),
      expected: '1.0', actual: '2.0', detail: 'Tokens for the Flow service seen in practice are v1; whether a v2 token is accepted is UNCONFIRMED.',
    }, 'Power Automate acceptance of v2 tokens is not documented');
  }
}

function checkPaAudience(ctx: Ctx): void {
  const expected = flowAudience(ctx.flow.cloud);
  const c = { id: 'audience', title: 'Audience is the Flow service', source: 'resource' as const, reference: ref(12), expected };
  const auds = audiences(ctx);
  if (auds.length === 0) return missing(ctx, c, 'aud', PLATFORM_ERRORS.paMismatch);
  const actual = show(auds);
  if (auds.includes(expected)) return add(ctx, { ...c, status: 'pass', actual });
  const kind = classifyResource(auds[0]);
  if (auds[0].toLowerCase() === expected.toLowerCase()) {
    return add(ctx, {
      ...c, status: 'warn', heuristic: true, actual,
      detail: `Differs from ${expected} only in letter case; whether the comparison ignores case is UNCONFIRMED. Write it exactly.`,
      platformError: PLATFORM_ERRORS.paMismatch,
    }, 'case-insensitive audience comparison is not documented');
  }
  if (kind.kind === 'flowAppId') {
    return add(ctx, {
      ...c, status: 'warn', heuristic: true, actual,
      detail: 'This is the Flow service app ID. The doc names only the URI as audience; whether the GUID is accepted is UNCONFIRMED (assume it is refused).',
      platformError: PLATFORM_ERRORS.paMismatch,
    }, 'acceptance of the Flow app ID as audience is not documented');
  }
  let detail: string;
  switch (kind.kind) {
    case 'flowAudienceNoSlash': detail = `The trailing slash is missing: the trigger compares the exact string ${expected}.`; break;
    case 'flowScopeDefault': detail = `"/.default" makes this a scope, which resolves to the audience without its slash. Use resource="${expected}".`; break;
    case 'flowScopeDoubleSlashDefault': detail = `"//.default" is the scope form; resource takes the audience itself: ${expected}.`; break;
    case 'flowAudienceVariant': detail = `Close to, but not exactly, ${expected}: the trigger compares the exact string.`; break;
    case 'flowAudience': detail = `This is the Flow audience of the ${kind.cloud} cloud; the flow is in the ${ctx.flow.cloud} cloud.`; break;
    case 'logicApisHost': detail = `A regional Logic Apps host is not the Flow audience (no Microsoft source documents logic-apis-* as a token resource). Use ${expected}.`; break;
    case 'logicAppsHost': detail = `A Logic Apps trigger host is not a token audience. Use ${expected}.`; break;
    default: detail = `Power Automate accepts only the Flow service audience; tokens for other audiences are refused.`;
  }
  add(ctx, { ...c, status: 'fail', actual, detail, platformError: PLATFORM_ERRORS.paMismatch });
}

function checkPaCaller(ctx: Ctx, allowed: string[]): void {
  const c = { id: 'caller', title: 'Caller is allowed', source: 'client-id' as const, reference: ref(13), expected: show(allowed) };
  const emails = allowed.filter(a => isEmail(a));
  const ids = allowed.filter(a => !isEmail(a));
  if (emails.length > 0) {
    add(ctx, {
      id: 'caller-emails', title: 'E-mail entries in the allowed list', status: 'warn', heuristic: true, source: 'flow-config', reference: ref(13), actual: show(emails),
      detail: 'How Power Automate matches e-mail entries is UNCONFIRMED, and they cannot match an app-only token: allow a managed identity by its principal (object) ID.',
    });
  }
  if (allowed.length === 0) return add(ctx, { ...c, status: 'pass', actual: '(empty list)', detail: 'An empty list falls back to any user in the tenant.' });
  const oid = claim(ctx, 'oid');
  const appId = claim(ctx, 'appid') ?? claim(ctx, 'azp');
  const clientIdListed = appId !== undefined && ids.some(a => sameId(a, appId));
  // A service principal's object ID is never its client ID: a list of only the client ID fails even with oid unknown.
  const onlyClientId = clientIdListed && ids.every(a => sameId(a, appId!));
  if (oid === undefined && !onlyClientId) return missing(ctx, c, 'oid', PLATFORM_ERRORS.paMismatch);
  if (oid !== undefined && ids.some(a => sameId(a, oid))) return add(ctx, { ...c, status: 'pass', actual: oid });
  if (clientIdListed) {
    return add(ctx, {
      // expected is the allowed list (c.expected), actual what the token names: its oid, else its client ID
      ...c, status: 'fail', outcome: 'the allowed list holds the client ID; the token\'s oid is the principal ID', actual: oid ?? `appid ${appId} (no oid)`,
      detail: `Replace the client ID ${appId} by the identity's principal (object) ID${oid ? ` ${oid}` : ''} in the trigger's allowed users.`,
      platformError: PLATFORM_ERRORS.paMismatch,
    });
  }
  if (oid === undefined) return missing(ctx, c, 'oid', PLATFORM_ERRORS.paMismatch);
  const upn = claim(ctx, 'upn') ?? claim(ctx, 'email') ?? claim(ctx, 'preferred_username');
  if (upn !== undefined && emails.some(e => e.toLowerCase() === upn.toLowerCase())) {
    return add(ctx, { ...c, status: 'warn', heuristic: true, actual: upn, detail: 'Allowed by e-mail address only: whether Power Automate matches it against the token is UNCONFIRMED.' }, 'e-mail matching of allowed users is not documented');
  }
  add(ctx, {
    ...c, status: 'fail', actual: oid,
    detail: `The token's oid ${oid} is not in the allowed users${emails.length > 0 && isAppOnly(ctx) ? ' (e-mail entries cannot match an app-only token)' : ''}.`,
    platformError: PLATFORM_ERRORS.paMismatch,
  });
}

// ---------------------------------------------------------------------------------------------
// Rows 11–14: Logic Apps Consumption

type ClaimOutcome = 'match' | 'mismatch' | 'unknown' | 'heuristic-match' | 'heuristic-mismatch';

interface ClaimResult {
  name: string;
  outcome: ClaimOutcome;
  expected: string;
  actual?: string;
  why?: string;
}

function evalClaim(ctx: Ctx, c: OpenAuthPolicy['claims'][number]): ClaimResult {
  const base = { name: c.name, expected: c.value };
  if (c.expression || isArmExpression(c.value)) return { ...base, outcome: 'unknown', why: `${c.name} is an ARM template expression` };
  const v = claimValue(ctx, c.name);
  if (v === undefined) return ctx.predicted ? { ...base, outcome: 'unknown', why: `${c.name} is not known for the predicted token` } : { ...base, outcome: 'mismatch', actual: '(absent)' };
  if (Array.isArray(v)) {
    const items = v.map(String);
    return { ...base, actual: show(items), outcome: items.includes(c.value) ? 'heuristic-match' : 'heuristic-mismatch', why: `${c.name} is an array claim; membership is assumed (UNCONFIRMED)` };
  }
  const actual = typeof v === 'string' ? v : JSON.stringify(v);
  return { ...base, actual, outcome: actual === c.value ? 'match' : 'mismatch' };
}

interface PolicyResult {
  policy: OpenAuthPolicy;
  outcome: ClaimOutcome;
  claims: ClaimResult[];
}

function evalPolicy(ctx: Ctx, policy: OpenAuthPolicy): PolicyResult {
  const claims = policy.claims.map(c => evalClaim(ctx, c));
  const has = (o: ClaimOutcome) => claims.some(r => r.outcome === o);
  const outcome: ClaimOutcome = has('mismatch') ? 'mismatch' : has('unknown') ? 'unknown' : has('heuristic-mismatch') ? 'heuristic-mismatch' : has('heuristic-match') ? 'heuristic-match' : 'match';
  return { policy, outcome, claims };
}

function checkConsumption(ctx: Ctx): void {
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
    return add(ctx, { ...c, status: 'warn', heuristic: true, source: 'policy', detail: `No policy matches; ${heuristicMismatch.map(describe).join('; ')} (array claim, membership assumed: UNCONFIRMED).` }, 'array claim comparison in Logic Apps policies is not documented');
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

type Explanation = (ctx: Ctx, expected: string[], actual: string | undefined) => { source: Check['source']; detail: string; outcome?: string };

/**
 * One claim family seen across the applicable policies. It fails only when every policy names the
 * family and none can match on it; a policy without it (or with an expression) leaves it open.
 */
function policyView(ctx: Ctx, results: PolicyResult[], names: string[], meta: { id: string; title: string; row: number }, explain: Explanation): void {
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
  const policyVersions = new Set(expected.map(e => (e.startsWith(V2_ISSUER_PREFIX) ? 2 : e.startsWith(V1_ISSUER_PREFIX) ? 1 : 0)));
  const tokenTenant = issuerTenant(iss);
  const policyTenants = expected.map(issuerTenant).filter((t): t is string => t !== undefined);
  if (tokenVersion === 1 && policyVersions.has(2) && !policyVersions.has(1)) {
    return {
      source: 'resource',
      detail: `The policy expects a v2 issuer (${V2_ISSUER_PREFIX}<tenant>/v2.0), but the resource issues v1 tokens (${V1_ISSUER_PREFIX}<tenant>/). Put ${tokenTenant ? v1Issuer(tokenTenant) : 'the v1 issuer'} in the policy, or, if the resource is your own app registration, have it issue v2 tokens (requestedAccessTokenVersion 2).`,
    };
  }
  if (tokenVersion === 2 && policyVersions.has(1) && !policyVersions.has(2)) {
    return { source: 'resource', detail: `The policy expects a v1 issuer (${V1_ISSUER_PREFIX}<tenant>/), but the token is v2. Put ${tokenTenant ? v2Issuer(tokenTenant) : 'the v2 issuer'} in the policy, or request a resource that issues v1 tokens.` };
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

function checkPolicyLimits(ctx: Ctx, policies: OpenAuthPolicy[]): void {
  const c = { id: 'policy-limits', title: 'OAuth policies are valid', source: 'flow-config' as const, reference: ref(14) };
  const problems: string[] = [];
  let tooLong: { policy: string; claim: string; length: number } | undefined;
  if (policies.length > LOGIC_APPS_LIMITS.policies) problems.push(`${policies.length} policies (at most ${LOGIC_APPS_LIMITS.policies})`);
  for (const p of policies) {
    if (p.claims.length > LOGIC_APPS_LIMITS.claimsPerPolicy) problems.push(`'${p.name}' has ${p.claims.length} claims (at most ${LOGIC_APPS_LIMITS.claimsPerPolicy})`);
    const iss = p.claims.find(x => x.name === 'iss');
    if (!iss) problems.push(`'${p.name}' has no iss claim`);
    else if (!iss.expression && !iss.value.startsWith(V1_ISSUER_PREFIX) && !iss.value.startsWith(V2_ISSUER_PREFIX)) problems.push(`'${p.name}': iss must start with ${V1_ISSUER_PREFIX} or ${V2_ISSUER_PREFIX}`);
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

// ---------------------------------------------------------------------------------------------
// Rows 11–13: Logic Apps Standard (Easy Auth)

function inList(list: string[], value: string): 'yes' | 'no' | 'unknown' {
  if (list.some(x => sameId(x, value))) return 'yes';
  return list.some(isArmExpression) ? 'unknown' : 'no';
}

/** An Easy Auth allow-list: the token's `claim` must be in `list`. */
interface AllowList {
  check: Omit<Check, 'status'>;
  list: string[];
  /** The setting's name, for the check skipped when it is not set. */
  setting: string;
  claim: string;
  value: string | undefined;
  /** The reason the verdict is unknown when the list holds ARM expressions. */
  unknown: string;
  /** The caller's other ID, which people put in this list by mistake, and what to tell them then. */
  mixUp?: { id: string | undefined; outcome: string; detail: string };
}

function checkAllowList(ctx: Ctx, a: AllowList): void {
  const { check, list, value, mixUp } = a;
  if (list.length === 0) return add(ctx, { ...check, status: 'skip', detail: `${a.setting} is not set.` });
  if (value === undefined) return missing(ctx, check, a.claim, PLATFORM_ERRORS.easyAuthForbidden);
  const r = inList(list, value);
  if (r === 'yes') add(ctx, { ...check, status: 'pass', actual: value });
  else if (r === 'unknown') add(ctx, { ...check, status: 'skip', actual: value, detail: 'The list holds ARM expressions.' }, a.unknown);
  else if (mixUp?.id !== undefined && list.some(x => sameId(x, mixUp.id!))) {
    add(ctx, { ...check, status: 'fail', outcome: mixUp.outcome, actual: value, detail: mixUp.detail, platformError: PLATFORM_ERRORS.easyAuthForbidden });
  } else add(ctx, { ...check, status: 'fail', actual: value, platformError: PLATFORM_ERRORS.easyAuthForbidden });
}

function checkStandard(ctx: Ctx): void {
  const easy = ctx.flow.trigger.logicAppStandard?.easyAuth;
  if (!easy) return;
  const tid = claim(ctx, 'tid');
  const oid = claim(ctx, 'oid');
  const appId = claim(ctx, 'appid') ?? claim(ctx, 'azp');

  // Row 11: tenant through a tenant-specific issuer, then the allowed-tenants setting.
  const t = { id: 'tenant', title: 'Token tenant is Easy Auth\'s issuer tenant', source: 'client-id' as const, reference: ref(11) };
  const issuerTid = easy.openIdIssuer ? issuerTenant(easy.openIdIssuer) : undefined;
  if (!issuerTid) add(ctx, { ...t, status: 'skip', detail: 'The Easy Auth issuer is not tenant-specific: neither issuer nor tenant is validated.' });
  else if (tid === undefined) missing(ctx, t, 'tid', PLATFORM_ERRORS.easyAuthUnauthorized);
  else if (sameId(tid, issuerTid)) add(ctx, { ...t, status: 'pass', expected: issuerTid, actual: tid });
  else add(ctx, { ...t, status: 'fail', expected: issuerTid, actual: tid, detail: `Easy Auth trusts issuer ${easy.openIdIssuer} only.`, platformError: PLATFORM_ERRORS.easyAuthUnauthorized });

  checkAllowList(ctx, {
    check: { id: 'allowed-tenants', title: 'Token tenant is an allowed tenant', source: 'client-id', reference: ref(11), expected: show(easy.allowedTenants) },
    list: easy.allowedTenants, setting: 'WEBSITE_AUTH_AAD_ALLOWED_TENANTS', claim: 'tid', value: tid, unknown: 'allowed tenants cannot be compared',
  });

  // Row 12: audience: the client ID always, plus allowedAudiences.
  const accepted = [...(easy.clientId ? [easy.clientId] : []), ...easy.allowedAudiences];
  const a = { id: 'audience', title: 'Audience is accepted by Easy Auth', source: 'resource' as const, reference: ref(12), expected: show(accepted) };
  const auds = audiences(ctx);
  if (accepted.length === 0) add(ctx, { ...a, status: 'skip', detail: 'Easy Auth has neither clientId nor allowedAudiences in the config.' }, 'Easy Auth audiences unknown');
  else if (auds.length === 0) missing(ctx, a, 'aud', PLATFORM_ERRORS.easyAuthUnauthorized);
  else if (auds.some(x => accepted.includes(x))) add(ctx, { ...a, status: 'pass', actual: show(auds) });
  else if (accepted.some(isArmExpression)) add(ctx, { ...a, status: 'skip', actual: show(auds), detail: 'The accepted audiences hold ARM expressions.' }, 'Easy Auth audiences cannot be compared');
  else add(ctx, { ...a, status: 'fail', actual: show(auds), detail: 'The aud must be the Easy Auth client ID or one of allowedAudiences (exact string).', platformError: PLATFORM_ERRORS.easyAuthUnauthorized });

  // Row 13: allowedApplications AND allowedPrincipals.
  checkAllowList(ctx, {
    check: { id: 'allowed-applications', title: 'Calling application is allowed', source: 'client-id', reference: ref(13), expected: show(easy.allowedApplications) },
    list: easy.allowedApplications, setting: 'allowedApplications', claim: 'appid/azp', value: appId, unknown: 'allowed applications cannot be compared',
    mixUp: {
      id: oid, outcome: 'allowedApplications holds the principal ID; it checks the client ID (appid/azp)',
      detail: `Put the client ID ${appId} in allowedApplications, not the object ID ${oid}.`,
    },
  });
  checkAllowList(ctx, {
    check: { id: 'allowed-principals', title: 'Calling principal is allowed', source: 'client-id', reference: ref(13), expected: show(easy.allowedPrincipals) },
    list: easy.allowedPrincipals, setting: 'allowedPrincipals', claim: 'oid', value: oid, unknown: 'allowed principals cannot be compared',
    mixUp: {
      id: appId, outcome: 'the allowed list holds the client ID; the token\'s oid is the principal ID',
      detail: `Put the principal (object) ID ${oid} in allowedPrincipals, not the client ID ${appId}.`,
    },
  });

  if (easy.requireClientServicePrincipal || easy.allowedPrincipals.length > 0) {
    const ro = { id: 'require-oid', title: 'Token names a service principal (oid)', source: 'client-id' as const, reference: ref(13) };
    if (oid === undefined) missing(ctx, ro, 'oid', PLATFORM_ERRORS.easyAuthForbidden);
    else add(ctx, { ...ro, status: 'pass', actual: oid });
  }
}

// ---------------------------------------------------------------------------------------------
// Rows 15–16

function checkRoles(ctx: Ctx): void {
  const expected = ctx.options.expectedRoles ?? [];
  const c = { id: 'roles', title: 'Expected app roles', source: 'client-id' as const, reference: ref(15), expected: show(expected) };
  if (expected.length === 0) return add(ctx, { ...c, status: 'skip', expected: undefined, detail: 'No app role is expected.' });
  const roles = Array.isArray(ctx.payload.roles) ? ctx.payload.roles.map(String) : [];
  if (ctx.predicted && roles.length === 0) return add(ctx, { ...c, status: 'skip', detail: 'App role assignments are not in the flow config.' }, 'app roles of the identity unknown');
  const lacking = expected.filter(r => !roles.includes(r));
  if (lacking.length === 0) add(ctx, { ...c, status: 'pass', actual: show(roles) });
  else add(ctx, { ...c, status: 'fail', actual: roles.length > 0 ? show(roles) : '(no roles claim)', detail: `Expected role missing: ${lacking.join(', ')}. A managed identity's token is cached for about 24 h, so a new assignment can take that long to show.` });
}

function addResult(ctx: Ctx, verdict: SimulationResult['verdict']): void {
  const pa = ctx.flow.type === 'powerAutomate';
  const c = { id: 'result', title: 'Result', reference: ref(16) };
  if (verdict === 'accepted') add(ctx, { ...c, status: 'pass', actual: 'accepted', detail: 'The trigger accepts the call and a run appears in the run history.' });
  else if (verdict === 'rejected') add(ctx, { ...c, status: 'fail', actual: 'rejected', detail: pa ? 'Refused before the run starts: no run appears in the run history.' : 'The trigger answers with the error above and no run starts.' });
  else add(ctx, { ...c, status: 'skip', actual: 'unknown', detail: `Cannot decide: ${ctx.unknown.join('; ')}.` });
}
