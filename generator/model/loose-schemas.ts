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
import type { SchemaNode } from './schema-types.ts';
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
