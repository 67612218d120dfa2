/**
 * Values that fit a schema, and whether a value from the spec does: the one home of example values
 * for every emitter that shows or returns one (the README's and the docs' calls, the curl samples,
 * the testing kit's default answers).
 *
 * {@link sampleValue} builds a value of the schema's TypeScript type that also keeps its
 * validation keywords: every required property at every depth (`readOnly` ones left out of
 * requests, `writeOnly` ones out of responses), `minItems` items and `prefixItems` tuples,
 * `minLength` characters, numbers within their bounds and `multipleOf`, the first variant of a
 * union that can be built (with its discriminator value set), `allOf` members merged (a union
 * among them one variant at a time: `A & (B | C)` as `(A & B) | (A & C)`), a well-formed value
 * per `format`. A schema's own example or default is used when it fits. A
 * schema that contains itself stops where it can: a nullable or optional branch, an empty array,
 * another variant.
 *
 * {@link fitsSchema} is the check behind that: a value fits when a TypeScript object literal of it
 * would be accepted by the generated type (types, required properties, enum values, no property the
 * type does not declare unless it takes additional ones, tuple lengths) and it keeps the length and
 * number bounds. `pattern` is not checked (see `matches` for how a spec's regex is matched when a
 * sample is built).
 */
import { RE2JS } from 're2js';
import { plainBase } from '../model/build-schema-typed.ts';
import { patternSample } from './pattern-sample.ts';
import { typeShapingMembers } from '../model/loose-schemas.ts';
import { toRe2Syntax } from '../model/re2-syntax.ts';
import { everyEvaluatedKey } from '../model/schema-children.ts';
import type { Bound, JsonValue, RegexModel } from '../model/schema-types.ts';
import { isInheritedMember } from '../model/sdk-names.ts';
import type { NamedSchema, SchemaNode } from '../model/types.ts';

/** Which side of the wire: a request leaves out `readOnly` properties, a response `writeOnly` ones. */
export type Direction = 'request' | 'response';

export interface SampleOptions {
  direction: Direction;
  /**
   * `smallest`: null where allowed, `false`, `"string"` (the testing kit's default answers).
   * `illustrative` (default): a value where allowed, `true`, a string named after its property
   * (the README's and the docs' calls).
   */
  style?: 'smallest' | 'illustrative';
  /** Keep required `readOnly` properties in a request too (openapi-typescript's body types do). */
  readOnly?: boolean;
}

/**
 * A file or other binary value (`type: string, format: binary`, or a binary `contentMediaType`) in a request: a marker string the
 * printers recognise (code-print.ts prints `new Blob([…])`, the curl samples `@<name>`), since
 * JSON has no such value. Only built for requests; a NUL never starts a spec's string example
 * that reaches a printer unescaped.
 */
const BINARY_PREFIX = '\u0000binary:';

/** A binary sample standing for a file named `name` (printed as `new Blob([name])`, curl `@name`). */
export function binarySample(name: string): JsonValue {
  return `${BINARY_PREFIX}${name}`;
}

/** The name a binary sample stands for (`file` for a property `file`), or undefined for any other value. */
export function binarySampleName(value: JsonValue): string | undefined {
  return typeof value === 'string' && value.startsWith(BINARY_PREFIX)
    ? value.slice(BINARY_PREFIX.length)
    : undefined;
}

/**
 * Deeper than this, a value stops (an empty object, array or string; null where allowed). A `$ref`
 * followed and an `allOf` part each count a level. The testing kit's warning about a default answer
 * its guards refuse names the number (emit/testing/values.ts).
 */
export const MAX_SAMPLE_DEPTH = 12;

/** Longest JSON text of a schema's own object or array example that a sample takes over. */
const MAX_EXAMPLE_TEXT = 200;

const FORMATS: Readonly<Record<string, string>> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': 'https://example.com',
  iri: 'https://example.com',
  'iri-reference': 'https://example.com',
  'uri-template': 'https://example.com/{id}',
  uuid: '00000000-0000-4000-8000-000000000000',
  'json-pointer': '/a',
  'relative-json-pointer': '0',
  regex: '.*',
  byte: 'AA==',
};

const PATTERN_CANDIDATES = [
  'string',
  'a',
  'A',
  '0',
  'aa',
  'AA',
  '00',
  'a0',
  'A0',
  'aaa',
  'AAA',
  '000',
];

type JsonObject = { [key: string]: JsonValue };

interface Walk {
  byName: ReadonlyMap<string, SchemaNode>;
  options: Required<SampleOptions>;
  /** Array items and string characters this sample may still make (MAX_SAMPLE_SIZE at first). */
  left: number;
  /**
   * Values this sample may still build only to try another (MAX_SAMPLE_TRIES at first): a
   * duplicate item of a `uniqueItems` array, a `oneOf` variant's value that another variant
   * accepts too, an `allOf` candidate a member rejects. Past it, the first value built stays.
   */
  tries: number;
  /**
   * The {@link ObjectParts} of each named schema, read once: schemas that share `allOf` members
   * were read once per path to them, a number that doubles with every level (helper-141 F1).
   */
  parts: Map<string, ObjectParts | undefined>;
  /**
   * While one {@link fits} or {@link accepts} call runs (values do not change during it): the
   * `$ref`s it has followed, and past {@link MEMO_AFTER} of them each named schema's verdict on
   * each value met. A value tried against unions that share variants (`S1: oneOf: [S2, S3]`,
   * `S2: oneOf: [S3, S4]`, …) was tried once per path (helper-141 F2); most checks follow a few
   * refs and keep no verdicts.
   */
  verdicts?: { refs: number; capped: number; fits?: Verdicts; accepts?: Verdicts } | undefined;
  /**
   * `allOf`s this sample may still distribute over a union (MAX_JOINS at first; see
   * {@link joinedVariants}): unions of `allOf`s of unions multiply their alternatives level by
   * level (helper-143 F4). Past it, an `allOf` is checked member by member, and built as one.
   */
  joins: number;
}

/**
 * Verdicts by schema name, then by value (objects by identity); `cutAt`: the depth the verdict
 * was reached from when the depth limit cut it short, undefined when it did not.
 */
type Verdicts = Map<string, ValueVerdicts>;
type ValueVerdicts = Map<JsonValue, { verdict: boolean; cutAt?: number }>;

/** `$ref`s one check follows before it keeps verdicts (see {@link Walk.verdicts}). */
const MEMO_AFTER = 256;

/**
 * The most array items and string characters one sample makes, all branches tried together: past
 * it, arrays and strings stop short of their `minItems` and `minLength` (still of their type, so
 * a call with the sample compiles), rather than a spec's `minItems: 1000` three arrays deep (a
 * billion numbers) or `minLength: 1e9` filling the memory.
 */
const MAX_SAMPLE_SIZE = 10_000;

/** The most values one sample builds to try another (see {@link Walk.tries}). */
const MAX_SAMPLE_TRIES = 1_000;

