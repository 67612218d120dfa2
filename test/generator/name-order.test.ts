/**
 * A spec whose names collide (schemas `pet` and `Pet`, SDK methods `get_item` and `getItem`,
 * query parameters `page_size` and `pageSize`, operation types of `plan.list` and `plans.list`),
 * listed in one order and then in the reverse one: the packages name everything the same. Their
 * declarations follow the spec's order, so the files are compared as sets of lines.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, tempDir, writeSpec } from './helpers.ts';

afterAll(removeTempDirs);

const object = (key: string) => ({ type: 'object', properties: { [key]: { type: 'string' } } });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const query = (name: string) => ({ name, in: 'query', schema: { type: 'string' } });
const post = (sdkMethod: string) => ({
  'x-sdk-method': sdkMethod,
  requestBody: json(object('id')),
  responses: { '200': { description: 'ok', ...json(object('id')) } },
});

function spec(reversed: boolean): Record<string, unknown> {
  const order = <T>(list: T[]): T[] => (reversed ? [...list].reverse() : list);
  return {
    openapi: '3.1.0',
    info: { title: 'Order', version: '1' },
    paths: Object.fromEntries(
      order([
        [
          '/pets',
          {
            get: {
              operationId: 'get_item',
              tags: ['pets'],
              parameters: order([query('page_size'), query('pageSize')]),
              responses: {
                '200': { description: 'ok', ...json({ $ref: '#/components/schemas/Pet' }) },
              },
            },
          },
        ],
        [
          '/pets/{id}',
          {
            get: {
              operationId: 'getItem',
              tags: ['pets'],
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: { '200': { description: 'ok', ...json(object('x')) } },
            },
          },
        ],
        ['/plans', { post: post('plans.list') }],
        ['/plan', { post: post('plan.list') }],
      ]),
    ),
    components: {
      schemas: Object.fromEntries(
        order(['pet_item', 'Pet', 'Pet-Item', 'pet', 'pet-item', 'pet_']).map((key) => [
          key,
          object(key),
        ]),
      ),
    },
  };
}

/** Each file of `src/` that declares names users see, as its lines sorted (the header left out). */
async function declarations(out: string): Promise<Record<string, string[]>> {
  const files = [
    'src/types.ts',
    'src/index.ts',
    'src/openapi.ts',
    ...(await readdir(join(out, 'src/resources'))).map((name) => `src/resources/${name}`),
  ];
  const entries = await Promise.all(
    files.map(async (file) => {
      const lines = (await readFile(join(out, file), 'utf8')).split('\n').slice(1);
      return [file, lines.sort()] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe('names that collide, in a spec listed in another order', () => {
  it('are the same in every file that declares them', async () => {
    const packages = [];
    for (const reversed of [false, true]) {
      const out = join(await tempDir('order-'), 'sdk');
      await generate({ spec: await writeSpec(spec(reversed)), out });
      packages.push(await declarations(out));
    }
    expect(packages[1]).toEqual(packages[0]);
    // The names did collide: one of the three that make `Pet` is numbered twice.
    expect(packages[0]!['src/types.ts']).toContain('export interface Pet3 {');
  });
});
