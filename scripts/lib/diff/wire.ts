/**
 * The wire level of `npm run diff`: Redocly's diff (the engine of `redocly diff`, run in this
 * process: redocly-diff.ts) on the two bundled documents, its changes turned into lines, each placed
 * in the file that holds it (the generator's source map: `spec/components/parameters/PlanId.yaml:9`).
 *
 * Bundled against bundled, so that only the API's changes show: a spec split into files compared
 * with a bundled one (release/openapi.json, the base `npm run release` uses) differs in where its
 * components sit (the bundler adds the parameters, responses and examples that path files refer
 * to), and Redocly reported those sections as removed although nothing changed.
 *
 * What this relies on, checked against Redocly's docs: the command rates each change `major`,
 * `minor` or `patch` from its `diff-recommended` rules (every rule `major` there), and with a
 * redocly.yaml only the rules that file turns on run; so this passes its own config (`extends:
 * diff-recommended` plus the levels of rules.ts), never the project's lint config. A schema shared
 * by many operations is reported once, at the first place it is used. Changes to the root `x-sdk`
 * extension are the SDK's settings (its version, this promise), not the API, and are left out.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { unescapePointerFragment } from '@redocly/openapi-core';
import { isRecord } from '../../../generator/json.ts';
import { joinPointer } from '../../../generator/errors.ts';
import { getByPointer, pointerTokens, refOf, refPointer } from '../../../generator/pointer.ts';
import type { SourcePlace } from '../../../generator/index.ts';
import type { Change } from './change.ts';
import { constraintMeaning } from './constraints.ts';
import { redoclyDiff, type RedoclyChange, type RedoclyLocation } from './redocly-diff.ts';
import type { Level, Ruleset } from './rules.ts';
import { INPUT_USES, schemaOperations, schemaUses, type SchemaUse } from './uses.ts';
import { withComponentRenames, withoutGuesses } from './wire-renames.ts';
import { pairedPaths, withPathRenames } from './wire-path-pairs.ts';
import { withRegroupsRead } from './wire-regroup.ts';
import { withTrueSchemaChanges } from './wire-schemas.ts';
import {
  withEquivalentsRead,
  withKeySchemasAsConstraints,
  withServerVariablesRead,
} from './wire-equivalents.ts';

/** One side of the comparison: its bundled document. */
interface WireSide {
  bundled: Record<string, unknown>;
}

/** The head (the working tree), where lines place changes: where its places were written, how to show files. */
interface HeadSide extends WireSide {
  /** Where the place at a pointer of `bundled` was written (`file` absolute). */
  place: (pointer: string, at?: 'value' | 'key') => SourcePlace | undefined;
  /** A file as messages show it (`spec/paths/plan.yaml`). */
  display: (file: string) => string;
}

export async function compareWire(
  base: WireSide,
  head: HeadSide,
  ruleset: Ruleset,
  tempDir: string,
): Promise<Change[]> {
  const files = {
    base: join(tempDir, 'base-openapi.json'),
    head: join(tempDir, 'head-openapi.json'),
  };
  // Renamed path templates paired first, so that Redocly compares what is inside them.
  const paired = pairedPaths(base.bundled, head.bundled);
  const reported = withPathRenames(
    await redoclyDiff(paired.base, head.bundled, files, ruleset),
    paired.renames,
    files,
  );
  const docs = { base: base.bundled, head: head.bundled };
  const changes = withKeySchemasAsConstraints(
    withServerVariablesRead(
      withEquivalentsRead(
        withTrueSchemaChanges(
          withRegroupsRead(
            withComponentRenames(
              withoutGuesses(
                reported.filter((change) => !change.path.startsWith('#/x-sdk')),
                base.bundled,
                head.bundled,
              ),
              base.bundled,
              head.bundled,
            ),
            docs,
            ruleset.wire,
          ),
          docs,
          ruleset.wire['schema-type-changed'] ?? 'major',
        ),
        docs,
      ),
      docs,
      ruleset.wire['server-removed'] ?? 'major',
    ),
    ruleset.wire['schema-constraint-changed'] ?? 'patch',
  );
  const sides = new Map([base, head].map((side) => [side, schemaIndex(side.bundled)]));
  return changes
    .map((change) => errorResponseLevel(change, ruleset.errorResponseRemoved))
    .map((change) => toChange(change, base, head, files.base, sides));
}

/** An error response (4xx, 5xx, `4XX`) removed, at its own level (rules.ts `errorResponseRemoved`). */
function errorResponseLevel(change: RedoclyChange, level: Level): RedoclyChange {
  if (!change.verdicts.some((verdict) => verdict.ruleId === 'response-removed')) return change;
  const status = change.path.split('/').at(-1) ?? '';
  if (!/^[45]/.test(status)) return change;
  return {
    ...change,
    impact: level,
    verdicts: change.verdicts.map((verdict) =>
      verdict.ruleId === 'response-removed' ? { ...verdict, impact: level } : verdict,
    ),
  };
}

