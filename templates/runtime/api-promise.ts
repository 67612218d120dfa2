/**
 * Public: what a (non-list) resource method returns. `await` it for the parsed data, or call
 * `withResponse()` for the data next to the raw `Response`, the request id and the idempotency key
 * the call used.
 *
 * ```ts
 * const plan = await client.plans.retrieve('pln_1');
 * const { data, response, requestID, idempotencyKey } = await client.plans.archive('pln_1').withResponse();
 * ```
 */

/** The outcome of one call: its data and how it arrived. */
export interface APIResult<T> {
  /** The parsed body (`undefined` for 204). */
  data: T;
  /** The last response (after any retries). Its body has been read into `data`. */
  response: Response;
  /** The server's request id (`x-request-id` or `request-id` header), if it sent one. */
  requestID: string | undefined;
  /** The `Idempotency-Key` the call sent (the same on every retry), if it sent one. */
  idempotencyKey: string | undefined;
}

/** What the client hands to an `APIPromise`: the result without the request id, which is read when asked for. */
export type Outcome<T> = Omit<APIResult<T>, 'requestID'>;

/**
 * A promise of the parsed data that can also give the whole `APIResult`. The request is sent at
 * once, whether or not anything awaits it. A failure waits for whoever awaits the call (`await`,
 * `then`, `withResponse()`) and is no unhandled rejection before that: `const a = client.x();
 * const b = client.y(); await a; await b;` does not crash Node when `b` fails while `a` is
 * awaited. A call that is never awaited therefore fails silently.
 */
export class APIPromise<T> implements Promise<T> {
  readonly #outcome: Promise<Outcome<T>>;
  #data: Promise<T> | undefined;
  #result: Promise<APIResult<T>> | undefined;

  constructor(outcome: Promise<Outcome<T>>) {
    this.#outcome = outcome;
    // Handled here so that it is never an unhandled rejection; each `then` rejects in its turn.
    outcome.catch(() => undefined);
  }

  /** The data together with the raw `Response`, the request id and the idempotency key. */
  withResponse(): Promise<APIResult<T>> {
    this.#result ??= this.#outcome.then((outcome) => {
      const { headers } = outcome.response;
      return {
        ...outcome,
        requestID: headers.get('x-request-id') ?? headers.get('request-id') ?? undefined,
      };
    });
    return this.#result;
  }

  then<Result1 = T, Result2 = never>(
    onfulfilled?: ((value: T) => Result1 | PromiseLike<Result1>) | null,
    onrejected?: ((reason: unknown) => Result2 | PromiseLike<Result2>) | null,
  ): Promise<Result1 | Result2> {
    this.#data ??= this.#outcome.then((outcome) => outcome.data);
    return this.#data.then(onfulfilled, onrejected);
  }

  catch<Result = never>(
    onrejected?: ((reason: unknown) => Result | PromiseLike<Result>) | null,
  ): Promise<T | Result> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
