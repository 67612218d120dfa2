/**
 * The next version of the SDK from the last release and the diff's bump, with npm's semver.
 *
 * 0.x follows the rule npm's caret ranges (and Cargo) use: `^0.3.1` means `>=0.3.1 <0.4.0`, so a
 * breaking change bumps the minor (0.3.1 → 0.4.0) and everything else the patch (→ 0.3.2); from
 * 1.0.0 on, major, minor and patch mean what they say. A release is breaking-safe exactly when
 * users' caret range of the last release does not reach it.
 */
import semver from 'semver';
import { levelRank, type Bump, type Level } from '../diff/rules.ts';

/**
 * The version a release of changes rated `bump` gets after `last`; `last` itself for `none`.
 *
 * After a prerelease (`1.1.0-beta.0`) the series goes on (`1.1.0-beta.1`), as `npm version
 * prerelease` and changesets' pre mode do: the stable `1.1.0` is a decision, made with `--version
 * 1.1.0`, not a side effect of the next edit. Only changes beyond what the prerelease's release
 * stands for start a new series: `1.1.0` is a minor release (a patch one is `1.1.3`, a major one
 * `2.0.0`), so a breaking change after `1.1.0-beta.0` is `2.0.0-beta.0`.
 */
export function nextVersion(last: string, bump: Bump): string {
  if (bump === 'none') return last;
  const zero = semver.major(last) === 0;
  const release: semver.ReleaseType = zero ? zeroMajor(bump) : bump;
  const pre = semver.prerelease(last);
  const next =
    pre === null
      ? semver.inc(last, release)
      : levelRank(bump) <= levelRank(levelOfRelease(last))
        ? semver.inc(last, 'prerelease')
        : semver.inc(
            last,
            `pre${release}` as semver.ReleaseType,
            {},
            typeof pre[0] === 'string' ? pre[0] : undefined,
          );
  if (next === null) throw new Error(`cannot increment ${last}`);
  return next;
}

/**
 * The level of change the release of `version` stands for after some earlier release: `1.1.3`
 * patch, `1.1.0` minor, `2.0.0` major; in 0.x (caret ranges), `0.4.0` major, `0.4.1` patch.
 */
function levelOfRelease(version: string): Level {
  if (semver.patch(version) > 0) return 'patch';
  if (semver.major(version) === 0) return 'major';
  return semver.minor(version) > 0 ? 'minor' : 'major';
}

function zeroMajor(bump: Level): semver.ReleaseType {
  return bump === 'major' ? 'minor' : 'patch';
}

/**
 * Why `requested` cannot be the next release after `last` with changes rated `bump`, or undefined
 * when it can: it must be a semantic version above `last`, and at least `nextVersion(last, bump)`
 * (so a breaking change leaves the caret range of the last release).
 */
export function refuseVersion(last: string, bump: Bump, requested: string): string | undefined {
  const parsed = semver.parse(requested);
  if (parsed === null) return `${requested} is not a semantic version`;
  // npm publishes 1.1.0+build.7 as 1.1.0 (build metadata has no place in its versions, and
  // SemVer 2.0.0 §10 gives it no precedence), so the record and the registry would disagree
  // (helper-120 L3).
  if (parsed.build.length > 0) {
    const build = parsed.build.join('.');
    return `${requested.trim()} has build metadata (+${build}), which npm drops when it publishes (it would be ${parsed.version}): pass the version without it, or a prerelease (${parsed.version}${parsed.prerelease.length > 0 ? '.' : '-'}${build})`;
  }
  // semver reads ` 1.1.0` and `v1.1.0` as 1.1.0, but the text goes into the changelog, the tag
  // and package.json as given (L4): only the version as semver writes it is taken.
  if (parsed.version !== requested)
    return `${JSON.stringify(requested)} is not written as a semantic version is: pass ${parsed.version}`;
  if (semver.eq(requested, last)) return `${requested} is already released (the last release)`;
  if (!semver.gt(requested, last)) return `${requested} is not above the last release, ${last}`;
  // The release the changes need: a prerelease of it, or the release itself, will do.
  const needed = releaseOf(nextVersion(last, bump));
  // A prerelease (2.0.0-beta.1) comes before its release in semver's order, but stands for it:
  // npm's ranges leave out the prereleases of other versions (`^1.1.0` does not match
  // 2.0.0-beta.1), so a prerelease of `needed` or later is a step towards a release as far.
  const release = releaseOf(requested);
  const towards = release === requested ? requested : `${requested} (a prerelease of ${release})`;
  if (semver.lt(release, needed)) {
    if (bump === 'major')
      return `the changes since ${last} are breaking, but ${release} is inside ^${last}, the range its users install from: ${towards} needs to be a major release (${needed} or later, or a prerelease of one, ${needed}-beta.0)`;
    return `the changes since ${last} are ${bump}: the next version is ${needed} or later (or a prerelease of one), not ${towards}`;
  }
  return undefined;
}

export function isVersion(value: unknown): value is string {
  return typeof value === 'string' && semver.valid(value) === value;
}

/** `1.2.0-beta.1` → `1.2.0`. */
export function releaseOf(version: string): string {
  return `${semver.major(version)}.${semver.minor(version)}.${semver.patch(version)}`;
}