/** What a side's operations use its named schemas for, and which operations do (uses.ts), made once. */
interface SchemaIndex {
  uses: () => Map<string, Set<SchemaUse>>;
  operations: () => Map<string, string[]>;
}

function schemaIndex(doc: Record<string, unknown>): SchemaIndex {
  let uses: Map<string, Set<SchemaUse>> | undefined;
  let operations: Map<string, string[]> | undefined;
  return {
    uses: () => (uses ??= schemaUses(doc)),
    operations: () => (operations ??= schemaOperations(doc)),
  };
}

function toChange(
  change: RedoclyChange,
  base: WireSide,
  head: HeadSide,
  baseFile: string,
  sides: Map<WireSide, SchemaIndex>,
): Change {
  const worst = [...change.verdicts].sort((a, b) => rank(b.impact) - rank(a.impact))[0];
  const source = worst?.location ?? (change.kind === 'removed' ? change.base : change.revision);
  // Redocly names the bundled file it read (relative to its working folder) and a pointer in it.
  const side =
    source?.file === undefined
      ? change.kind === 'removed'
        ? base
        : head
      : source.file === baseFile
        ? base
        : head;
  // A change inside a named schema is said in the schema's terms, with every operation using it:
  // Redocly reports it once, at the first place the schema is used.
  const shared = sharedSchema(change, source, base, head, sides.get(side)!);
  const described = describePath(
    shared?.pointer ?? change.path,
    (change.kind === 'removed' ? base : head).bundled,
  );
  const { location, subject } = described;
  const what = withMediaType(change, described.what);
  const { said: verdict, rating } =
    change.said !== undefined
      ? { said: change.said, rating: undefined }
      : worst === undefined
        ? {
            said:
              keywordMeaning(change, what, source, side.bundled, sides.get(side)!) ??
              describeChange(change, what),
            rating: undefined,
          }
        : namedVerdict(worst, change, subject);
  // "property `note` of `Order` was removed": the line names `Order` in front.
  const said =
    shared === undefined
      ? verdict
      : verdict.replace(new RegExp(`(\`[^\`]+\`) of \`${escapeRegExp(shared.name)}\``), '$1');
  const enumLine =
    change.said === undefined
      ? enumMessage(change, source, side.bundled, sides.get(side)!)
      : undefined;
  const line =
    enumLine === undefined ? said : subject === undefined ? enumLine : `${subject}: ${enumLine}`;
  const message = rating === undefined ? line : `${line}; ${rating}`;
  const place = headPlace(change, source, side === base, head, base.bundled);
  const where =
    place === undefined
      ? undefined
      : `${head.display(place.file)}${place.line === undefined ? '' : `:${place.line}`}`;
  return {
    level: change.impact,
    kind: `wire/${worst?.ruleId ?? change.rule ?? `${kebab(change.typeName)}-${change.kind}`}`,
    location: shared === undefined ? location : shared.operations[0]!,
    message: where === undefined ? message : `${message} (${where})`,
    ...(shared === undefined ? {} : { schema: shared.name, operations: shared.operations }),
    ...(shared?.parameter === true ? { parameter: true } : {}),
    ...(where === undefined ? {} : { source: where }),
    ...(rating === undefined ? {} : { rating }),
    ...renamedNames(change),
  };
}

/** The names a rename wire-renames.ts keeps pairs: a path template's, or its path parameter's. */
function renamedNames(change: RedoclyChange): Pick<Change, 'templates' | 'parameterRenamed'> {
  if (change.kind !== 'modified') return {};
  const [from, to] = [change.base?.value, change.revision?.value];
  if (typeof from !== 'string' || typeof to !== 'string') return {};
  if (change.typeName === 'PathItem' && change.property === 'key')
    return { templates: [{ from, to }] };
  if (change.typeName === 'Parameter' && change.property === 'name')
    return { parameterRenamed: { from, to } };
  return {};
}

/**
 * Where a change is in the files the user edits: the working tree's spec. A place Redocly found
 * on the base's side (a bundled record such as release/openapi.json, or a file at a git ref) is
 * the same place in the head when it is still there, and for something removed, the place that
 * held it (the `properties` of its schema, the `parameters` of its operation): never a list's
 * entry by index, which may now be another one. Undefined when the head has none of them.
 */
function headPlace(
  change: RedoclyChange,
  source: RedoclyLocation | undefined,
  onBase: boolean,
  head: HeadSide,
  base: Record<string, unknown>,
): SourcePlace | undefined {
  if (source?.pointer === undefined) return undefined;
  // Something added is where its key is written (`extra:`), not the first line of its value
  // (`type: string`, or a `description` below the key: helper-120 L11).
  // A component renamed (wire-renames.ts): where its new name is written.
  const atKey =
    change.kind === 'added' ||
    (change.property === 'key' && change.path.startsWith('#/components/'));
  if (!onBase) return head.place(source.pointer, atKey ? 'key' : 'value');
  const removed = change.kind === 'removed';
  // A part of a schema the place no longer uses (`$ref: Plan` replaced), still in the head as it
  // was: the place is where it was used, not the schema's own file, which did not change.
  const unchanged =
    removed &&
    isDeepStrictEqual(
      getByPointer(head.bundled, source.pointer),
      getByPointer(base, source.pointer),
    );
  const tokens = (unchanged ? change.path : source.pointer).split('/');
  for (; tokens.length > 1; tokens.pop()) {
    const pointer = tokens.join('/');
    if (removed && (/^\d+$/.test(tokens.at(-1)!) || isAtOrUnder(pointer, change.path))) continue;
    if (getByPointer(head.bundled, pointer) === undefined) continue;
    // What held the removed part: the line of its key (`properties:`), not of its first entry.
    const place = head.place(pointer, removed ? 'key' : 'value');
    if (place !== undefined) return place;
  }
  return undefined;
}

