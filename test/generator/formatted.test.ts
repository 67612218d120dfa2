/**
 * Every generated file prettier handles is in prettier's form, whether the writer formatted it or
 * left it as emitted: files copied from templates/ are not formatted again at each run
 * (emit/package-sources.ts), which is right only while the templates themselves are formatted.
 * The one exception is openapi.json, the bundled spec, written the way JSON tools write it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { format } from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { formatAttempts } from '../../generator/write/format.ts';
import { removeTempDirs, ROOT, tempDir, writeSpec } from './helpers.ts';

const NOT_FORMATTED = new Set(['openapi.json']);

async function files(dir: string, skip: (path: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => !skip(path) && formatAttempts(path).length > 0)
    .sort();
}

async function isFormatted(path: string, text: string): Promise<boolean> {
  const [options] = formatAttempts(path);
  return (await format(text, options)) === text;
}

describe('prettier’s form', () => {
  it('holds for every file of the committed package', async () => {
    const dir = join(ROOT, 'generated');
    const paths = await files(
      dir,
      (path) => NOT_FORMATTED.has(path) || /^(node_modules|dist)\//.test(path),
    );
    expect(paths).toContain('src/runtime/core.ts');
    const unformatted: string[] = [];
    for (const path of paths) {
      if (!(await isFormatted(path, await readFile(join(dir, path), 'utf8'))))
        unformatted.push(path);
    }
    expect(unformatted).toEqual([]);
  });

  it('holds for every template, as the generator copies them', async () => {
    const dir = join(ROOT, 'templates');
    const paths = await files(dir, (path) => !path.endsWith('.ts'));
    expect(paths.length).toBeGreaterThan(3);
    const unformatted: string[] = [];
    for (const path of paths) {
      if (!(await isFormatted(path, await readFile(join(dir, path), 'utf8'))))
        unformatted.push(`templates/${path}`);
    }
    expect(unformatted).toEqual([]);
  });
});

describe('a testing kit definition whose first line is past the width (helper-139 1)', () => {
  afterAll(removeTempDirs);

  it('is written as prettier writes it: broken after `=`', async () => {
    // The name made of the tag and the path makes `const …: kit.OperationDefinition = {` longer
    // than 100 columns.
    const spec = await writeSpec({
      openapi: '3.0.3',
      info: { title: 'Long', version: '1' },
      paths: {
        '/companies/{companyId}/apiCredentials/{apiCredentialId}/allowedOrigins': {
          get: {
            tags: ['API credentials - company level'],
            parameters: ['companyId', 'apiCredentialId'].map((name) => ({
              name,
              in: 'path',
              required: true,
              schema: { type: 'string' },
            })),
            responses: {
              '200': {
                description: 'The origins.',
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { id: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
        '/companies': {
          post: {
            tags: ['companies'],
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { name: { type: 'string' } } },
                  example: { name: 'x' },
                },
              },
            },
            responses: { '204': { description: 'Created.' } },
          },
        },
      },
    });
    const out = join(await tempDir('long-kit-'), 'sdk');
    await generate({ spec, out, cache: false });
    const path = 'src/testing/index.ts';
    const text = await readFile(join(out, path), 'utf8');
    expect(text).toMatch(/^const \w{60,}: kit\.OperationDefinition =\n {2}\{$/m);
    expect(await isFormatted(path, text)).toBe(true);
  });
});
