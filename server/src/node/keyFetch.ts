/**
 * Fetching signing keys for the token inspector: only from the origins given (Microsoft's
 * login endpoint in the product), with a time limit and a size limit. Sends no token: a plain GET
 * of a public key document.
 *
 * The body is read as a stream and dropped at the size limit (a declared Content-Length over it
 * is refused before reading), so a huge or endless answer costs at most the limit in memory. Key
 * sets are cached per URL (the URL names the tenant and the token version) for the lifetime the
 * endpoint gives (Cache-Control max-age), else a day; a failure is remembered only briefly, so one
 * outage does not stick, and a burst of decodes does not hammer the endpoint.
 */

import { ENTRA_AUTHORITIES } from '../languageService/auth/clouds';

/** Microsoft's login endpoints (public, US Government, China): the clouds table's authorities. */
export const MICROSOFT_KEY_ORIGINS: readonly string[] = ENTRA_AUTHORITIES;

export interface KeyFetcherOptions {
  /** Origins keys may come from (tests give a local server). */
  origins?: readonly string[];
  timeoutMs?: number;
  /** The largest key document read, in bytes. */
  maxBytes?: number;
  /** How long keys are kept when the answer gives no max-age. */
  defaultTtlMs?: number;
  /** The longest a max-age is honoured: keys rotate. */
  maxTtlMs?: number;
  /** How long a failed fetch is remembered. */
  failureTtlMs?: number;
  /** How many key sets are kept (one per tenant and version). */
  maxEntries?: number;
  /** The clock (tests move it). */
  now?: () => number;
}

const HOUR_MS = 3_600_000;

const DEFAULTS: Required<KeyFetcherOptions> = {
  origins: MICROSOFT_KEY_ORIGINS,
  timeoutMs: 5000,
  maxBytes: 1_000_000,
  defaultTtlMs: 24 * HOUR_MS,
  maxTtlMs: 7 * 24 * HOUR_MS,
  failureTtlMs: 30_000,
  maxEntries: 64,
  now: () => Date.now(),
};

interface CacheEntry {
  expires: number;
  result: Promise<unknown>;
}

/** The lifetime an answer's Cache-Control gives, in ms; undefined when it names none. */
export function cacheLifetimeMs(cacheControl: string | null): number | undefined {
  if (!cacheControl) return undefined;
  if (/(?:^|,)\s*(?:no-store|no-cache)\s*(?:,|$)/i.test(cacheControl)) return 0;
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d{1,10})"?\s*(?:,|$)/i.exec(cacheControl);
  return m ? Number(m[1]) * 1000 : undefined;
}

/** Reads a body up to `maxBytes`, cancelling the stream past it. */
async function readLimited(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`the key document is too large (${declared} bytes, the limit is ${maxBytes})`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`the key document is too large (over ${maxBytes} bytes)`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export function createKeyFetcher(options: KeyFetcherOptions = {}): (url: string) => Promise<unknown> {
  const o = { ...DEFAULTS, ...options };
  const cache = new Map<string, CacheEntry>();

  async function fetchOnce(parsed: URL, entry: CacheEntry): Promise<unknown> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), o.timeoutMs);
    try {
      const res = await fetch(parsed, { signal: ctrl.signal, redirect: 'error', headers: { accept: 'application/json' } });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`HTTP ${res.status}`);
      }
      const text = await readLimited(res, o.maxBytes);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new Error('the key document is not JSON');
      }
      entry.expires = o.now() + Math.min(cacheLifetimeMs(res.headers.get('cache-control')) ?? o.defaultTtlMs, o.maxTtlMs);
      return value;
    } catch (e) {
      entry.expires = o.now() + o.failureTtlMs;
      if ((e as Error).name === 'AbortError') throw new Error(`no answer within ${o.timeoutMs} ms`);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  return async (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('not a URL');
    }
    if (!o.origins.includes(parsed.origin)) throw new Error(`keys are fetched only from ${o.origins.join(', ')}`);
    const key = parsed.href;
    const hit = cache.get(key);
    if (hit && hit.expires > o.now()) return hit.result;
    // a fetch under way is shared: until it settles its entry does not expire
    const entry: CacheEntry = { expires: Infinity, result: Promise.resolve() };
    entry.result = fetchOnce(parsed, entry);
    // the entry's promise is awaited by callers; this copy only keeps a rejection from being unhandled
    entry.result.catch(() => undefined);
    cache.delete(key);
    cache.set(key, entry);
    // oldest first: Map keeps insertion order
    while (cache.size > o.maxEntries) cache.delete(cache.keys().next().value!);
    return entry.result;
  };
}
