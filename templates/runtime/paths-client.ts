/**
 * Public: the typed path client, openapi-fetch over the generated `paths` type: the escape hatch
 * for calls the resource methods do not cover. It shares the client's base URL, headers and
 * credential, fetch, redirect rules (no credential or body goes to another origin), path
 * encoding, and, per operation, how the resource method shapes its request (the styles of its
 * path, query and header parameters; a form or multipart body encoded as the resource method
 * encodes it, with the media type's `encoding`), how its success body is read (a
 * `text/csv` answer as text, a PDF as a `Blob`, an event stream as a stream; never JSON where the
 * operation declares something else; by the response the status selects, exact code > `2XX` >
 * `default`) and whether it takes the credential at all (not where the
 * operation's `security` is `[]`). A fetch that fails is classified as the resource client's: an
 * APIConnectionError without an answer, an InvalidResponseError for one that is not valid HTTP, an
 * APIUserAbortError when the caller aborts. The client's limits hold: `timeout` bounds each call,
 * reading the body included (an APIConnectionTimeoutError, the request cancelled), and
 * `maxResponseSize` every body, error bodies too (an InvalidResponseError). An error body (the
 * call's `error`) has the token redacted from it, as an `APIError`'s body has. It does not retry.
 *
 * The generated package offers it as a function of the client (`pathsClient(client)`), not as a
 * property: so only the bundles that use it carry openapi-fetch.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { ClientCore, Fetch } from './core.ts';
import { APIConnectionTimeoutError, APIUserAbortError, SDKError } from './errors.ts';
import { formBody, multipartBody, rawBody, type BodyEncoding } from './internal/body.ts';
import { withQueryCredentials } from './internal/credentials.ts';
import { headerParams, headersToObject, joinedCookies, mergeHeaders } from './internal/headers.ts';
import {
  checkPathSegment,
  encodePathParam,
  encodeStyledPathParam,
  type PathParamStyle,
} from './internal/path.ts';
import {
  assertContainers,
  contentType,
  decoder,
  isJSONMediaType,
  readAny,
  readBlob,
  readErrorBytes,
  readJSON,
  readText,
  responseKey,
} from './internal/read.ts';
import { checkSignal } from './internal/options.ts';
import { MAX_TIMER_MS, untilAborted } from './internal/retry.ts';
import { assertListItems, assertSendable, sendableJSON } from './internal/finite.ts';
import { scalarText } from './internal/scalar.ts';
import { serializeQuery, type QueryStyles } from './internal/query.ts';
import { expectEventStream } from './streaming.ts';
import { joinQueries, splitBaseURL } from './internal/url.ts';
import type { HeadersInput } from './request-options.ts';

export type { Client as PathsClient } from 'openapi-fetch';
/**
 * openapi-fetch's other types, prefixed `Paths`, which the typed path client's methods take and
 * return (`api.GET(…)` resolves to a `PathsFetchResponse`). Exported so that TypeScript can name
 * them from this package: a library's declaration file for a function that returns such a call
 * otherwise needs a path into openapi-fetch's own folder, which pnpm does not hoist (TS2742,
 * "cannot be named without a reference to …/openapi-fetch").
 */
export type {
  BodySerializer as PathsBodySerializer,
  ClientMethod as PathsClientMethod,
  ClientPathsWithMethod as PathsClientPathsWithMethod,
  ClientRequestMethod as PathsClientRequestMethod,
  DefaultParamsOption as PathsDefaultParamsOption,
  FetchOptions as PathsFetchOptions,
  FetchResponse as PathsFetchResponse,
  HeadersOptions as PathsHeadersOptions,
  MaybeOptionalInit as PathsMaybeOptionalInit,
  MergedOptions as PathsMergedOptions,
  MethodResponse as PathsMethodResponse,
  Middleware as PathsMiddleware,
  MiddlewareCallbackParams as PathsMiddlewareCallbackParams,
  MiddlewareRequestParams as PathsMiddlewareRequestParams,
  ParamsOption as PathsParamsOption,
  ParseAs as PathsParseAs,
  ParseAsResponse as PathsParseAsResponse,
  PathSerializer as PathsPathSerializer,
  QuerySerializer as PathsQuerySerializer,
  QuerySerializerOptions as PathsQuerySerializerOptions,
  RequestBodyOption as PathsRequestBodyOption,
  RequestOptions as PathsRequestOptions,
} from 'openapi-fetch';

