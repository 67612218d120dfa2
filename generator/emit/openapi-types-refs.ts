/**
 * A pre-processing step for the document openapi-typescript turns into src/openapi.ts: `$ref`s
 * that point anywhere but at a whole component (`#/components/<section>/<name>`) are replaced by
 * what they point at, or by a ref to a component made for it.
 *
 * openapi-typescript prints every `$ref` as an indexed access along its pointer, skipping
 * `properties`: `#/paths/~1a/post/requestBody/content/application~1json/schema` becomes
 * `paths['/a']['post']['requestBody']['content']['application/json']['schema']`, which does not
 * compile (TS2339: `requestBody` is optional and the media type's type has no `schema` key); so
 * does a ref to an optional property (`#/components/schemas/A/properties/b`) or to an array's
 * `items`. Real specs (often converted from Swagger 2.0) point into paths and into schemas' insides.
 *
 * A schema the ref points into (`#/components/schemas/A/properties/b`, `…/content/…/schema`) goes
 * into `components.schemas` under its pointer as the key (`'#/paths/~1a/post/…/schema'`, which no
 * valid component name can equal: they match `^[a-zA-Z0-9._-]+$`), once, and the ref points there:
 * the output grows by each such schema once however often it is referred to (copying them in place
 * blew Azure's network description up to 41 MB), and a schema that contains itself is fine. Any
 * other target (a parameter of another operation, a response) is copied in place of the ref, once
 * per target (copy-on-write: nothing else is copied); 3.1 siblings of `$ref` stay on the copy.
 *
 * A component that is only a `$ref` to another one (`responses: { Alias: { $ref:
 * '#/components/responses/Number' } }`, as specs that share components between files have) is
 * the component it names, copied: openapi-typescript reads such an alias as the object it is
 * written as, a response without content (`content?: never`), a parameter without a schema
 * (`string`), which does not compile where a body's type is read from it.
 */
import { DATA_KEYS, NAME_MAPS } from '../document-keys.ts';
import { isRecord } from '../json.ts';
import { getByPointer, refPointer } from '../pointer.ts';

/** Rewrites `document` (a copy the caller owns) and returns it. */
export function nameDeepRefs<T extends object>(document: T): T {
  const original: unknown = withAliasesResolved(document);
  const done = new Map<string, unknown>();
  const hoisted = new Set<string>();
  const stack: string[] = [];

  /** The ref to the `components.schemas` entry named by `pointer` (one token: `~0`, `~1`, `%25`). */
  const hoist = (pointer: string): string => {
    const token = pointer.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('%', '%25');
    hoisted.add(pointer);
    return `#/components/schemas/${token}`;
  };

  // `names`: `value` is a name map (`properties`, `responses`: the `default` response), whose
  // entries are objects with keywords again (a property called `content` is a schema).
  const rewrite = (value: unknown, names = false): unknown => {
    // Copy-on-write: a value with no deep ref inside comes back as it was.
    if (Array.isArray(value)) {
      const items = value.map((item) => rewrite(item));
      return items.some((item, i) => item !== value[i]) ? items : value;
    }
    if (!isRecord(value)) return value;
    // In a name map `$ref` is a name (a property called `$ref`).
    const ref = names ? undefined : value.$ref;
    const pointer = typeof ref === 'string' ? deepPointer(ref) : undefined;
    if (typeof ref !== 'string' || pointer === undefined) {
      let copy: Record<string, unknown> | undefined;
      for (const [key, child] of Object.entries(value)) {
        // Example values, defaults, enums and extensions are data: a `$ref` there is no reference
        // openapi-typescript follows (examples are not typed); under a name map these are names.
        if (!names && (DATA_KEYS.has(key) || key.startsWith('x-'))) continue;
        const next = rewrite(child, !names && NAME_MAPS.has(key));
        if (next !== child) copy ??= { ...value };
        if (copy !== undefined) copy[key] = next;
      }
      return copy ?? value;
    }
    if (isSchemaPointer(pointer)) return { ...value, $ref: hoist(pointer) };
    const siblings = Object.fromEntries(Object.entries(value).filter(([key]) => key !== '$ref'));
    // A parameter or response that contains a ref to itself is no valid document: left as is.
    if (stack.includes(pointer)) return value;
    let target = done.get(pointer);
    if (target === undefined) {
      const raw = getByPointer(original, pointer);
      // A ref to nowhere is the loader's to report; openapi-typescript is left to read it as is.
      if (raw === undefined) return value;
      stack.push(pointer);
      target = rewrite(raw);
      stack.pop();
      done.set(pointer, target);
    }
    return Object.keys(siblings).length === 0 || !isRecord(target)
      ? target
      : { ...target, ...siblings };
  };

  const result = rewrite(original) as T & Record<string, unknown>;
  if (hoisted.size === 0) return result;
  const components = isRecord(result.components) ? { ...result.components } : {};
  const schemas = isRecord(components.schemas) ? { ...components.schemas } : {};
  // Hoisted schemas may hoist others: loop until every hoisted pointer has its entry.
  for (let added = true; added;) {
    added = false;
    for (const pointer of [...hoisted]) {
      if (Object.hasOwn(schemas, pointer)) continue;
      schemas[pointer] = rewrite(getByPointer(original, pointer) ?? {});
      added = true;
    }
  }
  components.schemas = schemas;
  return { ...result, components };
}

