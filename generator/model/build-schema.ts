/**
 * Builds the normalised schema model (`schema-types.ts`) from OpenAPI 3.0 / 3.1 Schema Objects.
 * Every version difference is settled here, once; see `schema-types.ts` for the rules.
 */
import { JSON_TYPES, pushAll } from '../json.ts';
import { eachReporting, GeneratorError, joinPointer } from '../errors.ts';
import { MODULE_TYPE_NAMES } from '../reserved-names.ts';
import { NameRegistry, pascalCase, type NameCollision } from './names.ts';
import { schemaOwner } from './name-collisions.ts';
import { extensionTypes, intOrStringBesideType } from './schema-extensions.ts';
import { exportName } from './sdk-names.ts';
import {
  buildTyped,
  isBareType,
  plainBase,
  TYPE_KEYWORDS,
  type BuildSub,
} from './build-schema-typed.ts';
import { explicitMapping, readDiscriminator, warnAllOfParent } from './build-discriminator.ts';
import { checkKeywords, isAnnotationKeyword } from './schema-keywords.ts';
import { isBinaryString } from './media-types.ts';
import { notASchema, schemaProblems } from './schema-problems.ts';
import { notSchemaPlace } from './schema-places.ts';
import { warnConflictingAllOfTypes, warnImpossibleParts } from './allof-types.ts';
import { nullBesideUnion } from './null-beside-union.ts';
import { conditionalParts } from './conditional-schemas.ts';
import type {
  ArrayNode,
  EnumNode,
  EvaluatedItems,
  EvaluatedKeys,
  EvaluatedWhen,
  JsonType,
  JsonValue,
  NodeBase,
  ObjectNode,
  RegexModel,
  SchemaNode,
  UnionNode,
} from './schema-types.ts';
import {
  badValue,
  isPlainObject,
  isTypes,
  readBoolean,
  readRegex,
  readString,
  toJsonValue,
  type ValueContext,
} from './schema-values.ts';
import type { NamedSchema } from './types.ts';
import { Warnings } from '../warnings.ts';
import {
  componentKey,
  getByPointer,
  getByRef,
  pointerRef,
  pointerTokens,
  refPointer,
} from '../pointer.ts';
import { parentWithoutUnion, unionParentOf } from '../union-parent.ts';
import { anchorTarget, dynamicAnchorShared } from '../anchors.ts';
import { MAX_COMBINATIONS, typedAllOfMembers } from './union-product.ts';
import type { FollowRef } from '../conditional-properties.ts';

export interface SchemaBuildContext {
  file: string;
  version: '3.0' | '3.1';
  /** Where ignored keywords are reported (schema-keywords.ts); default: collected and dropped. */
  warnings?: Warnings;
}

export interface SchemaNodeContext extends SchemaBuildContext {
  pointer: string;
  /** components key -> safe name */
  names: ReadonlyMap<string, string>;
  /** The bundled document, needed only to follow `$ref`s that point below a named schema. */
  doc?: Record<string, unknown>;
}

interface Ctx extends SchemaBuildContext {
  names: ReadonlyMap<string, string>;
  doc: Record<string, unknown> | undefined;
  warnings: Warnings;
  /** Schema objects whose values schema-problems.ts has checked (with the schemas inside them). */
  checked: WeakSet<object>;
  /** Pointers of inline `$ref` targets being built, to catch cycles that do not go through a name. */
  resolving: string[];
  /**
   * The outermost inline `$ref` being built and how many more schema nodes it may make: refs into
   * refs are copied, not named, so their expansion can grow exponentially.
   */
  inline?: { at: string; left: number };
}

/**
 * Builds NamedSchema[] for every `components.schemas` entry of a bundled OpenAPI document, in
 * spec order, with safe unique type names. Throws GeneratorError for unsupported keywords and
 * unresolvable refs.
 */
export function buildSchemaModel(
  doc: Record<string, unknown>,
  ctx: SchemaBuildContext,
): NamedSchema[] {
  const components = doc.components;
  const raw = isPlainObject(components) ? components.schemas : undefined;
  if (raw === undefined) return [];
  if (!isPlainObject(raw)) {
    throw new GeneratorError(
      '"components.schemas" must be a map of schemas',
      { file: ctx.file, pointer: '#/components/schemas' },
      'make components.schemas an object whose values are Schema Objects',
    );
  }
  const names = schemaNames(Object.keys(raw));
  const c: Ctx = {
    ...ctx,
    names,
    doc,
    resolving: [],
    checked: new WeakSet(),
    warnings: ctx.warnings ?? new Warnings(),
  };
  // Every schema's problems in one run.
  return eachReporting(Object.entries(raw), ([key, schema]) => {
    const pointer = joinPointer('#/components/schemas', key);
    const node = build(schema, pointer, c);
    const named: NamedSchema = {
      originalName: key,
      name: names.get(key) ?? key,
      pointer,
      deprecated: node.deprecated,
      node,
    };
    if (node.description !== undefined) named.description = node.description;
    return named;
  });
}

/** The type name of each `components.schemas` key (none when it is not a map): as the model names them. */
export function componentSchemaNames(
  doc: Record<string, unknown>,
  onCollision?: (collision: NameCollision) => void,
): Map<string, string> {
  const components = doc.components;
  const raw = isPlainObject(components) ? components.schemas : undefined;
  return schemaNames(isPlainObject(raw) ? Object.keys(raw) : [], onCollision);
}

/**
 * Safe unique type names for components keys, none of them a name the package's modules declare
 * themselves (`GuardError` in a spec becomes `GuardError2`). Keys that collide are ranked by
 * names.ts `rankClaims`: a key that is its own type name keeps it, the others follow by key, so a
 * schema named `FooBar` keeps `FooBar` when a `Foo-Bar` is added before it, and reordering the
 * keys renames nothing.
 */
function schemaNames(
  keys: readonly string[],
  onCollision?: (collision: NameCollision) => void,
): Map<string, string> {
  const registry = new NameRegistry(MODULE_TYPE_NAMES, onCollision);
  const names = registry.claimAll(
    keys.map((key) => ({
      wanted: exportName(pascalCase(key), 'Model'),
      raw: key,
      owner: schemaOwner(key),
    })),
  );
  return new Map(keys.map((key, index) => [key, names[index]!]));
}

/**
 * Normalises one schema that appears inline elsewhere (a parameter, a request body, a response);
 * refs to components become ref nodes pointing at the NamedSchema's name.
 */
export function buildSchemaNode(schema: unknown, ctx: SchemaNodeContext): SchemaNode {
  return build(schema, ctx.pointer, {
    file: ctx.file,
    version: ctx.version,
    names: ctx.names,
    doc: ctx.doc,
    resolving: [],
    checked: new WeakSet(),
    warnings: ctx.warnings ?? new Warnings(),
  });
}

/**
 * The keywords beside a 3.1 `$ref` (built as a schema of their own, see buildRef) to the schema
 * object they were written in, `$ref` included.
 */
const besideRef = new WeakMap<object, Record<string, unknown>>();

