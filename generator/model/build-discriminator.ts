/**
 * The OpenAPI `discriminator` of a `oneOf`/`anyOf`: which value of the discriminator property
 * picks which variant (OpenAPI 3.1.1 §4.8.25, 3.0.3 §4.7.25).
 *
 * - Explicit `mapping` entries come first, in spec order.
 * - A variant the mapping does not name gets the values it pins the property to: a string `const`,
 *   or the strings of its `enum`, on `properties.<propertyName>` of the referenced schema or of any
 *   `allOf` member (through `$ref`s; several members narrow each other). This is how ajv's
 *   `discriminator: true` and the types read such variants, and what a server sends.
 * - A variant that pins nothing gets its `components.schemas` key (OpenAPI's implicit mapping).
 *
 * The discriminator decides only when every variant that can hold an object is a `$ref` to a
 * named schema; variants that cannot (`type: 'null'`, a string) are checked the plain way for
 * values of their kind. With an inline object variant, or on a schema without `oneOf`/`anyOf`
 * (an `allOf` parent), the discriminator is an annotation: plain `oneOf`/`anyOf` decide.
 */
import { eachReporting, joinPointer } from '../errors.ts';
import type { Warnings } from '../warnings.ts';
import { preview } from './schema-keywords.ts';
import { MAPPING } from './schema-problems.ts';
import type { DiscriminatorModel, RefNode, SchemaNode } from './schema-types.ts';
import { badValue, isPlainObject, type ValueContext } from './schema-values.ts';

export interface DiscriminatorContext extends ValueContext {
  /** components key → safe type name. */
  names: ReadonlyMap<string, string>;
  /** `components.schemas` of the bundled document, raw; empty when unknown. */
  rawSchemas: Record<string, unknown>;
  /** `#/components/schemas/<key>` → key; undefined for any other ref. */
  componentKey: (ref: string) => string | undefined;
  warnings: Warnings;
}

export function readDiscriminator(
  schema: Record<string, unknown>,
  variants: readonly SchemaNode[],
  c: DiscriminatorContext,
): DiscriminatorModel | undefined {
  const raw = schema.discriminator;
  if (raw === undefined) return undefined;
  if (!isPlainObject(raw) || typeof raw.propertyName !== 'string') {
    throw badValue(c, 'discriminator', 'an object with a string "propertyName"', raw);
  }
  const propertyName = raw.propertyName;
  const refs = variants.filter((v): v is RefNode => v.kind === 'ref');
  // Read before deciding whether the discriminator decides: its mapping names schemas either way.
  const mapping = explicitMapping(raw.mapping, c);
  if (mapping === undefined) return undefined;
  const keyword = schema.oneOf === undefined ? 'anyOf' : 'oneOf';
  const inline = variants.findIndex((v) => v.kind !== 'ref' && mayHoldObject(v));
  if (inline !== -1) {
    c.warnings.add(
      'discriminator:inline-variant',
      `the discriminator is ignored: \`${keyword}[${inline}]\` is a schema written in place, and a discriminator picks among named schemas (OpenAPI 3.1.0 §4.8.25, 3.0.3 §4.7.25: "inline schemas will not be considered"), so the ${keyword} decides by its variants alone`,
      { file: c.file, pointer: joinPointer(c.pointer, keyword, inline) },
      `name the variant in components/schemas and \`$ref\` it here, or map a value to it in the discriminator's mapping ('#/…/${keyword}/${inline}'), or remove the discriminator`,
    );
    return undefined;
  }
  // A mapped schema that is no variant: a value it picks must match a variant all the same (the
  // discriminator only says which), so the mapping cannot be followed; the union decides.
  const variantNames = variantTargets(refs, c);
  const stray = mapping.filter((entry) => !variantNames.has(entry.target));
  for (const { value, target } of stray)
    c.warnings.add(
      'discriminator:mapping-not-variant',
      `discriminator mapping "${value}" names ${target}, which is not one of the ${keyword}'s variants: a value whose ${JSON.stringify(propertyName)} is "${value}" must still match one of them, so the discriminator is ignored and the ${keyword} decides by its variants alone`,
      { file: c.file, pointer: joinPointer(c.pointer, 'discriminator', 'mapping', value) },
      `add {$ref: '${String((raw.mapping as Record<string, unknown>)[value])}'} to the ${keyword}, or remove the entry`,
    );
  if (stray.length > 0) return undefined;
  // Its values are strings (mapping keys, schema names): a variant whose property can hold no
  // string could never be picked, and the guards would refuse every value. The union decides.
  for (const ref of refs) {
    const declared = nonStringDeclaration(
      c.rawSchemas[ref.originalName],
      propertyName,
      c,
      new Set(),
    );
    if (declared === undefined) continue;
    c.warnings.add(
      'discriminator:not-string',
      `the discriminator property ${JSON.stringify(propertyName)} is ${declared} in ${ref.originalName}, but a discriminator's values are strings (its mapping keys, schema names): no value could pick that variant, so the discriminator is ignored and the ${schema.oneOf === undefined ? 'anyOf' : 'oneOf'} decides by its variants alone`,
      { file: c.file, pointer: joinPointer(c.pointer, 'discriminator', 'propertyName') },
      `declare ${JSON.stringify(propertyName)} as a string in every variant (\`type: string\`, with a \`const\` or \`enum\` of the value that picks it), or remove the discriminator`,
    );
    return undefined;
  }
  const mapped = new Set(mapping.map((m) => m.target));
  for (const ref of refs) {
    if (mapped.has(ref.target)) continue;
    mapped.add(ref.target);
    const pinned = pinnedValues(c.rawSchemas[ref.originalName], propertyName, c, new Set());
    const values = pinned === undefined ? [ref.originalName] : [...pinned];
    for (const value of values) mapping.push({ value, target: ref.target });
  }
  return { propertyName, mapping };
}

