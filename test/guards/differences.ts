/**
 * Every deliberate difference between the generated guards and the reference validator (ajv:
 * draft 2020-12 for OpenAPI 3.1, draft-07 plus `nullable` for 3.0) — the one list, with the reason
 * for each, how the reference used by the differential test is adapted to decide like the guards,
 * and a witness: a schema and a value on which the guards and a plain ajv set-up disagree.
 * `differences.test.ts` checks that every witness still disagrees (so no entry outlives its
 * reason) and that the adapted reference agrees with the guards on it.
 *
 * The decisions themselves live in the generator: `generator/model/build-schema*.ts` (nullable,
 * regexes), `generator/model/patterns.ts` (unsafe patterns), `generator/emit/guards/properties.ts` (readOnly/writeOnly), `check.ts` (discriminator)
 * and `conditions.ts` (own properties, multipleOf) beside it, and the module comment of every
 * generated guards file.
 *
 * Not differences (the guards and ajv agree, and the differential run checks it): readOnly
 * properties are checked like any other (responses carry them); string lengths count code points;
 * `uniqueItems` and `enum` compare by JSON equality; a discriminator beside inline object variants
 * is an annotation; in 3.0 the siblings of `$ref` are ignored, in 3.1 they apply; a 3.0 nullable
 * enum or const accepts null only when null is listed, as OpenAPI 3.0.3 says of `nullable` ("A
 * true value adds "null" to the allowed types specified by the type keyword, only if type is
 * explicitly defined within the same Schema Object. Other Schema Object constraints retain their
 * defined behavior, and therefore may disallow the use of null as a value.") and as ajv decides.
 */
import type { Options } from 'ajv';
import { isRecord } from '../../generator/json.ts';
import { mapComponentSchemas, type RawSchema } from '../helpers/schema-walk.ts';
import { componentKey as modelComponentKey } from '../../generator/pointer.ts';
import { isAnnotationKeyword } from '../../generator/model/schema-keywords.ts';
import { refusesNull } from '../../generator/model/null-beside-union.ts';
import { patternEngine } from '../../generator/model/patterns.ts';
import { patternRegex } from '../../generator/model/schema-values.ts';
import { MAX_DEPTH } from '../../templates/guards/runtime.ts';

export type OpenApiVersion = '3.0' | '3.1';

/**
 * ajv's verdict on a witness: valid or not, `refuses` when it will not compile the schema, `throws`
 * when its validation function throws a TypeError on the value, `overflows` when it exhausts the
 * call stack (a RangeError).
 */
export type PlainVerdict = boolean | 'refuses' | 'throws' | 'overflows';

export interface Witness {
  version: OpenApiVersion;
  /** `components.schemas` of a one-file document. */
  schemas: RawSchema;
  /** The components key checked. */
  schema: string;
  /** A JavaScript value (`json` for one only JSON.parse can make, like an own `__proto__` key). */
  value?: unknown;
  json?: string;
  /** What the guards decide. */
  guard: boolean;
  /** What a plain ajv set-up decides (see `plainReference` in reference.ts). */
  plain: PlainVerdict;
}

/** How the differential run's reference is brought in line with the guards. */
export interface Adaptation {
  /** ajv options. */
  options?: Options;
  /** Rewrites `components` before ajv sees it (OpenAPI spelling, before the draft-07 translation). */
  components?: (components: RawSchema, version: OpenApiVersion) => RawSchema;
  /** Changes the ajv instance after it is made. */
  ajv?: (ajv: AjvLike) => void;
  /** Rewrites a value before ajv checks it. */
  value?: (value: unknown) => unknown;
}

/** The part of ajv's API the adaptations use. */
export interface AjvLike {
  removeKeyword(keyword: string): unknown;
  addKeyword(definition: {
    keyword: string;
    type: 'number';
    schemaType: 'number';
    validate: (schema: number, data: number) => boolean;
  }): unknown;
}

export interface Difference {
  id: DifferenceId;
  /** What the guards do. */
  summary: string;
  /** Why they do it. */
  why: string;
  /** How the differential reference is adapted (or why the run never meets the difference). */
  reference: string;
  /** Undefined when the run never generates such values (see `reference`). */
  adapt?: Adaptation;
  witnesses: Witness[];
}

export type DifferenceId =
  | 'format'
  | 'multiple-of'
  | 'discriminator'
  | 'write-only'
  | 'inherited-keys'
  | 'proto-key'
  | 'equality-keys'
  | 'nullable-composition'
  | 'pattern-fallback'
  | 'non-json'
  | 'nesting-limit'
  | 'contains-evaluates'
  | 'enum-outside-type'
  | 'null-beside-union'
  | 'unsafe-pattern';

/** Appended to the keys the reference renames (see proto-key and equality-keys). */
const RENAMED = ' (renamed)';
const EQUALITY_KEYS = ['toString', 'valueOf'];
/** Object.prototype's members but those renamed by proto-key and equality-keys already. */
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).filter(
  (key) => key !== '__proto__' && !EQUALITY_KEYS.includes(key),
);