/** The most `allOf`s one sample distributes over a union (see {@link Walk.joins}). */
const MAX_JOINS = 2_000;

function walkOf(schemas: readonly NamedSchema[], options: SampleOptions): Walk {
  return {
    byName: new Map(schemas.map((schema) => [schema.name, schema.node])),
    options: { style: 'illustrative', readOnly: false, ...options },
    left: MAX_SAMPLE_SIZE,
    tries: MAX_SAMPLE_TRIES,
    parts: new Map(),
    joins: MAX_JOINS,
  };
}

/**
 * A value of `node`'s type (see the module's comment). `label` names a string that has nothing
 * better in the illustrative style: the property's or parameter's name.
 */
export function sampleValue(
  node: SchemaNode,
  schemas: readonly NamedSchema[],
  options: SampleOptions,
  label = 'string',
): JsonValue {
  const walk = walkOf(schemas, options);
  // A named schema's own node counts as entered, so a property that leads back to it stops at once.
  const named = schemas.find((schema) => schema.node === node)?.name;
  // `null` is a value (a nullable schema's smallest); only undefined means none could be built.
  const value = build(node, walk, label, named === undefined ? [] : [named], 0);
  return value === undefined ? emptyOf(node, walk) : value;
}

/** Whether `value` fits `node` (see the module's comment). */
export function fitsSchema(
  value: JsonValue,
  node: SchemaNode,
  schemas: readonly NamedSchema[],
  options: SampleOptions,
): boolean {
  return good(value, node, walkOf(schemas, options), 0);
}

/**
 * Whether the package's guards accept `value` for `node` (JSON Schema as they check it: see
 * `accepts`), as a response (the testing kit's answers are checked by response validation), or as
 * a request sends it (no read-only property required).
 */
export function guardsAccept(
  value: JsonValue,
  node: SchemaNode,
  schemas: readonly NamedSchema[],
  direction: 'request' | 'response' = 'response',
): boolean {
  return accepts(value, node, walkOf(schemas, { direction }), 0);
}

/**
 * A value, or undefined when this branch cannot make one (it only leads back into itself). `nth`
 * asks for another value than the first (0): the nth one this schema's walk makes, which differs
 * from the others where the schema allows (the items of a `uniqueItems` array, a `oneOf` variant's
 * value another variant does not accept too).
 */
function build(
  node: SchemaNode,
  walk: Walk,
  label: string,
  visiting: readonly string[],
  depth: number,
  nth = 0,
): JsonValue | undefined {
  const smallest = walk.options.style === 'smallest';
  const own = nth === 0 ? ownExample(node, walk, depth) : undefined;
  if (own !== undefined) return own;
  if (node.nullable && nth === 0 && (smallest || depth > MAX_SAMPLE_DEPTH)) return null;
  if (depth > MAX_SAMPLE_DEPTH) return emptyOf(node, walk);
  switch (node.kind) {
    case 'ref': {
      const target = walk.byName.get(node.target);
      if (target === undefined) return null;
      if (visiting.includes(node.target)) return node.nullable ? null : undefined;
      return build(target, walk, label, [...visiting, node.target], depth + 1, nth);
    }
    case 'enum':
      return node.values[nth % Math.max(1, node.values.length)];
    case 'null':
      return null;
    case 'any':
      return nth > 0 ? nth : smallest ? null : {};
    case 'not':
      return notValue(node, walk, smallest, nth);
    case 'never':
      return undefined;
    case 'boolean':
      return nth % 2 === 0 ? !smallest : smallest;
    case 'string':
      if (node.binary === true && walk.options.direction === 'request' && !smallest)
        return binarySample(label);
      return stringValue(node, smallest ? 'string' : label, walk, nth);
    case 'number':
      return numberValue(node, nth);
    case 'array':
      return buildArray(node, walk, label, visiting, depth, nth);
    case 'object':
    case 'allOf': {
      const parts = objectParts(node, walk, 0);
      const joined = node.kind === 'allOf' ? joinedVariants(node, walk) : undefined;
      if (parts === undefined && joined !== undefined) {
        for (const { node: alternative, union, variant } of joined) {
          const value = build(alternative, walk, label, visiting, depth + 1, nth);
          if (value !== undefined) return withDiscriminator(union, variant, value);
        }
        return undefined;
      }
      if (parts === undefined) {
        // An allOf that is not all objects (`type: string, minLength: 1, enum: [a]` is a string
        // and an enum): the first value one member allows that all of them accept, numbers
        // built within every member's bounds and multipleOf at once.
        const members = node.kind === 'allOf' ? shapingMembers(node, walk) : [];
        const merged = mergedNumber(members, walk);
        const candidates = [
          ...(merged === undefined ? [] : [numberValue(merged, nth)]),
          ...members.flatMap((member) => (member.kind === 'enum' ? member.values : [])),
          ...members.map((member) => build(member, walk, label, visiting, depth + 1, nth)),
        ];
        return candidates.find(
          (value) =>
            value !== undefined && members.every((member) => good(value, member, walk, depth + 1)),
        );
      }
      return node.kind === 'allOf'
        ? meetingConditions(node, parts, walk, visiting, depth, nth)
        : buildObject(parts, walk, visiting, depth, nth);
    }
    case 'union':
      return buildUnion(node, walk, label, visiting, depth, nth);
  }
}

/**
 * Whether the value fits the node's TypeScript type ({@link fits}) and, in the `smallest` style
 * (the testing kit's answers, which response validation checks), its guard accepts it
 * ({@link accepts}). A call in the README or the docs needs only the type.
 */
function good(value: JsonValue, node: SchemaNode, walk: Walk, depth: number): boolean {
  return (
    fits(value, node, walk, depth) &&
    (walk.options.style !== 'smallest' || accepts(value, node, walk, depth))
  );
}

/** One more try (see {@link Walk.tries}), false when none is left. */
function tryAgain(walk: Walk): boolean {
  if (walk.tries <= 0) return false;
  walk.tries--;
  return true;
}

/** A value `not`'s schema rejects: the first of a few of every JSON type (`nth` skips some). */
function notValue(
  node: Extract<SchemaNode, { kind: 'not' }>,
  walk: Walk,
  smallest: boolean,
  nth: number,
): JsonValue {
  const candidates: JsonValue[] = smallest
    ? [null, false, 0, 'string', [], {}, true, 1, 'a']
    : [{}, 'string', 0, true, [], null, false, 1, 'a'];
  const rejected = candidates.filter((value) => !accepts(value, node.node, walk, 0));
  return rejected[nth % Math.max(1, rejected.length)] ?? candidates[0]!;
}

