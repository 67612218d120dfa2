/**
 * Public: response validation. A resource method names the guard of its JSON success body (the
 * schema's, `Plan`, or the operation's own, `AnimalListResponse`); the client checks the parsed body with that schema's guard when `responseValidation` is
 * `'warn'` or `'throw'`.
 *
 * Neither the guards nor the code that applies them are imported by the client: they come with
 * the `ResponseGuards` it is handed (`responseGuards`, generated next to the client from the
 * package's `validateX` guards). So a bundle that never validates carries neither, and one that
 * does carries them because it imported them.
 */
import {
  describeIssues,
  requestIdOf,
  ResponseValidationError,
  type ResponseHeaders,
} from './errors.ts';

/**
 * - `'off'` (the default): responses are trusted as typed; no guard runs.
 * - `'warn'`: a response that fails its guard is logged (at `warn`) and returned as it is.
 * - `'throw'`: a response that fails its guard rejects the call with `ResponseValidationError`.
 */
export type ResponseValidation = 'off' | 'warn' | 'throw';

/** One problem a guard found: where (a JSON pointer), what the schema wants, what is there. */
export interface GuardIssue {
  path: string;
  expected: string;
  found: string;
}

/** What a `validateX` guard returns. */
export type GuardResult = { ok: true } | { ok: false; issues: readonly GuardIssue[] };

export type ResponseGuard = (value: unknown) => GuardResult;

/** One response to check, as the client hands it over. */
export interface ResponseCheck {
  /** The guard the body should pass, e.g. `Plan` or `AnimalListResponse`. */
  schema: string;
  mode: 'warn' | 'throw';
  /** `GET /plans/pln_1`, for the message. */
  where: string;
  status: number;
  /** The response headers, the token already redacted. */
  headers: ResponseHeaders;
  /** The client's redaction of the token, applied to the issues and the body. */
  redact(value: unknown): unknown;
  /** The client's logger at `warn`. */
  warn(message: string): void;
}

/**
 * `guard(data)`, or, when the call stack runs out first (a value nested thousands deep through a
 * recursive schema whose guard frames are large, before the guards' own depth limit), a failure
 * saying so: a RangeError would otherwise escape the call as an untyped error. The guards keep
 * their own state right as the error passes (each recursive guard leaves in a `finally`).
 */
function checked(guard: ResponseGuard | undefined, data: unknown): GuardResult | undefined {
  try {
    return guard?.(data);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      ok: false,
      issues: [
        {
          path: '',
          expected: 'a value nested shallowly enough to check',
          found: 'a value nested deeper than the call stack can follow',
        },
      ],
    };
  }
}

/**
 * The guards response validation uses, by name (`{ Plan: validatePlan, … }`), and the code
 * that applies them. The package exports one for its schemas (`responseGuards`).
 */
export class ResponseGuards {
  readonly #guards: Readonly<Record<string, ResponseGuard>>;

  constructor(guards: Readonly<Record<string, ResponseGuard>>) {
    this.#guards = guards;
  }

  /**
   * Checks `data` against the guard of `check.schema` (nothing happens for a schema without one):
   * on failure logs the issues (`'warn'`) or throws.
   * @throws ResponseValidationError with `mode: 'throw'`, listing every issue, the token redacted.
   */
  check(data: unknown, check: ResponseCheck): void {
    const guard = Object.hasOwn(this.#guards, check.schema)
      ? this.#guards[check.schema]
      : undefined;
    const result = checked(guard, data);
    if (result === undefined || result.ok) return;
    const issues = check.redact(result.issues) as GuardIssue[];
    if (check.mode === 'warn') {
      const id = requestIdOf(check.headers);
      check.warn(
        `The response of ${check.where} does not match ${check.schema}${id === undefined ? '' : ` (request ${id})`}: ${describeIssues(issues)}`,
      );
      return;
    }
    throw new ResponseValidationError(
      check.where,
      check.schema,
      issues,
      check.status,
      check.headers,
      check.redact(data),
    );
  }
}
