/**
 * recheck (the ReDoS checker, model/patterns.ts) never loads on the main thread of a run that
 * formats: the generator's prettier worker loaded its checker while the main thread was loading,
 * and answers the automaton checker's questions, so that no process of recheck's (its native
 * agent) starts either. Only the fuzzer's questions (backreferences, lookaround) go to that agent,
 * which fuzzes twice as fast; recheck's own synckit worker never starts.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureGeneratorBuild } from '../../scripts/generator-build.mjs';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

/**
 * Whether generating `spec` in a fresh process (the compiled generator, as `npm run generate`)
 * loaded recheck on its main thread, the files of the worker threads it started, and the programs
 * of the processes it started.
 */
async function probe(
  spec: string,
): Promise<{ loaded: boolean; workers: string[]; processes: string[] }> {
  const dir = await tempDir('recheck-load-');
  const out = join(dir, 'out');
  const script = `
    import { createRequire } from 'node:module';
    const threads = createRequire(import.meta.url)('node:worker_threads');
    const workers = [];
    const processes = [];
    const childProcess = createRequire(import.meta.url)('node:child_process');
    const spawn = childProcess.spawn;
    childProcess.spawn = (file, ...rest) => {
      processes.push(String(file));
      return spawn(file, ...rest);
    };
    const Worker = threads.Worker;
    threads.Worker = class extends Worker {
      constructor(file, options) {
        workers.push(String(file));
        super(file, options);
      }
    };
    const { generate } = await import(${JSON.stringify(pathToFileURL(join(await ensureGeneratorBuild(), 'index.mjs')).href)});
    await generate({ spec: ${JSON.stringify(spec)}, out: ${JSON.stringify(out)}, cache: false });
    const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\\\/]recheck[\\\\/]/.test(path));
    console.log(JSON.stringify({ loaded, workers, processes }));`;
  await writeFile(join(dir, 'probe.mjs'), script);
  const result = spawnSync(process.execPath, [join(dir, 'probe.mjs')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as {
    loaded: boolean;
    workers: string[];
    processes: string[];
  };
}

const spec = (pattern?: string) =>
  writeSpec({
    openapi: '3.1.0',
    info: { title: 'Codes', version: '1.0.0' },
    paths: {
      '/codes': {
        get: {
          operationId: 'listCodes',
          responses: {
            '200': {
              description: 'The codes.',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Code' },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Code: {
          type: 'object',
          properties: { value: { type: 'string', ...(pattern ? { pattern } : {}) } },
        },
      },
    },
  });

describe('recheck', () => {
  it('is not loaded on the main thread for a spec without patterns', async () => {
    const { loaded, processes } = await probe(await spec());
    expect(loaded).toBe(false);
    expect(processes).toEqual([]);
  }, 150_000);

  it("answers a regular pattern's question in the generator's worker: not loaded here, no process, no worker of its own", async () => {
    const { loaded, workers, processes } = await probe(await spec('^[a-z]+$'));
    expect(loaded).toBe(false);
    expect(processes).toEqual([]);
    // The generator's own prettier worker runs; recheck's synckit worker does not.
    expect(workers.filter((file) => /format-worker/.test(file))).toHaveLength(1);
    expect(workers.filter((file) => /synckit|recheck/.test(file))).toEqual([]);
  }, 150_000);

  it("fuzzes a pattern with a backreference in recheck's native agent", async () => {
    const { loaded, workers, processes } = await probe(await spec('^([a-z])\\1$'));
    expect(loaded).toBe(true);
    expect(processes.filter((file) => /recheck/.test(file))).toHaveLength(1);
    expect(workers.filter((file) => /synckit|recheck/.test(file))).toEqual([]);
  }, 150_000);
});
