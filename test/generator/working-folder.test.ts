/**
 * What the generator writes does not depend on the working folder it runs from: the headers name
 * the spec relative to the project the output folder is in, and the generation record names the
 * spec files relative to the output folder. So `--check` in CI (run from the repository root) agrees with a generate run from a
 * subfolder or with absolute paths, instead of reporting every file changed and blaming the
 * generator or hand edits.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, snapshotTree, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const CLI = join(ROOT, 'scripts/generate.mjs');

function cli(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

let project: string;

beforeAll(async () => {
  project = await tempDir('working-folder-');
  await mkdir(join(project, 'spec'));
  // A project's root: the headers name the spec relative to it.
  await writeFile(join(project, 'package.json'), '{ "private": true }\n');
  await copyFile(
    join(ROOT, 'test/fixtures/specs/hostile/hostile-3.0.yaml'),
    join(project, 'spec/openapi.yaml'),
  );
  const made = cli(project, ['--spec', 'spec/openapi.yaml', '--out', 'sdk']);
  expect(made.status, made.output).toBe(0);
}, 120_000);

describe('the working folder', () => {
  it('does not change what is written: headers and record name the spec as spec/openapi.yaml', async () => {
    const made = cli(join(project, 'spec'), ['--spec', 'openapi.yaml', '--out', '../again']);
    expect(made.status, made.output).toBe(0);
    const first = await snapshotTree(join(project, 'sdk'));
    expect(await snapshotTree(join(project, 'again'))).toEqual(first);
    expect(Buffer.from(first['src/client.ts']!, 'base64').toString()).toMatch(
      /^\/\/ .* from spec\/openapi\.yaml\. /,
    );
  });

  it('does not make --check report changes, from a subfolder or with absolute paths from /', () => {
    const below = cli(join(project, 'spec'), [
      '--check',
      '--spec',
      'openapi.yaml',
      '--out',
      '../sdk',
    ]);
    expect(below.status, below.output).toBe(0);
    expect(below.output).toMatch(/up to date/);
    const absolute = cli('/', [
      '--check',
      '--spec',
      join(project, 'spec/openapi.yaml'),
      '--out',
      join(project, 'sdk'),
    ]);
    expect(absolute.status, absolute.output).toBe(0);
  });
});

// fix168: run from another folder, each command said "spec/openapi.yaml: spec file not found", the
// default path as if it were the project's, without the folder it was looked for in.
describe('run from a folder without the spec', () => {
  it('every command that reads the spec names the working folder it looked in, and the fix', async () => {
    const elsewhere = await tempDir('elsewhere-');
    const want = new RegExp(
      `^error: spec/openapi\\.yaml: spec file not found in the working folder ${elsewhere.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n {2}fix: .*--spec.*run the command from the project's folder \\(npm run does\\) or pass an absolute path\\n$`,
    );
    const run = (args: string[]) =>
      spawnSync(process.execPath, args, {
        cwd: elsewhere,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
    const generated = run([CLI, '--no-cache']);
    expect(generated.status).toBe(1);
    expect(generated.stderr.replace(/^Building the generator.*\n/, '')).toMatch(want);
    for (const script of ['lint-spec', 'bundle', 'docs']) {
      const result = run([
        '--import',
        import.meta.resolve('tsx'),
        join(ROOT, `scripts/${script}.ts`),
      ]);
      expect(result.status, script).not.toBe(0);
      expect(result.stderr, script).toMatch(want);
    }
  }, 120_000);
});
