/**
 * recheck's questions about the spec's patterns (model/patterns.ts) are answered in the
 * generator's prettier worker (write/format-pool.ts), which loaded recheck's checker while the main
 * thread was loading, and by recheck's native agent: the verdicts, and so the guards and the
 * warnings, must be exactly those recheck's own agent gives, for every kind of pattern (linear,
 * exponential, polynomial, too large, invalid, unicode). The worker takes small automata only (its
 * JavaScript checker is some 4 times slower than the agent on large ones); the fuzzer's questions
 * (backreferences, lookaround) and large automata go to the agent, which is not started when the
 * worker can answer everything. A worker that cannot answer leaves its questions to recheck itself,
 * with the same verdicts.
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

async function schemasWithPatterns(patterns = PATTERNS): Promise<NamedSchema[]> {
  const spec = await writeSpec({
    openapi: '3.1.0',
    info: { title: 'Patterns', version: '1.0.0' },
    paths: {},
    components: {
      schemas: {
        Values: {
          type: 'object',
          properties: Object.fromEntries(
            patterns.map((pattern, i) => [`p${i}`, { type: 'string', pattern }]),
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
  agent?: (question: [string, string, object]) => Promise<unknown>,
) {
  vi.resetModules();
  const patterns = await import('../../generator/model/patterns.ts');
  await patterns.analysePatterns(
    schemas,
    checker,
    agent as Parameters<typeof patterns.analysePatterns>[2],
  );
  const warnings: unknown[] = [];
  const collector = { add: (...args: unknown[]) => warnings.push(args) } as unknown as Warnings;
  patterns.addPatternWarnings(schemas, 'openapi.json', 're2js', collector);
  const engines = patterns
    .patternUses(schemas)
    .map(({ regex }) => ({ source: regex.source, ...patterns.patternEngine(regex, 'native') }));
  return { warnings, engines };
}

describe("recheck's questions in the prettier worker", () => {
  it('get the verdicts recheck itself gives, for every kind of regular pattern', async () => {
    // No backreferences or lookaround: those would start the agent, which takes questions too.
    const regular = PATTERNS.filter((pattern) => !/\\1|\(\?<=/.test(pattern));
    expect(regular).toHaveLength(PATTERNS.length - 2);
    const schemas = await schemasWithPatterns(regular);
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
    // Every pattern but the invalid one, the one too long to analyse and the two linear by their
    // shape (model/pattern-linear.ts: `^[a-z]+$`, `^\p{Lu}[\p{L} ]{0,40}$`); no fuzzing.
    expect(asked).toHaveLength(regular.length - 4);
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

describe('patterns linear by their shape (model/pattern-linear.ts)', () => {
  it('are asked of no one, and run on RegExp', async () => {
    const linear = ['^[A-Z]{2}$', '^[a-z0-9-]+$', '^v?\\d+$', '^https://.+$', '^(?:ab)c*d?$'];
    const schemas = await schemasWithPatterns(linear);
    const asked: string[] = [];
    const ask = (question: [string, string, object]) => {
      asked.push(question[0]);
      return Promise.reject(new Error('not to be asked'));
    };
    const found = await verdicts(schemas, ask, ask);
    expect(asked).toEqual([]);
    expect(found.warnings).toEqual([]);
    expect(found.engines.map(({ engine }) => engine)).toEqual(linear.map(() => 'regexp'));
    // recheck's own verdicts, asked as before: the same.
    vi.resetModules();
    const { check } = await import('recheck');
    for (const pattern of linear) {
      const relaxed = pattern.replace(/\{2\}/, '+');
      expect((await check(relaxed, '', { timeout: null })).status, pattern).toBe('safe');
    }
  }, 120_000);
});

describe("recheck's questions shared between the worker and recheck's agent", () => {
  /** Verdicts with the worker and the agent, and which of them was asked which pattern. */
  async function shared(patterns: string[]) {
    const schemas = await schemasWithPatterns(patterns);
    const asked = { worker: [] as string[], agent: [] as string[] };
    const { check } = await import('recheck');
    const found = await verdicts(
      schemas,
      (question) => {
        asked.worker.push(question[0]);
        return pool.recheck(question);
      },
      (question) => {
        asked.agent.push(`${(question[2] as { checker: string }).checker} ${question[0]}`);
        return check(...question);
      },
    );
    expect(found).toEqual(await verdicts(schemas));
    return asked;
  }

  it('leave the agent unstarted when the worker can answer them all', async () => {
    const asked = await shared(['^[A-Z]+[0-9]*$', '^(ab)+$', '^\\d+(\\.\\d+)?$']);
    expect(asked.agent).toEqual([]);
    expect(asked.worker.sort()).toEqual(['^(ab)+$', '^[A-Z]+[0-9]*$', '^\\d+(\\.\\d+)?$']);
  }, 120_000);

  it("give the agent the fuzzer's questions and the large automata, the worker the small ones", async () => {
    // An AWS ARN pattern: 2.2 s in recheck's JavaScript build, 0.6 s in its agent.
    const arn = 'arn:(aws[a-zA-Z-]*)?:iam::\\d+:role/?[a-zA-Z_0-9+=,.@\\-_/]+';
    const asked = await shared(['^[A-Z]+-[0-9]+$', arn, '^([a-z])\\1$', '^[a-z]{2}-[a-z]{3}$']);
    expect(asked.agent.sort()).toEqual([`auto ${arn}`, 'fuzz ^([a-z])\\1$']);
    // Counted repeats relaxed (patterns.ts).
    expect(asked.worker.sort()).toEqual(['^[A-Z]+-[0-9]+$', '^[a-z]+-[a-z]+$']);
  }, 120_000);

  it('share many small ones, each asked once', async () => {
    const patterns = Array.from({ length: 24 }, (_, i) => `^id${i}_[a-z]+-[0-9]+$`);
    const asked = await shared(patterns);
    expect([...asked.worker, ...asked.agent.map((q) => q.replace(/^auto /, ''))].sort()).toEqual(
      [...patterns].sort(),
    );
    expect(asked.worker).not.toEqual([]);
  }, 120_000);
});
