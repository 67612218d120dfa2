/**
 * A component written as a `$ref` to a file keeps the name it is written under. For
 * `components: { schemas: { Pet: { $ref: './schemas/pet.yaml' } } }`, openapi-core's bundler files
 * the file's content under a name of its own (the file's: `pet`) and leaves `Pet` as a `$ref` to
 * it, so the SDK named the schema `Pet2` and `Pet` an alias of it: names the user never wrote
 * (a file named `Pet.yaml` gave `Pet` alone). After bundling, the content goes back under the
 * written name, and every `$ref` (and discriminator mapping) to the bundler's name follows it. The
 * source map then finds the content by the written `$ref`, in the file (load/source-map.ts).
 *
 * Only a component the bundler added is moved: one whose name is no key the root file writes in
 * that section, reached from a written component that is a `$ref` to another file.
 */
import { isDeepStrictEqual } from 'node:util';
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import {
  componentKey,
  findInObjects,
  getByPointer,
  pointerRef,
  pointerTokens,
  refPointer,
} from '../pointer.ts';
import { rewriteRefs } from '../ref-rewrite.ts';

/** In the root file as written: each section's keys, and the keys that are `$ref`s to files. */
export interface WrittenComponents {
  keys: ReadonlyMap<string, ReadonlySet<string>>;
  fileRefs: readonly { section: string; key: string }[];
}

/** What the root file writes under `components`; read before bundling, which rewrites it. */
export function writtenComponents(root: unknown): WrittenComponents {
  const keys = new Map<string, Set<string>>();
  const fileRefs: { section: string; key: string }[] = [];
  const components = isRecord(root) ? root['components'] : undefined;
  if (!isRecord(components)) return { keys, fileRefs };
  for (const [section, entries] of Object.entries(components)) {
    if (!isRecord(entries)) continue;
    keys.set(section, new Set(Object.keys(entries)));
    for (const [key, value] of Object.entries(entries)) {
      const ref = isRecord(value) ? value['$ref'] : undefined;
      if (typeof ref === 'string' && !ref.startsWith('#')) fileRefs.push({ section, key });
    }
  }
  return { keys, fileRefs };
}

/**
 * A schema written in place that a discriminator mapping names (`square:
 * '#/components/schemas/Shape/oneOf/1'`, or `'#/oneOf/1'` in the schema's own file; OpenAPI 3.1.1
 * §4.8.25: "a schema name or a reference") is the variant it names. openapi-core's bundler files a
 * copy of it into `components.schemas` under the pointer's last token (`1`, exported as `_1`) and
 * points the mapping there, while the union keeps its inline copy: two types for one schema, and a
 * discriminator whose variant is inline, which decides nothing. Here a component the root file
 * does not write, that a mapping names and that is one of the union's inline variants, is named
 * for what picks it (`Shape-square`: `ShapeSquare` in the SDK, unless that is taken), and the
 * variant becomes a `$ref` to it.
 */
export function nameMappedSchemas(
  document: Record<string, unknown>,
  written: WrittenComponents,
): void {
  const components = document['components'];
  const schemas = isRecord(components) ? components['schemas'] : undefined;
  if (!isRecord(schemas)) return;
  const renamed = new Map<string, string>();
  const moved = new Map<string, string>();
  findInObjects(document, (schema, holder) => {
    const { discriminator } = schema;
    const mapping = isRecord(discriminator) ? discriminator['mapping'] : undefined;
    if (!isRecord(mapping)) return undefined;
    for (const [value, ref] of Object.entries(mapping)) {
      const key = typeof ref === 'string' ? componentKey(ref) : undefined;
      if (key === undefined || written.keys.get('schemas')?.has(key) === true) continue;
      const filed = schemas[key];
      if (filed === undefined) continue;
      const from = joinPointer('#/components/schemas', key);
      for (const keyword of ['oneOf', 'anyOf']) {
        const variants = schema[keyword];
        if (!Array.isArray(variants)) continue;
        const index = variants.findIndex(
          (variant) =>
            isRecord(variant) && !('$ref' in variant) && isDeepStrictEqual(variant, filed),
        );
        if (index !== -1) {
          variants[index] = { $ref: pointerRef(from) };
          if (!renamed.has(from)) renamed.set(from, mappedName(schemas, key, holder, value));
          continue;
        }
        // A variant that is a `$ref` to a place inside a component (`#/components/schemas/Pet/
        // $defs/Cat`), which the mapping also names: the bundler filed a copy under `Cat` and
        // pointed the mapping there. Every `$ref` to that place now names the copy.
        for (const variant of variants) {
          const place = isRecord(variant) ? variant['$ref'] : undefined;
          if (typeof place !== 'string' || componentKey(place) !== undefined) continue;
          const pointer = refPointer(place);
          if (pointer === undefined || pointer === from) continue;
          // The bundler files the very object it found there (openapi-core's saveComponent):
          // identity, not equality, which two variants of the same shape share (helper-143 F2).
          if (getByPointer(document, pointer) === filed) moved.set(pointer, from);
        }
      }
    }
    return undefined;
  });
  if (moved.size > 0) followMoves(document, moved);
  if (renamed.size > 0) followRenames(document, renamed);
}

