/**
 * Redocly's guesses about renamed properties, undone before its report is turned into lines.
 *
 * `redocly diff` pairs a removed property with an added one of a similar shape and reports the pair
 * as one property renamed ("Property `name` of `Plan` was renamed to `nickname`"), then compares
 * the two as if they were one ("`description` changed", "`examples` changed"). It does the same
 * with a parameter ("`provider` query parameter was renamed to `providerId`"), a path and a
 * response header. A spec records no renames, and the guess is often wrong (`nickname` was new;
 * `name` became `title`): so the pair is reported as what is certain, one removed and one added,
 * and the comparisons between the two are left out.
 *
 * One kind of pair is no guess: a path template whose parameters only were renamed
 * (`/plans/{plan}` → `/plans/{planId}`) is the same path on the wire (OpenAPI 3.1.1 §4.8.8: such
 * templates "are identical"), and its path parameter renamed with it is sent the same way. Those
 * pairs are kept, and said as renames of the same requests ({@link isSameOnTheWire}).
 *
 * `required-properties-removed` also lists a property that was removed altogether ("Properties of
 * `Plan` are no longer required: `name`"), which says it may now be missing when it is gone: only
 * properties both sides have are listed (a removed one is reported as removed). Likewise
 * `required-properties-added` says a new property "became required": it is said to be new.
 */
import { isDeepStrictEqual } from 'node:util';
import { isRecord } from '../../../generator/json.ts';
import { joinPointer, pointerToken } from '../../../generator/errors.ts';
import { getByPointer, getByRef, pointerTokens, refOf } from '../../../generator/pointer.ts';
import type { RedoclyChange } from './redocly-diff.ts';
import { templateShape } from './wire-path-pairs.ts';

export function withoutGuesses(
  changes: readonly RedoclyChange[],
  baseDoc: Record<string, unknown>,
  headDoc: Record<string, unknown>,
): RedoclyChange[] {
  const kept = (change: RedoclyChange) => isSameOnTheWire(change, baseDoc, headDoc);
  const renames = changes.filter((change) => isRenameGuess(change) && !kept(change));
  const insideRename = (change: RedoclyChange) =>
    renames.some(
      (rename) =>
        change !== rename &&
        (change.path === rename.path || change.path.startsWith(`${rename.path}/`)),
    );
  const out: RedoclyChange[] = [];
  for (const change of changes) {
    if (isReplacedEntry(change)) out.push(...splitReplacedEntry(change));
    // A path removed and another added: what was inside either is not compared (a parameter too).
    else if (insideRename(change)) continue;
    else if (isRenameGuess(change) && kept(change)) out.push(change);
    else if (isRenameGuess(change)) out.push(...splitRename(change, baseDoc, headDoc));
    else {
      const kept = withoutRemovedRequired(change, headDoc);
      if (kept !== undefined) out.push(newRequiredSaid(kept, baseDoc));
    }
  }
  return out;
}

/**
 * Redocly's rename: a property, path or response header whose `key` changed (its name in the map
 * that holds it), or a parameter whose `name` changed (a parameter of the same place in the list).
 */
function isRenameGuess(change: RedoclyChange): boolean {
  return (
    change.kind === 'modified' &&
    (change.property === 'key' ||
      (change.property === 'name' && change.typeName === 'Parameter')) &&
    typeof change.base?.value === 'string' &&
    typeof change.revision?.value === 'string'
  );
}

/**
 * A rename of Redocly's that changes no request: a path template whose parameters only were
 * renamed, or a path parameter renamed with its template (the name at the same place of the
 * template, both sides `in: path`). A parameter of a path both sides have under templates that
 * differ otherwise is a guess as any other.
 */
