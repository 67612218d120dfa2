/**
 * Guards checked in parts (generator/emit/guards/split.ts: a sequence of properties, allOf members,
 * union variants or patternProperties too long for one function) decide and report exactly as straight-line ones.
 * Every spec of the differential run, its guards generated with a tiny function budget (nearly
 * every object, allOf and union of two items or more is split) against its usual guards, on
 * valid-leaning values and their mutations (as in differential.test.ts): `isX` gives the same
 * verdict and `validateX` the same issues in the same order. The same for the large spec
 * (test/helpers/large-spec.ts), split at the real budget, against its guards with no budget.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { NamedSchema } from '../../generator/model/types.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { largeSpec } from '../helpers/large-spec.ts';
import { ValueArbitraries, toJson, type Json } from './arbitraries.ts';
import { compileSpec, differentialSpecs, guardFunction, type SpecGuards } from './compile.ts';
import { Mutator } from './mutations.ts';

/** Splits nearly every sequence of two items or more: one or two items a part. */
const TINY_BUDGET = 6;
const SEED = 20_240_917;

afterAll(removeTempDirs);

/** The part functions a guards module declares, by kind (`properties`, `members`, `variants`, `patterns`). */
function partKinds(source: string): string[] {
  const parts =
    /^function (?:is|count|collect|matches)\w+_(properties|members|variants|patterns)\d+\(/gm;
  const kinds = [...source.matchAll(parts)].map((m) => m[1] ?? '');
  return [...new Set(kinds)].sort();
}

/** Valid-leaning values of `schema` and their mutations, as differential.test.ts draws them. */
function valuesOf(guards: SpecGuards, schema: NamedSchema): fc.Arbitrary<Json> {
  const byName = new Map(guards.schemas.map((s) => [s.name, s]));
  const valid = new ValueArbitraries(byName).forSchema(schema.name);
  const mutator = new Mutator(byName);
  const mutated = fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }))
    .map(([value, choices]) =>
      toJson(choices.reduce<unknown>((v, c) => mutator.mutate(v, schema.node, c), value)),
    );
  return fc.oneof({ arbitrary: valid, weight: 1 }, { arbitrary: mutated, weight: 2 });
}

/** `isX` and `validateX` of `guards` on `value`, comparable with toEqual. */
function verdicts(guards: SpecGuards, x: string, value: Json): { is: unknown; validate: string } {
  return {
    is: guardFunction(guards.guards, `is${x}`)(value),
    validate: JSON.stringify(guardFunction(guards.guards, `validate${x}`)(value)),
  };
}

/** Asserts on `runs` values of every schema; returns how many values were checked. */
function forEachValue(
  guards: SpecGuards,
  runs: number,
  check: (schema: NamedSchema, value: Json) => void,
): number {
  let checked = 0;
  for (const schema of guards.schemas) {
    fc.assert(
      fc.property(valuesOf(guards, schema), (value) => {
        checked++;
        check(schema, value);
      }),
      { seed: SEED, numRuns: runs },
    );
  }
  return checked;
}

describe('guards split into parts agree with straight-line guards', () => {
  it.each(differentialSpecs().filter((file) => !file.startsWith('test/fixtures/specs/bad/')))(
    '%s, every sequence split',
    async (file) => {
      const whole = await compileSpec(file);
      const split = await compileSpec(file, { functionBudget: TINY_BUDGET });
      expect(partKinds(whole.source)).toEqual([]);
      expect(partKinds(split.source)).not.toEqual([]);
      const checked = forEachValue(whole, 30, (schema, value) => {
        const x = schema.name;
        expect(verdicts(split, x, value), `${x} in ${file}`).toEqual(verdicts(whole, x, value));
      });
      expect(checked).toBeGreaterThanOrEqual(30 * whole.schemas.length);
    },
  );

  it('the large spec, split at the real budget', async () => {
    // Straight-line, its anyOf of 2,000 variants overflows the binder of the transpiler itself.
    const file = await writeSpec(largeSpec(['AnyCode']));
    const split = await compileSpec(file);
    const whole = await compileSpec(file, { functionBudget: Infinity });
    expect(partKinds(split.source)).toEqual(['members', 'patterns', 'properties', 'variants']);
    expect(partKinds(whole.source)).toEqual([]);
    forEachValue(whole, 6, (schema, value) => {
      const x = schema.name;
      expect(verdicts(split, x, value), x).toEqual(verdicts(whole, x, value));
    });
  }, 120_000);

  it('every kind of part is made with a tiny budget', async () => {
    const split = await compileSpec('test/fixtures/schemas/keywords-31.yaml', {
      functionBudget: TINY_BUDGET,
    });
    expect(partKinds(split.source)).toEqual(['members', 'patterns', 'properties', 'variants']);
  });
});
