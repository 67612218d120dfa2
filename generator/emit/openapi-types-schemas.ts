/**
 * A pre-processing step for the document openapi-typescript turns into src/openapi.ts: schema
 * keywords it types wrongly (a type that rejects values the schema accepts, or requires keys no
 * value has) rewritten into keywords it types right, in the copy of the document it is given.
 * Each rewrite keeps the meaning of the schema for the values it types; the model's document
 * (src/types.ts, the guards, openapi.json) is not touched.
 *
 * - `$defs` inside a schema: openapi-typescript prints it as a required property named `$defs`
 *   (`{ next?: …; $defs: { Node: … } }`), so no value fits. A schema's `$defs` only holds schemas
 *   for `$ref`s to point at, and every such ref has been pointed at a `components.schemas` entry
 *   of its own by then (openapi-types-refs.ts), so it is dropped.
 * - `patternProperties`, and `additionalProperties` beside `properties`: an index signature that
 *   the properties' own values do not fit ({@link fixIndexSignature}).
 */
import { isRecord } from '../json.ts';

/** Data: values, not schemas or keywords. */
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum']);
/** Objects whose keys are names (a property called `$defs`), not keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'schemas',
  'parameters',
  'requestBodies',
  'responses',
  'headers',
  'content',
  'encoding',
  'links',
  'callbacks',
  'pathItems',
  'securitySchemes',
  'paths',
  'webhooks',
  'mapping',
]);

/** Rewrites the schemas of `document` (a private copy) in place and returns it. */
export function fixSchemaKeywords<T extends object>(document: T): T {
  const seen = new Set<object>();
  const visit = (node: unknown, names: boolean, root: boolean): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false, false);
      return;
    }
    const record = node as Record<string, unknown>;
    if (!names && !root) fixSchema(record);
    for (const [key, value] of Object.entries(record)) {
      if (names) visit(value, false, false);
      else if (!DATA.has(key) && !key.startsWith('x-')) visit(value, NAME_MAPS.has(key), false);
    }
  };
  visit(document, false, true);
  return document;
}

/**
 * One object that is no map of names: a schema, or an object of the document around schemas
 * (an operation, a media type), which has none of the keywords rewritten here.
 */
function fixSchema(schema: Record<string, unknown>): void {
  if (isRecord(schema.$defs)) delete schema.$defs;
  fixIndexSignature(schema);
}

/**
 * openapi-typescript types `patternProperties` and `additionalProperties` as one index signature
 * beside the properties, `{ a?: string } & { [key: string]: number }`: every pattern's schema as if
 * it matched every key, and without the properties' own types, so `{ a: 'x' }` does not fit (`a`
 * would have to be a number too). The index signature must take whatever any key may hold: the
 * properties' schemas, the patterns' and `additionalProperties` (anything, where it is absent,
 * for the keys no pattern matches). So the patterns go, and `additionalProperties` becomes the
 * `anyOf` of all of those, or `true`.
 */
function fixIndexSignature(schema: Record<string, unknown>): void {
  const patterns = isRecord(schema.patternProperties)
    ? Object.values(schema.patternProperties)
    : [];
  const properties = isRecord(schema.properties) ? Object.values(schema.properties) : [];
  const extra = schema.additionalProperties;
  // openapi-typescript's own test for an `additionalProperties` that gives the index a type.
  const extraSchema = isRecord(extra) && Object.keys(extra).length > 0;
  if (patterns.length === 0 && !(extraSchema && properties.length > 0)) return;
  delete schema.patternProperties;
  if (patterns.length > 0 && extra !== false && !extraSchema) {
    schema.additionalProperties = true;
    return;
  }
  const members = [...(extraSchema ? [extra] : []), ...patterns, ...properties];
  schema.additionalProperties = members.length === 1 ? members[0] : { anyOf: members };
}
