/**
 * What the calling convention (operation-shape.ts) and the samples need to know about a request
 * body's schema: whether it is a JSON
 * object whose properties can sit beside the query parameters in one params object, and which of
 * its properties are required. `$ref`s are followed through the model's named schemas.
 */
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
 * known: unions, arrays, primitives, nullable objects and objects with typed
 * `additionalProperties`/`patternProperties` (their index signature would clash with the query
 * parameters in an intersection type) are not.
 */
export function objectShape(
  node: SchemaNode,
  schemas: readonly NamedSchema[],
): ObjectShape | undefined {
  const byName = new Map(schemas.map((schema) => [schema.name, schema.node]));
  const properties = new Map<string, PropertyShape>();
  return collect(node, byName, properties, new Set(), 0)
    ? { properties: [...properties.values()] }
    : undefined;
}

function collect(
  node: SchemaNode,
  byName: ReadonlyMap<string, SchemaNode>,
  into: Map<string, PropertyShape>,
  visiting: Set<string>,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH || node.nullable) return false;
  switch (node.kind) {
    case 'ref': {
      const target = byName.get(node.target);
      if (target === undefined || visiting.has(node.target)) return false;
      visiting.add(node.target);
      const ok = collect(target, byName, into, visiting, depth + 1);
      visiting.delete(node.target);
      return ok;
    }
    case 'allOf': {
      // As the types read it: a loose member beside an object constrains nothing (loose-schemas.ts).
      const members = typeShapingMembers(node.members, (name) => byName.get(name));
      return (
        members.length > 0 &&
        members.every((member) => collect(member, byName, into, visiting, depth + 1))
      );
    }
    case 'object': {
      if (node.patternProperties.length > 0) return false;
      const extra = node.additionalProperties;
      if (extra !== undefined && extra.kind !== 'any' && extra.kind !== 'never') return false;
      for (const property of node.properties) {
        merge(into, { name: property.name, required: property.required });
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
