/**
 * The anchors of a document's schemas (JSON Schema 2020-12 `$anchor` and `$dynamicAnchor`): a
 * `$ref: '#tag'` names the schema that declares `$anchor: tag`. The root file's `$ref`s to them
 * become JSON pointers before bundling (`generator/load/bundle.ts`): Redocly's bundler resolved a
 * `$ref` inside an anchored schema against the anchor (`#pet/properties/owner`: no such place)
 * and openapi-typescript threw on them ("Error parsing $ref: #tag"). The schema model follows
 * `$dynamicRef`s to `$dynamicAnchor`s (`generator/model/build-schema.ts`).
 */
import { holdsObjects, NAME_MAPS } from './document-keys.ts';
import { joinPointer } from './errors.ts';
import { isRecord } from './json.ts';
import { pointerRef } from './pointer.ts';

const anchorCache = new WeakMap<Record<string, unknown>, Map<string, string>>();

/** `$anchor` and `$dynamicAnchor` names of the component schemas (at any depth) → refs to them. */
export function schemaAnchors(doc: Record<string, unknown>): Map<string, string> {
  let found = anchorCache.get(doc);
  if (found !== undefined) return found;
  found = new Map();
  // `names`: `value` is a name map (`properties`, `$defs`), whose entries are schemas again (a
  // property called `example` or `$anchor`).
  const visit = (value: unknown, pointer: string, depth: number, names: boolean): void => {
    if (depth > 64) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, joinPointer(pointer, i), depth + 1, false));
      return;
    }
    if (!isRecord(value)) return;
    for (const key of names ? [] : ['$anchor', '$dynamicAnchor']) {
      const name = value[key];
      if (typeof name === 'string' && !found.has(name)) found.set(name, pointerRef(pointer));
    }
    for (const [key, item] of Object.entries(value)) {
      if (names || holdsObjects(key))
        visit(item, joinPointer(pointer, key), depth + 1, !names && NAME_MAPS.has(key));
    }
  };
  const components = doc.components;
  if (isRecord(components)) visit(components.schemas, '#/components/schemas', 0, true);
  anchorCache.set(doc, found);
  return found;
}

/**
 * Every `$ref` to an anchor of `document` turned, in place, into the JSON pointer of the schema
 * that declares it; returns the document.
 */
export function anchorRefsAsPointers<T extends object>(document: T): T {
  const anchors = schemaAnchors(document as Record<string, unknown>);
  anchorCache.delete(document as Record<string, unknown>);
  if (anchors.size === 0) return document;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isRecord(value)) return;
    const ref = value.$ref;
    if (typeof ref === 'string' && /^#[^/]/.test(ref)) {
      const pointer = anchors.get(ref.slice(1));
      if (pointer !== undefined) value.$ref = pointer;
    }
    for (const item of Object.values(value)) visit(item);
  };
  visit(document);
  return document;
}
