/**
 * `generate({ format: false })`: the package as the emitters print it, for callers that only read
 * its types (`npm run diff`). It is the committed package in all but layout: prettier turns each
 * of its files into the committed one, but for where the lines of doc comments break.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { RECORD_PATH } from '../../generator/write/record.ts';
import { formatAttempts, formatText } from '../../generator/write/format.ts';
import { removeTempDirs, ROOT, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

/** Each file of the package (not its dist/ or node_modules/, nor the record) → its text. */
async function packageFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (path === RECORD_PATH || /^(node_modules|dist)\//.test(path)) continue;
    files[path] = await readFile(join(dir, path), 'utf8');
  }
  return files;
}

/**
 * The text with each doc comment's lines joined: the writer wraps comments to the width left by
 * the formatted code's indentation, which differs where the code was not formatted.
 */
function commentsUnwrapped(text: string): string {
  return text.replace(/\n[ \t]*\*(?!\/)[ \t]*/g, ' ').replace(/[ \t]*\n[ \t]*\*\//g, ' */');
}

describe('generate({ format: false })', () => {
  it('writes our spec’s package unformatted, and prettier makes it the committed one', async () => {
    const out = join(await tempDir('unformatted-'), 'sdk');
    await generate({ spec: join(ROOT, 'spec/openapi.yaml'), out, cwd: ROOT, format: false });
    const written = await packageFiles(out);
    const committed = await packageFiles(join(ROOT, 'generated'));
    // CHANGELOG.md is the release's (npm run release writes it), not the generator's.
    expect(Object.keys(written).sort()).toEqual(
      Object.keys(committed)
        .filter((path) => path !== 'CHANGELOG.md')
        .sort(),
    );
    const unformatted: string[] = [];
    for (const [path, text] of Object.entries(written)) {
      if (text === committed[path]) continue; // the templates, and openapi.json (never formatted)
      unformatted.push(path);
      expect(formatAttempts(path).length, path).toBeGreaterThan(0);
      expect(commentsUnwrapped(await formatText(path, text)), path).toBe(
        commentsUnwrapped(committed[path]!),
      );
    }
    // The emitted files were not given to prettier (the templates are copied in their final
    // form; the rules still write what they cover: src/types.ts is all theirs on our spec).
    expect(unformatted).toEqual(expect.arrayContaining(['src/guards.ts', 'src/client.ts']));
  });
});
