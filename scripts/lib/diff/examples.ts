/**
 * Examples changed (`example`, `examples`, the Example Objects of `components.examples`): neither
 * layer looks at them (they are not types, and `redocly diff` has no rule for them), but users see
 * them: the docs' samples, and the testing kit's mock client answers with them
 * (generator/emit/testing.ts). Without this line an edit of an example regenerated the package and
 * `npm run release` found nothing to release. One patch line per place.
 */
import { isDeepStrictEqual } from 'node:util';
import { joinPointer } from '../../../generator/errors.ts';
import { isRecord } from '../../../generator/json.ts';
import type { Change } from './change.ts';
import { locationOf, NAMED_MAPS, sourceOf, type OrderPlaces } from './order.ts';
import type { Level, SdkRule } from './rules.ts';

const EXAMPLE_KEYS = new Set(['example', 'examples']);

export function exampleChanges(
  base: Record<string, unknown>,
  head: Record<string, unknown>,
  level: Level,
  places: OrderPlaces,
): Change[] {
  const changes: Change[] = [];
  const report = (pointer: string, how: string) => {
    const source = sourceOf(places, pointer);
    changes.push({
      level,
      kind: 'sdk/examples-changed' satisfies `sdk/${SdkRule}`,
      location: locationOf(pointer),
      message: `example ${how} at \`#${pointer}\`: the docs' samples and the testing kit's mock data follow it`,
      ...(source === undefined ? {} : { source }),
    });
  };
  walk(base, head, '', report);
  return changes;
}

function walk(
  base: unknown,
  head: unknown,
  pointer: string,
  report: (pointer: string, how: string) => void,
): void {
  if (isDeepStrictEqual(base, head)) return;
  if (Array.isArray(base) && Array.isArray(head)) {
    if (base.length === head.length)
      base.forEach((member, i) => walk(member, head[i], `${pointer}/${i}`, report));
    return;
  }
  if (!isRecord(base) || !isRecord(head)) return;
  for (const key of new Set([...Object.keys(head), ...Object.keys(base)])) {
    // The root `x-sdk` and other extensions are settings, not examples.
    if (key.startsWith('x-')) continue;
    const at = joinPointer(pointer, key);
    const [from, to] = [base[key], head[key]];
    // A map of named members (`properties`): its keys are names, which may be `example`.
    if (NAMED_MAPS.has(key) && isRecord(from) && isRecord(to)) {
      for (const name of Object.keys(to))
        if (Object.hasOwn(from, name)) walk(from[name], to[name], joinPointer(at, name), report);
      continue;
    }
    if (!EXAMPLE_KEYS.has(key) || isDeepStrictEqual(from, to)) {
      walk(from, to, at, report);
      continue;
    }
    // A map of named Example Objects (a media type's, a parameter's, `components.examples`): each.
    if (key === 'examples' && isRecord(from) && isRecord(to)) {
      for (const name of new Set([...Object.keys(to), ...Object.keys(from)]))
        if (!isDeepStrictEqual(from[name], to[name]))
          report(joinPointer(at, name), how(from[name], to[name]));
      continue;
    }
    report(at, how(from, to));
  }
}

function how(before: unknown, after: unknown): string {
  return before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
}
