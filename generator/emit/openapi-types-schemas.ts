/**
 * A pre-processing step for the document openapi-typescript turns into src/openapi.ts: schema
 * keywords it types wrongly (a type that rejects values the schema accepts, or requires keys no
 * value has) rewritten into keywords it types right, in the copy of the document it is given.
 * Each rewrite keeps the meaning of the schema for the values it types; the model's document
 * (src/types.ts, the guards, openapi.json) is not touched.
 *
 * - `$defs` inside a schema: openapi-typescript prints it as a required property named `$defs`
 *   (`{ next?: …; $defs: { Node: … } }`), so no value fits. A schema's `$defs` only holds schemas
 *   for `$ref`s to point at, and every such ref has been pointed at a `components.schemas` entry
 *   of its own by then (openapi-types-refs.ts), so it is dropped.
 * - `patternProperties`, and `additionalProperties` beside `properties`: an index signature that
 *   the properties' own values do not fit ({@link fixIndexSignature}).
 * - `required` naming `readOnly` or `writeOnly` properties: requests had to send readOnly ones,
 *   responses promised writeOnly ones ({@link fixDirectionalRequired}).
 */
import { isRecord } from '../json.ts';
import { getByPointer } from '../pointer.ts';

/** The schema a local `$ref` (decoded already, openapi-types.ts `literalRefs`) points at. */
type Resolve = (schema: unknown) => unknown;

/** Data: values, not schemas or keywords. */
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum']);
/** Objects whose keys are names (a property called `$defs`), not keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'schemas',
  'parameters',
  'requestBodies',
  'responses',
  'headers',
  'content',
  'encoding',
  'links',
  'callbacks',
  'pathItems',
  'securitySchemes',
  'paths',
  'webhooks',
  'mapping',
]);

/** Rewrites the schemas of `document` (a private copy) in place and returns it. */
export function fixSchemaKeywords<T extends object>(document: T): T {
  const resolve: Resolve = (schema) => {
    const trail = new Set<string>();
    let target = schema;
    while (isRecord(target) && typeof target.$ref === 'string' && target.$ref.startsWith('#')) {
      if (trail.has(target.$ref)) return undefined;
      trail.add(target.$ref);
      target = getByPointer(document, target.$ref);
    }
    return target;
  };
  const used = directions(document, resolve);
  const seen = new Set<object>();
  const visit = (node: unknown, names: boolean, root: boolean): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false, false);
      return;
    }
    const record = node as Record<string, unknown>;
    if (!names && !root) fixSchema(record, resolve, used);
    for (const [key, value] of Object.entries(record)) {
      if (names) visit(value, false, false);
      else if (!DATA.has(key) && !key.startsWith('x-')) visit(value, NAME_MAPS.has(key), false);
    }
  };
  visit(document, false, true);
  return document;
}

/**
 * One object that is no map of names: a schema, or an object of the document around schemas
 * (an operation, a media type), which has none of the keywords rewritten here.
 */
function fixSchema(schema: Record<string, unknown>, resolve: Resolve, used: Directions): void {
  if (isRecord(schema.$defs)) delete schema.$defs;
  fixIndexSignature(schema);
  fixDirectionalRequired(schema, resolve, used);
}

/**
 * openapi-typescript has one type per schema for requests and responses alike, and keeps a
 * `readOnly` or `writeOnly` property required where the schema requires it: a request had to send
 * the `id` the server makes, and a response promised the `password` it never sends. Its
 * `readWriteMarkers` would put `$Read<T>` wrappers, which describe no JSON, into the exported
 * `components` types; instead, a schema that requests send (a request body's or a parameter's, or
 * one those refer to) leaves its readOnly properties out of `required`, and one that responses
 * carry (or that nothing uses, as src/types.ts reads those) its writeOnly ones, also where an
 * `allOf` around the schema declaring them lists them. So a schema used one way only keeps what it
 * says for that way; one used both ways has both kinds optional, right both ways (src/types.ts is
 * exact there: it gives requests an `…Input` type).
 */
function fixDirectionalRequired(
  schema: Record<string, unknown>,
  resolve: Resolve,
  used: Directions,
): void {
  const { required } = schema;
  if (!Array.isArray(required)) return;
  const sent = used.sent.has(schema);
  const received = used.received.has(schema) || !sent;
  const kept = required.filter((name) => {
    if (typeof name !== 'string') return true;
    const declared = declarations(schema, name, resolve).filter(isRecord);
    return !(
      (sent && declared.some((d) => d.readOnly === true)) ||
      (received && declared.some((d) => d.writeOnly === true))
    );
  });
  if (kept.length < required.length) schema.required = kept;
}

/** The objects of every schema requests send, and of every schema responses carry. */
interface Directions {
  sent: Set<object>;
  received: Set<object>;
}

