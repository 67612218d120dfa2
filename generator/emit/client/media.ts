/**
 * The media-type parts of a resource method: how its request body is encoded, how its success
 * body is read, and what the method resolves to. The model decides the kind of each body
 * (model/media-types.ts); this module only prints the runtime's encoder or reader for the kind,
 * so a generated bundle imports only the ones its methods use.
 */
import { propertyKey, stringLiteral } from '../../model/names.ts';
import type {
  BodyKind,
  EncodingModel,
  OperationModel,
  ParameterModel,
  ResponseModel,
} from '../../model/types.ts';
import type { ImportPlan } from './imports.ts';
import { distinctSuccesses } from '../../model/successes.ts';

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
    if (entry.headers !== undefined) {
      const headers = Object.entries(entry.headers).map(
        ([header, value]) => `${propertyKey(header)}: ${stringLiteral(value)}`,
      );
      fields.push(`headers: { ${headers.join(', ')} }`);
    }
    return `${propertyKey(name)}: { ${fields.join(', ')} }`;
  });
  return `{ ${entries.join(', ')} }`;
}

/**
 * The type a raw (binary, `*`/`*`) request body takes: every byte source fetch sends, and a string
 * unless the media type is a range without text (`image/*`, `application/*`), under which the
 * runtime refuses one (internal/body.ts `rawBody`).
 */
export function rawBodyType(operation: OperationModel): string | undefined {
  const { body } = operation;
  if (body === undefined || (body.kind !== 'binary' && body.kind !== 'any')) return undefined;
  const range = (body.contentType.split(';')[0] ?? '').trim().toLowerCase();
  const text = !range.includes('*') || range === '*/*' || range === '*' || range === 'text/*';
  return `Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>${text ? ' | string' : ''}`;
}

/**
 * `accept`, `read`, `successKey`, `responses` and `mayBeEmpty` of the request descriptor: JSON
 * (the runtime's default) needs none of them. `Accept` names every media type a success may come
 * in (for `*`/`*`: JSON preferred, anything taken); `responses` holds the readers of the other
 * responses a 2xx answer may select that are read or typed differently; an operation that
 * declares a success response without a body (or none at all) may answer with an empty one.
 */
export function responseEntries(operation: OperationModel, imports: ImportPlan): string[] {
  const success = operation.successResponse;
  const entries: string[] = [];
  const others = distinctSuccesses(operation);
  const accept = acceptHeader(operation);
  if (accept !== undefined) entries.push(`accept: ${stringLiteral(accept)}`);
  const read = reader(success, imports);
  if (read !== undefined) entries.push(`read: ${read}`);
  if (success !== undefined && others.length > 0) {
    const readers = others.map(
      (response) =>
        `${stringLiteral(response.status)}: ${reader(response, imports) ?? imports.value(READ_MODULE, 'readJSON')}`,
    );
    entries.push(`successKey: ${stringLiteral(success.status)}`);
    entries.push(`responses: { ${readers.join(', ')} }`);
  }
  if (mayBeEmpty(operation)) entries.push('mayBeEmpty: true');
  return entries;
}

/** The reader of a response as an expression; undefined for JSON, the core's default. */
function reader(response: ResponseModel | undefined, imports: ImportPlan): string | undefined {
  const kind = response?.kind;
  if (response === undefined) return imports.value(READ_MODULE, 'readAny');
  if (kind === undefined) return imports.value(READ_MODULE, 'readNothing');
  if (kind === 'json') return undefined;
  const [module, name] = READERS[kind];
  return imports.value(module, name);
}

/**
 * The `Accept` a method sends: undefined when every response body is `application/json` (or there
 * is none), the core's default then; else each media type a success may come in, a JSON one such
 * as `application/vnd.api+json` too (a server that negotiates may refuse an `Accept` of
 * `application/json` with 406), then the error responses' other media types at `q=0.5`
 * (`text/csv, application/problem+json;q=0.5`): a server that negotiates its error bodies too
 * would otherwise answer a failed call with 406 and no problem details (RFC 9110 §12.5.1).
 * Beside a success without a body, the error types alone. The curl sample shows the same.
 */
