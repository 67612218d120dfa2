/**
 * Operations a spec keeps outside `paths`, in a root extension that holds a Paths Object:
 * AutoRest's `x-ms-paths` (Azure: paths that differ from another only in their query string,
 * `/items?op=archive`, which `paths` cannot hold twice), or any other `x-…` whose keys are paths
 * and whose values are path items. The generator reads only `paths`, so these operations are not
 * in the SDK: a warning per extension says so, once, with how many operations it holds.
 */
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import type { Warnings } from '../warnings.ts';
import { HTTP_METHODS } from './build-operations.ts';

export function warnPathsInExtensions(
  doc: Record<string, unknown>,
  file: string,
  warnings: Warnings,
): void {
  for (const [key, value] of Object.entries(doc)) {
    if (!key.startsWith('x-') || !isRecord(value)) continue;
    const items = Object.entries(value).flatMap(([path, item]) =>
      path.startsWith('/') && isPathItem(item) ? [item] : [],
    );
    if (items.length === 0) continue;
    const count = items.reduce(
      (sum, item) => sum + HTTP_METHODS.filter((method) => isRecord(item[method])).length,
      0,
    );
    const azure =
      key === 'x-ms-paths'
        ? " (AutoRest's extension for paths that differ from another only in their query string)"
        : '';
    warnings.add(
      `extension-paths:${key}`,
      `\`${key}\`${azure} holds ${items.length} path${items.length === 1 ? '' : 's'} with ${count} operation${count === 1 ? '' : 's'}; the generator reads operations only from \`paths\`, so these are not in the SDK`,
      { file, pointer: joinPointer('#', key) },
      `move them under \`paths\`: a path that differs from another only in its query string (\`/items?op=archive\`) needs a path of its own there, or one operation with the query as a parameter; remove \`${key}\` to silence this`,
    );
  }
}

/** An object with an operation (or a `$ref`) under an HTTP method, as a Path Item holds them. */
function isPathItem(item: unknown): item is Record<string, unknown> {
  return (
    isRecord(item) &&
    (typeof item.$ref === 'string' || HTTP_METHODS.some((method) => isRecord(item[method])))
  );
}
