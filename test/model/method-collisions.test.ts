/**
 * Operations whose SDK methods would share a name (operationIds that differ only in case or
 * punctuation: `get_item`, `getItem`, `GetItem`) get numbered names, each with a warning naming
 * the operation that has the name and how to choose another (`x-sdk-method`). The operation whose
 * operationId is the name exactly keeps it, wherever it stands in the document.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const get = (operationId: string) => ({
  get: {
    operationId,
    tags: ['widgets'],
    responses: { '200': { description: 'OK' } },
  },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Collisions', version: '1' },
  paths: { '/a': get('get_item'), '/b': get('getItem'), '/c': get('GetItem') },
};

describe('SDK methods that would share a name', () => {
  it('are numbered, the exact operationId keeping the name, each rename a warning', async () => {
    const model = await specModel(await writeSpec(SPEC));
    const methods = Object.fromEntries(
      model.operations.map((operation) => [operation.path, operation.sdk.method]),
    );
    expect(methods['/b']).toBe('getItem');
    expect(new Set(Object.values(methods)).size).toBe(3);
    const renames = model.warnings.filter((w) => w.key.startsWith('name-collision:'));
    expect(renames.map((w) => w.location.pointer).sort()).toEqual([
      '#/paths/~1a/get',
      '#/paths/~1c/get',
    ]);
    for (const warning of renames) {
      expect(warning.problem).toMatch(
        /^the SDK method of GET \/[ac] in `client\.widgets` would be named `getItem`, but the SDK method of GET \/b in `client\.widgets` \(#\/paths\/~1b\/get\) is named `getItem`, so it is named `getItem\d`$/,
      );
      expect(warning.hint).toMatch(/give GET \/[ac] its own `x-sdk-method: widgets\.<method>`/);
    }
  });

  it('the exact operationId keeps the name where the others move to a CRUD name', async () => {
    // One path, three methods: the CRUD names (`list`, `create`, `update`) are free, so the
    // operations that only resemble the name take theirs; `getItem` keeps its own.
    const op = (operationId: string) => ({
      operationId,
      tags: ['things'],
      responses: { '204': { description: 'ok' } },
    });
    const model = await specModel(
      await writeSpec({
        openapi: '3.1.0',
        info: { title: 'Collisions', version: '1' },
        paths: { '/a': { get: op('get-item'), post: op('getItem'), put: op('get_item') } },
      }),
    );
    const methods = Object.fromEntries(
      model.operations.map((operation) => [operation.operationId, operation.sdk.method]),
    );
    expect(methods['getItem']).toBe('getItem');
    expect(new Set(Object.values(methods)).size).toBe(3);
  });
});