export function acceptHeader(operation: OperationModel): string | undefined {
  const success = operation.successResponse;
  if (success === undefined) return undefined;
  // Every 2xx the operation declares, read alike or not; `default` only where it is read otherwise.
  const codes = (operation.otherSuccesses ?? []).filter((r) => r.status !== 'default');
  const defaults = distinctSuccesses(operation).filter((r) => r.status === 'default');
  const successes = [success, ...codes, ...defaults];
  // One JSON body read as `application/json` (of several JSON types declared) is asked for so.
  const plain = successes.every((r) => r.kind === undefined || isPlainJson(r));
  const bodies = successes.some((r) => r.kind !== undefined);
  const successTypes = plain ? (bodies ? ['application/json'] : []) : mediaTypes(successes);
  const listed = new Set(successTypes.map(mediaRange));
  const covered = (type: string) => {
    const range = mediaRange(type);
    return listed.has(range) || listed.has('*/*') || listed.has(range.replace(/\/.*/, '/*'));
  };
  // 4xx, 5xx and `default` (an error wherever no 2xx code answers) bodies not yet accepted.
  const errors = operation.responses.filter(
    (r) => /^[45]/.test(r.status) || (r.status === 'default' && r !== success),
  );
  // Each once: media types are case-insensitive and a `charset` names no other type (RFC 9110 §8.3.1).
  const errorTypes = mediaTypes(errors)
    .filter((type) => !covered(type))
    .filter(
      (type, i, all) => all.findIndex((other) => mediaRange(other) === mediaRange(type)) === i,
    );
  // What the core's default `Accept: application/json` covers needs no header of its own.
  const json = (type: string) => mediaRange(type) === 'application/json';
  if (errorTypes.length === 0 || (plain && errorTypes.every(json)))
    return plain ? undefined : successTypes.join(', ');
  if (successTypes.length === 0) return errorTypes.join(', ');
  // A range's own `;q=0.5` (mediaTypes) stays as it is.
  const lower = (type: string) => (type.includes(';q=') ? type : `${type};q=0.5`);
  return [...successTypes, ...errorTypes.map(lower)].join(', ');
}

/**
 * The media types of these responses' bodies, each once, in order: every declared one; for a
 * range (`*`/`*`, `application/*`) JSON first, then the range at `q=0.5` (a server that can also
 * send XML picks JSON then), never wider than declared.
 */
function mediaTypes(responses: readonly ResponseModel[]): string[] {
  const types: string[] = [];
  for (const response of responses) {
    if (response.contentType === undefined || response.kind === undefined) continue;
    const listed =
      response.kind === 'any'
        ? ['application/json', `${mediaRange(response.contentType)};q=0.5`]
        : [response.contentType, ...(response.alternates ?? [])];
    for (const type of listed) if (!types.includes(type)) types.push(type);
  }
  return types;
}

/** `application/json` itself (parameters aside), what the core's default `Accept` asks for. */
function isPlainJson(response: ResponseModel): boolean {
  return response.kind === 'json' && mediaRange(response.contentType ?? '') === 'application/json';
}

/** A declared media range as `Accept` writes it; the bare `*` some specs write is `*`/`*`. */
function mediaRange(contentType: string): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === '*' ? '*/*' : type;
}

/** The responses whose bodies the method may resolve to: the success response, then the others typed differently. */
function typedSuccesses(operation: OperationModel): ResponseModel[] {
  const success = operation.successResponse;
  if (success === undefined) return [];
  return [success, ...distinctSuccesses(operation).filter((r) => r.status !== 'default')];
}

/**
 * The operation declares no success response, or one a 2xx may select without content (a 2xx
 * code, `2XX`, or `default` where it is the only one).
 */
function mayBeEmpty(operation: OperationModel): boolean {
  const { successResponse: success } = operation;
  if (success === undefined) return true;
  const others = (operation.otherSuccesses ?? []).filter((r) => r.status !== 'default');
  return [success, ...others].some((response) => response.kind === undefined);
}

/**
 * What the method resolves to: the union of what each response a 2xx may select gives, by its
 * kind (`Blob`, `EventStream`, …) or, for JSON, `*`/`*` and text (whose schema is the model's
 * `textSchema`), `schemaType`; `void` for a lone success response without a body, `undefined` beside others;
 * `| undefined` when an empty body is allowed; `unknown` when no success response is declared.
 */
