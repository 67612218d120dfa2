/**
 * A renamed path parameter, said once in the whole report. Renaming `{order}` to `{orderId}`
 * renames every template that holds it; the SDK layer says so in one line (sdk-path-renames.ts),
 * while the wire layer found one line per template ("path template renamed from …") and one per
 * operation ("path parameter `order` renamed to `orderId` with its path template"), each saying
 * again that the requests are the same.
 *
 * The wire's lines of one rename (the same names over several templates) become one line; and
 * where the SDK's `typed-path-renamed` line pairs the same templates, that line says it all (the
 * requests are the same, at the SDK's level, which is the higher) and the wire's is left out.
 */
import type { Change } from './change.ts';
import { levelRank } from './rules.ts';

/** How many templates a line names before "and N more". */
const NAMED = 2;

export function withRenamesSaidOnce(changes: readonly Change[]): Change[] {
  const templateLines = changes.filter(
    (change) => change.kind.startsWith('wire/') && change.templates?.length === 1,
  );
  if (templateLines.length === 0) return [...changes];
  const sdkPairs = new Set(
    changes
      .filter((change) => change.kind === 'sdk/typed-path-renamed')
      .flatMap((change) => change.templates ?? [])
      .map(pairKey),
  );

  const groups = new Map<string, Change[]>();
  for (const line of templateLines) {
    const key = renamedNames(line.templates![0]!)
      .map(([from, to]) => `${from}\0${to}`)
      .join('\0\0');
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const absorbed = new Set<Change>();
  const lines: Change[] = [];
  for (const group of groups.values()) {
    const names = renamedNames(group[0]!.templates![0]!);
    const renamedAt = (template: string) => (change: Change) =>
      change.kind.startsWith('wire/') &&
      change.parameterRenamed !== undefined &&
      templateOf(change.location) === template &&
      names.some(
        ([from, to]) =>
          change.parameterRenamed!.from === from && change.parameterRenamed!.to === to,
      );
    const said: Change[] = [];
    const pairs: { from: string; to: string }[] = [];
    for (const line of group) {
      const pair = line.templates![0]!;
      const members = [line, ...changes.filter(renamedAt(pair.to))];
      for (const member of members) absorbed.add(member);
      // The SDK's line names this template: it says the rename, and that the requests are the same.
      if (sdkPairs.has(pairKey(pair))) continue;
      said.push(...members);
      pairs.push(pair);
    }
    if (pairs.length > 0) lines.push(groupLine(said, pairs, names));
  }
  return [...changes.filter((change) => !absorbed.has(change)), ...lines];
}

function groupLine(
  members: Change[],
  pairs: { from: string; to: string }[],
  names: [string, string][],
): Change {
  const first = members[0]!;
  const worst = members.reduce((a, b) => (levelRank(b.level) > levelRank(a.level) ? b : a));
  const { level } = worst;
  const what =
    names.length === 1
      ? `path parameter \`${names[0]![0]}\` renamed to \`${names[0]![1]}\``
      : `path parameters renamed: ${names.map(([from, to]) => `\`${from}\` to \`${to}\``).join(', ')}`;
  const shown = pairs.length <= NAMED + 1 ? pairs : pairs.slice(0, NAMED);
  const rest = pairs.length - shown.length;
  const list = `${shown.map(({ from, to }) => `\`${from}\` → \`${to}\``).join(', ')}${rest > 0 ? ` and ${rest} more path templates` : ''}`;
  const message = `${what} with ${pairs.length === 1 ? 'its path template' : 'their path templates'} (${list}): only names in the spec changed, the requests are the same`;
  const source = first.source;
  return {
    level,
    kind: worst.kind,
    location: pairs[0]!.to,
    message: source === undefined ? message : `${message} (${source})`,
    ...(source === undefined ? {} : { source }),
    templates: pairs,
  };
}

/** The parameters' names a template rename changes, old → new, in template order. */
function renamedNames({ from, to }: { from: string; to: string }): [string, string][] {
  const before = parameterNames(from);
  const after = parameterNames(to);
  return before
    .map((name, i): [string, string] => [name, after[i] ?? name])
    .filter(([old, now]) => old !== now);
}

function parameterNames(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
}

/** The template of a wire line's location: `GET /orders/{orderId}` or `/orders/{orderId}`. */
function templateOf(location: string): string {
  return location.startsWith('/') ? location : location.slice(location.indexOf(' ') + 1);
}

function pairKey({ from, to }: { from: string; to: string }): string {
  return `${from}\0${to}`;
}
