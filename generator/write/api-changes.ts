/**
 * What changed between two bundled OpenAPI documents, in the API's own terms: operations (by
 * method and path) and components (schemas, parameters, responses, …) added, removed or changed,
 * plus the document's other top-level sections (`info`, `servers`, `security`, extensions).
 *
 * `--check` prints this before the file list, so a reviewer reads "schema Plan changed: property
 * `nickname` added" before "src/openapi.ts changed". It compares structure, never text: key order
 * and formatting do not count. It rates nothing; `npm run diff` (scripts/lib/diff/) says whether a
 * change breaks SDK users.
 */
import { pathItemEntries } from '../document-keys.ts';
import { terminalText } from '../escape.ts';
import { isRecord } from '../json.ts';

export type ApiChangeKind = 'added' | 'removed' | 'changed';

export interface ApiChange {
  change: ApiChangeKind;
  /**
   * `operation`, a component kind in the singular (`schema`, `parameter`, …), `extension` (an `x-`
   * member of the Paths Object) or `document`.
   */
  subject: string;
  /** `GET /plans/{plan}`, a component name, or a top-level key of the document (`info`). */
  name: string;
  /** For changes: what changed inside, e.g. "property `nickname` added; `description`". */
  detail?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every difference between `before` and `after`, operations first, then components, then the rest. */
export function apiChanges(before: unknown, after: unknown): ApiChange[] {
  const old = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  return [
    ...compareMaps('operation', operationsOf(old), operationsOf(now), describeKeys),
    ...componentChanges(old, now),
    ...compareMaps('extension', pathExtensions(old), pathExtensions(now), () => undefined),
    ...compareMaps('document', topLevel(old), topLevel(now), () => undefined),
  ];
}

/** The Paths Object's `x-…` members, keyed `paths.x-…`: extensions, not operations. */
function pathExtensions(doc: Record<string, unknown>): Map<string, unknown> {
  const paths = isRecord(doc.paths) ? doc.paths : {};
  return new Map(
    Object.entries(paths)
      .filter(([key]) => key.startsWith('x-'))
      .map(([key, value]) => [`paths.${key}`, value]),
  );
}

/** `  changed  schema Plan: property `nickname` added` lines, one per change. */
export function describeApiChanges(changes: readonly ApiChange[]): string[] {
  return changes.map((change) => {
    // Subjects, names and details are spec text (a component kind, a path, a schema's name, a
    // key): made safe for a terminal.
    const head = `  ${change.change.padEnd(8)}${terminalText(`${change.subject} ${change.name}`)}`;
    return change.detail === undefined ? head : `${head}: ${terminalText(change.detail)}`;
  });
}

/** Operations keyed `GET /path`, with the path item's parameters folded in (they apply to each). */
function operationsOf(doc: Record<string, unknown>): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [path, item] of pathItemEntries(doc.paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const shared = item.parameters;
      result.set(
        `${method.toUpperCase()} ${path}`,
        shared === undefined ? operation : { ...operation, 'x-path-parameters': shared },
      );
    }
  }
  return result;
}

function componentChanges(old: Record<string, unknown>, now: Record<string, unknown>): ApiChange[] {
  const oldComponents = isRecord(old.components) ? old.components : {};
  const newComponents = isRecord(now.components) ? now.components : {};
  const kinds = [...new Set([...Object.keys(oldComponents), ...Object.keys(newComponents)])];
  return kinds.flatMap((kind) => {
    const entries = (source: Record<string, unknown>) =>
      new Map(Object.entries(isRecord(source[kind]) ? source[kind] : {}));
    return compareMaps(
      singular(kind),
      entries(oldComponents),
      entries(newComponents),
      kind === 'schemas' ? describeSchema : describeKeys,
    );
  });
}

function topLevel(doc: Record<string, unknown>): Map<string, unknown> {
  return new Map(Object.entries(doc).filter(([key]) => key !== 'paths' && key !== 'components'));
}

function compareMaps(
  subject: string,
  old: Map<string, unknown>,
  now: Map<string, unknown>,
  detail: (before: unknown, after: unknown) => string | undefined,
): ApiChange[] {
  const changes: ApiChange[] = [];
  for (const [name, value] of old) {
    if (!now.has(name)) changes.push({ change: 'removed', subject, name });
    else if (!deepEqual(value, now.get(name))) {
      const text = detail(value, now.get(name));
      changes.push(
        text === undefined
          ? { change: 'changed', subject, name }
          : { change: 'changed', subject, name, detail: text },
      );
    }
  }
  for (const name of now.keys())
    if (!old.has(name)) changes.push({ change: 'added', subject, name });
  return changes;
}