/** Sections whose components openapi-typescript types from their own value, a `$ref` or not. */
const ALIAS_SECTIONS = ['responses', 'parameters', 'requestBodies', 'headers', 'pathItems'];

/** How many aliases of aliases are followed; a longer chain (or a loop) stays as written. */
const MAX_ALIAS_HOPS = 32;

/** `document` with each component of {@link ALIAS_SECTIONS} that is a `$ref` as its target. */
function withAliasesResolved<T extends object>(document: T): T {
  const components = (document as Record<string, unknown>).components;
  if (!isRecord(components)) return document;
  let copy: Record<string, unknown> | undefined;
  for (const section of ALIAS_SECTIONS) {
    const entries = components[section];
    if (!isRecord(entries)) continue;
    let resolved: Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(entries)) {
      const target = aliasTarget(document, value);
      if (target === undefined) continue;
      // 3.1: a Reference Object's `summary` and `description` override the target's.
      const { $ref: _ref, ...siblings } = value as Record<string, unknown>;
      resolved ??= { ...entries };
      resolved[name] = { ...target, ...siblings };
    }
    if (resolved === undefined) continue;
    copy ??= { ...components };
    copy[section] = resolved;
  }
  return copy === undefined ? document : { ...document, components: copy };
}

/** What a `$ref` component finally names (through aliases of aliases), else undefined. */
function aliasTarget(document: object, value: unknown): Record<string, unknown> | undefined {
  let current = value;
  for (let hops = 0; isRecord(current) && typeof current.$ref === 'string'; hops++) {
    const pointer = refPointer(current.$ref);
    if (hops === MAX_ALIAS_HOPS || pointer === undefined) return undefined;
    current = getByPointer(document, pointer);
  }
  return current === value || !isRecord(current) ? undefined : current;
}

/**
 * Whether a pointer names a schema: inside `components.schemas`, or at or under a `schema` field
 * (of a media type, a parameter, a header).
 */
function isSchemaPointer(pointer: string): boolean {
  const tokens = pointer.slice(2).split('/');
  return (tokens[0] === 'components' && tokens[1] === 'schemas') || tokens.includes('schema');
}

/**
 * The pointer a local `$ref` names when it is not a whole component (`#/components/<section>/
 * <name>`), else undefined.
 */
function deepPointer(ref: string): string | undefined {
  const pointer = refPointer(ref);
  if (pointer === undefined || pointer === '#') return undefined;
  const tokens = pointer.slice(2).split('/');
  return tokens.length === 3 && tokens[0] === 'components' ? undefined : pointer;
}
