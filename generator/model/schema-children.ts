/** The direct subschemas of a schema node, for walks over the model (guards, pattern analysis). */
import type { EvaluatedItems, EvaluatedKeys, RegexModel, SchemaNode } from './schema-types.ts';
import { pushAll } from '../json.ts';

/** The node's subschemas in the model's order; a new array (callers may reorder it). */
export function children(node: SchemaNode): SchemaNode[] {
  switch (node.kind) {
    case 'array':
      return [
        ...node.prefixItems,
        ...(node.items ? [node.items] : []),
        ...(node.unevaluatedItems ? [node.unevaluatedItems] : []),
        ...evaluatedTests(node.evaluatedItems),
      ];
    case 'object':
      return [
        ...node.properties.map((p) => p.node),
        ...(node.additionalProperties ? [node.additionalProperties] : []),
        ...(node.unevaluatedProperties ? [node.unevaluatedProperties] : []),
        ...node.patternProperties.map((p) => p.node),
        ...(node.propertyNames ? [node.propertyNames] : []),
        ...evaluatedTests(node.evaluated),
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

/** Every node an `EvaluatedWhen` of `evaluated` tests, for walks over the model. */
export function evaluatedTests(
  evaluated: EvaluatedKeys | EvaluatedItems | undefined,
): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const { when, evaluated: inner } of evaluated?.conditional ?? []) {
    if ('passes' in when) out.push(when.passes);
    else if ('fails' in when) out.push(when.fails);
    if (inner !== 'all') pushAll(out, evaluatedTests(inner));
  }
  return out;
}

/**
 * Every name and pattern `evaluated` may count, whatever applies: an over-approximation for
 * readers that do not test the conditions (samples, date revivers).
 */
export function everyEvaluatedKey(evaluated: EvaluatedKeys): {
  names: string[];
  patterns: RegexModel[];
} {
  const names = new Set(evaluated.names);
  const patterns = new Map(evaluated.patterns.map((p) => [p.source, p]));
  for (const { evaluated: inner } of evaluated.conditional ?? []) {
    if (inner === 'all') continue;
    const more = everyEvaluatedKey(inner);
    for (const name of more.names) names.add(name);
    for (const pattern of more.patterns) patterns.set(pattern.source, pattern);
  }
  return { names: [...names], patterns: [...patterns.values()] };
}
