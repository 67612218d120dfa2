/**
 * A server URL that is not http(s) and a path key without its leading `/` (odd-locations.yaml):
 * warnings that name the place and the fix; the client takes no default base URL from such a
 * server, and requests the path with its `/` (against a real HTTP server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { fixtureModel, specModel } from '../model/fixture-model.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';
import { diagnostics, faultPackage, type FaultPackage } from './package.ts';

type Resource = Record<string, () => Promise<unknown>>;

describe('locations a client cannot use as written', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;
  let server: TestServer;

  beforeAll(async () => {
    pkg = await faultPackage('odd-locations.yaml');
    written = await writePackage(pkg.files);
    server = await startServer(() => json(200, ['a']));
  });
  afterAll(async () => {
    await server.close();
    await written.remove();
    await removeTempDirs();
  });

  it('are warnings at their places', async () => {
    const model = await fixtureModel('odd-locations.yaml');
    const byKey = new Map(model.warnings.map((warning) => [warning.key, warning]));
    expect(byKey.get('server:url-scheme')?.location.pointer).toBe('#/servers/0/url');
    expect(byKey.get('server:url-scheme')?.hint).toMatch(/https:\/\/api\.example\.com/);
    expect(byKey.get('path:leading-slash')?.location.pointer).toBe('#/paths/things');
    expect(byKey.get('path:leading-slash')?.hint).toBe('write the key as "/things"');
    expect(byKey.get('path:leading-slash')?.message).toMatch(/OpenAPI 3\.1 §4\.8\.8, Paths Object/);
    expect(byKey.get('path:fragment')?.location.pointer).toBe('#/paths/~1tags#main');
    expect(byKey.get('path:fragment')?.message).toMatch(/RFC 3986 §3\.5.*%23/);
    expect(byKey.get('path:fragment')?.hint).toMatch(/^write the key as "\/tags" if/);
    expect(byKey.get('path:query')?.location.pointer).toBe('#/paths/~1search?type=all');
    expect(byKey.get('path:query')?.message).toContain('holds a query ("?type=all")');
    expect(byKey.get('path:query')?.hint).toMatch(/^write the key as "\/search" and declare/);
    expect(model.info.serverUrl).toBeUndefined();
    await expect(fixtureModel('odd-locations.yaml', true)).rejects.toThrow(/--strict/);
  });

  it("cite the Paths Object of the document's own OpenAPI version", async () => {
    const ok = { responses: { '204': { description: 'Done.' } } };
    const model = await specModel(
      await writeSpec({
        openapi: '3.0.3',
        info: { title: 'Old', version: '1' },
        paths: {
          things: { get: ok },
          '/a?b=c#d': { get: ok },
          '/e#f?g': { get: ok },
          '/h/{#i}/{j?}': {
            get: {
              ...ok,
              parameters: ['#i', 'j?'].map((name) => ({
                name,
                in: 'path',
                required: true,
                schema: { type: 'string' },
              })),
            },
          },
        },
      }),
    );
    const problems = model.warnings.map((warning) => [warning.key, warning.problem]);
    expect(problems).toEqual([
      ['path:leading-slash', expect.stringContaining('(OpenAPI 3.0.3 §4.7.8, Paths Object)')],
      ['path:query', expect.stringContaining('holds a query ("?b=c#d")')],
      ['path:fragment', expect.stringContaining('the path "/e#f?g" holds "#"')],
    ]);
  });

  it('leave no javascript: URL in the client; paths go out with their / and # \\ % encoded', async () => {
    expect(pkg.files.get('src/client.ts')).not.toContain('javascript:');
    expect(diagnostics(pkg)).toEqual([]);
    const { OddLocations } = (await import(`${written.dir}/src/index.ts`)) as {
      OddLocations: new (options: { baseURL: string }) => Record<string, Resource>;
    };
    const client = new OddLocations({ baseURL: server.url });
    expect(await client.things!.list!()).toEqual(['a']);
    await client.odd!.listMainTags!();
    await client.odd!.getBackslash!();
    await client.odd!.getFullRate!();
    const search = client.search as unknown as Record<
      string,
      (params?: object) => Promise<unknown>
    >;
    await search.all!({ q: 'a b' });
    await search.all!();
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /things',
      'GET /tags%23main',
      'GET /back%5Cslash',
      'GET /rates/100%25',
      'GET /search?type=all&q=a%20b',
      'GET /search?type=all',
    ]);
  });
});
