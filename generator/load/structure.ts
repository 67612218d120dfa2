/**
 * The OpenAPI objects the steps after loading read, each where the OpenAPI Specification (3.0 and
 * 3.1, §4.8) puts it: a Path Item under `paths`, an Operation under a method, Response Objects
 * under `responses`, Media Type Objects under `content`, and the maps and lists that hold them.
 * The bundler resolves `$ref`s without checking what they stand in for, so `responses: {200:
 * true}` or `content: 'json'` reached the model as TypeErrors (found by the fuzz test). Each is a
 * GeneratorError at its place now, naming the object that belongs there.
 *
 * Checked are the shape of containers (object, map, list) and the fields whose value changes what
 * the SDK does (`required`, `deprecated`, `allowEmptyValue`, `style`, `explode`, `allowReserved`
 * of parameters, headers, request bodies and encodings; an operation's `deprecated` and `tags`; the
 * `servers` lists of the document, path items and operations, and each server's `url`):
 * a parameter with `required: "yes"` would otherwise become optional without a word; and the type
 * of the extensions the generator reads there (`x-preview`, `x-sdk-method`, `x-sdk-client-option`),
 * so that they are reported in the same run as the rest. The text
 * fields (`description`, `summary`) are shape.ts's. Other fields are not: a spec with an unknown
 * field still generates (`redocly lint` reports those). Redocly's `struct` rule would check all of
 * it, but it also refuses harmless deviations real public specs have (a code sample's `source` as
 * an object, a 3.0 numeric `exclusiveMinimum`) and takes a second on a large spec.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { getByPointer, pointerTokens, refPointer } from '../pointer.ts';

/**
 * What belongs at a place: an object with known fields, a map of one kind, a list of one kind, or
 * a value (`true`/`false`, a string, one of some words).
 */
type Shape =
  | {
      object: string;
      fields?: () => Record<string, Shape>;
      orBoolean?: true;
      orNull?: true;
      /** OpenAPI allows no Reference Object here (a Server Object). */
      noRef?: true;
      /**
       * Fields OpenAPI requires and without which the object means nothing to the SDK (a Server
       * Object's `url`): missing, the object was skipped without a word.
       */
      required?: readonly string[];
    }
  /** `refable`: OpenAPI allows a Reference Object for the map itself (a Callback Object). */
  | { map: () => Shape; refable?: true }
  | { list: () => Shape }
  /** `orTrue`: `true` is taken too; `fix`: the fix for another value, when not the plain one. */
  | { value: 'boolean' | 'string'; words?: readonly string[]; orTrue?: true; fix?: string };

