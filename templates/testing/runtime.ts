/**
 * Public: the testing kit's runtime, on MSW 2 (https://mswjs.io). One {@link OperationMock} per
 * operation of the API; the generated `testing/index.ts` creates them, typed with the operation's
 * result, request body and error body, and gathers their MSW handlers:
 *
 * ```ts
 * const mock = createMock();
 * const server = setupServer(...mock.handlers);        // msw/node; setupWorker in a browser
 * mock.plans.retrieve.reply({ ...fixtures.plans.retrieve, name: 'Custom' });
 * mock.plans.retrieve.fail(404, { object: 'error', type: 'notFound', message: 'No such plan' });
 * mock.plans.list.items([planA, planB, planC], { pageSize: 2 }); // served page by page
 * expect(mock.plans.retrieve.calls[0]?.params.plan).toBe('pln_1');
 * ```
 *
 * Without an override an operation answers with its default: the spec's example of its success
 * response, else the smallest value its schema allows (the generator computes it). A list
 * operation serves the items of that answer with cursor pagination, like the API. Overrides stack:
 * the newest answers first; one given with `once: true` answers one call and is then gone.
 */
import { delay as mswDelay, http, HttpResponse, type HttpHandler } from 'msw';

/** What the generator knows about one operation. */
export interface OperationDefinition {
  /** Where the operation lives in the client, e.g. `plans.retrieve` (for messages). */
  name: string;
  method: 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
  /** The path template as in the spec, e.g. `/projects/{project}/plans/{plan}`. */
  path: string;
  /** The status of the success response, e.g. `200`. */
  status: number;
  /** The success response's media type; undefined when it has no body. */
  contentType?: string | undefined;
  /**
   * How the client reads the success body when it is not JSON: `text` as a string, `binary` as a
   * `Blob`, `form` as `URLSearchParams`, `multipart` as `FormData`, `event-stream` as events, `any`
   * by the response's own type (the mock answers JSON).
   */
  kind?: 'text' | 'binary' | 'form' | 'multipart' | 'event-stream' | 'any' | undefined;
  /**
   * The default answer: the spec's example, else a minimal value of the schema; for text and event
   * streams a string, for a form its fields; none for an empty binary or multipart body.
   */
  example?: unknown;
  /** The spec's first request body example, for `requestFixtures`. */
  requestExample?: unknown;
  /**
   * How the mock records the request body (`calls[].body`): `json` parsed, `form` and `multipart`
   * as their fields, `binary` as a `Blob`, `text` and `event-stream` as text; `any`, or none, by
   * the request's own `Content-Type`.
   */
  requestKind?:
    'json' | 'text' | 'binary' | 'form' | 'multipart' | 'event-stream' | 'any' | undefined;
  /** The request body's media type, for a binary `requestFixtures` entry's `Blob`. */
  requestContentType?: string | undefined;
  /** The fields of a form or multipart body that are arrays: recorded as lists even with one value. */
  listFields?: string[] | undefined;
  /** Cursor pagination (the spec's `x-sdk-pagination`), for a list operation. */
  pagination?: PaginationDefinition | undefined;
}

export interface PaginationDefinition {
  /** Query parameter with the cursor of the page to follow, e.g. `after`. */
  afterParam: string;
  /** Query parameter with the cursor of the page to precede, e.g. `before`. */
  beforeParam?: string | undefined;
  /** Query parameter with the page size, e.g. `limit`. */
  limitParam?: string | undefined;
  /** Response property with the page's items, e.g. `items`. */
  itemsField: string;
  /** Response property with the next page's cursor (null on the last page). */
  nextCursorField: string;
  /** Response property with the previous page's cursor (null on the first page). */
  prevCursorField?: string | undefined;
  /** Page size when the request names none (the limit parameter's default, else 10). */
  defaultLimit: number;
}

/**
 * One request an operation's handler received. `Params` has the operation's path parameters by
 * their name in the spec.
 */
