/**
 * Private helper: reading response bodies, each under the call's `maxResponseSize`.
 *
 * The body is read from its stream and counted as it arrives. fetch has already decoded any
 * `Content-Encoding` by then, so the count is of the decompressed bytes: a small gzip body that
 * expands to gigabytes stops at the limit, and the rest is never read or inflated (the stream is
 * cancelled, which closes the connection).
 *
 * One reader per kind of body a spec can declare; the resource method names the reader of its
 * operation's success media type (so a bundle only carries the readers its methods use), and JSON
 * is the default. See the runtime README for the table of media types.
 */
import { truncate, type InvalidResponseError, type SDKError } from '../errors.ts';
import { undecodedCoding, undecodedMessage } from './invalid-http.ts';
import type { BlobPart } from './body.ts';

/** What a reader gets besides the response. */
export interface ReadContext {
  /** Bytes the body may have, decompressed. */
  limit: number;
  /** The caller's signal, for bodies read after the call resolves (event streams). */
  signal: AbortSignal | undefined;
  /**
   * The call's `timeout` in milliseconds, for bodies read after the call resolves: the longest
   * an event stream may stay silent.
   */
  timeout: number;
  /** True when the operation also declares a success response without a body. */
  mayBeEmpty: boolean;
  /** The operation, for messages: `GET /plans/pln_1` (undefined when not known). */
  where?: string | undefined;
  /** The error for an unusable body (the token redacted from it), to throw. */
  fail(message: string, body?: unknown): InvalidResponseError;
  /**
   * What an error of the body's stream becomes, for bodies read after the call resolves (event
   * streams): an `APIConnectionError`, or an `InvalidResponseError` for a body that does not decode.
   */
  failure(error: unknown): SDKError;
}

/** Reads a 2xx body into what the method resolves to. */
export type ResponseReader = (response: Response, ctx: ReadContext) => Promise<unknown>;

/**
 * The key of the response object a status selects among `keys` (OpenAPI 3.1.1 §4.8.16): its
 * exact code, else its range (`2XX`), else `default`; undefined when none of them is there.
 */
export function responseKey(status: number, keys: readonly string[]): string | undefined {
  const exact = String(status);
  const range = `${exact[0] ?? ''}XX`;
  return [exact, range, 'default'].find((key) => keys.includes(key));
}

/**
 * The response's Content-Type as fetch reads it (the Fetch standard's "extract a MIME type"): a
 * header sent twice reaches the client joined with ", " (`application/json, application/json`),
 * and the last media type in it counts. `null` when there is none.
 */
export function contentType(response: Response): string | null {
  const value = response.headers.get('content-type');
  if (value === null || !value.includes(',')) return value;
  // Commas inside a quoted parameter (`; boundary="a,b"`) do not split.
  const parts = value.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!.trim();
    if (/^[^\s/;,]+\/[^\s/;,]+/.test(part)) return part;
  }
  return value;
}

/**
 * The whole body as bytes. (Joined by hand: `new Blob(chunks).arrayBuffer()` is shorter but
 * costs about 20 µs more per response in Node 20, a third of the client's own overhead.)
 * @throws InvalidResponseError past `ctx.limit` bytes, or for a body fetch left encoded under a
 * `Content-Encoding` it does not decode (`zstd`, `compress`: internal/invalid-http.ts).
 */
export async function readBytes(response: Response, ctx: ReadContext): Promise<Uint8Array> {
  return (await collect(response, ctx, false)).bytes;
}

/**
 * An error body's first `ctx.limit` bytes at most: it is read for its message and fields, so one
 * that is larger is cut there (`cut: true`, the rest cancelled) rather than refused, and the error
 * keeps its status (a 503 stays a retried InternalServerError).
 * @throws InvalidResponseError for a body fetch left encoded (as {@link readBytes}).
 */
export async function readErrorBytes(
  response: Response,
  ctx: ReadContext,
): Promise<{ bytes: Uint8Array; cut: boolean }> {
  return collect(response, ctx, true);
}

