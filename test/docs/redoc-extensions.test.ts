/**
 * Redoc's own extensions read as lists (`x-badges` and `x-codeSamples` of an operation, the root's
 * `x-tagGroups`) in another shape made `build-docs` throw a TypeError naming no place of the spec
 * ("t.x-badges?.map is not a function", "Cannot destructure property 'lang' of 'object null'").
 * The docs page is made from what of them Redoc can render: an extension that is no list is left
 * out, and so is an entry that is not an object with its text fields as strings.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocs } from '../../scripts/docs.ts';
import { sanitizeForDocs } from '../../scripts/lib/docs-sanitize.ts';

const operation = (id: string, extensions: Record<string, unknown>) => ({
  get: {
    operationId: id,
    tags: ['things'],
    ...extensions,
    responses: { '200': { description: 'ok' } },
  },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Badges', version: '1' },
  tags: [{ name: 'things' }],
  'x-tagGroups': [null, { name: 'Group', tags: 5 }, { name: 'Kept', tags: ['things'] }],
  paths: {
    '/a': operation('badgesNotAList', { 'x-badges': 7 }),
    '/b': operation('badgesWithNull', { 'x-badges': [null, { name: 'Beta' }] }),
    '/c': operation('samplesWithNull', {
      'x-codeSamples': [null, 5, { lang: 'Shell', source: 'curl …' }],
    }),
    '/d': operation('samplesNotAList', { 'x-codeSamples': 'oops' }),
    '/e': {
      post: {
        operationId: 'badgesAsProperty',
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', properties: { 'x-badges': { type: 'string' } } },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'redoc-extensions-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("Redoc's list extensions of another shape", () => {
  it('leave out what Redoc cannot render, and keep the rest', () => {
    const document: unknown = structuredClone(SPEC);
    sanitizeForDocs(document);
    /** The value at `keys` under the document (undefined where there is none). */
    const at = (...keys: string[]): unknown =>
      keys.reduce<unknown>(
        (value, key) =>
          typeof value === 'object' && value !== null
            ? (value as Record<string, unknown>)[key]
            : undefined,
        document,
      );
    expect(at('x-tagGroups')).toEqual([{ name: 'Kept', tags: ['things'] }]);
    expect(at('paths', '/a', 'get', 'x-badges')).toBeUndefined();
    expect(at('paths', '/b', 'get', 'x-badges')).toEqual([{ name: 'Beta' }]);
    expect(at('paths', '/c', 'get', 'x-codeSamples')).toEqual([
      { lang: 'Shell', source: 'curl …' },
    ]);
    expect(at('paths', '/d', 'get', 'x-codeSamples')).toBeUndefined();
    // A schema property of that name is no badge list: it stays.
    expect(
      at(
        'paths',
        '/e',
        'post',
        'requestBody',
        'content',
        'application/json',
        'schema',
        'properties',
      ),
    ).toEqual({ 'x-badges': { type: 'string' } });
  });

  it('build a docs page with every operation', async () => {
    const spec = join(root, 'openapi.json');
    await writeFile(spec, JSON.stringify(SPEC));
    const { htmlFile } = await buildDocs({ spec, outDir: join(root, 'site') });
    const html = await readFile(htmlFile, 'utf8');
    for (const id of ['badgesNotAList', 'badgesWithNull', 'samplesWithNull', 'samplesNotAList'])
      expect(html).toContain(id);
  }, 120_000);
});
