/** Public: the options every client method takes as its last argument. */

/** A header value; `null` removes a header set by the client, `undefined` leaves it alone. */
export type HeaderValue = string | number | boolean | null | undefined;

/** Headers as a plain object, a `Headers` instance or a list of name/value pairs. */
export type HeadersInput = Headers | Readonly<Record<string, HeaderValue>> | readonly (readonly [string, string])[];

/** Per-call options: the last, optional argument of every client method. */
export interface RequestOptions {
  /** Extra headers for this call; they win over the client's default headers (`null` removes one). */
  headers?: HeadersInput;
  /** Aborts the call; the promise then rejects with `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Milliseconds before the call is abandoned with `APIConnectionTimeoutError`; overrides the client's `timeout`. */
  timeout?: number;
  /**
   * How often a failed call may be retried; overrides the client's `maxRetries`. Reserved: the
   * client sends every request exactly once today (see `ClientCore.send`, where retries will go).
   */
  maxRetries?: number;
  /**
   * The idempotency key, sent as the operation's idempotency header (`Idempotency-Key`) on
   * operations that declare one and ignored on the others. A repeat with the same key returns the
   * first result instead of acting twice.
   */
  idempotencyKey?: string;
}
