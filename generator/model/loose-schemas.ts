/**
 * A named schema without `type` whose keywords all belong to JSON types (`properties` and
 * `required`, but no `type: object`: common in hand-written 3.0 specs). JSON Schema applies such
 * keywords to values of their type only, so every value of another type is valid: `5` is a valid
 * `{ properties: { a: … }, required: [a] }`. The guards follow JSON Schema (`isX(5)` is true), while
 * the types read the schema as its keywords' type (`interface X { a: string }`), as
 * openapi-typescript and the other generators do: a value the guard accepts is then not what its
 * type says. Said once per schema, with the fix: the `type` the author meant.
 */
import type { Warnings } from '../warnings.ts';
import { JSON_TYPES } from '../json.ts';
import { jsonKinds } from './json-kinds.ts';
import type { JsonType, SchemaNode } from './schema-types.ts';
import type { NamedSchema } from './types.ts';

type LooseNode = SchemaNode & { kind: 'string' | 'number' | 'array' | 'object'; loose: true };

/** A typed node built from its type's keywords alone, without `type` (build-schema.ts). */
export const isLoose = (node: SchemaNode): node is LooseNode =>
  (node.kind === 'string' ||
    node.kind === 'number' ||
    node.kind === 'array' ||
    node.kind === 'object') &&
  node.loose;

/** The JSON types, as the warning lists them: the most telling example first (`isX(5)`). */
const KINDS = ['number', 'string', 'boolean', 'array', 'object', 'null'] as const;

/** A value of each kind, for the warning's example. */
const EXAMPLES: Record<(typeof KINDS)[number], string> = {
  number: '5',
  string: '"text"',
  boolean: 'true',
  array: '[]',
  object: '{}',
  null: 'null',
};

export function warnLooseSchemas(
  schemas: readonly NamedSchema[],
  file: string,
  warnings: Warnings,
): void {
  for (const schema of schemas) {
    const loose = looseKinds(schema.node);
    if (loose === undefined) continue;
    const others = KINDS.filter(
      (kind) => !loose.includes(kind) && !(kind === 'null' && schema.node.nullable),
    );
    const meant = loose.length === 1 ? loose[0]! : `[${loose.join(', ')}]`;
    const example = EXAMPLES[others[0] ?? 'null'];
    warnings.add(
      'schema:no-type',
      `${schema.name} has ${loose.join(' and ')} keywords but no \`type\`: JSON Schema applies them to ${loose.map((kind) => `${kind}s`).join(' and ')} only, so any ${listed(others)} is a valid ${schema.name} too. The guards follow JSON Schema (\`is${schema.name}(${example})\` is true) while the types read ${schema.name} as ${loose.length === 1 ? `${article(loose[0]!)} ${loose[0]!}` : `${loose.join(' or ')}`} only`,
      { file, pointer: schema.pointer },
      `add \`type: ${meant}\` to the schema, if that is what it means`,
    );
  }
}

/**
 * The JSON types of a node made of loose typed nodes only: one, or several (keywords of several
 * types, each applying to its own: build-schema.ts makes them an `allOf`; or an `allOf` of such
 * schemas, none of which has a `type`).
 */
function looseKinds(node: SchemaNode): string[] | undefined {
  if (isLoose(node)) return [node.kind];
  const members =
    node.kind === 'allOf' ? node.members : node.kind === 'union' ? node.variants : undefined;
  if (members !== undefined && members.length > 0 && members.every(isLoose))
    return [...new Set(members.map((member) => member.kind))];
  return undefined;
}

function listed(kinds: readonly string[]): string {
  return kinds.length <= 1
    ? (kinds[0] ?? '')
    : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)!}`;
}

const article = (kind: string) => (/^[aeiou]/.test(kind) ? 'an' : 'a');

/** A named schema's node by its name (a `ref` node's `target`). */
export type SchemaLookup = (name: string) => SchemaNode | undefined;

/**
 * The members of an `allOf` that shape its TypeScript type. A loose member (keywords of one JSON
 * type, no `type`: `minLength`, `minimum`, `properties`) applies to values of that type only; beside
 * members whose types admit no value of it, it constrains nothing a value of theirs can be, so it
 * is left out: `{ $ref: Name, minLength: 1 }` (OpenAPI 3.1 applies the keywords beside `$ref`)
 * with `Name` an object is `Name`, not `Name & string`, which no value meets; with `Code` a
 * string, `Code`, not `Code & string`. Beside members that admit its type and others (`Item |
 * Item[]` beside `uniqueItems`, `string | number` beside `minLength`) it is left out too: it
 * constrains the values of its type, and the others stay valid. It stays where it carries a type
 * the others do not (a loose object's properties beside an object, or beside members that admit
 * any value). A bare `type: object` beside other members
 * says nothing they do not (`type: object` + `oneOf` of objects is the union). The guards keep
 * every member, as JSON Schema does (`minLength` accepts any object).
 */
export function typeShapingMembers(
  members: readonly SchemaNode[],
  schemas: SchemaLookup,
  /**
   * For values rather than types (the samples): keep the loose members that apply to the types
   * the others admit (`multipleOf: 7` beside `type: integer`), whose keywords a value must meet.
   */
  { constraints = false }: { constraints?: boolean } = {},
): SchemaNode[] {
  const definite = members.filter((member) => !isLoose(member));
  if (definite.length === members.length) return withoutBareObjects(members);
  let admitted = new Set<JsonType>(JSON_TYPES);
  for (const member of definite) {
    const kinds = jsonKinds(member, schemas, 'types');
    admitted = new Set([...admitted].filter((kind) => kinds.has(kind)));
  }
  const kept = members.filter((member) => {
    if (!isLoose(member)) return true;
    const own: readonly JsonType[] =
      member.kind === 'number' ? ['integer', 'number'] : [member.kind];
    if (!own.some((kind) => admitted.has(kind))) return false;
    if (constraints) return true;
    // Beside members that admit values of other types too (`Item | Item[]` beside `uniqueItems`,
    // `array | string` beside `items`), it applies to the values of its own type only: kept, it
    // would take the others away (`unknown[] & (Item | Item[])`), which the guards accept. Null
    // aside, as before; members that admit every type say nothing, and the keywords' type stands.
    const others = [...admitted].filter((kind) => !own.includes(kind) && kind !== 'null');
    if (others.length > 0 && admitted.size < JSON_TYPES.length) return false;
    // A string's or number's keywords are not in its type (`string`): beside members that admit
    // nothing else, they would only repeat it (`Code & string`). Object and array members carry
    // their properties' and items' types.
    return (
      member.kind === 'object' ||
      member.kind === 'array' ||
      [...admitted].some((kind) => !own.includes(kind))
    );
  });
  return withoutBareObjects(kept);
}

/**
 * The members but bare objects (`type: object` alone), unless nothing else that says what the
 * value is is left: `not`, and the conditionals read as one (`if`/`then`, `dependentRequired`),
 * say only what it is not, so `type: object` beside them is still an object, not any value.
 */
function withoutBareObjects(members: readonly SchemaNode[]): SchemaNode[] {
  const kept = members.filter((member) => !isBareObject(member));
  return kept.some((member) => member.kind !== 'not' && member.kind !== 'any')
    ? kept
    : [...members];
}

function isBareObject(node: SchemaNode): boolean {
  return (
    node.kind === 'object' &&
    !node.nullable &&
    node.properties.length === 0 &&
    (node.conditionalProperties ?? []).length === 0 &&
    node.requiredWithoutSchema.length === 0 &&
    node.additionalProperties === undefined &&
    node.unevaluatedProperties === undefined &&
    node.patternProperties.length === 0
  );
}
