/**
 * Which Schema Object keywords the generator understands. Every keyword is either checked by the
 * guards, an annotation, or rejected with a fix: nothing is ignored silently.
 */
import { GeneratorError, joinPointer } from '../errors.ts';

/** Keywords the model turns into checks. */
const ASSERTIONS = new Set([
  '$ref',
  'type',
  'nullable',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'discriminator',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
]);

/** Keywords that document a schema and never change which values are valid. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'example',
  'examples',
  'format',
  'deprecated',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  '$comment',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  // A container only: schemas in it are checked where a `$ref` uses them.
  '$defs',
  'definitions',
]);

/** Known JSON Schema keywords the guards cannot check, with what to do instead. */
const UNSUPPORTED: Record<string, string> = {
  if: 'rewrite the if/then/else as a oneOf or anyOf of complete schemas',
  then: 'rewrite the if/then/else as a oneOf or anyOf of complete schemas',
  else: 'rewrite the if/then/else as a oneOf or anyOf of complete schemas',
  dependentSchemas: 'express the dependency with oneOf/anyOf of complete schemas, or remove it',
  dependentRequired: 'express the dependency with oneOf/anyOf of complete schemas, or remove it',
  dependencies: 'express the dependency with oneOf/anyOf of complete schemas, or remove it',
  unevaluatedProperties:
    'list every property in one schema and use additionalProperties instead, or remove it',
  unevaluatedItems: 'use prefixItems and items instead, or remove it',
  contains: 'remove it, or describe every item with items',
  minContains: 'remove it, or describe every item with items',
  maxContains: 'remove it, or describe every item with items',
  additionalItems: 'use prefixItems for the leading items and items for the rest (OpenAPI 3.1)',
  $dynamicRef: "use a plain $ref to '#/components/schemas/<Name>'",
  $dynamicAnchor: "use a plain $ref to '#/components/schemas/<Name>'",
  $recursiveRef: "use a plain $ref to '#/components/schemas/<Name>'",
  $recursiveAnchor: "use a plain $ref to '#/components/schemas/<Name>'",
  $anchor: "refer to the schema by '#/components/schemas/<Name>' and remove $anchor",
  $id: "refer to the schema by '#/components/schemas/<Name>' and remove $id",
  $schema: 'remove $schema: schemas use the OpenAPI dialect of the document',
  $vocabulary: 'remove $vocabulary: schemas use the OpenAPI dialect of the document',
};

export function isAnnotationKeyword(key: string): boolean {
  return ANNOTATIONS.has(key) || key.startsWith('x-');
}

/** Throws a GeneratorError naming the first keyword of `schema` that the generator cannot honour. */
export function checkKeywords(
  schema: Record<string, unknown>,
  location: { file: string; pointer: string },
): void {
  for (const key of Object.keys(schema)) {
    if (ASSERTIONS.has(key) || isAnnotationKeyword(key)) continue;
    const pointer = joinPointer(location.pointer, key);
    const fix = UNSUPPORTED[key];
    if (fix !== undefined) {
      throw new GeneratorError(
        `the schema keyword "${key}" is not supported by the SDK generator (its runtime guards cannot check it)`,
        { file: location.file, pointer },
        fix,
      );
    }
    throw new GeneratorError(
      `unknown schema keyword "${key}"`,
      { file: location.file, pointer },
      'remove it, fix its spelling, or prefix it with "x-" if it is a vendor extension',
    );
  }
}
