/**
 * Structural identity of nodes, so a subschema that a spec repeats inline (GitHub's spec repeats
 * the same inline user object hundreds of times) is checked by one shared function instead of
 * being printed again at every use. Two nodes share a shape id when they check exactly the same
 * thing; annotations that change nothing (descriptions, formats, examples, pointers) are ignored.
 */
import type { SchemaNode } from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';

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

const sizes = new WeakMap<SchemaNode, number>();

function size(node: SchemaNode): number {
  let known = sizes.get(node);
  if (known === undefined) {
    known = children(node).reduce((sum, child) => sum + size(child), 1);
    sizes.set(node, known);
  }
  return known;
}

export class Shapes {
  private readonly ids = new WeakMap<SchemaNode, number>();
  private readonly intern = new Map<string, number>();
  private readonly uses = new Map<number, number>();
  /** Shape id of a named schema's root -> its type name. */
  private readonly named = new Map<number, string>();

  constructor(schemas: readonly NamedSchema[]) {
    const everywhere = new Map<number, number>();
    for (const schema of schemas) {
      const id = this.id(schema.node);
      if (!this.named.has(id)) this.named.set(id, schema.name);
      this.count(schema.node, true, everywhere, undefined);
    }
    // Count again, entering a repeated subtree once: what is nested in it is printed only once.
    const entered = new Set<number>();
    for (const schema of schemas) this.count(schema.node, true, this.uses, { everywhere, entered });
  }

  /** The named schema whose root has this node's shape, if any. */
  namedFor(node: SchemaNode): string | undefined {
    return SHAREABLE.has(node.kind) ? this.named.get(this.id(node)) : undefined;
  }

  /** True when a node of this shape appears inline more than once and is big enough to share. */
  isRepeated(node: SchemaNode): boolean {
    return (
      SHAREABLE.has(node.kind) &&
      (this.uses.get(this.id(node)) ?? 0) > 1 &&
      size(node) >= MIN_SHARED_SIZE
    );
  }

  id(node: SchemaNode): number {
    const known = this.ids.get(node);
    if (known !== undefined) return known;
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (!IGNORED.has(key)) fields[key] = key === 'values' ? value : this.replaceNodes(value);
    }
    const text = JSON.stringify(fields);
    let id = this.intern.get(text);
    if (id === undefined) {
      id = this.intern.size;
      this.intern.set(text, id);
    }
    this.ids.set(node, id);
    return id;
  }

  private replaceNodes(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.replaceNodes(v));
    if (typeof value !== 'object' || value === null) return value;
    if (isNode(value)) return `#${this.id(value)}`;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.replaceNodes(v)]));
  }

  private count(
    node: SchemaNode,
    root: boolean,
    into: Map<number, number>,
    once: { everywhere: ReadonlyMap<number, number>; entered: Set<number> } | undefined,
  ): void {
    const id = this.id(node);
    if (!root) {
      into.set(id, (into.get(id) ?? 0) + 1);
      if (once && SHAREABLE.has(node.kind) && (once.everywhere.get(id) ?? 0) > 1) {
        if (once.entered.has(id)) return;
        once.entered.add(id);
      }
    }
    for (const child of children(node)) this.count(child, false, into, once);
  }
}

function isNode(value: object): value is SchemaNode {
  return 'kind' in value && 'pointer' in value && typeof value.kind === 'string';
}

export function children(node: SchemaNode): SchemaNode[] {
  switch (node.kind) {
    case 'array':
      return [...node.prefixItems, ...(node.items ? [node.items] : [])];
    case 'object':
      return [
        ...node.properties.map((p) => p.node),
        ...(node.additionalProperties ? [node.additionalProperties] : []),
        ...node.patternProperties.map((p) => p.node),
        ...(node.propertyNames ? [node.propertyNames] : []),
      ];
    case 'union':
      return node.variants;
    case 'allOf':
      return node.members;
    case 'not':
      return [node.node];
    default:
      return [];
  }
}
