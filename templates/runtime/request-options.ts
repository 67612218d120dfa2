/** Public: the options every client method takes as its last argument. */

/** A header value; `null` removes a header set by the client, `undefined` leaves it alone. */
export type HeaderValue = string | number | boolean | null | undefined;

/** Headers as a plain object, a `Headers` instance or a list of name/value pairs. */
export type HeadersInput =
  Headers | Readonly<Record<string, HeaderValue>> | readonly (readonly [string, string])[];

/** Per-call options: the last, optional argument of every client method. Each overrides the client's setting for this call. */
export interface RequestOptions {
  /**
   * Extra headers for this call; they win over the client's default headers (`null` removes one).
   * A `Cookie` joins the client's cookies (its default ones, a cookie credential) instead: one
   * header holds them all (RFC 6265 §5.4).
   */
  headers?: HeadersInput | undefined;
  /** Aborts the call, retries and waits between them included; the call then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Milliseconds each attempt may take before it fails with `APIConnectionTimeoutError` (and may be retried). */
  timeout?: number | undefined;
  /** How often this call may be retried (0: never). */
  maxRetries?: number | undefined;
  /**
   * The idempotency key, sent in the operation's idempotency header (`Idempotency-Key`) on
   * operations that declare one and ignored on the others. Without it, the client generates one
   * unless `autoIdempotencyKeys` is off. A repeat with the same key returns the first result
   * instead of acting twice.
   */
  idempotencyKey?: string | undefined;
  /** Bytes the response body may have, decompressed (see `ClientOptions.maxResponseSize`). */
  maxResponseSize?: number | undefined;
}