export interface MockCall<Body = unknown, Params extends PathParams = PathParams> {
  /** `GET`, `POST`, … */
  method: string;
  url: URL;
  /** Path parameters by their name in the spec, decoded as text: `{ project: 'gigs', plan: 'pln_1' }`. */
  params: Params;
  query: URLSearchParams;
  headers: Headers;
  /**
   * The request body as sent, undefined when there is none: JSON parsed; a form
   * (`application/x-www-form-urlencoded`) or multipart body as an object of its fields
   * ({@link FormFields}, {@link MultipartFields}); a binary body as a `Blob`; text as a string.
   */
  body: Body | undefined;
}

/** Path parameters as {@link MockCall} records them: the text of each, by its name in the spec. */
export type PathParams = Record<string, string>;

/**
 * A form body (`application/x-www-form-urlencoded`) as {@link MockCall} records it: the fields of
 * `T` (the body the method takes), each as the text sent (`ttl: '60'`), an array field as a list
 * of texts (`scope: ['read']`, even with one value). A field sent that `T` does not name is
 * recorded too (text, or a list when repeated); without a schema (`T` unknown) any fields.
 */
export type FormFields<T> = unknown extends T
  ? Record<string, string | string[]>
  : { [K in keyof T]: NonNullable<T[K]> extends readonly unknown[] ? string[] : string };

/**
 * A multipart body (`multipart/form-data`) as {@link MockCall} records it: the fields of `T` (the
 * body the method takes), a file part (a `Blob` in `T`) as a `File` (`name`, `type`, `text()`),
 * another part as its text (an object as its JSON), an array field as a list of them.
 */
export type MultipartFields<T> = unknown extends T
  ? Record<string, File | string | (File | string)[]>
  : {
      [K in keyof T]: NonNullable<T[K]> extends readonly (infer Item)[]
        ? PartOf<Item>[]
        : PartOf<T[K]>;
    };

type PartOf<Value> = [NonNullable<Value>] extends [Blob] ? File : string;

/** Options of an answer. */
export interface ReplyInit {
  /** The status; a reply defaults to the operation's success status. */
  status?: number | undefined;
  /** Response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string> | undefined;
  /** Milliseconds to wait before answering (to test timeouts). */
  delay?: number | undefined;
  /** Answer one call only, then fall back to the answer before it. */
  once?: boolean | undefined;
}

/** Computes a reply from the request. */
export type Responder<Result, Body, Params extends PathParams = PathParams> = (
  call: MockCall<Body, Params>,
) => Result | Promise<Result>;

type Answer =
  | { kind: 'reply'; body: unknown; responder: boolean; init: ReplyInit }
  | { kind: 'fail'; status: number; body: unknown; init: ReplyInit }
  | { kind: 'network'; init: ReplyInit };

/**
 * The mock of one operation: its MSW handler, the calls it received, and the answers it gives.
 * `Result` is what the client's method resolves to, `Body` the request body as recorded,
 * `ErrorBody` the body of the operation's error responses, `Params` its path parameters.
 */
export class OperationMock<
  Result,
  Body = unknown,
  ErrorBody = unknown,
  Params extends PathParams = PathParams,