function buildArray(
  node: Extract<SchemaNode, { kind: 'array' }>,
  walk: Walk,
  label: string,
  visiting: readonly string[],
  depth: number,
  nth: number,
): JsonValue[] | undefined {
  const items: JsonValue[] = [];
  // The first item carries `nth`, so arrays asked for another value differ by it.
  const next = (schema: SchemaNode | undefined, k: number): JsonValue | undefined =>
    schema === undefined
      ? k === 0
        ? null
        : k
      : build(schema, walk, label, visiting, depth + 1, k);
  for (const item of node.prefixItems) {
    const value = next(item, items.length === 0 ? nth : 0);
    if (value === undefined) return undefined;
    items.push(value);
  }
  const wanted = Math.max(node.minItems ?? 0, nth > 0 && items.length === 0 ? 1 : 0);
  if (wanted > (node.maxItems ?? Infinity)) return items;
  // `uniqueItems`: each item the next value of the items' schema that no earlier item equals.
  let k = node.uniqueItems ? nth : 0;
  while (items.length < wanted && walk.left > 0) {
    walk.left--;
    const value = next(node.items, node.uniqueItems ? k : items.length === 0 ? nth : 0);
    if (value === undefined) return undefined;
    k++;
    if (node.uniqueItems && items.some((item) => sameJson(item, value)) && tryAgain(walk)) {
      walk.left++;
      continue;
    }
    items.push(value);
  }
  return items;
}

/** The node's own example or default, when it fits and is short enough to show. */
function ownExample(node: SchemaNode, walk: Walk, depth: number): JsonValue | undefined {
  for (const candidate of [...(node.examples ?? []), node.default]) {
    if (candidate === undefined) continue;
    const short =
      candidate === null || typeof candidate !== 'object'
        ? String(candidate).length <= 40 && !String(candidate).includes('\n')
        : JSON.stringify(candidate).length <= MAX_EXAMPLE_TEXT;
    if (short && good(candidate, node, walk, depth)) return candidate;
  }
  return undefined;
}

function buildObject(
  parts: ObjectParts,
  walk: Walk,
  visiting: readonly string[],
  depth: number,
  nth: number,
): JsonObject | undefined {
  const result: JsonObject = {};
  // Another value than the first (`nth`): the first property built is its nth value, or, with no
  // required property, an optional one (or a key) is added.
  let pending = nth;
  for (const [name, property] of parts.properties) {
    if (!(property.required || givenAlways(name)) || !sent(property.nodes, walk)) continue;
    // A schema no value satisfies (`minimum: 5, maximum: 3`) still gets a value of its type, which
    // the call's types accept; only a branch that leads back into itself makes none.
    // `null` is a value (the one every part may allow): only undefined falls back (helper-132 5).
    const all = buildAll(property.nodes, walk, name, visiting, depth + 1, pending);
    const value =
      all !== undefined ? all : build(property.nodes[0]!, walk, name, visiting, depth + 1, pending);
    if (value === undefined) return undefined;
    pending = 0;
    setOwn(result, name, value);
  }
  if (pending > 0) {
    for (const [name, property] of parts.properties) {
      if (Object.hasOwn(result, name) || !sent(property.nodes, walk)) continue;
      const value = buildAll(property.nodes, walk, name, visiting, depth + 1, pending - 1);
      if (value === undefined) continue;
      setOwn(result, name, value);
      pending = 0;
      break;
    }
  }
  if (pending > 0 && parts.additional !== 'none' && !Object.hasOwn(result, 'key1')) {
    const value =
      parts.additional === 'any'
        ? `value${String(pending)}`
        : build(parts.additional, walk, 'key1', visiting, depth + 1, pending - 1);
    if (value !== undefined) setOwn(result, 'key1', value);
  }
  // A required name no `properties` declares takes the additional properties' schema, when
  // there is one (`required: [label]` beside `additionalProperties: {type: string}`: a string).
  for (const name of parts.requiredWithoutSchema) {
    if (Object.hasOwn(result, name)) continue;
    const value =
      typeof parts.additional === 'object'
        ? build(parts.additional, walk, name, visiting, depth + 1)
        : undefined;
    setOwn(result, name, value ?? null);
  }
  // `minProperties`: optional properties (that can be built) until there are enough, then keys
  // of the additional properties' schema.
  // Like items, keys count against the sample's size (MAX_SAMPLE_SIZE).
  let count = Object.keys(result).length;
  for (const [name, property] of parts.properties) {
    if (count >= parts.minProperties || walk.left <= 0) break;
    if (Object.hasOwn(result, name) || !sent(property.nodes, walk)) continue;
    const value = buildAll(property.nodes, walk, name, visiting, depth + 1);
    if (value === undefined) continue;
    setOwn(result, name, value);
    count++;
    walk.left--;
  }
  for (
    let n = 1;
    count < parts.minProperties && parts.additional !== 'none' && walk.left > 0;
    n++
  ) {
    const key = `key${String(n)}`;
    if (Object.hasOwn(result, key)) continue;
    count++;
    walk.left--;
    const value =
      parts.additional === 'any'
        ? 'value'
        : build(parts.additional, walk, key, visiting, depth + 1);
    if (value === undefined) return undefined;
    setOwn(result, key, value);
  }
  return result;
}

/**
 * `target[key] = value` as JSON.parse does it: an own property under any key. (Assigned,
 * `__proto__` would set the prototype, and `constructor` would be found present before it is.)
 */
function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * An optional property named like a member every object has (`toString`, `valueOf`): TypeScript
 * reads an object literal without it as having the inherited function, which the property's type
 * does not accept, so a sample gives it. (`__proto__` would set the prototype instead.)
 */
function givenAlways(name: string): boolean {
  return isInheritedMember(name) && name !== '__proto__';
}

/**
 * A value for a property declared by several `allOf` members: the first that fits them all (a
 * number within all their bounds and multipleOf first), trying each member's next values while
 * tries are left.
 */
function buildAll(
  nodes: readonly SchemaNode[],
  walk: Walk,
  label: string,
  visiting: readonly string[],
  depth: number,
  nth = 0,
): JsonValue | undefined {
  const fitsAll = (value: JsonValue | undefined): value is JsonValue =>
    value !== undefined && nodes.every((other) => good(value, other, walk, depth));
  const merged = nodes.length > 1 ? mergedNumber(nodes, walk) : undefined;
  if (merged !== undefined) {
    const value = numberValue(merged, nth);
    if (fitsAll(value)) return value;
  }
  if (nodes.length > 1) {
    // A property declared by several schemas (`allOf` members), as one: objects' properties
    // merged, so that a name one lists in `required` is built from the schema another declares
    // it with (Linode's firewall `rules`: the policies are required in one member, typed in the
    // other), not as a placeholder neither accepts.
    const value = build(
      { kind: 'allOf', ...plainBase(nodes[0]!.pointer), members: [...nodes] },
      walk,
      label,
      visiting,
      depth,
      nth,
    );
    if (fitsAll(value)) return value;
  }
  const rounds = nodes.length > 1 ? 4 : 1;
  for (let round = 0; round < rounds; round++) {
    for (const node of nodes) {
      if (round > 0 && !tryAgain(walk)) return undefined;
      const value = build(node, walk, label, visiting, depth, nth + round);
      if (fitsAll(value)) return value;
    }
  }
  return undefined;
}

