/**
 * What the operation builders need to turn an inline schema into a SchemaNode: the schema
 * builder (build-schema.ts) plus the names it gave the component schemas.
 */
import { buildSchemaNode } from './build-schema.ts';
import type { Warnings } from '../warnings.ts';
import type { NamedSchema, SchemaNode } from './types.ts';

export interface SchemaContext {
  /** The spec file that messages name. */
  file: string;
  version: '3.0' | '3.1';
  /** Component schema name (`components.schemas` key) → its TypeScript type name. */
  names: ReadonlyMap<string, string>;
  /** The named schemas, for what follows `$ref`s in the model (the body's object shape). */
  schemas: readonly NamedSchema[];
  /** The bundled document, for `$ref`s that point below a named schema. */
  doc: Record<string, unknown>;
  warnings: Warnings;
}

export function schemaContext(
  doc: Record<string, unknown>,
  file: string,
  version: '3.0' | '3.1',
  schemas: readonly NamedSchema[],
  warnings: Warnings,
  /** The schemas' names when `schemas` is not all of them (some were refused). */
  names: ReadonlyMap<string, string> = new Map(
    schemas.map((schema) => [schema.originalName, schema.name]),
  ),
): SchemaContext {
  return { file, version, doc, warnings, schemas, names };
}

/** The SchemaNode of an inline schema at `pointer` (a missing schema means: any value). */
export function schemaNode(schema: unknown, pointer: string, ctx: SchemaContext): SchemaNode {
  return buildSchemaNode(schema ?? {}, {
    file: ctx.file,
    version: ctx.version,
    pointer,
    names: ctx.names,
    doc: ctx.doc,
    warnings: ctx.warnings,
  });
}
