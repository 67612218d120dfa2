import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { SDKError } from '../../templates/runtime/errors.ts';
import { createPathsClient } from '../../templates/runtime/paths-client.ts';
import { json, startServer, type TestServer } from './server.ts';

/** A hand-written slice of what openapi-typescript emits for one operation. */
interface paths {
  '/projects/{project}/plans/{plan}': {
    parameters: {
      query?: never;
      header?: never;
      path: { project: string; plan: string };
      cookie?: never;
    };
    get: {
      parameters: {
        query?: { status?: ('available' | 'archived')[]; limit?: number };
        header?: never;
        path: { project: string; plan: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } };
        404: {
          headers: Record<string, unknown>;
          content: { 'application/json': { message: string } };
        };
      };
    };
  };
  '/items/{id}.{format}': {
    get: {
      parameters: { path: { id: string; format: string } };
      responses: { 200: { content: { 'application/json': unknown } } };
    };
  };
  '/search': {
    get: {
      parameters: { query?: { status?: string[] } };
      responses: { 200: { content: { 'application/json': unknown } } };
    };
    post: {
      parameters: { query?: { status?: string[] } };
      responses: { 200: { content: { 'application/json': unknown } } };
    };
  };
  '/export.csv': {
    get: { responses: { 200: { content: { 'text/csv': string } } } };
  };
  '/segments/{ids}': {
    get: {
      parameters: { path: { ids: string[] } };
      responses: { 200: { content: { 'application/json': unknown } } };
    };
  };
  '/items/{item.id}/tags/{tag*}': {
    get: {
      parameters: { path: { 'item.id': string; 'tag*': string } };
      responses: { 200: { content: { 'application/json': unknown } } };
    };
  };
  '/files/{id}': {
    get: { responses: { 200: { content: { '*/*': unknown } } } };
  };
}

const TOKEN = 'sk_paths_SECRET';
let server: TestServer;