export const DIFFERENCES: readonly Difference[] = [
  {
    id: 'format',
    summary: '`format` (date-time, email, uri, …) is not checked: it documents the value.',
    why:
      'JSON Schema 2020-12 makes formats annotations unless a validator opts in. Servers send ' +
      'values in formats a spec only hints at, and rejecting a whole response over an unusual ' +
      'e-mail address does more harm than good. The dates helpers parse date-time values when asked.',
    reference: 'ajv runs with validateFormats: false.',
    adapt: { options: { validateFormats: false } },
    witnesses: [
      {
        version: '3.1',
        schemas: { When: { type: 'string', format: 'date-time' } },
        schema: 'When',
        value: 'next tuesday',
        guard: true,
        plain: false,
      },
    ],
  },
  {
    id: 'multiple-of',
    summary:
      '`multipleOf` is exact for an integer divisor and tolerates binary floating point for a ' +
      'decimal one: v is a multiple of d when v/d is within 4·ε·max(1, |v/d|) of an integer.',
    why:
      'To a reader of the spec 19.99 is a multiple of 0.01, but 19.99 / 0.01 is ' +
      '1998.9999999999998 in binary floating point, so ajv rejects it (its multipleOfPrecision ' +
      'option is an absolute tolerance, too loose for small quotients and too tight for large ' +
      'ones). For integer divisors the remainder is exact, where ajv divides and loses the ' +
      'fraction above 2^53: it takes 3e20 for a multiple of 7.',
    reference: 'ajv’s multipleOf keyword is replaced by this rule (see referenceMultipleOf).',
    adapt: {
      ajv: (ajv) => {
        ajv.removeKeyword('multipleOf');
        ajv.addKeyword({
          keyword: 'multipleOf',
          type: 'number',
          schemaType: 'number',
          validate: (divisor, value) => referenceMultipleOf(value, divisor),
        });
      },
    },
    witnesses: [
      {
        version: '3.1',
        schemas: { Cents: { type: 'number', multipleOf: 0.01 } },
        schema: 'Cents',
        value: 19.99,
        guard: true,
        plain: false,
      },
      {
        version: '3.1',
        schemas: { Sevens: { type: 'integer', multipleOf: 7 } },
        schema: 'Sevens',
        value: 3e20,
        guard: false,
        plain: true,
      },
    ],
  },
  {
    id: 'discriminator',
    summary:
      'With a `discriminator` over `$ref` variants (beside variants that cannot hold an object, ' +
      'like `type: null`), the discriminator property’s value picks the one variant to check: an ' +
      'explicit `mapping` entry, else the value the variant pins the property to (`const`, or an ' +
      '`enum` of strings, also through `allOf`), else the variant’s components key. An unknown or ' +
      'missing value fails. Beside inline object variants, or without oneOf/anyOf (an allOf ' +
      'parent), the discriminator is an annotation.',
    why:
      'That is what an OpenAPI discriminator means (3.1.1 §4.8.25) and what the generated types ' +
      'say, and it is how ajv’s own `discriminator: true` reads pinned variants. Plain oneOf ' +
      'rejects a value that matches two variants although its discriminator names one, and ' +
      'accepts one whose discriminator names a variant it does not match.',
    reference:
      'each such union becomes `if: {type: object}, then: <dispatch>, else:` the union as it was. ' +
      'The dispatch is ajv’s own discriminator keyword (option `discriminator: true`) wherever ' +
      'ajv supports the form (oneOf, no mapping, `properties.<name>` with a `const` or `enum` in ' +
      'each variant); elsewhere an anyOf of one branch per value (`required` + `const` on the ' +
      'property, `allOf: [$ref]` of the target). Other discriminators are dropped.',
    adapt: {
      options: { discriminator: true },
      components: (components, version) => rewriteDiscriminators(components, version),
    },
    witnesses: [
      {
        version: '3.1',
        schemas: {
          Shape: {
            oneOf: [
              { $ref: '#/components/schemas/Circle' },
              { $ref: '#/components/schemas/Square' },
            ],
            discriminator: { propertyName: 'kind' },
          },
          Circle: {
            type: 'object',
            required: ['kind', 'radius'],
            properties: { kind: { type: 'string' }, radius: { type: 'number' } },
          },
          Square: {
            type: 'object',
            required: ['kind', 'side'],
            properties: { kind: { type: 'string' }, side: { type: 'number' } },
          },
        },
        schema: 'Shape',
        value: { kind: 'Circle', radius: 1, side: 2 },
        guard: true,
        plain: false,
      },
      {
        version: '3.1',
        schemas: {
          Vehicle: {
            oneOf: [{ $ref: '#/components/schemas/Van' }, { $ref: '#/components/schemas/Cart' }],
            discriminator: { propertyName: 'kind' },
          },
          Van: {
            type: 'object',
            required: ['kind', 'seats'],
            properties: { kind: { enum: ['van', 'minivan'] }, seats: { type: 'integer' } },
          },
          Cart: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
        },
        schema: 'Vehicle',
        value: { kind: 'van', seats: 2 },
        guard: true,
        plain: false,
      },
    ],
  },
  {
    id: 'write-only',
    summary:
      'A required `writeOnly` property is not required (the guards check responses); when ' +
      'present it is checked.',
    why:
      'OpenAPI 3.x: a writeOnly property in `required` is required in requests only, and ' +
      'servers never send it. (readOnly properties are sent in responses, so the guards check ' +
      'them like any other property: no difference there.)',
    reference:
      'a property whose schema has writeOnly: true, or is a $ref to a component schema that ' +
      'has, is taken out of `required`.',
    adapt: { components: (components) => dropWriteOnlyRequired(components) },
    witnesses: [
      {
        version: '3.1',
        schemas: {
          Account: {
            type: 'object',
            required: ['id', 'password'],
            properties: {
              id: { type: 'string', readOnly: true },
              password: { type: 'string', writeOnly: true, minLength: 8 },
            },
          },
        },
        schema: 'Account',
        value: { id: 'a' },
        guard: true,
        plain: false,
      },
    ],
  },
  {
    id: 'inherited-keys',
    summary:
      'A property named like a member of Object.prototype (`constructor`, `toString`) is absent ' +
      'unless the value has it as its own property.',
    why:
      'JSON objects have only their own keys. Plain ajv reads `data.toString` and finds the ' +
      'inherited function; its ownProperties option fixes that.',
    reference:
      'ajv runs with ownProperties: true. With it, ajv takes a key named like an ' +
      'Object.prototype member (`constructor`) for one `unevaluatedProperties` need not judge ' +
      `(it looks the key up in a plain object of evaluated keys), so those keys are renamed like \`__proto__\` (with "\${RENAMED}").`,
    adapt: {
      options: { ownProperties: true },
      components: (components) => renameKeysInSchemas(components, PROTOTYPE_KEYS),
      value: (value) => renameKeys(value, PROTOTYPE_KEYS),
    },
    witnesses: [
      {
        version: '3.1',
        schemas: { Named: { type: 'object', properties: { toString: { type: 'string' } } } },
        schema: 'Named',
        value: {},
        guard: true,
        plain: false,
      },
    ],
  },
  {
    id: 'proto-key',
    summary: 'A property named `__proto__` is checked like any other.',
    why:
      'JSON.parse makes `__proto__` an ordinary own key. ajv leaves `__proto__` out of ' +
      '`properties` (its generated code guards against prototype pollution), so a wrong value ' +
      'there passes it.',
    reference: `\`__proto__\` keys are renamed to "__proto__${RENAMED}" in the schemas (properties, required, discriminators, enum and const values) and in every value.`,
    adapt: {
      components: (components) => renameKeysInSchemas(components, ['__proto__']),
      value: (value) => renameKeys(value, ['__proto__']),
    },
    witnesses: [
      {
        version: '3.1',
        // JSON.parse: in an object literal, `__proto__` would set the prototype.
        schemas: JSON.parse(
          '{"Proto": {"type": "object", "properties": {"__proto__": {"type": "integer"}}}}',
        ) as RawSchema,
        schema: 'Proto',
        json: '{"__proto__": "1"}',
        guard: false,
        plain: true,
      },
    ],
  },
  {
    id: 'equality-keys',
    summary:
      'Objects with a `toString` or `valueOf` key compare by their keys and values in `enum`, ' +
      '`const` and `uniqueItems`, like any other object.',
    why:
      'ajv compares with fast-deep-equal, which calls `valueOf()` and `toString()` when an ' +
      'object has its own: on a JSON object, where they are strings or numbers, it throws a ' +
      'TypeError instead of deciding.',
    reference: `\`toString\` and \`valueOf\` keys are renamed like \`__proto__\` (with "${RENAMED}").`,
    adapt: {
      components: (components) => renameKeysInSchemas(components, EQUALITY_KEYS),
      value: (value) => renameKeys(value, EQUALITY_KEYS),
    },
    witnesses: [
      {
        version: '3.1',
        schemas: { Fixed: { const: { toString: 'x' } } },
        schema: 'Fixed',
        json: '{"toString": "x"}',
        guard: true,
        plain: 'throws',
      },
      {
        version: '3.1',
        schemas: { Distinct: { type: 'array', uniqueItems: true } },
        schema: 'Distinct',
        json: '[{"valueOf": 1}, {"valueOf": 2}]',
        guard: true,
        plain: 'throws',
      },
    ],
  },
  {
    id: 'nullable-composition',
    summary:
      'OpenAPI 3.0: `nullable: true` beside allOf/anyOf/oneOf/not, with or without `type` (as ' +
      'GitHub’s spec and many others write a nullable `$ref`), accepts null; beside enum or ' +
      'const, null must be listed, as the 3.0.3 text says.',
    why:
      'OpenAPI 3.0.3 lets nullable add null to an explicit `type` only, and other keywords keep ' +
      'their meaning, so to the letter `{nullable: true, allOf: [{$ref: Pet}]}` rejects null ' +
      '(the referenced schema does) and without `type` the keyword does nothing at all. But 3.0 ' +
      'has no other way to make a `$ref` nullable, such schemas mean "Pet or null" (GitHub’s ' +
      'nullable-* schemas exist for nothing else), the generated types say `Pet | null`, and ' +
      'ajv refuses to compile the form without type. With enum or const the spec’s answer is ' +
      'kept: null is valid only when listed (ajv and the types agree).',
    reference:
      'a 3.0 schema with `nullable: true` and no enum/const becomes `anyOf: [{type: null}, ' +
      '<the schema without nullable>]` when it has no `type` or has allOf/anyOf/oneOf/not; in a ' +
      '3.1 document that writes `nullable` (honoured there), a `$ref` beside it too; ' +
      '`nullable: false` goes.',
    adapt: {
      components: (components, version) => nullableCompositionAsAnyOf(components, version),
    },
    witnesses: [
      {
        version: '3.1',
        schemas: {
          MaybeUser: { $ref: '#/components/schemas/User', nullable: true },
          User: { type: 'object', required: ['login'], properties: { login: { type: 'string' } } },
        },
        schema: 'MaybeUser',
        value: null,
        guard: true,
        plain: 'refuses',
      },
      {
        version: '3.0',
        schemas: {
          MaybeUser: { nullable: true, allOf: [{ $ref: '#/components/schemas/User' }] },
          User: { type: 'object', required: ['login'], properties: { login: { type: 'string' } } },
        },
        schema: 'MaybeUser',
        value: null,
        guard: true,
        plain: 'refuses',
      },
      {
        version: '3.0',
        schemas: {
          MaybeUser: {
            type: 'object',
            nullable: true,
            allOf: [{ $ref: '#/components/schemas/User' }],
          },
          User: { type: 'object', required: ['login'], properties: { login: { type: 'string' } } },
        },
        schema: 'MaybeUser',
        value: null,
        guard: true,
        plain: false,
      },
    ],
  },
  {
    id: 'pattern-fallback',
    summary:
      'A `pattern` that is not a valid regex in unicode mode is compiled without the u flag.',
    why:
      'Patterns are ECMA-262 regexes and 2020-12 wants unicode semantics, so the guards try the ' +
      'u flag first, as ajv does. Specs in the wild carry patterns written for non-unicode mode ' +
      '(escapes like `\\-` that u mode forbids); ajv refuses the whole schema, the guards check ' +
      'the pattern in the mode it compiles in. Unless it reads another dialect’s syntax there ' +
      '(`\\A`, `\\z`, `[[:alpha:]]`: the letter A, a class of `[:alph`): that one is not checked.',
    reference: 'ajv’s regExp engine tries the u flag, then none.',
    adapt: {
      options: {
        code: {
          // `code` names the engine in ajv's standalone output, which the reference never makes.
          regExp: Object.assign(
            (source: string, flags: string) => {
              try {
                return new RegExp(source, flags);
              } catch {
                return new RegExp(source, flags.replace('u', ''));
              }
            },
            { code: 'fallbackRegExp' },
          ),
        },
      },
    },
    witnesses: [
      {
        version: '3.1',
        schemas: { Negative: { type: 'string', pattern: '^\\-[0-9]+$' } },
        schema: 'Negative',
        value: '-12',
        guard: true,
        plain: 'refuses',
      },
    ],
  },
  {
    id: 'non-json',
    summary:
      'Only JSON values are valid: NaN and ±Infinity are not numbers, and `undefined` is not a ' +
      'value (a schema that accepts anything still rejects it).',
    why:
      'The guards check what JSON.parse produced or what JSON.stringify will send, which turns ' +
      'NaN into null and drops undefined; ajv checks JavaScript values and takes NaN for a number.',
    reference: 'not adapted: the differential run generates JSON values only.',
    witnesses: [
      {
        version: '3.1',
        schemas: { Amount: { type: 'number' } },
        schema: 'Amount',
        value: Number.NaN,
        guard: false,
        plain: true,
      },
      {
        version: '3.1',
        schemas: { Amount: { type: 'number' } },
        schema: 'Amount',
        value: Infinity,
        guard: false,
        plain: true,
      },
      {
        version: '3.1',
        schemas: { Anything: {} },
        schema: 'Anything',
        value: undefined,
        guard: false,
        plain: true,
      },
    ],
  },
  {
    id: 'nesting-limit',
    summary:
      `A value nested deeper than ${MAX_DEPTH} recursive guard calls, or a cyclic one, is invalid ` +
      '(validate reports "nested too deep" or "cyclic value"); so is any value of schemas that ' +
      'refer to each other without consuming it (`A: allOf: [B]`, `B: allOf: [A]`).',
    why:
      'A guard must answer, never overflow the stack or run forever (issue 11 item 14). ajv ' +
      'recurses as deep as the value goes and throws a RangeError past the stack, and loops ' +
      'forever on a cyclic value of a recursive schema. No JSON a server sends is cyclic or ' +
      'comes near the limit (MAX_DEPTH in the guards runtime).',
    reference: 'not adapted: the differential run generates values a few levels deep.',
    witnesses: [
      {
        version: '3.1',
        schemas: {
          Node: {
            type: 'object',
            properties: {
              children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
            },
          },
        },
        schema: 'Node',
        json: `${'{"children":['.repeat(5 * MAX_DEPTH)}{}${']}'.repeat(5 * MAX_DEPTH)}`,
        guard: false,
        plain: 'overflows',
      },
    ],
  },
  {
    id: 'contains-evaluates',
    summary:
      'An item `contains` matches is evaluated, and only that item: `unevaluatedItems` judges ' +
      'each other item (JSON Schema 2020-12 §10.3.1.3, §11.2).',
    why:
      'That is the specification. ajv (8.x) takes every item as evaluated once `contains` ' +
      'matches one, so it accepts `["s", true]` for `{ contains: string, unevaluatedItems: ' +
      'integer }`, whose `true` is neither.',
    reference: 'not adapted: the differential run generates no `contains` (arbitraries.ts).',
    witnesses: [
      {
        version: '3.1',
        schemas: {
          Mixed: {
            type: 'array',
            contains: { type: 'string' },
            unevaluatedItems: { type: 'integer' },
          },
        },
        schema: 'Mixed',
        value: ['s', true],
        guard: false,
        plain: true,
      },
    ],
  },
  {
    id: 'enum-outside-type',
    summary:
      'An `enum` or `const` none of whose values is of the schema’s `type` (`type: integer, ' +
      'enum: ["1", "2"]`) is read alone: the values are valid, `type` is ignored.',
    why:
      'By JSON Schema no value at all is valid there, which no type, guard or sample can express. ' +
      'The values were written on purpose and `type` rarely is (trakt.tv’s rating parameter, its ' +
      'example "9"), so the generator reads the enum alone, with a warning ' +
      '(`enum-outside-type`, generator/model/build-schema.ts).',
    reference: '`type` (and 3.0’s `nullable`) is removed where no enum or const value is of it.',
    adapt: {
      components: (components, version) =>
        mapComponentSchemas(components, (schema) => withoutTypeOutsideEnum(schema, version)),
    },
    witnesses: [
      {
        version: '3.1',
        schemas: { Rating: { type: 'integer', enum: ['1', '2'] } },
        schema: 'Rating',
        value: '1',
        guard: true,
        plain: false,
      },
      {
        version: '3.0',
        schemas: { Flag: { type: 'string', nullable: true, const: true } },
        schema: 'Flag',
        value: true,
        guard: true,
        plain: false,
      },
    ],
  },
  {
    id: 'null-beside-union',
    summary:
      '`type: "null"` beside an anyOf/oneOf whose variants all refuse null (`type: "null", ' +
      'oneOf: [string, number]`) accepts null or a value of a variant.',
    why:
      'By JSON Schema null fails the union and every other value fails `type`, so no value is ' +
      'valid, which the types printed `null & (string | number)`. It is what a converter makes of 3.0’s `nullable: true` beside a oneOf (Vercel, 17 ' +
      'places), which the guards read as null or a variant (nullable-composition): read so here ' +
      'too, with a warning (`null-beside-union`, generator/model/null-beside-union.ts).',
    reference: 'such a 3.1 schema becomes `anyOf: [{type: null}, <the schema without `type`>]`.',
    adapt: {
      components: (components, version) =>
        version === '3.1' ? nullBesideUnionAsAnyOf(components) : components,
    },
    witnesses: [
      {
        version: '3.1',
        schemas: { Id: { type: 'null', oneOf: [{ type: 'string' }, { type: 'number' }] } },
        schema: 'Id',
        value: 'team',
        guard: true,
        plain: false,
      },
    ],
  },
  {
    id: 'unsafe-pattern',
    summary:
      'A `pattern` JavaScript cannot compile (another dialect), or one that can take super-linear ' +
      'time on RegExp and that RE2 cannot express (backreferences, lookaround, repeats over 1,000, Unicode properties it lacks), is not checked; a ' +
      '`patternProperties` key pattern of that kind is taken to match any key.',
    why:
      'A guard must never hang or throw (issue 11 item 3): `(?<=x)(a+)+$` takes exponential time ' +
      'on RegExp, and re2js, which runs the other unsafe patterns in linear time, has no ' +
      'lookaround. ajv runs every pattern on RegExp (and can hang) and refuses a schema whose ' +
      'pattern does not compile. The generator warns for each (generator/model/patterns.ts).',
    reference: 'the patterns the guards leave out are removed from the schemas ajv sees.',
    adapt: {
      components: (components) => mapComponentSchemas(components, withoutUncheckedPatterns),
    },
    witnesses: [
      {
        version: '3.1',
        schemas: { Possessive: { type: 'string', pattern: '^a++$' } },
        schema: 'Possessive',
        value: 'b',
        guard: true,
        plain: 'refuses',
      },
      {
        version: '3.1',
        // Ruby's anchors: without the u flag JavaScript reads `\A` as the letter A.
        schemas: { Ruby: { type: 'string', pattern: '\\A[a-z]+\\z' } },
        schema: 'Ruby',
        value: 'abc',
        guard: true,
        plain: 'refuses',
      },
      {
        version: '3.1',
        schemas: { Lookbehind: { type: 'string', pattern: '(?<=x)(a+)+$' } },
        schema: 'Lookbehind',
        value: 'xab',
        guard: true,
        plain: false,
      },
      {
        version: '3.1',
        schemas: {
          Keys: {
            type: 'object',
            patternProperties: { '(?<=x)(a+)+$': { type: 'integer' } },
            additionalProperties: false,
          },
        },
        schema: 'Keys',
        value: { b: 1 },
        guard: true,
        plain: false,
      },
    ],
  },
];

