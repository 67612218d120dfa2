/**
 * Schemas large in one dimension (test/helpers/large-spec.ts) generate a package that compiles
 * under strict tsc. Their straight-line guards did not: TS2563 ("The containing function or module
 * body is too large for control flow analysis") for an object of 700 properties, one requiring
 * 1,100 names, a oneOf of 750 variants and an allOf of 300 inline members; a stack overflow in
 * tsc's binder for an anyOf of 2,000 variants and an enum of 2,000 objects, each one `||` chain.
 * 600 patternProperties: TS2563 too. The guards now check such sequences in parts (generator/emit/guards/split.ts). The whole package
 * (types, guards, dates, client, testing kit, README examples) is type checked, in memory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { largeSpec } from '../helpers/large-spec.ts';
import { diagnostics, readmeModules, specPackage } from './package.ts';

afterAll(removeTempDirs);

/** A property name `^(a|aa)+$` takes about 2^47 steps to refuse on JavaScript's RegExp. */
const SLOW_NAME = `${'a'.repeat(47)}!`;

describe('bounds no example value can meet', () => {
  it('generate a package that compiles, its example values of bounded size', async () => {
    const grid = (depth: number): Record<string, unknown> =>
      depth === 0 ? { type: 'integer' } : { type: 'array', minItems: 1000, items: grid(depth - 1) };
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Bounds', version: '1' },
      paths: {
        '/grid': {
          post: {
            operationId: 'createGrid',
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['name', 'cells', 'labels', SLOW_NAME],
                    properties: {
                      name: { type: 'string', minLength: 1_000_000_000 },
                      cells: grid(3),
                      labels: {
                        type: 'object',
                        minProperties: 50_000_000,
                        additionalProperties: { type: 'string' },
                      },
                      // A property name is a sample string's text: matched against a pattern that
                      // backtracks exponentially on it, it took minutes (a ReDoS at generation).
                      [SLOW_NAME]: { type: 'string', pattern: '^(a|aa)+$' },
                    },
                  },
                },
              },
            },
            responses: {
              '200': {
                description: 'the grid',
                content: { 'application/json': { schema: grid(3) } },
              },
            },
          },
        },
      },
    });
    // Before, building the README's call and the testing kit's answer made a billion numbers, a
    // string of a billion characters and an object of 50 million keys (one count of its keys per
    // key): the process ran out of memory or never finished.
    const size = [...pkg.files.values()].reduce((sum, text) => sum + text.length, 0);
    expect(size).toBeLessThan(2_000_000);
    expect(diagnostics(pkg, readmeModules(pkg))).toEqual([]);
  }, 120_000);
});

describe('schemas large in one dimension', () => {
  it('generate a package that compiles under strict tsc, README examples too', async () => {
    const pkg = await specPackage(largeSpec());
    expect(diagnostics(pkg, readmeModules(pkg))).toEqual([]);
  }, 120_000);
});
