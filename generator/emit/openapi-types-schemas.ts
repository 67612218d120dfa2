/**
 * A pre-processing step for the document openapi-typescript turns into src/openapi.ts: schema
 * keywords it types wrongly (a type that rejects values the schema accepts, or requires keys no
 * value has) rewritten into keywords it types right, in the copy of the document it is given.
 * Each rewrite keeps the meaning of the schema for the values it types; the model's document
 * (src/types.ts, the guards, openapi.json) is not touched.
 *
 * - `$defs` inside a schema: openapi-typescript prints it as a required property named `$defs`
 *   (`{ next?: …; $defs: { Node: … } }`, openapi-ts/openapi-typescript#2664), so no value fits. A schema's `$defs` only holds schemas
 *   for `$ref`s to point at, and every such ref has been pointed at a `components.schemas` entry
 *   of its own by then (openapi-types-refs.ts), so it is dropped.
 * - `patternProperties`, and `additionalProperties` beside `properties`: an index signature that
 *   the properties' own values do not fit ({@link fixIndexSignature}).
 * - `required` naming `readOnly` or `writeOnly` properties: requests had to send readOnly ones,
 *   responses promised writeOnly ones ({@link fixDirectionalRequired}).
 * - `enum` of an object schema: its values read as schemas ({@link fixObjectEnum}).
 * - a type a vendor extension gives (`x-kubernetes-int-or-string`): written as `type`
 *   ({@link fixExtensionTypes}).
 * - `discriminator`: openapi-typescript pins the property in the schemas a union lists, not in
 *   the union ({@link fixDiscriminator}).
 */
import {
  conditionalProperties,
  type ConditionalProperty,
  type FollowRef,
} from '../conditional-properties.ts';
import { isRecord } from '../json.ts';
import { holdsObjects, NAME_MAPS } from '../document-keys.ts';
import { getByPointer, pointerTokens } from '../pointer.ts';
import { extensionTypes } from '../model/schema-extensions.ts';
import { isNullBesideUnion } from '../model/null-beside-union.ts';

/** The schema a local `$ref` (decoded already, openapi-types.ts `literalRefs`) points at. */
type Resolve = (schema: unknown) => unknown;

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
  const follow: FollowRef = (ref) => {
    const target = resolve({ $ref: ref });
    return target === undefined ? undefined : [target, ref];
  };
  // Read from the document as written, before any schema is rewritten: one schema's added
  // properties must not depend on whether the schemas it refers to were rewritten already.
  const conditional = new Map<object, ConditionalProperty[]>();
  eachSchema(document, (schema) => {
    const added = conditionalProperties(schema, '#', follow);
    if (added.length > 0) conditional.set(schema, added);
  });
  // As written too: `type: 'null'` beside a union that refuses null (model/null-beside-union.ts).
  const nullBesideUnion = new Set<object>();
  eachSchema(document, (schema) => {
    if (isNullBesideUnion(schema, document as Record<string, unknown>)) nullBesideUnion.add(schema);
  });
  const openapi = (document as Record<string, unknown>).openapi;
  const v31 = typeof openapi === 'string' && openapi.startsWith('3.1');
  eachSchema(document, (schema) => {
    if (nullBesideUnion.has(schema)) {
      // Null or a variant, as src/types.ts has it; openapi-typescript typed `null & (A | B)`.
      delete schema.type;
      schema.nullable = true;
    }
    if (v31) fixNullableRef(schema);
    fixSchema(schema, resolve, used, conditional.get(schema));
  });
  return document;
}

/**
 * 3.0's `nullable: true` beside a `$ref` in a 3.1 document, which src/types.ts honours (`B | null`,
 * model/build-schema.ts buildRef): openapi-typescript types `allOf: [{ $ref }]` with `nullable`
 * so, and the `$ref` alone without it.
 */
function fixNullableRef(schema: Record<string, unknown>): void {
  if (typeof schema.$ref !== 'string' || schema.nullable !== true) return;
  const others: unknown[] = Array.isArray(schema.allOf) ? schema.allOf : [];
  schema.allOf = [{ $ref: schema.$ref }, ...others];
  delete schema.$ref;
}

/** Calls `fix` with every object of `document` that is no map of names, the root aside. */
function eachSchema(document: object, fix: (schema: Record<string, unknown>) => void): void {
  const seen = new Set<object>();
  const visit = (node: unknown, names: boolean, root: boolean): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false, false);
      return;
    }
    const record = node as Record<string, unknown>;
    if (!names && !root) fix(record);
    for (const [key, value] of Object.entries(record)) {
      if (names) visit(value, false, false);
      else if (holdsObjects(key)) visit(value, NAME_MAPS.has(key), false);
    }
  };
  visit(document, false, true);
}

