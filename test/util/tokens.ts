/** Tokens signed in the tests by keys the tests generate (never real tokens). */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const TENANT = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
export const PRINCIPAL = '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b';
export const CLIENT = '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d';
export const FLOW_AUD = 'https://service.flow.microsoft.com/';

export interface TestKeys {
  privateKey: CryptoKey;
  jwk: JWK;
  jwks: { keys: JWK[] };
  kid: string;
}

export async function makeKeys(kid = 'test-key-1'): Promise<TestKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey: privateKey as CryptoKey, jwk, jwks: { keys: [jwk] }, kid };
}

/** A v1 managed-identity token for the Flow service, valid around `now`, with overrides. */
export function v1Claims(now: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: FLOW_AUD, iss: `https://sts.windows.net/${TENANT}/`, iat: now - 300, nbf: now - 300, exp: now + 3600,
    tid: TENANT, oid: PRINCIPAL, sub: PRINCIPAL, appid: CLIENT, appidacr: '2', idtyp: 'app', ver: '1.0',
    xms_mirid: '/subscriptions/s/resourcegroups/rg/providers/Microsoft.ApiManagement/service/apim',
    ...overrides,
  };
}

export function v2Claims(now: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, iat: now - 300, nbf: now - 300, exp: now + 3600,
    tid: TENANT, oid: PRINCIPAL, sub: PRINCIPAL, azp: CLIENT, azpacr: '2', idtyp: 'app', ver: '2.0',
    ...overrides,
  };
}

export async function sign(keys: TestKeys, payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.kid, ...header }).sign(keys.privateKey);
}

/** An unsigned token with any header (alg "none", HS256 …): header.payload. */
export function unsigned(header: Record<string, unknown>, payload: Record<string, unknown>, signature = ''): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc(header)}.${enc(payload)}.${signature}`;
}
