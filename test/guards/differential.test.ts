/**
 * Differential test of the generated guards against ajv, over every component schema of our spec
 * and of the fixture specs (test/fixtures/schemas/, test/fixtures/specs/ except bad/, which holds
 * specs the generator must reject).
 *
 * For each schema, fast-check draws values from arbitraries built from the schema model
 * (arbitraries.ts: valid-leaning values) and mutations of them (mutations.ts: wrong types, missing
 * properties, bounds, enums, null, extra keys, discriminators, deep nesting, long arrays). On every
 * value: `isX` must agree with the reference (reference.ts: ajv, adapted by the deliberate
 * differences of differences.ts); `validateX(v).ok` must equal `isX(v)`, with `value` returned as
 * is, or else issues whose paths point into the value; `assertX` must throw a GuardError with the
 * same issues.
 *
 * At least GUARDS_VALUES (default 100,000) values per run, spread evenly over the schemas. Seeded:
 * GUARDS_SEED (an integer, or `random`) replays a run; each schema's own seed derives from it and
 * the schema's name, so adding a schema changes no other schema's values. A disagreement prints the
 * schema (as ajv sees it), the value (shrunk by fast-check) and both verdicts.
 * GUARDS_EXTRA_SPECS adds spec files (comma-separated), e.g. GitHub's description:
 *   GUARDS_EXTRA_SPECS=node_modules/@octokit/openapi/generated/api.github.com.json GUARDS_VALUES=200000
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NamedSchema } from '../../generator/model/types.ts';
import { pointerTokens } from '../../generator/pointer.ts';
import { ValueArbitraries, toJson, type Json } from './arbitraries.ts';
import { compileSpec, differentialSpecs, guardFunction, type SpecGuards } from './compile.ts';
import { Mutator } from './mutations.ts';
import { referenceFor, type Reference } from './reference.ts';

const DEFAULT_SEED = 20_240_601;
const SEED = seedFromEnv(process.env.GUARDS_SEED);
const TARGET = countFromEnv(process.env.GUARDS_VALUES, 100_000);
const EXTRA_SPECS = (process.env.GUARDS_EXTRA_SPECS ?? '').split(',').filter((file) => file !== '');
const SPECS = [
  ...differentialSpecs().filter((file) => !file.startsWith('test/fixtures/specs/bad/')),
  ...EXTRA_SPECS,
];
const REPLAY = `GUARDS_SEED=${SEED} npx vitest run test/guards/differential.test.ts`;

function seedFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed))
    throw new Error(`GUARDS_SEED must be an integer or "random", not ${raw}`);
  return seed;
}

function countFromEnv(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const count = Number(raw);
  if (!Number.isSafeInteger(count) || count < 1)
    throw new Error(`GUARDS_VALUES must be a positive integer, not ${raw}`);
  return count;
}

/** FNV-1a: a schema's seed from the run's seed and its name. */
function schemaSeed(file: string, key: string): number {
  let hash = 0x811c9dc5 ^ SEED;
  for (const char of `${file}#${key}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

interface Tally {
  schemas: number;
  values: number;
  valid: number;
  invalid: number;
}

interface ValidationResultLike {
  ok: boolean;
  value?: unknown;
  issues?: { path: string; expected: string; found: string; message: string }[];
}

const compiled = new Map<string, SpecGuards>();
const tallies = new Map<string, Tally>();
let runsPerSchema = 0;

describe('guards agree with ajv on generated values', () => {
  beforeAll(async () => {
    for (const file of SPECS) compiled.set(file, await compileSpec(file));
    const schemas = [...compiled.values()].reduce((n, spec) => n + spec.schemas.length, 0);
    runsPerSchema = Math.ceil(TARGET / schemas);
    console.log(
      `differential guards: seed ${SEED} (GUARDS_SEED replays it), ${schemas} schemas in ${SPECS.length} specs, ${runsPerSchema} values each`,
    );
  }, 120_000);

  it.each(SPECS)(
    '%s',
    (file) => {
      const spec = compiled.get(file);
      if (!spec) throw new Error(`${file} was not compiled`);
      const reference = referenceFor(spec.doc, spec.version);
      const arbitraries = new ValueArbitraries(new Map(spec.schemas.map((s) => [s.name, s])));
      const mutator = new Mutator(new Map(spec.schemas.map((s) => [s.name, s])));
      const tally: Tally = { schemas: spec.schemas.length, values: 0, valid: 0, invalid: 0 };
      tallies.set(file, tally);
      for (const schema of spec.schemas) {
        const valid = arbitraries.forSchema(schema.name);
        const mutated = fc
          .tuple(
            valid,
            fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
          )
          .map(([value, choices]) =>
            toJson(
              choices.reduce<unknown>((v, choice) => mutator.mutate(v, schema.node, choice), value),
            ),
          );
        const values = fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: mutated, weight: 3 });
        const check = checker(spec, schema, reference, tally);
        try {
          fc.assert(fc.property(values, check), {
            seed: schemaSeed(file, schema.originalName),
            numRuns: runsPerSchema,
            includeErrorInReport: true,
          });
        } catch (error) {
          throw new Error(
            `${schema.name} in ${file} (replay: ${REPLAY}):\n${String(error instanceof Error ? error.message : error)}`,
            { cause: error },
          );
        }
      }
      expect(tally.values).toBeGreaterThanOrEqual(spec.schemas.length * runsPerSchema);
      // A large extra spec (GUARDS_EXTRA_SPECS) takes minutes; ours and the fixtures take seconds.
    },
    900_000,
  );

  it(`checked at least ${TARGET.toLocaleString('en')} values, valid and invalid ones`, () => {
    const total = sum([...tallies.values()]);
    console.log(
      [...tallies]
        .map(
          ([file, t]) =>
            `  ${file}: ${t.schemas} schemas, ${t.values} values (${t.valid} valid, ${t.invalid} invalid)`,
        )
        .join('\n'),
    );
    expect(tallies.size).toBe(SPECS.length);
    expect(total.values).toBeGreaterThanOrEqual(TARGET);
    // Both verdicts must be common, or the run proves little.
    expect(total.valid / total.values).toBeGreaterThan(0.25);
    expect(total.invalid / total.values).toBeGreaterThan(0.25);
  });
});

function sum(tallies: Tally[]): Tally {
  return tallies.reduce(
    (a, t) => ({
      schemas: a.schemas + t.schemas,
      values: a.values + t.values,
      valid: a.valid + t.valid,
      invalid: a.invalid + t.invalid,
    }),
    { schemas: 0, values: 0, valid: 0, invalid: 0 },
  );
}

/** The property checked on every value of one schema. */
function checker(
  spec: SpecGuards,
  schema: NamedSchema,
  reference: Reference,
  tally: Tally,
): (value: Json) => void {
  const x = schema.name;
  const is = guardFunction(spec.guards, `is${x}`);
  const validate = guardFunction(spec.guards, `validate${x}`);
  const assert = guardFunction(spec.guards, `assert${x}`);
  const GuardError = spec.guards.GuardError as unknown as new (...args: never[]) => Error;
  return (value) => {
    tally.values++;
    const guard = is(value) === true;
    const ajv = reference.check(schema.originalName, value);
    const verdicts = (): string[] => [
      `  schema: ${schema.pointer} of ${spec.file} (OpenAPI ${spec.version}), as ajv sees it: ${clip(JSON.stringify(reference.schema(schema.originalName)))}`,
      `  value:  ${clip(JSON.stringify(value))}`,
      `  is${x}: ${guard ? 'valid' : 'invalid'}`,
      `  ajv:    ${ajv ? 'valid' : `invalid ${clip(reference.errors(schema.originalName))}`}`,
    ];
    if (guard !== ajv) throw new Error([`is${x} and ajv disagree`, ...verdicts()].join('\n'));
    const result = validate(value) as ValidationResultLike;
    if (result.ok !== guard) {
      throw new Error(
        [
          `validate${x}(value).ok is ${result.ok}`,
          ...verdicts(),
          `  issues: ${clip(JSON.stringify(result.issues))}`,
        ].join('\n'),
      );
    }
    if (guard) {
      if (result.value !== value)
        throw new Error([`validate${x} did not return the value`, ...verdicts()].join('\n'));
      tally.valid++;
      return;
    }
    tally.invalid++;
    const problem = issuesProblem(result.issues, value);
    if (problem !== undefined) {
      throw new Error(
        [
          `validate${x} issues: ${problem}`,
          ...verdicts(),
          `  issues: ${clip(JSON.stringify(result.issues))}`,
        ].join('\n'),
      );
    }
    let thrown: unknown;
    try {
      assert(value);
    } catch (error) {
      thrown = error;
    }
    const same =
      thrown instanceof GuardError &&
      JSON.stringify((thrown as Error & { issues: unknown }).issues) ===
        JSON.stringify(result.issues) &&
      thrown.message.startsWith(`Invalid ${x} (${String(result.issues?.length)} issue`);
    if (!same)
      throw new Error(
        [
          `assert${x} did not throw a GuardError with validate's issues: ${String(thrown)}`,
          ...verdicts(),
        ].join('\n'),
      );
  };
}