/**
 * The `mapping` of a discriminator, each value naming a schema of `components.schemas` (a bare
 * name or its `$ref`); undefined when a value names none (a typo, or a file a public spec was
 * bundled without: digitalocean.com's `models/domain_record_types.yml#/domain_record_a`), which is
 * warned about at each such value: a discriminator with a dangling value cannot say which
 * variant a value picks, so it is left out and the `oneOf`/`anyOf` decides by its variants alone
 * (the guards try each). A value that is no string is refused. Read wherever a discriminator is,
 * the `allOf` parent's too (build-schema.ts), where it is only an annotation.
 */
export function explicitMapping(
  raw: unknown,
  c: DiscriminatorContext,
): DiscriminatorModel['mapping'] | undefined {
  if (raw === undefined) return [];
  const dc: ValueContext = { file: c.file, pointer: joinPointer(c.pointer, 'discriminator') };
  if (!isPlainObject(raw)) throw badValue(dc, 'mapping', MAPPING, raw);
  const mc: ValueContext = { file: c.file, pointer: joinPointer(dc.pointer, 'mapping') };
  const entries = eachReporting(Object.entries(raw), ([value, ref]) => {
    if (typeof ref !== 'string') throw badValue(mc, value, 'a schema name or ref', ref);
    const key = ref.startsWith('#') ? c.componentKey(ref) : ref;
    const target = key === undefined ? undefined : c.names.get(key);
    return { value, ref, target };
  });
  const dangling = entries.filter((entry) => entry.target === undefined);
  for (const { value, ref } of dangling)
    c.warnings.add(
      'discriminator:mapping-names-nothing',
      `discriminator mapping "${value}" points at ${JSON.stringify(ref)}, which is not a schema in components.schemas, so the discriminator is ignored: the union decides by its variants alone`,
      { file: c.file, pointer: joinPointer(mc.pointer, value) },
      "point the mapping at '#/components/schemas/<Name>' of an existing schema, or remove the entry",
    );
  if (dangling.length > 0) return undefined;
  return entries.map(({ value, target }) => ({ value, target: target! }));
}

