/**
 * Schema model → TypeScript type expressions, as a person would write them: named schemas by
 * name, objects as type literals with TSDoc on every member, `T | null` for nullable values, never
 * `any` (a schema that allows anything is `unknown`).
 *
 * A type is printed for one direction (`read`: what responses carry, `write`: what requests send;
 * see model/read-write.ts): a `$ref` becomes the schema's type or its `…Input` type, readOnly
 * properties leave requests, writeOnly properties are optional in responses.
 *
 * The rules that make valid values assignable:
 * - `additionalProperties` beside `properties`: the index signature's type also admits the declared
 *   properties' types (`{ total: number; [key: string]: number | string[] }`), since TypeScript
 *   checks every property against the index signature while JSON Schema does not.
 * - A discriminated `oneOf`/`anyOf` whose variant does not fix the property itself becomes
 *   `Variant & { petType: 'cat' }`, so the union narrows on the value the discriminator maps to it.
 * - A nullable schema is `T | null`, whatever T is (`{ nullable: true, allOf: [{ $ref: Pet }] }`
 *   is `Pet | null`, the discriminated union untouched); an `enum` allows null only when it lists
 *   it (OpenAPI 3.0.3), so `{ nullable: true, enum: [a, b] }` is `'a' | 'b'`.
 */
import { isLoose, typeShapingMembers } from '../../model/loose-schemas.ts';
import { propertyKey, stringLiteral } from '../../model/names.ts';
import { declaredDirections, propertyDirection, type Direction } from '../../model/read-write.ts';
import { isInheritedMember } from '../../model/sdk-names.ts';
import type { JsonValue, ObjectNode, SchemaNode, UnionNode } from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';
import { docComment, nodeDocParts, type DocParts } from './docs.ts';

export type Mode = 'read' | 'write';

/** Operator precedence of a printed type: an atom, an intersection or a union. */
type Precedence = 0 | 1 | 2;

interface Printed {
  text: string;
  prec: Precedence;
}

/** A member of an object type: its key as printed, its type, and its documentation. */
export interface Member {
  key: string;
  type: string;
  optional: boolean;
  docs: DocParts;
}

const UNKNOWN: Printed = { text: 'unknown', prec: 0 };

export class TypePrinter {
  readonly byName: ReadonlyMap<string, NamedSchema>;
  /**
   * References printed as `unknown` where they would close a cycle of type aliases that refer
   * to each other directly (`Owner>Target`, by declared type name): TypeScript cannot write such a
   * type (`type A = B | string; type B = A | number`), nor can any value be told apart there.
   */
  cuts: ReadonlySet<string> = new Set();
  #owner: string | undefined;

  readonly #nameOf: (name: string) => string;

  /**
   * `nameOf` gives the local name of a schema type where the printed text goes (a module that
   * imports it may have to rename it); by default the type's own name.
   */
  constructor(
    schemas: readonly NamedSchema[] | ReadonlyMap<string, NamedSchema>,
    nameOf: (name: string) => string = (name) => name,
  ) {
    this.byName =
      schemas instanceof Map
        ? schemas
        : new Map((schemas as readonly NamedSchema[]).map((schema) => [schema.name, schema]));
    this.#nameOf = nameOf;
  }

  /** The declared type name of a named schema in a direction: `Plan`, or `PlanInput` for requests. */
  refName(target: string, mode: Mode): string {
    const schema = this.byName.get(target);
    return mode === 'write' && schema?.inputName !== undefined ? schema.inputName : target;
  }

  /** The type of `node`; `owner` is the named type being declared (for cycle cuts). */
  type(node: SchemaNode, mode: Mode, owner?: string): string {
    const previous = this.#owner;
    this.#owner = owner;
    try {
      return this.print(node, mode, true).text;
    } finally {
      this.#owner = previous;
    }
  }

