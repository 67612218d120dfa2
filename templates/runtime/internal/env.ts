/** Private helper: reads environment variables where there are any (Node, Bun, Deno's `process`). */

/** The variable's value, trimmed; `undefined` when unset, empty, or when there is no `process`. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const value = env?.[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}