/** Every `$ref` to one of `moved`'s places (exactly, not below it) names its component instead. */
function followMoves(document: unknown, moved: ReadonlyMap<string, string>): void {
  rewriteRefs(document, (ref) => {
    const pointer = refPointer(ref);
    const to = pointer === undefined ? undefined : moved.get(pointer);
    return to === undefined ? undefined : pointerRef(to);
  });
}

/**
 * Files `schemas[key]` under `<Holder>-<value>` (the schema holding the discriminator, when it is a
 * component) with a number added if that is taken; returns the ref pointer to it.
 */
function mappedName(
  schemas: Record<string, unknown>,
  key: string,
  holder: string,
  value: string,
): string {
  const [section, kind, owner] = pointerTokens(holder);
  const prefix =
    section === 'components' && kind === 'schemas' && owner !== undefined ? `${owner}-` : '';
  const base = `${prefix}${value}`.replace(/[^A-Za-z0-9._-]/g, '_');
  let name = base;
  for (let n = 2; Object.hasOwn(schemas, name) && name !== key; n++) name = `${base}${n}`;
  if (name !== key) {
    schemas[name] = schemas[key];
    delete schemas[key];
  }
  return joinPointer('#/components/schemas', name);
}

/** Moves bundler-named components back under their written names, in `document` (the bundle). */
export function restoreFileComponentNames(
  document: Record<string, unknown>,
  written: WrittenComponents,
): void {
  const components = document['components'];
  if (!isRecord(components)) return;
  /** The bundler's ref → the written component's ref. */
  const renamed = new Map<string, string>();
  for (const { section, key } of written.fileRefs) {
    const entries = components[section];
    const alias = isRecord(entries) ? entries[key] : undefined;
    if (!isRecord(entries) || !isRecord(alias) || Object.keys(alias).length !== 1) continue;
    const ref = alias['$ref'];
    const pointer = typeof ref === 'string' ? refPointer(ref) : undefined;
    const tokens = pointer === undefined ? [] : pointerTokens(pointer);
    const added = tokens[2];
    if (
      tokens.length !== 3 ||
      tokens[0] !== 'components' ||
      tokens[1] !== section ||
      added === undefined ||
      added === key ||
      written.keys.get(section)?.has(added) === true ||
      !Object.hasOwn(entries, added)
    )
      continue;
    entries[key] = entries[added];
    delete entries[added];
    renamed.set(joinPointer('#', ...tokens), joinPointer('#/components', section, key));
  }
  if (renamed.size > 0) followRenames(document, renamed);
}

/**
 * A component the bundler added under a name with `~0` or `~1` in it, renamed to one that is a
 * component name. A `$ref` inside another file to a key with `/` or `~` in it (`'#/Kinds~1V1'`,
 * RFC 6901 escapes, which the root file resolves fine) makes openapi-core file the target under
 * the escaped token itself (the key `Kinds~1V1`) and write `$ref: '#/components/schemas/Kinds~1V1'`,
 * a pointer that reads as `Kinds/V1`: a valid spec was refused with "names a schema that is not
 * in components.schemas", quoting a `$ref` the user never wrote. The component goes under the
 * decoded name with every character a component name cannot hold (OpenAPI 3.1 §4.8.7: `^[a-zA-Z0-9._-]+$`)
 * made `_` (`Kinds_V1`), unless that is taken, and the bundler's `$ref`s follow it.
 */
export function renameEscapedComponents(
  document: Record<string, unknown>,
  written: WrittenComponents,
): void {
  const components = document['components'];
  if (!isRecord(components)) return;
  /** The bundler's ref, read as it is written (the pointer it means to write) → the new one. */
  const renamed = new Map<string, string>();
  for (const [section, entries] of Object.entries(components)) {
    if (!isRecord(entries)) continue;
    for (const key of Object.keys(entries)) {
      if (!/~[01]/.test(key) || written.keys.get(section)?.has(key) === true) continue;
      const decoded = key.replaceAll('~1', '/').replaceAll('~0', '~');
      const base = decoded.replace(/[^A-Za-z0-9._-]/g, '_');
      let name = base;
      for (let n = 2; Object.hasOwn(entries, name); n++) name = `${base}${n}`;
      entries[name] = entries[key];
      delete entries[key];
      renamed.set(`#/components/${section}/${key}`, joinPointer('#/components', section, name));
    }
  }
  if (renamed.size === 0) return;
  rewriteRefs(document, (ref) => {
    for (const [from, to] of renamed) {
      if (ref === from) return pointerRef(to);
      if (ref.startsWith(`${from}/`)) return pointerRef(to) + ref.slice(from.length);
    }
    return undefined;
  });
}

/** Rewrites each `$ref` and discriminator mapping to a renamed component (or a place inside it). */
function followRenames(document: unknown, renamed: ReadonlyMap<string, string>): void {
  rewriteRefs(document, (ref) => {
    const pointer = refPointer(ref);
    if (pointer === undefined) return undefined;
    for (const [from, to] of renamed) {
      if (pointer === from) return pointerRef(to);
      if (pointer.startsWith(`${from}/`)) return pointerRef(to + pointer.slice(from.length));
    }
    return undefined;
  });
}
