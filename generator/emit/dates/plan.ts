/**
 * Where a schema holds `format: date-time` strings, as a small plan the dates emitter prints:
 * which properties, items and map values to revive, which named schemas to call, and which union
 * variants to tell apart (with their guards). Schemas whose dates are all out of reach get no plan.
 *
 * Reached: date-time strings (nullable or not), object properties under any key (`__proto__`
 * too), `additionalProperties` (beside properties and beside patternProperties),
 * `patternProperties`, `unevaluatedProperties` (for the keys no combined schema declares), all
 * of these merged over `allOf` members and the schemas they `$ref` (a member's
 * additionalProperties reaches the properties other members declare), array `items` and
 * `prefixItems`, `$ref`s, and unions (`anyOf`/`oneOf`, or a type list) whose only non-null
 * variant holds dates, whose date-holding variants are all `$ref`s (the guards pick the
 * variant), whose variants all pin a required property to strings of their own (a tag, with or
 * without a `discriminator`), or whose date-holding variants each take a JSON kind (object,
 * array, string) no other variant takes. Not reached, so left as strings: dates under `not`, in
 * other inline union variants, in an `allOf` property that another member declares as an empty
 * object, and under a key pattern that is not proven safe to run as a RegExp (patterns.ts): a
 * key it might match is neither revived by it nor by `additionalProperties`.
 */
import { patternEngine } from '../../model/patterns.ts';
import { everyEvaluatedKey } from '../../model/schema-children.ts';
import { acceptedKinds } from '../guards/describe.ts';
import type { ObjectNode, RegexModel, SchemaNode } from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';
import { pushAll } from '../../json.ts';

export type Reviver = (
  | { kind: 'date' }
  | { kind: 'ref'; target: string }
  | {
      kind: 'array';
      /** `prefixItems` by position (`keep`: no date there), when there are any; `items` after them. */
      prefix?: Keep<Reviver>[];
      items: Keep<Reviver>;
    }
  | { kind: 'map'; values: Reviver }
  | {
      kind: 'object';
      properties: RevivedProperty[];
      /**
       * The keys `properties` does not declare, when some of them hold dates: the names it does
       * declare (without dates), the patternProperties (each with its plan), and the plan of
       * additionalProperties, for a key that neither declares.
       */
      rest?: RestOfKeys;
    }
  /**
   * Revive with the first variant whose guard accepts the value; other values stay as they are.
   * `open`: a variant accepts any value (`{}`, `{ nullable: true }`, a `not`), so the wire type is
   * `unknown` and so is the revived one.
   */
  | { kind: 'variants'; targets: string[]; open?: boolean }
  /** Revive with the plan of the value that its `property` holds; other values stay as they are. */
  | { kind: 'tagged'; property: string; cases: { value: string; reviver: Reviver }[] }
  /**
   * Inline union variants of different JSON kinds: revive a value with the plan of the one
   * variant that takes its kind (an object, an array, a string); other values stay as they are.
   */
  | { kind: 'kinds'; kinds: Partial<Record<RevivedKind, Reviver>> }
) & {
  /** `null` is a valid value here and stays `null`. */
  nullable: boolean;
};

/** The JSON kinds of value a plan can change (the others hold no date-time string). */
export type RevivedKind = 'object' | 'array' | 'string';
const REVIVED_KINDS: readonly RevivedKind[] = ['object', 'array', 'string'];

/** A plan, or `keep`: the value there holds no date (it only has to be told apart). */
export type Keep<T> = T | 'keep';

export interface RestOfKeys {
  declared: string[];
  patterns: { pattern: RegexModel; reviver: Keep<Reviver> }[];
  additional: Keep<Reviver>;
}

export interface RevivedProperty {
  /** The key on the wire. */
  name: string;
  /** In `required` (of any `allOf` member that declares or requires it). */
  required: boolean;
  reviver: Reviver;
}

/** The plan of every named schema that holds reachable date-time strings, by type name, in spec order. */
export function planDates(schemas: readonly NamedSchema[]): Map<string, Reviver> {
  const byName = new Map(schemas.map((s) => [s.name, s]));
  // Fixpoint: a schema revives when its own node reaches a date, directly or through a schema
  // already known to revive. Each round can only add schemas, so this ends.
  const revivable = new Map<string, Reviver>();
  for (let grew = true; grew;) {
    grew = false;
    for (const schema of schemas) {
      if (revivable.has(schema.name)) continue;
      const reviver = new Planner(byName, revivable).plan(schema.node);
      if (reviver) {
        revivable.set(schema.name, reviver);
        grew = true;
      }
    }
  }
  // Plan once more against the final set, so refs to schemas found in later rounds are followed too.
  const planner = new Planner(byName, revivable);
  const plans = new Map<string, Reviver>();
  for (const schema of schemas) {
    if (!revivable.has(schema.name)) continue;
    const reviver = planner.plan(schema.node);
    if (reviver) plans.set(schema.name, reviver);
  }
  return plans;
}

