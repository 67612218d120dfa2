/**
 * recheck's questions about the spec's patterns (model/patterns.ts) are answered in the
 * generator's prettier worker (write/format-pool.ts), which loaded recheck's checker while the main
 * thread was loading: the verdicts, and so the guards and the warnings, must be exactly those
 * recheck's own agent gives, for every kind of pattern (linear, exponential, polynomial, too large,
 * invalid, unicode). The fuzzer's questions (backreferences, lookaround) stay with recheck's native
 * agent, which fuzzes about twice as fast. A worker that cannot answer leaves its questions to
 * recheck itself, with the same verdicts.
 */
import { dirname } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import type { NamedSchema } from '../../generator/model/types.ts';
import type { Warnings } from '../../generator/warnings.ts';
import { FormatPool } from '../../generator/write/format-pool.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';

const pool = new FormatPool(1);
afterAll(async () => {
  await pool.terminate();
  await removeTempDirs();
});

const PATTERNS = [
  '^[a-z]+$',
  '^(a+)+$',
  '^\\s*a\\s*\\s*b$',
  '^([a-z])\\1$',
  '(?<=x)y+$',
  '^(a|a)*$',
  '^\\p{Lu}[\\p{L} ]{0,40}$',
  '^[0-9]{3}-[0-9]{2}-[0-9]{4}$',
  `^(${'ab|'.repeat(50)}c)+$`,
  '(',
];

async function schemasWithPatterns(): Promise<NamedSchema[]> {
  const spec = await writeSpec({
    openapi: '3.1.0',
    info: { title: 'Patterns', version: '1.0.0' },
    paths: {},
    components: {
      schemas: {
        Values: {
          type: 'object',
          properties: Object.fromEntries(
            PATTERNS.map((pattern, i) => [`p${i}`, { type: 'string', pattern }]),
          ),
        },
      },
    },
  });
  const ctx = resolveContext({ spec, cwd: dirname(spec) });
  return (await buildModel(await loadAndBundle(ctx), ctx)).schemas;
}

/** What a fresh copy of patterns.ts decides for each pattern, asking `checker` if given. */
async function verdicts(
  schemas: readonly NamedSchema[],
  checker?: (question: [string, string, object]) => Promise<unknown>,
) {
  vi.resetModules();
  const patterns = await import('../../generator/model/patterns.ts');
  await patterns.analysePatterns(schemas, checker);
  const warnings: unknown[] = [];
  const collector = { add: (...args: unknown[]) => warnings.push(args) } as unknown as Warnings;
  patterns.addPatternWarnings(schemas, 'openapi.json', 're2js', collector);
  const engines = patterns
    .patternUses(schemas)
    .map(({ regex }) => ({ source: regex.source, ...patterns.patternEngine(regex, 'native') }));
  return { warnings, engines };
}

describe("recheck's questions in the prettier worker", () => {
  it('get the verdicts recheck itself gives, for every kind of pattern', async () => {
    const schemas = await schemasWithPatterns();
    const failures: unknown[] = [];
    const asked: string[] = [];
    const inWorker = await verdicts(schemas, (question) => {
      asked.push(`${(question[2] as { checker: string }).checker} ${question[0]}`);
      return pool.recheck(question).catch((error: unknown) => {
        failures.push(error);
        throw error;
      });
    });
    const byRecheck = await verdicts(schemas);
    expect(failures).toEqual([]);
    // Every regular pattern but the invalid one and the one too long to analyse; no fuzzing.
    expect(asked).toHaveLength(PATTERNS.length - 4);
    expect(asked.filter((question) => !question.startsWith('auto '))).toEqual([]);
    expect(inWorker).toEqual(byRecheck);
    // The kinds are all there: proofs, attacks, an invalid pattern.
    const text = JSON.stringify(byRecheck.warnings);
    expect(text).toContain('exponential');
    expect(text).toContain('polynomial');
    expect(byRecheck.engines.filter(({ engine }) => engine === 'regexp')).not.toEqual([]);
  }, 120_000);

  it('are asked of recheck itself when the worker cannot answer, with the same verdicts', async () => {
    const schemas = await schemasWithPatterns();
    const refused = await verdicts(schemas, () => Promise.reject(new Error('no worker')));
    expect(refused).toEqual(await verdicts(schemas));
  }, 120_000);
});
