/**
 * An OpenAPI 3.0 operation without `responses`, which 3.0.3 §4.7.10 requires (helper-122 7): its
 * method resolves to `unknown`, and a warning at the operation says why and what to write. In 3.1,
 * where `responses` is optional, there is none.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const spec = (openapi: string) =>
  writeSpec({
    openapi,
    info: { title: 'No responses', version: '1.0.0' },
    paths: {
      '/items': {
        get: { operationId: 'listItems', responses: { '200': { description: 'OK' } } },
        delete: { operationId: 'clearItems' },
      },
    },
  });

describe('an operation without responses', () => {
  it('is warned about in OpenAPI 3.0, at the operation', async () => {
    const model = await specModel(await spec('3.0.3'));
    const found = model.warnings.filter((warning) => warning.key === 'operation:no-responses');
    expect(found.map((warning) => [warning.location.pointer, warning.problem])).toEqual([
      [
        '#/paths/~1items/delete',
        "the DELETE operation has no `responses`, which OpenAPI 3.0 requires (3.0.3 §4.7.10): the SDK's method resolves to `unknown`, read as the response's Content-Type says",
      ],
    ]);
    expect(model.operations.map((operation) => operation.operationId)).toEqual([
      'listItems',
      'clearItems',
    ]);
  });

  it('is not in OpenAPI 3.1, where responses are optional', async () => {
    const model = await specModel(await spec('3.1.0'));
    expect(model.warnings.filter((warning) => warning.key === 'operation:no-responses')).toEqual(
      [],
    );
  });
});
