/** Private helper: merges header sets into one plain object, later ones winning, case-insensitively. */
import type { HeaderValue, HeadersInput } from '../request-options.ts';

/** Headers as fetch takes them: lower-case names, string values. */
export type HeaderRecord = Record<string, string>;

export function mergeHeaders(...sources: (HeadersInput | undefined)[]): HeaderRecord {
  const merged: HeaderRecord = {};
  for (const source of sources) {
    if (source === undefined) continue;
    for (const [name, value] of entries(source)) {
      const key = name.toLowerCase();
      if (value === null) delete merged[key];
      else if (value !== undefined) merged[key] = String(value);
    }
  }
  return merged;
}

function entries(source: HeadersInput): Iterable<readonly [string, HeaderValue]> {
  if (source instanceof Headers) return Object.entries(headersToObject(source));
  if (Array.isArray(source)) return source as readonly (readonly [string, string])[];
  return Object.entries(source as Readonly<Record<string, HeaderValue>>);
}

/** Response headers as a plain object (names lower-case), for errors and logs. */
export function headersToObject(headers: Headers): HeaderRecord {
  const result: HeaderRecord = {};
  headers.forEach((value, name) => {
    result[name] = value;
  });
  return result;
}
