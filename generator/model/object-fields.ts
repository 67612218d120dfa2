/**
 * Fields the OpenAPI objects around the schemas do not have (OpenAPI 3.0.4 §4.7, 3.1.1 §4.8): a
 * misspelt `paramters`, `requestbody`, `contents` or `Get` is no field, so what it holds was left
 * out of the SDK without a word (a required parameter gone, a body typed `void`). Each is warned
 * about at its place, with the field it most likely means; `--strict` makes it an error. Schemas
 * have their own check (schema-keywords.ts); `x-` fields are extensions, and a Reference Object
 * (`$ref`, with `summary` and `description` in 3.1) is one wherever it stands. A `content` key that
 * is not a media type (`jwt_token`: a property name written one level too high) is warned about
 * the same way.
 *
 * The rules OpenAPI sets for these objects' fields that the SDK would otherwise bend without a
 * word are warned about here too, each at its place ({@link warnBrokenRules}): a parameter or
 * header with both `schema` and `content`, neither, or `content` of other than one entry; an
 * `encoding` key that names no property of its schema; a response or part header whose name no
 * HTTP message can carry; a link to an `operationId` or `operationRef` that is not there.
 */
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { getByPointer, refPointer } from '../pointer.ts';
import { closestOption } from '../unknown-option.ts';
import type { Warnings } from '../warnings.ts';
import { pathItemEntries } from '../document-keys.ts';
import { isMediaTypeName, nearestMediaType } from './media-types.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const HEADER_FIELDS = [
  'description',
  'required',
  'deprecated',
  'allowEmptyValue',
  'style',
  'explode',
  'allowReserved',
  'schema',
  'example',
  'examples',
  'content',
];

/** Each object's fixed fields, by the name OpenAPI gives the object. */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  OpenAPI: [
    'openapi',
    'info',
    'jsonSchemaDialect',
    'servers',
    'paths',
    'webhooks',
    'components',
    'security',
    'tags',
    'externalDocs',
  ],
  Components: [
    'schemas',
    'responses',
    'parameters',
    'examples',
    'requestBodies',
    'headers',
    'securitySchemes',
    'links',
    'callbacks',
    'pathItems',
  ],
  'Path Item': ['$ref', 'summary', 'description', ...METHODS, 'servers', 'parameters'],
  Operation: [
    'tags',
    'summary',
    'description',
    'externalDocs',
    'operationId',
    'parameters',
    'requestBody',
    'responses',
    'callbacks',
    'deprecated',
    'security',
    'servers',
  ],
  // A Header Object is a Parameter Object without `name` and `in` (its name is its key).
  Parameter: ['name', 'in', ...HEADER_FIELDS],
  Header: HEADER_FIELDS,
  'Request Body': ['description', 'content', 'required'],
  Response: ['description', 'headers', 'content', 'links'],
  'Media Type': ['schema', 'example', 'examples', 'encoding'],
};

