/**
 * Comparisons one after another in one process reuse what the SDK level parsed of unchanged files
 * (scripts/lib/diff/sdk.ts, work-dir.ts): a changed file must never be read as it was.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';

afterAll(removeTempDirs);

/** Two comparisons in one new process: `quantity` retyped, then the spec as committed. */
const SCRIPT = `
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSpecs } from ${JSON.stringify(join(ROOT, 'scripts/lib/diff/index.ts'))};
import { specRepo } from ${JSON.stringify(join(ROOT, 'test/release/git-repo.ts'))};
const repo = await specRepo();
const order = join(repo, 'spec/schemas/Order.yaml');
const committed = readFileSync(order, 'utf8');
writeFileSync(order, committed.replace(/(quantity:\\n(?:.*\\n)*?\\s+type: )integer/, '$1string'));
const edited = await diffSpecs({ base: 'HEAD', cwd: repo });
writeFileSync(order, committed);
const unchanged = await diffSpecs({ base: 'HEAD', cwd: repo });
console.log(JSON.stringify({ edited: edited.bump, unchanged: unchanged.bump, changes: unchanged.changes }));
`;

describe('comparisons one after another in a process', () => {
  // helper-124 1: files of the generated packages were taken as never changing when their path
  // held a node_modules folder, as it does when TMPDIR is inside one.
  it('read each generated file as it is now, also with the temporary folder inside a node_modules', async () => {
    const dir = await tempDir('diff-reuse-');
    const tmp = join(dir, 'node_modules', 'tmp');
    await mkdir(tmp, { recursive: true });
    const script = join(dir, 'two-diffs.mts');
    await writeFile(script, SCRIPT);
    const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: tmp },
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toEqual({
      edited: 'major',
      unchanged: 'none',
      changes: [],
    });
  });
});
