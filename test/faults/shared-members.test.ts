/**
 * Schemas that share members (helper-141 F1, F2): `S0: allOf: [S1, S2]`, `S1: allOf: [S2, S3]`, …
 * (or `oneOf`, `anyOf`), a few dozen schemas whose paths to the last ones double with every level.
 * Every walk that followed `$ref`s read a shared schema once per path: 25 levels of `allOf` ended in
 * a stack overflow ("internal error"), 32 of `oneOf` did not finish in a minute. Each walk now
 * reads a schema once (the allOf checks' parts and types, the JSON kinds, the dates' facets, the
 * samples' object parts and verdicts). Here 40 levels generate a package that compiles, with
 * dates revived through the whole graph and the guards' verdicts right.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, packageIs, specPackage } from './package.ts';

afterAll(removeTempDirs);

const LEVELS = 40;

const ref = (i: number) => ({ $ref: `#/components/schemas/S${i}` });

/**
 * S0 … S39 made by `schema` (each referring to the next two), then S40, an object with a
 * date-time `at`, and S41, one with an integer `count`; S0 is a request and response body.
 */
function chainSpec(schema: (i: number) => Record<string, unknown>): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < LEVELS; i++) schemas[`S${i}`] = schema(i);
  schemas[`S${LEVELS}`] = {
    type: 'object',
    required: ['at'],
    properties: { at: { type: 'string', format: 'date-time' } },
  };
  schemas[`S${LEVELS + 1}`] = {
    type: 'object',
    required: ['count'],
    properties: { count: { type: 'integer' } },
  };
  const content = { 'application/json': { schema: ref(0) } };
  return {
    openapi: '3.1.0',
    info: { title: 'Shared', version: '1' },
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          requestBody: { required: true, content },
          responses: { '200': { description: 'The thing.', content } },
        },
      },
    },
    components: { schemas },
  };
}

function sharedSpec(keyword: 'allOf' | 'oneOf' | 'anyOf'): Record<string, unknown> {
  return chainSpec((i) => ({ [keyword]: [ref(i + 1), ref(i + 2)] }));
}

/** JSON Schema's verdict on `value` for S0, level by level from the last schemas up. */
function expected(keyword: 'allOf' | 'oneOf' | 'anyOf', value: Record<string, unknown>): boolean {
  const verdicts: boolean[] = [];
  verdicts[LEVELS] = typeof value['at'] === 'string';
  verdicts[LEVELS + 1] = Number.isInteger(value['count']);
  for (let i = LEVELS - 1; i >= 0; i--) {
    const [a, b] = [verdicts[i + 1]!, verdicts[i + 2]!];
    verdicts[i] = keyword === 'allOf' ? a && b : keyword === 'anyOf' ? a || b : a !== b;
  }
  return verdicts[0]!;
}

describe.each(['allOf', 'anyOf', 'oneOf'] as const)(
  `${LEVELS} levels of %s that share members`,
  (keyword) => {
    it(
      'generate a package that compiles, with the guards right',
      { timeout: 120_000 },
      async () => {
        const pkg = await specPackage(sharedSpec(keyword));
        expect(
          diagnostics(pkg, {
            'src/check.ts': `
import type { S0 } from './types.js';
import { reviveS0 } from './dates.js';
const given: S0 = ${keyword === 'allOf' ? "{ at: '2024-01-01T00:00:00Z', count: 1 }" : '{ count: 1 }'};
const revived = reviveS0(given);
// The date-time at the end of every path is a Date once revived.
if ('at' in revived) {
  const at: Date = revived.at;
  void at;
}
`,
          }),
        ).toEqual([]);
        const is = await packageIs(pkg);
        const values = [{ at: '2024-01-01T00:00:00Z', count: 1 }, { count: 1 }, { at: 'x' }, {}];
        expect(values.map((value) => is('S0', value))).toEqual(
          values.map((value) => expected(keyword, value)),
        );
      },
    );
  },
);

describe('other shapes of shared members (helper-143 F4)', () => {
  it.each<[string, (i: number) => Record<string, unknown>]>([
    // 16 levels took 38 s: the allOf's members were sorted by walks that shared no memo.
    [
      'allOf beside additionalProperties: false',
      (i) => ({ allOf: [ref(i + 1), ref(i + 2)], additionalProperties: false }),
    ],
    [
      'allOf beside unevaluatedProperties: false',
      (i) => ({ allOf: [ref(i + 1), ref(i + 2)], unevaluatedProperties: false }),
    ],
    // The samples distributed each allOf over each union, level by level.
    [
      'anyOf of allOfs',
      (i) => ({
        anyOf: [{ allOf: [ref(i + 1), ref(i + 2)] }, { allOf: [ref(i + 2), ref(i + 1)] }],
      }),
    ],
  ])(
    '%s: 40 levels generate a package that compiles',
    { timeout: 120_000 },
    async (_case, schema) => {
      const pkg = await specPackage(chainSpec(schema));
      expect(diagnostics(pkg)).toEqual([]);
    },
  );
});
