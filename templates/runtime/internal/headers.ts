/** Private helper: merges header sets, later ones winning, case-insensitively. */
import type { HeaderValue, HeadersInput } from '../request-options.ts';

export function mergeHeaders(...sources: (HeadersInput | undefined)[]): Headers {
  const merged = new Headers();
  for (const source of sources) {
    if (source === undefined) continue;
    for (const [name, value] of entries(source)) {
      if (value === null) merged.delete(name);
      else if (value !== undefined) merged.set(name, String(value));
    }
  }
  return merged;
}

function entries(source: HeadersInput): Iterable<readonly [string, HeaderValue]> {
  if (source instanceof Headers) {
    const pairs: [string, string][] = [];
    source.forEach((value, name) => pairs.push([name, value]));
    return pairs;
  }
  if (Array.isArray(source)) return source as readonly (readonly [string, string])[];
  return Object.entries(source as Readonly<Record<string, HeaderValue>>);
}

/** Response headers as a plain object (names lower-case), for errors and logs. */
export function headersToObject(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    result[name] = value;
  });
  return result;
}
