/**
 * Private helper: request bodies as fetch takes them. JSON (the default) is encoded by the core;
 * a resource method whose operation declares another media type names its encoder here, so a
 * bundle carries only the encoders its methods use.
 *
 * | media type                          | the caller gives                                   | sent as                                                                     |
 * | ----------------------------------- | -------------------------------------------------- | --------------------------------------------------------------------------- |
 * | `application/json`, `…+json`        | any JSON value                                     | `JSON.stringify` (core)                                                     |
 * | `application/x-www-form-urlencoded` | an object (or `URLSearchParams`)                   | `a=1&b=x+y`, arrays repeated, objects as JSON; `encoding` styles as a query |
 * | `multipart/form-data`               | an object (or `FormData`)                          | one part per property (RFC 7578): `Blob`/`File` as files, arrays as repeated parts, objects as JSON text; each part's type and headers by `encoding` |
 * | anything else (binary, text, `*`/`*`) | `Blob`, `File`, `ArrayBuffer`, a typed array, `ReadableStream` or a string | as it is; `Content-Type` the declared type (a string's `text/*` with `; charset=UTF-8`), or the `Blob`'s own type where the declared one is a wildcard |
 */
import { SDKError } from '../errors.ts';
import { serializeQuery, type QueryStyle } from './query.ts';
import { assertJSONCarries, assertListItems } from './finite.ts';
import { scalarText } from './scalar.ts';
import { textBody } from './text-type.ts';
import { isJSONMediaType } from './read.ts';

/**
 * What fetch sends as a request body (the DOM's `BodyInit`), and a part of a `Blob` (`BlobPart`),
 * spelled through globals Node's own types have too: a project typed for Node alone (no DOM
 * library) type-checks these declarations.
 */
export type BodyInit = NonNullable<RequestInit['body']>;
export type BlobPart = NonNullable<ConstructorParameters<typeof Blob>[0]>[number];

/** A body ready for fetch, with the `Content-Type` to send (none: fetch sets it, e.g. for a caller's `FormData`). */
export interface EncodedBody {
  body: BodyInit;
  contentType?: string | undefined;
}

/** Encodes a request body declared as `contentType`, with its media type's `encoding`. */
export type BodyEncoder = (
  body: unknown,
  contentType: string,
  encoding?: BodyEncoding,
) => EncodedBody;

/** One property's Encoding Object (OpenAPI 3.1.1 §4.8.15), as the spec gives it. */
export interface PropertyEncoding {
  contentType?: string | undefined;
  style?: QueryStyle['style'] | undefined;
  explode?: boolean | undefined;
  allowReserved?: boolean | undefined;
  /** A multipart part's headers, with the values the spec fixes. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** The Encoding Objects of a form body, by property name. */
export type BodyEncoding = Readonly<Record<string, PropertyEncoding>>;

/**
 * `application/x-www-form-urlencoded` (OpenAPI 3.1.1 §4.8.14.4 and the Encoding Object): a
 * property with `style`, `explode` or `allowReserved` is serialised like a query parameter of
 * that style; any other by its `contentType`: JSON text for an object or where the type is
 * JSON (`address=%7B%22street%22…`), the text of a primitive, an array's items repeated. Spaces
 * are `+` there (RFC 1866, as `URLSearchParams` writes them), but `%20` in a styled property
 * (RFC 6570, OpenAPI 3.1.1 Appendix E); a `+` in a value `%2B`. A file or bytes
 * are refused (a form holds text only; the encoder would leave them out).
 */
export function formBody(
  body: unknown,
  contentType: string,
  encoding: BodyEncoding = {},
): EncodedBody {
  if (body instanceof URLSearchParams) return { body, contentType };
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(record(body, contentType))) {
    assertJSONCarries(value, `The form body's field ${JSON.stringify(name)}`, 'form');
    const { contentType: type, ...style } = encoding[name] ?? {};
    const styled = Object.keys(style).length > 0;
    const json = !styled && type !== undefined && isJSONMediaType(type);
    if (Array.isArray(value) && !json)
      assertListItems(value, `The form body's field ${JSON.stringify(name)}`);
    const asText = (item: unknown): unknown =>
      json || (isPlainObject(item) && !styled) ? JSON.stringify(item) : item;
    const sent = Array.isArray(value) && !json && !styled ? value.map(asText) : asText(value);
    const pair = serializeQuery({ [name]: sent }, styled ? { [name]: style } : {});
    // Spaces: `+` where the field is content-based (RFC 1866), `%20` where it is style-based
    // (`style`, `explode` or `allowReserved`: RFC 6570, which "does not use `+`", OpenAPI 3.1.1
    // Appendix E), as the style examples write `blue%20black%20brown`.
    if (pair !== '') pairs.push(styled ? pair : pair.replace(/%20/g, '+'));
  }
  return { body: pairs.join('&'), contentType };
}

