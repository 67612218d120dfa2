/**
 * JSON Schema 2020-12 identifiers (`$id`) in the root file: a `$ref` inside a schema with an
 * `$id` is resolved against that `$id` (JSON Schema Core §8.2.1, OpenAPI 3.1 §4.8.24), and a
 * `$ref` to a URI that a schema of the document declares as its `$id` names that schema, which
 * is used as it is, never retrieved (§9.1.2, §9.2: an embedded resource). Before bundling each
 * such `$ref` becomes the JSON pointer of the schema it names, as anchors.ts does for `$anchor`:
 * Redocly's bundler reads every `$ref` against the file (`#/$defs/Value` at the document root, a
 * relative `leaf` as a file) and fetches absolute ones.
 *
 * A `$ref` that resolves against a non-file `$id` to a URI no schema of the document declares is
 * refused: it could only be fetched from the network, which the generator never does for `$id`s.
 */
import { isDeepStrictEqual } from 'node:util';
import { holdsObjects, NAME_MAPS } from '../document-keys.ts';
import { GeneratorError, joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { getByPointer, pointerRef } from '../pointer.ts';
import { anchorInResource } from '../anchors.ts';

/** Below this, nothing nests in a real spec (parse.ts refuses documents nested deeper than 100). */
const MAX_DEPTH = 128;

/**
 * Every `$ref` of `document` that an `$id` decides, in place, turned into the JSON pointer of the
 * schema it names. `rootURL` is the file's own URL (`file:///…/openapi.yaml`), the base of a
 * relative `$id`.
 * @throws GeneratorError naming each `$ref` that names a schema only its `$id` could fetch.
 */
export function idRefsAsPointers(document: object, rootURL: string, file: string): void {
  const resources = new Map<string, string>();
  /** The schema each resource URI was first declared by, for {@link duplicateId}. */
  const declared = new Map<string, Record<string, unknown>>();
  const duplicates: GeneratorError[] = [];
  const refs: { holder: Record<string, unknown>; base: string; pointer: string }[] = [];
  const visit = (
    value: unknown,
    pointer: string,
    base: string,
    depth: number,
    names: boolean,
  ): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, joinPointer(pointer, i), base, depth + 1, false));
      return;
    }
    if (!isRecord(value)) return;
    let own = base;
    if (!names && typeof value.$id === 'string') {
      const uri = resolved(value.$id, base);
      if (uri !== undefined) {
        own = withoutFragment(uri);
        const first = declared.get(own);
        if (first === undefined) {
          resources.set(own, pointer);
          declared.set(own, value);
        } else if (first !== value && !isDeepStrictEqual(first, value)) {
          duplicates.push(duplicateId(value.$id, own, resources.get(own)!, pointer, file));
        }
      }
    }
    if (!names && typeof value.$ref === 'string' && (own !== rootURL || isAbsolute(value.$ref)))
      refs.push({ holder: value, base: own, pointer });
    for (const [key, item] of Object.entries(value)) {
      if (names || holdsObjects(key))
        visit(item, joinPointer(pointer, key), own, depth + 1, !names && NAME_MAPS.has(key));
    }
  };
  visit(document, '#', rootURL, 0, false);
  if (duplicates.length > 0) throw GeneratorError.all(duplicates);
  if (resources.size === 0) return;

  const problems: GeneratorError[] = [];
  for (const { holder, base, pointer } of refs) {
    const ref = holder.$ref as string;
    const uri = resolved(ref, base);
    if (uri === undefined) continue;
    const hash = ref.indexOf('#');
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    const target = resources.get(withoutFragment(uri));
    if (target !== undefined) {
      // `#/…` inside the resource, or the resource itself; an anchor name (`…/b#leaf`) of that
      // resource (anchors.ts; a bare `#leaf` is left to anchors.ts, which finds the ref's own).
      if (fragment === '' || fragment.startsWith('/')) {
        const inResource = pointerRef(target) + fragment;
        // `#/components/schemas/Item` written inside a schema with an `$id` means a place inside
        // that schema (JSON Schema 2020-12 §8.2.1), not the document root, as most tools read it:
        // said so where the root has the place and the schema does not (helper-129 4).
        if (
          ref.startsWith('#/') &&
          getByPointer(document, inResource) === undefined &&
          getByPointer(document, ref) !== undefined
        ) {
          problems.push(
            new GeneratorError(
              `$ref ${JSON.stringify(ref)} is inside the schema ${target}, whose \`$id\` (${base}) is the base it resolves against (JSON Schema 2020-12 §8.2.1), so it means ${inResource}, where nothing is; the document root's ${ref} is not what it names`,
              { file, pointer: joinPointer(pointer, '$ref') },
              `remove the \`$id\` from ${target} (a schema needs one only to be referred to by that URI), or give the schema it means an \`$id\` of its own and write the $ref as that URI`,
            ),
          );
          continue;
        }
        holder.$ref = inResource;
      } else if (!ref.startsWith('#')) {
        const anchored = anchorInResource(document as Record<string, unknown>, target, fragment);
        if (anchored !== undefined) holder.$ref = anchored;
      }
      continue;
    }
    if (base !== rootURL && !base.startsWith('file:') && !isAbsolute(ref)) {
      problems.push(
        new GeneratorError(
          `$ref ${JSON.stringify(ref)} resolves against the schema's $id to ${JSON.stringify(uri)}, which no schema of this document declares as its $id; the generator never fetches a schema by its $id`,
          { file, pointer: joinPointer(pointer, '$ref') },
          `declare the schema it means here with \`$id: ${uri.split('#')[0]!}\`, or write the $ref as a JSON pointer from the document's root ('#/components/schemas/<Name>')`,
        ),
      );
    }
  }
  if (problems.length > 0) throw GeneratorError.all(problems);
}

/**
 * A second, different schema declaring an `$id` another schema of the document declares: a `$ref`
 * to that URI names two schemas (JSON Schema 2020-12 §8.2.1: an `$id` identifies one schema
 * resource; Ajv refuses such a schema, "reference resolves to more than one schema"), and the
 * generator would have read the first without a word. The same schema twice (a YAML alias, an
 * equal copy) names one schema and is not refused, as Ajv does not refuse it.
 */
function duplicateId(
  id: string,
  uri: string,
  first: string,
  second: string,
  file: string,
): GeneratorError {
  const same = id === uri ? '' : ` (${uri})`;
  return new GeneratorError(
    `\`$id: ${id}\`${same} is declared a second time, by another schema than the one at ${file} ${first}: a \`$ref\` to it resolves to more than one schema (JSON Schema 2020-12 §8.2.1; validators such as Ajv refuse the schema)`,
    { file, pointer: joinPointer(second, '$id') },
    `give one of the two schemas (here or at ${first}) another \`$id\`, and point the \`$ref\`s meant for it at the new one; or remove an \`$id\` that nothing refers to`,
  );
}

/** `ref` resolved against `base` (RFC 3986 §5), or undefined when it is no URI reference. */
function resolved(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}

/** Whether `ref` is an absolute URI (`https://…`, `urn:…`), not a path or a fragment. */
function isAbsolute(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref);
}
