/**
 * Conformance of the generated client's requests with OpenAPI 3.1.1 (and 3.0.3, the same document
 * in 3.0's words): the Parameter Object's `style`, `explode` and `allowReserved` (§4.8.12.4 and its
 * style examples table, for `color` = `"blue"`, `["blue","black","brown"]` and
 * `{R:100,G:200,B:150}`), the Encoding Object of form and multipart bodies (§4.8.15) and the
 * servers of a path or an operation (§4.8.9, §4.8.10). Each row calls a client generated from the
 * small document below against a real node:http server on 127.0.0.1 and compares the raw request
 * target, header or body with the text the specification gives.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { startServer, type SeenRequest, type TestServer } from '../runtime/server.ts';
import { specClient, type Methods } from '../client/spec-client.ts';
import type { GeneratorWarning } from '../../generator/warnings.ts';

const string = { type: 'string' };
const strings = { type: 'array', items: string };
const rgb = {
  type: 'object',
  properties: { R: { type: 'integer' }, G: { type: 'integer' }, B: { type: 'integer' } },
};
const done = { '204': { description: 'Done' } };

const STRING = 'blue';
const ARRAY = ['blue', 'black', 'brown'];
const OBJECT = { R: 100, G: 200, B: 150 };

/** Six path parameters, one per style × explode, of one schema. */
const pathParams = (schema: unknown) =>
  (
    [
      ['s', 'simple', false],
      ['se', 'simple', true],
      ['l', 'label', false],
      ['le', 'label', true],
      ['m', 'matrix', false],
      ['me', 'matrix', true],
    ] as const
  ).map(([name, style, explode]) => ({ name, in: 'path', required: true, style, explode, schema }));

const query = (name: string, schema: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  in: 'query',
  schema,
  ...extra,
});
const header = (name: string, schema: unknown, explode: boolean) => ({
  name,
  in: 'header',
  schema,
  explode,
});
const cookie = (name: string, schema: unknown, explode: boolean) => ({
  name,
  in: 'cookie',
  schema,
  explode,
});

/** The document, each operation a method of `client.conformance` named for its operationId. */
function document(openapi: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = operations();
  for (const item of Object.values(paths))
    for (const operation of Object.values(item) as Record<string, unknown>[])
      operation['x-sdk-method'] = `conformance.${String(operation['operationId'])}`;
  // A required parameter whose schema admits null alone: RFC 6570 reads null as undefined, so
  // the only request it allows is one without it (3.0 has no `const` and no `type: 'null'`).
  const nullOnly = openapi.startsWith('3.0')
    ? [
        { nullable: true, enum: [null] },
        { nullable: true, enum: [null] },
      ]
    : [{ const: null }, { type: 'null' }];
  paths['/nulls'] = {
    get: {
      operationId: 'nullOnly',
      'x-sdk-method': 'conformance.nullOnly',
      parameters: [
        { name: 'none', in: 'query', required: true, schema: nullOnly[0] },
        { name: 'X-None', in: 'header', required: true, schema: nullOnly[1] },
        { name: 'keep', in: 'query', schema: string },
      ],
      responses: done,
    },
  };
  // Servers relative to the description (§4.8.5) at a path and an operation: resolved against
  // the client's base URL (RFC 3986 §5.2).
  paths['/where'] = {
    servers: [{ url: '/v2' }],
    get: { operationId: 'wherePath', 'x-sdk-method': 'conformance.wherePath', responses: done },
    post: {
      operationId: 'whereOperation',
      'x-sdk-method': 'conformance.whereOperation',
      servers: [{ url: './v3' }],
      responses: done,
    },
  };
  return { openapi, info: { title: 'Conformance', version: '1.0.0' }, paths };
}

