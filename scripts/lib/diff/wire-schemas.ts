/**
 * Redocly's schema comparisons that say what did not happen, corrected before its report is
 * turned into lines. `redocly diff` compares schemas keyword by keyword, place by place:
 *
 * - a schema wrapped as nullable (`$ref: Plan` → `oneOf: [{ $ref: Plan }, { type: 'null' }]`) is
 *   compared with the wrapper, as if `Plan` had lost every property and its type ("all
 *   properties were removed", "type widened from 'object' to 'any'"): the changes at and under
 *   the wrapper are one change, the value may now be `null` (or, unwrapped, no longer);
 * - a constraint is compared across a type change (`minimum: 0` on an integer gone with the
 *   integer, now a string; `items` of an array now a string): "values below 0 may now be
 *   returned" or "the array's items removed" is false, the type changed
 *   (its own line says so), and a constraint of one type says nothing of another;
 * - a keyword beside a `$ref` (OpenAPI 3.1: `description:` next to `$ref:` is the schema's own,
 *   over the target's) is not read: an inline schema moved into its own file, its description
 *   kept beside the `$ref`, is reported as "`description` changed". A keyword whose value, as
 *   read, is the same on both sides did not change;
 * - a nullable schema written another way (`type: [array, 'null']` ↔ `oneOf: [{ type: array },
 *   { type: 'null' }]`) is reported as a combination added and a type removed: both sides accept
 *   the same values, so nothing under it changed;
 * - a request schema given another alternative (a `oneOf` variant added, a type list turned into a
 *   `oneOf` with a new member) is reported as a combination changed, a major change: every value
 *   a caller sent is still accepted, so it is one widening, minor (the SDK's line says how).
 */
import { isRecord } from '../../../generator/json.ts';
import { getByRef } from '../../../generator/pointer.ts';
import { pointerToken } from '../../../generator/errors.ts';
import type { Level } from './rules.ts';
import type { RedoclyChange } from './redocly-diff.ts';

/** `#/paths/~1plans/get` → `['paths', '/plans', 'get']`. */
export function pathTokens(path: string): string[] {
  return path
    .replace(/^#\/?/, '')
    .split('/')
    .filter((token) => token !== '')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Whether a `$ref`'s siblings are part of the schema (OpenAPI 3.1), not ignored (3.0). */
export function siblingsCount(doc: Record<string, unknown>): boolean {
  return !(typeof doc.openapi === 'string' && doc.openapi.startsWith('3.0'));
}

/**
 * The node a path of Redocly's report reaches (it names places through `$ref`s: the response's
 * schema, then the properties of the schema it refers to), with its pointer in the document. A
 * `$ref` is followed unless the key is its sibling (3.1). The node itself may be a `$ref`.
 */
function locate(
  doc: Record<string, unknown>,
  tokens: readonly string[],
): { node: unknown; pointer: string } | undefined {
  let node: unknown = doc;
  let pointer = '#';
  for (const token of tokens) {
    // Redocly's paths name some `$ref`s they go through (`price/$ref/properties/amount`).
    if (token === '$ref' && isRecord(node) && typeof node.$ref === 'string') {
      if (!node.$ref.startsWith('#')) return undefined;
      pointer = node.$ref;
      node = getByRef(doc, node.$ref);
      continue;
    }
    for (let hops = 0; isRecord(node) && typeof node.$ref === 'string'; hops++) {
      if (hops > 20 || !node.$ref.startsWith('#')) return undefined;
      if (siblingsCount(doc) && Object.hasOwn(node, token)) break;
      pointer = node.$ref;
      node = getByRef(doc, node.$ref);
    }
    if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)];
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
    pointer = `${pointer}/${pointerToken(token)}`;
  }
  return { node, pointer };
}