/** Schema nodes one `$ref` into another schema may expand to (its refs into schemas included). */
const INLINE_LIMIT = 20_000;

function build(schema: unknown, pointer: string, c: Ctx): SchemaNode {
  if (c.inline !== undefined && --c.inline.left < 0) {
    throw new GeneratorError(
      `following this $ref and the $refs into other schemas it leads to copies more than ${INLINE_LIMIT.toLocaleString('en')} schemas (only refs to components.schemas are named, not copied)`,
      { file: c.file, pointer: c.inline.at },
      "move the schemas these $refs point into into components.schemas and refer to them as '#/components/schemas/<Name>'",
    );
  }
  if (schema === true) return { kind: 'any', ...plainBase(pointer) };
  if (schema === false) return { kind: 'never', ...plainBase(pointer) };
  if (!isPlainObject(schema)) throw notASchema(schema, { file: c.file, pointer });
  if (!c.checked.has(schema)) {
    // Every wrong value of this schema and the schemas inside it at once; the readers below
    // would stop at the first.
    const problems = schemaProblems(schema, pointer, c.file, c.checked);
    if (problems.length > 0) throw GeneratorError.all(problems);
  }
  const vc: ValueContext = { file: c.file, pointer };
  checkKeywords(schema, vc, c.version, c.warnings);
  const base = readAnnotations(schema, vc);
  if ('$ref' in schema) return buildRef(schema, base, vc, c);
  const dynamic = dynamicRef(schema, vc, c);
  if (dynamic !== undefined && '$ref' in dynamic) return buildRef(dynamic, base, vc, c);
  // A `$dynamicRef` not followed (dynamicRef): the rest of the schema alone.
  if (dynamic !== undefined) return build(dynamic, pointer, c);
  const sub: BuildSub = (s, p) => build(s, p, c);

  const parts: SchemaNode[] = [];
  const values = readEnum(schema, vc);
  if (values?.outsideEnum === true) {
    c.warnings.add(
      'const-outside-enum',
      `\`const\` (${JSON.stringify(schema.const)}) is not one of the values of \`enum\`, so no value at all is valid; the generator reads the const alone`,
      { file: vc.file, pointer: joinPointer(vc.pointer, 'const') },
      'add the const to `enum`, or remove one of the two',
    );
  }
  const composed = ['allOf', 'anyOf', 'oneOf', 'not'].some((k) => k in schema);
  const declared = readTypes(schema, vc);
  // Null beside a union that refuses it: null or a variant, as 3.0's `nullable` (null-beside-union.ts).
  if (
    declared !== undefined &&
    nullBesideUnion(schema, declared, vc, c.doc, c.warnings) === 'nullable'
  ) {
    declared.delete('null');
    base.nullable = true;
  }
  const types = declared?.size === 0 ? undefined : declared;
  const intOrString = intOrStringBesideType(schema);
  if (intOrString !== undefined)
    c.warnings.add(
      'int-or-string-beside-type',
      intOrString.problem,
      { file: vc.file, pointer: joinPointer(vc.pointer, 'x-kubernetes-int-or-string') },
      intOrString.hint,
    );
  // Null handling: one form (`nullable`) unless JSON Schema's exact meaning differs (schema-types.ts).
  if (values) {
    if ((base.nullable || types?.has('null') === true) && !values.list.includes(null))
      c.warnings.add(
        'nullable-enum-without-null',
        `${base.nullable ? '`nullable: true`' : '`type` allows null'}, but \`${values.isConst ? 'const' : 'enum'}\` allows no null, so null is refused here (by OpenAPI 3.0.3 and JSON Schema, as ajv reads it): the SDK's types and guards refuse it, though some tools take it as allowed`,
        { file: vc.file, pointer: joinPointer(vc.pointer, values.isConst ? 'const' : 'enum') },
        values.isConst
          ? 'if the API sends null here, write `enum: [<the const>, null]` instead of `const`; if it does not, remove `nullable`'
          : 'if the API sends null here, add null to `enum`; if it does not, remove `nullable` (or null from `type`)',
      );
    if (base.nullable && types) types.add('null');
    base.nullable = false;
  } else if (!base.nullable && types?.has('null') && types.size > 1 && !composed) {
    base.nullable = true;
  }
  if (base.nullable) types?.delete('null');
  if (types?.has('integer') && types.has('number')) types.delete('integer');

  const typed = typedPart(schema, types, vc, sub, followIn(c));
  // unevaluatedProperties/Items see what every schema applied in place evaluates: beside a `$ref`
  // (built apart from it, in buildRef), the `$ref`'s target too.
  const inPlace = besideRef.get(schema) ?? schema;
  for (const part of typed) {
    if (part.kind === 'object' && part.unevaluatedProperties !== undefined) {
      const evaluated = evaluatedProperties(inPlace, vc, c);
      if (evaluated === 'all') delete part.unevaluatedProperties;
      else part.evaluated = evaluated;
    }
    if (part.kind === 'object' && composed) checkAdditionalBesideComposition(part, schema, vc, c);
    if (part.kind === 'array') applyUnevaluatedItems(part, inPlace, vc, c);
  }
  if (values && types) values.list = valuesOfTypes(values, types, vc, c);
  if (values) {
    const enumNode: EnumNode = {
      kind: 'enum',
      ...plainBase(pointer),
      values: values.list,
      isConst: values.isConst,
    };
    // Scalar types only: `type: array` beside an enum of strings most likely meant the items'.
    const scalar = types !== undefined && !types.has('array') && !types.has('object');
    if (scalar && values.list.length > 0 && !values.list.some((v) => matchesTypes(v, types))) {
      warnEnumOutsideType(values, types, vc, c);
      parts.push(enumNode);
    } else if (
      typed.every(isBareType) &&
      values.list.every((v) => !types || matchesTypes(v, types))
    ) {
      parts.push(enumNode);
    } else {
      parts.push(...typed, enumNode);
    }
  } else {
    pushAll(parts, typed);
  }
  pushAll(parts, composition(schema, vc, sub, c));
  warnConflictingAllOfTypes(schema, { ...vc, version: c.version }, c.doc, c.warnings);
  warnImpossibleParts(schema, { ...vc, version: c.version }, c.doc, c.warnings);
  dropAnnotationParts(parts, base);

  const [first] = parts;
  const node: SchemaNode =
    parts.length === 0 || !first
      ? { kind: 'any', ...plainBase(pointer) }
      : parts.length === 1
        ? first
        : { kind: 'allOf', ...plainBase(pointer), members: parts };
  return withAnnotations(node, base);
}

/**
 * Warns about `additionalProperties` beside `allOf`/`anyOf`/`oneOf` when the schemas combined
 * declare properties it does not see: JSON Schema applies it to the keys its own `properties` and
 * `patternProperties` do not name (2020-12 §10.3.2.3), so it refuses those properties, and the
 * guards refuse them as every validator does, while the author most likely meant
 * `unevaluatedProperties` (as pydantic's `extra='forbid'` beside a union, or a closed object
 * beside `allOf: [$ref]`, are written).
 */
