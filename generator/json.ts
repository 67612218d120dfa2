/** Reading parsed JSON and YAML: the one plain-object check every step uses, and the JSON types. */
import type { JsonType } from './model/schema-types.ts';

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every JSON type, in the one order the generator lists them in (a type array's variants, the
 * guards' value kinds): containers first, then scalars, `null` last.
 */
export const JSON_TYPES: readonly JsonType[] = [
  'object',
  'array',
  'string',
  'integer',
  'number',
  'boolean',
  'null',
];
