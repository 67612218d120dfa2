/**
 * The media-type parts of a resource method: how its request body is encoded, how its success
 * body is read, and what the method resolves to. The model decides the kind of each body
 * (model/media-types.ts); this module only prints the runtime's encoder or reader for the kind,
 * so a generated bundle imports only the ones its methods use.
 */
import { propertyKey, stringLiteral } from '../../model/names.ts';
import type { BodyKind, EncodingModel, OperationModel, ParameterModel } from '../../model/types.ts';
import type { ImportPlan } from './imports.ts';

/** Runtime modules, as seen from `src/resources/`. */
const BODY_MODULE = '../runtime/internal/body.js';
const READ_MODULE = '../runtime/internal/read.js';
const STREAMING_MODULE = '../runtime/streaming.js';
const PATH_MODULE = '../runtime/internal/path.js';
const HEADERS_MODULE = '../runtime/internal/headers.js';

/** The runtime's encoder of each request body kind other than JSON, which the core encodes itself. */
const ENCODERS: Readonly<Record<Exclude<BodyKind, 'json'>, string>> = {
  form: 'formBody',
  multipart: 'multipartBody',
  text: 'rawBody',
  binary: 'rawBody',
  'event-stream': 'rawBody',
  any: 'rawBody',
};

/** The runtime's reader of each success body kind other than JSON, the core's default. */
const READERS: Readonly<Record<Exclude<BodyKind, 'json'>, [string, string]>> = {
  text: [READ_MODULE, 'readText'],
  binary: [READ_MODULE, 'readBlob'],
  form: [READ_MODULE, 'readForm'],
  multipart: [READ_MODULE, 'readFormData'],
  any: [READ_MODULE, 'readAny'],
  'event-stream': [STREAMING_MODULE, 'readEventStream'],
};

/**
 * What a method resolves to for a success body of each kind whose type is not the schema's (text
 * is a string whose type the model's `textSchema` gives).
 */
const RESULT_TYPES: Readonly<Partial<Record<BodyKind, string>>> = {
  binary: 'Blob',
  form: 'URLSearchParams',
  multipart: 'FormData',
};

/**
 * The type a success body of `kind` takes when its kind, not its schema, decides it (`Blob`,
 * `URLSearchParams`, `FormData`); undefined for JSON, `*`/`*`, text and event streams.
 */
export function kindResultType(kind: BodyKind): string | undefined {
  return RESULT_TYPES[kind];
}

/** `contentType` and `encode` of the request descriptor, when the body is not plain `application/json`. */
export function bodyEntries(operation: OperationModel, imports: ImportPlan): string[] {
  const { body } = operation;
  if (body === undefined) return [];
  const entries: string[] = [];
  if (body.contentType !== 'application/json')
    entries.push(`contentType: ${stringLiteral(body.contentType)}`);
  if (body.kind !== 'json')
    entries.push(`encode: ${imports.value(BODY_MODULE, ENCODERS[body.kind])}`);
  if (body.encoding !== undefined) entries.push(`encoding: ${encodingLiteral(body.encoding)}`);
  return entries;
}

/** A form body's `encoding` as the runtime's `BodyEncoding`: `{ tags: { style: 'form', explode: false } }`. */
function encodingLiteral(encoding: Readonly<Record<string, EncodingModel>>): string {
  const entries = Object.entries(encoding).map(([name, entry]) => {
    const fields: string[] = [];
    if (entry.contentType !== undefined)
      fields.push(`contentType: ${stringLiteral(entry.contentType)}`);
    if (entry.style !== undefined) fields.push(`style: ${stringLiteral(entry.style)}`);
    if (entry.explode !== undefined) fields.push(`explode: ${String(entry.explode)}`);
    if (entry.allowReserved === true) fields.push('allowReserved: true');
    return `${propertyKey(name)}: { ${fields.join(', ')} }`;
  });
  return `{ ${entries.join(', ')} }`;
}

/** The type a raw (binary, text, event-stream) request body takes: every byte source fetch sends. */
export function rawBodyType(operation: OperationModel): string | undefined {
  const kind = operation.body?.kind;
  return kind === 'binary' || kind === 'any'
    ? 'Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string'
    : undefined;
}

/**
 * `accept`, `read` and `mayBeEmpty` of the request descriptor: JSON (the runtime's default) needs
 * none of them. `Accept` names the success media type (for `*`/`*`: JSON preferred, anything
 * taken); an operation that declares a success response without a body (or none at all) may
 * answer with an empty one.
 */
