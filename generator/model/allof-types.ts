/**
 * `allOf` members whose `type`s have no type in common (`allOf: [{ type: string }, { type: object
 * }]`): by JSON Schema no value is valid, which is almost always a mistake (a member meant as a
 * union, a `$ref` to the wrong schema). The types stay as they are built (an intersection no value
 * meets); a warning names the schema and the types, since nothing else would tell.
 */
import { joinPointer } from '../errors.ts';
import { canonicalJson, isRecord, jsonTypesOf } from '../json.ts';
import { getByPointer, refPointer } from '../pointer.ts';
import { isAnnotationKeyword } from './schema-keywords.ts';
import type { Warnings } from '../warnings.ts';

type Types = ReadonlySet<string>;

/** How many levels of properties down the parts' merged properties are looked at. */
const MAX_PROPERTY_DEPTH = 4;

/** `$ref`s and `allOf`s followed into at most this deep (a longer chain is not read). */
const MAX_DEPTH = 64;

/**
 * Warns when the schema's own `type` and its `allOf` members' (each through its `$ref`s and its
 * own `allOf`) have no type in common.
 */
export function warnConflictingAllOfTypes(
  schema: Record<string, unknown>,
  at: { file: string; pointer: string; version: '3.0' | '3.1' },
  doc: Record<string, unknown> | undefined,
  warnings: Warnings,
): void {
  if (!Array.isArray(schema.allOf)) return;
  const declared: { place: string; types: Types }[] = [];
  const own = ownTypes(schema, at.version);
  if (own !== undefined) declared.push({ place: 'type', types: own });
  schema.allOf.forEach((member: unknown, index) => {
    const types = declaredTypes(member, doc, at.version, 0);
    if (types !== undefined) declared.push({ place: `allOf/${index}`, types });
  });
  if (declared.length < 2) return;
  const common = declared.map((d) => d.types).reduce(intersect);
  if (common.size > 0) return;
  const listed = declared
    .map(({ place, types }) => `${place}: ${types.size === 0 ? 'none' : [...types].join(' or ')}`)
    .join('; ');
  warnings.add(
    'allof-conflicting-types',
    `allOf combines schemas whose types have none in common (${listed}), so no value is valid; the SDK's type for it cannot be met`,
    { file: at.file, pointer: joinPointer(at.pointer, 'allOf') },
    'give every member (and the schema) a type in common, or write anyOf/oneOf if a value is one of them',
  );
}

/**
 * The types a schema allows by its `type`, `$ref`s and `allOf`; undefined when not limited. Each
 * schema object is read once per call (`memo`): schemas that share members were read once per
 * path to them, a number that doubles with every level (helper-141 F1).
 */
function declaredTypes(
  schema: unknown,
  doc: Record<string, unknown> | undefined,
  version: '3.0' | '3.1',
  depth: number,
  memo: Map<object, Types | undefined> = new Map(),
): Types | undefined {
  if (schema === false) return new Set();
  if (!isRecord(schema) || depth > MAX_DEPTH) return undefined;
  if (memo.has(schema)) return memo.get(schema);
  const found: Types[] = [];
  const own = ownTypes(schema, version);
  if (own !== undefined) found.push(own);
  const pointer = typeof schema.$ref === 'string' ? refPointer(schema.$ref) : undefined;
  if (pointer !== undefined && doc !== undefined) {
    const target = declaredTypes(getByPointer(doc, pointer), doc, version, depth + 1, memo);
    if (target !== undefined) found.push(target);
  }
  if (Array.isArray(schema.allOf))
    for (const member of schema.allOf) {
      const types = declaredTypes(member, doc, version, depth + 1, memo);
      if (types !== undefined) found.push(types);
    }
  const types = found.length === 0 ? undefined : found.reduce(intersect);
  memo.set(schema, types);
  return types;
}

/** The schema's own `type` (3.0 `nullable` adds null); undefined without one. */
function ownTypes(schema: Record<string, unknown>, version: '3.0' | '3.1'): Types | undefined {
  const type = schema.type;
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (list === undefined || !list.every((t) => typeof t === 'string')) return undefined;
  const types = new Set<string>(list);
  if (version === '3.0' && schema.nullable === true) types.add('null');
  return types;
}

/** The types both allow: an integer is a number too. */
function intersect(a: Types, b: Types): Types {
  const widen = (types: Types) => (types.has('number') ? new Set([...types, 'integer']) : types);
  const wide = widen(b);
  return new Set([...widen(a)].filter((type) => wide.has(type)));
}

/**
 * The schema and its `allOf` members (each through its `$ref`s and its own `allOf`), flattened:
 * the parts a value must match at once. Each schema once (`seen`, shared by the caller's calls):
 * schemas that share members (`S1: allOf: [S2, S3]`, `S2: allOf: [S3, S4]`, …) listed each shared
 * member once per path to it, a number of parts that doubles with every level (helper-141 F1: a
 * 27-schema spec overflowed the call stack).
 */
