/**
 * `npm run diff` on edits that change the generated package, and what users see of it, although
 * neither the SDK's TypeScript surface nor the wire sees them (helper-134 5): members written in a
 * new order, examples, and keywords in a new order (the shipped openapi.json alone). Each is a patch line that says why `generated/` changed, or `npm run
 * release` would call it "nothing to release". On a real git repository.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { diffSpecs, type DiffReport } from '../../scripts/lib/diff/index.ts';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { git, resetSpec, specRepo } from './git-repo.ts';
import { editYaml } from './spec-edits.ts';

let repo: string;
beforeAll(async () => {
  repo = await specRepo();
});
afterAll(removeTempDirs);

async function diffAfter(file: string, edit: (doc: Document) => void): Promise<DiffReport> {
  resetSpec(repo);
  await editYaml(join(repo, 'spec'), file, edit);
  return diffSpecs({ base: 'HEAD', cwd: repo });
}

const lines = (report: DiffReport) =>
  report.changes.map((change) => `${change.level} ${change.kind} | ${change.location} | ${change.message}`);

/** Moves the first item of the map or sequence at `path` to its end. */
const rotate = (path: string[]) => (doc: Document) => {
  const node = doc.getIn(path, true) as YAMLMap | YAMLSeq;
  node.items.push(node.items.shift()! as never);
};

/** Every file of a generated package, by relative path. */
async function packageFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.generation-record.json') continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
  }
  return files;
}

