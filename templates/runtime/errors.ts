/**
 * Errors the client throws. Public: users catch these.
 *
 * `SDKError` is the base of everything the client throws on purpose; `APIError` means the server
 * answered with a non-2xx status, and `APIError.generate` picks the subclass for that status.
 * No error ever holds the request's headers, so the token cannot leak through a message, a log
 * line or `JSON.stringify(error)`.
 */

/** Base class of every error the client throws on purpose. */
export class SDKError extends Error {
  override name = 'SDKError';
}

/** Header values of a response, as a plain object with lower-case names. */
export type ResponseHeaders = Record<string, string>;

/** The server answered with a status outside 2xx. */
export class APIError extends SDKError {
  override name = 'APIError';
  /** HTTP status code, e.g. `404`. */
  readonly status: number;
  /** The response body: parsed JSON when the server sent JSON, otherwise the text (or `undefined` when empty). */
  readonly body: unknown;
  /** The response headers. */
  readonly headers: ResponseHeaders;

  constructor(status: number, body: unknown, headers: ResponseHeaders, message?: string) {
    super(message ?? APIError.describe(status, body));
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  /** Builds the subclass that fits `status` (`NotFoundError` for 404, …), or `APIError` itself. */
  static generate(status: number, body: unknown, headers: ResponseHeaders, message?: string): APIError {
    const ErrorClass = errorClassFor(status);
    return new ErrorClass(status, body, headers, message);
  }

  /** `404 Not Found: <message from the body>`; the body's own `message` when it has one. */
  static describe(status: number, body: unknown): string {
    const head = `${status}${STATUS_TEXT[status] === undefined ? '' : ` ${STATUS_TEXT[status]}`}`;
    const detail = bodyMessage(body);
    return detail === undefined ? head : `${head}: ${detail}`;
  }

  toJSON(): { name: string; message: string; status: number; body: unknown; headers: ResponseHeaders } {
    return { name: this.name, message: this.message, status: this.status, body: this.body, headers: this.headers };
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

/** The request took longer than its `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(timeoutMs: number) {
    super(`Request timed out after ${timeoutMs} ms.`);
  }
}

/** The caller aborted the request through its `signal`. */
export class APIUserAbortError extends SDKError {
  override name = 'APIUserAbortError';
  constructor() {
    super('Request was aborted.');
  }
}

type APIErrorClass = new (status: number, body: unknown, headers: ResponseHeaders, message?: string) => APIError;

function errorClassFor(status: number): APIErrorClass {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const MAX_DETAIL = 500;

function bodyMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.length > 0 ? truncate(body) : undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record['message'] === 'string') return truncate(record['message']);
  const nested = record['error'];
  if (typeof nested === 'object' && nested !== null) {
    const message = (nested as Record<string, unknown>)['message'];
    if (typeof message === 'string') return truncate(message);
  }
  return truncate(JSON.stringify(body));
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}
