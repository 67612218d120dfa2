/**
 * JSON pointers (RFC 6901) into the bundled document, and the local `$ref`s that name them: the one
 * reading of both that every step uses. After `bundle()` every `$ref` left in the document is
 * local (`#/components/…`), so following one is a pointer lookup; this is not a resolver
 * (openapi-core resolved and bundled every file before this runs).
 *
 * Two spellings of a place, never mixed:
 * - a **pointer**, `#/paths/~1plans/get`: `#`, then each token escaped as RFC 6901 §3 says (`~0`
 *   for `~`, `~1` for `/`) and nothing else. Error locations, `SchemaNode.pointer` and
 *   openapi-core's problem locations use it; `joinPointer` (`errors.ts`) writes it.
 * - a **ref**, `#/components/schemas/a%20b`: what a spec writes in `$ref`, a URI fragment
 *   (RFC 3986 §3.5), so it may also percent-encode (RFC 6901 §6). `refPointer` turns it into a
 *   pointer, `pointerRef` back.
 *
 * A ref is read the way `@redocly/openapi-core` reads it when it bundles (and lints, and builds the
 * docs): split at `/`, then in each token `~1` → `/` and `~0` → `~`, then percent-decoding; a token
 * that is not valid UTF-8 percent-encoding (`50%`) is kept as written. Every ref the model sees
 * has passed the bundler, so any other reading could follow a ref to another place than the one
 * the bundler checked. It differs from RFC 6901 §6 (percent-decode the whole fragment, then split
 * and unescape) only where a token percent-encodes `/` or `~`: `a%2Fb` names the key `a/b` (not
 * `a`, then `b`) and `a%7E1b` the key `a~1b` (not `a/b`); escape those two as `~1` and `~0`.
 */
import { unescapePointerFragment } from '@redocly/openapi-core';
import { joinPointer } from './errors.ts';
import { isRecord } from './json.ts';

/**
 * The unescaped tokens of a pointer (`#/a/b~1c` or `/a/b~1c` → `['a', 'b/c']`). `''`, `#` and `#/`
 * (openapi-core's spelling of the root) are the document itself: no tokens; `/` is the key `''`.
 */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '#/') return [];
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The pointer a local ref names (`#/components/schemas/a%20b` → `#/components/schemas/a b`), or
 * undefined when `ref` is not a JSON-pointer fragment (another file, an anchor such as `#node`).
 */
export function refPointer(ref: string): string | undefined {
  if (ref === '#') return '#';
  if (!ref.startsWith('#/')) return undefined;
  return joinPointer('#', ...ref.slice(2).split('/').map(unescapePointerFragment));
}

/**
 * A ref that names the place at `pointer` (`#/components/schemas/a~1b` → itself; `#/…/50%` →
 * `#/…/50%25`): it percent-encodes only `%`, the one character `refPointer` would read otherwise,
 * so that `refPointer(pointerRef(p)) === p`.
 */
export function pointerRef(pointer: string): string {
  return joinPointer('#', ...pointerTokens(pointer)).replaceAll('%', '%25');
}

/** The value at `pointer` (`#/a/b~1c`, or `/a/b`) inside `root`, or undefined when there is none. */
export function getByPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(node))
      node = /^(0|[1-9][0-9]*)$/.test(token) ? node[Number(token)] : undefined;
    else if (isRecord(node)) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The value a local ref names inside `root`, or undefined when there is none. */
export function getByRef(root: unknown, ref: string): unknown {
  const pointer = refPointer(ref);
  return pointer === undefined ? undefined : getByPointer(root, pointer);
}

/** The `$ref` string of a Reference Object, or undefined when `value` is not one. */
export function refOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
}

/** `#/components/schemas/Foo%20Bar` → `Foo Bar`; undefined for a ref to anything else. */
export function componentKey(ref: string): string | undefined {
  const pointer = refPointer(ref);
  const [components, schemas, key, ...rest] = pointer === undefined ? [] : pointerTokens(pointer);
  if (components !== 'components' || schemas !== 'schemas' || rest.length > 0) return undefined;
  return key === '' ? undefined : key;
}

/**
 * For a ref that names nothing because a key in it holds `/` or `~` written as it is
 * (`#/components/schemas/a/b` for the schema `a/b`): the ref that names that key, escaped as
 * RFC 6901 says (`/` → `~1`, `~` → `~0`: `#/components/schemas/a~1b`). Undefined when no key of
 * `document`, written as it is, spells the ref. Arrays are entered by index.
 */
