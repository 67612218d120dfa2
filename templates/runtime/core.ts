/**
 * Public: the core every generated client is built on. It holds the connection settings and the
 * token, turns an `APIRequest` from a resource method into a fetch call, and the response into
 * data or an `APIError`.
 *
 * Seams for the next steps of the runtime (each a protected method a subclass can override):
 * `buildRequest` (headers, body, idempotency keys), `send` (one fetch with timeout and abort;
 * retries go here), `parseResponse` (data or error; response validation goes here) and
 * `makeError` (typed errors).
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  SDKError,
  type ResponseHeaders,
} from './errors.ts';
import { headersToObject, mergeHeaders } from './internal/headers.ts';
import { serializeQuery, type QueryStyles } from './internal/query.ts';
import { buildURL } from './internal/url.ts';
import { PagePromise, type CursorPagination } from './pagination.ts';
import type { HeadersInput, RequestOptions } from './request-options.ts';

export type { QueryStyle, QueryStyles } from './internal/query.ts';

/** The fetch function the client calls; `globalThis.fetch` unless the options give another. */
export type Fetch = (input: string | Request, init?: RequestInit) => Promise<Response>;

export type HTTPMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** A parameter the client can fill itself, like the `project` in every path. */
export interface ClientParam {
  /** The value from the client options or the environment, if any. */
  value: string | undefined;
  /** How to provide it, for the error when it is missing: "set `project` on the client …". */
  hint: string;
}

export interface ClientCoreOptions {
  /** Where requests go, e.g. `https://api.example.com`; a path prefix is kept. */
  baseURL: string;
  /** The secret sent with every request; kept in a private field, never in a message or in JSON. */
  token?: string | undefined;
  /** The header that carries the token: `Authorization: Bearer <token>` unless given. */
  auth?: { header: string; scheme?: string | undefined };
  /** Headers sent with every request. */
  defaultHeaders?: HeadersInput | undefined;
  /** Replaces `globalThis.fetch` (tests, proxies, instrumentation). */
  fetch?: Fetch | undefined;
  /** Milliseconds before a request is abandoned; default 60 000. */
  timeout?: number | undefined;
  /** Reserved for retries; see `RequestOptions.maxRetries`. Default 2. */
  maxRetries?: number | undefined;
  /** Parameters the client fills itself, by name. */
  clientParams?: Readonly<Record<string, ClientParam>> | undefined;
}

/** What a resource method hands to the core: everything about the call except per-call options. */
export interface APIRequest {
  method: HTTPMethod;
  /** The path, already encoded (built with the `path` template tag). */
  path: string;
  query?: Readonly<Record<string, unknown>>;
  /** Serialisation of the query parameters that are not `form` + `explode: true`. */
  queryStyles?: QueryStyles;
  /** Header parameters of the operation. */
  headers?: HeadersInput;
  body?: unknown;
  /** Media type of `body`; `application/json` unless given. */
  contentType?: string;
  /** The header that takes `RequestOptions.idempotencyKey` for this operation, if it takes one. */
  idempotencyHeader?: string;
}

/** A request ready for fetch. */
export interface PreparedRequest {
  url: string;
  init: RequestInit;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_TIMER_MS = 2_147_483_647;

export class ClientCore {
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly #token: string | undefined;
  readonly #auth: { header: string; scheme?: string | undefined };
  readonly #defaultHeaders: HeadersInput | undefined;
  readonly #fetch: Fetch;
  readonly #clientParams: Readonly<Record<string, ClientParam>>;

  constructor(options: ClientCoreOptions) {
    this.baseURL = options.baseURL;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? 2;
    this.#token = options.token;
    this.#auth = options.auth ?? { header: 'Authorization', scheme: 'Bearer' };
    this.#defaultHeaders = options.defaultHeaders;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#clientParams = options.clientParams ?? {};
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
    throw new SDKError(`Missing "${name}": pass it to this method, or ${param?.hint ?? 'set it on the client'}.`);
  }

  /** Sends one request and resolves with the response data (`undefined` for 204). */
  async request<T>(request: APIRequest, options: RequestOptions = {}): Promise<T> {
    const prepared = this.buildRequest(request, options);
    return this.send(prepared, options, (response) => this.parseResponse<T>(response, request));
  }

  /**
   * Sends a list request; the result can be awaited (one page) or iterated (every item). The
   * idempotency key goes with the first page only: a repeat of it would replay the first page.
   */
  requestPage<Body, Item>(
    request: APIRequest,
    pagination: CursorPagination,
    options: RequestOptions = {},
  ): PagePromise<Body, Item> {
    const { idempotencyKey: _firstPageOnly, ...laterOptions } = options;
    let first = true;
    return new PagePromise<Body, Item>(
      (query) => {
        const callOptions = first ? options : laterOptions;
        first = false;
        return this.request<Body>({ ...request, query }, callOptions);
      },
      request.query ?? {},
      pagination,
    );
  }