/** A named schema or parameter a change is inside, with every operation using it. */
interface SharedPlace {
  pointer: string;
  name: string;
  operations: string[];
  /** The name is a parameter component's (Change `parameter`). */
  parameter?: true;
}

/**
 * The named schema a change is inside (its pointer in the schema, its name and the operations
 * using it, in order), when both sides have that schema and the pointers of both sides are in it.
 * Undefined for a change of an operation's own parts, or a schema swapped for another.
 */
function sharedSchema(
  change: RedoclyChange,
  source: RedoclyLocation | undefined,
  base: WireSide,
  head: WireSide,
  index: SchemaIndex,
): SharedPlace | undefined {
  const match = /^#\/components\/(schemas|parameters)\/([^/]+)/.exec(source?.pointer ?? '');
  if (match === null || source?.pointer === undefined)
    return commonSchema(change, base, head, index);
  const isParameter = match[1] === 'parameters';
  const component = match[0];
  for (const location of [change.base, change.revision])
    if (location?.pointer !== undefined && !isAtOrUnder(location.pointer, component))
      return commonSchema(change, base, head, index);
  if (getByPointer(base.bundled, component) === undefined) return undefined;
  if (getByPointer(head.bundled, component) === undefined) return undefined;
  // The schema is the same on both sides where the change is: what changed is the place that used
  // it (`$ref: Plan` became `oneOf: [Plan, Addon]`), not the schema (Redocly reads the removed
  // side through the ref: "`Plan`: all properties were removed").
  const inside = (change.kind === 'removed' ? change.base : change.revision)?.pointer;
  if (
    inside !== undefined &&
    isAtOrUnder(inside, component) &&
    isDeepStrictEqual(getByPointer(base.bundled, inside), getByPointer(head.bundled, inside))
  )
    return commonSchema(change, base, head, index);
  const operations = index.operations().get(component) ?? [];
  // Used by one operation: the operation's own words name the parameter or response it is in.
  if (operations.length < 2) return undefined;
  // A shared parameter is said as the operation's own words say it ("query parameter `limit`"),
  // named after its component, with every operation using it.
  if (isParameter)
    return {
      pointer: change.path,
      name: unescapePointerFragment(match[2]!),
      operations,
      parameter: true,
    };
  // The schema that changed (a keyword's change is said by describeChange or the verdict).
  const changed = change.kind === 'removed' ? change.base : change.revision;
  const at =
    changed?.pointer !== undefined && isAtOrUnder(changed.pointer, component)
      ? changed.pointer
      : source.pointer;
  const pointer =
    change.kind === 'modified' &&
    change.property !== undefined &&
    at.endsWith(`/${change.property}`)
      ? at.slice(0, -change.property.length - 1)
      : at;
  return { pointer, name: unescapePointerFragment(match[2]!), operations };
}

/**
 * The innermost named schema that holds the change on both sides, reached the same way: for a
 * change whose two sides are in different components (`Plan.price` was a `$ref` to `Price`, and is
 * now written inline, without Price's `title`), Redocly's path from the operation passes through
 * `Plan` on both sides, and on to the same place in it (`properties/price`). The line is then
 * `Plan`'s, with every operation using it, as other changes inside `Plan` are; undefined when the
 * two paths share no schema, or it has fewer than two operations.
 */
function commonSchema(
  change: RedoclyChange,
  base: WireSide,
  head: WireSide,
  index: SchemaIndex,
): SharedPlace | undefined {
  const inHead = schemasAlong(head.bundled, change.path);
  const inBase = schemasAlong(base.bundled, change.path);
  for (const { name, rest } of inHead.reverse()) {
    const same = inBase.find(
      (entry) => entry.name === name && entry.rest.join('/') === rest.join('/'),
    );
    if (same === undefined) continue;
    const component = joinPointer('#', 'components', 'schemas', name);
    const operations = index.operations().get(component) ?? [];
    if (operations.length < 2) return undefined;
    const tokens =
      change.kind === 'modified' && change.property !== undefined && rest.at(-1) === change.property
        ? rest.slice(0, -1)
        : rest;
    return { pointer: joinPointer(component, ...tokens), name, operations };
  }
  return undefined;
}

/**
 * The named schemas (`#/components/schemas/<name>`) that Redocly's `path` passes through in `doc`,
 * following each `$ref` on the way, outermost first, each with the tokens of the path after it.
 */
