/**
 * A resource file's pagination consts (emit/client/resource-file.ts `namePaginations`): one per
 * distinct `x-sdk-pagination`, the one most methods share named `PAGINATION`, the others after
 * their first method. helper-120 L12: changing the first method's settings renamed the const the
 * other methods share (`PAGINATION` → `PAGINATION2`), so their untouched lines changed too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../../generator/helpers.ts';
import { specPackage } from '../../faults/package.ts';

afterAll(removeTempDirs);

const PAGING = {
  style: 'cursor',
  afterParam: 'after',
  itemsField: 'items',
  nextCursorField: 'next',
};

function spec(firstPaging: Record<string, unknown>): Record<string, unknown> {
  const page = {
    '200': {
      description: 'A page',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['items', 'next', 'cursor'],
            properties: {
              items: { type: 'array', items: { type: 'string' } },
              next: { type: ['string', 'null'] },
              cursor: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
  };
  const list = (id: string, paging: Record<string, unknown>) => ({
    operationId: id,
    'x-sdk-method': `things.${id}`,
    'x-sdk-pagination': paging,
    parameters: [{ name: 'after', in: 'query', schema: { type: 'string' } }],
    responses: page,
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Paging', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    paths: {
      '/a': { get: list('list', firstPaging) },
      '/b': { get: list('search', PAGING) },
      '/c': { get: list('recent', PAGING) },
    },
  };
}

async function thingsFile(firstPaging: Record<string, unknown>): Promise<string> {
  const { files } = await specPackage(spec(firstPaging));
  const file = files.get('src/resources/things.ts');
  if (file === undefined) throw new Error(`no things.ts in ${[...files.keys()].join(', ')}`);
  return file;
}

describe('pagination consts of a resource file', () => {
  it('one const for settings every method shares; another method changed takes a name of its own', async () => {
    const shared = await thingsFile(PAGING);
    expect(shared.match(/^const \w+: CursorPagination/gm)).toEqual([
      'const PAGINATION: CursorPagination',
    ]);
    expect(shared).toMatch(
      /Where \{@link Things\.list\}, \{@link Things\.search\} and \{@link Things\.recent\} find their cursors/,
    );

    const changed = await thingsFile({ ...PAGING, nextCursorField: 'cursor' });
    expect(changed.match(/^const \w+: CursorPagination/gm)).toEqual([
      'const PAGINATION: CursorPagination',
      'const LIST_PAGINATION: CursorPagination',
    ]);
    expect(changed).toContain('/** Where {@link Things.list} finds its cursors and items');
    // The methods that kept their settings keep their lines.
    const calls = (text: string) =>
      text
        .split('\n')
        .filter(
          (line) =>
            line.includes('requestPage(') || /^\s+(PAGINATION|LIST_PAGINATION),?$/.test(line),
        );
    const sharedLines = calls(shared);
    const changedLines = calls(changed);
    expect(changedLines.filter((line) => !sharedLines.includes(line))).toEqual([
      expect.stringContaining('LIST_PAGINATION'),
    ]);
  });
});
