/**
 * The success responses of an operation that the client reads or types apart from its main one
 * (`successResponse`), and which of their bodies a guard of the operation's own checks. One home
 * for both: the resource methods' readers (emit/client/media.ts), the guards (emit/guards/
 * response-bodies.ts) and the response-guards table follow the same answer.
 */
import { isJsonMediaType } from './media-types.ts';
import type { OperationModel, ResponseModel } from './types.ts';

/**
 * The other responses a 2xx answer may select that are read or typed differently from the main
 * one (another kind, or another schema; `default` only when its kind differs): each gets its own
 * reader in the request's `responses` table, and its JSON body its own guard. Where `2XX` is one
 * of them, so is every exact 2xx code: left out, a `204` like the main `200` would select the
 * range's reader instead of its own (OpenAPI 3.1.1 §4.8.16: the exact code first).
 */
export function distinctSuccesses(operation: OperationModel): ResponseModel[] {
  const success = operation.successResponse;
  if (success === undefined) return [];
  const same = (response: ResponseModel): boolean =>
    response.kind === success.kind &&
    (response.status === 'default' ||
      JSON.stringify(response.schema) === JSON.stringify(success.schema));
  const others = operation.otherSuccesses ?? [];
  const range = others.some((response) => response.status === '2XX' && !same(response));
  return others.filter((response) => (range && /^2\d\d$/.test(response.status)) || !same(response));
}

/**
 * Whether a success response's body is checked by a guard at all: it is JSON (or `*`/`*`, checked
 * when it arrives as JSON) and has a schema.
 */
export function hasCheckedBody(
  response: ResponseModel | undefined,
): response is ResponseModel & { schema: NonNullable<ResponseModel['schema']> } {
  if (response?.schema === undefined || response.contentType === undefined) return false;
  return isJsonMediaType(response.contentType) || response.kind === 'any';
}

/**
 * Whether that guard is one of the operation's own: the body is not exactly a `$ref` to a named
 * schema (whose guard checks it): `Plan[]`, `Plan | null`, an object written inline, a map, a union.
 */
export function checksOwnBody(response: ResponseModel | undefined): boolean {
  return hasCheckedBody(response) && (response.schema.kind !== 'ref' || response.schema.nullable);
}