/**
 * One object that is no map of names: a schema, or an object of the document around schemas
 * (an operation, a media type), which has none of the keywords rewritten here.
 */
function fixSchema(
  schema: Record<string, unknown>,
  resolve: Resolve,
  used: Directions,
  conditional: ConditionalProperty[] | undefined,
): void {
  if (isRecord(schema.$defs)) delete schema.$defs;
  if (conditional !== undefined) addConditionalProperties(schema, conditional);
  fixIndexSignature(schema);
  fixDirectionalRequired(schema, resolve, used);
  fixDiscriminator(schema, resolve);
  fixObjectEnum(schema);
  fixExtensionTypes(schema);
}

/**
 * openapi-typescript reads no `then`, `else` or `dependentSchemas`, so the properties only they
 * declare were missing from the type, and a valid value with them did not compile. They become
 * optional `properties` of the schema (an `anyOf` where branches type one differently), as in
 * src/types.ts (generator/conditional-properties.ts says which).
 */
function addConditionalProperties(
  schema: Record<string, unknown>,
  added: readonly ConditionalProperty[],
): void {
  schema.properties = {
    ...(isRecord(schema.properties) ? schema.properties : {}),
    ...Object.fromEntries(
      added.map(({ name, schemas }) => [
        name,
        schemas.length === 1 ? schemas[0]!.schema : { anyOf: schemas.map((s) => s.schema) },
      ]),
    ),
  };
}

/**
 * A type a vendor extension gives a schema without `type` (model/schema-extensions.ts:
 * `x-kubernetes-int-or-string`), written as `type`, which openapi-typescript reads (it read no
 * extension, and typed such a schema `unknown`).
 */
function fixExtensionTypes(schema: Record<string, unknown>): void {
  const types = extensionTypes(schema);
  if (types !== undefined) schema.type = types;
}

/** The keywords beside which openapi-typescript does not read `enum` as a list of values. */
const ENUM_HIDERS = ['properties', 'additionalProperties'];
/** The object keywords an `enum` makes moot. */
const BESIDE_ENUM = [...ENUM_HIDERS, 'patternProperties', 'required'];

/**
 * openapi-typescript reads the `enum` of a `type: object` schema, or of one with `properties` or
 * `additionalProperties`, as if its values were `oneOf` schemas: `{ type: 'null' }` became `null`,
 * which the value itself does not fit, and `{ a: 1 }` became `unknown`. An `enum` allows its
 * values and nothing else, whatever the keywords beside it say, so these go and the values are
 * typed as literals (`{ a: 1 } | { a: 2 }`, as src/types.ts has them).
 */
function fixObjectEnum(schema: Record<string, unknown>): void {
  if (!Array.isArray(schema.enum)) return;
  if (schema.type !== 'object' && !ENUM_HIDERS.some((key) => key in schema)) return;
  if (schema.type === 'object') delete schema.type;
  for (const key of BESIDE_ENUM) delete schema[key];
}

/**
 * openapi-typescript reads a `discriminator` by rewriting the schemas it names: each `oneOf`
 * member's property gets the union's values (or the member's name) as its only ones, wherever else
 * that schema is used, and each `allOf` child of a schema with a discriminator gets its name or
 * mapped value. So a schema listed by two unions kept only the first one's values, a member's own
 * `enum` or `const` was replaced by its name (openapi-ts/openapi-typescript#2149, and `never`
 * where both happen, #2775), and a schema used on its own, or an `allOf` child not in the mapping
 * (#2318), rejected the values its schema allows. A bare schema name in the mapping (`cat: Cat`)
 * was not read at all.
 *
 * As src/types.ts does (generator/emit/schema-types/print.ts), the union narrows its members
 * instead: a `$ref` member that does not give the property values of its own becomes `allOf:
 * [member, { properties: { <property>: { enum: <values> } } }]`, its values being the mapping's
 * for it, else its schema name (a member whose `type` is not `object` has no property to narrow);
 * the schemas themselves are left as they are. Where an inline member may be an object, no value
 * is known to select it, and nothing is narrowed (as the model reads it,
 * generator/model/build-discriminator.ts). The `discriminator` goes, so openapi-typescript's own
 * reading (`scanDiscriminators`) finds nothing to rewrite: its `Omit<Base, property> & { property:
 * '<name>' }` for `allOf` children goes too, which leaves them as wide as src/types.ts has them.
 */
