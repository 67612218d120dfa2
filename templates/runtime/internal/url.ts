/** Private helper: joins the base URL, an encoded path and a serialised query. */

/**
 * A base URL split for joining: `https://api.example.com/v1/?api-version=2024-01-01#docs` →
 * `{ base: 'https://api.example.com/v1', query: 'api-version=2024-01-01' }`. The base's own query
 * (Azure's `api-version`) is kept for every request, after the path; its fragment is dropped, as
 * fetch never sends one (RFC 3986 §3.5: it is not part of what a request names).
 */
export function splitBaseURL(baseURL: string): { base: string; query: string } {
  const hash = baseURL.indexOf('#');
  const unhashed = hash === -1 ? baseURL : baseURL.slice(0, hash);
  const mark = unhashed.indexOf('?');
  return {
    base: (mark === -1 ? unhashed : unhashed.slice(0, mark)).replace(/\/+$/, ''),
    query: mark === -1 ? '' : unhashed.slice(mark + 1),
  };
}

/**
 * `https://api.example.com/v1/` + `/plans` + `limit=2` → `https://api.example.com/v1/plans?limit=2`.
 * The base URL's own path is kept (unlike `new URL(path, base)`), exactly one `/` joins the two;
 * the base's own query comes before the call's (`?api-version=1&limit=2`), its fragment is dropped
 * (`splitBaseURL`).
 */
export function buildURL(baseURL: string, path: string, query: string): string {
  const { base, query: baseQuery } = splitBaseURL(baseURL);
  const joined = path.startsWith('/') ? `${base}${path}` : `${base}/${path}`;
  const search = joinQueries(baseQuery, query);
  return search === '' ? joined : `${joined}${joined.includes('?') ? '&' : '?'}${search}`;
}

/**
 * The base URL's own query, then the call's, joined by `&`; a parameter the call sends replaces
 * the base's of the same name (an operation's `api-version` over the server URL's), rather than
 * going twice.
 */
export function joinQueries(baseQuery: string, query: string): string {
  const sent = new Set(query.split('&').map(pairName));
  const kept = baseQuery.split('&').filter((pair) => pair !== '' && !sent.has(pairName(pair)));
  return [...kept, ...(query === '' ? [] : [query])].join('&');
}

/** The decoded name of a `name=value` pair (`+` is a space, as in a form). */
function pairName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
