/**
 * The next version of the SDK from the last release and the diff's bump, with npm's semver.
 *
 * 0.x follows the rule npm's caret ranges (and Cargo) use: `^0.3.1` means `>=0.3.1 <0.4.0`, so a
 * breaking change bumps the minor (0.3.1 → 0.4.0) and everything else the patch (→ 0.3.2); from
 * 1.0.0 on, major, minor and patch mean what they say. A release is breaking-safe exactly when
 * users' caret range of the last release does not reach it.
 */
import semver from 'semver';
import type { Bump, Level } from '../diff/rules.ts';

/** The version a release of changes rated `bump` gets after `last`; `last` itself for `none`. */
export function nextVersion(last: string, bump: Bump): string {
  if (bump === 'none') return last;
  const release: semver.ReleaseType = semver.major(last) === 0 ? zeroMajor(bump) : bump;
  const next = semver.inc(last, release);
  if (next === null) throw new Error(`cannot increment ${last}`);
  return next;
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
  const needed = nextVersion(last, bump);
  // A prerelease (2.0.0-beta.1) comes before its release in semver's order, but stands for it:
  // npm's ranges leave out the prereleases of other versions (`^1.1.0` does not match
  // 2.0.0-beta.1), so a prerelease of `needed` or later is a step towards a release as far.
  const release = `${semver.major(requested)}.${semver.minor(requested)}.${semver.patch(requested)}`;
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