class Planner {
  constructor(
    private readonly schemas: ReadonlyMap<string, NamedSchema>,
    private readonly revivable: ReadonlyMap<string, Reviver>,
  ) {}

  plan(node: SchemaNode): Reviver | undefined {
    const core = this.core(node);
    return core && node.nullable ? { ...core, nullable: true } : core;
  }

  private core(node: SchemaNode): Reviver | undefined {
    switch (node.kind) {
      case 'string':
        return !node.loose && node.format === 'date-time'
          ? { kind: 'date', nullable: false }
          : undefined;
      case 'ref':
        return this.revivable.has(node.target)
          ? { kind: 'ref', target: node.target, nullable: false }
          : undefined;
      case 'array': {
        const prefix = node.prefixItems.map((item) => this.plan(item) ?? 'keep');
        const items = (node.items && this.plan(node.items)) ?? 'keep';
        if (items === 'keep' && prefix.every((p) => p === 'keep')) return undefined;
        return prefix.length > 0
          ? { kind: 'array', prefix, items, nullable: false }
          : { kind: 'array', items, nullable: false };
      }
      case 'object':
        return this.object(node);
      case 'allOf':
        return this.allOf(node.members);
      case 'union':
        return this.union(node.variants);
      default:
        return undefined;
    }
  }

  private object(node: ObjectNode): Reviver | undefined {
    return this.merged([node]);
  }

  /**
   * The named schemas whose object facets are being merged, outermost first: an allOf inlines the
   * schemas it `$ref`s (facets), so one whose own properties reach the same allOf again
   * (`tail: { allOf: [{ $ref: LinkedList }, { … }] }` inside LinkedList) inlined them without end
   * and overflowed the stack. There it revives as the `$ref` does.
   */
  private readonly merging: string[] = [];

  /** allOf: its object members merged (merged); else the one member that revives, when it is alone. */
  private allOf(members: readonly SchemaNode[]): Reviver | undefined {
    const followed = new Set<string>();
    const facets = members.flatMap((m) => this.facets(m, followed));
    const again = [...followed].find((name) => this.merging.includes(name));
    if (again !== undefined)
      return this.revivable.has(again)
        ? { kind: 'ref', target: again, nullable: false }
        : undefined;
    pushAll(this.merging, followed);
    let merged: Reviver | undefined;
    try {
      merged = this.merged(facets);
    } finally {
      this.merging.length -= followed.size;
    }
    if (merged) return merged;
    const plans = members.map((m) => this.plan(m)).filter((p): p is Reviver => p !== undefined);
    const [only] = plans;
    return plans.length === 1 && only?.kind !== 'object' ? only : undefined;
  }

  /**
   * The object schemas a node combines: itself, its allOf members, the schemas they `$ref` (each
   * added to `followed`, and read once: schemas that share members were read once per path to
   * them, a number that doubles with every level; helper-141 F1).
   */
  private facets(node: SchemaNode, followed: Set<string>): ObjectNode[] {
    if (node.kind === 'object') return [node];
    if (node.kind === 'allOf') return node.members.flatMap((m) => this.facets(m, followed));
    if (node.kind !== 'ref' || followed.has(node.target)) return [];
    const target = this.schemas.get(node.target);
    if (target === undefined) return [];
    followed.add(node.target);
    return this.facets(target.node, followed);
  }