const BOOLEAN: Shape = { value: 'boolean' };
const STRING: Shape = { value: 'string' };
/** Every `style` of OpenAPI 3.0 and 3.1 (§4.8.12.4); which one fits which location is the model's. */
const STYLE: Shape = {
  value: 'string',
  words: ['matrix', 'label', 'form', 'simple', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
};
/** `null` is read as any value, with a warning, by the model (model/sloppy-schemas.ts). */
const SCHEMA: Shape = { object: 'Schema Object', orBoolean: true, orNull: true };
const EXAMPLES: Shape = { map: () => ({ object: 'Example Object' }) };
const ENCODING: Shape = {
  object: 'Encoding Object',
  fields: () => ({
    contentType: STRING,
    headers: { map: () => HEADER },
    style: STYLE,
    explode: BOOLEAN,
    allowReserved: BOOLEAN,
  }),
};
const MEDIA_TYPE: Shape = {
  object: 'Media Type Object',
  fields: () => ({ schema: SCHEMA, examples: EXAMPLES, encoding: { map: () => ENCODING } }),
};
const CONTENT: Shape = { map: () => MEDIA_TYPE };
/** The fields a Header Object shares with the Parameter Object (OpenAPI 3.1 §4.8.21). */
const HEADER_FIELDS = () => ({
  required: BOOLEAN,
  deprecated: BOOLEAN,
  allowEmptyValue: BOOLEAN,
  style: STYLE,
  explode: BOOLEAN,
  allowReserved: BOOLEAN,
  schema: SCHEMA,
  examples: EXAMPLES,
  content: CONTENT,
});
const HEADER: Shape = { object: 'Header Object', fields: HEADER_FIELDS };
/**
 * The extensions the generator reads (model/), checked here with the fields beside them, so that
 * a wrong one is reported in the same run as the rest (`x-preview: maybe` was ignored without a
 * word; `x-sdk-method: [x]` was reported only once every field was right). Their values' finer
 * rules (an `x-sdk-method`'s "resource.method") are the model's.
 */
const X_PREVIEW: Shape = { value: 'boolean' };
const X_SDK_METHOD: Shape = {
  value: 'string',
  fix: 'write the method the operation becomes as one string, "resource.method": `x-sdk-method: plans.list`',
};
const X_SDK_CLIENT_OPTION: Shape = {
  value: 'string',
  orTrue: true,
  fix: "write the name of the client option (`x-sdk-client-option: project`), or `true` for the parameter's own name",
};
/**
 * A Server Object, in the `servers` of the document, a path item or an operation: a list of other
 * shape was read as no servers (the client had no default base URL, without a word), and Redoc's
 * build-docs threw a TypeError on it. A Server Object without `url` (`servers: [{}]`) was skipped
 * the same way.
 */
const SERVERS: Shape = {
  list: () => ({
    object: 'Server Object',
    noRef: true,
    required: ['url'],
    fields: () => ({ url: STRING }),
  }),
};
const PARAMETER: Shape = {
  object: 'Parameter Object',
  fields: () => ({ ...HEADER_FIELDS(), 'x-sdk-client-option': X_SDK_CLIENT_OPTION }),
};
const REQUEST_BODY: Shape = {
  object: 'Request Body Object',
  fields: () => ({ content: CONTENT, required: BOOLEAN }),
};
const RESPONSE: Shape = {
  object: 'Response Object',
  fields: () => ({
    content: CONTENT,
    headers: { map: () => HEADER },
    links: { map: () => ({ object: 'Link Object' }) },
  }),
};
const OPERATION: Shape = {
  object: 'Operation Object',
  fields: () => ({
    tags: { list: () => STRING },
    servers: SERVERS,
    parameters: { list: () => PARAMETER },
    requestBody: REQUEST_BODY,
    responses: { map: () => RESPONSE },
    callbacks: { map: () => ({ map: () => PATH_ITEM, refable: true }) },
    deprecated: BOOLEAN,
    'x-preview': X_PREVIEW,
    'x-sdk-method': X_SDK_METHOD,
  }),
};
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PATH_ITEM: Shape = {
  object: 'Path Item Object',
  fields: () => ({
    servers: SERVERS,
    parameters: { list: () => PARAMETER },
    ...Object.fromEntries(METHODS.map((method) => [method, OPERATION])),
  }),
};
const COMPONENTS: Shape = {
  object: 'Components Object',
  fields: () => ({
    schemas: { map: () => SCHEMA },
    responses: { map: () => RESPONSE },
    parameters: { map: () => PARAMETER },
    examples: EXAMPLES,
    requestBodies: { map: () => REQUEST_BODY },
    headers: { map: () => HEADER },
    securitySchemes: { map: () => ({ object: 'Security Scheme Object' }) },
    links: { map: () => ({ object: 'Link Object' }) },
    callbacks: { map: () => ({ map: () => PATH_ITEM, refable: true }) },
    pathItems: { map: () => PATH_ITEM },
  }),
};
const DOCUMENT: Shape = {
  object: 'OpenAPI Object',
  fields: () => ({
    servers: SERVERS,
    paths: { map: () => PATH_ITEM },
    webhooks: { map: () => PATH_ITEM },
    components: COMPONENTS,
  }),
};

/**
 * Every place whose value is not the container or value OpenAPI puts there, each at its place,
 * in document order (empty when there is none). A `$ref` standing for a whole map where OpenAPI
 * allows none (`content: {$ref: '#/components/mediaTypes/x'}`, as some public specs write it) is
 * replaced by a copy of the map it points at, so every step after this one reads a plain map.
 * `unbundled`: the document is the root file before bundling, whose `$ref`s into other files
 * are not followed (the places they point at are checked after bundling).
 */
export function structureProblems(
  document: Record<string, unknown>,
  file: string,
  { unbundled = false } = {},
): GeneratorError[] {
  const problems: GeneratorError[] = [];
  // Children are pushed last first, so that they are checked (and reported) in document order.
  const stack: [unknown, Shape, string, (value: unknown) => void][] = [
    [document, DOCUMENT, '#', () => undefined],
  ];
  while (stack.length > 0) {
    const [found, shape, pointer, replace] = stack.pop()!;
    let value = found;
    if ('value' in shape) {
      const problem = wrongValue(value, shape, pointer, file);
      if (problem !== undefined) problems.push(problem);
    } else if ('list' in shape) {
      if (!Array.isArray(value)) {
        problems.push(wrong(value, 'a list', pointer, file));
        continue;
      }
      const list = value;
      for (let index = list.length - 1; index >= 0; index--)
        stack.push([
          list[index],
          shape.list(),
          joinPointer(pointer, index),
          (v) => (list[index] = v),
        ]);
    } else if ('map' in shape) {
      if (isRecord(value) && typeof value.$ref === 'string') {
        if (shape.refable === true || (unbundled && !value.$ref.startsWith('#'))) continue;
        const inlined = inlineMap(document, value.$ref, pointer, file);
        if (inlined instanceof GeneratorError) {
          problems.push(inlined);
          continue;
        }
        value = inlined;
        replace(value);
      }
      if (!isRecord(value)) {
        problems.push(wrong(value, 'a map (an object of named entries)', pointer, file));
        continue;
      }
      const map = value;
      for (const [key, entry] of Object.entries(map).reverse())
        if (!key.startsWith('x-'))
          stack.push([entry, shape.map(), joinPointer(pointer, key), (v) => (map[key] = v)]);
    } else {
      if (shape.orBoolean === true && typeof value === 'boolean') continue;
      if (shape.orNull === true && value === null) continue;
      if (!isRecord(value)) {
        problems.push(wrong(value, `a ${shape.object}`, pointer, file, shape.noRef !== true));
        continue;
      }
      // A reference stands in for the object; the place it points at is checked where it is.
      if (typeof value.$ref === 'string') continue;
      const object = value;
      const missing = (shape.required ?? []).filter((key) => !Object.hasOwn(object, key));
      if (missing.length > 0) problems.push(missingFields(missing, shape.object, pointer, file));
      if (shape.fields === undefined) continue;
      const fields = shape.fields();
      for (const key of Object.keys(object).reverse())
        if (Object.hasOwn(fields, key))
          stack.push([
            object[key],
            fields[key]!,
            joinPointer(pointer, key),
            (v) => (object[key] = v),
          ]);
    }
  }
  return problems;
}

/** Why a field's value is not the one it must be (`required: "yes"`), or undefined when it is. */
function wrongValue(
  value: unknown,
  shape: Extract<Shape, { value: string }>,
  pointer: string,
  file: string,
): GeneratorError | undefined {
  const key = pointerTokens(pointer).at(-1) ?? '';
  if (shape.value === 'boolean') {
    if (typeof value === 'boolean') return undefined;
    return new GeneratorError(
      `\`${key}\` must be true or false, not ${describe(value)}`,
      { file, pointer },
      `write \`${key}: true\` or \`${key}: false\` (a boolean, not quoted)`,
    );
  }
  if (shape.orTrue === true && value === true) return undefined;
  if (typeof value !== 'string') {
    return new GeneratorError(
      `\`${key}\` must be a string${shape.orTrue === true ? ' or true' : ''}, not ${describe(value)}`,
      { file, pointer },
      shape.fix ??
        (shape.words === undefined
          ? 'write the value as a string (in YAML, quote it if it looks like a number or a boolean)'
          : `write one of ${shape.words.join(', ')}`),
    );
  }
  if (shape.words === undefined || shape.words.includes(value)) return undefined;
  return new GeneratorError(
    `\`${key}\` ${JSON.stringify(value)} is none of ${shape.words.join(', ')}`,
    { file, pointer },
    `write one of ${shape.words.join(', ')} (spelt as here)`,
  );
}

/** A copy of the local map `ref` points at (checked like any map where it is used), or why not. */
function inlineMap(
  document: Record<string, unknown>,
  ref: string,
  pointer: string,
  file: string,
): unknown {
  const at = refPointer(ref);
  const target = at === undefined ? undefined : getByPointer(document, at);
  const inside = at !== undefined && (pointer === at || pointer.startsWith(`${at}/`));
  if (target === undefined || inside) {
    return new GeneratorError(
      `this map is a \`$ref\` to ${JSON.stringify(ref)}, which ${inside ? 'contains this map' : 'is not in the document'}`,
      { file, pointer },
      'write the map here, or point the `$ref` at a map elsewhere in the document',
    );
  }
  return structuredClone(target);
}

/** A `required` field that is missing: `servers: [{}]`, `servers: [{description: EU}]`. */
function missingFields(
  missing: readonly string[],
  object: string,
  pointer: string,
  file: string,
): GeneratorError {
  const fields = missing.map((key) => `\`${key}\``).join(' and ');
  return new GeneratorError(
    `this ${object} has no ${fields}, which OpenAPI requires: without it the object means nothing and was skipped`,
    { file, pointer },
    object === 'Server Object'
      ? "write the server's address as `url: https://api.example.com/v1` (or a path such as `/v1`), or remove the server"
      : `add ${fields} here, or remove the object`,
  );
}

function wrong(
  value: unknown,
  expected: string,
  pointer: string,
  file: string,
  refable = false,
): GeneratorError {
  return new GeneratorError(
    `this must be ${expected}, not ${describe(value)}`,
    { file, pointer },
    !refable ? `write ${expected} here` : `write ${expected} here, or a \`$ref\` to one`,
  );
}

/** How a JSON value reads in a message: `null`, `a list`, `an object`, `the boolean true`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `${typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`}`;
}
