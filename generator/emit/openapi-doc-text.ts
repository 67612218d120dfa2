/**
 * openapi-typescript copies `title`, `summary`, `description`, `default` and `example(s)` into its
 * TSDoc as they are (it only escapes `*\/`), so a description line starting with `@deprecated`
 * would deprecate a type. This escapes those fields (generator/escape.ts `escapeJsDoc`) in the copy
 * of the document it is given, before openapi-typescript reads it. `enum` and `const`, which
 * become types, are never touched.
 */
import { escapeJsDoc } from '../escape.ts';
import { NAME_MAPS } from '../document-keys.ts';

/** Fields openapi-typescript prints as text. */
const TEXT = new Set(['title', 'summary', 'description']);
/** Fields it prints as JSON (a string as it is, anything else through JSON.stringify). */
const DATA = new Set(['default', 'example', 'examples']);

/** Escapes the document's comment text in place (`document` must be a private copy) and returns it. */
export function escapeOpenapiDocText<T>(document: T): T {
  visit(document, undefined);
  return document;
}

function visit(node: unknown, key: string | undefined): void {
  if (typeof node !== 'object' || node === null) return;
  const names = key !== undefined && NAME_MAPS.has(key);
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.map((value, index) => [index, value])
    : Object.entries(node);
  for (const [child, value] of entries) {
    const record = node as Record<string | number, unknown>;
    if (!names && typeof child === 'string' && TEXT.has(child) && typeof value === 'string') {
      record[child] = escapeJsDoc(value);
    } else if (!names && typeof child === 'string' && DATA.has(child)) {
      record[child] = escapeData(value);
    } else {
      // An array's items are objects of their own, never names (`parameters: [...]` of an
      // operation, unlike `components.parameters`).
      visit(value, typeof child === 'string' ? child : undefined);
    }
  }
}

/** Every string inside a data value (keys too), escaped; numbers and the shape stay. */
function escapeData(value: unknown): unknown {
  if (typeof value === 'string') return escapeJsDoc(value);
  if (Array.isArray(value)) return value.map(escapeData);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [escapeJsDoc(key), escapeData(inner)]),
    );
  return value;
}