export function resultType(
  operation: OperationModel,
  imports: ImportPlan,
  schemaType: (response: ResponseModel) => string,
): string {
  const responses = typedSuccesses(operation);
  if (responses.length === 0) return 'unknown';
  if (responses.length === 1 && responses[0]?.kind === undefined) return 'void';
  const types: string[] = [];
  for (const response of responses) {
    const kind = response.kind;
    if (kind === undefined) continue;
    const type =
      kind === 'event-stream'
        ? imports.type(STREAMING_MODULE, 'EventStream')
        : (RESULT_TYPES[kind] ?? schemaType(response));
    if (!types.includes(type)) types.push(type);
  }
  if (mayBeEmpty(operation) || responses.some((response) => response.kind === undefined))
    types.push('undefined');
  return types.join(' | ');
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

/**
 * A path parameter's entry in the typed path client's `path` styles (`lab: { style: 'label' }`),
 * or undefined where plain `simple` serialises it: the same cases as {@link pathArgument}.
 */
export function pathStyleEntry(parameter: ParameterModel): string | undefined {
  if (parameter.in !== 'path') return undefined;
  if (parameter.jsonContent === true) return `${propertyKey(parameter.name)}: { json: true }`;
  const style =
    parameter.style === 'label' || parameter.style === 'matrix' ? parameter.style : 'simple';
  if (style === 'simple' && isListOrPrimitive(parameter)) return undefined;
  return `${propertyKey(parameter.name)}: { style: ${stringLiteral(style)}, explode: ${String(parameter.explode)} }`;
}

/**
 * The typed path client's `header` entry: the header parameters {@link headerParamsCall} names as
 * exploded objects or JSON `content` (`{ exploded: ['X-Filter'] }`); undefined when there are none.
 */
export function headerStylesEntry(parameters: readonly ParameterModel[]): string | undefined {
  const names = (keep: (parameter: ParameterModel) => boolean) =>
    parameters
      .filter((parameter) => parameter.in === 'header' && keep(parameter))
      .map((parameter) => stringLiteral(parameter.name));
  const exploded = names((parameter) => parameter.explode && !isListOrPrimitive(parameter));
  const json = names((parameter) => parameter.jsonContent === true);
  const fields = [
    ...(exploded.length > 0 ? [`exploded: [${exploded.join(', ')}]`] : []),
    ...(json.length > 0 ? [`json: [${json.join(', ')}]`] : []),
  ];
  return fields.length === 0 ? undefined : `{ ${fields.join(', ')} }`;
}

/**
 * The typed path client's `cookie` entry: the cookie parameters described by JSON `content`
 * (`json: ['session']`), sent as JSON text, and the lists and objects with `explode: true`
 * (`exploded: ['ids']`, `form`'s default), sent as one cookie-pair per item or member; undefined
 * when there are none.
 */
export function cookieStylesEntry(parameters: readonly ParameterModel[]): string | undefined {
  const names = (keep: (parameter: ParameterModel) => boolean) =>
    parameters
      .filter((parameter) => parameter.in === 'cookie' && keep(parameter))
      .map((parameter) => stringLiteral(parameter.name));
  const json = names((parameter) => parameter.jsonContent === true);
  const exploded = names(
    (parameter) =>
      parameter.jsonContent !== true &&
      parameter.explode &&
      !['string', 'number', 'boolean', 'enum', 'null'].includes(parameter.schema.kind),
  );
  const fields = [
    ...(json.length > 0 ? [`json: [${json.join(', ')}]`] : []),
    ...(exploded.length > 0 ? [`exploded: [${exploded.join(', ')}]`] : []),
  ];
  return fields.length === 0 ? undefined : `{ ${fields.join(', ')} }`;
}

/** A form or multipart body's `encoding` for the typed path client, as the resource method gives it. */
export function encodingEntry(operation: OperationModel): string | undefined {
  const encoding = operation.body?.encoding;
  return encoding === undefined ? undefined : encodingLiteral(encoding);
}

/** Serialised the same in every `simple` variant: a primitive, an enum or an array. */
function isListOrPrimitive(parameter: ParameterModel): boolean {
  return ['string', 'number', 'boolean', 'enum', 'array', 'null'].includes(parameter.schema.kind);
}
