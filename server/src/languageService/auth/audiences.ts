/**
 * Identifiers of the Microsoft side of a flow call: the Power Automate audience of each cloud,
 * the Flow first-party app, Entra issuers, and what a trigger URL or a `resource` string says.
 * Pure string work (facts: flow-auth-facts §1.2, §1.4, §3.2, §3.4, §4).
 */

import type { Cloud } from './types';
import { CLOUD_TABLE, CLOUDS, LOGIC_APIS_HOST, logicAppsHostClouds } from './clouds';
import { queryParamName, SAS_PARAMS, stripSas } from '../utils/sas';

export { CLOUDS, isCloud, issuerVersion, v1Issuer, v2Issuer } from './clouds';

/** The `aud` a Power Automate OAuth trigger requires, per cloud (the clouds table's column). */
export const FLOW_AUDIENCES: Readonly<Record<Cloud, string>> = Object.fromEntries(CLOUDS.map(c => [c, CLOUD_TABLE[c].flowAudience])) as Record<Cloud, string>;

/** App ID of the "Microsoft Flow Service" first-party app (community knowledge, not a documented audience). */
export const FLOW_SERVICE_APP_ID = '7df0a125-d3be-4c96-aa54-591f83ff541c';

export function flowAudience(cloud: Cloud): string {
  return CLOUD_TABLE[cloud].flowAudience;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

export function isGuid(value: unknown): boolean {
  return typeof value === 'string' && GUID.test(value);
}

/** GUIDs compare case-insensitively; other strings exactly. */
export function sameId(a: string, b: string): boolean {
  return isGuid(a) && isGuid(b) ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * How a token claim compares with an expected value, the one rule for the prediction, the
 * simulation and the inspector's text: strings compare exactly (Logic Apps policies, flow-auth-facts
 * §2.2 and §6 #14), and a difference in letter case only is told apart, since whether the platform
 * ignores it is UNCONFIRMED (ARM resource IDs such as `xms_mirid` are case-insensitive in Azure).
 */
export function compareClaim(expected: string, actual: string): 'equal' | 'case-only' | 'different' {
  if (expected === actual) return 'equal';
  return expected.toLowerCase() === actual.toLowerCase() ? 'case-only' : 'different';
}

export function isEmail(value: unknown): boolean {
  return typeof value === 'string' && EMAIL.test(value);
}

/** The tenant GUID in an Entra issuer URL (first path segment), if it is one. */
export function issuerTenant(iss: string): string | undefined {
  const m = /^https:\/\/[^/]+\/([^/]+)/.exec(iss);
  return m && isGuid(m[1]) ? m[1] : undefined;
}

export type ResourceKind =
  /** Exactly the Flow audience of some cloud. */
  | 'flowAudience'
  /** The Flow audience without its trailing slash. */
  | 'flowAudienceNoSlash'
  /** The Flow audience with `/.default`: a scope, which SDKs turn into the audience without slash. */
  | 'flowScopeDefault'
  /** The Flow audience with `//.default`: the right scope, but `resource` is not a scope. */
  | 'flowScopeDoubleSlashDefault'
  /** The Flow audience with other case or extra path. */
  | 'flowAudienceVariant'
  /** The Flow first-party app GUID. */
  | 'flowAppId'
  /** `logic-apis-<region>.logic.azure.com`: not a documented Entra resource. */
  | 'logicApisHost'
  /** Another `*.logic.azure.com` host (a trigger URL used as resource). */
  | 'logicAppsHost'
  /** Any other scope ending in `/.default`. */
  | 'scopeDefault'
  /** An app registration client ID. */
  | 'guid'
  | 'other';

export interface ResourceClassification {
  kind: ResourceKind;
  /** The cloud whose Flow audience the string is (a variant of). */
  cloud?: Cloud;
  /** The value to write instead, where it is certain. */
  suggestion?: string;
  /** Azure region of a `logic-apis-<region>` host. */
  region?: string;
}

/** What a `resource` attribute (or an `aud` claim) is, as far as Power Automate is concerned. */
export function classifyResource(resource: string): ResourceClassification {
  const r = resource.trim();
  for (const cloud of CLOUDS) {
    const aud = FLOW_AUDIENCES[cloud];
    const bare = aud.slice(0, -1);
    if (r === aud) return { kind: 'flowAudience', cloud };
    if (r === bare) return { kind: 'flowAudienceNoSlash', cloud, suggestion: aud };
    if (r === `${aud}/.default`) return { kind: 'flowScopeDoubleSlashDefault', cloud, suggestion: aud };
    if (r === `${bare}/.default`) return { kind: 'flowScopeDefault', cloud, suggestion: aud };
    if (hostOf(r)?.toLowerCase() === hostOf(aud)) return { kind: 'flowAudienceVariant', cloud, suggestion: aud };
  }
  if (isGuid(r)) return r.toLowerCase() === FLOW_SERVICE_APP_ID ? { kind: 'flowAppId' } : { kind: 'guid' };
  const host = hostOf(r)?.toLowerCase();
  if (host) {
    const m = LOGIC_APIS_HOST.exec(host);
    if (m) return { kind: 'logicApisHost', region: m[1] };
    if (logicAppsHostClouds(host).length > 0) return { kind: 'logicAppsHost' };
  }
  if (r.endsWith('/.default')) return { kind: 'scopeDefault' };
  return { kind: 'other' };
}

/** Host of an absolute URL (port dropped), or undefined when the string is not one. */
export function hostOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url.trim());
  return m && m[1] ? m[1] : undefined;
}


