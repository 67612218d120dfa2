/**
 * A TRACE operation (helper-116 7): fetch cannot send the method (the Fetch standard forbids it),
 * so the SDK has no method for it, and a warning says so; the path's other operations stay.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

describe('a TRACE operation', () => {
  it('is left out of the SDK with a warning at its place', async () => {
    const ok = { responses: { '200': { description: 'OK' } } };
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Methods', version: '1.0.0' },
      paths: {
        '/items': {
          get: { operationId: 'listItems', ...ok },
          trace: { operationId: 'traceItems', ...ok },
        },
      },
    });
    const model = await specModel(spec);
    expect(model.operations.map((operation) => operation.operationId)).toEqual(['listItems']);
    const found = model.warnings.filter((warning) => warning.key === 'operation:trace');
    expect(found.map((warning) => warning.location.pointer)).toEqual(['#/paths/~1items/trace']);
    await expect(specModel(spec, true)).rejects.toThrow(/--strict/);
  });
});