/**
 * The number schemas among `nodes` (`$ref`s followed) as one: the tighter bounds, `integer` if
 * one is, a `multipleOf` that is a multiple of each (their least common multiple, for decimals
 * too). Undefined unless every node is a number schema or allows any value.
 */
function mergedNumber(
  nodes: readonly SchemaNode[],
  walk: Walk,
): Extract<SchemaNode, { kind: 'number' }> | undefined {
  const numbers: Extract<SchemaNode, { kind: 'number' }>[] = [];
  for (const node of nodes) {
    const target = resolve(node, walk);
    if (target?.kind === 'number') numbers.push(target);
    else if (target?.kind !== 'any') return undefined;
  }
  if (numbers.length < 2) return undefined;
  const tighter = (a: Bound | undefined, b: Bound | undefined, lower: boolean) => {
    if (a === undefined || b === undefined) return a ?? b;
    if (a.value === b.value) return { value: a.value, exclusive: a.exclusive || b.exclusive };
    return (lower ? a.value > b.value : a.value < b.value) ? a : b;
  };
  let multipleOf: number | undefined;
  for (const { multipleOf: m } of numbers) {
    if (m === undefined || !(m > 0)) continue;
    multipleOf = multipleOf === undefined ? m : leastCommonMultiple(multipleOf, m);
  }
  return {
    ...numbers[0]!,
    integer: numbers.some((n) => n.integer),
    loose: numbers.every((n) => n.loose),
    minimum: numbers.map((n) => n.minimum).reduce((a, b) => tighter(a, b, true)),
    maximum: numbers.map((n) => n.maximum).reduce((a, b) => tighter(a, b, false)),
    multipleOf,
    examples: undefined,
    default: undefined,
  };
}

/** The least common multiple of two positive numbers, decimals counted to 9 places (else `a × b`). */
function leastCommonMultiple(a: number, b: number): number {
  const scale = 1e9;
  const x = Math.round(a * scale);
  const y = Math.round(b * scale);
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y) || x === 0 || y === 0) return a * b;
  let [p, q] = [x, y];
  while (q !== 0) [p, q] = [q, p % q];
  const lcm = (x / p) * y;
  return Number.isSafeInteger(lcm) ? Number((lcm / scale).toPrecision(12)) : a * b;
}

/**
 * The first variant's value the union accepts: for `oneOf`, one that no other variant accepts
 * too (the variant's next values, or one with a property another variant declares set to a value
 * that variant rejects, are tried while tries are left). Else the first value built.
 */
function buildUnion(
  node: UnionNode,
  walk: Walk,
  label: string,
  visiting: readonly string[],
  depth: number,
  nth: number,
): JsonValue | undefined {
  let first: JsonValue | undefined;
  for (const variant of unionVariants(node, walk)) {
    const rounds = node.mode === 'oneOf' ? 4 : 1;
    for (let round = 0; round < rounds; round++) {
      if (round > 0 && !tryAgain(walk)) break;
      const built = build(variant, walk, label, visiting, depth + 1, nth + round);
      if (built === undefined) break;
      const value = withDiscriminator(node, variant, built);
      if (good(value, node, walk, depth)) return value;
      first ??= value;
      // A value another variant's type does not declare is no literal for a call: the testing
      // kit's answers only.
      if (walk.options.style !== 'smallest' || node.mode !== 'oneOf') continue;
      if (!accepts(value, variant, walk, depth + 1)) continue;
      const distinct = excludingOthers(node, variant, value, walk, depth);
      if (distinct !== undefined) return distinct;
    }
  }
  return first ?? (node.nullable ? null : undefined);
}

/**
 * `value` (an object `variant` accepts) with properties that the other variants accepting it
 * declare set to a value they reject and `variant` accepts, until only `variant` accepts it: an
 * answer for a `oneOf` of objects that each allow the others' properties
 * (`{properties: {a}} | {properties: {b}}`: `{}` is both, `{a: 0}` only the second). Undefined
 * when none is found.
 */
function excludingOthers(
  node: UnionNode,
  variant: SchemaNode,
  value: JsonValue,
  walk: Walk,
  depth: number,
): JsonValue | undefined {
  if (!isObject(value)) return undefined;
  const result: JsonObject = { ...value };
  const own = objectParts(variant, walk, 0);
  for (const other of node.variants) {
    if (other === variant || !accepts(result, other, walk, depth + 1)) continue;
    const parts = objectParts(other, walk, 0);
    if (parts === undefined) return undefined;
    let excluded = false;
    for (const [name, property] of parts.properties) {
      const mine = own?.properties.get(name);
      const candidate = OTHER_TYPES.find(
        (item) =>
          !property.nodes.every((schema) => accepts(item, schema, walk, depth + 1)) &&
          (mine === undefined ||
            mine.nodes.every((schema) => accepts(item, schema, walk, depth + 1))),
      );
      if (candidate === undefined || !tryAgain(walk)) continue;
      const next = { ...result };
      setOwn(next, name, candidate);
      if (accepts(next, variant, walk, depth + 1) && !accepts(next, other, walk, depth + 1)) {
        setOwn(result, name, candidate);
        excluded = true;
        break;
      }
    }
    if (!excluded) return undefined;
  }
  return accepts(result, node, walk, depth) ? result : undefined;
}

/** Values of each JSON type, tried to set a property another variant rejects. */
const OTHER_TYPES: readonly JsonValue[] = [0, 'string', false, null, [], {}];

type UnionNode = Extract<SchemaNode, { kind: 'union' }>;

/** A union's variants in the order a sample tries them: non-null ones first in the illustrative style (a value says more than null). */
function unionVariants(node: UnionNode, walk: Walk): SchemaNode[] {
  return walk.options.style === 'smallest'
    ? node.variants
    : [
        ...node.variants.filter((variant) => variant.kind !== 'null'),
        ...node.variants.filter((variant) => variant.kind === 'null'),
      ];
}

/** A variant's value with the union's discriminator property set to the variant's mapped value. */
function withDiscriminator(node: UnionNode, variant: SchemaNode, value: JsonValue): JsonValue {
  const { discriminator } = node;
  const mapped =
    variant.kind === 'ref'
      ? discriminator?.mapping.find((entry) => entry.target === variant.target)
      : undefined;
  // A copy: the value may be the schema's own example, which belongs to the model.
  if (discriminator !== undefined && mapped !== undefined && isObject(value))
    return { ...value, [discriminator.propertyName]: mapped.value };
  return value;
}

/**
 * An `allOf` with a union among its members (`allOf: [Named, oneOf: [A, B]]`; the model's reading
 * of `additionalProperties: false` beside `anyOf`), read as TypeScript reads `Named & (A | B)`:
 * `(Named & A) | (Named & B)`, one `allOf` per variant of its first union (the others are
 * distributed when that `allOf` is built or checked). Neither member's value alone fits the
 * intersection, so a value is built, and checked, against one of these. Undefined when no member
 * is a union, and once the sample's {@link Walk.joins} are spent.
 */
