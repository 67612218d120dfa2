/**
 * Private helper: following a redirect without leaking anything to another origin.
 *
 * Wherever fetch shows redirects (anything but a browser: platform.ts) the client asks fetch not
 * to follow them (`redirect: 'manual'`) and follows them here, because fetch's own rules keep
 * headers that carry credentials under a name
 * fetch does not know (an API key in `X-API-Key`) and re-send a 307/308 body to any origin. The
 * rules, after the Fetch standard's (https://fetch.spec.whatwg.org/#http-redirect-fetch):
 *
 * - 301, 302 and 303 answer a POST (303: anything but HEAD) with a GET without a body; 307 and 308
 *   keep the method and the body.
 * - **Another origin** (scheme, host or port differ) gets only `Accept`, `Accept-Language` and
 *   `User-Agent`: no `Authorization`, no API key (in a header, a cookie or the query), no
 *   `Cookie`, no idempotency key, no default or per-call header. A redirect that would carry a
 *   request body to another origin (307/308 after a POST, PUT, PATCH…) is not followed at all.
 * - Not followed either: more than `MAX_REDIRECTS` in a row, a `Location` that is not an
 *   `http:`/`https:` URL or that carries a user name or password (`http://user:pw@host/`: fetch
 *   refuses such a URL, and the Fetch standard a redirect to one), a `Location` on a port fetch
 *   refuses (the Fetch standard's port blocking: 6000, 25, …; fetch's "bad port" read as a
 *   connection error, retried), and a 307/308 of a body that was a stream (it cannot be sent
 *   twice).
 *
 * A redirect that is not followed ends the call with an `APIError` for its status, saying why.
 */

import { isBlockedPort } from './url.ts';

/** The fetch standard's limit. */
export const MAX_REDIRECTS = 20;

const KEPT_ACROSS_ORIGINS = ['accept', 'accept-language', 'user-agent'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language'];

export type FetchInit = RequestInit & { headers: Record<string, string> };

/**
 * The next request to send, or why the redirect is not followed and its `Location` to show (any
 * user name and password taken out).
 */
export type Redirect = { url: string; init: FetchInit } | { refused: string; location: string };

/**
 * What to do about `response`, the answer to `init` sent to `url` after `hops` redirects:
 * `undefined` when it is no redirect to follow (not a 301/302/303/307/308, or no `Location`).
 * `queryCredentials` names the query parameters that carry a credential, removed from a
 * `Location` on another origin.
 */
export function redirect(
  response: Response,
  url: string,
  init: FetchInit,
  hops: number,
  queryCredentials: readonly string[] = [],
): Redirect | undefined {
  const { status } = response;
  const location = [301, 302, 303, 307, 308].includes(status)
    ? response.headers.get('location')
    : null;
  if (location === null) return undefined;
  let target: URL;
  try {
    target = new URL(location, url);
  } catch {
    return { refused: 'its Location is not a URL', location };
  }
  const withUser = target.username !== '' || target.password !== '';
  const method = init.method ?? 'GET';
  const toGet = status === 303 ? method !== 'HEAD' : status < 303 && method === 'POST';
  const crossOrigin = target.origin !== new URL(url).origin;
  const body = toGet ? undefined : init.body;
  const refused = !/^https?:$/.test(target.protocol)
    ? `it leads to a ${target.protocol} URL`
    : withUser
      ? 'its URL carries a user name or password, which fetch never sends'
      : isBlockedPort(target)
        ? `it leads to port ${target.port}, which fetch refuses to connect to (the Fetch standard's port blocking)`
        : hops >= MAX_REDIRECTS
          ? `it is redirect number ${hops + 1} in a row`
          : body === undefined || body === null
            ? undefined
            : crossOrigin
              ? `the client never sends a request body to another origin (${target.origin})`
              : body instanceof ReadableStream
                ? 'the request body was a stream'
                : undefined;
  if (refused !== undefined) {
    if (!withUser) return { refused, location };
    target.username = '';
    target.password = '';
    return { refused, location: target.href };
  }
  const headers = { ...init.headers };
  for (const name of Object.keys(headers))
    if (
      (crossOrigin && !KEPT_ACROSS_ORIGINS.includes(name)) ||
      (toGet && BODY_HEADERS.includes(name))
    )
      delete headers[name];
  // (Only when present: any change re-serialises the whole query.)
  if (crossOrigin)
    for (const name of queryCredentials)
      if (target.searchParams.has(name)) target.searchParams.delete(name);
  const next: FetchInit = { ...init, method: toGet ? 'GET' : method, headers };
  if (toGet) delete next.body;
  return { url: target.href, init: next };
}
