/**
 * Mutations of (mostly valid) values, aimed at the places a guard can get wrong: a wrong type, a
 * missing required property, a number out of range or not a multiple, an unknown enum value, null
 * where not nullable, extra properties (`__proto__` and `constructor` among them), a wrong
 * discriminator, strings one character too long or short (astral characters included), deep
 * nesting and long arrays. A mutation picks a location of the value, looks up which schema nodes
 * apply there, and picks one change among the generic ones and those the nodes suggest. Mutations
 * are pure: the value is copied along the changed path. Choices are plain numbers, so fast-check
 * generates (and shrinks) them.
 */
import type { SchemaNode } from '../../generator/model/schema-types.ts';
import type { NamedSchema } from '../../generator/model/types.ts';
import { isRequiredInResponse } from '../../generator/emit/guards/properties.ts';

type Path = (string | number)[];

interface Site {
  path: Path;
  value: unknown;
  /** Schema nodes that apply at this location (through refs, allOf, union variants). */
  nodes: SchemaNode[];
}

/** A change to the value at a site: the new value, or DELETE to remove the location. */
type Change = (value: unknown, param: number) => unknown;

const DELETE = Symbol('delete');
const MAX_SITES = 400;
const ITEMS_VISITED = 24;
const MAX_ATTACH = 4000;
/** Mutations that would make a value larger than this many JSON nodes are dropped. */
const MAX_NODES = 60_000;

/** One of each JSON kind, to swap a value for one of another kind. */
const OTHER_KINDS: readonly unknown[] = [
  0,
  -1,
  1.5,
  '',
  'x',
  true,
  false,
  null,
  [],
  {},
  [1],
  { a: 1 },
];
const EXTRA_KEYS = [
  'extra',
  '',
  'constructor',
  '__proto__',
  'toString',
  'x-extra',
  'a/b~c',
  '\u{1F600}',
];
const ASTRAL = '\u{1F600}';

export type MutationChoice = readonly [site: number, change: number, param: number];

export class Mutator {
  constructor(private readonly schemas: ReadonlyMap<string, NamedSchema>) {}

  /** `value` with one change at the location and of the kind `choice` selects. */
  mutate(value: unknown, root: SchemaNode, choice: MutationChoice): unknown {
    const sites = this.sites(root, value);
    const site = sites[choice[0] % sites.length];
    if (!site) return value;
    const changes = this.changes(site);
    const change = changes[choice[1] % changes.length];
    if (!change) return value;
    const next = change(site.value, choice[2]);
    const mutated =
      next === DELETE ? deleteAt(value, site.path) : replaceAt(value, site.path, next);
    return countNodes(mutated, MAX_NODES) > MAX_NODES ? value : mutated;
  }

  /** Every location of the value (bounded), with the schema nodes that apply there. */
  private sites(root: SchemaNode, value: unknown): Site[] {
    const byPath = new Map<string, Site>();
    const collect = (v: unknown, path: Path): void => {
      if (byPath.size >= MAX_SITES) return;
      byPath.set(JSON.stringify(path), { path, value: v, nodes: [] });
      if (Array.isArray(v)) {
        for (let i = 0; i < Math.min(v.length, ITEMS_VISITED); i++) collect(v[i], [...path, i]);
      } else if (isObject(v)) {
        for (const [k, child] of Object.entries(v)) collect(child, [...path, k]);
      }
    };
    collect(value, []);
    let budget = MAX_ATTACH;
    const attach = (node: SchemaNode, v: unknown, path: Path, hops: number): void => {
      const site = byPath.get(JSON.stringify(path));
      if (!site || budget-- <= 0 || hops > 8) return;
      site.nodes.push(node);
      switch (node.kind) {
        case 'ref': {
          const target = this.schemas.get(node.target);
          if (target) attach(target.node, v, path, hops + 1);
          return;
        }
        case 'allOf':
          for (const member of node.members) attach(member, v, path, hops + 1);
          return;
        case 'union':
          for (const variant of node.variants) attach(variant, v, path, hops + 1);
          return;
        case 'array':
          if (!Array.isArray(v)) return;
          for (let i = 0; i < Math.min(v.length, ITEMS_VISITED); i++) {
            const item = node.prefixItems[i] ?? node.items;
            if (item) attach(item, v[i], [...path, i], 0);
          }
          return;
        case 'object': {
          if (!isObject(v)) return;
          for (const [k, child] of Object.entries(v)) {
            const declared = node.properties.find((p) => p.name === k);
            const patterned = node.patternProperties.filter((p) =>
              new RegExp(p.pattern.source, p.pattern.flags).test(k),
            );
            const targets = declared
              ? [declared.node]
              : patterned.length > 0
                ? patterned.map((p) => p.node)
                : node.additionalProperties
                  ? [node.additionalProperties]
                  : [];
            for (const target of targets) attach(target, child, [...path, k], 0);
          }
          return;
        }
        default:
          return;
      }
    };
    attach(root, value, [], 0);
    return [...byPath.values()];
  }

