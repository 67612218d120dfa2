/**
 * Examples changed (`example`, `examples`, the Example Objects of `components.examples`): the SDK
 * layer does not look at them (they are not types), and `redocly diff` has no rule for most of
 * them, but users see them: a schema's in the types' TSDoc (`@example`) and the docs, a request's
 * or response's in the docs' samples and in the testing kit's mock client, which answers with them
 * (generator/emit/testing.ts). Without these lines an edit of an example regenerated the package
 * and `npm run diff` said "no changes". One patch line per place, said where users know it.
 */
import { isDeepStrictEqual } from 'node:util';
import { joinPointer, pointerToken } from '../../../generator/errors.ts';
import { isRecord } from '../../../generator/json.ts';
import { getByPointer, pointerTokens } from '../../../generator/pointer.ts';
import type { Change } from './change.ts';
import { identity, locationOf, NAMED_MAPS, sourceOf, type OrderPlaces } from './order.ts';
import type { Level, SdkRule } from './rules.ts';

const EXAMPLE_KEYS = new Set(['example', 'examples']);

/** Keywords below which an `example` is a schema's (JSON Schema 2020-12 §9.5), not a sample's. */
const SCHEMA_KEYS = new Set(['schema', 'schemas', 'properties', 'items', 'prefixItems', '$defs']);

type Report = (pointer: string, how: 'added' | 'changed' | 'removed') => void;

export function exampleChanges(
  base: Record<string, unknown>,
  head: Record<string, unknown>,
  level: Level,
  places: OrderPlaces,
): Change[] {
  const changes: Change[] = [];
  const report: Report = (pointer, how) => {
    const source = sourceOf(places, pointer);
    const tokens = pointerTokens(pointer);
    const ofSchema = tokens.some((token) => SCHEMA_KEYS.has(token));
    changes.push({
      level,
      kind: 'sdk/examples-changed' satisfies `sdk/${SdkRule}`,
      location: locationOf(pointer),
      message: `\`${locationOf(pointer)}\`: ${exampleName(tokens, head, ofSchema)} ${how}: ${
        ofSchema
          ? "the types' TSDoc and the docs show it"
          : "the docs' samples and the testing kit's mock data follow it"
      }`,
      ...(source === undefined ? {} : { source }),
    });
  };
  walk(base, head, '', report);
  return changes;
}

function walk(base: unknown, head: unknown, pointer: string, report: Report): void {
  if (isDeepStrictEqual(base, head)) return;
  if (Array.isArray(base) && Array.isArray(head)) {
    // Members matched as order.ts matches them (a parameter by `in` and `name`): parameters in a
    // new order, or one more, are no example added and removed.
    const ids = head.map(identity);
    base.forEach((member, i) => {
      const j = ids.indexOf(identity(member));
      if (j >= 0) walk(member, head[j], `${pointer}/${j}`, report);
      else if (base.length === head.length) walk(member, head[i], `${pointer}/${i}`, report);
    });
    return;
  }
  if (!isRecord(base) || !isRecord(head)) return;
  for (const key of new Set([...Object.keys(head), ...Object.keys(base)])) {
    // The root `x-sdk` and other extensions are settings, not examples.
    if (key.startsWith('x-')) continue;
    const at = joinPointer(pointer, key);
    const [from, to] = [base[key], head[key]];
    if (key === 'examples' && pointer === '/components') {
      // Shared examples are said where they are used (a `$ref` to one added or removed there);
      // here only a change of one both sides hold. The bundler leaves out the ones no `$ref`
      // reaches, which is no change anyone sees.
      if (isRecord(from) && isRecord(to))
        for (const name of Object.keys(to))
          if (Object.hasOwn(from, name) && !isDeepStrictEqual(from[name], to[name]))
            report(joinPointer(at, name), 'changed');
      continue;
    }
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
    // A map of named Example Objects (a media type's, a parameter's): each.
    if (key === 'examples' && isRecord(from) && isRecord(to)) {
      for (const name of new Set([...Object.keys(to), ...Object.keys(from)]))
        if (!isDeepStrictEqual(from[name], to[name]))
          report(joinPointer(at, name), how(from[name], to[name]));
      continue;
    }
    report(at, how(from, to));
  }
}

function how(before: unknown, after: unknown): 'added' | 'changed' | 'removed' {
  return before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
}

/**
 * The example as users know it, from its pointer's tokens: "example of its 200 response
 * (application/json)", "example `resourcePage` of its request body", "examples of parameter `q`".
 */
function exampleName(tokens: string[], head: unknown, ofSchema: boolean): string {
  const at = tokens.findIndex((token) => EXAMPLE_KEYS.has(token));
  const named =
    tokens[at] === 'examples' && tokens[at + 1] !== undefined && !/^\d+$/.test(tokens[at + 1]!);
  const what = named
    ? `example \`${tokens[at + 1]!}\``
    : tokens[at] === 'examples'
      ? 'examples'
      : 'example';
  if (tokens[0] === 'components' && tokens[1] === 'examples')
    return `shared example \`${tokens[2]!}\``;
  // A schema's: its place (`Plan.id`) is the line's location already.
  if (ofSchema && tokens[0] === 'components') return what;
  const before = tokens.slice(0, at);
  const response = before.indexOf('responses');
  const content = before.indexOf('content');
  const type = content >= 0 ? ` (${before[content + 1]!})` : '';
  const property = before.lastIndexOf('properties');
  if (property >= 0 && before[property + 1] !== undefined)
    return `${what} of property \`${before[property + 1]!}\``;
  if (response >= 0) return `${what} of its ${before[response + 1]!} response${type}`;
  if (before.includes('requestBody')) return `${what} of its request body${type}`;
  const parameter = before.indexOf('parameters');
  if (parameter >= 0) {
    const declared = getByPointer(
      head,
      `/${before
        .slice(0, parameter + 2)
        .map(pointerToken)
        .join('/')}`,
    );
    const name =
      isRecord(declared) && typeof declared.name === 'string' ? declared.name : undefined;
    return name === undefined ? `${what} of a parameter` : `${what} of parameter \`${name}\``;
  }
  return what;
}