/**
 * Properties added, removed, changed and moved between the schema and the inline members of its
 * `allOf` (a schema split into parts, or parts merged, with the same properties), then the
 * schema's other keywords that changed.
 */
function describeSchema(before: unknown, after: unknown): string | undefined {
  if (!isRecord(before) || !isRecord(after)) return undefined;
  const parts: string[] = [];
  const oldOwn = ownProperties(before);
  const newOwn = ownProperties(after);
  const oldAll = withAllOfProperties(before);
  const newAll = withAllOfProperties(after);
  const list = (names: string[]) => names.map((name) => `\`${name}\``).join(', ');
  const added = [...newAll.keys()].filter((name) => !oldAll.has(name));
  const removed = [...oldAll.keys()].filter((name) => !newAll.has(name));
  const changed = [...newAll.keys()].filter(
    (name) => oldAll.has(name) && !deepEqual(oldAll.get(name), newAll.get(name)),
  );
  const kept = [...newAll.keys()].filter((name) => oldAll.has(name) && !changed.includes(name));
  const intoAllOf = kept.filter((name) => name in oldOwn && !(name in newOwn));
  const outOfAllOf = kept.filter((name) => !(name in oldOwn) && name in newOwn);
  if (added.length > 0) parts.push(`${plural('property', added.length)} ${list(added)} added`);
  if (removed.length > 0)
    parts.push(`${plural('property', removed.length)} ${list(removed)} removed`);
  if (changed.length > 0)
    parts.push(`${plural('property', changed.length)} ${list(changed)} changed`);
  if (intoAllOf.length > 0)
    parts.push(`${plural('property', intoAllOf.length)} ${list(intoAllOf)} moved into \`allOf\``);
  if (outOfAllOf.length > 0)
    parts.push(
      `${plural('property', outOfAllOf.length)} ${list(outOfAllOf)} moved out of \`allOf\``,
    );
  const rest = describeKeys(before, after, ['properties']);
  if (rest !== undefined) parts.push(rest);
  return parts.length === 0 ? undefined : parts.join('; ');
}

function ownProperties(schema: Record<string, unknown>): Record<string, unknown> {
  return isRecord(schema.properties) ? schema.properties : {};
}

/**
 * The schema's own properties and those of its inline `allOf` members, at any depth (a member
 * that is a `$ref` is a schema of its own, compared on its own), the schema's own first.
 */
function withAllOfProperties(schema: Record<string, unknown>): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const visit = (node: Record<string, unknown>, depth: number) => {
    for (const [name, value] of Object.entries(ownProperties(node)))
      if (!found.has(name)) found.set(name, value);
    if (depth < 8 && Array.isArray(node.allOf))
      for (const member of node.allOf)
        if (isRecord(member) && member.$ref === undefined) visit(member, depth + 1);
  };
  visit(schema, 0);
  return found;
}

/** The top-level keys whose values differ, e.g. "`description`, `enum`". */
function describeKeys(
  before: unknown,
  after: unknown,
  skip: readonly string[] = [],
): string | undefined {
  if (!isRecord(before) || !isRecord(after)) return undefined;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !skip.includes(key) && !deepEqual(before[key], after[key]),
  );
  return keys.length === 0
    ? undefined
    : keys.map((key) => `\`${key === 'x-path-parameters' ? 'parameters' : key}\``).join(', ');
}

function plural(word: string, count: number): string {
  return count === 1 ? word : word.replace(/y$/, 'ie') + 's';
}

const SINGULAR: Record<string, string> = {
  schemas: 'schema',
  responses: 'response',
  parameters: 'parameter',
  examples: 'example',
  requestBodies: 'request body',
  headers: 'header',
  securitySchemes: 'security scheme',
  links: 'link',
  callbacks: 'callback',
  pathItems: 'path item',
};

function singular(kind: string): string {
  return SINGULAR[kind] ?? `component (${kind})`;
}

/** Structural equality of JSON values; object key order does not matter. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]),
  );
}
