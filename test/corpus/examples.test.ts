/**
 * Every example of every corpus description, checked against the schema it illustrates by ajv (the
 * guards' reference, test/guards/reference.ts: adapted only by the deliberate differences of
 * test/guards/differences.ts) and by the generated guard. The two must agree; an example both
 * reject is the spec's own mistake and is listed, not failed.
 *
 * The examples, their schemas (each given a component name) and the guards come from the
 * generation step (global-setup.ts → generate-one.ts); nothing is generated again here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModules } from '../guards/compile.ts';
import { referenceFor, type Reference } from '../guards/reference.ts';
import type { SpecExample } from './examples.ts';
import { corpusRuns } from './runs.ts';

interface Verdict {
  where: string;
  ajv: boolean | string;
  guard: boolean | string;
}

describe.each(corpusRuns())('$name', (run) => {
  it('ajv and the generated guards agree on every example', { timeout: 300_000 }, async () => {
    expect(run.ok).toBe(true);
    expect(run.examplesError).toBeUndefined();
    const read = (file: string): unknown => JSON.parse(readFileSync(join(run.data, file), 'utf8'));
    const examples = read('examples.json') as (SpecExample & { name: string })[];
    const doc = read('augmented.json') as Record<string, unknown>;
    const version = read('version.json') as '3.0' | '3.1';
    const guards = await importModules({
      'guards.ts': readFileSync(join(run.data, 'example-guards.ts'), 'utf8'),
      'guards-runtime.ts': readFileSync(join(run.data, 'guards-runtime.ts'), 'utf8'),
    });
    let reference: Reference | string;
    try {
      reference = referenceFor(doc, version);
    } catch (error) {
      reference = String(error);
    }

    const verdicts: Verdict[] = examples.map(({ where, name, value }) => {
      const guard = guards[`is${name}`];
      return {
        where,
        ajv: attempt(() =>
          typeof reference === 'string' ? reference : reference.check(name, value),
        ),
        guard: guard === undefined ? `no guard is${name}` : attempt(() => guard(value) === true),
      };
    });
    const disagreements = verdicts.filter((v) => v.ajv !== v.guard);
    const invalid = verdicts.filter((v) => v.ajv === false && v.guard === false);
    console.log(
      `corpus: ${run.name}: ${examples.length} examples, ${disagreements.length} guard-ajv disagreements, ${invalid.length} invalid per both`,
    );
    expect(disagreements).toEqual([]);
  });
});

function attempt(check: () => boolean | string): boolean | string {
  try {
    return check();
  } catch (error) {
    return `throws: ${error instanceof Error ? error.message : String(error)}`;
  }
}
