/**
 * The smallest value a schema allows, for the testing kit's default answer of an operation whose
 * spec has no example. Most specific first: the schema's own example, default or first enum
 * value; then required properties only, `minItems` items, `minLength` characters, the lower
 * bound of a number, the first variant of a union (with its discriminator value set), the
 * members of an `allOf` merged. Formats get a well-formed value (`date-time`, `uri`, `email`,
 * `uuid`, …). A `pattern` without an example gets the first of a few short candidates it
 * accepts, else `"string"`: a best effort, documented in the README.
 */
import type { JsonValue, RegexModel } from '../../model/schema-types.ts';
import type { NamedSchema, SchemaNode } from '../../model/types.ts';

const MAX_DEPTH = 12;

const FORMATS: Record<string, string> = {
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

export function minimalValue(node: SchemaNode, schemas: readonly NamedSchema[]): JsonValue {
  const byName = new Map(schemas.map((schema) => [schema.name, schema.node]));
  return valueOf(node, byName, new Set(), 0);
}

function valueOf(
  node: SchemaNode,
  byName: ReadonlyMap<string, SchemaNode>,
  visiting: Set<string>,
  depth: number,
): JsonValue {
  const own = node.examples?.[0] ?? node.default;
  if (own !== undefined) return own;
  // null is the smallest value of a nullable schema (and where a recursive one stops).
  if (node.nullable) return null;
  if (depth > MAX_DEPTH) return node.nullable ? null : emptyOf(node);
  switch (node.kind) {
    case 'ref': {
      const target = byName.get(node.target);
      // A schema that contains itself stops where it can: null, else an empty value.
      if (target === undefined || visiting.has(node.target))
        return node.nullable || target === undefined ? null : emptyOf(target);
      visiting.add(node.target);
      const value = valueOf(target, byName, visiting, depth + 1);
      visiting.delete(node.target);
      return value;
    }
    case 'enum':
      return node.values[0] ?? null;
    case 'null':
    case 'any':
    case 'never':
    case 'not':
      return null;
    case 'boolean':
      return false;
    case 'string':
      return stringValue(node.format, node.minLength, node.maxLength, node.pattern);
    case 'number':
      return numberValue(node);
    case 'array': {
      const items = node.prefixItems.map((item) => valueOf(item, byName, visiting, depth + 1));
      const count = Math.max(node.minItems ?? 0, items.length);
      while (items.length < count)
        items.push(
          node.items === undefined ? null : valueOf(node.items, byName, visiting, depth + 1),
        );
      return items;
    }
    case 'object': {
      const result: { [key: string]: JsonValue } = {};
      for (const property of node.properties) {
        if (property.required && !property.node.writeOnly)
          result[property.name] = valueOf(property.node, byName, visiting, depth + 1);
      }
      for (const name of node.requiredWithoutSchema) result[name] ??= null;
      for (const property of node.properties) {
        if (Object.keys(result).length >= (node.minProperties ?? 0)) break;
        result[property.name] ??= valueOf(property.node, byName, visiting, depth + 1);
      }
      return result;
    }
    case 'union': {
      const [first] = node.variants;
      if (first === undefined) return null;
      const value = valueOf(first, byName, visiting, depth + 1);
      const discriminator = node.discriminator;
      const mapped = discriminator?.mapping.find(
        (entry) => first.kind === 'ref' && entry.target === first.target,
      );
      if (discriminator !== undefined && mapped !== undefined && isObject(value))
        value[discriminator.propertyName] = mapped.value;
      return value;
    }
    case 'allOf': {
      const members = node.members.map((member) => valueOf(member, byName, visiting, depth + 1));
      return members.every(isObject) ? Object.assign({}, ...members) : (members[0] ?? null);
    }
  }
}

/** The emptiest value of a node's type, where recursion has to stop. */
function emptyOf(node: SchemaNode): JsonValue {
  switch (node.kind) {
    case 'object':
      return {};
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function stringValue(
  format: string | undefined,
  minLength = 0,
  maxLength = Number.POSITIVE_INFINITY,
  pattern?: RegexModel,
): string {
  let value = (format === undefined ? undefined : FORMATS[format]) ?? 'string';
  if (pattern !== undefined)
    value = PATTERN_CANDIDATES.find((text) => matches(pattern, text)) ?? value;
  if (value.length < minLength) value = value.padEnd(minLength, 'a');
  if (value.length > maxLength) value = value.slice(0, maxLength);
  return value;
}

/** Tests a short candidate against the spec's pattern (a regex from the spec is only ever matched, never run as code). */
function matches(pattern: RegexModel, text: string): boolean {
  try {
    return new RegExp(pattern.source, pattern.flags).test(text);
  } catch {
    return false;
  }
}

function numberValue(node: Extract<SchemaNode, { kind: 'number' }>): number {
  const step = node.multipleOf ?? (node.integer ? 1 : 1);
  let value = 0;
  if (node.minimum !== undefined) {
    value = node.minimum.value;
    if (node.minimum.exclusive) value += node.integer || node.multipleOf !== undefined ? step : 0.5;
  } else if (node.maximum !== undefined && node.maximum.value < 0) {
    value = node.maximum.value - (node.maximum.exclusive ? 1 : 0);
  }
  if (node.multipleOf !== undefined) value = Math.ceil(value / node.multipleOf) * node.multipleOf;
  if (node.integer) value = Math.ceil(value);
  return value;
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
