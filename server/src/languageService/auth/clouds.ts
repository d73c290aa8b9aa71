/**
 * The one table of what differs between Microsoft clouds for a flow call: the Power Automate
 * audience, the Entra ID issuers of v1 and v2 tokens, and the hosts of Logic Apps, App Service
 * (Logic Apps Standard) and Power Platform triggers. The config's `cloud` picks a row; the
 * prediction, the platforms' checks, the config reader and the token inspector all read it here.
 *
 * Sources:
 * - Flow audiences: https://learn.microsoft.com/en-us/power-automate/oauth-authentication (flow-auth-facts §1.2).
 * - Issuers: https://learn.microsoft.com/en-us/answers/questions/1190472/what-are-the-token-issuers-for-the-sovereign-cloud
 *   (Microsoft Q&A: v1 `sts.windows.net` for the global service and US Government alike, v2
 *   `login.microsoftonline.us` for US Government; China `sts.chinacloudapi.cn` and
 *   `login.partner.microsoftonline.cn`), and the national cloud authorities of
 *   https://learn.microsoft.com/en-us/entra/identity-platform/authentication-national-cloud.
 *   GCC tenants live in the commercial Entra ID (GCC High and DoD in Azure Government's); that GCC
 *   signs with the public cloud's issuers follows from it and is said as such, not seen in a token.
 * - Hosts: https://learn.microsoft.com/en-us/azure/azure-government/compare-azure-government-global-azure
 *   (`azurewebsites.us`, `logic.azure.us`); China's App Service suffix `chinacloudsites.cn` and
 *   Logic Apps `logic.azure.cn` (https://learn.microsoft.com/en-us/azure/china/resources-developer-guide).
 *   Which Power Platform environment host each US Government and China cloud uses is UNCONFIRMED.
 * - Which `iss` prefixes a sovereign Logic App accepts in its OAuth policies is UNCONFIRMED: the
 *   securing doc names only the public ones; the cloud's own issuers are assumed.
 */

import type { Cloud } from './types';

export interface CloudFacts {
  readonly cloud: Cloud;
  readonly label: string;
  /** The `aud` a Power Automate OAuth trigger requires: exact string, trailing slash included. */
  readonly flowAudience: string;
  /** Issuer prefixes of the cloud's Entra ID: v1 `<prefix><tid>/`, v2 `<prefix><tid>/v2.0`. */
  readonly v1IssuerPrefix: string;
  readonly v2IssuerPrefix: string;
  /** The cloud's Entra ID login endpoint (token and signing-key documents). */
  readonly entraAuthority: string;
  /** True when the issuers follow from the tenant's Entra ID rather than from a source naming this cloud. */
  readonly issuersInferred?: boolean;
  /** Host suffix of Logic Apps Consumption triggers (`prod-NN.<region>.<suffix>`). */
  readonly logicAppsHost: string;
  /** Host suffix of App Service apps (Logic Apps Standard). */
  readonly appServiceHost: string;
}

