/**
 * The guards' reading of readOnly/writeOnly: they check values as they arrive in responses.
 * A readOnly property is checked like any other (servers send it); a writeOnly property is never
 * required (servers do not send it: OpenAPI says `required` then applies to requests only) but is
 * checked when present.
 */
import type { PropertyNode, SchemaNode, UnionNode } from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';

function isWriteOnly(prop: PropertyNode, schemas: ReadonlyMap<string, NamedSchema>): boolean {
  if (prop.node.writeOnly) return true;
  return prop.node.kind === 'ref' && schemas.get(prop.node.target)?.node.writeOnly === true;
}

export function isRequiredInResponse(
  prop: PropertyNode,
  schemas: ReadonlyMap<string, NamedSchema>,
): boolean {
  return prop.required && !isWriteOnly(prop, schemas);
}

/**
 * Whether a oneOf is checked as anyOf (at least one variant): when some variant requires a
 * writeOnly property, which responses leave out, that variant no longer tells itself apart from
 * the others there, and a value the API sends would match two (helper-133 1: `oneOf: [Ro,
 * { required: [w] }]` with `w` writeOnly refused every `Ro`). JSON Schema's own reading, where
 * `w` stays required, accepts it.
 */
export function matchesAnyInResponses(
  node: UnionNode,
  schemas: ReadonlyMap<string, NamedSchema>,
): boolean {
  return (
    node.mode === 'anyOf' ||
    node.variants.length === 1 ||
    node.variants.some((variant) => waivesRequired(variant, schemas, new Set()))
  );
}

/** Whether `node` (through `$ref`s, allOf members and union variants) requires a writeOnly property. */
function waivesRequired(
  node: SchemaNode,
  schemas: ReadonlyMap<string, NamedSchema>,
  seen: Set<string>,
): boolean {
  switch (node.kind) {
    case 'object':
      return node.properties.some((prop) => prop.required && isWriteOnly(prop, schemas));
    case 'allOf':
      return node.members.some((member) => waivesRequired(member, schemas, seen));
    // A variant that is itself a union (helper-137 2): one of its variants may be the one.
    case 'union':
      return node.variants.some((variant) => waivesRequired(variant, schemas, seen));
    case 'ref': {
      if (seen.has(node.target)) return false;
      seen.add(node.target);
      const target = schemas.get(node.target);
      return target !== undefined && waivesRequired(target.node, schemas, seen);
    }
    default:
      return false;
  }
}
