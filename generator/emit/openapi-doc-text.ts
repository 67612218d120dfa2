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
  visit(document, false);
  return document;
}

/**
 * `names`: `node` is a name map (`properties`, `responses`), whose keys are names and whose entries
 * are objects with fields again (a property called `content` is a schema with a description).
 */
function visit(node: unknown, names: boolean): void {
  if (typeof node !== 'object' || node === null) return;
  // An array's items are objects of their own, never names (`parameters: [...]` of an operation,
  // unlike `components.parameters`).
  if (Array.isArray(node)) {
    for (const item of node) visit(item, false);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const [child, value] of Object.entries(record)) {
    if (names) visit(value, false);
    else if (TEXT.has(child) && typeof value === 'string') record[child] = escapeJsDoc(value);
    else if (DATA.has(child)) record[child] = escapeData(value);
    else visit(value, NAME_MAPS.has(child));
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
