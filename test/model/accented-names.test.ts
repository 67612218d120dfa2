/**
 * Names made from accented Latin text keep their letters (`Ünïcødé tag` → `unicodeTag`, not
 * `nCDTag`): NFKD without combining marks, plus the letters Unicode does not decompose.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { camelCase, pascalCase, words } from '../../generator/model/names.ts';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

describe('accented Latin letters in names', () => {
  it.each([
    ['Ünïcødé tag', 'unicodeTag', 'UnicodeTag'],
    ['Straße Größe', 'strasseGrosse', 'StrasseGrosse'],
    ['café-crème', 'cafeCreme', 'CafeCreme'],
    ['Ærø łódź', 'aeroLodz', 'AeroLodz'],
  ])('%s → %s, %s', (text, camel, pascal) => {
    expect(camelCase(text)).toBe(camel);
    expect(pascalCase(text)).toBe(pascal);
  });

  it('leave other scripts out of the words, as before', () => {
    expect(words('名前 list')).toEqual(['list']);
    expect(pascalCase('名前')).toBe('Unnamed');
  });

  it('name the resource and the schema type of a generated package', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Accents', version: '1.0.0' },
      paths: {
        '/things': {
          get: {
            operationId: 'listThings',
            tags: ['Ünïcødé tag'],
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/Größe' } },
                },
              },
            },
          },
        },
      },
      components: { schemas: { Größe: { type: 'object' } } },
    });
    const out = join(await tempDir('accents-'), 'sdk');
    await generate({ spec, out });
    expect(await readFile(join(out, 'src/client.ts'), 'utf8')).toMatch(/\bunicodeTag\b/);
    expect(await readFile(join(out, 'src/types.ts'), 'utf8')).toMatch(
      /\binterface Grosse\b|\btype Grosse\b/,
    );
  });
});
