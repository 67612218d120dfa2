import { terminalLines } from '../../generator/escape.ts';

/**
 * Bad input to one of the release commands (`npm run diff`, `npm run release`): an unknown git
 * ref, a missing file, a spec that does not bundle, a refused release. The message names the
 * thing; `fix` says what to do. Commands print both and exit without a stack trace.
 */
export class CommandError extends Error {
  override readonly name: string = 'CommandError';
  readonly fix: string;

  constructor(problem: string, fix: string) {
    super(problem);
    this.fix = fix;
  }

  /** `error: …` and `  fix: …` lines, as the commands print them. */
  format(): string {
    return `error: ${this.message}\n  fix: ${this.fix}\n`;
  }
}

/**
 * Prints a command's failure on stderr: a CommandError or a GeneratorError (bad input) as its
 * message and fix (each problem of a GeneratorError after its own `error: `), anything else as an internal error with its stack (a bug in the toolchain).
 * Messages quote the spec, so control and invisible characters are shown as escapes
 * (escape.ts `terminalLines`).
 */
export async function printFailure(error: unknown): Promise<void> {
  process.stderr.write(terminalLines(await failureText(error)));
}

/** What {@link printFailure} prints, before its spec text is made safe for a terminal. */
async function failureText(error: unknown): Promise<string> {
  if (error instanceof CommandError) return error.format();
  const { GeneratorError } = await import('../../generator/errors.ts');
  // Each problem found at once after its own `error: `, as `npm run generate` prints them.
  if (error instanceof GeneratorError) return error.report;
  return `internal error (a bug in the toolchain, not in the spec):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}
