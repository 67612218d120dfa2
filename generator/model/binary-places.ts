/**
 * Where a string of raw bytes (`format: binary`, or a binary `contentMediaType`: media-types.ts
 * `isBinaryString`) really is bytes. Bytes travel as themselves in two places only:
 * - a raw body (`application/octet-stream`, `image/png`, `*`/`*`), whose media type decides its type;
 * - a part of a `multipart/form-data` body: a property of the body's schema, or the items of an
 *   array property, one part each (OpenAPI 3.1.1 §4.8.14.4, "Encoding multipart Media Types").
 *
 * An object or array schema of a raw body is neither: the SDK sends the caller's bytes and reads a
 * `Blob`, and uses such a schema for nothing (the model warns, build-bodies.ts `warnUnusedSchema`),
 * so a binary string inside it is no text place either (helper-156: `application/form-data`).
 *
 * Everywhere else the value is text: JSON carries strings only, a form or a parameter is text, and
 * an object nested in a part is sent as JSON. OpenAPI 3.1.1 §4.8.24.4 ("Working with Binary Data")
 * models bytes inside JSON as a string with `contentEncoding`; 3.0 had `format: byte`. A binary
 * string reached only from such places is a `string` in the types, as the guards already check
 * and as the wire holds, with a warning naming the fix. One reached both ways stays a `Blob` (what
 * the multipart part is sent from), with a warning naming the JSON place.
 *
 * A text body (`text/csv`, `text/plain`, XML: `mediaKind` 'text', JSON records aside) is sent and
 * read as one string whatever its schema says (text-body.ts): a binary string there is typed
 * `string` too, but without that warning, whose reason (JSON, a form, a parameter) and fix do not
 * apply: bytes written as text are what such a body holds.
 *
 * Data flows one way: this reads the bundled document before the model is built, and the model
 * (`binary` on a schema node) and src/openapi.ts's transform both follow its verdict by pointer.
 */
import { joinPointer } from '../errors.ts';
import { isRecord, pushAll } from '../json.ts';
import { getByPointer, refPointer } from '../pointer.ts';
import type { Warnings } from '../warnings.ts';
import { HTTP_METHODS } from './build-operations.ts';
import { isBinaryString, isJsonRecords, mediaKind } from './media-types.ts';
import { children } from './schema-children.ts';
import type { SchemaNode } from './schema-types.ts';

/** Keywords whose value is one subschema. */
const ONE = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
] as const;
/** Keywords whose value is a list of subschemas. */
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', 'dependentSchemas'] as const;

/** `textBody`: the schema of a text body, or inside it (see above); `text`: any other text place. */
type Place = 'file' | 'text' | 'textBody';

/** The first media type (or parameter) each binary string schema is reached from, by place. */
interface Reached {
  file?: string;
  text?: string;
  textBody?: string;
}

/**
 * The pointers of binary string schemas that only text reaches: typed `string`, not `Blob`.
 * Warns once per such schema, and once per schema reached both as a file and as text.
 * A schema no operation reaches is left as it is (a `Blob`): nothing says where it travels.
 */
export function textOnlyBinaryStrings(
  doc: Record<string, unknown>,
  file: string,
  warnings: Warnings,
): Set<string> {
  const reached = reachedBinaryStrings(doc);
  const textOnly = new Set<string>();
  for (const [pointer, { file: asFile, text, textBody }] of reached) {
    if (text === undefined && textBody === undefined) continue;
    if (asFile === undefined) {
      textOnly.add(pointer);
      if (text === undefined) continue;
      warnings.add(
        'schema:binary-as-text',
        `\`format: binary\` here travels as text (at ${text}), never as bytes: JSON, a form and a parameter carry strings only, so it is typed \`string\`, as the guards check it`,
        { file, pointer },
        'for bytes inside JSON write `contentEncoding: base64` (OpenAPI 3.1) or `format: byte` (3.0); to send a file, make it a part of a `multipart/form-data` body or the whole body of a binary media type (`application/octet-stream`)',
      );
    } else if (text !== undefined) {
      warnings.add(
        'schema:binary-as-text',
        `this binary string is a file part (at ${asFile}) and text too (at ${text}): it is typed \`Blob\`, which a JSON body refuses and a JSON response never holds`,
        { file, pointer },
        'give the text place a schema of its own: `type: string` with `contentEncoding: base64` (OpenAPI 3.1) or `format: byte` (3.0)',
      );
    } else {
      warnings.add(
        'schema:binary-as-text',
        `this binary string is a file part (at ${asFile}) and a text body too (at ${textBody!}): it is typed \`Blob\`, but the SDK sends and reads a text body as a string`,
        { file, pointer },
        'give the text body a schema of its own: `type: string` (a text body is a string whatever its format)',
      );
    }
  }
  return textOnly;
}

