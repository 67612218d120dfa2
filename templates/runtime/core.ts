/**
 * Public: the core every generated client is built on. It holds the settings and the credentials,
 * turns an `APIRequest` from a resource method into fetch calls (retrying the ones that may be
 * retried) and the final response into data or an error.
 *
 * One call, step by step (each step a protected method a subclass can override):
 * 1. `buildRequest`: URL, headers (credential, idempotency key, header parameters), body; once
 *    per call, so every retry sends the same request with the same idempotency key. A header value
 *    HTTP cannot carry (CR/LF, a control character, above U+00FF) fails here, before anything is sent.
 * 2. `send`: one attempt under the per-attempt `timeout` and the caller's `signal`: fetch,
 *    redirects followed by the client (internal/redirect.ts: no credential and no body ever goes to
 *    another origin), then the body read under `maxResponseSize` by the operation's reader
 *    (internal/read.ts; an event stream is returned unread). The timeout covers the body too,
 *    except for event streams.
 * 3. A connection error, a timeout or a 408/409/429/5xx answer is retried (see internal/retry.ts)
 *    up to `maxRetries` times; an abort stops everything at once.
 * 4. `checkResponse` (2xx: the response guard when validation is on) or `makeError` (the
 *    `APIError` subclass for the status).
 *
 * Answers without a body: a 204 or 205 (which have none by definition, RFC 9110 §15.3.5-6), a
 * HEAD's, and a 2xx whose body is empty (`Content-Length: 0` or none sent) resolve to `undefined`
 * when the operation declares a 2xx without content (`mayBeEmpty`: its method's result type
 * includes `undefined`); otherwise they fail with an `InvalidResponseError` ("answered 204 without
 * a body where the operation declares one"), since the result type promises a body. A 304 Not
 * Modified (the answer to a conditional request, `If-None-Match` in `options.headers`) is not a
 * 2xx: an `APIError` with `status` 304 and `body` undefined, not retried. The typed path client
 * (paths-client.ts) follows openapi-fetch instead: an empty 2xx body is `data: undefined`, and a
 * non-2xx without a body (a 304) `error: undefined`; read `response.status` there.
 */
import { APIPromise, type Outcome } from './api-promise.ts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InvalidResponseError,
  SDKError,
  truncate,
  type ResponseHeaders,
} from './errors.ts';
import type { BodyEncoder, BodyEncoding } from './internal/body.ts';
import { assertJSONCarries, assertSendable } from './internal/finite.ts';
import {
  headersToObject,
  joinedCookies,
  mergeHeaders,
  setsHeader,
  type HeaderRecord,
} from './internal/headers.ts';
import { cutShortAnswer, invalidAnswer, undecodableBody } from './internal/invalid-http.ts';
import { MAX_ERROR_BODY_DEPTH, nestedDeeperThan } from './internal/depth.ts';
import {
  assertCookieValue,
  chosenAlternative,
  givenCredentials,
  sentCredential,
  withQueryCredentials,
  type Auth,
  type CredentialScheme,
  type SentCredential,
} from './internal/credentials.ts';
import { checkClientParam, checkOptionTypes, checkSignal, shown } from './internal/options.ts';
import { serverRuntime, showsRedirects } from './internal/platform.ts';
import {
  anyIsJSON,
  contentType,
  decoder,
  isJSONMediaType,
  readAny,
  discard,
  readErrorBytes,
  readJSON,
  responseKey,
  tooManyContainers,
  type ReadContext,
  type ResponseReader,
} from './internal/read.ts';
import { redirect, type FetchInit } from './internal/redirect.ts';
import {
  isRetryableMethod,
  isRetryableStatus,
  MAX_TIMER_MS,
  retryAfter,
  retryDelay,
  sleep,
  untilAborted,
  type Backoff,
} from './internal/retry.ts';
import { serializeQuery, type QueryStyles } from './internal/query.ts';
import {
  baseURLProblem,
  resolvedURL,
  buildURL,
  isRelativeURL,
  shownURL,
  splitBaseURL,
  urlCredentials,
} from './internal/url.ts';
import { DEFAULT_LOG_LEVEL, logLevelRank, type Logger, type LogLevel } from './logger.ts';
import { PagePromise, type CursorPagination } from './pagination.ts';
import type { HeadersInput, RequestOptions } from './request-options.ts';
import type { ResponseGuards, ResponseValidation } from './validation.ts';
import type { BodyInit } from './internal/body.ts';

export type { QueryStyle, QueryStyles } from './internal/query.ts';
export type { Backoff } from './internal/retry.ts';

/**
 * The fetch function the client calls; `globalThis.fetch` unless the options give another. The
 * client always calls it with the request's absolute URL as a string and its `RequestInit` (never
 * a `Request`), so a wrapper typed `(url: string, init: RequestInit) => Promise<Response>` fits.
 */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export type HTTPMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The settings every generated client takes (its options interface extends this one). */
export interface ClientOptions {
  /**
   * Where requests go, e.g. `https://api.example.com`; a path prefix is kept. A relative one
   * (`/api`) is resolved against the page, as fetch resolves it (`document.baseURI`, else
   * `location.href`); where there is none (Node, Bun, Deno without `--location`), a call fails
   * with an `SDKError` asking for an absolute one, unless `fetch` is your own, which gets it as is.
   * @throws SDKError from the constructor when fetch would refuse it: not a URL, a scheme other
   * than `http:`/`https:`, or credentials in it (`https://user:password@…`; pass them as the
   * token). A fetch of your own decides schemes and credentials itself; its errors show the
   * password `[redacted]`.
   */
  baseURL?: string | undefined;
  /** Headers sent with every request (a call's `headers` win over them; `null` removes one). */
  defaultHeaders?: HeadersInput | undefined;
  /**
   * Replaces `globalThis.fetch` (tests, proxies, instrumentation). It must resolve to a Response:
   * anything else fails the call with an SDKError, not retried.
   */
  fetch?: Fetch | undefined;
  /**
   * Milliseconds one attempt may take, reading the body included; a timed-out attempt is retried.
   * Default 60 000 (60 s); must be positive, `Infinity` for none. A timed-out attempt is cancelled, so it holds no connection. An event
   * stream may also stay silent (no event, no comment) at most this long between two reads. A call
   * may therefore take up to (`maxRetries` + 1) × `timeout` plus the pauses between attempts; its
   * final APIConnectionTimeoutError says how many attempts were made.
   */
  timeout?: number | undefined;
  /**
   * How often a failed call is retried: connection errors, timeouts, 408, 409, 429 and 5xx (not
   * 501, 505); POST and PATCH only with an idempotency key (RFC 9110 §9.2.2). Default 2.
   */
  maxRetries?: number | undefined;
  /**
   * Milliseconds between retries: a random wait up to `min(maxDelay, initialDelay × 2^retry)`
   * (defaults 500 and 8 000), or what the server's `Retry-After` asks, unless that is longer than
   * `maxRetryAfter` (default 60 000), which ends the retries.
   */
  backoff?: Partial<Backoff> | undefined;
  /**
   * Send a generated `Idempotency-Key` (a random UUID, the same on every retry of one call) on
   * operations that declare the header, so that they may be retried. Default true; turn it off
   * when the API refuses the header for your account. A call's own `idempotencyKey` is sent on
   * those operations either way.
   */
  autoIdempotencyKeys?: boolean | undefined;
  /**
   * Check each 2xx body against its schema: `'off'` (default), `'warn'` (log and return it) or
   * `'throw'` (reject with `ResponseValidationError`). `'warn'` and `'throw'` need `responseGuards`.
   */
  responseValidation?: ResponseValidation | undefined;
  /** The guards `responseValidation` uses: the package's `responseGuards`. */
  responseGuards?: ResponseGuards | undefined;
  /** Where log lines go. Default `console`. */
  logger?: Logger | undefined;
  /** Which log lines are written: `'off'`, `'error'`, `'warn'` (default), `'info'` (retries) or `'debug'` (every attempt). */
  logLevel?: LogLevel | undefined;
  /**
   * Bytes a response body may have, counted after decompression: a larger body fails the call
   * with `InvalidResponseError` and is not read further (a small gzip body that inflates to
   * gigabytes stops here). Default 64 MiB (67 108 864); `Infinity` turns the limit off. For an
   * event stream it bounds each event, not the stream. A call's `maxResponseSize` wins.
   */
  maxResponseSize?: number | undefined;
}

