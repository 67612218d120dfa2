/**
 * A parameter style its location does not take (OpenAPI 3.1.1 §4.8.12.4's table: path takes
 * simple, label or matrix; query form, spaceDelimited, pipeDelimited or deepObject; header simple;
 * cookie form) is a warning at its `style`, and the parameter is sent in its location's default
 * style. Before, `style: simple` on a query parameter reached the query styles of the resource
 * method and the path client, and the package did not compile (test/fixtures/faults/
 * parameter-styles.yaml, compiled by compile.test.ts); the other misplaced styles were dropped
 * without a word. A deepObject array is sent as form exploded, with a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { startServer, type TestServer } from '../runtime/server.ts';
import { specClient, type Methods } from '../client/spec-client.ts';
import { specModel } from '../model/fixture-model.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

const FIXTURE = 'test/fixtures/faults/parameter-styles.yaml';

let model: ApiModel;
let server: TestServer;
let items: Methods;

beforeAll(async () => {
  model = await specModel(FIXTURE);
  server = await startServer(() => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"id":"a"}',
  }));
  const spec = parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;
  items = (await specClient(spec, 'ParameterStyles', { baseURL: server.url, maxRetries: 0 }))
    .client['items']!;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe('a parameter style its location does not take', () => {
  it('is a warning at each `style`, naming the styles the location takes', () => {
    const warning = model.warnings.find((w) => w.key === 'parameter:style');
    const places = warning?.places.map((place) => [place.location.pointer, place.problem]);
    const at = (index: number) => `#/paths/~1items~1{id}/get/parameters/${index}/style`;
    expect(places?.map(([pointer]) => pointer)).toEqual([at(0), at(1), at(2), at(3)]);
    expect(places?.[0]?.[1]).toMatch(
      /path parameter "id" has `style: form`.*takes `simple`, `label` or `matrix`.*sent in style `simple`/,
    );
    expect(places?.[1]?.[1]).toMatch(/header parameter "X-Mode" .*takes only `simple`/);
    expect(places?.[2]?.[1]).toMatch(/query parameter "tags" has `style: simple`.*in style `form`/);
    expect(places?.[3]?.[1]).toMatch(/"fields" has `style: label`/);
    const deep = model.warnings.find((w) => w.key === 'parameter:deep-object-not-object');
    expect(deep?.places.map((place) => place.location.pointer)).toEqual([at(4)]);
    // helper-122 7: the table has no deepObject with explode false; it went exploded silently.
    const unexploded = model.warnings.find((w) => w.key === 'parameter:deep-object-not-exploded');
    expect(unexploded?.places.map((place) => [place.location.pointer, place.problem])).toEqual([
      [
        '#/paths/~1items~1{id}/get/parameters/6/explode',
        'query parameter "sort" has `style: deepObject` with `explode: false`, which OpenAPI does not define (§4.8.12.4): it is sent exploded (`sort[key]=value`), as deepObject always is',
      ],
    ]);
  });

  it('is sent in the location default style, its explode kept', async () => {
    await items['get']!('a1', {
      'X-Mode': 'fast',
      tags: ['a', 'b'],
      fields: ['x', 'y'],
      kinds: ['k', 'l'],
      filter: { a: '1' },
      sort: { by: 'name' },
    });
    const request = server.requests.at(-1)!;
    expect(request.url).toBe(
      '/items/a1?tags=a&tags=b&fields=x,y&kinds=k&kinds=l&filter%5Ba%5D=1&sort%5Bby%5D=name',
    );
    expect(request.headers['x-mode']).toBe('fast');
  });
});

describe('a form field style a form field does not take', () => {
  it('is a warning at the encoding, and the field is sent in style form, its explode kept', async () => {
    const warning = model.warnings.find((w) => w.key === 'encoding:style');
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1items/post/requestBody/content/application~1x-www-form-urlencoded/encoding/tags/style',
    ]);
    expect(warning?.places[0]?.problem).toMatch(
      /form field "tags" has `style: simple`.*takes a query parameter's styles.*sent in style `form`/,
    );
    await items['create']!({ tags: ['a', 'b'], note: 'n' });
    expect(server.requests.at(-1)!.body).toBe('tags=a,b&note=n');
  });

  it('deepObject on an array field is a warning, as on a query parameter (helper-129 9)', async () => {
    const warning = model.warnings.find((w) => w.key === 'encoding:deep-object-not-object');
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1items/post/requestBody/content/application~1x-www-form-urlencoded/encoding/taxIds/style',
    ]);
    expect(warning?.places[0]?.problem).toMatch(
      /form field "taxIds" has `style: deepObject`, which OpenAPI defines for objects only \(§4\.8\.12\.4\), but its schema is an array: .*told apart by order only/,
    );
    await items['create']!({ taxIds: [{ type: 'a', value: '1' }], address: { city: 'B' } });
    expect(server.requests.at(-1)!.body).toBe(
      'taxIds%5Btype%5D=a&taxIds%5Bvalue%5D=1&address%5Bcity%5D=B',
    );
  });
});
