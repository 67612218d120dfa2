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

/**
 * The smallest text a text body's schema (the model's `textSchema`) allows: `''` for a string the
 * schema says nothing more about (also an empty CSV, XML or JSON lines body, which "string" is not),
 * else {@link minimalValue}'s (an enum's first value, `minLength` characters, a pattern's candidate).
 */
export function minimalText(node: SchemaNode, schemas: readonly NamedSchema[]): JsonValue {
  const plain =
    node.kind === 'string' &&
    node.minLength === undefined &&
    node.pattern === undefined &&
    node.format === undefined;
  return plain ? '' : minimalValue(node, schemas);
}