function checkAdditionalBesideComposition(
  part: ObjectNode,
  schema: Record<string, unknown>,
  vc: ValueContext,
  c: Ctx,
): void {
  const additional = part.additionalProperties;
  if (additional === undefined || (additional.kind === 'any' && !additional.nullable)) return;
  // Which names key patterns beside it take is not decided here: a spec's pattern is never run
  // at generation (it could take exponential time on a spec's name).
  if (part.patternProperties.length > 0) return;
  // Every property the combined schemas declare, also those of a member with additionalProperties
  // of its own (which `unevaluatedProperties` would count as evaluating every key): this one does
  // not see them either way.
  const evaluated = evaluatedKeys(
    evaluationScope(schema, vc.pointer, c, () => false),
    c,
  );
  if (evaluated === 'all') return;
  const own = new Set(part.properties.map((p) => p.name));
  const hidden = evaluated.names.filter((name) => !own.has(name));
  const [first] = hidden;
  if (first === undefined) return;
  const more = hidden.length > 1 ? ` (and ${hidden.length - 1} more)` : '';
  const refused = additional.kind === 'never' ? 'refuses' : 'holds to its own schema';
  c.warnings.add(
    'additional-beside-composition',
    `additionalProperties beside allOf/anyOf/oneOf sees only the properties declared beside it, so it ${refused} ${JSON.stringify(first)}${more}, which the combined schemas declare; the guards read it so, as JSON Schema validators do, and may refuse values the types accept`,
    { file: vc.file, pointer: joinPointer(vc.pointer, 'additionalProperties') },
    c.version === '3.1'
      ? 'write unevaluatedProperties in its place (it sees the properties of the combined schemas too)'
      : 'declare the combined properties beside it, put additionalProperties in each combined schema, or remove it',
  );
}

/**
 * Warns about an `allOf` member that allows no property but its own (`additionalProperties:
 * false`, through `$ref`s: `allOf: [$ref: Base, {required: [extra], properties: {extra: …}}]`
 * with a closed `Base`) while another member declares more: JSON Schema applies it to the keys of
 * the member's own `properties` only (2020-12 §10.3.2.3), so no value with those keys is valid.
 * The types join the members (`Base & { extra: string }`), the guards refuse every such value, as
 * validators do; the testing kit then finds no value, and its warning named the wrong cause.
 */
function warnClosedAllOfMember(schema: Record<string, unknown>, vc: ValueContext, c: Ctx): void {
  const members = (schema.allOf as unknown[]).map((member) => resolvedRaw(member, c));
  const keysOf = (member: Record<string, unknown> | undefined): string[] => [
    ...(isPlainObject(member?.properties) ? Object.keys(member.properties) : []),
    ...(Array.isArray(member?.required)
      ? member.required.filter((name): name is string => typeof name === 'string')
      : []),
  ];
  members.forEach((top, index) => {
    // The member, or a schema it combines through its own allOf (helper-137 6: `Mid: allOf:
    // [Base]` with Base closed refuses the siblings' properties all the same).
    const closed = top === undefined ? undefined : closedPart(top, c);
    if (closed === undefined) return;
    const { member, keyword } = closed;
    const own = new Set(isPlainObject(member.properties) ? Object.keys(member.properties) : []);
    const others = members.flatMap((other, i) => (i === index ? [] : keysOf(other)));
    // The schema's own properties beside the allOf are evaluated apart from the member too
    // (helper-129 5: `allOf: [Closed]` with `properties: {extra}` beside it had no warning).
    const beside = keysOf(schema).filter((name) => !own.has(name));
    const refused = [...new Set([...others.filter((name) => !own.has(name)), ...beside])];
    const [first] = refused;
    if (first === undefined) return;
    const more = refused.length > 1 ? ` (and ${refused.length - 1} more)` : '';
    const where = beside.includes(first)
      ? 'which the schema declares beside its allOf'
      : 'which another allOf member declares';
    c.warnings.add(
      'allof-closed-member',
      `allOf[${index}] allows no property but its own (${keyword}: false sees only the properties declared ${keyword === 'additionalProperties' ? 'beside it' : 'in that schema, not its siblings'}), so it refuses ${JSON.stringify(first)}${more}, ${where}: no value with it is valid, and the guards refuse every one, as JSON Schema validators do, while the types accept it`,
      { file: vc.file, pointer: joinPointer(vc.pointer, 'allOf', index) },
      keyword === 'unevaluatedProperties'
        ? 'move unevaluatedProperties: false from that schema to beside this allOf (there it sees the properties of every member)'
        : c.version === '3.1'
          ? 'remove additionalProperties: false from that schema and write unevaluatedProperties: false beside this allOf (it sees the properties of every member)'
          : "remove additionalProperties: false from that schema, or declare the other members' properties in it",
    );
  });
}

/**
 * The schema that closes `member` to its own properties: itself (`additionalProperties: false`,
 * or `unevaluatedProperties: false` when it evaluates nothing else), else the first such schema
 * among its allOf members, through `$ref`s, a few levels deep.
 */
