/**
 * Private helper: when a failed attempt is retried, and after how long.
 *
 * - Retried: connection errors and timeouts, and the statuses 408, 409, 429 and 5xx (500-599: a
 *   status above 599 is no HTTP status, RFC 9110 §15, and is not retried), but for 501 Not
 *   Implemented and 505 HTTP Version Not Supported, which say the request can never succeed as
 *   sent (RFC 9110 §15.6.2, §15.6.6).
 * - Only methods that are safe to repeat: the idempotent ones (RFC 9110 §9.2.2: GET, HEAD,
 *   OPTIONS, TRACE, PUT, DELETE) always; POST and PATCH, which are not (RFC 5789 §2), only when
 *   they carry an idempotency key (the server then answers a repeat with the first result instead
 *   of acting twice).
 * - The wait: the server's `retry-after-ms` or `Retry-After` (seconds or an HTTP date) when it
 *   sends one; a wait longer than `maxRetryAfter` ends the retries (the call fails at once rather
 *   than retrying before the server said it would be ready), and so does one too long to be a
 *   number (hundreds of digits), whatever the cap. Otherwise exponential backoff with full
 *   jitter: a random wait between 0 and `min(maxDelay, initialDelay × 2^retry)`. Both headers
 *   are decimal numbers (`1.5`); anything else (`5abc`, `1e3`, `-5`) is ignored, as if not sent.
 * - A wait longer than a timer holds (2^31 - 1 ms, about 24.8 days) is waited for in steps, not
 *   cut short: `setTimeout` fires at once for a longer one.
 */
import { APIUserAbortError } from '../errors.ts';

/** Milliseconds; see the module comment. */
export interface Backoff {
  initialDelay: number;
  maxDelay: number;
  maxRetryAfter: number;
}

export function isRetryableStatus(status: number): boolean {
  return (
    status === 408 ||
    status === 409 ||
    status === 429 ||
    (status >= 500 && status <= 599 && status !== 501 && status !== 505)
  );
}

export function isRetryableMethod(method: string, hasIdempotencyKey: boolean): boolean {
  return (method !== 'post' && method !== 'patch') || hasIdempotencyKey;
}

/**
 * How long to wait before retry number `retry` (0 for the first retry), or `undefined` when the
 * server asks for a longer wait than `backoff.maxRetryAfter`.
 */
export function retryDelay(
  retry: number,
  headers: Headers | undefined,
  backoff: Backoff,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  const asked = headers === undefined ? undefined : retryAfter(headers, now);
  if (asked !== undefined)
    return Number.isFinite(asked) && asked <= backoff.maxRetryAfter ? asked : undefined;
  return random() * Math.min(backoff.maxDelay, backoff.initialDelay * 2 ** retry);
}

/** The wait a response asks for, in milliseconds (never negative), or `undefined` when it asks for none. */
export function retryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim() ?? '';
  if (DECIMAL.test(ms)) return Number(ms);
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (DECIMAL.test(value)) return Number(value) * 1000;
  // An HTTP date names its month (`Wed, 21 Oct 2015 07:28:00 GMT`); Date.parse alone takes `-3` too.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A number of the header grammar: digits, with an optional fraction. */
const DECIMAL = /^\d+(\.\d+)?$/;

/** The longest delay `setTimeout` holds; it fires at once for a longer one. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * `work`, or a rejection with `signal`'s reason as soon as `signal` aborts, whether or not `work`
 * settles then. An attempt's fetch and body reads are given its signal, but a custom `fetch` or a
 * mock may ignore it (a body that stalls, a `cancel()` that never settles): the attempt's timeout
 * and the caller's signal end the call all the same.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    // The signals given here are aborted without a reason: the reason is an `AbortError`.
    const onAbort = (): void => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Resolves after `ms` (in steps of at most {@link MAX_TIMER_MS}); rejects with
 * `APIUserAbortError` as soon as `signal` aborts.
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError(signal.reason));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError(signal?.reason));
    };
    const wait = (left: number): void => {
      timer = setTimeout(
        () => {
          if (left > MAX_TIMER_MS) return wait(left - MAX_TIMER_MS);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.min(left, MAX_TIMER_MS),
      );
    };
    wait(ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