  /** The changes that make sense at a site: generic ones, then those its schema nodes suggest. */
  private changes(site: Site): Change[] {
    const v = site.value;
    const out: Change[] = [
      (value, p) =>
        pick(
          OTHER_KINDS.filter((o) => kind(o) !== kind(value)),
          p,
        ),
      () => null,
      (value, p) => wrapDeep(value, p),
    ];
    if (site.path.length > 0) out.push(() => DELETE);
    const nested = selfNestable(v);
    if (nested.length > 0)
      out.push((value, p) => selfNest(value, pick(nested, p) ?? [], 3 + ((p >> 4) % 30)));
    if (typeof v === 'number')
      out.push(
        (value) => (value as number) + 1,
        (value) => (value as number) + 0.5,
        (value) => -(value as number),
        () => 3e20,
      );
    if (typeof v === 'string')
      out.push(
        (value) => `${String(value)}x`,
        () => '',
      );
    if (typeof v === 'boolean') out.push((value) => !value);
    if (Array.isArray(v)) {
      out.push(
        (value, p) => longArray(value as unknown[], 50 + (p % 400)),
        () => [],
        (value) => (value as unknown[]).slice(0, -1),
        (value) => [...(value as unknown[]), ...(value as unknown[]).slice(0, 1)],
      );
    }
    if (isObject(v)) {
      out.push((value, p) =>
        withKey(
          value as Record<string, unknown>,
          pick(EXTRA_KEYS, p) ?? 'extra',
          pick(OTHER_KINDS, p >> 3),
        ),
      );
      const keys = Object.keys(v);
      if (keys.length > 0)
        out.push((value, p) => withoutKey(value as Record<string, unknown>, pick(keys, p) ?? ''));
    }
    for (const node of site.nodes) out.push(...this.nodeChanges(node, v));
    return out;
  }

