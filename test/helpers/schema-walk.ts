/**
 * The subschemas of raw JSON Schema objects: the keyword positions that hold schemas (never inside
 * `enum`, `const`, `examples` or a `properties` map's keys). One walk for the tests that read or
 * rewrite raw schemas: the corpus examples (test/corpus/examples.ts) and the guards' reference
 * validator (test/guards/reference.ts, test/guards/differences.ts).
 */
import { isRecord } from '../../generator/json.ts';

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

/** One direct subschema: `schema[keyword]`, or `schema[keyword][key]` in a list or a map. */
export interface Subschema {
  keyword: string;
  key?: string | number;
  schema: RawSchema;
}

/** The direct subschemas of `schema` that are schema objects, in keyword order. */
export function subschemas(schema: RawSchema): Subschema[] {
  const found: Subschema[] = [];
  const add = (keyword: string, value: unknown, key?: string | number): void => {
    if (isRecord(value))
      found.push(key === undefined ? { keyword, schema: value } : { keyword, key, schema: value });
  };
  for (const keyword of SINGLE) add(keyword, schema[keyword]);
  // `items` is one schema (2020-12) or a list of them (draft-07).
  const items = schema.items;
  if (Array.isArray(items)) items.forEach((item, i) => add('items', item, i));
  else add('items', items);
  for (const keyword of LIST) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((item, i) => add(keyword, item, i));
  }
  for (const keyword of MAP) {
    const map = schema[keyword];
    if (isRecord(map)) for (const [name, item] of Object.entries(map)) add(keyword, item, name);
  }
  return found;
}

/**
 * A copy of `schema` where every schema object (the root included) went through `visit` after its
 * subschemas did. `visit` may return the object it got (changed or not) or a new one.
 */
export function mapSchema(schema: unknown, visit: (schema: RawSchema) => RawSchema): unknown {
  if (!isRecord(schema)) return schema;
  const out: RawSchema = { ...schema };
  for (const { keyword, key, schema: child } of subschemas(schema)) {
    const mapped = mapSchema(child, visit);
    if (key === undefined) {
      out[keyword] = mapped;
      continue;
    }
    // The list or map is copied once, the first time one of its members is replaced.
    if (out[keyword] === schema[keyword]) {
      const container = schema[keyword];
      out[keyword] = Array.isArray(container) ? [...container] : { ...(container as RawSchema) };
    }
    (out[keyword] as Record<string | number, unknown>)[key] = mapped;
  }
  return visit(out);
}

/** `mapSchema` over every `components.schemas` entry of a `components` object (a copy). */
export function mapComponentSchemas(
  components: unknown,
  visit: (schema: RawSchema) => RawSchema,
): RawSchema {
  const copy: RawSchema = isRecord(components) ? { ...components } : {};
  const schemas = copy.schemas;
  if (isRecord(schemas)) {
    copy.schemas = Object.fromEntries(
      Object.entries(schemas).map(([name, schema]) => [name, mapSchema(schema, visit)]),
    );
  }
  return copy;
}
