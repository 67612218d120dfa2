/**
 * A pre-processing step for the document openapi-typescript turns into src/openapi.ts: `$ref`s
 * that point anywhere but at a whole component (`#/components/<section>/<name>`) are replaced by
 * what they point at.
 *
 * openapi-typescript prints every `$ref` as an indexed access along its pointer, skipping
 * `properties`: `#/paths/~1a/post/requestBody/content/application~1json/schema` becomes
 * `paths['/a']['post']['requestBody']['content']['application/json']['schema']`, which does not
 * compile (TS2339: `requestBody` is optional and the media type's type has no `schema` key); so
 * does a ref to an optional property (`#/components/schemas/A/properties/b`) or to an array's
 * `items`. Real specs (often converted from Swagger 2.0) point into paths and into schemas' insides.
 *
 * The target is copied in place of the ref (copy-on-write: nothing else is copied) (3.1 siblings of `$ref`, such as `description`, are
 * kept on the copy), once per target: every later ref to the same place shares that copy. A ref
 * that leads back into a copy being made (a cycle) cannot be copied; its target goes into
 * `components.schemas` under its pointer as the key (`'#/paths/~1a/get/…'`, which no valid
 * component name can equal: they match `^[a-zA-Z0-9._-]+$`), and the ref points there.
 */
import { isRecord } from '../json.ts';
import { getByPointer, refPointer } from '../pointer.ts';

/** Rewrites `document` (a copy the caller owns) and returns it. */
export function inlineDeepRefs<T extends object>(document: T): T {
  const original: unknown = document;
  const done = new Map<string, unknown>();
  const hoisted = new Set<string>();
  const stack: string[] = [];

  /** The ref to the `components.schemas` entry named by `pointer` (one token: `~0`, `~1`, `%25`). */
  const hoist = (pointer: string): string => {
    const token = pointer.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('%', '%25');
    hoisted.add(pointer);
    return `#/components/schemas/${token}`;
  };

  const rewrite = (value: unknown): unknown => {
    // Copy-on-write: a value with no deep ref inside comes back as it was.
    if (Array.isArray(value)) {
      const items = value.map(rewrite);
      return items.some((item, i) => item !== value[i]) ? items : value;
    }
    if (!isRecord(value)) return value;
    const ref = value.$ref;
    const pointer = typeof ref === 'string' ? deepPointer(ref) : undefined;
    if (typeof ref !== 'string' || pointer === undefined) {
      let copy: Record<string, unknown> | undefined;
      for (const [key, child] of Object.entries(value)) {
        const next = rewrite(child);
        if (next !== child) copy ??= { ...value };
        if (copy !== undefined) copy[key] = next;
      }
      return copy ?? value;
    }
    const siblings = Object.fromEntries(Object.entries(value).filter(([key]) => key !== '$ref'));
    if (stack.includes(pointer)) return { ...siblings, $ref: hoist(pointer) };
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

  const result = rewrite(document) as T & Record<string, unknown>;
  if (hoisted.size === 0) return result;
  const components = isRecord(result.components) ? { ...result.components } : {};
  const schemas = isRecord(components.schemas) ? { ...components.schemas } : {};
  // Hoisted targets may hoist others: loop until every hoisted pointer has its entry.
  for (let added = true; added;) {
    added = false;
    for (const pointer of [...hoisted]) {
      if (Object.hasOwn(schemas, pointer)) continue;
      stack.push(pointer);
      schemas[pointer] = rewrite(getByPointer(original, pointer));
      stack.pop();
      added = true;
    }
  }
  components.schemas = schemas;
  return { ...result, components };
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
