/**
 * What a `$ref` that finds nothing most likely means: the place or file a typo away from the one
 * written (`#/components/schemas/Plna` → `#/components/schemas/Plan`, `./schemas/plna.yaml` →
 * `./schemas/plan.yaml`). Used by problems.ts for the fix of a "cannot resolve $ref" error.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { getByPointer, pointerRef, pointerTokens } from '../pointer.ts';
import { closestOption } from '../unknown-option.ts';

/**
 * The fix for a `$ref` whose JSON pointer (RFC 6901) finds nothing in `parsed`, the document it
 * points into: the pointer with each key that is not there swapped for the one a typo away (or
 * differing in case), when that pointer is there; else where to add the missing key. `file` is
 * the ref's file part (`./schemas/plan.yaml`), empty for a place of the ref's own file.
 */
export function pointerFix(file: string, pointer: string, parsed: unknown): string | undefined {
  const tokens = pointerTokens(pointer);
  let node: unknown = parsed;
  const repaired: string[] = [];
  for (const token of tokens) {
    let key: string | undefined;
    if (Array.isArray(node)) key = /^(0|[1-9][0-9]*)$/.test(token) ? token : undefined;
    else if (isRecord(node))
      key = Object.hasOwn(node, token) ? token : nearestKey(token, Object.keys(node));
    if (key === undefined) {
      // Nothing close: the first key that is not there is the one to add.
      if (repaired.some((written, i) => written !== tokens[i])) return undefined;
      const where = repaired.length === 0 ? 'the root' : joinPointer('#', ...repaired);
      const of = file === '' ? '' : ` of ${file}`;
      return `add \`${token}\` under ${where}${of}, or point the $ref at a place that is there`;
    }
    repaired.push(key);
    node = getByPointer(node, joinPointer('#', key));
  }
  const written = joinPointer('#', ...repaired);
  if (written === pointer || getByPointer(parsed, written) === undefined) return undefined;
  const ref = `${file}${pointerRef(written)}`;
  if (written.toLowerCase() === pointer.toLowerCase())
    return `write the $ref as '${ref}': the names differ in case`;
  const meant = repaired.filter((key, i) => key !== tokens[i]).map((key) => `\`${key}\``);
  return `write the $ref as '${ref}' (did you mean ${meant.join(', ')}?)`;
}

/** The key of `keys` that `token` most likely means: the same but for case, or a typo away. */
function nearestKey(token: string, keys: string[]): string | undefined {
  return (
    keys.find((key) => key.toLowerCase() === token.toLowerCase()) ?? closestOption(token, keys)
  );
}

/**
 * The fix for a `$ref` to a file that does not exist, `target` its absolute path: the file of its
 * folder a typo away (`plna.yaml` → `plan.yaml`), written as the ref wrote its path, with the
 * ref's `#…` kept.
 */
export function missingFileFix(ref: string, target: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(target), { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name);
  } catch {
    return undefined;
  }
  const wanted = basename(target);
  const near = nearestKey(wanted, names);
  if (near === undefined || near === wanted) return undefined;
  const hash = ref.indexOf('#');
  const path = hash === -1 ? ref : ref.slice(0, hash);
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const written = `${path.slice(0, slash + 1)}${near}${hash === -1 ? '' : ref.slice(hash)}`;
  return `write the $ref as '${written}' (did you mean \`${near}\`?)`;
}
