/**
 * A spec without operations (no `paths`, an empty one, or path items without an operation under an
 * HTTP method: a webhooks-only OpenAPI 3.1 description, a schemas library) generates a client
 * without methods. That is not an error (the schemas' types and guards are still useful), but
 * almost never what the author meant, so it is a warning naming what the spec holds instead.
 */
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import type { Warnings } from '../warnings.ts';

/** Warns when `operations` (the count the model built from `doc`'s `paths`) is zero. */
export function warnNoOperations(
  doc: Record<string, unknown>,
  operations: number,
  file: string,
  warnings: Warnings,
): void {
  if (operations > 0) return;
  const paths = doc['paths'];
  const pathCount = isRecord(paths) ? Object.keys(paths).length : 0;
  const where =
    paths === undefined
      ? 'no `paths`'
      : pathCount === 0
        ? '`paths` is empty'
        : `its ${plural(pathCount, 'path')} ${pathCount === 1 ? 'has' : 'have'} no operation under an HTTP method`;
  const webhooks = isRecord(doc['webhooks']) ? Object.keys(doc['webhooks']).length : 0;
  const calls =
    webhooks === 0
      ? ''
      : `; its ${plural(webhooks, 'webhook')} ${webhooks === 1 ? 'is a request' : 'are requests'} the API sends, which an SDK does not make`;
  warnings.add(
    'no-operations',
    `the spec has no operations (${where})${calls}: the client has no methods, and the package holds the schemas' types and guards only`,
    { file, pointer: paths === undefined ? '#' : joinPointer('#', 'paths') },
    "add the API's operations under `paths`; for a package of types and guards only, leave it so",
  );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
