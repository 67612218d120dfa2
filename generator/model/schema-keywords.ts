/**
 * Which Schema Object keywords the generator understands. Every keyword is either checked by the
 * guards, an annotation, a reference, or reported: nothing is ignored silently, and nothing a spec
 * may reasonably hold stops generation. A keyword the generator does not honour (an unknown one
 * such as draft-04's `id` or a typo like `min_items`, `$schema`, an assertion the guards
 * cannot check such as `if`) is a warning, once per keyword, at its first place; `--strict` makes
 * it an error.
 */
import { joinPointer } from '../errors.ts';
import { isRecord, jsonTypesOf } from '../json.ts';
import type { Warnings } from '../warnings.ts';
import { tuplesFromItemsLists } from './sloppy-schemas.ts';

/** Keywords the model turns into checks. */
const ASSERTIONS = new Set([
  '$ref',
  '$dynamicRef',
  '$recursiveRef',
  'type',
  'nullable',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'patternProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'items',
  'prefixItems',
  'unevaluatedItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  // Checked by the guards, not typed (conditional-schemas.ts).
  'if',
  'then',
  'else',
  'dependentSchemas',
  'dependentRequired',
  'contains',
  'discriminator',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
]);

/** Keywords that document a schema and never change which values are valid. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'example',
  'examples',
  'format',
  'deprecated',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  '$comment',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  // A container only: schemas in it are checked where a `$ref` uses them.
  '$defs',
  'definitions',
]);

/**
 * Keywords that identify a schema or name its dialect. The generator resolves every reference
 * within the bundled document (anchors only for `$dynamicRef`/`$recursiveRef`), so these change
 * nothing: they are reported as ignored.
 */
const IDENTIFIERS: Record<string, string> = {
  $schema: 'remove $schema: schemas use the dialect of the OpenAPI document',
  $vocabulary: 'remove $vocabulary: schemas use the dialect of the OpenAPI document',
  $recursiveAnchor:
    "refer to the schema as '#/components/schemas/<Name>' and remove $recursiveAnchor",
};

/** Known JSON Schema assertions the guards cannot check (ignored), with what to write instead. */
const UNSUPPORTED: Record<string, string> = {
  dependencies:
    'write it as `dependentRequired` (lists of names) and `dependentSchemas` (schemas), its 2019-09 spellings',
  minContains: 'remove it, or describe every item with items',
  maxContains: 'remove it, or describe every item with items',
  additionalItems: 'use prefixItems for the leading items and items for the rest (OpenAPI 3.1)',
};

/** Every keyword the generator knows, by its spelling without case, `_` or `-`: for "did you mean". */
const KNOWN = new Map(
  [
    ...ASSERTIONS,
    ...ANNOTATIONS,
    ...Object.keys(IDENTIFIERS),
    ...Object.keys(UNSUPPORTED),
    // Read where they are (anchors.ts, load/schema-ids.ts): no warning, but a spelling to suggest.
    '$id',
    '$anchor',
    '$dynamicAnchor',
  ].map((keyword) => [squash(keyword), keyword]),
);

function squash(keyword: string): string {
  return keyword.toLowerCase().replace(/[-_$]/g, '');
}

export function isAnnotationKeyword(key: string): boolean {
  return ANNOTATIONS.has(key) || key.startsWith('x-');
}

/**
 * Schema keywords and forms of OpenAPI 3.1 (JSON Schema 2020-12) that OpenAPI 3.0's Schema Object
 * (3.0.3 §4.7.24) does not have, with the 3.0 way to say it. The generator honours them in a 3.0
 * document too, but other 3.0 tools ignore them or refuse the document: a spec that uses them
 * means 3.1.
 */
