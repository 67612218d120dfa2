/**
 * Private helper: following a redirect without leaking anything to another origin.
 *
 * On server runtimes the client asks fetch not to follow redirects (`redirect: 'manual'`) and
 * follows them here, because fetch's own rules keep headers that carry credentials under a name
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
 *   `http:`/`https:` URL, and a 307/308 of a body that was a stream (it cannot be sent twice).
 *
 * A redirect that is not followed ends the call with an `APIError` for its status, saying why.
 */

/** The fetch standard's limit. */
export const MAX_REDIRECTS = 20;

const KEPT_ACROSS_ORIGINS = new Set(['accept', 'accept-language', 'user-agent']);
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language'];

export type FetchInit = RequestInit & { headers: Record<string, string> };

/** The next request to send, or why the redirect is not followed. */
export type Redirect = { url: string; init: FetchInit } | { refused: string };

/**
 * What to do about `response`, the answer to `init` sent to `url` after `hops` redirects:
 * `undefined` when it is no redirect to follow (not a 301/302/303/307/308, or no `Location`).
 * `queryCredential` names a query parameter that carries a credential, removed from a
 * `Location` on another origin.
 */
export function redirect(
  response: Response,
  url: string,
  init: FetchInit,
  hops: number,
  queryCredential?: string,
): Redirect | undefined {
  const { status } = response;
  const location =
    status === 301 || status === 302 || status === 303 || status === 307 || status === 308
      ? response.headers.get('location')
      : null;
  if (location === null) return undefined;
  let target: URL;
  try {
    target = new URL(location, url);
  } catch {
    return { refused: `its Location is not a URL` };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return { refused: `it leads to a ${target.protocol} URL` };
  if (hops >= MAX_REDIRECTS) return { refused: `it is redirect number ${hops + 1} in a row` };
  const method = init.method ?? 'GET';
  const toGet = status === 303 ? method !== 'HEAD' : status < 303 && method === 'POST';
  const crossOrigin = target.origin !== new URL(url).origin;
  const body = toGet ? undefined : init.body;
  if (body !== undefined && body !== null) {
    if (crossOrigin)
      return { refused: `the client never sends a request body to another origin (${target.origin})` };
    if (body instanceof ReadableStream) return { refused: 'the request body was a stream' };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers))
    if (!crossOrigin || KEPT_ACROSS_ORIGINS.has(name)) headers[name] = value;
  if (toGet) for (const name of BODY_HEADERS) delete headers[name];
  if (crossOrigin && queryCredential !== undefined && target.searchParams.has(queryCredential))
    target.searchParams.delete(queryCredential);
  const next: FetchInit = { ...init, method: toGet ? 'GET' : method, headers };
  if (toGet) delete next.body;
  return { url: target.href, init: next };
}