function joinedVariants(
  node: Extract<SchemaNode, { kind: 'allOf' }>,
  walk: Walk,
): { node: SchemaNode; union: UnionNode; variant: SchemaNode }[] | undefined {
  if (walk.joins <= 0) return undefined;
  walk.joins--;
  const members = shapingMembers(node, walk);
  const index = members.findIndex((member) => resolve(member, walk)?.kind === 'union');
  const union = index < 0 ? undefined : resolve(members[index]!, walk);
  if (union?.kind !== 'union') return undefined;
  return unionVariants(union, walk).map((variant) => ({
    // The allOf's own examples and default were tried already: the alternatives have none.
    node: {
      ...node,
      examples: undefined,
      default: undefined,
      members: members.map((member, at) => (at === index ? variant : member)),
    },
    union,
    variant,
  }));
}

/** Whether a property is sent in this direction (read-only ones are not part of a request). */
function sent(nodes: readonly SchemaNode[], walk: Walk): boolean {
  const resolved = nodes.map((node) => resolve(node, walk) ?? node);
  if (walk.options.direction === 'request')
    return walk.options.readOnly || !nodes.concat(resolved).some((node) => node.readOnly);
  return !nodes.concat(resolved).some((node) => node.writeOnly);
}

function fits(value: JsonValue, node: SchemaNode, walk: Walk, depth: number): boolean {
  return withVerdicts(walk, () => fitsNode(value, node, walk, depth));
}

function fitsNode(value: JsonValue, node: SchemaNode, walk: Walk, depth: number): boolean {
  if (depth > 64) return depthCapped(walk);
  if (value === null && node.nullable) return true;
  switch (node.kind) {
    case 'any':
    case 'not':
      return true;
    case 'never':
      return false;
    case 'ref': {
      const target = walk.byName.get(node.target);
      return (
        target !== undefined &&
        remembered(walk, 'fits', node.target, value, depth, () =>
          fits(value, target, walk, depth + 1),
        )
      );
    }
    case 'enum':
      return node.values.some((candidate) => sameJson(candidate, value));
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string': {
      // Loose nodes too: the generated type of a schema without `type` may still be a string.
      if (typeof value !== 'string') return false;
      // A file in a request is a Blob in the call's types: no string from the spec stands for it.
      if (node.binary === true && walk.options.direction === 'request')
        return binarySampleName(value) !== undefined;
      const length = [...value].length;
      return length >= (node.minLength ?? 0) && length <= (node.maxLength ?? Infinity);
    }
    case 'number':
      if (typeof value !== 'number') return false;
      return numberFits(node, value);
    case 'array': {
      if (!Array.isArray(value)) return false;
      if (value.length < (node.minItems ?? 0) || value.length > (node.maxItems ?? Infinity))
        return false;
      return value.every((item, index) => {
        const itemNode = node.prefixItems[index] ?? node.items;
        return itemNode === undefined || fits(item, itemNode, walk, depth + 1);
      });
    }
    case 'object':
    case 'allOf': {
      const parts = objectParts(node, walk, 0);
      if (parts === undefined && node.kind === 'allOf') {
        const joined = joinedVariants(node, walk);
        return joined === undefined
          ? shapingMembers(node, walk).every((m) => fits(value, m, walk, depth + 1))
          : joined.some((alternative) => fits(value, alternative.node, walk, depth + 1));
      }
      if (parts === undefined) return false;
      return isObject(value) && objectFits(value, parts, walk, depth);
    }
    case 'union':
      return node.variants.some((variant) => fits(value, variant, walk, depth + 1));
  }
}

/**
 * Whether the package's guards (emit/guards) accept `value` for `node`: JSON Schema as they check
 * it, where {@link fits} checks the TypeScript type. Objects take keys they do not declare unless
 * `additionalProperties` (or `unevaluatedProperties`) says otherwise, `oneOf` needs exactly one
 * variant (a discriminator picks it for an object), `uniqueItems`, `not`, `propertyNames`,
 * `patternProperties` and patterns are checked (a pattern without an RE2 form on short text only,
 * else taken as matching: the guards may not run it either), a writeOnly property is never
 * required in a response (nor a readOnly one in a request), formats are not checked.
 */
function accepts(value: JsonValue, node: SchemaNode, walk: Walk, depth: number): boolean {
  return withVerdicts(walk, () => acceptsNode(value, node, walk, depth));
}

/**
 * Runs `check` with {@link Walk.verdicts} in place: the outermost check sets them up and drops
 * them when done (a value built later may be changed, so no verdict outlives its check).
 */
function withVerdicts(walk: Walk, check: () => boolean): boolean {
  if (walk.verdicts !== undefined) return check();
  walk.verdicts = { refs: 0, capped: 0 };
  try {
    return check();
  } finally {
    walk.verdicts = undefined;
  }
}

/** Past the depth limit a check says yes, and the verdicts above it are not kept. */
function depthCapped(walk: Walk): true {
  if (walk.verdicts !== undefined) walk.verdicts.capped++;
  return true;
}

/**
 * `name`'s verdict on `value` by `which` check at `depth`, from {@link Walk.verdicts} or `check`.
 * A verdict the depth limit cut short (`true` past 64 levels) holds only as deep as it was
 * reached or deeper: a shorter path to the schema looks again (helper-143 F3).
 */
function remembered(
  walk: Walk,
  which: 'fits' | 'accepts',
  name: string,
  value: JsonValue,
  depth: number,
  check: () => boolean,
): boolean {
  const memo = walk.verdicts;
  if (memo === undefined || ++memo.refs <= MEMO_AFTER) return check();
  const verdicts = (memo[which] ??= new Map<string, ValueVerdicts>());
  let byValue = verdicts.get(name);
  if (byValue === undefined) verdicts.set(name, (byValue = new Map() as ValueVerdicts));
  const known = byValue.get(value);
  if (known !== undefined && (known.cutAt === undefined || depth >= known.cutAt))
    return known.verdict;
  const capped = memo.capped;
  const verdict = check();
  byValue.set(value, memo.capped === capped ? { verdict } : { verdict, cutAt: depth });
  return verdict;
}