  /**
   * Headers every request carries: `Accept`, the auth header and the default headers. The typed
   * path client uses them too.
   */
  baseHeaders(): Headers {
    const auth =
      this.#token === undefined
        ? undefined
        : { [this.#auth.header]: this.#auth.scheme === undefined ? this.#token : `${this.#auth.scheme} ${this.#token}` };
    return mergeHeaders({ Accept: 'application/json' }, auth, this.#defaultHeaders);
  }

  /** Seam: URL, headers and body of one request. */
  protected buildRequest(request: APIRequest, options: RequestOptions): PreparedRequest {
    const query = serializeQuery(request.query ?? {}, request.queryStyles);
    const body = encodeBody(request.body, request.contentType);
    const idempotency =
      request.idempotencyHeader !== undefined && options.idempotencyKey !== undefined
        ? { [request.idempotencyHeader]: options.idempotencyKey }
        : undefined;
    const headers = mergeHeaders(
      this.baseHeaders(),
      body.contentType === undefined ? undefined : { 'Content-Type': body.contentType },
      request.headers,
      idempotency,
      options.headers,
    );
    const init: RequestInit = { method: request.method.toUpperCase(), headers };
    if (body.body !== undefined) init.body = body.body;
    return { url: buildURL(this.baseURL, request.path, query), init };
  }

  /**
   * Seam: sends a prepared request once, under the call's timeout and abort signal, and hands the
   * response to `read` (the timeout covers reading the body too). Retries will wrap this.
   */
  protected async send<T>(
    prepared: PreparedRequest,
    options: RequestOptions,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const timeout = options.timeout ?? this.timeout;
    const userSignal = options.signal;
    if (userSignal?.aborted) throw new APIUserAbortError();
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = (): void => controller.abort();
    userSignal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      Number.isFinite(timeout) && timeout >= 0 && timeout <= MAX_TIMER_MS
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeout)
        : undefined;
    try {
      const response = await this.#fetch(prepared.url, { ...prepared.init, signal: controller.signal });
      return await read(response);
    } catch (error) {
      if (error instanceof SDKError) throw error;
      if (timedOut) throw new APIConnectionTimeoutError(timeout);
      if (userSignal?.aborted) throw new APIUserAbortError();
      throw new APIConnectionError(this.redact(`Connection error: ${describeCause(error)}`), { cause: error });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      userSignal?.removeEventListener('abort', onAbort);
    }
  }

  /** Seam: turns a response into data (2xx) or throws the matching `APIError`. Validation goes here. */
  protected async parseResponse<T>(response: Response, request: APIRequest): Promise<T> {
    const body = await readBody(response, request.method);
    if (!response.ok) {
      throw this.makeError(response.status, body.ok ? body.value : body.text, headersToObject(response.headers));
    }
    if (!body.ok) {
      throw new SDKError(`The server answered ${response.status} with a body that is not valid JSON.`);
    }
    return body.value as T;
  }

  /** Seam: the error for a non-2xx response (the token redacted from all of it, in case the server echoes it). */
  protected makeError(status: number, body: unknown, headers: ResponseHeaders): APIError {
    const safeBody = this.redactValue(body);
    const safeHeaders = this.redactValue(headers) as ResponseHeaders;
    return APIError.generate(status, safeBody, safeHeaders, APIError.describe(status, safeBody));
  }

  /** Replaces the token wherever it appears in `text`. */
  protected redact(text: string): string {
    return this.#token === undefined || this.#token === '' ? text : text.split(this.#token).join('[redacted]');
  }

  /** `redact` applied to every string in parsed JSON (keys included). */
  protected redactValue(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item: unknown) => this.redactValue(item));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.redact(key), this.redactValue(item)]));
    }
    return value;
  }

  toJSON(): { baseURL: string; timeout: number; maxRetries: number } {
    return { baseURL: this.baseURL, timeout: this.timeout, maxRetries: this.maxRetries };
  }
}

type ReadBody = { ok: true; value: unknown } | { ok: false; text: string };

/** Reads a body: nothing for 204/205/304/HEAD or an empty body, JSON for JSON media types, else text. */
async function readBody(response: Response, method: HTTPMethod): Promise<ReadBody> {
  if (method === 'head' || response.status === 204 || response.status === 205 || response.status === 304) {
    await response.body?.cancel();
    return { ok: true, value: undefined };
  }
  const text = await response.text();
  if (text === '') return { ok: true, value: undefined };
  if (!isJSONMediaType(response.headers.get('content-type'))) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, text };
  }
}

function isJSONMediaType(contentType: string | null | undefined): boolean {
  if (contentType === null || contentType === undefined) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

/** The body as fetch takes it, and the `Content-Type` to send (none for multipart: fetch sets the boundary). */
function encodeBody(
  body: unknown,
  contentType = 'application/json',
): { body?: BodyInit; contentType?: string } {
  if (body === undefined) return {};
  if (isJSONMediaType(contentType)) return { body: JSON.stringify(body), contentType };
  if (contentType === 'application/x-www-form-urlencoded' && isRecord(body)) {
    return { body: serializeQuery(body), contentType };
  }
  if (contentType === 'multipart/form-data') {
    if (body instanceof FormData) return { body };
    if (isRecord(body)) return { body: toFormData(body) };
  }
  if (isBodyInit(body)) return { body, contentType };
  throw new SDKError(`Cannot send a ${typeof body} body as ${contentType}; pass a string, Blob, or byte array.`);
}

/** Each property becomes a part: Blobs and strings as they are, arrays as repeated parts, anything else as JSON. */
function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  const append = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (value instanceof Blob) form.append(name, value);
    else if (typeof value === 'string') form.append(name, value);
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') form.append(name, String(value));
    else form.append(name, JSON.stringify(value));
  };
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) for (const item of value) append(name, item);
    else append(name, value);
  }
  return form;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBodyInit(value: unknown): value is BodyInit {
  return (
    typeof value === 'string' ||
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof URLSearchParams ||
    value instanceof FormData ||
    value instanceof ReadableStream
  );
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
