/**
 * What kind of body a media type is, decided once in the model: the client emitter prints the
 * runtime's reader or encoder for it, and the TypeScript type of what a method resolves to.
 * Every media type a spec can declare maps to one kind (templates/runtime/README.md has the
 * table of behaviours):
 *
 * | kind           | media types                                                                        |
 * | -------------- | ---------------------------------------------------------------------------------- |
 * | `json`         | `application/json`, any `+json` suffix (`application/problem+json`), `text/json`, `application/x-json` |
 * | `event-stream` | `text/event-stream`                                                                 |
 * | `text`         | `text/*`; `+xml` and `application/xml`; YAML, JavaScript, GraphQL, SQL; JSON records (`application/x-ndjson`, `application/jsonl`, `application/json-seq`: read whole, with a warning) |
 * | `form`         | `application/x-www-form-urlencoded`                                                 |
 * | `multipart`    | `multipart/form-data`                                                               |
 * | `any`          | `*` / `*`, `application/*`: the response's own `Content-Type` decides at run time (a response whose schema is bytes is `binary`: build-bodies.ts `responseKind`) |
 * | `binary`       | everything else: `application/octet-stream`, `application/pdf`, `image/*`, `audio/*`, `video/*`, `font/*`, archives, other `multipart/*`, unknown types |
 *
 * Media type parameters (`; charset=utf-8`) and case do not matter.
 */
import { editDistance } from '../unknown-option.ts';
import type { BodyKind } from './types.ts';

/** JSON Lines, NDJSON (`application/x-ndjson`) and JSON text sequences (RFC 7464). */
const JSON_RECORDS =
  /^application\/(json-seq|x-ndjson|ndjson|jsonl|x-jsonl|x-jsonlines|jsonlines)$/;

/**
 * A media type or range as a `content` key writes it: `type/subtype` (RFC 6838 §4.2's names; `*`
 * for a range, `application/*+json` too, as specs write it), then any `; parameters`.
 */
const MEDIA_TYPE =
  /^(?:\*|[a-z0-9][a-z0-9!#$&^_.+-]*)\/[a-z0-9*][a-z0-9!#$&^_.+*-]*[ \t]*(?:;.*)?$/i;

/**
 * Whether a `content` key is a media type at all (`jwt_token`, `JSON` or `application/json,
 * charset=utf-8` is not). A lone `*`, read as `*` + `/*`, is taken too.
 */
export function isMediaTypeName(key: string): boolean {
  const type = key.trim();
  return type === '*' || MEDIA_TYPE.test(type);
}

/** Whether a media type is a sequence of JSON records (one per line, or RFC 7464's). */
export function isJsonRecords(mediaType: string): boolean {
  return JSON_RECORDS.test((mediaType.split(';')[0] ?? '').trim().toLowerCase());
}

export function mediaKind(mediaType: string): BodyKind {
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === '*/*' || type === 'application/*' || type === '*') return 'any';
  if (type === 'text/event-stream') return 'event-stream';
  if (JSON_RECORDS.test(type)) return 'text';
  if (
    type === 'application/json' ||
    type.endsWith('+json') ||
    /^(text|application)\/(x-)?json$/.test(type)
  )
    return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'multipart/form-data') return 'multipart';
  if (
    type.startsWith('text/') ||
    type.endsWith('+xml') ||
    /^application\/(xml|(x-)?yaml|javascript|ecmascript|graphql|sql)$/.test(type)
  )
    return 'text';
  return 'binary';
}

/**
 * Whether a string schema holds raw bytes (a `Blob` in the types, a file part in multipart):
 * `format: binary` (OpenAPI 3.0), or a `contentMediaType` of a binary media type without a
 * `contentEncoding` (OpenAPI 3.1.1 §4.8.14.3, "Working with Binary Data"; `image/png`,
 * `application/octet-stream`). A textual `contentMediaType` (`text/html`, `application/json`)
 * describes the text a string holds, and base64 (`contentEncoding`) is text too.
 */
export function isBinaryString(schema: Readonly<Record<string, unknown>>): boolean {
  if (schema.format === 'binary') return true;
  const media = schema.contentMediaType;
  return (
    typeof media === 'string' &&
    schema.contentEncoding === undefined &&
    mediaKind(media) === 'binary'
  );
}

/** `application/json` or a `+json` type (`application/problem+json`), the types JSON Schema tools read as JSON. */
export function isJsonMediaType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

/** The media types a "did you mean" names: those the SDK encodes or reads by their schema, and bytes. */
const KNOWN_MEDIA_TYPES = [
  'application/json',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'text/plain',
  'text/csv',
  'text/html',
  'application/xml',
  'text/event-stream',
  'application/octet-stream',
];

/**
 * The known media type a made-up or misspelt one most likely means, for a warning's fix:
 * `application/form-data` and `multipart/formdata` mean `multipart/form-data`, `applicationjson`,
 * `json` and `applcation/json` mean `application/json`, `application/x-www-form-urlencode` the
 * form type. Words a name holds decide first (`form-data`, `urlencoded`, `json`, `xml`), then the
 * spelling (one edit per eight letters: `application/pdf` is not a misspelt `application/xml`). Undefined for a known type, and for one close to none
 * (`application/pdf`, `jwt_token`).
 */
export function nearestMediaType(mediaType: string): string | undefined {
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  if (KNOWN_MEDIA_TYPES.includes(type)) return undefined;
  if (/form-?data|multipart/.test(type)) return 'multipart/form-data';
  if (/url-?encoded|www-form/.test(type)) return 'application/x-www-form-urlencoded';
  if (/(^|[^a-z])json($|[^a-z])|^json|json$/.test(type)) return 'application/json';
  if (/event-?stream/.test(type)) return 'text/event-stream';
  if (/(^|[^a-z])xml($|[^a-z])/.test(type)) return 'application/xml';
  if (/octet/.test(type)) return 'application/octet-stream';
  if (/^(text|plain|string)$/.test(type)) return 'text/plain';
  const within = Math.max(1, Math.floor(type.length / 8));
  return KNOWN_MEDIA_TYPES.find((known) => editDistance(type, known) <= within);
}