beforeAll(async () => {
  server = await startServer(() => json(200, { id: 'pln_1' }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('createPathsClient', () => {
  it('shares base URL, token, default headers, path encoding and query styles with the client', async () => {
    const core = new ClientCore({
      baseURL: `${server.url}/`,
      token: TOKEN,
      defaultHeaders: { 'X-Default': 'd' },
    });
    const client = createPathsClient<paths>(core, {
      operations: {
        'get /projects/{project}/plans/{plan}': { query: { status: { explode: false } } },
      },
    });
    const { data, error } = await client.GET('/projects/{project}/plans/{plan}', {
      params: {
        path: { project: 'p', plan: '../x?y#z' },
        query: { status: ['available', 'archived'], limit: 2 },
      },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: 'pln_1' });
    expect(server.requests).toHaveLength(1);
    const [seen] = server.requests;
    expect(seen?.url).toBe('/projects/p/plans/..%2Fx%3Fy%23z?status=available,archived&limit=2');
    expect(seen?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(seen?.headers['x-default']).toBe('d');
  });

  it("follows each operation's own query style: the same name may differ between operations", async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const client = createPathsClient<paths>(core, {
      operations: {
        'get /search': { query: { status: { explode: false } } },
        'post /search': { query: { status: { style: 'pipeDelimited', explode: false } } },
      },
    });
    const query = { status: ['a', 'b'] };
    await client.GET('/search', { params: { query } });
    await client.POST('/search', { params: { query } });
    await client.request('get', '/search', { params: { query } });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/search?status=a,b',
      '/search?status=a%7Cb',
      '/search?status=a,b',
    ]);
  });

  it('reads a text/csv answer as text, never as JSON', async () => {
    const csv = await startServer(() => ({
      status: 200,
      headers: { 'content-type': 'text/csv' },
      body: 'id,name\n1,a\n',
    }));
    try {
      const core = new ClientCore({ baseURL: csv.url, token: TOKEN });
      const client = createPathsClient<paths>(core, {
        operations: { 'get /export.csv': { parseAs: 'text' } },
      });
      const { data, error } = await client.GET('/export.csv');
      expect(error).toBeUndefined();
      expect(data).toBe('id,name\n1,a\n');
    } finally {
      await csv.close();
    }
  });

  it('sends a query credential with every call', async () => {
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      auth: { in: 'query', name: 'key' },
    });
    await createPathsClient<paths>(core).GET('/search', { params: { query: { status: ['x'] } } });
    expect(server.requests[0]?.url).toBe(`/search?status=x&key=${TOKEN}`);
    expect(server.requests[0]?.headers['authorization']).toBeUndefined();
  });

  it('sends no credential to an operation that takes none, in a header, a cookie or the query', async () => {
    const operations = { 'post /search': { anonymous: true as const } };
    const bearer = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      defaultHeaders: { 'X-Default': 'd' },
    });
    const client = createPathsClient<paths>(bearer, { operations });
    await client.POST('/search', { headers: { 'X-Trace': 't1' } });
    await client.request('post', '/search', { headers: new Headers({ 'X-Trace': 't2' }) });
    await client.GET('/search');
    const [anonymous, viaRequest, withToken] = server.requests;
    expect(anonymous?.headers['authorization']).toBeUndefined();
    expect(anonymous?.headers['x-trace']).toBe('t1');
    expect(anonymous?.headers['x-default']).toBe('d');
    expect(viaRequest?.headers['authorization']).toBeUndefined();
    expect(viaRequest?.headers['x-trace']).toBe('t2');
    expect(withToken?.headers['authorization']).toBe(`Bearer ${TOKEN}`);

    server.requests.length = 0;
    const cookie = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      auth: { in: 'cookie', name: 'session' },
      defaultHeaders: { Cookie: 'theme=dark' },
    });
    await createPathsClient<paths>(cookie, { operations }).POST('/search');
    await createPathsClient<paths>(cookie, { operations }).GET('/search');
    expect(server.requests.map((r) => r.headers['cookie'])).toEqual([
      'theme=dark',
      `theme=dark; session=${TOKEN}`,
    ]);

    server.requests.length = 0;
    const query = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      auth: { in: 'query', name: 'key' },
    });
    await createPathsClient<paths>(query, { operations }).POST('/search', {
      params: { query: { status: ['x'] } },
    });
    expect(server.requests[0]?.url).toBe('/search?status=x');
  });

  it('sends cookie parameters in the Cookie header, after the cookies the client and the call have', async () => {
    // helper-108: openapi-fetch reads no `params.cookie`: they were dropped without a word.
    const operations = { 'post /search': { anonymous: true as const } };
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      auth: { in: 'cookie', name: 'session' },
      defaultHeaders: { Cookie: 'theme=dark' },
    });
    const client = createPathsClient<paths>(core, { operations });
    // helper-111: `%` went as it was, so `100%20off` was read back as `100 off`.
    const cookie = { lang: 'fr', ids: [1, 2], note: 'a b;c', off: '100%20off', gone: undefined };
    const params = { cookie } as never;
    await client.GET('/search', { params });
    await client.GET('/search', { params, headers: { Cookie: 'own=1' } });
    // An operation that takes no credential: the client's other cookies, not its token.
    await client.POST('/search', { params });
    // The call's own cookies join the client's too, without parameters; null takes them off.
    await client.GET('/search', { headers: { Cookie: 'own=1' } });
    await client.GET('/search', { headers: { Cookie: null } } as never);
    expect(server.requests.map((r) => r.headers['cookie'])).toEqual([
      `theme=dark; session=${TOKEN}; lang=fr; ids=1,2; note=a%20b%3Bc; off=100%2520off`,
      `theme=dark; session=${TOKEN}; own=1; lang=fr; ids=1,2; note=a%20b%3Bc; off=100%2520off`,
      'theme=dark; lang=fr; ids=1,2; note=a%20b%3Bc; off=100%2520off',
      `theme=dark; session=${TOKEN}; own=1`,
      undefined,
    ]);
  });

  it("a call's own cookie, or cookie parameter, of a name the client sends too wins (helper-152 3)", async () => {
    const operations = { 'get /search': { cookie: { exploded: ['cm'] } } };
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      auth: { in: 'cookie', name: 'session' },
      defaultHeaders: { Cookie: 'theme=dark' },
    });
    const client = createPathsClient<paths>(core, { operations });
    await client.GET('/search', {
      params: { cookie: { cs: 'v' } } as never,
      headers: { cookie: 'session=mine' },
    });
    await client.GET('/search', { params: { cookie: { cm: { theme: 'light' } } } as never });
    expect(server.requests.map((r) => r.headers['cookie'])).toEqual([
      `theme=dark; session=mine; cs=v`,
      `session=${TOKEN}; theme=light`,
    ]);
  });

  it('sends a cookie parameter described by JSON content as its JSON text (helper-137 7)', async () => {
    const operations = { 'get /search': { cookie: { json: ['filter'] } } };
    const core = new ClientCore({ baseURL: server.url });
    const client = createPathsClient<paths>(core, { operations });
    await client.GET('/search', {
      params: { cookie: { filter: { z: true, tags: ['a b'] }, plain: { z: true } } } as never,
    });
    expect(server.requests[0]?.headers['cookie']).toBe(
      'filter={%22z%22:true%2C%22tags%22:[%22a%20b%22]}; plain=z,true',
    );
  });

  it('sends a string body in the charset its type declares, as the resource method does', async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const client = createPathsClient<paths>(core, {
      operations: {
        'post /search': { bodyType: 'text/plain; charset=iso-8859-1', rawBody: true as const },
      },
    });
    await client.POST('/search', { body: 'café' } as never);
    expect(server.requests[0]?.headers['content-type']).toBe('text/plain; charset=iso-8859-1');
    expect([...new Uint8Array(server.requests[0]!.raw)]).toEqual([0x63, 0x61, 0x66, 0xe9]);
  });

  it('uses the fetch the client was given', async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const seen: string[] = [];
    const client = createPathsClient<paths>(core, {
      fetch: (url, init) => {
        seen.push(url);
        return globalThis.fetch(url, init);
      },
    });
    await client.GET('/projects/{project}/plans/{plan}', {
      params: { path: { project: 'p', plan: 'q' } },
    });
    expect(seen).toEqual([`${server.url}/projects/p/plans/q`]);
  });

  it("uses the core's fetch unless told otherwise", async () => {
    const seen: string[] = [];
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      fetch: (url, init) => {
        seen.push(url);
        return globalThis.fetch(url, init);
      },
    });
    await createPathsClient<paths>(core).GET('/projects/{project}/plans/{plan}', {
      params: { path: { project: 'p', plan: 'r' } },
    });
    expect(seen).toEqual([`${server.url}/projects/p/plans/r`]);
  });

  it('encodes and checks every path parameter as the resource method does: arrays, any name, none missing', async () => {
    // helper-108: these fell through to openapi-fetch's serializer: `['..']` went to the parent
    // path, `it's` unencoded, `{tag*}` read as RFC 6570's explode, a missing one sent as `%7Bid%7D`.
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const client = createPathsClient<paths>(core);
    await client.GET('/segments/{ids}', { params: { path: { ids: ["it's(1)*", 'b'] } } });
    await client.GET('/items/{item.id}/tags/{tag*}', {
      params: { path: { 'item.id': "it's", 'tag*': 'x y' } },
    });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/segments/it%27s%281%29%2A,b',
      '/items/it%27s/tags/x%20y',
    ]);
    await expect(
      client.GET('/segments/{ids}', { params: { path: { ids: ['..'] } } }),
    ).rejects.toThrow('Path parameter {ids} of /segments/{ids} cannot be ".."');
    await expect(
      client.GET('/items/{item.id}/tags/{tag*}', {
        params: { path: { 'item.id': '..', 'tag*': 'x' } },
      }),
    ).rejects.toThrow('Path parameter {item.id} of /items/{item.id}/tags/{tag*} cannot be ".."');
    await expect(
      client.GET('/segments/{ids}', { params: { path: {} as { ids: string[] } } }),
    ).rejects.toThrow(
      'Path parameter {ids} of /segments/{ids} must be a string or a number, got undefined',
    );
    expect(server.requests).toHaveLength(2);
  });

  it('reads a `*/*` answer by its Content-Type, as the resource method does', async () => {
    // helper-108: every such answer was parsed as JSON; a CSV or an image failed.
    const answers = [
      { type: 'text/csv', body: 'a,b\n1,2' },
      { type: 'image/png', body: '\x89PNG' },
      { type: 'application/json', body: '{"a":1}' },
    ];
    let next = 0;
    const any = await startServer(() => {
      const { type, body } = answers[next++]!;
      return { status: 200, headers: { 'content-type': type }, body };
    });
    try {
      const core = new ClientCore({ baseURL: any.url, token: TOKEN });
      const client = createPathsClient<paths>(core, {
        operations: { 'get /files/{id}': { parseAs: 'any' } },
      });
      const read = async () =>
        (await client.GET('/files/{id}', { params: { path: { id: 'f' } } } as never)).data;
      expect(await read()).toBe('a,b\n1,2');
      const blob = (await read()) as unknown as Blob;
      expect([blob instanceof Blob, blob.type]).toEqual([true, 'image/png']);
      expect(await read()).toEqual({ a: 1 });
    } finally {
      await any.close();
    }
  });

  it('refuses a dot-dot path parameter', async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const client = createPathsClient<paths>(core);
    await expect(
      client.GET('/projects/{project}/plans/{plan}', {
        params: { path: { project: 'p', plan: '..' } },
      }),
    ).rejects.toThrow('cannot be ".."');
    expect(server.requests).toHaveLength(0);
  });

  it('sends ".", ".." and "" beside literal text in their segment; refuses a segment left "." or ".."', async () => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const client = createPathsClient<paths>(core);
    for (const id of ['..', '.', ''])
      await client.GET('/items/{id}.{format}', { params: { path: { id, format: 'json' } } });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/items/...json',
      '/items/..json',
      '/items/.json',
    ]);
    await expect(
      client.GET('/items/{id}.{format}', { params: { path: { id: '.', format: '' } } }),
    ).rejects.toThrow(
      'Path parameter {id} of /items/{id}.{format} cannot be "." here: with the text around it the path segment would be ".."',
    );
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ['above U+00FF', { 'x-name': 'Zoë ✓' }],
    ['a control character', { 'x-note': 'a\x01b' }],
    ['a line break', { 'x-note': 'a\r\nx-injected: 1' }],
  ])('refuses a header value with %s: an SDKError, nothing sent', async (_name, headers) => {
    const core = new ClientCore({ baseURL: server.url, token: TOKEN });
    const client = createPathsClient<paths>(core);
    const error = await client
      .GET('/projects/{project}/plans/{plan}', {
        params: { path: { project: 'p', plan: 'r' } },
        headers,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(/header value has .*nothing was sent/);
    expect(server.requests).toHaveLength(0);
  });

  // helper-115 4: `params.header` went to fetch unchecked: a raw TypeError quoting the value, or
  // a trailing newline trimmed and sent.
  it.each([
    ['above U+00FF', 'Zoë ✓'],
    ['a control character', 'a\x01b'],
    ['a line break', 'a\r\nx-injected: 1'],
    ['a trailing newline', 'secret-signature\n'],
  ])(
    'refuses a header parameter (params.header) with %s: an SDKError without the value, nothing sent',
    async (_name, value) => {
      const core = new ClientCore({ baseURL: server.url, token: TOKEN });
      const client = createPathsClient<paths>(core);
      const error = await client
        .GET('/projects/{project}/plans/{plan}', {
          params: { path: { project: 'p', plan: 'r' }, header: { 'x-trace': value } },
        } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SDKError);
      expect((error as Error).message).toMatch(
        /"x-trace" (header value has|has a character outside ASCII).*nothing was sent/,
      );
      expect((error as Error).message).not.toContain(value.trim());
      expect(server.requests).toHaveLength(0);
    },
  );
});
