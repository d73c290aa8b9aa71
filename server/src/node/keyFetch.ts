/**
 * Fetching signing keys for the token inspector: only from the origins given (Microsoft's
 * login endpoint in the product), with a time limit and a size limit. Sends no token: a plain GET
 * of a public key document.
 */

export const MICROSOFT_KEY_ORIGINS = ['https://login.microsoftonline.com'] as const;

export function createKeyFetcher(origins: readonly string[] = MICROSOFT_KEY_ORIGINS, timeoutMs = 5000): (url: string) => Promise<unknown> {
  return async (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('not a URL');
    }
    if (!origins.includes(parsed.origin)) throw new Error(`keys are fetched only from ${origins.join(', ')}`);
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
      const res = await fetch(parsed, { signal: ctrl.signal, redirect: 'error', headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      if (text.length > 1_000_000) throw new Error('the key document is too large');
      return JSON.parse(text) as unknown;
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw new Error(`no answer within ${timeoutMs} ms`);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };
}