function closedPart(
  member: Record<string, unknown>,
  c: Ctx,
  depth = 0,
): { member: Record<string, unknown>; keyword: string } | undefined {
  if (member.patternProperties !== undefined || depth > 8) return undefined;
  // `unevaluatedProperties: false` in a member sees what the member evaluates, not its siblings
  // (2020-12 §11.3): the same trap, when the member evaluates nothing but its own properties
  // (helper-133 2).
  if (member.additionalProperties === false) return { member, keyword: 'additionalProperties' };
  if (
    member.unevaluatedProperties === false &&
    !EVALUATING_KEYWORDS.some((name) => member[name] !== undefined)
  )
    return { member, keyword: 'unevaluatedProperties' };
  // additionalProperties: false deep in the chain refuses whatever the schemas around it say.
  if (!Array.isArray(member.allOf)) return undefined;
  for (const inner of member.allOf) {
    const raw = resolvedRaw(inner, c);
    const found = raw === undefined ? undefined : closedPart(raw, c, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Keywords through which a schema evaluates properties besides its own `properties`. */
const EVALUATING_KEYWORDS = [
  'allOf',
  'anyOf',
  'oneOf',
  'if',
  'dependentSchemas',
  '$ref',
  '$dynamicRef',
  'additionalProperties',
] as const;

/** A raw schema through its `$ref`s (a few), or undefined when it is not an object. */
function resolvedRaw(value: unknown, c: Ctx): Record<string, unknown> | undefined {
  let current = value;
  for (
    let hops = 0;
    hops < 16 && isPlainObject(current) && typeof current.$ref === 'string';
    hops++
  )
    current = getByRef(c.doc, current.$ref);
  return isPlainObject(current) ? current : undefined;
}

/**
 * The values of an `enum` that are of the schema's `type`, when some are and some are not (`type:
 * string, enum: [a, 1, null]`): by JSON Schema only those are valid, so the types, the guards and
 * the samples all read only those; a warning names the others. When none is, all are kept (see
 * {@link warnEnumOutsideType}).
 */
function valuesOfTypes(
  values: { list: JsonValue[]; isConst: boolean },
  types: ReadonlySet<JsonType>,
  vc: ValueContext,
  c: Ctx,
): JsonValue[] {
  const kept = values.list.filter((v) => matchesTypes(v, types));
  if (kept.length === 0 || kept.length === values.list.length) return values.list;
  const left = values.list.filter((v) => !matchesTypes(v, types));
  const shown = left.slice(0, 3).map((v) => JSON.stringify(v));
  const listed = `${shown.join(', ')}${left.length > 3 ? `, … (${left.length} values)` : ''}`;
  const [one, them, is] = left.length === 1 ? ['it', 'it', 'is'] : ['them', 'them', 'are'];
  const nullable = c.version === '3.0' && left.includes(null) ? ', `nullable: true` for null' : '';
  c.warnings.add(
    'enum-partly-outside-type',
    `\`enum\` lists ${listed}, which ${is} not of the schema's type, ${[...types].join(' or ')}, so no value can take ${one}; the SDK leaves ${them} out`,
    { file: vc.file, pointer: joinPointer(vc.pointer, 'enum') },
    `remove ${them} from \`enum\`, or add ${left.length === 1 ? 'its type' : 'their types'} to \`type\`${nullable}`,
  );
  return kept;
}

/**
 * An `enum` (or `const`) none of whose values is of the schema's `type` (`type: string, enum: [1,
 * 2]`): by JSON Schema no value is valid at all, which no type, guard or sample can express. The
 * values were written on purpose and `type` rarely is, so the enum is read alone, with a warning.
 */
function warnEnumOutsideType(
  values: { list: JsonValue[]; isConst: boolean },
  types: ReadonlySet<JsonType>,
  vc: ValueContext,
  c: Ctx,
): void {
  const keyword = values.isConst ? 'const' : 'enum';
  const typeText = [...types].join(' or ');
  const shown = values.list.slice(0, 3).map((v) => JSON.stringify(v));
  const listed = `${shown.join(', ')}${values.list.length > 3 ? ', …' : ''}`;
  const asType = types.has('string')
    ? ` (\`${keyword}: [${values.list
        .slice(0, 3)
        .map((v) => JSON.stringify(typeof v === 'string' ? v : JSON.stringify(v)))
        .join(', ')}]\`)`
    : '';
  c.warnings.add(
    'enum-outside-type',
    `no value of \`${keyword}\` (${listed}) is of the schema's type, ${typeText}, so no value at all is valid; the generator reads the ${keyword} alone and ignores \`type\``,
    { file: vc.file, pointer: joinPointer(vc.pointer, keyword) },
    `write the values as the type's${asType}, or set \`type\` to the values' type`,
  );
}

/**
 * What `unevaluatedProperties` of `schema` does not apply to: the `properties` and
 * `patternProperties` of the schema and of every schema that applies to the value in place
 * (JSON Schema 2020-12 §11.3), those of `anyOf`/`oneOf` branches, `if`/`then`/`else` and
 * `dependentSchemas` only when they apply (see {@link evaluationScope}); `all` when
 * `additionalProperties` or `unevaluatedProperties` of one that always applies evaluates every key.
 */
function evaluatedProperties(
  schema: Record<string, unknown>,
  vc: ValueContext,
  c: Ctx,
): EvaluatedKeys | 'all' {
  const scope = evaluationScope(
    schema,
    vc.pointer,
    c,
    (raw) => raw.additionalProperties !== undefined || raw.unevaluatedProperties !== undefined,
  );
  return evaluatedKeys(scope, c);
}

/**
 * The schemas that apply in place to a value with `schema` (§10.2: `allOf`, `$ref`, and those
 * that apply only sometimes), for the annotations `unevaluatedProperties`/`unevaluatedItems` see.
 * `all` is true when one of them (not `schema` itself) evaluates every key or item (`everything`).
 */
interface EvaluationScope {
  /** The schema objects that apply whenever the scope does, with their pointers. */
  own: [raw: Record<string, unknown>, pointer: string][];
  all: boolean;
  /**
   * The scopes that apply only when `when` holds: `group` numbers the alternatives of one
   * `anyOf`/`oneOf` or one `if` (one of which applies to every valid value), or is -1
   * (`dependentSchemas`).
   */
  conditional: { group: number; when: RawWhen; scope: EvaluationScope }[];
}

type RawWhen =
  | { passes: [raw: unknown, pointer: string] }
  | { fails: [raw: unknown, pointer: string] }
  | { has: string };

function evaluationScope(
  schema: Record<string, unknown>,
  pointer: string,
  c: Ctx,
  everything: (raw: Record<string, unknown>) => boolean,
): EvaluationScope {
  let groups = 0;
  const scopeOf = (
    roots: [raw: unknown, pointer: string, top: boolean][],
    ancestors: ReadonlySet<unknown>,
  ): EvaluationScope => {
    const scope: EvaluationScope = { own: [], all: false, conditional: [] };
    // Each schema once per scope; the schemas of enclosing scopes apply already (and end cycles).
    const seen = new Set(ancestors);
    const visit = (raw: unknown, at: string, top: boolean): void => {
      if (!isPlainObject(raw) || seen.has(raw) || scope.all) return;
      seen.add(raw);
      if (!top && everything(raw)) {
        scope.all = true;
        return;
      }
      scope.own.push([raw, at]);
      if (Array.isArray(raw.allOf))
        raw.allOf.forEach((item, i) => visit(item, joinPointer(at, 'allOf', i), false));
      const ref = raw.$ref ?? raw.$dynamicRef ?? raw.$recursiveRef;
      const target = typeof ref === 'string' && ref.startsWith('#/') ? refPointer(ref) : undefined;
      if (target !== undefined && c.doc) visit(getByPointer(c.doc, target), target, false);
      const branch = (group: number, when: RawWhen, inner: [unknown, string][]): void => {
        const scoped = scopeOf(
          inner.map(([r, p]) => [r, p, false]),
          seen,
        );
        scope.conditional.push({ group, when, scope: scoped });
      };
      for (const key of ['anyOf', 'oneOf']) {
        const list = raw[key];
        if (!Array.isArray(list)) continue;
        const group = groups++;
        list.forEach((item, i) => {
          const itemAt = joinPointer(at, key, i);
          branch(group, { passes: [item, itemAt] }, [[item, itemAt]]);
        });
      }
      if (raw.if !== undefined) {
        const group = groups++;
        const ifAt = joinPointer(at, 'if');
        const then: [unknown, string][] = [[raw.if, ifAt]];
        if (raw.then !== undefined) then.push([raw.then, joinPointer(at, 'then')]);
        branch(group, { passes: [raw.if, ifAt] }, then);
        const otherwise: [unknown, string][] =
          raw.else === undefined ? [] : [[raw.else, joinPointer(at, 'else')]];
        branch(group, { fails: [raw.if, ifAt] }, otherwise);
      }
      if (isPlainObject(raw.dependentSchemas)) {
        for (const [name, inner] of Object.entries(raw.dependentSchemas))
          branch(-1, { has: name }, [[inner, joinPointer(at, 'dependentSchemas', name)]]);
      }
    };
    for (const [raw, at, top] of roots) visit(raw, at, top);
    return scope;
  };
  return scopeOf([[schema, pointer, true]], new Set());
}

/**
 * The alternatives of a scope, each as `convert` reads it, with what applies always merged into
 * `into` where it can be: a group whose alternatives all evaluate the same (one of them applies
 * to every valid value), and what evaluates no more than `into` already does, need no test at
 * run time. Returns `all` when a merged alternative evaluates everything.
 */
function conditionalEvaluation<T extends EvaluatedKeys | EvaluatedItems>(
  scope: EvaluationScope,
  into: T,
  convert: (scope: EvaluationScope) => T | 'all',
  merge: (into: T, more: T) => void,
  covers: (into: T, more: T) => boolean,
  c: Ctx,
): 'all' | NonNullable<T['conditional']> {
  const converted = scope.conditional.map((entry) => ({
    ...entry,
    evaluated: convert(entry.scope),
  }));
  const byGroup = new Map<number, typeof converted>();
  for (const entry of converted) {
    if (entry.group < 0) continue;
    byGroup.set(entry.group, [...(byGroup.get(entry.group) ?? []), entry]);
  }
  const merged = new Set<number>();
  for (const [group, entries] of byGroup) {
    const texts = new Set(entries.map((entry) => JSON.stringify(entry.evaluated)));
    const [first] = entries;
    if (texts.size !== 1 || !first) continue;
    if (first.evaluated === 'all') return 'all';
    if (first.evaluated.conditional !== undefined) continue;
    merge(into, first.evaluated);
    merged.add(group);
  }
  const left: { when: EvaluatedWhen; evaluated: T | 'all' }[] = [];
  for (const entry of converted) {
    if (merged.has(entry.group)) continue;
    const { evaluated } = entry;
    if (evaluated !== 'all' && evaluated.conditional === undefined && covers(into, evaluated))
      continue;
    left.push({ when: buildWhen(entry.when, c), evaluated });
  }
  return left as NonNullable<T['conditional']>;
}

function buildWhen(when: RawWhen, c: Ctx): EvaluatedWhen {
  if ('has' in when) return when;
  if ('passes' in when) return { passes: build(when.passes[0], when.passes[1], c) };
  return { fails: build(when.fails[0], when.fails[1], c) };
}

function evaluatedKeys(scope: EvaluationScope, c: Ctx): EvaluatedKeys | 'all' {
  if (scope.all) return 'all';
  const names = new Set<string>();
  const patterns = new Map<string, RegexModel>();
  for (const [raw, pointer] of scope.own) {
    if (isPlainObject(raw.properties))
      for (const name of Object.keys(raw.properties)) names.add(name);
    if (isPlainObject(raw.patternProperties)) {
      for (const pattern of Object.keys(raw.patternProperties))
        patterns.set(pattern, readRegex(pattern, 'patternProperties', { file: c.file, pointer }));
    }
  }
  const keys: EvaluatedKeys = { names: [...names], patterns: [...patterns.values()] };
  const conditional = conditionalEvaluation(
    scope,
    keys,
    (inner) => evaluatedKeys(inner, c),
    (into, more) => {
      into.names = [...new Set([...into.names, ...more.names])];
      const known = new Set(into.patterns.map((p) => p.source));
      pushAll(
        into.patterns,
        more.patterns.filter((p) => !known.has(p.source)),
      );
    },
    (into, more) =>
      more.names.every((name) => into.names.includes(name)) &&
      more.patterns.every((p) => into.patterns.some((q) => q.source === p.source)),
    c,
  );
  if (conditional === 'all') return 'all';
  // A name every value has evaluated needs no test of a condition as well.
  for (const { evaluated } of conditional)
    if (evaluated !== 'all')
      evaluated.names = evaluated.names.filter((n) => !keys.names.includes(n));
  if (conditional.length > 0) keys.conditional = conditional;
  return keys;
}

function evaluatedItems(scope: EvaluationScope, c: Ctx): EvaluatedItems | 'all' {
  if (scope.all) return 'all';
  let count = 0;
  for (const [raw] of scope.own)
    if (Array.isArray(raw.prefixItems)) count = Math.max(count, raw.prefixItems.length);
  const items: EvaluatedItems = { count };
  const conditional = conditionalEvaluation(
    scope,
    items,
    (inner) => evaluatedItems(inner, c),
    (into, more) => {
      into.count = Math.max(into.count, more.count);
    },
    (into, more) => more.count <= into.count,
    c,
  );
  if (conditional === 'all') return 'all';
  if (conditional.length > 0) items.conditional = conditional;
  return items;
}

/**
 * `unevaluatedItems` beside `prefixItems` and the schemas that apply with it. When which items
 * they evaluate does not depend on the value, it is normalised into the array's own keywords: the
 * positions some schema's `prefixItems` evaluates become prefix items that take any value here,
 * and `unevaluatedItems` holds every item after them, as `items`. Nothing is left for it when the
 * array or a schema that always applies has `items` (or `unevaluatedItems`), which evaluates every
 * item. Otherwise (`anyOf` branches of different lengths) it stays, with what evaluates items.
 */
function applyUnevaluatedItems(
  part: ArrayNode,
  schema: Record<string, unknown>,
  vc: ValueContext,
  c: Ctx,
): void {
  if (schema.unevaluatedItems === undefined || part.items !== undefined) return;
  const scope = evaluationScope(
    schema,
    vc.pointer,
    c,
    (raw) => raw.items !== undefined || raw.unevaluatedItems !== undefined,
  );
  const evaluated = evaluatedItems(scope, c);
  if (evaluated === 'all') return;
  const unevaluated = build(
    schema.unevaluatedItems,
    joinPointer(vc.pointer, 'unevaluatedItems'),
    c,
  );
  // An item a `contains` of a schema that always applies matches is evaluated too (§10.3.1.3):
  // `unevaluatedItems` judges only the others, so an item passes with either.
  const contains = scope.own.flatMap(([raw, at]) =>
    raw.contains === undefined ? [] : [build(raw.contains, joinPointer(at, 'contains'), c)],
  );
  const rest: SchemaNode =
    contains.length === 0
      ? unevaluated
      : {
          kind: 'union',
          ...plainBase(joinPointer(vc.pointer, 'unevaluatedItems')),
          mode: 'anyOf',
          variants: [...contains, unevaluated],
        };
  if (evaluated.conditional !== undefined) {
    part.unevaluatedItems = rest;
    part.evaluatedItems = evaluated;
    return;
  }
  while (part.prefixItems.length < evaluated.count)
    part.prefixItems.push({ kind: 'any', ...plainBase(vc.pointer) });
  part.items = rest;
}

/**
 * Takes out of `parts` the members that accept every value (`allOf: [{ $ref: Window },
 * { description: … }]`): they change nothing but make a single schema look combined. Their
 * description and `deprecated` go to the schema when it has none of its own.
 */
function dropAnnotationParts(parts: SchemaNode[], base: NodeBase): void {
  if (parts.length < 2) return;
  const kept = parts.filter((part) => part.kind !== 'any');
  if (kept.length === 0) return;
  for (const part of parts) {
    if (part.kind !== 'any') continue;
    if (base.description === undefined && part.description !== undefined)
      base.description = part.description;
    if (base.title === undefined && part.title !== undefined) base.title = part.title;
    base.deprecated ||= part.deprecated;
  }
  parts.splice(0, parts.length, ...kept);
}

/** `type` as a set; undefined when absent. A 3.0 `nullable: true` is read by readAnnotations. */
function readTypes(schema: Record<string, unknown>, vc: ValueContext): Set<JsonType> | undefined {
  const given = extensionTypes(schema);
  if (given !== undefined) return new Set(given);
  const raw = schema.type;
  if (raw === undefined) return undefined;
  if (!isTypes(raw)) {
    throw badValue(vc, 'type', 'a JSON Schema type name or a list of them', raw);
  }
  const list = Array.isArray(raw) ? raw : [raw];
  return new Set(list);
}

function readEnum(
  schema: Record<string, unknown>,
  vc: ValueContext,
): { list: JsonValue[]; isConst: boolean; outsideEnum?: boolean } | undefined {
  if ('const' in schema) {
    const value = toJsonValue(schema.const, 'const', vc);
    if (!Array.isArray(schema.enum)) return { list: [value], isConst: true };
    // Both: the values of `enum` that equal `const`. None: no value is valid, which no type,
    // guard or sample can express; `const` is read alone (build() warns).
    const inEnum = schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value));
    return { list: [value], isConst: true, outsideEnum: !inEnum };
  }
  if (schema.enum === undefined) return undefined;
  if (!Array.isArray(schema.enum)) throw badValue(vc, 'enum', 'a list of values', schema.enum);
  const list = schema.enum.map((v) => toJsonValue(v, 'enum', vc));
  const unique = new Map(list.map((v) => [JSON.stringify(v), v]));
  return { list: [...unique.values()], isConst: false };
}

function matchesTypes(value: JsonValue, types: ReadonlySet<JsonType>): boolean {
  if (value === null) return types.has('null');
  if (Array.isArray(value)) return types.has('array');
  switch (typeof value) {
    case 'string':
      return types.has('string');
    case 'boolean':
      return types.has('boolean');
    case 'number':
      return types.has('number') || (types.has('integer') && Number.isInteger(value));
    default:
      return types.has('object');
  }
}

/** The type-specific keywords as typed nodes: one per listed type, or loose ones without `type`. */
function typedPart(
  schema: Record<string, unknown>,
  types: ReadonlySet<JsonType> | undefined,
  vc: ValueContext,
  sub: BuildSub,
  follow?: FollowRef,
): SchemaNode[] {
  if (types) {
    const variants = JSON_TYPES.filter((t) => types.has(t)).map((t) =>
      buildTyped(t, schema, vc, false, sub, follow),
    );
    const [only] = variants;
    if (variants.length === 0) return [{ kind: 'never', ...plainBase(vc.pointer) }];
    if (variants.length === 1 && only) return [only];
    // A string `format` (`date-time`) beside a list of types describes the strings among them,
    // as it does a lone string type: the string variant carries it (so a date-time revives as
    // it does written `anyOf: [{ type: string, format: date-time }, …]`: helper-129 7).
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    for (const variant of variants)
      if (variant.kind === 'string' && format !== undefined) variant.format = format;
    return [{ kind: 'union', ...plainBase(vc.pointer), mode: 'anyOf', variants }];
  }
  const groups = Object.entries(TYPE_KEYWORDS).filter(([, keys]) => keys.some((k) => k in schema));
  return groups.map(([type]) => buildTyped(type as JsonType, schema, vc, true, sub, follow));
}

function composition(
  schema: Record<string, unknown>,
  vc: ValueContext,
  sub: BuildSub,
  c: Ctx,
): SchemaNode[] {
  const parts: SchemaNode[] = [];
  const list = (key: 'allOf' | 'anyOf' | 'oneOf'): SchemaNode[] | undefined => {
    const raw = schema[key];
    if (raw === undefined) return undefined;
    if (!Array.isArray(raw)) throw badValue(vc, key, 'a list of schemas', raw);
    return raw.map((item, i) => {
      // A child's `$ref` to a parent that lists it in its union: the parent's own keywords.
      const parent = key === 'allOf' ? unionParentOf(c.doc, vc.pointer, item) : undefined;
      const parentSchema = parent === undefined ? undefined : getByPointer(c.doc, parent);
      return parent !== undefined && isPlainObject(parentSchema)
        ? sub(parentWithoutUnion(parentSchema), parent)
        : sub(item, joinPointer(vc.pointer, key, i));
    });
  };
  const allOf = list('allOf');
  if (allOf) {
    pushAll(parts, allOf);
    warnClosedAllOfMember(schema, vc, c);
    leaveOutOfType(schema, allOf, vc, c);
  }
  for (const mode of ['anyOf', 'oneOf'] as const) {
    const variants = list(mode);
    if (!variants) continue;
    if (variants.length === 0)
      throw badValue(vc, mode, 'a non-empty list of schemas', schema[mode]);
    const union: UnionNode = { kind: 'union', ...plainBase(vc.pointer), mode, variants };
    const discriminator = readDiscriminator(schema, variants, {
      ...vc,
      names: c.names,
      rawSchemas: rawComponentSchemas(c.doc),
      componentKey,
      warnings: c.warnings,
    });
    if (discriminator) union.discriminator = discriminator;
    parts.push(union);
  }
  // A discriminator without a union to decide (an `allOf` parent's): its mapping still names
  // schemas, and its subtypes are not what the types read it as.
  if (
    schema.anyOf === undefined &&
    schema.oneOf === undefined &&
    isPlainObject(schema.discriminator)
  ) {
    const dc = {
      ...vc,
      names: c.names,
      rawSchemas: rawComponentSchemas(c.doc),
      componentKey,
      warnings: c.warnings,
    };
    explicitMapping(schema.discriminator.mapping, dc);
    if (typeof schema.discriminator.propertyName === 'string')
      warnAllOfParent(vc.pointer, schema.discriminator.propertyName, dc);
  }
  if (schema.not !== undefined) {
    const node = sub(schema.not, joinPointer(vc.pointer, 'not'));
    // `not: {}` (or `true`) matches no value, as `false` does: the types say `never` (a property
    // it forbids cannot be written), the guards refuse at once. `not` of no value is any value.
    if (node.kind === 'any' && !node.nullable)
      parts.push({ kind: 'never', ...plainBase(vc.pointer) });
    else if (node.kind !== 'never') parts.push({ kind: 'not', ...plainBase(vc.pointer), node });
  }
  pushAll(parts, conditionalParts(schema, vc, sub));
  return parts;
}

function buildRef(
  schema: Record<string, unknown>,
  base: NodeBase,
  vc: ValueContext,
  c: Ctx,
): SchemaNode {
  const ref = schema.$ref;
  if (typeof ref !== 'string') throw badValue(vc, '$ref', 'a string', ref);
  const key = componentKey(ref);
  const name = key === undefined ? undefined : c.names.get(key);
  let target: SchemaNode;
  if (key !== undefined && name !== undefined) {
    target = { kind: 'ref', ...plainBase(vc.pointer), target: name, originalName: key };
  } else {
    target = buildInlineRef(ref, vc, c);
    base.pointer = target.pointer;
  }
  // 3.1: OpenAPI 3.0's `nullable` beside a `$ref` is honoured as anywhere else in a 3.1 document
  // (warned about as 3.0's: schema-keywords.ts), `B | null` as `allOf: [B]` beside it gives.
  const nullable = c.version === '3.1' && base.nullable;
  const siblings = Object.keys(schema).filter(
    (k) => k !== '$ref' && !isAnnotationKeyword(k) && !(nullable && k === 'nullable'),
  );
  // 3.0: "any properties added SHALL be ignored". 3.1: siblings apply as well, like allOf.
  if (c.version === '3.0' || siblings.length === 0) {
    if (siblings.length > 0) warnIgnoredSiblings(siblings, vc, c);
    base.nullable = nullable;
    return withAnnotations(target, base);
  }
  const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => siblings.includes(k)));
  // What the `$ref` evaluates counts for the siblings' unevaluatedProperties/Items (§8.2.3.1).
  besideRef.set(rest, schema);
  const restNode = build(rest, vc.pointer, c);
  return { kind: 'allOf', ...base, nullable, members: [target, restNode] };
}

