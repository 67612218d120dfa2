/**
 * `npm run diff -- [--base <git-ref|file>] [--json] [--format text|markdown|json] [--fail-on <level>]`:
 * what changed in the API since the base (default: the last release's record,
 * release/openapi.json), rated for the SDK's users (scripts/lib/diff/).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { optionErrorMessage } from '../generator/unknown-option.ts';
import { emptyOptionMessage } from '../generator/empty-option.ts';
import { printFailure } from './lib/command-error.ts';
import { isEntryPoint } from './lib/entry-point.ts';
import { levelRank, type Level } from './lib/diff/rules.ts';
import type { ReportFormat } from './lib/diff/report.ts';
import { RECORD_FILE } from './lib/release/record.ts';
import { DEFAULT_SPEC } from './lib/spec-root.ts';

const USAGE = `Compares the spec at a base with the working tree's and rates every change for the SDK's users.

Usage: npm run diff -- [--base <git-ref|file>] [options]

Options:
  --base <ref|file>     a git ref (origin/main, v1.2.0, a commit) or a spec file (a bundled
                        snapshot, or another root file); default release/openapi.json, the
                        spec as last released (npm run release writes it)
  --spec <file>         the working tree's root file (default spec/openapi.yaml)
  --format <format>     text (default), markdown (for a pull request's job summary) or json
  --json                the same as --format json: { "bump", "changes": [{ "level", "kind",
                        "location", "message" }] }
  --fail-on <level>     exit 1 when the overall bump is this level or higher: major, minor or
                        patch (default: never)
  -h, --help            show this help

Levels: major breaks SDK users (a call or a read of a result no longer compiles, an export is
gone), minor adds, patch changes nothing users can compile against. The spec's root
x-sdk.compatibility sets them (see README, "Releasing").
Exit codes: 0 compared, 1 the --fail-on level was reached, 2 bad command line or bad input.`;

const OPTIONS = {
  base: { type: 'string' },
  spec: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean', default: false },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function main(argv: readonly string[]): Promise<number> {
  let base: string;
  let spec: string | undefined;
  let format: ReportFormat = 'text';
  let failOn: Level | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: OPTIONS,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const empty = emptyOptionMessage(values);
    if (empty !== undefined) throw new Error(empty);
    // The last release is what a weekly change is rated against (helper-134 9).
    if (values.base === undefined && !existsSync(RECORD_FILE))
      throw new Error(
        // Neither file of a project here: the command was run from another folder.
        values.spec === undefined && !existsSync(DEFAULT_SPEC)
          ? `there is no ${RECORD_FILE} (the default base) and no ${DEFAULT_SPEC} in the working folder ${process.cwd()}: relative paths start from there; run the command from the project's folder (npm run does), or pass --base and --spec`
          : `--base is required: there is no ${RECORD_FILE} (the record of the last release, the default base) yet; pass a git ref such as origin/main, or a spec file`,
      );
    base = values.base ?? RECORD_FILE;
    spec = values.spec;
    if (values.format !== undefined) {
      if (!['text', 'markdown', 'json'].includes(values.format))
        throw new Error(
          `--format must be text, markdown or json, not ${JSON.stringify(values.format)}`,
        );
      format = values.format as ReportFormat;
    }
    if (values.json) {
      if (values.format !== undefined && values.format !== 'json')
        throw new Error(`--json and --format ${values.format} contradict each other`);
      format = 'json';
    }
    const level = values['fail-on'];
    if (level !== undefined) {
      if (level !== 'major' && level !== 'minor' && level !== 'patch')
        throw new Error(`--fail-on must be major, minor or patch, not ${JSON.stringify(level)}`);
      failOn = level;
    }
  } catch (error) {
    process.stderr.write(
      `error: ${optionErrorMessage(error, OPTIONS, argv)}\nRun with --help for the options.\n`,
    );
    return 2;
  }

  try {
    const [{ diffSpecs }, { renderReport }] = await Promise.all([
      import('./lib/diff/index.ts'),
      import('./lib/diff/report.ts'),
    ]);
    const options = spec === undefined ? { base } : { base, spec };
    const report = await diffSpecs(options);
    process.stdout.write(renderReport(report, format));
    if (failOn !== undefined && levelRank(report.bump) >= levelRank(failOn)) {
      process.stderr.write(`The changes are ${report.bump}, at or above --fail-on ${failOn}.\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    await printFailure(error);
    return 2;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
