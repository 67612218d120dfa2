/**
 * Fields the OpenAPI objects around the schemas do not have (OpenAPI 3.0.4 §4.7, 3.1.1 §4.8): a
 * misspelt `paramters`, `requestbody`, `contents` or `Get` is no field, so what it holds was left
 * out of the SDK without a word (a required parameter gone, a body typed `void`). Each is warned
 * about at its place, with the field it most likely means; `--strict` makes it an error. Schemas
 * have their own check (schema-keywords.ts); `x-` fields are extensions, and a Reference Object
 * (`$ref`, with `summary` and `description` in 3.1) is one wherever it stands. A `content` key that
 * is not a media type (`jwt_token`: a property name written one level too high) is warned about
 * the same way.
 */
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
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

  const content = (value: unknown, pointer: string) => {
    for (const [type, media] of entries(value)) {
      if (!isMediaTypeName(type))
        warnNotMediaType(type, joinPointer(pointer, type), file, warnings);
      check('Media Type', media, joinPointer(pointer, type));
    }
  };
  const parameter = (value: unknown, pointer: string) => {
    if (check('Parameter', value, pointer)) content(value.content, joinPointer(pointer, 'content'));
  };
  const header = (value: unknown, pointer: string) => {
    if (check('Header', value, pointer)) content(value.content, joinPointer(pointer, 'content'));
  };
  const requestBody = (value: unknown, pointer: string) => {
    if (check('Request Body', value, pointer))
      content(value.content, joinPointer(pointer, 'content'));
  };
  const response = (value: unknown, pointer: string) => {
    if (!check('Response', value, pointer)) return;
    for (const [name, each] of entries(value.headers))
      header(each, joinPointer(pointer, 'headers', name));
    content(value.content, joinPointer(pointer, 'content'));
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
