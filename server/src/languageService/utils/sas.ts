/**
 * SAS parameters of a trigger URL (`sp`, `sv`, `sig`): which a query holds and the URL without
 * them. One home for the trigger's URL reading and the quick fix that edits the URL as written.
 */

export const SAS_PARAMS: readonly string[] = ['sp', 'sv', 'sig'];

/** The name of a `name=value` query parameter, decoded and in lower case. */
export function queryParamName(pair: string): string {
  const eq = pair.indexOf('=');
  const raw = eq >= 0 ? pair.slice(0, eq) : pair;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/**
 * The URL without `sp`, `sv` and `sig` (what an OAuth-only call must use); other parameters,
 * `api-version` among them, keep their order and spelling. `separator` joins the parameters as
 * the URL is written: `&`, or `&amp;` in XML.
 */
export function stripSas(url: string, separator = '&'): string {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const q = rest.indexOf('?');
  if (q < 0 || q === rest.length - 1) return url;
  const kept = rest.slice(q + 1).split(separator).filter(p => p.length > 0 && !SAS_PARAMS.includes(queryParamName(p)));
  return kept.length > 0 ? `${rest.slice(0, q)}?${kept.join(separator)}${hash}` : `${rest.slice(0, q)}${hash}`;
}