/**
 * OpenAPI 3.0 ignores what is written beside `$ref` (3.0.3 §4.7.9, Reference Object: "any
 * properties added SHALL be ignored"), so `nullable: true` or `maxLength` there does nothing, as in
 * openapi-typescript's types: almost never what the author meant, so a warning at the first one.
 * (Annotations such as `description` and `readOnly` are read, as most 3.0 tools do.)
 */
function warnIgnoredSiblings(siblings: readonly string[], vc: ValueContext, c: Ctx): void {
  const listed = siblings.map((key) => `\`${key}\``).join(', ');
  c.warnings.add(
    'ref-siblings-ignored',
    `${listed} beside \`$ref\` ${siblings.length === 1 ? 'is' : 'are'} ignored: OpenAPI 3.0 ignores what is written beside a reference`,
    { file: vc.file, pointer: joinPointer(vc.pointer, siblings[0]!) },
    `wrap the reference so they apply: \`allOf: [{ $ref: … }]\` with ${listed} beside \`allOf\` (or move the spec to OpenAPI 3.1, where they apply beside \`$ref\`)`,
  );
}

/**
 * `$dynamicRef` (2020-12) and `$recursiveRef` (2019-09), read as plain references to the schema
 * they name, as they resolve when no other schema takes part in the dynamic scope: a JSON pointer
 * is followed like `$ref`; an anchor (`#node`) names the schema that declares it with
 * `$dynamicAnchor` or `$anchor`; `#` is the component schema the keyword sits in. Returns the
 * schema with the keyword turned into `$ref` (without it, when it is not followed), or undefined
 * when it has neither keyword.
 */
