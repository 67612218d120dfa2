/**
 * Private helper: tells a fetch failure that is the server's fault (an answer that is not HTTP as
 * RFC 9112 writes it) from one of the connection (refused, reset, DNS, TLS).
 *
 * fetch rejects both with `TypeError: fetch failed` (a body read with `TypeError: terminated`);
 * only the `cause` differs. undici's parser throws an `HTTPParserError` (code `HPE_…`) for a
 * status line, header or chunk it cannot read, trips an internal assertion (`AssertionError`,
 * code `ERR_ASSERTION`, message `false == true`) on a status under 100, and closes the socket
 * with `bad upgrade` on a 101 nobody asked for. Neither message means
 * anything to a caller, and a server that answers this way will answer so again: the core reports
 * it as an invalid response, not retried, in words.
 *
 * The same holds for a body that does not decode under its `Content-Encoding` (zlib's
 * `Z_DATA_ERROR`, brotli's `ERR__ERROR_FORMAT_…`: fetch fails the read with `TypeError:
 * terminated`, like a reset): the server compressed it wrongly and will again.
 *
 * A body that stops before the end its framing announced (fewer bytes than its `Content-Length`, a
 * chunked body without its last chunk) is the connection closed in the middle of it (undici's
 * `other side closed` once the headers are in): a server restarting, a proxy's idle timeout, a
 * load balancer draining, as passing as a reset (ECONNRESET), which it cannot be told from by the
 * caller. The core reports it as a connection error that says what happened
 * ({@link cutShortAnswer}), retried as a reset is.
 *
 * What fetch cannot tell: a compressed body whose framing is complete but whose gzip, deflate or br
 * stream stops early. fetch decodes with a sync flush at the end (as curl and browsers do), so the
 * body just ends, without an error, wherever the compressed bytes ran out. JSON then fails to
 * parse (`readJSON` says that it may have been cut short); text and bytes cannot be checked.
 *
 * And a `Content-Encoding` fetch does not decode (`zstd` in Node 20, `compress`, any other name):
 * fetch hands the body over still encoded ({@link undecodedCoding}).
 */
import { truncate } from '../errors.ts';

/**
 * What is wrong with the answer, as a sentence (`The server's answer is not valid HTTP: …`), or
 * `undefined` when `error` is not about the answer. `answered` is the response whose body failed,
 * if the headers came.
 */
export function invalidAnswer(
  error: unknown,
  answered?: Response,
  where?: string,
): string | undefined {
  const invalid = invalidHTTP(error);
  if (invalid !== undefined) return `The server's answer${to(where)} is not valid HTTP: ${invalid}`;
  if (answered === undefined) return undefined;
  const undecodable = undecodableBody(error, answered);
  if (undecodable === undefined) return undefined;
  return `The server's ${answered.status} answer${to(where)} has a body that is ${undecodable}`;
}

/**
 * `not valid gzip (Content-Encoding: gzip): incorrect header check` when `error` is the failure to
 * decode `answered`'s body under its Content-Encoding; else `undefined`. The status line and the
 * headers came whole: only the body is lost.
 */
export function undecodableBody(error: unknown, answered: Response): string | undefined {
  const coding = answered.headers.get('content-encoding');
  if (coding === null) return undefined;
  const failure = decodingFailure(error);
  if (failure === undefined) return undefined;
  const named = /deflate/i.test(coding) ? 'deflate' : /br/i.test(coding) ? 'br' : 'gzip';
  return `not valid ${named} (Content-Encoding: ${truncate(coding)}): ${failure}`;
}

/**
 * What happened, as a sentence, when `error` is the body's connection closed before the end its
 * framing announced (`answered` the response whose body it was); else `undefined`. `events`: an
 * event stream, whose events before the cut were delivered.
 */
export function cutShortAnswer(
  error: unknown,
  answered: Response | undefined,
  where?: string,
  events = false,
): string | undefined {
  if (answered === undefined || !cutShort(error)) return undefined;
  return (
    `The server closed the connection in the middle of its ${answered.status} answer${to(where)}: the body stopped before the end ` +
    `its ${answered.headers.has('content-length') ? `Content-Length (${truncate(answered.headers.get('content-length') ?? '')} bytes)` : 'chunked framing'} announced, so it is incomplete${events ? ': the events before the cut were delivered, the rest was not used' : ' and was not used'}. ` +
    'The server (or a proxy in between) cut it short.'
  );
}

/** ` to GET /plans`, or nothing when the operation is not known. */
function to(where: string | undefined): string {
  return where === undefined ? '' : ` to ${where}`;
}

/**
 * Whether `error` is the body's connection closed (not reset) before the end its framing
 * announced: undici's `other side closed` after the headers came.
 */
function cutShort(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'UND_ERR_SOCKET' && cause.message === 'other side closed') return true;
    cause = cause.cause;
  }
  return false;
}

/** The content codings every fetch decodes (the Fetch standard's, browsers', undici's). */
const DECODED = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'identity', '']);