describe('changes only the generated package shows', () => {
  it('properties in a new order: a patch that says so, where the generated package changed', async () => {
    resetSpec(repo);
    const before = await tempDir('order-before-');
    await generate({ spec: join(repo, 'spec/openapi.yaml'), out: before, cwd: repo, format: false });
    const report = await diffAfter('schemas/Order.yaml', rotate(['properties']));
    const after = await tempDir('order-after-');
    await generate({ spec: join(repo, 'spec/openapi.yaml'), out: after, cwd: repo, format: false });
    // The premise: the package is not the same, so a release must not say "nothing changed".
    expect(await packageFiles(after)).not.toEqual(await packageFiles(before));
    expect(report.bump).toBe('patch');
    expect(lines(report)).toEqual([
      'patch sdk/order-changed | Order | `Order`: properties in a new order (`status`, `quantity`, `note`, `delivery`, `id`): the generated types and docs list them so; nothing to compile against or on the wire changed',
    ]);
    expect(report.changes[0]!.source).toMatch(/^spec\/schemas\/Order\.yaml:\d+$/);
  });

  it('paths and parameters in a new order: one line each, named where users know it; enum values stay the wire layer\'s', async () => {
    const pathsReport = await diffAfter('openapi.yaml', rotate(['paths']));
    expect(lines(pathsReport)).toContainEqual(
      expect.stringMatching(
        /^patch sdk\/order-changed \| #\/paths \| the paths in a new order \(`\/orders\/\{order\}`, `\/orders`\)/,
      ),
    );
    const parameters = await diffAfter(
      'openapi.yaml',
      rotate(['paths', '/orders', 'get', 'parameters']),
    );
    expect(parameters.bump).toBe('patch');
    expect(lines(parameters)).toContainEqual(
      expect.stringMatching(
        /^patch sdk\/order-changed \| GET \/orders \| `GET \/orders`: parameters in a new order \(`customer`, `status`\)/,
      ),
    );
    // The wire layer already says this one (wire.ts): not twice.
    const enumReport = await diffAfter('schemas/OrderStatus.yaml', rotate(['enum']));
    expect(enumReport.changes.map((change) => change.kind)).toEqual(['wire/schema-modified']);
  });

  it('an example added, changed or removed is a patch that names its place: the docs and the testing kit show it', async () => {
    const added = await diffAfter('schemas/Order.yaml', (doc) =>
      doc.set('examples', doc.createNode([{ id: 'ord_1', status: 'open', quantity: 2 }])),
    );
    expect(lines(added)).toEqual([
      "patch sdk/examples-changed | Order | `Order`: examples added: the types' TSDoc and the docs show it",
    ]);
    expect(added.changes[0]!.source).toMatch(/^spec\/schemas\/Order\.yaml:\d+$/);
    // A map of named examples: a line for each one changed, none from Redocly ("response added").
    const path = ['paths', '/orders', 'get', 'responses', '200', 'content', 'application/json'];
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'openapi.yaml', (doc) =>
      doc.setIn(
        [...path, 'examples'],
        doc.createNode({ one: { value: [{ id: 'ord_1' }] }, two: { value: [] } }),
      ),
    );
    git(repo, 'commit', '-q', '-am', 'Examples');
    try {
      const media = await diffAfter('openapi.yaml', (doc) => {
        doc.setIn([...path, 'examples', 'one', 'value', 0, 'id'], 'ord_2');
        doc.deleteIn([...path, 'examples', 'two']);
      });
      expect(
        media.changes.map((change) => `${change.kind} | ${change.location} | ${change.message}`),
      ).toEqual([
        "sdk/examples-changed | GET /orders | `GET /orders`: example `one` of its 200 response (application/json) changed: the docs' samples and the testing kit's mock data follow it",
        "sdk/examples-changed | GET /orders | `GET /orders`: example `two` of its 200 response (application/json) removed: the docs' samples and the testing kit's mock data follow it",
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  // helper-152 4, 6, 7: parameters in a new order paired by index read as examples added and
  // removed; a parameter given by `$ref` was named by its component; a shared example the bundle
  // leaves out (nothing refers to it any more) read as removed.
  it('parameters with examples, one of them a $ref, in a new order: one order line naming them, no example line', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'openapi.yaml', (doc) => {
      doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'example'], 'cus_1');
      doc.addIn(['paths', '/orders', 'get', 'parameters'], doc.createNode({ $ref: '#/components/parameters/PageSize' }));
      doc.setIn(
        ['components', 'parameters', 'PageSize'],
        doc.createNode({ name: 'limit', in: 'query', example: 10, schema: { type: 'integer' } }),
      );
      doc.setIn(['components', 'examples', 'Orders'], doc.createNode({ value: [{ id: 'ord_1' }] }));
      doc.setIn(
        ['paths', '/orders', 'get', 'responses', '200', 'content', 'application/json', 'examples'],
        doc.createNode({ all: { $ref: '#/components/examples/Orders' } }),
      );
    });
    git(repo, 'commit', '-q', '-am', 'Parameter examples and a shared example');
    try {
      const reordered = await diffAfter('openapi.yaml', rotate(['paths', '/orders', 'get', 'parameters']));
      expect(lines(reordered)).toEqual([
        'patch sdk/order-changed | GET /orders | `GET /orders`: parameters in a new order (`customer`, `limit`, `status`): the generated types and docs list them so; nothing to compile against or on the wire changed',
      ]);
      const inlined = await diffAfter('openapi.yaml', (doc) =>
        doc.setIn(
          ['paths', '/orders', 'get', 'responses', '200', 'content', 'application/json', 'examples', 'all'],
          doc.createNode({ value: [{ id: 'ord_1' }] }),
        ),
      );
      const exampleLines = lines(inlined).filter((line) => line.includes('examples-changed'));
      expect(exampleLines).toEqual([
        "patch sdk/examples-changed | GET /orders | `GET /orders`: example `all` of its 200 response (application/json) changed: the docs' samples and the testing kit's mock data follow it",
      ]);
      const parameter = await diffAfter('openapi.yaml', (doc) =>
        doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'example'], 'cus_2'),
      );
      expect(lines(parameter).filter((line) => line.includes('examples-changed'))).toEqual([
        "patch sdk/examples-changed | GET /orders | `GET /orders`: example of parameter `customer` changed: the docs' samples and the testing kit's mock data follow it",
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a property named `example` is a property, not an example', async () => {
    const report = await diffAfter('schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'example'], doc.createNode({ type: 'string' })),
    );
    expect(report.changes.map((change) => change.kind)).not.toContain('sdk/examples-changed');
    expect(report.changes.length).toBeGreaterThan(0);
  });

  it('keywords in a new order change the shipped openapi.json only: one patch line naming where, not "no changes"', async () => {
    const report = await diffAfter('schemas/Order.yaml', (doc) => {
      const map = doc.contents;
      if (!isMap(map)) throw new Error('Order.yaml is not a map');
      map.items.push(map.items.shift()!);
      const id = doc.getIn(['properties', 'id'], true) as YAMLMap;
      id.items.push(id.items.shift()!);
    });
    expect(report.bump).toBe('patch');
    expect(lines(report)).toEqual([
      "patch sdk/package-changed | openapi.json | the package's `openapi.json` changes: keys written in a new order at `Order` (now `type`, `required`, `properties`, `description`), `Order.id` (now `type`, `description`); no change to the API or to the SDK's types",
    ]);
    // The release record's text: the package's file is the same bytes again, so nothing changed.
    resetSpec(repo);
    expect(await diffSpecs({ base: 'HEAD', cwd: repo })).toMatchObject({ bump: 'none', changes: [] });
  });

  it('an example beside a documentation change: a line each; an unchanged spec is none', async () => {
    const report = await diffAfter('schemas/Order.yaml', (doc) => {
      doc.set('examples', doc.createNode([{ id: 'ord_1', status: 'open', quantity: 2 }]));
      doc.setIn(['properties', 'note', 'description'], 'A note from the customer.');
    });
    const kinds = report.changes.map((change) => change.kind);
    expect(kinds.filter((kind) => kind === 'sdk/examples-changed')).toHaveLength(1);
    expect(kinds).toContain('sdk/docs-changed');
    resetSpec(repo);
    expect(await diffSpecs({ base: 'HEAD', cwd: repo })).toMatchObject({ bump: 'none', changes: [] });
  });
});