> {
  /** Where the operation lives in the client, e.g. `plans.retrieve`. */
  readonly name: string;
  /** The MSW handler; `createMock().handlers` has every operation's. */
  readonly handler: HttpHandler;
  /** Every request the handler answered, oldest first. Cleared by `reset()`. */
  readonly calls: MockCall<Body, Params>[] = [];
  /** What the generator knows about the operation: method, path, default answer, pagination. */
  readonly definition: OperationDefinition;
  #answers: Answer[] = [];

  constructor(definition: OperationDefinition, baseURL: string) {
    this.name = definition.name;
    this.definition = definition;
    const { pattern, names, query } = urlPattern(baseURL, definition.path);
    // MSW has a function per method but TRACE; `all` plus a method check covers it.
    const route = definition.method === 'trace' ? http.all : http[definition.method];
    this.handler = route(pattern, async ({ request }) => {
      if (request.method.toLowerCase() !== definition.method) return undefined;
      // MSW matches the path alone: a query the path key holds is checked here.
      if (!hasQuery(new URL(request.url).searchParams, query)) return undefined;
      const call = await readCall<Body, Params>(request, pattern, names, definition);
      this.calls.push(call);
      return this.#answer(call);
    });
  }

  /** Answers with `body` (or what `body(call)` returns), with the success status unless `init.status` says otherwise. */
  reply(body: Result | Responder<Result, Body, Params>, init: ReplyInit = {}): this {
    const responder = typeof body === 'function';
    this.#answers.push({ kind: 'reply', body: responder ? body : copy(body), responder, init });
    return this;
  }

  /** Answers with an error status (400–599) and, when given, an error body as JSON. */
  fail(status: number, body?: ErrorBody, init: ReplyInit = {}): this {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(
        `${this.name}.fail(${String(status)}): the status of an error is 400 to 599; use reply() for others.`,
      );
    }
    this.#answers.push({ kind: 'fail', status, body: copy(body), init });
    return this;
  }

  /** Fails the request as a network error (the client sees no answer at all). */
  networkError(init: Pick<ReplyInit, 'once'> = {}): this {
    this.#answers.push({ kind: 'network', init });
    return this;
  }

  /** Back to the default answer, with no calls recorded. */
  reset(): this {
    this.#answers = [];
    this.calls.length = 0;
    return this;
  }

  /** The answer when nothing overrides it: the spec's example. A list serves its items page by page. */
  protected defaultAnswer(_call: MockCall<Body, Params>): Response {
    return respond(this.definition, this.definition.status, defaultValue(this.definition), {});
  }

  async #answer(call: MockCall<Body, Params>): Promise<Response> {
    const answer = this.#answers.at(-1);
    if (answer === undefined) return this.defaultAnswer(call);
    if (answer.init.once === true) this.#answers.pop();
    if (answer.init.delay !== undefined) await mswDelay(answer.init.delay);
    switch (answer.kind) {
      case 'network':
        return HttpResponse.error();
      case 'fail':
        return respond(
          { contentType: 'application/json' },
          answer.status,
          answer.body,
          answer.init,
        );
      case 'reply': {
        const body = answer.responder
          ? await (answer.body as Responder<Result, Body, Params>)(call)
          : copy(answer.body);
        return respond(
          this.definition,
          answer.init.status ?? this.definition.status,
          body,
          answer.init,
        );
      }
    }
  }
}

/** The mock of a list operation: it serves a list of items page by page, as the API does. */
export class ListOperationMock<
  Result,
  Item,
  Body = unknown,
  ErrorBody = unknown,
  Params extends PathParams = PathParams,