async function collect(
  response: Response,
  ctx: ReadContext,
  cutAtLimit: boolean,
): Promise<{ bytes: Uint8Array; cut: boolean }> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  for (;;) {
    const chunk = await reader?.read();
    if (chunk === undefined || chunk.done) break;
    if (size === 0) checkDecoded(response, chunk.value, ctx, () => reader?.cancel());
    if (size + chunk.value.byteLength > ctx.limit) {
      void reader?.cancel().catch(() => undefined);
      if (!cutAtLimit) throw tooLarge(response, ctx);
      chunks.push(chunk.value.subarray(0, ctx.limit - size));
      size = ctx.limit;
      cut = true;
      break;
    }
    size += chunk.value.byteLength;
    chunks.push(chunk.value);
  }
  if (chunks.length === 1) return { bytes: chunks[0] as Uint8Array, cut };
  const bytes = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, size);
    size += chunk.byteLength;
  }
  return { bytes, cut };
}

/**
 * @throws InvalidResponseError, the body cancelled, when `start` (the body's first bytes) shows a
 * `Content-Encoding` fetch did not decode.
 */
export function checkDecoded(
  response: Response,
  start: Uint8Array,
  ctx: ReadContext,
  cancel: () => Promise<void> | undefined,
): void {
  const coding = undecodedCoding(response, start);
  if (coding === undefined) return;
  void cancel()?.catch(() => undefined);
  throw ctx.fail(undecodedMessage(response, coding, ctx.where));
}

export function tooLarge(response: Response, ctx: ReadContext): InvalidResponseError {
  return ctx.fail(
    `The ${response.status} response body is larger than maxResponseSize (${ctx.limit} bytes); it was not read further. ` +
      'Raise maxResponseSize (client or call option) if the API really sends this much.',
  );
}

/** The body as text, decoded as its `charset` says (UTF-8 unless it names another; JSON: UTF-8). */
export async function readText(response: Response, ctx: ReadContext): Promise<string> {
  return decoder(contentType(response)).decode(await readBytes(response, ctx));
}

/**
 * A decoder for the charset `contentType` names: UTF-8 when it names none, or one `TextDecoder`
 * does not know, and for JSON (`application/json`, `+json`) whatever it names: JSON is UTF-8
 * (RFC 8259 §8.1), and its media type has no `charset` parameter, so one "has no effect on
 * compliant recipients" (§11), as fetch's `response.json()` reads it. (A server that sends UTF-8
 * labelled `charset=iso-8859-1` is far more common than JSON really in Latin-1, and reading the
 * label would garble every non-ASCII character without a word.) `fatal`: bytes not valid in it
 * throw a `TypeError` instead of becoming U+FFFD.
 */
export function decoder(
  contentType: string | null,
  fatal = false,
): InstanceType<typeof TextDecoder> {
  const charset = isJSONMediaType(contentType) ? undefined : charsetOf(contentType);
  try {
    return new TextDecoder(charset, { fatal });
  } catch {
    return new TextDecoder('utf-8', { fatal });
  }
}

/**
 * JSON (`application/json`, `+json`): the parsed value, from UTF-8 whatever `charset` the response
 * names (RFC 8259 §8.1, §11; {@link decoder}). An empty body is an error unless the operation
 * allows one.
 * @throws InvalidResponseError for bytes that are not UTF-8 (never U+FFFD in the data).
 */
export async function readJSON(response: Response, ctx: ReadContext): Promise<unknown> {
  const bytes = await readBytes(response, ctx);
  const type = contentType(response);
  let text: string;
  try {
    text = decoder(type, true).decode(bytes);
  } catch {
    throw ctx.fail(
      `The server answered ${response.status} with JSON that is not valid UTF-8${namedCharset(type)} ` +
        '(RFC 8259 §8.1: JSON is UTF-8, and §11: a charset parameter has no effect on it).',
    );
  }
  if (text === '') {
    if (ctx.mayBeEmpty) return undefined;
    throw ctx.fail(
      `The server answered ${response.status} with an empty body where the operation declares one.`,
    );
  }
  assertContainers(text, response, ctx);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const coding = response.headers.get('content-encoding');
    // fetch decodes a compressed body cut short without an error (internal/invalid-http.ts).
    const cut =
      coding !== null && isJSONMediaType(type) && !/^\s*identity\s*$/i.test(coding)
        ? ` (it came compressed, Content-Encoding: ${truncate(coding)}; a compressed body the server cut short decodes without an error, so it may be incomplete)`
        : '';
    const charset = isJSONMediaType(type) ? namedCharset(type) : '';
    throw ctx.fail(
      `The server answered ${response.status} with ${isJSONMediaType(type) ? 'invalid JSON' : truncate(type ?? 'a body without content type')} where JSON was expected${cut}${charset === '' ? '' : ` (read as UTF-8${charset}, as RFC 8259 §8.1 and §11 have it)`}: ${truncate(text)}`,
      text,
    );
  }
}

