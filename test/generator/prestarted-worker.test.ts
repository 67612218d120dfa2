/**
 * `npm run generate` starts the first prettier worker before it loads the CLI
 * (scripts/generator-build.mjs, `prestartFormatWorker`), and the generator's pool adopts it
 * (generator/write/format-pool.ts) instead of starting its own: the worker loads prettier while
 * the main thread compiles the CLI, and recheck's checker only when told to. A worker that failed to start is forgotten, and
 * the pool starts its own.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { prestartFormatWorker } from '../../scripts/generator-build.mjs';
import { formatText } from '../../generator/write/format.ts';
import { FormatPool } from '../../generator/write/format-pool.ts';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

const KEY = Symbol.for('gigs-sdk-toolchain.formatWorker');
const slot = globalThis as { [KEY]?: Worker };
const pools: FormatPool[] = [];

afterEach(async () => {
  await slot[KEY]?.terminate();
  delete slot[KEY];
  await Promise.all(pools.splice(0).map((pool) => pool.terminate()));
  await removeTempDirs();
});

/** The pool's workers (private: how many it started is what is tested). */
const workersOf = (pool: FormatPool) => (pool as unknown as { workers: Worker[] }).workers;

const TEXT = 'export const a = {b: 1,\n  c: [ 1,2 ]}\n';

describe("the launcher's prettier worker", () => {
  it('is adopted by the pool, which formats with it and starts none of its own', async () => {
    prestartFormatWorker(ROOT);
    const worker = slot[KEY];
    expect(worker).toBeInstanceOf(Worker);
    const sent: unknown[] = [];
    const post = worker!.postMessage.bind(worker);
    worker!.postMessage = (message: unknown) => {
      sent.push(message);
      post(message);
    };
    const pool = new FormatPool(1);
    pools.push(pool);
    expect(slot[KEY]).toBeUndefined();
    expect(workersOf(pool)).toEqual([worker]);
    expect(await pool.format('a.ts', TEXT)).toBe(await formatText('a.ts', TEXT));
    // The options to warm up with, then the file: both to the launcher's worker.
    expect(sent).toEqual([
      { warmUp: expect.objectContaining({ parser: 'babel-ts' }) },
      expect.objectContaining({ text: TEXT }),
    ]);
    // It loads recheck's checker when told to, once, and answers recheck's questions.
    pool.prepareRecheck();
    pool.prepareRecheck();
    expect(sent.slice(2)).toEqual([{ loadRecheck: true }]);
    const diagnostics = (await pool.recheck(['^a+$', '', { timeout: null }])) as {
      status: string;
    };
    expect(diagnostics.status).toBe('safe');
  });

  it('is forgotten when it fails to start, and the pool starts its own', async () => {
    const root = await tempDir('no-worker-');
    prestartFormatWorker(root);
    const worker = slot[KEY]!;
    expect(worker).toBeInstanceOf(Worker);
    await new Promise((resolve) => worker.once('exit', resolve));
    expect(slot[KEY]).toBeUndefined();
    const pool = new FormatPool(1);
    pools.push(pool);
    expect(await pool.format('a.ts', TEXT)).toBe(await formatText('a.ts', TEXT));
    expect(workersOf(pool)).toHaveLength(1);
    expect(workersOf(pool)[0]).not.toBe(worker);
  });
});
