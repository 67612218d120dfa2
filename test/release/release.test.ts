/**
 * `npm run release` on a real git repository: the first release, a minor one, a breaking one that
 * asks for too small a version, the dry run, the check a release tag's CI job runs, and a failure
 * half-way that leaves every file as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { applyRelease, checkRelease, planRelease } from '../../scripts/lib/release/index.ts';
import { main } from '../../scripts/release.ts';
import { removeTempDirs, snapshotTree } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';
import { git, specRepo } from './git-repo.ts';
import { runMain } from './run-main.ts';
import { editYaml } from './spec-edits.ts';

afterAll(removeTempDirs);

let repo: string;
const DATE = '2026-11-30';

const read = (path: string) => readFile(join(repo, path), 'utf8');
const packageVersion = async () =>
  (JSON.parse(await read('generated/package.json')) as { version: string }).version;
const clean = () => git(repo, 'status', '--porcelain', '--untracked-files=all');

/** The command as a process: the dry run and Ctrl-C start one; the rest run `main` in this one (run-main.ts). */
function release(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/release.ts'), ...args],
    { cwd: repo, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  repo = await specRepo();
  await generate({ cwd: repo });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'The generated package');
});

describe('npm run release', () => {
  it.each(['2026-13-01', '2026-02-30', '2026-00-10', 'not-a-date'])(
    '--date %s is refused as not a day of the calendar, before anything is planned',
    async (date) => {
      await expect(planRelease({ cwd: repo, date })).rejects.toMatchObject({
        message: `--date ${date} is not a date`,
        fix: expect.stringContaining('YYYY-MM-DD') as unknown,
      });
    },
  );

  it('a --record that is a pipe, a device or a folder is refused at once, named for what it is', async () => {
    const fifo = join(repo, 'record.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    try {
      // Read, the pipe would wait for a writer forever.
      await expect(
        planRelease({ cwd: repo, date: DATE, record: 'record.fifo' }),
      ).rejects.toMatchObject({
        name: 'CommandError',
        message: '--record record.fifo is a pipe, not a regular file',
        fix: expect.stringContaining('release/openapi.json') as unknown,
      });
    } finally {
      await rm(fifo);
    }
    await expect(
      planRelease({ cwd: repo, date: DATE, record: '/dev/zero' }),
    ).rejects.toMatchObject({
      message: '--record /dev/zero is a character device, not a regular file',
    });
    await expect(planRelease({ cwd: repo, date: DATE, record: 'spec' })).rejects.toMatchObject({
      message: '--record spec is a folder, not a spec file',
    });
  });

  it('--dry-run prints the first release and writes nothing', async () => {
    const before = await snapshotTree(repo);
    const result = release('--dry-run', '--date', DATE);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'No release recorded yet (release/openapi.json): this is the first.',
        'Next version: 1.0.0',
        '',
        `## 1.0.0 (${DATE})`,
        '',
        'Initial release, generated from Shop API 1.0.0 (spec/openapi.yaml).',
        '',
        'Dry run: nothing was written.',
        '',
      ].join('\n'),
    );
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('the first release records the spec, writes the version through the generator and starts the changelog', async () => {
    const plan = await planRelease({ cwd: repo, date: DATE });
    expect(plan).toMatchObject({ last: undefined, version: '1.0.0', bump: 'none' });
    await applyRelease(plan);
    expect(await read('spec/openapi.yaml')).toContain(
      '  repository: https://github.com/example/shop-api\n  packageVersion: 1.0.0\n',
    );
    expect(await packageVersion()).toBe('1.0.0');
    expect(await read('release/openapi.json')).toBe(await read('generated/openapi.json'));
    expect(await read('generated/CHANGELOG.md')).toMatch(
      /^# Changelog\n\nEvery release of `shop-sdk`, newest first\.[^]*\n## 1\.0\.0 \(2026-11-30\)\n\nInitial release, generated from Shop API 1\.0\.0 \(spec\/openapi\.yaml\)\.\n$/,
    );
    // Written through the generator: the package is up to date with the spec.
    const checked = await generate({ cwd: repo, check: true });
    expect(checked.check).toMatchObject({ added: [], changed: [], removed: [] });
    expect(await checkRelease({ cwd: repo, tag: 'v1.0.0' })).toEqual([]);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Release 1.0.0');
  });

  it('an addition is a minor release, with an entry in SDK terms', async () => {
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'nickname'], doc.createNode({ type: 'string' })),
    );
    // An inline schema (a parameter of one operation): no exported type to name.
    await editYaml(join(repo, 'spec'), 'openapi.yaml', (doc) =>
      doc.addIn(
        ['paths', '/orders', 'get', 'parameters'],
        doc.createNode({ name: 'since', in: 'query', schema: { type: 'string' } }),
      ),
    );
    await generate({ cwd: repo });
    // Not released yet: the tag's check says what is missing.
    const problems = (await checkRelease({ cwd: repo, tag: 'v1.1.0' })).map((p) => p.message);
    expect(problems).toEqual([
      expect.stringMatching(
        /^the spec changed since the release recorded in release\/openapi\.json:\n {2}[^]*changed schema Order: property `nickname` added/,
      ),
      "the tag v1.1.0 does not name the package's version, 1.0.0",
    ]);

    const plan = await planRelease({ cwd: repo, date: DATE });
    expect(plan).toMatchObject({ last: '1.0.0', version: '1.1.0', bump: 'minor' });
    // Edits not committed yet are part of the release: named, so that they are reviewed.
    expect(plan.uncommitted).toEqual(['spec/openapi.yaml', 'spec/schemas/Order.yaml']);
    const dryRun = await runMain(main, repo, ['--dry-run', '--date', DATE]);
    expect(dryRun.stdout).toContain(
      'Not committed yet, and part of this release: spec/openapi.yaml, spec/schemas/Order.yaml\n  review them first: git diff HEAD -- spec/openapi.yaml spec/schemas/Order.yaml\n',
    );
    expect(plan.entry).toBe(
      [
        `## 1.1.0 (${DATE})`,
        '',
        '### Added',
        '',
        // Order, which three methods return, is one line naming it.
        '- `Order`: new optional property `nickname` — in results of `client.orders.*()`',
        '- `client.orders.list()` params: new optional `since`',
        '',
      ].join('\n'),
    );
    await applyRelease(plan);
    expect(await packageVersion()).toBe('1.1.0');
    const changelog = await read('generated/CHANGELOG.md');
    expect(changelog.indexOf('## 1.1.0')).toBeLessThan(changelog.indexOf('## 1.0.0'));
    expect(await checkRelease({ cwd: repo, tag: 'v1.1.0' })).toEqual([]);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Release 1.1.0');
  });

  it('nothing changed: nothing to release', async () => {
    await expect(planRelease({ cwd: repo, date: DATE })).rejects.toMatchObject({
      message: 'nothing to release: the spec is the one released as 1.1.0 (release/openapi.json)',
    });
  });

  it('refuses a breaking change without a major bump, saying why; writes nothing', async () => {
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.deleteIn(['properties', 'note']),
    );
    // A release starts from a package generated from the spec as it is.
    await expect(planRelease({ cwd: repo, date: DATE })).rejects.toMatchObject({
      message: expect.stringMatching(/^generated\/ is out of date with spec\/openapi\.yaml \(/),
      fix: 'run npm run generate, review and commit the result, then release',
    });
    await generate({ cwd: repo });
    const before = await snapshotTree(repo);
    const result = await runMain(main, repo, ['--version', '1.2.0', '--date', DATE]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: cannot release 1\.2\.0: the changes since 1\.1\.0 are breaking, but 1\.2\.0 is inside \^1\.1\.0, the range its users install from: 1\.2\.0 needs to be a major release \(2\.0\.0 or later, or a prerelease of one, 2\.0\.0-beta\.0\)\.\nBreaking changes since 1\.1\.0:\n {2}- `Order`: property `note` removed — in results of `client\.orders\.\*\(\)`\n/,
    );
    expect(result.stderr).toContain(
      '\n  fix: run npm run release without --version to release 2.0.0, or pass --version 2.0.0\n',
    );
    expect(await snapshotTree(repo)).toEqual(before);

    const plan = await planRelease({ cwd: repo, date: DATE });
    expect(plan).toMatchObject({ version: '2.0.0', bump: 'major' });
    expect(plan.entry).toMatch(/^## 2\.0\.0 \(2026-11-30\)\n\n### Breaking\n\n/);
    expect(plan.entry).toContain(
      '\n- `Order`: property `note` removed — in results of `client.orders.*()`\n',
    );
  });

  it('a lost record with releases in the changelog is refused, not taken for a first release', async () => {
    // Before, the breaking change above was released as 1.2.0, an "Initial release", unchecked.
    await rm(join(repo, 'release/openapi.json'));
    try {
      const before = await snapshotTree(repo);
      for (const version of [[], ['--version', '1.2.0']]) {
        const result = await runMain(main, repo, [...version, '--date', DATE]);
        expect(result.status).toBe(1);
        expect(result.stderr).toBe(
          'error: there is no release record (release/openapi.json), but generated/CHANGELOG.md lists earlier releases (1.1.0, 1.0.0): without the spec as 1.1.0 was released, the changes since cannot be rated, and this release would be written as the first, unchecked\n' +
            '  fix: restore the record as 1.1.0 left it: git checkout v1.1.0 -- release/openapi.json (without the tag, git log --oneline -- release/openapi.json names the commits that wrote it), then release; to start the history anew, remove the old entries from generated/CHANGELOG.md\n',
        );
      }
      expect(await snapshotTree(repo)).toEqual(before);
    } finally {
      git(repo, 'checkout', '-q', '--', 'release/openapi.json');
    }
  });

  it('a lint error in the spec stops the release, dry run too, each named at its line; warnings do not', async () => {
    // The shop spec has operations without a 4xx response: a warning under Redocly's recommended
    // rules, which apply without a redocly.yaml, and an error under this one.
    await writeFile(
      join(repo, 'redocly.yaml'),
      'extends:\n  - recommended\nrules:\n  operation-4xx-response: error\n',
    );
    try {
      const before = await snapshotTree(repo);
      for (const dryRun of [['--dry-run'], []]) {
        const result = await runMain(main, repo, [...dryRun, '--date', DATE]);
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(
          /^error: the spec has 3 lint errors \(redocly\.yaml\):\n {2}spec\/openapi\.yaml:\d+:\d+ operation-4xx-response: Operation must have at least one `4XX` response\.\n/,
        );
        expect(result.stderr).toContain(
          '\n  fix: fix them (npm run lint:spec shows each with the lines around it), then release\n',
        );
      }
      expect(await snapshotTree(repo)).toEqual(before);
    } finally {
      await rm(join(repo, 'redocly.yaml'));
    }
    await expect(planRelease({ cwd: repo, date: DATE })).resolves.toMatchObject({
      version: '2.0.0',
    });
  });

  it('a failure half-way puts back every file it wrote', async () => {
    const plan = await planRelease({ cwd: repo, date: DATE });
    const before = await snapshotTree(repo);
    // The record cannot be written: its folder would have to be inside a file.
    plan.paths.record = join(repo, 'spec/openapi.yaml/release.json');
    await expect(applyRelease(plan)).rejects.toThrow();
    const after = await snapshotTree(repo);
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual([]);
    expect(after).toEqual(before);
  });

  it('Ctrl-C while the release is written undoes its writes, says so and exits 130', async () => {
    const before = await snapshotTree(repo);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/release.ts'), '--date', DATE],
      { cwd: repo, env: { ...process.env, NO_COLOR: '1' } },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.resume();
    const exited = new Promise<number | null>((done) => child.once('close', done));
    // The first write is the spec's new version; the package is regenerated after it.
    const spec = join(repo, 'spec/openapi.yaml');
    for (let i = 0; i < 1_200 && !(await readFile(spec, 'utf8')).includes('2.0.0'); i++)
      await new Promise((done) => setTimeout(done, 25));
    expect(await readFile(spec, 'utf8')).toContain('packageVersion: 2.0.0');
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('SIGINT: stopping the release and undoing its writes');
    expect(stderr).toContain(
      "error: interrupted (SIGINT): the release's writes were undone, the spec, the package, the changelog and the record are as they were\n  fix: run npm run release again to release\n",
    );
    // Before, the spec and the package stayed at 2.0.0 without the changelog entry or the record.
    // (git's index is left out: the git commands the release runs refresh its file stat cache.)
    const { '.git/index': _after, ...after } = await snapshotTree(repo);
    const { '.git/index': _before, ...unchanged } = before;
    expect(after).toEqual(unchanged);
  }, 120_000);

  it('--check on a release tag: exit 0 when ready, else 1 with each problem and its fix', async () => {
    git(repo, 'stash', '-q');
    expect(clean()).toBe('');
    const check = (...args: string[]) => runMain(main, repo, args);
    const ready = await check('--check', '--tag', 'v1.1.0');
    expect(ready).toMatchObject({
      status: 0,
      stdout: 'Ready to publish: the package, its version, the changelog and the record agree.\n',
    });
    const wrongTag = await check('--check', '--tag', 'v2.0.0');
    expect(wrongTag.status).toBe(1);
    expect(wrongTag.stderr).toBe(
      "Not ready to publish:\nerror: the tag v2.0.0 does not name the package's version, 1.1.0\n  fix: tag the release commit as v1.1.0\n",
    );
  });
});