function operations(): Record<string, Record<string, Record<string, unknown>>> {
  return {
    '/prim/{s}/{se}/{l}/{le}/{m}/{me}': {
      get: { operationId: 'pathString', parameters: pathParams(string), responses: done },
    },
    '/arr/{s}/{se}/{l}/{le}/{m}/{me}': {
      get: { operationId: 'pathArray', parameters: pathParams(strings), responses: done },
    },
    '/obj/{s}/{se}/{l}/{le}/{m}/{me}': {
      get: { operationId: 'pathObject', parameters: pathParams(rgb), responses: done },
    },
    // The empty string (the style examples' column "empty"), each value beside other text in its
    // segment: simple's nothing would otherwise leave the segment empty, label's `.` make a
    // dot-segment (both refused, see below).
    '/empty/a{s}b/a{se}b/a{l}b/a{le}b/{m}/{me}': {
      get: { operationId: 'pathEmpty', parameters: pathParams(string), responses: done },
    },
    // Parameters described by JSON `content` (§4.8.12.2.3), in each location.
    '/json/{p}': {
      get: {
        operationId: 'jsonContent',
        parameters: [
          {
            name: 'p',
            in: 'path',
            required: true,
            content: { 'application/json': { schema: {} } },
          },
          { name: 'q', in: 'query', content: { 'application/json': { schema: {} } } },
          { name: 'X-J', in: 'header', content: { 'application/json': { schema: {} } } },
          { name: 'cj', in: 'cookie', content: { 'application/json': { schema: {} } } },
        ],
        responses: done,
      },
    },
    '/query': {
      get: {
        operationId: 'queryStyles',
        parameters: [
          query('fs', string),
          query('fsu', string, { explode: false }),
          query('fa', strings),
          query('fau', strings, { explode: false }),
          query('fo', rgb),
          query('fou', rgb, { explode: false }),
          query('sa', strings, { style: 'spaceDelimited', explode: false }),
          query('so', rgb, { style: 'spaceDelimited', explode: false }),
          query('pa', strings, { style: 'pipeDelimited', explode: false }),
          query('po', rgb, { style: 'pipeDelimited', explode: false }),
          query('d', rgb, { style: 'deepObject', explode: true }),
          query('r', string, { allowReserved: true }),
          query('nr', string),
          query('ra', strings, { allowReserved: true, explode: false }),
          query('n', { type: 'number' }),
          query('i', { type: 'integer' }),
          query('b', { type: 'boolean' }),
          query('na', { type: 'array', items: { type: 'number' } }, { explode: false }),
          query('ba', { type: 'array', items: { type: 'boolean' } }),
        ],
        responses: done,
      },
    },
    '/headers': {
      get: {
        operationId: 'headerStyles',
        parameters: [
          header('X-S', string, false),
          header('X-Se', string, true),
          header('X-A', strings, false),
          header('X-Ae', strings, true),
          header('X-O', rgb, false),
          header('X-Oe', rgb, true),
          header('X-N', { type: 'number' }, false),
          header('X-B', { type: 'boolean' }, false),
        ],
        responses: done,
      },
    },
    '/cookies': {
      get: {
        operationId: 'cookieStyles',
        parameters: [
          cookie('cs', string, false),
          cookie('cse', string, true),
          cookie('ca', strings, false),
          cookie('cae', strings, true),
          cookie('co', rgb, false),
          cookie('coe', rgb, true),
          { name: 'cd', in: 'cookie', schema: strings },
        ],
        responses: done,
      },
    },
    '/form': {
      post: {
        operationId: 'formBody',
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: {
                  csv: strings,
                  each: strings,
                  pipes: strings,
                  spaces: strings,
                  deep: rgb,
                  flat: rgb,
                  packed: rgb,
                  json: rgb,
                  reserved: string,
                  encoded: string,
                  number: { type: 'number' },
                  flag: { type: 'boolean' },
                  none: { type: ['string', 'null'] },
                  empty: strings,
                  text: string,
                },
              },
              encoding: {
                csv: { style: 'form', explode: false },
                each: { style: 'form', explode: true },
                pipes: { style: 'pipeDelimited', explode: false },
                spaces: { style: 'spaceDelimited', explode: false },
                deep: { style: 'deepObject', explode: true },
                flat: { style: 'form', explode: true },
                packed: { style: 'form', explode: false },
                json: { contentType: 'application/json' },
                reserved: { allowReserved: true },
                empty: { style: 'form', explode: false },
              },
            },
          },
        },
        responses: done,
      },
    },
    '/multipart': {
      post: {
        operationId: 'multipartBody',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'string', format: 'binary' },
                  meta: rgb,
                  note: string,
                  tags: strings,
                  count: { type: 'integer' },
                  flag: { type: 'boolean' },
                },
              },
              encoding: {
                file: {
                  contentType: 'image/png',
                  headers: {
                    'X-Part': { required: true, schema: { type: 'string', const: 'fixed' } },
                  },
                },
                note: { contentType: 'text/plain; charset=utf-8' },
              },
            },
          },
        },
        responses: done,
      },
    },
  };
}

