/**
 * Collections written in a new order (a schema's properties, the paths, an operation's
 * parameters, a `oneOf`'s branches; an enum's values are the wire layer's, wire.ts). The generated
 * types, guards, methods and docs list them in the spec's order, so `generated/` changes and
 * users see the new order in their editor and the docs, while TypeScript (an interface, a union)
 * does not mind it, so the SDK layer finds nothing (helper-134 5). One patch line per collection
 * says why those lines of `generated/` moved. Keywords in a new order (`description` after
 * `type`) change only the shipped `openapi.json`: package-changes.ts says so when nothing else
 * changed.
 */
import { isRecord } from '../../../generator/json.ts';
import { joinPointer } from '../../../generator/errors.ts';
import { getByRef, pointerTokens } from '../../../generator/pointer.ts';
import type { SourcePlace } from '../../../generator/index.ts';
import type { Change } from './change.ts';
import type { Level, SdkRule } from './rules.ts';

/** Where the head wrote a place (the generator's source map), and how to show a file. */
export interface OrderPlaces {
  place: (pointer: string, at?: 'value' | 'key') => SourcePlace | undefined;
  display: (file: string) => string;
}

/** Maps of named members (OpenAPI 3.1.1 §4.8, JSON Schema 2020-12 §10.3.2) below a keyword object. */
export const NAMED_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'paths',
  'webhooks',
  'callbacks',
  'responses',
  'content',
  'headers',
  'links',
  'encoding',
  'variables',
  'mapping',
  'schemas',
  'requestBodies',
  'securitySchemes',
  'pathItems',
]);

/** The HTTP methods a Path Item Object holds (OpenAPI 3.1.1 §4.8.9): the client's methods follow them. */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Security requirements are alternatives the client tries in order (§4.8.30): order is behaviour. */
const SECURITY = 'security requirements';

/**
 * Arrays whose members the generated code lists in order, and what identifies a member: a `oneOf`'s
 * branches (a union), an operation's parameters (by `in` and `name`), tags.
 */
const ORDERED_ARRAYS: Record<string, string> = {
  oneOf: '`oneOf` branches',
  anyOf: '`anyOf` branches',
  allOf: '`allOf` members',
  parameters: 'parameters',
  tags: 'tags',
  servers: 'servers',
  security: SECURITY,
};

/** Keywords whose values are data, not more of the description: their insides are not walked. */
const DATA = new Set(['example', 'examples', 'default', 'const', 'value', 'x-sdk']);

/** How many members a line names before "…". */
const SHOWN = 6;