const ONLY_IN_31: Record<string, string> = {
  const: 'write `enum: [<the value>]`',
  examples: 'write one `example: <value>`',
  prefixItems: 'there is no 3.0 form: describe every item with `items`',
  $defs:
    "move the schemas into components.schemas and refer to them as '#/components/schemas/<Name>'",
  patternProperties: 'there is no 3.0 form: use `additionalProperties`',
  propertyNames: 'there is no 3.0 form: describe the keys in the description',
  unevaluatedProperties: 'write `additionalProperties: false` beside the properties it closes',
  unevaluatedItems: 'there is no 3.0 form: describe every item with `items`',
  contentMediaType: 'write `format: binary` (raw bytes) or `format: byte` (base64)',
  contentEncoding: 'write `format: byte` for base64',
  contentSchema: 'describe the decoded content in the description',
  $comment: 'write it in `description` or an `x-` extension',
  if: 'there is no 3.0 form: write the cases as a `oneOf`, or describe the condition in the description',
  then: 'there is no 3.0 form: write the cases as a `oneOf`, or describe the condition in the description',
  else: 'there is no 3.0 form: write the cases as a `oneOf`, or describe the condition in the description',
  dependentRequired:
    'there is no 3.0 form: describe which properties go together in the description',
  dependentSchemas:
    'there is no 3.0 form: describe which properties go together in the description',
  contains: 'there is no 3.0 form: describe every item with `items`',
  $dynamicRef: "refer to the schema as '#/components/schemas/<Name>'",
  $id: "remove it and refer to the schema by its place, '#/components/schemas/<Name>'",
  $anchor: "remove it and refer to the schema by its place, '#/components/schemas/<Name>'",
  $dynamicAnchor: "remove it and refer to the schema by its place, '#/components/schemas/<Name>'",
};

/**
 * The Schema Object's keywords in OpenAPI 3.0 (3.0.3 §4.7.24), `$ref` with them. Every other
 * keyword the generator honours is 3.1's.
 */
const IN_30 = new Set([
  '$ref',
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
]);

/**
 * The fix for a keyword of 3.1 in a 3.0 document: ONLY_IN_31's, else (a keyword the generator
 * honours that 3.0 lacks and the table misses) a plain one. Draft-04's `definitions` and 2019-09's
 * `$recursiveRef` are 3.1's no more than 3.0's: not reported as 3.1.
 */
function fixIn30(key: string): string | undefined {
  if (Object.hasOwn(ONLY_IN_31, key)) return ONLY_IN_31[key];
  const honoured =
    ASSERTIONS.has(key) ||
    ANNOTATIONS.has(key) ||
    key === '$id' ||
    key === '$anchor' ||
    key === '$dynamicAnchor';
  return honoured && !IN_30.has(key) && key !== 'definitions' && key !== '$recursiveRef'
    ? 'there is no 3.0 form: describe it in the description'
    : undefined;
}

/** Schema keywords of OpenAPI 3.0 that 3.1 dropped, with the 3.1 way to say it. */
const ONLY_IN_30: Record<string, string> = {
  nullable: "write the type as a list with 'null': `type: [<type>, 'null']`",
};

/**
 * Reports keywords and forms from the other OpenAPI version than the document declares (each
 * keyword once, at its first place): honoured anyway, but other tools read them otherwise.
 */
function checkDialect(
  schema: Record<string, unknown>,
  location: { file: string; pointer: string },
  version: '3.0' | '3.1',
  warnings: Warnings,
): void {
  const other = version === '3.0' ? '3.1' : '3.0';
  const report = (key: string, what: string, fix: string) =>
    warnings.add(
      `dialect:${version}:${key}`,
      `${what} is OpenAPI ${other}, but the document declares OpenAPI ${version}: the SDK honours it, other OpenAPI ${version} tools ignore it or refuse the document`,
      { file: location.file, pointer: joinPointer(location.pointer, key) },
      version === '3.0'
        ? `${fix}, or declare \`openapi: 3.1.0\``
        : `${fix} (OpenAPI 3.1 removed it)`,
    );
  for (const key of Object.keys(schema)) {
    const fix =
      version === '3.0'
        ? fixIn30(key)
        : Object.hasOwn(ONLY_IN_30, key)
          ? ONLY_IN_30[key]
          : undefined;
    // `items: [...]` read as `prefixItems` was warned about as such (sloppy-schemas.ts).
    if (key === 'prefixItems' && tuplesFromItemsLists.has(schema)) continue;
    if (fix !== undefined) report(key, `the schema keyword "${key}"`, fix);
  }
  const { type } = schema;
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const value = schema[key];
    const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
    if (version === '3.0' && typeof value === 'number') {
      report(key, `a number as "${key}"`, `write \`${bound}: ${value}\` and \`${key}: true\``);
    } else if (version === '3.1' && typeof value === 'boolean') {
      report(
        key,
        `a boolean as "${key}"`,
        value
          ? `write the bound itself: \`${key}: <the ${bound}>\` in place of ${bound}`
          : `remove \`${key}: false\``,
      );
    }
  }
  if (version === '3.0' && (Array.isArray(type) || type === 'null')) {
    report(
      'type',
      Array.isArray(type) ? 'a list of types' : 'the type "null"',
      'write one type, with `nullable: true` for null (or a oneOf of the types)',
    );
  }
}

