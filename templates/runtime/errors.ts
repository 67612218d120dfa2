/**
 * Errors the client throws. Public: users catch these.
 *
 * ```
 * SDKError                          everything the client throws on purpose
 * ├─ APIError                       the server answered with a status outside 2xx
 * │  ├─ BadRequestError             400
 * │  ├─ AuthenticationError         401
 * │  ├─ PermissionDeniedError       403
 * │  ├─ NotFoundError               404
 * │  ├─ ConflictError               409
 * │  ├─ UnprocessableEntityError    422
 * │  ├─ RateLimitError              429
 * │  └─ InternalServerError         5xx (500-599; a status outside 100-599 is an `APIError`)
 * ├─ APIConnectionError             no HTTP answer (refused, reset, DNS, …)
 * │  └─ APIConnectionTimeoutError   no answer within `timeout`
 * ├─ APIUserAbortError              the caller's `signal` aborted
 * └─ InvalidResponseError           an answer the client cannot use: not the JSON the operation
 *    │                              declares, empty where a body is declared, larger than
 *    │                              `maxResponseSize`, a list whose cursors loop, an answer
 *    │                              that is not valid HTTP (`status` 0 when it has none), a
 *    │                              body that does not decode under its Content-Encoding
 *    └─ ResponseValidationError     a 2xx body that fails its guard (`responseValidation: 'throw'`)
 * ```
 *
 * An `APIError`'s `body` is typed from the spec: `ErrorBody` is the union of the schemas of its
 * error responses (error-body.ts, written by the generator). Nothing here reads a field of it by
 * name except to word the message (`message`, `error`, RFC 9457's `detail` and `title`).
 *
 * No error ever holds the request's headers, and the client redacts the token from everything
 * the server sends back, so the token cannot leak through a message, `toString()`, a log line,
 * `JSON.stringify(error)` or `util.inspect(error)` (its `cause` included).
 */
import type { ErrorBody } from './error-body.ts';
import { MAX_ERROR_BODY_DEPTH, nestedDeeperThan } from './internal/depth.ts';
import type { GuardIssue } from './validation.ts';

/** Base class of every error the client throws on purpose. */
export class SDKError extends Error {
  override name = 'SDKError';
  /** The `Idempotency-Key` the failed call sent (the same on every retry), if it sent one. */
  declare idempotencyKey: string | undefined;
}

/**
 * Header values of a response, as a plain object with lower-case names; several `Set-Cookie`
 * headers one per line (`headers['set-cookie'].split('\n')`).
 */
export type ResponseHeaders = Record<string, string>;

/** The server's request id: the `x-request-id` or `request-id` response header. */
export function requestIdOf(headers: ResponseHeaders): string | undefined {
  return headers['x-request-id'] ?? headers['request-id'];
}

/**
 * The server answered with a status outside 2xx. `Body` is the type of its JSON body: by default
 * the spec's error responses (`ErrorBody`).
 */
/** What a 304 says, which has no body to say it (RFC 9110 §15.4.5). */
const NOT_MODIFIED =
  'the resource has not changed since the version the request named (If-None-Match or If-Modified-Since); the copy you hold is current, and a 304 has no body';

export class APIError<Body = ErrorBody> extends SDKError {
  override name = 'APIError';
  /** HTTP status code, e.g. `404`. */
  readonly status: number;
  /**
   * The parsed JSON body, typed as the spec declares the operation's error responses (it is not
   * checked against them). `undefined` when the body was empty or not JSON (a proxy's HTML page:
   * its start is in `message`).
   */
  readonly body: Body | undefined;
  /** The response headers. */
  readonly headers: ResponseHeaders;
  /** The server's request id, if it sent one; quote it when you ask for support. */
  readonly requestID: string | undefined;

  /** `body`: the parsed JSON body, or the text of a body that is not JSON (for the message only). */
  constructor(status: number, body: unknown, headers: ResponseHeaders, message?: string) {
    super(message ?? APIError.describe(status, body));
    this.status = status;
    this.body = typeof body === 'string' ? undefined : (body as Body | undefined);
    this.headers = headers;
    this.requestID = requestIdOf(headers);
  }

