/**
 * Every corpus description generates a package, within the memory budget (1 GiB peak resident
 * memory, measured on the generating process, prettier's worker threads included), with its
 * src/openapi.ts in prettier's form, and every other source the generator did not leave as printed
 * (too large to format) too: most of their lines get that form by rules, and the testing kit's
 * definitions and the README's examples are printed in it by emit/code-print.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../generator/write/format.ts';
import { corpusRuns } from './runs.ts';

const MEMORY_LIMIT = 2 ** 30;

describe.each(corpusRuns())('$name', (run) => {
  it('generates a package', () => {
    expect(run.error).toBeUndefined();
    expect(run.ok).toBe(true);
    expect(run.files).toBeGreaterThan(10);
  });

  // Its lines are given prettier's form by rules, and only the rest by prettier
  // (write/format-by-rules/): the file must be what prettier makes of it.
  it('writes src/openapi.ts in prettier’s form', async () => {
    expect(run.ok).toBe(true);
    const text = await readFile(join(run.out, 'src/openapi.ts'), 'utf8');
    expect(await formatText('src/openapi.ts', text)).toBe(text);
  });

  it('writes every other TypeScript source it formats in prettier’s form', async () => {
    expect(run.ok).toBe(true);
    const sources = (await readdir(join(run.out, 'src'), { recursive: true }))
      .map((path) => `src/${path.split('\\').join('/')}`)
      .filter((path) => path.endsWith('.ts') && !run.asPrinted.includes(path))
      // Copied from templates/, which test/generator/formatted.test.ts checks.
      .filter((path) => !/^src\/runtime\/|-runtime\.ts$|\/runtime\.ts$/.test(path));
    expect(sources).toContain('src/client.ts');
    const unformatted: string[] = [];
    for (const path of sources) {
      const text = await readFile(join(run.out, path), 'utf8');
      if ((await formatText(path, text)) !== text) unformatted.push(path);
    }
    expect(unformatted).toEqual([]);
  });

  it('stays under 1 GiB of memory while generating', () => {
    expect(run.maxRssBytes).toBeGreaterThan(0);
    expect(run.maxRssBytes).toBeLessThan(MEMORY_LIMIT);
  });
});
