/**
 * A `transform` hook for openapi-typescript (src/openapi.ts): JSON Schema 2020-12 tuples
 * (`prefixItems`) as src/types.ts prints them (generator/emit/schema-types/print.ts).
 *
 * openapi-typescript 7 types `prefixItems` as a tuple of exactly those items, whatever `items` and
 * `minItems` say (openapi-ts/openapi-typescript#1892): `{ prefixItems: [string], items: number }` became `[string]`, which rejects
 * `['a', 1]` and `[]`, both valid. In 2020-12 the prefix constrains only the items that are there
 * (each is optional unless `minItems` requires it) and `items` the ones after it (anything when
 * absent, none when `false`), so that schema is `[string?, ...number[]]`. `maxItems` closes it:
 * `{ prefixItems: [number, number], maxItems: 2 }` is `[number?, number?]`, as src/types.ts has it.
 */
import {
  createRef,
  transformSchemaObject,
  type SchemaObject,
  type TransformNodeOptions,
} from 'openapi-typescript';
import ts from 'typescript';

export function prefixItemsTuple(
  schema: SchemaObject | boolean,
  options: TransformNodeOptions,
): ts.TypeNode | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  // A type list (`[array, 'null']`) comes back here once per type, as `type: array`.
  if (!('type' in schema) || schema.type !== 'array') return undefined;
  const { prefixItems, items, minItems, maxItems } = schema as SchemaObject & {
    prefixItems?: unknown;
    items?: unknown;
    minItems?: unknown;
    maxItems?: unknown;
  };
  if (!Array.isArray(prefixItems)) return undefined;
  const required = typeof minItems === 'number' ? minItems : 0;
  const max = typeof maxItems === 'number' ? maxItems : Infinity;
  const typeOf = (item: unknown, ...at: (string | number)[]): ts.TypeNode =>
    transformSchemaObject(item as SchemaObject, {
      ...options,
      path: createRef([options.path, ...at]),
    });
  const elements: ts.TypeNode[] = prefixItems.slice(0, max).map((item: unknown, i) => {
    const type = typeOf(item, 'prefixItems', i);
    return i < required ? type : ts.factory.createOptionalTypeNode(type);
  });
  if (items !== false && max > prefixItems.length) {
    const rest =
      items === undefined
        ? ts.factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)
        : typeOf(items, 'items');
    elements.push(ts.factory.createRestTypeNode(ts.factory.createArrayTypeNode(rest)));
  }
  const tuple = ts.factory.createTupleTypeNode(elements);
  // openapi-typescript also calls the hook on a property's schema and takes its answer as the
  // property's whole type, so a 3.0-style `nullable` must be in it.
  return 'nullable' in schema && schema.nullable === true
    ? ts.factory.createUnionTypeNode([
        tuple,
        ts.factory.createLiteralTypeNode(ts.factory.createNull()),
      ])
    : tuple;
}
