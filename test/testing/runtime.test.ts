/**
 * templates/testing/runtime.ts where it stands (the generator copies it into the package's
 * src/testing/runtime.ts): operation mocks under a real MSW server (msw/node intercepting
 * `fetch`), their default answers, overrides, recorded calls, pagination and handler order.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  handlersOf,
  ListOperationMock,
  OperationMock,
  pageOf,
  resetAll,
  type OperationDefinition,
  type PaginationDefinition,
} from '../../templates/testing/runtime.ts';

const BASE = 'https://api.example.test/v1';

interface Thing {
  id: string;
  name: string;
}
interface ThingList {
  object: 'list';
  items: Thing[];
  next: string | null;
  prev: string | null;
}
interface Problem {
  message: string;
}

const PAGINATION: PaginationDefinition = {
  afterParam: 'after',
  beforeParam: 'before',
  limitParam: 'limit',
  itemsField: 'items',
  nextCursorField: 'next',
  prevCursorField: 'prev',
  defaultLimit: 10,
};

const retrieveThing: OperationDefinition = {
  name: 'things.retrieve',
  method: 'get',
  path: '/projects/{project}/things/{thing}',
  status: 200,
  contentType: 'application/json',
  example: { id: 'thg_1', name: 'Example' },
};
const searchThings: OperationDefinition = {
  name: 'things.search',
  method: 'post',
  path: '/projects/{project}/things/search',
  status: 201,
  contentType: 'application/json',
  example: { id: 'thg_found', name: 'Found' },
};
const updateThing: OperationDefinition = {
  ...retrieveThing,
  name: 'things.update',
  method: 'post',
};
const listThings: OperationDefinition = {
  name: 'things.list',
  method: 'get',
  path: '/projects/{project}/things',
  status: 200,
  contentType: 'application/json',
  example: { object: 'list', items: [{ id: 'thg_1', name: 'Example' }], next: null, prev: null },
  pagination: PAGINATION,
};
const deleteThing: OperationDefinition = {
  name: 'things.delete',
  method: 'delete',
  path: '/projects/{project}/things/{thing}',
  status: 204,
};

// A path key with characters the URL standard percent-encodes: the client requests `/caf%C3%A9`.
const visitCafe: OperationDefinition = {
  name: 'things.visit',
  method: 'get',
  path: '/cafés/{cafe}/sp ace',
  status: 200,
  contentType: 'application/json',
  example: { id: 'caf_1', name: 'Café' },
};

// Path keys holding a query or a `#` (the generator warns about both; the client sends the query
// before its own parameters, and `#` as %23 in the path).
const report = (kind: string): OperationDefinition => ({
  name: `reports.${kind}`,
  method: 'get',
  path: `/reports?kind=${kind}`,
  status: 200,
  contentType: 'application/json',
  example: { id: kind, name: 'Report' },
});
const hashedNote: OperationDefinition = {
  name: 'notes.hashed',
  method: 'get',
  path: '/notes/a#b',
  status: 200,
  contentType: 'application/json',
  example: { id: 'hashed', name: 'Note' },
};

const things = {
  daily: new OperationMock<Thing>(report('daily'), BASE),
  weekly: new OperationMock<Thing>(report('weekly'), BASE),
  hashed: new OperationMock<Thing>(hashedNote, BASE),
  visit: new OperationMock<Thing, undefined, Problem>(visitCafe, BASE),
  retrieve: new OperationMock<Thing, undefined, Problem>(retrieveThing, BASE),
  update: new OperationMock<Thing, Partial<Thing>, Problem>(updateThing, BASE),
  search: new OperationMock<Thing, { q: string }, Problem>(searchThings, BASE),
  list: new ListOperationMock<ThingList, Thing, undefined, Problem>(listThings, BASE),
  delete: new OperationMock<void, undefined, Problem>(deleteThing, `${BASE}/`),
};
const resources = { things } as unknown as Parameters<typeof handlersOf>[0];
const server = setupServer(...handlersOf(resources));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => resetAll(resources));
afterAll(() => server.close());

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${BASE}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('an operation mock', () => {
  it('matches a path with characters a URL percent-encodes (non-ASCII, a space) as the client requests it', async () => {
    expect(await get('/cafés/caf_ü/sp ace')).toEqual({
      status: 200,
      body: { id: 'caf_1', name: 'Café' },
    });
    expect(things.visit.calls.map((call) => [call.url.pathname, call.params])).toEqual([
      ['/v1/caf%C3%A9s/caf_%C3%BC/sp%20ace', { cafe: 'caf_ü' }],
    ]);
  });

  it('matches a path key that holds a query by its path and that query, and one with `#` as sent', async () => {
    expect(await get('/reports?kind=weekly&limit=2')).toMatchObject({ body: { id: 'weekly' } });
    expect(await get('/reports?limit=2&kind=daily')).toMatchObject({ body: { id: 'daily' } });
    expect(things.weekly.calls.map((call) => call.query.get('limit'))).toEqual(['2']);
    expect(await get('/notes/a%23b')).toMatchObject({ body: { id: 'hashed' } });
    // Another query is no call of theirs (onUnhandledRequest: 'error').
    await expect(get('/reports?kind=monthly')).rejects.toThrow();
  });

  it('answers with the example by default, on its method and path only', async () => {
    expect(await get('/projects/p/things/thg_9')).toEqual({
      status: 200,
      body: { id: 'thg_1', name: 'Example' },
    });
    // MSW lets an unhandled request fail (onUnhandledRequest: 'error').
    await expect(fetch(`${BASE}/projects/p/other`)).rejects.toThrow();
  });

  it('records each call: method, decoded path parameters, query, headers and JSON body', async () => {
    await get('/projects/my%20project/things/thg_2?x=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trace': 'abc' },
      body: JSON.stringify({ name: 'New' }),
    });
    const [call] = things.update.calls;
    expect(call?.method).toBe('POST');
    expect(call?.params).toEqual({ project: 'my project', thing: 'thg_2' });
    expect(call?.query.get('x')).toBe('1');
    expect(call?.headers.get('x-trace')).toBe('abc');
    expect(call?.body).toEqual({ name: 'New' });
    expect(things.retrieve.calls).toEqual([]);
  });

  it('replies with a body, a status and headers given per test, the newest answer first', async () => {
    things.retrieve.reply({ id: 'thg_a', name: 'A' });
    things.retrieve.reply({ id: 'thg_b', name: 'B' }, { once: true, headers: { 'x-one': '1' } });
    const first = await fetch(`${BASE}/projects/p/things/t`);
    expect(first.headers.get('x-one')).toBe('1');
    expect(await first.json()).toEqual({ id: 'thg_b', name: 'B' });
    expect((await get('/projects/p/things/t')).body).toEqual({ id: 'thg_a', name: 'A' });
    expect((await get('/projects/p/things/t')).body).toEqual({ id: 'thg_a', name: 'A' });
  });

  it('computes a reply from the call', async () => {
    things.retrieve.reply((call) => ({ id: call.params.thing ?? '', name: 'Echo' }));
    expect((await get('/projects/p/things/thg_echo')).body).toEqual({
      id: 'thg_echo',
      name: 'Echo',
    });
  });

  it('fails with an error status and body, once or until reset', async () => {
    things.retrieve.fail(500, { message: 'down' }, { once: true });
    expect(await get('/projects/p/things/t')).toEqual({ status: 500, body: { message: 'down' } });
    expect((await get('/projects/p/things/t')).status).toBe(200);
    things.retrieve.fail(404);
    expect(await get('/projects/p/things/t')).toEqual({ status: 404, body: undefined });
    things.retrieve.reset();
    expect((await get('/projects/p/things/t')).status).toBe(200);
  });

  it('refuses a fail() status that is not an error, naming the operation', () => {
    expect(() => things.retrieve.fail(200)).toThrow(
      /things\.retrieve\.fail\(200\): the status of an error is 400 to 599/,
    );
  });

  it('fails the request at the network level', async () => {
    things.retrieve.networkError({ once: true });
    await expect(fetch(`${BASE}/projects/p/things/t`)).rejects.toThrow(TypeError);
    expect((await get('/projects/p/things/t')).status).toBe(200);
  });

  it('answers an operation without a response body with its status and no body', async () => {
    expect(await get('/projects/p/things/t', { method: 'DELETE' })).toEqual({
      status: 204,
      body: undefined,
    });
  });

  it('matches concrete paths before templated ones, whatever the order of definition', async () => {
    // `search` is defined after `update`, whose path /things/{thing} would match /things/search.
    expect(await get('/projects/p/things/search', { method: 'POST' })).toEqual({
      status: 201,
      body: { id: 'thg_found', name: 'Found' },
    });
    expect(things.update.calls).toEqual([]);
  });

  it.each([
    ['update first', false],
    ['cancel first', true],
  ])(
    'matches a segment with more literal text first (a custom method, {id}:cancel): %s',
    async (_name, cancelFirst) => {
      const update = new OperationMock<{ updated: boolean }, undefined, Problem>(
        {
          name: 'operations.update',
          method: 'post',
          path: '/operations/{id}',
          status: 200,
          contentType: 'application/json',
          example: { updated: true },
        },
        BASE,
      );
      const cancel = new OperationMock<{ cancelled: boolean }, undefined, Problem>(
        {
          name: 'operations.cancel',
          method: 'post',
          path: '/operations/{id}:cancel',
          status: 200,
          contentType: 'application/json',
          example: { cancelled: true },
        },
        BASE,
      );
      const operations = cancelFirst ? { cancel, update } : { update, cancel };
      server.use(...handlersOf({ operations }));
      try {
        expect(await get('/operations/op1:cancel', { method: 'POST' })).toEqual({
          status: 200,
          body: { cancelled: true },
        });
        expect(await get('/operations/op1', { method: 'POST' })).toEqual({
          status: 200,
          body: { updated: true },
        });
        expect(cancel.calls.map((call) => call.params)).toEqual([{ id: 'op1' }]);
        expect(update.calls.map((call) => call.params)).toEqual([{ id: 'op1' }]);
      } finally {
        server.resetHandlers();
      }
    },
  );

  it('hands out copies: a test that changes a reply changes nothing else', async () => {
    const body = { id: 'thg_c', name: 'Copy' };
    things.retrieve.reply(body);
    body.name = 'Changed';
    expect((await get('/projects/p/things/t')).body).toEqual({ id: 'thg_c', name: 'Copy' });
  });
});

describe('a list operation mock', () => {
  const items = Array.from({ length: 5 }, (_, index) => ({
    id: `thg_${index}`,
    name: `T${index}`,
  }));

  it('serves the example list as one page by default', async () => {
    expect((await get('/projects/p/things')).body).toEqual(listThings.example);
  });

  it('serves items page by page: after, before, limit and the page size', async () => {
    things.list.items(items, { pageSize: 2 });
    const first = (await get('/projects/p/things')).body as ThingList;
    expect(first.items.map((item) => item.id)).toEqual(['thg_0', 'thg_1']);
    expect([first.next, first.prev, first.object]).toEqual(['thg_1', null, 'list']);
    const second = (await get('/projects/p/things?after=thg_1')).body as ThingList;
    expect(second.items.map((item) => item.id)).toEqual(['thg_2', 'thg_3']);
    expect([second.next, second.prev]).toEqual(['thg_3', 'thg_2']);
    const last = (await get('/projects/p/things?after=thg_3&limit=5')).body as ThingList;
    expect(last.items.map((item) => item.id)).toEqual(['thg_4']);
    expect([last.next, last.prev]).toEqual([null, 'thg_4']);
    const back = (await get('/projects/p/things?before=thg_4&limit=3')).body as ThingList;
    expect(back.items.map((item) => item.id)).toEqual(['thg_1', 'thg_2', 'thg_3']);
    expect([back.next, back.prev]).toEqual(['thg_3', 'thg_1']);
  });

  it('lets a reply override the pagination, and reset bring the example back', async () => {
    things.list.items(items);
    things.list.reply({ object: 'list', items: [], next: null, prev: null });
    expect(((await get('/projects/p/things')).body as ThingList).items).toEqual([]);
    things.list.reset();
    expect((await get('/projects/p/things')).body).toEqual(listThings.example);
  });
});

describe('pageOf', () => {
  const query = (text: string) => new URLSearchParams(text);

  it.each([
    ['no cursor', '', [0, 1, 2], '2', null],
    ['after the second', 'after=1', [2, 3, 4], '4', '2'],
    ['an unknown cursor gives an empty last page', 'after=nope', [], null, null],
    ['limit 0 gives an empty page without a next cursor', 'limit=0', [], null, null],
    ['before the first', 'before=0', [], null, null],
  ])('%s', (_name, text, want, next, prev) => {
    // Items without ids: their position is their cursor.
    const items = Array.from({ length: 8 }, (_, index) => ({ n: index }));
    const page = pageOf(items, query(text), { ...PAGINATION, defaultLimit: 3 });
    expect((page.items as { n: number }[]).map((item) => item.n)).toEqual(want);
    expect([page.next, page.prev]).toEqual([next, prev]);
  });
});
