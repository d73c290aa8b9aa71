/**
 * The token pipeline every host runs: decode → keys → verify → inspect. Pure: the keys come as a
 * JWKS (object or text) or through the host's `fetchKeys`, which only the host may do.
 */
import type { JSONWebKeySet } from 'jose';
import type { DecodedToken } from '../../../../common/protocol';
import { decodedTokenResult, inspectClaims, type InspectResult } from '../auth/inspect';
import { decodeToken, TokenInputError } from '../auth/token';
import type { FlowConfig } from '../auth/types';
import { fetchMicrosoftKeys, parseJwks, verifySignature, type SignatureResult } from '../auth/verify';
import { flowFileText, type FlowConfigEntry, type WorkspaceIndex } from '../workspace/workspaceIndex';

export interface InspectTokenOptions {
  /** The flow whose trigger checks run; none: only the token's own checks. */
  flow?: string;
  /** The apim-flows.json the flow is in, when several configs name flows alike. */
  configUri?: string;
  /** Keys to check the signature with. */
  jwks?: JSONWebKeySet;
  /** Keys as the text of a JWKS file; a text that is no JWKS is a `jwks` problem. */
  jwksText?: string;
  /** How the keys are named in the signature check's detail (default: "the JWKS file"). */
  jwksSource?: string;
  /**
   * Fetches JSON from a URL (the host's, allowlisted); asked only for Microsoft's keys of the
   * token's issuer, and only when no JWKS is given.
   */
  fetchKeys?(url: string): Promise<unknown>;
  now?: Date;
  clockSkewSeconds?: number;
}

/** The inspection, or why there is none (each host words the problem its own way). */
export type TokenInspection =
  /** `decoded`: what the Token Inspector shows (the checks with places to change, who is calling, fitting flows). */
  | { ok: true; result: InspectResult; decoded: DecodedToken }
  | { ok: false; problem: 'token'; message: string }
  | { ok: false; problem: 'flow'; flow: string; flows: string[] }
  | { ok: false; problem: 'jwks'; message: string };

function findFlow(ws: WorkspaceIndex, name: string, configUri: string | undefined): { flow?: FlowConfig; entry?: FlowConfigEntry; names: string[] } {
  const names: string[] = [];
  for (const entry of ws.flowConfigs()) {
    if (configUri && entry.uri !== configUri) continue;
    for (const flow of Object.values(entry.config.flows)) {
      if (flow.name === name) return { flow, entry, names };
      names.push(flow.name);
    }
  }
  return { names };
}

export async function inspectToken(raw: string, ws: WorkspaceIndex, options: InspectTokenOptions): Promise<TokenInspection> {
  let claims;
  try {
    claims = decodeToken(raw);
  } catch (e) {
    if (e instanceof TokenInputError) return { ok: false, problem: 'token', message: e.message };
    throw e;
  }
  let flow: FlowConfig | undefined;
  let entry: FlowConfigEntry | undefined;
  if (options.flow !== undefined) {
    const found = findFlow(ws, options.flow, options.configUri);
    if (!found.flow) return { ok: false, problem: 'flow', flow: options.flow, flows: found.names };
    ({ flow, entry } = found);
  }
  let jwks = options.jwks;
  if (jwks === undefined && options.jwksText !== undefined) {
    try {
      jwks = parseJwks(options.jwksText);
    } catch (e) {
      return { ok: false, problem: 'jwks', message: (e as Error).message };
    }
  }
  let signature: SignatureResult;
  if (jwks !== undefined) {
    signature = await verifySignature(raw, claims, jwks, options.jwksSource ?? 'the JWKS file');
  } else if (options.fetchKeys) {
    const keys = await fetchMicrosoftKeys(claims, url => options.fetchKeys!(url));
    signature = keys.jwks ? await verifySignature(raw, claims, keys.jwks, keys.source) : { status: 'skip', detail: `Signature not checked: ${keys.error}` };
  } else {
    signature = await verifySignature(raw, claims, undefined, '');
  }
  const checkOptions = { now: options.now, clockSkewSeconds: options.clockSkewSeconds, signature };
  const chosen = flow && entry && { flow, textOf: (uri: string) => flowFileText(entry, uri) };
  return {
    ok: true,
    result: inspectClaims(claims, { flow, ...checkOptions }),
    decoded: decodedTokenResult(claims, chosen, ws.flowConfigs().map(c => c.config), checkOptions),
  };
}
