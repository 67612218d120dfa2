/**
 * Private helper: how deep parsed JSON nests, without recursion. What the client keeps of a
 * server's body on an error must be safe to walk recursively (`JSON.stringify(error)`, a logger).
 */

/**
 * Levels of arrays and objects an error body may nest to be kept as parsed JSON. A deeper one (a
 * hostile server's, never an API's error) is kept as text, like a body that is not JSON: `body`
 * stays `undefined` and the message quotes its start, so nothing that walks the error recursively
 * (`JSON.stringify(error)`, a logger) exhausts the call stack.
 */
export const MAX_ERROR_BODY_DEPTH = 1000;

/** Whether parsed JSON nests arrays and objects deeper than `limit` levels. Iterative: any depth is safe. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, level] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (level > limit) return true;
    for (const child of Object.values(item)) pending.push([child, level + 1]);
  }
  return false;
}