> extends OperationMock<Result, Body, ErrorBody, Params> {
  #items: readonly Item[] | undefined;
  #pageSize: number | undefined;

  /**
   * Serves `items` with cursor pagination: each item's cursor is its `id` when it has a string
   * one, else its position. `pageSize` replaces the default page size when the request gives
   * no limit.
   */
  items(items: readonly Item[], options: { pageSize?: number } = {}): this {
    this.#items = copy(items);
    this.#pageSize = options.pageSize;
    return this;
  }

  override reset(): this {
    this.#items = undefined;
    this.#pageSize = undefined;
    return super.reset();
  }

  protected override defaultAnswer(call: MockCall<Body, Params>): Response {
    const pagination = this.definition.pagination;
    const template = this.definition.example;
    if (pagination === undefined || !isRecord(template)) return super.defaultAnswer(call);
    const items =
      this.#items ??
      (Array.isArray(template[pagination.itemsField])
        ? (template[pagination.itemsField] as Item[])
        : []);
    const page = pageOf(items, call.query, pagination, this.#pageSize);
    return respond(this.definition, this.definition.status, { ...copy(template), ...page }, {});
  }
}

/** One page of `items` for the request's cursors and limit, as the list's response properties. */
export function pageOf(
  items: readonly unknown[],
  query: URLSearchParams,
  pagination: PaginationDefinition,
  pageSize?: number,
): Record<string, unknown> {
  const cursors = items.map(cursorOf);
  const requested = pagination.limitParam === undefined ? null : query.get(pagination.limitParam);
  const limit = Math.max(
    0,
    requested === null ? (pageSize ?? pagination.defaultLimit) : Number(requested) || 0,
  );
  const after = query.get(pagination.afterParam);
  const before = pagination.beforeParam === undefined ? null : query.get(pagination.beforeParam);
  let start = 0;
  let end: number;
  if (after !== null) {
    const index = cursors.indexOf(after);
    start = index < 0 ? items.length : index + 1;
    end = Math.min(items.length, start + limit);
  } else if (before !== null) {
    const index = cursors.indexOf(before);
    end = index < 0 ? 0 : index;
    start = Math.max(0, end - limit);
  } else end = Math.min(items.length, limit);
  const empty = start >= end;
  const page: Record<string, unknown> = {
    [pagination.itemsField]: copy(items.slice(start, end)),
    [pagination.nextCursorField]: !empty && end < items.length ? cursors[end - 1] : null,
  };
  if (pagination.prevCursorField !== undefined)
    page[pagination.prevCursorField] = !empty && start > 0 ? cursors[start] : null;
  return page;
}

function cursorOf(item: unknown, index: number): string {
  return isRecord(item) && typeof item['id'] === 'string' ? item['id'] : String(index);
}

/**
 * The handlers of every operation mock in `resources`, concrete paths before templated ones
 * (`/plans/search` before `/plans/{plan}`), as OpenAPI matches paths, and within a segment the one
 * with more literal text first (`/operations/{id}:cancel` before `/operations/{id}`), whatever
 * the order they are declared in.
 */
export function handlersOf(
  resources: Record<string, Record<string, OperationMock<unknown, unknown, unknown>>>,
): HttpHandler[] {
  const mocks = Object.values(resources).flatMap((resource) => Object.values(resource));
  return mocks
    .map((mock, index) => ({ mock, index, key: specificity(mock) }))
    .sort((a, b) => compareSpecificity(a.key, b.key) || a.index - b.index)
    .map(({ mock }) => mock.handler);
}

/** Resets every operation mock in `resources`. */
export function resetAll(
  resources: Record<string, Record<string, OperationMock<unknown, unknown, unknown>>>,
): void {
  for (const resource of Object.values(resources))
    for (const mock of Object.values(resource)) mock.reset();
}

/**
 * A fresh copy of an operation's default answer, as its method resolves: the example for JSON;
 * for other media a string (text, event streams: the stream's text), a `Blob` (binary, empty
 * without an example), `URLSearchParams` (form) or `FormData` (multipart, without parts).
 */
export function defaultValue<T>(definition: OperationDefinition): T {
  const example = definition.example;
  switch (definition.kind) {
    case 'text':
    case 'event-stream':
      return (typeof example === 'string' ? example : '') as T;
    case 'binary':
      return new Blob(typeof example === 'string' ? [example] : [], {
        type: definition.contentType ?? '',
      }) as T;
    case 'form':
      return formOf(example) as T;
    case 'multipart':
      return new FormData() as T;
    default:
      return copy(example) as T;
  }
}

/**
 * A fresh copy of an operation's request example (fixtures are copies, so a test cannot change
 * another's), as its method takes it: a binary body's example
 * (a string in the spec) as a `Blob` of the request's media type, others as they are.
 */
export function requestFixture<T>(definition: OperationDefinition): T {
  const example = definition.requestExample;
  if (definition.requestKind === 'binary' && typeof example === 'string')
    return new Blob([example], { type: definition.requestContentType ?? '' }) as T;
  return copy(example) as T;
}

/**
 * One entry per segment, the higher the more specific: `Infinity` for a concrete one, else the
 * number of literal characters beside its placeholders, so that `/operations/{id}:cancel` comes
 * before `/operations/{id}` (whose `{id}` would take `op1:cancel`).
 */
function specificity(mock: OperationMock<unknown, unknown, unknown>): number[] {
  return mock.definition.path
    .split('/')
    .map((segment) =>
      segment.includes('{') ? segment.replace(/\{[^{}]*\}/g, '').length : Infinity,
    );
}

/** The more specific first, segment by segment from the left. */
function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return a[i]! > b[i]! ? -1 : 1;
  return 0;
}