/** The `charset` parameter of a Content-Type (RFC 9110 §8.3.2), unquoted; undefined without one. */
function charsetOf(contentType: string | null): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}

/** `, though it names charset=…` for a charset other than UTF-8 in `contentType`; else ''. */
function namedCharset(contentType: string | null): string {
  const charset = charsetOf(contentType);
  return charset === undefined || /^utf-?8$/i.test(charset)
    ? ''
    : `, though it names charset=${truncate(charset)}`;
}

/**
 * Bytes of `maxResponseSize` per array or object a JSON body may hold. The byte limit alone does
 * not bound what parsing builds: each `{}` takes some 70 bytes of V8's heap, so 64 MiB of
 * `[{},{},…]` (65 KB gzipped) parsed into 22 million objects, 1.5 GB, enough to end a process with
 * a 1 GiB heap (helper-111). With one per 16 bytes, parsed JSON takes at most about 5× the byte
 * limit, as ordinary JSON (strings, numbers) does; real answers hold far fewer (an object per 100
 * bytes or more; GeoJSON's `[1.5,2.5]` pairs, one per 10 bytes, past 40 MiB at the default limit).
 */
const BYTES_PER_CONTAINER = 16;

function containerLimit(limit: number): number {
  return Math.floor(limit / BYTES_PER_CONTAINER);
}

/**
 * @throws InvalidResponseError when the JSON `text` of `response` holds more arrays and objects
 * than `maxResponseSize` allows ({@link tooManyContainers}).
 */
export function assertContainers(text: string, response: Response, ctx: ReadContext): void {
  if (!tooManyContainers(text, ctx.limit)) return;
  throw ctx.fail(
    `The server answered ${response.status} with JSON of more than ${containerLimit(ctx.limit)} arrays and objects, more than maxResponseSize (${ctx.limit} bytes) allows (one per ${BYTES_PER_CONTAINER} bytes: parsed, each takes memory of its own); it was not parsed. ` +
      'Raise maxResponseSize (client or call option) if the API really sends this much.',
  );
}

/**
 * Whether `text` has more `{` and `[` than {@link containerLimit} allows: a count, before
 * `JSON.parse`, of the brackets (those inside strings too: an overcount, on bodies already large).
 * Text shorter than twice the limit cannot (each takes two characters) and is not scanned.
 */
export function tooManyContainers(text: string, limit: number): boolean {
  const max = containerLimit(limit);
  if (text.length <= max * 2) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === 0x7b || code === 0x5b) && ++count > max) return true;
  }
  return false;
}

/** Binary (`application/octet-stream`, `application/pdf`, `image/*`, …): a `Blob` of the response's content type. */
export async function readBlob(response: Response, ctx: ReadContext): Promise<Blob> {
  const bytes = await readBytes(response, ctx);
  // `as BlobPart`: TypeScript 5.7+ types the chunks as `Uint8Array<ArrayBufferLike>`; they are plain bytes.
  return new Blob([bytes as BlobPart], { type: contentType(response) ?? '' });
}

/**
 * `application/x-www-form-urlencoded`: the decoded pairs.
 * @throws InvalidResponseError for more pairs than `maxResponseSize` allows ({@link tooManyPairs}).
 */
