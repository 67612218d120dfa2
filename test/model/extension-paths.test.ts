/**
 * Operations kept in a root extension that holds paths (Azure's `x-ms-paths`, or any `x-…` whose
 * keys are paths and values path items) are not in the SDK: one warning per extension names it,
 * counts its operations and says to move them under `paths`. Other extensions stay quiet.
 */
import { describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { writeSpec } from '../generator/helpers.ts';

async function modelOf(doc: Record<string, unknown>, strict = false) {
  const ctx = resolveContext({ spec: await writeSpec(doc), strict });
  return buildModel(await loadAndBundle(ctx), ctx);
}

const ok = { responses: { '204': { description: 'ok' } } };
const spec = (extra: Record<string, unknown>) => ({
  openapi: '3.0.3',
  info: { title: 'Extension paths', version: '1' },
  paths: { '/items': { get: { operationId: 'list', ...ok } } },
  ...extra,
});

const warned = (model: Awaited<ReturnType<typeof modelOf>>) =>
  model.warnings
    .filter((w) => w.key.startsWith('extension-paths:'))
    .map((w) => [w.location.pointer, w.problem, w.hint]);

describe('paths kept in a root extension', () => {
  it('x-ms-paths is a warning naming it, its operations and the fix', async () => {
    const model = await modelOf(
      spec({
        'x-ms-paths': {
          '/items?op=archive': { post: { operationId: 'archive', ...ok } },
          '/items?op=restore': { post: { operationId: 'restore', ...ok }, put: ok },
        },
      }),
    );
    expect(model.operations.map((o) => o.operationId)).toEqual(['list']);
    expect(warned(model)).toEqual([
      [
        '#/x-ms-paths',
        "`x-ms-paths` (AutoRest's extension for paths that differ from another only in their query string) holds 2 paths with 3 operations; the generator reads operations only from `paths`, so these are not in the SDK",
        'move them under `paths`: a path that differs from another only in its query string (`/items?op=archive`) needs a path of its own there, or one operation with the query as a parameter; remove `x-ms-paths` to silence this',
      ],
    ]);
  });

  it('any other extension holding path items is reported the same way', async () => {
    const model = await modelOf(
      spec({ 'x-internal-paths': { '/admin': { delete: ok } }, 'x-logo': { url: '/logo.png' } }),
    );
    expect(warned(model).map(([pointer, problem]) => [pointer, problem])).toEqual([
      [
        '#/x-internal-paths',
        '`x-internal-paths` holds 1 path with 1 operation; the generator reads operations only from `paths`, so these are not in the SDK',
      ],
    ]);
  });

  it('is an error with --strict', async () => {
    await expect(
      modelOf(spec({ 'x-ms-paths': { '/items?op=a': { post: ok } } }), true),
    ).rejects.toThrow(/`x-ms-paths`.*not in the SDK/);
  });

  it('extensions that hold no path items are not reported', async () => {
    const model = await modelOf(
      spec({ 'x-tagGroups': [{ name: 'a', tags: ['b'] }], 'x-meta': { '/not-an-item': 'text' } }),
    );
    expect(warned(model)).toEqual([]);
  });
});
