/**
 * An `allOf` of unions is, in TypeScript, the union of every combination of their variants
 * (`(A | B) & (C | D)` is `(A & C) | (A & D) | …`), which the compiler spells out: three unions of
 * 50 variants are 125,000 combinations, past TypeScript's limit ("TS2590: Expression produces a
 * union type that is too complex to represent"), and the package did not compile (helper-141 F3).
 * Past {@link MAX_COMBINATIONS}, the types take the `allOf`'s first members only, as many as stay
 * within it (a wider type: every value of the schema has it); the guards check every member.
 */
import { isRecord } from '../json.ts';
import { getByPointer, refPointer } from '../pointer.ts';

/** The most combinations an `allOf`'s type may spell out (TypeScript refuses 100,000). */
export const MAX_COMBINATIONS = 10_000;

/** Each raw schema's number of union variants (as TypeScript counts them), once per document. */
const variantCounts = new WeakMap<object, number>();

/**
 * How many of `schema.allOf`'s members its types take, when fewer than all (their variants'
 * combinations stay within {@link MAX_COMBINATIONS}, at least one member); undefined when the
 * types take them all. `combinations` is what all of them would spell out (at most the limit + 1).
 */
export function typedAllOfMembers(
  schema: Record<string, unknown>,
  doc: Record<string, unknown> | undefined,
): { kept: number; combinations: number } | undefined {
  if (!Array.isArray(schema.allOf)) return undefined;
  const counts = schema.allOf.map((member: unknown) => variants(member, doc, new Set()));
  const combinations = counts.reduce(capped, 1);
  if (combinations <= MAX_COMBINATIONS) return undefined;
  let kept = 0;
  let product = 1;
  for (const count of counts) {
    if (kept > 0 && product * count > MAX_COMBINATIONS) break;
    product = capped(product, count);
    kept++;
  }
  return { kept, combinations };
}

function capped(a: number, b: number): number {
  return Math.min(a * b, MAX_COMBINATIONS + 1);
}

/**
 * The variants a schema's type has as a union: a `oneOf`/`anyOf`'s summed, an `allOf`'s and a
 * schema's own keywords' multiplied, a `type` list's types; 1 for anything else. `$ref`s are
 * followed (a cycle counts 1).
 */
function variants(
  schema: unknown,
  doc: Record<string, unknown> | undefined,
  stack: Set<object>,
): number {
  if (!isRecord(schema) || stack.has(schema)) return 1;
  const known = variantCounts.get(schema);
  if (known !== undefined) return known;
  stack.add(schema);
  let count = 1;
  const pointer = typeof schema.$ref === 'string' ? refPointer(schema.$ref) : undefined;
  if (pointer !== undefined && doc !== undefined)
    count = capped(count, variants(getByPointer(doc, pointer), doc, stack));
  for (const keyword of ['oneOf', 'anyOf']) {
    const list = schema[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const sum = list.reduce<number>(
      (total, variant) => Math.min(total + variants(variant, doc, stack), MAX_COMBINATIONS + 1),
      0,
    );
    count = capped(count, sum);
  }
  if (Array.isArray(schema.allOf))
    for (const member of schema.allOf) count = capped(count, variants(member, doc, stack));
  if (Array.isArray(schema.type) && schema.type.length > 1)
    count = capped(count, schema.type.length);
  stack.delete(schema);
  variantCounts.set(schema, count);
  return count;
}