function allOfParts(
  schema: unknown,
  doc: Record<string, unknown> | undefined,
  seen: Set<unknown> = new Set(),
): unknown[] {
  const parts: unknown[] = [];
  const visit = (node: unknown, level: number): void => {
    if (seen.has(node)) return;
    if (isRecord(node)) seen.add(node);
    parts.push(node);
    if (!isRecord(node) || level > MAX_DEPTH) return;
    const pointer = typeof node.$ref === 'string' ? refPointer(node.$ref) : undefined;
    if (pointer !== undefined && doc !== undefined) visit(getByPointer(doc, pointer), level + 1);
    if (Array.isArray(node.allOf)) for (const member of node.allOf) visit(member, level + 1);
  };
  visit(schema, 0);
  return parts;
}

/** The parts of each of `members` (see {@link allOfParts}), each schema once across them all. */
function allOfMembersParts(
  members: readonly unknown[],
  doc: Record<string, unknown> | undefined,
): unknown[] {
  const seen = new Set<unknown>();
  return members.flatMap((member) => allOfParts(member, doc, seen));
}

/**
 * Warns about what no value can meet inside a schema, where its own parts and its `allOf`
 * members meet (helper-119 H5): their `enum`s (or `const`s) with no value in common; a property
 * whose schemas in two parts have no type in common (a required one makes the whole schema
 * unsatisfiable, an optional one can never be given); a required property whose schema is
 * `false`. The types stay as built; the guards refuse such values as ajv does.
 */
export function warnImpossibleParts(
  schema: Record<string, unknown>,
  at: { file: string; pointer: string; version: '3.0' | '3.1' },
  doc: Record<string, unknown> | undefined,
  warnings: Warnings,
  /** The property path the parts are the schemas of (`inner.`), when they are a property's. */
  prefix = '',
): void {
  // Without allOf, the schema's own properties alone: a `$ref`'s target is warned about itself.
  const parts = (
    Array.isArray(schema.allOf) ? [schema, ...allOfMembersParts(schema.allOf, doc)] : [schema]
  ).filter(isRecord);
  const enums = parts
    .map((part) =>
      Array.isArray(part.enum) ? part.enum : 'const' in part ? [part.const] : undefined,
    )
    .filter((values): values is unknown[] => values !== undefined);
  if (enums.length >= 2 && Array.isArray(schema.allOf) && prefix === '') {
    const key = canonicalJson;
    const common = enums
      .map((values) => new Set(values.map(key)))
      .reduce((a, b) => new Set([...a].filter((value) => b.has(value))));
    if (common.size === 0)
      warnings.add(
        'allof-disjoint-enums',
        `allOf combines enums (or consts) with no value in common (${enums.map((values) => `[${values.map(key).join(', ')}]`).join(' and ')}), so no value is valid; the SDK's type for it cannot be met`,
        { file: at.file, pointer: joinPointer(at.pointer, 'allOf') },
        'give the members a value in common, or write anyOf/oneOf if a value is one of them',
      );
  }
  const required = new Set(
    parts.flatMap((part) =>
      Array.isArray(part.required) ? part.required.filter((n) => typeof n === 'string') : [],
    ),
  );
  if (prefix === '') warnClosedRequired(schema, at, warnings);
  const byName = new Map<string, unknown[]>();
  for (const part of parts)
    if (isRecord(part.properties))
      for (const [name, property] of Object.entries(part.properties))
        byName.set(name, [...(byName.get(name) ?? []), property]);
  for (const [name, schemas] of byName) {
    const where = joinPointer(at.pointer, 'properties', name);
    const isRequired = required.has(name);
    const nothing = schemas.find(matchesNothing);
    if (isRequired && nothing !== undefined) {
      warnings.add(
        'property-required-false',
        `property ${JSON.stringify(prefix + name)} is required, and its schema is \`${nothing === false ? 'false' : 'not: {}'}\`, which no value matches, so no value of the schema is valid; the SDK's type for it cannot be met`,
        { file: at.file, pointer: where },
        `remove ${JSON.stringify(name)} from \`required\` (a property that must be absent), or give it a schema`,
      );
      continue;
    }
    // `false` beside another schema of an optional property: that property must be absent, as meant.
    if (schemas.length < 2 || nothing !== undefined) continue;
    const values = disjointValues(schemas, doc, at.version);
    if (values !== undefined) {
      warnings.add(
        'allof-conflicting-property',
        `property ${JSON.stringify(prefix + name)} has enums (or consts) in the allOf members with no value in common (${values}), so ${isRequired ? 'no value of the schema is valid (the property is required)' : 'it can never be given'}; the SDK's type for it cannot be met`,
        {
          file: at.file,
          pointer: Array.isArray(schema.allOf) ? joinPointer(at.pointer, 'allOf') : where,
        },
        `give ${JSON.stringify(name)} the values it may take in every member (a subtype narrowing a base's enum must keep values the base allows), or write oneOf if a value is one of them`,
      );
      continue;
    }
    const types = schemas
      .map((property) => declaredTypes(property, doc, at.version, 0))
      .filter((t): t is Types => t !== undefined);
    if (types.length < 2 || types.reduce(intersect).size > 0) {
      // The objects the parts give the property, merged, may leave one of theirs no value
      // (`inner: { k: const a }` in one part, `inner: { k: const b }` in another).
      if (prefix.split('.').length <= MAX_PROPERTY_DEPTH)
        warnImpossibleParts(
          { allOf: schemas },
          { ...at, pointer: Array.isArray(schema.allOf) ? at.pointer : where },
          doc,
          warnings,
          `${prefix}${name}.`,
        );
      continue;
    }
    warnings.add(
      'allof-conflicting-property',
      `property ${JSON.stringify(prefix + name)} has schemas in the allOf members with no type in common (${types.map((t) => (t.size === 0 ? 'none' : [...t].join(' or '))).join('; ')}), so ${isRequired ? 'no value of the schema is valid (the property is required)' : 'it can never be given'}; the SDK's type for it cannot be met`,
      {
        file: at.file,
        pointer: Array.isArray(schema.allOf) ? joinPointer(at.pointer, 'allOf') : where,
      },
      `give ${JSON.stringify(name)} one type in every member`,
    );
  }
}