/** The frame magic number of zstd (RFC 8878 §3.1.1), which a zstd body fetch left alone starts with. */
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/**
 * The coding of `Content-Encoding` that fetch left undecoded, by the body's first bytes `start`,
 * or `undefined`. fetch decodes gzip, deflate and br everywhere; zstd only in some runtimes
 * (browsers, newer Node): undecoded when the body still starts with zstd's magic number. Any
 * other coding (`compress`, a made-up name) no fetch decodes, and one it does not know makes
 * undici leave the whole body as it came, the codings it knows too.
 */
export function undecodedCoding(response: Response, start: Uint8Array): string | undefined {
  const header = response.headers.get('content-encoding');
  if (header === null) return undefined;
  const names = header
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim());
  for (const name of names) {
    if (DECODED.has(name)) continue;
    if (name !== 'zstd' || ZSTD_MAGIC.every((byte, i) => start[i] === byte)) return name;
  }
  // A list with a coding undici does not know, even `identity` (`gzip, identity`, which RFC 9110
  // §8.4 says not to send), leaves the gzip body as it came: it still starts with gzip's magic
  // number (RFC 1952 §2.3.1). Alone, `gzip` is always decoded (a .gz file sent so stays one).
  const gzip = names.find((name) => name === 'gzip' || name === 'x-gzip');
  if (gzip !== undefined && names.length > 1 && start[0] === 0x1f && start[1] === 0x8b) return gzip;
  return undefined;
}

/** The error message for a body {@link undecodedCoding} found still encoded. */
export function undecodedMessage(response: Response, coding: string, where?: string): string {
  return (
    `The server's ${response.status} answer${to(where)} is compressed as ${JSON.stringify(truncate(coding))} ` +
    `(Content-Encoding: ${truncate(response.headers.get('content-encoding') ?? '')}), which fetch does not decode here: it handed over the body still encoded. ` +
    'The server must use a coding the request accepts (its Accept-Encoding: gzip, deflate or br), or none.'
  );
}

/** The decompressor's words when `error` (or a cause) is a body that does not decode. */
function decodingFailure(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      code !== 'Z_BUF_ERROR' &&
      /^(Z_|ERR__ERROR_FORMAT|ERR_BROTLI)/.test(code)
    )
      return cause.message;
    cause = cause.cause;
  }
  return undefined;
}

/** Why the answer is not valid HTTP, in words, or `undefined` when `error` is not about that. */
function invalidHTTP(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    // undici's words for an interim 100 Continue to a request without `Expect: 100-continue`.
    if (code === 'UND_ERR_SOCKET' && cause.message === 'bad response')
      return 'it sent an interim 100 Continue the request did not ask for (no Expect: 100-continue), which fetch cannot read past';
    if (typeof code === 'string' && code.startsWith('HPE_'))
      return `${(/Duplicate Content-Length/i.test(cause.message) ? 'it has two Content-Length headers that differ' : PARSER_WORDS[code]) ?? 'fetch could not parse it'} (${code})`;
    // undici's own limit on the size of the headers (16 KiB by default).
    if (code === 'UND_ERR_HEADERS_OVERFLOW')
      return `its headers are larger than fetch accepts (${code})`;
    // undici's words for a 101 answer to a request that asked for no upgrade.
    if (code === 'UND_ERR_SOCKET' && cause.message === 'bad upgrade')
      return 'it switches protocols (101) although the request asked for no upgrade';
    // undici refuses more than five codings in one Content-Encoding (a decompression bomb's trick).
    if (/^too many content-encodings/.test(cause.message))
      return `its Content-Encoding lists more codings than fetch decodes (${truncate(cause.message)})`;
    if (code === 'ERR_ASSERTION' || cause.name === 'AssertionError')
      return 'fetch could not parse its status line: a status must be three digits from 100 to 599 (RFC 9110 §15)';
    cause = cause.cause;
  }
  return undefined;
}

/** The llhttp codes an answer trips most often. */
const PARSER_WORDS: Readonly<Record<string, string>> = {
  HPE_INVALID_STATUS: 'its status is not three digits from 100 to 599 (RFC 9110 §15)',
  HPE_INVALID_CONSTANT: 'it does not start with an HTTP status line (HTTP/1.1 200 OK)',
  HPE_INVALID_VERSION: 'its status line names no HTTP version fetch speaks',
  HPE_INVALID_CONTENT_LENGTH: 'its Content-Length is not a number',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'it has both Content-Length and Transfer-Encoding',
  HPE_INVALID_HEADER_TOKEN:
    'a header has a character HTTP does not allow in its name or value (RFC 9110 §5.5)',
  HPE_INVALID_CHUNK_SIZE: 'its chunked body has a chunk size that is not hexadecimal',
  HPE_INVALID_TRANSFER_ENCODING: 'its Transfer-Encoding is not one fetch can read',
  HPE_HEADER_OVERFLOW: 'its headers are larger than fetch accepts',
};
