/**
 * The normalised JSON Schema model, built by `build-schema.ts`. Types only.
 *
 * Every OpenAPI 3.0 / 3.1 difference is settled before a node exists, so emitters handle one shape
 * per `kind`:
 * - 3.0 `nullable: true` and a 3.1 `'null'` in a type array both become `nullable: true` (see
 *   {@link NodeBase.nullable} for the one case where `'null'` stays a type);
 * - `exclusiveMinimum`/`exclusiveMaximum` as 3.0 booleans or 3.1 numbers become one {@link Bound};
 * - `const` becomes a one-value {@link EnumNode};
 * - a schema object that mixes keywords (`type: object` + `allOf` + `oneOf`) becomes an
 *   {@link AllOfNode} of one node per concern; a type array becomes a {@link UnionNode} of typed nodes;
 * - `$ref` becomes a {@link RefNode} naming the component's safe type name; 3.1 `$ref` siblings
 *   that assert something become `allOf: [ref, siblings]` (3.0 ignores them, as its spec says).
 */

/** A JSON value, as in `enum`, `const`, `default` and examples. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** JSON Schema type names; `integer` is a number without a fractional part. */
export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';

export type SchemaNode =
  | AnyNode
  | NeverNode
  | RefNode
  | EnumNode
  | NullNode
  | BooleanNode
  | StringNode
  | NumberNode
  | ArrayNode
  | ObjectNode
  | UnionNode
  | AllOfNode
  | NotNode;

/** What every node carries: where it came from, nullability and the annotation keywords. */
export interface NodeBase {
  /** JSON pointer of the schema object this node was built from, e.g. `#/components/schemas/Plan`. */
  pointer: string;
  /**
   * `null` is valid, checked before anything else (`null | <this node>`). Set for 3.0
   * `nullable: true` and for a 3.1 type array with `'null'` beside other types. Two cases keep
   * JSON Schema's exact meaning instead: with `enum`/`const`, null is valid only when listed (it
   * becomes a value of the {@link EnumNode}); with a type array plus `allOf`/`anyOf`/`oneOf`/`not` on
   * the same schema, `'null'` stays a {@link NullNode} variant and the composition applies to null too.
   */
  nullable: boolean;
  title?: string;
  description?: string;
  deprecated: boolean;
  /** Sent by the server only (`readOnly: true`). */
  readOnly: boolean;
  /** Sent by the client only (`writeOnly: true`). */
  writeOnly: boolean;
  /**
   * An `allOf` member the types leave out: past the combinations of union variants TypeScript
   * spells out (union-product.ts). The guards check it.
   */
  leftOutOfType?: true;
  /** `format` is recorded, never enforced by the guards. */
  format?: string;
  /** A string of raw bytes (media-types.ts `isBinaryString`): a `Blob` in the types. */
  binary?: true;
  /**
   * `contentMediaType` (3.1) without a `contentEncoding`: the media type of the string's content as
   * it is sent; a multipart part's `Content-Type` where its Encoding Object names none
   * (build-bodies.ts `partDefaults`).
   */
  contentMediaType?: string;
  default?: JsonValue;
  /** `example` (3.0) and `examples` (3.1) as one list. */
  examples?: JsonValue[];
  /** `x-*` keywords on this schema object, e.g. `{ 'x-preview': true }`. */
  extensions?: Record<string, JsonValue>;
}

/** `{}` or `true`: any value. */
export interface AnyNode extends NodeBase {
  kind: 'any';
}

/** `false` (or an empty `enum`/`type` list): no value. */
export interface NeverNode extends NodeBase {
  kind: 'never';
}

/** `$ref: '#/components/schemas/<originalName>'`. */
export interface RefNode extends NodeBase {
  kind: 'ref';
  /** The named schema's safe type name (`NamedSchema.name`). */
  target: string;
  /** The `components.schemas` key. */
  originalName: string;
}

/** `enum` or `const`: one of these exact JSON values (deep equality for arrays and objects). */
export interface EnumNode extends NodeBase {
  kind: 'enum';
  values: JsonValue[];
  /** True when it came from `const`. */
  isConst: boolean;
}

export interface NullNode extends NodeBase {
  kind: 'null';
}

export interface BooleanNode extends NodeBase {
  kind: 'boolean';
}

/**
 * `loose` on a typed node: the schema gave no `type`, only keywords of this type
 * (`{ minLength: 1 }`), so values of other JSON types pass, as in JSON Schema.
 */
export interface StringNode extends NodeBase {
  kind: 'string';
  loose: boolean;
  /** In code points, as JSON Schema counts. */
  minLength?: number;
  maxLength?: number;
  pattern?: RegexModel;
}

export interface NumberNode extends NodeBase {
  kind: 'number';
  /** `type: integer`. */
  integer: boolean;
  loose: boolean;
  minimum?: Bound;
  maximum?: Bound;
  multipleOf?: number;
}

/** The tighter of `minimum` and `exclusiveMinimum` (either spelling), or of the maxima. */
export interface Bound {
  value: number;
  exclusive: boolean;
}