/** A keyword's value in a schema as read: its own, a `$ref`'s sibling (3.1), or the target's. */
function effective(doc: Record<string, unknown>, node: unknown, keyword: string): unknown {
  for (let hops = 0; hops < 20 && isRecord(node); hops++) {
    const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
    if (Object.hasOwn(node, keyword) && (ref === undefined || siblingsCount(doc)))
      return node[keyword];
    if (ref === undefined || !ref.startsWith('#')) return undefined;
    node = getByRef(doc, ref);
  }
  return undefined;
}

/** JSON with its keys sorted: the same value, written the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner) && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

interface Docs {
  base: Record<string, unknown>;
  head: Record<string, unknown>;
}

/** A keyword of a schema whose value, as read on both sides, is the same (a `$ref`'s sibling). */
function sameAsRead(change: RedoclyChange, docs: Docs): boolean {
  if (change.kind !== 'modified' || change.property === undefined) return false;
  const tokens = pathTokens(change.path);
  const base = locate(docs.base, tokens);
  const head = locate(docs.head, tokens);
  if (base === undefined || head === undefined) return false;
  return (
    canonical(effective(docs.base, base.node, change.property)) ===
    canonical(effective(docs.head, head.node, change.property))
  );
}

const NUMBERS = ['number'];
const STRINGS = ['string'];
const ARRAYS = ['array'];
const OBJECTS = ['object'];

/**
 * The types of value each keyword applies to: the constraints of JSON Schema's validation
 * vocabulary, and the applicators that hold the schemas of an array's items or an object's other
 * properties (an array made a string loses its `items` with its type: no change of its own).
 */
const CONSTRAINT_TYPES: Record<string, readonly string[]> = {
  items: ARRAYS,
  prefixItems: ARRAYS,
  additionalItems: ARRAYS,
  unevaluatedItems: ARRAYS,
  contains: ARRAYS,
  additionalProperties: OBJECTS,
  patternProperties: OBJECTS,
  propertyNames: OBJECTS,
  unevaluatedProperties: OBJECTS,
  minimum: NUMBERS,
  maximum: NUMBERS,
  exclusiveMinimum: NUMBERS,
  exclusiveMaximum: NUMBERS,
  multipleOf: NUMBERS,
  minLength: STRINGS,
  maxLength: STRINGS,
  pattern: STRINGS,
  minItems: ARRAYS,
  maxItems: ARRAYS,
  uniqueItems: ARRAYS,
  minContains: ARRAYS,
  maxContains: ARRAYS,
  minProperties: OBJECTS,
  maxProperties: OBJECTS,
};

/** A schema's `type`s (an integer is a number); undefined when it states none. */
function typesOf(doc: Record<string, unknown>, node: unknown): Set<string> | undefined {
  const type = effective(doc, node, 'type');
  const list = (Array.isArray(type) ? type : [type]).filter(
    (entry): entry is string => typeof entry === 'string',
  );
  return list.length === 0
    ? undefined
    : new Set(list.map((entry) => (entry === 'integer' ? 'number' : entry)));
}

/**
 * A constraint (or an array's `items`, an object's `additionalProperties`) added, removed or
 * changed where the schema's type changed so that the keyword applies to values on one side only
 * (`minimum` of an integer now a string, `items` of an array now a string): not a change of the
 * limit or of the items, but of the type, which its own line reports.
 */
function constraintAcrossTypes(change: RedoclyChange, docs: Docs): boolean {
  const tokens = pathTokens(change.path);
  const [keyword, schema] =
    change.kind === 'modified' && change.property !== undefined
      ? [change.property, tokens]
      : [tokens.at(-1) ?? '', tokens.slice(0, -1)];
  const checks = CONSTRAINT_TYPES[keyword];
  if (checks === undefined) return false;
  const base = locate(docs.base, schema);
  const head = locate(docs.head, schema);
  if (base === undefined || head === undefined) return false;
  const [before, after] = [typesOf(docs.base, base.node), typesOf(docs.head, head.node)];
  if (before === undefined || after === undefined) return false;
  const applies = (types: Set<string>) => checks.some((type) => types.has(type));
  return applies(before) !== applies(after);
}

