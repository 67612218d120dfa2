/**
 * Looking things up in an already bundled document by JSON pointer. After `bundle()` every `$ref`
 * left in the document is local (`#/components/…`), so following one is a pointer lookup; this is
 * not a resolver (openapi-core resolved and bundled every file before this runs).
 */
import { unescapePointerFragment } from '@redocly/openapi-core';
import { isRecord } from '../json.ts';

/** The value at `pointer` (`#/a/b~1c`, or `/a/b`) inside `root`, or undefined when there is none. */
export function getByPointer(root: unknown, pointer: string): unknown {
  const path = pointer.replace(/^#/, '');
  if (path === '' || path === '/') return root;
  let node: unknown = root;
  for (const raw of path.slice(1).split('/')) {
    const token = unescapePointerFragment(raw);
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isRecord(node))
      node = Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The `$ref` string of a Reference Object, or undefined when `value` is not one. */
export function refOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
}