export type { Auth, CredentialScheme };

/** The start of a call's headers and query: the client's and its credentials'. */
interface Sent {
  headers: HeaderRecord;
  query: Readonly<Record<string, string>> | undefined;
}

/** A parameter the client can fill itself, like the `project` in every path. */
export interface ClientParam {
  /** The value from the client options or the environment, if any. */
  value: string | undefined;
  /** How to provide it, for the error when it is missing: "set `project` on the client …". */
  howToSet: string;
}

export interface ClientCoreOptions extends ClientOptions {
  baseURL: string;
  /**
   * `baseURL` is the spec's default (the caller gave none): an operation with a server of its own
   * (`APIRequest.server`) goes there. A base URL the caller gives (a proxy, a mock) takes every call.
   */
  operationServers?: boolean | undefined;
  /**
   * The secret sent with every request whose operation takes it; kept in a private field, never in
   * a message, log line or JSON.
   */
  token?: string | undefined;
  /** Where the token goes: `Authorization: Bearer <token>` unless given. */
  auth?: Auth | undefined;
  /**
   * The token's security scheme, as `APIRequest.security` names it; only where the client takes
   * other credentials too (`credentialSchemes`).
   */
  tokenScheme?: string | undefined;
  /**
   * The security schemes the client takes a credential for besides its token (another API key, a
   * query or cookie key beside a bearer token), in spec order: where each goes.
   */
  credentialSchemes?: readonly CredentialScheme[] | undefined;
  /**
   * The caller's credentials for `credentialSchemes`, by scheme name (the generated client's
   * `credentials` option); each kept in a private field and redacted as the token is.
   */
  credentials?: Readonly<Record<string, string | undefined>> | undefined;
  /** Parameters the client fills itself, by name. */
  clientParams?: Readonly<Record<string, ClientParam>> | undefined;
  /**
   * The SDK as a `User-Agent` product, e.g. `acme-sdk/1.2.0`; sent with the runtime
   * (`acme-sdk/1.2.0 node/20.19.0 (linux; x64)`) on server runtimes, not in browsers
   * (internal/platform.ts says why).
   */
  sdk?: string | undefined;
}

/**
 * A request, or a function that builds it: the core calls it inside the call's promise, so what it
 * throws rejects the promise.
 */
export type APIRequestInput = APIRequest | (() => APIRequest);

/** What a resource method hands to the core: everything about the call except per-call options. */
export interface APIRequest {
  method: HTTPMethod;
  /** The path, already encoded (built with the `path` template tag). */
  path: string;
  query?: Readonly<Record<string, unknown>> | undefined;
  /** Serialisation of the query parameters that are not `form` + `explode: true`. */
  queryStyles?: QueryStyles | undefined;
  /** Header parameters of the operation, serialised by `headerParams` (internal/headers.ts). */
  headers?: HeadersInput | undefined;
  body?: unknown;
  /** Media type of `body` as the operation declares it; `application/json` unless given. */
  contentType?: string | undefined;
  /** Encodes `body` for `contentType` when it is not JSON (internal/body.ts). */
  encode?: BodyEncoder | undefined;
  /** The media type's `encoding` (form bodies): how each property is sent. */
  encoding?: BodyEncoding | undefined;
  /** The header that takes the idempotency key, when the operation declares one (`Idempotency-Key`). */
  idempotencyHeader?: string | undefined;
  /** `Accept` when the success body is not JSON: the media types the operation declares. */
  accept?: string | undefined;
  /** Reads a 2xx body (internal/read.ts, streaming.ts); JSON unless given. */
  read?: ResponseReader | undefined;
  /**
   * The key of the response `read` reads (`200`, `2XX`, `default`), when the operation declares
   * `responses` beside it.
   */
  successKey?: string | undefined;
  /**
   * Readers of the other responses a 2xx answer may select, by key (`201`, `2XX`, `default`):
   * an answer is read by the one its status selects (exact code, then range, then `default`),
   * by `read` when that is `successKey` or none. What `read` read is checked by
   * `responseSchema`, what one of these read by its `responseSchemas` entry.
   */
  responses?: Readonly<Record<string, ResponseReader>> | undefined;
  /** The operation declares a success response without a body, so an empty one is no error. */
  mayBeEmpty?: boolean | undefined;
  /**
   * The name of the success body's guard (`Plan`, or the operation's own `AnimalListResponse`),
   * which checks it when response validation is on.
   */
  responseSchema?: string | undefined;
  /**
   * The guards of the bodies `responses` reads, by the same key (`{ '201': 'Plan' }`): a body
   * read by one of them is checked by its entry here, or not at all when it has none.
   */
  responseSchemas?: Readonly<Record<string, string>> | undefined;
  /**
   * The operation takes no credential (its `security` is `[]`, OpenAPI 3.1 §4.8.10): neither the
   * token nor any other credential is sent, in a header, query parameter or cookie. Default
   * headers still are.
   */
  anonymous?: boolean | undefined;
  /**
   * The operation's `security` (OpenAPI 3.1.1 §4.8.30) where the client takes more than one
   * credential: its alternatives, each the scheme names of `ClientCoreOptions.tokenScheme` and
   * `credentialSchemes` sent together (`[['appId', 'appKey'], ['token']]`; `[]` for none). The call
   * sends the first the client has every credential of, else none where `[]` is one, else the
   * token as any call.
   */
  security?: readonly (readonly string[])[] | undefined;
  /**
   * The operation's own server (its or its path's `servers`, OpenAPI 3.1 §4.4.1.1): where the
   * call goes while the client uses its default base URL (`ClientCoreOptions.operationServers`);
   * a relative one (`/uploads`) is resolved against the base URL in use (`requestBase`).
   */
  server?: string | undefined;
}

/** One answer: the response and its body as the operation's reader read it (the error body for a non-2xx). */
export interface Attempt {
  response: Response;
  data: unknown;
  /**
   * An error status whose body did not decode under its Content-Encoding: why (`not valid gzip
   * …`). The status still says what happened, so the error keeps its class and its retries.
   */
  unreadBody?: string;
}

/** A request ready for fetch, built once per call. */
export interface PreparedRequest {
  method: HTTPMethod;
  url: string;
  init: FetchInit;
  /** The key in the idempotency header, if the request carries one. */
  idempotencyKey: string | undefined;
}

/** The documented defaults (milliseconds). */
export const DEFAULTS = {
  timeout: 60_000,
  maxRetries: 2,
  backoff: { initialDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000 },
  maxResponseSize: 64 * 1024 * 1024,
} as const;

