/**
 * Each deliberate difference of differences.ts really exists: on its witness the guards decide as
 * the entry says, plain ajv decides otherwise (or refuses the schema), and the adapted reference
 * of the differential run sides with the guards (except where the run never meets the difference).
 */
import { describe, expect, it } from 'vitest';
import { compileDoc, guardFunction } from './compile.ts';
import { DIFFERENCES, type Witness } from './differences.ts';
import { plainReference, referenceFor } from './reference.ts';

function witnessDoc(witness: Witness): Record<string, unknown> {
  return {
    openapi: witness.version === '3.0' ? '3.0.3' : '3.1.0',
    info: { title: 'witness', version: '1' },
    paths: {},
    components: { schemas: witness.schemas },
  };
}

function witnessValue(witness: Witness): unknown {
  return witness.json === undefined ? witness.value : JSON.parse(witness.json);
}

const cases = DIFFERENCES.flatMap((difference) =>
  difference.witnesses.map((witness, i) => ({
    name: `${difference.id} #${i + 1}: ${difference.summary}`,
    difference,
    witness,
  })),
);

describe('deliberate differences from ajv', () => {
  it('are listed once each, with a reason, a reference note and a witness', () => {
    const ids = DIFFERENCES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of DIFFERENCES) {
      expect(d.why.length, d.id).toBeGreaterThan(40);
      expect(d.reference.length, d.id).toBeGreaterThan(10);
      expect(d.witnesses.length, d.id).toBeGreaterThan(0);
    }
  });

  it.each(cases)('$name', async ({ difference, witness }) => {
    const doc = witnessDoc(witness);
    const { guards, schemas } = await compileDoc(doc, witness.version, `${difference.id}.yaml`);
    const name = schemas.find((s) => s.originalName === witness.schema)?.name;
    if (name === undefined) throw new Error(`no schema ${witness.schema}`);
    const value = witnessValue(witness);

    const guard = guardFunction(guards, `is${name}`)(value);
    expect(guard, 'the guard').toBe(witness.guard);
    const validated = guardFunction(guards, `validate${name}`)(value) as { ok: boolean };
    expect(validated.ok, 'validate agrees with is').toBe(witness.guard);

    const plain = plainReference(doc, witness.version);
    if (witness.plain === 'refuses') {
      expect(() => plain.check(witness.schema, value), 'plain ajv refuses the schema').toThrow(
        /schema|regular expression|nullable/i,
      );
    } else if (witness.plain === 'throws') {
      expect(() => plain.check(witness.schema, value), 'plain ajv throws').toThrow(TypeError);
    } else if (witness.plain === 'overflows') {
      expect(() => plain.check(witness.schema, value), 'plain ajv overflows').toThrow(RangeError);
    } else {
      expect(plain.check(witness.schema, value), 'plain ajv').toBe(witness.plain);
      expect(witness.plain, 'a witness shows a difference').not.toBe(witness.guard);
    }

    const reference = referenceFor(doc, witness.version);
    let adapted: boolean | 'overflows';
    try {
      adapted = reference.check(witness.schema, value);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      adapted = 'overflows';
    }
    if (difference.adapt) expect(adapted, 'the adapted reference').toBe(witness.guard);
    else expect(adapted, 'the reference (not adapted: never met)').not.toBe(witness.guard);
  });
});