export interface RegexModel {
  /** The `pattern` text as in the spec. */
  source: string;
  /** `u` when the pattern compiles as a unicode regex (always tried first), `''` otherwise. */
  flags: 'u' | '';
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  loose: boolean;
  /** `prefixItems` (3.1): schemas for the first items, by position. */
  prefixItems: SchemaNode[];
  /**
   * `items`: the schema for every item after `prefixItems`; undefined means any. With
   * `unevaluatedItems` and no `items`: the unevaluatedItems schema, after the positions the
   * `prefixItems` of combined schemas evaluate (added to `prefixItems` as any values).
   */
  items?: SchemaNode;
  /**
   * `unevaluatedItems` when which items it judges depends on the value: when the `anyOf`/`oneOf`
   * branches (or `if`, `dependentSchemas`) combined with the array evaluate different items, as
   * only the subschemas that apply (pass) evaluate any (JSON Schema 2020-12 §11.2). Judges the
   * items after those `evaluatedItems` counts. Otherwise it is folded into `prefixItems`/`items`.
   */
  unevaluatedItems?: SchemaNode;
  /** With {@link unevaluatedItems}: how many leading items the schemas that apply evaluate. */
  evaluatedItems?: EvaluatedItems;
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  loose: boolean;
  /** `properties`, in spec order, with `required` folded in. */
  properties: PropertyNode[];
  /** Keys listed in `required` that have no entry in `properties`. */
  requiredWithoutSchema: string[];
  /**
   * Properties only `then`/`else` (beside `if`) or `dependentSchemas` declare, not `properties`:
   * for the types, optional (unless `required` lists them). The guards do not read them: they
   * check those subschemas where they apply (conditional-schemas.ts).
   */
  conditionalProperties?: PropertyNode[];
  /**
   * `additionalProperties`: undefined when absent (extra properties are accepted), an
   * {@link AnyNode} for `true`/`{}`, a {@link NeverNode} for `false`, or the schema.
   */
  additionalProperties?: SchemaNode;
  patternProperties: { pattern: RegexModel; node: SchemaNode }[];
  /**
   * `unevaluatedProperties` (JSON Schema 2019-09 and later): the schema for the keys that neither
   * this object nor the schemas combined with it declare; those are listed in `evaluated`.
   * Undefined when absent, and when `additionalProperties` (here or in a combined schema) already
   * evaluates every key.
   */
  unevaluatedProperties?: SchemaNode;
  /**
   * With `unevaluatedProperties`: the `properties` names and `patternProperties` patterns of this
   * schema object and of every schema that applies to the value whenever it does (`allOf`,
   * `$ref`, at any depth); `conditional` holds those of the schemas that apply only sometimes
   * (`anyOf`/`oneOf` branches that pass, `then`/`else`, `dependentSchemas`), when they differ.
   */
  evaluated?: EvaluatedKeys;
  propertyNames?: SchemaNode;
  minProperties?: number;
  maxProperties?: number;
}

/**
 * When the annotations of a subschema count for `unevaluatedProperties`/`unevaluatedItems` (JSON
 * Schema 2020-12 §11.3: only those of subschemas that pass): when `passes` accepts the value (an
 * `anyOf`/`oneOf` branch, `if` with `then`), when `fails` refuses it (`if`, for `else`), or when
 * the object has property `has` (`dependentSchemas`).
 */
export type EvaluatedWhen = { passes: SchemaNode } | { fails: SchemaNode } | { has: string };

/** What some schemas evaluate of an object's keys: see {@link ObjectNode.evaluated}. */
export interface EvaluatedKeys {
  names: string[];
  patterns: RegexModel[];
  /** Keys evaluated only when a condition holds; `all` for every key (`additionalProperties`). */
  conditional?: { when: EvaluatedWhen; evaluated: EvaluatedKeys | 'all' }[];
}

/** What some schemas evaluate of an array's items: its first `count` items, and more by condition. */
export interface EvaluatedItems {
  count: number;
  /** Items evaluated only when a condition holds; `all` for every item (`items`). */
  conditional?: { when: EvaluatedWhen; evaluated: EvaluatedItems | 'all' }[];
}

export interface PropertyNode {
  /** The key on the wire, exactly as in the spec (may hold dots, quotes, anything). */
  name: string;
  /** Listed in `required`. (Guards do not require writeOnly properties in responses.) */
  required: boolean;
  node: SchemaNode;
}

/** `anyOf`, `oneOf`, or a type array (`type: [string, integer]`, which is an `anyOf`). */
export interface UnionNode extends NodeBase {
  kind: 'union';
  /** `oneOf` means exactly one variant matches. */
  mode: 'anyOf' | 'oneOf';
  variants: SchemaNode[];
  /**
   * Set when the schema has a `discriminator` and every variant that can hold an object is a
   * {@link RefNode} (see `build-discriminator.ts`); otherwise the discriminator is only an
   * annotation and plain anyOf/oneOf checks decide.
   */
  discriminator?: DiscriminatorModel;
}

export interface DiscriminatorModel {
  /** The property that names the variant, e.g. `type`. */
  propertyName: string;
  /**
   * Explicit `mapping` entries first, then each unmapped variant by the values it pins the
   * property to (`const`/`enum`, also through `allOf`), else by its components key.
   */
  mapping: { value: string; target: string }[];
}

/** All members must match. */
export interface AllOfNode extends NodeBase {
  kind: 'allOf';
  members: SchemaNode[];
}

export interface NotNode extends NodeBase {
  kind: 'not';
  node: SchemaNode;
  /**
   * Set on the `not` a conditional assertion is read as (conditional-schemas.ts): what a value
   * that fails it lacks, for the guards' messages (`the \`then\` schema, as it matches \`if\``).
   */
  reason?: string;
}