/**
 * A repository released as 1.0.0 (committed), then a property added to `Order` and the package
 * regenerated (not committed): a minor release to make.
 */
async function releasedThenEdited(): Promise<string> {
  const dir = await specRepo();
  await generate({ cwd: dir });
  await applyRelease(await planRelease({ cwd: dir, date: DATE }));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Release 1.0.0');
  await editYaml(join(dir, 'spec'), 'schemas/Order.yaml', (doc) =>
    doc.setIn(['properties', 'nickname'], doc.createNode({ type: 'string' })),
  );
  await generate({ cwd: dir });
  return dir;
}

// helper-120 L5: the release commit left the toolchain's edits out, and the tag's check failed
// after the push. L6: a version tagged on another branch was handed out again.
describe('a package without a repository', () => {
  it('is released, but the release says first that its publishing will be refused, and how to fix it', async () => {
    const dir = await specRepo();
    await editYaml(join(dir, 'spec'), 'openapi.yaml', (doc) =>
      doc.deleteIn(['x-sdk', 'repository']),
    );
    await generate({ cwd: dir });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'No repository');
    const dryRun = await runMain(main, dir, ['--dry-run', '--date', DATE]);
    expect(dryRun.status).toBe(0);
    expect(dryRun.stderr).toBe(
      'warning: generated/package.json has no repository, which npm publish --provenance needs: the publish step (npm run release -- --check --tag) will refuse this release\n' +
        "  fix: set the spec's root x-sdk.repository to the repository's URL (e.g. https://github.com/acme/api), then regenerate\n",
    );
    const released = await runMain(main, dir, ['--date', DATE]);
    expect(released.status).toBe(0);
    expect(released.stderr).toContain('warning: generated/package.json has no repository');
    const check = await checkRelease({ cwd: dir });
    expect(check.map((problem) => problem.message)).toContainEqual(
      expect.stringContaining('has no repository'),
    );
  });
});

