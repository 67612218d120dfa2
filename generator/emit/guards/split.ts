/**
 * Guards small enough for TypeScript. The guards are straight-line code, and TypeScript gives up
 * on a function whose control flow is too long: from a reference it walks back through at most
 * 2,000 flow nodes (a condition, the join after an `if`) and then reports TS2563, "The containing
 * function or module body is too large for control flow analysis"; its binder also recurses once
 * per operand of a `||` chain, so a chain of a thousand operands overflows its stack and tsc
 * crashes. A schema with a thousand properties, union variants, allOf members or patternProperties would do one or
 * the other.
 *
 * So how far that walk goes is estimated ahead, from the model ({@link checkWeight}: a step per
 * condition and per join, on the high side, the same for both modes), and a sequence that would
 * pass {@link FUNCTION_BUDGET} (an object’s properties or key patterns, an allOf’s members, a union’s variants) is
 * checked in parts: consecutive items, each part a private function of its own
 * (`isPlan_properties1`, `collectPlan_properties1`), filled in order up to the budget, so that
 * adding an item at the end changes only the last part. The budget is a quarter of TypeScript's
 * limit, and above any function of the real specs we test (GitHub's longest walks about 280
 * steps): their guards are not split.
 */
import type {
  AllOfNode,
  ObjectNode,
  PropertyNode,
  SchemaNode,
  UnionNode,
} from '../../model/schema-types.ts';
import { SMALL_ENUM } from './conditions.ts';
import { sharedByContent } from './shapes.ts';

/** The most steps (by {@link checkWeight}) the checks of a sequence may take in one function. */
export const FUNCTION_BUDGET = 500;

/**
 * What a part holds: consecutive properties of an object, members of an allOf, variants of a
 * union, or patterns of an object's patternProperties.
 */
export type PartKind = 'properties' | 'members' | 'variants' | 'patterns';

/** Items `from` (inclusive) to `to` (exclusive) of a sequence, the `index`th of `count` parts (from 1). */
export interface Part {
  kind: PartKind;
  from: number;
  to: number;
  index: number;
  count: number;
  /** How many items the whole sequence has. */
  of: number;
}

/**
 * The parts of a sequence whose items weigh `weights`: undefined when the whole fits `budget`
 * ({@link FUNCTION_BUDGET}; tests lower it to split everything), the common case, where nothing
 * changes; else consecutive runs, each filled up to the budget (an item heavier than the budget
 * is a part of its own).
 */
function splitParts(
  kind: PartKind,
  weights: readonly number[],
  budget: number,
): Part[] | undefined {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= budget) return undefined;
  const ranges: [number, number][] = [];
  let from = 0;
  let filled = 0;
  weights.forEach((weight, i) => {
    if (i > from && filled + weight > budget) {
      ranges.push([from, i]);
      from = i;
      filled = 0;
    }
    filled += weight;
  });
  ranges.push([from, weights.length]);
  return ranges.map(([start, end], i) => ({
    kind,
    from: start,
    to: end,
    index: i + 1,
    count: ranges.length,
    of: weights.length,
  }));
}

/**
 * The parts of an object's property checks: its properties, then the names `required` lists
 * without a schema (walk.ts `emitProperties`); undefined when they fit one function.
 */
export function propertyParts(node: ObjectNode, budget: number): Part[] | undefined {
  const weights = [
    ...node.properties.map(propertyWeight),
    ...node.requiredWithoutSchema.map(() => 1 + JOIN),
  ];
  return splitParts('properties', weights, budget);
}

/**
 * The parts of an object's patternProperties checks, in the loop over its keys (walk.ts
 * `emitKeyLoop`); undefined when they fit one function.
 */
export function patternParts(node: ObjectNode, budget: number): Part[] | undefined {
  return splitParts('patterns', node.patternProperties.map(patternWeight), budget);
}

/** The parts of an allOf's members; undefined when they fit one function. */
export function memberParts(node: AllOfNode, budget: number): Part[] | undefined {
  return splitParts('members', node.members.map(memberWeight), budget);
}

