/**
 * The smallest value a schema allows, for the testing kit's default answer of an operation whose
 * spec has no example, and for the README's error example: schema-sample.ts in its `smallest`
 * style, on the response side (null where allowed, required properties only, `minItems` items,
 * `minLength` characters, the lower bound of a number, the first variant of a union that can be
 * built, with its discriminator value set). A `pattern` without an example gets the first of a
 * few short candidates it accepts, else `"string"`: a best effort, documented in the README.
 */
import type { JsonValue } from '../../model/schema-types.ts';
import type { NamedSchema, SchemaNode } from '../../model/types.ts';
import { sampleValue } from '../schema-sample.ts';

export function minimalValue(node: SchemaNode, schemas: readonly NamedSchema[]): JsonValue {
  return sampleValue(node, schemas, { direction: 'response', style: 'smallest' });
}
