/**
 * `npm run release`: the next version of the SDK from the last release (record.ts) and what
 * changed since (`npm run diff` against the recorded spec), written through the generator.
 *
 * `planRelease()` decides everything and writes nothing (`--dry-run` stops there);
 * `applyRelease()` writes the version into the spec, regenerates the package, prepends the
 * changelog entry and records the released spec, undoing what it wrote if a step fails.
 * `checkRelease()` is the check a release tag's CI job runs before publishing.
 */
import { existsSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { readFile, rm } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import semver from 'semver';
import { DEFAULT_OUT, DEFAULT_SPEC, displayPath } from '../../../generator/context.ts';
import { OPENAPI_JSON_PATH, PACKAGE_JSON_PATH } from '../../../generator/package-files.ts';
import {
  apiChanges,
  describeApiChanges,
} from '../../../generator/write/api-changes.ts';
import type { CheckResult } from '../../../generator/write/check.ts';
import { CommandError } from '../command-error.ts';
import { diffSpecs, type DiffReport } from '../diff/index.ts';
import { groupedMessages } from '../diff/change.ts';
import { keyOrderChanges } from '../diff/package-changes.ts';
import type { Bump } from '../diff/rules.ts';
import {
  CHANGELOG_FILE,
  entryChanges,
  hasEntry,
  prependEntry,
  releasedVersions,
  renderEntry,
} from './changelog.ts';
import { shellWord, terminalText } from '../../../generator/escape.ts';
import { lintBeforeRelease } from './lint.ts';
import { readRecord, RECORD_FILE, withPackageVersion, writeAtomically } from './record.ts';
import {
  taggedCommit,
  uncommittedSpecFiles,
  uncommittedToolchainFiles,
  untrackedSpecFiles,
} from './tracked.ts';
import { isVersion, nextVersion, refuseVersion, releaseOf } from './version.ts';

export interface ReleaseOptions {
  /** Folder the paths below start from. Default `process.cwd()`. */
  cwd?: string;
  /** The spec's root file. Default `spec/openapi.yaml`. */
  spec?: string;
  /** The generated package. Default `generated`. */
  out?: string;
  /** The release record. Default `release/openapi.json`. */
  record?: string;
  /** The version to release instead of the computed one; refused when it is too low. */
  version?: string;
  /** The entry's date, `YYYY-MM-DD`. Default: today (UTC). */
  date?: string;
  /** The toolchain's root, whose own files must be committed (tracked.ts). Default: this one's. */
  toolchain?: string;
}

export interface ReleasePlan {
  /** The last release, undefined for the first. */
  last: string | undefined;
  version: string;
  /** The diff's bump since the last release (`none` for the first release). */
  bump: Bump;
  /** The changelog entry, Markdown. */
  entry: string;
  report: DiffReport | undefined;
  paths: Paths;
  /**
   * Spec files with edits not committed yet (relative to `cwd`): the release includes them, and
   * they go into the release commit (the command says so, so that they are reviewed first).
   */
  uncommitted: string[];
  /**
   * What does not stop the release but would stop its publishing later (`release --check` on the
   * tag): said now, while the release is still to be made.
   */
  warnings: CommandError[];
}

interface Paths {
  cwd: string;
  spec: string;
  out: string;
  record: string;
  changelog: string;
  /** How messages name them. */
  show: { spec: string; out: string; record: string; changelog: string };
}

function pathsOf(options: ReleaseOptions): Paths {
  const cwd = resolve(options.cwd ?? process.cwd());
  const spec = resolve(cwd, options.spec ?? DEFAULT_SPEC);
  const out = resolve(cwd, options.out ?? DEFAULT_OUT);
  const record = resolve(cwd, options.record ?? RECORD_FILE);
  const changelog = join(out, CHANGELOG_FILE);
  const show = (path: string) => displayPath(cwd, path);
  return {
    cwd,
    spec,
    out,
    record,
    changelog,
    show: { spec: show(spec), out: show(out), record: show(record), changelog: show(changelog) },
  };
}

export async function planRelease(options: ReleaseOptions = {}): Promise<ReleasePlan> {
  const paths = pathsOf(options);
  if (!existsSync(paths.spec))
    throw new CommandError(
      isAbsolute(paths.show.spec)
        ? `the spec ${paths.show.spec} does not exist`
        : `the spec ${paths.show.spec} does not exist in the working folder ${paths.cwd}`,
      isAbsolute(paths.show.spec)
        ? 'pass its root file with --spec'
        : "pass its root file with --spec; a relative path starts from the working folder, so run the command from the project's folder (npm run does) or pass an absolute path",
    );
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!isCalendarDate(date))
    throw new CommandError(
      `--date ${date} is not a date`,
      'write a day of the calendar as YYYY-MM-DD (ISO 8601), e.g. 2026-02-28',
    );
  // Redocly's rules, on a thread of their own while the steps below run (lint.ts).
  const linted = lintBeforeRelease(paths.spec, paths.cwd);
  linted.catch(() => undefined); // awaited below, once the version is decided
  const record = await readRecord(paths.record, paths.show.record);
  const changelog = await readFile(paths.changelog, 'utf8').catch(() => '');
  // `v1.2.0`, as tags and `npm version` write it, is the version 1.2.0.
  const requested = options.version?.replace(/^v(?=\d)/, '');

  // First: an uncommitted generator edit also leaves the package out of date (the record hashes
  // the generator), and regenerating would not answer this refusal, which names the cause.
  const toolchainChanges = uncommittedToolchainFiles(paths.cwd, options.toolchain);
  if (toolchainChanges.length > 0) {
    const more = toolchainChanges.length > 5 ? ' …' : '';
    const files = `${toolchainChanges.slice(0, 5).map(shellWord).join(' ')}${more}`;
    throw new CommandError(
      `the toolchain has changes git does not hold (${toolchainChanges.slice(0, 5).join(', ')}${more}): they decide what the spec generates into, and the release commit would leave them out, so its tag would not generate as released`,
      `commit them first (git add ${files} && git commit), or stash them (git stash push --include-untracked -- ${files}), then release`,
    );
  }
  // A release starts from a reviewed package: generated from the spec as it is. (So the release's
  // own regeneration changes the version alone, and undoing it gives back the same files.)
  const { generate } = await import('../../../generator/index.ts');
  const current = await generate({ cwd: paths.cwd, spec: paths.spec, out: paths.out, check: true });
  const stale = staleFiles(current.check);
  if (stale.length > 0) {
    throw new CommandError(
      `${paths.show.out}/ is out of date with ${paths.show.spec} (${stale.join(', ')})`,
      'run npm run generate, review and commit the result, then release',
    );
  }
  const untracked = await untrackedSpecFiles(paths.cwd, paths.out);
  if (untracked.length > 0) {
    const [one] = untracked;
    const list = untracked.length === 1 ? one! : `${untracked.slice(0, -1).join(', ')} and ${untracked.at(-1)!}`;
    throw new CommandError(
      `${list} ${untracked.length === 1 ? 'is' : 'are'} part of the spec but not in git: the release commit would not generate`,
      `add ${untracked.length === 1 ? 'it' : 'them'} (git add ${untracked.join(' ')}), then release; commit ${untracked.length === 1 ? 'it' : 'them'} with the release`,
    );
  }

  const uncommitted = await uncommittedSpecFiles(paths.cwd, paths.out);
  const earlier = record === undefined ? releasedVersions(changelog) : [];
  if (earlier.length > 0) {
    // A record lost (a merge, a fork, a deleted file): a first release would skip the comparison
    // and the version check, so a breaking change could ship as a minor release.
    const last = earlier[0]!;
    const listed =
      earlier.length > 3 ? `${earlier.slice(0, 3).join(', ')}, …` : earlier.join(', ');
    throw new CommandError(
      `there is no release record (${paths.show.record}), but ${paths.show.changelog} lists earlier releases (${listed}): without the spec as ${last} was released, the changes since cannot be rated, and this release would be written as the first, unchecked`,
      `restore the record as ${last} left it: git checkout v${last} -- ${shellWord(paths.show.record)} (without the tag, git log --oneline -- ${shellWord(paths.show.record)} names the commits that wrote it), then release; to start the history anew, remove the old entries from ${paths.show.changelog}`,
    );
  }
  // helper-120 L9: a changelog emptied or cut (a merge, a bad edit) lost every earlier entry
  // without a word, the new one written over it.
  if (record !== undefined && !hasEntry(changelog, record.version)) {
    throw new CommandError(
      `${paths.show.changelog} has no entry for ${record.version}, the last release (${paths.show.record}): this release would write a changelog without the history its users read`,
      `restore the changelog as ${record.version} left it: git checkout v${record.version} -- ${shellWord(paths.show.changelog)} (without the tag, git log --oneline -- ${shellWord(paths.show.changelog)} names the commits that wrote it), then release`,
    );
  }
  let plan: ReleasePlan;
  if (record === undefined) {
    const version = requested ?? (await generatedPackage(paths)).version;
    if (!isVersion(version))
      throw new CommandError(
        `${String(version)} is not a semantic version`,
        'pass --version 1.0.0 (or another x.y.z)',
      );
    const title = await specTitle(paths);
    plan = {
      last: undefined,
      version,
      bump: 'none',
      entry: renderEntry({ version, date, changes: [], initial: `${title} (${paths.show.spec})` }),
      report: undefined,
      paths,
      uncommitted,
      warnings: [],
    };
  } else {
    const report = await diffSpecs({ base: paths.record, spec: paths.spec, cwd: paths.cwd });
    // The diff rates every change of the package's files (`package-changed`: x-sdk settings,
    // keys in a new order in openapi.json), so its bump is the release's, line for line.
    const bump: Bump = report.bump;
    const computed = nextVersion(record.version, bump);
    if (options.version === undefined && bump === 'none') {
      const prerelease = semver.prerelease(record.version) !== null;
      throw new CommandError(
        `nothing to release: the spec is the one released as ${record.version} (${paths.show.record})`,
        prerelease
          ? `change the spec first, or promote the prerelease to a stable release: --version ${releaseOf(record.version)}`
          : 'change the spec first, or pass --version to release the same API again (e.g. after a generator change)',
      );
    }
    const version = requested ?? computed;
    const refused = refuseVersion(record.version, bump, version);
    if (refused !== undefined) {
      const breaking = groupedMessages(
        entryChanges(report.changes).filter((change) => change.level === 'major'),
        report.methods,
      );
      const next = computed === record.version ? nextVersion(record.version, 'patch') : computed;
      throw new CommandError(
        `cannot release ${version}: ${refused}.${breaking.length === 0 ? '' : `\nBreaking changes since ${record.version}:\n${breaking.map((line) => `  - ${line.message}`).join('\n')}`}`,
        computed === record.version
          ? `pass a version above ${record.version}, e.g. --version ${next}`
          : `run npm run release without --version to release ${computed}, or pass --version ${computed}`,
      );
    }
    const entry = renderEntry({
      version,
      date,
      changes: report.changes,
      methods: report.methods,
    });
    // helper-120 L7: a stable release after prereleases said "No change", though users of the
    // last stable release get every prerelease's changes with it.
    const promoted = promotedPrereleases(record.version, version, changelog);
    const promotion =
      promoted.length === 0
        ? ''
        : `\n\nPromotes ${joinVersions(promoted)} to a stable release: users of ${promoted.stable === undefined ? 'earlier releases' : promoted.stable} get the changes listed under ${promoted.length === 1 ? 'it' : 'them'} below${report.changes.length > 0 ? ', and these' : ''}.`;
    plan = {
      last: record.version,
      version,
      bump,
      entry:
        report.changes.length > 0
          ? entry.replace(/\n/, `${promotion}\n`)
          : entry.replace(
                /\n$/,
                promotion === ''
                  ? '\n\nNo change to the API or the SDK surface.\n'
                  : `${promotion}\n`,
              ),
      report,
      paths,
      uncommitted,
      warnings: [],
    };
  }
  await linted;
  if (hasEntry(changelog, plan.version)) {
    throw new CommandError(
      `${paths.show.changelog} already has an entry for ${plan.version}`,
      `a version is released once: release the next one (npm run release), or remove the entry if ${plan.version} was never published`,
    );
  }
  // Made elsewhere (another branch, a detached HEAD): this branch's record never saw it, so it
  // would hand out the same version again (helper-120 L6).
  const tagged = taggedCommit(paths.cwd, plan.version);
  // helper-121 V9: a tag made on this very commit, before the release: merging it does nothing.
  if (tagged !== undefined && tagged === taggedCommit(paths.cwd, undefined)) {
    throw new CommandError(
      `v${plan.version} already tags this commit (${tagged}), though ${paths.show.record} does not record it: the tag was made before the release, and would name a commit without it`,
      `delete the tag (git tag -d v${plan.version}), release, commit the release, then tag that commit`,
    );
  }
  if (tagged !== undefined) {
    throw new CommandError(
      `v${plan.version} is already tagged (commit ${tagged}), though ${paths.show.record} does not record it: that version was released from another branch, and npm publishes a version once`,
      `merge the release into this branch first (git merge v${plan.version}), then release; or pass --version with a version above ${plan.version}`,
    );
  }
  const unpublishable = missingRepository(await generatedPackage(paths), paths);
  if (unpublishable !== undefined) plan.warnings.push(unpublishable);
  return plan;
}