/** The parts of a union's variant tests; undefined when they fit one function. */
export function variantParts(node: UnionNode, budget: number): Part[] | undefined {
  return splitParts('variants', node.variants.map(variantWeight), budget);
}

/**
 * The join after an `if` that does not return: collect mode goes on after a failure, count mode
 * counts. TypeScript's walk takes it as a step of its own.
 */
const JOIN = 1;

/** One key pattern: its test, the flag it sets, its value's checks, the join after them. */
function patternWeight({ node }: { node: SchemaNode }): number {
  return 2 + checkWeight(node) + JOIN;
}

/** One property: its read and presence test, its value's checks, the join after them. */
function propertyWeight(prop: PropertyNode): number {
  return 1 + checkWeight(prop.node) + JOIN;
}

/**
 * One allOf member: a call for a `$ref` or a shape with a function of its own; else the alias an
 * inline member gets, its checks and the join after them.
 */
function memberWeight(node: SchemaNode): number {
  if (node.kind === 'ref' || sharedByContent(node)) return 1;
  return 1 + checkWeight(node) + JOIN;
}

/**
 * One union variant: its test (`isPlan(x)`, `x === null || typeof x === "string"`); counted for
 * oneOf (`if (test) matches++;`), a condition more and the join.
 */
function variantWeight(node: SchemaNode): number {
  return 1 + testTerms(node) + JOIN;
}

function testTerms(node: SchemaNode): number {
  const terms = node.kind === 'enum' ? enumTerms(node.values.length) : 1;
  return node.nullable ? terms + 1 : terms;
}

/** A few values are compared one by one, more are looked up in a constant (conditions.ts). */
function enumTerms(values: number): number {
  return Math.min(values, SMALL_ENUM + 1);
}

const knownWeights = new WeakMap<SchemaNode, number>();

/**
 * About how many steps TypeScript's walk takes through the inline checks of `node` (a condition
 * each: `if`, `&&`, `||`, a loop; a join after each property), on the high side. A subtree that
 * gets a function of its own (shared by content, shapes.ts) is one call; one a schema repeats
 * inside itself is counted inline (the count depends on the subtree alone, never on where it
 * sits).
 */
function checkWeight(node: SchemaNode): number {
  if (sharedByContent(node)) return 1;
  let known = knownWeights.get(node);
  if (known === undefined) {
    known = ownWeight(node) + (node.nullable ? 1 : 0);
    knownWeights.set(node, known);
  }
  return known;
}

function ownWeight(node: SchemaNode): number {
  switch (node.kind) {
    case 'any':
      return 0;
    case 'never':
    case 'ref':
    case 'null':
    case 'boolean':
      return 1;
    case 'enum':
      return enumTerms(node.values.length);
    case 'string':
      // A length bound is two conditions (`length` first, code points when unsure).
      return 1 + 2 * count(node.minLength, node.maxLength) + count(node.pattern);
    case 'number':
      return 2 + count(node.minimum, node.maximum, node.multipleOf);
    case 'array':
      return (
        2 +
        count(node.minItems, node.maxItems) +
        sum(node.prefixItems.map((item) => 1 + checkWeight(item))) +
        (node.items ? 1 + checkWeight(node.items) : 0) +
        (node.uniqueItems ? 1 : 0)
      );
    case 'object':
      return (
        2 +
        sum(node.properties.map(propertyWeight)) +
        node.requiredWithoutSchema.length * (1 + JOIN) +
        count(node.minProperties, node.maxProperties) +
        (node.propertyNames ? 1 + checkWeight(node.propertyNames) : 0) +
        sum(node.patternProperties.map(patternWeight)) +
        (node.additionalProperties ? 2 + checkWeight(node.additionalProperties) : 0) +
        (node.unevaluatedProperties ? 2 + checkWeight(node.unevaluatedProperties) : 0)
      );
    case 'union':
      return (
        2 +
        sum(node.variants.map(variantWeight)) +
        (node.discriminator ? 2 * node.discriminator.mapping.length : 0)
      );
    case 'allOf':
      return sum(node.members.map(memberWeight));
    case 'not':
      return 1 + testTerms(node.node);
  }
}

function count(...present: unknown[]): number {
  return present.filter((value) => value !== undefined).length;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
