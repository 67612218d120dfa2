/**
 * Which engine the guards run a `pattern` on is a function of the pattern alone: recheck is asked
 * with no clock (no `timeout`, none of its fuzzer's time limits), and the work it is given is
 * bounded by size instead (generator/model/patterns.ts, pattern-budget.ts). Before, a 10 s limit
 * decided: AWS ARN patterns, 1 to 18 s to prove, got RegExp guards on an idle machine and re2js
 * on a loaded one.
 *
 * recheck's `checkSync` is watched (its CommonJS exports are the ones patterns.ts loads), and each
 * test reads the patterns with a fresh copy of patterns.ts: its verdicts are cached per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { backwardStates } from '../../generator/model/pattern-budget.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import type { NamedSchema } from '../../generator/model/types.ts';

const FILE = 'test/fixtures/guards/costly-patterns.yaml';
const doc = parse(
  readFileSync(new URL('../fixtures/guards/costly-patterns.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const schemas = buildSchemaModel(doc, { file: FILE, version: '3.1' });
const ARNS = ['FunctionArn', 'CodeSigningConfigArn', 'AccessPointArn'];

const recheck = createRequire(import.meta.url)('recheck') as typeof import('recheck');

interface Asked {
  source: string;
  params: Record<string, unknown>;
  checker: string | undefined;
}

/** Reads `only` (or every schema) with a fresh patterns.ts, the way the model step does. */
async function analyse(only?: string[]) {
  vi.resetModules();
  const asked: Asked[] = [];
  const real = recheck.checkSync;
  vi.spyOn(recheck, 'checkSync').mockImplementation((source, flags, params) => {
    const answer = real(source, flags, params);
    asked.push({ source, params: { ...params }, checker: answer.checker });
    return answer;
  });
  const patterns = await import('../../generator/model/patterns.ts');
  const picked: NamedSchema[] = only ? schemas.filter((s) => only.includes(s.name)) : schemas;
  const engines = Object.fromEntries(
    picked.map((schema) => {
      const { node } = schema;
      if (node.kind !== 'string' || !node.pattern) throw new Error(`${schema.name}: no pattern`);
      return [schema.name, patterns.patternEngine(node.pattern, 're2js')];
    }),
  );
  vi.restoreAllMocks();
  return { asked, engines, patterns };
}

afterEach(() => vi.restoreAllMocks());

describe('the engine of a pattern does not depend on time', () => {
  it('recheck is asked with no time limit: no timeout, none for its fuzzer', async () => {
    const { asked } = await analyse();
    expect(asked.length).toBeGreaterThanOrEqual(4);
    for (const { params } of asked) {
      for (const [key, value] of Object.entries(params)) {
        // recallTimeout < 0 skips the recall validation (the only use of it).
        if (/timeout/i.test(key)) expect(value === null || (value as number) < 0, key).toBe(true);
      }
      expect(params.timeout, 'recheck defaults to 10 s').toBeNull();
    }
  });

  it('ARN patterns: the same guards on every run, with the automaton stopped by its size', async () => {
    const { asked, engines } = await analyse(ARNS);
    const again = await analyse(ARNS);
    expect(again.engines).toEqual(engines);
    for (const name of ARNS) expect(engines[name]?.engine, name).toBe('re2js');
    // Bounded by structure: each was given to the automaton checker under a size limit, which
    // stopped it (recheck's auto checker then answers from its fuzzer, run on no input).
    expect(asked).toHaveLength(ARNS.length);
    for (const { params, checker } of asked) {
      expect(params.maxNFASize).toBeLessThanOrEqual(10_000);
      expect(checker).toBe('fuzz');
    }
  });

  it('the guards emitted for ARN patterns are the same on every run', async () => {
    const emitted = async () => {
      const { patterns } = await analyse();
      await patterns.analysePatterns(schemas);
      const { emitGuards } = await import('../../generator/emit/guards.ts');
      const { printSourceFile } = await import('../../generator/write/print.ts');
      return printSourceFile(emitGuards(schemas, { typesModule: './types.js' }));
    };
    const first = await emitted();
    expect(first).toContain('re2js');
    expect(await emitted()).toBe(first);
  });

  it('a pattern whose automaton read backwards is exponential is not given to recheck', async () => {
    const { asked, engines } = await analyse(['BitsAfterMark']);
    expect(asked).toEqual([]);
    expect(engines.BitsAfterMark?.engine).toBe('re2js');
  });

  it('what is cheap to prove stays proven; lookaround and backreferences go to the fuzzer', async () => {
    const { engines } = await analyse(['LayerName', 'NotAllDigits', 'RepeatedDigits']);
    expect(engines.LayerName?.engine).toBe('regexp');
    expect(engines.NotAllDigits?.engine).toBe('regexp');
    expect(engines.RepeatedDigits?.engine).toBe('none');
  });
});

describe('the size of the automaton read backwards', () => {
  it('is counted, up to the cap', () => {
    expect(backwardStates('^abc$', 'u', 100)).toBeLessThan(10);
    const bits = (k: number) => `^${'[ab]'.repeat(k)}a[ab]*$`;
    // One state for each word of k letters seen last: 2^k, plus a few.
    expect(backwardStates(bits(4), 'u', 1000)).toBeGreaterThanOrEqual(16);
    expect(backwardStates(bits(30), 'u', 1000)).toBe(1001);
  });

  it('tells classes apart by what they match, property escapes included', () => {
    // [a-z] then \p{Lu}: no overlap, a handful of states; with \p{L} overlapping, more.
    const disjoint = backwardStates(`^${'[a-z]\\p{Lu}'.repeat(4)}[a-z]*$`, 'u', 1000)!;
    const overlapping = backwardStates(`^${'\\p{L}'.repeat(8)}a\\p{L}*$`, 'u', 1000)!;
    expect(disjoint).toBeLessThan(20);
    expect(overlapping).toBeGreaterThan(200);
  });
});