  /**
   * Object schemas that all apply to one value (an object, or allOf members), as one plan. A
   * key's value must fit every schema: the `properties` entry of each that declares the key, and
   * the rest-of-keys schema (additionalProperties, unevaluatedProperties) of each that does not,
   * so a date-time in any of them revives it. A schema with key patterns may or may not take a
   * key another declares (patterns are not run here), so its rest says nothing about those keys.
   * The keys none declares go by the one schema whose rest revives (by several, only when their
   * plans are the same).
   */
  private merged(facets: readonly ObjectNode[]): Reviver | undefined {
    const byName = new Map<
      string,
      { required: boolean; nodes: SchemaNode[]; emptyObject: boolean }
    >();
    const required = new Set<string>();
    for (const facet of facets) {
      // Conditional properties (`then`/`else`, dependentSchemas) are typed like the others, and
      // revive like them: text that is not a date-time stays text (dates-runtime.ts).
      for (const prop of [...facet.properties, ...(facet.conditionalProperties ?? [])]) {
        const entry = byName.get(prop.name) ?? { required: false, nodes: [], emptyObject: false };
        entry.nodes.push(prop.node);
        entry.required ||= prop.required;
        entry.emptyObject ||= isEmptyObject(prop.node);
        byName.set(prop.name, entry);
      }
      for (const name of facet.requiredWithoutSchema) required.add(name);
    }
    const rests = facets.map((facet) => this.restOf(facet));
    const properties: RevivedProperty[] = [];
    for (const [name, entry] of byName) {
      // openapi-typescript types `{ type: object }` without properties as Record<string, never>;
      // in an allOf, intersected with the member that has the properties, every property becomes
      // `never`, so no revived type can be written for it: left as it is.
      if (entry.emptyObject && entry.nodes.length > 1) continue;
      const fromRests = rests.flatMap((rest) =>
        rest && !rest.covers.has(name) && rest.patterns.length === 0 ? [rest.additional] : [],
      );
      const reviver = [...entry.nodes.map((n) => this.plan(n)), ...fromRests].find(
        (p): p is Reviver => p !== undefined && p !== 'keep',
      );
      if (reviver)
        properties.push({ name, required: entry.required || required.has(name), reviver });
    }
    const reviving = rests.filter(
      (rest): rest is FacetRest =>
        rest !== undefined &&
        (rest.additional !== 'keep' || rest.patterns.some((p) => p.reviver !== 'keep')),
    );
    const [rest] = reviving;
    const agreed =
      rest !== undefined &&
      reviving.every((other) => JSON.stringify(restKey(other)) === JSON.stringify(restKey(rest)));
    if (!agreed) {
      return properties.length > 0 ? { kind: 'object', properties, nullable: false } : undefined;
    }
    const declared = [...new Set([...byName.keys(), ...rest.covers])];
    if (declared.length === 0 && rest.patterns.length === 0 && rest.additional !== 'keep')
      return { kind: 'map', values: rest.additional, nullable: false };
    const restOfKeys = { declared, patterns: rest.patterns, additional: rest.additional };
    return { kind: 'object', properties, rest: restOfKeys, nullable: false };
  }

  /**
   * What one object schema says of the keys its `properties` do not declare: its key patterns
   * (each with its plan), and additionalProperties' plan, or unevaluatedProperties' for the keys
   * no schema combined with it declares (`covers`: the keys it says nothing of). A pattern that
   * cannot run here (not proven safe: patterns.ts) might match any key, so no key is left to
   * additionalProperties then. Undefined when it says nothing of them.
   */
  private restOf(node: ObjectNode): FacetRest | undefined {
    const patterns: RestOfKeys['patterns'] = [];
    let anyKey = false;
    const covers = new Set(node.properties.map((p) => p.name));
    for (const { pattern, node: valueNode } of node.patternProperties) {
      if (patternEngine(pattern, 'skip').engine !== 'regexp') anyKey = true;
      else patterns.push({ pattern, reviver: this.plan(valueNode) ?? 'keep' });
    }
    let others = node.additionalProperties;
    if (others === undefined && node.unevaluatedProperties !== undefined && node.evaluated) {
      others = node.unevaluatedProperties;
      // Keys only some branches evaluate are read as evaluated (left as they are).
      const evaluated = everyEvaluatedKey(node.evaluated);
      for (const name of evaluated.names) covers.add(name);
      const own = new Set(node.patternProperties.map((p) => p.pattern.source));
      for (const pattern of evaluated.patterns) {
        if (own.has(pattern.source)) continue;
        if (patternEngine(pattern, 'skip').engine !== 'regexp') anyKey = true;
        else patterns.push({ pattern, reviver: 'keep' });
      }
    }
    if (others === undefined && patterns.length === 0) return undefined;
    const additional = (!anyKey && others && this.plan(others)) || 'keep';
    return { covers, patterns, additional };
  }