export class ClientCore {
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly backoff: Readonly<Backoff>;
  readonly autoIdempotencyKeys: boolean;
  readonly responseValidation: ResponseValidation;
  readonly maxResponseSize: number;
  /** The fetch every request goes through. */
  readonly fetch: Fetch;
  /** The token and the forms it travels in (base64, percent-encoded), for redaction. */
  readonly #secrets: ReadonlySet<string>;
  /** Matches any of them (longest first) or a `[redacted]` already in place; undefined without a token. */
  readonly #secretPattern: RegExp | undefined;
  /** What every call sends unless its operation says otherwise: the token, if any. */
  readonly #default: Sent;
  /** The same without any credential, for an operation that takes none (`anonymous`). */
  readonly #anonymous: Sent;
  /** `defaultHeaders` names an `Accept` (an API version pinned by media type): it wins. */
  readonly #ownAccept: boolean;
  /** Every credential the client has, by the scheme name `APIRequest.security` uses. */
  readonly #credentials: ReadonlyMap<string, SentCredential>;
  /** What a call sends for each alternative chosen so far (`#sentFor`), by its schemes. */
  readonly #sentByAlternative = new Map<string, Sent>();
  /** The names of every query parameter that carries a credential, removed on a cross-origin redirect. */
  readonly #queryCredentials: readonly string[];
  readonly #userAgent: HeaderRecord | undefined;
  readonly #defaultHeaders: HeadersInput | undefined;
  /** Follow redirects here (fetch shows them: not a browser) rather than in fetch (browsers). */
  #manualRedirects: boolean;
  readonly #clientParams: Readonly<Record<string, ClientParam>>;
  /** `baseURL` has no scheme (`/api`, `v1`, `//host/api`): resolved per call (`requestBase`). */
  readonly #relativeBase: boolean;
  /** Operations with their own server go there (`ClientCoreOptions.operationServers`). */
  readonly #operationServers: boolean;
  /** The options gave a fetch of their own, which may take a relative URL. */
  readonly #ownFetch: boolean;
  readonly #guards: ResponseGuards | undefined;
  readonly #logger: Logger;
  readonly #logRank: number;

