/**
 * A server URL may be relative (OpenAPI 3.1 §4.8.5: relative to where the description is served):
 * `/api`, `./v1`, `v2`, `//host/x`, or one made of server variables. The generated client resolves
 * such a default against the page, as fetch does, and where there is no page (Node) fails its first
 * request with an error naming the URL and the fix, instead of fetch's "Failed to parse URL". The
 * generator warns, and the README and TSDoc say so. Against a real HTTP server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlSample } from '../../generator/emit/curl-sample.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';
import { specPackage, type FaultPackage } from './package.ts';

afterAll(removeTempDirs);

interface Client {
  things: { list: () => Promise<unknown> };
}
type ClientClass = new (options?: {
  baseURL?: string;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}) => Client;

function spec(server: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Relative', version: '1.0.0' },
    'x-sdk': { clientName: 'Rel', envPrefix: 'REL' },
    servers: [server],
    paths: {
      '/things': {
        get: {
          operationId: 'listThings',
          'x-sdk-method': 'things.list',
          responses: {
            '200': {
              description: 'Things.',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
    },
  };
}

const RELATIVE: [Record<string, unknown>, string][] = [
  [{ url: '/api' }, '/api'],
  [{ url: './v1' }, './v1'],
  [{ url: 'v2' }, 'v2'],
  [{ url: '//host.example/x' }, '//host.example/x'],
  [{ url: '/{version}', variables: { version: { default: 'v3' } } }, '/v3'],
];

describe.each(RELATIVE)('a relative default base URL: %j', (server, url) => {
  let pkg: FaultPackage;
  let written: WrittenPackage;
  let Rel: ClientClass;
  let api: TestServer;

  beforeAll(async () => {
    delete process.env['REL_BASE_URL'];
    pkg = await specPackage(spec(server));
    written = await writePackage(pkg.files);
    ({ Rel } = (await import(`${written.dir}/src/index.ts`)) as { Rel: ClientClass });
    api = await startServer(() => json(200, { ok: true }));
  });
  afterAll(async () => {
    await api.close();
    await written.remove();
  });

  it('is warned about at generation, at /servers/0/url', () => {
    const warning = pkg.model.warnings.find((w) => w.location.pointer === '#/servers/0/url');
    expect(warning?.message).toContain(`${JSON.stringify(url)}`);
    expect(warning?.message).toContain('relative');
    expect(warning?.message).toContain('baseURL');
  });

  it('without a page (Node): the first request fails naming the URL and the fix', async () => {
    const client = new Rel();
    const error = await client.things.list().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const { name, message } = error as Error;
    expect(name).not.toBe('APIConnectionError');
    expect(message).toContain(`The base URL ${JSON.stringify(url)} is relative`);
    expect(message).toContain("baseURL: 'https://");
    expect(api.requests).toEqual([]);
  });

  it('an absolute baseURL is used as given', async () => {
    api.requests.length = 0;
    await new Rel({ baseURL: `${api.url}/root` }).things.list();
    expect(api.requests.map((request) => request.url)).toEqual(['/root/things']);
  });

  it("with a page, it resolves against the page's base URL, as fetch does", async () => {
    api.requests.length = 0;
    const page = globalThis as { document?: { baseURI: string } };
    page.document = { baseURI: `${api.url}/app/page.html` };
    try {
      if (url.startsWith('//')) return; // another host: resolution checked below
      await new Rel().things.list();
      expect(api.requests.map((request) => request.url)).toEqual([
        new URL(`${url.replace(/\/$/, '')}/things`, `${api.url}/app/page.html`).pathname,
      ]);
    } finally {
      delete page.document;
    }
  });

  it('a fetch of your own gets it resolved against the page, or as written without one', async () => {
    const seen: string[] = [];
    const fetch = (url: string) => {
      seen.push(url);
      return Promise.resolve(Response.json({}));
    };
    await new Rel({ fetch }).things.list();
    expect(seen).toEqual([`${url}/things`]);
  });

  it("the docs' curl sample takes the base URL from the environment, as for no server", () => {
    const operation = pkg.model.operations[0]!;
    expect(curlSample(operation, pkg.model)).toContain('--url "$REL_BASE_URL"\'/things\'');
  });

  it('the README and the TSDoc of baseURL say what happens', () => {
    const readme = pkg.files.get('README.md')!;
    expect(readme).toContain(`\`${url}\``);
    expect(readme).toMatch(/relative.*resolved against the page/s);
    // The testing example passes a base URL of its own: MSW in Node has no page either.
    expect(readme).toMatch(/createMock\(\{\s*baseURL:/);
    const client = pkg.files.get('src/client.ts')!;
    expect(client).toMatch(/relative.*against the page.*baseURL/s);
  });
});
