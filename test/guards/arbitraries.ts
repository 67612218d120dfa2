/**
 * fast-check arbitraries built from the normalised schema model: values that lean towards valid
 * (required properties present, numbers inside their bounds and multiples of `multipleOf`, strings
 * of the right length or matching the pattern, enum members, discriminated variants). They are not
 * always valid (allOf merges, oneOf overlaps, unsatisfiable schemas): the differential run compares
 * verdicts, it does not assume them. Every value is plain JSON (passed through JSON text).
 */
import fc from 'fast-check';
import { isRequiredInResponse } from '../../generator/emit/guards/properties.ts';
import type {
  ArrayNode,
  NumberNode,
  ObjectNode,
  SchemaNode,
  StringNode,
  UnionNode,
} from '../../generator/model/schema-types.ts';
import type { NamedSchema } from '../../generator/model/types.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Containers (and refs) deeper than this get only what is required: no optional properties, minimal arrays. */
const SHALLOW_DEPTH = 7;
/** Deeper than this a value is given up on (`null`): only unsatisfiable recursion gets here. */
const GIVE_UP_DEPTH = 14;
/** Items added beyond `minItems`, and characters beyond `minLength`, at most. */
const SPREAD = 4;
const MAX_STRING_SPREAD = 16;

/** Any small JSON value. */
const smallJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

/** A value as JSON would carry it: own keys only (`__proto__` included), no -0, no undefined. */
export function toJson(value: unknown): Json {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as Json);
}

export class ValueArbitraries {
  private readonly cache = new Map<SchemaNode, fc.Arbitrary<unknown>[]>();

  constructor(private readonly schemas: ReadonlyMap<string, NamedSchema>) {}

  /** Valid-leaning JSON values for a named schema. */
  forSchema(name: string): fc.Arbitrary<Json> {
    const schema = this.schemas.get(name);
    if (!schema) throw new Error(`no schema ${name}`);
    return this.of(schema.node, 0).map(toJson);
  }

  /** Valid-leaning values for `node` at nesting `depth` (containers and refs count). */
  of(node: SchemaNode, depth: number): fc.Arbitrary<unknown> {
    let byDepth = this.cache.get(node);
    if (!byDepth) {
      byDepth = [];
      this.cache.set(node, byDepth);
    }
    let arb = byDepth[depth];
    if (!arb) {
      arb = this.build(node, depth);
      byDepth[depth] = arb;
    }
    return arb;
  }

  private build(node: SchemaNode, depth: number): fc.Arbitrary<unknown> {
    if (depth > GIVE_UP_DEPTH) return fc.constant(null);
    const core = this.core(node, depth);
    if (!node.nullable || node.kind === 'any') return core;
    const nullWeight = depth >= SHALLOW_DEPTH ? 4 : 1;
    return fc.oneof(
      { arbitrary: fc.constant(null), weight: nullWeight },
      { arbitrary: core, weight: 4 },
    );
  }

  private core(node: SchemaNode, depth: number): fc.Arbitrary<unknown> {
    switch (node.kind) {
      case 'any':
      case 'never':
      case 'not':
        return smallJson;
      case 'ref': {
        const target = this.schemas.get(node.target);
        if (!target) throw new Error(`no schema ${node.target}`);
        return this.of(target.node, depth + 1);
      }
      case 'enum':
        return node.values.length === 0 ? smallJson : fc.constantFrom(...node.values);
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'string':
        return loose(node.loose, stringArb(node));
      case 'number':
        return loose(node.loose, numberArb(node));
      case 'array':
        return loose(node.loose, this.array(node, depth));
      case 'object':
        return loose(node.loose, this.object(node, depth));
      case 'union':
        return this.union(node, depth);
      case 'allOf':
        return fc
          .tuple(fc.tuple(...node.members.map((m) => this.of(m, depth))), fc.nat())
          .map(([values, pick]) => mergeAll(values, pick));
    }
  }

