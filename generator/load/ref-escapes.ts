/**
 * `$ref`s whose JSON Pointer fragment holds a `~` that is no escape: RFC 6901 §3 has `~0` (a
 * `~`) and `~1` (a `/`) only. openapi-core left `~2` as it was, so `#/components/schemas/A~2b`
 * found a key `A~2b` without a word, and where none was, the error quoted the pointer re-escaped
 * (`A~02b`) beside a fix naming `A~2b` (helper-119 H8). Refused before bundling, at the `$ref`.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { findInObjects } from '../pointer.ts';

/** Refs named at most; the rest are counted in the last error. */
const MAX_REPORTED = 20;

/** Every `$ref` in `document` whose fragment has an invalid `~` escape, in document order. */
export function invalidRefEscapes(document: unknown, file: string): GeneratorError[] {
  const found: { pointer: string; ref: string }[] = [];
  findInObjects(document, (object, pointer) => {
    const ref = object.$ref;
    if (typeof ref !== 'string') return undefined;
    const hash = ref.indexOf('#');
    const fragment = hash === -1 ? '' : safeDecode(ref.slice(hash + 1));
    if (fragment.startsWith('/') && /~(?![01])/.test(fragment)) found.push({ pointer, ref });
    return undefined;
  });
  return found.slice(0, MAX_REPORTED).map(({ pointer, ref }, index) => {
    // The fragment as read (percent-decoded: `%7E2` is a `~2` too), each stray `~` escaped.
    const hash = ref.indexOf('#');
    const escaped = `${ref.slice(0, hash + 1)}${safeDecode(ref.slice(hash + 1)).replace(/~(?![01])/g, '~0')}`;
    const more = found.length - MAX_REPORTED;
    return new GeneratorError(
      `the $ref ${JSON.stringify(ref)} has a \`~\` that is no JSON Pointer escape: RFC 6901 §3 has \`~0\` for a \`~\` in a key and \`~1\` for a \`/\`, nothing else${index === MAX_REPORTED - 1 && more > 0 ? ` (and ${more} more such $refs)` : ''}`,
      { file, pointer: joinPointer(pointer, '$ref') },
      `for a key with a \`~\` in it, write it as \`~0\`: ${JSON.stringify(escaped)}`,
    );
  });
}

/**
 * `$ref`s to an anchor in another file (`./pet.yaml#pet`: a plain-name fragment, JSON Schema
 * 2020-12 §8.2.2): openapi-core reads only JSON Pointer fragments, so it looked for a file named
 * `pet.yaml#pet` and the error said the file does not exist (helper-141 F6). The root file's own
 * anchors (`#pet`) are read (anchors.ts); another file's are refused here, at the `$ref`, with
 * the pointer form as the fix. So is a pointer whose leading `/` is percent-encoded (`#%2FPet`).
 */
export function otherFileAnchorRefs(document: unknown, file: string): GeneratorError[] {
  const found: GeneratorError[] = [];
  findInObjects(document, (object, pointer) => {
    const ref = object.$ref;
    if (typeof ref !== 'string' || found.length >= MAX_REPORTED) return undefined;
    const hash = ref.indexOf('#');
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    if (hash <= 0 || fragment === '' || fragment.startsWith('/')) return undefined;
    const target = ref.slice(0, hash);
    // `#%2FPet` is the pointer `/Pet` (RFC 6901 §6: a fragment is percent-decoded first), which
    // the bundler looked for as a file named `a.yaml#/Pet` (helper-143 F6).
    const decoded = safeDecode(fragment);
    if (decoded.startsWith('/')) {
      found.push(
        new GeneratorError(
          `the $ref ${JSON.stringify(ref)} percent-encodes the \`/\` that starts its JSON Pointer: the bundler reads a pointer into another file only when its fragment starts with \`#/\` as written`,
          { file, pointer: joinPointer(pointer, '$ref') },
          `write it decoded: ${JSON.stringify(`${target}#${decoded}`)}`,
        ),
      );
      return undefined;
    }
    found.push(
      new GeneratorError(
        `the $ref ${JSON.stringify(ref)} names the anchor \`${fragment}\` in another file (${target}): the bundler reads only JSON Pointer fragments there (\`#/…\`), anchors (\`$anchor\`) only inside the file that declares them`,
        { file, pointer: joinPointer(pointer, '$ref') },
        `point at the schema with a JSON Pointer: ${JSON.stringify(`${target}#/…`)} (the path of the schema that declares \`$anchor: ${fragment}\` in ${target})`,
      ),
    );
    return undefined;
  });
  return found;
}

/** The fragment as a URI reference's percent-decoding reads it; as written when that fails. */
function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