/** What is wrong with the issues of an invalid value, or undefined. */
function issuesProblem(issues: ValidationResultLike['issues'], value: unknown): string | undefined {
  if (!issues || issues.length === 0) return 'none for an invalid value';
  for (const issue of issues) {
    for (const field of ['expected', 'found', 'message'] as const) {
      if (typeof issue[field] !== 'string' || issue[field] === '')
        return `an issue without ${field}`;
    }
    if (issue.path !== '' && !issue.path.startsWith('/'))
      return `path ${JSON.stringify(issue.path)} is not a JSON pointer`;
    const tokens = pointerTokens(issue.path);
    const missing = issue.found === 'missing';
    const parent = resolve(value, missing ? tokens.slice(0, -1) : tokens);
    if (!parent.found) return `path ${issue.path} is not in the value`;
    if (missing) {
      const last = tokens[tokens.length - 1];
      const holder = parent.value;
      if (
        last === undefined ||
        typeof holder !== 'object' ||
        holder === null ||
        Array.isArray(holder)
      ) {
        return `missing property ${issue.path} is not in an object`;
      }
      if (Object.hasOwn(holder, last))
        return `property ${issue.path} is reported missing but is there`;
    }
  }
  return undefined;
}

function resolve(value: unknown, tokens: string[]): { found: boolean; value?: unknown } {
  let current = value;
  for (const token of tokens) {
    if (
      Array.isArray(current) &&
      /^(0|[1-9][0-9]*)$/.test(token) &&
      Number(token) < current.length
    ) {
      current = current[Number(token)];
    } else if (
      typeof current === 'object' &&
      current !== null &&
      !Array.isArray(current) &&
      Object.hasOwn(current, token)
    ) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

function clip(text: string | undefined, max = 1500): string {
  if (text === undefined) return 'undefined';
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}