  constructor(options: ClientCoreOptions) {
    checkOptionTypes(options);
    // Spaces around it (a pasted value) are not part of the URL: fetch would ignore them, a path
    // joined to it would not.
    this.baseURL = options.baseURL.trim();
    // As fetch reads it (a tab inside the scheme, spaces around it are ignored), not as written.
    this.#relativeBase = isRelativeURL(options.baseURL);
    this.#ownFetch = options.fetch !== undefined;
    this.#operationServers = options.operationServers === true;
    const problem = this.#relativeBase
      ? resolvedURL(this.baseURL) === undefined
        ? invalidRelativeBase(this.baseURL)
        : undefined
      : baseURLProblem(this.baseURL, this.#ownFetch);
    if (problem !== undefined) throw new SDKError(problem);
    this.timeout = checkTimeout(options.timeout ?? DEFAULTS.timeout);
    this.maxRetries = checkCount(
      'maxRetries',
      options.maxRetries ?? DEFAULTS.maxRetries,
      'integer',
    );
    this.maxResponseSize = checkCount(
      'maxResponseSize',
      options.maxResponseSize ?? DEFAULTS.maxResponseSize,
      'bytes',
    );
    const backoff = { ...DEFAULTS.backoff, ...definedOnly(options.backoff ?? {}) };
    for (const [name, value] of Object.entries(backoff)) {
      checkCount(`backoff.${name}`, value, 'milliseconds');
      // A wait of its own must end; only the longest Retry-After to honour may be unbounded.
      if (name !== 'maxRetryAfter' && !Number.isFinite(value))
        throw new SDKError(
          `backoff.${name} must be a finite number of milliseconds, got ${String(value)}: the first retry would never start.`,
        );
    }
    this.backoff = backoff;
    this.autoIdempotencyKeys = options.autoIdempotencyKeys ?? true;
    const mode = (this.responseValidation = options.responseValidation ?? 'off');
    if (mode !== 'off' && ((mode !== 'warn' && mode !== 'throw') || !options.responseGuards)) {
      throw new SDKError(
        `responseValidation must be 'off', or 'warn' or 'throw' with responseGuards (import { responseGuards } from the package); ` +
          `got ${JSON.stringify(mode)}${options.responseGuards ? '' : ' without responseGuards'}.`,
      );
    }
    this.#guards = options.responseGuards;
    this.#logger = options.logger ?? globalThis.console;
    this.#logRank = logLevelRank(options.logLevel ?? DEFAULT_LOG_LEVEL);

    const auth = options.auth ?? { in: 'header', name: 'Authorization', scheme: 'Bearer' };
    const token = sentCredential(options.token, auth);
    const credentials = givenCredentials(options.credentials, options.credentialSchemes ?? []);
    // The token under its scheme's name too, as `APIRequest.security` names it.
    if (token !== undefined && options.tokenScheme !== undefined)
      credentials.set(options.tokenScheme, token);
    this.#credentials = credentials;
    const runtime = serverRuntime();
    this.#manualRedirects = showsRedirects();
    const secrets = [token, ...credentials.values()].flatMap((sent) => sent?.secrets ?? []);
    // Credentials a fetch of the caller's own takes in the base URL are secrets too.
    secrets.push(...urlCredentials(this.baseURL));
    this.#secrets = new Set(secrets);
    this.#secretPattern =
      secrets.length === 0
        ? undefined
        : new RegExp(
            ['[redacted]', ...[...this.#secrets].sort((a, b) => b.length - a.length)]
              .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('|'),
            'g',
          );
    this.#userAgent =
      options.sdk === undefined || runtime === undefined
        ? undefined
        : { 'User-Agent': `${options.sdk} ${runtime}` };
    this.#defaultHeaders = options.defaultHeaders;
    this.#queryCredentials = [
      ...new Set(
        [token, ...credentials.values()].flatMap((sent) =>
          sent?.in === 'query' ? [sent.name] : [],
        ),
      ),
    ];
    this.#anonymous = this.#sending([]);
    this.#default = this.#sending(token === undefined ? [] : [token]);
    // Every other credential checked now (a value no header or cookie can carry), not at the first
    // call that sends it.
    for (const sent of credentials.values()) this.#sending([sent]);
    this.#ownAccept = setsHeader(options.defaultHeaders, 'accept');
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.#clientParams = options.clientParams ?? {};
    for (const [name, param] of Object.entries(this.#clientParams))
      checkClientParam(name, param.value, param.howToSet);
  }

  /**
   * What a call sends with `credentials`: `Accept`, `User-Agent`, the header credentials and the
   * default headers (which win), the cookie credentials joined to the default headers' cookies
   * (RFC 6265 §5.4: one header, `; ` between), and the query credentials.
   */
  #sending(credentials: readonly SentCredential[]): Sent {
    const placed = (place: SentCredential['in']) =>
      credentials
        .filter((sent) => sent.in === place)
        .map((sent): [name: string, value: string] => [sent.name, sent.value]);
    const headers = mergeHeaders(
      { Accept: 'application/json' },
      this.#userAgent,
      Object.fromEntries(placed('header')),
      this.#defaultHeaders,
    );
    const cookies = placed('cookie');
    if (cookies.length > 0) {
      const cookie = [headers['cookie'], ...cookies.map((pair) => pair.join('='))];
      Object.assign(headers, mergeHeaders({ cookie: cookie.filter(Boolean).join('; ') }));
      for (const [name, value] of cookies) assertCookieValue(value, name);
    }
    const query = placed('query');
    return { headers, query: query.length === 0 ? undefined : Object.fromEntries(query) };
  }

  /**
   * What a call of an operation sends: nothing for one that takes no credential (`anonymous`),
   * the credentials of the first alternative of its `security` the client meets
   * (internal/credentials.ts `chosenAlternative`), else the token as any call.
   */
  #sentFor(request: Pick<APIRequest, 'anonymous' | 'security'>): Sent {
    if (request.anonymous === true) return this.#anonymous;
    if (request.security === undefined) return this.#default;
    const chosen = chosenAlternative(request.security, (scheme) => this.#credentials.has(scheme));
    if (chosen === undefined) return this.#default;
    const key = JSON.stringify(chosen);
    let sent = this.#sentByAlternative.get(key);
    if (sent === undefined) {
      sent = this.#sending(chosen.map((scheme) => this.#credentials.get(scheme)!));
      this.#sentByAlternative.set(key, sent);
    }
    return sent;
  }

  /**
   * The value of a parameter the client can fill itself: `given` when the caller passed one,
   * otherwise the client's.
   * @throws SDKError naming how to provide it when neither is set.
   */
  clientParam<T>(name: string, given: T | undefined): T | string {
    if (given !== undefined) return given;
    const param = this.#clientParams[name];
    if (param?.value !== undefined) return param.value;
    throw new SDKError(
      `Missing "${name}": pass it to this method, or ${param?.howToSet ?? 'set it on the client'}.`,
    );
  }

  /**
   * Checks that the caller gave each required query and header parameter (TypeScript asks for
   * them; JavaScript and `as` need not): `required` lists what each is (`query parameter "q"`)
   * and its path in `params` (`['q']`, `['query', 'q']`). A value that is `undefined` or `null`
   * is missing (either would send nothing).
   * @throws SDKError naming the first one missing, the operation (`where`) and where to pass it.
   */
  requireParams(
    where: string,
    params: unknown,
    required: readonly (readonly [what: string, ...path: string[]])[],
  ): void {
    for (const [what, ...path] of required) {
      let value: unknown = params;
      for (const key of path)
        value =
          typeof value === 'object' && value !== null
            ? (value as Record<string, unknown>)[key]
            : undefined;
      if (value === undefined || value === null) {
        const at = path
          .map((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
          .join('');
        throw new SDKError(`Missing the required ${what} of ${where}: pass params${at}.`);
      }
    }
  }

  /**
   * The base URL of a request: `baseURL`, or, when it is relative (a server URL relative to where
   * the API's description is served, OpenAPI 3.1 §4.8.5), resolved as fetch would resolve it:
   * against `document.baseURI`, else `location.href` (browsers, workers, Deno with `--location`).
   * Without either, a fetch of the caller's own gets it as written. The typed path client uses it.
   * An operation's own absolute `server` instead, while the client uses the spec's default base
   * URL; its relative one (`/uploads`, `v2`) resolved against the base URL in use, read as a
   * folder whether or not it ends in `/` (RFC 3986 §5.2: `v2` against `https://h/api/v1` is
   * `https://h/api/v1/v2`, `../v2` is `https://h/api/v2`): it is relative to where the description
   * is served (OpenAPI 3.1.1 §4.8.5), which the client does not know, and the base URL is the
   * API's place it does.
   * @throws SDKError when it is relative and nothing can resolve it, naming the fix.
   */
  requestBase(server?: string): string {
    if (server !== undefined && isRelativeURL(server)) {
      const base = this.requestBase();
      // The base URL read as the folder it names, with or without its trailing slash (calls
      // treat `…/v1` and `…/v1/` alike, so must this): `v2` → `…/v1/v2`, `../v2` → `…/v2`.
      // A relative base a fetch of the caller's own takes as written: nothing to resolve against.
      const folder = `${splitBaseURL(base).base}/`;
      return resolvedURL(server, folder) ?? base;
    }
    if (server !== undefined && this.#operationServers) return server;
    if (!this.#relativeBase) return this.baseURL;
    const scope = globalThis as { document?: { baseURI?: unknown }; location?: { href?: unknown } };
    const page = scope.document?.baseURI ?? scope.location?.href;
    if (typeof page === 'string') {
      const resolved = resolvedURL(this.baseURL, page);
      if (resolved === undefined) throw new SDKError(invalidRelativeBase(this.baseURL, page));
      const problem = baseURLProblem(resolved, this.#ownFetch);
      if (problem !== undefined) throw new SDKError(problem);
      return resolved;
    }
    if (this.#ownFetch) return this.baseURL;
    const example = shownURL(
      (resolvedURL(this.baseURL, 'https://api.example.com/') ?? 'https://api.example.com').replace(
        /\/+$/,
        '',
      ),
    );
    throw new SDKError(
      `The base URL ${JSON.stringify(shownURL(this.baseURL))} is relative, and there is no page to resolve it against here (no document or location, as in Node). ` +
        `Pass the API's absolute URL as the client's baseURL option, e.g. { baseURL: '${example}' }, or a fetch of your own that takes relative URLs.`,
    );
  }

  /**
   * Sends one call (retrying as allowed); await it for the data, or use `withResponse()`. Resource
   * methods pass a function that builds the request, so that a bad argument (an empty path
   * parameter, …) rejects the returned promise rather than throwing where the method is called.
   */
  request<T>(request: APIRequestInput, options: RequestOptions = {}): APIPromise<T> {
    return new APIPromise<T>(this.#call<T>(request, options));
  }

  /**
   * Sends a list call; the result can be awaited (one page) or iterated (every item). The options
   * go with every page request; a caller's idempotency key with the first only (a repeat of it
   * would replay the first page), while automatic keys are new for each page.
   */
  requestPage<Body, Item>(
    input: APIRequestInput,
    pagination: CursorPagination,
    options: RequestOptions = {},
  ): PagePromise<Body, Item> {
    const { idempotencyKey: _firstPageOnly, ...laterOptions } = options;
    let first = true;
    // Built once, here; a bad argument rejects the first page (and so the promise and iteration).
    let request: APIRequest | undefined;
    let failure: { error: unknown } | undefined;
    try {
      request = typeof input === 'function' ? input() : input;
    } catch (error) {
      failure = { error };
    }
    return new PagePromise<Body, Item>(
      (query) => {
        const callOptions = first ? options : laterOptions;
        first = false;
        return this.request<Body>(() => {
          if (request === undefined) throw failure?.error;
          return { ...request, query };
        }, callOptions);
      },
      request?.query ?? {},
      pagination,
      { text: (text) => this.redact(text), value: (value) => this.redactValue(value) },
    );
  }

  /** Headers every request carries: `Accept`, `User-Agent`, the credential and the default headers. The typed path client uses them too. */
  baseHeaders(): HeaderRecord {
    return { ...this.#default.headers };
  }

  /**
   * The `Accept` an operation asks for (its success and error media types), unless the client's
   * `defaultHeaders` name one, which every request carries as given: the caller's wins.
   */
  operationAccept(accept: string | undefined): string | undefined {
    return this.#ownAccept ? undefined : accept;
  }

  /** Query parameters every request carries: the credential, when the scheme puts it in the query. */
  baseQuery(): Record<string, string> {
    return { ...this.#default.query };
  }

  /**
   * The headers and query parameters a call of this operation starts with: `baseHeaders()` and
   * `baseQuery()`, or another alternative of its `security` (`APIRequest.security`), or none of
   * the credentials (`anonymous`). The typed path client sends them too.
   */
  operationCredentials(operation: Pick<APIRequest, 'anonymous' | 'security'>): {
    headers: HeaderRecord;
    query: Record<string, string>;
  } {
    const sent = this.#sentFor(operation);
    return { headers: { ...sent.headers }, query: { ...sent.query } };
  }

  /**
   * fetch, with redirects followed under the client's rules (internal/redirect.ts): nothing that
   * may carry a credential, and no body, ever goes to another origin. The typed path client sends
   * through it too. `where` names the request in that error's message (`GET /plans`).
   * @throws APIError for a redirect that is not followed, saying why.
   */
  async fetchFollowing(
    url: string,
    init: FetchInit,
    fetch = this.fetch,
    where?: string,
  ): Promise<Response> {
    if (!this.#manualRedirects) return answerOf(await fetch(url, init));
    const query = this.#queryCredentials;
    for (let hops = 0; ; hops++) {
      const response = answerOf(await fetch(url, { ...init, redirect: 'manual' }));
      if (response.type === 'opaqueredirect') return this.#hiddenRedirect(url, init, fetch);
      const next = redirect(response, url, init, hops, query);
      if (next === undefined) return response;
      discard(response);
      if ('refused' in next) {
        throw APIError.generate(
          response.status,
          undefined,
          this.#safeHeaders(response.headers),
          this.redact(
            `${response.status} redirect${where === undefined ? '' : ` of ${truncate(where)}`} to ${truncate(next.location)} not followed: ${next.refused}.`,
          ),
        );
      }
      ({ url, init } = next);
    }
  }

  /**
   * The answer to a request whose redirect this fetch hid from `redirect: 'manual'` (an opaque
   * response, as a browser's fetch gives, here where Node's globals say otherwise: Electron's
   * renderer, a test environment's fetch). The client cannot see where it leads, so from now on
   * this client leaves redirects to fetch's own rules. A request that is safe to send again
   * (RFC 9110 §9.2.1: GET, HEAD, OPTIONS, TRACE) is sent again so; any other is not, since the
   * server has acted on it once already.
   * @throws SDKError for a request that is not safe to send again.
   */
  async #hiddenRedirect(url: string, init: FetchInit, fetch: Fetch): Promise<Response> {
    this.#manualRedirects = false;
    const method = (init.method ?? 'GET').toUpperCase();
    if (['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method))
      return answerOf(await fetch(url, init));
    throw new SDKError(
      this.redact(
        `The ${method} to ${truncate(url)} was answered with a redirect that this fetch hides from the client (\`redirect: 'manual'\` gave an opaque response, as a browser's fetch does), so it was not followed: following it would send the ${method} again. Later calls leave redirects to this fetch. Not retried.`,
      ),
    );
  }

  /** Steps 1 to 4 for one call, as one async function (fewer promises on the way of every call). */
  async #call<T>(input: APIRequestInput, options: RequestOptions): Promise<Outcome<T>> {
    let prepared: PreparedRequest | undefined;
    try {
      const request = typeof input === 'function' ? input() : input;
      prepared = this.buildRequest(request, options);
      const maxRetries =
        options.maxRetries === undefined
          ? this.maxRetries
          : checkCount('maxRetries', options.maxRetries, 'integer');
      // Checked before the first attempt, as maxRetries and timeout are: read only once an answer
      // came, a wrong one failed a call the server had already acted on.
      if (options.maxResponseSize !== undefined)
        checkCount('maxResponseSize', options.maxResponseSize, 'bytes');
      checkSignal(options.signal);
      const retries =
        isRetryableMethod(prepared.method, prepared.idempotencyKey !== undefined) &&
        !(prepared.init.body instanceof ReadableStream)
          ? maxRetries
          : 0;
      for (let retry = 0; ; retry++) {
        const started = this.#logRank >= 4 ? Date.now() : 0;
        let attempt: Attempt;
        try {
          attempt = await this.send(prepared, request, options);
        } catch (error) {
          if (retry < retries && error instanceof APIConnectionError) {
            await this.#pause(retry, retries, undefined, prepared, error.message, options.signal);
            continue;
          }
          // A call that took minutes says why: "timed out after 60000 ms" alone reads as one wait.
          if (retry > 0 && error instanceof APIConnectionError)
            addSentence(
              error,
              `Gave up after ${retry + 1} attempts${error instanceof APIConnectionTimeoutError ? ', each with its own timeout' : ''}.`,
            );
          throw error;
        }
        const { response, data } = attempt;
        if (this.#logRank >= 4)
          this.#log(
            4,
            'debug',
            `${describe(prepared)} → ${response.status} in ${Date.now() - started} ms`,
          );
        if (response.ok)
          return {
            data: this.checkResponse<T>(response, data, request),
            response,
            idempotencyKey: prepared.idempotencyKey,
          };
        let notRetried: string | undefined;
        if (retry < retries && isRetryableStatus(response.status)) {
          notRetried = await this.#pause(
            retry,
            retries,
            response.headers,
            prepared,
            String(response.status),
            options.signal,
          );
          if (notRetried === undefined) continue;
        }
        const error = this.makeError(
          response.status,
          data,
          headersToObject(response.headers),
          response.statusText,
          this.#where(prepared, request),
        );
        if (attempt.unreadBody !== undefined)
          addSentence(error, this.redact(`Its body was not read: it is ${attempt.unreadBody}.`));
        // The status alone would hide that the call was (or, though retryable, was not) retried.
        if (notRetried !== undefined) addSentence(error, `Not retried: ${notRetried}.`);
        else if (retry > 0) addSentence(error, `Gave up after ${retry + 1} attempts.`);
        throw error;
      }
    } catch (error) {
      if (error instanceof SDKError && prepared?.idempotencyKey !== undefined)
        error.idempotencyKey = prepared.idempotencyKey;
      throw error;
    }
  }

  /**
   * Waits before a retry and resolves to `undefined`; or, when the server asks for a longer wait
   * than `maxRetryAfter` allows, waits for nothing and resolves to why there is no retry.
   */
  async #pause(
    retry: number,
    retries: number,
    headers: Headers | undefined,
    prepared: PreparedRequest,
    reason: string,
    signal: AbortSignal | undefined,
  ): Promise<string | undefined> {
    const delay = retryDelay(retry, headers, this.backoff);
    if (delay === undefined) {
      const asked = headers === undefined ? undefined : retryAfter(headers, Date.now());
      const why = `the server asked to wait ${asked !== undefined && Number.isFinite(asked) ? `${Math.ceil(asked)} ms` : 'longer than a number holds'} (Retry-After), more than maxRetryAfter (${this.backoff.maxRetryAfter} ms)`;
      this.#log(3, 'info', `${describe(prepared)}: not retrying after ${reason}: ${why}`);
      return why;
    }
    this.#log(
      3,
      'info',
      `${describe(prepared)}: retrying in ${Math.round(delay)} ms (retry ${retry + 1} of ${retries}) after ${reason}`,
    );
    await sleep(delay, signal);
    return undefined;
  }

  /** Step 1: URL, headers and body of one call, and its idempotency key. @throws SDKError for a header value HTTP cannot carry. */
  protected buildRequest(request: APIRequest, options: RequestOptions): PreparedRequest {
    const sent = this.#sentFor(request);
    const query = withQueryCredentials(request.query, sent.query);
    const { body, contentType = 'application/json' } = request;
    // fetch refuses a body on GET and HEAD (the Fetch standard's Request constructor): said
    // here, before anything is sent, not as a connection error retried for nothing.
    const method = request.method.toUpperCase();
    if (body !== undefined && (method === 'GET' || method === 'HEAD'))
      throw new SDKError(
        `A ${method} request cannot carry a body (fetch refuses one); nothing was sent. Send what it holds as query parameters.`,
      );
    // JSON has no NaN or Infinity, and a form field's text would be "NaN": refused, whatever the
    // media type, before anything is encoded or sent (internal/finite.ts).
    assertSendable(body, 'The request body');
    const encoded = body === undefined ? undefined : encodeBody(request, body, contentType);
    const clientHeaders = sent.headers;
    const headers = mergeHeaders(
      clientHeaders,
      request.accept === undefined || this.#ownAccept ? undefined : { Accept: request.accept },
      encoded?.contentType === undefined ? undefined : { 'Content-Type': encoded.contentType },
      request.headers,
      options.headers,
    );
    // A call's own cookies join the client's (its default cookies, its cookie credential) in the
    // one Cookie header (RFC 6265 §5.4), rather than replace them; `cookie: null` takes them off.
    const ownCookie = mergeHeaders(request.headers, options.headers)['cookie'];
    const clientCookie = clientHeaders['cookie'];
    if (ownCookie !== undefined && clientCookie !== undefined && headers['cookie'] === ownCookie)
      headers['cookie'] = joinedCookies(clientCookie, ownCookie);
    const keyHeader = (request.idempotencyHeader ?? 'Idempotency-Key').toLowerCase();
    if (request.idempotencyHeader !== undefined) {
      const key =
        options.idempotencyKey ??
        headers[keyHeader] ??
        (this.autoIdempotencyKeys ? randomUUID() : undefined);
      if (key !== undefined) Object.assign(headers, mergeHeaders({ [keyHeader]: key }));
    }
    const init: FetchInit = { method: request.method.toUpperCase(), headers };
    if (encoded !== undefined) {
      init.body = encoded.body;
      // Node's fetch sends a stream only as a half-duplex request.
      if (encoded.body instanceof ReadableStream) Object.assign(init, { duplex: 'half' });
    }
    return {
      method: request.method,
      url: buildURL(
        this.requestBase(request.server),
        request.path,
        query === undefined ? '' : serializeQuery(query, request.queryStyles),
      ),
      init,
      // Only where the operation declares the header does a key make an unsafe call retryable: a
      // key set by hand in `headers` elsewhere is sent, but the API does not say it honours it.
      idempotencyKey: request.idempotencyHeader === undefined ? undefined : headers[keyHeader],
    };
  }

  /**
   * Step 2: one attempt, under the call's timeout and abort signal, reading the body.
   *
   * fetch gets a signal that the timeout and the caller's `signal` both fire, so either cancels
   * the request at once: a timed-out attempt never lingers holding a connection while the next
   * one is sent. (Racing the attempt against a timer instead saves about 5% of a local request in
   * Node 20's fetch, but leaves every timed-out request open until the server answers.) The attempt
   * ends when that signal fires even if fetch or the body ignores it (a custom fetch, a mock whose
   * body stalls or whose `cancel()` never settles): the timeout limits the reading of the body too.
   * @throws APIConnectionError, APIConnectionTimeoutError or APIUserAbortError when there is no answer.
   */
  protected send(
    prepared: PreparedRequest,
    request: APIRequest,
    options: RequestOptions,
  ): Promise<Attempt> {
    const timeout = options.timeout === undefined ? this.timeout : checkTimeout(options.timeout);
    if (options.signal?.aborted)
      return Promise.reject(new APIUserAbortError(options.signal.reason));
    return this.#cancellable(prepared, request, options, timeout);
  }

  async #cancellable(
    prepared: PreparedRequest,
    request: APIRequest,
    options: RequestOptions,
    timeout: number,
  ): Promise<Attempt> {
    const { signal } = options;
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      timeout <= MAX_TIMER_MS
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeout)
        : undefined;
    try {
      return await untilAborted(
        this.#exchange(prepared, request, options, controller.signal),
        controller.signal,
      );
    } catch (error) {
      if (timedOut)
        throw new APIConnectionTimeoutError(
          timeout,
          `Request timed out after ${timeout} ms (${this.#where(prepared, request)}).`,
        );
      if (signal?.aborted) throw new APIUserAbortError(signal.reason);
      throw error;
    } finally {
      clearTimeout(timer);
      // An event stream outlives the attempt: the caller's signal still cancels it (streaming.ts).
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * fetch and read the body; what fetch or the body's stream throws becomes an APIConnectionError,
   * or an InvalidResponseError when the answer is not valid HTTP or its body does not decode
   * under its Content-Encoding (internal/invalid-http.ts).
   */
  async #exchange(
    prepared: PreparedRequest,
    request: APIRequest,
    options: RequestOptions,
    signal: AbortSignal,
  ): Promise<Attempt> {
    let answered: Response | undefined;
    const where = this.#where(prepared, request);
    try {
      const response = await this.fetchFollowing(
        prepared.url,
        { ...prepared.init, signal },
        this.fetch,
        where,
      );
      answered = response;
      const ctx = this.readContext(
        response,
        request.mayBeEmpty === true || prepared.method === 'head',
        options,
        where,
      );
      if (!response.ok) {
        try {
          return { response, data: await errorBody(response, ctx) };
        } catch (error) {
          const undecodable = signal.aborted ? undefined : undecodableBody(error, response);
          if (undecodable === undefined) throw error;
          return { response, data: undefined, unreadBody: undecodable };
        }
      }
      const { status } = response;
      if (prepared.method === 'head' || status === 204 || status === 205) {
        discard(response);
        if (!ctx.mayBeEmpty)
          throw ctx.fail(
            `The server answered ${status} without a body where the operation declares one.`,
          );
        return { response, data: undefined };
      }
      const read = otherReader(request, status) ?? request.read ?? readJSON;
      return { response, data: await read(response, ctx) };
    } catch (error) {
      if (error instanceof SDKError) throw error;
      throw this.fetchFailure(error, answered, signal.aborted, where);
    }
  }

  /**
   * The request as messages name it: its method and path (`GET /plans/pln_1`), never its query,
   * which may carry the credential; the token redacted from the path too.
   */
  #where(prepared: PreparedRequest, request: APIRequest): string {
    return this.redact(`${prepared.method.toUpperCase()} ${request.path}`);
  }

  /**
   * How the body of `response` is read (internal/read.ts): under the call's or the client's
   * `maxResponseSize`, failing with an InvalidResponseError with the token redacted. The typed path
   * client reads with it too.
   */
  readContext(
    response: Response,
    mayBeEmpty: boolean,
    options: RequestOptions = {},
    where?: string,
  ): ReadContext {
    return {
      where,
      limit:
        options.maxResponseSize === undefined
          ? this.maxResponseSize
          : checkCount('maxResponseSize', options.maxResponseSize, 'bytes'),
      signal: options.signal,
      timeout: options.timeout === undefined ? this.timeout : checkTimeout(options.timeout),
      mayBeEmpty,
      fail: (message, body) =>
        new InvalidResponseError(
          this.redact(message),
          response.status,
          this.#safeHeaders(response.headers),
          this.redactValue(body),
        ),
      failure: (error) => this.fetchFailure(error, response, false, where, true),
    };
  }

  /**
   * What a fetch, or the read of its body, that threw becomes: an InvalidResponseError when the
   * answer is not valid HTTP or its body does not decode under its Content-Encoding
   * (internal/invalid-http.ts), else an APIConnectionError (retried where the method allows),
   * which says so when the connection closed in the middle of the body; `answered` is
   * the response whose body failed, if the headers came; `where` the operation (`GET /plans`),
   * for the message; `events`: an event stream's body, whose events before it were delivered. The
   * typed path client classifies with it.
   */
  fetchFailure(
    error: unknown,
    answered: Response | undefined,
    aborted: boolean,
    where?: string,
    events = false,
  ): SDKError {
    const invalid = aborted ? undefined : invalidAnswer(error, answered, where);
    if (invalid !== undefined)
      return new InvalidResponseError(
        this.redact(`${invalid}. Not retried.`),
        answered?.status ?? 0,
        answered === undefined ? {} : this.#safeHeaders(answered.headers),
        undefined,
      );
    const cut = aborted ? undefined : cutShortAnswer(error, answered, where, events);
    const request = where === undefined ? '' : ` (${truncate(where)})`;
    return new APIConnectionError(
      this.redact(cut ?? `Connection error${request}: ${describeCause(error)}`),
      {
        cause: this.#redactError(error),
      },
    );
  }

  /** Step 4 for a 2xx: the data, checked by its guard when validation is on (validation.ts). */
  protected checkResponse<T>(response: Response, data: unknown, request: APIRequest): T {
    const { responseValidation: mode } = this;
    // The body of the response its status selected: `read`'s, or one of `responses` (`201`).
    const key = otherKey(request, response.status);
    const schema = key === undefined ? request.responseSchema : request.responseSchemas?.[key];
    const reader = key === undefined ? request.read : request.responses?.[key];
    // An empty body the operation allows (a declared 204) has nothing to check, nor has one a `*/*`
    // operation got as text or bytes (internal/read.ts readAny): its guard is for JSON.
    if (
      mode !== 'off' &&
      schema !== undefined &&
      data !== undefined &&
      (reader !== readAny || (anyIsJSON(response) && !(data instanceof Blob)))
    ) {
      this.#guards?.check(data, {
        schema,
        mode,
        where: this.redact(`${request.method.toUpperCase()} ${request.path}`),
        status: response.status,
        headers: this.#safeHeaders(response.headers),
        redact: (value) => this.redactValue(value),
        warn: (message) => this.#log(2, 'warn', message),
      });
    }
    return data as T;
  }

  /**
   * Step 4 for any other status: the error (the token redacted from all of it, in case the server
   * echoes it); `where` is the request, its method and path, which the message names.
   */
  protected makeError(
    status: number,
    body: unknown,
    headers: ResponseHeaders,
    statusText?: string,
    where?: string,
  ): APIError {
    const safeBody = this.redactValue(body);
    const safeHeaders = this.redactValue(headers) as ResponseHeaders;
    return APIError.generate(
      status,
      safeBody,
      safeHeaders,
      APIError.describe(
        status,
        safeBody,
        statusText && this.redact(statusText),
        where === undefined ? undefined : this.redact(where),
      ),
    );
  }

  /**
   * An error body's text with the token redacted, as an `APIError`'s body is: the typed path
   * client hands it to openapi-fetch, which parses it into the call's `error`. JSON is redacted
   * as parsed JSON (every string and key, whatever escapes the server wrote) and written back.
   */
  redactErrorText(text: string): string {
    if (this.#secretPattern === undefined) return text;
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return this.redact(text);
    }
    return nestedDeeperThan(body, MAX_ERROR_BODY_DEPTH)
      ? this.redact(text)
      : JSON.stringify(this.redactValue(body));
  }

  #safeHeaders(headers: Headers): ResponseHeaders {
    return this.redactValue(headersToObject(headers)) as ResponseHeaders;
  }

  /**
   * Writes a line when the level is on (callers on the hot path check the rank before building the
   * line). A logger that throws (a full disk, a closed stream) changes nothing about the call: its
   * error is dropped, since the request may already have been sent, and a caller handed the
   * logger's error instead of the answer would not know whether to send it again.
   */
  #log(rank: number, level: keyof Logger, message: string): void {
    if (rank > this.#logRank) return;
    try {
      this.#logger[level](this.redact(message));
    } catch {
      // Logging is best effort (above).
    }
  }

  /**
   * Replaces the token (and its encoded forms) with `[redacted]` where it appears in `text`, in one
   * pass, so text redacted before stays as it is. A form shorter than {@link SHORT_SECRET}
   * characters (a test's `'t'`) is replaced only where it stands alone, not inside a longer word
   * of any script: `notFound` and `Zoët` keep their `t` (the README says why).
   */
  protected redact(text: string): string {
    const pattern = this.#secretPattern;
    if (pattern === undefined) return text;
    const redacted = text.replace(pattern, (match: string, offset: number) => {
      if (!this.#secrets.has(match)) return match;
      if (
        match.length < SHORT_SECRET &&
        (isWordChar(codePointBefore(text, offset)) ||
          isWordChar(text.codePointAt(offset + match.length)))
      )
        return match;
      return '[redacted]';
    });
    return redacted.includes('…') ? this.#redactCut(redacted) : redacted;
  }

  /**
   * A token that a message cut short (`truncate`: 500 characters, then `…`) before it was
   * redacted: the start of it, {@link CUT_SECRET} characters or more, right before the `…`.
   */
  #redactCut(text: string): string {
    let out = text;
    for (const secret of this.#secrets) {
      if (secret.length < SHORT_SECRET) continue;
      for (let at = out.indexOf('…'); at !== -1; at = out.indexOf('…', at + 1)) {
        for (let length = Math.min(secret.length - 1, at); length >= CUT_SECRET; length--) {
          if (!out.startsWith(secret.slice(0, length), at - length)) continue;
          out = `${out.slice(0, at - length)}[redacted]${out.slice(at)}`;
          at = at - length + '[redacted]'.length;
          break;
        }
      }
    }
    return out;
  }

  /**
   * `redact` applied to every string in parsed JSON, keys included (a server may echo the token
   * as one); a key that does not hold the token keeps its name, so the body keeps its shape.
   * Iterative, so a body nested 100,000 levels deep (JSON.parse takes it) does not exhaust the
   * call stack.
   */
  protected redactValue(value: unknown): unknown {
    const copy = (item: unknown, pending: [object, object][]): unknown => {
      if (typeof item === 'string') return this.redact(item);
      if (typeof item !== 'object' || item === null) return item;
      const target = Array.isArray(item) ? [] : {};
      pending.push([item, target]);
      return target;
    };
    const pending: [object, object][] = [];
    const root = copy(value, pending);
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const [source, target] = next;
      if (Array.isArray(source)) {
        for (const item of source as unknown[]) (target as unknown[]).push(copy(item, pending));
        continue;
      }
      // defineProperty: an own `__proto__` key of parsed JSON stays a key, not the prototype.
      for (const [key, item] of Object.entries(source))
        Object.defineProperty(target, this.redact(key), {
          value: copy(item, pending),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return root;
  }

  /**
   * `error` itself, or a copy with the token redacted wherever `util.inspect` shows it: its message
   * (which its stack repeats), its causes, its own properties (a fetch wrapper's record of the
   * request, headers included), and the same in a thrown value that is no Error (a string, a
   * plain object). A copy keeps the class and every property. What lies deeper than
   * {@link MAX_CAUSE_DEPTH} levels is not read, so it is left out of a copy (it could hold the
   * token), as is an error that cannot be read (a getter that throws).
   */
  #redactError(error: unknown): unknown {
    const seen = new Map<object, unknown>();
    const copy = (value: unknown, depth: number): unknown => {
      if (typeof value === 'string') return this.redact(value);
      if (typeof value !== 'object' || value === null) return value;
      if (seen.has(value)) return seen.get(value);
      if (depth > MAX_CAUSE_DEPTH) return LEFT_OUT;
      const isError = value instanceof Error;
      const target: Record<string, unknown> = isError
        ? (Object.setPrototypeOf(
            new Error(),
            Object.getPrototypeOf(value) as object | null,
          ) as never)
        : Array.isArray(value)
          ? ([] as never)
          : {};
      seen.set(value, target);
      const set = (key: string, item: unknown, enumerable: boolean): void => {
        Object.defineProperty(target, this.redact(key), {
          value: copy(item, depth + 1),
          enumerable,
          writable: true,
          configurable: true,
        });
      };
      for (const [key, item] of Object.entries(value)) set(key, item, true);
      if (!isError) return target;
      // Not enumerable, yet inspected: the message, the cause, an AggregateError's errors. The name
      // and message are read from the error itself (a DOMException's are getters of its own).
      for (const key of ERROR_MEMBERS)
        if (
          (key === 'name' || key === 'message' || Object.hasOwn(value, key)) &&
          !Object.hasOwn(target, key)
        )
          set(key, (value as unknown as Record<string, unknown>)[key], false);
      // The stack repeats the message: written again from the redacted one, without frames.
      const error = target as unknown as Error;
      set('stack', `${error.name}: ${error.message}`, false);
      return target;
    };
    try {
      return this.#holdsSecret(error) ? copy(error, 0) : error;
    } catch {
      // A getter that throws, a proxy: nothing of it is shown.
      return LEFT_OUT;
    }
  }

  /** Whether `value`, read as `#redactError` reads it, holds a secret anywhere. */
  #holdsSecret(value: unknown): boolean {
    const seen = new Set<object>();
    const pending: [unknown, number][] = [[value, 0]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const [item, depth] = next;
      if (typeof item === 'string') {
        if (this.redact(item) !== item) return true;
        continue;
      }
      if (typeof item !== 'object' || item === null || seen.has(item)) continue;
      if (depth > MAX_CAUSE_DEPTH) return true;
      seen.add(item);
      for (const [key, member] of Object.entries(item)) {
        if (this.redact(key) !== key) return true;
        pending.push([member, depth + 1]);
      }
      if (item instanceof Error)
        for (const key of ERROR_MEMBERS)
          if (Object.hasOwn(item, key))
            pending.push([(item as unknown as Record<string, unknown>)[key], depth + 1]);
    }
    return false;
  }
}

/** The members of an Error `util.inspect` shows although they are not enumerable. */
const ERROR_MEMBERS = ['name', 'message', 'cause', 'errors'];
/** How deep {@link ClientCore} reads a thrown error for the token: its causes and properties. */
const MAX_CAUSE_DEPTH = 8;
/** What stands where a thrown error held the token deeper than it reads, or could not be read. */
const LEFT_OUT = '(left out: it may hold a credential, nested deeper than the client redacts)';

const CORES = new WeakMap<object, ClientCore>();

/** Links a client to its core, for functions that take the client (like the typed path client). */
export function linkCore(client: object, core: ClientCore): void {
  CORES.set(client, core);
}

/** The core of a client made by the generated client class. @throws SDKError for any other value. */
export function coreOf(client: object): ClientCore {
  const core = CORES.get(client);
  if (core === undefined)
    throw new SDKError('Expected a client made with `new` of the generated client class.');
  return core;
}

/** The shortest start of a secret cut short by a message that is redacted where it ends. */
const CUT_SECRET = 8;

/** Tokens shorter than this are redacted only where they stand alone (see `ClientCore.redact`). */
const SHORT_SECRET = 8;

/** A letter, mark or digit of any script, or `_`: `Zoët` is one word, its `t` no token. */
function isWordChar(code: number | undefined): boolean {
  return code !== undefined && /[\p{L}\p{M}\p{N}_]/u.test(String.fromCodePoint(code));
}

/** The code point that ends just before `offset` (both halves of a surrogate pair). */
function codePointBefore(text: string, offset: number): number | undefined {
  if (offset === 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) return text.codePointAt(offset - 2);
  return low;
}

/** `GET https://api.example.com/plans`, for log lines. */
function describe(prepared: PreparedRequest): string {
  return `${prepared.init.method!} ${prepared.url}`;
}

/** The reader of the response other than the success response that `status` selects, if it selects one. */
function otherReader(request: APIRequest, status: number): ResponseReader | undefined {
  const key = otherKey(request, status);
  return key === undefined ? undefined : request.responses?.[key];
}

/** The key of `responses` a 2xx `status` selects; undefined when it is `read`'s. */
function otherKey(request: APIRequest, status: number): string | undefined {
  const { responses } = request;
  if (responses === undefined) return undefined;
  const key = responseKey(status, [request.successKey ?? '', ...Object.keys(responses)]);
  return key === undefined || key === request.successKey || !Object.hasOwn(responses, key)
    ? undefined
    : key;
}

/**
 * An error body, decoded in the charset it names (UTF-8 by default, and for JSON whatever it names:
 * internal/read.ts `decoder`; invalid bytes become U+FFFD:
 * it is for the message): parsed JSON when the server says JSON, or when the text is a JSON object
 * or array under another label or none (`text/plain`, Express's `text/html` for a string it sent;
 * RFC 9110 §8.3 lets a recipient look, and openapi-fetch parses any error text it can); else the
 * text (also of JSON that does not parse, holds more arrays and objects than `maxResponseSize`
 * allows, or nests deeper than `MAX_ERROR_BODY_DEPTH` levels).
 */
async function errorBody(response: Response, ctx: ReadContext): Promise<unknown> {
  const { bytes, cut } = await readErrorBytes(response, ctx);
  const text = decoder(contentType(response)).decode(bytes);
  // Larger than maxResponseSize: its start, for the message (JSON cut short parses to nothing).
  if (cut) return `${text}…`;
  if (text === '') return undefined;
  const json = isJSONMediaType(contentType(response)) || /^\s*[[{]/.test(text);
  if (!json || tooManyContainers(text, ctx.limit)) return text;
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return text;
  }
  return nestedDeeperThan(body, MAX_ERROR_BODY_DEPTH) ? text : body;
}

/**
 * A timeout in milliseconds: a positive number (`Infinity` for none). 0 would end every call
 * before it started.
 * @throws SDKError otherwise.
 */
function checkTimeout(value: number): number {
  if (typeof value === 'number' && value > 0) return value;
  throw new SDKError(
    `timeout must be a positive number of milliseconds (Infinity for none), got ${valueText(value)}${value === 0 ? ', which would end every call before it starts' : ''}.`,
  );
}

/**
 * What a fetch resolved to, when it is a Response (of this runtime's fetch or another's: read by
 * its shape, as a polyfill's is not an instance of the global `Response`).
 * @throws SDKError when it is not: a custom fetch's mistake, which no retry mends.
 */
function answerOf(value: unknown): Response {
  const answer = value as Partial<Response> | null | undefined;
  if (
    typeof answer === 'object' &&
    answer !== null &&
    typeof answer.status === 'number' &&
    typeof answer.headers?.get === 'function' &&
    // The body is read as a web stream (a Node stream, node-fetch's, is not one).
    (answer.body === null || typeof answer.body?.getReader === 'function')
  )
    return answer as Response;
  throw new SDKError(
    `The fetch given in the client's options resolved to ${shown(value)}, not a Response: a fetch must resolve to a Response (the Fetch standard's, with status, headers and a body that is null or a ReadableStream). Not retried.`,
  );
}

/** `value` when it is a non-negative number (of `unit`); a clear error otherwise. */
function checkCount(
  name: string,
  value: number,
  unit: 'integer' | 'milliseconds' | 'bytes',
): number {
  if (
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    value < 0 ||
    (unit === 'integer' && !Number.isInteger(value))
  ) {
    throw new SDKError(
      `${name} must be a non-negative ${unit === 'integer' ? 'integer' : `number of ${unit}`}, got ${valueText(value)}.`,
    );
  }
  return value;
}

/**
 * Adds a sentence to an error's message, ending the one before with a period when it has no end
 * of its own (a server's `"message": "slow down"`), so that the two do not read as one.
 */
function addSentence(error: Error, sentence: string): void {
  const message = error.message.trimEnd();
  error.message = `${message}${/[.!?:;)]$/.test(message) || message === '' ? '' : '.'} ${sentence}`;
}

/** A number as `String()` writes it (`NaN`, `-1`), anything else by its kind (`the string "5"`). */
function valueText(value: unknown): string {
  return typeof value === 'number' ? String(value) : shown(value);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as Partial<T>;
}

/**
 * A random (version 4) UUID, RFC 9562 §5.4: `crypto.randomUUID()`, which only secure contexts
 * have (a page served over plain http from another host than localhost has none), else the same
 * from `crypto.getRandomValues`, which every context has.
 */
function randomUUID(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  // A plain object thrown as an error says its message; one without a prototype has no String().
  try {
    const message: unknown =
      typeof error === 'object' && error !== null
        ? (error as { message?: unknown }).message
        : error;
    return typeof message === 'string' ? message : String(error);
  } catch {
    return 'a thrown value that has no text';
  }
}

/**
 * The request body as sent: JSON, or the operation's own encoding (form, multipart).
 * @throws SDKError when it cannot be encoded (a value that contains itself, a BigInt: what
 * `JSON.stringify` refuses), with the encoder's error as its `cause`, before anything is sent.
 */
function encodeBody(
  request: APIRequest,
  body: unknown,
  contentType: string,
): { body: BodyInit; contentType?: string | undefined } {
  if (request.encode === undefined) assertJSONCarries(body, 'The request body');
  try {
    return request.encode === undefined
      ? { body: JSON.stringify(body), contentType }
      : request.encode(body, contentType, request.encoding);
  } catch (error) {
    if (error instanceof SDKError) throw error;
    throw new SDKError(
      `The request body cannot be encoded as ${contentType}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/**
 * Why a relative base URL is refused that no page resolves (`//:0/v1`: an invalid port): fetch
 * would throw a bare TypeError at every call.
 */
function invalidRelativeBase(baseURL: string, page?: string): string {
  return `The base URL ${JSON.stringify(shownURL(baseURL))} is not a valid URL${page === undefined ? '' : ` even resolved against the page ${JSON.stringify(shownURL(page))}`}. Pass the API's absolute URL, e.g. { baseURL: 'https://api.example.com' }.`;
}