function isSameOnTheWire(
  change: RedoclyChange,
  baseDoc: Record<string, unknown>,
  headDoc: Record<string, unknown>,
): boolean {
  if (!isRenameGuess(change)) return false;
  const from = change.base!.value as string;
  const to = change.revision!.value as string;
  if (change.typeName === 'PathItem' && change.property === 'key')
    return from.startsWith('/') && templateShape(from) === templateShape(to);
  if (change.typeName !== 'Parameter') return false;
  const inPath = (doc: Record<string, unknown>, pointer: string | undefined) => {
    const parameter = pointer === undefined ? undefined : parameterAt(doc, pointer);
    return isRecord(parameter) && parameter.in === 'path';
  };
  const [section, headKey, ...rest] = pointerTokens(change.path);
  if (section !== 'paths' || headKey === undefined) return false;
  if (!inPath(headDoc, change.path)) return false;
  const at = templateNames(headKey).indexOf(to);
  const basePaths = isRecord(baseDoc.paths) ? Object.keys(baseDoc.paths) : [];
  const baseKey = basePaths.find(
    (key) => templateShape(key) === templateShape(headKey) && templateNames(key)[at] === from,
  );
  if (at < 0 || baseKey === undefined) return false;
  return inPath(baseDoc, joinPointer('#', 'paths', baseKey, ...rest));
}

/** The names of a path template's parameters, in order. */
function templateNames(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
}

/**
 * A tag or server of the document whose name or URL changed: Redocly pairs the entries of the two
 * lists that no name matches by their index, so a tag replaced by another read as "tag `Customers`:
 * `name` changed". What a tag or server is, is its name or URL: the pair is one removed, at
 * Redocly's level for the pair, and one added, a `minor` as every other addition (an added server
 * breaks no one; Redocly had rated the pair `major` for the removal); or one line, when Redocly's
 * verdict says what the entry became (a server's URL).
 */
const ENTRY_KEYS: Readonly<Record<string, string>> = { Tag: 'name', Server: 'url' };

function isReplacedEntry(change: RedoclyChange): boolean {
  return (
    change.kind === 'modified' &&
    /^#\/(tags|servers)\/\d+$/.test(change.path) &&
    ENTRY_KEYS[change.typeName] === change.property
  );
}

function splitReplacedEntry(change: RedoclyChange): RedoclyChange[] {
  const { path, typeName, impact, verdicts } = change;
  // A verdict that names both ("Server `https://a` became `https://b`") is the whole change: a line
  // "server `https://b` added" beside it would say the same again.
  if (verdicts.some((verdict) => / became /.test(verdict.message)))
    return [{ path, typeName, kind: 'removed', impact, verdicts, base: change.base }];
  return [
    { path, typeName, kind: 'removed', impact, verdicts, base: change.base },
    { path, typeName, kind: 'added', impact: 'minor', verdicts: [], revision: change.revision },
  ];
}

/**
 * One removed (with the rule and level Redocly rated the pair with) and one added: a new required
 * parameter at the same level, as a required parameter is one more thing every call must send.
 */
function splitRename(
  change: RedoclyChange,
  baseDoc: Record<string, unknown>,
  headDoc: Record<string, unknown>,
): RedoclyChange[] {
  const from = change.base!.value as string;
  const to = change.revision!.value as string;
  // A parameter is an entry of a list: the pair is at the same place of both lists.
  const parameter = change.property === 'name';
  const parent = change.path.slice(0, change.path.lastIndexOf('/'));
  const removedPath = parameter ? change.path : `${parent}/${pointerToken(from)}`;
  const where = (doc: Record<string, unknown>) => {
    const node = parameterAt(doc, change.path);
    return isRecord(node) && typeof node.in === 'string' ? node.in : '';
  };
  const said = (name: string, doc: Record<string, unknown>) =>
    parameter
      ? `\`${name}\` ${where(doc)} parameter`.replace('  ', ' ')
      : `${KEYED[change.typeName] ?? words(change.typeName)} \`${name}\``;
  const verdicts = change.verdicts.map((verdict) => ({
    ...verdict,
    message: `${said(from, baseDoc)} was removed`,
    location: change.base,
  }));
  const added = parameter ? parameterAt(headDoc, change.path) : undefined;
  const required = isRecord(added) && added.required === true;
  return [
    {
      path: removedPath,
      typeName: change.typeName,
      kind: 'removed',
      impact: change.impact,
      verdicts,
      base: change.base,
    },
    {
      path: change.path,
      typeName: change.typeName,
      kind: 'added',
      // A component adds nothing to the API until a place uses it, and that place is a change of
      // its own (Redocly's rating of a component added): a patch, as the one removed is.
      impact: required ? change.impact : isComponent(change.path) ? 'patch' : 'minor',
      verdicts: required
        ? [
            {
              ruleId: 'parameter-became-required',
              impact: change.impact,
              message: `Required ${said(to, headDoc)} was added`,
              location: change.revision,
            },
          ]
        : [],
      revision: { ...change.revision, value: undefined },
    },
  ];
}

