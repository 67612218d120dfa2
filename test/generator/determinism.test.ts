/** Same input, same bytes: two runs into two folders give identical trees. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { FIXTURES, removeTempDirs, ROOT, snapshotTree, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

describe('determinism', () => {
  it.each([
    ['our spec', join(ROOT, 'spec/openapi.yaml')],
    ['the hostile 3.1 spec', join(FIXTURES, 'hostile/hostile-3.1.yaml')],
    ['the hostile 3.0 spec', join(FIXTURES, 'hostile/hostile-3.0.yaml')],
  ])(
    '%s generates byte-identical packages twice, whatever the output folder is called',
    async (_name, spec) => {
      const first = join(await tempDir('det-a-'), 'one');
      const second = join(await tempDir('det-b-'), 'another-name');
      const a = await generate({ spec, out: first });
      const b = await generate({ spec, out: second });
      expect(b.files).toEqual(a.files);
      const treeA = await snapshotTree(first);
      expect(Object.keys(treeA).length).toBeGreaterThan(10);
      expect(await snapshotTree(second)).toEqual(treeA);
    },
  );
});