/**
 * The problem of a package without `repository`, which `npm publish --provenance` refuses (its
 * provenance statement must name the source repository): the publish workflow's `release --check`
 * refuses it, and `release` says so before the version is spent.
 */
function missingRepository(
  pkg: { repository?: unknown },
  paths: Paths,
): CommandError | undefined {
  if (pkg.repository !== undefined) return undefined;
  return new CommandError(
    `${paths.show.out}/package.json has no repository, which npm publish --provenance needs: the publish step (npm run release -- --check --tag) will refuse this release`,
    "set the spec's root x-sdk.repository to the repository's URL (e.g. https://github.com/acme/api), then regenerate",
  );
}

/**
 * The prereleases a stable `version` after `last` (a prerelease) promotes: those the changelog
 * lists since its last stable release (newest first), with that release as `stable`; none when
 * `last` is no prerelease or `version` is one.
 */
function promotedPrereleases(
  last: string,
  version: string,
  changelog: string,
): string[] & { stable?: string } {
  if (semver.prerelease(last) === null || semver.prerelease(version) !== null) return [];
  const listed = releasedVersions(changelog).filter((v) => semver.valid(v) === v);
  const stableAt = listed.findIndex((v) => semver.prerelease(v) === null);
  const promoted: string[] & { stable?: string } = (
    stableAt === -1 ? listed : listed.slice(0, stableAt)
  ).filter((v) => semver.lt(v, version));
  if (promoted.length === 0) promoted.push(last);
  if (stableAt !== -1) promoted.stable = listed[stableAt];
  return promoted;
}

