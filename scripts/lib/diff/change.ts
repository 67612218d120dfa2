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
  /**
   * An SDK change inside an exported schema type, as users of the type see it wherever it is
   * used: the type (`Plan`), the change in its terms ("`Plan`: new optional property `nickname`")
   * and where this method meets the type (`results`, or `params \`status[]\``).
   */
  inType?: { name: string; message: string; use: string };
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

export interface GroupedLine {
  level: Change['level'];
  kind: string;
  message: string;
}

/**
 * The changes as reports and the changelog list them, one line per change however many methods
 * show it, in the order of first appearance:
 *
 * - a change inside an exported schema type is named after the type, then where the methods meet
 *   it: "`Plan`: new optional property `nickname` — in results of `client.plans.list()`,
 *   `retrieve()` and `client.subscriptionChanges.*()`" (`*()`: every method of that resource, of
 *   `methods`, the head client's);
 * - other SDK changes (an inline schema, a method's own parameters) whose messages start with
 *   their location and say the same after it are merged: "`client.plans.list()`,
 *   `client.plans.search()` params: new optional `limit`";
 * - the rest stays as is.
 */
export function groupedMessages(
  changes: readonly Change[],
  methods: readonly string[] = [],
): GroupedLine[] {
  /** Lines of one type's change (where → methods), or of one method-based message (its tail). */
  type Group = { level: Change['level']; kind: string } & (
    { message: string; uses: Map<string, string[]> } | { tail: string; locations: string[] }
  );
  const groups = new Map<string, Group>();
  const order: (string | GroupedLine)[] = [];
  const groupOf = (key: string, make: () => Group): Group => {
    let found = groups.get(key);
    if (found === undefined) {
      groups.set(key, (found = make()));
      order.push(key);
    }
    return found;
  };
  for (const change of changes) {
    const { level, kind, location } = change;
    const head = `\`${location}\``;
    if (kind.startsWith('sdk/') && change.inType !== undefined) {
      const { name, message, use } = change.inType;
      const group = groupOf(`type\0${level}\0${kind}\0${name}\0${message}`, () => ({
        level,
        kind,
        message,
        uses: new Map(),
      }));
      if (!('uses' in group)) continue;
      const at = group.uses.get(use) ?? [];
      if (!at.includes(location)) group.uses.set(use, [...at, location]);
    } else if (kind.startsWith('sdk/') && change.message.startsWith(`${head} `)) {
      const tail = change.message.slice(head.length);
      const group = groupOf(`method\0${level}\0${kind}\0${tail}`, () => ({
        level,
        kind,
        tail,
        locations: [],
      }));
      if ('locations' in group) group.locations.push(head);
    } else order.push({ level, kind, message: change.message });
  }
  return order.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const group = groups.get(entry)!;
    const message =
      'uses' in group
        ? `${group.message} — in ${[...group.uses].map(([use, at]) => `${use} of ${methodList(at, methods)}`).join('; ')}`
        : `${group.locations.join(', ')}${group.tail}`;
    return { level: group.level, kind: group.kind, message };
  });
}

/**
 * `client.plans.list()`, `client.plans.retrieve()`, `client.addons.list()` → "`client.plans.list()`,
 * `retrieve()` and `client.addons.list()`": each resource named once, its methods sorted; a
 * resource all of whose `methods` are listed (two or more) is `client.addons.*()`.
 */
function methodList(locations: readonly string[], methods: readonly string[]): string {
  const byResource = new Map<string, string[]>();
  for (const location of locations) {
    const name = location.replace(/\(\)$/, '');
    const dot = name.lastIndexOf('.');
    const resource = name.slice(0, dot);
    byResource.set(resource, [...(byResource.get(resource) ?? []), name.slice(dot + 1)]);
  }
  const parts = [...byResource].map(([resource, names]) => {
    const all = methods.filter(
      (method) =>
        method.startsWith(`${resource}.`) && !method.slice(resource.length + 1).includes('.'),
    );
    if (all.length >= 2 && all.every((method) => names.includes(method.slice(resource.length + 1))))
      return `\`${resource}.*()\``;
    return names
      .sort()
      .map((method, index) => (index === 0 ? `\`${resource}.${method}()\`` : `\`${method}()\``))
      .join(', ');
  });
  return parts.length < 2
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}
