/**
 * Public: cursor pagination. A list method returns a `PagePromise`:
 *
 * ```ts
 * const page = await client.plans.list({ limit: 50 });      // one page: items, moreItemsAfter, …
 * if (page.hasNextPage()) await page.nextPage();
 * for await (const plan of client.plans.list()) …           // every item of every page
 * for await (const page of client.plans.list().iterPages()) // every page
 * for await (const plan of client.plans.list({ before: 'pln_1' })) … // backwards, following moreItemsBefore
 * ```
 *
 * Iteration goes forward (following the after-cursor) unless the first request has only a
 * before-cursor; then it goes backward (following the before-cursor), each page's items in the
 * order the server sent them. Every page request gets the call's options (signal, timeout,
 * headers, …). It never loops:
 *
 * - It stops after the first page without a cursor in its direction, and after the first page
 *   without items (as Stainless-generated SDKs do): a server that hands out a new cursor with
 *   every empty page would otherwise be asked for pages forever. For an API that may send an empty
 *   page in the middle of a listing, walk it with `hasNextPage()` / `nextPage()`, which follow
 *   the cursor whatever the page holds.
 * - A cursor that was requested before (a server that repeats its cursor, or a cycle) ends the
 *   iteration with an `InvalidResponseError` that names the cursor, after the page that handed it
 *   out: silently stopping would look like the end of the list.
 * - So does `nextPage()` / `previousPage()` when a walk by hand would ask for a cursor it already
 *   asked for from another page: `while (page.hasNextPage()) page = await page.nextPage()` ends.
 *   The same cursor from the same page (a retry, a walk back and forth) is no repeat.
 *
 * A server that hands out a new cursor with every page of items is followed for as long as the
 * caller iterates, as a long list is (break out of the loop to stop). What the iteration keeps
 * per page is a fixed-size fingerprint of its cursor, however long the cursor is.
 *
 * Errors built here quote what the server sent with the token redacted, as every other error.
 */
import { APIPromise, type APIResult, type Outcome } from './api-promise.ts';
import { InvalidResponseError, SDKError, truncate } from './errors.ts';

/** Where a list operation keeps its cursors and items (from the spec's `x-sdk-pagination`). */
export interface CursorPagination {
  /** Query parameter that takes the next-page cursor, e.g. `after`. */
  afterParam: string;
  /** Query parameter that takes the previous-page cursor, e.g. `before`. */
  beforeParam?: string | undefined;
  /** Response property holding the page's items, e.g. `items`. */
  itemsField: string;
  /** Response property holding the next-page cursor (null on the last page), e.g. `moreItemsAfter`. */
  nextCursorField: string;
  /** Response property holding the previous-page cursor (null on the first page), e.g. `moreItemsBefore`. */
  prevCursorField?: string | undefined;
}

/** Loads one page for the given query; the client binds path, headers and options. */
export type PageLoader<Body> = (query: Readonly<Record<string, unknown>>) => APIPromise<Body>;

/**
 * Removes the client's token from what the server sent before an error quotes it: `text` from
 * a message, `value` from a parsed body (ClientCore's `redact` and `redactValue`).
 */
export interface PageRedactor {
  text(text: string): string;
  value(value: unknown): unknown;
}

const NO_SECRETS: PageRedactor = { text: (text) => text, value: (value) => value };

/** What a page can do besides carrying the response body. */
export interface PageMethods<Body, Item> extends AsyncIterable<Item> {
  /** The items of this page. */
  pageItems(): Item[];
  /**
   * True when the response names a next-page cursor (a string or a number).
   * @throws InvalidResponseError when the cursor field holds something else (an object, `true`).
   */
  hasNextPage(): boolean;
  /**
   * Loads the page after this one. @throws SDKError when there is none (check `hasNextPage()`);
   * InvalidResponseError when the cursor field holds no cursor.
   */
  nextPage(): Promise<Page<Body, Item>>;
  /**
   * True when the response names a previous-page cursor.
   * @throws InvalidResponseError when the cursor field holds no cursor.
   */
  hasPreviousPage(): boolean;
  /**
   * Loads the page before this one. @throws SDKError when there is none (check
   * `hasPreviousPage()`); InvalidResponseError when the cursor field holds no cursor.
   */
  previousPage(): Promise<Page<Body, Item>>;
  /** This page and every page after it (before it, for a backward listing). */
  iterPages(): AsyncGenerator<Page<Body, Item>, void, undefined>;
}

