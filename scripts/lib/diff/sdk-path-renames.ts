/**
 * A renamed path parameter, said once (helper-134 4). Renaming `{plan}` to `{planId}` changes
 * every path template that holds it, so the SDK layer found, per template and per operation: the
 * typed path client's path gone and a new one, `paths["…"]` removed, each operation's
 * `parameters.path.plan` removed and its `parameters` changed, and each method's docs changed:
 * over thirty lines for one edit. They are one change for users: one line per rename, at the
 * level of the breaks it causes (the typed path client's calls no longer compile), naming the
 * templates, the operations and what does not change (the resource methods, the requests).
 *
 * Templates pair up when they are the same but for their parameters' names and the typed path
 * client has the same methods under both; the rest stays as the SDK layer wrote it.
 */
import type { Change } from './change.ts';
import type { Level, SdkRule } from './rules.ts';
import { templateShape } from './wire-path-pairs.ts';

/** One side's methods: `client.plans.retrieve` → its operation (`GET /plans/{plan}`) and its operationId. */
export interface SideOperations {
  operations: ReadonlyMap<string, string>;
  operationIds?: ReadonlyMap<string, string>;
}

/** How many templates and methods a line names before "and N more". */
const NAMED = 2;

interface Rename {
  from: string;
  to: string;
  /** Old name → new name, for the parameters whose name changed. */
  names: [string, string][];
}

export function withPathRenamesGrouped(
  changes: Change[],
  base: SideOperations,
  head: SideOperations,
  level: Level,
): Change[] {
  const baseTemplates = new Set([...base.operations.values()].map(templateOf));
  const removed = changes.filter(
    (change) => change.kind === 'sdk/typed-path-removed' && !headHasTemplate(head, change.location),
  );
  const added = changes.filter(
    (change) => change.kind === 'sdk/typed-path-added' && !baseTemplates.has(change.location),
  );
  const renames = pairUp(removed, added);
  if (renames.length === 0) return changes;

  // One line per set of renamed names (`plan` → `planId`), over every template it renamed.
  const groups = new Map<string, Rename[]>();
  for (const rename of renames) {
    const key = rename.names.map(([from, to]) => `${from}\0${to}`).join('\0\0');
    groups.set(key, [...(groups.get(key) ?? []), rename]);
  }
  const absorbed = new Set<Change>();
  const lines: Change[] = [];
  for (const group of groups.values()) {
    const templates = new Set(group.map((rename) => rename.to));
    const oldTemplates = new Set(group.map((rename) => rename.from));
    const methods = [...head.operations]
      .filter(([, operation]) => templates.has(templateOf(operation)))
      .map(([method]) => method);
    const ids = new Set(
      methods.flatMap((method) =>
        [head.operationIds?.get(method), base.operationIds?.get(method)].filter(
          (id): id is string => id !== undefined,
        ),
      ),
    );
    const oldNames = new Set(group[0]!.names.map(([from]) => from));
    for (const change of changes) {
      if (
        (change.kind === 'sdk/typed-path-removed' && oldTemplates.has(change.location)) ||
        (change.kind === 'sdk/typed-path-added' && templates.has(change.location)) ||
        (change.kind === 'sdk/docs-changed' &&
          methods.some((method) => change.location === `${method}()`)) ||
        namesRenamedKey(change, oldTemplates, ids, oldNames)
      )
        absorbed.add(change);
    }
    lines.push({
      level,
      kind: 'sdk/typed-path-renamed' satisfies `sdk/${SdkRule}`,
      location: group[0]!.to,
      message: renameMessage(group, methods),
      templates: group.map(({ from, to }) => ({ from, to })),
    });
  }
  return [...changes.filter((change) => !absorbed.has(change)), ...lines];
}