function dynamicRef(
  schema: Record<string, unknown>,
  vc: ValueContext,
  c: Ctx,
): Record<string, unknown> | undefined {
  const key = ['$dynamicRef', '$recursiveRef'].find((k) => k in schema);
  if (key === undefined) return undefined;
  const raw = schema[key];
  if (typeof raw !== 'string') throw badValue(vc, key, 'a string', raw);
  let target: string | undefined;
  if (raw === '#') {
    const component = /^#\/components\/schemas\/[^/]+/.exec(vc.pointer)?.[0];
    target = component === undefined ? undefined : pointerRef(component);
  } else if (raw.startsWith('#/')) target = raw;
  else if (raw.startsWith('#') && c.doc) {
    // An anchor another resource that refs this one declares too: which one a `$dynamicRef`
    // reaches depends on where the value is checked from (a generic list's items, each of its
    // specialisations its own). Read as one of them, the guards refused values valid by another
    // (helper-141 F7): read as any value, and said.
    if (key === '$dynamicRef' && dynamicAnchorShared(c.doc, raw.slice(1), vc.pointer)) {
      c.warnings.add(
        'schema:dynamic-ref',
        `\`$dynamicRef: ${JSON.stringify(raw)}\` may resolve to any of the schemas that declare the anchor \`${raw.slice(1)}\`, by the dynamic scope of the value (JSON Schema 2020-12 §8.2.3.2), which the generator does not follow: the SDK types it \`unknown\`, and the guards accept any value there`,
        { file: c.file, pointer: joinPointer(vc.pointer, key) },
        "write each specialisation's schema out with a plain `$ref` where it is used, if the SDK should check it",
      );
      return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));
    }
    target = anchorTarget(c.doc, raw.slice(1), vc.pointer);
  }
  if (target === undefined) {
    throw new GeneratorError(
      `${key} ${JSON.stringify(raw)} names no schema of the document`,
      { file: c.file, pointer: joinPointer(vc.pointer, key) },
      "point it at '#/components/schemas/<Name>', or at a schema that declares the anchor with $dynamicAnchor",
    );
  }
  const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));
  return { ...rest, $ref: target };
}

