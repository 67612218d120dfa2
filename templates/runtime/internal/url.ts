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
 * `text` as fetch reads a URL (WHATWG URL: leading and trailing spaces and controls ignored, tabs
 * and newlines inside dropped, `\\` as `/` in `https:`): absolute, else against `base` when
 * given; undefined when it is no URL.
 */
function parseURL(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** What a relative base URL (`//host/x`, `/api`) is resolved against to read its parts. */
const SOME_PAGE = 'https://page.invalid/';

/**
 * `text` resolved against `base` as fetch resolves a URL, or undefined when it is no URL even so
 * (`//:0/v1`: a relative reference with an invalid port).
 */
export function resolvedURL(text: string, base: string = SOME_PAGE): string | undefined {
  return parseURL(text, base)?.href;
}

/** A scheme at the start, after the controls and spaces WHATWG URL ignores there. */
// eslint-disable-next-line no-control-regex -- those controls are what it skips
const SCHEME_START = /^[\u0000-\u0020]*[A-Za-z][A-Za-z0-9+.\-\t\n\r]*:/;

/**
 * Whether `text` is a relative URL reference (`/api`, `v1`, `//host/x`), as fetch reads it: not an
 * absolute URL, and not starting with a scheme (`https://api example.com` is an absolute URL that
 * is not valid; a tab inside `ht\ttps:` or spaces before it do not make one relative).
 */
export function isRelativeURL(text: string): boolean {
  return parseURL(text) === undefined && !SCHEME_START.test(text);
}

/**
 * Why fetch would refuse `baseURL` (absolute, or resolved against the page), or undefined when it
 * would not: text that is no URL (WHATWG URL), a scheme other than `http:` or `https:` (the only
 * ones fetch sends over the network), or a user name or password in it (the Fetch standard refuses
 * a request URL with credentials). Checked when the client is made, so the mistake is one clear
 * error rather than a connection error at the first call, retried. `withOwnFetch`: a fetch of the
 * caller's own decides its schemes and what it does with credentials, so only text that is no URL
 * is refused. The message shows the URL with its credentials `[redacted]` ({@link shownURL}).
 */
export function baseURLProblem(baseURL: string, withOwnFetch: boolean): string | undefined {
  const shown = JSON.stringify(shownURL(baseURL));
  const url = parseURL(baseURL);
  if (url === undefined)
    return `The base URL ${shown} is not a valid URL. Pass the API's absolute URL, e.g. { baseURL: 'https://api.example.com' }.`;
  if (withOwnFetch) return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `The base URL ${shown} has the scheme ${url.protocol}, which fetch does not send over the network. Pass an http: or https: URL, or a fetch of your own that takes ${url.protocol} URLs.`;
  if (url.username !== '' || url.password !== '')
    return `The base URL ${shown} holds credentials, which fetch refuses in a URL (Fetch standard). Pass the URL without them, and the credential as the client's token.`;
  if (hasEmptyHost(baseURL))
    return `The base URL ${shown} has an empty host (three slashes after the scheme), so fetch would read the first part of its path as the host. Pass the API's absolute URL, e.g. { baseURL: 'https://api.example.com/v1' }.`;
  if (isBlockedPort(url))
    return `The base URL ${shown} is on port ${url.port}, which fetch never connects to (the Fetch standard's port blocking, §2.9${url.port === '0' ? '; no server listens on port 0' : ''}). Pass the URL of the port the API listens on.`;
  return undefined;
}

/**
 * Whether `text` has a scheme followed by three slashes (`https:///v1`): WHATWG URL skips the
 * empty host and reads `v1` as the host. The generator checks the spec's servers with it too.
 */
export function hasEmptyHost(text: string): boolean {
  return /^\s*[A-Za-z][A-Za-z0-9+.-]*:[\\/]{3}/.test(text);
}

/**
 * Whether fetch refuses to connect to `url`'s port: the Fetch standard's bad ports (§2.9 "port
 * blocking": 21, 22, 25, 6667, …), and 0, on which no server listens. The generator checks the
 * spec's servers with it too (generator/model/build-info.ts).
 */
export function isBlockedPort(url: URL): boolean {
  return url.port !== '' && BAD_PORTS.has(Number(url.port));
}

/** The Fetch standard's bad ports (§2.9), and 0. */
const BAD_PORTS: ReadonlySet<number> = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

/**
 * What lies between a text's scheme (or start) and its last `@`: where credentials would be, in
 * text fetch does not read as a URL with a host (`user:pass@host` reads as the scheme `user:`).
 */
const CRUDE_USERINFO = /^(\s*[^:/\\]*:?[/\\]*)([^]*)@/;

/** A URL of a scheme without a host (WHATWG's "opaque path": `user:pass@host`, `mailto:…`). */
function opaque(url: URL): boolean {
  return url.host === '' && !url.pathname.startsWith('/');
}

/**
 * A base URL as messages show it: as written when it holds no credentials; else rebuilt from its
 * parts as fetch reads them, the password `[redacted]` (`https://user:[redacted]@host/`), or the
 * user name when there is no password (often a token: `https://[redacted]@host/`). Text that is
 * no URL even against a page, or a URL without a host (`user:pass@host`, read as the scheme
 * `user:`), with an `@`, has everything between its scheme and its last `@` redacted.
 */
export function shownURL(text: string): string {
  const absolute = parseURL(text);
  const url = absolute ?? parseURL(text, SOME_PAGE);
  if (url === undefined || (opaque(url) && text.includes('@')))
    return text.includes('@') ? text.replace(CRUDE_USERINFO, '$1[redacted]@') : text;
  if (url.username === '' && url.password === '') return text;
  const userinfo = url.password === '' ? '[redacted]' : `${url.username}:[redacted]`;
  // The root path only where it was written (`https://u:p@host`, not `…host/`).
  const path = url.pathname === '/' && !/\/\s*$/.test(text) ? '' : url.pathname;
  const rest = `${userinfo}@${url.host}${path}${url.search}${url.hash}`;
  return absolute === undefined ? `//${rest}` : `${url.protocol}//${rest}`;
}

/**
 * The secret `baseURL` holds, in the forms a message may show it (as fetch's URL serialises it,
 * and decoded): its password, or its user name when it has no password (a token); none when it
 * holds no credentials. Text that is no URL: what lies between its scheme and its last `@`.
 */
export function urlCredentials(baseURL: string): string[] {
  const url = parseURL(baseURL) ?? parseURL(baseURL, SOME_PAGE);
  if (url === undefined || opaque(url)) {
    const raw = CRUDE_USERINFO.exec(baseURL)?.[2];
    return raw === undefined || raw === '' ? [] : [raw, safeDecode(raw)];
  }
  const secret = url.password !== '' ? url.password : url.username;
  return secret === '' ? [] : [secret, safeDecode(secret)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
