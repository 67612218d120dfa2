/**
 * Swagger 2 and JSON Schema draft 4 leftovers in the schemas of an OpenAPI 3.0/3.1 document, which
 * real public specs often have and other generators (openapi-typescript, @hey-api/openapi-ts)
 * tolerate. Each is rewritten in the bundled document, before anything else reads it, into what it
 * most honestly means, with a warning naming the place and the fix (`--strict` refuses it):
 *
 * | written                              | read as                                                  |
 * | ------------------------------------ | -------------------------------------------------------- |
 * | `type: file` (Swagger 2)             | `type: string, format: binary`: bytes, a `Blob`          |
 * | `type: object, format: file` (or no `type`; a converter's `type: file`) | `type: string, format: binary` |
 * | `type: array, items: { type: string }, enum: [a, b]` (the items' values) | `items: { type: string, enum: [a, b] }` |
 * | `type: String` (another case)        | `type: string`                                           |
 * | `type: any` (or another unknown name) | no `type`: any value, `unknown`                         |
 * | `type: 5`, `type: { … }` (no name)   | no `type`: any value, `unknown`                          |
 * | `nullable: 'true'`, `readOnly: 'false'` | the boolean                                           |
 * | `minimum: '0'`, `maxLength: '10'`    | the number (only a plain decimal: `'x'` stays refused)  |
 * | `items: [a, b]` (draft 4 tuple)      | `prefixItems: [a, b]`: those items by position, any after |
 * | `required: true` on a schema         | left out: the parent's `required` list decides           |
 * | `$ref` to a response, parameter, header or request body (a component, or in a path item) | the schema it holds (component-schema.ts); none: any value |
 * | `schema: null`, `items: null` (a key with no value in YAML) | `{}`: any value, `unknown`          |
 * | `pattern: 0`, `pattern: null` (not a string) | no `pattern`: any text                            |
 *
 * The OpenAPI tools after the model (openapi-typescript, openapi.json) read the same rewritten
 * document, so the types, guards and bundled spec agree. A value that is wrong in every spelling
 * (`minLength: '-1'`, `maxItems: x`, `nullable: 'yes'`) is left as it is and refused by the schema
 * checks: what it meant cannot be told.
 */
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { closestOption } from '../unknown-option.ts';
import { getByPointer, pointerRef, pointerTokens, refPointer } from '../pointer.ts';
import type { Warnings } from '../warnings.ts';
import { filedHolder, heldSchema } from './component-schema.ts';

/** Schemas whose `prefixItems` was written `items: [...]`: not 3.1 syntax the user wrote (schema-keywords.ts). */
export const tuplesFromItemsLists = new WeakSet<object>();

const TYPE_NAMES = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

/**
 * Type names of other languages and schema formats that specs write for a JSON Schema type, as the
 * type (and the OpenAPI `format`, Data Types section) that says the same.
 */
const TYPE_SYNONYMS: Readonly<Record<string, string>> = {
  int: 'integer',
  int32: 'integer` with `format: int32',
  int64: 'integer` with `format: int64',
  long: 'integer` with `format: int64',
  float: 'number` with `format: float',
  double: 'number` with `format: double',
  decimal: 'number',
  bool: 'boolean',
  str: 'string',
  text: 'string',
  date: 'string` with `format: date',
  datetime: 'string` with `format: date-time',
  'date-time': 'string` with `format: date-time',
  uuid: 'string` with `format: uuid',
  email: 'string` with `format: email',
  uri: 'string` with `format: uri',
  url: 'string` with `format: uri',
  binary: 'string` with `format: binary',
  byte: 'string` with `format: byte',
  map: 'object',
  dict: 'object',
  list: 'array',
};

/** The type a misspelt or foreign type name most likely means (`strng` → string), if any. */
function meantType(lower: string): string | undefined {
  if (Object.hasOwn(TYPE_SYNONYMS, lower)) return `type: ${TYPE_SYNONYMS[lower]!}`;
  const closest = closestOption(lower, TYPE_NAMES);
  return closest === undefined ? undefined : `type: ${closest}`;
}

/** Keywords holding one schema, a list of schemas, a map of schemas. */
const ONE = [
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'items',
  'not',
  'contains',
  'if',
  'then',
  'else',
  'additionalItems',
  'unevaluatedItems',
  'contentSchema',
];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** Number keywords: `count` ones hold a non-negative integer, `multipleOf` a number above 0. */
const NUMBERS: Record<string, (n: number) => boolean> = {
  minimum: () => true,
  maximum: () => true,
  exclusiveMinimum: () => true,
  exclusiveMaximum: () => true,
  multipleOf: (n) => n > 0,
  minLength: isCount,
  maxLength: isCount,
  minItems: isCount,
  maxItems: isCount,
  minProperties: isCount,
  maxProperties: isCount,
};
function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}
const BOOLEANS = ['nullable', 'readOnly', 'writeOnly', 'deprecated', 'uniqueItems'];
/** A plain decimal, as a spec's author would write the number: no exponent, hex, spaces or `+`. */
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