/** `{ …rest, oneOf: [X, { type: 'null' }] }` → `{ …rest, …X }`; undefined for any other schema. */
function withoutNull(node: unknown): Record<string, unknown> | undefined {
  if (!isRecord(node)) return undefined;
  const keys = ['oneOf', 'anyOf'].filter((key) => Object.hasOwn(node, key));
  if (keys.length !== 1) return undefined;
  const variants: unknown = node[keys[0]!];
  if (!Array.isArray(variants) || variants.length !== 2) return undefined;
  const isNull = (variant: unknown) => canonical(variant) === canonical({ type: 'null' });
  const inner: unknown = (variants as unknown[]).find((variant) => !isNull(variant));
  if (!(variants as unknown[]).some(isNull) || !isRecord(inner)) return undefined;
  const rest = Object.fromEntries(Object.entries(node).filter(([key]) => key !== keys[0]));
  if (Object.keys(inner).some((key) => Object.hasOwn(rest, key))) return undefined;
  return { ...rest, ...inner };
}

/** Whether `head` is `base` made nullable (`wrapped`), or the other way round. */
function nullableWrap(base: unknown, head: unknown): 'wrapped' | 'unwrapped' | undefined {
  const inner = withoutNull(head);
  if (inner !== undefined && canonical(inner) === canonical(base)) return 'wrapped';
  const outer = withoutNull(base);
  if (outer !== undefined && canonical(outer) === canonical(head)) return 'unwrapped';
  return undefined;
}

/**
 * A schema that allows `null` besides one type, in the form without it, whichever way it is
 * written: `type: [T, 'null']`, `nullable: true` (3.0) or `oneOf`/`anyOf: [X, { type: 'null' }]`.
 * Undefined for a schema that does not allow `null` in one of these forms.
 */
function nullableForm(node: unknown): Record<string, unknown> | undefined {
  if (!isRecord(node)) return undefined;
  const wrapped = withoutNull(node);
  if (wrapped !== undefined) return wrapped;
  if (node.nullable === true) {
    const { nullable: _nullable, ...rest } = node;
    return rest;
  }
  const type = node.type;
  if (!Array.isArray(type) || !type.includes('null')) return undefined;
  const others = type.filter((entry) => entry !== 'null');
  if (others.length !== 1) return undefined;
  return { ...node, type: others[0] };
}

/**
 * Whether two schemas are one written two ways: nullable as a type list on one side and as
 * `oneOf: [X, { type: 'null' }]` on the other (Redocly reports "`oneOf` added", "`type`
 * removed", "schema `items` removed": none of it true of the values either accepts).
 */
function sameSchema(base: unknown, head: unknown): boolean {
  if (canonical(base) === canonical(head)) return false;
  const [before, after] = [nullableForm(base), nullableForm(head)];
  return before !== undefined && after !== undefined && canonical(before) === canonical(after);
}

/** Keywords that describe a schema without changing what it accepts. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'deprecated',
  '$comment',
]);

/** Keywords of the structure of one type of value (`items` of an array, …), by that type. */
const STRUCTURE_TYPES: Record<string, string> = {
  items: 'array',
  prefixItems: 'array',
  properties: 'object',
  required: 'object',
  additionalProperties: 'object',
  patternProperties: 'object',
};

/**
 * The values `node` accepts as a list of alternatives, each canonical: the members of its
 * `oneOf`/`anyOf`, or one per type of its `type` list (`nullable: true` adding `null`), each with
 * the keywords that apply to that type. Undefined for a schema not written as alternatives (or
 * with keywords beside them that constrain every alternative).
 */
