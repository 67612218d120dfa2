/**
 * Answers that carry no body whatever the spec declares: a 204 (RFC 9110 §15.3.5), a 205
 * (§15.3.6), a 304 (§15.4.5) and every answer to HEAD (§9.3.2). The client reads none of them
 * (templates/runtime/core.ts, openapi-fetch), so the model gives them no body
 * (build-bodies.ts, with a warning where content is declared) and the path types give them no
 * content (emit/openapi-types-bodies.ts): one rule for both, here.
 */
import type { HttpMethod } from './types.ts';

const BODYLESS_STATUSES: Readonly<Record<string, string>> = {
  '204': 'RFC 9110 §15.3.5',
  '205': 'RFC 9110 §15.3.6',
  '304': 'RFC 9110 §15.4.5',
};

/**
 * Why an answer with this status (a Responses Object key as the model reads it: `204`, `2XX`,
 * `default`) to this method has no body, as a phrase naming the rule; undefined when it may have
 * one.
 */
export function bodylessBecause(status: string, method: HttpMethod): string | undefined {
  if (method === 'head') return 'an answer to HEAD has no body (RFC 9110 §9.3.2)';
  const rule = BODYLESS_STATUSES[status];
  return rule === undefined ? undefined : `a ${status} response has no body (${rule})`;
}
