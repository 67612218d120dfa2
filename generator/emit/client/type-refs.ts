/**
 * The types a resource method names, written from the schema model like src/types.ts
 * (schema-types/print.ts): `Plan`, `PlanInput`, `PlanStatus[]`, `'a' | 'b'`, or the operation's own
 * `…Response`/`…Body` type where its body is an object written inline.
 */
import { stringLiteral } from '../../model/names.ts';
import type { NamedSchema, OperationModel, ParameterModel } from '../../model/types.ts';
import { openapiOperationKey } from '../openapi-types.ts';
import type { SchemaNode } from '../../model/schema-types.ts';
import { dereference } from '../sample-request.ts';
import type { TypePrinter } from '../schema-types/print.ts';
import type { ImportPlan } from './imports.ts';
import { rawBodyType, resultType as mediaResultType } from './media.ts';

/**
 * A parameter's type as a caller gives it (`string`, `number`, `PlanStatus[]`). A parameter
 * defined by JSON `content` takes the value, which the runtime writes as JSON (a string quoted,
 * as JSON writes one); by another media type's `content`, its text, sent unchanged (`string`).
 */
export function parameterType(parameter: ParameterModel, printer: TypePrinter): string {
  if (parameter.mediaType !== undefined && parameter.jsonContent !== true) {
    // Text of another media type, sent as given; a number or boolean the schema describes may be
    // passed as such too (its text is the same), as src/openapi.ts types it.
    const { kind } = parameter.schema;
    return kind === 'number' || kind === 'boolean'
      ? `string | ${printer.type(parameter.schema, 'write')}`
      : 'string';
  }
  const type = printer.type(parameter.schema, 'write');
  // A required parameter's null, which no request carries (model/parameter-null.ts).
  return parameter.nonNullable === true ? `NonNullable<${type}>` : type;
}

/**
 * openapi-typescript's type of an operation, `operations['<key>']` under the local name
 * `operations` has in the file; the key is openapiOperationKey's (a `#` in an operationId is `/`
 * there). For code that names a type src/types.ts does not have.
 */
export function operationRef(operation: OperationModel, operations: string): string {
  return `${operations}[${stringLiteral(openapiOperationKey(operation.operationId))}]`;
}

/** openapi-typescript's type of the request body of the operation's chosen media type. */
export function operationBodyType(operation: OperationModel, opRef: string): string {
  const contentType = operation.body?.contentType ?? 'application/json';
  return `NonNullable<${opRef}['requestBody']>['content'][${stringLiteral(contentType)}]`;
}

/**
 * The request body's type: what the runtime sends unchanged for a raw body (`Blob | … | string`),
 * else the operation's own `…Body`, else the schema's type (`PlanInput`).
 */
export function bodyType(operation: OperationModel, printer: TypePrinter): string {
  const { body } = operation;
  if (body === undefined) return 'never';
  return rawBodyType(operation) ?? operation.typeNames.body ?? printer.type(body.schema, 'write');
}

/**
 * What the method resolves to: for a JSON body its schema's type (`Plan`, `Plan | null`, the
 * operation's own `…Response`); for text the text's schema type (`string`, `'ready' | 'busy'`);
 * for other media what the runtime reads (media.ts: `Blob`, an event stream), `void` when the success response has no body (204), `unknown` when the
 * operation declares no success response; the union of these over the responses a 2xx may select.
 */
export function resultType(
  operation: OperationModel,
  printer: TypePrinter,
  imports: ImportPlan,
): string {
  return mediaResultType(operation, imports, (response) => {
    if (response.kind === 'text')
      return response.textSchema === undefined
        ? 'string'
        : printer.type(response.textSchema, 'read');
    const { schema } = response;
    if (schema === undefined) return 'unknown';
    const own = response === operation.successResponse ? operation.typeNames.response : undefined;
    return own ?? printer.type(schema, 'read');
  });
}

/**
 * The item type of a paginated method's pages: the items' schema type when it is a named one
 * (`Plan`), else the element type of the page's items property (`PlanList['items'][number]`).
 */
export function pageItemType(
  operation: OperationModel,
  printer: TypePrinter,
  result: string,
): string | undefined {
  const { pagination, successResponse } = operation;
  if (pagination === undefined || successResponse?.schema === undefined) return undefined;
  const items = pageItems(successResponse.schema, pagination.itemsField, printer.byName);
  if (items.named) return printer.type(items.named, 'read');
  return pageItemIndex(result, pagination.itemsField, items.plainArray);
}

/**
 * The items of a page schema (`schema`, a paginated operation's success body) in its property
 * `field`: the element schema when it is a named one (`$ref`, not nullable), and whether the
 * property is known to hold an array: required, not nullable, and an array schema itself (not an
 * `anyOf` with `null`, not a schema of any type).
 */
export function pageItems(
  schema: SchemaNode,
  field: string,
  byName: ReadonlyMap<string, NamedSchema>,
): { named?: SchemaNode & { kind: 'ref' }; plainArray: boolean } {
  const property = itemsProperty(schema, field, byName);
  if (property === undefined) return { plainArray: false };
  const array = dereference(property.node, byName);
  const plainArray =
    property.required &&
    property.node.nullable !== true &&
    array?.kind === 'array' &&
    array.nullable !== true;
  const items = array?.kind === 'array' ? array.items : undefined;
  return items?.kind === 'ref' && !items.nullable ? { named: items, plainArray } : { plainArray };
}

/**
 * The element type of a page's items by index into the page type `result`:
 * `Page["items"][number]` for a plain array; otherwise the array members of the property's type
 * (`Extract<NonNullable<Page["items"]>, readonly unknown[]>[number]`), which compiles whatever the
 * property may also be (absent, `null`, a string, any value).
 */
export function pageItemIndex(result: string, field: string, plainArray: boolean): string {
  const page = /^[\w$]+$/.test(result) ? result : `NonNullable<${result}>`;
  const access = `${page}[${stringLiteral(field)}]`;
  return plainArray
    ? `${access}[number]`
    : `Extract<NonNullable<${access}>, readonly unknown[]>[number]`;
}

/** The page schema's items property (through refs and allOf members). */
function itemsProperty(
  node: NamedSchema['node'],
  name: string,
  byName: ReadonlyMap<string, NamedSchema>,
  depth = 0,
): { node: NamedSchema['node']; required: boolean } | undefined {
  if (depth > 32) return undefined;
  switch (node.kind) {
    case 'ref': {
      const target = byName.get(node.target);
      return target === undefined ? undefined : itemsProperty(target.node, name, byName, depth + 1);
    }
    case 'object': {
      const found = node.properties.find((p) => p.name === name);
      return found === undefined ? undefined : { node: found.node, required: found.required };
    }
    case 'allOf': {
      let found: { node: NamedSchema['node']; required: boolean } | undefined;
      for (const member of node.members) {
        const here = itemsProperty(member, name, byName, depth + 1);
        if (here !== undefined)
          found = {
            node: found?.node ?? here.node,
            required: found?.required === true || here.required,
          };
      }
      return found;
    }
    default:
      return undefined;
  }
}
