/** The direct subschemas of a schema node, for walks over the model (guards, pattern analysis). */
import type { SchemaNode } from './schema-types.ts';

/** The node's subschemas in the model's order; a new array (callers may reorder it). */
export function children(node: SchemaNode): SchemaNode[] {
  switch (node.kind) {
    case 'array':
      return [...node.prefixItems, ...(node.items ? [node.items] : [])];
    case 'object':
      return [
        ...node.properties.map((p) => p.node),
        ...(node.additionalProperties ? [node.additionalProperties] : []),
        ...node.patternProperties.map((p) => p.node),
        ...(node.propertyNames ? [node.propertyNames] : []),
      ];
    case 'union':
      return [...node.variants];
    case 'allOf':
      return [...node.members];
    case 'not':
      return [node.node];
    default:
      return [];
  }
}