function alternatives(node: unknown): string[] | undefined {
  if (!isRecord(node)) return undefined;
  // A discriminator names the property that tells the variants apart: the values accepted are the
  // variants' (OpenAPI 3.1.1 §4.8.25), with it or without.
  const rest = Object.entries(node).filter(
    ([key]) => !ANNOTATIONS.has(key) && !key.startsWith('x-') && key !== 'discriminator',
  );
  const combinators = rest.filter(([key]) => key === 'oneOf' || key === 'anyOf');
  if (combinators.length === 1) {
    const [[, variants]] = combinators as [[string, unknown]];
    if (rest.length !== 1 || !Array.isArray(variants)) return undefined;
    return variants.map((variant) => canonical(withoutAnnotations(variant)));
  }
  if (combinators.length > 0) return undefined;
  if (typeof node.$ref === 'string')
    return rest.length === 1 ? [canonical({ $ref: node.$ref })] : undefined;
  const type = node.type;
  const types = (Array.isArray(type) ? [...(type as unknown[])] : [type]).filter(
    (entry): entry is string => typeof entry === 'string',
  );
  if (types.length === 0) return undefined;
  if (node.nullable === true && !types.includes('null')) types.push('null');
  return types.map((each) => {
    const kind = each === 'integer' ? 'number' : each;
    const kept = rest.filter(([key]) => {
      if (key === 'type' || key === 'nullable') return false;
      const checks = CONSTRAINT_TYPES[key];
      if (checks !== undefined) return checks.includes(kind);
      const structure = STRUCTURE_TYPES[key];
      return structure === undefined || structure === kind;
    });
    return canonical(
      each === 'null' ? { type: 'null' } : { ...Object.fromEntries(kept), type: each },
    );
  });
}

/** `node` without its {@link ANNOTATIONS} (at its top level): what it accepts. */
function withoutAnnotations(node: unknown): unknown {
  if (!isRecord(node)) return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => !ANNOTATIONS.has(key)));
}

/** Whether the one alternative `head` adds to `base`'s is `null` (`type: string` → `[string, 'null']`). */
function addsOnlyNull(base: unknown, head: unknown): boolean {
  const [before, after] = [alternatives(base), alternatives(head)];
  if (before === undefined || after === undefined) return false;
  const added = after.filter((alternative) => !before.includes(alternative));
  return added.length === 1 && added[0] === canonical({ type: 'null' });
}

/**
 * Whether `head` accepts every alternative `base` does, and more: a `oneOf` variant added, or a
 * type list turned into a `oneOf` with a new member (`type: [array, 'null']` → `oneOf: [array,
 * string, null]`, which Redocly reports as "`oneOf` added", "`type` removed"; `$ref: Plan` →
 * `oneOf: [Plan, Addon]`, which it reports as Plan's properties all removed). In a request that is
 * a widening: every value a caller sent is still accepted; in a response, code that reads it
 * meets values it did not before (a type change).
 */
function widens(base: unknown, head: unknown): boolean {
  const [before, after] = [alternatives(base), alternatives(head)];
  if (before === undefined || after === undefined || after.length <= before.length) return false;
  return before.every((alternative) => after.includes(alternative));
}

interface Wrap {
  path: string;
  how: 'wrapped' | 'unwrapped';
  base: string;
  head: string;
}

/** Whether a path is in a request (a parameter, a request body) rather than a response. */
function inRequest(tokens: readonly string[]): boolean {
  if (tokens[0] !== 'paths') return false;
  const section = tokens.find((token) =>
    ['parameters', 'requestBody', 'responses'].includes(token),
  );
  return section !== undefined && section !== 'responses';
}

/**
 * Redocly's changes with those that are not true of the API left out, and each nullable wrap
 * said once: "may now be `null`" (in a response, at the level of a type change: code reading
 * it breaks; in a request, minor), "can no longer be `null`" (in a request, a type change; in
 * a response, a patch).
 */
