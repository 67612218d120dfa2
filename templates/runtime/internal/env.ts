/** Private helper: reads environment variables where there are any (Node, Bun, Deno's `process`). */

/** The variable's value, trimmed; `undefined` when unset, empty, or when there is no `process`. */
export function readEnv(name: string): string | undefined {
  let value: string | undefined;
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
      ?.env;
    value = env?.[name]?.trim();
  } catch {
    // Deno without --allow-env throws (NotCapable) on reading one: as if it were unset, so options
    // given in code still make a client.
    return undefined;
  }
  return value === undefined || value === '' ? undefined : value;
}