  private union(variants: readonly SchemaNode[]): Reviver | undefined {
    const isNull = (v: SchemaNode) =>
      v.kind === 'null' || (v.kind === 'enum' && v.values.length === 1 && v.values[0] === null);
    const nullable = variants.some(isNull);
    const others = variants.filter((v) => !isNull(v));
    const plans = others.map((v) => this.plan(v));
    if (plans.every((p) => p === undefined)) return undefined;
    const [only] = plans;
    if (others.length === 1 && only) return { ...only, nullable: only.nullable || nullable };
    const targets: string[] = [];
    for (const [i, plan] of plans.entries()) {
      if (plan === undefined) continue;
      const variant = others[i];
      if (variant?.kind !== 'ref')
        return this.tagged(others, plans, nullable) ?? this.byKind(others, plans, nullable);
      targets.push(variant.target);
    }
    const open = others.some((v) => v.kind === 'any' || v.kind === 'not');
    return open
      ? { kind: 'variants', targets, nullable, open }
      : { kind: 'variants', targets, nullable };
  }

  /**
   * Inline variants told apart by a tag: a property every variant requires and pins to its own
   * strings (`const`, `enum`), as a discriminator names it, or as the variants alone show it.
   */
  private tagged(
    variants: readonly SchemaNode[],
    plans: readonly (Reviver | undefined)[],
    nullable: boolean,
  ): Reviver | undefined {
    const pins = variants.map((v) => this.pins(v, new Set()));
    const [first] = pins;
    if (!first || pins.some((p) => p === undefined)) return undefined;
    for (const property of first.keys()) {
      const values = pins.map((p) => p?.get(property) ?? []);
      const all = values.flat();
      if (values.some((v) => v.length === 0) || new Set(all).size !== all.length) continue;
      const cases = values.flatMap((tags, i) => {
        const reviver = plans[i];
        return reviver === undefined ? [] : tags.map((value) => ({ value, reviver }));
      });
      return { kind: 'tagged', property, cases, nullable };
    }
    return undefined;
  }

  /**
   * Inline variants told apart by their JSON kind: each variant that revives takes one kind of
   * value of those a plan changes (an object, an array, a string), and no other variant takes it,
   * so a valid value of that kind matched that variant (for anyOf and oneOf alike).
   */
  private byKind(
    variants: readonly SchemaNode[],
    plans: readonly (Reviver | undefined)[],
    nullable: boolean,
  ): Reviver | undefined {
    const kindsOf = variants.map((v) =>
      REVIVED_KINDS.filter((k) => acceptedKinds(v, this.schemas).has(k)),
    );
    const kinds: Partial<Record<RevivedKind, Reviver>> = {};
    for (const [i, plan] of plans.entries()) {
      if (plan === undefined) continue;
      const [kind, ...more] = kindsOf[i] ?? [];
      if (kind === undefined || more.length > 0) return undefined;
      if (kindsOf.some((other, j) => j !== i && other.includes(kind))) return undefined;
      kinds[kind] = plan;
    }
    return { kind: 'kinds', kinds, nullable };
  }

  /** The required properties of an object-like node pinned to strings, by name; undefined for others. */
  private pins(node: SchemaNode, seen: ReadonlySet<string>): Map<string, string[]> | undefined {
    if (node.kind === 'ref') {
      const target = this.schemas.get(node.target);
      if (!target || seen.has(node.target)) return undefined;
      return this.pins(target.node, new Set([...seen, node.target]));
    }
    if (node.kind === 'allOf') {
      const merged = new Map<string, string[]>();
      for (const member of node.members)
        for (const [name, values] of this.pins(member, seen) ?? []) merged.set(name, values);
      return merged;
    }
    if (node.kind !== 'object') return undefined;
    const pinned = new Map<string, string[]>();
    for (const property of node.properties) {
      const values = property.node.kind === 'enum' ? property.node.values : [];
      if (property.required && values.length > 0 && values.every((v) => typeof v === 'string'))
        pinned.set(property.name, values);
    }
    return pinned;
  }
}

/** What one object schema of a merge says of the keys it does not declare (Planner.restOf). */
interface FacetRest {
  covers: ReadonlySet<string>;
  patterns: RestOfKeys['patterns'];
  additional: Keep<Reviver>;
}

/** The part of a FacetRest that revives the keys no schema declares, to compare two by. */
function restKey(rest: FacetRest): unknown {
  return [rest.patterns.map((p) => [p.pattern, p.reviver]), rest.additional];
}

/** An object schema with nothing in it, which openapi-typescript types as `Record<string, never>`. */
function isEmptyObject(node: SchemaNode): boolean {
  return (
    node.kind === 'object' &&
    !node.loose &&
    node.properties.length === 0 &&
    (node.conditionalProperties ?? []).length === 0 &&
    node.requiredWithoutSchema.length === 0 &&
    node.additionalProperties === undefined &&
    node.patternProperties.length === 0 &&
    node.propertyNames === undefined
  );
}
