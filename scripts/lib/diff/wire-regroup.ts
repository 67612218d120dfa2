/**
 * Schemas regrouped with `allOf`, read for what they accept. `redocly diff` compares a schema
 * keyword by keyword: when `Order: { type, required, properties }` becomes `Order: { allOf: [{
 * $ref: Resource }, { type, required, properties }] }` (a base schema extracted, a common
 * refactoring that accepts exactly the same values) it reports that all properties of `Order` were
 * removed, that none is required any more and that its type widened to any: three breaking lines,
 * none true, and a release refused as major.
 *
 * Here such a schema is read on both sides as JSON Schema reads `allOf` (every part applies): its
 * parts merged into one set of properties, `required` names, `type` and other keywords, each
 * property's schema read the same way, `$ref`s followed. A `$ref` beside keywords of its own (3.1)
 * is read the same way, its target one part and its siblings another; `unevaluatedProperties` of
 * the whole is the merged schema's `additionalProperties`. When both sides read the same,
 * Redocly's changes at and under the schema are dropped. Otherwise they are replaced by what
 * differs: the properties removed, those no longer required (what responses carry) or newly
 * required (what requests send), as Redocly's rules fire, and a line for each other keyword or
 * property whose value changed, at the level of a type change (the SDK layer says how). Parts that
 * cannot be merged (parts that contradict, an `additionalProperties` that sees only some of the
 * properties) keep Redocly's lines: coarse, never silent.
 */
import { isRecord } from '../../../generator/json.ts';
import { getByRef } from '../../../generator/pointer.ts';
import type { Level, WireRule } from './rules.ts';
import { INPUT_USES, schemaUses, type SchemaUse } from './uses.ts';
import type { RedoclyChange } from './redocly-diff.ts';
import { pathTokens, siblingsCount } from './wire-schemas.ts';
import { pointerToken } from '../../../generator/errors.ts';

interface Docs {
  base: Record<string, unknown>;
  head: Record<string, unknown>;
}

/** Keywords that describe a schema without changing what it accepts. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'example',
  'examples',
  'externalDocs',
  'deprecated',
]);

/** A schema read with its `allOf` parts merged; `properties` by name, each read the same way. */
interface Merged {
  keywords: Map<string, string>;
  properties: Map<string, { schema: string; pointer: string }>;
  required: Set<string>;
}

/** Merging stops past this many schemas read (a spec of thousands of shared schemas). */
const BUDGET = 5_000;

class Reader {
  #left = BUDGET;
  readonly #doc: Record<string, unknown>;
  readonly #siblings: boolean;

  constructor(doc: Record<string, unknown>) {
    this.#doc = doc;
    this.#siblings = !(typeof doc.openapi === 'string' && doc.openapi.startsWith('3.0'));
  }