/**
 * The members of an `allOf` of unions past the combinations TypeScript spells out
 * (union-product.ts): marked {@link NodeBase.leftOutOfType}, and said.
 */
function leaveOutOfType(
  schema: Record<string, unknown>,
  members: readonly SchemaNode[],
  vc: ValueContext,
  c: Ctx,
): void {
  const typed = typedAllOfMembers(schema, c.doc);
  if (typed === undefined) return;
  for (const member of members.slice(typed.kept)) member.leftOutOfType = true;
  const combinations =
    typed.combinations > MAX_COMBINATIONS
      ? `more than ${MAX_COMBINATIONS.toLocaleString('en')}`
      : typed.combinations.toLocaleString('en');
  c.warnings.add(
    'allof-union-product',
    `allOf combines unions whose variants make ${combinations} combinations, which TypeScript spells out one by one and refuses past 100,000 (TS2590): the SDK's types take its first ${typed.kept} member${typed.kept === 1 ? '' : 's'} only (a wider type); the guards check them all`,
    { file: c.file, pointer: joinPointer(vc.pointer, 'allOf') },
    'write the combinations the API accepts as one oneOf of their own, or move the constraints that need no union out of the unions',
  );
}

/** How the raw schemas a `$ref` names are found in the document (conditional-properties.ts). */
function followIn(c: Ctx): FollowRef | undefined {
  const { doc } = c;
  if (doc === undefined) return undefined;
  return (ref) => {
    const pointer = refPointer(ref);
    return pointer === undefined ? undefined : [getByPointer(doc, pointer), pointer];
  };
}

