/**
 * What the calling convention (operation-shape.ts) and the samples need to know about a request
 * body's schema: whether it is a JSON
 * object whose properties can sit beside the query parameters in one params object, and which of
 * its properties are required. `$ref`s are followed through the model's named schemas.
 */
import { canonicalJson } from '../json.ts';
import { typeShapingMembers } from './loose-schemas.ts';
import type { NamedSchema, SchemaNode } from './types.ts';

export interface ObjectShape {
  /** Every declared property, `allOf` members merged. */
  properties: PropertyShape[];
}

export interface PropertyShape {
  name: string;
  /** Listed in `required`. */
  required: boolean;
}

const MAX_DEPTH = 32;

/**
 * The object shape of `node`, or undefined when it is not a plain JSON object whose keys are all
 * known: unions, arrays, primitives, nullable objects, objects with typed
 * `additionalProperties`/`patternProperties` (their index signature would clash with the query
 * parameters in an intersection type) and objects that allow no property at all are not.
 */
export function objectShape(
  node: SchemaNode,
  schemas: readonly NamedSchema[],
): ObjectShape | undefined {
  const byName = new Map(schemas.map((schema) => [schema.name, schema.node]));
  const properties = new Map<string, PropertyShape>();
  const declared = new Map<string, SchemaNode[]>();
  if (!collect(node, byName, properties, declared, new Set(), 0)) return undefined;
  // No interface may extend a type TypeScript reads as `never` (hasNeverProperty).
  if (hasNeverProperty(properties, declared, byName, 0)) return undefined;
  return { properties: [...properties.values()] };
}

/**
 * Whether the object `node` is (its `allOf` parts merged) requires a property no value can fill
 * (allof-types.ts warns): TypeScript types the object `never`, or the property `never`, so no
 * value can be passed.
 */
export function isNeverObject(node: SchemaNode, schemas: readonly NamedSchema[]): boolean {
  const byName = new Map(schemas.map((schema) => [schema.name, schema.node]));
  return neverObject(node, byName, 0);
}

function neverObject(node: SchemaNode, byName: ReadonlyMap<string, SchemaNode>, depth: number) {
  const properties = new Map<string, PropertyShape>();
  const declared = new Map<string, SchemaNode[]>();
  if (!collect(node, byName, properties, declared, new Set(), 0)) return false;
  return hasNeverProperty(properties, declared, byName, depth);
}

/**
 * A required property (`required` in any part) whose schemas in the parts leave it no value:
 * literal values with none in common (TypeScript reduces `{ kind: 'base' } & { kind?: 'child' }`
 * to `never`), or objects that merged require such a property themselves (`inner: { k: 'a' } &
 * { k?: 'b' }`, a few levels down). An optional one can be left out: the object stays callable.
 */
function hasNeverProperty(
  properties: ReadonlyMap<string, PropertyShape>,
  declared: ReadonlyMap<string, SchemaNode[]>,
  byName: ReadonlyMap<string, SchemaNode>,
  depth: number,
): boolean {
  for (const [name, nodes] of declared) {
    if (properties.get(name)?.required !== true) continue;
    if (disjointLiterals(nodes, byName)) return true;
    if (
      nodes.length > 1 &&
      depth < MAX_NEVER_DEPTH &&
      neverObject({ ...nodes[0]!, kind: 'allOf', members: [...nodes] }, byName, depth + 1)
    )
      return true;
  }
  return false;
}

/** How many levels of properties down a property no value fills is looked for. */
const MAX_NEVER_DEPTH = 4;

/**
 * The values a property's schema allows when they are all literals (an `enum`, `const`, `boolean`
 * or `null`), as JSON text; undefined for a schema that allows a whole type (or more).
 */
function literalsOf(
  node: SchemaNode,
  byName: ReadonlyMap<string, SchemaNode>,
  depth = 0,
): Set<string> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const values =
    node.kind === 'ref'
      ? byName.has(node.target)
        ? literalsOf(byName.get(node.target)!, byName, depth + 1)
        : undefined
      : node.kind === 'enum'
        ? new Set(node.values.map(canonicalJson))
        : node.kind === 'boolean'
          ? new Set(['true', 'false'])
          : node.kind === 'null'
            ? new Set(['null'])
            : undefined;
  return values !== undefined && node.nullable ? new Set([...values, 'null']) : values;
}

/** Whether literal values some parts give a property leave none every part allows (JSON types compared). */
function disjointLiterals(nodes: readonly SchemaNode[], byName: ReadonlyMap<string, SchemaNode>) {
  const sets = nodes.map((node) => literalsOf(node, byName));
  const literal = sets.filter((set): set is Set<string> => set !== undefined);
  if (literal.length === 0 || nodes.length < 2) return false;
  const common = literal.reduce((a, b) => new Set([...a].filter((value) => b.has(value))));
  // A part that allows a whole type (`type: string`) keeps the literals of that type.
  const accepts = (node: SchemaNode, value: string): boolean => {
    const parsed: unknown = JSON.parse(value);
    if (node.nullable && parsed === null) return true;
    if (node.kind === 'string') return typeof parsed === 'string';
    if (node.kind === 'number') return typeof parsed === 'number';
    return true;
  };
  const wide = nodes.filter((_, i) => sets[i] === undefined);
  return ![...common].some((value) => wide.every((node) => accepts(node, value)));
}

function collect(
  node: SchemaNode,
  byName: ReadonlyMap<string, SchemaNode>,
  into: Map<string, PropertyShape>,
  declared: Map<string, SchemaNode[]>,
  visiting: Set<string>,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH || node.nullable) return false;
  switch (node.kind) {
    case 'ref': {
      const target = byName.get(node.target);
      if (target === undefined || visiting.has(node.target)) return false;
      visiting.add(node.target);
      const ok = collect(target, byName, into, declared, visiting, depth + 1);
      visiting.delete(node.target);
      return ok;
    }
    case 'allOf': {
      // As the types read it: a loose member beside an object constrains nothing (loose-schemas.ts).
      const members = typeShapingMembers(node.members, (name) => byName.get(name));
      return (
        members.length > 0 &&
        members.every((member) => collect(member, byName, into, declared, visiting, depth + 1))
      );
    }
    case 'object': {
      if (node.patternProperties.length > 0) return false;
      const extra = node.additionalProperties;
      if (extra !== undefined && extra.kind !== 'any' && extra.kind !== 'never') return false;
      // One that allows no property at all is `Record<string, never>` (schema-types/print.ts):
      // its index signature refuses every parameter beside it in an interface that extends it.
      if (
        extra?.kind === 'never' &&
        node.properties.length === 0 &&
        node.requiredWithoutSchema.length === 0 &&
        (node.conditionalProperties ?? []).length === 0
      )
        return false;
      for (const property of node.properties) {
        merge(into, { name: property.name, required: property.required });
        declared.set(property.name, [...(declared.get(property.name) ?? []), property.node]);
      }
      for (const name of node.requiredWithoutSchema) merge(into, { name, required: true });
      return true;
    }
    default:
      return false;
  }
}

/** `allOf` members may each mention a property: required or defaulted in any of them counts. */
function merge(into: Map<string, PropertyShape>, property: PropertyShape): void {
  const known = into.get(property.name);
  into.set(
    property.name,
    known === undefined
      ? property
      : { name: property.name, required: known.required || property.required },
  );
}
