/**
 * What a Power Automate / Logic Apps Request trigger does with a call, check by check, in the
 * order of flow-auth-facts §6 (rows 0 and 4–16). Works on a real decoded token or on a predicted
 * one. Rules that rest on UNCONFIRMED facts are marked `heuristic` and never fail.
 *
 * The engine runs the checks every trigger shares (one scheme per call, token shape, issuer,
 * times, roles, result); the flow's platform module (platforms/) runs its own through `FlowPlatform`.
 */

import type { FlowConfig, RequestContext, SimulationOptions, SimulationResult, TokenClaims } from './types';
import { hasSas, isGuid, issuerVersion, urlParts } from './audiences';
import { expectedIssuer } from './clouds';
import { add, claim, missing, ref, show, type CheckContext as Ctx } from './checkContext';
import { PLATFORM_ERRORS } from './platformErrors';
import { platformOf } from './platforms';
import { claimSeconds, isoSeconds, relativeTime } from './token';

export { PLATFORM_ERRORS } from './platformErrors';

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
  const platform = platformOf(flow.type);
  platform.checkMode(ctx);
  checkRequest(ctx);
  if (ctx.bearer === false) {
    add(ctx, { id: 'token', title: 'Token checks', status: 'skip', detail: 'No Authorization header is sent: the token is not checked.', source: 'token', reference: ref('5–15') });
  } else {
    checkScheme(ctx);
    checkTokenShape(ctx);
    checkIssuer(ctx);
    checkTime(ctx);
    platform.checkToken(ctx);
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
// Row 4: one scheme per call

function checkRequest(ctx: Ctx): void {
  const { flow, bearer, sas } = ctx;
  const row4 = ref(4);
  const sasParams = ctx.url ? urlParts(ctx.url)?.sasParams.join(', ') : undefined;

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

  const platform = platformOf(flow.type);
  if (platform.sasDisabled(flow.trigger)) {
    const dis = { id: 'sas-disabled', title: 'SAS disabled on the trigger', source: 'url' as const, reference: row4 };
    if (sas === undefined) add(ctx, { ...dis, status: 'skip', detail: 'The request URL is not known.' });
    else if (sas) add(ctx, { ...dis, status: 'fail', expected: 'no sp/sv/sig in the URL', actual: `URL with ${sasParams}`, detail: 'sasAuthenticationPolicy is Disabled, so a SAS URL is refused.', platformError: PLATFORM_ERRORS.sasDisabled });
    else add(ctx, { ...dis, status: 'pass', actual: 'no SAS signature in the URL' });
  }

  platform.checkRequest(ctx);
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
  const other = platformOf(ctx.flow.type).otherSchemes;
  const accepted = other?.accepts(ctx.flow, scheme);
  if (accepted !== undefined) add(ctx, { ...c, status: 'pass', actual: accepted });
  else add(ctx, { ...c, status: 'fail', expected: other?.expected ?? 'Bearer', actual: scheme, detail: 'Unsupported authorization scheme.' });
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
  // The issuer of the flow's cloud, or of the cloud the issuer itself names (auth/clouds.ts).
  const expected = expectedIssuer(version, tid, iss, ctx.flow.cloud);
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
  const rejection = platformOf(ctx.flow.type).rejection ?? 'The trigger answers with the error above and no run starts.';
  const c = { id: 'result', title: 'Result', reference: ref(16) };
  if (verdict === 'accepted') add(ctx, { ...c, status: 'pass', actual: 'accepted', detail: 'The trigger accepts the call and a run appears in the run history.' });
  else if (verdict === 'rejected') add(ctx, { ...c, status: 'fail', actual: 'rejected', detail: rejection });
  else add(ctx, { ...c, status: 'skip', actual: 'unknown', detail: `Cannot decide: ${ctx.unknown.join('; ')}.` });
}