/** What any URL tells about a trigger call, whatever the platform. */
export interface UrlParts {
  host: string;
  /** Workflow ID from the path, when the path has `/workflows/<id>/`. */
  workflowId?: string;
  apiVersion?: string;
  /** Which of `sp`, `sv`, `sig` the query holds. */
  sasParams: string[];
  /** True when the query carries a SAS signature (`sig`). */
  hasSas: boolean;
}

interface SplitUrl {
  base: string;
  query: string;
  hash: string;
}

function splitUrl(url: string): SplitUrl {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const q = rest.indexOf('?');
  return q >= 0 ? { base: rest.slice(0, q), query: rest.slice(q + 1), hash } : { base: rest, query: '', hash };
}

function paramValue(pair: string): string {
  const eq = pair.indexOf('=');
  const raw = eq >= 0 ? pair.slice(eq + 1) : '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Reads the platform-neutral parts of a URL (the platforms add what the host tells, see
 * platforms/triggerUrl.ts). Tolerant: `{{named values}}` or odd escapes don't stop it. Undefined
 * when the string is not an absolute URL.
 */
export function urlParts(url: string): UrlParts | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  const { base, query } = splitUrl(url.trim());
  const pairs = query.split('&').filter(p => p.length > 0);
  const sasParams = SAS_PARAMS.filter(name => pairs.some(p => queryParamName(p) === name));
  const apiPair = pairs.find(p => queryParamName(p) === 'api-version');
  const parts: UrlParts = {
    host,
    sasParams,
    hasSas: sasParams.includes('sig'),
    apiVersion: apiPair !== undefined ? paramValue(apiPair) : undefined,
  };
  const wf = /\/workflows\/([^/?#]+)/i.exec(base);
  if (wf) parts.workflowId = wf[1];
  return parts;
}

/** True when the URL's query carries a SAS signature. */
export function hasSas(url: string): boolean {
  return urlParts(url)?.hasSas ?? /[?&]sig=/i.test(url);
}

/**
 * The URL without `sp`, `sv` and `sig` (what an OAuth-only call must use); other parameters,
 * `api-version` among them, keep their order and spelling.
 */
export function stripSasParams(url: string): string {
  return stripSas(url);
}
