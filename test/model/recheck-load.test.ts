/**
 * recheck (the ReDoS checker, model/patterns.ts) is loaded only when the spec has a pattern to
 * check: a spec without one never pays for its 2 MB checker.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureGeneratorBuild } from '../../scripts/generator-build.mjs';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

/** Whether generating `spec` in a fresh process (the compiled generator, as `npm run generate`) loaded recheck. */
async function loadsRecheck(spec: string): Promise<boolean> {
  const dir = await tempDir('recheck-load-');
  const out = join(dir, 'out');
  const script = `
    import { createRequire } from 'node:module';
    const { generate } = await import(${JSON.stringify(pathToFileURL(join(await ensureGeneratorBuild(), 'index.mjs')).href)});
    await generate({ spec: ${JSON.stringify(spec)}, out: ${JSON.stringify(out)}, cache: false });
    const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\\\/]recheck[\\\\/]/.test(path));
    console.log(JSON.stringify({ loaded }));`;
  await writeFile(join(dir, 'probe.mjs'), script);
  const result = spawnSync(process.execPath, [join(dir, 'probe.mjs')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout.trim().split('\n').pop()!) as { loaded: boolean }).loaded;
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
    expect(await loadsRecheck(await spec())).toBe(false);
  }, 150_000);

  it('is loaded for a spec with one', async () => {
    expect(await loadsRecheck(await spec('^[a-z]+$'))).toBe(true);
  }, 150_000);
});
