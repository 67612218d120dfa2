/**
 * The properties only a schema's conditional subschemas declare (`then`/`else` beside `if`, and
 * `dependentSchemas`), read from the raw schema for the types: src/types.ts (the model,
 * model/build-schema.ts) and src/openapi.ts (emit/openapi-types-schemas.ts) both add them as
 * optional members, so a valid value that has them compiles. The guards check those subschemas
 * where they apply and need none of this.
 *
 * A branch is read through `$ref`s, its `allOf` members and its own conditional subschemas. A
 * name the schema declares whenever it applies (its `properties`, those of its `allOf` members and
 * `$ref` targets, and those their own branches declare, which type it there) is not added.
 * Nothing is added where the schema or one applying with it has an `additionalProperties` other
 * than `true`/`{}`: it judges every key its own schema object does not declare, so a branch-only
 * property must meet it too (and `false` refuses it outright).
 */
import { joinPointer } from './errors.ts';
import { isRecord } from './json.ts';

/** The raw schema a `$ref` names, with its pointer; undefined when it names none in the document. */
export type FollowRef = (ref: string) => [schema: unknown, pointer: string] | undefined;

/** One property name, with every branch schema that declares it (where it was written). */
export interface ConditionalProperty {
  name: string;
  schemas: { schema: unknown; pointer: string }[];
}

const MAX_DEPTH = 32;

export function conditionalProperties(
  schema: Record<string, unknown>,
  pointer: string,
  follow: FollowRef,
): ConditionalProperty[] {
  const always = appliesInPlace(schema, pointer, follow);
  // An `additionalProperties` judges every key its own schema object does not declare, a
  // branch-only property too (`false` refuses it): the types could only be wrong.
  if (always.some(([raw]) => closes(raw))) return [];
  const declared = new Set<string>();
  for (const [raw] of always)
    if (isRecord(raw.properties))
      for (const name of Object.keys(raw.properties)) declared.add(name);
  // A name an `allOf` member's (or `$ref` target's) own branches declare is typed by that member.
  for (const [raw, at] of always.slice(1))
    for (const { name } of branchProperties(raw, at, follow, declared)) declared.add(name);
  return branchProperties(schema, pointer, follow, declared);
}

/** The properties the branches of `schema` declare, but for the `skipped` names. */
function branchProperties(
  schema: Record<string, unknown>,
  pointer: string,
  follow: FollowRef,
  skipped: ReadonlySet<string>,
): ConditionalProperty[] {
  const found = new Map<string, ConditionalProperty>();
  const seen = new Set<unknown>();
  const visitBranch = (raw: unknown, at: string, depth: number): void => {
    if (!isRecord(raw) || seen.has(raw) || depth > MAX_DEPTH) return;
    seen.add(raw);
    if (isRecord(raw.properties)) {
      for (const [name, property] of Object.entries(raw.properties)) {
        if (skipped.has(name)) continue;
        let entry = found.get(name);
        if (entry === undefined) found.set(name, (entry = { name, schemas: [] }));
        entry.schemas.push({ schema: property, pointer: joinPointer(at, 'properties', name) });
      }
    }
    for (const [inner, innerAt] of [...inPlace(raw, at, follow), ...branches(raw, at)])
      visitBranch(inner, innerAt, depth + 1);
  };
  for (const [branch, at] of branches(schema, pointer)) visitBranch(branch, at, 0);
  return [...found.values()];
}

/** An `additionalProperties` other than `true` or `{}`. */
function closes(schema: Record<string, unknown>): boolean {
  const extra = schema.additionalProperties;
  return (
    extra !== undefined && extra !== true && !(isRecord(extra) && Object.keys(extra).length === 0)
  );
}

/** `then` and `else` (beside an `if`) and each of `dependentSchemas`, with their pointers. */
function branches(schema: Record<string, unknown>, pointer: string): [unknown, string][] {
  const list: [unknown, string][] = [];
  if (schema.if !== undefined) {
    for (const key of ['then', 'else'])
      if (schema[key] !== undefined) list.push([schema[key], joinPointer(pointer, key)]);
  }
  if (isRecord(schema.dependentSchemas)) {
    for (const [name, inner] of Object.entries(schema.dependentSchemas))
      list.push([inner, joinPointer(pointer, 'dependentSchemas', name)]);
  }
  return list;
}

/** What applies in place whenever `schema` does: its `allOf` members and its `$ref`'s target. */
function inPlace(
  schema: Record<string, unknown>,
  pointer: string,
  follow: FollowRef,
): [unknown, string][] {
  const list: [unknown, string][] = [];
  if (Array.isArray(schema.allOf))
    schema.allOf.forEach((member, i) => list.push([member, joinPointer(pointer, 'allOf', i)]));
  const target = typeof schema.$ref === 'string' ? follow(schema.$ref) : undefined;
  if (target !== undefined) list.push(target);
  return list;
}

/** `schema` and every schema that applies in place whenever it does, `schema` first. */
function appliesInPlace(
  schema: Record<string, unknown>,
  pointer: string,
  follow: FollowRef,
): [Record<string, unknown>, string][] {
  const list: [Record<string, unknown>, string][] = [];
  const seen = new Set<unknown>();
  const visit = (raw: unknown, at: string, depth: number): void => {
    if (!isRecord(raw) || seen.has(raw) || depth > MAX_DEPTH) return;
    seen.add(raw);
    list.push([raw, at]);
    for (const [inner, innerAt] of inPlace(raw, at, follow)) visit(inner, innerAt, depth + 1);
  };
  visit(schema, pointer, 0);
  return list;
}
