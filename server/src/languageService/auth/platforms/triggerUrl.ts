/**
 * URL recognition: which platform's trigger host a URL has, with what the host name tells
 * (region, environment), on top of the platform-neutral parts of audiences.ts.
 */

import { urlParts } from '../audiences';
import { PLATFORMS } from './index';
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
