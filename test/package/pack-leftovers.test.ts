/**
 * What `cd generated && npm pack` leaves behind: the tarball `<name>-<version>.tgz` next to
 * package.json. git ignores it (a tarball is a build product, like dist/), and its `files` keep it
 * (and any other leftover) out of the next tarball.
 */
import { spawnSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/lib/run.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';

afterAll(removeTempDirs);

const pkg = JSON.parse(await readFile(join(ROOT, 'generated/package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const tarball = `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;

describe('a tarball left by npm pack', () => {
  it.each([`generated/${tarball}`, 'generated/gigs-sdk-0.9.0.tgz', 'some-other-package-1.0.0.tgz'])(
    'git ignores %s',
    (path) => {
      const result = spawnSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: ROOT });
      expect(result.status, `${path} is not ignored by git`).toBe(0);
    },
  );

  it('never goes into the next tarball', async () => {
    const dir = await tempDir('pack-leftovers-');
    await cp(join(ROOT, 'generated'), dir, {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
    await writeFile(join(dir, tarball), 'an old tarball');
    const result = await run(
      'npm',
      ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel', 'error'],
      { cwd: dir, env: { NO_COLOR: '1', npm_config_update_notifier: 'false' }, timeoutMs: 120_000 },
    );
    expect(result.code, result.output).toBe(0);
    const json = result.output.slice(result.output.indexOf('['));
    const [packed] = JSON.parse(json) as [{ files: { path: string }[] }];
    const paths = packed.files.map((file) => file.path);
    expect(paths).toContain('package.json');
    expect(paths.filter((path) => path.endsWith('.tgz'))).toEqual([]);
  });
});
