/**
 * The typed part of a schema object: one node per JSON type with the keywords that apply to it.
 * `loose` nodes come from schemas without `type` (`{ minLength: 1 }` constrains strings only).
 */
import { conditionalProperties, type FollowRef } from '../conditional-properties.ts';
import { joinPointer } from '../errors.ts';
import type {
  ArrayNode,
  Bound,
  JsonType,
  NodeBase,
  NumberNode,
  ObjectNode,
  PropertyNode,
  SchemaNode,
  StringNode,
} from './schema-types.ts';
import {
  badValue,
  isPlainObject,
  readBoolean,
  readCount,
  readNumber,
  readRegex,
  readStringList,
  type ValueContext,
} from './schema-values.ts';

/** Builds a sub-schema found at `pointer` (the caller's recursion). */
export type BuildSub = (schema: unknown, pointer: string) => SchemaNode;

/** Keywords that only constrain values of one JSON type. */
export const TYPE_KEYWORDS = {
  string: ['minLength', 'maxLength', 'pattern'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: ['items', 'prefixItems', 'unevaluatedItems', 'minItems', 'maxItems', 'uniqueItems'],
  object: [
    'properties',
    'required',
    'additionalProperties',
    'unevaluatedProperties',
    'patternProperties',
    'propertyNames',
    'minProperties',
    'maxProperties',
  ],
} as const;

export function plainBase(pointer: string): NodeBase {
  return { pointer, nullable: false, deprecated: false, readOnly: false, writeOnly: false };
}

export function buildTyped(
  type: JsonType,
  s: Record<string, unknown>,
  ctx: ValueContext,
  loose: boolean,
  sub: BuildSub,
  /** How a `$ref` is followed in the raw document (for the conditional properties). */
  follow?: FollowRef,
): SchemaNode {
  const base = plainBase(ctx.pointer);
  switch (type) {
    case 'null':
      return { kind: 'null', ...base };
    case 'boolean':
      return { kind: 'boolean', ...base };
    case 'string':
      return buildString(s, ctx, base, loose);
    case 'number':
    case 'integer':
      return buildNumber(s, ctx, base, loose, type === 'integer');
    case 'array':
      return buildArray(s, ctx, base, loose, sub);
    case 'object':
      return buildObject(s, ctx, base, loose, sub, follow);
  }
}

function buildString(
  s: Record<string, unknown>,
  ctx: ValueContext,
  base: NodeBase,
  loose: boolean,
): StringNode {
  const node: StringNode = { kind: 'string', ...base, loose };
  const minLength = readCount(s, 'minLength', ctx);
  const maxLength = readCount(s, 'maxLength', ctx);
  if (minLength !== undefined && minLength > 0) node.minLength = minLength;
  if (maxLength !== undefined) node.maxLength = maxLength;
  if (s.pattern !== undefined) node.pattern = readRegex(s.pattern, 'pattern', ctx);
  return node;
}

function buildNumber(
  s: Record<string, unknown>,
  ctx: ValueContext,
  base: NodeBase,
  loose: boolean,
  integer: boolean,
): NumberNode {
  const node: NumberNode = { kind: 'number', ...base, integer, loose };
  const minimum = readBound(s, 'minimum', 'exclusiveMinimum', ctx, 1);
  const maximum = readBound(s, 'maximum', 'exclusiveMaximum', ctx, -1);
  if (minimum) node.minimum = minimum;
  if (maximum) node.maximum = maximum;
  const multipleOf = readNumber(s, 'multipleOf', ctx);
  if (multipleOf !== undefined) {
    if (multipleOf <= 0) throw badValue(ctx, 'multipleOf', 'a number greater than 0', multipleOf);
    node.multipleOf = multipleOf;
  }
  return node;
}

/**
 * One bound from `minimum` + `exclusiveMinimum` in either form: 3.0 `exclusiveMinimum: true`
 * makes `minimum` exclusive; a 3.1 number is a bound of its own, and the tighter one wins
 * (`direction` 1 for lower bounds, -1 for upper bounds).
 */
function readBound(
  s: Record<string, unknown>,
  inclusiveKey: 'minimum' | 'maximum',
  exclusiveKey: 'exclusiveMinimum' | 'exclusiveMaximum',
  ctx: ValueContext,
  direction: 1 | -1,
): Bound | undefined {
  const inclusive = readNumber(s, inclusiveKey, ctx);
  const exclusive = s[exclusiveKey];
  const bounds: Bound[] = [];
  if (typeof exclusive === 'boolean') {
    if (inclusive !== undefined) bounds.push({ value: inclusive, exclusive });
  } else {
    if (inclusive !== undefined) bounds.push({ value: inclusive, exclusive: false });
    const value = readNumber(s, exclusiveKey, ctx);
    if (value !== undefined) bounds.push({ value, exclusive: true });
  }
  return bounds.reduce<Bound | undefined>((tightest, bound) => {
    if (!tightest) return bound;
    const delta = (bound.value - tightest.value) * direction;
    if (delta > 0 || (delta === 0 && bound.exclusive)) return bound;
    return tightest;
  }, undefined);
}

function buildArray(
  s: Record<string, unknown>,
  ctx: ValueContext,
  base: NodeBase,
  loose: boolean,
  sub: BuildSub,
): ArrayNode {
  const node: ArrayNode = {
    kind: 'array',
    ...base,
    loose,
    prefixItems: [],
    uniqueItems: readBoolean(s, 'uniqueItems', ctx),
  };
  if (s.prefixItems !== undefined) {
    if (!Array.isArray(s.prefixItems))
      throw badValue(ctx, 'prefixItems', 'a list of schemas', s.prefixItems);
    node.prefixItems = s.prefixItems.map((item, i) =>
      sub(item, joinPointer(ctx.pointer, 'prefixItems', i)),
    );
  }
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) {
      throw badValue(
        ctx,
        'items',
        'one schema (use prefixItems for a list of schemas by position)',
        s.items,
      );
    }
    const items = sub(s.items, joinPointer(ctx.pointer, 'items'));
    if (items.kind !== 'any' || items.nullable) node.items = items;
  }
  const minItems = readCount(s, 'minItems', ctx);
  const maxItems = readCount(s, 'maxItems', ctx);
  if (minItems !== undefined && minItems > 0) node.minItems = minItems;
  if (maxItems !== undefined) node.maxItems = maxItems;
  return node;
}

