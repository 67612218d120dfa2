/**
 * Parameters defined by JSON `content` (OpenAPI 3.1.1 §4.8.12.2.3) reach a real node:http server
 * as the JSON text of the value, in the path, the query and a header, exactly once: the type takes
 * the value (no JSON text, which the client would quote again), and the README passes the
 * media type's example as a value (helper-117 F1). A `text/plain` one is sent as given.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, ROOT, tempDir } from '../generator/helpers.ts';
import { FAULTS } from '../model/fixture-model.ts';
import { startServer, type TestServer } from '../runtime/server.ts';

let out: string;
let server: TestServer;

beforeAll(async () => {
  out = join(await tempDir('content-parameters-'), 'sdk');
  await generate({ spec: join(FAULTS, 'content-parameter.yaml'), out, cwd: ROOT });
  server = await startServer(() => ({ status: 204 }));
}, 120_000);
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});

type Files = {
  files: {
    create(point: unknown, params: Record<string, unknown>): Promise<unknown>;
  };
};

describe('a parameter defined by JSON content', () => {
  it('is sent as the JSON text of the value, once, in the path, the query and a header', async () => {
    const { ContentParameters } = (await import(join(out, 'src/index.ts'))) as {
      ContentParameters: new (options: Record<string, unknown>) => Files;
    };
    const client = new ContentParameters({ baseURL: server.url, maxRetries: 0 });
    await client.files.create(
      { x: 1 },
      {
        coordinates: { lat: 50, long: 8 },
        'x-metadata': { name: 'café' },
        'x-label': 'a "b"',
        'x-query': 'q=1',
      },
    );
    const seen = server.requests.at(-1)!;
    const url = new URL(seen.url, server.url);
    expect(decodeURIComponent(url.pathname)).toBe('/files/{"x":1}');
    expect(url.searchParams.get('coordinates')).toBe('{"lat":50,"long":8}');
    expect(JSON.parse(String(seen.headers['x-metadata']))).toEqual({ name: 'café' });
    expect(JSON.parse(String(seen.headers['x-label']))).toBe('a "b"');
    expect(seen.headers['x-query']).toBe('q=1');
  });

  it('is typed as the value in the typed path client too, which sends it the same way', async () => {
    const { ContentParameters, pathsClient } = (await import(join(out, 'src/index.ts'))) as {
      ContentParameters: new (options: Record<string, unknown>) => Files;
      pathsClient: (client: unknown) => {
        POST(url: string, init: { params: Record<string, unknown> }): Promise<unknown>;
      };
    };
    const openapi = await readFile(join(out, 'src/openapi.ts'), 'utf8');
    expect(openapi).toMatch(/'x-metadata': components\['schemas'\]\['Metadata'\];/);
    expect(openapi).toMatch(/coordinates\?: \{\s+lat: number;/);
    expect(openapi).toMatch(/'x-query'\?: string;/);
    const paths = pathsClient(new ContentParameters({ baseURL: server.url, maxRetries: 0 }));
    await paths.POST('/files/{point}', {
      params: {
        path: { point: { x: 1 } },
        query: { coordinates: { lat: 50, long: 8 } },
        header: { 'x-metadata': { name: 'café' }, 'x-label': 'a "b"' },
      },
    });
    const seen = server.requests.at(-1)!;
    const url = new URL(seen.url, server.url);
    expect(decodeURIComponent(url.pathname)).toBe('/files/{"x":1}');
    expect(url.searchParams.get('coordinates')).toBe('{"lat":50,"long":8}');
    expect(JSON.parse(String(seen.headers['x-metadata']))).toEqual({ name: 'café' });
    expect(JSON.parse(String(seen.headers['x-label']))).toBe('a "b"');
  });

  it('of text/plain with a number schema takes the number or its text, sent as text (helper-128 4)', async () => {
    const { ContentParameters } = (await import(join(out, 'src/index.ts'))) as {
      ContentParameters: new (options: Record<string, unknown>) => Files;
    };
    const client = new ContentParameters({ baseURL: server.url, maxRetries: 0 });
    for (const limit of [5, '5']) {
      await client.files.create({ x: 1 }, { 'x-metadata': {}, limit });
      expect(new URL(server.requests.at(-1)!.url, server.url).searchParams.get('limit')).toBe('5');
    }
    const resource = await readFile(join(out, 'src/resources/files.ts'), 'utf8');
    expect(resource).toMatch(/limit\?: string \| number;/);
    // The typed path client takes the same (helper-132 8: it took a string only).
    const openapi = await readFile(join(out, 'src/openapi.ts'), 'utf8');
    expect(openapi).toMatch(/limit\?: string \| number;/);
  });

  it('is given as a value in the README, the media type’s example', async () => {
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toContain(
      "{ coordinates: { lat: 50, long: 8 }, 'x-metadata': { name: 'name' } }",
    );
    expect(readme).toMatch(/create\(\n\s+\{ x: 1 \},/);
    expect(readme).not.toMatch(/'\{"/);
  });
});
