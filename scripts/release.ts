/**
 * `npm run release -- [--dry-run] [--version <v>] [--date <YYYY-MM-DD>]`: the next version of the
 * SDK, written through the generator with its changelog entry (scripts/lib/release/).
 * `npm run release -- --check [--tag <tag>]`: is this commit a release, ready to publish?
 */
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { optionErrorMessage } from '../generator/unknown-option.ts';
import { emptyOptionMessage } from '../generator/empty-option.ts';
import { constants as osConstants } from 'node:os';
import { printFailure } from './lib/command-error.ts';
import { shellWord } from '../generator/escape.ts';
import { isEntryPoint } from './lib/entry-point.ts';
import { currentBranch } from './lib/release/tracked.ts';

const USAGE = `Releases the SDK: the next version from the last release and what changed since.

Usage: npm run release -- [options]
       npm run release -- --check [--tag <tag>]

Options:
  --dry-run          print the version and the changelog entry; write nothing
  --version <v>      release this version instead of the computed one (refused when it is
                     too low for the changes, e.g. a breaking change without a major bump)
  --date <date>      the entry's date, YYYY-MM-DD (default: today, UTC)
  --spec <file>      the spec's root file (default spec/openapi.yaml)
  --out <dir>        the generated package (default generated)
  --record <file>    the record of the last release (default release/openapi.json)
  --check            check that this commit is a prepared release (CI on a release tag): the
                     package is up to date, its version is the recorded release, the changelog
                     has its entry, package.json has a repository for provenance
  --tag <tag>        with --check: the tag being released (v1.2.3) must name the version
  -h, --help         show this help

A release needs generated/ up to date with the spec and a spec without lint errors (redocly.yaml,
as npm run lint:spec). It writes: x-sdk.packageVersion in the spec, the regenerated package, an entry at the top
of <out>/CHANGELOG.md, and the released spec into the record. Commit them, tag v<version>, push.
Exit codes: 0 done (or ready), 1 refused or not ready, 2 bad command line.`;

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  version: { type: 'string' },
  date: { type: 'string' },
  spec: { type: 'string' },
  out: { type: 'string' },
  record: { type: 'string' },
  check: { type: 'boolean' },
  tag: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: readonly string[]): Promise<number> {
  let values: {
    'dry-run'?: boolean;
    version?: string;
    date?: string;
    spec?: string;
    out?: string;
    record?: string;
    check?: boolean;
    tag?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: OPTIONS,
    }));
    const empty = emptyOptionMessage(values);
    if (empty !== undefined) throw new Error(empty);
    if (values.tag !== undefined && !values.check) throw new Error('--tag goes with --check');
    if (
      values.check &&
      (values['dry-run'] || values.version !== undefined || values.date !== undefined)
    )
      throw new Error('--check takes no --dry-run, --version or --date');
  } catch (error) {
    process.stderr.write(
      `error: ${optionErrorMessage(error, OPTIONS, argv)}\nRun with --help for the options.\n`,
    );
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const paths = {
    ...(values.spec === undefined ? {} : { spec: values.spec }),
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(values.record === undefined ? {} : { record: values.record }),
  };
  try {
    const { applyRelease, checkRelease, planRelease } = await import('./lib/release/index.ts');
    if (values.check) {
      const problems = await checkRelease({
        ...paths,
        ...(values.tag === undefined ? {} : { tag: values.tag }),
      });
      if (problems.length === 0) {
        process.stdout.write(
          'Ready to publish: the package, its version, the changelog and the record agree.\n',
        );
        return 0;
      }
      process.stderr.write(
        `Not ready to publish:\n${problems.map((problem) => problem.format()).join('')}`,
      );
      return 1;
    }
    const plan = await planRelease({
      ...paths,
      ...(values.version === undefined ? {} : { version: values.version }),
      ...(values.date === undefined ? {} : { date: values.date }),
    });
    const since =
      plan.last === undefined
        ? `No release recorded yet (${plan.paths.show.record}): this is the first.`
        : `Last release: ${plan.last} (${plan.paths.show.record}); the changes since are ${plan.bump}.`;
    process.stdout.write(`${since}\nNext version: ${plan.version}\n\n${plan.entry}\n`);
    if (plan.uncommitted.length > 0)
      process.stdout.write(
        `Not committed yet, and part of this release: ${plan.uncommitted.join(', ')}\n` +
          `  review them first: git diff HEAD -- ${plan.uncommitted.map(shellWord).join(' ')}\n\n`,
      );
    for (const warning of plan.warnings)
      process.stderr.write(warning.format().replace(/^error: /, 'warning: '));
    if (values['dry-run']) {
      process.stdout.write('Dry run: nothing was written.\n');
      return 0;
    }
    const result = await applyRelease(plan, {
      onInterrupt: (signal) =>
        process.stderr.write(
          `${signal}: stopping the release and undoing its writes (again to stop at once, leaving them)…\n`,
        ),
    });
    process.stdout.write(
      `Released ${plan.version}. Written:\n${result.written.map((line) => `  ${line}\n`).join('')}` +
        `Next: commit them with the spec, then tag and push:\n` +
        `  git add -A ${dirname(plan.paths.show.spec)} ${plan.paths.show.out} ${dirname(plan.paths.show.record)} && git commit -m "Release ${plan.version}"\n` +
        `  git tag v${plan.version} && git push origin ${pushed(process.cwd())}v${plan.version}\n`,
    );
    return 0;
  } catch (error) {
    await printFailure(error);
    // As a shell reports a process a signal ended: 130 for SIGINT, 143 for SIGTERM.
    const { ReleaseInterrupted } = await import('./lib/release/index.ts');
    return error instanceof ReleaseInterrupted ? 128 + osConstants.signals[error.signal] : 1;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));

/** What `git push origin` takes besides the tag: the checked-out branch, none when detached. */
function pushed(cwd: string): string {
  const branch = currentBranch(cwd);
  return branch === undefined ? '' : `${branch} `;
}