interface Place {
  doc: Record<string, unknown>;
  file: string;
  warnings: Warnings;
}

/** Rewrites every sloppy schema of `doc` in place (see the table above), warning once per kind. */
export function repairSloppySchemas(
  doc: Record<string, unknown>,
  file: string,
  warnings: Warnings,
): void {
  const place: Place = { doc, file, warnings };
  const seen = new WeakSet<object>();
  // `replace` puts a repaired schema where the value was (a `null` becomes `{}`).
  const schema = (value: unknown, pointer: string, replace: (schema: object) => void): void => {
    if (value === null) {
      replace(nullSchema(pointer, place));
      return;
    }
    if (!isRecord(value) || seen.has(value)) return;
    seen.add(value);
    repairSchema(value, pointer, place);
    for (const key of ONE)
      if (key in value) schema(value[key], joinPointer(pointer, key), (v) => (value[key] = v));
    for (const key of LISTS) {
      const list = value[key];
      if (Array.isArray(list))
        list.forEach((item, i) => schema(item, joinPointer(pointer, key, i), (v) => (list[i] = v)));
    }
    for (const key of MAPS) {
      const map = value[key];
      if (isRecord(map))
        for (const [name, item] of Object.entries(map))
          schema(item, joinPointer(pointer, key, name), (v) => (map[name] = v));
    }
  };
  fileHoldersAsSchemas(place);
  // Outside the schemas: every `schema` of a parameter, header or media type, wherever it is.
  const other = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => other(item, joinPointer(pointer, i)));
      return;
    }
    if (!isRecord(value) || seen.has(value)) return;
    seen.add(value);
    for (const [key, item] of Object.entries(value)) {
      const at = joinPointer(pointer, key);
      if (key.startsWith('x-') || key === 'example' || key === 'examples') continue;
      if (key === 'schema') schema(item, at, (v) => (value[key] = v));
      else if (at === '#/components/schemas' && isRecord(item))
        for (const [name, s] of Object.entries(item))
          schema(s, joinPointer(at, name), (v) => (item[name] = v));
      else other(item, at);
    }
  };
  other(doc, '#');
}

/**
 * A `null` where a schema belongs (YAML's `schema:` with nothing after it is null; `@directus/specs`
 * ships a `schema: null`): any value, as `{}` says, with a warning. JSON Schema allows only an
 * object or a boolean there (2020-12 §4.3.1), so no other reading is closer.
 */
function nullSchema(pointer: string, place: Place): object {
  place.warnings.add(
    'sloppy:null-schema',
    'a schema is null, which is neither a Schema Object nor true/false: read as any value (`{}`)',
    { file: place.file, pointer },
    'write the schema meant (a `$ref`, a `type`), or `{}` for any value; in YAML a key with nothing after it (`schema:`) is null',
  );
  return {};
}

function repairSchema(s: Record<string, unknown>, pointer: string, place: Place): void {
  const warn = (kind: string, key: string, problem: string, fix: string) =>
    place.warnings.add(
      `sloppy:${kind}`,
      problem,
      { file: place.file, pointer: joinPointer(pointer, key) },
      fix,
    );
  repairType(s, warn);
  repairFileFormat(s, warn);
  repairArrayEnum(s, warn);
  repairComponentRef(s, place, warn);
  for (const key of BOOLEANS) {
    const value = s[key];
    if (value !== 'true' && value !== 'false') continue;
    s[key] = value === 'true';
    warn(
      'quoted-boolean',
      key,
      `"${key}" is the string "${value}", not a boolean: read as ${value}`,
      `write \`${key}: ${value}\` without quotes`,
    );
  }
  for (const [key, fits] of Object.entries(NUMBERS)) {
    const value = s[key];
    if (typeof value !== 'string') continue;
    const text = value.trim();
    const number = Number(text);
    // Not a plain decimal (`x`), or wrong in any spelling (`minLength: '-1'`): left for the
    // schema checks to refuse.
    if (!DECIMAL.test(text) || !Number.isFinite(number) || !fits(number)) continue;
    s[key] = number;
    warn(
      'quoted-number',
      key,
      `"${key}" is the string ${JSON.stringify(value)}, not a number: read as ${text}`,
      `write \`${key}: ${text}\` without quotes`,
    );
  }
  if ('pattern' in s && typeof s.pattern !== 'string') {
    const value = s.pattern;
    delete s.pattern;
    const scalar = typeof value === 'number' || typeof value === 'boolean';
    const written = scalar
      ? `the ${typeof value} ${String(value)}`
      : value === null
        ? 'null'
        : Array.isArray(value)
          ? 'an array'
          : `${typeof value === 'object' ? 'an object' : typeof value}`;
    warn(
      'pattern-not-string',
      'pattern',
      `"pattern" is ${written}, not a regular expression string: ignored, the string may hold any text`,
      scalar
        ? `write \`pattern: '${String(value)}'\` if that text is the regular expression meant, or remove \`pattern\``
        : 'write the regular expression meant as a string, or remove `pattern`',
    );
  }
  if (Array.isArray(s.items) && !('prefixItems' in s)) {
    s.prefixItems = s.items;
    delete s.items;
    tuplesFromItemsLists.add(s);
    warn(
      'items-list',
      'items',
      '`items` is a list of schemas (a JSON Schema draft 4 tuple), which OpenAPI 3 does not allow: read as `prefixItems`, each item by position, any value after them',
      'write `items: <schema>` for an array of one kind of item, or `prefixItems: [<schema>, …]` (OpenAPI 3.1) for a tuple',
    );
  }
  if (typeof s.required === 'boolean') {
    const value = s.required;
    delete s.required;
    const tokens = pointerTokens(pointer);
    const name = tokens.at(-2) === 'properties' ? tokens.at(-1) : undefined;
    const fix =
      name === undefined
        ? "list the property in its parent's `required` array, and remove `required` here"
        : `list it in the parent's \`required\` array (\`required: [${name}]\`), and remove \`required: ${value}\` here`;
    warn(
      'required-boolean',
      'required',
      `\`required: ${value}\` on a schema is Swagger 2 (a parameter's field): it is ignored, and the property is required only if its parent's \`required\` list names it`,
      fix,
    );
  }
}