function acceptsNode(value: JsonValue, node: SchemaNode, walk: Walk, depth: number): boolean {
  if (depth > 64) return depthCapped(walk);
  if (value === null && node.nullable && node.kind !== 'any') return true;
  switch (node.kind) {
    case 'any':
      return true;
    case 'never':
      return false;
    case 'ref': {
      const target = walk.byName.get(node.target);
      return (
        target === undefined ||
        remembered(walk, 'accepts', node.target, value, depth, () =>
          accepts(value, target, walk, depth + 1),
        )
      );
    }
    case 'enum':
      return node.values.some((candidate) => sameJson(candidate, value));
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string': {
      if (typeof value !== 'string') return node.loose;
      const length = [...value].length;
      if (length < (node.minLength ?? 0) || length > (node.maxLength ?? Infinity)) return false;
      return node.pattern === undefined || patternVerdict(node.pattern, value) !== false;
    }
    case 'number':
      if (typeof value !== 'number') return node.loose;
      return numberAccepted(node, value);
    case 'array':
      if (!Array.isArray(value)) return node.loose;
      return arrayAccepted(node, value, walk, depth);
    case 'object':
      if (!isObject(value)) return node.loose;
      return objectAccepted(node, value, walk, depth);
    case 'union': {
      const { discriminator } = node;
      if (discriminator !== undefined && isObject(value)) {
        const tag = Object.hasOwn(value, discriminator.propertyName)
          ? value[discriminator.propertyName]
          : undefined;
        const entry = discriminator.mapping.find((candidate) => candidate.value === tag);
        const target = entry === undefined ? undefined : walk.byName.get(entry.target);
        return target !== undefined && accepts(value, target, walk, depth + 1);
      }
      if (node.mode === 'anyOf')
        return node.variants.some((variant) => accepts(value, variant, walk, depth + 1));
      let count = 0;
      for (const variant of node.variants)
        if (accepts(value, variant, walk, depth + 1) && ++count > 1) return false;
      return count === 1;
    }
    case 'allOf':
      return node.members.every((member) => accepts(value, member, walk, depth + 1));
    case 'not':
      return !accepts(value, node.node, walk, depth + 1);
  }
}

function numberAccepted(node: Extract<SchemaNode, { kind: 'number' }>, value: number): boolean {
  if (!node.loose && (!Number.isFinite(value) || (node.integer && !Number.isInteger(value))))
    return false;
  const { minimum, maximum, multipleOf } = node;
  if (minimum !== undefined && (minimum.exclusive ? value <= minimum.value : value < minimum.value))
    return false;
  if (maximum !== undefined && (maximum.exclusive ? value >= maximum.value : value > maximum.value))
    return false;
  if (multipleOf === undefined) return true;
  // As the guards' runtime: `%` for an integer divisor, else within a few ulps of a whole quotient.
  if (Number.isInteger(multipleOf)) return value % multipleOf === 0;
  const quotient = value / multipleOf;
  if (Number.isInteger(quotient)) return true;
  return (
    Number.isFinite(quotient) &&
    Math.abs(quotient - Math.round(quotient)) <=
      4 * Number.EPSILON * Math.max(1, Math.abs(quotient))
  );
}

function arrayAccepted(
  node: Extract<SchemaNode, { kind: 'array' }>,
  value: JsonValue[],
  walk: Walk,
  depth: number,
): boolean {
  if (value.length < (node.minItems ?? 0) || value.length > (node.maxItems ?? Infinity))
    return false;
  const itemsFit = value.every((item, index) => {
    const itemNode = index < node.prefixItems.length ? node.prefixItems[index] : node.items;
    return itemNode === undefined || accepts(item, itemNode, walk, depth + 1);
  });
  if (!itemsFit) return false;
  if (!node.uniqueItems) return true;
  return value.every((item, index) =>
    value.slice(0, index).every((other) => !sameJson(other, item)),
  );
}

function objectAccepted(
  node: Extract<SchemaNode, { kind: 'object' }>,
  value: JsonObject,
  walk: Walk,
  depth: number,
): boolean {
  for (const property of node.properties) {
    if (!Object.hasOwn(value, property.name)) {
      // As the guards read it for a response: a writeOnly property is never required.
      if (property.required && sent([property.node], walk)) return false;
      continue;
    }
    if (!accepts(value[property.name]!, property.node, walk, depth + 1)) return false;
  }
  for (const name of node.requiredWithoutSchema) if (!Object.hasOwn(value, name)) return false;
  const count = Object.keys(value).length;
  if (count < (node.minProperties ?? 0) || count > (node.maxProperties ?? Infinity)) return false;
  const declared = new Set(node.properties.map((property) => property.name));
  const additional = node.additionalProperties;
  const restricts =
    additional !== undefined && !(additional.kind === 'any' && !additional.nullable);
  const unevaluated = node.unevaluatedProperties;
  for (const [key, item] of Object.entries(value)) {
    if (node.propertyNames !== undefined && !accepts(key, node.propertyNames, walk, depth + 1))
      return false;
    let matched = false;
    let unknown = false;
    for (const { pattern, node: schema } of node.patternProperties) {
      const verdict = patternVerdict(pattern, key);
      if (verdict === undefined) unknown = true;
      if (verdict !== true) continue;
      matched = true;
      if (!accepts(item, schema, walk, depth + 1)) return false;
    }
    if (unknown || declared.has(key)) continue;
    if (restricts) {
      if (!matched && !accepts(item, additional, walk, depth + 1)) return false;
    } else if (
      unevaluated !== undefined &&
      !(unevaluated.kind === 'any' && !unevaluated.nullable)
    ) {
      const evaluated = node.evaluated
        ? everyEvaluatedKey(node.evaluated)
        : { names: [...declared], patterns: [] };
      const verdicts = evaluated.patterns.map((pattern) => patternVerdict(pattern, key));
      if (evaluated.names.includes(key) || verdicts.some((verdict) => verdict !== false)) continue;
      if (!accepts(item, unevaluated, walk, depth + 1)) return false;
    }
  }
  return true;
}

/**
 * Whether `text` matches the spec's pattern as the guards would tell: {@link matches} where it
 * can say (an RE2 form, or a short text), undefined otherwise.
 */
function patternVerdict(pattern: RegexModel, text: string): boolean | undefined {
  if (matches(pattern, text)) return true;
  const compiled = COMPILED.get(`${pattern.flags}/${pattern.source}`);
  return compiled !== null || [...text].length <= MAX_BACKTRACKED_TEXT ? false : undefined;
}

function objectFits(value: JsonObject, parts: ObjectParts, walk: Walk, depth: number): boolean {
  for (const [name, property] of parts.properties) {
    const present = Object.hasOwn(value, name);
    if (!present) {
      if (property.required && sent(property.nodes, walk)) return false;
      continue;
    }
    // A property the generated type of this direction leaves out cannot be given.
    if (!sent(property.nodes, walk)) return false;
    if (!property.nodes.every((node) => fits(value[name]!, node, walk, depth + 1))) return false;
  }
  for (const name of parts.requiredWithoutSchema) if (!Object.hasOwn(value, name)) return false;
  for (const [name, item] of Object.entries(value)) {
    if (parts.properties.has(name) || parts.requiredWithoutSchema.includes(name)) continue;
    if (parts.additional === 'none') return false;
    if (parts.additional !== 'any' && !fits(item, parts.additional, walk, depth + 1)) return false;
  }
  return Object.keys(value).length >= parts.minProperties;
}

