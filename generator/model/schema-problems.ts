/**
 * Every wrong value of a schema and of the schemas inside it, found at once, so that one run
 * reports them all (the builder, build-schema.ts, stops at the first): each keyword's value,
 * whatever the schema's type (schema-values.ts `keywordValueProblem`), and each place that must
 * hold a schema, a list or a map of them. `$ref`s are not followed: the schema they name is
 * checked where it is.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import {
  badValue,
  isPlainObject,
  keywordValueProblem,
  type ValueContext,
} from './schema-values.ts';
import { pushAll } from '../json.ts';

/** Keywords that hold one schema. */
const ONE = new Set([
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'items',
  'not',
  'if',
  'then',
  'else',
  'contains',
]);
/** Keywords that hold a list of schemas, with what the list must be. */
const LISTS: Record<string, string> = {
  prefixItems: 'a list of schemas',
  allOf: 'a list of schemas',
  anyOf: 'a non-empty list of schemas',
  oneOf: 'a non-empty list of schemas',
};
/** Keywords that hold a map of schemas, with what the map must be. */
const MAPS: Record<string, string> = {
  properties: 'a map of schemas',
  patternProperties: 'a map from regular expressions to schemas',
  dependentSchemas: 'a map of schemas',
};

/**
 * The problems of `schema` at `pointer` and of every schema inside it, in document order. Schema
 * objects in `checked` are skipped, and every one visited is added to it (a schema reached twice is
 * checked once).
 */
export function schemaProblems(
  schema: unknown,
  pointer: string,
  file: string,
  checked: WeakSet<object>,
): GeneratorError[] {
  const problems: GeneratorError[] = [];
  const visit = (value: unknown, at: string): void => {
    if (typeof value === 'boolean') return;
    if (!isPlainObject(value)) {
      problems.push(notASchema(value, { file, pointer: at }));
      return;
    }
    if (checked.has(value)) return;
    checked.add(value);
    const ctx = { file, pointer: at };
    for (const [key, child] of Object.entries(value)) {
      const problem = keywordValueProblem(value, key, ctx);
      if (problem !== undefined) problems.push(problem);
      const here = joinPointer(at, key);
      if (key === 'discriminator' && problem === undefined) {
        pushAll(problems, mappingProblems(child, { file, pointer: here }));
        continue;
      }
      if (ONE.has(key)) {
        if (key === 'items' && Array.isArray(child)) {
          problems.push(
            badValue(
              ctx,
              key,
              'one schema (use prefixItems for a list of schemas by position)',
              child,
            ),
          );
        } else visit(child, here);
      } else if (Object.hasOwn(LISTS, key)) {
        const wanted = LISTS[key]!;
        if (!Array.isArray(child) || (child.length === 0 && wanted.includes('non-empty')))
          problems.push(badValue(ctx, key, wanted, child));
        else child.forEach((item, index) => visit(item, joinPointer(here, index)));
      } else if (Object.hasOwn(MAPS, key)) {
        if (!isPlainObject(child)) problems.push(badValue(ctx, key, MAPS[key]!, child));
        else for (const [name, item] of Object.entries(child)) visit(item, joinPointer(here, name));
      }
    }
  };
  visit(schema, pointer);
  return problems;
}

/**
 * The wrong values of a discriminator's `mapping` (at `at`, the discriminator's place): a map, each
 * value a schema's name or `$ref`, wherever the discriminator is (beside `oneOf`/`anyOf`, with
 * inline variants or not, or on an `allOf` parent). Whether each names a schema is checked by the
 * builder (build-discriminator.ts).
 */
function mappingProblems(discriminator: unknown, at: ValueContext): GeneratorError[] {
  const mapping = isPlainObject(discriminator) ? discriminator.mapping : undefined;
  if (mapping === undefined) return [];
  if (!isPlainObject(mapping)) return [badValue(at, 'mapping', MAPPING, mapping)];
  const inMapping = { file: at.file, pointer: joinPointer(at.pointer, 'mapping') };
  return Object.entries(mapping)
    .filter(([, ref]) => typeof ref !== 'string')
    .map(([value, ref]) => badValue(inMapping, value, 'a schema name or ref', ref));
}

/** What a discriminator's `mapping` must be. */
export const MAPPING = 'a map from values to schema names or refs';

/** The problem of a value where a schema belongs (the builder's own words for it). */
export function notASchema(value: unknown, at: { file: string; pointer: string }): GeneratorError {
  return new GeneratorError(
    `a schema must be an object (or true/false), found ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`,
    at,
    'replace it with a Schema Object',
  );
}
