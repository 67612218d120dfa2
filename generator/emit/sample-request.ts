/**
 * The request an example of an operation sends, as JSON values before any language prints it:
 * the TypeScript calls of the README and the docs (readme-examples.ts) and the curl samples
 * (curl-sample.ts) are made from the same one, so they show the same request.
 *
 * Values come from the spec, most specific first: the request body's first example that fits
 * its schema, a parameter's example that fits, then a value built from the schema
 * (schema-sample.ts: its own example or default, every required property at every depth, a
 * variant of a union, …). An example that does not fit (a required property missing, a value the
 * type does not take) is never shown: the call would not compile. Optional query parameters that
 * have an example of their own (filters such as `?provider=p3,p9`) are sent too, so a list call
 * shows how to filter; cursor parameters are not.
 */
import type { JsonValue } from '../model/schema-types.ts';
import type {
  ApiModel,
  NamedSchema,
  OperationModel,
  ParameterModel,
  SchemaNode,
} from '../model/types.ts';
import { binarySample, fitsSchema, followRefs, sampleValue } from './schema-sample.ts';

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
  /**
   * Required cookie parameters: no SDK method takes them (a browser sends its own cookies), the
   * typed path client does (`params.cookie`).
   */
  cookies: SampleParameter[];
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
  const cookies: SampleParameter[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') path.set(parameter.name, parameterValue(parameter, model.schemas));
    else if (parameter.in === 'query' && parameter.clientDefault === undefined) {
      const wanted = extra.get(parameter.name);
      if (wanted !== undefined && !parameter.required) query.push({ parameter, value: wanted });
      else if (
        parameter.required ||
        (filters && parameter.example !== undefined && !cursors.has(parameter.name))
      )
        query.push({ parameter, value: parameterValue(parameter, model.schemas) });
    } else if (
      parameter.in === 'header' &&
      parameter.required &&
      parameter.clientDefault === undefined
    )
      headers.push({ parameter, value: parameterValue(parameter, model.schemas) });
    else if (parameter.in === 'cookie' && parameter.required)
      cookies.push({ parameter, value: parameterValue(parameter, model.schemas) });
  }

  const sample: SampleRequest = { path, query, headers, cookies };
  const body = operation.body;
  const direction = { direction: 'request', readOnly } as const;
  const example = body?.examples?.find(({ value }) =>
    fitsSchema(value, body.schema, model.schemas, direction),
  );
  if (body !== undefined && (body.kind === 'binary' || body.kind === 'any')) {
    // A raw body (bytes of any media type) is sent as a string or a Blob, whatever its schema
    // says the bytes hold: the spec's text example, else a file.
    if (body.required || example !== undefined) {
      sample.body = typeof example?.value === 'string' ? example.value : binarySample('body');
      sample.bodySource = example === undefined ? 'placeholders' : 'example';
    }
  } else if (example !== undefined) {
    sample.body = example.value;
    sample.bodySource = 'example';
  } else if (body !== undefined && operation.shape.bodyNever !== true) {
    // A body no value meets (its type is `never`) has no sample: an optional one is left out.
    const value = sampleValue(body.schema, model.schemas, direction, 'body');
    // An optional body with nothing required in it is left out.
    const empty = typeof value === 'object' && value !== null && Object.keys(value).length === 0;
    if (body.required || !empty) {
      sample.body = value;
      sample.bodySource = 'placeholders';
    }
  }
  return sample;
}

/** A parameter's example when it fits, else a value that fits its schema. */
function parameterValue(parameter: ParameterModel, schemas: readonly NamedSchema[]): JsonValue {
  const direction = { direction: 'request' } as const;
  const value =
    parameter.example !== undefined &&
    fitsSchema(parameter.example, parameter.schema, schemas, direction)
      ? parameter.example
      : sampleValue(parameter.schema, schemas, direction, parameter.name);
  // A parameter defined by a media type other than JSON is given as that media type's text; a
  // JSON one is given as the value, which the client writes as JSON.
  return parameter.mediaType !== undefined &&
    parameter.jsonContent !== true &&
    typeof value !== 'string'
    ? JSON.stringify(value)
    : value;
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

/** {@link followRefs} over the named schemas: the schema a `ref` node names. */
export function dereference(
  node: SchemaNode,
  byName: ReadonlyMap<string, NamedSchema>,
): SchemaNode | undefined {
  return followRefs(node, (name) => byName.get(name)?.node);
}