function schemasAlong(
  doc: Record<string, unknown>,
  path: string,
): { name: string; rest: string[] }[] {
  const along: { name: string; rest: string[] }[] = [];
  let node: unknown = doc;
  const follow = () => {
    for (let hops = 0; hops < 32; hops++) {
      const ref = refOf(node);
      const target = ref === undefined ? undefined : refPointer(ref);
      if (target === undefined) return;
      const [section, kind, name] = pointerTokens(target);
      if (section === 'components' && kind === 'schemas' && name !== undefined)
        along.push({ name, rest: [] });
      node = getByPointer(doc, target);
    }
  };
  for (const token of pointerTokens(path)) {
    follow();
    if (!isRecord(node) && !Array.isArray(node)) return along;
    node = (node as Record<string, unknown>)[token];
    for (const entry of along) entry.rest.push(token);
  }
  return along;
}

function isAtOrUnder(pointer: string, prefix: string): boolean {
  return pointer === prefix || pointer.startsWith(`${prefix}/`);
}

/**
 * An enum's values added or removed, said for where the schema is used: a new value can reach
 * code that reads responses (an exhaustive \`switch\` over the values needs a new case) and is
 * one more a request may send; a value removed is rejected in requests and no longer returned.
 * Undefined for a change that is not to an enum's values.
 */
function enumMessage(
  change: RedoclyChange,
  source: RedoclyLocation | undefined,
  doc: Record<string, unknown>,
  index: SchemaIndex,
): string | undefined {
  if (change.kind !== 'modified' || change.property !== 'enum') return undefined;
  const before = Array.isArray(change.base?.value) ? (change.base.value as unknown[]) : undefined;
  const after = Array.isArray(change.revision?.value)
    ? (change.revision.value as unknown[])
    : undefined;
  if (before === undefined || after === undefined) return undefined;
  const missing = (values: unknown[], from: unknown[]) =>
    values.filter(
      (value) => !from.some((other) => JSON.stringify(other) === JSON.stringify(value)),
    );
  const [added, removed] = [missing(after, before), missing(before, after)];
  // helper-120 L14: the values reordered read as Redocly's "`enum` changed".
  if (added.length + removed.length === 0)
    return before.length === after.length
      ? 'the same enum values in another order: none added or removed, so requests and responses are as before (the generated types list them in the new order)'
      : undefined;
  const { inRequests, inResponses } = usedIn(change, source, doc, index);
  const sentences: string[] = [];
  if (added.length > 0) {
    const it = added.length > 1 ? 'them' : 'it';
    const parts: string[] = [];
    if (inResponses)
      parts.push(
        `responses may now contain ${it}: code that handles every value (an exhaustive \`switch\`) needs a new case`,
      );
    if (inRequests) parts.push(`requests may send ${it}`);
    sentences.push([`${valueList(added)} added`, ...parts].join('; '));
  }
  if (removed.length > 0) {
    const it = removed.length > 1 ? 'them' : 'it';
    const parts: string[] = [];
    if (inRequests) parts.push(`requests that send ${it} are now rejected`);
    if (inResponses) parts.push(`responses no longer contain ${it}`);
    sentences.push([`${valueList(removed)} removed`, ...parts].join('; '));
  }
  return sentences.join('. ');
}

/**
 * Where the schema a change is in is used: the named schema's uses (through every `$ref`), or
 * for an operation's own schema, the part of the operation it is in.
 */
function usedIn(
  change: RedoclyChange,
  source: RedoclyLocation | undefined,
  doc: Record<string, unknown>,
  index: SchemaIndex,
): { inRequests: boolean; inResponses: boolean } {
  const component = /^#\/components\/schemas\/[^/]+/.exec(source?.pointer ?? '')?.[0];
  const uses =
    component !== undefined && getByPointer(doc, component) !== undefined
      ? (index.uses().get(component) ?? new Set<SchemaUse>())
      : new Set<SchemaUse>([inlineUse(change.path)]);
  return {
    inRequests: [...uses].some((use) => INPUT_USES.has(use)),
    inResponses: [...uses].some((use) => !INPUT_USES.has(use)),
  };
}

/**
 * A schema's `default` or constraint changed where no Redocly rule spoke (a `maxLength` set on a
 * response, a `default` set anywhere), with what it means where the schema is used (helper-160
 * 1, 4: "`default` added", "`maxLength` added" said nothing): a request's default is what the API
 * does for calls that leave the value out; a response's documents what a response without it
 * means; a constraint is said as constraints.ts says it, for requests or responses. Undefined for
 * other keywords, or a constraint that cannot be said in a few words.
 */
