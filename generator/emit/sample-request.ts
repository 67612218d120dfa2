/**
 * The request an example of an operation sends, as JSON values before any language prints it:
 * the TypeScript calls of the README and the docs (readme-examples.ts) and the curl samples
 * (curl-sample.ts) are made from the same one, so they show the same request.
 *
 * Values come from the spec, most specific first: the request body's first example, a
 * parameter's example, then the schema's examples, default, first enum value, or a placeholder
 * that fits its type. Optional query parameters that have an example of their own (filters such
 * as `?provider=p3,p9`) are sent too, so a list call shows how to filter; cursor parameters are not.
 */
import type { JsonValue } from '../model/schema-types.ts';
import type {
  ApiModel,
  NamedSchema,
  OperationModel,
  ParameterModel,
  SchemaNode,
} from '../model/types.ts';
import { objectShape } from '../model/body-shape.ts';
import { isInheritedMember } from '../model/sdk-names.ts';

export interface SampleParameter {
  parameter: ParameterModel;
  value: JsonValue;
}

export interface SampleRequest {
  /** Every path parameter's value (client options included), by the parameter's name. */
  path: Map<string, JsonValue>;
  /** Query parameters to send, in the spec's order, then the extra ones asked for. */
  query: SampleParameter[];
  /** Required header parameters (the idempotency key is the client's business). */
  headers: SampleParameter[];
  /** The body, when the operation takes one and there is something to send. */
  body?: JsonValue;
  /** `example`: the spec's first request example; `placeholders`: required properties filled in. */
  bodySource?: 'example' | 'placeholders';
}

export interface SampleOptions {
  /** Also send optional query parameters that have an example (default true). */
  filters?: boolean;
  /** Optional query parameters to send with these values, e.g. `[['limit', 20]]`. */
  extraQuery?: readonly [string, JsonValue][];
  /**
   * Fill required read-only properties of the body too: openapi-typescript's request body types
   * (the typed path client's) keep them, the SDK's `…Input` types do not (default false).
   */
  readOnly?: boolean;
}

export function sampleRequest(
  operation: OperationModel,
  model: Pick<ApiModel, 'schemas'>,
  options: SampleOptions = {},
): SampleRequest {
  const byName = new Map(model.schemas.map((schema) => [schema.name, schema]));
  const { filters = true, extraQuery = [], readOnly = false } = options;
  const cursors = new Set(
    [operation.pagination?.afterParam, operation.pagination?.beforeParam].filter(
      (name) => name !== undefined,
    ),
  );
  const extra = new Map(extraQuery);

  const path = new Map<string, JsonValue>();
  const query: SampleParameter[] = [];
  const headers: SampleParameter[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') path.set(parameter.name, parameterValue(parameter, byName));
    else if (parameter.in === 'query' && parameter.clientDefault === undefined) {
      const wanted = extra.get(parameter.name);
      if (wanted !== undefined && !parameter.required) query.push({ parameter, value: wanted });
      else if (
        parameter.required ||
        (filters && parameter.example !== undefined && !cursors.has(parameter.name))
      )
        query.push({ parameter, value: parameterValue(parameter, byName) });
    } else if (
      parameter.in === 'header' &&
      parameter.required &&
      parameter.clientDefault === undefined
    )
      headers.push({ parameter, value: parameterValue(parameter, byName) });
  }

  const sample: SampleRequest = { path, query, headers };
  const example = operation.body?.examples?.[0];
  if (example !== undefined) {
    sample.body = example.value;
    sample.bodySource = 'example';
  } else if (operation.body !== undefined) {
    const body = requiredBody(
      operation.body.schema,
      operation.body.required,
      byName,
      model.schemas,
      readOnly,
    );
    if (body !== undefined) {
      sample.body = body;
      sample.bodySource = 'placeholders';
    }
  }
  return sample;
}

/** A parameter's example, else a value that fits its schema. */
function parameterValue(
  parameter: ParameterModel,
  byName: ReadonlyMap<string, NamedSchema>,
): JsonValue {
  const value = parameter.example ?? placeholderValue(parameter.schema, byName, parameter.name);
  // A parameter defined by `content` is sent as the text of its media type: the client takes
  // the JSON text of the value, not the value.
  return parameter.mediaType !== undefined && typeof value !== 'string'
    ? JSON.stringify(value)
    : value;
}

/**
 * A body without an example: the required properties (those the caller gives, not read-only
 * ones unless `readOnly`) and those named like a member every object has, with placeholders; or
 * a placeholder for a required body that is not an object.
 */
function requiredBody(
  schema: SchemaNode,
  required: boolean,
  byName: ReadonlyMap<string, NamedSchema>,
  schemas: readonly NamedSchema[],
  readOnly: boolean,
): JsonValue | undefined {
  const shape = objectShape(schema, schemas);
  if (shape === undefined) return required ? placeholderValue(schema, byName, 'body') : undefined;
  const nodes = propertyNodes(schema, byName);
  const entries = shape.properties
    .filter(
      (property) =>
        (property.required || givenAlways(property.name)) &&
        (readOnly || nodes.get(property.name)?.readOnly !== true),
    )
    .map((property): [string, JsonValue] => {
      const node = nodes.get(property.name);
      return [
        property.name,
        node === undefined ? '' : placeholderValue(node, byName, property.name),
      ];
    });
  return entries.length > 0 || required ? Object.fromEntries(entries) : undefined;
}

/**
 * An optional property named like a member every object has (`toString`, `valueOf`): TypeScript
 * reads an object literal without it as having the inherited function, which the property's type
 * does not accept, so a sample gives it. (`__proto__` would set the prototype instead.)
 */
function givenAlways(name: string): boolean {
  return isInheritedMember(name) && name !== '__proto__';
}

/** The properties of an object schema (allOf members merged), `$ref`s followed. */
export function propertyNodes(
  node: SchemaNode,
  byName: ReadonlyMap<string, NamedSchema>,
  depth = 0,
): Map<string, SchemaNode> {
  const found = new Map<string, SchemaNode>();
  const target = dereference(node, byName);
  if (target === undefined || depth > 10) return found;
  if (target.kind === 'object')
    for (const property of target.properties) found.set(property.name, property.node);
  if (target.kind === 'allOf') {
    for (const member of target.members)
      for (const [name, inner] of propertyNodes(member, byName, depth + 1)) found.set(name, inner);
  }
  return found;
}

export function dereference(
  node: SchemaNode,
  byName: ReadonlyMap<string, NamedSchema>,
): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let hops = 0; current?.kind === 'ref' && hops < 10; hops++)
    current = byName.get(current.target)?.node;
  return current;
}

/** A value that fits the schema well enough for an example (kept short: nested objects stay `{}`). */
function placeholderValue(
  node: SchemaNode,
  byName: ReadonlyMap<string, NamedSchema>,
  name: string,
): JsonValue {
  const example = node.examples?.[0] ?? node.default;
  if (example !== undefined && isShort(example)) return example;
  const target = dereference(node, byName) ?? node;
  const targetExample = target.examples?.[0] ?? target.default;
  if (targetExample !== undefined && isShort(targetExample)) return targetExample;
  switch (target.kind) {
    case 'enum':
      return target.values[0] ?? null;
    case 'string':
      return name;
    case 'number':
      return target.minimum?.value ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return [];
    case 'union':
      return target.variants[0] === undefined
        ? null
        : placeholderValue(target.variants[0], byName, name);
    default:
      return {};
  }
}

function isShort(value: JsonValue): boolean {
  return value === null || typeof value !== 'object'
    ? String(value).length <= 40 && !String(value).includes('\n')
    : false;
}
