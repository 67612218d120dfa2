/**
 * `src/runtime/error-body.ts`: the type of an `APIError`'s body, as the spec declares it: the
 * union of the JSON schemas of every 4xx, 5xx and `default` response, a named schema by its name
 * (`Error`), an inline one through openapi-typescript's `operations`. The runtime's `APIError`
 * takes it as its default body type, so `error.body` is typed in every subclass
 * (`NotFoundError`, …) without the runtime knowing a field of it. `unknown` when the spec
 * declares no error body.
 *
 * The runtime ships a stand-in of this file for its own tests (templates/runtime/error-body.ts);
 * the copy leaves that one out (runtime-files.ts) and this one takes its place.
 */
import { StructureKind } from 'ts-morph';
import { stringLiteral } from '../../model/names.ts';
import type { ApiModel } from '../../model/types.ts';
import type { EmittedSourceFile } from '../types.ts';
import { ImportPlan } from './imports.ts';
import { operationRef } from './type-refs.ts';

const ERROR_BODY_PATH = 'src/runtime/error-body.ts';

/** Error statuses: `4xx`, `5xx`, their `4XX`/`5XX` ranges, and `default`. */
const ERROR_STATUS = /^([45]\d\d|[45]XX|default)$/i;

export function emitErrorBodyFile(
  model: Pick<ApiModel, 'operations'> & Partial<Pick<ApiModel, 'clientExports'>>,
): EmittedSourceFile {
  const imports = new ImportPlan(['ErrorBody']);
  const members: string[] = [];
  for (const operation of model.operations) {
    for (const response of operation.responses) {
      const { schema, contentType, kind } = response;
      if (!ERROR_STATUS.test(response.status) || schema === undefined || contentType === undefined)
        continue;
      if (kind !== 'json' && kind !== 'any') continue;
      const type =
        schema.kind === 'ref' && !schema.nullable
          ? imports.type('../types.js', schema.target)
          : `${operationRef(operation, imports.type('../openapi.js', 'operations'))}['responses'][${
              /^\d+$/.test(response.status) ? response.status : stringLiteral(response.status)
            }]['content'][${stringLiteral(contentType)}]`;
      if (!members.includes(type)) members.push(type);
    }
  }
  return {
    path: ERROR_BODY_PATH,
    statements: [
      ...imports.declarations(),
      {
        kind: StructureKind.TypeAlias,
        name: 'ErrorBody',
        isExported: true,
        docs: [
          `The body of an error response (4xx, 5xx, \`default\`) as the spec declares it: \`${model.clientExports?.runtime.find((entry) => entry.name === 'APIError')?.exportedAs ?? 'APIError'}#body\`. The server is trusted to send one of these; it is not checked.`,
        ],
        type: members.length === 0 ? 'unknown' : members.join(' | '),
      },
    ],
  };
}
