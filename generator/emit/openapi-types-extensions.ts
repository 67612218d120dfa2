/**
 * A pre-processing step for the document openapi-typescript turns into src/openapi.ts: the `x-…`
 * members of the objects whose other keys are names it types as members (the Paths Object, a
 * Responses Object, a Callback Object) are specification extensions (OpenAPI 3.1 §4.8.8, §4.8.16,
 * §4.8.18), data for other tools. openapi-typescript typed them as paths (`paths['x-internal']`)
 * and responses (`responses['x-codes']`); the rest of the generator already skips them
 * (document-keys.ts `pathItemEntries`). Maps whose keys are names (`components.schemas`,
 * `webhooks`) are left alone: `x-foo` is a valid name there.
 */
import { isRecord } from '../json.ts';

/** A Path Item's operations (OpenAPI 3.1 §4.8.9). */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Removes the extensions of `document` (a copy the caller owns) in place and returns it. */
export function withoutExtensionMembers<T extends object>(document: T): T {
  const doc = document as Record<string, unknown>;
  const pathItem = (item: unknown): void => {
    if (!isRecord(item)) return;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      dropExtensions(operation.responses);
      if (isRecord(operation.callbacks)) Object.values(operation.callbacks).forEach(callback);
    }
  };
  const callback = (value: unknown): void => {
    dropExtensions(value);
    if (isRecord(value)) Object.values(value).forEach(pathItem);
  };
  dropExtensions(doc.paths);
  if (isRecord(doc.paths)) Object.values(doc.paths).forEach(pathItem);
  if (isRecord(doc.webhooks)) Object.values(doc.webhooks).forEach(pathItem);
  const components = isRecord(doc.components) ? doc.components : {};
  if (isRecord(components.pathItems)) Object.values(components.pathItems).forEach(pathItem);
  if (isRecord(components.callbacks)) Object.values(components.callbacks).forEach(callback);
  return document;
}

function dropExtensions(map: unknown): void {
  if (!isRecord(map) || typeof map.$ref === 'string') return;
  for (const key of Object.keys(map)) if (key.startsWith('x-')) delete map[key];
}
