/**
 * A `transform` hook for openapi-typescript (src/openapi.ts): an `enum` or `const` that lists no
 * null beside `nullable: true` (3.0) or a `type` that allows null. JSON Schema's `enum` and OpenAPI
 * 3.0.3's `nullable` ("other Schema Object constraints retain their defined behavior, and
 * therefore may disallow the use of null") refuse null there, and so do src/types.ts, the guards
 * and ajv (model/build-schema.ts warns); openapi-typescript 7 adds `| null` to such an enum.
 */
import {
  transformSchemaObject,
  type SchemaObject,
  type TransformNodeOptions,
} from 'openapi-typescript';
import type ts from 'typescript';

/** The schema's type without null, or undefined when the schema is not such an enum. */
export function enumWithoutNull(
  schema: SchemaObject | boolean,
  options: TransformNodeOptions,
): ts.TypeNode | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const values = 'const' in schema ? [schema.const] : 'enum' in schema ? schema.enum : undefined;
  if (!Array.isArray(values) || values.includes(null)) return undefined;
  const type: unknown = 'type' in schema ? schema.type : undefined;
  const nullable = 'nullable' in schema && schema.nullable === true;
  if (!nullable && !(Array.isArray(type) && type.includes('null'))) return undefined;
  const { nullable: _nullable, ...rest } = schema;
  return transformSchemaObject(
    Array.isArray(type) ? { ...rest, type: type.filter((t) => t !== 'null') } : rest,
    options,
  );
}
