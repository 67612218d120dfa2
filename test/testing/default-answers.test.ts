/**
 * The testing kit's default answers where the spec has no example (the smallest value each schema
 * allows, emit/schema-sample.ts) pass the package's own response guards: a client with
 * `responseValidation: 'throw'` takes every one. The fixture's schemas are the kind that a value
 * built keyword by keyword gets wrong: `uniqueItems` (strings, formats, objects, every integer of
 * a range), `oneOf` variants that overlap (open objects, number and integer), bounds and
 * `multipleOf` from different `allOf` members, exclusive bounds with `multipleOf`, `not`. Where no
 * such value can be built, the generator says so in a warning naming the operation.
 */
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import type { RequestHandler } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { ROOT } from '../helpers/spec.ts';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { placedModel } from '../../generator/pipeline.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';

const FIXTURE = join(ROOT, 'test/fixtures/testing/default-answers.yaml');

type Resources = Record<string, Record<string, () => Promise<unknown>>>;

let out: string;
let warnings: string[];
beforeAll(async () => {
  out = join(await tempDir('kit-defaults-'), 'sdk');
  const result = await generate({ spec: FIXTURE, out, name: 'defaults-sdk' });
  warnings = result.warnings.map((warning) => warning.key);
  await linkNodeModules(out);
}, 120_000);
afterAll(removeTempDirs);

describe('the default answer of an operation without an example', () => {
  it('passes the response guards of every operation', async () => {
    const kit = (await import(join(out, 'src/testing/index.ts'))) as {
      createMock(): { handlers: RequestHandler[] };
      fixtures: Record<string, Record<string, unknown>>;
    };
    const sdk = (await import(join(out, 'src/client.ts'))) as {
      Defaults: new (options: Record<string, unknown>) => Resources;
      responseGuards: unknown;
    };
    const client = new sdk.Defaults({
      responseValidation: 'throw',
      responseGuards: sdk.responseGuards,
      maxRetries: 0,
    });
    const server = setupServer(...kit.createMock().handlers);
    server.listen({ onUnhandledRequest: 'error' });
    const answers: Record<string, unknown> = {};
    const rejected: string[] = [];
    try {
      for (const [resource, methods] of Object.entries(kit.fixtures)) {
        for (const method of Object.keys(methods)) {
          const name = `${resource}.${method}`;
          try {
            answers[name] = await client[resource]![method]!();
          } catch (error) {
            rejected.push(`${name}: ${(error as Error).message}`);
          }
        }
      }
    } finally {
      server.close();
    }
    expect(rejected).toEqual([]);
    expect(Object.keys(answers)).toHaveLength(8);
    // What the answers are: distinct items, one variant only, every member's bounds.
    expect(answers).toMatchObject({
      'seats.list': [10, 11, 12, 13],
      'score.get': 0.5,
      'step.get': { size: 12 },
      'ratio.get': { ratio: 0.4, level: 12, week: 21 },
      // Built from the pattern's syntax tree (emit/pattern-sample.ts).
      'links.get': { url: '/v1/accounts', code: 'AA-000', phone: '+1000000' },
    });
    expect(warnings).not.toContain('testing:default-answer');
  });

  it('is named in a warning when no value the schema allows is found', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Impossible', version: '1.0.0' },
      paths: {
        '/counts': {
          get: {
            operationId: 'getCount',
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { type: 'integer', minimum: 5, maximum: 3 },
                  },
                },
              },
              '201': { description: 'ok' },
            },
          },
        },
        '/given': {
          get: {
            operationId: 'getGiven',
            responses: {
              '200': {
                description: 'an example, so the kit answers with it',
                content: {
                  'application/json': {
                    schema: { type: 'integer', minimum: 5, maximum: 3 },
                    example: 4,
                  },
                },
              },
            },
          },
        },
      },
    });
    // The pipeline's model step, which passes the kit's check (the model does not import emitters).
    const specModel = async (path: string, strict = false) => {
      const ctx = resolveContext({ spec: path, cwd: ROOT, strict });
      return placedModel(await loadAndBundle(ctx), ctx);
    };
    const model = await specModel(spec);
    const found = model.warnings.filter((warning) => warning.key === 'testing:default-answer');
    expect(found).toHaveLength(1);
    expect(found[0]!.places).toHaveLength(1);
    expect(found[0]!.location.pointer).toBe(
      '#/paths/~1counts/get/responses/200/content/application~1json/schema',
    );
    expect(found[0]!.problem).toContain('GET /counts (client.counts.get), 5,');
    await expect(specModel(spec, true)).rejects.toThrow(/--strict/);
  });

  it('names the depth it builds values to among the causes: a chain of allOf parts 18 deep', async () => {
    const depth = 18;
    const schemas: Record<string, unknown> = {
      [`S${depth}`]: { type: 'object', properties: { end: { type: 'string' } } },
    };
    for (let i = 0; i < depth; i++)
      schemas[`S${i}`] = {
        allOf: [
          { $ref: `#/components/schemas/S${i + 1}` },
          { type: 'object', required: [`p${i}`], properties: { [`p${i}`]: { type: 'string' } } },
        ],
      };
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Chain', version: '1' },
      paths: {
        '/a': {
          get: {
            operationId: 'getA',
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } },
              },
            },
          },
        },
      },
      components: { schemas },
    });
    const ctx = resolveContext({ spec, cwd: ROOT });
    const model = await placedModel(await loadAndBundle(ctx), ctx);
    const found = model.warnings.filter((warning) => warning.key === 'testing:default-answer');
    expect(found.map((warning) => warning.problem)).toEqual([
      expect.stringContaining(
        'or schemas nested, through $refs and allOf parts too, deeper than the 12 levels it builds values for',
      ),
    ]);
  });
});

// helper-116 4: the kit answered with the spec's first example although it failed its schema, so
// a client with responseValidation 'throw' rejected the mock's default answer.
describe('examples that do not match their schema', () => {
  it('are passed over for the first that does, else the smallest value, with a warning', async () => {
    const pet = {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 8 } },
    };
    const answer = (examples: Record<string, unknown>) => ({
      '200': { description: 'ok', content: { 'application/json': { schema: pet, examples } } },
    });
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Examples', version: '1.0.0' },
      paths: {
        '/pets/{id}': {
          get: {
            operationId: 'getPet',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: answer({
              bad: { value: { id: '1', name: 5 } },
              rex: { value: { id: 1, name: 'Rex' } },
            }),
          },
          put: {
            operationId: 'putPet',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            requestBody: {
              content: {
                'application/json': {
                  schema: pet,
                  example: { id: 2, name: 'Far too long a name' },
                },
              },
            },
            responses: answer({ bad: { value: { id: 3 } } }),
          },
        },
      },
    });
    const dir = join(await tempDir('kit-examples-'), 'sdk');
    const result = await generate({ spec, out: dir, name: 'examples-sdk' });
    await linkNodeModules(dir);
    const kit = (await import(join(dir, 'src/testing/index.ts'))) as {
      fixtures: Record<string, Record<string, unknown>>;
      requestFixtures: Record<string, Record<string, unknown>>;
    };
    expect(kit.fixtures['pets']).toEqual({
      get: { id: 1, name: 'Rex' },
      put: { id: 0, name: 'string' },
    });
    expect(kit.requestFixtures).toEqual({});
    expect(result.warnings.map((warning) => warning.key).sort()).toEqual([
      'testing:invalid-example',
      'testing:invalid-request-example',
    ]);
  });
});