function fixDiscriminator(schema: Record<string, unknown>, resolve: Resolve): void {
  const { discriminator } = schema;
  if (!isRecord(discriminator)) return;
  delete schema.discriminator;
  const property = discriminator.propertyName;
  if (typeof property !== 'string') return;
  const mapping = isRecord(discriminator.mapping) ? Object.entries(discriminator.mapping) : [];
  const valuesFor = (ref: string): string[] =>
    mapping
      .filter(([, target]) => typeof target === 'string' && schemaRef(target) === ref)
      .map(([value]) => value);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    const named = members.map((member) => componentName(member));
    if (members.some((member, i) => named[i] === undefined && mayHoldObject(resolve(member))))
      continue;
    schema[key] = members.map((member: unknown, i) => {
      const name = named[i];
      if (name === undefined || !isRecord(member)) return member;
      if (pinsProperty(member, property, resolve) || !mayBeObject(resolve(member))) return member;
      const explicit = valuesFor(member.$ref as string);
      const values = explicit.length > 0 ? explicit : [name];
      return {
        allOf: [
          member,
          {
            type: 'object',
            required: [property],
            properties: { [property]: { type: 'string', enum: values } },
          },
        ],
      };
    });
  }
}

/** A mapping target as a ref: a ref as it is, a bare name as the ref to that component schema. */
function schemaRef(target: string): string {
  if (target.startsWith('#')) return target;
  return `#/components/schemas/${target.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/**
 * The name of the component schema a `$ref` member names (`#/components/schemas/Cat` → `Cat`);
 * undefined for any other member, and for the entries openapi-types-refs.ts made for schemas
 * inside others (their keys are pointers, `#/paths/…`), which the model reads as inline schemas.
 */
function componentName(member: unknown): string | undefined {
  if (!isRecord(member) || typeof member.$ref !== 'string' || !member.$ref.startsWith('#/'))
    return undefined;
  const tokens = pointerTokens(member.$ref);
  const [components, schemas, name] = tokens;
  return tokens.length === 3 &&
    components === 'components' &&
    schemas === 'schemas' &&
    name !== undefined &&
    !name.startsWith('#')
    ? name
    : undefined;
}

const SCALAR_TYPES = new Set(['null', 'boolean', 'string', 'number', 'integer']);

/** False for schemas that can never hold an object: scalar types, enums of scalars. */
function mayHoldObject(schema: unknown): boolean {
  if (!isRecord(schema)) return schema !== false;
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
  if (schema.type !== undefined && types.every((type) => SCALAR_TYPES.has(type as string)))
    return false;
  const values = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : undefined;
  if (values !== undefined)
    return values.some((value) => typeof value === 'object' && value !== null);
  if ('const' in schema) return typeof schema.const === 'object' && schema.const !== null;
  return true;
}

/**
 * False for schemas whose `type` leaves out objects (an array, a string): no property can select
 * them, so they are not narrowed (GitHub's contents union lists an array schema under `array`;
 * src/types.ts narrows it, to a type no array has).
 */
function mayBeObject(schema: unknown): boolean {
  if (!isRecord(schema) || schema.type === undefined) return true;
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
  return types.includes('object');
}

/** Whether `schema` gives `property` an `enum` or `const` of its own (through refs and `allOf`). */
function pinsProperty(schema: unknown, property: string, resolve: Resolve): boolean {
  return declarations(schema, property, resolve).some(
    (declared) => isRecord(declared) && ('enum' in declared || 'const' in declared),
  );
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
        else if (holdsObjects(key)) stack.push([value, NAME_MAPS.has(key)]);
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
      else if (key !== 'schemas' && holdsObjects(key))
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
  // The property as written too: `readOnly` beside its `$ref` applies (OpenAPI 3.1 §4.8.24; the
  // model reads it there in 3.0 as well, as most tools do).
  const written: unknown =
    isRecord(target.properties) && Object.hasOwn(target.properties, name)
      ? target.properties[name]
      : undefined;
  const own = written === undefined ? [] : allOfParts(written, resolve);
  const members = Array.isArray(target.allOf) ? (target.allOf as unknown[]) : [];
  return [...own, ...members.flatMap((member) => declarations(member, name, resolve, seen))];
}

/**
 * A schema as written, what its `$ref` names, and the same of each of its `allOf` members, all the
 * way down: the schemas whose annotations (`readOnly`, `writeOnly`) hold for its value (JSON Schema
 * 2020-12 §7.7.1; `{ allOf: [{ $ref: Id, readOnly: true }] }` is read-only).
 */
function allOfParts(schema: unknown, resolve: Resolve, seen = new Set<unknown>()): unknown[] {
  if (!isRecord(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const target = resolve(schema);
  const parts = target === schema ? [schema] : [schema, target];
  const members =
    isRecord(target) && Array.isArray(target.allOf) ? (target.allOf as unknown[]) : [];
  const own = Array.isArray(schema.allOf) && target !== schema ? (schema.allOf as unknown[]) : [];
  return [...parts, ...[...own, ...members].flatMap((member) => allOfParts(member, resolve, seen))];
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