export const CLOUD_TABLE: Readonly<Record<Cloud, CloudFacts>> = {
  public: {
    cloud: 'public', label: 'public cloud',
    flowAudience: 'https://service.flow.microsoft.com/',
    v1IssuerPrefix: 'https://sts.windows.net/', v2IssuerPrefix: 'https://login.microsoftonline.com/',
    entraAuthority: 'https://login.microsoftonline.com',
    logicAppsHost: 'logic.azure.com', appServiceHost: 'azurewebsites.net',
  },
  gcc: {
    cloud: 'gcc', label: 'US Government GCC',
    flowAudience: 'https://gov.service.flow.microsoft.us/',
    v1IssuerPrefix: 'https://sts.windows.net/', v2IssuerPrefix: 'https://login.microsoftonline.com/', issuersInferred: true,
    entraAuthority: 'https://login.microsoftonline.com',
    logicAppsHost: 'logic.azure.us', appServiceHost: 'azurewebsites.us',
  },
  gcchigh: {
    cloud: 'gcchigh', label: 'US Government GCC High',
    flowAudience: 'https://high.service.flow.microsoft.us/',
    v1IssuerPrefix: 'https://sts.windows.net/', v2IssuerPrefix: 'https://login.microsoftonline.us/',
    entraAuthority: 'https://login.microsoftonline.us',
    logicAppsHost: 'logic.azure.us', appServiceHost: 'azurewebsites.us',
  },
  dod: {
    cloud: 'dod', label: 'US Government DoD',
    flowAudience: 'https://service.flow.appsplatform.us/',
    v1IssuerPrefix: 'https://sts.windows.net/', v2IssuerPrefix: 'https://login.microsoftonline.us/',
    entraAuthority: 'https://login.microsoftonline.us',
    logicAppsHost: 'logic.azure.us', appServiceHost: 'azurewebsites.us',
  },
  china: {
    cloud: 'china', label: 'China (21Vianet)',
    flowAudience: 'https://service.powerautomate.cn/',
    v1IssuerPrefix: 'https://sts.chinacloudapi.cn/', v2IssuerPrefix: 'https://login.partner.microsoftonline.cn/',
    entraAuthority: 'https://login.chinacloudapi.cn',
    logicAppsHost: 'logic.azure.cn', appServiceHost: 'chinacloudsites.cn',
  },
};

export const CLOUDS: readonly Cloud[] = Object.keys(CLOUD_TABLE) as Cloud[];

/** Microsoft's login endpoints of every cloud: the only origins signing keys are fetched from. */
export const ENTRA_AUTHORITIES: readonly string[] = [...new Set(Object.values(CLOUD_TABLE).map(f => f.entraAuthority))];

/**
 * Suffixes of Power Platform environment hosts (`<env>.environment.api.<suffix>`): only the public
 * one is documented (flow-auth-facts §1.4); the `.us` and `.cn` forms are accepted as guesses
 * (UNCONFIRMED), and such a host names no cloud.
 */
export const POWER_PLATFORM_HOSTS: readonly { suffix: string; cloud?: Cloud }[] = [
  { suffix: 'environment.api.powerplatform.com', cloud: 'public' },
  { suffix: 'environment.api.powerplatform.us' },
  { suffix: 'environment.api.powerplatform.cn' },
];

export function cloudFacts(cloud: Cloud): CloudFacts {
  return CLOUD_TABLE[cloud];
}

export function isCloud(value: unknown): value is Cloud {
  return typeof value === 'string' && Object.hasOwn(CLOUD_TABLE, value);
}

export function v1Issuer(tenantId: string, cloud: Cloud = 'public'): string {
  return `${CLOUD_TABLE[cloud].v1IssuerPrefix}${tenantId}/`;
}

