/**
 * `src/runtime/error-body.ts`: the type of `APIError#body`, from the error responses the spec
 * declares (named schemas by name, inline ones through `operations`), and `unknown` without any.
 */
import { describe, expect, it } from 'vitest';
import { emitErrorBodyFile } from '../../../generator/emit/client/error-body-file.ts';
import { operationShape } from '../../../generator/model/operation-shape.ts';
import type { OperationModel, ResponseModel } from '../../../generator/model/types.ts';
import { printSourceFiles } from '../../../generator/write/print.ts';
import { obj, ref, str } from '../../fixtures/models/client-model.ts';

function operation(operationId: string, responses: ResponseModel[]): OperationModel {
  const path = `/${operationId}`;
  const pointer = `#/paths/~1${operationId}/get`;
  return {
    operationId,
    method: 'get',
    path,
    pointer,
    shape: operationShape({ path, pointer, parameters: [] }, { schemas: [], specFile: 'spec' }),
    deprecated: false,
    tags: [],
    sdk: { resource: 'things', method: operationId },
    typeNames: { params: 'P', response: 'R' },
    parameters: [],
    responses,
    idempotent: false,
    secured: true,
    anonymous: false,
  };
}

const json = (
  status: string,
  schema: ResponseModel['schema'],
  contentType = 'application/json',
): ResponseModel => ({
  status,
  contentType,
  kind: contentType.includes('json') ? 'json' : 'text',
  ...(schema === undefined ? {} : { schema }),
});

function printed(operations: OperationModel[]): string {
  const file = emitErrorBodyFile({ operations });
  return (printSourceFiles([file])[0] ?? '').replace(/\s+/g, ' ').replace(/"/g, "'");
}

describe('ErrorBody', () => {
  it('is the union of every error response schema, each once, in spec order', () => {
    const text = printed([
      operation('one', [
        json('200', ref('Thing')),
        json('404', ref('Error')),
        json('4XX', ref('Problem'), 'application/problem+json'),
      ]),
      operation('two', [json('500', ref('Error')), json('default', obj([['code', str(), true]]))]),
    ]);
    expect(text).toContain("import type { Error, Problem } from '../types.js';");
    expect(text).toContain("import type { operations } from '../openapi.js';");
    expect(text).toContain(
      "export type ErrorBody = Error | Problem | operations['two']['responses']['default']['content']['application/json'];",
    );
    expect(text).not.toContain('Thing');
  });

  it('leaves out error bodies that are not JSON, and is unknown when nothing is left', () => {
    expect(
      printed([operation('one', [json('404', undefined, 'text/html'), { status: '500' }])]),
    ).toContain('export type ErrorBody = unknown;');
  });
});