/** One page: the response body as sent (`items`, `moreItemsAfter`, …) plus `PageMethods`. */
export type Page<Body, Item> = Body & PageMethods<Body, Item>;

/**
 * The result of a list method: an `APIPromise` of the first page (requested at once). `await`
 * gives that page, `withResponse()` the page with its `Response`, `for await` every item of it
 * and of the pages after it, `iterPages()` the pages.
 */
export class PagePromise<Body, Item>
  extends APIPromise<Page<Body, Item>>
  implements AsyncIterable<Item>
{
  constructor(
    load: PageLoader<Body>,
    query: Readonly<Record<string, unknown>>,
    pagination: CursorPagination,
    redact: PageRedactor = NO_SECRETS,
  ) {
    const walk = new Map<string, number>();
    // The first request's own cursor, as if asked for from the page before (after) or after it.
    const after = cursorOf(query[pagination.afterParam]);
    const before =
      pagination.beforeParam === undefined ? undefined : cursorOf(query[pagination.beforeParam]);
    if (after !== undefined) walk.set(walkKey(true, after), -1);
    else if (before !== undefined) walk.set(walkKey(false, before), 1);
    super(loadPage<Body, Item>({ load, query, pagination, redact, walk, position: 0 }));
  }

  /** Every page, starting with the first. */
  async *iterPages(): AsyncGenerator<Page<Body, Item>, void, undefined> {
    yield* (await this).iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this;
  }
}

interface PageContext<Body> {
  load: PageLoader<Body>;
  query: Readonly<Record<string, unknown>>;
  pagination: CursorPagination;
  redact: PageRedactor;
  /**
   * Each cursor a walk by `nextPage()` / `previousPage()` asked for (by {@link walkKey}), with the
   * position of the page it was asked for from: the first page is 0, a next page one more, a
   * previous page one less. The same cursor asked for again from the same position is the same
   * step (a retry, or a walk back and forth); from another position, the server repeated it.
   */
  walk: Map<string, number>;
  /** This page's position in {@link walk}. */
  position: number;
}

/** A cursor's key in a walk: its direction and {@link fingerprint}. */
function walkKey(forward: boolean, cursor: string): string {
  return `${forward ? '>' : '<'}${fingerprint(cursor)}`;
}

/** The error for a cursor the server handed out a second time; `stops` is what ends there. */
function repeatedCursor(
  cursor: string,
  field: string,
  status: number,
  redact: PageRedactor,
  stops: string,
): InvalidResponseError {
  return new InvalidResponseError(
    redact.text(
      `The server handed out the cursor ${truncate(redact.text(JSON.stringify(cursor)))} in "${field}" a second time; ` +
        `following it would list the same pages again, forever, so ${stops} stops here.`,
    ),
    status,
    {},
    undefined,
  );
}

/** Cursors of a page, kept off the page so that its enumerable fields are the body as sent. */
interface PageCursors {
  /** The cursor to follow when iterating, in the listing's direction. */
  follow: string | undefined;
  /** Why the cursor in that direction cannot be followed: a value no cursor is. */
  problem: InvalidResponseError | undefined;
  /** The cursor the page was requested with, in the same direction. */
  requested: string | undefined;
  backward: boolean;
  /** The response field that held `follow`, for the error about a repeated cursor. */
  field: string;
  status: number;
  redact: PageRedactor;
}

const CURSORS = new WeakMap<object, PageCursors>();

async function loadPage<Body, Item>(ctx: PageContext<Body>): Promise<Outcome<Page<Body, Item>>> {
  const result: APIResult<Body> = await ctx.load(ctx.query).withResponse();
  return {
    ...result,
    data: makePage<Body, Item>(result.data, ctx, result.response.status, result.response.url),
  };
}

