/**
 * A change of a parameter several operations share (`$ref: '#/components/parameters/Limit'`):
 * Redocly reports it once, at the first operation using it; the wire line names every one of
 * them, as it does for a shared schema. On a real git repository of the Gigs spec.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/lib/diff/index.ts';
import { forChangelog, wireLine } from '../../scripts/lib/diff/change.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { specRepo } from './git-repo.ts';
import { editYaml } from './spec-edits.ts';

afterAll(removeTempDirs);

it('a constraint changed on a shared parameter names every operation using it', async () => {
  const repo = await specRepo(fileURLToPath(new URL('../../spec', import.meta.url)));
  await editYaml(join(repo, 'spec'), 'components/parameters/Limit.yaml', (doc) =>
    doc.setIn(['schema', 'maximum'], 100),
  );
  const report = await diffSpecs({ base: 'HEAD', cwd: repo });
  const wire = report.changes.filter((change) => change.kind.startsWith('wire/'));
  expect(wire).toHaveLength(1);
  expect(wire[0]!.operations).toEqual([
    'GET /projects/{project}/addons',
    'GET /projects/{project}/planDocuments',
    'GET /projects/{project}/plans',
    'POST /projects/{project}/plans/search',
    'GET /projects/{project}/plans/{plan}/documents',
    'GET /projects/{project}/subscriptionChanges',
  ]);
  expect(wireLine(wire[0]!)).toMatch(
    /^`Limit` \(in `GET \/projects\/\{project\}\/addons`, .* and 3 more operations\): query parameter `limit`: upper bound changed/,
  );
  // The changelog's readers use the SDK, which has no `Limit`: its line names the operations only
  // (helper-113 6).
  expect(wireLine(forChangelog(wire[0]!))).toMatch(
    /^`GET \/projects\/\{project\}\/addons`, .* and 3 more operations: query parameter `limit`: upper bound changed/,
  );
}, 120_000);