/** Every collection of the head that holds the base's members in another order. */
export function orderChanges(
  base: unknown,
  head: unknown,
  level: Level,
  places: OrderPlaces,
): Change[] {
  const changes: Change[] = [];
  const report = (pointer: string, what: string, order: string[]) => {
    const shown = order.slice(0, SHOWN).map((name) => `\`${name}\``);
    const rest = order.length > SHOWN ? ', …' : '';
    const source = sourceOf(places, pointer);
    changes.push({
      level,
      kind: 'sdk/order-changed' satisfies `sdk/${SdkRule}`,
      location: locationOf(pointer),
      message: `${pointer === '/paths' ? 'the paths' : `\`${locationOf(pointer)}\`: ${what}`} in a new order (${shown.join(', ')}${rest}): ${
        what === SECURITY
          ? 'a client that holds the credentials of more than one sends the first it can in this order'
          : 'the generated types and docs list them so; nothing to compile against or on the wire changed'
      }`,
      ...(source === undefined ? {} : { source }),
    });
  };
  walk(base, head, '', (pointer, what, order) =>
    report(
      pointer,
      what,
      order.map((member) => labelOf(member, head)),
    ),
  );
  return changes;
}

/** A collection at `pointer` whose members (keys, or array members) are in a new order. */
type Report = (pointer: string, what: string, order: unknown[]) => void;

/** Walks a keyword object (a schema, an operation, …) of both sides at `pointer`. */
function walk(base: unknown, head: unknown, pointer: string, report: Report): void {
  if (Array.isArray(base) && Array.isArray(head)) {
    if (base.length === head.length)
      base.forEach((member, i) => walk(member, head[i], `${pointer}/${i}`, report));
    return;
  }
  if (!isRecord(base) || !isRecord(head)) return;
  const methods = commonKeys(base, head).filter((key) => METHODS.includes(key));
  if (pointer.startsWith('/paths/') && pointerTokens(pointer).length === 2)
    compareOrder(base, head, methods, pointer, 'operations', report);
  for (const key of commonKeys(base, head)) {
    if (DATA.has(key) || key.startsWith('x-')) continue;
    const at = joinPointer(pointer, key);
    const [from, to] = [base[key], head[key]];
    if (NAMED_MAPS.has(key) && isRecord(from) && isRecord(to)) {
      compareOrder(from, to, commonKeys(from, to), at, membersOf(key), report);
      for (const name of commonKeys(from, to))
        walk(from[name], to[name], joinPointer(at, name), report);
    } else if (key in ORDERED_ARRAYS && Array.isArray(from) && Array.isArray(to)) {
      compareArrays(from, to, at, ORDERED_ARRAYS[key]!, report);
    } else {
      walk(from, to, at, report);
    }
  }
}

/** Reports `keys` (common to both) when the head has them in another relative order. */
function compareOrder(
  base: Record<string, unknown>,
  head: Record<string, unknown>,
  keys: string[],
  pointer: string,
  what: string,
  report: Report,
): void {
  const common = new Set(keys);
  const before = Object.keys(base).filter((key) => common.has(key));
  const after = Object.keys(head).filter((key) => common.has(key));
  if (before.some((key, i) => key !== after[i])) report(pointer, what, after);
}

/**
 * An array's members matched by identity (a parameter by `in` and `name`, anything else by its
 * JSON): reported when the common ones are in another order; matched members are walked.
 */
function compareArrays(
  base: unknown[],
  head: unknown[],
  pointer: string,
  what: string,
  report: Report,
): void {
  const ids = (list: unknown[]) => list.map(identity);
  const [from, to] = [ids(base), ids(head)];
  const common = new Set(from.filter((id) => to.includes(id)));
  const before = from.filter((id) => common.has(id));
  const after = to.filter((id) => common.has(id));
  if (before.some((id, i) => id !== after[i]))
    report(
      pointer,
      what,
      after.map((id) => head[to.indexOf(id)]),
    );
  base.forEach((member, i) => {
    const j = to.indexOf(from[i]!);
    if (j >= 0 && isRecord(member)) walk(member, head[j], `${pointer}/${j}`, report);
  });
}

/** What identifies an array's member on both sides: a parameter its `in` and `name`, else its JSON. */
export function identity(member: unknown): string {
  if (isRecord(member) && typeof member.name === 'string' && typeof member.in === 'string')
    return `${member.in} ${member.name}`;
  return JSON.stringify(member) ?? 'undefined';
}

/** A member as a line names it: a key as it is, a parameter (also through `$ref`) by its name. */
function labelOf(member: unknown, doc: unknown): string {
  if (typeof member === 'string') return member;
  if (isRecord(member)) {
    const target = typeof member.$ref === 'string' ? getByRef(doc, member.$ref) : undefined;
    if (isRecord(target) && typeof target.name === 'string') return target.name;
    if (typeof member.name === 'string') return member.name;
    if (typeof member.$ref === 'string') return member.$ref.split('/').pop()!;
    if (typeof member.url === 'string') return member.url;
  }
  const text = typeof member === 'string' ? member : JSON.stringify(member);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function commonKeys(base: Record<string, unknown>, head: Record<string, unknown>): string[] {
  return Object.keys(base).filter((key) => Object.hasOwn(head, key));
}

function membersOf(key: string): string {
  switch (key) {
    case 'properties':
    case 'patternProperties':
      return 'properties';
    case 'schemas':
    case '$defs':
    case 'definitions':
      return 'schemas';
    case 'paths':
      return 'paths';
    default:
      return `\`${key}\` entries`;
  }
}

/** Where the head wrote the key at `pointer`: `spec/schemas/Order.yaml:7`. */
export function sourceOf(places: OrderPlaces, pointer: string): string | undefined {
  const place = places.place(pointer, 'key');
  if (place === undefined) return undefined;
  return `${places.display(place.file)}${place.line === undefined ? '' : `:${place.line}`}`;
}

/**
 * A pointer as users know its place: `Order` for `/components/schemas/Order/properties`,
 * `GET /orders` for `/paths/~1orders/get/parameters`, else the pointer itself.
 */
export function locationOf(pointer: string): string {
  const tokens = pointerTokens(pointer);
  if (tokens[0] === 'components' && tokens[1] === 'schemas' && tokens.length > 2) {
    // The collection's own keyword (`properties`, `enum`) left out, and the `properties` between.
    const path = tokens.slice(3, -1).filter((token) => token !== 'properties');
    return [tokens[2]!, ...path].join('.');
  }
  if (tokens[0] === 'paths' && tokens.length > 2 && METHODS.includes(tokens[2]!))
    return `${tokens[2]!.toUpperCase()} ${tokens[1]!}`;
  if (tokens[0] === 'paths' && tokens.length > 1) return tokens[1]!;
  if (tokens[0] === 'components' && tokens.length > 2)
    return `components.${tokens[1]!}.${tokens[2]!}`;
  return `#${pointer}`;
}
