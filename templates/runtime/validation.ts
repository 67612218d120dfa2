/**
 * Public: response validation. A resource method names the schema its success response should
 * match; the client checks the parsed body with that schema's guard when `responseValidation` is
 * `'warn'` or `'throw'`.
 *
 * The guards are not imported by the client: they are handed to it (`responseGuards`, generated
 * next to the client from the package's `validateX` guards). So a bundle that never validates
 * never carries a guard, and one that does carries them only because it imported them.
 */

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

/** Guards by schema name, e.g. `{ Plan: validatePlan, PlanList: validatePlanList }`. */
export type ResponseGuards = Readonly<Record<string, ResponseGuard>>;

export const RESPONSE_VALIDATION_MODES: readonly ResponseValidation[] = ['off', 'warn', 'throw'];

/** How many issues a message lists before it only gives the count. */
const ISSUES_IN_MESSAGE = 3;

/** `/price/amount: expected integer >= 0, found -5; … (4 issues)`. */
export function describeIssues(issues: readonly GuardIssue[]): string {
  const listed = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map(
      (issue) =>
        `${issue.path === '' ? '(root)' : issue.path}: expected ${issue.expected}, found ${issue.found}`,
    )
    .join('; ');
  return issues.length > ISSUES_IN_MESSAGE ? `${listed}; … (${issues.length} issues)` : listed;
}