/** A value as JSON, cut to 60 characters: for a message. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Lower and upper bounds that no value can meet at once, with what they bound. */
const BOUNDS: readonly [string, string, string][] = [
  ['minimum', 'maximum', 'number'],
  ['minLength', 'maxLength', 'string length'],
  ['minItems', 'maxItems', 'array length'],
  ['minProperties', 'maxProperties', 'property count'],
];

/**
 * Reports a schema no value can match (an empty `enum`, a `const` or `enum` of another type than
 * `type`, bounds the wrong way round) and a `default` of another type: valid JSON Schema, but
 * nearly always a slip, and the SDK's types say `never` or the guards refuse everything.
 */
function checkContradictions(
  schema: Record<string, unknown>,
  location: { file: string; pointer: string },
  warnings: Warnings,
): void {
  const at = (key: string) => ({
    file: location.file,
    pointer: joinPointer(location.pointer, key),
  });
  const type = schema.type;
  const types =
    typeof type === 'string'
      ? [type]
      : Array.isArray(type) && type.every((t) => typeof t === 'string')
        ? type
        : undefined;
  const typed = (value: unknown) =>
    types === undefined ||
    jsonTypesOf(value).some((t) => types.includes(t)) ||
    (value === null && schema.nullable === true);
  if (Array.isArray(schema.enum) && schema.enum.length === 0) {
    warnings.add(
      'schema:empty-enum',
      'an empty `enum` allows no value at all: the type is `never` and the guards refuse everything',
      at('enum'),
      'list the allowed values, or remove `enum`',
    );
  }
  // Scalar types: the model reads such an enum alone and says so (build-schema.ts
  // warnEnumOutsideType); beside `array` or `object` it stays as JSON Schema reads it.
  const scalar = types?.every((t) => t !== 'array' && t !== 'object') ?? true;
  for (const key of ['const', 'enum'] as const) {
    if (!(key in schema) || types === undefined || scalar) continue;
    const values = key === 'const' ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
    if (values.length === 0 || values.some(typed)) continue;
    warnings.add(
      `schema:${key}-type`,
      `no ${key === 'const' ? '`const` value' : '`enum` value'} is of the schema's type (${types.join(', ')}), so no value is valid: the guards refuse everything`,
      at(key),
      `make \`type\` the type of the ${key === 'const' ? 'value' : 'values'}, or fix the ${key === 'const' ? 'value' : 'values'}`,
    );
  }
  for (const [low, high, what] of BOUNDS) {
    const min = schema[low];
    const max = schema[high];
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      warnings.add(
        'schema:bounds',
        `${low} ${min} is above ${high} ${max}, so no ${what} is valid: the guards refuse every value`,
        at(low),
        `swap them, or fix the one that is wrong`,
      );
    }
  }
  if ('default' in schema && schema.default !== undefined && !typed(schema.default)) {
    warnings.add(
      'schema:default-type',
      `the default ${preview(schema.default)} is not of the schema's type (${types?.join(', ') ?? ''}): the docs show a default no valid value has`,
      at('default'),
      "make the default a value of the schema's type, or fix `type`",
    );
  }
}

/** Reports every keyword of `schema` that the generator does not honour, once per keyword. */
/**
 * A schema's `examples` is a list of values (JSON Schema 2020-12 §9.5); a map (`examples: {a: 1}`,
 * the Media Type Object's form) or one value is not read. Real specs have it, so it is a warning
 * (the builder reads only a list, build-schema.ts `readAnnotations`).
 */
function checkExamplesList(
  schema: Record<string, unknown>,
  location: { file: string; pointer: string },
  warnings: Warnings,
): void {
  const examples = schema.examples;
  if (examples === undefined || Array.isArray(examples)) return;
  warnings.add(
    'examples-not-a-list',
    `a schema's \`examples\` must be a list of values, not ${isRecord(examples) ? 'a map' : JSON.stringify(examples)}: it is not read (no example, sample or doc shows it)`,
    { file: location.file, pointer: joinPointer(location.pointer, 'examples') },
    'write `examples: [<value>, …]` (a map of named Example Objects belongs to a media type or parameter, not a schema), or one `example: <value>`',
  );
}