export function v2Issuer(tenantId: string, cloud: Cloud = 'public'): string {
  return `${CLOUD_TABLE[cloud].v2IssuerPrefix}${tenantId}/v2.0`;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** Every v1 and every v2 issuer prefix of any cloud. */
export const V1_ISSUER_PREFIXES: readonly string[] = distinct(CLOUDS.map(c => CLOUD_TABLE[c].v1IssuerPrefix));
export const V2_ISSUER_PREFIXES: readonly string[] = distinct(CLOUDS.map(c => CLOUD_TABLE[c].v2IssuerPrefix));

/** The version an issuer string belongs to, from its prefix (any cloud) and shape. */
export function issuerVersion(iss: string): 1 | 2 | undefined {
  if (V1_ISSUER_PREFIXES.some(p => iss.startsWith(p))) return 1;
  if (V2_ISSUER_PREFIXES.some(p => iss.startsWith(p)) && /\/v2\.0\/?$/.test(iss)) return 2;
  return undefined;
}

/**
 * The clouds whose Entra ID issues tokens with this issuer (`sts.windows.net` is shared by the
 * public and US Government clouds); empty for an issuer of no cloud.
 */
export function issuerClouds(iss: string): Cloud[] {
  return CLOUDS.filter(c => iss.startsWith(CLOUD_TABLE[c].v1IssuerPrefix) || iss.startsWith(CLOUD_TABLE[c].v2IssuerPrefix));
}

/**
 * The issuer a token of `version` from tenant `tid` carries: in `cloud` when that cloud's Entra ID
 * can have issued `iss`, else in the cloud `iss` itself names (a China token inspected without a
 * flow keeps its own issuer), else the public cloud's.
 */
export function expectedIssuer(version: 1 | 2, tid: string, iss: string | undefined, cloud?: Cloud): string {
  const from = iss !== undefined ? issuerClouds(iss) : [];
  const pick: Cloud = cloud !== undefined && (from.length === 0 || from.includes(cloud)) ? cloud : from[0] ?? cloud ?? 'public';
  return version === 1 ? v1Issuer(tid, pick) : v2Issuer(tid, pick);
}

/** The issuer prefixes an Entra token may start with, as one phrase for messages. */
export function issuerPrefixesText(): string {
  return `${V1_ISSUER_PREFIXES.join(', ')} (v1 tokens) or ${V2_ISSUER_PREFIXES.join(', ')} (v2 tokens)`;
}

/** The issuer forms of every cloud, one phrase for explanations. */
export function issuerFormsText(): string {
  const groups = new Map<string, string[]>();
  for (const c of CLOUDS) {
    const f = CLOUD_TABLE[c];
    const key = `v1 ${f.v1IssuerPrefix}<tenant>/, v2 ${f.v2IssuerPrefix}<tenant>/v2.0`;
    groups.set(key, [...(groups.get(key) ?? []), f.label]);
  }
  return [...groups].map(([forms, labels]) => `${labels.join(', ')}: ${forms}`).join('; ');
}

/** True when `value` starts with an Entra issuer prefix of some cloud. */
export function hasIssuerPrefix(value: string): boolean {
  return V1_ISSUER_PREFIXES.some(p => value.startsWith(p)) || V2_ISSUER_PREFIXES.some(p => value.startsWith(p));
}

function escapeDots(s: string): string {
  return s.replace(/\./g, '\\.');
}

/** `prod-NN.<region>.logic.azure.<tld>` of any cloud (one linear pattern, built from the table). */
export const LOGIC_APPS_REGIONAL_HOST = new RegExp(`^prod-\\d+\\.([a-z0-9-]+)\\.(?:${distinct(CLOUDS.map(c => escapeDots(CLOUD_TABLE[c].logicAppsHost))).join('|')})$`);
/** `logic-apis-<region>.logic.azure.<tld>` (the regional connector host, not a trigger or a resource). */
export const LOGIC_APIS_HOST = new RegExp(`^logic-apis[-.]([a-z0-9-]+)\\.(?:${distinct(CLOUDS.map(c => escapeDots(CLOUD_TABLE[c].logicAppsHost))).join('|')})$`);

/** The cloud(s) a Logic Apps host belongs to; empty when it is not one. */
export function logicAppsHostClouds(host: string): Cloud[] {
  return CLOUDS.filter(c => host.endsWith(`.${CLOUD_TABLE[c].logicAppsHost}`));
}

/** The cloud(s) an App Service host belongs to; empty when it is not one. */
export function appServiceHostClouds(host: string): Cloud[] {
  return CLOUDS.filter(c => host.endsWith(`.${CLOUD_TABLE[c].appServiceHost}`));
}

/** The Power Platform environment of a host, with its cloud when the suffix tells it. */
export function powerPlatformHost(host: string): { environment: string; cloud?: Cloud } | undefined {
  for (const h of POWER_PLATFORM_HOSTS) {
    if (host.length > h.suffix.length + 1 && host.endsWith(`.${h.suffix}`)) return { environment: host.slice(0, -h.suffix.length - 1), cloud: h.cloud };
  }
  return undefined;
}