  private nodeChanges(node: SchemaNode, v: unknown): Change[] {
    const out: Change[] = [];
    if (node.kind === 'number' && typeof v === 'number') {
      const { minimum: min, maximum: max, multipleOf: m } = node;
      if (min)
        out.push(
          () => min.value,
          () => min.value - 1,
          () => min.value - 1e-9,
        );
      if (max)
        out.push(
          () => max.value,
          () => max.value + 1,
          () => max.value + 0.5,
        );
      if (m !== undefined) {
        // Just inside and just outside the floating-point tolerance of decimal divisors.
        const ulps = (n: number) => () => v + m * Math.max(1, Math.abs(v / m)) * n * Number.EPSILON;
        out.push(
          () => v + m / 2,
          () => v + m * 1e-7,
          () => v + m,
          ulps(2),
          ulps(12),
        );
      }
      if (node.integer)
        out.push(
          () => v + 0.5,
          () => 2 ** 53 + 2,
        );
    }
    if (node.kind === 'string' && typeof v === 'string') {
      const { minLength, maxLength, pattern } = node;
      if (minLength !== undefined)
        out.push(
          () => ASTRAL.repeat(minLength - 1),
          () => 'a'.repeat(minLength - 1),
        );
      if (maxLength !== undefined)
        out.push(
          () => ASTRAL.repeat(maxLength),
          () => 'a'.repeat(maxLength + 1),
          () => `${ASTRAL.repeat(maxLength)}a`,
        );
      if (pattern)
        out.push(
          () => `${v}!`,
          () => `\n${v}`,
          () => v.slice(1),
          () => v.toLowerCase(),
          () => v.toUpperCase(),
        );
    }
    if (node.kind === 'enum') {
      for (const member of node.values) {
        if (typeof member === 'string')
          out.push(
            () => `${member}_`,
            () => member.toUpperCase(),
            () => member.slice(0, -1),
          );
        else if (typeof member === 'number') out.push(() => member + 1);
        else out.push(() => '__unknown__');
      }
    }
    if (node.kind === 'array' && Array.isArray(v)) {
      const { minItems, maxItems } = node;
      if (minItems !== undefined) out.push(() => v.slice(0, minItems - 1));
      if (maxItems !== undefined && v.length > 0) out.push(() => longArray(v, maxItems + 1));
      if (node.uniqueItems && v.length > 0) out.push(() => [...v, v[0]]);
    }
    if (node.kind === 'object' && isObject(v)) {
      const required = node.properties
        .filter((p) => isRequiredInResponse(p, this.schemas))
        .map((p) => p.name);
      if (required.length > 0) {
        out.push((value, p) =>
          withoutKey(value as Record<string, unknown>, pick(required, p) ?? ''),
        );
        out.push((value, p) =>
          withKey(value as Record<string, unknown>, pick(required, p) ?? '', null),
        );
      }
      const declared = new Set(node.properties.map((p) => p.name));
      out.push((value) =>
        withKey(
          value as Record<string, unknown>,
          declared.has('undeclared') ? 'undeclared_' : 'undeclared',
          1,
        ),
      );
    }
    if (node.kind === 'union' && node.discriminator && isObject(v)) {
      const { propertyName, mapping } = node.discriminator;
      const values = [...mapping.map((m) => m.value), 'unknown-variant'];
      out.push(
        (value, p) => withKey(value as Record<string, unknown>, propertyName, pick(values, p)),
        (value) => withoutKey(value as Record<string, unknown>, propertyName),
      );
    }
    return out;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function pick<T>(list: readonly T[], p: number): T | undefined {
  return list.length === 0 ? undefined : list[p % list.length];
}

/** An own property set on a copy (`__proto__` included, as JSON.parse would make it). */
function withKey(
  object: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const copy = Object.fromEntries(Object.entries(object));
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function withoutKey(object: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
}

function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = root.slice();
    copy[head] = replaceAt(root[head], rest, value);
    return copy;
  }
  if (isObject(root) && typeof head === 'string')
    return withKey(root, head, replaceAt(root[head], rest, value));
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = getAt(root, parentPath);
  if (Array.isArray(parent) && typeof last === 'number') {
    return replaceAt(
      root,
      parentPath,
      parent.filter((_, i) => i !== last),
    );
  }
  if (isObject(parent) && typeof last === 'string')
    return replaceAt(root, parentPath, withoutKey(parent, last));
  return root;
}

function getAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const token of path) {
    if (Array.isArray(current) && typeof token === 'number') current = current[token];
    else if (isObject(current) && typeof token === 'string') current = current[token];
    else return undefined;
  }
  return current;
}

/** `value` inside 20–220 levels of arrays (`[[[v]]]`) or objects (`{"a":{"a":v}}`). */
function wrapDeep(value: unknown, p: number): unknown {
  const levels = 20 + (p % 200);
  let out = value;
  for (let i = 0; i < levels; i++) out = p % 2 === 0 ? [out] : { a: out };
  return out;
}

/** Paths (relative) of containers inside `value` of its own JSON kind: where it can be nested into itself. */
function selfNestable(value: unknown): Path[] {
  if (!Array.isArray(value) && !isObject(value)) return [];
  const out: Path[] = [];
  const walk = (v: unknown, path: Path, depth: number): void => {
    if (depth > 6 || out.length >= 20) return;
    if (path.length > 0 && kind(v) === kind(value)) out.push(path);
    if (Array.isArray(v)) v.slice(0, 4).forEach((item, i) => walk(item, [...path, i], depth + 1));
    else if (isObject(v))
      for (const [k, child] of Object.entries(v)) walk(child, [...path, k], depth + 1);
  };
  walk(value, [], 0);
  return out;
}

/** `value` with the container at `path` replaced by `value` itself, `times` times: deep recursion. */
function selfNest(value: unknown, path: Path, times: number): unknown {
  let out = value;
  for (let i = 0; i < times; i++) out = replaceAt(value, path, out);
  return out;
}

function longArray(items: unknown[], length: number): unknown[] {
  if (items.length === 0) return Array.from({ length }, () => null);
  return Array.from({ length }, (_, i) => items[i % items.length]);
}

/** JSON nodes in `value`, counting stops a little past `limit`. */
function countNodes(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const v = stack.pop();
    count++;
    if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) stack.push(...Object.values(v));
  }
  return count;
}