/** Warns about every field of the document's OpenAPI objects (not its schemas) that is none. */
export function warnUnknownFields(
  doc: Record<string, unknown>,
  file: string,
  warnings: Warnings,
): void {
  const check = (
    object: string,
    value: unknown,
    pointer: string,
  ): value is Record<string, unknown> => {
    if (!isRecord(value)) return false;
    if (typeof value.$ref === 'string') return false;
    const known = FIELDS[object]!;
    for (const key of Object.keys(value)) {
      if (key.startsWith('x-') || known.includes(key)) continue;
      const meant = closestOption(key, known);
      warnings.add(
        `field:${object}:${key}`,
        `\`${key}\` is no field of ${/^[AEIOU]/.test(object) ? 'an' : 'a'} ${object} Object (OpenAPI): it is ignored, and what it holds is not in the SDK`,
        { file, pointer: joinPointer(pointer, key) },
        meant === undefined
          ? `remove it, fix its spelling, or prefix it with "x-" if it is a vendor extension`
          : `did you mean \`${meant}\`? Fix its spelling, or prefix it with "x-" if it is a vendor extension`,
      );
    }
    return true;
  };
  const entries = (value: unknown): [string, unknown][] =>
    isRecord(value) ? Object.entries(value) : [];
  const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

  const rules = ruleChecks(doc, file, warnings);
  const content = (value: unknown, pointer: string) => {
    for (const [type, media] of entries(value)) {
      if (!isMediaTypeName(type))
        warnNotMediaType(type, joinPointer(pointer, type), file, warnings);
      if (!check('Media Type', media, joinPointer(pointer, type))) continue;
      rules.encoding(media, joinPointer(pointer, type));
      for (const [property, encoding] of entries(media.encoding))
        if (isRecord(encoding))
          for (const [name, each] of entries(encoding.headers))
            header(each, joinPointer(pointer, type, 'encoding', property, 'headers', name), name);
    }
  };
  const parameter = (value: unknown, pointer: string) => {
    if (!check('Parameter', value, pointer)) return;
    rules.schemaOrContent('parameter', value, pointer);
    content(value.content, joinPointer(pointer, 'content'));
  };
  /** `name`: the header's field name (a component's key is none). */
  const header = (value: unknown, pointer: string, name?: string) => {
    if (name !== undefined) rules.headerName(name, pointer);
    if (!check('Header', value, pointer)) return;
    rules.schemaOrContent('header', value, pointer);
    content(value.content, joinPointer(pointer, 'content'));
  };
  const requestBody = (value: unknown, pointer: string) => {
    if (check('Request Body', value, pointer))
      content(value.content, joinPointer(pointer, 'content'));
  };
  const response = (value: unknown, pointer: string) => {
    if (!check('Response', value, pointer)) return;
    for (const [name, each] of entries(value.headers))
      header(each, joinPointer(pointer, 'headers', name), name);
    content(value.content, joinPointer(pointer, 'content'));
    for (const [name, each] of entries(value.links))
      rules.link(each, joinPointer(pointer, 'links', name));
  };
  const operation = (value: unknown, pointer: string) => {
    if (!check('Operation', value, pointer)) return;
    items(value.parameters).forEach((each, i) =>
      parameter(each, joinPointer(pointer, 'parameters', i)),
    );
    requestBody(value.requestBody, joinPointer(pointer, 'requestBody'));
    for (const [status, each] of entries(value.responses))
      if (!status.startsWith('x-')) response(each, joinPointer(pointer, 'responses', status));
  };
  const pathItem = (value: unknown, pointer: string) => {
    if (!check('Path Item', value, pointer)) return;
    items(value.parameters).forEach((each, i) =>
      parameter(each, joinPointer(pointer, 'parameters', i)),
    );
    for (const method of METHODS) operation(value[method], joinPointer(pointer, method));
  };

  check('OpenAPI', doc, '#');
  for (const [path, item] of pathItemEntries(doc.paths))
    pathItem(item, joinPointer('#/paths', path));
  for (const [name, item] of entries(doc.webhooks)) pathItem(item, joinPointer('#/webhooks', name));
  const components = doc.components;
  if (!check('Components', components, '#/components')) return;
  const at = (section: string, name: string) => joinPointer('#/components', section, name);
  for (const [name, each] of entries(components.parameters))
    parameter(each, at('parameters', name));
  for (const [name, each] of entries(components.headers)) header(each, at('headers', name));
  for (const [name, each] of entries(components.requestBodies))
    requestBody(each, at('requestBodies', name));
  for (const [name, each] of entries(components.responses)) response(each, at('responses', name));
  for (const [name, each] of entries(components.pathItems)) pathItem(each, at('pathItems', name));
}