/**
 * The type names the variants stand for: each `$ref`'s target, and the schemas it names through
 * components that are only a `$ref` to another one (`Cat: {$ref: CatV2}`: a mapping may name
 * either).
 */
function variantTargets(refs: readonly RefNode[], c: DiscriminatorContext): Set<string> {
  const names = new Set<string>();
  for (const ref of refs) {
    names.add(ref.target);
    let raw = c.rawSchemas[ref.originalName];
    for (let hops = 0; hops < 32 && isPlainObject(raw) && typeof raw.$ref === 'string'; hops++) {
      const key = c.componentKey(raw.$ref);
      const name = key === undefined ? undefined : c.names.get(key);
      if (key === undefined || name === undefined) break;
      names.add(name);
      raw = c.rawSchemas[key];
    }
  }
  return names;
}

/** False for inline variants that can never hold an object: null, booleans, strings, numbers. */
function mayHoldObject(node: SchemaNode): boolean {
  switch (node.kind) {
    case 'never':
    case 'null':
    case 'boolean':
      return false;
    case 'string':
    case 'number':
      return node.loose;
    case 'enum':
      return node.values.some((v) => typeof v === 'object' && v !== null);
    default:
      return true;
  }
}

type RawContext = Pick<DiscriminatorContext, 'rawSchemas' | 'componentKey'>;

/**
 * How a raw schema declares `property` when no string fits it (`integer`, `const 1`,
 * `enum [0,false]`), directly or through `$ref`s and `allOf` members; undefined when a string may.
 */
function nonStringDeclaration(
  schema: unknown,
  property: string,
  c: RawContext,
  seen: Set<unknown>,
): string | undefined {
  return firstInRaw(schema, c, seen, ({ properties }) =>
    isPlainObject(properties) && Object.hasOwn(properties, property)
      ? excludesStrings(properties[property], c)
      : undefined,
  );
}

/** What keeps every string out of a raw property schema (its `type`, `const` or `enum`), if anything. */
function excludesStrings(schema: unknown, c: RawContext): string | undefined {
  return firstInRaw(schema, c, new Set(), (own) => {
    const types = typeof own.type === 'string' ? [own.type] : own.type;
    if (Array.isArray(types) && types.length > 0 && !types.includes('string'))
      return `declared \`type: ${types.join(', ')}\``;
    if ('const' in own && typeof own.const !== 'string')
      return `declared \`const: ${preview(own.const)}\``;
    if (Array.isArray(own.enum) && !own.enum.some((v) => typeof v === 'string'))
      return `declared \`enum: ${preview(own.enum)}\``;
    return undefined;
  });
}

/**
 * The first answer `own` gives for a raw schema, following its `$ref` (to a component) or else
 * asking it, then its `allOf` members in order; each schema is visited once (`seen`).
 */
