/**
 * Request bodies and responses of one operation: `$ref`s followed, one media type chosen (JSON
 * when there is one), and the success response picked.
 */
import { eachReporting, GeneratorError, joinPointer } from '../errors.ts';
import { getByPointer, refOf, refPointer, withReferenceText } from '../pointer.ts';
import { isRecord, jsonCopy } from '../json.ts';
import { bodylessBecause } from './bodyless.ts';
import { NOT_OBJECTS } from './build-parameters.ts';
import {
  isBinaryString,
  isJsonMediaType,
  isJsonRecords,
  isMediaTypeName,
  mediaKind,
  nearestMediaType,
} from './media-types.ts';
import { isSchemaPlace } from './schema-places.ts';
import { schemaNode, type SchemaContext } from './schema-context.ts';
import { textSchema } from './text-body.ts';
import type {
  BodyKind,
  EncodingModel,
  ExampleModel,
  HttpMethod,
  RequestBodyModel,
  ResponseModel,
  SchemaNode,
} from './types.ts';

/** Follows local `$ref`s (components) to the object they name, with the pointer it lives at. */
export function followRefs(
  doc: Record<string, unknown>,
  value: unknown,
  pointer: string,
  file: string,
  what?: 'a response' | 'a request body' | 'a path item',
): { value: unknown; pointer: string } {
  let current = value;
  let at = pointer;
  for (let ref = refOf(current), hops = 0; ref !== undefined; ref = refOf(current), hops++) {
    const target = refPointer(ref);
    if (target === undefined || hops > 20) {
      throw new GeneratorError(
        `cannot follow $ref ${JSON.stringify(ref)}`,
        { file, pointer: at },
        'point the $ref at an object under #/components',
      );
    }
    // A schema read as a response or body has no `content`: the method would resolve to nothing.
    if (what !== undefined && isSchemaPlace(target)) {
      throw new GeneratorError(
        `$ref ${JSON.stringify(ref)} points at a schema, not at ${what}`,
        { file, pointer: joinPointer(at, '$ref'), refs: [ref] },
        what === 'a path item'
          ? "point it at a path item (`$ref: '#/components/pathItems/<Name>'`), or write the path's operations here"
          : `write ${what} that holds the schema: \`{ ${what === 'a response' ? 'description: …, ' : ''}content: { application/json: { schema: { $ref: ${JSON.stringify(ref)} } } } }\``,
      );
    }
    at = target;
    current = getByPointer(doc, target);
  }
  return { value: withReferenceText(doc, value, current), pointer: at };
}

/** The JSON media type of a `content` map when there is one, else the first. */
export function chooseMediaType(content: unknown): string | undefined {
  if (!isRecord(content)) return undefined;
  const types = Object.keys(content);
  return (
    types.find((type) => type === 'application/json') ??
    types.find((type) => mediaKind(type) === 'json') ??
    // A key that is no media type is warned about (object-fields.ts), not chosen over one.
    types.find(isMediaTypeName) ??
    types[0]
  );
}

/** A body whose schema describes JSON: the client parses it (for `*`/`*`, when the response is JSON). */
function isJson(mediaType: string): boolean {
  const kind = mediaKind(mediaType);
  return kind === 'json' || kind === 'any';
}