  /** The members of an object's type literal or interface, in spec order. */
  members(node: ObjectNode, mode: Mode, siblings?: ReadonlyMap<string, Direction>): Member[] {
    const members: Member[] = [];
    const conditional = new Set(node.conditionalProperties ?? []);
    for (const property of [...node.properties, ...conditional]) {
      const direction = propertyDirection(property, this.byName);
      if (mode === 'write' && direction.readOnly) continue;
      const notes: string[] = [];
      if (conditional.has(property))
        notes.push(
          'Only in some values: declared by the schema’s `then`/`else` (beside `if`) or `dependentSchemas`, which apply when their condition holds.',
        );
      if (direction.readOnly) notes.push('Read-only: set by the server, never sent in requests.');
      if (direction.writeOnly && mode === 'read')
        notes.push('Write-only: sent in requests, never returned in responses.');
      if (holdsWideIntegers(property.node))
        notes.push(
          `A 64-bit integer (format ${wideFormat(property.node)}): a JavaScript number holds integers exactly only up to 2^53 − 1 (\`Number.MAX_SAFE_INTEGER\`); a larger value loses its last digits when the JSON is parsed.`,
        );
      const optional = !property.required || (mode === 'read' && direction.writeOnly);
      // Only Object.prototype's: a plain object has no `then`, `catch` or `finally` to read.
      if (optional && isInheritedMember(property.name) && property.name in Object.prototype)
        notes.push(
          `Named like a member every object has: where the value lacks it, \`${property.name}\` reads the inherited one; test with \`Object.hasOwn(value, ${stringLiteral(property.name)})\`.`,
        );
      members.push({
        key: propertyKey(property.name),
        type: this.print(property.node, mode, false).text,
        optional,
        docs: nodeDocParts(property.node, { notes }),
      });
    }
    const declared = new Set([...node.properties, ...conditional].map((property) => property.name));
    // Required here, declared elsewhere (another allOf member) or nowhere: what
    // `additionalProperties` allows, which applies to the name here (without `patternProperties`,
    // which are never run at generation), else any JSON value, which is never `undefined`; beside a
    // declaration `items?: Entry[]` this makes `items: Entry[]`. A sibling's readOnly declaration
    // is not sent in a request, so a request does not require it; a writeOnly one is optional in a
    // response (as the properties above).
    const additional =
      node.additionalProperties !== undefined &&
      node.additionalProperties.kind !== 'never' &&
      node.patternProperties.length === 0
        ? this.print(node.additionalProperties, mode, false).text
        : undefined;
    for (const name of node.requiredWithoutSchema) {
      if (declared.has(name)) continue;
      const direction = siblings?.get(name);
      if (mode === 'write' && direction?.readOnly === true) continue;
      const optional = mode === 'read' && direction?.writeOnly === true;
      const type = additional === undefined || additional === 'unknown' ? '{} | null' : additional;
      members.push({ key: propertyKey(name), type, optional, docs: {} });
    }
    return members;
  }

  /**
   * The type of the index signature `[key: string]: …`, or undefined when the object has none:
   * `additionalProperties`, `patternProperties` and `unevaluatedProperties` make one; its type also
   * admits the declared members' types, so that every valid value is assignable.
   */
  indexSignature(node: ObjectNode, mode: Mode, members: readonly Member[]): string | undefined {
    const parts: Printed[] = node.patternProperties.map(({ node: pattern }) =>
      this.print(pattern, mode, false),
    );
    // What keys that are not declared must match: `additionalProperties`, else
    // `unevaluatedProperties` (as `unknown`: keys other schemas declare are evaluated, and
    // TypeScript would check them against it too), else anything.
    const others = node.additionalProperties ?? node.unevaluatedProperties;
    if (others === undefined) {
      if (parts.length > 0) parts.push(UNKNOWN);
      else if (
        node.properties.length === 0 &&
        (node.conditionalProperties ?? []).length === 0 &&
        node.requiredWithoutSchema.length === 0
      )
        return 'unknown';
    } else if (others.kind !== 'never' || others.nullable) {
      parts.push(others === node.additionalProperties ? this.print(others, mode, false) : UNKNOWN);
    }
    if (parts.length === 0) return undefined;
    const all = [...parts.map((p) => p.text), ...members.map((m) => m.type)];
    if (members.some((m) => m.optional)) all.push('undefined');
    return union(all.map((text) => ({ text, prec: 2 }))).text;
  }