/** What one operation needs besides openapi-fetch's defaults. */
export interface PathOperation {
  /** Query parameters that are not `form` + `explode: true`, by name. */
  query?: QueryStyles | undefined;
  /** How the success body is read when it is not JSON. */
  parseAs?: ParseAs | undefined;
  /**
   * How each success body is read, by the response its status selects (`200`, `2XX`, `default`:
   * OpenAPI 3.1.1 §4.8.16), where they differ; in place of `parseAs`.
   */
  reads?: Readonly<Record<string, ParseAs | 'json'>> | undefined;
  /**
   * `Accept` when the success bodies are not all `application/json`: the media types the operation
   * declares (`text/csv`, `application/vnd.api+json`), unless the call sets one.
   */
  accept?: string | undefined;
  /**
   * The media type of a request body that is not `application/json` (text, bytes, a form,
   * `application/merge-patch+json`): its Content-Type, unless the call sets one.
   */
  bodyType?: string | undefined;
  /** The body (text, a Blob, bytes) is sent as it is, not as JSON. */
  rawBody?: true | undefined;
  /**
   * A form or multipart body, encoded as the resource method encodes it (internal/body.ts
   * `formBody`, `multipartBody`), with the media type's `encoding`.
   */
  encode?: 'form' | 'multipart' | undefined;
  /** The Encoding Objects of a form or multipart body, by property name. */
  encoding?: BodyEncoding | undefined;
  /** Path parameters that are not plain `simple` (`label`, `matrix`, objects, JSON), by name. */
  path?: Readonly<Record<string, PathParamStyle>> | undefined;
  /** Header parameters sent as exploded objects (`k=v,k2=v2`) or as JSON text, by name. */
  header?: { exploded?: readonly string[]; json?: readonly string[] } | undefined;
  /**
   * Cookie parameters described by JSON `content`, sent as JSON text (`json`), and lists and
   * objects in `form` with `explode: true` (`exploded`, the default), one cookie-pair each, by name.
   */
  cookie?: { json?: readonly string[]; exploded?: readonly string[] } | undefined;
  /**
   * The operation takes no credential (its `security` is `[]`, OpenAPI 3.1 §4.8.10): it is sent
   * without the client's token, in a header, a cookie or the query alike.
   */
  anonymous?: true | undefined;
  /**
   * The operation's `security` where the client takes more than one credential, as the resource
   * method's (`APIRequest.security`): the call sends the first alternative the client has.
   */
  security?: readonly (readonly string[])[] | undefined;
  /**
   * The operation's own server: where it goes while the client uses its default base URL; a
   * relative one, resolved against the base URL in use.
   */
  server?: string | undefined;
}

export interface PathsClientOptions {
  /** Replaces the client's fetch. */
  fetch?: Fetch | undefined;
  /** By operation, as `<method> <path>` (`get /projects/{project}/plans`): see `PathOperation`. */
  operations?: Readonly<Record<string, PathOperation>> | undefined;
}

/**
 * How a success body is read: as text, as bytes, as a stream, or, for `any` (a `*\/*` response),
 * by its Content-Type as the resource method reads it (internal/read.ts `readAny`).
 */
type ParseAs = 'text' | 'blob' | 'stream' | 'any';

/** What a call may give as openapi-fetch's own `parseAs`: read here too, under `maxResponseSize`. */
const CALL_PARSE_AS: ReadonlySet<unknown> = new Set([
  'json',
  'text',
  'blob',
  'arrayBuffer',
  'stream',
]);
type CallParseAs = ParseAs | 'json' | 'arrayBuffer';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type Init = Record<string, unknown> | undefined;
type Send = (url: string, init?: Init) => Promise<unknown>;

