/**
 * The required parameters whose schema admits null (model/parameter-null.ts), typed without null
 * in src/openapi.ts as in the SDK's methods: no query, path, header or cookie carries null, and
 * openapi-typescript typed `mode: 'a' | null`. Each such schema is marked in the private copy of
 * the document ({@link markNullLeftOut}), wrapped once every other rewrite is done
 * ({@link wrapNullLeftOut}: openapi-typescript calls the `transform` hook only for a schema with a
 * `type`), and typed `NonNullable<…>` by the hook ({@link withoutNullType}).
 */
import {
  transformSchemaObject,
  type SchemaObject,
  type TransformNodeOptions,
} from 'openapi-typescript';
import ts from 'typescript';
import { isRecord } from '../json.ts';
import type { OperationModel } from '../model/types.ts';
import { getByPointer } from '../pointer.ts';

/** On a parameter's schema whose null the types leave out. */
const NULL_LEFT_OUT = Symbol('null left out');
/** On the wrapper, holding that schema. */
const WITHOUT_NULL = Symbol('without null');

/** Marks, in the private copy `bundled`, the schemas of the model's parameters {@link NULL_LEFT_OUT}. */
export function markNullLeftOut<T>(bundled: T, operations: readonly OperationModel[]): T {
  for (const operation of operations)
    for (const parameter of operation.parameters) {
      if (parameter.nullLeftOutAt === undefined) continue;
      const schema = getByPointer(bundled, parameter.nullLeftOutAt);
      if (isRecord(schema)) (schema as Record<PropertyKey, unknown>)[NULL_LEFT_OUT] = true;
    }
  return bundled;
}

/**
 * Every marked schema of `document` (a private copy) in place of a `schema` member: a wrapper with
 * a `type` that holds it, which {@link withoutNullType} types.
 */
export function wrapNullLeftOut<T>(document: T): T {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(record)) {
      if (key === 'schema' && isRecord(item) && NULL_LEFT_OUT in item)
        record[key] = { type: 'object', [WITHOUT_NULL]: item };
      else visit(item);
    }
  };
  visit(document);
  return document;
}

/** The `transform` hook: a wrapped schema's type as `NonNullable<…>`. */
export function withoutNullType(
  schema: SchemaObject | boolean,
  options: TransformNodeOptions,
): ts.TypeNode | undefined {
  if (typeof schema !== 'object' || schema === null || !(WITHOUT_NULL in schema)) return undefined;
  const inner = (schema as Record<PropertyKey, unknown>)[WITHOUT_NULL] as SchemaObject;
  return ts.factory.createTypeReferenceNode('NonNullable', [transformSchemaObject(inner, options)]);
}
