/**
 * What a maintainer reads after a spec edit, on a real git repository released once: the entry
 * `npm run release` proposes and the report of `npm run diff --base release/openapi.json` (the
 * bundled record). Each change is said once, in our words, placed in the files the user edits,
 * at a level that says what upgrading the SDK changes.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { main as diffMain } from '../../scripts/diff.ts';
import { diffSpecs } from '../../scripts/lib/diff/index.ts';
import { renderReport } from '../../scripts/lib/diff/report.ts';
import { applyRelease, planRelease } from '../../scripts/lib/release/index.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { git, resetSpec, specRepo } from './git-repo.ts';
import { runMain } from './run-main.ts';
import { editYaml } from './spec-edits.ts';

afterAll(removeTempDirs);

const DATE = '2026-12-02';
let repo: string;

beforeAll(async () => {
  repo = await specRepo();
  await generate({ cwd: repo });
  await applyRelease(await planRelease({ cwd: repo, date: DATE, version: '1.0.0' }));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Release 1.0.0');
});

/** The release planned after `edit` of the spec (the package regenerated, as a maintainer does). */
async function planAfter(edit: (specDir: string) => Promise<void>) {
  resetSpec(repo);
  git(repo, 'checkout', '-q', '--', 'generated');
  await edit(join(repo, 'spec'));
  await generate({ cwd: repo });
  try {
    const plan = await planRelease({ cwd: repo, date: DATE });
    return { plan, text: renderReport(plan.report!, 'text') };
  } finally {
    resetSpec(repo);
    git(repo, 'checkout', '-q', '--', 'generated');
  }
}

/** A path parameter's `maxLength` set: what the API accepts changes, no SDK type does. */
const setOrderMaxLength = (specDir: string) =>
  editYaml(specDir, 'openapi.yaml', (doc) =>
    doc.setIn(['paths', '/orders/{order}', 'get', 'parameters', 0, 'schema', 'maxLength'], 64),
  );

describe('npm run diff without --base (helper-134 9)', () => {
  it('compares with the last release, release/openapi.json', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'nickname'], doc.createNode({ type: 'string' })),
    );
    try {
      const bare = await runMain(diffMain, repo, []);
      expect(bare.status).toBe(0);
      expect(bare.stdout).toMatch(/^spec\/openapi\.yaml \(working tree\) against release\/openapi\.json: minor/);
      expect(bare.stdout).toBe((await runMain(diffMain, repo, ['--base', 'release/openapi.json'])).stdout);
    } finally {
      resetSpec(repo);
    }
  });

  it('before any release, says --base is needed and what to pass', async () => {
    const project = await mkdtemp(join(tmpdir(), 'diff-no-record-'));
    try {
      await mkdir(join(project, 'spec'));
      await writeFile(join(project, 'spec/openapi.yaml'), 'openapi: 3.1.0\n');
      const result = await runMain(diffMain, project, []);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        'error: --base is required: there is no release/openapi.json (the record of the last release, the default base) yet; pass a git ref such as origin/main, or a spec file\nRun with --help for the options.\n',
      );
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('run from a folder that is no project, says that relative paths start there', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'diff-elsewhere-'));
    try {
      const result = await runMain(diffMain, elsewhere, []);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `error: there is no release/openapi.json (the default base) and no spec/openapi.yaml in the working folder ${elsewhere}: relative paths start from there; run the command from the project's folder (npm run does), or pass --base and --spec\nRun with --help for the options.\n`,
      );
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('a release entry after an edit of the spec', () => {
  it('a comment reworded: no changes to the API or to the SDK’s TypeScript surface, nothing to release', async () => {
    resetSpec(repo);
    const file = join(repo, 'spec/schemas/Order.yaml');
    await writeFile(file, `# Reviewed.\n${await readFile(file, 'utf8')}`);
    try {
      const report = await diffSpecs({ base: 'release/openapi.json', cwd: repo });
      expect(renderReport(report, 'text')).toBe(
        'spec/openapi.yaml (working tree) against release/openapi.json: no changes to the API or to the SDK’s TypeScript surface\n',
      );
      await generate({ cwd: repo });
      await expect(planRelease({ cwd: repo, date: DATE })).rejects.toMatchObject({
        message: 'nothing to release: the spec is the one released as 1.0.0 (release/openapi.json)',
      });
    } finally {
      resetSpec(repo);
      git(repo, 'checkout', '-q', '--', 'generated');
    }
  });


  it('a property removed and a query parameter renamed: one line each, in our words, no bundle places', async () => {
    const { plan, text } = await planAfter(async (specDir) => {
      await editYaml(specDir, 'schemas/Order.yaml', (doc) => doc.deleteIn(['properties', 'note']));
      await editYaml(specDir, 'openapi.yaml', (doc) =>
        doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'name'], 'customerId'),
      );
    });
    expect(plan).toMatchObject({ version: '2.0.0', bump: 'major' });
    const lines = plan.entry.split('\n').filter((line) => line.startsWith('- '));
    // The SDK's line says each change; the wire's line for the same change is not repeated.
    expect(lines.filter((line) => line.includes('`note`'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('`customer`'))).toHaveLength(1);
    for (const said of [plan.entry, text]) {
      expect(said).not.toMatch(/renamed to/);
      expect(said).not.toMatch(/release\/openapi\.json:\d|openapi\.json:\d/);
    }
    // The report places what was removed where it was, in the files the user edits.
    expect(text).toMatch(/`customer` query parameter was removed \(spec\/openapi\.yaml:\d+\)/);
    expect(text).toMatch(/(?<=: )property `note` was removed \(spec\/schemas\/Order\.yaml:\d+\)/);
  });

  it('a maxLength set on a path parameter is a patch that says why, listed with the SDK lines', async () => {
    const { plan, text } = await planAfter(setOrderMaxLength);
    expect(plan).toMatchObject({ version: '1.0.1', bump: 'patch' });
    // The report says that the package's TypeScript surface did not change, not just nothing.
    expect(text).toContain(
      '\n\nSDK (shop-sdk, its TypeScript surface): unchanged: every call and every read of a result compiles as before',
    );
    const [line, ...more] = plan.entry.split('\n').filter((text) => text.startsWith('- '));
    expect(more).toEqual([]);
    expect(plan.entry).toMatch(/^## 1\.0\.1 \(2026-12-02\)\n\n### Changed\n\n- /);
    // The changelog is for the package's users: no place in the spec's files, nor why the change
    // is a patch (helper-106 P7), which the report has for the maintainer.
    expect(line).toBe(
      "- `GET /orders/{order}`: path parameter `order`: `maxLength` was set to '64'; values longer than 64 characters are now rejected",
    );
    expect(text).toMatch(
      /now rejected; a patch: no SDK type changes, and the API applies it whatever SDK version a caller uses \(spec\/openapi\.yaml:\d+\)\n/,
    );
  });

  it('a maxLength beside an addition: the version is the addition’s, the limit is still listed', async () => {
    const { plan } = await planAfter(async (specDir) => {
      await setOrderMaxLength(specDir);
      await editYaml(specDir, 'schemas/Order.yaml', (doc) =>
        doc.setIn(['properties', 'nickname'], doc.createNode({ type: 'string' })),
      );
    });
    expect(plan).toMatchObject({ version: '1.1.0', bump: 'minor' });
    expect(plan.entry).toContain('### Changed\n\n- `GET /orders/{order}`: path parameter `order`: `maxLength`');
  });
});