/**
 * The properties only the schema's conditional subschemas declare (`then`/`else` beside `if`,
 * `dependentSchemas`: generator/conditional-properties.ts). Optional in the types (a value has
 * them only when the condition holds) unless `required` lists them, a union where branches type
 * one alike-named property differently; the guards check them through the conditional parts
 * (conditional-schemas.ts).
 */
function conditionalPropertyNodes(
  s: Record<string, unknown>,
  ctx: ValueContext,
  sub: BuildSub,
  follow: FollowRef,
  required: readonly string[],
): PropertyNode[] {
  return conditionalProperties(s, ctx.pointer, follow).map(({ name, schemas }) => {
    const nodes = schemas.map(({ schema, pointer }) => sub(schema, pointer));
    return {
      name,
      required: required.includes(name),
      node:
        nodes.length === 1
          ? nodes[0]!
          : { kind: 'union', ...plainBase(ctx.pointer), mode: 'anyOf', variants: nodes },
    };
  });
}

function buildObject(
  s: Record<string, unknown>,
  ctx: ValueContext,
  base: NodeBase,
  loose: boolean,
  sub: BuildSub,
  follow?: FollowRef,
): ObjectNode {
  const required = readStringList(s, 'required', ctx);
  const node: ObjectNode = {
    kind: 'object',
    ...base,
    loose,
    properties: [],
    requiredWithoutSchema: [],
    patternProperties: [],
  };
  if (s.properties !== undefined) {
    if (!isPlainObject(s.properties))
      throw badValue(ctx, 'properties', 'a map of schemas', s.properties);
    node.properties = Object.entries(s.properties).map(([name, schema]) => ({
      name,
      required: required.includes(name),
      node: sub(schema, joinPointer(ctx.pointer, 'properties', name)),
    }));
  }
  const declared = new Set(node.properties.map((p) => p.name));
  node.requiredWithoutSchema = required.filter((name) => !declared.has(name));
  const conditional =
    follow === undefined ? [] : conditionalPropertyNodes(s, ctx, sub, follow, required);
  if (conditional.length > 0) node.conditionalProperties = conditional;
  if (s.additionalProperties !== undefined) {
    node.additionalProperties = sub(
      s.additionalProperties,
      joinPointer(ctx.pointer, 'additionalProperties'),
    );
  }
  if (s.unevaluatedProperties !== undefined && s.additionalProperties === undefined) {
    node.unevaluatedProperties = sub(
      s.unevaluatedProperties,
      joinPointer(ctx.pointer, 'unevaluatedProperties'),
    );
  }
  if (s.patternProperties !== undefined) {
    if (!isPlainObject(s.patternProperties)) {
      throw badValue(
        ctx,
        'patternProperties',
        'a map from regular expressions to schemas',
        s.patternProperties,
      );
    }
    node.patternProperties = Object.entries(s.patternProperties).map(([pattern, schema]) => ({
      pattern: readRegex(pattern, 'patternProperties', ctx),
      node: sub(schema, joinPointer(ctx.pointer, 'patternProperties', pattern)),
    }));
  }
  if (s.propertyNames !== undefined) {
    node.propertyNames = sub(s.propertyNames, joinPointer(ctx.pointer, 'propertyNames'));
  }
  const minProperties = readCount(s, 'minProperties', ctx);
  const maxProperties = readCount(s, 'maxProperties', ctx);
  if (minProperties !== undefined && minProperties > 0) node.minProperties = minProperties;
  if (maxProperties !== undefined) node.maxProperties = maxProperties;
  return node;
}

/** True when a typed node checks nothing but its type (so an `enum` of that type makes it redundant). */
export function isBareType(node: SchemaNode): boolean {
  switch (node.kind) {
    case 'null':
    case 'boolean':
      return true;
    case 'string':
      return (
        node.minLength === undefined && node.maxLength === undefined && node.pattern === undefined
      );
    case 'number':
      return (
        node.minimum === undefined && node.maximum === undefined && node.multipleOf === undefined
      );
    case 'array':
      return (
        node.prefixItems.length === 0 &&
        node.items === undefined &&
        node.minItems === undefined &&
        node.maxItems === undefined &&
        !node.uniqueItems
      );
    case 'object':
      return (
        node.properties.length === 0 &&
        (node.conditionalProperties ?? []).length === 0 &&
        node.requiredWithoutSchema.length === 0 &&
        node.additionalProperties === undefined &&
        node.unevaluatedProperties === undefined &&
        node.patternProperties.length === 0 &&
        node.propertyNames === undefined &&
        node.minProperties === undefined &&
        node.maxProperties === undefined
      );
    case 'union':
      // Only type arrays reach here (`type: [string, null]`).
      return node.variants.every(isBareType);
    default:
      return false;
  }
}
