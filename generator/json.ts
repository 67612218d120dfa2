/** Reading parsed JSON and YAML: the one plain-object check every step uses, and the JSON types. */
import type { JsonType, JsonValue } from './model/schema-types.ts';

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

/**
 * `value` made JSON as JSON.stringify would send it (a YAML date becomes its ISO text), read back
 * as JSON.parse reads it (a `__proto__` key an own property), with `-0` kept: the round trip
 * alone writes it as `0`. Undefined for a value JSON cannot hold (a cycle, a BigInt).
 */
export function jsonCopy(value: unknown): JsonValue | undefined {
  // -0 travels as a marked string; a string that starts with the mark gets one more.
  const mark = '\u0000';
  try {
    const text = JSON.stringify(value, (_key, item: unknown) =>
      Object.is(item, -0)
        ? `${mark}-0`
        : typeof item === 'string' && item.startsWith(mark)
          ? mark + item
          : item,
    );
    if (text === undefined) return undefined;
    return JSON.parse(text, (_key, item: unknown) =>
      typeof item === 'string' && item.startsWith(mark)
        ? item === `${mark}-0`
          ? -0
          : item.slice(1)
        : item,
    ) as JsonValue;
  } catch {
    return undefined;
  }
}

/** The JSON Schema type names a value has (an integer is a `number` too). */
export function jsonTypesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number')
    return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

/**
 * A JSON value as text that is the same for equal values: object keys sorted, so `{a: 1, b: 2}`
 * and `{b: 2, a: 1}` (equal in JSON Schema's `enum` and `const`) compare equal.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * Appends `items` to `target` one at a time. `target.push(...items)` passes every item as an
 * argument of one call, and past about 100,000 of them (a spec's `enum` or `example` array, the
 * lines of a long description) V8 throws "Maximum call stack size exceeded": the generator
 * stopped with a stack trace. What a spec can make long is appended with this instead.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
