/**
 * The schema of a text body (kind `text`: `text/*`, XML, YAML, JSON lines) as the SDK sends and
 * reads it: a string, never parsed. Where the spec's schema describes a string (an `enum` or
 * `const` of strings, `minLength`, `pattern`, a `$ref` to such a schema) it is kept, so the type
 * is `'ready' | 'busy'` and the testing kit's default answer fits it; where it describes the parsed
 * document (an XML object, one line of JSON lines) or anything else, the text is a plain string.
 * Text is never `null`: a nullable string schema loses its null.
 */
import type { StringNode } from './schema-types.ts';
import type { NamedSchema, SchemaNode } from './types.ts';

const MAX_DEPTH = 32;

export function textSchema(node: SchemaNode, schemas: readonly NamedSchema[]): SchemaNode {
  const byName = new Map(schemas.map((schema) => [schema.name, schema.node]));
  return stringSchema(node, byName, 0) ?? plainString(node.pointer);
}

/** `node` as a schema of strings, or undefined when it is not one. */
function stringSchema(
  node: SchemaNode,
  byName: ReadonlyMap<string, SchemaNode>,
  depth: number,
): SchemaNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.kind) {
    case 'string':
      return node.nullable || node.loose ? { ...node, nullable: false, loose: false } : node;
    case 'enum': {
      const values = node.values.filter((value) => typeof value === 'string');
      if (values.length === 0) return undefined;
      return values.length === node.values.length && !node.nullable
        ? node
        : { ...node, values, nullable: false };
    }
    case 'ref': {
      const target = byName.get(node.target);
      if (target === undefined) return undefined;
      const resolved = stringSchema(target, byName, depth + 1);
      if (resolved === undefined) return undefined;
      // The named type when it is exactly a string type; else its string part written out.
      return resolved === target && !node.nullable ? node : resolved;
    }
    default:
      return undefined;
  }
}

function plainString(pointer: string): StringNode {
  return {
    kind: 'string',
    pointer,
    nullable: false,
    deprecated: false,
    readOnly: false,
    writeOnly: false,
    loose: false,
  };
}