function keywordMeaning(
  change: RedoclyChange,
  what: string,
  source: RedoclyLocation | undefined,
  doc: Record<string, unknown>,
  index: SchemaIndex,
): string | undefined {
  if (change.kind !== 'modified' || change.property === undefined) return undefined;
  if (change.typeName !== 'Schema') return undefined;
  const keyword = change.property;
  const [from, to] = [change.base?.value, change.revision?.value];
  const { inRequests, inResponses } = usedIn(change, source, doc, index);
  const sides = [
    ...(inRequests ? (['request'] as const) : []),
    ...(inResponses ? (['response'] as const) : []),
  ];
  const value = (v: unknown) => `\`${JSON.stringify(v)}\``;
  const meanings = sides.map((side) => {
    if (keyword !== 'default') return constraintMeaning(keyword, from, to, 'values', side);
    if (side === 'response')
      return to === undefined
        ? 'responses no longer document what a missing value means'
        : `a response without it means ${value(to)}`;
    return to === undefined
      ? 'requests that leave it out get what the API does without it'
      : `requests that leave it out now get ${value(to)} from the API`;
  });
  const known = meanings.filter((meaning) => meaning !== undefined);
  if (known.length === 0 || known.length < meanings.length) return undefined;
  // Each meaning names its side ("requests that…", "…are no longer returned").
  const said = known;
  const done =
    from === undefined
      ? `set to ${value(to)}`
      : to === undefined
        ? `removed (was ${value(from)})`
        : `changed from ${value(from)} to ${value(to)}`;
  // A named schema's own keyword: the line names the schema in front (`Metadata` (in …): …).
  const on = what === 'component' ? '' : `${what}: `;
  return `${on}\`${keyword}\` ${done}; ${said.join('; ')}`;
}

/** `enum value \`"a"\`` or `enum values \`"a"\`, \`"b"\``. */
function valueList(values: unknown[]): string {
  const list = values.map((value) => `\`${JSON.stringify(value)}\``).join(', ');
  return `enum value${values.length > 1 ? 's' : ''} ${list}`;
}

/** Where an operation's inline schema is: a request's parameters or body, or a response. */
function inlineUse(path: string): SchemaUse {
  const tokens = path.replace(/^#\/?/, '').split('/');
  const section =
    tokens[0] === 'paths' ? tokens.slice(2).find((token) => VALUE_SECTIONS.has(token)) : undefined;
  return section === 'responses'
    ? 'responses'
    : section === 'requestBody'
      ? 'request bodies'
      : 'parameters';
}

/**
 * Redocly's message, with what it is about when it does not say (a constraint on a parameter's
 * schema reads "`maxLength` was set to '64'."): "path parameter `plan`: `maxLength` was set to
 * '64'; values longer than 64 characters are now rejected". The caller's side of a constraint is
 * said for the ones a value can be checked against (constraints.ts).
 */
function namedVerdict(
  verdict: RedoclyChange['verdicts'][number],
  change: RedoclyChange,
  subject: string | undefined,
): { said: string; rating?: string } {
  // Redocly writes sentences ("Property `note` was removed."); our lines are clauses after their
  // place ("`Order` (in …): property `note` was removed"), lowercase as the SDK's are. An
  // acronym or a name in backticks keeps its case.
  const message = responseByStatus(
    change,
    typeChangeWords(
      verdict,
      change,
      verdict.message.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()),
    ),
  );
  const named =
    subject === undefined || message.includes(subject.slice(subject.indexOf('`')))
      ? message
      : `${subject}: ${message}`;
  const keyword =
    change.kind === 'modified'
      ? change.property
      : unescapePointerFragment(change.path.split('/').at(-1) ?? '');
  const meaning =
    verdict.ruleId === 'schema-constraint-changed' && keyword !== undefined
      ? constraintMeaning(keyword, change.base?.value, change.revision?.value)
      : undefined;
  const said = meaning === undefined ? named : `${named}; ${meaning}`;
  // Why a limit callers may hit is not breaking (rules.ts WIRE_DEFAULTS), unless the spec rates it so.
  if (verdict.ruleId !== 'schema-constraint-changed' || verdict.impact === 'major') return { said };
  const level = verdict.impact === 'minor' ? 'a minor change' : 'a patch';
  // `format` and the content keywords make SDK types (dates, `Blob`): the SDK level's lines say
  // what changed there, at their own levels.
  return {
    said,
    rating:
      keyword !== undefined && TYPE_MAKING_KEYWORDS.has(keyword)
        ? `${level} on the wire: the API applies it whatever SDK version a caller uses (the SDK lines say what it changes in the package)`
        : `${level}: no SDK type changes, and the API applies it whatever SDK version a caller uses`,
  };
}

/**
 * A response said by its status, as the operation has it: Redocly names one that is a `$ref` by the
 * component it names ("Response `UnexpectedError` was removed" for the `default` response).
 */
function responseByStatus(change: RedoclyChange, message: string): string {
  const status = /\/responses\/([^/]+)$/.exec(change.path)?.[1];
  if (status === undefined || !change.path.startsWith('#/paths/')) return message;
  return message.replace(/^response `[^`]*`/, `response \`${unescapePointerFragment(status)}\``);
}

/**
 * Constraint keywords the generated types depend on (date revivers, binary bodies as `Blob`, a
 * `const`'s literal type).
 */
const TYPE_MAKING_KEYWORDS = new Set(['format', 'contentMediaType', 'contentEncoding', 'const']);

