/**
 * What the members of a raw OpenAPI document are, by key: the one list of each that load/ and
 * emit/ walk the document by (OpenAPI 3.1 §4.8, JSON Schema 2020-12).
 */
import { isRecord } from './json.ts';

/** Members whose values are data (examples, defaults, `enum` and `const` values), no schema inside. */
export const DATA_KEYS: ReadonlySet<string> = new Set([
  'example',
  'examples',
  'default',
  'const',
  'enum',
]);

/**
 * Objects whose keys are names, not keywords: a property called `description` or `$ref`, the
 * `default` response, a media type, a path.
 */
export const NAME_MAPS: ReadonlySet<string> = new Set([
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
  'variables',
  'mapping',
  'scopes',
]);

/** Whether a walk for schemas or OpenAPI objects enters member `key`: not data, not an extension. */
export function holdsObjects(key: string): boolean {
  return !DATA_KEYS.has(key) && !key.startsWith('x-');
}

/**
 * The path items of a Paths Object, by path: its `x-…` members are specification extensions
 * (OpenAPI 3.1 §4.8.8), data for other tools, never an endpoint, whatever they hold.
 */
export function pathItemEntries(paths: unknown): [string, unknown][] {
  if (!isRecord(paths)) return [];
  return Object.entries(paths).filter(([path]) => !path.startsWith('x-'));
}
