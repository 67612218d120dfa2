/**
 * The JSON types a schema as written admits (before the schema model is built): `type`, 3.0's
 * `nullable`, `enum`, `const`, `$ref` (and its siblings), `anyOf`/`oneOf` and `allOf`. What is not
 * read (a remote `$ref`, a cycle, a boolean schema) admits every type, so a caller that refuses a
 * schema for its types refuses only what it is sure of.
 */
import { isRecord, JSON_TYPES } from '../json.ts';
import { getByPointer, refPointer } from '../pointer.ts';
import { kindOfValue } from './json-kinds.ts';
import type { JsonType, JsonValue } from './schema-types.ts';

const MAX_DEPTH = 20;

export function rawKinds(
  doc: Record<string, unknown>,
  schema: unknown,
  seen: ReadonlySet<string> = new Set(),
  depth = 0,
): Set<JsonType> {
  let kinds = new Set<JsonType>(JSON_TYPES);
  if (!isRecord(schema) || depth > MAX_DEPTH) return kinds;
  const within = (allowed: Iterable<JsonType>) => {
    const keep = new Set(allowed);
    kinds = new Set([...kinds].filter((kind) => keep.has(kind)));
  };
  const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (Array.isArray(types)) {
    const named = types.flatMap((type): JsonType[] =>
      type === 'number' ? ['integer', 'number'] : isJsonType(type) ? [type] : [],
    );
    within(schema.nullable === true ? [...named, 'null'] : named);
  }
  if (Array.isArray(schema.enum))
    within(schema.enum.map((value) => kindOfValue(value as JsonValue)));
  if ('const' in schema) within([kindOfValue(schema.const as JsonValue)]);
  const ref = typeof schema.$ref === 'string' ? refPointer(schema.$ref) : undefined;
  if (ref !== undefined && !seen.has(ref)) {
    const target = getByPointer(doc, ref);
    if (target !== undefined) within(rawKinds(doc, target, new Set([...seen, ref]), depth + 1));
  }
  for (const key of ['anyOf', 'oneOf']) {
    const variants: unknown = schema[key];
    if (!Array.isArray(variants) || variants.length === 0) continue;
    const any = new Set<JsonType>();
    for (const variant of variants)
      for (const kind of rawKinds(doc, variant, seen, depth + 1)) any.add(kind);
    within(any);
  }
  if (Array.isArray(schema.allOf))
    for (const member of schema.allOf) within(rawKinds(doc, member, seen, depth + 1));
  return kinds;
}

const isJsonType = (value: unknown): value is JsonType =>
  (JSON_TYPES as readonly unknown[]).includes(value);