// `{}` is openapi-fetch's own constraint on `Paths`.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- openapi-fetch's own constraint
export function createPathsClient<Paths extends {}>(
  core: ClientCore,
  options: PathsClientOptions = {},
): Client<Paths> {
  const fetchImpl = options.fetch ?? core.fetch;
  const operations = options.operations ?? {};
  // The base URL's own query (`?api-version=…`) goes first in every request's, as the resource
  // client sends it (internal/url.ts); its fragment is never sent.
  const { base: baseUrl, query: baseUrlQuery } = splitBaseURL(core.requestBase());
  const query =
    (styles?: QueryStyles, credentialQuery = core.baseQuery(), leading = baseUrlQuery) =>
    (params: Record<string, unknown>) =>
      joinQueries(
        leading,
        serializeQuery(withQueryCredentials(params, credentialQuery) ?? {}, styles),
      );
  // The header changes that take the client's credential off a request, or put another
  // alternative's on (`PathOperation.security`): openapi-fetch deletes a header given as null, and
  // a cookie header goes back to the default headers' own cookies.
  const base = core.baseHeaders();
  const headerChanges = (sent: Readonly<Record<string, string>>) => {
    const changes: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(base))
      if (sent[name] !== value) changes[name] = sent[name] ?? null;
    for (const [name, value] of Object.entries(sent))
      if (!Object.hasOwn(base, name)) changes[name] = value;
    return changes;
  };
  // Path parameters as the resource methods' `path` tag writes them: each one percent-encoded as
  // one segment, in the operation's style where it has one; then each one's whole segment checked
  // (`/items/{id}.{format}` may take `.` for `id`, `/items/{id}` may not).
  const pathSerializer =
    (styles: Readonly<Record<string, PathParamStyle>> = {}) =>
    (url: string, params: Record<string, unknown>): string => {
      const expanded: [start: number, end: number, where: () => string][] = [];
      let shift = 0;
      // Every `{…}` is a parameter's name as the spec writes it (`{item.id}`, `{tag*}`): OpenAPI's
      // path templates have no RFC 6570 operators, which openapi-fetch's own serializer reads
      // into them. A value of any kind goes through the same encoding and checks as the resource
      // method's (an array as `simple` writes it; a missing one refused), never openapi-fetch's.
      const path = url.replace(/\{([^{}]+)\}/g, (placeholder, name: string, at: number) => {
        const value = Object.hasOwn(params, name) ? params[name] : undefined;
        const where = () =>
          `{${name}} of ${url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url}`;
        const style = Object.hasOwn(styles, name) ? styles[name] : undefined;
        const text =
          style !== undefined
            ? encodeStyledPathParam(value, style, name, where)
            : encodePathParam(value, where);
        expanded.push([at + shift, at + shift + text.length, where]);
        shift += text.length - placeholder.length;
        return text;
      });
      for (const [start, end, where] of expanded) checkPathSegment(path, start, end, where);
      return path;
    };
  // Sends through the core; `seen` learns that the request went out and, once it came, the answer.
  // `pathQuery`: the path key has a query of its own (`/search?kind=plan`), after which
  // openapi-fetch starts the call's with a second `?`; it is joined with `&`, as the resource
  // method joins them (internal/url.ts).
  const sender =
    (seen: { sent?: true; answered?: Response } = {}, where?: string, pathQuery = false) =>
    async (request: Request): Promise<Response> => {
      const init = {
        method: request.method,
        headers: headersToObject(request.headers),
        body: request.body === null ? null : await request.arrayBuffer(),
        signal: request.signal,
      };
      seen.sent = true;
      const url = pathQuery ? oneQuery(request.url) : request.url;
      const response = (seen.answered = await core.fetchFollowing(url, init, fetchImpl, where));
      if (response.ok || response.body === null) return response;
      // openapi-fetch reads an error body whole (`response.text()`) and parses it: read it here
      // instead, its first maxResponseSize bytes (past them it is cut, as an APIError's body is;
      // an InvalidResponseError for JSON of more arrays and objects than it allows), in the
      // charset it names (JSON in UTF-8), with the token redacted from it as from an APIError's
      // body (a server may echo the credential).
      const ctx = core.readContext(response, true, {}, where);
      const { bytes, cut } = await readErrorBytes(response, ctx);
      const decoded = decoder(contentType(response)).decode(bytes) + (cut ? '…' : '');
      if (!cut && isJSONMediaType(contentType(response))) assertContainers(decoded, response, ctx);
      const text = core.redactErrorText(decoded);
      Object.defineProperty(response, 'text', { value: () => Promise.resolve(text) });
      return response;
    };
  const client = createClient<Paths>({
    baseUrl,
    headers: core.baseHeaders(),
    fetch: sender(),
    querySerializer: query(),
    pathSerializer: pathSerializer(),
  });
  // Each operation's own query styles and body reading, unless the call gives its own.
  const defaults = (method: string, url: string, call: Init): Init => {
    // The call's own headers checked as the client's are (internal/headers.ts): a value fetch
    // cannot send fails here with an SDKError, before openapi-fetch builds the request.
    mergeHeaders(ownHeaders(call?.['headers']) as HeadersInput);
    // NaN and Infinity, which JSON.stringify would send as null, refused here too (internal/finite.ts).
    assertSendable(call?.['body'], 'The request body');
    // The success body is read by `readByStatus` once the status is known; openapi-fetch leaves
    // it alone.
    const own: Record<string, unknown> = { parseAs: 'stream' };
    const operation = operations[`${method.toLowerCase()} ${url}`];
    // What the operation sends of the client's credentials: the token, none (`anonymous`), or the
    // alternative of its `security` the client has.
    const credentials =
      operation?.anonymous === true || operation?.security !== undefined
        ? core.operationCredentials(operation)
        : undefined;
    // Cookie parameters join the client's cookies, with the operation's credential.
    const init = withCookieParams(
      withHeaderParams(call, operation?.header),
      (credentials?.headers ?? base)['cookie'],
      operation?.cookie ?? {},
    );
    // Header (and cookie) parameters checked the same way: fetch would trim a trailing newline
    // and send, or throw a TypeError that quotes the value.
    const params = init?.['params'] as Record<string, unknown> | undefined;
    mergeHeaders(ownHeaders(params?.['header']) as HeadersInput);
    if (operation === undefined) return { ...own, ...init };
    // The operation's own server: its query (`/v4?tenant=a`) goes first in the request's, as
    // the client's own base URL's does; openapi-fetch would put the path after it.
    let server: { base: string; query: string } | undefined;
    if (operation.server !== undefined) {
      const url = core.requestBase(operation.server);
      if (url !== core.requestBase()) server = splitBaseURL(url);
    }
    if (server !== undefined) own['baseUrl'] = server.base;
    if (operation.query !== undefined || credentials !== undefined || server !== undefined)
      own['querySerializer'] = query(operation.query, credentials?.query, server?.query);
    if (operation.path !== undefined) own['pathSerializer'] = pathSerializer(operation.path);
    if (operation.rawBody === true) own['bodySerializer'] = (body: unknown) => body;
    const headers = ownHeaders(init?.['headers']);
    const given = (name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);
    const implied: Record<string, string | null> = {};
    const accept = core.operationAccept(operation.accept);
    if (accept !== undefined && !given('accept')) implied['Accept'] = accept;
    let body = init?.['body'];
    let bodyType = operation.bodyType;
    if (operation.encode !== undefined && body !== undefined && body !== null) {
      const encode = operation.encode === 'multipart' ? multipartBody : formBody;
      const encoded = encode(body, operation.bodyType ?? '', operation.encoding);
      body = encoded.body;
      // A caller's FormData goes without one: fetch writes its boundary.
      bodyType = encoded.contentType;
      own['bodySerializer'] = (sent: unknown) => sent;
    }
    // Text, bytes or a `*`/`*` value sent as the resource method sends it (internal/body.ts
    // rawBody): a string in the charset its type declares, a type inside a range (`image/*`),
    // and none for bytes of no known type, rather than openapi-fetch's `application/json`.
    if (
      operation.rawBody === true &&
      body !== undefined &&
      body !== null &&
      bodyType !== undefined
    ) {
      const raw = rawBody(body, bodyType);
      body = raw.body;
      bodyType = raw.contentType;
      if (bodyType === undefined && !given('content-type')) implied['Content-Type'] = null;
    }
    if (bodyType !== undefined && body !== undefined && !given('content-type'))
      implied['Content-Type'] = bodyType;
    const typed = Object.keys(implied).length === 0 ? headers : { ...implied, ...headers };
    const sent = body === init?.['body'] ? init : { ...init, body };
    if (credentials === undefined)
      return typed === headers ? { ...own, ...sent } : { ...own, ...sent, headers: typed };
    // Headers the call gives itself still go, after the credential is taken off or changed.
    return { ...own, ...sent, headers: { ...headerChanges(credentials.headers), ...typed } };
  };
  // One call: its defaults, its success body read as the resource client reads it, and what fetch
  // or the body's read throws classified as the resource client's (core.fetchFailure), once the
  // request went out; an error before (a body serializer's) stays as it is.
  const call = async (
    method: string,
    url: string,
    init: Init,
    send: (init: Init) => Promise<unknown>,
  ): Promise<unknown> => {
    const own = defaults(method, url, init);
    const operation = operations[`${method.toLowerCase()} ${url}`];
    // A call's own parseAs is read here as well, not by openapi-fetch, which reads without a limit.
    const given = init?.['parseAs'];
    if (given !== undefined && !CALL_PARSE_AS.has(given))
      throw new SDKError(
        `parseAs must be one of ${[...CALL_PARSE_AS].map((name) => JSON.stringify(name)).join(', ')}; got ${JSON.stringify(given)}.`,
      );
    const reads: Readonly<Record<string, CallParseAs>> =
      given === undefined
        ? (operation?.reads ?? { default: operation?.parseAs ?? 'json' })
        : { default: given as CallParseAs };
    const seen: { sent?: true; answered?: Response } = {};
    const where = `${method.toUpperCase()} ${url}`;
    // fetch gets a signal that the client's timeout and the caller's signal both fire, as the
    // resource client's attempts do; the timeout covers the body, but not a stream returned unread.
    // The call is raced against that signal too, for a fetch or a body that ignores it.
    const signal = checkSignal(own?.['signal']);
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    if (signal?.aborted === true) controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer =
      core.timeout <= MAX_TIMER_MS
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, core.timeout)
        : undefined;
    let streaming = false;
    try {
      const result = await untilAborted(
        send({
          fetch: sender(seen, where, url.includes('?')),
          ...own,
          parseAs: 'stream',
          signal: controller.signal,
        }),
        controller.signal,
      );
      const read = await untilAborted(
        readByStatus(core, result, reads, where, given === undefined),
        controller.signal,
      );
      // The caller's signal still cancels a stream body after the call returns it.
      streaming = (read as { data?: unknown } | undefined)?.data instanceof ReadableStream;
      return read;
    } catch (error) {
      if (error instanceof SDKError) throw error;
      if (seen.sent !== true && error !== controller.signal.reason) throw error;
      if (signal?.aborted === true) throw new APIUserAbortError(signal.reason);
      if (timedOut)
        throw new APIConnectionTimeoutError(
          core.timeout,
          `Request timed out after ${core.timeout} ms (${where}).`,
        );
      if (seen.answered !== undefined && !(error instanceof TypeError)) throw error;
      throw core.fetchFailure(error, seen.answered, false, where);
    } finally {
      clearTimeout(timer);
      if (!streaming) signal?.removeEventListener('abort', onAbort);
    }
  };
  const methods = client as unknown as Record<string, Send>;
  for (const method of METHODS) {
    const send = methods[method];
    if (send !== undefined)
      methods[method] = async (url, init) => call(method, url, init, async (own) => send(url, own));
  }
  const { request } = client as unknown as {
    request: (method: string, url: string, init?: Init) => Promise<unknown>;
  };
  (client as unknown as { request: typeof request }).request = async (method, url, init) =>
    call(method, url, init, async (own) => request(method, url, own));
  return client;
}

