/**
 * The anchors of a document's schemas (JSON Schema 2020-12 `$anchor` and `$dynamicAnchor`): a
 * `$ref: '#tag'` names the schema that declares `$anchor: tag`. The root file's `$ref`s to them
 * become JSON pointers before bundling (`generator/load/bundle.ts`): Redocly's bundler resolved a
 * `$ref` inside an anchored schema against the anchor (`#pet/properties/owner`: no such place)
 * and openapi-typescript threw on them ("Error parsing $ref: #tag"). The schema model follows
 * `$dynamicRef`s to `$dynamicAnchor`s (`generator/model/build-schema.ts`).
 */
import { holdsObjects, NAME_MAPS } from './document-keys.ts';
import { GeneratorError, joinPointer } from './errors.ts';
import { isRecord } from './json.ts';
import { findInObjects, getByPointer, pointerRef, refPointer } from './pointer.ts';

/**
 * The anchors of a document's component schemas. A `$ref: '#tag'` names an anchor of the schema
 * resource it is written in (JSON Schema 2020-12 §8.2.1–8.2.2): the nearest enclosing schema with
 * an `$id`, else the document. Two resources may declare the same name (`$id: …/a` and `$id: …/b`
 * each with `$anchor: item`): each `$ref` finds its own resource's.
 */
interface Anchors {
  /** Each name → the first schema declaring it, anywhere (a `$ref` whose resource has none). */
  all: Map<string, string>;
  /**
   * Each resource (the pointer of its schema with `$id`; `#` for the document once it declares an
   * anchor) → its anchors, none for a resource that declares none.
   */
  byResource: Map<string, Map<string, string>>;
  /** Two schemas of one resource declaring the same anchor name (JSON Schema 2020-12 §8.2.2). */
  clashes: AnchorClash[];
}

/** An anchor name two schemas of one resource declare: where each declares it (its keyword). */
interface AnchorClash {
  name: string;
  /** The pointers of the `$anchor` (or `$dynamicAnchor`) keywords, in document order. */
  first: string;
  second: string;
  /** The `$id` of the resource, or undefined for the document's own. */
  resourceId: string | undefined;
}

const anchorCache = new WeakMap<Record<string, unknown>, Anchors>();

function anchorsOf(doc: Record<string, unknown>): Anchors {
  let found = anchorCache.get(doc);
  if (found !== undefined) return found;
  const anchors: Anchors = { all: new Map(), byResource: new Map(), clashes: [] };
  found = anchors;
  // Each resource's anchor name → the pointer of the keyword that declared it first.
  const declared = new Map<string, string>();
  // `names`: `value` is a name map (`properties`, `$defs`), whose entries are schemas again (a
  // property called `example` or `$anchor`). `resource`: the pointer of the enclosing `$id`'s schema.
  const visit = (
    value: unknown,
    pointer: string,
    depth: number,
    names: boolean,
    resource: string,
  ): void => {
    if (depth > 64) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, joinPointer(pointer, i), depth + 1, false, resource));
      return;
    }
    if (!isRecord(value)) return;
    const own = !names && typeof value.$id === 'string' ? pointer : resource;
    // Every resource, with anchors or without: a `$ref` inside one resolves there first.
    if (own !== resource && !anchors.byResource.has(own)) anchors.byResource.set(own, new Map());
    for (const key of names ? [] : ['$anchor', '$dynamicAnchor']) {
      const name = value[key];
      if (typeof name !== 'string') continue;
      const ref = pointerRef(pointer);
      if (!anchors.all.has(name)) anchors.all.set(name, ref);
      let local = anchors.byResource.get(own);
      if (local === undefined) anchors.byResource.set(own, (local = new Map<string, string>()));
      const keyword = joinPointer(pointer, key);
      const first = declared.get(`${own}\n${name}`);
      if (first === undefined) {
        declared.set(`${own}\n${name}`, keyword);
        local.set(name, ref);
      } else if (local.get(name) !== ref) {
        const id = own === '#' ? undefined : (getByPointer(doc, own) as { $id: string }).$id;
        anchors.clashes.push({ name, first, second: keyword, resourceId: id });
      }
    }
    for (const [key, item] of Object.entries(value)) {
      if (names || holdsObjects(key))
        visit(item, joinPointer(pointer, key), depth + 1, !names && NAME_MAPS.has(key), own);
    }
  };
  const components = doc.components;
  if (isRecord(components)) visit(components.schemas, '#/components/schemas', 0, true, '#');
  anchorCache.set(doc, found);
  return found;
}

/**
 * The ref of the schema that the anchor `name` names for a `$ref` written at `at` (a JSON pointer
 * of `doc`): its own resource's anchor (the nearest enclosing schema with `$id`), else the first
 * of that name in the document; undefined when none declares it.
 */
export function anchorTarget(
  doc: Record<string, unknown>,
  name: string,
  at: string,
): string | undefined {
  const anchors = anchorsOf(doc);
  return anchorInResource(doc, resourceAt(anchors, at), name) ?? anchors.all.get(name);
}

/**
 * Whether a `$dynamicRef: '#name'` written at `at` may resolve to more than one schema (JSON
 * Schema 2020-12 §8.2.3.2): another schema resource declares `$dynamicAnchor: name` and reaches
 * this one by a `$ref`, so a value checked from there takes its anchor (the generic list:
 * `StringList` refs `GenericList` and declares its own `T`). Resources that each declare the
 * anchor for themselves alone (two trees, each recursing into itself) are not (helper-143 F1).
 */
