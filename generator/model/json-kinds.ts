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
): Set<JsonType> {
  return kindsOf(node, { schemas, reading, stack: new Set(), memo: new Map(), cuts: 0 });
}

/**
 * One reading's walk: the named schemas it is inside (`stack`, a cycle admits every type), and the
 * kinds of each named schema read without meeting a cycle (`memo`): schemas that share targets
 * (`S1: oneOf: [S2, S3]`, `S2: oneOf: [S3, S4]`, …) were read once per path to them, a number
 * that doubles with every level (helper-141 F2: 32 levels did not finish in a minute). `cuts`
 * counts the cycles met, so that a result that depends on where the walk came from is not kept.
 */
interface Walk {
  schemas: SchemaLookup;
  reading: Reading;
  stack: Set<string>;
  memo: Map<string, Set<JsonType>>;
  cuts: number;
}

/**
 * The kinds of the composite nodes read without meeting a cycle, by reading, kept across walks:
 * an `allOf`'s members are sorted by {@link typeShapingMembers}, which starts walks of its own,
 * so a walk's own memo did not reach them and shared members were read once per path again
 * (helper-143 F4: 16 schemas of `allOf` and `additionalProperties: false` took 38 s). A node
 * belongs to one model, whose lookup every walk over it uses.
 */
const known = new WeakMap<SchemaNode, Partial<Record<Reading, ReadonlySet<JsonType>>>>();

function kindsOf(node: SchemaNode, walk: Walk): Set<JsonType> {
  const composite = node.kind === 'allOf' || node.kind === 'union' || node.kind === 'ref';
  const kept = composite ? known.get(node)?.[walk.reading] : undefined;
  if (kept !== undefined) return new Set(kept);
  const cuts = walk.cuts;
  const kinds = ownKinds(node, walk);
  if (node.nullable) kinds.add('null');
  if (composite && walk.cuts === cuts) {
    const byReading = known.get(node) ?? {};
    byReading[walk.reading] = new Set(kinds);
    known.set(node, byReading);
  }
  return kinds;
}

function ownKinds(node: SchemaNode, walk: Walk): Set<JsonType> {
  switch (node.kind) {
    case 'any':
    case 'not':
      return new Set(JSON_TYPES);
    case 'never':
      return new Set();
    case 'ref': {
      const target = walk.schemas(node.target);
      if (target === undefined) return new Set(JSON_TYPES);
      if (walk.stack.has(node.target)) {
        walk.cuts++;
        return new Set(JSON_TYPES);
      }
      const known = walk.memo.get(node.target);
      if (known !== undefined) return new Set(known);
      const cuts = walk.cuts;
      walk.stack.add(node.target);
      const kinds = kindsOf(target, walk);
      walk.stack.delete(node.target);
      if (walk.cuts === cuts) walk.memo.set(node.target, new Set(kinds));
      return kinds;
    }
    case 'enum':
      return new Set(node.values.map(kindOfValue));
    case 'null':
    case 'boolean':
      return new Set([node.kind]);
    case 'string':
    case 'array':
    case 'object':
      return node.loose && walk.reading === 'guards' ? new Set(JSON_TYPES) : new Set([node.kind]);
    case 'number':
      if (node.loose && walk.reading === 'guards') return new Set(JSON_TYPES);
      return new Set<JsonType>(node.integer ? ['integer'] : ['integer', 'number']);
    case 'union': {
      const kinds = new Set<JsonType>();
      for (const variant of node.variants)
        for (const kind of kindsOf(variant, walk)) kinds.add(kind);
      return kinds;
    }
    case 'allOf': {
      const members =
        walk.reading === 'types' ? typeShapingMembers(node.members, walk.schemas) : node.members;
      let kinds = new Set<JsonType>(JSON_TYPES);
      for (const member of members) {
        const own = kindsOf(member, walk);
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
