/**
 * A real bearer token, decoded and explained: header and payload, what each Microsoft claim means,
 * the token version and what it implies, and the times. Decoding only; the signature is checked in
 * `verify.ts`. The token is never logged, stored or sent anywhere by this module.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { issuerTenant, issuerVersion, isGuid } from './audiences';
import { expectedIssuer, issuerFormsText } from './clouds';
import type { TokenClaims } from './types';

export class TokenInputError extends Error {}

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

/** Replaces anything shaped like a JWT: for every log and trace line. */
export function redactTokens(text: string): string {
  return text.replace(JWT_SHAPE, '<token redacted>');
}

/** Strips white space, quotes and a leading `Bearer ` (any case). */
export function cleanTokenInput(input: string): string {
  let t = input.trim().replace(/^["']|["']$/g, '').trim();
  t = t.replace(/^authorization\s*:\s*/i, '').replace(/^bearer\s+/i, '').trim();
  return t.replace(/\s+/g, '');
}

/** True when the text looks like a compact JWT (three base64url parts, a JSON header). */
export function looksLikeJwt(input: string): boolean {
  const t = cleanTokenInput(input);
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(t)) return false;
  return t.startsWith('eyJ');
}

/** Decodes a compact JWT. Throws TokenInputError with a one-line message on bad input. */
export function decodeToken(input: string): TokenClaims {
  const token = cleanTokenInput(input);
  if (token.length === 0) throw new TokenInputError('No token given.');
  const parts = token.split('.');
  if (parts.length === 5) throw new TokenInputError('This is an encrypted token (JWE, five parts); only signed tokens (JWS, three parts) can be read.');
  if (parts.length !== 3) throw new TokenInputError(`Not a JWT: expected three parts separated by dots, found ${parts.length}.`);
  if (parts.some(p => !/^[A-Za-z0-9_-]*$/.test(p))) throw new TokenInputError('Not a JWT: a part holds characters that are not base64url.');
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    throw new TokenInputError('Not a JWT: the header is not base64url-encoded JSON.');
  }
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token) as Record<string, unknown>;
  } catch (e) {
    const m = (e as Error).message ?? '';
    if (/base64url/.test(m)) throw new TokenInputError('Not a JWT: the payload is not valid base64url.');
    if (/JSON/.test(m)) throw new TokenInputError('Not a JWT: the payload is not JSON.');
    throw new TokenInputError(`Not a JWT: ${m.replace(/\.$/, '')}.`);
  }
  return { header, payload };
}

export interface ClaimExplanation {
  name: string;
  /** The value as JSON text. */
  value: string;
  meaning: string;
  /** For times: ISO UTC. */
  utc?: string;
}

const MEANINGS: Record<string, string> = {
  aud: 'Audience: who the token is for. v1 tokens carry the resource string exactly as requested (trailing slash included); v2 tokens carry the API\'s client ID.',
  iss: `Issuer: the Entra ID endpoint that signed it. ${issuerFormsText()}.`,
  tid: 'Tenant ID of the caller. Power Automate requires the flow\'s own tenant.',
  oid: 'Object ID of the caller: for a managed identity, its service principal (principalId). "Specific users" lists this ID, not the client ID.',
  sub: 'Subject. For app-only tokens, usually the service principal\'s object ID as well.',
  appid: 'Client (application) ID of the caller, v1 tokens. For a user-assigned identity this is the client-id APIM uses.',
  azp: 'Client (application) ID of the caller, v2 tokens.',
  appidacr: 'How the client authenticated (v1): 0 public client, 1 secret, 2 certificate.',
  azpacr: 'How the client authenticated (v2): 0 public client, 1 secret, 2 certificate.',
  idtyp: 'Token type: "app" for app-only tokens such as a managed identity\'s, present only when the resource asks for this optional claim.',
  ver: 'Token version: "1.0" or "2.0". The resource\'s app registration decides it, not the caller.',
  roles: 'App roles granted to the caller on this resource. Absent when none are assigned; changes to a managed identity\'s roles can take hours to show.',
  scp: 'Delegated scopes: present only in tokens for a signed-in user, never in a managed identity\'s.',
  xms_mirid: 'Azure resource ID of the managed identity (not part of Microsoft\'s documented claims). Logic Apps policies compare it exactly; a difference in letter case only is flagged as UNCONFIRMED.',
  uti: 'Unique token identifier (opaque; not to be validated).',
  rh: 'Internal refresh data (opaque).',
  aio: 'Internal data (opaque).',
  iat: 'Issued at.',
  nbf: 'Not valid before.',
  exp: 'Expires at. A trigger refuses the token from then on.',
  name: 'Display name of a signed-in user.',
  upn: 'User principal name of a signed-in user.',
  unique_name: 'A name for the caller (v1).',
  preferred_username: 'Username of a signed-in user (v2).',
  email: 'E-mail address of a signed-in user.',
  amr: 'How the user authenticated.',
  acr: 'Authentication context class.',
  idp: 'The identity provider that authenticated the caller.',
  ipaddr: 'IP address the user authenticated from.',
  wids: 'Directory role template IDs of the user.',
  groups: 'Group object IDs of the caller.',
  nonce: 'Nonce of the request.',
  jti: 'Token identifier.',
  cnf: 'Proof-of-possession key confirmation.',
};

