/**
 * Golden output of the client emitter for the fixture model: the package under
 * test/fixtures/client-package/ (style.md #16), as far as the emitters write it. The runtime that
 * the pipeline copies from templates/ (test/emit/client/runtime-files.test.ts guards the copy) is
 * not stored twice: each copy is a symbolic link to its template, so the golden files are
 * type-checked against the runtime as it is, by the root `tsc` and by the type tests in
 * test/types/fixture-client.test-d.ts. After a deliberate change, update the files and review the
 * diff: `npx vitest run test/emit/client/golden.test.ts -u`.
 */
import { lstat, readdir, readlink, realpath } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientModel } from '../../fixtures/models/client-model.ts';
import { clientSpec } from '../../fixtures/models/client-spec.ts';
import { ROOT } from '../../helpers/spec.ts';
import { renderClient, runtimeCopies } from './compile.ts';

const GOLDEN_DIR = join(ROOT, 'test/fixtures/client-package');
const NOTICE =
  'Golden output of the client emitter for test/fixtures/models/client-model.ts. Update: `npx vitest run test/emit/client/golden.test.ts -u`.';

const rendered = await renderClient(clientModel(), clientSpec, NOTICE);
const copies = runtimeCopies();
const emitted = [...rendered].filter(([path]) => !copies.has(path));

/** Package paths under GOLDEN_DIR of its regular files and of its symbolic links. */
async function onDisk(): Promise<{ files: string[]; links: string[] }> {
  const entries = await readdir(GOLDEN_DIR, { recursive: true, withFileTypes: true });
  const path = (entry: (typeof entries)[number]): string =>
    relative(GOLDEN_DIR, join(entry.parentPath, entry.name)).split('\\').join('/');
  return {
    files: entries
      .filter((entry) => entry.isFile())
      .map(path)
      .sort(),
    links: entries
      .filter((entry) => entry.isSymbolicLink())
      .map(path)
      .sort(),
  };
}

describe('golden client package', () => {
  it.each(emitted)('%s', async (path, text) => {
    await expect(text).toMatchFileSnapshot(join(GOLDEN_DIR, path));
  });

  it('holds what the emitters write and nothing else', async () => {
    expect((await onDisk()).files).toEqual(emitted.map(([path]) => path).sort());
  });

  it('links each runtime file the pipeline copies to its template in templates/', async () => {
    expect([...copies.keys()].every((path) => rendered.has(path))).toBe(true);
    expect((await onDisk()).links).toEqual([...copies.keys()].sort());
    for (const [path, template] of copies) {
      const link = join(GOLDEN_DIR, path);
      const fix = `ln -sfn ${relative(dirname(link), template)} ${relative(ROOT, link)}`;
      expect((await lstat(link)).isSymbolicLink(), fix).toBe(true);
      // Relative, so that it holds in any clone.
      expect(await readlink(link), fix).toBe(relative(dirname(link), template));
      expect(await realpath(link), fix).toBe(await realpath(template));
    }
  });
});