function rank(level: Level): number {
  return level === 'major' ? 3 : level === 'minor' ? 2 : 1;
}

function describeChange(change: RedoclyChange, what: string): string {
  if (change.kind === 'added') return `${what} added`;
  if (change.kind === 'removed') return `${what} removed`;
  const property = change.property;
  if (property === 'deprecated' && change.revision?.value === true) return `${what} deprecated`;
  if (property === undefined) return `${what} changed`;
  // The renames wire-renames.ts keeps: the requests are the same, only names in the spec changed.
  const [from, to] = [change.base?.value, change.revision?.value];
  if (change.typeName === 'PathItem' && property === 'key')
    return `path template renamed from \`${String(from)}\`: only the names of its parameters changed, the requests are the same`;
  if (change.typeName === 'Parameter' && property === 'name')
    return `path parameter \`${String(from)}\` renamed to \`${String(to)}\` with its path template: the requests are the same`;
  const required = requiredChange(from, to);
  if (property === 'required' && required !== undefined)
    return what === 'component' ? required : `${what}: ${required}`;
  // The document's `info` (its version, title): short values, said with them, as a changelog
  // reader wants them (helper-130 10: "`#/info`: info: `version` changed").
  if (change.path === '#/info' && isShortScalar(from) && isShortScalar(to))
    return `\`info.${property}\` changed from \`${String(from)}\` to \`${String(to)}\``;
  // helper-134 3: "`additionalProperties` added" said nothing of what it does.
  if (property === 'additionalProperties' && to === false)
    return `${what}: \`additionalProperties: false\` ${from === undefined ? 'added' : 'set'}: an object with a property the schema does not declare is refused now (by the package's guards too, so with \`responseValidation\` on, a response that gains a property fails)`;
  if (property === 'additionalProperties' && from === false)
    return `${what}: \`additionalProperties: false\` ${to === undefined ? 'removed' : 'lifted'}: an object may hold properties the schema does not declare`;
  // helper-134 8: a request's `integer` → `number` read "`type` changed", where Redocly's own
  // line for the reverse says "narrowed".
  const typeWord = property === 'type' ? typeChangeWord(from, to) : undefined;
  if (typeWord !== undefined)
    return `${what}: type ${typeWord} from ${typeList(from)} to ${typeList(to)}`;
  // A keyword that one side does not have was added or removed, not changed.
  const done =
    change.base?.value === undefined
      ? 'added'
      : change.revision?.value === undefined
        ? 'removed'
        : 'changed';
  return `${what}: \`${property}\` ${done}`;
}

/** `` `integer` `` or `` `string`, `null` ``. */
function typeList(value: unknown): string {
  return (Array.isArray(value) ? value : [value]).map((type) => `\`${String(type)}\``).join(', ');
}

