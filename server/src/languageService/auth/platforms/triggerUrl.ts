/**
 * URL recognition: which platform's trigger host a URL has, with what the host name tells
 * (region, environment), on top of the platform-neutral parts of audiences.ts.
 */

import { urlParts } from '../audiences';
import { appServiceHostClouds, logicAppsHostClouds, powerPlatformHost } from '../clouds';
import { PLATFORMS } from './index';
import type { Cloud, FlowType } from '../types';
import type { TriggerUrlInfo } from './types';

/**
 * Reads a trigger URL. Tolerant: `{{named values}}` or odd escapes don't stop it. Undefined when
 * the string is not an absolute URL.
 */
export function parseTriggerUrl(url: string): TriggerUrlInfo | undefined {
  const parts = urlParts(url);
  if (!parts) return undefined;
  const lowerHost = parts.host.toLowerCase();
  for (const platform of PLATFORMS) {
    for (const host of platform.hosts) {
      const match = host.match(lowerHost);
      if (match) return { ...parts, hostKind: host.kind, ...match };
    }
  }
  return { ...parts, hostKind: 'other' };
}

/** What a request URL alone says about the trigger it calls, without any config. */
export interface RecognizedTrigger {
  /**
   * The platforms the URL can belong to, most likely first. Logic Apps Consumption workflow URLs
   * (`prod-NN.<region>.logic.azure.com/workflows/…`) are shared with Power Automate flows made
   * before 2025, so such a URL names both.
   */
  types: FlowType[];
  /** The cloud the host belongs to, when the host tells it. */
  cloud?: Cloud;
  /** The tenant the host carries (the Power Platform default environment's host). */
  tenantId?: string;
  /** Workflow ID (or Logic Apps Standard workflow name) from the path. */
  workflow?: string;
  info: TriggerUrlInfo;
}

/**
 * Recognises a trigger call from its URL: the host family and a trigger path, never the host alone
 * (an `azurewebsites.net` or `environment.api.powerplatform.com` host serves much more than
 * triggers). URL shapes: flow-auth-facts §1.4 (Power Automate direct trigger URLs, old and new);
 * Logic Apps Standard: https://learn.microsoft.com/en-us/azure/logic-apps/create-single-tenant-workflows-azure-portal
 * ("…/api/<workflow>/triggers/<trigger>/invoke").
 */
export function recognizeTrigger(url: string): RecognizedTrigger | undefined {
  const info = parseTriggerUrl(url);
  if (!info) return undefined;
  const path = pathOf(url);
  switch (info.hostKind) {
    case 'powerPlatform': {
      const m = /\/powerautomate\/automations\/direct\/(?:cu\/\d+\/)?workflows\/([^/?#]+)\/triggers\//i.exec(path);
      if (!m) return undefined;
      return { types: ['powerAutomate'], cloud: powerPlatformCloud(info.host), tenantId: defaultEnvironmentTenant(info.environment), workflow: m[1], info };
    }
    case 'logicApps': {
      const m = /\/workflows\/([^/?#]+)\/triggers\//i.exec(path);
      return m ? { types: ['logicAppConsumption', 'powerAutomate'], cloud: onlyCloud(logicAppsHostClouds(info.host.toLowerCase())), workflow: m[1], info } : undefined;
    }
    case 'appService': {
      const m = /^\/api\/([^/?#]+)\/triggers\/[^/?#]+\/invoke/i.exec(path);
      return m ? { types: ['logicAppStandard'], cloud: onlyCloud(appServiceHostClouds(info.host.toLowerCase())), workflow: safeDecode(m[1]), info } : undefined;
    }
    default:
      return undefined;
  }
}

/** The cloud a host names when it names one only (US Government hosts serve GCC, GCC High and DoD alike). */
function onlyCloud(clouds: Cloud[]): Cloud | undefined {
  return clouds.length === 1 ? clouds[0] : undefined;
}

function pathOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url.trim());
  return m ? m[1] : '';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The public cloud's Power Platform environment hosts end in `environment.api.powerplatform.com`
 * (flow-auth-facts §1.4). Which suffix each US Government and China cloud uses is UNCONFIRMED, so
 * those hosts say no cloud and the audience check accepts any cloud's Flow audience.
 */
function powerPlatformCloud(host: string): Cloud | undefined {
  return powerPlatformHost(host.toLowerCase())?.cloud;
}

/**
 * The default environment's host is `default<tenant GUID without dashes>` split by a dot before its
 * last two characters (flow-auth-facts §1.4: `default<tenantGuidNoDashes>` with the same split).
 */
export function defaultEnvironmentTenant(environment: string | undefined): string | undefined {
  const m = environment ? /^default([0-9a-f]{30})\.([0-9a-f]{2})$/i.exec(environment) : null;
  if (!m) return undefined;
  const hex = (m[1] + m[2]).toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
