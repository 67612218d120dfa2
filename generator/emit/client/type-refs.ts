/**
 * Type expressions over openapi-typescript's output (`src/openapi.ts`), so the client's params and
 * response types are exactly the generated ones: `operations['listPlans']['parameters']['query']`.
 */
import { stringLiteral } from '../../model/names.ts';
import type { OperationModel, ParameterModel } from '../../model/types.ts';

/**
 * The operation's type: `operations['<operationId>']`, under the local name `operations` has in
 * the file. Every operation has an entry: where the spec gives no `operationId`, the pipeline
 * hands openapi-typescript the model's derived one (emit/openapi-types.ts, `withOperationIds`).
 */
export function operationRef(operation: OperationModel, operations: string): string {
  return `${operations}[${stringLiteral(operation.operationId)}]`;
}

/** `plan: string` reads better than the indexed type; anything beyond a plain string or number uses it. */
export function parameterType(parameter: ParameterModel, opRef: string): string {
  const { schema } = parameter;
  if (!schema.nullable && schema.kind === 'string') return 'string';
  if (!schema.nullable && schema.kind === 'number') return 'number';
  return `${opRef}['parameters'][${stringLiteral(parameter.in)}][${stringLiteral(parameter.name)}]`;
}

/** The query (or header) parameters object, without the keys the client fills or takes elsewhere. */
export function parameterGroupType(
  opRef: string,
  location: 'query' | 'header',
  omit: readonly string[],
): string {
  const group = `NonNullable<${opRef}['parameters'][${stringLiteral(location)}]>`;
  return omit.length === 0 ? group : `Omit<${group}, ${omit.map(stringLiteral).join(' | ')}>`;
}

/** The request body of the operation's chosen media type. */
export function bodyType(operation: OperationModel, opRef: string): string {
  const contentType = operation.body?.contentType ?? 'application/json';
  return `NonNullable<${opRef}['requestBody']>['content'][${stringLiteral(contentType)}]`;
}

/**
 * What the method resolves to: the success response's content, `void` when it has none (204),
 * `unknown` when the operation declares no 2xx response.
 */
export function responseType(operation: OperationModel, opRef: string): string {
  const success = operation.successResponse;
  if (success === undefined) return 'unknown';
  if (success.contentType === undefined) return 'void';
  const status = /^[0-9]+$/.test(success.status) ? success.status : stringLiteral(success.status);
  return `${opRef}['responses'][${status}]['content'][${stringLiteral(success.contentType)}]`;
}
