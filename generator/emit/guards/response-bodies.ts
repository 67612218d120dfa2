/**
 * The guards of the operations' own success bodies: a JSON body that is not exactly a `$ref` to a
 * named schema (`Animal[]`, `Animal | null`, an object written inline, a map, a union) is checked
 * by `validate<name>` (model `typeNames.responseGuard`), which guards.ts writes like a named
 * schema's, typed with what the resource method resolves to: the schema's type text (`Animal[]`)
 * or the operation's own `…Response` type, imported type-only from the resources.
 */
import { escapeJsDoc } from '../../model/names.ts';
import type { SchemaNode } from '../../model/schema-types.ts';
import type { ApiModel } from '../../model/types.ts';
import { TypePrinter } from '../schema-types/print.ts';

/** Where guards.ts imports the operations' own `…Response` types from (type-only). */
export const RESPONSE_TYPES_MODULE = './resources/index.js';

export interface ResponseBodyGuard {
  /** `AnimalListResponse`: the guard is `validateAnimalListResponse`. */
  name: string;
  node: SchemaNode;
  /** The type the method resolves to: `Animal[]`, `Hay | Meat`, `AnimalGetKeeperResponse`. */
  type: string;
  /** TSDoc text (escaped) that names the response: `` the `GET /animals` success response (`animals.list`) ``. */
  subject: string;
}

export interface ResponseBodyGuards {
  bodies: ResponseBodyGuard[];
  /** The operations' own `…Response` types the guards name, from {@link RESPONSE_TYPES_MODULE}. */
  ownTypes: string[];
}

/** The guard of each operation's own success body, in operation order. */
export function responseBodyGuards(model: ApiModel): ResponseBodyGuards {
  const printer = new TypePrinter(model.schemas);
  const bodies: ResponseBodyGuard[] = [];
  const ownTypes: string[] = [];
  for (const operation of model.operations) {
    const name = operation.typeNames.responseGuard;
    const node = operation.successResponse?.schema;
    if (name === undefined || node === undefined) continue;
    const own = operation.typeNames.response;
    if (own !== undefined) ownTypes.push(own);
    const where = `${operation.method.toUpperCase()} ${operation.path}`;
    bodies.push({
      name,
      node,
      type: own ?? printer.type(node, 'read'),
      subject: escapeJsDoc(
        `the \`${where}\` success response (\`${operation.sdk.resource}.${operation.sdk.method}\`)`,
      ),
    });
  }
  return { bodies, ownTypes };
}
