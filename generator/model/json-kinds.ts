/**
 * The JSON types a schema node admits (constraints aside), read two ways:
 * - `'guards'`, as JSON Schema reads it (the guards, a union's routing, the dates' revivers): a
 *   loose node (keywords of one type, no `type`: `{ minLength: 1 }`) admits every value;
 * - `'types'`, as the TypeScript types read it: a loose node admits its keywords' type, and an
 *   `allOf` only its members that shape its type (loose-schemas.ts typeShapingMembers).
 * A reference is followed through the named schemas (a cycle admits every type).
 */
import { JSON_TYPES } from '../json.ts';
import { typeShapingMembers, type SchemaLookup } from './loose-schemas.ts';
import type { JsonType, JsonValue, SchemaNode } from './schema-types.ts';

export type Reading = 'guards' | 'types';

export function jsonKinds(
  node: SchemaNode,
  schemas: SchemaLookup,
  reading: Reading,
  seen: ReadonlySet<string> = new Set(),
): Set<JsonType> {
  const kinds = ownKinds(node, schemas, reading, seen);
  if (node.nullable) kinds.add('null');
  return kinds;
}

function ownKinds(
  node: SchemaNode,
  schemas: SchemaLookup,
  reading: Reading,
  seen: ReadonlySet<string>,
): Set<JsonType> {
  switch (node.kind) {
    case 'any':
    case 'not':
      return new Set(JSON_TYPES);
    case 'never':
      return new Set();
    case 'ref': {
      const target = schemas(node.target);
      if (target === undefined || seen.has(node.target)) return new Set(JSON_TYPES);
      return jsonKinds(target, schemas, reading, new Set([...seen, node.target]));
    }
    case 'enum':
      return new Set(node.values.map(kindOfValue));
    case 'null':
    case 'boolean':
      return new Set([node.kind]);
    case 'string':
    case 'array':
    case 'object':
      return node.loose && reading === 'guards' ? new Set(JSON_TYPES) : new Set([node.kind]);
    case 'number':
      if (node.loose && reading === 'guards') return new Set(JSON_TYPES);
      return new Set<JsonType>(node.integer ? ['integer'] : ['integer', 'number']);
    case 'union': {
      const kinds = new Set<JsonType>();
      for (const variant of node.variants)
        for (const kind of jsonKinds(variant, schemas, reading, seen)) kinds.add(kind);
      return kinds;
    }
    case 'allOf': {
      const members =
        reading === 'types' ? typeShapingMembers(node.members, schemas) : node.members;
      let kinds = new Set<JsonType>(JSON_TYPES);
      for (const member of members) {
        const own = jsonKinds(member, schemas, reading, seen);
        kinds = new Set([...kinds].filter((kind) => own.has(kind)));
      }
      return kinds;
    }
  }
}

/** The JSON type of a value (`integer` for a whole number). */
export function kindOfValue(value: JsonValue): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    default:
      return 'object';
  }
}