/** A `content` key that is no `type/subtype` (media-types.ts `isMediaTypeName`). */
function warnNotMediaType(key: string, pointer: string, file: string, warnings: Warnings): void {
  const meant = nearestMediaType(key);
  warnings.add(
    'content:not-a-media-type',
    `\`${key}\` is not a media type: a \`content\` key names the media type of the body it describes, type/subtype (RFC 6838), such as application/json`,
    { file, pointer },
    `${meant === undefined ? 'write' : `did you mean \`${meant}\`? Write`} the body's media type as the key, with any parameters after ";" (\`application/json\`, \`text/plain; charset=utf-8\`); if \`${key}\` is a property of the body, describe it in the body's schema instead`,
  );
}

/** RFC 9110 §5.6.2 `token`: what a header field name may hold. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** What a schema's `properties` does not say all of (another keyword may add properties). */
const OPEN_KEYWORDS = [
  'allOf',
  'anyOf',
  'oneOf',
  'additionalProperties',
  'patternProperties',
  'unevaluatedProperties',
  'if',
  '$ref',
  '$dynamicRef',
];

/**
 * The checks of the rules OpenAPI sets for the fields of these objects, each a warning at its
 * place (`--strict` makes it an error).
 */
function ruleChecks(doc: Record<string, unknown>, file: string, warnings: Warnings) {
  const follow = (value: unknown): unknown => {
    for (let hops = 0; hops < 64 && isRecord(value) && typeof value.$ref === 'string'; hops++) {
      const at = refPointer(value.$ref);
      if (at === undefined) return undefined;
      value = getByPointer(doc, at);
    }
    return value;
  };
  let operationIds: Set<string> | undefined;
  const knownOperationIds = () =>
    (operationIds ??= new Set(
      [...pathItemEntries(doc.paths), ...Object.entries(isRecord(doc.webhooks) ? doc.webhooks : {})]
        .flatMap(([, item]) => {
          const resolved = follow(item);
          return isRecord(resolved) ? METHODS.map((method) => resolved[method]) : [];
        })
        .flatMap((operation) =>
          isRecord(operation) && typeof operation.operationId === 'string'
            ? [operation.operationId]
            : [],
        ),
    ));
  return {
    /** OpenAPI 3.1.1 §4.8.12.2: exactly one of `schema` and `content`; `content` of one entry. */
    schemaOrContent(kind: 'parameter' | 'header', value: Record<string, unknown>, pointer: string) {
      const hasSchema = value.schema !== undefined;
      const media = isRecord(value.content) ? Object.keys(value.content) : undefined;
      if (hasSchema && media !== undefined) {
        warnings.add(
          `${kind}:schema-and-content`,
          `this ${kind} has both \`schema\` and \`content\`, which OpenAPI forbids (it takes one of them): the SDK reads \`schema\` and ignores \`content\``,
          { file, pointer: joinPointer(pointer, 'content') },
          'keep one of them: `schema` for a plain value, `content` (with one media type) for a value sent as, e.g., JSON text',
        );
        return;
      }
      if (!hasSchema && (media === undefined || media.length === 0)) {
        warnings.add(
          `${kind}:no-schema`,
          `this ${kind} has ${media === undefined ? 'neither `schema` nor `content`' : 'an empty `content` and no `schema`'}, and OpenAPI requires one of them: the SDK cannot know its value's type and types it \`unknown\``,
          { file, pointer },
          'describe its value with `schema` (e.g. `schema: {type: string}`)',
        );
        return;
      }
      if (media !== undefined && media.length > 1)
        warnings.add(
          `${kind}:content-entries`,
          `this ${kind}'s \`content\` has ${media.length} media types (${media.join(', ')}), and OpenAPI allows one: the SDK reads only the first, ${media[0]!}`,
          { file, pointer: joinPointer(pointer, 'content') },
          `keep only the media type the value is sent as (e.g. ${media[0]!})`,
        );
    },
    /** A header field name no HTTP message can carry (`X "a"`, `a:b`, a space). */
    headerName(name: string, pointer: string) {
      if (HTTP_TOKEN.test(name)) return;
      warnings.add(
        'header:name-not-a-token',
        `the header ${JSON.stringify(name)} is not a valid header field name (RFC 9110 §5.6.2: a token, without spaces, quotes or colons), so no HTTP message can carry it`,
        { file, pointer },
        "use only letters, digits and !#$%&'*+-.^_`|~ in the name, e.g. X-Rate-Limit",
      );
    },
    /** OpenAPI 3.1.1 §4.8.15: each `encoding` key must name a property of the schema. */
    encoding(media: Record<string, unknown>, pointer: string) {
      if (!isRecord(media.encoding)) return;
      const schema = follow(media.schema);
      if (!isRecord(schema) || !isRecord(schema.properties)) return;
      if (OPEN_KEYWORDS.some((keyword) => schema[keyword] !== undefined)) return;
      const properties = Object.keys(schema.properties);
      for (const key of Object.keys(media.encoding)) {
        if (properties.includes(key)) continue;
        const meant = closestOption(key, properties);
        warnings.add(
          'encoding:no-property',
          `the \`encoding\` entry ${JSON.stringify(key)} names no property of the body's schema (${properties.map((name) => JSON.stringify(name)).join(', ') || 'it has none'}): OpenAPI requires it to, and the SDK ignores it`,
          { file, pointer: joinPointer(pointer, 'encoding', key) },
          meant === undefined
            ? 'name the property the entry describes, or remove the entry'
            : `did you mean \`${meant}\`? Name the property the entry describes`,
        );
      }
    },
    /** A Link Object's `operationId` or local `operationRef` that names no operation. */
    link(value: unknown, pointer: string) {
      const link = follow(value);
      if (!isRecord(link)) return;
      if (typeof link.operationId === 'string' && !knownOperationIds().has(link.operationId)) {
        const meant = closestOption(link.operationId, [...knownOperationIds()]);
        warnings.add(
          'link:no-operation',
          `the link's \`operationId\` ${JSON.stringify(link.operationId)} names no operation of the document`,
          { file, pointer: joinPointer(pointer, 'operationId') },
          meant === undefined
            ? 'write the `operationId` of an operation the document has, or remove the link'
            : `did you mean \`${meant}\`? Write the \`operationId\` of an operation the document has`,
        );
      }
      if (typeof link.operationRef === 'string' && link.operationRef.startsWith('#')) {
        const at = refPointer(link.operationRef);
        const target = at === undefined ? undefined : follow(getByPointer(doc, at));
        const method = at?.slice(at.lastIndexOf('/') + 1);
        if (!isRecord(target) || method === undefined || !METHODS.includes(method))
          warnings.add(
            'link:no-operation',
            `the link's \`operationRef\` ${JSON.stringify(link.operationRef)} points at no operation of the document`,
            { file, pointer: joinPointer(pointer, 'operationRef') },
            "point it at an operation, `#/paths/~1plans~1{id}/get` (a path's `/` written `~1`), or use `operationId`",
          );
      }
    },
  };
}