function joinVersions(versions: readonly string[]): string {
  const sorted = [...versions].sort(semver.compare);
  return sorted.length <= 1
    ? (sorted[0] ?? '')
    : `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)!}`;
}

/** The bundled spec the package holds (its `openapi.json`). */
async function packageDocument(paths: Paths): Promise<unknown> {
  return JSON.parse(await readFile(join(paths.out, OPENAPI_JSON_PATH), 'utf8').catch(() => '{}'));
}

/**
 * The generated package's package.json. After an up-to-date check its version is the one the spec
 * gives (the check may prove that from the generation record without running the pipeline).
 */
async function generatedPackage(
  paths: Paths,
): Promise<{ name?: string; version?: string; repository?: unknown }> {
  const text = await readFile(join(paths.out, PACKAGE_JSON_PATH), 'utf8').catch(() => '{}');
  return JSON.parse(text) as { name?: string; version?: string; repository?: unknown };
}

function staleFiles(check: CheckResult | undefined): string[] {
  return check === undefined ? [] : [...check.added, ...check.changed, ...check.removed];
}

async function specTitle(paths: Paths): Promise<string> {
  try {
    const bundled = JSON.parse(await readFile(join(paths.out, OPENAPI_JSON_PATH), 'utf8')) as {
      info?: { title?: unknown; version?: unknown };
    };
    const title = typeof bundled.info?.title === 'string' ? bundled.info.title : 'the API';
    return typeof bundled.info?.version === 'string' ? `${title} ${bundled.info.version}` : title;
  } catch {
    return 'the API';
  }
}