/**
 * `false`, or `not` of a schema every value matches (`not: {}`, `not: true`, a `not` of
 * annotations alone): no value matches it.
 */
function matchesNothing(schema: unknown): boolean {
  if (schema === false) return true;
  if (!isRecord(schema) || !('not' in schema)) return false;
  const not = schema.not;
  return not === true || (isRecord(not) && Object.keys(not).every(isAnnotationKeyword));
}

/**
 * Warns about a schema that allows no property but its own (`additionalProperties: false`, no
 * `patternProperties`) while `required` names one it does not declare: no object is valid
 * (2020-12 §10.3.2.3; an object's keys must all be declared, and the required one must be there).
 * The types add the name as `{} | null`, the guards refuse every object, as validators do. Such a
 * schema's `allOf` members are warned about where they meet (build-schema.ts warnClosedAllOfMember).
 */
function warnClosedRequired(
  schema: Record<string, unknown>,
  at: { file: string; pointer: string },
  warnings: Warnings,
): void {
  if (schema.additionalProperties !== false || schema.patternProperties !== undefined) return;
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  if (!types.includes('object')) return;
  if (!Array.isArray(schema.required)) return;
  const declared = isRecord(schema.properties) ? schema.properties : {};
  const missing = schema.required.filter(
    (name): name is string => typeof name === 'string' && !Object.hasOwn(declared, name),
  );
  const [first] = missing;
  if (first === undefined) return;
  const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
  warnings.add(
    'required-undeclared-closed',
    `\`required\` names ${JSON.stringify(first)}${more}, which \`properties\` does not declare, and \`additionalProperties: false\` refuses every undeclared property, so no object is valid; the guards refuse every value, and the SDK's type for it cannot be met`,
    { file: at.file, pointer: joinPointer(at.pointer, 'required') },
    `declare ${JSON.stringify(first)} under \`properties\`, or remove it from \`required\``,
  );
}

/**
 * The `enum`s (or `const`s) of a property's schemas in several parts (each through its `$ref`s
 * and `allOf`), listed, when they have no value in common, or none of the `type`s other parts
 * give (`enum: [a]` beside `type: integer`); undefined otherwise.
 */
function disjointValues(
  schemas: readonly unknown[],
  doc: Record<string, unknown> | undefined,
  version: '3.0' | '3.1',
): string | undefined {
  const key = canonicalJson;
  const lists = schemas.flatMap((property) =>
    allOfParts(property, doc)
      .filter(isRecord)
      .flatMap((part) =>
        Array.isArray(part.enum) ? [part.enum] : 'const' in part ? [[part.const]] : [],
      ),
  );
  const types = schemas
    .map((property) => declaredTypes(property, doc, version, 0))
    .filter((t): t is Types => t !== undefined);
  if (lists.length === 0 || lists.length + types.length < 2) return undefined;
  const byKey = new Map(lists.flat().map((value) => [key(value), value]));
  const common = lists
    .map((values) => new Set(values.map(key)))
    .reduce((a, b) => new Set([...a].filter((value) => b.has(value))));
  const typed = [...common].filter((value) =>
    types.every((allowed) => jsonTypesOf(byKey.get(value)).some((type) => allowed.has(type))),
  );
  if (typed.length > 0) return undefined;
  return [
    ...lists.map((values) => `[${values.map(key).join(', ')}]`),
    ...(common.size > 0 ? types.map((t) => `type ${[...t].join(' or ')}`) : []),
  ].join(' and ');
}