/**
 * `multipart/form-data` (RFC 7578), written here rather than by `FormData`, which cannot give a
 * part a content type or headers: each property a part (an array's items one each), named in
 * `Content-Disposition` (`"`, CR and LF percent-encoded, as browsers write them); its
 * `Content-Type` the `encoding`'s, else by its value (OpenAPI 3.1.1 §4.8.15): a `Blob`/`File` or
 * bytes its own type or `application/octet-stream` (a file part, named `blob` when it has no
 * name), an object `application/json` (its JSON text; never under a declared type that is not
 * JSON, which the generator warns about; a file inside it is refused, JSON cannot carry one),
 * text none (RFC 7578's `text/plain`), or, declared JSON, its JSON text (`"a"`); then
 * the `encoding`'s fixed `headers`. The body is a `Blob` of the parts: a file's bytes are not read
 * into memory, fetch streams them. A `FormData` the caller built goes as it is.
 */
export function multipartBody(
  body: unknown,
  contentType: string,
  encoding: BodyEncoding = {},
): EncodedBody {
  if (body instanceof FormData) return { body };
  const boundary = `----sdk-boundary-${randomHex()}`;
  const chunks: BlobPart[] = [];
  const append = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    const declared = encoding[name]?.contentType;
    let content: BlobPart;
    let type: string | undefined;
    let filename: string | undefined;
    if (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const blob = value instanceof Blob ? value : new Blob([value as ArrayBuffer]);
      content = blob;
      filename = value instanceof File ? value.name : 'blob';
      type = partType(declared, blob.type || 'application/octet-stream');
    } else if (typeof value === 'object' && !(value instanceof Date)) {
      assertJSONCarries(value, `The multipart part ${JSON.stringify(name)}`);
      content = JSON.stringify(value);
      // JSON text goes under a JSON type only: never under a declared type it is not (XML).
      const named = partType(declared, 'application/json');
      type = isJSONMediaType(named) ? named : 'application/json';
    } else {
      type = declared === undefined ? undefined : partType(declared, 'text/plain');
      // A part declared JSON holds JSON text: a string quoted, a Date its quoted date-time.
      content =
        type !== undefined && isJSONMediaType(type) ? JSON.stringify(value) : scalarText(value);
    }
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"`;
    if (filename !== undefined) head += `; filename="${quoted(filename)}"`;
    if (type !== undefined) head += `\r\nContent-Type: ${type}`;
    for (const [header, headerValue] of Object.entries(encoding[name]?.headers ?? {}))
      head += `\r\n${header}: ${headerValue}`;
    chunks.push(`${head}\r\n\r\n`, content, '\r\n');
  };
  for (const [name, value] of Object.entries(record(body, contentType))) {
    if (Array.isArray(value)) {
      assertListItems(value, `The multipart part ${JSON.stringify(name)}`);
      for (const item of value) append(name, item);
    } else append(name, value);
  }
  chunks.push(`--${boundary}--\r\n`);
  return {
    body: new Blob(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * A part's content type: the declared one (`image/png`), or, when it lists several or a
 * wildcard (`image/png, image/jpeg`, `image/*`), the value's own when it is one of them, else
 * the first listed that is no wildcard.
 */
function partType(declared: string | undefined, own: string): string {
  if (declared === undefined) return own;
  const listed = declared
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  const bare = (type: string) => type.split(';')[0]?.trim().toLowerCase() ?? '';
  const matches = (type: string) => {
    const [main, sub] = bare(type).split('/');
    const [ownMain, ownSub] = bare(own).split('/');
    return (main === '*' || main === ownMain) && (sub === '*' || sub === ownSub);
  };
  if (listed.length === 1 && !listed[0]?.includes('*')) return listed[0] ?? own;
  if (listed.some(matches)) return own;
  return listed.find((type) => !type.includes('*')) ?? own;
}

/** A name or file name inside `"…"` of `Content-Disposition`, as the HTML standard's `FormData` writes it. */
function quoted(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** 24 random hex digits (96 bits): a boundary no part's bytes will hold by chance. */
function randomHex(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Binary and text bodies (and `*`/`*`): sent as they are. Under a media range (`image/*`,
 * `application/*`, `*`/`*`) the `Content-Type` is a type inside it, never the range (RFC 9110
 * §8.3.1): a Blob's own type, text as `text/plain` where the range holds it, a JSON-like value
 * (object, number, boolean) as `application/json` where the range holds that; bytes of no known
 * type go without one (§8.3). A value the range holds no type for is refused, as is a JSON-like
 * value under a type that is not a range.
 */
export function rawBody(body: unknown, contentType: string): EncodedBody {
  const range = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (!range.includes('*')) {
    if (typeof body === 'string') return textBody(body, contentType);
    if (isBytes(body)) return { body: body as BodyInit, contentType };
    throw new SDKError(
      `Cannot send a ${typeof body} body as ${contentType}: pass a Blob, File, ArrayBuffer, typed array, ReadableStream or string.`,
    );
  }
  const fix = `Pass a Blob of the type to send (new Blob([data], { type: '${range === '*/*' || range === '*' ? 'application/pdf' : range.replace('*', '…')}' })).`;
  if (typeof body === 'string') {
    if (inRange('text/plain', range)) return { body, contentType: 'text/plain;charset=UTF-8' };
    throw new SDKError(
      `Cannot send a string body as ${contentType}: no text type is in that range; nothing was sent. ${fix}`,
    );
  }
  if (body instanceof Blob) {
    if (body.type === '') return { body };
    if (inRange(body.type, range)) return { body, contentType: body.type };
    throw new SDKError(
      `Cannot send a Blob of type ${body.type} as ${contentType}, the media types the operation takes; nothing was sent. ${fix}`,
    );
  }
  if (isBytes(body)) return { body: body as BodyInit };
  if (inRange('application/json', range))
    return { body: JSON.stringify(body), contentType: 'application/json' };
  throw new SDKError(
    `Cannot send a ${typeof body} body as ${contentType}: pass a Blob, File, ArrayBuffer, typed array or ReadableStream. ${fix}`,
  );
}

/** Bytes fetch sends as they are, of no type it could name (a Blob aside). */
function isBytes(body: unknown): boolean {
  return (
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof ReadableStream ||
    body instanceof FormData ||
    body instanceof URLSearchParams
  );
}

/** Whether the media type `type` is inside the media range `range` (`image/png` in `image/*`). */
function inRange(type: string, range: string): boolean {
  if (range === '*/*' || range === '*') return true;
  const [major] = range.split('/');
  return (type.split(';')[0] ?? '')
    .trim()
    .toLowerCase()
    .startsWith(`${major ?? ''}/`);
}

/**
 * The body of an optional request body whose properties sit in a flat params object: undefined
 * (nothing sent, no `Content-Type`) when the caller gave none of them, or gave each as
 * `undefined`. (A required body is sent as it is, `{}` too.)
 */
export function optionalBody<T extends object>(body: T | undefined): T | undefined {
  return body !== undefined && Object.values(body).some((value) => value !== undefined)
    ? body
    : undefined;
}

function record(body: unknown, contentType: string): Record<string, unknown> {
  if (typeof body === 'object' && body !== null && !Array.isArray(body))
    return body as Record<string, unknown>;
  throw new SDKError(`Cannot send a ${typeof body} body as ${contentType}: pass an object.`);
}

function isPlainObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Blob)
  );
}
