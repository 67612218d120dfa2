/**
 * `node:util` `parseArgs`' message for a command-line mistake, with the option an unknown one is
 * most likely a typo of: `Unknown option '--chek' (did you mean --check?)`. Shared by every
 * command (`npm run generate`, `diff`, `release`, `dev`, `bench`).
 */

/**
 * The message of `error` (thrown by a strict `parseArgs` given `options`); for an unknown option
 * (`ERR_PARSE_ARGS_UNKNOWN_OPTION`), followed by the closest known option when one is close: at
 * most one edit (insert, delete, replace, swap two neighbours) per four letters, case and dashes
 * aside, or the only option the typed name begins. `args`, the command line parsed: a long option
 * typed with one dash (`-no-cache`), which parseArgs reads as short options and names by its first
 * letter (`Unknown option '-n'`), is named as typed, with the option it means.
 */
export function optionErrorMessage(
  error: unknown,
  options: Readonly<Record<string, unknown>>,
  args: readonly string[] = [],
) {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: unknown } | null)?.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return message;
  const letter = /^Unknown option '-([^-'])'/.exec(message)?.[1];
  if (letter !== undefined) {
    const end = args.indexOf('--');
    const typed = (end === -1 ? args : args.slice(0, end))
      .map((arg) => /^-([^-=][^=]+)/.exec(arg)?.[1])
      .find((name) => name?.startsWith(letter) === true);
    const known = typed === undefined ? undefined : closestOption(typed, Object.keys(options));
    if (typed !== undefined && known !== undefined)
      return `Unknown option '-${typed}' (did you mean --${known}?)`;
  }
  const typed = /^Unknown option '-{1,2}([^'=]+)/.exec(message)?.[1];
  if (typed === undefined) return message;
  const known = closestOption(typed, Object.keys(options));
  const short = message.replace(/\. To specify a positional argument.*$/s, '');
  return known === undefined ? short : `${short} (did you mean --${known}?)`;
}

/** The option `typed` most likely means, if one is close enough (see above). */
export function closestOption(typed: string, names: readonly string[]): string | undefined {
  const plain = (name: string) => name.toLowerCase().replace(/[-_]/g, '');
  const wanted = plain(typed);
  if (wanted === '') return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(wanted, plain(name));
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best !== undefined && best.distance <= Math.max(1, Math.floor(wanted.length / 4)))
    return best.name;
  const started = names.filter((name) => plain(name).startsWith(wanted));
  return wanted.length >= 3 && started.length === 1 ? started[0] : undefined;
}

/** Edits from `a` to `b`: insertions, deletions, replacements and swaps of two neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