describe('what a release refuses before writing anything', () => {
  it('toolchain files git does not hold (changed, staged or new), while they are in the same repository', async () => {
    const dir = await specRepo();
    await generate({ cwd: dir });
    const tool = join(dir, 'tool');
    await mkdir(join(tool, 'generator'), { recursive: true });
    await mkdir(join(tool, 'templates'));
    await writeFile(join(tool, 'generator/emit.ts'), 'export {};\n');
    await writeFile(join(tool, 'templates/core.ts'), 'export {};\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'The generated package and a toolchain');
    await writeFile(join(tool, 'generator/emit.ts'), 'export const changed = 1;\n');
    await writeFile(join(tool, 'generator/new.ts'), 'export {};\n');
    await writeFile(join(tool, 'templates/core.ts'), 'export const staged = 1;\n');
    git(dir, 'add', 'tool/templates/core.ts');
    const before = await snapshotTree(dir);
    await expect(planRelease({ cwd: dir, date: DATE, toolchain: tool })).rejects.toMatchObject({
      message:
        'the toolchain has changes git does not hold (tool/generator/emit.ts, tool/generator/new.ts, tool/templates/core.ts): they decide what the spec generates into, and the release commit would leave them out, so its tag would not generate as released',
      fix: 'commit them first (git add tool/generator/emit.ts tool/generator/new.ts tool/templates/core.ts && git commit), or stash them (git stash push --include-untracked -- tool/generator/emit.ts tool/generator/new.ts tool/templates/core.ts), then release',
    });
    expect(await snapshotTree(dir)).toEqual(before);
    // Another repository's toolchain (installed as a package) is not this release's to check.
    const other = await specRepo();
    await writeFile(join(other, 'spec/.keep'), '');
    await expect(
      planRelease({ cwd: dir, date: DATE, toolchain: join(other, 'spec') }),
    ).resolves.toMatchObject({ version: '1.0.0' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'The toolchain changes');
    await expect(planRelease({ cwd: dir, date: DATE, toolchain: tool })).resolves.toMatchObject({
      version: '1.0.0',
    });
  });

  // fix168: an uncommitted generator edit also makes the generation record stale (it hashes the
  // generator); the release said only "generated/ is out of date … run npm run generate, review and
  // commit", and after that refused the toolchain change, which was the cause all along.
  it('toolchain changes are named before a package that is out of date', async () => {
    const dir = await specRepo();
    await generate({ cwd: dir });
    const tool = join(dir, 'tool');
    await mkdir(join(tool, 'generator'), { recursive: true });
    await writeFile(join(tool, 'generator/emit.ts'), 'export {};\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'The generated package and a toolchain');
    await writeFile(join(tool, 'generator/emit.ts'), 'export const changed = 1;\n');
    // The package out of date too, as a generator edit leaves it.
    await editYaml(join(dir, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'nickname'], doc.createNode({ type: 'string' })),
    );
    await expect(planRelease({ cwd: dir, date: DATE, toolchain: tool })).rejects.toMatchObject({
      message: expect.stringMatching(/^the toolchain has changes git does not hold \(tool\/generator\/emit\.ts\)/) as unknown,
    });
  });

  // fix168: run from another folder, the release said "the spec spec/openapi.yaml does not
  // exist", not where it had looked.
  it('a spec missing from the working folder is named with that folder', async () => {
    const elsewhere = await specRepo();
    await rm(join(elsewhere, 'spec'), { recursive: true });
    await expect(planRelease({ cwd: elsewhere, date: DATE })).rejects.toMatchObject({
      message: `the spec spec/openapi.yaml does not exist in the working folder ${elsewhere}`,
      fix: expect.stringContaining("run the command from the project's folder") as unknown,
    });
  });

  // helper-120 L9: the new entry was written over an emptied changelog, its history lost.
  it('a changelog without the entry of the last release', async () => {
    const dir = await releasedThenEdited();
    await writeFile(join(dir, 'generated/CHANGELOG.md'), '');
    const before = await snapshotTree(dir);
    await expect(planRelease({ cwd: dir, date: DATE })).rejects.toMatchObject({
      message:
        'generated/CHANGELOG.md has no entry for 1.0.0, the last release (release/openapi.json): this release would write a changelog without the history its users read',
      fix: 'restore the changelog as 1.0.0 left it: git checkout v1.0.0 -- generated/CHANGELOG.md (without the tag, git log --oneline -- generated/CHANGELOG.md names the commits that wrote it), then release',
    });
    expect(await snapshotTree(dir)).toEqual(before);
    git(dir, 'checkout', '-q', '--', 'generated/CHANGELOG.md');
    await expect(planRelease({ cwd: dir, date: DATE })).resolves.toMatchObject({
      version: '1.1.0',
    });
  });

  it('a version already tagged, though the record does not have it: on another commit, or on this one', async () => {
    const dir = await specRepo();
    await generate({ cwd: dir });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'The generated package');
    git(dir, 'checkout', '-q', '-b', 'elsewhere');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'Released elsewhere');
    git(dir, 'tag', 'v1.0.0');
    const commit = git(dir, 'rev-parse', 'HEAD').slice(0, 12);
    git(dir, 'checkout', '-q', 'main');
    await expect(planRelease({ cwd: dir, date: DATE })).rejects.toMatchObject({
      message: `v1.0.0 is already tagged (commit ${commit}), though release/openapi.json does not record it: that version was released from another branch, and npm publishes a version once`,
      fix: 'merge the release into this branch first (git merge v1.0.0), then release; or pass --version with a version above 1.0.0',
    });
    await expect(
      planRelease({ cwd: dir, date: DATE, version: '1.0.1' }),
    ).resolves.toMatchObject({ version: '1.0.1' });
    // helper-121 V9: a tag made on this commit before the release; merging it does nothing.
    git(dir, 'tag', 'v1.0.1');
    const head = git(dir, 'rev-parse', 'HEAD').slice(0, 12);
    await expect(
      planRelease({ cwd: dir, date: DATE, version: '1.0.1' }),
    ).rejects.toMatchObject({
      message: `v1.0.1 already tags this commit (${head}), though release/openapi.json does not record it: the tag was made before the release, and would name a commit without it`,
      fix: 'delete the tag (git tag -d v1.0.1), release, commit the release, then tag that commit',
    });
  });
});