  /** The schema at `pointer` merged, or undefined when its parts contradict or it is too large. */
  merged(node: unknown, pointer: string, stack: readonly string[] = []): Merged | undefined {
    if (--this.#left < 0 || !isRecord(node)) return undefined;
    const parts = this.#parts(node, pointer, stack);
    if (parts === undefined) return undefined;
    const merged: Merged = {
      keywords: new Map(),
      properties: new Map(),
      required: new Set(),
    };
    for (const { schema, pointer: at, stack: inner } of parts) {
      for (const [key, value] of Object.entries(schema)) {
        if (key === 'allOf' || key === '$ref' || ANNOTATIONS.has(key) || key.startsWith('x-'))
          continue;
        if (key === 'required') {
          if (!Array.isArray(value)) return undefined;
          for (const name of value) merged.required.add(String(name));
        } else if (key === 'properties') {
          if (!isRecord(value)) return undefined;
          for (const [name, property] of Object.entries(value)) {
            const read = this.text(property, `${at}/properties/${pointerToken(name)}`, inner);
            if (read === undefined) return undefined;
            const known = merged.properties.get(name);
            if (known !== undefined && known.schema !== read) return undefined;
            merged.properties.set(name, {
              schema: read,
              pointer: `${at}/properties/${pointerToken(name)}`,
            });
          }
        } else {
          const read = this.text(value, `${at}/${pointerToken(key)}`, inner);
          if (read === undefined) return undefined;
          const known = merged.keywords.get(key);
          if (known !== undefined && known !== read) return undefined;
          merged.keywords.set(key, read);
        }
      }
    }
    // `additionalProperties` sees only the properties beside it: beside parts that bring others it
    // says more than the merged schema would, so the schema is not read as merged.
    const bringing = parts.filter(({ schema }) => isRecord(schema.properties)).length;
    if (bringing > 1 && parts.some(({ schema }) => schema.additionalProperties !== undefined))
      return undefined;
    // `unevaluatedProperties` sees the properties of every part: on the merged schema it is what
    // `additionalProperties` is on one written flat.
    const unevaluated = merged.keywords.get('unevaluatedProperties');
    if (unevaluated !== undefined && !merged.keywords.has('additionalProperties')) {
      if (
        ['oneOf', 'anyOf', 'patternProperties', 'if', 'dependentSchemas'].some((key) =>
          merged.keywords.has(key),
        )
      )
        return undefined;
      merged.keywords.delete('unevaluatedProperties');
      merged.keywords.set('additionalProperties', unevaluated);
    }
    return merged;
  }

  /** A schema (or a keyword's value) as one text: `$ref`s followed, `allOf` merged, sorted keys. */
  text(value: unknown, pointer: string, stack: readonly string[]): string | undefined {
    if (Array.isArray(value)) {
      const items = value.map((item, index) => this.text(item, `${pointer}/${index}`, stack));
      return items.includes(undefined) ? undefined : `[${items.join(',')}]`;
    }
    if (!isRecord(value)) return JSON.stringify(value);
    const merged = this.merged(value, pointer, stack);
    if (merged === undefined) return undefined;
    // A schema met again inside itself (a tree's children) is named, not read forever.
    const looped = this.#looped(value, stack);
    if (looped !== undefined) return JSON.stringify({ $ref: looped });
    const entries = [
      ...[...merged.keywords].map(([key, text]) => `${JSON.stringify(key)}:${text}`),
      `"properties":{${[...merged.properties]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, { schema }]) => `${JSON.stringify(name)}:${schema}`)
        .join(',')}}`,
      `"required":${JSON.stringify([...merged.required].sort())}`,
    ].sort();
    return `{${entries.join(',')}}`;
  }

  #looped(node: Record<string, unknown>, stack: readonly string[]): string | undefined {
    const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
    return ref !== undefined && stack.includes(ref) ? ref : undefined;
  }

