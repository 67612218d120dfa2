/**
 * Public: cursor pagination. A list method returns a `PagePromise`: `await` it for one page, or
 * iterate it with `for await` for every item of every page, following the after-cursor.
 */
import { SDKError } from './errors.ts';

/** Where a list operation keeps its cursors and items (from the spec's `x-sdk-pagination`). */
export interface CursorPagination {
  /** Query parameter that takes the next-page cursor, e.g. `after`. */
  afterParam: string;
  /** Query parameter for the previous page, e.g. `before`; dropped when following `afterParam`. */
  beforeParam?: string;
  /** Response property holding the page's items, e.g. `items`. */
  itemsField: string;
  /** Response property holding the next-page cursor (null on the last page), e.g. `moreItemsAfter`. */
  nextCursorField: string;
}

/** Loads one page for the given query; the client binds path, headers and options. */
export type PageLoader<Body> = (query: Readonly<Record<string, unknown>>) => Promise<Body>;

/** What a page can do besides carrying the response body. */
export interface PageMethods<Body, Item> extends AsyncIterable<Item> {
  /** The items of this page. */
  pageItems(): Item[];
  /** True when the response names a next-page cursor. */
  hasNextPage(): boolean;
  /** Loads the page after this one. @throws SDKError when there is none (check `hasNextPage()`). */
  nextPage(): Promise<Page<Body, Item>>;
}

/** One page: the response body as sent (`items`, `moreItemsAfter`, …) plus `PageMethods`. */
export type Page<Body, Item> = Body & PageMethods<Body, Item>;

/**
 * The result of a list method. The first page is requested at once; `await` gives that page,
 * `for await` gives every item of it and of the pages after it. Iteration stops at the first page
 * without a next cursor, and also when the server hands out a cursor it has handed out before, so
 * it can never loop.
 */
export class PagePromise<Body, Item> implements PromiseLike<Page<Body, Item>>, AsyncIterable<Item> {
  readonly #first: Promise<Page<Body, Item>>;

  constructor(load: PageLoader<Body>, query: Readonly<Record<string, unknown>>, pagination: CursorPagination) {
    this.#first = loadPage<Body, Item>(load, query, pagination);
  }

  then<Result1 = Page<Body, Item>, Result2 = never>(
    onfulfilled?: ((page: Page<Body, Item>) => Result1 | PromiseLike<Result1>) | null,
    onrejected?: ((reason: unknown) => Result2 | PromiseLike<Result2>) | null,
  ): Promise<Result1 | Result2> {
    return this.#first.then(onfulfilled, onrejected);
  }

  catch<Result = never>(
    onrejected?: ((reason: unknown) => Result | PromiseLike<Result>) | null,
  ): Promise<Page<Body, Item> | Result> {
    return this.#first.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<Body, Item>> {
    return this.#first.finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    yield* await this.#first;
  }
}

async function loadPage<Body, Item>(
  load: PageLoader<Body>,
  query: Readonly<Record<string, unknown>>,
  pagination: CursorPagination,
): Promise<Page<Body, Item>> {
  return makePage<Body, Item>(await load(query), load, query, pagination);
}

function makePage<Body, Item>(
  body: Body,
  load: PageLoader<Body>,
  query: Readonly<Record<string, unknown>>,
  pagination: CursorPagination,
): Page<Body, Item> {
  if (typeof body !== 'object' || body === null) {
    throw new SDKError(`Expected a list response object, got ${body === null ? 'null' : typeof body}.`);
  }
  const record = body as Record<string, unknown>;
  const items = record[pagination.itemsField];
  if (!Array.isArray(items)) {
    throw new SDKError(`Expected an array in "${pagination.itemsField}" of the list response.`);
  }
  const cursor = cursorOf(record[pagination.nextCursorField]);
  const methods: PageMethods<Body, Item> = {
    pageItems: () => items as Item[],
    hasNextPage: () => cursor !== undefined,
    nextPage: () => {
      if (cursor === undefined) {
        return Promise.reject(new SDKError('There is no next page; check hasNextPage() first.'));
      }
      const next: Record<string, unknown> = { ...query, [pagination.afterParam]: cursor };
      if (pagination.beforeParam !== undefined) delete next[pagination.beforeParam];
      return loadPage<Body, Item>(load, next, pagination);
    },
    [Symbol.asyncIterator]: () => iterateFrom(page, cursorOf(query[pagination.afterParam])),
  };
  // The body's fields stay enumerable (JSON.stringify(page) gives the body); the methods are hidden.
  const page = { ...record } as Page<Body, Item>;
  const hidden: [string | symbol, unknown][] = [...Object.entries(methods), [Symbol.asyncIterator, methods[Symbol.asyncIterator]]];
  for (const [key, value] of hidden) {
    Object.defineProperty(page, key, { value, enumerable: false, writable: false, configurable: true });
  }
  NEXT_CURSOR.set(page, cursor);
  return page;
}

/** Each page's next cursor, for iteration (kept off the page so the body's fields stay as sent). */
const NEXT_CURSOR = new WeakMap<object, string | undefined>();

async function* iterateFrom<Body, Item>(first: Page<Body, Item>, startCursor: string | undefined): AsyncGenerator<Item> {
  const seen = new Set<string>(startCursor === undefined ? [] : [startCursor]);
  let page = first;
  for (;;) {
    yield* page.pageItems();
    const cursor = NEXT_CURSOR.get(page);
    if (cursor === undefined || seen.has(cursor)) return;
    seen.add(cursor);
    page = await page.nextPage();
  }
}

/** A usable cursor, or `undefined` for null, missing or empty ones. */
function cursorOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