/**
 * `url` with the `?` that starts the call's query after the path key's own made `&`: one query.
 * Only that one: a value sent with `allowReserved` may hold a `?` of its own.
 */
function oneQuery(url: string): string {
  const start = url.indexOf('?');
  const second = start === -1 ? -1 : url.indexOf('?', start + 1);
  return second === -1 ? url : `${url.slice(0, second)}&${url.slice(second + 1)}`;
}

/**
 * The call with its header parameters (`params.header`) serialised as the resource methods send
 * them (internal/headers.ts `headerParams`: arrays and objects in style `simple`, exploded objects
 * as `k=v`, JSON `content` as JSON text); openapi-fetch would send an object as `[object Object]`.
 */
function withHeaderParams(init: Init, styles: PathOperation['header']): Init {
  const params = init?.['params'] as Record<string, unknown> | undefined;
  const header = params?.['header'];
  if (typeof header !== 'object' || header === null) return init;
  const serialised = headerParams(
    header as Record<string, unknown>,
    styles?.exploded ?? [],
    styles?.json ?? [],
  );
  return { ...init, params: { ...params, header: serialised } };
}

/**
 * The Cookie header of a call (RFC 6265 §5.4: one header, `name=value` pairs joined by `; `): the
 * client's cookies (its default cookies, its cookie credential: `clientCookie`), then the call's
 * own (a `Cookie` in its headers joins them, as in the resource client, rather than replacing
 * them), then `params.cookie`, which openapi-fetch does not send. A parameter's value is in
 * OpenAPI's `form` style (§4.8.12.4: a list `a,b`, an object `k,v,k2,v2`), or, for one described
 * by JSON `content` (`styles.json`), its JSON text; each part percent-encoded where a cookie value
 * may not hold the character (RFC 6265 §4.1.1 cookie-octet). A list or object with
 * `explode: true` (`styles.exploded`; `form`'s default) is one cookie-pair per item (`a=x; a=y`)
 * or member (`k=v; k2=v2`): RFC 6570's `&` between them is "always incorrect" in a cookie
 * (OpenAPI 3.1.1 Appendix D), and `; ` is what 3.2's `cookie` style writes. An empty list or
 * object is undefined (RFC 6570 §2.3) and sent as no cookie, as a query leaves it out.
 * It goes in `params.header`, which openapi-fetch merges last.
 */