  /** Builds the subclass that fits `status` (`NotFoundError` for 404, …), or `APIError` itself. */
  static generate(
    status: number,
    body: unknown,
    headers: ResponseHeaders,
    message?: string,
  ): APIError {
    const ErrorClass = errorClassFor(status);
    return new ErrorClass(status, body, headers, message);
  }

  /**
   * `404 Not Found (GET /plans/pln_1): <what the body says>`, with the reason phrase the server
   * sent (HTTP/2 sends none: `404 (GET /plans/pln_1): …` then) and the request it answered, its
   * method and path (never its query, which may carry a credential), when given; each cut to 500
   * characters.
   */
  static describe(status: number, body: unknown, statusText = '', request?: string): string {
    const head =
      (statusText === '' ? `${status}` : `${status} ${truncate(statusText)}`) +
      (status < 100 || status > 599 ? ' (not an HTTP status: RFC 9110 §15 defines 100-599)' : '') +
      (request === undefined ? '' : ` (${truncate(request)})`);
    const detail = bodyMessage(body) ?? (status === 304 ? NOT_MODIFIED : undefined);
    return detail === undefined ? head : `${head}: ${detail}`;
  }

  toJSON(): Record<string, unknown> {
    const { name, message, status, body, headers, requestID, idempotencyKey } = this;
    return { name, message, status, body, headers, requestID, idempotencyKey };
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** The request never got an HTTP answer (DNS, refused connection, reset, …); `cause` says why. */
export class APIConnectionError extends SDKError {
  override name = 'APIConnectionError';
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * An attempt took longer than its `timeout` (and no retry was left), or an event stream sent
 * nothing for that long (`message` says which).
 */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(timeoutMs: number, message = `Request timed out after ${timeoutMs} ms.`) {
    super(message);
  }
}

/**
 * The caller aborted the request through its `signal`; nothing is retried after that. The
 * signal's `reason` is the `cause`, and the message says it when it is not a plain abort: a
 * caller's deadline (`AbortSignal.timeout(ms)`, a `TimeoutError`) reads as such, apart from the
 * client's own `timeout` option (`APIConnectionTimeoutError`, retried).
 */
export class APIUserAbortError extends SDKError {
  override name = 'APIUserAbortError';
  constructor(reason?: unknown) {
    super(abortMessage(reason), reason === undefined ? undefined : { cause: reason });
  }
}

function abortMessage(reason: unknown): string {
  const name = reason instanceof Error ? reason.name : undefined;
  if (name === 'TimeoutError')
    return "Request was aborted: the caller's signal timed out (AbortSignal.timeout), before the client's own timeout.";
  if (reason === undefined || name === 'AbortError') return 'Request was aborted.';
  const text = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : '';
  return text === '' ? 'Request was aborted.' : `Request was aborted: ${text}`;
}

/**
 * The server answered with something the client cannot use: HTML (or nothing) where the operation
 * declares JSON, a body larger than `maxResponseSize`, a list whose cursors would loop forever, an
 * answer that is not valid HTTP (a status line fetch cannot parse, a broken chunk, an unasked-for
 * `100 Continue`), a body that does not decode under its `Content-Encoding`. Never retried.
 */
export class InvalidResponseError extends SDKError {
  override name = 'InvalidResponseError';
  /** HTTP status code of the response; 0 when the answer was not valid HTTP and had none. */
  readonly status: number;
  /** The server's request id, if it sent one. */
  readonly requestID: string | undefined;
  /**
   * The response headers (the token redacted; `{}` when the answer was not valid HTTP): who
   * answered (`server`, `via`, a proxy's request id) when it was not the API.
   */
  readonly headers: ResponseHeaders;
  /** The body as received (the token redacted): the text, or the parsed JSON for a `ResponseValidationError`. */
  readonly body: unknown;

  constructor(message: string, status: number, headers: ResponseHeaders, body: unknown) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.requestID = requestIdOf(headers);
    this.body = body;
  }

  /**
   * What `JSON.stringify(error)` writes (a logger's): a body nested deeper than
   * `MAX_ERROR_BODY_DEPTH` levels (a hostile 2xx a `ResponseValidationError` holds) is written as
   * a note instead, so that nothing that walks the error recursively exhausts the call stack; the
   * `body` property keeps it whole.
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) json[key] = value;
    if (nestedDeeperThan(this.body, MAX_ERROR_BODY_DEPTH))
      json['body'] =
        `(a body nested deeper than ${MAX_ERROR_BODY_DEPTH} levels, left out here; the error's \`body\` holds it)`;
    return json;
  }
}

/** A 2xx body does not match the schema the spec gives for it (`responseValidation: 'throw'`). */
export class ResponseValidationError extends InvalidResponseError {
  override name = 'ResponseValidationError';
  /** The schema the body was checked against, e.g. `Plan`. */
  readonly schema: string;
  /** Every problem the guard found, each with a JSON pointer `path`. */
  readonly issues: readonly GuardIssue[];

  constructor(
    where: string,
    schema: string,
    issues: readonly GuardIssue[],
    status: number,
    headers: ResponseHeaders,
    body: unknown,
  ) {
    super(
      `The response of ${where} does not match ${schema}: ${describeIssues(issues)}`,
      status,
      headers,
      body,
    );
    this.schema = schema;
    this.issues = issues;
  }
}

type APIErrorClass = new (
  status: number,
  body: unknown,
  headers: ResponseHeaders,
  message?: string,
) => APIError;

const ERROR_CLASSES: Readonly<Record<number, APIErrorClass>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function errorClassFor(status: number): APIErrorClass {
  return ERROR_CLASSES[status] ?? (status >= 500 && status <= 599 ? InternalServerError : APIError);
}

const MAX_DETAIL = 500;

/** What the body says: its `message`, `error` (`error.message`), or RFC 9457's `detail` or `title`; else the body. */
function bodyMessage(body: unknown): string | undefined {
  // A text body's surrounding blank lines (an event stream's `\n\n`) say nothing in a message.
  if (typeof body === 'string') {
    const text = body.trim();
    return text.length > 0 ? truncate(text) : undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const nested = record['error'];
  const said = [
    record['message'],
    typeof nested === 'object' && nested !== null
      ? (nested as Record<string, unknown>)['message']
      : nested,
    record['detail'],
    record['title'],
  ].find((value): value is string => typeof value === 'string');
  return truncate(said ?? JSON.stringify(body));
}

/**
 * Characters a message never shows as they are, since a message is printed and logged: C0
 * controls but tab, DEL, C1 controls, the bidirectional controls and the line and paragraph
 * separators (a server's `ESC]0;…BEL` retitles a terminal, a CR/LF forges a log line, U+202E
 * reverses what follows: CWE-117, CWE-150), and a lone surrogate (which `encodeURIComponent`
 * refuses).
 */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is its job
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text from a server or a caller as a message shows it: every {@link UNPRINTABLE} character written
 * as an escape (`\n`, `\r`, `\u001b`), then at most 500 characters, cut neither inside an escape
 * nor inside a character of two UTF-16 units.
 */
export function truncate(value: string): string {
  // Escapes only lengthen: what follows the first 501 characters is cut anyway.
  const text = value
    .slice(0, MAX_DETAIL + 1)
    .replace(UNPRINTABLE, (c) =>
      c === '\n'
        ? '\\n'
        : c === '\r'
          ? '\\r'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  if (text.length <= MAX_DETAIL) return text;
  let end = MAX_DETAIL;
  // An escape is at most 6 characters (`\u001b`): one that starts close before the end is left out.
  const escape = text.lastIndexOf('\\', end - 1);
  if (escape !== -1 && escape > end - 6) end = escape;
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** How many issues a message lists before it only gives the count. */
const ISSUES_IN_MESSAGE = 3;

/**
 * `/price/amount: expected integer >= 0, found -5; … (4 issues)`. The path and what was found
 * come from the response (its keys, its strings), so they are shown as {@link truncate} shows a
 * server's text: a key `\r\n… INFO …` would forge a log line.
 */
export function describeIssues(issues: readonly GuardIssue[]): string {
  const listed = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map(
      (issue) =>
        `${issue.path === '' ? '(root)' : truncate(issue.path)}: expected ${issue.expected}, found ${truncate(issue.found)}`,
    )
    .join('; ');
  return issues.length > ISSUES_IN_MESSAGE ? `${listed}; … (${issues.length} issues)` : listed;
}