/** The properties of an object schema, or of the objects an `allOf` joins, `$ref`s followed. */
interface ObjectParts {
  properties: Map<string, { required: boolean; nodes: SchemaNode[] }>;
  requiredWithoutSchema: string[];
  /** Keys beside the properties: none, any, or those fitting a schema. */
  additional: 'none' | 'any' | SchemaNode;
  minProperties: number;
}

function objectParts(node: SchemaNode, walk: Walk, hops: number): ObjectParts | undefined {
  if (hops > 32) return undefined;
  if (node.kind === 'ref') {
    if (walk.parts.has(node.target)) return walk.parts.get(node.target);
    const target = walk.byName.get(node.target);
    const parts = target === undefined ? undefined : objectParts(target, walk, hops + 1);
    // Kept only when not cut short by the hops (a longer chain read from nearer its end may fit).
    if (parts !== undefined || hops === 0) walk.parts.set(node.target, parts);
    return parts;
  }
  if (node.kind === 'object') {
    const properties = new Map(
      node.properties.map((property) => [
        property.name,
        { required: property.required, nodes: [property.node] },
      ]),
    );
    // Without properties or additionalProperties, the type is an open record.
    const open =
      (node.properties.length === 0 && node.additionalProperties === undefined) ||
      node.patternProperties.length > 0 ||
      (node.unevaluatedProperties !== undefined && node.unevaluatedProperties.kind !== 'never');
    const extra = node.additionalProperties;
    return {
      properties,
      requiredWithoutSchema: [...node.requiredWithoutSchema],
      additional:
        open || extra?.kind === 'any'
          ? 'any'
          : extra === undefined || extra.kind === 'never'
            ? 'none'
            : extra,
      minProperties: node.minProperties ?? 0,
    };
  }
  if (node.kind !== 'allOf') return undefined;
  let merged: ObjectParts = {
    properties: new Map(),
    requiredWithoutSchema: [],
    additional: 'none',
    minProperties: 0,
  };
  for (const member of shapingMembers(node, walk)) {
    // A conditional assertion shapes nothing: meetingConditions answers it once built.
    if (conditionalDemand(member) !== undefined) continue;
    const parts = objectParts(member, walk, hops + 1);
    if (parts === undefined) return undefined;
    merged = {
      ...mergedParts(merged, parts),
      // An intersection takes any key one of its members takes.
      additional:
        parts.additional === 'any' || merged.additional === 'none'
          ? parts.additional
          : merged.additional,
      minProperties: Math.max(merged.minProperties, parts.minProperties),
    };
  }
  return merged;
}

/**
 * The object an allOf's `parts` build, then built again with what each conditional assertion it
 * fails asks for (conditional-schemas.ts: `if`'s `then`, `dependentRequired`, …) merged into the
 * parts, a few rounds at most: `{ kind: 'card' }` becomes `{ kind: 'card', number: '…' }`
 * where `if: kind is card` has `then: required: [number]`.
 */
function meetingConditions(
  node: Extract<SchemaNode, { kind: 'allOf' }>,
  parts: ObjectParts,
  walk: Walk,
  visiting: readonly string[],
  depth: number,
  nth: number,
): JsonObject | undefined {
  let value = buildObject(parts, walk, visiting, depth, nth);
  for (let round = 0; round < 4 && value !== undefined; round++) {
    const built = value;
    const demand = node.members
      .map(conditionalDemand)
      .find(
        (member) => member !== undefined && !accepts(built, member.assertion, walk, depth + 1),
      )?.demand;
    const more = demand === undefined ? undefined : objectParts(demand, walk, 0);
    if (more === undefined) break;
    parts = mergedParts(parts, more);
    value = buildObject(parts, walk, visiting, depth, nth);
  }
  return value;
}

/** A conditional assertion's `not` and the schema a value that fails it must meet (`then`). */
function conditionalDemand(
  node: SchemaNode,
): { assertion: SchemaNode; demand: SchemaNode } | undefined {
  if (node.kind !== 'not' || node.reason === undefined || node.node.kind !== 'allOf')
    return undefined;
  const missed = node.node.members[1];
  return missed?.kind === 'not' ? { assertion: node, demand: missed.node } : undefined;
}

/**
 * `parts` with `more`'s properties and required names added (its keys' schemas all apply), a
 * required name given a schema by either becoming a required property; `parts`'s other fields.
 */
function mergedParts(parts: ObjectParts, more: ObjectParts): ObjectParts {
  const properties = new Map(
    [...parts.properties].map(([name, property]) => [
      name,
      { ...property, nodes: [...property.nodes] },
    ]),
  );
  for (const [name, property] of more.properties) {
    const known = properties.get(name);
    if (known === undefined) properties.set(name, { ...property, nodes: [...property.nodes] });
    else {
      known.required ||= property.required;
      // Each schema once: one met through two members says nothing more.
      for (const node of property.nodes) if (!known.nodes.includes(node)) known.nodes.push(node);
    }
  }
  const withoutSchema: string[] = [];
  for (const name of [...parts.requiredWithoutSchema, ...more.requiredWithoutSchema]) {
    const known = properties.get(name);
    if (known !== undefined) known.required = true;
    else if (!withoutSchema.includes(name)) withoutSchema.push(name);
  }
  return { ...parts, properties, requiredWithoutSchema: withoutSchema };
}

function resolve(node: SchemaNode, walk: Walk): SchemaNode | undefined {
  return followRefs(node, (name) => walk.byName.get(name));
}

/**
 * The schema a `ref` node names, through chains of refs (at most 32 hops: the model refuses `$ref`
 * loops, this only bounds the walk); undefined when a name is unknown.
 */
export function followRefs(
  node: SchemaNode,
  lookup: (name: string) => SchemaNode | undefined,
): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let hops = 0; current?.kind === 'ref' && hops < 32; hops++) current = lookup(current.target);
  return current;
}

/**
 * The members of an `allOf` a value is built for: a loose member beside members of other types
 * constrains nothing (model/loose-schemas.ts typeShapingMembers), as the types read it; beside
 * members of its type it does (`multipleOf: 7` beside an integer). The guards' reading
 * (`accepts`) keeps every member.
 */
function shapingMembers(node: Extract<SchemaNode, { kind: 'allOf' }>, walk: Walk): SchemaNode[] {
  return typeShapingMembers(node.members, (name) => walk.byName.get(name), { constraints: true });
}

/** The emptiest value of a node's type, where a value has to stop. */
function emptyOf(node: SchemaNode, walk: Walk): JsonValue {
  const target = resolve(node, walk) ?? node;
  if (node.nullable || target.nullable) return null;
  switch (target.kind) {
    case 'object':
    case 'allOf':
      return {};
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return target.values[0] ?? null;
    default:
      return null;
  }
}

/**
 * A string of the node's format, or `label`, that keeps its pattern (a best effort: the first
 * of a few short candidates it accepts) and length. `nth` > 0: another one (a format's next
 * value, the label with a number, the pattern's next candidate, letters when short).
 */
