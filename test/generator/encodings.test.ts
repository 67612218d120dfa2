/**
 * Spec files that are not UTF-8 (test/fixtures/encodings/): UTF-16 (with its byte order
 * mark) and Latin-1 bytes, in the root file or in a file a `$ref` reaches, are refused with the
 * file, the line and column (and byte offset) of the first bad byte, and the fix; before, UTF-16
 * read as "a string, not an object" and Latin-1 `é` reached the generated code as U+FFFD. A UTF-8
 * byte order mark is fine.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { ROOT } from './helpers.ts';

const DIR = 'test/fixtures/encodings';
const load = (name: string) => loadAndBundle(resolveContext({ spec: join(DIR, name), cwd: ROOT }));

describe('spec file encodings', () => {
  it('reads UTF-8 with a byte order mark, and UTF-8 text as written', async () => {
    const bundled = await load('utf8-bom.yaml');
    expect(JSON.stringify(bundled.document)).toContain('Café');
    expect(JSON.stringify(bundled.document)).not.toContain('\uFFFD');
  });

  it('refuses UTF-16 with the file, the place and the fix', async () => {
    await expect(load('utf16.yaml')).rejects.toThrow(
      `${DIR}/utf16.yaml:1:1: the file is UTF-16 (little-endian) (it starts with that byte order mark); the generator reads UTF-8 only\n  fix: save the file as UTF-8`,
    );
  });

  it('refuses bytes that are not UTF-8 at the first one, in the root file', async () => {
    await expect(load('latin1.yaml')).rejects.toThrow(
      `${DIR}/latin1.yaml:3:20: the file is not UTF-8: byte 0xE9 at byte offset 40 is not valid UTF-8`,
    );
  });

  it('refuses them in a file a $ref reaches, naming that file', async () => {
    await expect(load('ref-latin1.yaml')).rejects.toThrow(
      new RegExp(
        `^${DIR}/note-latin1\\.yaml:4:41: the file is not UTF-8: byte 0xE9 at byte offset 85 .*reached through the \\$ref "note-latin1\\.yaml".*\\n  fix: save the file as UTF-8`,
      ),
    );
  });
});