export function responseEntries(operation: OperationModel, imports: ImportPlan): string[] {
  const success = operation.successResponse;
  const entries: string[] = [];
  const kind = success?.kind;
  if (success === undefined) {
    entries.push(`read: ${imports.value(READ_MODULE, 'readAny')}`);
  } else if (kind === undefined) {
    entries.push(`read: ${imports.value(READ_MODULE, 'readNothing')}`);
  } else if (kind !== 'json') {
    // `*/*`: anything goes, but JSON first (a server that can also send XML picks JSON then).
    const accept = kind === 'any' ? 'application/json, */*;q=0.5' : success.contentType;
    if (accept !== undefined) entries.push(`accept: ${stringLiteral(accept)}`);
    const [module, name] = READERS[kind];
    entries.push(`read: ${imports.value(module, name)}`);
  }
  if (mayBeEmpty(operation)) entries.push('mayBeEmpty: true');
  return entries;
}

/** The operation declares no 2xx response, or a 2xx response without content. */
function mayBeEmpty(operation: OperationModel): boolean {
  const success = operation.responses.filter((response) => /^2(\d\d|XX)$/i.test(response.status));
  return success.length === 0 || success.some((response) => response.kind === undefined);
}

/**
 * What the method resolves to: the type the success body's kind decides (`Blob`, `EventStream`,
 * …), else `schemaType()` (JSON, `*`/`*`, and text, whose schema is the model's `textSchema`);
 * `| undefined` when an empty body is allowed.
 */
export function resultType(
  operation: OperationModel,
  imports: ImportPlan,
  schemaType: () => string,
): string {
  const success = operation.successResponse;
  if (success === undefined) return 'unknown';
  const kind = success.kind;
  if (kind === undefined) return 'void';
  const type =
    kind === 'event-stream'
      ? imports.type(STREAMING_MODULE, 'EventStream')
      : (RESULT_TYPES[kind] ?? schemaType());
  return mayBeEmpty(operation) ? `${type} | undefined` : type;
}

/**
 * The expression for a path parameter in the `path` tag: the argument itself in style `simple`
 * (the tag takes strings, numbers and arrays), `pathStyle(…)` for `label`, `matrix` and objects.
 */
export function pathArgument(
  parameter: ParameterModel,
  local: string,
  imports: ImportPlan,
): string {
  if (parameter.jsonContent === true) return `${imports.value(PATH_MODULE, 'jsonText')}(${local})`;
  const style =
    parameter.style === 'label' || parameter.style === 'matrix' ? parameter.style : 'simple';
  if (style === 'simple' && isListOrPrimitive(parameter)) return local;
  return `${imports.value(PATH_MODULE, 'pathStyle')}(${local}, ${stringLiteral(style)}, ${String(parameter.explode)}, ${stringLiteral(parameter.name)})`;
}

/**
 * `headerParams(<expr>)`: the header parameters serialised in style `simple` (arrays
 * comma-joined), naming those with `explode: true` whose value is an object, then those described
 * by JSON `content`, sent as JSON text.
 */
export function headerParamsCall(
  expression: string,
  parameters: readonly ParameterModel[],
  imports: ImportPlan,
): string {
  const exploded = parameters
    .filter(
      (parameter) =>
        parameter.in === 'header' && parameter.explode && !isListOrPrimitive(parameter),
    )
    .map((parameter) => stringLiteral(parameter.name));
  const json = parameters
    .filter((parameter) => parameter.in === 'header' && parameter.jsonContent === true)
    .map((parameter) => stringLiteral(parameter.name));
  const call = imports.value(HEADERS_MODULE, 'headerParams');
  if (json.length > 0)
    return `${call}(${expression}, [${exploded.join(', ')}], [${json.join(', ')}])`;
  return exploded.length === 0
    ? `${call}(${expression})`
    : `${call}(${expression}, [${exploded.join(', ')}])`;
}

/**
 * A query parameter's entry in the runtime's `QueryStyles` (`status: { explode: false }`), or
 * undefined when it is serialised by default (`form`, exploded, reserved characters encoded, not
 * JSON `content`).
 * Resource methods and the typed path client share it.
 */
export function queryStyleEntry(parameter: ParameterModel): string | undefined {
  if (parameter.in !== 'query') return undefined;
  const style: string[] = [];
  if (parameter.style !== 'form') style.push(`style: ${stringLiteral(parameter.style)}`);
  if (!parameter.explode) style.push('explode: false');
  if (parameter.allowReserved === true) style.push('allowReserved: true');
  if (parameter.jsonContent === true) style.push('json: true');
  return style.length === 0 ? undefined : `${propertyKey(parameter.name)}: { ${style.join(', ')} }`;
}

/** Serialised the same in every `simple` variant: a primitive, an enum or an array. */
function isListOrPrimitive(parameter: ParameterModel): boolean {
  return ['string', 'number', 'boolean', 'enum', 'array', 'null'].includes(parameter.schema.kind);
}
