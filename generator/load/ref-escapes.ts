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

/** The fragment as a URI reference's percent-decoding reads it; as written when that fails. */
function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
