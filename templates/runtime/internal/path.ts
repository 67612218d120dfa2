/**
 * Private helper: builds request paths. Every path parameter goes through `encodePathParam`, so
 * a value can never add a segment, a query or a fragment to the path.
 */
import { SDKError } from '../errors.ts';

/**
 * Tagged template for request paths: `` path`/plans/${id}` ``. Each interpolated value is
 * percent-encoded as one path segment (`a/b?c#d` → `a%2Fb%3Fc%23d`).
 *
 * @throws SDKError when a value is empty, `.` or `..` (fetch would resolve those against the
 *   path, even percent-encoded), or not a string, number or bigint.
 */
export function path(statics: TemplateStringsArray, ...values: unknown[]): string {
  let result = statics[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    result +=
      encodePathParam(values[i], () => describeTemplate(statics, i)) + (statics[i + 1] ?? '');
  }
  return result;
}

/** Percent-encodes one path parameter value; see `path`. */
export function encodePathParam(value: unknown, where: () => string = () => 'a path'): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
    throw new SDKError(
      `Path parameter in ${where()} must be a string or a number, got ${value === null ? 'null' : typeof value}.`,
    );
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new SDKError(
      `Path parameter in ${where()} cannot be ${text === '' ? 'empty' : `"${text}"`}: it would change the request path.`,
    );
  }
  try {
    return encodeURIComponent(text);
  } catch {
    throw new SDKError(
      `Path parameter in ${where()} is not well-formed Unicode (it contains a lone surrogate).`,
    );
  }
}

/** `/projects/{}/plans/{}` with the failing placeholder marked: `/projects/{}/plans/{here}`. */
function describeTemplate(statics: TemplateStringsArray, failing: number): string {
  let text = statics[0] ?? '';
  for (let i = 1; i < statics.length; i++)
    text += `${i - 1 === failing ? '{here}' : '{}'}${statics[i] ?? ''}`;
  return text;
}