/** What `applyRelease` wrote, for the summary. */
export interface ReleaseResult {
  written: string[];
}

/**
 * Writes the release: the version into the spec, the package regenerated with it, the changelog
 * entry, the recorded spec. If a step fails, every file written so far is put back.
 */
export async function applyRelease(
  plan: ReleasePlan,
  options: {
    /** Told when a first SIGINT or SIGTERM arrives: the writes are being undone. */
    onInterrupt?: (signal: NodeJS.Signals) => void;
  } = {},
): Promise<ReleaseResult> {
  const { paths } = plan;
  const { generate } = await import('../../../generator/index.ts');
  const specText = await readFile(paths.spec, 'utf8');
  const changelogText = await readFile(paths.changelog, 'utf8').catch(() => undefined);
  const recordText = await readFile(paths.record, 'utf8').catch(() => undefined);
  const packageJson = JSON.parse(await readFile(join(paths.out, PACKAGE_JSON_PATH), 'utf8')) as {
    name: string;
  };
  const regenerate = () => generate({ cwd: paths.cwd, spec: paths.spec, out: paths.out });

  let specWritten = false;
  // Ctrl-C (or a SIGTERM) while the release is written: the step under way ends, and the writes
  // are undone as for a failure, so the tree is never left half-released (a spec and package at the
  // new version without their changelog entry and record, which `generate --check` passes).
  const interrupt = signalsUndo(options.onInterrupt);
  try {
    const step = async (write: () => Promise<unknown>) => {
      interrupt.check();
      await write();
    };
    await step(() =>
      writeAtomically(paths.spec, withPackageVersion(specText, paths.show.spec, plan.version)),
    );
    specWritten = true;
    await step(regenerate);
    await step(() =>
      writeAtomically(paths.changelog, prependEntry(changelogText, plan.entry, packageJson.name)),
    );
    await step(async () =>
      writeAtomically(paths.record, await readFile(join(paths.out, OPENAPI_JSON_PATH), 'utf8')),
    );
    interrupt.check();
  } catch (error) {
    if (specWritten) {
      // The package was generated from `specText` before (planRelease checked): regenerating
      // from it gives back the same files. Each step is tried even if one before it fails.
      const undo = [
        () => writeAtomically(paths.spec, specText),
        regenerate,
        () => restore(paths.changelog, changelogText),
        () => restore(paths.record, recordText),
      ];
      for (const step of undo) await Promise.resolve(step()).catch(() => undefined);
    }
    throw error;
  } finally {
    interrupt.off();
  }
  return {
    written: [
      `${paths.show.spec} (x-sdk.packageVersion: ${plan.version})`,
      `${paths.show.out}/ (regenerated; package.json version ${plan.version})`,
      paths.show.changelog,
      paths.show.record,
    ],
  };
}

