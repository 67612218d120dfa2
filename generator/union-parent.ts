/**
 * The parent of a polymorphic family written both ways, as springdoc, NSwag and many hand-written
 * specs do: the parent lists its children (`Pet: { discriminator, oneOf: [{ $ref: Dog }, …] }`)
 * and each child extends the parent (`Dog: { allOf: [{ $ref: Pet }, { properties: … }] }`).
 * Read as plain JSON Schema, a Dog is then its own `allOf` member (Pet → Dog → Pet), which no
 * value or TypeScript type can be; every code generator reads the child's `$ref` as the parent's
 * own keywords without the union, and so do the load step's loop check (`generator/load/cycles.ts`)
 * and the schema model (`generator/model/build-schema.ts`).
 *
 * It is that idiom only when the family is one: the parent has a `discriminator`, or the child adds
 * something of its own (another `allOf` member, a keyword that constrains) to a parent that is a
 * base: one with keywords of its own beside its union, or whose union lists only children that
 * extend it. `Peer: { oneOf: [{ $ref: Link }, { type: string }] }` with `Link: { allOf: [{ $ref:
 * Peer }] }` is none of these: Link is Peer, a loop (refused by the loop check), not an empty child
 * that would let every value through. Nor is `Knot: { anyOf: [{ $ref: KnotB }, { type: integer }]
 * }` with `KnotB: { allOf: [{ $ref: Knot }], minimum: 0 }`: Knot has nothing of its own for KnotB
 * to inherit and lists more than its children, so read as the idiom KnotB's member was the empty
 * schema, silently dropped (KnotB any value but a negative number, Knot any value at all).
 */
import { joinPointer } from './errors.ts';
import { isRecord } from './json.ts';
import { getByPointer, refPointer } from './pointer.ts';

/** The union keywords a child's `$ref` to its parent leaves out. */
const UNION_KEYWORDS = ['oneOf', 'anyOf'] as const;

/** Keywords that describe a schema without constraining its values: a child made of only these adds nothing. */
const ANNOTATIONS = new Set([
  'allOf',
  'title',
  'description',
  '$comment',
  '$id',
  '$anchor',
  'example',
  'examples',
  'deprecated',
  'externalDocs',
  'readOnly',
  'writeOnly',
]);

/** Whether the schema at `owner` has something besides its `allOf` member `member`. */
function addsToParent(document: unknown, owner: string, member: unknown): boolean {
  const child = getByPointer(document, owner);
  if (!isRecord(child)) return false;
  if (
    Array.isArray(child.allOf) &&
    child.allOf.some((other) => other !== member && isRecord(other))
  )
    return true;
  return Object.keys(child).some((key) => !ANNOTATIONS.has(key) && !key.startsWith('x-'));
}

/**
 * The parent's pointer when `member`, an `allOf` member of the schema at `owner`, is a `$ref` to a
 * schema whose `oneOf`/`anyOf` lists a `$ref` back to `owner`, and the two are a family (the parent
 * has a `discriminator` or the child adds to it); otherwise undefined.
 */
export function unionParentOf(
  document: unknown,
  owner: string,
  member: unknown,
): string | undefined {
  if (!isRecord(member) || typeof member.$ref !== 'string') return undefined;
  const target = refPointer(member.$ref);
  if (target === undefined || target === owner) return undefined;
  const parent = getByPointer(document, target);
  if (!isRecord(parent)) return undefined;
  const listsOwner = UNION_KEYWORDS.some((key) => {
    const variants = parent[key];
    return (
      Array.isArray(variants) &&
      variants.some(
        (variant) =>
          isRecord(variant) &&
          typeof variant.$ref === 'string' &&
          refPointer(variant.$ref) === owner,
      )
    );
  });
  if (!listsOwner) return undefined;
  if (parent.discriminator !== undefined) return target;
  if (!addsToParent(document, owner, member)) return undefined;
  return hasOwnKeywords(parent) || onlyChildren(document, parent, target) ? target : undefined;
}

/**
 * Whether the parent constrains its values beside its union: keywords the children inherit
 * (`type`, `properties`, an `allOf` of its own base…).
 */
function hasOwnKeywords(parent: Record<string, unknown>): boolean {
  return Object.keys(parentWithoutUnion(parent)).some(
    (key) => key === 'allOf' || (!ANNOTATIONS.has(key) && !key.startsWith('x-')),
  );
}

/**
 * Whether every variant of the parent's union is a `$ref` to a child that extends the parent
 * (`allOf: [{ $ref: parent }, …]`): the union lists subtypes and nothing else.
 */
function onlyChildren(document: unknown, parent: Record<string, unknown>, at: string): boolean {
  return UNION_KEYWORDS.every((key) => {
    const variants = parent[key];
    if (!Array.isArray(variants)) return true;
    return variants.every((variant) => {
      if (!isRecord(variant) || typeof variant.$ref !== 'string') return false;
      const pointer = refPointer(variant.$ref);
      const child = pointer === undefined ? undefined : getByPointer(document, pointer);
      return (
        isRecord(child) &&
        Array.isArray(child.allOf) &&
        child.allOf.some(
          (item) => isRecord(item) && typeof item.$ref === 'string' && refPointer(item.$ref) === at,
        )
      );
    });
  });
}

/** The parent schema as its children extend it: without its union and the discriminator deciding it. */
export function parentWithoutUnion(parent: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...parent };
  for (const key of UNION_KEYWORDS) delete rest[key];
  delete rest.discriminator;
  return rest;
}

/** An `allOf` member of a `components.schemas` entry that is a `$ref` to its union parent. */
export interface UnionParentMember {
  /** The `allOf` list that holds the member. */
  allOf: unknown[];
  index: number;
  /** The parent as its children extend it ({@link parentWithoutUnion}). */
  parent: Record<string, unknown>;
}

/** Every `allOf` member of a `components.schemas` entry that is a `$ref` to its union parent. */
export function unionParentMembers(document: unknown): UnionParentMember[] {
  const components = isRecord(document) ? document.components : undefined;
  const schemas = isRecord(components) ? components.schemas : undefined;
  if (!isRecord(schemas)) return [];
  const found: UnionParentMember[] = [];
  for (const [key, schema] of Object.entries(schemas)) {
    if (!isRecord(schema) || !Array.isArray(schema.allOf)) continue;
    const { allOf } = schema;
    const owner = joinPointer('#/components/schemas', key);
    allOf.forEach((member, index) => {
      const pointer = unionParentOf(document, owner, member);
      const parent = pointer === undefined ? undefined : getByPointer(document, pointer);
      if (isRecord(parent)) found.push({ allOf, index, parent: parentWithoutUnion(parent) });
    });
  }
  return found;
}
