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
  return safeDecode(pair.split('=', 1)[0]!.replace(/\+/g, ' '));
}

/**
 * Why fetch would refuse `baseURL` (absolute, or resolved against the page), or undefined when it
 * would not: text that is no URL (WHATWG URL), a scheme other than `http:` or `https:` (the only
 * ones fetch sends over the network), or a user name or password in it (the Fetch standard refuses
 * a request URL with credentials). Checked when the client is made, so the mistake is one clear
 * error rather than a connection error at the first call, retried. `withOwnFetch`: a fetch of the
 * caller's own decides its schemes and what it does with credentials, so only text that is no URL
 * is refused. The message shows the URL with its password `[redacted]`.
 */
export function baseURLProblem(baseURL: string, withOwnFetch: boolean): string | undefined {
  const shown = JSON.stringify(withoutPassword(baseURL));
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return `The base URL ${shown} is not a valid URL. Pass the API's absolute URL, e.g. { baseURL: 'https://api.example.com' }.`;
  }
  if (withOwnFetch) return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `The base URL ${shown} has the scheme ${url.protocol}, which fetch does not send over the network. Pass an http: or https: URL, or a fetch of your own that takes ${url.protocol} URLs.`;
  if (url.username !== '' || url.password !== '')
    return `The base URL ${shown} holds credentials, which fetch refuses in a URL (Fetch standard). Pass the URL without them, and the credential as the client's token.`;
  return undefined;
}

/**
 * `scheme://user:password@host…` → `scheme://user:[redacted]@host…`, and a user name alone (often
 * a token: `https://ghp_…@host`) → `scheme://[redacted]@host…`; text without credentials as it is.
 */
export function withoutPassword(text: string): string {
  return text.replace(
    /^((?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/)([^/?#]*)@/,
    (_, start: string, userinfo: string) =>
      `${start}${userinfo.includes(':') ? `${userinfo.slice(0, userinfo.indexOf(':'))}:` : ''}[redacted]@`,
  );
}

/**
 * The secret `baseURL` holds, as written and decoded: its password, or its user name when it has
 * no password (a token: `https://ghp_…@host`); none when it holds no credentials.
 */
export function urlCredentials(baseURL: string): string[] {
  const match = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/([^/?#]*)@/.exec(baseURL.trim());
  if (match === null) return [];
  const userinfo = match[1]!;
  const secret = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : userinfo;
  return secret === '' ? [] : [secret, safeDecode(secret)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