export function checkKeywords(
  schema: Record<string, unknown>,
  location: { file: string; pointer: string },
  version: '3.0' | '3.1',
  warnings: Warnings,
): void {
  checkDialect(schema, location, version, warnings);
  checkContradictions(schema, location, warnings);
  checkExamplesList(schema, location, warnings);
  // `default` too: the docs' `@defaultValue` would show the number JavaScript read, not the spec's;
  // and the bounds, which the guards compare with (helper-133: `minimum: 9007199254740993`).
  for (const key of UNSAFE_INTEGER_KEYS) {
    // As JavaScript read them: 9007199254740995 and …997 both read as …996, named once.
    const unsafe = [...new Set(unsafeIntegers(schema[key]))];
    if (unsafe.length === 0) continue;
    const shown = unsafe.slice(0, 3).map(String).join(', ');
    const more = unsafe.length > 3 ? ` and ${unsafe.length - 3} more` : '';
    warnings.add(
      'number:unsafe-integer',
      `the ${key} ${unsafe.length > 1 ? 'values' : 'value'} ${shown}${more} ${unsafe.length > 1 ? 'are' : 'is'} beyond the integers JavaScript holds exactly (±2^53 − 1): the spec's text may have named another number, and the SDK's types and guards compare with ${unsafe.length > 1 ? 'these' : 'this one'}`,
      { file: location.file, pointer: joinPointer(location.pointer, key) },
      'send such values as strings (`type: string`), or keep them within ±9007199254740991',
    );
  }
  for (const key of ['then', 'else'])
    if (schema[key] !== undefined && schema.if === undefined)
      warnings.add(
        `keyword:${key}`,
        `\`${key}\` without \`if\` has no effect (JSON Schema 2020-12 §10.2.2): nothing checks it`,
        { file: location.file, pointer: joinPointer(location.pointer, key) },
        `add the \`if\` it depends on, or move its keywords into the schema itself`,
      );
  for (const key of Object.keys(schema)) {
    if (ASSERTIONS.has(key) || isAnnotationKeyword(key)) continue;
    // Read: a `$ref: '#name'` (or `$dynamicRef`) names the schema that declares it (anchors.ts),
    // and refs resolve against an `$id` (load/schema-ids.ts).
    if (key === '$anchor' || key === '$dynamicAnchor' || key === '$id') continue;
    const at = { file: location.file, pointer: joinPointer(location.pointer, key) };
    const identifier = IDENTIFIERS[key];
    const unsupported = UNSUPPORTED[key];
    if (identifier !== undefined) {
      warnings.add(
        `keyword:${key}`,
        `the schema keyword "${key}" is ignored (references are resolved within the document)`,
        at,
        identifier,
      );
    } else if (unsupported !== undefined) {
      warnings.add(
        `keyword:${key}`,
        `the schema keyword "${key}" is ignored: the SDK's types and runtime guards cannot check it`,
        at,
        unsupported,
      );
    } else {
      const meant = KNOWN.get(squash(key));
      const draft04 = key === 'id' ? ' (draft-04 spelled $id this way)' : '';
      warnings.add(
        `keyword:${key}`,
        `unknown schema keyword "${key}"${draft04} is ignored`,
        at,
        meant === undefined || meant === key
          ? 'remove it, fix its spelling, or prefix it with "x-" if it is a vendor extension'
          : `did you mean "${meant}"? Fix its spelling, or prefix it with "x-" if it is a vendor extension`,
      );
    }
  }
}

/** Keywords whose numbers the SDK's types, guards or docs use as JavaScript read them. */
const UNSAFE_INTEGER_KEYS = [
  'enum',
  'const',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
] as const;

/**
 * The integers in `value` (at any depth, in order) that a double may not hold exactly: beyond
 * ±2^53 − 1, as 64-bit ids are. From 10^21 on, numbers are written (and printed) with an
 * exponent: floats.
 */
function unsafeIntegers(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21)
      found.push(value);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) unsafeIntegers(item, found);
  }
  return found;
}