export function buildRequestBody(
  doc: Record<string, unknown>,
  raw: unknown,
  pointer: string,
  ctx: SchemaContext,
): RequestBodyModel | undefined {
  if (raw === undefined) return undefined;
  const { value: body, pointer: at } = followRefs(doc, raw, pointer, ctx.file, 'a request body');
  if (!isRecord(body)) {
    throw new GeneratorError(
      '`requestBody` must be an object with `content`',
      { file: ctx.file, pointer: at },
      'add `content: { application/json: { schema: … } }`',
    );
  }
  if (isRecord(body.content) && Object.keys(body.content).length === 0) {
    // Valid OpenAPI (the map may be empty), and nothing to send.
    ctx.warnings.add(
      'request-body:no-media-type',
      'the request body names no media type (`content: {}`), so there is nothing to send: the method takes no body',
      { file: ctx.file, pointer: joinPointer(at, 'content') },
      'remove the `requestBody`, or name the media type the API reads (`content: { application/json: { schema: … } }`)',
    );
    return undefined;
  }
  const contentType = chooseMediaType(body.content);
  if (contentType === undefined) {
    throw new GeneratorError(
      '`requestBody` has no `content`',
      { file: ctx.file, pointer: at },
      'add `content: { application/json: { schema: … } }`',
    );
  }
  const others = Object.keys(body.content as Record<string, unknown>).filter(
    (type) => type !== contentType && isMediaTypeName(type),
  );
  if (others.length > 0) {
    ctx.warnings.add(
      'request-body:media-types',
      `the request body offers ${others.length + 1} media types; the SDK's method sends ${contentType} only, so callers cannot send ${listed(others)}`,
      { file: ctx.file, pointer: joinPointer(at, 'content') },
      'give each media type an operation of its own if SDK users need it, or call the operation through the typed path client (pathsClient) with a bodySerializer',
    );
  }
  const media = (body.content as Record<string, unknown>)[contentType];
  const kind = mediaKind(contentType);
  if (kind === 'binary' || kind === 'any')
    warnUnusedSchema(
      doc,
      contentType,
      media,
      joinPointer(at, 'content', contentType),
      'request',
      ctx,
    );
  const schema = schemaNode(
    isRecord(media) ? media.schema : undefined,
    joinPointer(at, 'content', contentType, 'schema'),
    ctx,
  );
  const model: RequestBodyModel = {
    required: body.required === true,
    contentType,
    kind,
    // Text is sent as it is: its type is a string whatever document the schema describes.
    schema: kind === 'text' ? textSchema(schema, ctx.schemas) : schema,
  };
  if (typeof body.description === 'string') model.description = body.description;
  const encoding =
    model.kind === 'form' && isRecord(media)
      ? formEncoding(
          media.encoding,
          schema,
          joinPointer(at, 'content', contentType, 'encoding'),
          ctx,
        )
      : model.kind === 'multipart' && isRecord(media)
        ? multipartEncoding(
            doc,
            media.encoding,
            joinPointer(at, 'content', contentType, 'encoding'),
            ctx,
          )
        : {};
  if (model.kind === 'multipart') {
    partDefaults(schema, encoding, ctx.schemas);
    warnUnwritablePartTypes(schema, encoding, at, contentType, ctx);
  }
  if (Object.keys(encoding).length > 0) model.encoding = encoding;
  const examples = mediaExamples(doc, media, ctx.file);
  if (examples.length > 0) model.examples = examples;
  return model;
}

const STYLES: readonly string[] = ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'];

/**
 * A form-urlencoded body's `encoding`: each property's `contentType`, and its query style when
 * `style`, `explode` or `allowReserved` is given, the others then at their defaults (`form`,
 * `explode` true for `form` only), as OpenAPI 3.1.1 recommends. A style a query parameter cannot
 * have (`simple`, `label`, `matrix`: OpenAPI 3.1.1 §4.8.15.1, "the same values as `style` of a
 * query parameter") is read as `form`, with a warning.
 */