/**
 * True when the guards leave a pattern out (generator/model/patterns.ts, default choice), the
 * pattern read as the model reads it: another dialect's (`\\A…\\z`) is not read without the u flag.
 */
function unchecked(source: string): boolean {
  return patternEngine(patternRegex(source), 're2js').engine === 'none';
}

/** A schema without the patterns the guards leave out (see unsafe-pattern). */
function withoutUncheckedPatterns(schema: RawSchema): RawSchema {
  const out: RawSchema = { ...schema };
  if (typeof out.pattern === 'string' && unchecked(out.pattern)) delete out.pattern;
  if (isRecord(out.patternProperties)) {
    const keys = Object.keys(out.patternProperties);
    if (keys.some(unchecked)) {
      out.patternProperties = Object.fromEntries(
        Object.entries(out.patternProperties).filter(([key]) => !unchecked(key)),
      );
      // Taken to match any key: additionalProperties judges none.
      delete out.additionalProperties;
    }
  }
  return out;
}

/** Whether `value` is of the JSON Schema type `type`. */
function ofType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return typeof value === type;
  }
}

/** A schema without its `type` where no value of its `enum` or `const` is of it (enum-outside-type). */
function withoutTypeOutsideEnum(schema: RawSchema, version: OpenApiVersion): RawSchema {
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : [];
  if (values.length === 0 || !('type' in schema)) return schema;
  const types: unknown[] = Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  if (version === '3.0' && schema.nullable === true) types.push('null');
  if (values.some((value) => types.some((type) => ofType(value, type)))) return schema;
  const out: RawSchema = { ...schema };
  delete out.type;
  delete out.nullable;
  return out;
}

