/**
 * `npm run release` and what is committed, on a real git repository: a change to the package's
 * metadata alone (x-sdk), or keywords written in a new order, is released as a patch, as the tag's
 * check asks; a spec file the release
 * reads but git does not track stops it before anything is written (its commit would not
 * generate); a `v` before --version is read as the version.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YAMLMap } from 'yaml';
import { generate } from '../../generator/index.ts';
import { applyRelease, checkRelease, planRelease } from '../../scripts/lib/release/index.ts';
import { removeTempDirs, snapshotTree } from '../generator/helpers.ts';
import { git, specRepo } from './git-repo.ts';
import { editYaml } from './spec-edits.ts';

afterAll(removeTempDirs);

let repo: string;
const DATE = '2026-11-30';

function commitAll(message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

beforeAll(async () => {
  repo = await specRepo();
  await generate({ cwd: repo });
  commitAll('The generated package');
  await applyRelease(await planRelease({ cwd: repo, date: DATE, version: '1.0.0' }));
  commitAll('Release 1.0.0');
});

describe('npm run release and what git holds', () => {
  it('a change to the x-sdk metadata alone is a patch release that names it, and the tag check agrees', async () => {
    await editYaml(join(repo, 'spec'), 'openapi.yaml', (doc) =>
      doc.setIn(['x-sdk', 'repository'], 'https://github.com/example/shop-sdk'),
    );
    await generate({ cwd: repo });
    commitAll('The SDK has its own repository');
    expect((await checkRelease({ cwd: repo })).map((p) => p.message)).toEqual([
      expect.stringMatching(/^the spec changed since the release recorded in release\/openapi\.json:\n {2}changed +document x-sdk$/),
    ]);

    const plan = await planRelease({ cwd: repo, date: DATE });
    expect(plan).toMatchObject({ last: '1.0.0', version: '1.0.1', bump: 'patch' });
    expect(plan.entry).toBe(
      [
        `## 1.0.1 (${DATE})`,
        '',
        '### Changed',
        '',
        "- `x-sdk` of the spec changed: no change to the API or to the SDK's types",
        '',
      ].join('\n'),
    );
    await applyRelease(plan);
    expect(await checkRelease({ cwd: repo, tag: 'v1.0.1' })).toEqual([]);
    commitAll('Release 1.0.1');
  });

  it('keywords written in a new order change the shipped openapi.json: a patch release that says so, and the tag check asks for it', async () => {
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) => {
      // `description` after `type`: the same schema, another openapi.json.
      const id = doc.getIn(['properties', 'id'], true) as YAMLMap;
      id.items.push(id.items.shift()!);
    });
    await generate({ cwd: repo });
    commitAll('Order.id: type first');
    expect((await checkRelease({ cwd: repo })).map((p) => p.message)).toEqual([
      'the spec changed since the release recorded in release/openapi.json:\n  moved   keys at #/components/schemas/Order/properties/id: type, description',
    ]);
    const plan = await planRelease({ cwd: repo, date: DATE });
    expect(plan).toMatchObject({ last: '1.0.1', version: '1.0.2', bump: 'patch' });
    expect(plan.entry).toBe(
      [
        `## 1.0.2 (${DATE})`,
        '',
        '### Changed',
        '',
        "- the package's `openapi.json` changes: keys written in a new order at `Order.id` (now `type`, `description`); no change to the API or to the SDK's types",
        '',
      ].join('\n'),
    );
    await applyRelease(plan);
    expect(await checkRelease({ cwd: repo, tag: 'v1.0.2' })).toEqual([]);
    commitAll('Release 1.0.2');
  });

  it('a spec file git does not track stops the release, naming it; nothing is written', async () => {
    await writeFile(
      join(repo, 'spec/schemas/Gift.yaml'),
      'type: object\ndescription: A gift note.\nproperties:\n  message:\n    type: string\n',
    );
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'gift'], doc.createNode({ $ref: './Gift.yaml' })),
    );
    await generate({ cwd: repo });
    git(repo, 'commit', '-q', '-am', 'A gift note (the new file left out)');
    const before = await snapshotTree(repo);
    await expect(planRelease({ cwd: repo, date: DATE })).rejects.toMatchObject({
      message:
        'spec/schemas/Gift.yaml is part of the spec but not in git: the release commit would not generate',
      fix: 'add it (git add spec/schemas/Gift.yaml), then release; commit it with the release',
    });
    expect(await snapshotTree(repo)).toEqual(before);

    git(repo, 'add', 'spec/schemas/Gift.yaml');
    const plan = await planRelease({ cwd: repo, date: DATE });
    expect(plan).toMatchObject({ version: '1.1.0', bump: 'minor' });
  });

  it('--version v1.2.0 is the version 1.2.0, in a dry run and a release alike', async () => {
    const plan = await planRelease({ cwd: repo, date: DATE, version: 'v1.2.0' });
    expect(plan.version).toBe('1.2.0');
    expect(plan.entry).toMatch(/^## 1\.2\.0 \(/);
  });
});
