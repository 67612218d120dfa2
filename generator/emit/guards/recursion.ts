/**
 * Which named schemas are recursive: their guards can call themselves again, through `$ref`s
 * anywhere in their tree (and in the schemas those refer to). Only those guards count their
 * nesting and watch for cyclic values (templates/guards/runtime.ts `enter`/`leave`): every loop of
 * guard calls goes through the guard of a named schema, since an inline subtree can only come
 * back to itself through a `$ref`.
 */
import type { SchemaNode } from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';
import { children } from '../../model/schema-children.ts';

export function recursiveSchemas(schemas: readonly NamedSchema[]): Set<string> {
  const edges = new Map(schemas.map((s) => [s.name, refTargets(s.node)]));
  const recursive = new Set<string>();
  for (const schema of schemas) {
    // Depth-first from the schema's own references: does any path lead back to it?
    const seen = new Set<string>();
    const stack = [...(edges.get(schema.name) ?? [])];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (next === schema.name) {
        recursive.add(schema.name);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
  }
  return recursive;
}

function refTargets(root: SchemaNode): Set<string> {
  const targets = new Set<string>();
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind === 'ref') targets.add(node.target);
    stack.push(...children(node));
  }
  return targets;
}