function withCookieParams(
  init: Init,
  clientCookie: unknown,
  styles: NonNullable<PathOperation['cookie']>,
): Init {
  const params = (init?.['params'] ?? {}) as Record<string, unknown>;
  const cookies = params['cookie'];
  const pairs: string[] = [];
  if (typeof cookies === 'object' && cookies !== null) {
    for (const [name, value] of Object.entries(cookies as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      const what = `Cookie parameter ${JSON.stringify(name)}`;
      // helper-121 V12: `a=b; admin` as a name set a second cookie (RFC 6265 §4.1.1: a token).
      if (!COOKIE_NAME.test(name))
        throw new SDKError(
          `${what} is not a cookie name (RFC 6265 §4.1.1: a token, without spaces, \`=\`, \`;\` or quotes); nothing was sent. Use the cookie's name as the API documents it.`,
        );
      assertSendable(value, what);
      // JSON `content` (OpenAPI 3.1.1 §4.8.12.2.3): the value's JSON text, as a header's.
      if (styles.json?.includes(name) === true) {
        pairs.push(`${name}=${cookieOctets(sendableJSON(value, what), name)}`);
        continue;
      }
      if (Array.isArray(value)) assertListItems(value, what);
      // helper-121 V5: an object's unset members went as `b,undefined`, as `form` leaves them out
      // of a query; an object in a list went as `[object Object]`.
      const members =
        typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
          ? Object.entries(value as Record<string, unknown>).filter(
              ([, member]) => member !== undefined && member !== null,
            )
          : undefined;
      const parts: unknown[] = Array.isArray(value) ? value : (members?.flat() ?? [value]);
      const nested = parts.findIndex(
        (part) => typeof part === 'object' && part !== null && !(part instanceof Date),
      );
      if (nested !== -1)
        throw new SDKError(
          `${what} holds ${Array.isArray(parts[nested]) ? 'a list' : 'an object'} inside ${Array.isArray(value) ? `its list (item ${nested})` : 'its object'}, which the form style cannot write (OpenAPI 3.1.1 §4.8.12.4: one level of values); nothing was sent. Pass scalars, or send the value as JSON text.`,
        );
      // An empty list or object is undefined (RFC 6570 §2.3): no cookie, as no query pair.
      if (parts.length === 0) continue;
      const text = (part: unknown) => cookieOctets(scalarText(part), name);
      if (styles.exploded?.includes(name) !== true) {
        pairs.push(`${name}=${parts.map(text).join(',')}`);
      } else if (members === undefined) {
        for (const part of parts) pairs.push(`${name}=${text(part)}`);
      } else {
        for (const [key, member] of members) {
          // An exploded member's key is a cookie's name (`R=100`): a token, as the name is.
          if (!COOKIE_NAME.test(key))
            throw new SDKError(
              `${what} has the key ${JSON.stringify(key)}, which its style (form, exploded) sends as a cookie's name, but it is not one (RFC 6265 §4.1.1: a token, without spaces, \`=\`, \`;\` or quotes); nothing was sent. Use keys that are tokens, or send the value as JSON text.`,
            );
          pairs.push(`${key}=${text(member)}`);
        }
      }
    }
  }
  const header = (params['header'] ?? {}) as Record<string, unknown>;
  const own = [header, ownHeaders(init?.['headers'])]
    .flatMap((headers) => Object.entries(headers))
    .find(([key]) => key.toLowerCase() === 'cookie')?.[1];
  // `cookie: null` takes the client's cookies off, as openapi-fetch deletes a null header.
  if (own === null || (typeof own !== 'string' && pairs.length === 0)) return init;
  const { cookie: _cookies, ...rest } = params;
  // The call's own cookies win over the client's of the same name (internal/headers.ts).
  const joined = joinedCookies(
    typeof clientCookie === 'string' ? clientCookie : undefined,
    ...(typeof own === 'string' ? [own] : []),
    ...pairs,
  );
  return { ...init, params: { ...rest, header: { ...header, cookie: joined } } };
}

/** A cookie name: an HTTP token (RFC 6265 §4.1.1, RFC 9110 §5.6.2). */
const COOKIE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * `text` with each character a cookie value may not hold (RFC 6265 §4.1.1) percent-encoded, and
 * `%` itself, so that a server that decodes the value (as the form style has it) reads the text
 * sent: `100%20off` arrives as `100%20off`, not `100 off`.
 */
function cookieOctets(text: string, name: string): string {
  return text.replace(/[^\x21\x23\x24\x26-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      throw new SDKError(
        `Cookie parameter ${JSON.stringify(name)} is not well-formed Unicode (it contains a lone surrogate). Remove the unpaired surrogate.`,
      );
    }
  });
}

