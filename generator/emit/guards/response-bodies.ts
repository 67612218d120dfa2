/**
 * The guards of the operations' own success bodies: a JSON body that is not exactly a `$ref` to a
 * named schema (`Animal[]`, `Animal | null`, an object written inline, a map, a union) is checked
 * by `validate<name>` (model `typeNames.responseGuard`), which guards.ts writes like a named
 * schema's, typed with what the resource method resolves to: the schema's type text (`Animal[]`)
 * or the operation's own `…Response` type, imported type-only from the resources.
 */
import { escapeJsDoc } from '../../model/names.ts';
import type { SchemaNode } from '../../model/schema-types.ts';
import type { ApiModel, OperationModel } from '../../model/types.ts';
import { TypePrinter } from '../schema-types/print.ts';
import { shapeHash } from './shapes.ts';

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
  /**
   * The guard name of a body that checks and types the same as an earlier one (three list
   * operations answering `Widget[]`) → that one's: such bodies share one set of guards.
   */
  shared: Map<string, string>;
  /** The operations' own `…Response` types the guards name, from {@link RESPONSE_TYPES_MODULE}. */
  ownTypes: string[];
}

/**
 * The guard of each operation's own success body, in operation order; a body of the same shape and
 * type as an earlier one's shares that one's guard (an operation's own `…Response` type is never
 * shared).
 */
export function responseBodyGuards(model: ApiModel): ResponseBodyGuards {
  const printer = new TypePrinter(model.schemas);
  const bodies: ResponseBodyGuard[] = [];
  const ownTypes: string[] = [];
  const shared = new Map<string, string>();
  const firstOf = new Map<string, ResponseBodyGuard>();
  for (const { operation, name, node, own, status } of ownBodies(model)) {
    const type = own ?? printer.type(node, 'read');
    const key = `${type}\u0000${shapeHash(node)}`;
    const first = own === undefined ? firstOf.get(key) : undefined;
    if (first !== undefined) {
      shared.set(name, first.name);
      continue;
    }
    if (own !== undefined) ownTypes.push(own);
    const where = `${operation.method.toUpperCase()} ${operation.path}`;
    const response = status === undefined ? 'success response' : `\`${status}\` response`;
    const body: ResponseBodyGuard = {
      name,
      node,
      type,
      subject: escapeJsDoc(
        `the \`${where}\` ${response} (\`${operation.sdk.resource}.${operation.sdk.method}\`)`,
      ),
    };
    if (own === undefined) firstOf.set(key, body);
    bodies.push(body);
  }
  // A shared guard says so: `… (`widgets.bulk`) and 2 more operations'`.
  const counts = new Map<string, number>();
  for (const first of shared.values()) counts.set(first, (counts.get(first) ?? 0) + 1);
  for (const body of bodies) {
    const more = counts.get(body.name);
    if (more !== undefined) body.subject += ` and ${more} more operation${more === 1 ? '' : 's'}'`;
  }
  return { bodies, ownTypes, shared };
}

/**
 * Every success body a guard of its operation's own checks, in operation order: the main one
 * (`typeNames.responseGuard`, typed with the operation's `…Response` type where it has one), then
 * the other success responses' (`typeNames.otherResponseGuards`, by their `status`).
 */
function* ownBodies(model: ApiModel): Generator<{
  operation: OperationModel;
  name: string;
  node: SchemaNode;
  own: string | undefined;
  status?: string;
}> {
  for (const operation of model.operations) {
    const { typeNames, successResponse, otherSuccesses = [] } = operation;
    const node = successResponse?.schema;
    if (typeNames.responseGuard !== undefined && node !== undefined)
      yield { operation, name: typeNames.responseGuard, node, own: typeNames.response };
    const others = typeNames.otherResponseGuards ?? {};
    for (const response of otherSuccesses) {
      const name = others[response.status];
      if (name !== undefined && response.schema !== undefined)
        yield { operation, name, node: response.schema, own: undefined, status: response.status };
    }
  }
}
