/**
 * Runs table-driven guard cases for one fixture: every value is checked by the emitted isX and
 * validateX, against the hand-written expectation and against the reference validator (ajv,
 * adapted by the deliberate differences of guards/differences.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileGuards,
  loadFixture,
  referenceValidator,
  type CompiledGuards,
  type GuardsModule,
  type ValidationIssueLike,
} from './harness.ts';
import type { DifferenceId } from './differences.ts';

export interface GuardCase {
  /** The components key. */
  schema: string;
  valid: unknown[];
  invalid: unknown[];
  /**
   * Values on which the reference is not consulted, because of this deliberate difference (see
   * guards/differences.ts; only for differences the reference is not adapted to).
   */
  difference?: DifferenceId;
}

export type GuardCases = [name: string, GuardCase][];

export interface FixtureGuards {
  compiled: CompiledGuards;
  guards: GuardsModule;
  /** Calls a guard function by name (`isPlan`) with one value. */
  call(fn: string, value: unknown): unknown;
  /** `validateX` of a components key. */
  validate(
    key: string,
    value: unknown,
  ): { ok: boolean; issues?: ValidationIssueLike[]; value?: unknown };
  typeName(key: string): string;
}

/** Compiles a fixture once (in beforeAll) and checks it type-checks without `any`. */
export function useFixture(file: string): () => FixtureGuards {
  let loaded: FixtureGuards | undefined;
  beforeAll(async () => {
    const { doc, version } = loadFixture(file);
    const compiled = await compileGuards(doc, version, file);
    const guards = await compiled.load();
    const names = new Map(compiled.schemas.map((s) => [s.originalName, s.name]));
    const typeName = (key: string): string => {
      const name = names.get(key);
      if (name === undefined) throw new Error(`no schema ${key} in ${file}`);
      return name;
    };
    const call = (fn: string, value: unknown): unknown => {
      const guard = guards[fn];
      if (typeof guard !== 'function') throw new Error(`no function ${fn}`);
      return guard(value);
    };
    loaded = {
      compiled,
      guards,
      call,
      typeName,
      validate: (key, value) =>
        call(`validate${typeName(key)}`, value) as ReturnType<FixtureGuards['validate']>,
    };
  }, 120_000);
  return () => {
    if (!loaded) throw new Error('fixture not compiled');
    return loaded;
  };
}

export function describeGuardCases(file: string, cases: GuardCases): void {
  describe(`guards for ${file}`, () => {
    const fixture = useFixture(file);
    const { doc, version } = loadFixture(file);
    const reference = referenceValidator(doc, version);

    it('type-check under strict with noUncheckedIndexedAccess, without any', () => {
      expect(fixture().compiled.diagnostics).toBe('');
      expect(fixture().compiled.anyCount).toBe(0);
    });

    it.each(cases)('%s', (_name, { schema, valid, invalid, difference }) => {
      const ajv = difference === undefined;
      const { call, typeName, validate } = fixture(); // eslint-disable-line @typescript-eslint/unbound-method -- plain functions, not methods
      const name = typeName(schema);
      const check = reference(schema);
      for (const value of valid) {
        const label = JSON.stringify(value);
        expect(call(`is${name}`, value), `is${name}(${label})`).toBe(true);
        expect(validate(schema, value), `validate${name}(${label})`).toEqual({ ok: true, value });
        if (ajv) expect(check(value), `ajv on ${label}`).toBe(true);
      }
      for (const value of invalid) {
        const label = JSON.stringify(value);
        expect(call(`is${name}`, value), `is${name}(${label})`).toBe(false);
        const result = validate(schema, value);
        expect(result.ok, `validate${name}(${label})`).toBe(false);
        expect(result.issues?.length, `issues of ${label}`).toBeGreaterThan(0);
        if (ajv) expect(check(value), `ajv on ${label}`).toBe(false);
      }
    });
  });
}