  /**
   * `{ a: string; b?: number }`, one member per line with its TSDoc; `{}` for an object with no
   * member and no index signature, which only an intersection may keep ({@link objectType}).
   */
  typeLiteral(node: ObjectNode, mode: Mode, siblings?: ReadonlyMap<string, Direction>): string {
    const members = this.members(node, mode, siblings);
    const index = this.indexSignature(node, mode, members);
    return literal(members, index);
  }

  /**
   * The type of an object standing alone: its {@link typeLiteral}, or, where that is `{}` (which
   * TypeScript reads as "any value but null", a string included), {@link emptyObjectType}.
   */
  objectType(node: ObjectNode, mode: Mode): string {
    const text = this.typeLiteral(node, mode);
    return text === '{}' ? emptyObjectType(node) : text;
  }

  private print(node: SchemaNode, mode: Mode, eager: boolean): Printed {
    return this.withNull(node, this.core(node, mode, eager));
  }

  /** `core`, the type of `node` without its `nullable`, with it. */
  private withNull(node: SchemaNode, core: Printed): Printed {
    if (!node.nullable || core.text === 'unknown' || core.text === 'null') return core;
    return union([core, { text: 'null', prec: 0 }]);
  }

  private core(node: SchemaNode, mode: Mode, eager: boolean): Printed {
    switch (node.kind) {
      case 'any':
      case 'not':
        return UNKNOWN;
      case 'never':
        return { text: 'never', prec: 0 };
      case 'null':
        return { text: 'null', prec: 0 };
      case 'boolean':
        return { text: 'boolean', prec: 0 };
      case 'string':
        // A file: what a multipart part or a raw body is sent from (src/openapi.ts says the same).
        return { text: node.binary === true ? 'Blob' : 'string', prec: 0 };
      case 'number':
        return { text: 'number', prec: 0 };
      case 'ref': {
        const name = this.refName(node.target, mode);
        if (eager && this.cuts.has(`${this.#owner ?? ''}>${name}`)) return UNKNOWN;
        return { text: this.#nameOf(name), prec: 0 };
      }
      case 'enum':
        return union(node.values.map((value) => ({ text: jsonType(value), prec: 0 })));
      case 'array':
        return this.array(node, mode);
      case 'object':
        return { text: this.objectType(node, mode), prec: 0 };
      case 'union':
        return this.union(node, mode, eager);
      case 'allOf': {
        // Keywords of several JSON types without a `type` (`{ minLength: 1, minimum: 0 }`) are
        // loose members, each applying to values of its own type only: the value is one of those
        // types (`string | number`), never all of them at once (`string & number`).
        // Beside members of other types, they constrain nothing and are left out (typeShapingMembers).
        // Members past the combinations TypeScript spells out are left to the guards.
        const typed = node.members.filter((member) => member.leftOutOfType !== true);
        const shaping = typeShapingMembers(typed, (name) => this.byName.get(name)?.node);
        const loose = shaping.filter(isLoose);
        const looseUnion = new Set(loose.map((member) => member.kind)).size > 1;
        const rest = looseUnion ? shaping.filter((member) => !isLoose(member)) : shaping;
        // Beside an `enum`, a bare primitive type says nothing more (`string & 'a'` is `'a'`).
        const hasEnum = rest.some((member) => member.kind === 'enum' && !member.nullable);
        // A member that only lists names in `required` reads their direction from the others.
        const siblings = rest.some((m) => m.kind === 'object' && m.requiredWithoutSchema.length > 0)
          ? declaredDirections(rest, this.byName)
          : undefined;
        const kept = rest.filter((member) => !(hasEnum && isPrimitive(member)));
        // A union beside members of one JSON type keeps only its variants of that type
        // (`allOf: [B, {type: object}]` with B `string | { x }` is `Extract<B, object> & { y }`):
        // `B & { y }` also held `string & { y }`, a string the schema (and the guard) refuses.
        const only = singleJsonType(kept, (name) => this.byName.get(name)?.node);
        const printed = kept.map((member) => {
          if (member.kind === 'object')
            return this.withNull(member, {
              text: this.typeLiteral(member, mode, siblings),
              prec: 0,
            });
          const text = this.print(member, mode, eager);
          return only !== undefined &&
            narrowsUnion(member, only, (name) => this.byName.get(name)?.node)
            ? { text: `Extract<${text.text}, ${only}>`, prec: 0 as const }
            : text;
        });
        // An object member with no member and no index signature (`{}`: only read-only properties
        // in a request, or `additionalProperties: false` beside a union, the pydantic way) adds
        // nothing to the other members; alone, it is an object of its own kind.
        const members = printed.filter((p) => p.text !== 'unknown' && p.text !== '{}');
        const empty = kept.find(
          (member, i) => member.kind === 'object' && printed[i]?.text === '{}',
        );
        if (members.length === 0 && !looseUnion && empty?.kind === 'object')
          return { text: emptyObjectType(empty), prec: 0 };
        if (looseUnion)
          members.unshift(union(loose.map((member) => this.print(member, mode, eager))));
        return intersection(members);
      }
    }
  }

  private array(node: SchemaNode & { kind: 'array' }, mode: Mode): Printed {
    const items = node.items === undefined ? UNKNOWN : this.print(node.items, mode, false);
    if (node.prefixItems.length === 0) return { text: `${wrap(items, 0)}[]`, prec: 0 };
    // `maxItems` closes the tuple: no position past it can hold an item.
    const { maxItems = Infinity } = node;
    const prefix = node.prefixItems.slice(0, maxItems);
    const required = Math.min(node.minItems ?? 0, prefix.length);
    const elements = prefix.map((item, i) => {
      const printed = this.print(item, mode, false);
      return i < required ? printed.text : `${wrap(printed, 0)}?`;
    });
    const more = node.items === undefined || node.items.kind !== 'never' || node.items.nullable;
    if (more && maxItems > prefix.length) elements.push(`...${wrap(items, 0)}[]`);
    return { text: `[${elements.join(', ')}]`, prec: 0 };
  }

  private union(node: UnionNode, mode: Mode, eager: boolean): Printed {
    const { discriminator } = node;
    return union(
      node.variants.map((variant) => {
        const printed = this.print(variant, mode, eager);
        if (discriminator === undefined || variant.kind !== 'ref') return printed;
        let values = discriminator.mapping
          .filter((entry) => entry.target === variant.target)
          .map((entry) => entry.value);
        // A variant whose own enum fixes the property to mapped values needs nothing more; one
        // whose enum has others (`kind: cat | kitty`, mapped `cat`) is narrowed to the mapped ones,
        // as the guard narrows it; one whose enum has none of them fits no value either way.
        const own = this.fixes(variant.target, discriminator.propertyName);
        if (own !== undefined) values = values.filter((value) => own.includes(value));
        if (
          values.length === 0 ||
          (own !== undefined && own.every((value) => values.includes(value as string))) ||
          !this.mayBeObject(variant.target)
        )
          return printed;
        const property = propertyKey(discriminator.propertyName);
        const literals = union(values.map((value) => ({ text: stringLiteral(value), prec: 0 })));
        return intersection([printed, { text: `{ ${property}: ${literals.text} }`, prec: 0 }]);
      }),
    );
  }

  /**
   * Whether a value of the named schema can be an object, the only kind a discriminator property
   * sits on: GitHub's contents union maps `array` to a schema of `type: array`, and an array with
   * `& { type: 'array' }` would fit no value.
   */
  private mayBeObject(target: string, seen = new Set<string>()): boolean {
    if (seen.has(target)) return true;
    seen.add(target);
    const node = this.byName.get(target)?.node;
    if (node === undefined) return true;
    switch (node.kind) {
      case 'array':
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
      case 'never':
        return false;
      case 'enum':
        return node.values.some(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
        );
      case 'ref':
        return this.mayBeObject(node.target, seen);
      default:
        return true;
    }
  }

  /**
   * The values the named schema's own `enum` or `const` allows `property` (through allOf and
   * refs; the first such declaration), or undefined when it has none.
   */
  private fixes(
    target: string,
    property: string,
    seen = new Set<string>(),
  ): readonly JsonValue[] | undefined {
    if (seen.has(target)) return undefined;
    seen.add(target);
    const visit = (node: SchemaNode): readonly JsonValue[] | undefined => {
      switch (node.kind) {
        case 'object': {
          const found = node.properties.find((p) => p.name === property);
          return found?.node.kind === 'enum' ? found.node.values : undefined;
        }
        case 'allOf':
          for (const member of node.members) {
            const values = visit(member);
            if (values !== undefined) return values;
          }
          return undefined;
        case 'ref':
          return this.fixes(node.target, property, seen);
        default:
          return undefined;
      }
    };
    const schema = this.byName.get(target);
    return schema === undefined ? undefined : visit(schema.node);
  }
}

type JsonType = 'object' | 'string' | 'number' | 'boolean';
type Lookup = (name: string) => SchemaNode | undefined;

/** A node through its `$ref`s (at most a few: a longer chain is read as unknown). */
function resolved(node: SchemaNode, lookup: Lookup): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let i = 0; i < 8 && current?.kind === 'ref'; i++) current = lookup(current.target);
  return current?.kind === 'ref' ? undefined : current;
}

