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
  /**
   * A wire change inside a named schema (`Plan`): every operation that uses the schema, in the
   * order of their paths (`location` is the first). The message says the change in the schema's
   * terms.
   */
  schema?: string;
  operations?: string[];
  /**
   * `schema` names a parameter component (`PlanId`), which the spec's authors know and the SDK's
   * users do not: the changelog names the operations only (`forChangelog`).
   */
  parameter?: true;
  /**
   * A wire change's place in the spec's files (`spec/components/schemas/Plan.yaml:12`), which
   * its message ends with in parentheses: for maintainers (`npm run diff`), not for the
   * changelog SDK users read (`forChangelog`).
   */
  source?: string;
  /**
   * Why a wire change has its level, where that is not plain ("a patch: no SDK type changes, …"),
   * which its message says after `; ` (before the source): for maintainers deciding the version,
   * not for the changelog (`forChangelog`).
   */
  rating?: string;
  /**
   * The path templates a rename line pairs (`/orders/{order}` → `/orders/{orderId}`): the SDK's
   * `typed-path-renamed` line and the wire's, by which a report says each rename once
   * (wire-rename-lines.ts). Not printed.
   */
  templates?: { from: string; to: string }[];
  /** The names a wire line of a path parameter renamed with its template pairs. Not printed. */
  parameterRenamed?: { from: string; to: string };
}

/** How many operations a wire line names before "and N more". */
const OPERATIONS_NAMED = 3;

/**
 * A wire change's message with where it is in front: "`GET /plans`: …", or for a change inside a
 * schema several operations use, "`Plan` (in `GET /plans`, `GET /plans/{plan}` and 5 more
 * operations): …". Messages that already name their location stay as they are.
 */
export function wireLine(change: Change): string {
  const operations = change.operations ?? [];
  if (operations.length > 0 && (change.schema !== undefined || operations.length > 1)) {
    const shown =
      operations.length <= OPERATIONS_NAMED + 1
        ? operations
        : operations.slice(0, OPERATIONS_NAMED);
    const names = shown.map((operation) => `\`${operation}\``);
    const rest = operations.length - shown.length;
    const list =
      rest > 0
        ? `${names.join(', ')} and ${rest} more operation${rest === 1 ? '' : 's'}`
        : names.length < 2
          ? names.join('')
          : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
    return change.schema === undefined
      ? `${list}: ${change.message}`
      : `\`${change.schema}\` (in ${list}): ${change.message}`;
  }
  return change.message.includes(change.location)
    ? change.message
    : `\`${change.location}\`: ${change.message}`;
}

/**
 * The change as the package's users read it: without its place in the spec's files (`source`) or the
 * note on its rating (`rating`) at the end of its message.
 */
export function forChangelog(change: Change): Change {
  const { source, rating, parameter, schema, ...rest } = change;
  let { message } = change;
  for (const suffix of [
    source === undefined ? '' : ` (${source})`,
    rating === undefined ? '' : `; ${rating}`,
  ])
    if (suffix !== '' && message.endsWith(suffix)) message = message.slice(0, -suffix.length);
  return { ...rest, ...(parameter === true || schema === undefined ? {} : { schema }), message };
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
 * show it:
 *
 * - a change inside an exported schema type is named after the type, then where the methods meet
 *   it: "`Plan`: new optional property `nickname` — in results of `client.plans.list()`,
 *   `retrieve()` and `client.subscriptionChanges.*()`" (`*()`: every method of that resource, of
 *   `methods`, the head client's);
 * - other SDK changes (an inline schema, a method's own parameters) whose messages start with
 *   their location and say the same after it are merged: "`client.plans.list()`,
 *   `client.plans.search()` params: new optional `limit`";
 * - the rest stays as is.
 *
 * In an order that does not depend on the order of `changes` (two runs, two machines: one
 * changelog), and where a reader looks: most severe first; then the exported types and the
 * exports, by name; then the client's methods, by name; then the rest (typed paths, the wire's
 * lines), by where they are; then by message.
 */
export function groupedMessages(
  changes: readonly Change[],
  methods: readonly string[] = [],
): GroupedLine[] {
  /** Lines of one type's change (where → methods), or of one method-based message (its tail). */
  type Group = { level: Change['level']; kind: string; subject: string } & (
    { message: string; uses: Map<string, string[]> } | { tail: string; locations: string[] }
  );
  const groups = new Map<string, Group>();
  const single: (GroupedLine & { subject: string })[] = [];
  const groupOf = (key: string, make: () => Group): Group => {
    let found = groups.get(key);
    if (found === undefined) groups.set(key, (found = make()));
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
        subject: name,
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
        subject: location,
        tail,
        locations: [],
      }));
      if ('locations' in group && !group.locations.includes(head)) {
        group.locations.push(head);
        group.locations.sort(compareText);
        group.subject = group.locations[0]!.slice(1, -1);
      }
    } else
      single.push({ level, kind, message: change.message, subject: change.schema ?? location });
  }
  const lines = [
    ...[...groups.values()].map((group) => {
      const message =
        'uses' in group
          ? `${group.message} — in ${[...group.uses]
              .sort(([a], [b]) => compareText(a, b))
              .map(([use, at]) => `${use} of ${methodList(at, methods)}`)
              .join('; ')}`
          : `${group.locations.join(', ')}${group.tail}`;
      return { level: group.level, kind: group.kind, message, subject: group.subject };
    }),
    ...single,
  ];
  return lines
    .sort(
      (a, b) =>
        levelOrder(a.level) - levelOrder(b.level) ||
        category(a) - category(b) ||
        compareText(a.subject, b.subject) ||
        compareText(a.message, b.message),
    )
    .map(({ level, kind, message }) => ({ level, kind, message }));
}

function levelOrder(level: Change['level']): number {
  return level === 'major' ? 0 : level === 'minor' ? 1 : 2;
}

/** Exported types and exports first, then the client (its constructor, its methods), then the rest. */
function category(line: { kind: string; subject: string }): number {
  if (!line.kind.startsWith('sdk/')) return 3;
  if (line.subject.startsWith('client.') || line.subject.startsWith('new ')) return 1;
  if (line.kind.startsWith('sdk/typed-path')) return 2;
  return 0;
}

/** Case-insensitive, then by code unit: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
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
  const resources = [...byResource].sort(([a], [b]) => compareText(a, b));
  const parts = resources.map(([resource, names]) => {
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