const HEADER_MEANINGS: Record<string, string> = {
  alg: 'Signature algorithm. Entra ID signs with RS256; "none" or HMAC algorithms are never accepted by a trigger.',
  typ: 'Token type, "JWT".',
  kid: 'Key ID: which of Entra ID\'s published signing keys signed the token.',
  x5t: 'Thumbprint of the signing certificate (v1; the same as kid).',
  jku: 'A URL for keys inside the token: never used to fetch keys here.',
  x5u: 'A URL for a certificate inside the token: never used to fetch keys here.',
  nonce: 'A value Entra ID adds to Microsoft Graph tokens; such tokens do not verify with the published keys.',
  crit: 'Critical header parameters the verifier must understand.',
};

const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp', 'auth_time']);

/** The last second a JavaScript Date can hold (100,000,000 days from 1970, in the year 275760). */
const MAX_EPOCH_SECONDS = 8.64e12;

/**
 * A time claim (seconds since 1970) as a number of seconds a Date can hold; undefined for
 * anything else (a string, 1e308, a value past the year 275760), which no code should turn
 * into a Date: `toISOString` throws on it.
 */
export function claimSeconds(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_EPOCH_SECONDS ? v : undefined;
}

/** Seconds since 1970 as ISO UTC; a time past the range of dates is said in words. */
/** "2 h 14 min" (the largest two units; seconds only under a minute). */
export function spanInWords(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

/**
 * `at` said against `now`, both in seconds since 1970: "2 h 14 min ago at 10:08 UTC", "in 5 min at
 * 10:08 UTC"; the date is added when it is not now's UTC day.
 */
export function relativeTime(at: number, now: number): string {
  const d = new Date(at * 1000);
  if (Number.isNaN(d.getTime())) return `at ${at} s since 1970 (not a date)`;
  const iso = d.toISOString();
  const sameDay = iso.slice(0, 10) === new Date(now * 1000).toISOString().slice(0, 10);
  const when = `at ${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 16)} UTC`;
  return at <= now ? `${spanInWords(now - at)} ago ${when}` : `in ${spanInWords(at - now)} ${when}`;
}

export function isoSeconds(s: number): string {
  const d = new Date(s * 1000);
  return Number.isNaN(d.getTime()) ? `${s} s since 1970 (not a date)` : d.toISOString();
}

function explain(obj: Record<string, unknown>, meanings: Record<string, string>): ClaimExplanation[] {
  return Object.entries(obj).map(([name, v]) => {
    const e: ClaimExplanation = { name, value: JSON.stringify(v) ?? String(v), meaning: (Object.hasOwn(meanings, name) ? meanings[name] : undefined) ?? 'Not a claim this tool knows.' };
    const seconds = TIME_CLAIMS.has(name) ? claimSeconds(v) : undefined;
    if (seconds !== undefined) e.utc = isoSeconds(seconds);
    return e;
  });
}

export interface TokenExplanation {
  header: ClaimExplanation[];
  payload: ClaimExplanation[];
  version: '1.0' | '2.0' | 'unknown';
  /** What the version implies, in plain words. */
  versionNote: string;
  appOnly: boolean;
  /** Seconds since the epoch, when present and a date (see claimSeconds). */
  issuedAt?: number;
  notBefore?: number;
  expiresAt?: number;
}

export function explainToken(claims: TokenClaims): TokenExplanation {
  const p = claims.payload;
  const ver = p.ver === '1.0' || p.ver === '2.0' ? p.ver : typeof p.iss === 'string' ? (issuerVersion(p.iss) === 1 ? '1.0' : issuerVersion(p.iss) === 2 ? '2.0' : 'unknown') : 'unknown';
  const tid = typeof p.tid === 'string' ? p.tid : typeof p.iss === 'string' ? issuerTenant(p.iss) : undefined;
  let versionNote: string;
  if (ver === '1.0') {
    versionNote = `A v1 token: the issuer is ${expectedIssuer(1, tid ?? '<tenant>', typeof p.iss === 'string' ? p.iss : undefined)} and aud is the resource exactly as APIM requested it. Power Automate and Microsoft's own APIs get v1 tokens.`;
  } else if (ver === '2.0') {
    versionNote = `A v2 token: the issuer is ${expectedIssuer(2, tid ?? '<tenant>', typeof p.iss === 'string' ? p.iss : undefined)} and aud is the API's client ID (a GUID), whatever URI was requested. A Logic App policy must name the v2 issuer for it.`;
  } else {
    versionNote = 'The version cannot be told from ver or iss: this may not be an Entra ID access token.';
  }
  const appOnly = p.idtyp === 'app' || (p.scp === undefined && (typeof p.appid === 'string' || typeof p.azp === 'string') && p.upn === undefined && p.preferred_username === undefined);
  if (tid !== undefined && !isGuid(tid)) versionNote += ' The tenant ID is not a GUID.';
  return {
    header: explain(claims.header, HEADER_MEANINGS),
    payload: explain(p, MEANINGS),
    version: ver,
    versionNote,
    appOnly,
    issuedAt: claimSeconds(p.iat),
    notBefore: claimSeconds(p.nbf),
    expiresAt: claimSeconds(p.exp),
  };
}
