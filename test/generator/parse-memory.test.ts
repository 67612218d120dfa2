/**
 * The resolver remembers each YAML file's last parse (load/resolver.ts), for processes that bundle
 * again and again (the dev server): the bundle must be what a fresh process would make, after
 * edits too, and what one run's bundler or model does to its document must never reach the next.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const ROOT_FILE = `openapi: 3.1.0
info: { title: Memo, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: './thing.yaml' }
`;
const THING = `type: object
description: A thing.
properties:
  id: { type: string }
`;

async function specFolder(): Promise<string> {
  const dir = await tempDir('parse-memory-');
  await writeFile(join(dir, 'openapi.yaml'), ROOT_FILE);
  await writeFile(join(dir, 'thing.yaml'), THING);
  return dir;
}

const bundleOf = async (dir: string) =>
  (await loadAndBundle(resolveContext({ spec: join(dir, 'openapi.yaml'), out: join(dir, 'out') })))
    .document;

describe('the parses the resolver remembers', () => {
  it('bundles an unchanged spec the same way again, and never shares objects between runs', async () => {
    const dir = await specFolder();
    const first = await bundleOf(dir);
    const expected = structuredClone(first);
    // What a later step might do to its document, run after run.
    const change = (document: Record<string, unknown>) => {
      (document['info'] as Record<string, unknown>)['title'] = 'changed by a run';
      const { schemas } = document['components'] as {
        schemas: Record<string, Record<string, unknown>>;
      };
      for (const schema of Object.values(schemas)) schema['description'] = 'changed by a run';
    };
    change(first);
    const second = await bundleOf(dir);
    expect(second).toEqual(expected);
    change(second);
    expect(await bundleOf(dir)).toEqual(expected);
  });

  it('reads a file again when its text changed, and keeps the unchanged ones right', async () => {
    const dir = await specFolder();
    await bundleOf(dir);
    await writeFile(join(dir, 'thing.yaml'), THING.replace('A thing.', 'An edited thing.'));
    const edited = JSON.stringify(await bundleOf(dir));
    expect(edited).toContain('An edited thing.');
    expect(edited).not.toContain('"A thing."');
    expect(edited).toContain('listThings');
  });

  it('reports a file that became invalid, and reads it again once fixed', async () => {
    const dir = await specFolder();
    await bundleOf(dir);
    await writeFile(join(dir, 'thing.yaml'), 'type: object\n  properties: [\n');
    await expect(bundleOf(dir)).rejects.toThrow(/thing\.yaml/);
    await writeFile(join(dir, 'thing.yaml'), THING);
    expect(JSON.stringify(await bundleOf(dir))).toContain('A thing.');
  });
});