export function dynamicAnchorShared(
  doc: Record<string, unknown>,
  name: string,
  at: string,
): boolean {
  const anchors = anchorsOf(doc);
  let own = resourceAt(anchors, at);
  if (own === '#') own = /^#\/components\/schemas\/[^/]+/.exec(at)?.[0] ?? own;
  if (own === '#') return false;
  for (const [resource, declared] of anchors.byResource) {
    if (resource === own || resource === '#') continue;
    const place = declared.get(name);
    const pointer = place === undefined ? undefined : refPointer(place);
    const schema = pointer === undefined ? undefined : getByPointer(doc, pointer);
    if (!isRecord(schema) || schema.$dynamicAnchor !== name) continue;
    const reaches = findInObjects(getByPointer(doc, resource), (object) => {
      const ref = typeof object.$ref === 'string' ? refPointer(object.$ref) : undefined;
      return ref !== undefined && (ref === own || ref.startsWith(`${own}/`)) ? true : undefined;
    });
    if (reaches === true) return true;
  }
  return false;
}

/**
 * A `$ref: '#name'` whose own schema resource declares no anchor `name`, while another resource
 * does: JSON Schema 2020-12 (§8.2.1–8.2.2) leaves such a ref unresolved; the generator reads the
 * document's first anchor of that name, and warns.
 */
export interface AnchorElsewhere {
  /** The `$ref`'s object. */
  pointer: string;
  name: string;
  /** The `$id` of the resource the `$ref` is in. */
  resourceId: string;
  /** The ref of the schema the generator reads instead. */
  target: string;
}

function elsewhere(
  doc: Record<string, unknown>,
  anchors: Anchors,
  name: string,
  at: string,
): AnchorElsewhere | undefined {
  const resource = resourceAt(anchors, at);
  if (resource === '#' || anchors.byResource.get(resource)?.has(name) === true) return undefined;
  const target = anchors.all.get(name);
  if (target === undefined) return undefined;
  const schema = getByPointer(doc, resource);
  const resourceId = isRecord(schema) && typeof schema.$id === 'string' ? schema.$id : resource;
  return { pointer: at, name, resourceId, target };
}

/**
 * The anchor `name` of the resource whose schema is at `resource` (`#` for the document's own);
 * undefined when that resource declares no such anchor.
 */
export function anchorInResource(
  doc: Record<string, unknown>,
  resource: string,
  name: string,
): string | undefined {
  return anchorsOf(doc).byResource.get(resource)?.get(name);
}

/** The resource a pointer is inside: the deepest resource pointer that is it or holds it. */
function resourceAt(anchors: Anchors, at: string): string {
  let best = '#';
  for (const resource of anchors.byResource.keys()) {
    if (resource.length > best.length && (at === resource || at.startsWith(`${resource}/`)))
      best = resource;
  }
  return best;
}

/**
 * Two schemas of one resource that declare the same anchor: JSON Schema 2020-12 (§8.2.2) leaves a
 * `$ref` to it undefined, Ajv refuses the schema ("resolves to more than one schema"), and the
 * generator would read the first without a word.
 */
function clashError(clash: AnchorClash, file: string): GeneratorError {
  const keyword = (pointer: string) => pointer.slice(pointer.lastIndexOf('/') + 1);
  const resource =
    clash.resourceId === undefined ? 'the document' : `the schema resource \`${clash.resourceId}\``;
  return new GeneratorError(
    `\`${keyword(clash.second)}: ${clash.name}\` is declared a second time in ${resource}, which already declares it at ${file} ${clash.first}: a \`$ref: '#${clash.name}'\` there resolves to more than one schema (JSON Schema 2020-12 §8.2.2; validators such as Ajv refuse the schema)`,
    { file, pointer: clash.second },
    `rename one of the two anchors (here or at ${clash.first}), and point the \`$ref\`s meant for it at the new name`,
  );
}

/**
 * Every `$ref` to an anchor of `document` turned, in place, into the JSON pointer of the schema
 * that declares it (in the `$ref`'s own resource first: {@link anchorTarget}). Returns the refs
 * that found their anchor only outside their own resource ({@link AnchorElsewhere}), for a warning.
 */
export function anchorRefsAsPointers(document: object, file: string): AnchorElsewhere[] {
  const doc = document as Record<string, unknown>;
  const anchors = anchorsOf(doc);
  if (anchors.clashes.length > 0) {
    anchorCache.delete(doc);
    throw GeneratorError.all(anchors.clashes.map((clash) => clashError(clash, file)));
  }
  const found: AnchorElsewhere[] = [];
  if (anchors.all.size === 0) {
    anchorCache.delete(doc);
    return found;
  }
  const rewrites: [Record<string, unknown>, string][] = [];
  const visit = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, joinPointer(pointer, i)));
      return;
    }
    if (!isRecord(value)) return;
    const ref = value.$ref;
    if (typeof ref === 'string' && /^#[^/]/.test(ref)) {
      const name = ref.slice(1);
      const target =
        anchors.byResource.get(resourceAt(anchors, pointer))?.get(name) ?? anchors.all.get(name);
      if (target !== undefined) {
        const outside = elsewhere(doc, anchors, name, pointer);
        if (outside !== undefined) found.push(outside);
        rewrites.push([value, target]);
      }
    }
    for (const [key, item] of Object.entries(value)) visit(item, joinPointer(pointer, key));
  };
  visit(document, '#');
  // Rewritten after the walk: `elsewhere` reads `$id`s of the document as written.
  for (const [value, target] of rewrites) value.$ref = target;
  anchorCache.delete(doc);
  return found;
}