export function unescapedKeyRef(document: unknown, ref: string): string | undefined {
  if (!ref.startsWith('#/')) return undefined;
  const text = ref.slice(2);
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // Kept as written, as refPointer keeps a token that is not valid percent-encoding.
  }
  const keys =
    spelledKeys(document, decoded) ?? (decoded === text ? undefined : spelledKeys(document, text));
  if (keys === undefined) return undefined;
  const escaped = pointerRef(joinPointer('#', ...keys));
  return escaped === ref ? undefined : escaped;
}

/** The keys from `node` down whose names, joined by `/`, are `text` (the first such path). */
function spelledKeys(node: unknown, text: string): string[] | undefined {
  const stack: [unknown, string, string[]][] = [[node, text, []]];
  while (stack.length > 0) {
    const [at, rest, keys] = stack.pop()!;
    if (!isRecord(at) && !Array.isArray(at)) continue;
    const names = Array.isArray(at) ? at.map((_, index) => String(index)) : Object.keys(at);
    for (const name of names.reverse()) {
      if (rest === name) return [...keys, name];
      if (rest.startsWith(`${name}/`))
        stack.push([
          (at as Record<string, unknown>)[name],
          rest.slice(name.length + 1),
          [...keys, name],
        ]);
    }
  }
  return undefined;
}

/** The fix for a ref {@link unescapedKeyRef} corrected: what to write, and why. */
export function escapedRefFix(escaped: string): string {
  return `write the $ref as '${escaped}': in a $ref, a "/" inside a key is written ~1 and a "~" ~0 (RFC 6901)`;
}

/**
 * Visits every object of `document` (not arrays, not scalars) with its JSON pointer, depth first
 * in document order and without recursion (a deep document cannot overflow the stack); the first value `visit`
 * returns that is not undefined stops the walk and is returned. `descend`, when given, says which
 * members of an object the walk enters (by key).
 */
export function findInObjects<T>(
  document: unknown,
  visit: (object: Record<string, unknown>, pointer: string) => T | undefined,
  descend: (key: string) => boolean = () => true,
): T | undefined {
  const stack: [unknown, string][] = [[document, '#']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    // Children are pushed last first, so that objects are visited in document order.
    if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index--)
        stack.push([node[index], joinPointer(pointer, index)]);
      continue;
    }
    if (!isRecord(node)) continue;
    const found = visit(node, pointer);
    if (found !== undefined) return found;
    for (const [key, value] of Object.entries(node).reverse())
      if (descend(key)) stack.push([value, joinPointer(pointer, key)]);
  }
  return undefined;
}

/**
 * `items` in the order their places come in `document` (as its text reads: a place before the
 * places inside it, keys in their order); stable, so items at one place keep their order. An item
 * without a pointer comes first; a place the document does not have, after its container's keys.
 */
export function inDocumentOrder<T>(
  items: readonly T[],
  document: unknown,
  pointerOf: (item: T) => string | undefined,
): T[] {
  const compare = (a: string | undefined, b: string | undefined): number => {
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
    const left = pointerTokens(a);
    const right = pointerTokens(b);
    let node = document;
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      if (left[i] !== right[i]) return position(node, left[i]!) - position(node, right[i]!);
      node =
        isRecord(node) || Array.isArray(node)
          ? (node as Record<string, unknown>)[left[i]!]
          : undefined;
    }
    return left.length - right.length;
  };
  return [...items].sort((x, y) => compare(pointerOf(x), pointerOf(y)));
}

/** Where `token` is among the members of `node` (Infinity when it is not one). */
function position(node: unknown, token: string): number {
  if (Array.isArray(node)) {
    const index = Number(token);
    return Number.isInteger(index) && index >= 0 ? index : Infinity;
  }
  const index = isRecord(node) ? Object.keys(node).indexOf(token) : -1;
  return index === -1 ? Infinity : index;
}

/**
 * `resolved` with the `summary` and `description` that the Reference Object `reference` brings it
 * with, in OpenAPI 3.1 (§4.8.23: they override the component's own); 3.0 ignores anything beside
 * `$ref`. A copy when they differ: the component itself is left as it is for its other users.
 */
export function withReferenceText(
  doc: Record<string, unknown>,
  reference: unknown,
  resolved: unknown,
): unknown {
  if (!isRecord(reference) || !isRecord(resolved) || reference === resolved) return resolved;
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) return resolved;
  const text: Record<string, string> = {};
  for (const key of ['summary', 'description'] as const)
    if (typeof reference[key] === 'string' && reference[key] !== resolved[key])
      text[key] = reference[key];
  return Object.keys(text).length === 0 ? resolved : { ...resolved, ...text };
}