function firstInRaw(
  schema: unknown,
  c: RawContext,
  seen: Set<unknown>,
  own: (schema: Record<string, unknown>) => string | undefined,
): string | undefined {
  if (!isPlainObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  if (typeof schema.$ref === 'string') {
    const key = c.componentKey(schema.$ref);
    return key === undefined ? undefined : firstInRaw(c.rawSchemas[key], c, seen, own);
  }
  const found = own(schema);
  if (found !== undefined) return found;
  const members: unknown[] = Array.isArray(schema.allOf) ? schema.allOf : [];
  for (const member of members) {
    const inMember = firstInRaw(member, c, seen, own);
    if (inMember !== undefined) return inMember;
  }
  return undefined;
}

/**
 * The string values a raw schema pins `property` to (`const`, or the strings of `enum`, directly
 * or through `$ref`s and `allOf` members, whose pins narrow each other); undefined when nothing
 * pins it.
 */
function pinnedValues(
  schema: unknown,
  property: string,
  c: Pick<DiscriminatorContext, 'rawSchemas' | 'componentKey'>,
  seen: Set<unknown>,
): Set<string> | undefined {
  if (!isPlainObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  try {
    if (typeof schema.$ref === 'string') {
      const key = c.componentKey(schema.$ref);
      return key === undefined ? undefined : pinnedValues(c.rawSchemas[key], property, c, seen);
    }
    const sets: Set<string>[] = [];
    const properties = schema.properties;
    if (isPlainObject(properties) && Object.hasOwn(properties, property)) {
      const own = valuesOf(properties[property], c, new Set());
      if (own) sets.push(own);
    }
    if (Array.isArray(schema.allOf)) {
      for (const member of schema.allOf) {
        const pinned = pinnedValues(member, property, c, seen);
        if (pinned) sets.push(pinned);
      }
    }
    return intersect(sets);
  } finally {
    seen.delete(schema);
  }
}

/** The string values a property schema allows when it lists them (`const`, `enum`), else undefined. */
function valuesOf(
  schema: unknown,
  c: Pick<DiscriminatorContext, 'rawSchemas' | 'componentKey'>,
  seen: Set<unknown>,
): Set<string> | undefined {
  if (!isPlainObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  if (typeof schema.$ref === 'string') {
    const key = c.componentKey(schema.$ref);
    return key === undefined ? undefined : valuesOf(c.rawSchemas[key], c, seen);
  }
  const sets: Set<string>[] = [];
  if ('const' in schema) sets.push(new Set(typeof schema.const === 'string' ? [schema.const] : []));
  if (Array.isArray(schema.enum)) {
    sets.push(new Set(schema.enum.filter((v): v is string => typeof v === 'string')));
  }
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      const values = valuesOf(member, c, seen);
      if (values) sets.push(values);
    }
  }
  return intersect(sets);
}

function intersect(sets: readonly Set<string>[]): Set<string> | undefined {
  const [first, ...rest] = sets;
  if (!first) return undefined;
  return new Set([...first].filter((v) => rest.every((s) => s.has(v))));
}

/**
 * A discriminator on a schema that its subtypes extend through `allOf`, with no `oneOf`/`anyOf`
 * of its own (the inheritance springdoc and NSwag write), is a warning naming the subtypes: the
 * types read the parent, wherever it is expected (a body, a response, a property), as its own
 * properties, not as any of its subtypes, so a subtype passed there needs a cast, and one read
 * there needs a check. Said once per parent, at its `discriminator`.
 */
export function warnAllOfParent(
  pointer: string,
  propertyName: string,
  c: DiscriminatorContext,
): void {
  const key = c.componentKey(pointer);
  if (key === undefined) return;
  const children = Object.entries(c.rawSchemas)
    .filter(
      ([, raw]) =>
        isPlainObject(raw) &&
        Array.isArray(raw.allOf) &&
        raw.allOf.some((item) => isPlainObject(item) && item.$ref === pointer),
    )
    .map(([child]) => child);
  if (children.length === 0) return;
  const names = children.map((child) => c.names.get(child) ?? child);
  const name = c.names.get(key) ?? key;
  const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
  // In the fix as the file holding the discriminator writes it (load/source-map.ts).
  const firstChild = joinPointer('#/components/schemas', children[0]!);
  c.warnings.add(
    'discriminator:allof-parent',
    `${name} has a discriminator (\`${propertyName}\`) but no oneOf or anyOf: its subtypes (${listed}) extend it through allOf, and where ${name} is expected the types take ${name}'s own properties only, so passing ${names[0]!} there needs a cast, and reading one needs a check of \`${propertyName}\``,
    { file: c.file, pointer: joinPointer(pointer, 'discriminator'), refs: [firstChild] },
    `where a request or response may be any subtype, write \`oneOf\` of them with this discriminator (\`oneOf: [{ $ref: ${JSON.stringify(firstChild)} }, …]\`), keeping ${name} as their allOf parent`,
  );
}
