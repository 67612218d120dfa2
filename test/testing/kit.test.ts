/**
 * The testing kit emitter (generator/emit/testing.ts) on a spec that is not Gigs': no examples, no
 * server, inline schemas, a resource named like a member of the kit, a recursive schema and a
 * hostile example key. The generated package compiles under strict tsc, and its kit, imported from
 * the generated sources, serves the generated client through MSW. Plus the minimal values of
 * testing/values.ts, table-driven.
 */
import { join } from 'node:path';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalValue } from '../../generator/emit/testing/values.ts';
import { generate } from '../../generator/index.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { loadModel } from '../../scripts/lib/code-samples.ts';
import {
  compile,
  linkNodeModules,
  removeTempDirs,
  tempDir,
  writeSpec,
} from '../generator/helpers.ts';

const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({
  'application/json': { schema, ...extra },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Things', version: '1.0.0' },
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        'x-sdk-method': 'things.list',
        tags: ['things'],
        'x-sdk-pagination': {
          style: 'cursor',
          afterParam: 'cursor',
          limitParam: 'size',
          itemsField: 'data',
          nextCursorField: 'next',
        },
        parameters: [
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'size', in: 'query', schema: { type: 'integer', default: 2 } },
        ],
        responses: {
          '200': {
            description: 'A page',
            content: json({
              type: 'object',
              required: ['data', 'next'],
              properties: {
                data: { type: 'array', items: ref('Thing') },
                next: { type: 'string', nullable: true },
              },
            }),
          },
        },
      },
      post: {
        operationId: 'createThing',
        'x-sdk-method': 'things.create',
        tags: ['things'],
        requestBody: {
          required: true,
          content: json(ref('Thing'), {
            // An example that fits the schema (the kit holds no other), with a hostile key.
            example: {
              id: 'thg',
              kind: 'big',
              createdAt: '2024-01-01T00:00:00Z',
              size: 4,
              parent: null,
              tags: ['eighteen'],
              ['__proto__']: 'own',
            },
          }),
        },
        responses: {
          '201': { description: 'Created', content: json(ref('Thing')) },
          '422': {
            description: 'Invalid',
            content: json({ type: 'object', properties: { reason: { type: 'string' } } }),
          },
        },
      },
    },
    '/handlers/{id}': {
      delete: {
        operationId: 'deleteHandler',
        'x-sdk-method': 'handlers.delete',
        tags: ['handlers'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Gone' } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'kind', 'createdAt', 'size', 'parent', 'tags'],
        properties: {
          id: { type: 'string', pattern: '^[a-z]+$' },
          kind: { type: 'string', enum: ['small', 'big'] },
          createdAt: { type: 'string', format: 'date-time' },
          size: { type: 'integer', minimum: 3, exclusiveMinimum: true },
          parent: { allOf: [ref('Thing')], nullable: true },
          tags: { type: 'array', minItems: 1, items: { type: 'string', minLength: 8 } },
          note: { type: 'string' },
        },
      },
    },
  },
};

/** The generated modules, seen loosely: this test drives them as any user code would. */
interface MockOf {
  calls: { body: unknown; params: Record<string, string>; query: URLSearchParams }[];
  items(list: unknown[]): void;
}
interface GeneratedKit {
  createMock(options: { baseURL: string }): Record<string, unknown>;
  fixtures: Record<string, Record<string, unknown>>;
  requestFixtures: Record<string, Record<string, unknown>>;
}
type ClientClass = new (options: { baseURL: string }) => {
  things: { create(body: unknown): Promise<unknown>; list(): unknown };
  handlers: { delete(id: string): Promise<unknown> };
};

let model: ApiModel;
let out: string;

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  model = await loadModel(spec);
  out = join(await tempDir('kit-'), 'sdk');
  await generate({ spec, out, name: 'things-sdk' });
  await linkNodeModules(out);
}, 120_000);
afterAll(removeTempDirs);

describe('minimal values (no example in the spec)', () => {
  it('fills required properties only, within bounds, formats and patterns, and stops at recursion', () => {
    const thing = model.schemas.find((schema) => schema.name === 'Thing')!;
    expect(minimalValue(thing.node, model.schemas)).toEqual({
      id: 'string',
      kind: 'small',
      createdAt: '2024-01-01T00:00:00Z',
      size: 4,
      parent: null,
      tags: ['stringaa'],
    });
  });
});

describe('the kit of another spec', () => {
  it('compiles with the rest of the package under strict tsc', { timeout: 300_000 }, () => {
    const result = compile(out);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('serves the generated client: minimal values, pagination, typed request fixtures, renamed members', async () => {
    const kit = (await import(join(out, 'src/testing/index.ts'))) as GeneratedKit;
    const { Things } = (await import(join(out, 'src/client.ts'))) as { Things: ClientClass };
    const baseURL = 'http://things.test/api';
    const mock = kit.createMock({ baseURL });
    const ops = (resource: string) => mock[resource] as Record<string, MockOf>;
    // `handlers` is a resource of this API, so the kit's own `handlers` member is `$handlers`.
    expect(Object.keys(mock).sort()).toEqual(['$handlers', 'handlers', 'reset', 'things']);
    const server = setupServer(...(mock['$handlers'] as RequestHandler[]));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = new Things({ baseURL });
      const request = kit.requestFixtures['things']!['create'] as Record<string, unknown>;
      const created = await client.things.create(request);
      expect(created).toEqual(kit.fixtures['things']!['create']);
      // The example's `__proto__` key is an own property, as in the JSON it came from.
      expect(Object.keys(request)).toContain('__proto__');
      expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
      expect(Object.keys(ops('things')['create']!.calls[0]?.body as object)).toContain('__proto__');

      const thing = kit.fixtures['things']!['create'] as Record<string, unknown>;
      ops('things')['list']!.items(['a', 'b', 'c', 'd', 'e'].map((id) => ({ ...thing, id })));
      const seen: string[] = [];
      for await (const item of client.things.list() as AsyncIterable<{ id: string }>)
        seen.push(item.id);
      expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
      // The limit parameter's default (2) is the page size.
      expect(ops('things')['list']!.calls.map((call) => call.query.get('cursor'))).toEqual([
        null,
        'b',
        'd',
      ]);

      await client.handlers.delete('h_1');
      expect(ops('handlers')['delete']!.calls[0]?.params).toEqual({ id: 'h_1' });
      (mock['reset'] as () => void)();
      expect(ops('handlers')['delete']!.calls).toEqual([]);
    } finally {
      server.close();
    }
  });
});
