/**
 * JSON Schema's conditional assertions (2020-12 §10.2.2, §10.3.1.3) as schema nodes the guards
 * already check, so a guard accepts what ajv accepts: each is a `not` of what would break it,
 * and `not` adds nothing to the types (src/types.ts reads the schema without them, as
 * openapi-typescript does):
 * - `if: A, then: B` → `not (A and not B)`; `else: C` → `not (not A and not C)`;
 * - `dependentSchemas: { k: S }` → `not ({ required: [k] } and not S)`;
 * - `dependentRequired: { k: [a, b] }` → `not ({ required: [k] } and not { required: [a, b] })`;
 * - `contains: S` → `not (an array none of whose items is S)`, unless `minContains: 0` says any
 *   array passes. `minContains` above 1 and `maxContains` count matches, which no such node can;
 *   they stay warned as unchecked (schema-keywords.ts).
 * `{ required: [k] }` has no `type`, so it holds for objects only, as the keywords apply to
 * objects only.
 */
import { joinPointer } from '../errors.ts';
import { plainBase, type BuildSub } from './build-schema-typed.ts';
import type { AllOfNode, NotNode, SchemaNode } from './schema-types.ts';
import { isPlainObject, type ValueContext } from './schema-values.ts';

export function conditionalParts(
  schema: Record<string, unknown>,
  vc: ValueContext,
  sub: BuildSub,
): SchemaNode[] {
  const parts: SchemaNode[] = [];
  const at = (...keys: string[]) => joinPointer(vc.pointer, ...keys);
  const not = (node: SchemaNode, pointer: string, reason?: string): NotNode => ({
    kind: 'not',
    ...plainBase(pointer),
    node,
    ...(reason === undefined ? {} : { reason }),
  });
  const both = (pointer: string, first: SchemaNode, second: SchemaNode): AllOfNode => ({
    kind: 'allOf',
    ...plainBase(pointer),
    members: [first, second],
  });
  const has = (names: string[], pointer: string) => sub({ required: names }, pointer);

  if (schema.if !== undefined && (schema.then !== undefined || schema.else !== undefined)) {
    const test = sub(schema.if, at('if'));
    if (schema.then !== undefined) {
      const then = sub(schema.then, at('then'));
      parts.push(
        not(
          both(at('then'), test, not(then, at('then'))),
          at('then'),
          'the `then` schema, as it matches `if`',
        ),
      );
    }
    if (schema.else !== undefined) {
      const otherwise = sub(schema.else, at('else'));
      parts.push(
        not(
          both(at('else'), not(test, at('if')), not(otherwise, at('else'))),
          at('else'),
          'the `else` schema, as it does not match `if`',
        ),
      );
    }
  }
  if (isPlainObject(schema.dependentSchemas)) {
    for (const [name, inner] of Object.entries(schema.dependentSchemas)) {
      const pointer = at('dependentSchemas', name);
      const dependent = sub(inner, pointer);
      parts.push(
        not(
          both(pointer, has([name], pointer), not(dependent, pointer)),
          pointer,
          `the schema \`dependentSchemas\` gives objects with ${JSON.stringify(name)}`,
        ),
      );
    }
  }
  if (isPlainObject(schema.dependentRequired)) {
    for (const [name, list] of Object.entries(schema.dependentRequired)) {
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) continue;
      if (list.length === 0) continue;
      const pointer = at('dependentRequired', name);
      parts.push(
        not(
          both(pointer, has([name], pointer), not(has(list, pointer), pointer)),
          pointer,
          `${list.map((item) => JSON.stringify(item)).join(', ')} beside ${JSON.stringify(name)} (\`dependentRequired\`)`,
        ),
      );
    }
  }
  if (schema.contains !== undefined && schema.minContains !== 0) {
    const pointer = at('contains');
    const item = sub(schema.contains, pointer);
    parts.push(
      not(
        {
          kind: 'array',
          ...plainBase(pointer),
          loose: false,
          prefixItems: [],
          items: not(item, pointer),
          uniqueItems: false,
        },
        pointer,
        'an item the `contains` schema allows',
      ),
    );
  }
  return parts;
}
