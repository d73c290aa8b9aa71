/**
 * The token APIM's `authentication-managed-identity` would get, predicted from its `resource`,
 * `client-id` and the flow config (DESIGN.md "Token prediction"; facts: flow-auth-facts §3.2,
 * §3.3, §4). What cannot be known stays out of the claims, and a note says why.
 */

import type { FlowsConfig, IdentityConfig, ResourceConfig, TokenClaims } from './types';
import { classifyResource, isGuid, sameId, v1Issuer, v2Issuer } from './audiences';
import { ownEntry } from './flowConfig';

export interface TokenPrediction {
  claims: TokenClaims;
  /** The identity of the config the token is for, when one matched. */
  identity?: IdentityConfig;
  notes: string[];
}

/**
 * Predicts the claims of the token for `resource`. `clientId` is the policy's `client-id`
 * (a user-assigned identity; absent = the system-assigned one). `tenantHint` is used for `tid`
 * when neither the identity nor the config names a tenant (for example the flow's tenant).
 */
export function predictToken(resource: string, clientId: string | undefined, config: FlowsConfig, tenantHint?: string): TokenPrediction {
  const notes: string[] = [];
  const payload: Record<string, unknown> = {};
  const header: Record<string, unknown> = { typ: 'JWT', alg: 'RS256' };

  const identity = pickIdentity(clientId, config, notes);

  // Version: the resource's app registration decides (requestedAccessTokenVersion), not the caller.
  const res = findResource(resource, config);
  const version: 1 | 2 = res?.tokenVersion ?? 1;
  if (!res && !isFirstParty(resource)) notes.push(`"${resource}" is not in "resources" of the flow config: a v1 token is assumed (Microsoft first-party APIs and app registrations without requestedAccessTokenVersion issue v1).`);
  payload.ver = version === 1 ? '1.0' : '2.0';

  if (/^\s*@[({]/.test(resource) || resource.includes('{{')) {
    notes.push('resource is a policy expression or an unresolved named value: the audience is known only at run time.');
  } else if (version === 1) {
    // A v1 token's aud is the resource string as requested, character for character.
    payload.aud = resource;
  } else if (res?.clientId) {
    payload.aud = res.clientId;
  } else if (isGuid(resource)) {
    payload.aud = resource;
  } else {
    notes.push(`v2 tokens carry the app's client ID as aud; "resources" has no clientId for "${resource}", so aud is unknown.`);
  }

  const tid = identity?.tenantId ?? config.tenantId ?? tenantHint;
  if (tid === undefined) {
    notes.push('No tenant: set "tenantId" in the flow config; tid and iss are unknown.');
  } else {
    if (!identity?.tenantId && !config.tenantId) notes.push(`Tenant ${tid} assumed from the flow; set "tenantId" in the flow config to be sure.`);
    payload.tid = tid;
    // The cloud's Entra ID signs it (auth/clouds.ts): the config's cloud.
    payload.iss = version === 1 ? v1Issuer(tid, config.cloud) : v2Issuer(tid, config.cloud);
  }

  if (identity?.principalId) payload.oid = identity.principalId;
  else if (identity) notes.push(`Identity '${identity.name}' has no principalId: the token's oid (the service principal object ID) is unknown.`);
  else notes.push('No matching identity in the flow config: the token\'s oid is unknown.');

  const appId = identity?.clientId ?? clientId;
  if (appId) payload[version === 1 ? 'appid' : 'azp'] = appId;
  else notes.push(`The client ID of the system-assigned identity is not in the config: ${version === 1 ? 'appid' : 'azp'} is unknown (Entra: Enterprise applications → Application ID).`);

  // idtyp is an optional claim: Entra adds it only when the resource's app registration asks for it
  // (https://learn.microsoft.com/en-us/entra/identity-platform/optional-claims-reference, "idtyp").
  // A managed identity's token is app-only, so its value is "app" when it is there.
  if (res?.optionalClaims?.includes('idtyp')) payload.idtyp = 'app';
  return { claims: { header, payload }, identity, notes };
}

function pickIdentity(clientId: string | undefined, config: FlowsConfig, notes: string[]): IdentityConfig | undefined {
  const all = Object.values(config.identities);
  if (clientId !== undefined && clientId.trim() !== '') {
    const user = all.find(i => i.type === 'user' && i.clientId !== undefined && sameId(i.clientId, clientId.trim()));
    if (user) return user;
    const system = all.find(i => i.type === 'system' && i.clientId !== undefined && sameId(i.clientId, clientId.trim()));
    if (system) {
      notes.push(`client-id ${clientId} belongs to the system-assigned identity '${system.name}' in the config; client-id selects a user-assigned identity (leave it out for the system-assigned one).`);
      return system;
    }
    notes.push(`No identity in the flow config has clientId ${clientId}: oid is unknown.`);
    return undefined;
  }
  const systems = all.filter(i => i.type === 'system');
  if (systems.length === 0) {
    notes.push('No client-id and no system-assigned identity in the flow config: oid is unknown.');
    return undefined;
  }
  if (systems.length > 1) notes.push(`Several system-assigned identities in the flow config; '${systems[0].name}' is used.`);
  return systems[0];
}

const FIRST_PARTY = ['https://management.azure.com/', 'https://management.core.windows.net/'];

/** Microsoft-owned APIs issue v1 tokens in practice (§3.2): no need to ask for a version. */
function isFirstParty(resource: string): boolean {
  return classifyResource(resource).kind === 'flowAudience' || FIRST_PARTY.includes(resource);
}

/** The resource entry for `resource`: by key, else the entry whose clientId is the resource GUID. */
function findResource(resource: string, config: FlowsConfig): ResourceConfig | undefined {
  const direct = ownEntry(config.resources, resource);
  if (direct) return direct;
  if (isGuid(resource)) return Object.values(config.resources).find(r => r.clientId !== undefined && sameId(r.clientId, resource));
  return undefined;
}