/** `paths["<old template>"]` removed, or an operation's `parameters` read through a renamed name. */
function namesRenamedKey(
  change: Change,
  oldTemplates: ReadonlySet<string>,
  ids: ReadonlySet<string>,
  oldNames: ReadonlySet<string>,
): boolean {
  if (change.kind === 'sdk/export-type-changed' && change.location === 'paths') {
    const key = /^`paths\["((?:[^"\\]|\\.)*)"\]` removed/.exec(change.message)?.[1];
    return key !== undefined && oldTemplates.has(key);
  }
  if (change.location !== 'operations') return false;
  const match =
    /^`operations\["((?:[^"\\]|\\.)*)"\]\["parameters"\](\["path"\]\["((?:[^"\\]|\\.)*)"\])?`/.exec(
      change.message,
    );
  if (match === null || !ids.has(match[1]!)) return false;
  if (match[2] === undefined)
    return (
      change.kind === 'sdk/parameter-type-changed' &&
      change.message.includes('takes what the old one does not')
    );
  return (
    change.kind === 'sdk/export-type-changed' &&
    oldNames.has(match[3]!) &&
    change.message.includes('` removed:')
  );
}

/** Removed and added templates that differ only in their parameters' names, with the same methods. */
function pairUp(removed: Change[], added: Change[]): Rename[] {
  const byShape = (list: Change[]) => {
    const map = new Map<string, Change[]>();
    for (const change of list) {
      const shape = templateShape(change.location);
      map.set(shape, [...(map.get(shape) ?? []), change]);
    }
    return map;
  };
  const addedByShape = byShape(added);
  const renames: Rename[] = [];
  for (const [shape, gone] of byShape(removed)) {
    const next = addedByShape.get(shape);
    // Only a one-to-one match: two templates of one shape leave it unclear which became which.
    if (gone.length !== 1 || next?.length !== 1) continue;
    const [from, to] = [gone[0]!, next[0]!];
    if (methodsOf(from) !== methodsOf(to)) continue;
    const before = parameterNames(from.location);
    const after = parameterNames(to.location);
    const names = before
      .map((name, i): [string, string] => [name, after[i]!])
      .filter(([old, now]) => old !== now);
    renames.push({ from: from.location, to: to.location, names });
  }
  return renames;
}

function renameMessage(group: Rename[], methods: string[]): string {
  const names = group[0]!.names;
  const what =
    names.length === 1
      ? `path parameter \`${names[0]![0]}\` renamed to \`${names[0]![1]}\``
      : `path parameters renamed: ${names.map(([from, to]) => `\`${from}\` to \`${to}\``).join(', ')}`;
  const templates = list(
    group.map((rename) => `\`${rename.from}\` → \`${rename.to}\``),
    'more path templates',
  );
  const passed = names.map(([from]) => `\`params.path.${from}\``).join(' or ');
  const calls =
    methods.length === 0
      ? ''
      : `; the resource methods (${list(
          methods.map((method) => `\`${method}()\``),
          'more',
        )}) are called as before, their docs naming it anew`;
  return `${what} (${templates}): a typed path client call (\`pathsClient(client)\`) with the old path, or passing ${passed}, no longer compiles, nor does code that names the old \`paths\` keys or their operations' \`parameters.path\`${calls}; the requests are the same`;
}

function list(items: string[], more: string): string {
  if (items.length <= NAMED + 1) return items.join(', ');
  return `${items.slice(0, NAMED).join(', ')} and ${items.length - NAMED} ${more}`;
}

/** The template of an operation written `GET /plans/{plan}`. */
function templateOf(operation: string): string {
  return operation.slice(operation.indexOf(' ') + 1);
}

function headHasTemplate(head: SideOperations, template: string): boolean {
  return [...head.operations.values()].some((operation) => templateOf(operation) === template);
}

function parameterNames(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
}

/** The methods a typed-path line names (`GET`, `PATCH`), sorted, as one string. */
function methodsOf(change: Change): string {
  return [...change.message.matchAll(/`([A-Z]+) /g)]
    .map((match) => match[1]!)
    .sort()
    .join(',');
}
