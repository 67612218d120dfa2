/** One rated change, as `npm run diff` reports it and `npm run release` writes it into the changelog. */
import type { Level } from './rules.ts';

export type Layer = 'sdk' | 'wire';

export interface Change {
  level: Level;
  /** `sdk/<rule>` (rules.ts SDK_RULES) or `wire/<redocly rule or change>`. */
  kind: string;
  /** Where: `client.plans.retrieve()`, an export's name, or `GET /plans/{plan}` on the wire. */
  location: string;
  /** The change in one sentence, naming the SDK's or the API's own terms. */
  message: string;
}

/** The order reports use: most severe first, the SDK before the wire, then by location. */
export function compareChanges(a: Change, b: Change): number {
  const rank = (change: Change) =>
    (change.level === 'major' ? 0 : change.level === 'minor' ? 2 : 4) +
    (change.kind.startsWith('sdk/') ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    (a.location < b.location ? -1 : a.location > b.location ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function layerOf(change: Change): Layer {
  return change.kind.startsWith('sdk/') ? 'sdk' : 'wire';
}

/**
 * The same change seen through several methods, as one line: "`client.plans.retrieve()`,
 * `client.plans.update()` result: new optional property `nickname`". SDK changes whose messages
 * start with their location and say the same after it are merged; everything else stays as is.
 * The order of first appearance is kept.
 */
export function groupedMessages(
  changes: readonly Change[],
): { level: Change['level']; kind: string; message: string }[] {
  const groups = new Map<
    string,
    { level: Change['level']; kind: string; locations: string[]; tail: string }
  >();
  const lines: { level: Change['level']; kind: string; message: string }[] = [];
  const order: (string | { level: Change['level']; kind: string; message: string })[] = [];
  for (const change of changes) {
    const head = `\`${change.location}\``;
    if (change.kind.startsWith('sdk/') && change.message.startsWith(`${head} `)) {
      const tail = change.message.slice(head.length);
      const key = `${change.level}\0${change.kind}\0${tail}`;
      const group = groups.get(key);
      if (group === undefined) {
        groups.set(key, { level: change.level, kind: change.kind, locations: [head], tail });
        order.push(key);
      } else group.locations.push(head);
    } else order.push({ level: change.level, kind: change.kind, message: change.message });
  }
  for (const entry of order) {
    if (typeof entry !== 'string') lines.push(entry);
    else {
      const group = groups.get(entry)!;
      lines.push({
        level: group.level,
        kind: group.kind,
        message: `${group.locations.join(', ')}${group.tail}`,
      });
    }
  }
  return lines;
}