/**
 * A `components.schemas` entry that is a component holding a schema (a parameter a schema's `$ref`
 * reached in another file, which the bundler filed with the schemas): the schema it holds, as a
 * `$ref` to such a component in the same file reads (repairComponentRef). Read as written, its
 * `name`, `in` and `schema` were unknown keywords, and the schema any value.
 */
function fileHoldersAsSchemas(place: Place): void {
  const components = place.doc.components;
  const schemas = isRecord(components) ? components.schemas : undefined;
  if (!isRecord(schemas)) return;
  for (const [name, entry] of Object.entries(schemas)) {
    const filed = filedHolder(entry);
    if (filed === undefined) continue;
    const pointer = joinPointer('#/components/schemas', name);
    schemas[name] = filed.schema ?? {};
    // Said at the component as written (the source map finds it in its file), in its terms.
    const kind = filed.what.replace(/^an? /, '');
    const held =
      filed.at.length === 1
        ? 'its `schema`'
        : `the schema of its ${JSON.stringify(filed.at[1])} content`;
    place.warnings.add(
      'sloppy:ref-to-component',
      filed.schema === undefined
        ? `a schema's $ref points at this ${kind}, not at a schema, and it holds none: read as any value`
        : `a schema's $ref points at this ${kind}, not at a schema: read as the schema it holds, ${held}`,
      { file: place.file, pointer },
      filed.schema === undefined
        ? "point the $ref at a schema: '#/components/schemas/<Name>'"
        : `point the $ref at ${held.replace(/^its/, `the ${kind}'s`)}, or move that schema to '#/components/schemas/<Name>' and point both there`,
    );
  }
}

/** A `$ref` to a component that holds a schema (a response, a parameter): to that schema. */
function repairComponentRef(
  s: Record<string, unknown>,
  place: Place,
  warn: (kind: string, key: string, problem: string, fix: string) => void,
): void {
  if (typeof s.$ref !== 'string') return;
  const target = refPointer(s.$ref);
  const held = target === undefined ? undefined : heldSchema(place.doc, target);
  if (held === undefined) return;
  const ref = s.$ref;
  const what = held.what;
  if (held.pointer === undefined) {
    delete s.$ref;
    warn(
      'ref-to-component-without-schema',
      '$ref',
      `$ref ${JSON.stringify(ref)} points at ${what}, not at a schema, and it holds none: read as any value`,
      "point it at a schema: '#/components/schemas/<Name>'",
    );
    return;
  }
  // The schema itself, not a $ref to its place: openapi-typescript names only
  // `#/components/schemas/<Name>` and other components' own places, not a schema inside them.
  const schema = getByPointer(place.doc, held.pointer);
  delete s.$ref;
  if (isRecord(schema)) {
    for (const [key, value] of Object.entries(schema))
      if (!(key in s)) s[key] = structuredClone(value);
  }
  warn(
    'ref-to-component',
    '$ref',
    `$ref ${JSON.stringify(ref)} points at ${what}, not at a schema: read as the schema it holds, at ${JSON.stringify(pointerRef(held.pointer))}`,
    "point it at that schema, or move the schema to '#/components/schemas/<Name>' and point both there",
  );
}