/** A SIGINT or SIGTERM during a release, which undoes its writes instead of leaving them half done. */
export class ReleaseInterrupted extends CommandError {
  constructor(readonly signal: NodeJS.Signals) {
    super(
      `interrupted (${signal}): the release's writes were undone, the spec, the package, the changelog and the record are as they were`,
      'run npm run release again to release',
    );
  }
}

/**
 * While it is on, SIGINT and SIGTERM do not end the process: `check()` throws a
 * {@link ReleaseInterrupted} at the next step, so the release undoes what it wrote. A second
 * signal ends the process at once, as signals do.
 */
function signalsUndo(onInterrupt: ((signal: NodeJS.Signals) => void) | undefined) {
  let caught: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (caught !== undefined) process.exit(128 + osConstants.signals[signal]);
    caught = signal;
    onInterrupt?.(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    check: () => {
      if (caught !== undefined) throw new ReleaseInterrupted(caught);
    },
    off: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

async function restore(path: string, text: string | undefined): Promise<void> {
  if (text !== undefined) await writeAtomically(path, text);
  else await rm(path, { force: true });
}

export interface CheckOptions extends Pick<ReleaseOptions, 'cwd' | 'spec' | 'out' | 'record'> {
  /** The git tag being released (`v1.2.3` or `1.2.3`): must name the package's version. */
  tag?: string;
}

/**
 * The release check for a tag's CI job: the package is generated from the spec, its version is
 * the one recorded as released (so `npm run release` ran and nothing changed since), the changelog
 * has its entry, the tag names it, and package.json has the `repository` that `npm publish
 * --provenance` needs. Returns the problems, each with its fix; empty when ready to publish.
 */
export async function checkRelease(options: CheckOptions = {}): Promise<CommandError[]> {
  const paths = pathsOf(options);
  const problems: CommandError[] = [];
  const { generate } = await import('../../../generator/index.ts');
  const checked = await generate({ cwd: paths.cwd, spec: paths.spec, out: paths.out, check: true });
  const stale = staleFiles(checked.check);
  if (stale.length > 0)
    problems.push(
      new CommandError(
        `${paths.show.out}/ is out of date with ${paths.show.spec} (${stale.join(', ')})`,
        'run npm run generate and commit the result',
      ),
    );
  const pkg = await generatedPackage(paths);
  const version = checked.package?.version ?? pkg.version ?? '(none)';
  const record = await readRecord(paths.record, paths.show.record);
  if (record === undefined) {
    problems.push(
      new CommandError(
        `no release is recorded (${paths.show.record} is missing)`,
        'run npm run release, commit, then tag',
      ),
    );
  } else {
    if (record.version !== version)
      problems.push(
        new CommandError(
          `the package's version is ${version}, but the release recorded in ${paths.show.record} is ${record.version}`,
          'run npm run release (it sets the version, the changelog and the record together)',
        ),
      );
    const shipped = await packageDocument(paths);
    const unreleased = describeApiChanges(apiChanges(record.bundled, shipped));
    // The same API written in another order is another openapi.json in the package all the same.
    if (unreleased.length === 0)
      unreleased.push(
        ...keyOrderChanges(record.bundled, shipped).map(
          ({ pointer, keys }) =>
            `  ${'moved'.padEnd(8)}${terminalText(`keys at #${pointer}: ${keys.join(', ')}`)}`,
        ),
      );
    if (unreleased.length > 0)
      problems.push(
        new CommandError(
          `the spec changed since the release recorded in ${paths.show.record}:\n${unreleased.join('\n')}`,
          'run npm run release to release these changes, then tag the release commit',
        ),
      );
  }
  const changelog = await readFile(paths.changelog, 'utf8').catch(() => '');
  if (!hasEntry(changelog, version))
    problems.push(
      new CommandError(
        `${paths.show.changelog} has no entry for ${version}`,
        'run npm run release',
      ),
    );
  if (options.tag !== undefined && options.tag.replace(/^v/, '') !== version)
    problems.push(
      new CommandError(
        `the tag ${options.tag} does not name the package's version, ${version}`,
        `tag the release commit as v${version}`,
      ),
    );
  const unpublishable = missingRepository(pkg, paths);
  if (unpublishable !== undefined) problems.push(unpublishable);
  return problems;
}

/** Whether `text` is a day of the calendar as YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}
