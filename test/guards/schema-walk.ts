/**
 * Rewriting raw JSON Schema objects for the reference validator: every subschema is visited at the
 * keyword positions that hold schemas (never inside `enum`, `const`, `examples` or a `properties`
 * map's keys), children first.
 */

export type RawSchema = Record<string, unknown>;

/** Keywords whose value is one schema. */
const SINGLE = [
  'additionalProperties',
  'not',
  'propertyNames',
  'contains',
  'if',
  'then',
  'else',
  'additionalItems',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];
/** Keywords whose value is a list of schemas. */
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to schemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

export function isRawSchema(value: unknown): value is RawSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `schema` where every schema object (the root included) went through `visit` after its
 * subschemas did. `visit` may return the object it got (changed or not) or a new one.
 */
function mapSchema(schema: unknown, visit: (schema: RawSchema) => RawSchema): unknown {
  if (!isRawSchema(schema)) return schema;
  const out: RawSchema = { ...schema };
  for (const key of SINGLE) if (key in out) out[key] = mapSchema(out[key], visit);
  for (const key of LIST) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((item) => mapSchema(item, visit));
  }
  // `items` is one schema (2020-12) or a list of them (draft-07).
  if (Array.isArray(out.items)) out.items = out.items.map((item) => mapSchema(item, visit));
  else if ('items' in out) out.items = mapSchema(out.items, visit);
  for (const key of MAP) {
    const map = out[key];
    if (isRawSchema(map)) {
      out[key] = Object.fromEntries(
        Object.entries(map).map(([name, item]) => [name, mapSchema(item, visit)]),
      );
    }
  }
  return visit(out);
}

/** `mapSchema` over every `components.schemas` entry of a `components` object (a copy). */
export function mapComponentSchemas(
  components: unknown,
  visit: (schema: RawSchema) => RawSchema,
): RawSchema {
  const copy: RawSchema = isRawSchema(components) ? { ...components } : {};
  const schemas = copy.schemas;
  if (isRawSchema(schemas)) {
    copy.schemas = Object.fromEntries(
      Object.entries(schemas).map(([name, schema]) => [name, mapSchema(schema, visit)]),
    );
  }
  return copy;
}