type PathsClient = Record<string, (url: string, init?: unknown) => Promise<{ error?: unknown }>>;

describe.each(['3.1.1', '3.0.3'])('OpenAPI %s', (openapi) => {
  let server: TestServer;
  let api: Methods;
  let paths: PathsClient;
  let warnings: GeneratorWarning[];
  /** A client of the same package whose fetch records the URL the client hands it. */
  let recording: Methods;
  const fetched: string[] = [];

  beforeAll(async () => {
    server = await startServer(() => ({ status: 204 }));
    const made = await specClient(document(openapi), 'Conformance', {
      baseURL: server.url,
      maxRetries: 0,
    });
    api = made.client['conformance']!;
    warnings = made.result.warnings;
    const { pathsClient, Conformance } = (await import(join(made.out, 'src/client.ts'))) as {
      pathsClient: (client: unknown) => PathsClient;
      Conformance: new (options: Record<string, unknown>) => Record<string, Methods>;
    };
    paths = pathsClient(made.client);
    recording = new Conformance({
      baseURL: server.url,
      maxRetries: 0,
      fetch: (url: string, init: RequestInit) => {
        fetched.push(url);
        return fetch(url, init);
      },
    })['conformance']!;
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await removeTempDirs();
  });

  const last = (): SeenRequest => server.requests.at(-1)!;

  // The rows of OpenAPI 3.1.1's style examples table. 3.0.3's table has an erratum in the label
  // rows without explode: `.blue.black.brown` and `.R.100.G.200.B.150`, which is RFC 6570's
  // exploded `{.color*}` of a list, and no expansion of an object. 3.1.1 (and 3.0.4) correct them to
  // `.blue,black,brown` and `.R,100,G,200,B,150` (RFC 6570 §3.2.5, `{.color}`); the client follows
  // 3.1.1 for both versions of a document, and so do these rows.
  describe('path parameters (§4.8.12.4 style examples)', () => {
    const six = (values: unknown) => [values, values, values, values, values, values];
    it.each([
      ['pathString', '/prim', STRING, '/prim/blue/blue/.blue/.blue/;m=blue/;me=blue'],
      [
        'pathArray',
        '/arr',
        ARRAY,
        '/arr/blue,black,brown/blue,black,brown/.blue,black,brown/.blue.black.brown/;m=blue,black,brown/;me=blue;me=black;me=brown',
      ],
      [
        'pathObject',
        '/obj',
        OBJECT,
        '/obj/R,100,G,200,B,150/R=100,G=200,B=150/.R,100,G,200,B,150/.R=100.G=200.B=150/;m=R,100,G,200,B,150/;R=100;G=200;B=150',
      ],
    ])(
      '%s: simple, label, matrix × explode false, true',
      async (method, _prefix, value, target) => {
        await api[method]!(...six(value));
        expect(last().url).toBe(target);
      },
    );
  });

  describe('path parameters: the empty string (§4.8.12.4 style examples, column "empty")', () => {
    it('simple sends nothing, label ".", matrix ";name", exploded or not', async () => {
      await api['pathEmpty']!('', '', '', '', '', '');
      expect(last().url).toBe('/empty/ab/ab/a.b/a.b/;m/;me');
      const { error } = await paths['GET']!('/empty/a{s}b/a{se}b/a{l}b/a{le}b/{m}/{me}', {
        params: { path: { s: '', se: '', l: '', le: '', m: '', me: '' } },
      });
      expect(error).toBeUndefined();
      expect(last().url).toBe('/empty/ab/ab/a.b/a.b/;m/;me');
    });

    // Alone in its segment, simple's nothing leaves `//` in the path and label's `.` is a
    // dot-segment fetch resolves away (RFC 3986 §5.2.4): either reaches another path, so the
    // call is refused, saying why, and nothing is sent.
    it.each([
      [
        'simple, inside the path',
        ['', 'blue', 'blue', 'blue', 'blue', 'blue'],
        /\{s\} of \/prim\/\{s\}.* cannot be empty: it would change the request path: style simple sends the empty string as nothing, so the path would hold "\/\/"/,
      ],
      [
        'label, alone in its segment',
        ['blue', 'blue', '', 'blue', 'blue', 'blue'],
        /\{l\} of .* cannot be "\.": it would change the request path: a dot-segment, which fetch resolves against the path/,
      ],
    ])('%s: refused', async (_name, values, message) => {
      const before = server.requests.length;
      await expect(api['pathString']!(...values)).rejects.toThrow(message);
      expect(server.requests.length).toBe(before);
    });

    it('matrix sends ";name" alone in its segment', async () => {
      await api['pathString']!('blue', 'blue', 'blue', 'blue', '', '');
      expect(last().url).toBe('/prim/blue/blue/.blue/.blue/;m/;me');
    });
  });

  describe('path parameters: reserved characters (RFC 6570 simple, label and matrix expansion)', () => {
    // No allowReserved in a path (3.1.1 defines it for query parameters only): `/` is %2F, so a
    // value stays one segment, as do `?`, `#`, `;`, `=`, `,` and `'`.
    const value = "a/b?c#d;e=f,g'h";
    const sent = 'a%2Fb%3Fc%23d%3Be%3Df%2Cg%27h';
    const target = `/prim/${sent}/${sent}/.${sent}/.${sent}/;m=${sent}/;me=${sent}`;
    it('resource methods', async () => {
      await api['pathString']!(value, value, value, value, value, value);
      expect(last().url).toBe(target);
    });
    it('the typed path client', async () => {
      const { error } = await paths['GET']!('/prim/{s}/{se}/{l}/{le}/{m}/{me}', {
        params: { path: { s: value, se: value, l: value, le: value, m: value, me: value } },
      });
      expect(error).toBeUndefined();
      expect(last().url).toBe(target);
    });
  });

  describe('parameters described by JSON `content` (§4.8.12.2.3)', () => {
    const value = { a: "x/y é;,'" };
    // JSON text, then each location's encoding: a path segment and a query value percent-encode
    // all but the unreserved characters; a header is not percent-encoded (Appendix D), JSON's
    // own `\u` escapes carry what a header cannot (`é`); a cookie percent-encodes what a
    // cookie-octet cannot hold (RFC 6265 §4.1.1: space, `"`, `,`, `;`, `\`, non-ASCII) and `%`.
    const encoded = '%7B%22a%22%3A%22x%2Fy%20%C3%A9%3B%2C%27%22%7D';
    it('path, query, header: the resource method', async () => {
      await api['jsonContent']!(value, { q: value, 'X-J': value });
      expect(last().url).toBe(`/json/${encoded}?q=${encoded}`);
      expect(last().headers['x-j']).toBe('{"a":"x/y \\u00E9;,\'"}');
    });
    it('a string is quoted, as JSON writes it', async () => {
      await api['jsonContent']!('blue', { q: 'blue' });
      expect(last().url).toBe('/json/%22blue%22?q=%22blue%22');
    });
    it('path, query, header, cookie: the typed path client', async () => {
      const { error } = await paths['GET']!('/json/{p}', {
        params: {
          path: { p: value },
          query: { q: value },
          header: { 'X-J': value },
          cookie: { cj: value },
        },
      });
      expect(error).toBeUndefined();
      expect(last().url).toBe(`/json/${encoded}?q=${encoded}`);
      expect(last().headers['x-j']).toBe('{"a":"x/y \\u00E9;,\'"}');
      expect(last().headers.cookie).toBe(`cj={%22a%22:%22x/y%20%C3%A9%3B%2C'%22}`);
    });
  });

  describe('query parameters (§4.8.12.4 style examples)', () => {
    it.each([
      ['form, explode', { fs: STRING }, 'fs=blue'],
      ['form', { fsu: STRING }, 'fsu=blue'],
      ['form, empty string', { fs: '' }, 'fs='],
      ['form array, explode', { fa: ARRAY }, 'fa=blue&fa=black&fa=brown'],
      ['form array', { fau: ARRAY }, 'fau=blue,black,brown'],
      ['form object, explode', { fo: OBJECT }, 'R=100&G=200&B=150'],
      ['form object', { fou: OBJECT }, 'fou=R,100,G,200,B,150'],
      ['spaceDelimited array', { sa: ARRAY }, 'sa=blue%20black%20brown'],
      ['spaceDelimited object', { so: OBJECT }, 'so=R%20100%20G%20200%20B%20150'],
      ['pipeDelimited array', { pa: ARRAY }, 'pa=blue%7Cblack%7Cbrown'],
      ['pipeDelimited object', { po: OBJECT }, 'po=R%7C100%7CG%7C200%7CB%7C150'],
      ['deepObject', { d: OBJECT }, 'd%5BR%5D=100&d%5BG%5D=200&d%5BB%5D=150'],
      // Reserved expansion (RFC 6570 `+`, §4.8.12.2.2): the reserved characters a query may hold
      // and %-triples pass; `[`, `]`, `#`, a lone `%`, spaces and non-ASCII are encoded. `'` is
      // encoded by the URL standard itself in an http(s) query.
      [
        'allowReserved',
        { r: "a/b?c:d@e!$&'()*+,;=f[g]#h%2Bi% é☃" },
        'r=a/b?c:d@e!$&%27()*+,;=f%5Bg%5D%23h%2Bi%25%20%C3%A9%E2%98%83',
      ],
      [
        'no allowReserved',
        { nr: "a/b?c:d@e!$&'()*+,;=f[g]#h%2Bi% é☃" },
        'nr=a%2Fb%3Fc%3Ad%40e%21%24%26%27%28%29%2A%2B%2C%3B%3Df%5Bg%5D%23h%252Bi%25%20%C3%A9%E2%98%83',
      ],
      ['allowReserved array', { ra: ['a/b', 'c,d'] }, 'ra=a/b,c,d'],
      ['allowReserved, empty string', { r: '' }, 'r='],
      ['number, integer, boolean', { n: 1.5, i: 0, b: false }, 'n=1.5&i=0&b=false'],
      ['number array', { na: [1, 2.5, 1e21] }, 'na=1,2.5,1000000000000000000000'],
      ['boolean array, explode', { ba: [true, false] }, 'ba=true&ba=false'],
      // RFC 6570 §2.3: null and the empty list are undefined, left out.
      ['null and an empty list', { fs: null, fa: [], fau: [], b: true }, 'b=true'],
    ])('%s', async (_name, params, target) => {
      await api['queryStyles']!(params);
      expect(last().url).toBe(target === '' ? '/query' : `/query?${target}`);
    });
  });

  describe("allowReserved keeps every reserved character a query may hold, `'` too", () => {
    // RFC 3986 §2.2: `'` is a sub-delim, so reserved expansion keeps it, and the client hands fetch
    // the URL with it. fetch then parses the URL by the URL standard, whose special-query
    // percent-encode set has `'` for http(s) URLs: on the wire it is %27. No fetch can send it as
    // it is; a fetch of your own that does not reparse the URL sends what the client wrote.
    it('the URL given to fetch, and what fetch sends', async () => {
      fetched.length = 0;
      await recording['queryStyles']!({ r: "it's:/?@!$&()*+,;=" });
      expect(fetched).toEqual([`${server.url}/query?r=it's:/?@!$&()*+,;=`]);
      expect(last().url).toBe('/query?r=it%27s:/?@!$&()*+,;=');
    });
  });

  describe('header parameters: simple (§4.8.12.4)', () => {
    it('primitive, array and object, exploded or not; numbers and booleans', async () => {
      await api['headerStyles']!({
        'X-S': STRING,
        'X-Se': STRING,
        'X-A': ARRAY,
        'X-Ae': ARRAY,
        'X-O': OBJECT,
        'X-Oe': OBJECT,
        'X-N': 2.5,
        'X-B': true,
      });
      const seen = last().headers;
      expect([
        seen['x-s'],
        seen['x-se'],
        seen['x-a'],
        seen['x-ae'],
        seen['x-o'],
        seen['x-oe'],
        seen['x-n'],
        seen['x-b'],
      ]).toEqual([
        'blue',
        'blue',
        'blue,black,brown',
        'blue,black,brown',
        'R,100,G,200,B,150',
        'R=100,G=200,B=150',
        '2.5',
        'true',
      ]);
    });
  });

  describe('cookie parameters: form (§4.8.12.4, Appendix D)', () => {
    // RFC 6265 §4.2.1: cookie pairs are joined by `; `. Appendix D of 3.1.1: for several values
    // `form`'s `&` is always incorrect in a cookie, so an exploded list or object is sent as one
    // `name=value` cookie-pair each (the `cookie` style 3.2 names).
    it.each([
      ['primitive', { cs: STRING, cse: STRING }, 'cs=blue; cse=blue'],
      ['array', { ca: ARRAY }, 'ca=blue,black,brown'],
      ['array, explode', { cae: ARRAY }, 'cae=blue; cae=black; cae=brown'],
      ['array, explode by default', { cd: ['x', 'y'] }, 'cd=x; cd=y'],
      ['object', { co: OBJECT }, 'co=R,100,G,200,B,150'],
      ['object, explode', { coe: OBJECT }, 'R=100; G=200; B=150'],
      ['empty list, null', { ca: [], cae: [], cs: null, cse: 'x' }, 'cse=x'],
      ['empty string', { cs: '' }, 'cs='],
      // RFC 6265 §4.1.1: a cookie-octet is visible ASCII but `"`, `,`, `;` and `\`; those, spaces,
      // controls and non-ASCII (as UTF-8) are percent-encoded, and `%` itself, so a server that
      // decodes the value reads the text sent. The rest is sent as it is.
      [
        'characters no cookie-octet holds',
        { cs: 'a b;c,d"e\\f%g é\t' },
        'cs=a%20b%3Bc%2Cd%22e%5Cf%25g%20%C3%A9%09',
      ],
      [
        'cookie-octets as they are',
        { cs: "a/b?c:d@e!$&'()*+=[]{}<>|^`~" },
        "cs=a/b?c:d@e!$&'()*+=[]{}<>|^`~",
      ],
      ['a comma inside a list item', { ca: ['a,b', 'c'] }, 'ca=a%2Cb,c'],
    ])('%s', async (_name, params, sent) => {
      const { error } = await paths['GET']!('/cookies', { params: { cookie: params } });
      expect(error).toBeUndefined();
      expect(last().headers.cookie).toBe(sent);
    });
  });

  describe('form-urlencoded bodies with encoding (§4.8.15)', () => {
    it.each([
      ['form, not exploded', { csv: ARRAY }, 'csv=blue,black,brown'],
      ['form, exploded', { each: ARRAY }, 'each=blue&each=black&each=brown'],
      ['pipeDelimited', { pipes: ARRAY }, 'pipes=blue%7Cblack%7Cbrown'],
      ['spaceDelimited', { spaces: ARRAY }, 'spaces=blue%20black%20brown'],
      ['deepObject', { deep: OBJECT }, 'deep%5BR%5D=100&deep%5BG%5D=200&deep%5BB%5D=150'],
      ['object, form exploded', { flat: OBJECT }, 'R=100&G=200&B=150'],
      ['object, form', { packed: OBJECT }, 'packed=R,100,G,200,B,150'],
      [
        'contentType JSON',
        { json: OBJECT },
        'json=%7B%22R%22%3A100%2C%22G%22%3A200%2C%22B%22%3A150%7D',
      ],
      // allowReserved: reserved expansion, %-triples kept (`%26` stays a value's `&`); `[`, `]`,
      // `#`, spaces and non-ASCII encoded. Style-based, so a space is `%20`, not RFC 1866's `+`
      // (Appendix E: RFC 6570 "does not use `+`").
      [
        'allowReserved',
        { reserved: "a/b?c:d%26e[f]#g h é!$'()*+,;=@" },
        "reserved=a/b?c:d%26e%5Bf%5D%23g%20h%20%C3%A9!$'()*+,;=@",
      ],
      // Content-based (no style, explode or allowReserved): everything but the unreserved
      // encoded, spaces as `+` (RFC 1866).
      ['no encoding', { text: 'a/b&c=d+e f é' }, 'text=a%2Fb%26c%3Dd%2Be+f+%C3%A9'],
      ['number, boolean', { number: 1.5, flag: false }, 'number=1.5&flag=false'],
      ['null, empty list', { none: null, empty: [], text: 'x' }, 'text=x'],
    ])('%s', async (_name, body, sent) => {
      await api['formBody']!(body);
      expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(last().body).toBe(sent);
    });
  });

  describe('a required parameter that admits only null (`const: null`)', () => {
    it('is optional in the SDK method, and null or nothing sends nothing', async () => {
      await api['nullOnly']!({ keep: 'k' });
      expect(last().url).toBe('/nulls?keep=k');
      expect(last().headers['x-none']).toBeUndefined();
      await api['nullOnly']!({ none: null, 'X-None': null });
      expect(last().url).toBe('/nulls');
      expect(last().headers['x-none']).toBeUndefined();
    });

    it('is a warning at its schema, with the fix', () => {
      const warning = warnings.find((each) => each.key === 'parameter:required-null-only');
      expect(warning?.places.map((place) => place.location.pointer)).toEqual([
        '#/paths/~1nulls/get/parameters/0/schema',
        '#/paths/~1nulls/get/parameters/1/schema',
      ]);
      expect(warning?.places[0]?.problem).toMatch(
        /required query parameter "none" admits only null.*RFC 6570 reads null as undefined.*optional and sends nothing/,
      );
    });
  });

  describe('relative servers of a path or an operation (§4.8.9, §4.8.10)', () => {
    it('resolve against the base URL, from the resource methods and the path client', async () => {
      await api['wherePath']!();
      expect(last().url).toBe('/v2/where');
      await api['whereOperation']!();
      expect(last().url).toBe('/v3/where');
      await paths['GET']!('/where');
      expect(last().url).toBe('/v2/where');
      await paths['POST']!('/where');
      expect(last().url).toBe('/v3/where');
    });
  });

  describe('multipart bodies with encoding (§4.8.15)', () => {
    it('each part its content type and headers; arrays repeated; numbers and booleans as text', async () => {
      const file = new File([new Uint8Array([0x89, 0x50])], 'a.png');
      await api['multipartBody']!({
        file,
        meta: OBJECT,
        note: 'héllo',
        tags: ['a', 'b'],
        count: 3,
        flag: true,
      });
      const request = last();
      const boundary =
        /^multipart\/form-data; boundary=(.+)$/.exec(request.headers['content-type'] ?? '')?.[1] ??
        'no boundary';
      const parts = request.raw
        .toString('latin1')
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => part.slice(2, -2));
      expect(parts).toEqual([
        'Content-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\nX-Part: fixed\r\n\r\n\x89P',
        'Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"R":100,"G":200,"B":150}',
        `Content-Disposition: form-data; name="note"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${Buffer.from('héllo').toString('latin1')}`,
        'Content-Disposition: form-data; name="tags"\r\n\r\na',
        'Content-Disposition: form-data; name="tags"\r\n\r\nb',
        'Content-Disposition: form-data; name="count"\r\n\r\n3',
        'Content-Disposition: form-data; name="flag"\r\n\r\ntrue',
      ]);
      expect(request.raw.toString('latin1').endsWith(`--${boundary}--\r\n`)).toBe(true);
    });
  });
});