function formEncoding(
  raw: unknown,
  schema: SchemaNode,
  pointer: string,
  ctx: SchemaContext,
): Record<string, EncodingModel> {
  const result: Record<string, EncodingModel> = {};
  if (!isRecord(raw)) return result;
  for (const [name, entry] of Object.entries(raw)) {
    if (!isRecord(entry)) continue;
    const model: EncodingModel = {};
    if (typeof entry.contentType === 'string') model.contentType = entry.contentType;
    if (entry.style !== undefined || entry.explode !== undefined || entry.allowReserved === true) {
      const known = typeof entry.style === 'string' && STYLES.includes(entry.style);
      if (entry.style !== undefined && !known)
        ctx.warnings.add(
          'encoding:style',
          `the form field ${JSON.stringify(name)} has \`style: ${typeof entry.style === 'string' ? entry.style : JSON.stringify(entry.style)}\`, which a form field cannot have (OpenAPI 3.1.1 §4.8.15.1: it takes a query parameter's styles, \`form\`, \`spaceDelimited\`, \`pipeDelimited\` or \`deepObject\`): it is sent in style \`form\``,
          { file: ctx.file, pointer: joinPointer(pointer, name, 'style') },
          'write `form`, `spaceDelimited`, `pipeDelimited` or `deepObject` (or leave `style` out for `form`)',
        );
      const style = (known ? entry.style : 'form') as NonNullable<EncodingModel['style']>;
      const part = propertyNode(schema, name, ctx.schemas, 0);
      const target =
        part?.kind === 'ref' ? ctx.schemas.find((named) => named.name === part.target)?.node : part;
      if (style === 'deepObject' && target !== undefined && NOT_OBJECTS.includes(target.kind))
        // As for a query parameter (build-parameters.ts): the runtime sends it as form, exploded.
        ctx.warnings.add(
          'encoding:deep-object-not-object',
          `the form field ${JSON.stringify(name)} has \`style: deepObject\`, which OpenAPI defines for objects only (§4.8.12.4), but its schema is ${target.kind === 'array' ? 'an array' : 'not an object'}: it is sent as \`style: form\` with \`explode: true\`${target.kind === 'array' ? ` (\`${name}=a&${name}=b\`; objects in it repeat their keys, \`${name}[type]=a&${name}[type]=b\`, told apart by order only)` : ''}`,
          { file: ctx.file, pointer: joinPointer(pointer, name, 'style') },
          'leave `style` out (form), or give the field an object schema; for a list whose items the API reads by index (`a[0][type]`), callers must build the body themselves',
        );
      model.style = style;
      model.explode = typeof entry.explode === 'boolean' ? entry.explode : style === 'form';
      if (entry.allowReserved === true) model.allowReserved = true;
    }
    if (Object.keys(model).length > 0) result[name] = model;
  }
  return result;
}

/**
 * A multipart body's `encoding`: each part's `contentType`, and the `headers` whose value the
 * spec fixes (a schema's `const`, a lone `enum` value, else its `default`), as text. A header
 * without one is left out with a warning (the body has no place for its value);
 * `Content-Type` is the `contentType`'s and `Content-Disposition` the client's own, as OpenAPI
 * 3.1.1 says; a value that is no valid header value is refused.
 */
function multipartEncoding(
  doc: Record<string, unknown>,
  raw: unknown,
  pointer: string,
  ctx: SchemaContext,
): Record<string, EncodingModel> {
  const result: Record<string, EncodingModel> = {};
  if (!isRecord(raw)) return result;
  for (const [name, entry] of Object.entries(raw)) {
    if (!isRecord(entry)) continue;
    const model: EncodingModel = {};
    if (typeof entry.contentType === 'string') model.contentType = entry.contentType;
    const styled = ['style', 'explode', 'allowReserved'].filter((key) => key in entry);
    if (styled.length > 0)
      ctx.warnings.add(
        'multipart:encoding-style',
        `the part ${JSON.stringify(name)} sets ${styled.map((key) => `\`${key}\``).join(', ')}, which OpenAPI 3.1.1 (§4.8.15) also applies to multipart/form-data without saying how they lay out parts: the SDK sends the part as it sends any other (a list as one part per item, an object as JSON text) and leaves them out`,
        { file: ctx.file, pointer: joinPointer(pointer, name) },
        'remove them (they shape application/x-www-form-urlencoded bodies), or let callers build the FormData themselves',
      );
    const headers = isRecord(entry.headers) ? entry.headers : {};
    for (const [header, value] of Object.entries(headers)) {
      const at = joinPointer(pointer, name, 'headers', header);
      if (/^content-(type|disposition)$/i.test(header)) continue;
      const fixed = fixedHeaderValue(followRefs(doc, value, at, ctx.file).value);
      if (fixed === undefined) {
        ctx.warnings.add(
          'multipart:header-value',
          `the part header ${JSON.stringify(header)} has no fixed value (\`const\`, one \`enum\` value or \`default\`), so the SDK does not send it`,
          { file: ctx.file, pointer: at },
          'give its schema a `const` or `default`, or let callers send a FormData they build',
        );
        continue;
      }
      if (!/^[!#$%&'*+\-.^_`|~\w]+$/.test(header) || /[\r\n\0]/.test(fixed)) {
        throw new GeneratorError(
          `the part header ${JSON.stringify(header)} cannot be sent: its name or value is no valid HTTP header`,
          { file: ctx.file, pointer: at },
          'use a token for the name and a value without CR, LF or NUL',
        );
      }
      (model.headers ??= {})[header] = fixed;
    }
    if (Object.keys(model).length > 0) result[name] = model;
  }
  return result;
}

/**
 * A multipart part the client sends as JSON text (an object, or an array of objects: one part per
 * item) whose `encoding.contentType` names no JSON type (`application/xml`): the SDK cannot write
 * that format, so the runtime labels the part `application/json` (templates/runtime/internal/body.ts),
 * never JSON bytes under another type's name; said here, with the fix.
 */
function warnUnwritablePartTypes(
  schema: SchemaNode,
  encoding: Record<string, EncodingModel>,
  at: string,
  contentType: string,
  ctx: SchemaContext,
): void {
  for (const [name, entry] of Object.entries(encoding)) {
    const declared = entry.contentType;
    if (declared === undefined) continue;
    const listed = declared.split(',').map((type) => type.trim());
    if (listed.some((type) => type.includes('*') || isJsonMediaType(type))) continue;
    const part = propertyNode(schema, name, ctx.schemas, 0);
    if (part === undefined || !sentAsJson(part, ctx.schemas, 0)) continue;
    ctx.warnings.add(
      'multipart:part-content-type',
      `the part ${JSON.stringify(name)} is an object, which the SDK sends as JSON text, but its \`contentType\` is ${declared}: the SDK cannot write that, so it sends the part as \`application/json\``,
      {
        file: ctx.file,
        pointer: joinPointer(at, 'content', contentType, 'encoding', name, 'contentType'),
      },
      'declare `contentType: application/json` for the part if the API takes JSON there; else callers must build the part themselves and send a FormData',
    );
  }
}

const MAX_PART_DEPTH = 32;

/**
 * A part whose Encoding Object names no `contentType` and whose schema (or, for an array, its
 * items') has a `contentMediaType` is sent as that type (`application/pdf`): the schema says what
 * the part's content is (OpenAPI 3.1.1 §4.8.14.3, Working with Binary Data), and an Encoding
 * Object's `contentType`, where given, still decides. Without it the runtime labelled the part by
 * the value (a Blob's own type, else `application/octet-stream`).
 */
function partDefaults(
  schema: SchemaNode,
  encoding: Record<string, EncodingModel>,
  schemas: SchemaContext['schemas'],
): void {
  for (const { name, node } of partProperties(schema, schemas, 0)) {
    if (encoding[name]?.contentType !== undefined) continue;
    // Through `$ref`s (a few: `PdfAlias` → `Pdf`), the nearest that names one.
    let part: SchemaNode | undefined =
      node.kind === 'array' && node.items !== undefined ? node.items : node;
    let media = part.contentMediaType;
    for (let hops = 0; media === undefined && part?.kind === 'ref' && hops < 16; hops++) {
      const target: string = part.target;
      part = schemas.find((named) => named.name === target)?.node;
      media = part?.contentMediaType;
    }
    // `application/octet-stream` says "bytes" (3.1's `format: binary`): a file's own type says more.
    if (media !== undefined && media.toLowerCase() !== 'application/octet-stream')
      encoding[name] = { ...encoding[name], contentType: media };
  }
}

/** The properties an object schema declares (through `$ref`s and `allOf`), first declaration of each name. */
function partProperties(
  node: SchemaNode,
  schemas: SchemaContext['schemas'],
  depth: number,
): { name: string; node: SchemaNode }[] {
  if (depth > MAX_PART_DEPTH) return [];
  if (node.kind === 'ref') {
    const target = schemas.find((named) => named.name === node.target);
    return target ? partProperties(target.node, schemas, depth + 1) : [];
  }
  if (node.kind === 'object') return node.properties;
  if (node.kind !== 'allOf') return [];
  const seen = new Set<string>();
  return node.members
    .flatMap((member) => partProperties(member, schemas, depth + 1))
    .filter(({ name }) => !seen.has(name) && seen.add(name));
}

/** The schema of `name` in an object schema (through `$ref`s and `allOf`), if it declares one. */
function propertyNode(
  node: SchemaNode,
  name: string,
  schemas: SchemaContext['schemas'],
  depth: number,
): SchemaNode | undefined {
  if (depth > MAX_PART_DEPTH) return undefined;
  if (node.kind === 'ref') {
    const target = schemas.find((named) => named.name === node.target);
    return target && propertyNode(target.node, name, schemas, depth + 1);
  }
  if (node.kind === 'object') return node.properties.find((p) => p.name === name)?.node;
  if (node.kind === 'allOf') {
    for (const member of node.members) {
      const found = propertyNode(member, name, schemas, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Whether the client sends a part of this schema as JSON text: an object, or an array of them. */
function sentAsJson(node: SchemaNode, schemas: SchemaContext['schemas'], depth: number): boolean {
  if (depth > MAX_PART_DEPTH) return false;
  switch (node.kind) {
    case 'ref': {
      const target = schemas.find((named) => named.name === node.target);
      return target !== undefined && sentAsJson(target.node, schemas, depth + 1);
    }
    case 'object':
      return true;
    case 'allOf':
      return node.members.some((member) => sentAsJson(member, schemas, depth + 1));
    case 'array':
      return node.items !== undefined && sentAsJson(node.items, schemas, depth + 1);
    default:
      return false;
  }
}

/** The value a Header Object's schema fixes, as header text: its `const`, lone `enum` value or `default`. */
function fixedHeaderValue(header: unknown): string | undefined {
  const schema = isRecord(header) && isRecord(header.schema) ? header.schema : undefined;
  if (schema === undefined) return undefined;
  const value: unknown =
    'const' in schema
      ? schema.const
      : Array.isArray(schema.enum) && schema.enum.length === 1
        ? schema.enum[0]
        : schema.default;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** The Responses Object of an operation with this `method`, as ResponseModels. */
export function buildResponses(
  doc: Record<string, unknown>,
  raw: unknown,
  pointer: string,
  method: HttpMethod,
  ctx: SchemaContext,
): ResponseModel[] {
  if (!isRecord(raw)) return [];
  const keys = Object.keys(raw).filter((key) => !key.startsWith('x-'));
  // Every response's problem in one run (each bad key, each unreadable body).
  return eachReporting(keys, (key) => {
    const status = statusKey(key, keys, joinPointer(pointer, key), ctx);
    const { value: response, pointer: at } = followRefs(
      doc,
      raw[key],
      joinPointer(pointer, key),
      ctx.file,
      'a response',
    );
    const model: ResponseModel = { status };
    if (!isRecord(response)) return model;
    if (typeof response.description === 'string') model.description = response.description;
    const bodyless = bodylessBecause(status, method);
    if (bodyless !== undefined) {
      const types = isRecord(response.content) ? Object.keys(response.content) : [];
      const shared = at !== joinPointer(pointer, key);
      if (types.length > 0)
        ctx.warnings.add(
          'response:bodyless-content',
          `${bodyless}, but this one declares content (${types.join(', ')}): the content is ignored, and ${method !== 'head' && status.startsWith('2') ? `the method resolves to undefined on a ${status}` : 'the client reads no body from it'}`,
          // A response shared through $ref is told at the operation's reference: the others
          // that share it may have a body.
          {
            file: ctx.file,
            pointer: shared ? joinPointer(pointer, key) : joinPointer(at, 'content'),
          },
          shared
            ? `give this ${method === 'head' ? 'HEAD operation' : status} its own response without \`content\` instead of the $ref`
            : method === 'head'
              ? "remove `content`; describe what HEAD answers in the response's `headers`, and the body in the same path's GET"
              : status === '304'
                ? 'remove `content`: a 304 sends no body, the client keeps the copy it has'
                : `remove \`content\`; to answer with a body, use 200 instead of ${status}`,
        );
      return model;
    }
    const contentType = chooseMediaType(response.content);
    if (contentType === undefined) return model;
    const media = (response.content as Record<string, unknown>)[contentType];
    const kind = responseKind(doc, contentType, media, ctx.file);
    // Errors aside: the runtime reads an error's body by what arrives (JSON when it is JSON:
    // templates/runtime/core.ts `errorBody`), and specs converted from Swagger 2 give every
    // response the operation's `produces` (DocuSign's 400 of `application/pdf`).
    const success =
      status.startsWith('2') || (status === 'default' && !keys.some((k) => k.startsWith('2')));
    if (kind === 'binary' && success)
      warnUnusedSchema(
        doc,
        contentType,
        media,
        joinPointer(at, 'content', contentType),
        `${status} response`,
        ctx,
      );
    model.kind = kind;
    model.contentType = contentType;
    // The media types the same reader takes (`image/jpeg` beside `image/png`), asked for too.
    const alternates = Object.keys(response.content as Record<string, unknown>).filter(
      (type) => type !== contentType && mediaKind(type) === kind && isMediaTypeName(type),
    );
    if (alternates.length > 0) model.alternates = alternates;
    // A success answer in another kind of media type (XML beside JSON, CSV beside JSON) is one the
    // method does not ask for (its Accept names the chosen type) and cannot read.
    const others = Object.keys(response.content as Record<string, unknown>).filter(
      (type) => type !== contentType && mediaKind(type) !== kind && isMediaTypeName(type),
    );
    if (others.length > 0 && /^(2|default)/.test(status))
      ctx.warnings.add(
        'response:media-types',
        `the ${status} response offers ${others.length + 1} kinds of media type; the SDK's method asks for ${contentType} (its Accept header) and reads that only, so an answer in ${listed(others)} fails`,
        { file: ctx.file, pointer: joinPointer(at, 'content') },
        `give each media type an operation of its own if SDK users need it, or call the operation through the typed path client (pathsClient) with \`headers: { Accept: … }\` and \`parseAs\``,
      );
    const schemaAt = joinPointer(at, 'content', contentType, 'schema');
    if (isJson(contentType)) {
      if (isRecord(media) && media.schema !== undefined)
        model.schema = schemaNode(media.schema, schemaAt, ctx);
    } else if (kind === 'text') {
      const schema = isRecord(media) ? media.schema : undefined;
      model.textSchema = textSchema(schemaNode(schema, schemaAt, ctx), ctx.schemas);
      if (isJsonRecords(contentType) && /^(2|default)/.test(status))
        ctx.warnings.add(
          'response:json-records-as-text',
          `a ${status} response of ${contentType} (JSON records, one per line or RFC 7464's) is read whole as text: the method resolves to a string once the whole body has arrived, and the records are neither parsed nor checked against the schema`,
          { file: ctx.file, pointer: joinPointer(at, 'content', contentType) },
          'split the string the method resolves to into lines and JSON.parse each; to have each record as it arrives, serve the records as text/event-stream, which the SDK streams',
        );
    }
    const examples = mediaExamples(doc, media, ctx.file);
    if (examples.length > 0) model.examples = examples;
    return model;
  });
}

/**
 * A raw body (a media type the SDK has no encoder or reader for: `binary`, and `*`/`*` for a
 * request) whose schema describes data (an object, an array) is sent as the bytes the caller gives,
 * or read as a `Blob`: the schema is used for nothing, which a spec that writes
 * `application/form-data` or `aplication/json` does not mean. Warned once per media type, with
 * the known type it most likely means (media-types.ts `nearestMediaType`). A key that is no media
 * type at all is warned about already (object-fields.ts), with the same suggestion.
 */
function warnUnusedSchema(
  doc: Record<string, unknown>,
  contentType: string,
  media: unknown,
  pointer: string,
  place: string,
  ctx: SchemaContext,
): void {
  if (!isMediaTypeName(contentType) || !isRecord(media)) return;
  if (!describesData(doc, media.schema, ctx.file, 0)) return;
  const meant = nearestMediaType(contentType);
  const request = place === 'request';
  ctx.warnings.add(
    'content:schema-unused',
    request
      ? `the SDK has no encoder for ${contentType} (it encodes JSON, a form, multipart/form-data and text), so the method sends the request body as the raw bytes the caller passes (a Blob, bytes or a string), and this object or array schema describes nothing it checks or types`
      : `the SDK has no reader for ${contentType} (it reads JSON and text), so the method resolves to the ${place}'s raw bytes (a Blob), and this object or array schema describes nothing it checks or types`,
    { file: ctx.file, pointer },
    meant !== undefined
      ? `did you mean \`${meant}\`? Write the media type the API ${request ? 'reads' : 'answers with'} as the \`content\` key`
      : `if the body is JSON, write \`application/json\` (or a \`+json\` type); if it is a file, describe it as \`type: string, format: binary\``,
  );
}

/**
 * The schema object `raw` leads to through its `$ref`s, for the walks below (at most 20 members
 * deep); undefined past that depth, for a `$ref` that cannot be followed (reported where the
 * schema is read) and for what is no schema object.
 */
function followedSchema(
  doc: Record<string, unknown>,
  raw: unknown,
  file: string,
  depth: number,
): Record<string, unknown> | undefined {
  if (depth > 20) return undefined;
  try {
    const schema = followRefs(doc, raw, '#', file).value;
    return isRecord(schema) ? schema : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a schema (through `$ref`s and `allOf`/`oneOf`/`anyOf` members) describes an object or an array. */
function describesData(
  doc: Record<string, unknown>,
  raw: unknown,
  file: string,
  depth: number,
): boolean {
  const schema = followedSchema(doc, raw, file, depth);
  if (schema === undefined || isBinaryString(schema)) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object') || types.includes('array')) return true;
  if (isRecord(schema.properties) || schema.items !== undefined) return true;
  const members = [schema.allOf, schema.oneOf, schema.anyOf].flatMap((list) =>
    Array.isArray(list) ? (list as unknown[]) : [],
  );
  return members.some((member) => describesData(doc, member, file, depth + 1));
}

/**
 * How a response's body is read: by its media type (media-types.ts), except that a wildcard one
 * (`*` + `/*`, `application/*`) whose schema is raw bytes (`format: binary`, a binary
 * `contentMediaType`) is bytes whatever `Content-Type` the server labels them with: a file served
 * as `application/json` or `text/csv` came back parsed or as a string, typed `Blob`
 * (helper-122 1).
 */
function responseKind(
  doc: Record<string, unknown>,
  contentType: string,
  media: unknown,
  file: string,
): BodyKind {
  const kind = mediaKind(contentType);
  if (kind !== 'any' || !isRecord(media) || media.schema === undefined) return kind;
  return holdsBytes(doc, media.schema, file, 0) ? 'binary' : kind;
}

/**
 * Whether a schema (through `$ref`s, and any `allOf` member, each of which the value must meet)
 * is raw bytes ({@link isBinaryString}). A `$ref` that cannot be followed is no: it is reported
 * where the schema is read.
 */
function holdsBytes(
  doc: Record<string, unknown>,
  raw: unknown,
  file: string,
  depth: number,
): boolean {
  const schema = followedSchema(doc, raw, file, depth);
  if (schema === undefined) return false;
  if (isBinaryString(schema)) return true;
  return (
    Array.isArray(schema.allOf) &&
    schema.allOf.some((member) => holdsBytes(doc, member, file, depth + 1))
  );
}

/**
 * A Responses Object key as the model keeps it: a status code (`200`), a range (`2XX`; OpenAPI
 * 3.1.1 §4.8.16 writes the X uppercase, so `2xx` is read as `2XX`, with a warning) or `default`.
 * Anything else is refused: no status could select it.
 */
function statusKey(
  key: string,
  keys: readonly string[],
  pointer: string,
  ctx: SchemaContext,
): string {
  if (/^[1-5]\d\d$/.test(key) || /^[1-5]XX$/.test(key) || key === 'default') return key;
  const fix = 'write a status code (`200`), a range (`2XX`, X uppercase) or `default`';
  if (/^[1-5]xx$/i.test(key)) {
    const range = key.toUpperCase();
    if (keys.includes(range)) {
      throw new GeneratorError(
        `the responses have both \`${key}\` and \`${range}\`, the same range`,
        { file: ctx.file, pointer },
        `keep one of them, written \`${range}\``,
      );
    }
    ctx.warnings.add(
      'responses:lowercase-range',
      `the response key \`${key}\` is read as the range \`${range}\`; OpenAPI writes the X uppercase`,
      { file: ctx.file, pointer },
      `write \`${range}\``,
    );
    return range;
  }
  throw new GeneratorError(
    `the response key ${JSON.stringify(key)} is no status code, range or \`default\``,
    { file: ctx.file, pointer },
    fix,
  );
}

/**
 * The response the method returns: the lowest explicit 2xx status, else `2XX`, else `default`
 * when the operation declares no 2xx response (it then describes the successes too).
 */
export function successResponse(responses: readonly ResponseModel[]): ResponseModel | undefined {
  const explicit = responses
    .filter((response) => /^2\d\d$/.test(response.status))
    .sort((a, b) => Number(a.status) - Number(b.status));
  return (
    explicit[0] ??
    responses.find((response) => response.status === '2XX') ??
    responses.find((response) => response.status === 'default')
  );
}

/**
 * The other responses a 2xx answer can select (OpenAPI 3.1.1 §4.8.16: its exact code, else its
 * range, else `default`): the other explicit 2xx codes, `2XX` beside an explicit code, `default`
 * when there is no `2XX` (not when it is the success response itself).
 */
export function otherSuccesses(
  responses: readonly ResponseModel[],
  success: ResponseModel | undefined,
): ResponseModel[] {
  if (success === undefined) return [];
  const range = responses.some((response) => response.status === '2XX');
  return responses.filter(
    (response) =>
      response !== success &&
      (/^2\d\d$/.test(response.status) ||
        response.status === '2XX' ||
        (response.status === 'default' && !range)),
  );
}

/**
 * A media type's examples: `example`, else each entry of `examples` (Example Objects, `$ref`s
 * followed) that has a `value`. Values that are not JSON (YAML dates, say) are made JSON.
 */
function mediaExamples(doc: Record<string, unknown>, media: unknown, file: string): ExampleModel[] {
  if (!isRecord(media)) return [];
  if (media.example !== undefined) {
    const value = jsonCopy(media.example);
    return value === undefined ? [] : [{ name: 'default', value }];
  }
  if (!isRecord(media.examples)) return [];
  const examples: ExampleModel[] = [];
  for (const [name, entry] of Object.entries(media.examples)) {
    const example = exampleObject(doc, entry, file);
    if (!isRecord(example) || example.value === undefined) continue;
    const value = jsonCopy(example.value);
    if (value === undefined) continue;
    const model: ExampleModel = { name, value };
    if (typeof example.summary === 'string') model.summary = example.summary;
    examples.push(model);
  }
  return examples;
}

/** The Example Object `entry` names; undefined for one that cannot be followed (examples are optional). */
function exampleObject(doc: Record<string, unknown>, entry: unknown, file: string): unknown {
  try {
    return followRefs(doc, entry, '#', file).value;
  } catch (error) {
    if (error instanceof GeneratorError) return undefined;
    throw error;
  }
}

/** How many media types a warning names; the rest are counted (YouTube's upload offers 105). */
const LISTED_MEDIA_TYPES = 5;

/** `"a", "b", "c"`, or the first {@link LISTED_MEDIA_TYPES} and how many more. */
function listed(types: readonly string[]): string {
  const shown = types.slice(0, LISTED_MEDIA_TYPES).map((type) => JSON.stringify(type));
  const rest = types.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
