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
import { toRe2Syntax } from '../model/re2-syntax.ts';
import type { JsonValue, RegexModel } from '../model/schema-types.ts';
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

/** Deeper than this, a value stops (an empty object, array or string; null where allowed). */
const MAX_DEPTH = 12;

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
}

/**
 * The most array items and string characters one sample makes, all branches tried together: past
 * it, arrays and strings stop short of their `minItems` and `minLength` (still of their type, so
 * a call with the sample compiles), rather than a spec's `minItems: 1000` three arrays deep (a
 * billion numbers) or `minLength: 1e9` filling the memory.
 */
const MAX_SAMPLE_SIZE = 10_000;

function walkOf(schemas: readonly NamedSchema[], options: SampleOptions): Walk {
  return {
    byName: new Map(schemas.map((schema) => [schema.name, schema.node])),
    options: { style: 'illustrative', readOnly: false, ...options },
    left: MAX_SAMPLE_SIZE,
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
  return fits(value, node, walkOf(schemas, options), 0);
}

/** A value, or undefined when this branch cannot make one (it only leads back into itself). */
function build(
  node: SchemaNode,
  walk: Walk,
  label: string,
  visiting: readonly string[],
  depth: number,
): JsonValue | undefined {
  const smallest = walk.options.style === 'smallest';
  const own = ownExample(node, walk, depth);
  if (own !== undefined) return own;
  if (node.nullable && (smallest || depth > MAX_DEPTH)) return null;
  if (depth > MAX_DEPTH) return emptyOf(node, walk);
  switch (node.kind) {
    case 'ref': {
      const target = walk.byName.get(node.target);
      if (target === undefined) return null;
      if (visiting.includes(node.target)) return node.nullable ? null : undefined;
      return build(target, walk, label, [...visiting, node.target], depth + 1);
    }
    case 'enum':
      return node.values[0];
    case 'null':
      return null;
    case 'any':
    case 'not':
      return smallest ? null : {};
    case 'never':
      return undefined;
    case 'boolean':
      return !smallest;
    case 'string':
      if (node.binary === true && walk.options.direction === 'request' && !smallest)
        return binarySample(label);
      return stringValue(node, smallest ? 'string' : label, walk);
    case 'number':
      return numberValue(node);
    case 'array': {
      const items: JsonValue[] = [];
      for (const item of node.prefixItems) {
        const value = build(item, walk, label, visiting, depth + 1);
        if (value === undefined) return undefined;
        items.push(value);
      }
      while (items.length < (node.minItems ?? 0) && walk.left > 0) {
        walk.left--;
        if (node.items === undefined) items.push(null);
        else {
          const value = build(node.items, walk, label, visiting, depth + 1);
          if (value === undefined) return undefined;
          items.push(value);
        }
      }
      return items;
    }
    case 'object':
    case 'allOf': {
      const parts = objectParts(node, walk, 0);
      const joined = node.kind === 'allOf' ? joinedVariants(node, walk) : undefined;
      if (parts === undefined && joined !== undefined) {
        for (const { node: alternative, union, variant } of joined) {
          const value = build(alternative, walk, label, visiting, depth + 1);
          if (value !== undefined) return withDiscriminator(union, variant, value);
        }
        return undefined;
      }
      if (parts === undefined) {
        // An allOf that is not all objects (`type: string, minLength: 1, enum: [a]` is a string
        // and an enum): the first value one member allows that all of them accept.
        const members = node.kind === 'allOf' ? node.members : [];
        const candidates = [
          ...members.flatMap((member) => (member.kind === 'enum' ? member.values : [])),
          ...members.map((member) => build(member, walk, label, visiting, depth + 1)),
        ];
        return candidates.find(
          (value) =>
            value !== undefined && members.every((member) => fits(value, member, walk, depth + 1)),
        );
      }
      return buildObject(parts, walk, visiting, depth);
    }
    case 'union':
      return buildUnion(node, walk, label, visiting, depth);
  }
}

/** The node's own example or default, when it fits and is short enough to show. */
function ownExample(node: SchemaNode, walk: Walk, depth: number): JsonValue | undefined {
  for (const candidate of [...(node.examples ?? []), node.default]) {
    if (candidate === undefined) continue;
    const short =
      candidate === null || typeof candidate !== 'object'
        ? String(candidate).length <= 40 && !String(candidate).includes('\n')
        : JSON.stringify(candidate).length <= MAX_EXAMPLE_TEXT;
    if (short && fits(candidate, node, walk, depth)) return candidate;
  }
  return undefined;
}

function buildObject(
  parts: ObjectParts,
  walk: Walk,
  visiting: readonly string[],
  depth: number,
): JsonObject | undefined {
  const result: JsonObject = {};
  for (const [name, property] of parts.properties) {
    if (!(property.required || givenAlways(name)) || !sent(property.nodes, walk)) continue;
    // A schema no value satisfies (`minimum: 5, maximum: 3`) still gets a value of its type, which
    // the call's types accept; only a branch that leads back into itself makes none.
    const value =
      buildAll(property.nodes, walk, name, visiting, depth + 1) ??
      build(property.nodes[0]!, walk, name, visiting, depth + 1);
    if (value === undefined) return undefined;
    setOwn(result, name, value);
  }
  for (const name of parts.requiredWithoutSchema)
    if (!Object.hasOwn(result, name)) setOwn(result, name, null);
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

/** A value for a property declared by several `allOf` members: the first that fits them all. */
function buildAll(
  nodes: readonly SchemaNode[],
  walk: Walk,
  label: string,
  visiting: readonly string[],
  depth: number,
): JsonValue | undefined {
  for (const node of nodes) {
    const value = build(node, walk, label, visiting, depth);
    if (value !== undefined && nodes.every((other) => fits(value, other, walk, depth)))
      return value;
  }
  return undefined;
}

function buildUnion(
  node: UnionNode,
  walk: Walk,
  label: string,
  visiting: readonly string[],
  depth: number,
): JsonValue | undefined {
  for (const variant of unionVariants(node, walk)) {
    const value = build(variant, walk, label, visiting, depth + 1);
    if (value !== undefined) return withDiscriminator(node, variant, value);
  }
  return node.nullable ? null : undefined;
}

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
 * is a union.
 */
function joinedVariants(
  node: Extract<SchemaNode, { kind: 'allOf' }>,
  walk: Walk,
): { node: SchemaNode; union: UnionNode; variant: SchemaNode }[] | undefined {
  const index = node.members.findIndex((member) => resolve(member, walk)?.kind === 'union');
  const union = index < 0 ? undefined : resolve(node.members[index]!, walk);
  if (union?.kind !== 'union') return undefined;
  return unionVariants(union, walk).map((variant) => ({
    // The allOf's own examples and default were tried already: the alternatives have none.
    node: {
      ...node,
      examples: undefined,
      default: undefined,
      members: node.members.map((member, at) => (at === index ? variant : member)),
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
  if (depth > 64) return true;
  if (value === null && node.nullable) return true;
  switch (node.kind) {
    case 'any':
    case 'not':
      return true;
    case 'never':
      return false;
    case 'ref': {
      const target = walk.byName.get(node.target);
      return target !== undefined && fits(value, target, walk, depth + 1);
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
          ? node.members.every((m) => fits(value, m, walk, depth + 1))
          : joined.some((alternative) => fits(value, alternative.node, walk, depth + 1));
      }
      if (parts === undefined) return false;
      return isObject(value) && objectFits(value, parts, walk, depth);
    }
    case 'union':
      return node.variants.some((variant) => fits(value, variant, walk, depth + 1));
  }
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
    const target = walk.byName.get(node.target);
    return target === undefined ? undefined : objectParts(target, walk, hops + 1);
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
  const merged: ObjectParts = {
    properties: new Map(),
    requiredWithoutSchema: [],
    additional: 'none',
    minProperties: 0,
  };
  for (const member of node.members) {
    const parts = objectParts(member, walk, hops + 1);
    if (parts === undefined) return undefined;
    for (const [name, property] of parts.properties) {
      const known = merged.properties.get(name);
      if (known === undefined)
        merged.properties.set(name, { ...property, nodes: [...property.nodes] });
      else {
        known.required ||= property.required;
        known.nodes.push(...property.nodes);
      }
    }
    merged.requiredWithoutSchema.push(...parts.requiredWithoutSchema);
    // An intersection takes any key one of its members takes.
    if (parts.additional === 'any' || merged.additional === 'none')
      merged.additional = parts.additional;
    merged.minProperties = Math.max(merged.minProperties, parts.minProperties);
  }
  for (const name of merged.requiredWithoutSchema) {
    const known = merged.properties.get(name);
    if (known !== undefined) known.required = true;
  }
  merged.requiredWithoutSchema = merged.requiredWithoutSchema.filter(
    (name) => !merged.properties.has(name),
  );
  return merged;
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

function stringValue(
  node: Extract<SchemaNode, { kind: 'string' }>,
  label: string,
  walk: Walk,
): string {
  const { format, maxLength = Number.POSITIVE_INFINITY, pattern } = node;
  const minLength = Math.min(node.minLength ?? 0, walk.left);
  walk.left -= minLength;
  let value = (format === undefined ? undefined : FORMATS[format]) ?? label;
  if (pattern !== undefined && !matches(pattern, value))
    value = PATTERN_CANDIDATES.find((text) => matches(pattern, text)) ?? value;
  if ([...value].length < minLength) value = value.padEnd(minLength, 'a');
  if ([...value].length > maxLength) value = [...value].slice(0, maxLength).join('');
  return value;
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
function numberValue(node: Extract<SchemaNode, { kind: 'number' }>): number {
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
