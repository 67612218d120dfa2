/**
 * Path templates renamed, paired before `redocly diff` compares the documents (helper-152 1).
 *
 * A template whose parameters only were renamed (`/plans/{plan}` → `/plans/{planId}`) is the same
 * path on the wire (OpenAPI 3.1.1 §4.8.8). Redocly pairs a removed path with an added one by their
 * places in the lists, so with another path removed or added in the same edit it paired the wrong
 * ones: it reported same paths as removed and added (major), and compared nothing inside them, so
 * a real change there (a `maxLength` set) was lost, in the diff and the changelog. Here each path
 * of the base that the head lacks is paired with the head's one of the same shape (one each way),
 * and renamed so in the copy of the base Redocly reads: Redocly then compares what is inside, and
 * the rename is said here, as wire-renames.ts keeps Redocly's own correct pairs.
 */
import { isRecord } from '../../../generator/json.ts';
import { joinPointer } from '../../../generator/errors.ts';
import type { RedoclyChange, RedoclyLocation } from './redocly-diff.ts';

/** A base template and the head's it became. */
export interface PathRename {
  from: string;
  to: string;
}

/** The base with its renamed paths under their head keys (in the base's order), and the renames. */
export function pairedPaths(
  base: Record<string, unknown>,
  head: Record<string, unknown>,
): { base: Record<string, unknown>; renames: PathRename[] } {
  const [from, to] = [base.paths, head.paths];
  if (!isRecord(from) || !isRecord(to)) return { base, renames: [] };
  const gone = Object.keys(from).filter((key) => !Object.hasOwn(to, key));
  const added = Object.keys(to).filter((key) => !Object.hasOwn(from, key));
  const renames: PathRename[] = [];
  for (const key of gone) {
    if (!key.startsWith('/')) continue;
    const shape = templateShape(key);
    const same = (list: string[]) => list.filter((other) => templateShape(other) === shape);
    // One each way: two templates of one shape leave it unclear which became which.
    const [mates, rivals] = [same(added), same(gone)];
    if (mates.length === 1 && rivals.length === 1) renames.push({ from: key, to: mates[0]! });
  }
  if (renames.length === 0) return { base, renames };
  const renamed = new Map(renames.map(({ from: old, to: now }) => [old, now]));
  const paths = Object.fromEntries(
    Object.entries(from).map(([key, item]) => [renamed.get(key) ?? key, item]),
  );
  return { base: { ...base, paths }, renames };
}

/**
 * Redocly's report on the paired copy, as on the documents themselves: each rename said as
 * Redocly says a rename it got right (a path item's key modified, at patch: describeChange reads
 * it), and places on the base side pointing into the base's own paths again.
 */
export function withPathRenames(
  changes: readonly RedoclyChange[],
  renames: readonly PathRename[],
  files: { base: string; head: string },
): RedoclyChange[] {
  if (renames.length === 0) return [...changes];
  const back = renames.map(({ from, to }) => ({
    now: joinPointer('#', 'paths', to),
    was: joinPointer('#', 'paths', from),
  }));
  const basePointer = (location: RedoclyLocation | undefined): RedoclyLocation | undefined => {
    if (location?.file !== files.base || location.pointer === undefined) return location;
    const pointer = location.pointer;
    const match = back.find(({ now }) => pointer === now || pointer.startsWith(`${now}/`));
    return match === undefined
      ? location
      : { ...location, pointer: match.was + pointer.slice(match.now.length) };
  };
  const mapped = changes.map((change) => ({
    ...change,
    ...(change.base === undefined ? {} : { base: basePointer(change.base) }),
    verdicts: change.verdicts.map((verdict) => ({
      ...verdict,
      ...(verdict.location === undefined ? {} : { location: basePointer(verdict.location) }),
    })),
  }));
  const said: RedoclyChange[] = renames.map(({ from, to }) => ({
    path: joinPointer('#', 'paths', to),
    typeName: 'PathItem',
    kind: 'modified',
    impact: 'patch',
    property: 'key',
    verdicts: [],
    base: { file: files.base, pointer: joinPointer('#', 'paths', from), value: from },
    revision: { file: files.head, pointer: joinPointer('#', 'paths', to), value: to },
  }));
  return [...mapped, ...said].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A path template with its parameters' names left out: `/plans/{plan}` → `/plans/{}`. */
export function templateShape(template: string): string {
  return template.replace(/\{[^{}]*\}/g, '{}');
}