/**
 * A `required-properties-removed` change listing only the names the head's schema still has;
 * undefined when none is left.
 */
function withoutRemovedRequired(
  change: RedoclyChange,
  headDoc: Record<string, unknown>,
): RedoclyChange | undefined {
  const index = change.verdicts.findIndex(
    (verdict) => verdict.ruleId === 'required-properties-removed',
  );
  if (index < 0) return change;
  const before = change.base?.value;
  const after = change.revision?.value;
  const schemaPointer = (change.revision?.pointer ?? '').replace(/\/required$/, '');
  const schema = schemaPointer === '' ? undefined : getByPointer(headDoc, schemaPointer);
  if (!Array.isArray(before) || !Array.isArray(after) || !isRecord(schema)) return change;
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const stillThere = before.filter(
    (name): name is string =>
      typeof name === 'string' && !after.includes(name) && Object.hasOwn(properties, name),
  );
  const verdicts = [...change.verdicts];
  if (stillThere.length === 0) verdicts.splice(index, 1);
  else {
    const verdict = verdicts[index]!;
    const head = verdict.message.replace(/:[^:]*$/, '');
    verdicts[index] = {
      ...verdict,
      message: `${head}: ${stillThere.map((name) => `\`${name}\``).join(', ')}`,
    };
  }
  if (verdicts.length === 0) return undefined;
  return { ...change, verdicts };
}

/**
 * A `required-properties-added` change whose names the base's schema did not have: "Properties of
 * `OrderCreate` became required: `qty`" → "New required properties of `OrderCreate`: `qty`".
 */
function newRequiredSaid(change: RedoclyChange, baseDoc: Record<string, unknown>): RedoclyChange {
  const index = change.verdicts.findIndex(
    (verdict) => verdict.ruleId === 'required-properties-added',
  );
  const before = change.base?.value;
  const after = change.revision?.value;
  const schemaPointer = (change.base?.pointer ?? '').replace(/\/required$/, '');
  const schema = schemaPointer === '' ? undefined : getByPointer(baseDoc, schemaPointer);
  if (index < 0 || !Array.isArray(before) || !Array.isArray(after) || !isRecord(schema))
    return change;
  const verdict = change.verdicts[index]!;
  const match = /^Properties of (`[^`]+`) became required/.exec(verdict.message);
  if (match === null) return change;
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const names = after.filter(
    (name): name is string => typeof name === 'string' && !before.includes(name),
  );
  const known = names.filter((name) => Object.hasOwn(properties, name));
  const fresh = names.filter((name) => !Object.hasOwn(properties, name));
  if (fresh.length === 0) return change;
  const list = (values: string[]) => values.map((name) => `\`${name}\``).join(', ');
  const parts = [
    ...(known.length === 0 ? [] : [`Properties of ${match[1]!} became required: ${list(known)}`]),
    `${known.length === 0 ? 'New' : 'new'} required properties of ${match[1]!}: ${list(fresh)}`,
  ];
  const verdicts = [...change.verdicts];
  verdicts[index] = { ...verdict, message: parts.join('; ') };
  return { ...change, verdicts };
}