  /** A variant; with a discriminator, mostly one whose discriminator property names it. */
  private union(node: UnionNode, depth: number): fc.Arbitrary<unknown> {
    const variants = node.variants.map((v) => this.of(v, depth));
    const { discriminator } = node;
    if (!discriminator) return fc.oneof(...variants);
    const named = discriminator.mapping.flatMap(({ value, target }) => {
      const schema = this.schemas.get(target);
      if (!schema) return [];
      return [
        this.of(schema.node, depth + 1).map((v) =>
          isPlainObject(v) ? { ...v, [discriminator.propertyName]: value } : v,
        ),
      ];
    });
    return fc.oneof(
      { arbitrary: fc.oneof(...variants), weight: 1 },
      ...named.map((arbitrary) => ({ arbitrary, weight: 2 })),
    );
  }

  private array(node: ArrayNode, depth: number): fc.Arbitrary<unknown[]> {
    const prefix = node.prefixItems.map((item) => this.of(item, depth + 1));
    const closed = node.items?.kind === 'never' && !node.items.nullable;
    const item = node.items ? this.of(node.items, depth + 1) : smallJson;
    const minRest = Math.max(0, (node.minItems ?? 0) - prefix.length);
    const roomy = depth < SHALLOW_DEPTH ? minRest + SPREAD : minRest;
    const maxRest = Math.max(minRest, Math.min(roomy, (node.maxItems ?? Infinity) - prefix.length));
    const rest: fc.Arbitrary<unknown[]> = closed
      ? fc.constant([])
      : node.uniqueItems
        ? fc.uniqueArray(item, {
            minLength: minRest,
            maxLength: maxRest,
            selector: (v) => JSON.stringify(v),
          })
        : fc.array(item, { minLength: minRest, maxLength: maxRest });
    return fc.tuple(fc.tuple(...prefix), rest).map(([head, tail]) => [...head, ...tail]);
  }

  private object(node: ObjectNode, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const shallow = depth >= SHALLOW_DEPTH;
    const parts: fc.Arbitrary<[string, unknown][]>[] = [];
    for (const prop of node.properties) {
      const entry = this.of(prop.node, depth + 1).map((v): [string, unknown][] => [[prop.name, v]]);
      if (isRequiredInResponse(prop, this.schemas)) parts.push(entry);
      else if (!shallow) parts.push(fc.option(entry, { nil: [], freq: 3 }));
    }
    for (const name of node.requiredWithoutSchema) {
      parts.push(smallJson.map((v): [string, unknown][] => [[name, v]]));
    }
    if (!shallow) parts.push(...this.extraEntries(node, depth));
    return fc
      .tuple(...parts)
      .map((lists) => Object.fromEntries(lists.flat()) as Record<string, unknown>);
  }

  /** Keys beyond `properties`: patternProperties, additionalProperties, or any (when allowed). */
  private extraEntries(node: ObjectNode, depth: number): fc.Arbitrary<[string, unknown][]>[] {
    const out: fc.Arbitrary<[string, unknown][]>[] = [];
    const names = node.propertyNames
      ? this.of(node.propertyNames, depth + 1).map((k) => (typeof k === 'string' ? k : String(k)))
      : fc.string({ minLength: 1, maxLength: 10 });
    for (const { pattern, node: valueNode } of node.patternProperties) {
      const key = patternArb(pattern.source, pattern.flags) ?? names;
      out.push(fc.array(fc.tuple(key, this.of(valueNode, depth + 1)), { maxLength: 2 }));
    }
    const additional = node.additionalProperties;
    const minExtra = Math.max(0, (node.minProperties ?? 0) - node.properties.length);
    if (additional === undefined || (additional.kind === 'any' && !additional.nullable)) {
      const some = fc.array(fc.tuple(names, smallJson), {
        minLength: minExtra,
        maxLength: minExtra + 2,
      });
      const none = fc.constant<[string, unknown][]>([]);
      out.push(
        minExtra > 0
          ? some
          : fc.oneof({ arbitrary: none, weight: 2 }, { arbitrary: some, weight: 1 }),
      );
    } else if (!(additional.kind === 'never' && !additional.nullable)) {
      const value = this.of(additional, depth + 1);
      out.push(fc.array(fc.tuple(names, value), { minLength: minExtra, maxLength: minExtra + 3 }));
    }
    return out;
  }
}

