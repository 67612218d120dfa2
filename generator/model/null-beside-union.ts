/**
 * A `type` that lists null beside an `anyOf`/`oneOf` whose every variant refuses null. `{ type:
 * 'null', oneOf: [{ type: string }, { type: number }] }` (Vercel's, 17 places): by JSON Schema null
 * fails the union and every other value fails `type: 'null'`, so no value is valid, which
 * TypeScript printed `null & (string | number)`, that is `never`, and the guards refused every
 * value the API sends. It is what a converter makes of OpenAPI 3.0's `nullable: true` beside a
 * `oneOf`, which the SDK reads as "null, or one of the variants" (ARCHITECTURE.md, `nullable`):
 * read so here too, with a warning that says what JSON Schema reads and the fix. Beside other
 * types (`type: [object, 'null']`) JSON Schema's reading stands (null refused), with a warning:
 * the null `type` lists is otherwise dropped without a word.
 */
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { getByPointer, refPointer } from '../pointer.ts';
import type { Warnings } from '../warnings.ts';

/** `$ref`s and members followed into at most this deep (deeper: taken to allow null). */
const MAX_DEPTH = 32;

/**
 * What a `type` listing null beside an `anyOf`/`oneOf` whose variants all refuse null means here,
 * with a warning: `'nullable'` for `type: 'null'` alone (null or a variant, see above); `'refused'`
 * for a list of types (`[object, 'null']`), where JSON Schema's reading is kept (null refused, the
 * union's values valid, as ajv reads it: the SDK's types and guards refuse null), as for an `enum`
 * without null beside a nullable type; undefined otherwise.
 */
export function nullBesideUnion(
  schema: Record<string, unknown>,
  types: ReadonlySet<string> | undefined,
  at: { file: string; pointer: string },
  doc: Record<string, unknown> | undefined,
  warnings: Warnings,
): 'nullable' | 'refused' | undefined {
  if (types?.has('null') !== true) return undefined;
  const key = unionRefusingNull(schema, doc);
  if (key === undefined) return undefined;
  const where = { file: at.file, pointer: joinPointer(at.pointer, 'type') };
  if (types.size === 1) {
    warnings.add(
      'null-beside-union',
      `\`type: 'null'\` beside \`${key}\` whose variants all refuse null: by JSON Schema no value is valid here (null fails every variant, and any other value fails \`type\`); the SDK reads it as null or one of the variants, what OpenAPI 3.0's \`nullable: true\` beside \`${key}\` means`,
      where,
      `add \`{ type: 'null' }\` as a variant of \`${key}\` and remove \`type\`, so JSON Schema tools read it the same way`,
    );
    return 'nullable';
  }
  warnings.add(
    'null-beside-union',
    `\`type\` allows null, but every variant of \`${key}\` refuses null, so null is refused here (by JSON Schema, as ajv reads it): the SDK's types and guards refuse it`,
    where,
    `if the API sends null here, add \`{ type: 'null' }\` as a variant of \`${key}\`; if it does not, remove null from \`type\``,
  );
  return 'refused';
}

/**
 * The first of `oneOf`/`anyOf` on `schema` when every variant of each refuses null and the schema
 * has no `enum` or `const` (which decide null themselves); undefined otherwise.
 */
function unionRefusingNull(
  schema: Record<string, unknown>,
  doc: Record<string, unknown> | undefined,
): 'oneOf' | 'anyOf' | undefined {
  if ('enum' in schema || 'const' in schema) return undefined;
  const unions = (['oneOf', 'anyOf'] as const).filter((key) => Array.isArray(schema[key]));
  if (unions.length === 0) return undefined;
  if (!unions.every((key) => (schema[key] as unknown[]).every((v) => refusesNull(v, doc, 0))))
    return undefined;
  return unions[0];
}

/**
 * Whether `schema` is `type: 'null'` (or `['null']`) beside a union that refuses null, which the
 * SDK reads as null or one of the variants ({@link nullBesideUnion}): src/openapi.ts is given the
 * same reading (emit/openapi-types-schemas.ts).
 */
export function isNullBesideUnion(
  schema: Record<string, unknown>,
  doc: Record<string, unknown> | undefined,
): boolean {
  const type = schema.type;
  const onlyNull =
    type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null');
  return onlyNull && unionRefusingNull(schema, doc) !== undefined;
}

/** Whether no value of null meets the schema (through `$ref`s, `allOf`, `anyOf` and `oneOf`). */
export function refusesNull(
  schema: unknown,
  doc: Record<string, unknown> | undefined,
  depth: number,
): boolean {
  if (schema === false) return true;
  if (!isRecord(schema) || depth > MAX_DEPTH) return false;
  const type = schema.type;
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (list !== undefined && !list.includes('null') && schema.nullable !== true) return true;
  if ('const' in schema && schema.const !== null) return true;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) return true;
  const pointer = typeof schema.$ref === 'string' ? refPointer(schema.$ref) : undefined;
  if (pointer !== undefined && doc !== undefined && schema.nullable !== true) {
    if (refusesNull(getByPointer(doc, pointer), doc, depth + 1)) return true;
  }
  if (
    Array.isArray(schema.allOf) &&
    schema.allOf.some((member) => refusesNull(member, doc, depth + 1))
  )
    return true;
  // A 3.0 `nullable: true` without `type` (beside a union or a `$ref`) admits null, as the SDK reads it.
  if (schema.nullable === true) return false;
  return (['anyOf', 'oneOf'] as const).some(
    (key) =>
      Array.isArray(schema[key]) &&
      (schema[key] as unknown[]).every((variant) => refusesNull(variant, doc, depth + 1)),
  );
}