/**
 * What a map's key names, by Redocly's type of the value: a schema's key is a property's name, a
 * response's its status code (Redocly: "Response `200` became `201`"), and so on.
 */
const KEYED: Record<string, string> = {
  Schema: 'Property',
  PathItem: 'Path',
  Header: 'Response header',
  Response: 'Response',
  MediaType: 'Media type',
};

/** `SecurityScheme` → `Security scheme`. */
function words(typeName: string): string {
  const spaced = typeName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The parameter at `pointer`, through its `$ref` (the document is bundled: refs are local). */
function parameterAt(doc: Record<string, unknown>, pointer: string): unknown {
  const node = getByPointer(doc, pointer);
  const ref = isRecord(node) ? refOf(node) : undefined;
  return ref === undefined ? node : getByRef(doc, ref);
}

/** `#/components/<section>/<name>`: a component itself. */
function isComponent(path: string): boolean {
  return /^#\/components\/[^/]+\/[^/]+$/.test(path);
}

/**
 * A component renamed: one removed and one added in the same section (`schemas`), the same
 * component once the refs to its own old name read the new one, and each other's only match. The
 * spec's `$ref`s now name the new one, and requests and responses are as before: one line, a
 * patch, not "component removed" beside "component added" (helper-160 3). The SDK's lines say
 * what the rename changes in the package (a schema type's name).
 */
export function withComponentRenames(
  changes: readonly RedoclyChange[],
  baseDoc: Record<string, unknown>,
  headDoc: Record<string, unknown>,
): RedoclyChange[] {
  const sides = (kind: 'added' | 'removed') =>
    changes.filter((change) => change.kind === kind && isComponent(change.path));
  const [removed, added] = [sides('removed'), sides('added')];
  if (removed.length === 0 || added.length === 0) return [...changes];
  const section = (path: string) => pointerTokens(path)[1];
  const name = (path: string) => pointerTokens(path)[2]!;
  const same = (gone: RedoclyChange, next: RedoclyChange) =>
    section(gone.path) === section(next.path) &&
    isDeepStrictEqual(
      renamedRefs(getByPointer(baseDoc, gone.path), gone.path, next.path),
      getByPointer(headDoc, next.path),
    );
  const pairs = new Map<RedoclyChange, RedoclyChange>();
  for (const gone of removed) {
    const matches = added.filter((next) => same(gone, next));
    if (matches.length !== 1) continue;
    const next = matches[0]!;
    if (removed.filter((other) => same(other, next)).length !== 1) continue;
    pairs.set(gone, next);
  }
  const paired = new Set([...pairs.keys(), ...pairs.values()]);
  const out: RedoclyChange[] = [];
  for (const change of changes) {
    const next = pairs.get(change);
    if (next !== undefined) {
      const what = KIND_OF_SECTION[section(change.path)!] ?? 'component';
      out.push({
        path: next.path,
        typeName: next.typeName,
        kind: 'modified',
        property: 'key',
        impact: 'patch',
        verdicts: [],
        base: { ...change.base, pointer: change.path },
        revision: { ...next.revision, pointer: next.path },
        said: `${what} \`${name(change.path)}\` renamed to \`${name(next.path)}\`, the same ${what} (its \`$ref\`s follow it): requests and responses are as before`,
      });
    } else if (!paired.has(change)) out.push(change);
  }
  return out;
}

const KIND_OF_SECTION: Record<string, string> = {
  schemas: 'schema',
  parameters: 'parameter',
  responses: 'response',
  requestBodies: 'request body',
  headers: 'header',
  examples: 'example',
  securitySchemes: 'security scheme',
  links: 'link',
  callbacks: 'callback',
  pathItems: 'path item',
};

/** `value` with every `$ref` to `from` (or inside it) rewritten to `to`. */
function renamedRefs(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renamedRefs(item, from, to));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' &&
      typeof inner === 'string' &&
      (inner === from || inner.startsWith(`${from}/`))
        ? to + inner.slice(from.length)
        : renamedRefs(inner, from, to),
    ]),
  );
}
