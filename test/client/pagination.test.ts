/**
 * Pagination of the generated Gigs client (generated/src) against a real HTTP server holding
 * 1,000 plans: one page, every item, every page, backwards, and servers that misbehave.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIUserAbortError, InvalidResponseError, type Gigs } from '../../generated/src/index.ts';
import {
  json,
  startServer,
  type Reply,
  type SeenRequest,
  type TestServer,
} from '../runtime/server.ts';
import { gigsFor, PROJECT, responseExample, UUID } from './harness.ts';

const template = (responseExample('listPlans').body['items'] as Record<string, unknown>[])[0]!;
/** 1,000 plans, newest first, as the API sorts them. */
const PLANS = Array.from({ length: 1_000 }, (_, index) => ({
  ...template,
  id: `pln_${String(1_000 - index).padStart(4, '0')}`,
}));

/** The API's cursor pagination over PLANS: `after` / `before` an id, `limit` (default 10, at most 200). */
function listPlans(request: SeenRequest): Reply {
  const query = new URL(request.url, 'http://x').searchParams;
  const limit = Math.min(Number(query.get('limit') ?? '10'), 200);
  const after = query.get('after');
  const before = query.get('before');
  let start = 0;
  let end = limit;
  if (after !== null) {
    start = PLANS.findIndex((plan) => plan.id === after) + 1;
    end = start + limit;
  } else if (before !== null) {
    end = PLANS.findIndex((plan) => plan.id === before);
    start = Math.max(0, end - limit);
  }
  const items = PLANS.slice(start, end);
  return json(200, {
    object: 'list',
    items,
    moreItemsAfter: end < PLANS.length ? (items.at(-1)?.id ?? null) : null,
    moreItemsBefore: start > 0 ? (items[0]?.id ?? null) : null,
  });
}

let server: TestServer;
let handler: (request: SeenRequest) => Reply;
let gigs: Gigs;

beforeAll(async () => {
  server = await startServer((request) => handler(request));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  handler = listPlans;
  gigs = gigsFor(server.url);
});

async function ids(iterable: AsyncIterable<{ id: string }>, bound = 2_000): Promise<string[]> {
  const seen: string[] = [];
  for await (const item of iterable) {
    seen.push(item.id);
    if (seen.length > bound) throw new Error('iteration did not stop');
  }
  return seen;
}

describe('one page', () => {
  it('await gives the page: items, moreItemsAfter, moreItemsBefore, hasNextPage(), nextPage()', async () => {
    const page = await gigs.plans.list({ limit: 3 });
    expect(page.items.map((plan) => plan.id)).toEqual(['pln_1000', 'pln_0999', 'pln_0998']);
    expect(page.moreItemsAfter).toBe('pln_0998');
    expect(page.moreItemsBefore).toBeNull();
    expect(page.hasNextPage()).toBe(true);
    expect(page.hasPreviousPage()).toBe(false);
    const next = await page.nextPage();
    expect(next.items.map((plan) => plan.id)).toEqual(['pln_0997', 'pln_0996', 'pln_0995']);
    expect(server.requests.map((r) => r.url)).toEqual([
      `/projects/${PROJECT}/plans?limit=3`,
      `/projects/${PROJECT}/plans?limit=3&after=pln_0998`,
    ]);
  });
});

describe('every item', () => {
  it('for await goes over all 1,000 plans in order, 100 per page, following moreItemsAfter', async () => {
    const all = await ids(gigs.plans.list({ limit: 100 }));
    expect(all).toEqual(PLANS.map((plan) => plan.id));
    expect(server.requests).toHaveLength(10);
    expect(server.requests.at(-1)?.url).toBe(`/projects/${PROJECT}/plans?limit=100&after=pln_0101`);
  });

  it('iterPages() gives each page once', async () => {
    const sizes: number[] = [];
    for await (const page of gigs.plans.list({ limit: 200 }).iterPages())
      sizes.push(page.items.length);
    expect(sizes).toEqual([200, 200, 200, 200, 200]);
  });

  it('backward from a before-cursor, following moreItemsBefore to the newest plan', async () => {
    const newer = await ids(gigs.plans.list({ limit: 100, before: 'pln_0751' }));
    // The 249 plans newer than pln_0751, a page at a time towards the newest, each page newest first.
    expect(newer).toHaveLength(249);
    expect(new Set(newer)).toEqual(new Set(PLANS.slice(0, 249).map((plan) => plan.id)));
    expect(newer.slice(0, 3)).toEqual(['pln_0851', 'pln_0850', 'pln_0849']);
    expect(newer.at(-1)).toBe('pln_0952');
    expect(server.requests.map((r) => r.url)).toEqual([
      `/projects/${PROJECT}/plans?limit=100&before=pln_0751`,
      `/projects/${PROJECT}/plans?limit=100&before=pln_0851`,
      `/projects/${PROJECT}/plans?limit=100&before=pln_0951`,
    ]);
  });

  it("every page request gets the call's options; a search page gets its own generated key", async () => {
    handler = (request) =>
      listPlans({ ...request, url: request.url.replace('/plans/search', '/plans') });
    await ids(gigs.plans.search({ limit: 400 }, { headers: { 'X-Trace': 't' }, timeout: 5_000 }));
    expect(server.requests).toHaveLength(5);
    expect(server.requests.every((r) => r.headers['x-trace'] === 't')).toBe(true);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys.every((key) => typeof key === 'string' && UUID.test(key))).toBe(true);
    expect(new Set(keys).size).toBe(5);
  });

  it('an abort stops the iteration before the next page', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const plan of gigs.plans.list({ limit: 100 }, { signal: controller.signal })) {
        seen.push(plan.id);
        if (seen.length === 150) controller.abort();
        if (seen.length > 1_000) break;
      }
    })();
    await expect(run).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen).toHaveLength(200);
    expect(server.requests).toHaveLength(2);
  });
});

describe('servers that misbehave', () => {
  it('a server that returns the same cursor twice: a clear error, not a silent stop or a loop', async () => {
    handler = () =>
      json(200, {
        object: 'list',
        items: [template],
        moreItemsAfter: 'pln_same',
        moreItemsBefore: null,
      });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of gigs.plans.list({ limit: 1 })) {
        seen.push(item.id);
        if (seen.length > 50) break;
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('"pln_same" in "moreItemsAfter" a second time');
    expect(seen).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('a cycle of cursors fails too', async () => {
    let turn = 0;
    handler = () =>
      json(200, {
        object: 'list',
        items: [template],
        moreItemsAfter: ['a', 'b', 'c'][turn++ % 3],
        moreItemsBefore: null,
      });
    await expect(ids(gigs.plans.list(), 50)).rejects.toBeInstanceOf(InvalidResponseError);
    expect(server.requests).toHaveLength(4);
  });

  it('empty pages with a new cursor each time: the iteration stops at the first, after one request', async () => {
    let turn = 0;
    handler = () =>
      json(200, { object: 'list', items: [], moreItemsAfter: `c${turn++}`, moreItemsBefore: null });
    expect(await ids(gigs.plans.list(), 50)).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('an empty last page with a null cursor ends the iteration', async () => {
    handler = () =>
      json(200, { object: 'list', items: [], moreItemsAfter: null, moreItemsBefore: null });
    expect(await ids(gigs.plans.list())).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
