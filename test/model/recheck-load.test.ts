/**
 * recheck (the ReDoS checker, model/patterns.ts) is loaded only when the spec has a pattern to
 * check: a spec without one never pays for its 2 MB checker. The model asks it with its
 * asynchronous `check` (answered by recheck's native agent), not `checkSync`, which would start a
 * worker thread and load recheck into it first.
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
 * loaded recheck, and the files of the worker threads it started.
 */
async function probe(spec: string): Promise<{ loaded: boolean; workers: string[] }> {
  const dir = await tempDir('recheck-load-');
  const out = join(dir, 'out');
  const script = `
    import { createRequire } from 'node:module';
    const threads = createRequire(import.meta.url)('node:worker_threads');
    const workers = [];
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
    console.log(JSON.stringify({ loaded, workers }));`;
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
  it('is not loaded for a spec without patterns', async () => {
    expect((await probe(await spec())).loaded).toBe(false);
  }, 150_000);

  it('is loaded for a spec with one, and starts no worker thread of its own', async () => {
    const { loaded, workers } = await probe(await spec('^[a-z]+$'));
    expect(loaded).toBe(true);
    // The generator's own prettier worker runs; recheck's synckit worker does not.
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.filter((file) => /synckit|recheck/.test(file))).toEqual([]);
  }, 150_000);
});