function makePage<Body, Item>(
  body: Body,
  ctx: PageContext<Body>,
  status: number,
  url: string,
): Page<Body, Item> {
  const { pagination: p, query } = ctx;
  const record = body as Record<string, unknown>;
  const items = typeof body === 'object' && body !== null ? record[p.itemsField] : undefined;
  // Only the path: a query may carry the credential.
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url)?.[1] ?? '';
  const answered = `The server answered ${status}${path === '' ? '' : ` for ${path}`}`;
  if (!Array.isArray(items)) {
    const sent =
      typeof body !== 'object' || body === null
        ? `JSON ${shownJSON(body, ctx.redact)}`
        : Array.isArray(body)
          ? 'a JSON array'
          : `an object whose "${p.itemsField}" is ${Array.isArray(items) ? 'an array' : items === undefined ? 'missing' : `not an array (${shownJSON(items, ctx.redact)})`}`;
    throw new InvalidResponseError(
      ctx.redact.text(
        `${answered} with ${sent} where the operation declares a list page: an object with an array in "${p.itemsField}". ` +
          "The API's answer does not match its description; responseValidation: 'warn' shows where.",
      ),
      status,
      {},
      ctx.redact.value(body),
    );
  }
  const next = cursorOf(record[p.nextCursorField]);
  const previous =
    p.beforeParam === undefined || p.prevCursorField === undefined
      ? undefined
      : cursorOf(record[p.prevCursorField]);
  // A cursor field holding what no cursor is (an object, `true`): following the listing fails
  // with this, rather than ending as if the list were complete.
  const malformed = (field: string | undefined): InvalidResponseError | undefined => {
    const value = field === undefined ? undefined : record[field];
    if (value === undefined || value === null || cursorOf(value) !== undefined || value === '')
      return undefined;
    const number = typeof value === 'number';
    return new InvalidResponseError(
      ctx.redact.text(
        `${answered} with ${number ? `the number ${String(value)}` : shownJSON(value, ctx.redact)} in "${field!}", where the operation declares a page cursor (a string or a number; null, "" or missing on the last page)` +
          (number
            ? ', and a number past 2^53 (or out of range) is not the one the server wrote once JSON.parse has read it: sent back, it would name another page (send cursors as strings). '
            : '. ') +
          'The listing cannot go on, and stopping here would look like the end of the list.',
      ),
      status,
      {},
      ctx.redact.value(body),
    );
  };
  const nextProblem = malformed(p.nextCursorField);
  const previousProblem = p.beforeParam === undefined ? undefined : malformed(p.prevCursorField);
  const backward =
    p.beforeParam !== undefined &&
    cursorOf(query[p.beforeParam]) !== undefined &&
    cursorOf(query[p.afterParam]) === undefined;

  const follow = (
    param: string | undefined,
    drop: string | undefined,
    cursor: string | undefined,
    check: string,
  ): Promise<Page<Body, Item>> => {
    const problem = check === 'hasNextPage' ? nextProblem : previousProblem;
    if (problem !== undefined) return Promise.reject(problem);
    if (param === undefined || cursor === undefined) {
      return Promise.reject(
        new SDKError(
          `There is no ${check === 'hasNextPage' ? 'next' : 'previous'} page; check ${check}() first.`,
        ),
      );
    }
    const forward = check === 'hasNextPage';
    const key = walkKey(forward, cursor);
    const from = ctx.walk.get(key);
    if (from !== undefined && from !== ctx.position) {
      const field = (forward ? p.nextCursorField : p.prevCursorField) ?? '';
      const method = forward ? 'nextPage()' : 'previousPage()';
      return Promise.reject(repeatedCursor(cursor, field, status, ctx.redact, method));
    }
    ctx.walk.set(key, ctx.position);
    const nextQuery: Record<string, unknown> = { ...query, [param]: cursor };
    if (drop !== undefined) delete nextQuery[drop];
    const position = ctx.position + (forward ? 1 : -1);
    return loadPage<Body, Item>({ ...ctx, query: nextQuery, position }).then(
      (outcome) => outcome.data,
    );
  };
  const methods: PageMethods<Body, Item> = {
    pageItems: () => items as Item[],
    hasNextPage: () => {
      if (nextProblem !== undefined) throw nextProblem;
      return next !== undefined;
    },
    nextPage: () => follow(p.afterParam, p.beforeParam, next, 'hasNextPage'),
    hasPreviousPage: () => {
      if (previousProblem !== undefined) throw previousProblem;
      return previous !== undefined;
    },
    previousPage: () => follow(p.beforeParam, p.afterParam, previous, 'hasPreviousPage'),
    iterPages: () => iteratePages(page),
    [Symbol.asyncIterator]: () => iterateItems(page),
  };
  // The body's fields stay enumerable (JSON.stringify(page) gives the body); the methods are hidden.
  const page = { ...record } as Page<Body, Item>;
  for (const key of [...Object.keys(methods), Symbol.asyncIterator] as const) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- arrow functions: no `this`
    const value = methods[key as keyof PageMethods<Body, Item>];
    Object.defineProperty(page, key, {
      value,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }
  const requested = cursorOf(query[backward ? (p.beforeParam ?? '') : p.afterParam]);
  CURSORS.set(page, {
    follow: backward ? previous : next,
    problem: backward ? previousProblem : nextProblem,
    requested,
    backward,
    field: backward ? (p.prevCursorField ?? '') : p.nextCursorField,
    status,
    redact: ctx.redact,
  });
  return page;
}