const SENT = 1;
const RECEIVED = 2;
/** Keys of the document around schemas below which schemas are sent, received, or both. */
const DIRECTION_OF: Record<string, number> = {
  parameters: SENT,
  requestBody: SENT,
  requestBodies: SENT,
  responses: RECEIVED,
  headers: RECEIVED,
  // The API sends webhook and callback requests, and reads the answers: both ways, to be safe.
  webhooks: SENT | RECEIVED,
  callbacks: SENT | RECEIVED,
};

/**
 * Which schemas of `document` requests send and responses carry: the `schema` of each parameter,
 * media type and header, by where it stands (under `requestBody`, `responses`, …), with every
 * object inside it and in the schemas its refs reach. Component schemas count only where used.
 */
function directions(document: object, resolve: Resolve): Directions {
  const used: Directions = { sent: new Set(), received: new Set() };
  const mark = (schema: unknown, direction: number): void => {
    const into = [
      ...(direction & SENT ? [used.sent] : []),
      ...(direction & RECEIVED ? [used.received] : []),
    ];
    const stack: [unknown, boolean][] = [[schema, false]];
    while (stack.length > 0) {
      const [node, names] = stack.pop()!;
      if (typeof node !== 'object' || node === null || into.every((set) => set.has(node))) continue;
      for (const set of into) set.add(node);
      if (Array.isArray(node)) {
        for (const item of node as unknown[]) stack.push([item, false]);
        continue;
      }
      const record = node as Record<string, unknown>;
      if (!names && typeof record.$ref === 'string') stack.push([resolve(record), false]);
      for (const [key, value] of Object.entries(record)) {
        if (names) stack.push([value, false]);
        else if (!DATA.has(key) && !key.startsWith('x-')) stack.push([value, NAME_MAPS.has(key)]);
      }
    }
  };
  const seen = [new Set<object>(), new Set<object>(), new Set<object>(), new Set<object>()];
  const walk = (node: unknown, direction: number, names: boolean): void => {
    if (typeof node !== 'object' || node === null || seen[direction]!.has(node)) return;
    seen[direction]!.add(node);
    if (Array.isArray(node)) {
      for (const item of node as unknown[]) walk(item, direction, false);
      return;
    }
    const record = node as Record<string, unknown>;
    if (!names && typeof record.$ref === 'string') walk(resolve(record), direction, false);
    for (const [key, value] of Object.entries(record)) {
      if (names) walk(value, direction, false);
      else if (key === 'schema') mark(value, direction);
      // Component schemas count where something uses them, not for being there.
      else if (key !== 'schemas' && !DATA.has(key) && !key.startsWith('x-'))
        walk(value, direction | (DIRECTION_OF[key] ?? 0), NAME_MAPS.has(key));
    }
  };
  walk(document, 0, false);
  return used;
}

/** The schemas of `schema`'s property `name`: its own, and those of its `allOf` members. */
function declarations(
  schema: unknown,
  name: string,
  resolve: Resolve,
  seen = new Set<unknown>(),
): unknown[] {
  const target = resolve(schema);
  if (!isRecord(target) || seen.has(target)) return [];
  seen.add(target);
  const own =
    isRecord(target.properties) && Object.hasOwn(target.properties, name)
      ? [resolve(target.properties[name])]
      : [];
  const members = Array.isArray(target.allOf) ? (target.allOf as unknown[]) : [];
  return [...own, ...members.flatMap((member) => declarations(member, name, resolve, seen))];
}

/**
 * openapi-typescript types `patternProperties` and `additionalProperties` as one index signature
 * beside the properties, `{ a?: string } & { [key: string]: number }`: every pattern's schema as if
 * it matched every key, and without the properties' own types, so `{ a: 'x' }` does not fit (`a`
 * would have to be a number too). The index signature must take whatever any key may hold: the
 * properties' schemas, the patterns' and `additionalProperties` (anything, where it is absent,
 * for the keys no pattern matches). So the patterns go, and `additionalProperties` becomes the
 * `anyOf` of all of those, or `true`.
 */
function fixIndexSignature(schema: Record<string, unknown>): void {
  const patterns = isRecord(schema.patternProperties)
    ? Object.values(schema.patternProperties)
    : [];
  const properties = isRecord(schema.properties) ? Object.values(schema.properties) : [];
  const extra = schema.additionalProperties;
  // openapi-typescript's own test for an `additionalProperties` that gives the index a type.
  const extraSchema = isRecord(extra) && Object.keys(extra).length > 0;
  if (patterns.length === 0 && !(extraSchema && properties.length > 0)) return;
  delete schema.patternProperties;
  if (patterns.length > 0 && extra !== false && !extraSchema) {
    schema.additionalProperties = true;
    return;
  }
  const members = [...(extraSchema ? [extra] : []), ...patterns, ...properties];
  schema.additionalProperties = members.length === 1 ? members[0] : { anyOf: members };
}
