/**
 * Which named schemas are recursive: their guards can call themselves again, through `$ref`s
 * anywhere in their tree (and in the schemas those refer to). Only those guards count their
 * nesting and watch for cyclic values (templates/guards/runtime.ts `enter`/`leave`): every loop of
 * guard calls goes through the guard of a named schema, since an inline subtree can only come
 * back to itself through a `$ref`.
 */
import type { SchemaNode } from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';
import { children, evaluatedTests } from '../../model/schema-children.ts';
import { pushAll } from '../../json.ts';

function recursiveSchemas(schemas: readonly NamedSchema[]): Set<string> {
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
      pushAll(stack, edges.get(next) ?? []);
    }
  }
  return recursive;
}

function refTargets(root: SchemaNode): Set<string> {
  const targets = new Set<string>();
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind === 'ref') targets.add(node.target);
    pushAll(stack, children(node));
  }
  return targets;
}

/**
 * How the guard of a named schema remembers what it decided (templates/guards/runtime.ts
 * `guardCalls`): `recursive` counts its nesting and watches for cycles; `primitives` remembers
 * verdicts on strings, numbers, booleans and null too (by value), not only on objects.
 */
export interface GuardMemo {
  recursive: boolean;
  primitives: boolean;
}

/**
 * How many schema nodes checking a primitive may take (the schema's own nodes that apply to the
 * value itself, and those of the schemas they name, expanded) before its guard remembers its
 * verdicts on primitives: below it, checking again is as cheap as looking up.
 */
const PRIMITIVE_COST = 16;

/**
 * The named schemas whose guards remember, per outermost call, what they decided for a value, and
 * how. The rule that keeps every guard linear in the size of the value: a guard that can be called
 * twice on one value (a recursive schema, or one named at two or more places of the spec: two
 * branches of a oneOf, an `if` and its `then`, two links of a chain) decides it once; every other
 * guard is called at most once per value, by a caller that is. Objects are remembered by identity;
 * primitives only when checking one could be long (more than {@link PRIMITIVE_COST} nodes, or a
 * cycle of schemas that refer to each other without consuming the value), by value.
 */
export function guardMemos(schemas: readonly NamedSchema[]): Map<string, GuardMemo> {
  const recursive = recursiveSchemas(schemas);
  const sites = new Map<string, number>();
  for (const schema of schemas) {
    for (const target of refSites(schema.node)) sites.set(target, (sites.get(target) ?? 0) + 1);
  }
  const nodes = new Map(schemas.map((s) => [s.name, s.node]));
  const memoized = (name: string) => recursive.has(name) || (sites.get(name) ?? 0) > 1;
  // What checking a primitive costs, in nodes, with the primitives a guard remembers counted once.
  const cost = new Map<string, number>();
  const costOf = (name: string): number => {
    const known = cost.get(name);
    if (known !== undefined) return known;
    cost.set(name, Infinity); // met again while being counted: a cycle that consumes nothing
    const node = nodes.get(name);
    const total = node ? valueCost(node, (target) => rememberedOrCost(target)) : 1;
    cost.set(name, total);
    return total;
  };
  const rememberedOrCost = (name: string): number => {
    const own = costOf(name);
    return memoized(name) && own > PRIMITIVE_COST ? 1 : own;
  };
  const memos = new Map<string, GuardMemo>();
  for (const schema of schemas) {
    if (!memoized(schema.name)) continue;
    memos.set(schema.name, {
      recursive: recursive.has(schema.name),
      primitives: costOf(schema.name) > PRIMITIVE_COST,
    });
  }
  return memos;
}

/**
 * Every place a node's tree may call the guard of a named schema on a value that another place
 * calls it on too, once per place (a subtree the model shares counts at each place it is in):
 * `$ref`s below an applicator that can run two subschemas on one value (`anyOf`, `oneOf`, `allOf`,
 * `not`, the tests of `if`, a property that `patternProperties` may also match), the schema's own
 * root when it is a `$ref`, and the discriminator's targets that are not variants already (their
 * call and the variant's never both run). A `$ref` reached from the root through properties and
 * items alone is called once per value the root's guard checks, as the root's own guard is: it
 * does not count, so `Plan`, the type of a property here and a list's items there, keeps a plain
 * guard.
 */
function refSites(root: SchemaNode): string[] {
  const counted = new Map<SchemaNode, string[]>();
  const countedShared = new Map<SchemaNode, string[]>();
  const visit = (node: SchemaNode, shared: boolean): string[] => {
    const cache = shared ? countedShared : counted;
    const known = cache.get(node);
    if (known) return known;
    const here: string[] = [];
    if (node.kind === 'ref' && (shared || node === root)) here.push(node.target);
    if (node.kind === 'union' && node.discriminator) {
      const variants = new Set(node.variants.flatMap((v) => (v.kind === 'ref' ? [v.target] : [])));
      for (const { target } of node.discriminator.mapping)
        if (!variants.has(target)) here.push(target);
    }
    for (const [child, childShared] of childrenWithSharing(node, shared))
      for (const target of visit(child, childShared)) here.push(target);
    // Two places are all the rule needs to know: cap each target at two, so a shared subtree
    // met again and again stays cheap to count.
    const capped = capTwo(here);
    cache.set(node, capped);
    return capped;
  };
  return visit(root, false);
}

/** A node's children, each with whether another subschema may check the same value it checks. */
function childrenWithSharing(node: SchemaNode, shared: boolean): [SchemaNode, boolean][] {
  switch (node.kind) {
    case 'union':
    case 'allOf':
    case 'not':
      return children(node).map((child) => [child, true]);
    case 'object': {
      const tests = new Set(evaluatedTests(node.evaluated));
      const patterns = new Set(node.patternProperties.map((p) => p.node));
      const overlap = shared || patterns.size > 0;
      return children(node).map((child) => [
        child,
        tests.has(child) || patterns.has(child)
          ? true
          : node.properties.some((p) => p.node === child)
            ? overlap
            : shared,
      ]);
    }
    case 'array': {
      const tests = new Set(evaluatedTests(node.evaluatedItems));
      return children(node).map((child) => [child, shared || tests.has(child)]);
    }
    default:
      return children(node).map((child) => [child, shared]);
  }
}

function capTwo(targets: string[]): string[] {
  const seen = new Map<string, number>();
  return targets.filter((t) => {
    const n = (seen.get(t) ?? 0) + 1;
    seen.set(t, n);
    return n <= 2;
  });
}

/**
 * The nodes checking a primitive visits in `node`: those that apply to the value itself (unions,
 * allOf, not, and `$ref`s, priced by `ref`); an object's or array's subschemas apply to its parts.
 */
function valueCost(node: SchemaNode, ref: (target: string) => number): number {
  switch (node.kind) {
    case 'ref':
      return Math.min(1 + ref(node.target), PRIMITIVE_COST + 1);
    case 'union':
    case 'allOf':
    case 'not': {
      // Past the limit the exact count does not matter: stop there (shared subtrees stay cheap).
      let sum = 1;
      for (const child of children(node)) {
        sum += valueCost(child, ref);
        if (sum > PRIMITIVE_COST) return PRIMITIVE_COST + 1;
      }
      return sum;
    }
    default:
      return 1;
  }
}
