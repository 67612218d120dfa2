/**
 * A removed method is one SDK line that names what went with it (helper-152 12): its own types,
 * its typed path call, its `paths` and `operations` keys, each a line of its own before. On a
 * real git repository, against the committed spec.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { diffSpecs, type DiffReport } from '../../scripts/lib/diff/index.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { git, resetSpec, specRepoWithCancel } from './git-repo.ts';
import { editYaml } from './spec-edits.ts';

let repo: string;
beforeAll(async () => {
  repo = await specRepoWithCancel();
});
afterAll(removeTempDirs);

async function diffAfter(edit: (doc: Document) => void): Promise<DiffReport> {
  resetSpec(repo);
  await editYaml(join(repo, 'spec'), 'openapi.yaml', edit);
  return diffSpecs({ base: 'HEAD', cwd: repo });
}

const sdkLines = (report: DiffReport) =>
  report.changes
    .filter((change) => change.kind.startsWith('sdk/'))
    .map((change) => `${change.level} ${change.kind} | ${change.message}`);

describe('a removed operation', () => {
  it('is one SDK line naming its types, its typed path call and its openapi-typescript keys', async () => {
    const report = await diffAfter((doc) => doc.deleteIn(['paths', '/orders/{order}/cancel']));
    expect(report.bump).toBe('major');
    expect(sdkLines(report)).toEqual([
      'major sdk/method-removed | `client.orders.cancel()` removed (`POST /orders/{order}/cancel`), and with it its type `OrderCancelParams`, the typed path client\'s `POST /orders/{order}/cancel`, `paths["/orders/{order}/cancel"]` and `operations["cancelOrder"]`: code that names them no longer compiles',
    ]);
  });

  it("leaves the template's line where another operation stays under it", async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'openapi.yaml', (doc) =>
      doc.setIn(
        ['paths', '/orders/{order}/cancel', 'get'],
        doc.createNode({
          operationId: 'cancelStatus',
          'x-sdk-method': 'orders.cancelStatus',
          parameters: [{ name: 'order', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'Status.' } },
        }),
      ),
    );
    git(repo, 'commit', '-q', '-am', 'Cancel status');
    try {
      const report = await diffAfter((doc) =>
        doc.deleteIn(['paths', '/orders/{order}/cancel', 'post']),
      );
      const lines = sdkLines(report);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^major sdk\/method-removed \| `client\.orders\.cancel\(\)` removed \(`POST \/orders\/\{order\}\/cancel`\), and with it/,
        ),
      );
      // The template stays: no line says it is gone.
      expect(lines.join('\n')).not.toMatch(/`paths\["\/orders\/\{order\}\/cancel"\]` removed/);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });
});