/** The one JSON type every value of a node has, or undefined (null allowed, a union, unknown). */
function jsonTypeOf(node: SchemaNode, lookup: Lookup): JsonType | 'array' | 'null' | undefined {
  const target = resolved(node, lookup);
  if (target === undefined || (target.nullable && target.kind !== 'null')) return undefined;
  switch (target.kind) {
    case 'object':
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
    case 'null':
      return target.kind;
    case 'enum': {
      const types = new Set(
        target.values.map((value) =>
          value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value,
        ),
      );
      const [type] = types;
      return types.size === 1 && type !== 'bigint'
        ? (type as JsonType | 'array' | 'null')
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The JSON type the allOf's members other than unions all have (`object` for `{type: object}`
 * beside a `$ref` to a union), or undefined when they name none or several. Arrays are left out:
 * TypeScript's `object` holds them too.
 */
function singleJsonType(members: readonly SchemaNode[], lookup: Lookup): JsonType | undefined {
  const types = new Set<string>();
  for (const member of members) {
    if (resolved(member, lookup)?.kind === 'union') continue;
    const type = jsonTypeOf(member, lookup);
    if (type !== undefined) types.add(type);
  }
  const [type] = types;
  return types.size === 1 && type !== 'array' && type !== 'null' ? (type as JsonType) : undefined;
}

/**
 * Whether a member is a union (inline or named) with variants of `type` and of other, known
 * types: `Extract<…, type>` then says what the allOf allows. A variant of unknown type (`{}`, an
 * `allOf`) leaves the union as it is, as does one with no variant of `type` (no value is valid,
 * which model/allof-types.ts warns about).
 */
function narrowsUnion(member: SchemaNode, type: JsonType, lookup: Lookup): boolean {
  const union = resolved(member, lookup);
  if (union?.kind !== 'union') return false;
  const types = union.variants.map((variant) => jsonTypeOf(variant, lookup));
  if (types.some((t) => t === undefined)) return false;
  const other = types.some((t) => t !== type) || union.nullable;
  return other && types.includes(type);
}

/**
 * The members of an allOf without those that only say "an object" (`type: object` beside
 * `allOf`/`oneOf`): as `{ [key: string]: unknown }` in an intersection they would only hide the
 * other members' properties from `keyof`, and the other members say more.
 */
function isPrimitive(node: SchemaNode): boolean {
  return (
    !node.nullable && (node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean')
  );
}

/**
 * The type of an object that has no member and no index signature in its type literal: one whose
 * properties are all read-only, in a request, is `object` (any object: a value read from a response
 * may be sent back as it is); one that allows no property at all (`additionalProperties: false`
 * and no `properties`) is `Record<string, never>`, as openapi-typescript writes it. Either refuses
 * a string or a number, which `{}` would accept.
 */
function emptyObjectType(node: ObjectNode): string {
  return node.properties.length > 0 ||
    (node.conditionalProperties ?? []).length > 0 ||
    node.requiredWithoutSchema.length > 0
    ? 'object'
    : 'Record<string, never>';
}

/** A type literal from members and an index signature type. */
export function literal(members: readonly Member[], index: string | undefined): string {
  const lines = members.map(
    (m) => `${docComment(m.docs)}${m.key}${m.optional ? '?' : ''}: ${m.type};`,
  );
  if (index !== undefined) lines.push(`[key: string]: ${index};`);
  if (lines.length === 0) return '{}';
  // Without the member's `;`, as prettier writes a type literal on one line.
  if (lines.length === 1 && !lines[0]!.includes('\n')) return `{ ${lines[0]!.slice(0, -1)} }`;
  return `{\n${lines.map(indent).join('\n')}\n}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

function wrap(printed: Printed, max: Precedence): string {
  return printed.prec > max ? `(${printed.text})` : printed.text;
}

/**
 * `A | B`, flattened (a part that is a union gives its members) and without repeats: an index
 * signature's `string | Level | string | null` is `string | Level | null`; `unknown` absorbs
 * everything, `never` disappears.
 */
function union(parts: readonly Printed[]): Printed {
  // A set, not `texts.includes`: an enum of 200,000 members took minutes, each compared with all before it.
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const part of parts) {
    for (const text of part.prec === 2 ? unionMembers(part.text) : [part.text]) {
      if (text === 'unknown') return UNKNOWN;
      if (text !== 'never' && !seen.has(text)) {
        seen.add(text);
        texts.push(text);
      }
    }
  }
  if (texts.length === 0) return { text: 'never', prec: 0 };
  if (texts.length > 1) return { text: texts.join(' | '), prec: 2 };
  const [only] = texts as [string];
  return parts.find((p) => p.text === only) ?? { text: only, prec: 1 };
}

/**
 * The members of a printed union, split at its top-level ` | ` (not one inside brackets, braces,
 * parentheses or a string literal): `'a | b' | { x: A | B }` → `'a | b'`, `{ x: A | B }`.
 */
function unionMembers(text: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote !== undefined) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if ('([{<'.includes(char)) depth++;
    else if (')]}>'.includes(char) && text[i - 1] !== '=') depth--;
    else if (depth === 0 && text.startsWith(' | ', i)) {
      members.push(text.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  members.push(text.slice(start));
  return members;
}

/** `A & B`, each type once (`string & string` is `string`); an empty intersection is `unknown`. */
function intersection(all: readonly Printed[]): Printed {
  const parts = all.filter((part, i) => all.findIndex((p) => p.text === part.text) === i);
  const [only] = parts;
  if (parts.length === 0 || only === undefined) return UNKNOWN;
  if (parts.length === 1) return only;
  return { text: parts.map((p) => wrap(p, 1)).join(' & '), prec: 1 };
}

/** The literal type of a JSON value: `'a'`, `1`, `true`, `null`, `[1, 2]`, `{ a: 1 }`. */
function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(jsonType).join(', ')}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${propertyKey(key)}: ${jsonType(item)}`,
  );
  return entries.length === 0 ? 'Record<string, never>' : `{ ${entries.join('; ')} }`;
}

/** 64-bit integer formats (OpenAPI's format registry): wider than a number holds exactly. */
const WIDE_INTEGERS = new Set(['int64', 'uint64']);

/** The node, or its array items, is a number of a 64-bit integer format without a bound within 2^53. */
function holdsWideIntegers(node: SchemaNode): boolean {
  const target = node.kind === 'array' && node.items !== undefined ? node.items : node;
  if (target.kind !== 'number' || !WIDE_INTEGERS.has(target.format ?? '')) return false;
  const safe = Number.MAX_SAFE_INTEGER;
  const bounded =
    target.maximum !== undefined &&
    target.maximum.value <= safe &&
    target.minimum !== undefined &&
    target.minimum.value >= -safe;
  return !bounded;
}

function wideFormat(node: SchemaNode): string {
  const target = node.kind === 'array' && node.items !== undefined ? node.items : node;
  return target.format ?? '';
}
