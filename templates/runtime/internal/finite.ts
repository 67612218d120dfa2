/**
 * Private helper: `NaN`, `Infinity` and `-Infinity` refused before a request is sent. JSON has no
 * such numbers (RFC 8259 §6): `JSON.stringify` writes them as `null`, so a body said what the
 * caller did not mean; in a path, query or header they went as the text `NaN` or `Infinity`, which
 * no server reads as a number. Each refusal is an `SDKError` naming the parameter, and inside a
 * value (a body, an object or JSON parameter) the place as a JSON pointer (RFC 6901).
 */
import { SDKError } from '../errors.ts';

/** The first number in `value` that is not finite, and where (`''` for the value itself). */
export function nonFinite(value: unknown): { pointer: string; value: number } | undefined {
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, pointer] = stack.pop()!;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return { pointer, value: item };
      continue;
    }
    if (!isWalked(item) || seen.has(item)) continue;
    seen.add(item);
    // Pushed in reverse, so the first one in document order is found first.
    const members = Object.entries(item).reverse();
    for (const [key, member] of members) stack.push([member, `${pointer}/${escapeToken(key)}`]);
  }
  return undefined;
}

/**
 * Throws an `SDKError` when `value` holds a number that is not finite. `what` names it:
 * `Query parameter "limit"`, `The request body`.
 */
export function assertFinite(value: unknown, what: string): void {
  const found = nonFinite(value);
  if (found === undefined) return;
  throw new SDKError(
    `${what} ${nonFiniteProblem(found.value, found.pointer)}. Pass a finite number${found.pointer === '' ? ', or leave it out' : ''}.`,
  );
}

/**
 * What is wrong with a value that is or holds a number that is not finite, after its name: "is
 * NaN, which …", or inside it "holds NaN at /amount, which …". One wording for every refusal.
 */
export function nonFiniteProblem(value: number, pointer = ''): string {
  const where = pointer === '' ? `is ${String(value)}` : `holds ${String(value)} at ${pointer}`;
  return `${where}, which no request can carry: JSON has no NaN or Infinity (RFC 8259 §6), and as text no server reads it as a number; nothing was sent`;
}

/** Arrays and objects that JSON or a parameter's serialisation reads member by member. */
function isWalked(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return false;
  return !(
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof ReadableStream ||
    value instanceof FormData ||
    value instanceof URLSearchParams
  );
}

/** A JSON pointer token: `~` as `~0`, `/` as `~1`. */
function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
