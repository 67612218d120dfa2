/**
 * Golden output of the client emitter for the fixture model: the whole package under
 * test/fixtures/client-package/ (style.md #16). The golden files are type-checked by the root
 * `tsc` and by the type tests in test/types/fixture-client.test-d.ts. After a deliberate change,
 * update them and review the diff: `npx vitest run test/emit/client/golden.test.ts -u`.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientModel } from '../../fixtures/models/client-model.ts';
import { clientSpec } from '../../fixtures/models/client-spec.ts';
import { ROOT } from '../../helpers/spec.ts';
import { renderClient } from './compile.ts';

export const GOLDEN_DIR = join(ROOT, 'test/fixtures/client-package');
const NOTICE =
  'Golden output of the client emitter for test/fixtures/models/client-model.ts. Update: `npx vitest run test/emit/client/golden.test.ts -u`.';

const rendered = await renderClient(clientModel(), clientSpec, NOTICE);

describe('golden client package', () => {
  it.each([...rendered])('%s', async (path, text) => {
    await expect(text).toMatchFileSnapshot(join(GOLDEN_DIR, path));
  });

  it('has no file the emitter no longer writes', async () => {
    const onDisk = (await readdir(GOLDEN_DIR, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) =>
        relative(GOLDEN_DIR, join(entry.parentPath, entry.name)).split('\\').join('/'),
      );
    expect(onDisk.sort()).toEqual([...rendered.keys()].sort());
  });
});