function stringValue(
  node: Extract<SchemaNode, { kind: 'string' }>,
  label: string,
  walk: Walk,
  nth = 0,
): string {
  const { format, maxLength = Number.POSITIVE_INFINITY, pattern } = node;
  const minLength = Math.min(node.minLength ?? 0, walk.left);
  walk.left -= minLength;
  const formatted = format === undefined ? undefined : formatValue(format, nth);
  let value = formatted ?? (nth === 0 ? label : `${label}${String(nth)}`);
  if (pattern !== undefined && !matches(pattern, value)) {
    const built = patternSample(pattern.source, pattern.flags);
    const matching = [...(built === undefined ? [] : [built]), ...PATTERN_CANDIDATES].filter(
      (text) => matches(pattern, text),
    );
    value = matching[nth % Math.max(1, matching.length)] ?? value;
  }
  if ([...value].length < minLength) value = value.padEnd(minLength, 'a');
  // Cut to maxLength: the first value keeps its start, the others are letters (`string1` and
  // `string2` would be cut alike).
  if ([...value].length > maxLength && nth > 0) value = letters(nth).padStart(minLength, 'a');
  if ([...value].length > maxLength) value = [...value].slice(0, maxLength).join('');
  return value;
}

/** `nth` in letters: a, b, …, z, ba, bb, … */
function letters(nth: number): string {
  let text = '';
  let rest = nth;
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return text;
}

/** The format's value ({@link FORMATS}), the `nth` one of those that have several. */
function formatValue(format: string, nth: number): string | undefined {
  const first = FORMATS[format];
  if (first === undefined || nth === 0) return first;
  const day = () => new Date(Date.UTC(2024, 0, 1 + nth)).toISOString().slice(0, 10);
  switch (format) {
    case 'date':
      return day();
    case 'date-time':
      return `${day()}T00:00:00Z`;
    case 'email':
    case 'idn-email':
      return `user${String(nth)}@example.com`;
    case 'hostname':
    case 'idn-hostname':
      return `example${String(nth)}.com`;
    case 'uri':
    case 'url':
    case 'uri-reference':
    case 'iri':
    case 'iri-reference':
      return `https://example.com/${String(nth)}`;
    case 'uuid':
      return `00000000-0000-4000-8000-${(nth % 2 ** 48).toString(16).padStart(12, '0')}`;
    case 'ipv4':
      return `192.0.2.${String(nth % 256)}`;
    case 'duration':
      return `P${String(1 + nth)}D`;
    default:
      return first;
  }
}

/**
 * Whether `text` matches the spec's pattern. A regex from the spec is only ever matched, never run
 * as code, and never on JavaScript's backtracking RegExp but for our own candidates of at most
 * {@link MAX_BACKTRACKED_TEXT} characters: a pattern with an RE2 form runs on re2js (linear time),
 * so `^(a|aa)+$` against a long property name cannot hang the generator; one without (a
 * backreference, lookaround) is tested on the short candidates only.
 */
function matches(pattern: RegexModel, text: string): boolean {
  const key = `${pattern.flags}/${pattern.source}`;
  let compiled = COMPILED.get(key);
  if (compiled === undefined) {
    const re2 = toRe2Syntax(pattern.source, pattern.flags);
    compiled = re2 === undefined ? null : RE2JS.compile(re2);
    COMPILED.set(key, compiled);
  }
  if (compiled !== null) return compiled.test(text);
  if ([...text].length > MAX_BACKTRACKED_TEXT) return false;
  try {
    return new RegExp(pattern.source, pattern.flags).test(text);
  } catch {
    return false;
  }
}

/** The longest text a pattern without an RE2 form is tried on with RegExp: the candidates'. */
const MAX_BACKTRACKED_TEXT = Math.max(...PATTERN_CANDIDATES.map((text) => text.length));

/** Each pattern's re2js program, or null when it has no RE2 form. */
const COMPILED = new Map<string, RE2JS | null>();

/**
 * A number within the node's bounds and `multipleOf`: the first candidate that fits, from the
 * lower bound up (the bound itself, the next multiple or integer, halfway to the upper bound).
 */
function numberValue(node: Extract<SchemaNode, { kind: 'number' }>, nth = 0): number {
  const first = firstNumber(node);
  if (nth === 0) return first;
  // The next ones: steps of multipleOf (or 1 for an integer, ½ otherwise) up from the first, then
  // down from it (a first value at the maximum).
  const step =
    node.multipleOf !== undefined && node.multipleOf > 0 ? node.multipleOf : node.integer ? 1 : 0.5;
  const near = (k: number) => Number((first + k * step).toPrecision(12));
  const others: number[] = [];
  for (let k = 1; k <= 64 && others.length < nth; k++) {
    const up = near(k);
    if (numberFits(node, up)) others.push(up);
  }
  for (let k = 1; k <= 64 && others.length < nth; k++) {
    const down = near(-k);
    if (numberFits(node, down)) others.push(down);
  }
  return others[nth - 1] ?? first;
}

/** The first number {@link numberValue} gives. */
function firstNumber(node: Extract<SchemaNode, { kind: 'number' }>): number {
  const { minimum, maximum, multipleOf } = node;
  const base =
    minimum?.value ?? (maximum !== undefined && maximum.value < 0 ? maximum.value - 1 : 0);
  const middle =
    minimum !== undefined && maximum !== undefined ? (minimum.value + maximum.value) / 2 : base;
  const candidates = [base, base + 0.5, base + 1, middle, maximum?.value ?? base];
  // Multiples rounded to 12 significant digits: 3 × 0.1 is 0.30000000000000004 otherwise.
  const multiple = (k: number) => Number((k * (multipleOf ?? 1)).toPrecision(12));
  const stepped =
    multipleOf === undefined
      ? [...candidates, ...candidates.map(Math.ceil), ...candidates.map((v) => Math.ceil(v) + 1)]
      : candidates.flatMap((value) => {
          const k = Math.ceil(value / multipleOf);
          return [multiple(k), multiple(k + 1)];
        });
  return (
    stepped.find((value) => numberFits(node, value)) ?? (node.integer ? Math.ceil(base) : base)
  );
}

function numberFits(node: Extract<SchemaNode, { kind: 'number' }>, value: number): boolean {
  if (node.integer && !Number.isInteger(value)) return false;
  const { minimum, maximum } = node;
  if (minimum !== undefined && (minimum.exclusive ? value <= minimum.value : value < minimum.value))
    return false;
  if (maximum !== undefined && (maximum.exclusive ? value >= maximum.value : value > maximum.value))
    return false;
  // A multiple within floating-point error (0.3 is a multiple of 0.1).
  if (node.multipleOf !== undefined && node.multipleOf > 0) {
    const quotient = value / node.multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9) return false;
  }
  return true;
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) => Object.hasOwn(b, key) && sameJson((a as JsonObject)[key]!, (b as JsonObject)[key]!),
    )
  );
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