  /** The schemas that apply at once: the node itself, its `$ref`'s target, its `allOf` parts. */
  #parts(
    node: Record<string, unknown>,
    pointer: string,
    stack: readonly string[],
  ): { schema: Record<string, unknown>; pointer: string; stack: readonly string[] }[] | undefined {
    const found: { schema: Record<string, unknown>; pointer: string; stack: readonly string[] }[] =
      [];
    const visit = (
      schema: unknown,
      at: string,
      inner: readonly string[],
      depth: number,
    ): boolean => {
      if (depth > 50 || --this.#left < 0 || !isRecord(schema)) return false;
      const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
      if (ref !== undefined) {
        if (!ref.startsWith('#')) return false;
        // Met inside itself: the loop is named by text() and not read again.
        if (!inner.includes(ref)) {
          if (!visit(getByRef(this.#doc, ref), ref, [...inner, ref], depth + 1)) return false;
        }
        // 3.0 ignores a `$ref`'s siblings; 3.1 reads them as the schema's own.
        if (!this.#siblings) return true;
      }
      found.push({ schema, pointer: at, stack: inner });
      const parts = schema.allOf;
      if (parts === undefined) return true;
      if (!Array.isArray(parts)) return false;
      return parts.every((part, index) => visit(part, `${at}/allOf/${index}`, inner, depth + 1));
    };
    return visit(node, pointer, stack, 0) ? found : undefined;
  }
}

/** The node at Redocly's path, `$ref`s followed (its paths go through them), with its pointer. */
function locate(
  doc: Record<string, unknown>,
  tokens: readonly string[],
): { node: unknown; pointer: string } | undefined {
  let node: unknown = doc;
  let pointer = '#';
  const siblings = siblingsCount(doc);
  const follow = () => {
    for (let hops = 0; isRecord(node) && typeof node.$ref === 'string'; hops++) {
      if (hops > 20 || !node.$ref.startsWith('#')) return false;
      // A `$ref` beside keywords of its own (3.1) is a schema with parts: read here, not followed.
      if (siblings && constrainingSiblings(node)) return true;
      pointer = node.$ref;
      node = getByRef(doc, node.$ref);
    }
    return true;
  };
  for (const token of tokens) {
    if (!follow()) return undefined;
    if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)];
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
    pointer = `${pointer}/${pointerToken(token)}`;
  }
  // The place itself is where its `$ref` leads: the named schema.
  return follow() ? { node, pointer } : undefined;
}

/** Whether a schema with a `$ref` has keywords beside it that constrain values. */
function constrainingSiblings(node: Record<string, unknown>): boolean {
  return Object.keys(node).some(
    (key) => key !== '$ref' && !ANNOTATIONS.has(key) && !key.startsWith('x-'),
  );
}

/** Whether a schema is written in parts: `allOf`, or (3.1) a `$ref` beside keywords of its own. */
function inParts(node: Record<string, unknown>, siblings: boolean): boolean {
  return (
    Array.isArray(node.allOf) ||
    (siblings && typeof node.$ref === 'string' && constrainingSiblings(node))
  );
}

/**
 * How a schema is split into parts: undefined when it is not; else each `allOf` part as its `$ref`
 * or `{}` for one written inline, and a 3.1 `$ref` beside keywords as its target.
 */
function partsShape(
  node: Record<string, unknown>,
  doc: Record<string, unknown>,
): string | undefined {
  if (!inParts(node, siblingsCount(doc))) return undefined;
  const parts = Array.isArray(node.allOf) ? node.allOf : [];
  return JSON.stringify({
    ref: Array.isArray(node.allOf) ? undefined : node.$ref,
    parts: parts.map((part) => (isRecord(part) && typeof part.$ref === 'string' ? part.$ref : {})),
  });
}

/** A schema that is, or was, written with `allOf` parts: the place to read as merged. */
interface Regroup {
  path: string;
  base: { pointer: string; merged: Merged };
  head: { pointer: string; merged: Merged };
}

/** Which way the values at a place go: responses the client reads, requests it sends. */
interface Directions {
  request: boolean;
  response: boolean;
}

const OUTPUT_USES: ReadonlySet<SchemaUse> = new Set([
  'responses',
  'error responses',
  'response headers',
]);

/**
 * Redocly's changes with each schema regrouped with `allOf` read for what it accepts (see the
 * module doc); `levels` are the wire rules' levels in force (rules.ts), `major` where not given.
 */
export function withRegroupsRead(
  changes: readonly RedoclyChange[],
  docs: Docs,
  levels: Partial<Record<WireRule, Level>>,
): RedoclyChange[] {
  const readers = { base: new Reader(docs.base), head: new Reader(docs.head) };
  const found = new Map<string, Regroup | undefined>();
  const regroupAt = (tokens: string[]): Regroup | undefined => {
    for (let length = 1; length <= tokens.length; length++) {
      const path = `#/${tokens.slice(0, length).map(pointerToken).join('/')}`;
      if (!found.has(path)) found.set(path, regroup(path, tokens.slice(0, length)));
      const at = found.get(path);
      if (at !== undefined) return at;
    }
    return undefined;
  };
  const regroup = (path: string, tokens: string[]): Regroup | undefined => {
    const base = locate(docs.base, tokens);
    const head = locate(docs.head, tokens);
    if (!isRecord(base?.node) || !isRecord(head?.node)) return undefined;
    // Parts as they were, compared part by part, are Redocly's to compare: it does that well.
    if (partsShape(base.node, docs.base) === partsShape(head.node, docs.head)) return undefined;
    const before = readers.base.merged(base.node, base.pointer);
    const after = readers.head.merged(head.node, head.pointer);
    if (before === undefined || after === undefined) return undefined;
    return {
      path,
      base: { pointer: base.pointer, merged: before },
      head: { pointer: head.pointer, merged: after },
    };
  };
  // Each regrouped schema's own lines, once, in the order its first change came.
  const replaced = new Map<string, RedoclyChange[]>();
  const kept: RedoclyChange[] = [];
  for (const change of changes) {
    const at = regroupAt(pathTokens(change.path));
    if (at === undefined) {
      kept.push(change);
      continue;
    }
    if (!replaced.has(at.path)) {
      const lines = differences(at, docs, levels);
      replaced.set(at.path, lines);
      kept.push(...lines);
    }
  }
  return kept;
}

/**
 * What differs between the two sides of a regrouped schema, as Redocly's changes: none when they
 * read the same; else the properties removed, the `required` changes, and each keyword or
 * property whose value changed.
 */
function differences(
  at: Regroup,
  docs: Docs,
  levels: Partial<Record<WireRule, Level>>,
): RedoclyChange[] {
  const { merged: before } = at.base;
  const { merged: after } = at.head;
  const changedKeywords = [
    ...new Set([...before.keywords.keys(), ...after.keywords.keys()]),
  ].filter((key) => before.keywords.get(key) !== after.keywords.get(key));
  const changedProperties = [...before.properties].flatMap(([name, { schema }]) => {
    const now = after.properties.get(name);
    return now !== undefined && now.schema !== schema ? [{ name, pointer: now.pointer }] : [];
  });
  const directions = directionsOf(at, docs);
  const subject = schemaName(at.head.pointer) ?? schemaName(at.base.pointer);
  const of = subject === undefined ? '' : ` of \`${subject}\``;
  const lines: RedoclyChange[] = [];
  const line = (
    rule: WireRule,
    kind: RedoclyChange['kind'],
    path: string,
    message: string,
    pointer: string,
  ) => {
    const impact = levels[rule] ?? 'major';
    lines.push({
      path,
      typeName: 'Schema',
      kind,
      impact,
      verdicts: [{ ruleId: rule, impact, message, location: { pointer } }],
      base: { pointer: at.base.pointer },
      revision: { pointer: at.head.pointer },
    });
  };
  // What else changed is said per keyword and property, at the level of a type change: its exact
  // nature is the SDK layer's to say (it compares the types), the wire says where.
  for (const key of changedKeywords)
    line('schema-type-changed', 'modified', at.path, `\`${key}\`${of} changed.`, at.head.pointer);
  for (const { name, pointer } of changedProperties)
    line(
      'schema-type-changed',
      'modified',
      `${at.path}/properties/${pointerToken(name)}`,
      `Property \`${name}\`${of} changed: it accepts other values than before.`,
      pointer,
    );
  const additionalClosed = after.keywords.get('additionalProperties') === 'false';
  for (const [name, { pointer }] of before.properties) {
    if (after.properties.has(name)) continue;
    // Redocly's property-removed: what responses carry, and requests to a closed object.
    if (directions.response || (directions.request && additionalClosed))
      line(
        'property-removed',
        'removed',
        `${at.path}/properties/${pointerToken(name)}`,
        `Property \`${name}\`${of} was removed.`,
        pointer,
      );
  }
  const noLongerRequired = [...before.required].filter(
    (name) => !after.required.has(name) && after.properties.has(name),
  );
  if (directions.response && noLongerRequired.length > 0)
    line(
      'required-properties-removed',
      'modified',
      at.path,
      `Properties${of} are no longer required: ${noLongerRequired.map((n) => `\`${n}\``).join(', ')}.`,
      at.head.pointer,
    );
  const nowRequired = [...after.required].filter((name) => !before.required.has(name));
  if (directions.request && nowRequired.length > 0)
    line(
      'required-properties-added',
      'modified',
      at.path,
      `Properties${of} became required: ${nowRequired.map((n) => `\`${n}\``).join(', ')}.`,
      at.head.pointer,
    );
  return lines;
}

/** `Order` for `#/components/schemas/Order`; undefined for a schema written inline. */
function schemaName(pointer: string): string | undefined {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(pointer);
  return match === null ? undefined : match[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Each document's schema uses (uses.ts), found once. */
const usesOf = new WeakMap<Record<string, unknown>, Map<string, Set<SchemaUse>>>();

/** Which way a regrouped schema's values go: by its named schema's uses, else by its path. */
function directionsOf(at: Regroup, docs: Docs): Directions {
  const uses = new Set<SchemaUse>();
  for (const [doc, pointer] of [
    [docs.base, at.base.pointer],
    [docs.head, at.head.pointer],
  ] as const) {
    let known = usesOf.get(doc);
    if (known === undefined) usesOf.set(doc, (known = schemaUses(doc)));
    for (const use of known.get(pointer) ?? []) uses.add(use);
  }
  if (uses.size > 0)
    return {
      request: [...uses].some((use) => INPUT_USES.has(use)),
      response: [...uses].some((use) => OUTPUT_USES.has(use)),
    };
  const tokens = pathTokens(at.path);
  const section = tokens.find((token) =>
    ['parameters', 'requestBody', 'responses'].includes(token),
  );
  return { request: section !== 'responses', response: section === 'responses' };
}