/** Keywords that make a schema an object with members, whatever its `format` says. */
const OBJECT_MEMBERS = ['properties', 'additionalProperties', 'patternProperties', 'required'];

/**
 * `format: file` on an object (or a schema with no `type`): how some Swagger 2 → OpenAPI 3
 * converters (AutoRest's) write Swagger 2's `type: file`. Read as written it was an object of any
 * members (`{ [key: string]: unknown }`) where the API sends or takes a file's bytes. A schema
 * that declares members is an object, and is left as it is.
 */
function repairFileFormat(
  s: Record<string, unknown>,
  warn: (kind: string, key: string, problem: string, fix: string) => void,
): void {
  if (typeof s.format !== 'string' || s.format.trim().toLowerCase() !== 'file') return;
  if (s.type !== undefined && s.type !== 'object') return;
  if (OBJECT_MEMBERS.some((key) => key in s)) return;
  s.type = 'string';
  s.format = 'binary';
  warn(
    'format-file',
    'format',
    "`format: file` is Swagger 2's `type: file` converted badly: read as `type: string, format: binary` (bytes, a Blob), not as an object",
    'write `type: string` and `format: binary`',
  );
}

/**
 * An `enum` of scalars beside `type: array` (vimeo's `content_filter: { type: array, items: {
 * type: string }, enum: [drugs, language, …] }`): by JSON Schema no value is valid (an array is
 * none of the values), so the type was `string[] & ('drugs' | …)`, which no value meets, and the
 * guards refused every array. The values are the items' (each of their type), so they move there.
 */
function repairArrayEnum(
  s: Record<string, unknown>,
  warn: (kind: string, key: string, problem: string, fix: string) => void,
): void {
  const { items, enum: values } = s;
  if (s.type !== 'array' || !Array.isArray(values) || values.length === 0) return;
  if (!isRecord(items) || '$ref' in items || 'enum' in items || 'const' in items) return;
  if (values.some((value) => value === null || typeof value === 'object')) return;
  const itemType = items.type;
  if (itemType !== undefined && !values.every((value) => ofType(value, itemType))) return;
  s.items = { ...items, enum: values };
  delete s.enum;
  warn(
    'array-enum',
    'enum',
    "`enum` beside `type: array` lists values of its items (no array is one of them, so no value was valid): read as the items' `enum`",
    'move `enum` into `items`',
  );
}

/** Whether a scalar is of a JSON Schema type name (an integer is a number too). */
function ofType(value: unknown, type: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number' || type === 'string' || type === 'boolean') return typeof value === type;
  return false;
}

function repairType(
  s: Record<string, unknown>,
  warn: (kind: string, key: string, problem: string, fix: string) => void,
): void {
  const { type } = s;
  const names: unknown[] = Array.isArray(type) ? type : [type];
  if (type === undefined || names.every((name) => TYPE_NAMES.includes(name as string))) return;
  // Not a name at all (`type: 5`, a schema written under `type`, as codat.io's spec has): what it
  // meant cannot be told, so it allows anything, as an unknown name does.
  if (!names.every((name) => typeof name === 'string')) {
    const shown = JSON.stringify(type);
    warn(
      'type-not-a-name',
      'type',
      `"type" is ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}, not a JSON Schema type name: it is left out, so the value may be anything (\`unknown\`)`,
      'write one of null, boolean, object, array, number, integer, string (or a list of them), or remove `type` to allow any value',
    );
    delete s.type;
    return;
  }
  const kept: string[] = [];
  for (const name of names) {
    const lower = name.trim().toLowerCase();
    if (TYPE_NAMES.includes(name)) kept.push(name);
    else if (lower === 'file') {
      kept.push('string');
      if (s.format === undefined) s.format = 'binary';
      warn(
        'type-file',
        'type',
        '`type: file` is Swagger 2, not OpenAPI 3: read as `type: string, format: binary` (bytes, a Blob)',
        'write `type: string` and `format: binary`',
      );
    } else if (TYPE_NAMES.includes(lower)) {
      kept.push(lower);
      warn(
        'type-case',
        'type',
        `${JSON.stringify(name)} is not a JSON Schema type (they are lower case): read as "${lower}"`,
        `write \`type: ${lower}\``,
      );
    } else {
      const meant = meantType(lower);
      warn(
        'type-unknown',
        'type',
        `${JSON.stringify(name)} is not a JSON Schema type: it is left out, so the value may be anything (\`unknown\`)`,
        `${meant === undefined ? '' : `did you mean \`${meant}\`? `}write one of null, boolean, object, array, number, integer, string (or a list of them), or remove \`type\` to allow any value`,
      );
      // An unknown name in a list allows anything: the whole `type` goes.
      delete s.type;
      return;
    }
  }
  const unique = [...new Set(kept)];
  s.type = Array.isArray(type) ? unique : unique[0];
}
