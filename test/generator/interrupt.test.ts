/**
 * Ctrl-C during `npm run generate` (the real CLI, SIGINT sent the moment its staging folder
 * appears): the run ends with exit code 130 and says so; the output folder is the old package or,
 * when the signal came after the new one was committed, the new one, and no staging folder is
 * left behind for `git add -A` to pick up.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { FIXTURES, removeTempDirs, ROOT, snapshotTree, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const OLD_SPEC = join(FIXTURES, 'hostile/hostile-3.1.yaml');
const NEW_SPEC = join(ROOT, 'spec/openapi.yaml');

describe('SIGINT while generating', () => {
  it('ends with 130 and a message, leaving the old package or the new one and no staging folder', async () => {
    const dir = await tempDir('interrupt-');
    const out = join(dir, 'sdk');
    await generate({ spec: OLD_SPEC, out, cache: false });
    const old = await snapshotTree(out);
    const fresh = join(dir, 'fresh');
    await generate({ spec: NEW_SPEC, out: fresh, cache: false });
    const next = await snapshotTree(fresh);

    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts/generate.mjs'), '--spec', NEW_SPEC, '--out', out, '--no-cache'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let signalled = false;
    const watcher = watch(out, (_event, name) => {
      if (!signalled && name?.startsWith('.generating-') === true) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    watcher.close();

    expect(signalled).toBe(true);
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/^interrupted \(SIGINT\)/m);
    expect((await readdir(out)).filter((name) => name.startsWith('.generating-'))).toEqual([]);
    const after = await snapshotTree(out);
    if (/was finished first/.test(stderr)) expect(after).toEqual(next);
    else {
      expect(stderr).toMatch(/the files being written were removed; .*sdk\/ was left as it was/);
      expect(after).toEqual(old);
    }
  }, 120_000);
});