/** Every binary string schema an operation reaches, by pointer, with where it is reached from. */
function reachedBinaryStrings(doc: Record<string, unknown>): Map<string, Reached> {
  const reached = new Map<string, Reached>();
  const seen = new Set<string>();
  let via = '';

  const note = (pointer: string, place: Place) => {
    const entry = reached.get(pointer) ?? {};
    entry[place] ??= via;
    reached.set(pointer, entry);
  };

  /** Follows `$ref` chains; the schema and its pointer, or undefined for a ref that names nothing local. */
  const resolve = (
    schema: unknown,
    pointer: string,
  ): { schema: Record<string, unknown>; pointer: string } | undefined => {
    const trail = new Set<string>();
    while (isRecord(schema) && typeof schema.$ref === 'string') {
      const target = refPointer(schema.$ref);
      if (target === undefined || trail.has(target)) return undefined;
      trail.add(target);
      pointer = target;
      schema = getByPointer(doc, target);
    }
    return isRecord(schema) ? { schema, pointer } : undefined;
  };

  /** A schema and everything inside it, all as text (a stack, not recursion: ref chains may be long). */
  const text = (raw: unknown, at: string, place: 'text' | 'textBody' = 'text'): void => {
    const stack: [unknown, string][] = [[raw, at]];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const [schema, pointer] = next;
      if (!isRecord(schema)) continue;
      if (typeof schema.$ref === 'string') {
        const target = resolve(schema, pointer);
        if (target !== undefined) stack.push([target.schema, target.pointer]);
        // 3.1 allows keywords beside `$ref`: they apply too.
      }
      // Once per place: a schema read in a text body first is still noted as JSON's after.
      const key = `${place} ${pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (isBinaryString(schema)) note(pointer, place);
      for (const keyword of ONE) stack.push([schema[keyword], joinPointer(pointer, keyword)]);
      for (const keyword of LIST) pushAll(stack, listed(schema, keyword, pointer));
      for (const keyword of MAP) {
        const map = schema[keyword];
        if (isRecord(map))
          for (const [name, item] of Object.entries(map))
            stack.push([item, joinPointer(pointer, keyword, name)]);
      }
    }
  };

  /** A place that holds bytes as they are: a raw body, or one multipart part (or each of an array's). */
  const bytes = (raw: unknown, at: string, arrays: boolean): void => {
    const target = resolve(raw, at);
    if (target === undefined) return;
    const { schema, pointer } = target;
    if (isBinaryString(schema)) return note(pointer, 'file');
    if (arrays && schema.items !== undefined)
      return bytes(schema.items, joinPointer(pointer, 'items'), false);
    const variants = [...listed(schema, 'oneOf', pointer), ...listed(schema, 'anyOf', pointer)];
    if (variants.length > 0) {
      for (const [variant, variantAt] of variants) bytes(variant, variantAt, arrays);
      return;
    }
    // An object or anything else in a part is sent as JSON text.
    text(schema, pointer);
  };

  /** A multipart body's schema: its properties are the parts. */
  const parts = (raw: unknown, at: string, depth = 0): void => {
    const target = resolve(raw, at);
    if (target === undefined || depth > 32) return;
    const { schema, pointer } = target;
    for (const keyword of ['properties', 'patternProperties'] as const) {
      const map = schema[keyword];
      if (isRecord(map))
        for (const [name, item] of Object.entries(map))
          bytes(item, joinPointer(pointer, keyword, name), true);
    }
    if (isRecord(schema.additionalProperties))
      bytes(schema.additionalProperties, joinPointer(pointer, 'additionalProperties'), true);
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const)
      for (const [member, memberAt] of listed(schema, keyword, pointer))
        parts(member, memberAt, depth + 1);
  };

  /**
   * A raw body the SDK neither encodes nor reads by its schema: only its bytes are noted. An
   * object in it is no JSON text (the caller passes bytes, the response is a Blob) and no place
   * at all: the model warns that such a schema is unused (build-bodies.ts `warnUnusedSchema`).
   */
  const rawBody = (schema: unknown, at: string, depth = 0): void => {
    const target = resolve(schema, at);
    if (target === undefined || depth > 32) return;
    if (isBinaryString(target.schema)) return note(target.pointer, 'file');
    for (const keyword of ['oneOf', 'anyOf'] as const)
      for (const [variant, variantAt] of listed(target.schema, keyword, target.pointer))
        rawBody(variant, variantAt, depth + 1);
  };

  /** `role`: a request body is sent raw for `*`/`*` too; a response of `*`/`*` may be JSON. */
  const content = (raw: unknown, at: string, role: 'request' | 'response' | 'parameter'): void => {
    if (!isRecord(raw)) return;
    for (const [mediaType, media] of Object.entries(raw)) {
      if (!isRecord(media)) continue;
      const mediaAt = joinPointer(at, mediaType);
      const schemaAt = joinPointer(mediaAt, 'schema');
      via = mediaAt;
      const kind = mediaKind(mediaType);
      if (kind === 'multipart') parts(media.schema, schemaAt);
      else if (
        role !== 'parameter' &&
        (kind === 'binary' || (kind === 'any' && role === 'request'))
      )
        rawBody(media.schema, schemaAt);
      else if (kind === 'binary' || kind === 'any') bytes(media.schema, schemaAt, false);
      else if (kind === 'text' && !isJsonRecords(mediaType))
        text(media.schema, schemaAt, 'textBody');
      else text(media.schema, schemaAt);
    }
  };

  /** A parameter or a header: its schema, or its content's. */
  const parameter = (raw: unknown, at: string): void => {
    const target = resolve(raw, at);
    if (target === undefined) return;
    via = target.pointer;
    text(target.schema.schema, joinPointer(target.pointer, 'schema'));
    content(target.schema.content, joinPointer(target.pointer, 'content'), 'parameter');
  };

  const pathItem = (raw: unknown, at: string, depth: number): void => {
    const target = resolve(raw, at);
    if (target === undefined || depth > 8) return;
    const { schema: item, pointer } = target;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    shared.forEach((p, i) => parameter(p, joinPointer(pointer, 'parameters', i)));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const opAt = joinPointer(pointer, method);
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      own.forEach((p, i) => parameter(p, joinPointer(opAt, 'parameters', i)));
      const body = resolve(operation.requestBody, joinPointer(opAt, 'requestBody'));
      if (body !== undefined)
        content(body.schema.content, joinPointer(body.pointer, 'content'), 'request');
      if (isRecord(operation.responses))
        for (const [status, rawResponse] of Object.entries(operation.responses)) {
          const response = resolve(rawResponse, joinPointer(opAt, 'responses', status));
          if (response === undefined) continue;
          content(response.schema.content, joinPointer(response.pointer, 'content'), 'response');
          if (isRecord(response.schema.headers))
            for (const [name, header] of Object.entries(response.schema.headers))
              parameter(header, joinPointer(response.pointer, 'headers', name));
        }
      if (isRecord(operation.callbacks))
        for (const [name, callback] of Object.entries(operation.callbacks)) {
          const resolved = resolve(callback, joinPointer(opAt, 'callbacks', name));
          if (resolved === undefined) continue;
          for (const [expression, callbackItem] of Object.entries(resolved.schema))
            pathItem(callbackItem, joinPointer(resolved.pointer, expression), depth + 1);
        }
    }
  };

  for (const root of ['paths', 'webhooks'] as const) {
    const items = doc[root];
    if (isRecord(items))
      for (const [name, item] of Object.entries(items))
        pathItem(item, joinPointer(`#/${root}`, name), 0);
  }
  return reached;
}

/** The members of a list keyword with their pointers. */
function listed(
  schema: Record<string, unknown>,
  keyword: string,
  pointer: string,
): [unknown, string][] {
  const list = schema[keyword];
  return Array.isArray(list)
    ? list.map((item, i): [unknown, string] => [item, joinPointer(pointer, keyword, i)])
    : [];
}

/**
 * Clears `binary` on every node under `roots` built from a schema in `textOnly`
 * ({@link textOnlyBinaryStrings}): those nodes are typed `string`.
 */
export function clearTextOnlyBinary(roots: readonly SchemaNode[], textOnly: Set<string>): void {
  if (textOnly.size === 0) return;
  const seen = new Set<SchemaNode>();
  const stack = [...roots];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.binary === true && textOnly.has(node.pointer)) delete node.binary;
    pushAll(stack, children(node));
  }
}
