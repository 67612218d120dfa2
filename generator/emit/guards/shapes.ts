/**
 * Structural identity of nodes, so a subschema that one named schema repeats inline (the same
 * inline object under several of its properties) is checked by one helper function instead of
 * being printed again at every use. Two nodes share a shape id when they check exactly the same
 * thing; annotations that change nothing (descriptions, formats, examples, pointers) are ignored.
 * Counts are per named schema (scope.ts makes one Shapes each): sharing across schemas would make
 * one schema's code depend on the others.
 */
import { createHash } from 'node:crypto';
import { children } from '../../model/schema-children.ts';
import type { SchemaNode } from '../../model/schema-types.ts';

/** Node fields that never change what a guard checks or reports. (`writeOnly` does: not required.) */
const IGNORED = new Set([
  'pointer',
  'title',
  'description',
  'deprecated',
  'readOnly',
  'format',
  'default',
  'examples',
  'extensions',
]);

/** Kinds worth a shared function; smaller ones print as one short test anyway. */
const SHAREABLE = new Set<SchemaNode['kind']>(['object', 'array', 'union', 'allOf']);

/** Subtrees smaller than this (in nodes) are printed inline even when repeated: a call costs more. */
const MIN_SHARED_SIZE = 4;

/**
 * Subtrees at least this big (in nodes) get a helper named after their content, shared by every
 * schema that has one of that shape (specs copy whole objects inline: GitHub's repeats its inline
 * user object hundreds of times). Whether a subtree gets one depends on the subtree alone, so no
 * schema's code changes when another schema is added.
 */
const CONTENT_SHARED_SIZE = 12;

const sizes = new WeakMap<SchemaNode, number>();

function size(node: SchemaNode): number {
  let known = sizes.get(node);
  if (known === undefined) {
    known = children(node).reduce((sum, child) => sum + size(child), 1);
    sizes.set(node, known);
  }
  return known;
}

const hashes = new WeakMap<SchemaNode, string>();

/**
 * A digest of what `node` checks (annotations left out): equal for nodes of the same shape, in
 * any schema of any spec, whatever else the spec holds.
 */
export function shapeHash(node: SchemaNode): string {
  let known = hashes.get(node);
  if (known === undefined) {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (!IGNORED.has(key)) fields[key] = key === 'values' ? value : replaceNodes(value);
    }
    known = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
    hashes.set(node, known);
  }
  return known;
}

function replaceNodes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(replaceNodes);
  if (typeof value !== 'object' || value === null) return value;
  if (isNode(value)) return `#${shapeHash(value)}`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceNodes(v)]));
}

/** True when `node` gets a helper named after its content (see CONTENT_SHARED_SIZE). */
export function sharedByContent(node: SchemaNode): boolean {
  return SHAREABLE.has(node.kind) && size(node) >= CONTENT_SHARED_SIZE;
}

/** The shapes one named schema repeats inside itself. */
export class Shapes {
  private readonly uses = new Map<string, number>();

  constructor(root: SchemaNode) {
    const everywhere = new Map<string, number>();
    this.count(root, true, everywhere, undefined);
    // Count again, entering a repeated subtree once: what is nested in it is printed only once.
    this.count(root, true, this.uses, { everywhere, entered: new Set() });
  }

  /** True when a node of this shape appears inline more than once and is big enough to share. */
  isRepeated(node: SchemaNode): boolean {
    return (
      SHAREABLE.has(node.kind) &&
      (this.uses.get(shapeHash(node)) ?? 0) > 1 &&
      size(node) >= MIN_SHARED_SIZE
    );
  }

  private count(
    node: SchemaNode,
    root: boolean,
    into: Map<string, number>,
    once: { everywhere: ReadonlyMap<string, number>; entered: Set<string> } | undefined,
  ): void {
    const id = shapeHash(node);
    if (!root) {
      into.set(id, (into.get(id) ?? 0) + 1);
      if (once && SHAREABLE.has(node.kind) && (once.everywhere.get(id) ?? 0) > 1) {
        if (once.entered.has(id)) return;
        once.entered.add(id);
      }
      // A subtree with a helper of its own is not printed here: what it holds is not counted.
      if (sharedByContent(node)) return;
    }
    for (const child of children(node)) this.count(child, false, into, once);
  }
}

function isNode(value: object): value is SchemaNode {
  return 'kind' in value && 'pointer' in value && typeof value.kind === 'string';
}