function loose<T>(isLoose: boolean, typed: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return isLoose ? fc.oneof(typed, smallJson) : typed;
}

/** Strings matching a pattern, or undefined when fast-check cannot read the regex. */
function patternArb(source: string, flags: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(source, flags));
  } catch {
    return undefined;
  }
}

function stringArb(node: StringNode): fc.Arbitrary<string> {
  if (node.pattern) {
    const matching = patternArb(node.pattern.source, node.pattern.flags);
    if (matching) return matching;
  }
  const minLength = node.minLength ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min(node.maxLength ?? Infinity, minLength + MAX_STRING_SPREAD),
  );
  const options = { minLength, maxLength };
  const plain = fc.oneof(
    { arbitrary: fc.string(options), weight: 3 },
    // Any code point: astral ones are two UTF-16 units but one character to minLength/maxLength.
    { arbitrary: fc.string({ ...options, unit: 'binary' }), weight: 1 },
  );
  if (node.format !== 'date-time') return plain;
  const dates = fc
    .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') })
    .map((d) => d.toISOString());
  return fc.oneof({ arbitrary: dates, weight: 3 }, { arbitrary: plain, weight: 1 });
}

const SAFE = Number.MAX_SAFE_INTEGER;

function numberArb(node: NumberNode): fc.Arbitrary<number> {
  const { minimum: min, maximum: max } = node;
  const lo =
    min === undefined ? -SAFE : min.exclusive ? Math.floor(min.value) + 1 : Math.ceil(min.value);
  const hi =
    max === undefined ? SAFE : max.exclusive ? Math.ceil(max.value) - 1 : Math.floor(max.value);
  if (node.multipleOf !== undefined) {
    const m = node.multipleOf;
    const kLo = Math.max(-1e6, Math.ceil((min?.value ?? -1e6 * m) / m));
    const kHi = Math.min(1e6, Math.floor((max?.value ?? 1e6 * m) / m));
    if (kLo <= kHi) return fc.integer({ min: kLo, max: kHi }).map((k) => k * m);
  }
  const integers: fc.Arbitrary<number>[] = [];
  if (lo <= hi) {
    const sLo = Math.max(lo, -SAFE);
    const sHi = Math.min(hi, SAFE);
    const small = fc.integer({
      min: Math.max(sLo, Math.min(sHi, -100)),
      max: Math.min(sHi, Math.max(sLo, 1000)),
    });
    integers.push(small, fc.integer({ min: sLo, max: sHi }));
  }
  if (node.integer) return integers.length > 0 ? fc.oneof(...integers) : fc.integer();
  const empty =
    min !== undefined &&
    max !== undefined &&
    (min.value > max.value || (min.value === max.value && (min.exclusive || max.exclusive)));
  if (empty) return fc.double({ noNaN: true, noDefaultInfinity: true });
  const doubles = fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(min === undefined ? {} : { min: min.value, minExcluded: min.exclusive }),
    ...(max === undefined ? {} : { max: max.value, maxExcluded: max.exclusive }),
  });
  return fc.oneof(doubles, ...integers);
}

/** allOf: objects merge (later members win on scalar clashes); other values: one member's value. */
function mergeAll(values: unknown[], pick: number): unknown {
  if (values.length > 0 && values.every(isPlainObject)) {
    return values.reduce((merged: Record<string, unknown>, v) => deepMerge(merged, v), {});
  }
  return values[pick % values.length];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out = Object.fromEntries(Object.entries(a));
  for (const [key, value] of Object.entries(b)) {
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    const merged =
      isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value;
    Object.defineProperty(out, key, {
      value: merged,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
