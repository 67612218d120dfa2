/**
 * A renamed path parameter is one SDK line (helper-134 4): before, `{order}` → `{orderId}` over
 * two path templates listed each template's typed path gone and added, each `paths["…"]` and
 * each operation's `parameters.path.order` removed, and each method's docs changed. On a real git
 * repository, against the committed spec.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScalar, type Document, type YAMLMap } from 'yaml';
import { diffSpecs, type DiffReport } from '../../scripts/lib/diff/index.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { resetSpec, specRepoWithCancel } from './git-repo.ts';
import { editYaml } from './spec-edits.ts';

let repo: string;
beforeAll(async () => {
  repo = await specRepoWithCancel();
});
afterAll(removeTempDirs);

/** Renames the key `from` of the map at `path` to `to`, in place (its order kept). */
function renameKey(doc: Document, path: (string | number)[], from: string, to: string): void {
  const map = doc.getIn(path, true) as YAMLMap;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === from);
  if (pair === undefined || !isScalar(pair.key)) throw new Error(`no key ${from}`);
  pair.key.value = to;
}

/** `{order}` renamed to `{orderId}` in both templates and both parameters. */
function renameOrder(doc: Document): void {
  for (const template of ['/orders/{order}', '/orders/{order}/cancel']) {
    const method = template.endsWith('cancel') ? 'post' : 'get';
    doc.setIn(['paths', template, method, 'parameters', 0, 'name'], 'orderId');
    renameKey(doc, ['paths'], template, template.replace('{order}', '{orderId}'));
  }
}

async function diffAfter(edit: (doc: Document) => void): Promise<DiffReport> {
  resetSpec(repo);
  await editYaml(join(repo, 'spec'), 'openapi.yaml', edit);
  return diffSpecs({ base: 'HEAD', cwd: repo });
}

const sdkLines = (report: DiffReport) =>
  report.changes
    .filter((change) => change.kind.startsWith('sdk/'))
    .map((change) => `${change.level} ${change.kind} | ${change.location} | ${change.message}`);

describe('a renamed path parameter', () => {
  it('is one major SDK line naming the templates, what breaks and what does not', async () => {
    const report = await diffAfter(renameOrder);
    expect(report.bump).toBe('major');
    expect(sdkLines(report)).toEqual([
      'major sdk/typed-path-renamed | /orders/{orderId} | path parameter `order` renamed to `orderId` (`/orders/{order}` → `/orders/{orderId}`, `/orders/{order}/cancel` → `/orders/{orderId}/cancel`): a typed path client call (`pathsClient(client)`) with the old path, or passing `params.path.order`, no longer compiles, nor does code that names the old `paths` keys or their operations\' `parameters.path`; the resource methods (`client.orders.retrieve()`, `client.orders.cancel()`) are called as before, their docs naming it anew; the requests are the same',
    ]);
    // The SDK's line says the requests are the same: the wire's lines of the rename (one per
    // template, one per operation) would say it four times more.
    expect(report.changes.filter((change) => change.kind.startsWith('wire/'))).toEqual([]);
  });

  // helper-152 1: Redocly paired removed and added paths by their places, so with another path
  // removed the renamed ones read as removed and added (major) and nothing inside was compared.
  it('beside a path removed: the wire pairs the renamed templates and compares inside them', async () => {
    const report = await diffAfter((doc) => {
      renameOrder(doc);
      // The first of the two renamed templates goes: Redocly paired it with the other.
      doc.deleteIn(['paths', '/orders/{orderId}']);
      doc.setIn(
        ['paths', '/orders/{orderId}/cancel', 'post', 'parameters', 0, 'schema', 'maxLength'],
        64,
      );
    });
    const wire = report.changes
      .filter((change) => change.kind.startsWith('wire/'))
      .map((change) => `${change.level} ${change.message.replace(/ \(spec\/.*\)$/, '')}`);
    // The cancel template's rename is the SDK's line alone: it says the requests are the same.
    expect(report.changes.filter((change) => change.message.includes('renamed'))).toEqual([
      expect.objectContaining({
        kind: 'sdk/typed-path-renamed',
        location: '/orders/{orderId}/cancel',
        message: expect.stringMatching(/\(`\/orders\/\{order\}\/cancel` → `\/orders\/\{orderId\}\/cancel`\): .*; the requests are the same$/) as unknown,
      }),
    ]);
    expect(wire.filter((line) => line.startsWith('major'))).toEqual([
      expect.stringMatching(/^major path `\/orders\/\{order\}` was removed/),
    ]);
    expect(wire).toContainEqual(expect.stringMatching(/^patch path parameter `orderId`: `maxLength` was set to '64'/));
  });

  it('is not grouped when a template also lost a method: each line stays', async () => {
    const report = await diffAfter((doc) => {
      renameOrder(doc);
      doc.deleteIn(['paths', '/orders/{orderId}/cancel', 'post']);
      doc.setIn(
        ['paths', '/orders/{orderId}/cancel', 'delete'],
        doc.createNode({
          operationId: 'deleteCancel',
          parameters: [
            { name: 'orderId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { '204': { description: 'Gone.' } },
        }),
      );
    });
    const kinds = report.changes.map((change) => change.kind);
    // The cancel template's rename is the wire's alone, said once (not per template and per
    // operation); `/orders/{order}`'s is the SDK's line.
    expect(
      report.changes
        .filter((change) => change.kind.startsWith('wire/') && change.message.includes('renamed'))
        .map((change) => `${change.level} ${change.location} | ${change.message.replace(/ \(spec\/.*\)$/, '')}`),
    ).toEqual([
      'patch /orders/{orderId}/cancel | path parameter `order` renamed to `orderId` with its path template (`/orders/{order}/cancel` → `/orders/{orderId}/cancel`): only names in the spec changed, the requests are the same',
    ]);
    // `/orders/{order}` alone is still a rename; the cancel template's POST became a DELETE.
    expect(kinds.filter((kind) => kind === 'sdk/typed-path-renamed')).toHaveLength(1);
    // The POST gone is the removed method's line (diff-removals.test.ts), not a rename.
    expect(sdkLines(report)).toContainEqual(
      expect.stringMatching(
        /^major sdk\/method-removed \| client\.orders\.cancel\(\) \| .*the typed path client's `POST \/orders\/\{order\}\/cancel`/,
      ),
    );
  });
});
