/**
 * Signature verification of a real token with `jose`: keys from a JWKS the user gives (a file),
 * or fetched by the host from Microsoft's published key endpoint for the token's version. Keys are
 * never taken from a URL inside the token (`jku`, `x5u`). Only RS256-family algorithms are
 * accepted; `none` and HMAC are failed checks, not errors.
 */
import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose';
import { isGuid } from './audiences';
import type { CheckStatus, TokenClaims } from './types';
import { cleanTokenInput } from './token';
import { cloudFacts, issuerClouds } from './clouds';

export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;

export interface SignatureResult {
  status: CheckStatus;
  detail: string;
}

/**
 * Microsoft's key endpoint for the token: v1 tokens are checked with the v1 keys, v2 tokens with
 * the tenant's v2 keys (flow-auth-facts §3.6). Undefined when the token says too little.
 */
export function microsoftKeysUrl(claims: TokenClaims): string | undefined {
  const p = claims.payload;
  const tid = typeof p.tid === 'string' && isGuid(p.tid) ? p.tid : undefined;
  // the login endpoint of the cloud whose Entra ID issued the token (auth/clouds.ts)
  const clouds = typeof p.iss === 'string' ? issuerClouds(p.iss) : [];
  const authority = cloudFacts(clouds[0] ?? 'public').entraAuthority;
  if (p.ver === '2.0') return tid ? `${authority}/${tid}/discovery/v2.0/keys` : undefined;
  return tid ? `${authority}/${tid}/discovery/keys` : `${authority}/common/discovery/keys`;
}

function asJwks(value: unknown): JSONWebKeySet | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const keys = (value as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) return undefined;
  return { keys: keys.filter(k => k && typeof k === 'object') as JSONWebKeySet['keys'] };
}

/** Parses JWKS text (a file's content); a one-line error message on bad input. */
export function parseJwks(text: string): JSONWebKeySet {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('The JWKS is not JSON.');
  }
  const jwks = asJwks(value);
  if (!jwks) throw new Error('The JWKS has no "keys" array.');
  return jwks;
}

/** A key's `issuer` (Entra adds one) must agree with the token's `iss`; `{tenantid}` is a template. */
function keyIssuerMismatch(jwks: JSONWebKeySet, kid: unknown, iss: unknown, tid: unknown): string | undefined {
  if (typeof kid !== 'string' || typeof iss !== 'string') return undefined;
  const key = jwks.keys.find(k => k.kid === kid) as { issuer?: unknown } | undefined;
  if (!key || typeof key.issuer !== 'string') return undefined;
  const expected = typeof tid === 'string' ? key.issuer.replace('{tenantid}', tid) : key.issuer;
  return expected === iss ? undefined : `The signing key's issuer is ${key.issuer}, the token's iss is ${iss}.`;
}

/**
 * Verifies the signature of `token` against `jwks`. Header checks come first: a disallowed
 * algorithm fails without touching a key.
 */
export async function verifySignature(token: string, claims: TokenClaims, jwks: JSONWebKeySet | undefined, source: string): Promise<SignatureResult> {
  const alg = claims.header.alg;
  if (typeof alg !== 'string' || !(ALLOWED_ALGORITHMS as readonly string[]).includes(alg)) {
    return { status: 'fail', detail: `Algorithm ${JSON.stringify(alg ?? null)} is not accepted: Entra ID tokens are signed with RS256 (alg "none" and HMAC are refused).` };
  }
  if (!jwks) return { status: 'skip', detail: 'Signature not checked: no signing keys (give a JWKS file, or allow fetching Microsoft\'s keys in a trusted workspace).' };
  try {
    await compactVerify(cleanTokenInput(token), createLocalJWKSet(jwks), { algorithms: [...ALLOWED_ALGORITHMS] });
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) return { status: 'fail', detail: `No key in ${source} matches the token's kid ${JSON.stringify(claims.header.kid ?? null)} (keys rotate: an old token may be signed by a retired key).` };
    if (e instanceof errors.JWSSignatureVerificationFailed) return { status: 'fail', detail: `The signature does not verify with the key from ${source}: the token was altered or signed by someone else.` };
    if (e instanceof errors.JOSEAlgNotAllowed) return { status: 'fail', detail: `Algorithm ${alg} is not accepted.` };
    return { status: 'fail', detail: `The signature could not be verified with ${source}: ${(e as Error).message}` };
  }
  const mismatch = keyIssuerMismatch(jwks, claims.header.kid, claims.payload.iss, claims.payload.tid);
  if (mismatch) return { status: 'fail', detail: mismatch };
  return { status: 'pass', detail: `Signature verified with the key ${JSON.stringify(claims.header.kid ?? null)} from ${source}.` };
}

/** Fetches keys through the host's fetcher, from Microsoft's endpoint only. */
export async function fetchMicrosoftKeys(claims: TokenClaims, fetchJson: (url: string) => Promise<unknown>): Promise<{ jwks?: JSONWebKeySet; source: string; error?: string }> {
  const url = microsoftKeysUrl(claims);
  if (!url) return { source: 'Microsoft', error: 'The token names no tenant (tid) to fetch v2 keys for.' };
  try {
    const jwks = asJwks(await fetchJson(url));
    return jwks ? { jwks, source: url } : { source: url, error: `${url} did not answer with a JWKS.` };
  } catch (e) {
    return { source: url, error: `Could not fetch ${url}: ${(e as Error).message}` };
  }
}