export async function readForm(response: Response, ctx: ReadContext): Promise<URLSearchParams> {
  const text = await readText(response, ctx);
  if (tooManyPairs(text, ctx.limit))
    throw ctx.fail(
      `The server answered ${response.status} with a form of more than ${containerLimit(ctx.limit)} pairs, more than maxResponseSize (${ctx.limit} bytes) allows (one per ${BYTES_PER_CONTAINER} bytes: parsed, each takes memory of its own); it was not parsed. ` +
        'Raise maxResponseSize (client or call option) if the API really sends this much.',
    );
  return new URLSearchParams(text);
}

/**
 * Whether the form `text` holds more pairs than {@link containerLimit} allows, as JSON may hold
 * containers: the byte limit alone does not bound what parsing builds, and each pair takes some
 * 64 bytes of heap however short its text (64 MiB of `a&a&…` parsed into 32 million pairs, 2 GB).
 * A pair is a non-empty run between `&`s (the URL standard skips empty ones). Text shorter than
 * twice the limit cannot hold more (each pair but the last takes two characters) and is not scanned.
 */
export function tooManyPairs(text: string, limit: number): boolean {
  const max = containerLimit(limit);
  if (text.length <= max * 2) return false;
  let count = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 0x26) continue;
    if (i > start && ++count > max) return true;
    start = i + 1;
  }
  return false;
}

/**
 * `multipart/form-data`: the parts, files as `File`s.
 * @throws InvalidResponseError for a body that does not parse as the multipart its Content-Type names.
 */
export async function readFormData(response: Response, ctx: ReadContext): Promise<FormData> {
  const bytes = await readBytes(response, ctx);
  try {
    return await new Response(bytes as BlobPart, { headers: response.headers }).formData();
  } catch (error) {
    throw ctx.fail(
      `The server answered ${response.status} with a multipart/form-data body that does not parse (${truncate(contentType(response) ?? 'no content type')}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** No body declared: whatever comes is discarded, and the call resolves to `undefined`. */
export function readNothing(response: Response): Promise<undefined> {
  discard(response);
  return Promise.resolve(undefined);
}

/**
 * Drops a body that is not read: its stream is cancelled, which closes the connection. Not waited
 * for: a stream's `cancel()` may never settle (a mock's body, a custom fetch's), and a call must
 * not hang on it; a cancel that fails (the body locked or errored) does not matter either.
 */
export function discard(response: Response): void {
  void response.body?.cancel().catch(() => undefined);
}

/**
 * `*` / `*` or no 2xx response declared: the response's own `Content-Type` decides. JSON is
 * parsed, `text/*` is text, anything else a `Blob`; an empty body is `undefined`. A body without
 * a `Content-Type` is examined (RFC 9110 §8.3 lets a recipient): UTF-8 JSON is parsed, anything
 * else is a `Blob` of its bytes, never an error.
 */
export async function readAny(response: Response, ctx: ReadContext): Promise<unknown> {
  const type = contentType(response);
  if (type === null) {
    const bytes = await readBytes(response, ctx);
    if (bytes.length === 0) return undefined;
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      assertContainers(text, response, ctx);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Not JSON: bytes, below.
      }
    }
    return new Blob([bytes as BlobPart]);
  }
  if (!anyIsJSON(response)) {
    return isTextMediaType(type ?? '') ? readText(response, ctx) : readBlob(response, ctx);
  }
  return readJSON(response, { ...ctx, mayBeEmpty: true });
}

/**
 * Whether a media type is text, as the generator reads declared ones (model/media-types.ts):
 * `text/*`, XML (`application/xml`, `+xml`), YAML, JavaScript, GraphQL, SQL, and JSON records
 * (`application/x-ndjson`, `application/jsonl`, `application/json-seq`), read whole.
 */
function isTextMediaType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    type.endsWith('+xml') ||
    /^application\/(xml|(x-)?yaml|javascript|ecmascript|graphql|sql|json-seq|x-ndjson|ndjson|jsonl|x-jsonl|x-jsonlines|jsonlines)$/.test(
      type,
    )
  );
}

/**
 * Whether {@link readAny} reads the response as JSON: its `Content-Type` is JSON, or it has none
 * (then a body that is not JSON is a `Blob`).
 */
export function anyIsJSON(response: Response): boolean {
  const type = contentType(response);
  return type === null || isJSONMediaType(type);
}

export function isJSONMediaType(contentType: string | null | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}