export function withTrueSchemaChanges(
  changes: readonly RedoclyChange[],
  docs: Docs,
  typeChangeLevel: Level,
): RedoclyChange[] {
  const wraps = new Map<string, Wrap | undefined>();
  const wrapAt = (tokens: string[]): Wrap | undefined => {
    for (let length = 1; length <= tokens.length; length++) {
      const path = `#/${tokens.slice(0, length).map(pointerToken).join('/')}`;
      if (!wraps.has(path)) {
        const base = locate(docs.base, tokens.slice(0, length));
        const head = locate(docs.head, tokens.slice(0, length));
        const how =
          base === undefined || head === undefined ? undefined : nullableWrap(base.node, head.node);
        wraps.set(
          path,
          how === undefined ? undefined : { path, how, base: base!.pointer, head: head!.pointer },
        );
      }
      const wrap = wraps.get(path);
      if (wrap !== undefined) return wrap;
    }
    return undefined;
  };
  const rewritten = new Map<string, boolean>();
  const rewrittenAt = (tokens: string[]): boolean => {
    for (let length = 1; length <= tokens.length; length++) {
      const path = tokens.slice(0, length).map(pointerToken).join('/');
      let same = rewritten.get(path);
      if (same === undefined) {
        const base = locate(docs.base, tokens.slice(0, length));
        const head = locate(docs.head, tokens.slice(0, length));
        same = base !== undefined && head !== undefined && sameSchema(base.node, head.node);
        rewritten.set(path, same);
      }
      if (same) return true;
    }
    return false;
  };
  /** The schemas that accept more than before (`widens`), by path: one change each. */
  const widened = new Map<string, { base: string; head: string } | undefined>();
  const widenedAt = (tokens: string[]): string | undefined => {
    for (let length = 1; length <= tokens.length; length++) {
      const path = `#/${tokens.slice(0, length).map(pointerToken).join('/')}`;
      if (!widened.has(path)) {
        const base = locate(docs.base, tokens.slice(0, length));
        const head = locate(docs.head, tokens.slice(0, length));
        widened.set(
          path,
          base !== undefined && head !== undefined && widens(base.node, head.node)
            ? { base: base.pointer, head: head.pointer }
            : undefined,
        );
      }
      if (widened.get(path) !== undefined) return path;
    }
    return undefined;
  };
  const found = new Map<string, Wrap>();
  const widenings = new Set<string>();
  const kept: RedoclyChange[] = [];
  for (const change of changes) {
    const tokens = pathTokens(change.path);
    const wrap = wrapAt(tokens);
    if (wrap !== undefined) {
      found.set(wrap.path, wrap);
      continue;
    }
    if (sameAsRead(change, docs) || constraintAcrossTypes(change, docs) || rewrittenAt(tokens))
      continue;
    const widening = widenedAt(tokens);
    if (widening !== undefined) {
      widenings.add(widening);
      continue;
    }
    kept.push(change);
  }
  for (const path of widenings) {
    const { base, head } = widened.get(path)!;
    const request = inRequest(pathTokens(path));
    const impact: Level = request ? 'minor' : typeChangeLevel;
    const onlyNull = addsOnlyNull(
      locate(docs.base, pathTokens(path))?.node,
      locate(docs.head, pathTokens(path))?.node,
    );
    kept.push({
      path,
      typeName: 'Schema',
      kind: 'modified',
      impact,
      verdicts: [
        {
          ruleId: 'schema-type-changed',
          impact,
          message: onlyNull
            ? request
              ? 'accepts `null` as well'
              : 'may now be `null` (code that reads it must handle `null`)'
            : request
              ? 'accepts more values than before: every value it accepted, and others'
              : 'may now be other values than before: every value it was, and others (code that reads it must handle the new ones)',
          location: { pointer: head },
        },
      ],
      base: { pointer: base },
      revision: { pointer: head },
    });
  }
  for (const wrap of found.values()) {
    const request = inRequest(pathTokens(wrap.path));
    const breaking = (wrap.how === 'wrapped') !== request;
    const impact: Level = breaking ? typeChangeLevel : wrap.how === 'wrapped' ? 'minor' : 'patch';
    kept.push({
      path: wrap.path,
      typeName: 'Schema',
      kind: 'modified',
      impact,
      verdicts: [
        {
          ruleId: 'schema-type-changed',
          impact,
          message: wrap.how === 'wrapped' ? 'may now be `null`' : 'can no longer be `null`',
          location: { pointer: wrap.head },
        },
      ],
      base: { pointer: wrap.base },
      revision: { pointer: wrap.head },
    });
  }
  return kept;
}
