import { parseArgs, type ParseArgsConfig } from 'node:util';
import { emptyOptionMessage } from '../../generator/empty-option.ts';
import { optionErrorMessage } from '../../generator/unknown-option.ts';

type Flags = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** The values parseArgs gives for `flags` plus `--help`. */
type FlagValues<F extends Flags> = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: F & typeof HELP;
    strict: true;
    allowPositionals: false;
  }>
>['values'];

/**
 * A command's flags, read strictly with `node:util` `parseArgs` (no positional arguments), with
 * `--help`/`-h` added. Returns the values, or the exit code when the command is done: 0 after
 * printing `usage` for `--help`, 2 after printing `error: …` and the usage for a mistake (an
 * unknown flag, a missing or empty value).
 */
export function readFlags<const F extends Flags>(
  argv: readonly string[],
  flags: F,
  usage: string,
): { values: FlagValues<F> } | { exitCode: 0 | 2 } {
  let values: FlagValues<F>;
  try {
    values = parseArgs({
      args: [...argv],
      options: { ...flags, ...HELP },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`error: ${optionErrorMessage(error, { ...flags, ...HELP }, argv)}\n\n${usage}`);
    return { exitCode: 2 };
  }
  if ((values as { help?: boolean }).help === true) {
    console.log(usage);
    return { exitCode: 0 };
  }
  const empty = emptyOptionMessage(values);
  if (empty !== undefined) {
    console.error(`error: ${empty}\n\n${usage}`);
    return { exitCode: 2 };
  }
  return { values };
}