/** A `$ref` that is not `#/components/schemas/<Name>`: followed through the document and inlined. */
function buildInlineRef(ref: string, vc: ValueContext, c: Ctx): SchemaNode {
  const fail = (problem: string, fix: string): never => {
    throw new GeneratorError(
      problem,
      { file: c.file, pointer: joinPointer(vc.pointer, '$ref') },
      fix,
    );
  };
  if (!ref.startsWith('#')) {
    return fail(
      `$ref ${JSON.stringify(ref)} points outside the document`,
      'bundle the spec first (redocly bundle)',
    );
  }
  const key = componentKey(ref);
  if (key !== undefined) {
    return fail(
      `$ref ${JSON.stringify(ref)} names a schema that is not in components.schemas`,
      'fix the name, or add the schema under components.schemas',
    );
  }
  if (!c.doc) {
    return fail(
      `$ref ${JSON.stringify(ref)} does not point at a schema in components.schemas`,
      "move the schema into components.schemas and use '#/components/schemas/<Name>'",
    );
  }
  const anchored = /^#[^/]/.test(ref) ? anchorTarget(c.doc, ref.slice(1), vc.pointer) : undefined;
  if (anchored !== undefined) return build({ $ref: anchored }, vc.pointer, c);
  const pointer = refPointer(ref);
  if (pointer === undefined) {
    return fail(
      `$ref ${JSON.stringify(ref)} is neither a JSON pointer nor an anchor of the document`,
      "point it at '#/components/schemas/<Name>'",
    );
  }
  const place = notSchemaPlace(pointer);
  if (place !== undefined) {
    return fail(
      `$ref ${JSON.stringify(ref)} points at ${place}, not at a schema`,
      "point it at a schema: '#/components/schemas/<Name>', or the `schema` of a parameter, header or media type",
    );
  }
  if (c.resolving.includes(pointer)) {
    if (!throughContainer(c.resolving, pointer, vc.pointer)) {
      return fail(
        `$ref ${JSON.stringify(ref)} is recursive but does not go through components.schemas`,
        "move the recursive schema into components.schemas and refer to it as '#/components/schemas/<Name>'",
      );
    }
    // A value that contains itself (a tree): a type needs a name to do that, and this schema has
    // none. It is typed as far as it goes, and `unknown` (any value) where it recurs.
    c.warnings.add(
      'recursive-inline-ref',
      `$ref ${JSON.stringify(ref)} is recursive but does not go through components.schemas, so the types and guards accept any value where it recurs`,
      { file: c.file, pointer: joinPointer(vc.pointer, '$ref') },
      "move the recursive schema into components.schemas and refer to it as '#/components/schemas/<Name>'",
    );
    return { kind: 'any', ...plainBase(vc.pointer) };
  }
  const resolved = getByPointer(c.doc, pointer);
  if (resolved === undefined) {
    return fail(`$ref ${JSON.stringify(ref)} does not resolve`, 'fix the JSON pointer after "#"');
  }
  const outermost = c.inline === undefined;
  if (outermost) c.inline = { at: joinPointer(vc.pointer, '$ref'), left: INLINE_LIMIT };
  c.resolving.push(pointer);
  try {
    return build(resolved, pointer, c);
  } finally {
    c.resolving.pop();
    if (outermost) c.inline = undefined;
  }
}

/** Keywords whose subschemas describe a part of the value (a property, an item), not the value. */
const CONTAINERS = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'items',
  'prefixItems',
  'additionalItems',
]);

/**
 * Whether the ref at `at` back to `target` (on the `resolving` stack) is reached through a
 * property or an item of it, found between `at` and the innermost schema being resolved that
 * holds it (a tree), rather than straight through `$ref`s and compositions (a loop no value
 * ends: refused).
 */
function throughContainer(resolving: readonly string[], target: string, at: string): boolean {
  const from = [...resolving].reverse().find((p) => at.startsWith(`${p}/`)) ?? target;
  if (!at.startsWith(`${from}/`)) return false;
  return pointerTokens(at.slice(from.length)).some((token) => CONTAINERS.has(token));
}

/** `components.schemas` of a bundled document, raw (empty when there is none). */
function rawComponentSchemas(doc: Record<string, unknown> | undefined): Record<string, unknown> {
  const components = doc?.components;
  const schemas = isPlainObject(components) ? components.schemas : undefined;
  return isPlainObject(schemas) ? schemas : {};
}

/** Annotation keywords and `nullable` of one schema object. */
function readAnnotations(schema: Record<string, unknown>, vc: ValueContext): NodeBase {
  const base = plainBase(vc.pointer);
  base.nullable = readBoolean(schema, 'nullable', vc);
  base.deprecated = readBoolean(schema, 'deprecated', vc);
  base.readOnly = readBoolean(schema, 'readOnly', vc);
  base.writeOnly = readBoolean(schema, 'writeOnly', vc);
  const title = readString(schema, 'title', vc);
  const description = readString(schema, 'description', vc);
  const format = readString(schema, 'format', vc);
  if (title !== undefined) base.title = title;
  if (description !== undefined) base.description = description;
  if (format !== undefined) base.format = format;
  if (isBinaryString(schema)) base.binary = true;
  // Base64 text (`contentEncoding`) is no content of that type: the decoded bytes are (helper-131 5).
  if (
    typeof schema.contentMediaType === 'string' &&
    schema.contentMediaType.trim() !== '' &&
    schema.contentEncoding === undefined
  )
    base.contentMediaType = schema.contentMediaType.trim();
  if (schema.default !== undefined) base.default = toJsonValue(schema.default, 'default', vc);
  const examples: JsonValue[] = [];
  if (schema.example !== undefined) examples.push(toJsonValue(schema.example, 'example', vc));
  if (Array.isArray(schema.examples))
    pushAll(
      examples,
      schema.examples.map((e) => toJsonValue(e, 'examples', vc)),
    );
  if (examples.length > 0) base.examples = examples;
  const extensions = Object.entries(schema).filter(([k]) => k.startsWith('x-'));
  if (extensions.length > 0) {
    base.extensions = Object.fromEntries(extensions.map(([k, v]) => [k, toJsonValue(v, k, vc)]));
  }
  return base;
}

/**
 * Puts the outer schema's annotations on a node built from its parts. The node may be a part
 * built from a sub-schema (`allOf: [{ $ref }]` + `description`): the outer schema's values win
 * and flags add up.
 */
function withAnnotations(node: SchemaNode, base: NodeBase): SchemaNode {
  const merged: SchemaNode = { ...node, pointer: base.pointer };
  merged.nullable = node.nullable || base.nullable;
  merged.deprecated = node.deprecated || base.deprecated;
  merged.readOnly = node.readOnly || base.readOnly;
  merged.writeOnly = node.writeOnly || base.writeOnly;
  for (const key of [
    'title',
    'description',
    'format',
    'binary',
    'contentMediaType',
    'default',
    'examples',
    'extensions',
  ] as const) {
    if (base[key] !== undefined) Object.assign(merged, { [key]: base[key] });
  }
  return merged;
}
