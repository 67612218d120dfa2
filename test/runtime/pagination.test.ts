import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { APIPromise } from '../../templates/runtime/api-promise.ts';
import {
  APIUserAbortError,
  InvalidResponseError,
  NotFoundError,
  SDKError,
} from '../../templates/runtime/errors.ts';
import { PagePromise, type CursorPagination } from '../../templates/runtime/pagination.ts';
import { json, startServer, type Reply, type SeenRequest, type TestServer } from './server.ts';

interface Item {
  id: string;
}
interface ListBody {
  object: 'list';
  items: Item[];
  moreItemsAfter: string | null;
  moreItemsBefore: string | null;
}

const PAGINATION: CursorPagination = {
  afterParam: 'after',
  beforeParam: 'before',
  itemsField: 'items',
  nextCursorField: 'moreItemsAfter',
  prevCursorField: 'moreItemsBefore',
};

/** Pages keyed by the `after` cursor they answer ('' for the first page), or by `<` and the `before` cursor. */
let pages: Record<
  string,
  {
    ids: string[];
    next: string | null;
    prev?: string | null;
    /** The next cursor's JSON text as the server writes it (a number past 2^53), instead of `next`. */
    rawNext?: string;
  }
>;
let server: TestServer;
let core: ClientCore;

function listReply(request: SeenRequest): Reply {
  const query = new URL(request.url, 'http://x').searchParams;
  const before = query.get('before');
  const after = query.get('after') ?? '';
  const key =
    before !== null && query.get('after') === null && pages[`<${before}`] !== undefined
      ? `<${before}`
      : after;
  const page = pages[key];
  if (page === undefined) return json(404, { message: `no page after ${after}` });
  const reply = json(200, {
    object: 'list',
    items: page.ids.map((id) => ({ id })),
    moreItemsAfter: page.rawNext === undefined ? page.next : '\u0000raw',
    moreItemsBefore: page.prev !== undefined ? page.prev : after === '' ? null : after,
  });
  if (page.rawNext !== undefined)
    reply.body = String(reply.body).replace('"\\u0000raw"', page.rawNext);
  return reply;
}

beforeAll(async () => {
  server = await startServer(listReply);
  core = new ClientCore({
    baseURL: server.url,
    token: 't',
    backoff: { initialDelay: 1, maxDelay: 2 },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  pages = {
    '': { ids: ['a', 'b'], next: 'b' },
    b: { ids: ['c', 'd'], next: 'd' },
    d: { ids: ['e'], next: null },
  };
});

function list(query: Record<string, unknown> = { limit: 2 }) {
  return core.requestPage<ListBody, Item>({ method: 'get', path: '/plans', query }, PAGINATION);
}

/** A full collection now (V8's `gc`, exposed at run time). */
function collectNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function collect(iterable: AsyncIterable<Item>): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of iterable) {
    ids.push(item.id);
    if (ids.length > 100) throw new Error('iteration did not stop');
  }
  return ids;
}

