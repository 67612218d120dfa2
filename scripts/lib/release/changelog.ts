/**
 * `generated/CHANGELOG.md`: one entry per release, newest first, each grouped as Breaking / Added /
 * Changed / Deprecated / Fixed with one line per change in SDK terms.
 *
 * The lines are the SDK level of `npm run diff` (the same change through several methods is one
 * line). A wire-level change goes in only when no SDK line says it (e.g. a narrower `maxLength`,
 * which no TypeScript type carries) or when the wire rates the release higher than anything the
 * SDK level saw, so nothing that decided the version is missing from its entry, and nothing is
 * listed twice. Wire lines leave out where the change is in the spec's files: the changelog is
 * published with the package, for its users, who have no spec.
 */
import {
  groupedMessages,
  layerOf,
  wireLine,
  forChangelog,
  type Change,
} from '../diff/change.ts';
import { isWireRule, levelRank, maxLevel, sdkShowsWireRule } from '../diff/rules.ts';

export const CHANGELOG_FILE = 'CHANGELOG.md';

const SECTIONS = ['Breaking', 'Added', 'Changed', 'Deprecated', 'Fixed'] as const;
export type Section = (typeof SECTIONS)[number];

/** Besides every rule named `…-added` (a method, an export, a typed path, …): what a call may now do. */
const ADDED = new Set(['parameter-optional', 'parameter-widened']);
const DEPRECATED = new Set(['method-deprecated', 'property-deprecated', 'export-deprecated']);
/** Results described more precisely than before: the types now say what the API returns. */
const FIXED = new Set([
  'result-property-required',
  'result-type-narrowed',
  'result-enum-values-removed',
]);

export function sectionOf(change: Change): Section {
  if (change.level === 'major') return 'Breaking';
  const rule = change.kind.replace(/^(sdk|wire)\//, '');
  if (layerOf(change) === 'sdk') {
    if (rule.endsWith('-added') || ADDED.has(rule)) return 'Added';
    if (DEPRECATED.has(rule)) return 'Deprecated';
    if (FIXED.has(rule)) return 'Fixed';
    return 'Changed';
  }
  if (rule.endsWith('-added')) return 'Added';
  return 'Changed';
}

/**
 * The changes an entry lists: the SDK's, each once; of the wire's, those the SDK's lines do not
 * say: a change no SDK type shows (a rule with no SDK counterpart, such as a `maxLength` set on a
 * parameter, or a changed serialization), and any change rated above everything the SDK level saw,
 * so nothing that decided the version is missing. A wire change the SDK reports in its own terms
 * (a property or parameter removed, an enum value added) is its SDK line already.
 */
export function entryChanges(changes: readonly Change[]): Change[] {
  const sdk = changes.filter((change) => layerOf(change) === 'sdk');
  const sdkLevel = levelRank(maxLevel(sdk.map((change) => change.level)));
  const wire = changes.filter((change) => {
    if (layerOf(change) !== 'wire') return false;
    if (levelRank(change.level) > sdkLevel) return true;
    const rule = change.kind.slice('wire/'.length);
    return isWireRule(rule) && !sdkShowsWireRule(rule);
  });
  // Where a change is in the spec's files is for maintainers (`npm run diff`): SDK users read
  // the changelog in the package, which has no spec.
  return [
    ...sdk,
    ...wire.map((change) => forChangelog(change)).map((change) => ({ ...change, message: wireLine(change) })),
  ];
}

export interface EntryOptions {
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
  changes: readonly Change[];
  /** For a first release: what it was generated from, e.g. "Gigs Core API 1.0.0 (spec/openapi.yaml)". */
  initial?: string;
  /** The client's methods (`client.plans.list`), as `npm run diff` reports them (`methods`). */
  methods?: readonly string[];
}

export function renderEntry({ version, date, changes, initial, methods }: EntryOptions): string {
  const lines = [`## ${version} (${date})`];
  if (initial !== undefined) lines.push('', `Initial release, generated from ${initial}.`);
  const listed = entryChanges(changes);
  for (const section of SECTIONS) {
    const inSection = listed.filter((change) => sectionOf(change) === section);
    if (inSection.length === 0) continue;
    lines.push('', `### ${section}`, '');
    for (const line of groupedMessages(inSection, methods))
      lines.push(`- ${oneLine(line.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function header(packageName: string): string {
  return [
    '# Changelog',
    '',
    `Every release of \`${packageName}\`, newest first. \`npm run release\` writes each entry from`,
    '`npm run diff`: what changed since the last release, in SDK terms. Versions follow semantic',
    'versioning; before 1.0.0 a breaking change bumps the minor version.',
    '',
  ].join('\n');
}

/** The changelog with `entry` on top; a new file when there is none. */
export function prependEntry(
  existing: string | undefined,
  entry: string,
  packageName: string,
): string {
  if (existing === undefined || existing.trim() === '') return `${header(packageName)}\n${entry}`;
  const first = existing.search(/^## /m);
  if (first < 0) return `${existing.trimEnd()}\n\n${entry}`;
  return `${existing.slice(0, first)}${entry}\n${existing.slice(first)}`;
}

/** True when the changelog already has an entry for `version`. */
export function hasEntry(changelog: string, version: string): boolean {
  return new RegExp(`^## ${version.replace(/[.+]/g, '\\$&')}(?: |$)`, 'm').test(changelog);
}

/** The versions the changelog has entries for (`## 1.2.0 (2026-11-30)`), newest first. */
export function releasedVersions(changelog: string): string[] {
  return [...changelog.matchAll(/^## (\S+)/gm)].map((match) => match[1]!);
}