/** A RegExp for the operation's URLs under `baseURL` (MSW matches it against origin + path). */
function urlPattern(
  baseURL: string,
  path: string,
): { pattern: RegExp; names: string[]; query: URLSearchParams } {
  const names: string[] = [];
  // A path key that holds a query (`/items?type=a`, which the generator warns about) is sent with
  // it, before the call's own query parameters: the pattern is the part before `?`, and the rest
  // must be in the request's query. A `?` inside `{…}` is part of a parameter's name.
  const literal = path.replace(/\{[^{}]*\}/g, (part) => '_'.repeat(part.length));
  const mark = literal.indexOf('?');
  const template = (mark === -1 ? path : path.slice(0, mark))
    .split(/(\{[^{}]+\})/)
    .map((part) => {
      const name = /^\{([^{}]+)\}$/.exec(part)?.[1];
      // `#` is part of the path, sent percent-encoded (a fragment is never sent: RFC 3986 §3.5).
      if (name === undefined) return escapeRegExp(asInURL(part).replaceAll('#', '%23'));
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return {
    pattern: new RegExp(`^${escapeRegExp(absoluteBase(baseURL).replace(/\/+$/, ''))}${template}$`),
    names,
    query: new URLSearchParams(mark === -1 ? '' : path.slice(mark + 1)),
  };
}

/** Whether `search` has every name and value of `wanted` (a path key's own query). */
function hasQuery(search: URLSearchParams, wanted: URLSearchParams): boolean {
  for (const [name, value] of wanted) if (!search.getAll(name).includes(value)) return false;
  return true;
}

/**
 * A relative base URL (`/api`) resolved against the page, as the client resolves it (MSW matches
 * absolute URLs); without a page (MSW in Node) the mocks need an absolute one, as the client does.
 */
function absoluteBase(baseURL: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(baseURL.trim())) return baseURL;
  const scope = globalThis as { document?: { baseURI?: unknown }; location?: { href?: unknown } };
  const page = scope.document?.baseURI ?? scope.location?.href;
  if (typeof page === 'string') return new URL(baseURL, page).href;
  throw new Error(
    `The base URL ${JSON.stringify(baseURL)} is relative, and there is no page to resolve it against here (no document or location, as in Node). ` +
      `Pass an absolute one to createMock and to the client alike, e.g. createMock({ baseURL: 'http://api.test' }).`,
  );
}

/**
 * A static part of a path template as a request's URL holds it: what the URL standard
 * percent-encodes in a path (controls, space, `"`, `<`, `>`, `` ` ``, everything past ASCII) as
 * UTF-8 escapes, so `/café` matches the `/caf%C3%A9` the client requests.
 */
function asInURL(text: string): string {
  // eslint-disable-next-line no-control-regex -- controls are what a URL encodes first
  return text.replace(/[\u0000-\u0020"<>`\u007F-\u{10FFFF}]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return char; // a lone surrogate, which no URL holds
    }
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

async function readCall<Body, Params extends PathParams>(
  request: Request,
  pattern: RegExp,
  names: string[],
  definition: Pick<OperationDefinition, 'requestKind' | 'listFields'>,
): Promise<MockCall<Body, Params>> {
  const url = new URL(request.url);
  const match = pattern.exec(`${url.origin}${url.pathname}`);
  const params: PathParams = {};
  names.forEach((name, index) => {
    const value = match?.[index + 1];
    if (value !== undefined) params[name] = safeDecode(value);
  });
  return {
    method: request.method,
    url,
    params: params as Params,
    query: url.searchParams,
    headers: request.headers,
    body: (await readBody(request, definition)) as Body | undefined,
  };
}

/** The request body as {@link MockCall} records it; undefined when there is none. */
async function readBody(
  request: Request,
  definition: Pick<OperationDefinition, 'requestKind' | 'listFields'>,
): Promise<unknown> {
  const lists = new Set(definition.listFields);
  const type = request.headers.get('content-type') ?? '';
  let kind = definition.requestKind;
  if (kind === undefined || kind === 'any') {
    kind = /\bjson\b/i.test(type)
      ? 'json'
      : /^application\/x-www-form-urlencoded\b/i.test(type)
        ? 'form'
        : /^multipart\/form-data\b/i.test(type)
          ? 'multipart'
          : 'text';
  }
  if (kind === 'binary') {
    const blob = await request.blob();
    return blob.size === 0 ? undefined : blob;
  }
  if (kind === 'multipart' && /^multipart\/form-data\b/i.test(type)) {
    // A body that is not well-formed multipart is recorded as its text.
    const form = await request
      .clone()
      .formData()
      .catch(() => undefined);
    if (form !== undefined) return fieldsOf([...form.entries()], lists);
  }
  const text = await request.text();
  if (text === '') return undefined;
  if (kind === 'form') return fieldsOf([...new URLSearchParams(text).entries()], lists);
  return kind === 'json' ? parseJson(text) : text;
}

/**
 * Form fields as an object: a list for a field named in `lists` or sent more than once. Defined,
 * not assigned, so a field named `__proto__` is a field like any other.
 */
function fieldsOf<Value>(
  entries: readonly [string, Value][],
  lists: ReadonlySet<string>,
): Record<string, Value | Value[]> {
  const fields: Record<string, Value | Value[]> = {};
  for (const [name, value] of entries) {
    const known = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (Array.isArray(known)) known.push(value);
    else
      Object.defineProperty(fields, name, {
        value: known !== undefined ? [known, value] : lists.has(name) ? [value] : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return fields;
}

function respond(
  definition: Pick<OperationDefinition, 'contentType' | 'kind'>,
  status: number,
  body: unknown,
  init: ReplyInit,
): Response {
  const headers = { ...init.headers };
  if (body === undefined || status === 204 || status === 205 || status === 304)
    return new HttpResponse(null, { status, headers });
  const type = definition.contentType ?? 'application/json';
  const kind = definition.kind;
  if (kind === undefined || /\bjson\b/i.test(type))
    return HttpResponse.json(body, { status, headers: { 'content-type': type, ...headers } });
  // FormData sets its own `multipart/form-data; boundary=…`.
  if (body instanceof FormData) return new HttpResponse(body, { status, headers });
  if (isBytes(body) || (typeof body === 'string' && kind !== 'any'))
    return new HttpResponse(body, {
      status,
      headers: { 'content-type': kind === 'any' ? binaryType(body) : type, ...headers },
    });
  if (kind === 'form')
    return new HttpResponse(formOf(body).toString(), {
      status,
      headers: { 'content-type': type, ...headers },
    });
  // `*`/`*` (and any other value the test gives): JSON, which the client reads as such.
  return HttpResponse.json(body, {
    status,
    headers: { 'content-type': kind === 'any' ? 'application/json' : type, ...headers },
  });
}

/** A body fetch sends as it is: bytes, a stream, or form fields. */
function isBytes(
  body: unknown,
): body is Blob | ArrayBuffer | ArrayBufferView | ReadableStream | URLSearchParams {
  return (
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof ReadableStream ||
    body instanceof URLSearchParams
  );
}

function binaryType(body: unknown): string {
  return body instanceof Blob && body.type !== '' ? body.type : 'application/octet-stream';
}

/** Form fields from `URLSearchParams` or an object (each value as text, arrays repeated). */
function formOf(value: unknown): URLSearchParams {
  if (value instanceof URLSearchParams) return new URLSearchParams(value);
  const form = new URLSearchParams();
  if (isRecord(value))
    for (const [key, field] of Object.entries(value))
      for (const item of Array.isArray(field) ? field : [field])
        if (item !== undefined)
          form.append(key, typeof item === 'string' ? item : JSON.stringify(item));
  return form;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A copy a test cannot change another's through; a `Blob` is immutable, a stream read once. */
function copy<T>(value: T): T {
  if (value === undefined || value instanceof Blob || value instanceof ReadableStream) return value;
  if (value instanceof URLSearchParams) return new URLSearchParams(value) as T;
  if (value instanceof FormData) {
    const parts = new FormData();
    value.forEach((part, name) => parts.append(name, part));
    return parts as T;
  }
  return structuredClone(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
