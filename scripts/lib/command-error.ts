/**
 * Bad input to one of the release commands (`npm run diff`, `npm run release`): an unknown git
 * ref, a missing file, a spec that does not bundle, a refused release. The message names the
 * thing; `fix` says what to do. Commands print both and exit without a stack trace.
 */
export class CommandError extends Error {
  override readonly name = 'CommandError';
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
