/**
 * The toolchain's own vendor extensions (`x-sdk…`) where the generator does not read them: a typo
 * (`x-sdk-paginaton`), another casing (`x-SDK-method`), or a known one in the wrong place
 * (`x-sdk-pagination` on a path item instead of its operation). What such a key asks for is not
 * done — a list method silently stops paginating — so each is a warning (`x-sdk:unknown-extension`)
 * naming the extension it looks like and where that one belongs. The root `x-sdk` object's own
 * keys are checked where they are read (build-info.ts).
 *
 * The places walked are the ones the extensions belong to: the document's root, path items (under
 * `paths`, `webhooks`, `components.pathItems`), their operations, and parameters (of path items,
 * operations and `components.parameters`). Other `x-…` keys are the spec's own and are left alone.
 */
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { closestOption } from '../unknown-option.ts';
import type { Warnings } from '../warnings.ts';
import { HTTP_METHODS } from './build-operations.ts';

type Place = 'the document root' | 'a path item' | 'an operation' | 'a parameter';

/** Each extension the generator reads, and the one place it reads it from (README "x-sdk"). */
const KNOWN: Readonly<Record<string, Place>> = {
  'x-sdk': 'the document root',
  'x-sdk-method': 'an operation',
  'x-sdk-pagination': 'an operation',
  'x-sdk-client-option': 'a parameter',
};

export function warnUnknownSdkExtensions(
  doc: Record<string, unknown>,
  file: string,
  warnings: Warnings,
): void {
  const check = (object: unknown, pointer: string, place: Place) => {
    if (!isRecord(object)) return;
    for (const key of Object.keys(object)) {
      if (!key.toLowerCase().startsWith('x-sdk') || KNOWN[key] === place) continue;
      const meant = KNOWN[key] === undefined ? closestOption(key, Object.keys(KNOWN)) : key;
      const belongs = meant === undefined ? undefined : KNOWN[meant];
      const [problem, hint] =
        meant === undefined || belongs === undefined
          ? [
              `\`${key}\` is not an extension the generator reads, so it does nothing`,
              `the generator's extensions are ${Object.keys(KNOWN)
                .map((known) => `\`${known}\``)
                .join(', ')}; fix its spelling or remove it`,
            ]
          : meant === key
            ? [
                `\`${key}\` belongs on ${belongs}, not on ${place}, so here it does nothing`,
                `move it to ${belongs}`,
              ]
            : [
                `\`${key}\` is not an extension the generator reads, so it does nothing`,
                `did you mean \`${meant}\` (on ${belongs})? fix its spelling or remove it`,
              ];
      warnings.add(
        'x-sdk:unknown-extension',
        problem,
        { file, pointer: joinPointer(pointer, key) },
        hint,
      );
    }
  };
  const parameters = (holder: Record<string, unknown>, pointer: string) => {
    if (!Array.isArray(holder.parameters)) return;
    holder.parameters.forEach((parameter, index) =>
      check(parameter, joinPointer(pointer, 'parameters', String(index)), 'a parameter'),
    );
  };
  const pathItem = (item: unknown, pointer: string) => {
    if (!isRecord(item)) return;
    check(item, pointer, 'a path item');
    parameters(item, pointer);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const at = joinPointer(pointer, method);
      check(operation, at, 'an operation');
      parameters(operation, at);
    }
  };

  check(doc, '#', 'the document root');
  for (const root of ['paths', 'webhooks'] as const) {
    const items = doc[root];
    if (!isRecord(items)) continue;
    for (const [key, item] of Object.entries(items)) pathItem(item, joinPointer('#', root, key));
  }
  const components = isRecord(doc.components) ? doc.components : {};
  if (isRecord(components.pathItems)) {
    for (const [name, item] of Object.entries(components.pathItems))
      pathItem(item, joinPointer('#/components/pathItems', name));
  }
  if (isRecord(components.parameters)) {
    for (const [name, parameter] of Object.entries(components.parameters))
      check(parameter, joinPointer('#/components/parameters', name), 'a parameter');
  }
}