// helper-120 L7: a stable release after a prerelease said "No change to the API or the SDK
// surface", though users of the last stable release get the prerelease's changes with it.
describe('a stable release after prereleases', () => {
  it('says which prereleases it promotes, since which stable release; nothing to release says how to promote', async () => {
    const dir = await releasedThenEdited();
    await applyRelease(await planRelease({ cwd: dir, date: DATE, version: '1.1.0-beta.1' }));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Release 1.1.0-beta.1');

    await expect(planRelease({ cwd: dir, date: DATE })).rejects.toMatchObject({
      message: 'nothing to release: the spec is the one released as 1.1.0-beta.1 (release/openapi.json)',
      fix: 'change the spec first, or promote the prerelease to a stable release: --version 1.1.0',
    });
    const plan = await planRelease({ cwd: dir, date: DATE, version: '1.1.0' });
    expect(plan.entry).toBe(
      `## 1.1.0 (${DATE})\n\nPromotes 1.1.0-beta.1 to a stable release: users of 1.0.0 get the changes listed under it below.\n`,
    );
  });
});

// helper-134 10: the next release after a prerelease defaulted to the stable one, so the next
// edit of a beta silently ended the series.
describe('after a prerelease, the series goes on', () => {
  it('a change within what the prerelease stands for is the next prerelease; a breaking one starts a major series', async () => {
    const dir = await releasedThenEdited();
    await applyRelease(await planRelease({ cwd: dir, date: DATE, version: '1.1.0-beta.0' }));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Release 1.1.0-beta.0');
    await editYaml(join(dir, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'giftNote'], doc.createNode({ type: 'string' })),
    );
    await generate({ cwd: dir });
    const minor = await planRelease({ cwd: dir, date: DATE });
    expect([minor.bump, minor.version]).toEqual(['minor', '1.1.0-beta.1']);
    // Ending the series is asked for.
    expect((await planRelease({ cwd: dir, date: DATE, version: '1.1.0' })).version).toBe('1.1.0');
    await editYaml(join(dir, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.deleteIn(['properties', 'note']),
    );
    await generate({ cwd: dir });
    const major = await planRelease({ cwd: dir, date: DATE });
    expect([major.bump, major.version]).toEqual(['major', '2.0.0-beta.0']);
    await expect(planRelease({ cwd: dir, date: DATE, version: '1.1.0' })).rejects.toMatchObject({
      message: expect.stringMatching(
        /^cannot release 1\.1\.0: the changes since 1\.1\.0-beta\.0 are breaking.*needs to be a major release \(2\.0\.0 or later/,
      ),
    });
  });
});

describe('the push command a release prints', () => {
  it('names the branch the release is made on, and none on a detached HEAD', async () => {
    const dir = await specRepo();
    await generate({ cwd: dir });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'The generated package');
    git(dir, 'checkout', '-q', '-b', 'release/1.x');
    const released = await runMain(main, dir, ['--date', DATE]);
    expect(released.status).toBe(0);
    expect(released.stdout).toContain('git tag v1.0.0 && git push origin release/1.x v1.0.0\n');
    expect(released.stdout).not.toContain('origin main');
    git(dir, 'checkout', '-q', '--', '.');
    git(dir, 'clean', '-q', '-f', '-d');
    git(dir, 'checkout', '-q', '--detach');
    const detached = await runMain(main, dir, ['--date', DATE]);
    expect(detached.status).toBe(0);
    expect(detached.stdout).toContain('git tag v1.0.0 && git push origin v1.0.0\n');
  });
});