describe('PagePromise', () => {
  it('awaits to one page with the response fields and page methods', async () => {
    const page = await list();
    expect(page.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(page.moreItemsAfter).toBe('b');
    expect(page.moreItemsBefore).toBeNull();
    expect(page.pageItems()).toEqual(page.items);
    expect(page.hasNextPage()).toBe(true);
    expect(server.requests.map((r) => r.url)).toEqual(['/plans?limit=2']);
  });

  it('serialises a page to exactly the response body', async () => {
    const page = await list();
    expect(JSON.parse(JSON.stringify(page))).toEqual({
      object: 'list',
      items: [{ id: 'a' }, { id: 'b' }],
      moreItemsAfter: 'b',
      moreItemsBefore: null,
    });
  });

  it('loads the next page with the after cursor, keeping the other query parameters and dropping before', async () => {
    const first = await core.requestPage<ListBody, Item>(
      { method: 'get', path: '/plans', query: { limit: 2, before: 'zzz' } },
      PAGINATION,
    );
    const second = await first.nextPage();
    expect(second.items.map((i) => i.id)).toEqual(['c', 'd']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/plans?limit=2&before=zzz',
      '/plans?limit=2&after=b',
    ]);
  });

  it('has no next page on a null cursor, and nextPage() says so', async () => {
    const last = await list({ after: 'd' });
    expect(last.hasNextPage()).toBe(false);
    await expect(last.nextPage()).rejects.toThrow(SDKError);
    await expect(last.nextPage()).rejects.toThrow('hasNextPage()');
  });

  it('iterates every item of every page with for await, then stops on the null cursor', async () => {
    expect(await collect(list())).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/plans?limit=2',
      '/plans?limit=2&after=b',
      '/plans?limit=2&after=d',
    ]);
  });

  it('iterates from a page onwards', async () => {
    const second = await (await list()).nextPage();
    expect(await collect(second)).toEqual(['c', 'd', 'e']);
  });

  /** The ids yielded before the iteration failed, and the error. */
  async function collectUntilError(iterable: AsyncIterable<Item>): Promise<[string[], unknown]> {
    const ids: string[] = [];
    try {
      for await (const item of iterable) {
        ids.push(item.id);
        if (ids.length > 100) throw new Error('iteration did not stop');
      }
    } catch (error) {
      return [ids, error];
    }
    return [ids, undefined];
  }

  it('fails clearly, instead of looping or stopping silently, when the server repeats a cursor', async () => {
    pages['d'] = { ids: ['e'], next: 'b' };
    const [ids, error] = await collectUntilError(list());
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'The server handed out the cursor "b" in "moreItemsAfter" a second time; following it would list the same pages again, forever, so the iteration stops here.',
    );
    expect(server.requests).toHaveLength(3);
  });

  // helper-159: the walk the docs show, `while (page.hasNextPage()) page = await page.nextPage()`,
  // asked a server that repeats its cursor for the same pages forever.
  it('fails in nextPage() too when the server repeats a cursor, so a hand-written walk ends', async () => {
    pages['d'] = { ids: ['e'], next: 'b' };
    let page = await list();
    const seen = [page.items.map((item) => item.id)];
    const error = await (async () => {
      while (page.hasNextPage()) {
        page = await page.nextPage();
        seen.push(page.items.map((item) => item.id));
        if (seen.length > 10) return new Error('the walk did not end');
      }
      return undefined;
    })().catch((e: unknown) => e);
    expect(seen).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'The server handed out the cursor "b" in "moreItemsAfter" a second time; following it would list the same pages again, forever, so nextPage() stops here.',
    );
    expect(server.requests).toHaveLength(3);
  });

  it('lets nextPage() be called again on a page, and a walk go back and forth', async () => {
    const first = await list();
    const second = await first.nextPage();
    // Again from the same page (a retry after a failure, say): the same cursor, not a repeat.
    expect((await first.nextPage()).items).toEqual(second.items);
    // Back and forth: the after-cursor of page one is asked for again from the same place.
    const back = await second.previousPage();
    const again = await back.nextPage();
    expect(again.items).toEqual(second.items);
    expect((await again.nextPage()).items.map((item) => item.id)).toEqual(['e']);
  });

  it.each([{ token: 'p1' }, true, false, ['p1']])(
    'fails clearly, instead of stopping as if the list were complete, on a cursor that is no cursor (%j)',
    async (cursor) => {
      pages['b'] = { ids: ['c', 'd'], next: cursor as unknown as string };
      const [ids, error] = await collectUntilError(list());
      expect(ids).toEqual(['a', 'b', 'c', 'd']);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        `The server answered 200 for /plans with ${JSON.stringify(cursor)} in "moreItemsAfter", where the operation declares a page cursor (a string or a number; null, "" or missing on the last page). The listing cannot go on, and stopping here would look like the end of the list.`,
      );
      const second = await (await list()).nextPage();
      expect(() => second.hasNextPage()).toThrow(InvalidResponseError);
      await expect(second.nextPage()).rejects.toThrow(InvalidResponseError);
      // The page itself is read as it came.
      expect(second.items.map((item) => item.id)).toEqual(['c', 'd']);
    },
  );

  it.each([
    ['9007199254740993', 'the number 9007199254740992'],
    ['1e21', 'the number 1e+21'],
    ['1e400', 'the number Infinity'],
  ])(
    'fails clearly on a number cursor JSON.parse cannot read exactly (%s), rather than asking for another page (helper-135 3)',
    async (raw, shown) => {
      pages['b'] = { ids: ['c', 'd'], next: null, rawNext: raw };
      const [ids, error] = await collectUntilError(list());
      expect(ids).toEqual(['a', 'b', 'c', 'd']);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        `The server answered 200 for /plans with ${shown} in "moreItemsAfter", where the operation declares a page cursor (a string or a number; null, "" or missing on the last page), and a number past 2^53 (or out of range) is not the one the server wrote once JSON.parse has read it: sent back, it would name another page (send cursors as strings). The listing cannot go on, and stopping here would look like the end of the list.`,
      );
      expect(server.requests).toHaveLength(2);
    },
  );

  it('follows a number cursor JSON reads exactly, as the server wrote it', async () => {
    pages['b'] = { ids: ['c', 'd'], next: null, rawNext: '9007199254740991' };
    pages['9007199254740991'] = { ids: ['e'], next: null };
    expect(await collect(list())).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.requests.at(-1)?.url).toBe('/plans?limit=2&after=9007199254740991');
  });

  it('fails when a page hands back the very cursor it was requested with', async () => {
    pages['b'] = { ids: ['c'], next: 'b' };
    const [ids, error] = await collectUntilError(list({ after: 'b' }));
    expect(ids).toEqual(['c']);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(server.requests).toHaveLength(1);
  });

  it('stops at the first empty page even when it names a next cursor (a new one each time)', async () => {
    pages = {
      '': { ids: ['a'], next: 'c1' },
      c1: { ids: [], next: 'c2' },
      c2: { ids: [], next: 'c3' },
      c3: { ids: ['never'], next: null },
    };
    expect(await collect(list())).toEqual(['a']);
    expect(server.requests).toHaveLength(2);
    // The page still says where the next one is, for callers who walk on by hand.
    const empty = await (await list()).nextPage();
    expect(empty.hasNextPage()).toBe(true);
    expect((await empty.nextPage()).items).toEqual([]);
  });

  it('an empty first page ends the iteration at once', async () => {
    pages = { '': { ids: [], next: 'c1' }, c1: { ids: ['never'], next: null } };
    expect(await collect(list())).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('is an APIPromise: withResponse(), then, catch and finally come from it', () => {
    const pending = list();
    expect(pending).toBeInstanceOf(APIPromise);
    expect(Object.hasOwn(PagePromise.prototype, 'then')).toBe(false);
    return pending.finally(() => undefined);
  });

  it('requests the first page once whether awaited, iterated or both', async () => {
    const pending = list();
    await pending;
    await collect(pending);
    expect(server.requests.map((r) => r.url).filter((u) => u === '/plans?limit=2')).toHaveLength(1);
  });

  it("sends the caller's idempotency key with the first page only (a repeat would replay it); later pages get their own", async () => {
    const pending = core.requestPage<ListBody, Item>(
      {
        method: 'post',
        path: '/plans/search',
        query: { limit: 2 },
        body: { q: 'x' },
        idempotencyHeader: 'Idempotency-Key',
      },
      PAGINATION,
      { idempotencyKey: 'key-1', headers: { 'X-Call': 'c' } },
    );
    expect(await collect(pending)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe('key-1');
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[2]);
    expect(server.requests.map((r) => r.headers['x-call'])).toEqual(['c', 'c', 'c']);
    expect(server.requests.map((r) => r.body)).toEqual(['{"q":"x"}', '{"q":"x"}', '{"q":"x"}']);
  });

  it('passes the signal to every page request: aborting stops the iteration', async () => {
    const controller = new AbortController();
    const pending = core.requestPage<ListBody, Item>(
      { method: 'get', path: '/plans', query: { limit: 2 } },
      PAGINATION,
      {
        signal: controller.signal,
        timeout: 5_000,
      },
    );
    const ids: string[] = [];
    const run = (async () => {
      for await (const item of pending) {
        ids.push(item.id);
        if (ids.length === 2) controller.abort();
        if (ids.length > 10) break;
      }
    })();
    await expect(run).rejects.toBeInstanceOf(APIUserAbortError);
    expect(ids).toEqual(['a', 'b']);
    expect(server.requests).toHaveLength(1);
  });

  it('gives the first page with its response', async () => {
    const { data, response, requestID } = await list().withResponse();
    expect(data.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(data.hasNextPage()).toBe(true);
    expect(response.status).toBe(200);
    expect(requestID).toBeUndefined();
  });

  it('iterates pages with iterPages(), from the promise or from a page', async () => {
    const sizes: number[] = [];
    for await (const page of list().iterPages()) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);
    const second = await (await list()).nextPage();
    const rest: string[][] = [];
    for await (const page of second.iterPages()) rest.push(page.items.map((i) => i.id));
    expect(rest).toEqual([['c', 'd'], ['e']]);
  });

  it('goes backward from a before-cursor, following moreItemsBefore, and stops on null', async () => {
    pages = {
      '<e': { ids: ['c', 'd'], next: 'e', prev: 'c' },
      '<c': { ids: ['a', 'b'], next: 'c', prev: null },
    };
    const first = await list({ limit: 2, before: 'e' });
    expect(first.hasPreviousPage()).toBe(true);
    expect((await first.previousPage()).items.map((i) => i.id)).toEqual(['a', 'b']);
    server.requests.length = 0;
    expect(await collect(list({ limit: 2, before: 'e' }))).toEqual(['c', 'd', 'a', 'b']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/plans?limit=2&before=e',
      '/plans?limit=2&before=c',
    ]);
  });

  it('fails going backward on a repeated before-cursor too', async () => {
    pages = {
      '<e': { ids: ['c'], next: 'e', prev: 'c' },
      '<c': { ids: ['b'], next: 'c', prev: 'e' },
    };
    const [ids, error] = await collectUntilError(list({ limit: 1, before: 'e' }));
    expect(ids).toEqual(['c', 'b']);
    expect((error as Error).message).toContain('"e" in "moreItemsBefore" a second time');
    expect(server.requests).toHaveLength(2);
  });

  it('has no previous page on a null cursor, and previousPage() says so', async () => {
    const page = await list();
    expect(page.hasPreviousPage()).toBe(false);
    await expect(page.previousPage()).rejects.toThrow(
      'There is no previous page; check hasPreviousPage() first.',
    );
  });

  it('rejects with the APIError of a failing page', async () => {
    await expect(list({ after: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
    pages['b'] = { ids: ['c'], next: 'missing' };
    await expect(collect(list())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects items nested too deeply to quote with an InvalidResponseError, not a RangeError', async () => {
    const deep = `{"items":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}},"moreItemsAfter":null}`;
    const bad = await startServer(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: deep,
    }));
    try {
      const other = new ClientCore({ baseURL: bad.url });
      const error = await other.requestPage({ method: 'get', path: '/x' }, PAGINATION).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toContain(
        '"items" is not an array (a value nested too deeply to show)',
      );
    } finally {
      await bad.close();
    }
  });

  it('keeps a fixed-size fingerprint of each cursor followed, not the cursor: 20 KB cursors do not pile up', async () => {
    let n = 0;
    const cursor = (i: number) => `c${i}_${'x'.repeat(20_000)}`;
    // No HTTP: a loader that answers every page with one item and a new 20 KB cursor.
    const load = () => {
      n++;
      const body: ListBody = {
        object: 'list',
        items: [{ id: String(n) }],
        moreItemsAfter: cursor(n),
        moreItemsBefore: null,
      };
      return new APIPromise(
        Promise.resolve({ data: body, response: new Response(), idempotencyKey: undefined }),
      );
    };
    collectNow();
    const before = process.memoryUsage().heapUsed;
    let seen = 0;
    for await (const item of new PagePromise<ListBody, Item>(load, {}, PAGINATION)) {
      void item;
      if (++seen === 3000) break;
    }
    collectNow();
    const grown = process.memoryUsage().heapUsed - before;
    // Kept whole, the cursors alone would be 3000 × 20 KB = 60 MB.
    expect(grown).toBeLessThan(20 * 1024 * 1024);
    // And a repeat is still found by its fingerprint.
    let again = 0;
    const repeat = () => {
      again++;
      const body: ListBody = {
        object: 'list',
        items: [{ id: 'x' }],
        moreItemsAfter: cursor(again % 3),
        moreItemsBefore: null,
      };
      return new APIPromise(
        Promise.resolve({ data: body, response: new Response(), idempotencyKey: undefined }),
      );
    };
    await expect(collect(new PagePromise<ListBody, Item>(repeat, {}, PAGINATION))).rejects.toThrow(
      /handed out the cursor "c1_x+… in "moreItemsAfter" a second time/,
    );
  });

  it('rejects a response without an items array', async () => {
    const bad = await startServer(() => json(200, { object: 'list', moreItemsAfter: null }));
    try {
      const other = new ClientCore({ baseURL: bad.url });
      await expect(other.requestPage({ method: 'get', path: '/x' }, PAGINATION)).rejects.toThrow(
        '"items"',
      );
    } finally {
      await bad.close();
    }
  });
});
