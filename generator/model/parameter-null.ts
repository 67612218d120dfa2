/**
 * A required parameter whose schema admits null (`enum: [a, null]`, `type: [string, 'null']`,
 * 3.0's `nullable: true`): no query, path, header or cookie carries null (OpenAPI 3.1.1 §4.8.12.4
 * defines no text for it), and the runtime reads a null query or header value as missing and
 * refuses it in a path. Its type left null in, so a call the types accepted failed. The SDK's types
 * now leave null out, and the spec is told.
 */
import type { Warnings } from '../warnings.ts';
import { jsonKinds } from './json-kinds.ts';
import type { SchemaLookup } from './loose-schemas.ts';
import type { ParameterLocation, SchemaNode } from './types.ts';

/** What a null value of each location comes to at run time. */
const NULL_AT: Record<ParameterLocation, string> = {
  query: 'a null value is not sent, and the SDK refuses the call as missing the required parameter',
  header:
    'a null value is not sent, and the SDK refuses the call as missing the required parameter',
  path: 'the SDK refuses a null value (a URL has no text for null)',
  cookie: 'a null value is not sent',
};

export interface NullLeftOut {
  /** The schema without null where its shape says it (`nullable`, an enum's null, a null variant). */
  schema: SchemaNode;
  /** True when the schema still admits null (a `$ref` to a nullable schema): the types take it out. */
  nonNullable: boolean;
}

/**
 * The parameter's schema without null, and the warning, when it is required and its schema admits
 * null beside other values; undefined otherwise (a schema of null alone is left as it is).
 */
export function requiredWithoutNull(
  parameter: { name: string; in: ParameterLocation; required: boolean; schema: SchemaNode },
  schemas: SchemaLookup,
  where: { warnings: Warnings; file: string; pointer: string },
): NullLeftOut | undefined {
  if (!parameter.required) return undefined;
  if (!saysNull(parameter.schema, schemas)) return undefined;
  const kinds = jsonKinds(parameter.schema, schemas, 'types');
  if (kinds.size === 1) return undefined;
  const schema = withoutNull(parameter.schema);
  const { name, in: location } = parameter;
  where.warnings.add(
    'parameter:required-null',
    `required ${location} parameter ${JSON.stringify(name)} admits null, which no ${location} parameter can carry: ${NULL_AT[location]}; the SDK's types leave null out`,
    { file: where.file, pointer: where.pointer },
    location === 'path'
      ? "remove null from the parameter's schema (`'null'` in `type`, `null` in `enum`, `nullable: true`)"
      : "remove null from the parameter's schema (`'null'` in `type`, `null` in `enum`, `nullable: true`), or make the parameter optional (`required: false`) if the API reads a missing value as null",
  );
  return { schema, nonNullable: saysNull(schema, schemas) };
}

/**
 * Whether a required parameter's schema admits null and nothing else (`const: null`,
 * `type: 'null'`, `enum: [null]`), with the warning. No location has a text for null: RFC 6570
 * reads it as undefined and sends nothing (OpenAPI 3.1.1 §4.8.12.4 serialises by RFC 6570), so
 * the only request such a query, header or cookie parameter allows is one without it. Before, the
 * SDK method required it and refused every call as missing it. A query, header or cookie one is
 * now optional in the SDK method (the caller may still pass null; nothing is sent for it); a
 * path one cannot be sent at all (the URL needs a segment), which the warning says.
 */
export function requiredNullOnly(
  parameter: { name: string; in: ParameterLocation; required: boolean; schema: SchemaNode },
  schemas: SchemaLookup,
  where: { warnings: Warnings; file: string; pointer: string },
): boolean {
  if (!parameter.required || !saysNull(parameter.schema, schemas)) return false;
  const kinds = jsonKinds(parameter.schema, schemas, 'types');
  if (kinds.size !== 1 || !kinds.has('null')) return false;
  const { name, in: location } = parameter;
  where.warnings.add(
    'parameter:required-null-only',
    location === 'path'
      ? `path parameter ${JSON.stringify(name)} admits only null, which no URL can carry (RFC 6570 reads null as undefined, OpenAPI 3.1.1 §4.8.12.4): every call of the SDK method is refused`
      : `required ${location} parameter ${JSON.stringify(name)} admits only null, which no ${location} parameter can carry (RFC 6570 reads null as undefined, OpenAPI 3.1.1 §4.8.12.4): the SDK method takes it as optional and sends nothing for it`,
    { file: where.file, pointer: where.pointer },
    location === 'path'
      ? 'give the parameter a schema of the values the URL holds (`type: string`), or remove it and its `{…}` from the path'
      : "remove the parameter (nothing is ever sent for it), or give it the value the API reads (`const: ''` for an empty value)",
  );
  return location !== 'path';
}

/** `node` without the null its own shape admits: its `nullable`, an enum's null, a null variant. */
function withoutNull(node: SchemaNode): SchemaNode {
  const own: SchemaNode = node.nullable ? { ...node, nullable: false } : node;
  if (own.kind === 'enum') {
    const values = own.values.filter((value) => value !== null);
    return values.length === own.values.length || values.length === 0 ? own : { ...own, values };
  }
  if (own.kind === 'union') {
    const variants = own.variants.filter((variant) => variant.kind !== 'null').map(withoutNull);
    return variants.length === 0 ? own : { ...own, variants };
  }
  return own;
}

/**
 * Whether the schema says null is a value: `nullable`, null in an enum, a null variant, through
 * `$ref`s (an `allOf` when each member says it). A schema that admits any value (`{}`, a `not`)
 * does not say it, and is left as it is.
 */
function saysNull(
  node: SchemaNode,
  schemas: SchemaLookup,
  seen: ReadonlySet<string> = new Set(),
): boolean {
  if (node.nullable) return true;
  switch (node.kind) {
    case 'null':
      return true;
    case 'enum':
      return node.values.includes(null);
    case 'union':
      return node.variants.some((variant) => saysNull(variant, schemas, seen));
    case 'allOf':
      return (
        node.members.length > 0 && node.members.every((member) => saysNull(member, schemas, seen))
      );
    case 'ref': {
      const target = schemas(node.target);
      if (target === undefined || seen.has(node.target)) return false;
      return saysNull(target, schemas, new Set([...seen, node.target]));
    }
    default:
      return false;
  }
}
