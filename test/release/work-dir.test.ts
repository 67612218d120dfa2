/** The diff's temporary folder (scripts/lib/diff/work-dir.ts): one path per comparison at once, reused, left empty. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimWorkDir } from '../../scripts/lib/diff/work-dir.ts';

describe('the diff work folder', () => {
  it('is the same path for comparisons one after another, new and empty each time, and removed after', async () => {
    const first = await claimWorkDir();
    await writeFile(join(first.dir, 'left-over.json'), '{}');
    await first.release();
    expect(existsSync(first.dir)).toBe(false);
    const second = await claimWorkDir();
    expect(second.dir).toBe(first.dir);
    expect(existsSync(join(second.dir, 'left-over.json'))).toBe(false);
    await second.release();
  });

  it('is another path for a comparison that runs while one is under way', async () => {
    const first = await claimWorkDir();
    const second = await claimWorkDir();
    expect(second.dir).not.toBe(first.dir);
    await Promise.all([first.release(), second.release()]);
    const third = await claimWorkDir();
    expect(third.dir).toBe(first.dir);
    await third.release();
  });
});