/** The `multipleOf` rule of the guards, written out for the reference. */
function referenceMultipleOf(value: number, divisor: number): boolean {
  if (Number.isInteger(divisor)) return value % divisor === 0;
  const quotient = value / divisor;
  const distance = Math.abs(quotient - Math.round(quotient));
  return distance <= 4 * Number.EPSILON * Math.max(1, Math.abs(quotient));
}

/** The component schema a `$ref` names, read as the model reads it (the guards follow the model). */
function componentKey(ref: unknown): string | undefined {
  return typeof ref === 'string' ? modelComponentKey(ref) : undefined;
}

function componentRef(key: string): string {
  return `#/components/schemas/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
}

/** A variant the generator reads as a plain reference: `$ref` to a component, annotations beside. */
function variantKey(variant: unknown, version: OpenApiVersion): string | undefined {
  if (!isRecord(variant)) return undefined;
  const key = componentKey(variant.$ref);
  if (key === undefined) return undefined;
  if (version === '3.0') return key;
  const asserts = Object.keys(variant).some((k) => k !== '$ref' && !isAnnotationKeyword(k));
  return asserts ? undefined : key;
}

/**
 * Every discriminator the guards act on becomes `if: {type: object}, then: <dispatch>, else: <the
 * union as it was>`; every other one is dropped (an annotation). The dispatch is ajv's own
 * `discriminator` keyword wherever ajv supports the form (oneOf, no mapping, each variant's
 * `properties.<name>` a `const` or `enum` of unique strings, the property required), so the
 * reading of pinned values is ajv's, not ours; elsewhere it is an `anyOf` of one branch per value:
 * `required` + `const` on the property, `allOf: [$ref]` of the target.
 */
function rewriteDiscriminators(components: RawSchema, version: OpenApiVersion): RawSchema {
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  return mapComponentSchemas(components, (schema) => {
    const discriminator = schema.discriminator;
    if (discriminator === undefined) return schema;
    const out: RawSchema = { ...schema };
    delete out.discriminator;
    if (!isRecord(discriminator) || typeof discriminator.propertyName !== 'string') return out;
    const property = discriminator.propertyName;
    const added: RawSchema[] = [];
    for (const mode of ['anyOf', 'oneOf'] as const) {
      const variants = schema[mode];
      if (!Array.isArray(variants) || variants.length === 0) continue;
      const keys = variants.map((v) => variantKey(v, version));
      if (variants.some((v, i) => keys[i] === undefined && mayHoldObject(v))) continue;
      const native =
        mode === 'oneOf' && discriminator.mapping === undefined
          ? ajvDiscriminator(schema, variants, property, schemas)
          : undefined;
      const then = native ?? {
        anyOf: discriminatorMapping(discriminator, keys, property, schemas).map(
          ([value, target]) => ({
            required: [property],
            properties: { [property]: { const: value } },
            allOf: [{ $ref: componentRef(target) }],
          }),
        ),
      };
      delete out[mode];
      added.push({ if: { type: 'object' }, then, else: { [mode]: variants } });
    }
    if (added.length === 0) return out;
    const allOf = Array.isArray(out.allOf) ? out.allOf : [];
    out.allOf = [...allOf, ...added];
    return out;
  });
}

/** The value → components key pairs of a discriminator (first one wins for a value). */
function discriminatorMapping(
  discriminator: RawSchema,
  keys: readonly (string | undefined)[],
  property: string,
  schemas: RawSchema,
): [string, string][] {
  const mapping: [string, string][] = [];
  if (isRecord(discriminator.mapping)) {
    for (const [value, ref] of Object.entries(discriminator.mapping)) {
      const target = typeof ref === 'string' && ref.startsWith('#') ? componentKey(ref) : ref;
      if (typeof target === 'string') mapping.push([value, target]);
    }
  }
  const mapped = new Set(mapping.map(([, target]) => target));
  for (const key of keys) {
    if (key === undefined || mapped.has(key)) continue;
    mapped.add(key);
    const pinned = pins(schemas[key], property, schemas, []);
    for (const value of pinned ?? [key]) mapping.push([value, key]);
  }
  const seen = new Set<string>();
  return mapping.filter(([value]) => !seen.has(value) && seen.add(value));
}

/**
 * The strings a schema pins `property` to: a `const` or `enum` of `properties[property]`, after
 * `$ref`s, here or in `allOf` members (which narrow each other); undefined when none does.
 */
function pins(
  schema: unknown,
  property: string,
  schemas: RawSchema,
  path: unknown[],
): string[] | undefined {
  if (!isRecord(schema) || path.includes(schema)) return undefined;
  const inner = [...path, schema];
  const key = componentKey(schema.$ref);
  if (key !== undefined) return pins(schemas[key], property, schemas, inner);
  const found: string[][] = [];
  const own = isRecord(schema.properties) ? schema.properties[property] : undefined;
  if (own !== undefined) {
    const values = listedValues(own, schemas, []);
    if (values) found.push(values);
  }
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const values = pins(member, property, schemas, inner);
    if (values) found.push(values);
  }
  const [first, ...rest] = found;
  return first?.filter((v) => rest.every((r) => r.includes(v)));
}

function listedValues(schema: unknown, schemas: RawSchema, path: unknown[]): string[] | undefined {
  if (!isRecord(schema) || path.includes(schema)) return undefined;
  const inner = [...path, schema];
  const key = componentKey(schema.$ref);
  if (key !== undefined) return listedValues(schemas[key], schemas, inner);
  const found: string[][] = [];
  if ('const' in schema) found.push(typeof schema.const === 'string' ? [schema.const] : []);
  if (Array.isArray(schema.enum))
    found.push(schema.enum.filter((v): v is string => typeof v === 'string'));
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const values = listedValues(member, schemas, inner);
    if (values) found.push(values);
  }
  const [first, ...rest] = found;
  return first?.filter((v) => rest.every((r) => r.includes(v)));
}

/**
 * `{oneOf, discriminator}` in the form ajv's own discriminator keyword takes, or undefined when
 * ajv would refuse it (see ajv/lib/vocabularies/discriminator: each variant, after a bare `$ref`,
 * has `properties.<name>` with a non-empty string `const` or an `enum` of strings, unique across
 * variants, and the property is required above or in every variant).
 */
function ajvDiscriminator(
  schema: RawSchema,
  variants: unknown[],
  property: string,
  schemas: RawSchema,
): RawSchema | undefined {
  const requiredIn = (s: RawSchema) => Array.isArray(s.required) && s.required.includes(property);
  const seen = new Set<string>();
  for (const variant of variants) {
    if (!isRecord(variant)) return undefined;
    const key = componentKey(variant.$ref);
    const resolved = key === undefined ? variant : schemas[key];
    if (!isRecord(resolved)) return undefined;
    const own = isRecord(resolved.properties) ? resolved.properties[property] : undefined;
    if (!isRecord(own)) return undefined;
    const values =
      typeof own.const === 'string' && own.const !== ''
        ? [own.const]
        : Array.isArray(own.enum)
          ? own.enum
          : undefined;
    if (!values || values.some((v) => typeof v !== 'string' || seen.has(v))) return undefined;
    for (const v of values as string[]) seen.add(v);
    if (!requiredIn(schema) && !requiredIn(resolved)) return undefined;
  }
  return { oneOf: variants, discriminator: { propertyName: property } };
}

/**
 * False for an inline variant that can never hold an object (the generator's reading: a single
 * primitive type, maybe beside 'null'; an enum of primitives; `false`).
 */
function mayHoldObject(variant: unknown): boolean {
  if (variant === false) return false;
  if (!isRecord(variant)) return true;
  if (['$ref', 'allOf', 'anyOf', 'oneOf', 'not'].some((k) => k in variant)) return true;
  const type = variant.type;
  const types = (Array.isArray(type) ? type : type === undefined ? [] : [type]).filter(
    (t) => t !== 'null',
  );
  const listed = [
    ...(Array.isArray(variant.enum) ? variant.enum : []),
    ...('const' in variant ? [variant.const] : []),
  ];
  if (type === undefined) {
    return listed.length === 0 || listed.some((v) => typeof v === 'object' && v !== null);
  }
  if (types.length === 0) return false;
  return !(
    types.length === 1 && ['boolean', 'string', 'number', 'integer'].includes(String(types[0]))
  );
}

function dropWriteOnlyRequired(components: RawSchema): RawSchema {
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  const writeOnly = (property: unknown): boolean => {
    if (!isRecord(property)) return false;
    if (property.writeOnly === true) return true;
    const key = componentKey(property.$ref);
    const target = key === undefined ? undefined : schemas[key];
    return isRecord(target) && target.writeOnly === true;
  };
  return mapComponentSchemas(components, (schema) => {
    const { required, properties } = schema;
    if (!Array.isArray(required) || !isRecord(properties)) return schema;
    const kept = required.filter(
      (name) =>
        typeof name !== 'string' ||
        !Object.hasOwn(properties, name) ||
        !writeOnly(properties[name]),
    );
    return kept.length === required.length ? schema : { ...schema, required: kept };
  });
}

/** A deep copy of a JSON value with every own key listed in `keys` renamed. */
function renameKeys(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, keys));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      keys.includes(k) ? `${k}${RENAMED}` : k,
      renameKeys(v, keys),
    ]),
  );
}

function renameKeysInSchemas(components: RawSchema, keys: readonly string[]): RawSchema {
  const rename = (name: unknown) =>
    typeof name === 'string' && keys.includes(name) ? `${name}${RENAMED}` : name;
  return mapComponentSchemas(components, (schema) => {
    const out: RawSchema = { ...schema };
    if (isRecord(out.properties)) {
      out.properties = Object.fromEntries(
        Object.entries(out.properties).map(([name, property]) => [rename(name), property]),
      );
    }
    if (Array.isArray(out.required)) out.required = out.required.map(rename);
    if (isRecord(out.discriminator)) {
      out.discriminator = {
        ...out.discriminator,
        propertyName: rename(out.discriminator.propertyName),
      };
    }
    if ('const' in out) out.const = renameKeys(out.const, keys);
    if (Array.isArray(out.enum)) out.enum = out.enum.map((v) => renameKeys(v, keys));
    return out;
  });
}

/** 3.1 schemas of `type: 'null'` beside a union refusing null: null, or the rest. */
function nullBesideUnionAsAnyOf(components: RawSchema): RawSchema {
  const doc = { components };
  return mapComponentSchemas(components, (schema) => {
    const type = schema.type;
    const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type : [];
    if (types.join() !== 'null' || 'enum' in schema || 'const' in schema) return schema;
    const unions = [schema.oneOf, schema.anyOf].filter((list) => Array.isArray(list));
    if (unions.length === 0) return schema;
    if (!unions.every((list) => (list as unknown[]).every((v) => refusesNull(v, doc, 0))))
      return schema;
    const rest: RawSchema = { ...schema };
    delete rest.type;
    return { anyOf: [{ type: 'null' }, rest] };
  });
}

/**
 * `version` 3.1: the same, for a 3.1 document that writes 3.0's `nullable` (the generator honours
 * it there, with a warning), `$ref`s too, whose siblings apply in 3.1 (Codat's `{ $ref, nullable:
 * true }`: ajv refused the document, "nullable cannot be used without type"). A `nullable: false`
 * says nothing and goes (Box's, without `type`, which ajv refuses too).
 */
function nullableCompositionAsAnyOf(components: RawSchema, version: OpenApiVersion): RawSchema {
  const composed = ['allOf', 'anyOf', 'oneOf', 'not'];
  return mapComponentSchemas(components, (schema) => {
    if (schema.nullable === false) {
      const { nullable: _false, ...rest } = schema;
      return rest;
    }
    if (schema.nullable !== true || ('$ref' in schema && version === '3.0')) return schema;
    if ('type' in schema && !composed.some((k) => k in schema)) return schema;
    const rest: RawSchema = { ...schema };
    delete rest.nullable;
    // With enum or const, null is valid only when listed (the model's rule, and ajv's with a type).
    if ('enum' in schema || 'const' in schema) return 'type' in schema ? schema : rest;
    return { anyOf: [{ type: 'null' }, rest] };
  });
}