function isShortScalar(value: unknown): value is string | number | boolean {
  return (
    (typeof value === 'string' && value.length <= 60 && !value.includes('`')) ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

/**
 * The names a `required` list gained and lost ("property `failureCode` became required"): Redocly
 * rates the direction that breaks (a request's, a response's), and reports the other as the list
 * changed. Undefined when neither side is a list of names.
 */
function requiredChange(from: unknown, to: unknown): string | undefined {
  if (!Array.isArray(from) && !Array.isArray(to)) return undefined;
  const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const [before, after] = [names(from), names(to)];
  const list = (found: string[]) => found.map((name) => `\`${name}\``).join(', ');
  const gained = after.filter((name) => !before.includes(name));
  const lost = before.filter((name) => !after.includes(name));
  const parts = [
    ...(gained.length === 0
      ? []
      : [`${gained.length === 1 ? 'property' : 'properties'} ${list(gained)} became required`]),
    ...(lost.length === 0
      ? []
      : [`${lost.length === 1 ? 'property' : 'properties'} ${list(lost)} no longer required`]),
  ];
  return parts.length === 0 ? '`required` reordered' : parts.join('; ');
}

/**
 * Redocly calls every type change "widened" (`integer` to `string` too): it is widened only when
 * the new types hold every old one, narrowed when the old hold every new, and changed otherwise.
 */
function typeChangeWords(
  verdict: RedoclyChange['verdicts'][number],
  change: RedoclyChange,
  message: string,
): string {
  if (verdict.ruleId !== 'schema-type-changed' || !/\b(widened|narrowed)\b/.test(message))
    return message;
  const word = typeChangeWord(change.base?.value, change.revision?.value);
  return word === undefined ? message : message.replace(/\b(widened|narrowed)\b/, word);
}

/**
 * `type` from `from` to `to` (a name or a list): `widened` when the new types hold every old one
 * (`number` holds `integer`), `narrowed` when the old hold every new, `changed` otherwise;
 * undefined when either side names no type.
 */
function typeChangeWord(
  from: unknown,
  to: unknown,
): 'widened' | 'narrowed' | 'changed' | undefined {
  const types = (value: unknown): Set<string> =>
    new Set(
      (Array.isArray(value) ? value : [value])
        .filter((type): type is string => typeof type === 'string')
        .flatMap((type) => (type === 'number' ? ['number', 'integer'] : [type])),
    );
  const [before, after] = [types(from), types(to)];
  if (before.size === 0 || after.size === 0) return undefined;
  const holds = (outer: Set<string>, inner: Set<string>) => [...inner].every((t) => outer.has(t));
  return holds(after, before) ? 'widened' : holds(before, after) ? 'narrowed' : 'changed';
}

/**
 * A pointer into the bundled document → where (`GET /plans/{plan}`, or the component) and what
 * (`response 200 property \`items[].nickname\``), following `$ref`s to name parameters.
 */
function describePath(
  pointer: string,
  doc: Record<string, unknown>,
): { location: string; what: string; subject?: string } {
  const tokens = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((token) => token !== '')
    .map(unescapePointerFragment);
  if (tokens[0] === 'paths' && tokens.length >= 3 && HTTP_METHODS.has(tokens[2]!)) {
    const location = `${tokens[2]!.toUpperCase()} ${tokens[1]!}`;
    const [rest, prefix] = [tokens.slice(3), tokens.slice(0, 3)];
    return {
      location,
      what: describeOperationPart(rest, prefix, doc),
      subject: VALUE_SECTIONS.has(rest[0] ?? '')
        ? describeOperationPart(rest, prefix, doc, false)
        : undefined,
    };
  }
  // The parameters of a path item, which every operation of the path has.
  if (tokens[0] === 'paths' && tokens[2] === 'parameters' && tokens.length >= 4) {
    const [rest, prefix] = [tokens.slice(2), tokens.slice(0, 2)];
    return {
      location: tokens[1]!,
      what: describeOperationPart(rest, prefix, doc),
      subject: describeOperationPart(rest, prefix, doc, false),
    };
  }
  if (tokens[0] === 'paths' && tokens.length >= 2)
    return { location: tokens[1]!, what: tokens.length === 2 ? 'path' : tokens.slice(2).join('/') };
  // A tag, server or security requirement of the document, by what it is, not by its index.
  const entry = listEntry(tokens, doc);
  if (entry !== undefined) return { location: `#/${tokens[0]!}`, what: entry };
  if (tokens[0] === 'components' && tokens.length >= 3) {
    const location = `#/components/${tokens[1]!}/${tokens[2]!}`;
    return {
      location,
      what: describeSchemaPath(tokens.slice(3)) ?? 'component',
      subject: describeSchemaPath(tokens.slice(3), false),
    };
  }
  return { location: pointer, what: tokens.at(-1) ?? 'document' };
}

/** The parts of an operation that hold values a caller sends or reads. */
const VALUE_SECTIONS = new Set(['parameters', 'requestBody', 'responses']);

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** `keywords` false: the parameter, body or property only, without the keyword that changed. */
function describeOperationPart(
  rest: string[],
  prefix: string[],
  doc: Record<string, unknown>,
  keywords = true,
) {
  if (rest.length === 0) return 'operation';
  const [section, key, ...tail] = rest;
  if (section === 'parameters' && key !== undefined) {
    const parameter = resolve(doc, [...prefix, section, key]);
    const name =
      isRecord(parameter) && typeof parameter.name === 'string'
        ? `${typeof parameter.in === 'string' ? parameter.in : ''} parameter \`${parameter.name}\``.trim()
        : `parameter ${key}`;
    const inner = tail[0] === 'schema' ? describeSchemaPath(tail.slice(1), keywords) : undefined;
    return inner === undefined ? name : `${name}, ${inner}`;
  }
  if (section === 'requestBody') {
    const schemaAt = tail.indexOf('schema');
    const inner = schemaAt < 0 ? undefined : describeSchemaPath(tail.slice(schemaAt + 1), keywords);
    return inner === undefined ? 'request body' : `request body ${inner}`;
  }
  if (section === 'responses' && key !== undefined) {
    const schemaAt = tail.indexOf('schema');
    const inner = schemaAt < 0 ? undefined : describeSchemaPath(tail.slice(schemaAt + 1), keywords);
    // A response header's schema: the header is what a caller reads.
    const response =
      tail[0] === 'headers' && tail[1] !== undefined
        ? `response ${key} header \`${tail[1]}\``
        : `response ${key}`;
    return inner === undefined ? response : `${response} ${inner}`;
  }
  return listEntry(rest, doc, prefix) ?? rest.join('/');
}

/**
 * A body's media type added or removed, said as one (`request body media type
 * \`application/x-www-form-urlencoded\``): Redocly reports the new one at its schema, which read
 * "request body added" for a body that was there all along.
 */
function withMediaType(change: RedoclyChange, what: string): string {
  if (change.kind === 'modified' || !/^(request body|response [^ ]+)$/.test(what)) return what;
  const mediaType = /\/content\/([^/]+)(?:\/schema)?$/.exec(change.path)?.[1];
  return mediaType === undefined
    ? what
    : `${what} media type \`${unescapePointerFragment(mediaType)}\``;
}

/** The lists whose entries a line names by what they are: a tag by its name, a server by its URL. */
const LISTS: Record<string, { noun: string; name: (entry: unknown) => string | undefined }> = {
  tags: {
    noun: 'tag',
    name: (entry) =>
      typeof entry === 'string' ? entry : isRecord(entry) ? stringOf(entry.name) : undefined,
  },
  servers: { noun: 'server', name: (entry) => (isRecord(entry) ? stringOf(entry.url) : undefined) },
  security: {
    noun: 'security requirement',
    name: (entry) => (isRecord(entry) ? Object.keys(entry).join(', ') || '{}' : undefined),
  },
};

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * `['tags', '4']` → "tag `Sims`" (what is under it after that: "tag `Sims` externalDocs");
 * undefined for anything but an entry of a list of `LISTS` (at `prefix`, an operation's).
 */
function listEntry(
  tokens: string[],
  doc: Record<string, unknown>,
  prefix: string[] = [],
): string | undefined {
  const [section, index, ...rest] = tokens;
  const list = section === undefined ? undefined : LISTS[section];
  if (list === undefined || index === undefined || !/^\d+$/.test(index)) return undefined;
  const name = list.name(resolve(doc, [...prefix, section!, index]));
  if (name === undefined) return undefined;
  return [`${list.noun} \`${name}\``, ...rest].join(' ');
}

/**
 * The part of a schema a pointer reaches, named by its properties only: `['items', 'properties',
 * 'nickname']` → "property `[].nickname`"; `[…, 'metadata', 'allOf', '0', '$ref',
 * 'propertyNames']` → "`propertyNames` of property `[].metadata`". Items are `[]`, a map's values
 * (`additionalProperties`, `patternProperties`) `[key]`, a tuple's place `[0]`; `$ref`, the
 * variants of `allOf`/`oneOf`/`anyOf` and the other applicators are no segment of it. A keyword
 * left at the end is what changed there, unless `keywords` is false. Undefined for the schema
 * itself.
 */
function describeSchemaPath(tokens: string[], keywords = true): string | undefined {
  if (tokens.length === 0) return undefined;
  let path = '';
  let property = false;
  let left: string[] = [];
  const step = (segment: string, isProperty: boolean) => {
    path = isProperty && path !== '' ? `${path}.${segment}` : `${path}${segment}`;
    property = isProperty;
    left = [];
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    if (token === 'properties' && next !== undefined) {
      step(next, true);
      index++;
    } else if (ITEMS.has(token)) step('[]', false);
    else if (token === 'prefixItems' && next !== undefined) {
      step(`[${next}]`, false);
      index++;
    } else if (token === 'patternProperties' && next !== undefined) {
      step('[key]', false);
      index++;
    } else if (MAP_VALUES.has(token) && next !== undefined) step('[key]', false);
    else if (VARIANTS.has(token) && next !== undefined && /^\d+$/.test(next)) {
      // A variant itself added or removed is said as one: "`oneOf[2]` of property `target`".
      if (index + 2 === tokens.length) left.push(`${token}[${next}]`);
      index++;
    } else if (token === 'dependentSchemas' && next !== undefined) index++;
    else if (!TRANSPARENT.has(token)) left.push(token);
  }
  const what = property ? `property \`${path}\`` : (WHOLE_PARTS[path] ?? `schema \`${path}\``);
  if (left.length === 0 || !keywords) return path === '' ? undefined : what;
  const keyword = `\`${left.join('.')}\``;
  return path === '' ? `schema ${keyword}` : `${keyword} of ${what}`;
}

/** A part of a value that is all its items or values, said in words: `schema \`[]\`` read as code. */
const WHOLE_PARTS: Readonly<Record<string, string>> = {
  '[]': "the array's items",
  '[key]': "the map's values",
};

/** Keywords whose schema is every item of an array. */
const ITEMS = new Set(['items', 'additionalItems', 'unevaluatedItems', 'contains']);
/** Keywords whose schema is every value of a map (when the pointer goes on into it). */
const MAP_VALUES = new Set(['additionalProperties', 'unevaluatedProperties']);
/** Keywords followed by a variant's index: the variant is no segment of a path. */
const VARIANTS = new Set(['allOf', 'oneOf', 'anyOf']);
/** Keywords that lead to a schema of the same value: no segment of a path. */
const TRANSPARENT = new Set(['$ref', 'not', 'if', 'then', 'else']);

/** The value at `tokens`, following local `$ref`s on the way (the document is bundled). */
function resolve(doc: Record<string, unknown>, tokens: string[]): unknown {
  let node: unknown = doc;
  for (const token of tokens) {
    node = follow(doc, node);
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isRecord(node)) node = node[token];
    else return undefined;
  }
  return follow(doc, node);
}

function follow(doc: Record<string, unknown>, node: unknown, hops = 0): unknown {
  if (hops > 20 || !isRecord(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/'))
    return node;
  const target = node.$ref
    .slice(2)
    .split('/')
    .map(unescapePointerFragment)
    .reduce<unknown>((value, token) => (isRecord(value) ? value[token] : undefined), doc);
  return follow(doc, target, hops + 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