/** A call's own headers (a record, a `Headers` or entry pairs) as a record openapi-fetch merges. */
function ownHeaders(headers: unknown): Record<string, unknown> {
  if (headers === undefined || headers === null) return {};
  if (headers instanceof Headers || Array.isArray(headers))
    return headersToObject(new Headers(headers as ConstructorParameters<typeof Headers>[0]));
  return headers as Record<string, unknown>;
}

/**
 * A success body openapi-fetch left unread (`parseAs: 'stream'`), read as the response its status
 * selects says (internal/read.ts `responseKey`) with the resource client's readers, under its
 * `maxResponseSize`: JSON parsed (nothing for an empty body, as openapi-fetch has it; an
 * InvalidResponseError for one that does not parse), text as text, bytes as a Blob, an event
 * stream as it is (an InvalidResponseError when the answer is another media type), a call's own
 * `parseAs: 'stream'` as it is whatever it is; for a call's own `parseAs: 'arrayBuffer'`, the
 * bytes as an ArrayBuffer. A non-2xx without a body (a 304 Not Modified) has `error: undefined`.
 */
async function readByStatus(
  core: ClientCore,
  result: unknown,
  reads: Readonly<Record<string, CallParseAs>>,
  where: string,
  /** `reads` are the operation's (no `parseAs` of the call's own): a `stream` is its event stream. */
  declared: boolean,
): Promise<unknown> {
  const { data, error, response } = result as {
    data?: unknown;
    error?: unknown;
    response: Response;
  };
  // openapi-fetch makes an empty error body `undefined` when it comes with `Content-Length: 0`,
  // and `''` otherwise (a 304, a chunked empty body): `undefined` either way.
  if (!response.ok) return error === '' ? { ...(result as object), error: undefined } : result;
  // A 205 (as a 204, which openapi-fetch knows) has no body: openapi-fetch's stream is `null` then.
  if (data === undefined || data === null) return { ...(result as object), data: undefined };
  const read = reads[responseKey(response.status, Object.keys(reads)) ?? ''] ?? 'json';
  const ctx = core.readContext(response, true, {}, where);
  // An event stream is returned unread, as openapi-fetch returns it, once it is one.
  if (read === 'stream') {
    if (declared) await expectEventStream(response, ctx);
    return result;
  }
  if (read === 'arrayBuffer')
    return { ...(result as object), data: await (await readBlob(response, ctx)).arrayBuffer() };
  const reader =
    read === 'text' ? readText : read === 'blob' ? readBlob : read === 'any' ? readAny : readJSON;
  return { ...(result as object), data: await reader(response, ctx) };
}
