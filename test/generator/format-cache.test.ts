import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatText } from '../../generator/write/format.ts';
import { CachingFormatter } from '../../generator/write/format-cache.ts';
import type { Formatter } from '../../generator/write/format-pool.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'format-cache-'));
  dirs.push(dir);
  return dir;
}

/** Prettier on this thread, counting the files it really formats. */
function countingPrettier(): Formatter & { calls: number } {
  const formatter = {
    calls: 0,
    async format(path: string, text: string) {
      formatter.calls++;
      return formatText(path, text);
    },
    async close() {},
  };
  return formatter;
}

const UGLY = 'export   const  a = {b:1,\n c: "two"}';

describe('CachingFormatter', () => {
  it('returns exactly what prettier returns, and formats the same text only once', async () => {
    const prettier = countingPrettier();
    const cache = new CachingFormatter(prettier, cacheDir());
    const first = await cache.format('src/a.ts', UGLY);
    expect(first).toBe(await formatText('src/a.ts', UGLY));
    expect(await cache.format('src/other/name.ts', UGLY)).toBe(first);
    expect(prettier.calls).toBe(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });

  it('keys on the text and on the kind of file', async () => {
    const prettier = countingPrettier();
    const cache = new CachingFormatter(prettier, cacheDir());
    await cache.format('a.ts', UGLY);
    await cache.format('a.ts', `${UGLY};`);
    await cache.format('a.json', '{"a":1}');
    await cache.format('a.md', '{"a":1}');
    expect(prettier.calls).toBe(4);
  });

  it('keeps entries across runs (a new formatter over the same folder)', async () => {
    const dir = cacheDir();
    await new CachingFormatter(countingPrettier(), dir).format('a.ts', UGLY);
    const prettier = countingPrettier();
    const second = new CachingFormatter(prettier, dir);
    expect(await second.format('a.ts', UGLY)).toBe(await formatText('a.ts', UGLY));
    expect(prettier.calls).toBe(0);
    expect(
      readdirSync(dir)
        .flatMap((sub) => readdirSync(join(dir, sub)))
        .filter((f) => f.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('passes files prettier does not handle through untouched, without caching them', async () => {
    const prettier = countingPrettier();
    const cache = new CachingFormatter(prettier, cacheDir());
    expect(await cache.format('LICENSE', 'as  is')).toBe('as  is');
    expect(prettier.calls).toBe(0);
    expect(cache.stats).toEqual({ hits: 0, misses: 0 });
  });

  it('still formats when the cache folder cannot be written', async () => {
    // A file where the cache folder should be: every write fails (even for root).
    const blocked = join(cacheDir(), 'blocked');
    writeFileSync(blocked, '');
    const prettier = countingPrettier();
    const cache = new CachingFormatter(prettier, blocked);
    expect(await cache.format('a.ts', UGLY)).toBe(await formatText('a.ts', UGLY));
    expect(await cache.format('a.ts', UGLY)).toBe(await formatText('a.ts', UGLY));
    expect(prettier.calls).toBe(2);
  });
});
