/**
 * A removed method, said once (helper-152 12). Removing an operation removed, besides the
 * method, its own types (`PlanPublishParams`, their guards), its key in openapi-typescript's
 * `operations` and `paths`, and its call in the typed path client: the SDK layer said each on
 * its own line, five major lines for one edit. They are one change for users: the method's line
 * now names what went with it, and those lines go.
 *
 * Only what belongs to that method alone goes into its line: its own types (generate()'s
 * `methodTypes`) and their guards, `operations["<its operationId>"]`, `paths["<its template>"]`
 * when no operation is left under the template, and the typed path client's call when every
 * call that line names is of a removed method.
 */
import { joinAnd } from '../../../generator/emit/code-samples.ts';
import type { Change } from './change.ts';

/** One side's methods: their operations, operationIds and own types (generate()'s `package`). */
export interface RemovalSide {
  operations: ReadonlyMap<string, string>;
  operationIds?: ReadonlyMap<string, string>;
  methodTypes?: ReadonlyMap<string, readonly string[]>;
}

/** The prefixes of a type's guards (src/guards.ts): `isX`, `assertX`, `validateX`. */
const GUARD_PREFIXES = ['is', 'assert', 'validate'];

export function withRemovalsGrouped(
  changes: Change[],
  base: RemovalSide,
  head: RemovalSide,
): Change[] {
  const removed = changes.filter((change) => change.kind === 'sdk/method-removed');
  if (removed.length === 0) return changes;
  const headTemplates = new Set([...head.operations.values()].map(templateOf));
  // Every call of a removed method, `POST /plans/{plan}/publish`.
  const removedCalls = new Set(
    removed.flatMap((change) => {
      const operation = base.operations.get(methodOf(change));
      return operation === undefined ? [] : [operation];
    }),
  );
  const absorbed = new Set<Change>();
  const grouped = new Map<Change, Change>();
  for (const line of removed) {
    const method = methodOf(line);
    const operation = base.operations.get(method);
    if (operation === undefined) continue;
    const template = templateOf(operation);
    const id = base.operationIds?.get(method);
    const types = new Set(
      (base.methodTypes?.get(method) ?? []).flatMap((name) => [
        name,
        ...GUARD_PREFIXES.map((prefix) => `${prefix}${name}`),
      ]),
    );
    const parts: string[] = [];
    const own: string[] = [];
    for (const change of changes) {
      if (absorbed.has(change) || change === line) continue;
      if (change.kind === 'sdk/export-removed' && types.has(change.location)) {
        own.push(change.location);
      } else if (
        change.kind === 'sdk/export-type-changed' &&
        ((id !== undefined &&
          change.location === 'operations' &&
          change.message.startsWith(`\`operations[${JSON.stringify(id)}]\` removed`)) ||
          (change.location === 'paths' &&
            !headTemplates.has(template) &&
            change.message.startsWith(`\`paths[${JSON.stringify(template)}]\` removed`)))
      ) {
        parts.push(change.message.slice(0, change.message.indexOf('` removed') + 1));
      } else if (
        change.kind === 'sdk/typed-path-removed' &&
        change.location === template &&
        callsOf(change).every((call) => removedCalls.has(call))
      ) {
        parts.push(
          `the typed path client's ${callsOf(change)
            .map((call) => `\`${call}\``)
            .join(', ')}`,
        );
      } else continue;
      absorbed.add(change);
    }
    if (own.length === 0 && parts.length === 0) continue;
    const ownTypes =
      own.length === 0
        ? []
        : [
            `its ${own.length === 1 ? 'type' : 'types'} ${own.map((name) => `\`${name}\``).join(', ')}`,
          ];
    grouped.set(line, {
      ...line,
      message: `${line.message} (\`${operation}\`), and with it ${joinAnd([...ownTypes, ...parts])}: code that names them no longer compiles`,
    });
  }
  return changes
    .filter((change) => !absorbed.has(change))
    .map((change) => grouped.get(change) ?? change);
}

/** `client.plans.publish` of the line `client.plans.publish()`. */
function methodOf(change: Change): string {
  return change.location.replace(/\(\)$/, '');
}

/** The template of an operation written `POST /plans/{plan}/publish`. */
function templateOf(operation: string): string {
  return operation.slice(operation.indexOf(' ') + 1);
}

/** The calls a typed-path line names: `` `POST /plans/{plan}` `` → `POST /plans/{plan}`. */
function callsOf(change: Change): string[] {
  return [...change.message.matchAll(/`([A-Z]+ [^`]+)`/g)].map((match) => match[1]!);
}