async function* iteratePages<Body, Item>(
  first: Page<Body, Item>,
): AsyncGenerator<Page<Body, Item>, void, undefined> {
  // Fingerprints, not the cursors: a server's 20 KB cursors would otherwise pile up page by page.
  const requested = new Set<string>();
  const start = CURSORS.get(first)?.requested;
  if (start !== undefined) requested.add(fingerprint(start));
  let page = first;
  for (;;) {
    yield page;
    const cursors = CURSORS.get(page);
    const cursor = cursors?.follow;
    if (cursors?.problem !== undefined && page.pageItems().length > 0) throw cursors.problem;
    if (cursors === undefined || cursor === undefined || page.pageItems().length === 0) return;
    const key = fingerprint(cursor);
    if (requested.has(key))
      throw repeatedCursor(cursor, cursors.field, cursors.status, cursors.redact, 'the iteration');
    requested.add(key);
    page = await (cursors.backward ? page.previousPage() : page.nextPage());
  }
}

async function* iterateItems<Body, Item>(
  first: Page<Body, Item>,
): AsyncGenerator<Item, void, undefined> {
  for await (const page of iteratePages(first)) yield* page.pageItems();
}

/** A usable cursor, or `undefined` for null, missing or empty ones. */
function cursorOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && exactNumber(value)) return String(value);
  return undefined;
}

/**
 * A number cursor sent back as the server wrote it: a safe integer, or a finite fraction. Past
 * 2^53 JSON.parse has already rounded it (9007199254740993 reads as 9007199254740992), and
 * `String()` writes a large one in exponent form (`1e+21`): the next request would name another
 * page, so such a cursor is no cursor (the listing fails, saying why).
 */
function exactNumber(value: number): boolean {
  return Number.isInteger(value) ? Number.isSafeInteger(value) : Number.isFinite(value);
}

/**
 * A cursor's fingerprint: its length and two 32-bit FNV-1a hashes of its UTF-16 code units, with
 * different offsets. Two cursors share one by chance about once in 2^64 comparisons, so a
 * listing of a million pages has a chance of about 1 in 30 million of ending early with the
 * repeated-cursor error.
 */
function fingerprint(cursor: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ cursor.length;
  for (let i = 0; i < cursor.length; i++) {
    const unit = cursor.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193) >>> 0;
    b = Math.imul(b ^ unit, 0x01000193 + 0x2a) >>> 0;
  }
  return `${cursor.length}:${a.toString(36)}:${b.toString(36)}`;
}

/** A value as JSON text for a message, redacted and cut short; one nested too deep to write, said so. */
function shownJSON(value: unknown, redact: PageRedactor): string {
  let text: string;
  try {
    text = String(JSON.stringify(value));
  } catch {
    return 'a value nested too deeply to show';
  }
  return truncate(redact.text(text));
}
