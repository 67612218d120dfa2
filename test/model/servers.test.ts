/**
 * Every server of a spec is checked, not only the first root one: each root server, each path
 * item's and each operation's, with each variable's `enum` values put in. A URL no client can send
 * requests to (`javascript:`, `file:`, `ftp:`, also with spaces or tabs a browser drops) is a
 * warning that names the server and its place; a URL with credentials, in any form the WHATWG URL
 * parser reads them, is refused there, with the password redacted. A default server URL with a
 * fragment is a warning: no request carries one (the runtime drops it, and keeps a query).
 */
import { describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { writeSpec } from '../generator/helpers.ts';

const ok = { '204': { description: 'ok' } };

async function modelOf(doc: Record<string, unknown>, strict = false) {
  const ctx = resolveContext({ spec: await writeSpec(doc), strict });
  return buildModel(await loadAndBundle(ctx), ctx);
}

const spec = (root: unknown[], extra: Record<string, unknown> = {}) => ({
  openapi: '3.1.0',
  info: { title: 'Servers', version: '1' },
  servers: root,
  paths: {
    '/a': {
      servers: [{ url: 'https://a.example.com' }, { url: 'javascript:alert(document.domain)' }],
      get: { servers: [{ url: 'file:///etc/passwd' }], responses: ok },
      post: { servers: [{ url: 'file:///etc/passwd' }], responses: ok },
    },
    '/b': { get: { responses: ok } },
  },
  ...extra,
});

describe('server URLs that are not http(s)', () => {
  it('are warnings for every server, each naming which one and where', async () => {
    const model = await modelOf(
      spec([
        { url: 'https://api.example.com' },
        { url: 'ftp://files.example.com' },
        {
          url: '{scheme}://api.example.com',
          variables: { scheme: { default: 'https', enum: ['https', 'gopher'] } },
        },
      ]),
    );
    expect(model.info.serverUrl).toBe('https://api.example.com');
    const warnings = model.warnings.filter((w) => w.key.startsWith('server:url-scheme'));
    expect(
      warnings.map((w) => [w.location.pointer, w.problem.replace(/ is not an http.*/, ''), w.more]),
    ).toEqual([
      [
        '#/servers/1/url',
        `the server URL "ftp://files.example.com" (server 2 of the root's \`servers\`)`,
        0,
      ],
      [
        '#/servers/2/variables/scheme/enum/1',
        `the server URL "gopher://api.example.com" ("{scheme}://api.example.com" with this value) (server 3 of the root's \`servers\`)`,
        0,
      ],
      [
        '#/paths/~1a/servers/1/url',
        `the server URL "javascript:alert(document.domain)" (server 2 of path /a's \`servers\`)`,
        0,
      ],
      // The same URL on two operations: named at the first, counted at the other.
      [
        '#/paths/~1a/get/servers/0/url',
        `the server URL "file:///etc/passwd" (server 1 of GET /a's \`servers\`)`,
        1,
      ],
    ]);
    expect(warnings[0]!.hint).toMatch(/`https:\/\/api\.example\.com\/v1`.*remove the server/);
  });

  it('the first root server, also written with what a browser drops, gives no default base URL', async () => {
    for (const url of [' javascript:alert(1)', 'java\tscript:alert(1)', '\u0000file:///etc']) {
      const model = await modelOf(spec([{ url }]));
      expect(model.info.serverUrl).toBeUndefined();
      const warning = model.warnings.find((w) => w.key === 'server:url-scheme');
      expect(warning?.location.pointer).toBe('#/servers/0/url');
      expect(warning?.problem).toMatch(/first of the root `servers`.*no default base URL/);
    }
  });

  // helper-119 H4: the default base URL threw at every client's construction.
  it('a URL that does not parse (a port past 65535, a space in the host, an open IPv6 bracket) gives no default, and no operation goes there', async () => {
    for (const url of [
      'https://example.com:99999/v1',
      'https://exa mple.com/v1',
      'https://[::1/',
      '//exa mple.com',
      // helper-121 V11: ports fetch refuses, and an empty host the parser skips.
      'https://api.example.com:6000',
      'https://api.example.com:0/v1',
      'https:///v1',
    ]) {
      const model = await modelOf(spec([{ url }]));
      expect(model.info.serverUrl).toBeUndefined();
      const warning = model.warnings.find((w) => w.key === 'server:invalid-url');
      expect(warning?.location.pointer).toBe('#/servers/0/url');
      expect(warning?.problem).toBe(
        `the server URL ${JSON.stringify(url)} (the first of the root \`servers\`) is not a valid URL to send requests to (RFC 3986 as the WHATWG URL parser reads it, with a host, on a port fetch connects to), so the client has no default base URL`,
      );
      expect(warning?.hint).toMatch(
        /a port from 1 to 65535 that fetch does not block.*callers pass `baseURL` meanwhile$/,
      );
    }
    const model = await modelOf({
      ...spec([{ url: 'https://api.example.com' }, { url: 'https://api.example.com:70000' }]),
      paths: {
        '/b': { get: { servers: [{ url: 'https://b.example.com:65536' }], responses: ok } },
      },
    });
    expect(model.info.serverUrl).toBe('https://api.example.com');
    expect(model.operations.map((operation) => operation.server)).toEqual([undefined]);
    expect(
      model.warnings
        .filter((w) => w.key.startsWith('server:invalid-url'))
        .map((w) => [w.location.pointer, w.problem.replace(/ is not a valid URL.*/, '')]),
    ).toEqual([
      [
        '#/servers/1/url',
        `the server URL "https://api.example.com:70000" (server 2 of the root's \`servers\`)`,
      ],
      [
        '#/paths/~1b/get/servers/0/url',
        `the server URL "https://b.example.com:65536" (server 1 of GET /b's \`servers\`)`,
      ],
    ]);
  });

  it('http(s) URLs and paths are fine, wherever they are', async () => {
    const model = await modelOf({
      ...spec([{ url: '/v1' }, { url: 'HTTP://api.example.com' }]),
      paths: { '/b': { servers: [{ url: ' https://b.example.com ' }], get: { responses: ok } } },
    });
    expect(model.info.serverUrl).toBe('/v1');
    // The relative default is warned about (test/faults/relative-servers.test.ts), not its scheme;
    // path /b's own server is where its calls go (test/client/operation-servers.test.ts).
    expect(model.warnings.filter((w) => w.key.startsWith('server:')).map((w) => w.key)).toEqual([
      'server:relative-url',
    ]);
    expect(model.operations.map((operation) => operation.server)).toEqual([
      'https://b.example.com',
    ]);
  });

  it('are errors with --strict, at the operation that has one', async () => {
    const error = await modelOf(spec([{ url: 'https://api.example.com' }]), true).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    const problems = (error as GeneratorError).problems;
    const scheme = problems.find((problem) => problem.message.includes('javascript:'));
    expect(scheme?.location.pointer).toBe('#/paths/~1a/servers/1/url');
    expect(scheme?.message).toMatch(/--strict/);
  });
});

describe('server URLs with credentials', () => {
  it.each([
    [
      'a root server after the first',
      { servers: [{ url: 'https://a' }, { url: '//u:hunter2@x' }] },
      '#/servers/1/url',
    ],
    [
      'a path item server',
      { paths: { '/b': { servers: [{ url: 'https:/u:hunter2@x' }], get: { responses: ok } } } },
      '#/paths/~1b/servers/0/url',
    ],
    [
      'an operation server',
      { paths: { '/b': { get: { servers: [{ url: 'https:\\\\u:hunter2@x' }], responses: ok } } } },
      '#/paths/~1b/get/servers/0/url',
    ],
    [
      'a tab inside the scheme',
      { paths: { '/b': { get: { servers: [{ url: 'ht\ttps://u:hunter2@x' }], responses: ok } } } },
      '#/paths/~1b/get/servers/0/url',
    ],
    [
      'a variable',
      {
        servers: [
          {
            url: 'https://{auth}x',
            variables: { auth: { default: '', enum: ['', 'u:hunter2@'] } },
          },
        ],
      },
      '#/servers/0/variables/auth/enum/1',
    ],
  ])('refuse %s, the password redacted', async (_case, extra, pointer) => {
    const error = await modelOf({
      openapi: '3.1.0',
      info: { title: 'Servers', version: '1' },
      paths: { '/a': { get: { responses: ok } } },
      ...extra,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).location.pointer).toBe(pointer);
    expect((error as GeneratorError).message).toMatch(/\*\*\*@x.*carries credentials/);
    expect((error as GeneratorError).message).not.toContain('hunter2');
  });
});

describe('the first root server with a query and a fragment', () => {
  it('is the default base URL as written, with a warning for the fragment alone', async () => {
    const url = 'https://api.example.com/v1?api-version=2024-01-01#reference';
    const plain = (server: string) => ({
      openapi: '3.1.0',
      info: { title: 'Servers', version: '1' },
      servers: [{ url: server }],
      paths: { '/a': { get: { responses: ok } } },
    });
    const model = await modelOf(plain(url));
    expect(model.info.serverUrl).toBe(url);
    const warnings = model.warnings.filter((w) => w.key.startsWith('server:'));
    expect(warnings.map((w) => [w.key, w.location.pointer])).toEqual([
      ['server:url-fragment', '#/servers/0/url'],
    ]);
    expect(warnings[0]!.problem).toMatch(
      /has a fragment \(`#reference`\), which no request carries/,
    );
    expect(warnings[0]!.hint).toBe(
      'remove the fragment: `https://api.example.com/v1?api-version=2024-01-01`',
    );
    const query = await modelOf(plain('https://api.example.com/v1?api-version=1'));
    expect(query.warnings.filter((w) => w.key.startsWith('server:'))).toEqual([]);
  });
});

describe('servers of a path or an operation', () => {
  const doc = (path: Record<string, unknown>) => ({
    openapi: '3.1.0',
    info: { title: 'Servers', version: '1' },
    servers: [{ url: 'https://api.example.com/v1' }],
    paths: { '/files': path, '/other': { get: { responses: ok } } },
  });

  it('that name another place are where their calls go, the operation’s over its path’s', async () => {
    const model = await modelOf(
      doc({
        servers: [
          { url: 'https://{region}.files.example.com', variables: { region: { default: 'eu' } } },
        ],
        get: { responses: ok },
        post: { servers: [{ url: 'https://uploads.example.com/v1' }], responses: ok },
        put: { servers: [{ url: '/uploads' }], responses: ok },
      }),
    );
    const byMethod = (path: string, method: string) =>
      model.operations.find((o) => o.path === path && o.method === method)?.server;
    expect(byMethod('/files', 'get')).toBe('https://eu.files.example.com');
    expect(byMethod('/files', 'post')).toBe('https://uploads.example.com/v1');
    expect(byMethod('/other', 'get')).toBeUndefined();
    // A relative one overrides its path's too, kept as written: the client resolves it against
    // its base URL (RFC 3986 §5.2). Before, it was left out with a warning.
    expect(byMethod('/files', 'put')).toBe('/uploads');
    expect(model.warnings.filter((w) => w.key.startsWith('server:'))).toEqual([]);
  });

  it('that repeat the default server give none', async () => {
    const model = await modelOf(
      doc({ get: { servers: [{ url: 'https://api.example.com/v1' }], responses: ok } }),
    );
    expect(model.warnings.filter((w) => w.key.startsWith('server:'))).toEqual([]);
  });
});

describe('a server variable whose default is not one of its enum values', () => {
  const doc = (variables: Record<string, unknown>) => ({
    openapi: '3.1.0',
    info: { title: 'Servers', version: '1' },
    servers: [{ url: 'https://{region}.example.com/{version}', variables }],
    paths: { '/b': { get: { responses: ok } } },
  });

  it('is a warning at the default, naming the values (OpenAPI 3.1.1 §4.8.6)', async () => {
    const model = await modelOf(
      doc({
        region: { default: 'x', enum: ['eu', 'us'] },
        version: { default: 'v1', enum: ['v1', 'v2'] },
      }),
    );
    const found = model.warnings.filter((w) => w.key.startsWith('server:default-not-in-enum'));
    expect(found.map((w) => [w.location.pointer, w.problem, w.hint])).toEqual([
      [
        '#/servers/0/variables/region/default',
        'the default "x" of the variable `region` (server 1 of the root\'s `servers`) is not one of its enum values ("eu", "us"): the URL built from the defaults is one the spec says the server does not take (OpenAPI 3.1.1 §4.8.6: the default must be one of them)',
        'make the default one of "eu", "us", or add "x" to the enum',
      ],
    ]);
  });

  it('is an error with --strict', async () => {
    await expect(
      modelOf(doc({ region: { default: 'x', enum: ['eu'] }, version: { default: 'v1' } }), true),
    ).rejects.toThrow(/the default "x" of the variable `region`.*--strict/s);
  });
});

describe('a server variable whose value cuts the part of the URL it stands in', () => {
  // helper-107: `{tenant}` = `acme/evil` in `https://{tenant}.example.com` sent every call to the
  // host `acme`, with no word.
  const warned = async (url: string, variables: Record<string, unknown>) => {
    const model = await modelOf({
      openapi: '3.1.0',
      info: { title: 'Servers', version: '1' },
      servers: [{ url, variables }],
      paths: { '/b': { get: { responses: ok } } },
    });
    return model.warnings
      .filter((w) => w.key.startsWith('server:value-reshapes-url'))
      .flatMap((w) => w.places.map((place) => [place.location.pointer, place.problem]));
  };

  it('is a warning at each such default or enum value, naming the character and the part', async () => {
    expect(
      await warned('https://{tenant}.example.com/{version}/items', {
        tenant: { default: 'acme/evil', enum: ['acme/evil', 'ok', 'a?b', 'a\\b'] },
        version: { default: 'v1', enum: ['v1', 'v 2', 'v3#x', 'v4?q=1'] },
      }),
    ).toEqual([
      [
        '#/servers/0/variables/tenant/default',
        'the value "acme/evil" of the variable `tenant` (server 1 of the root\'s `servers`) holds "/", which ends the URL\'s host where `{tenant}` stands: a server variable is put in as written (OpenAPI 3.1.1 §4.8.6), so the URL is another than the one meant',
      ],
      ['#/servers/0/variables/tenant/enum/0', expect.stringContaining('holds "/"')],
      ['#/servers/0/variables/tenant/enum/2', expect.stringContaining('holds "?"')],
      ['#/servers/0/variables/tenant/enum/3', expect.stringContaining('holds "\\\\"')],
      [
        '#/servers/0/variables/version/enum/1',
        expect.stringContaining('holds " ", which no URL holds'),
      ],
      ['#/servers/0/variables/version/enum/2', expect.stringContaining('holds "#"')],
      ['#/servers/0/variables/version/enum/3', expect.stringContaining("ends the URL's path")],
    ]);
  });

  it('is none where the variable ends its part and its value starts the next', async () => {
    expect(
      await warned('https://{host}{basePath}', {
        host: { default: 'api.example.com/v1' },
        basePath: { default: '/v2?api-version=2024-01-01' },
      }),
    ).toEqual([]);
    expect(
      await warned('{scheme}://{host}:{port}/v1', {
        scheme: { default: 'https' },
        host: { default: 'api.example.com' },
        port: { default: '8443' },
      }),
    ).toEqual([]);
  });
});
