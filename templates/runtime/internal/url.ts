/** Private helper: joins the base URL, an encoded path and a serialised query. */

/**
 * `https://api.example.com/v1/` + `/plans` + `limit=2` → `https://api.example.com/v1/plans?limit=2`.
 * The base URL's own path is kept (unlike `new URL(path, base)`), exactly one `/` joins the two.
 */
export function buildURL(baseURL: string, path: string, query: string): string {
  const base = baseURL.replace(/\/+$/, '');
  const joined = path.startsWith('/') ? `${base}${path}` : `${base}/${path}`;
  return query === '' ? joined : `${joined}${joined.includes('?') ? '&' : '?'}${query}`;
}
