/**
 * Which of two spec names that want one TypeScript name keeps it, and which is numbered, depends
 * on the names alone, never on where the spec lists them: a name that is exactly the identifier
 * keeps it, the others follow by their spec names in code-point order. So reordering a spec's
 * keys (a formatting change) names every type, method and parameter as before, and adding a name
 * that collides with an exact one (`pet` above `Pet`) renames nothing users already import.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/types.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const object = (key: string) => ({ type: 'object', properties: { [key]: { type: 'string' } } });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

const doc = (
  paths: Record<string, unknown>,
  schemas: readonly string[] = [],
): Record<string, unknown> => ({
  openapi: '3.1.0',
  info: { title: 'Order', version: '1' },
  paths,
  ...(schemas.length === 0
    ? {}
    : { components: { schemas: Object.fromEntries(schemas.map((key) => [key, object(key)])) } }),
});

const model = async (spec: Record<string, unknown>) => specModel(await writeSpec(spec));

/** The warnings about renames, as a set: the order the spec lists things in is not asked about. */
const renames = (m: ApiModel) =>
  m.warnings
    .filter((w) => w.key.startsWith('name-collision:'))
    .map((w) => `${w.location.pointer ?? ''}: ${w.problem} / ${w.hint ?? ''}`)
    .sort();

const schemaNames = (m: ApiModel) =>
  Object.fromEntries(m.schemas.map((schema) => [schema.originalName, schema.name]));

const listPets = {
  get: { operationId: 'listPets', tags: ['pets'], responses: { '204': { description: 'ok' } } },
};

describe('schema names that collide', () => {
  const keys = ['pet_item', 'Pet', 'Pet-Item', 'pet', 'pet-item', 'pet_'];

  it('are named the same whatever order the spec lists them in', async () => {
    const forward = await model(doc({ '/pets': listPets }, keys));
    const backward = await model(doc({ '/pets': listPets }, [...keys].reverse()));
    expect(schemaNames(backward)).toEqual(schemaNames(forward));
    expect(renames(backward)).toEqual(renames(forward));
    expect(schemaNames(forward)).toEqual({
      Pet: 'Pet',
      pet: 'Pet2',
      pet_: 'Pet3',
      'Pet-Item': 'PetItem',
      'pet-item': 'PetItem2',
      pet_item: 'PetItem3',
    });
  });

  it('a new one above an exact name leaves the exact name as it is', async () => {
    const before = await model(doc({ '/pets': listPets }, ['Pet', 'PetItem']));
    const after = await model(doc({ '/pets': listPets }, ['pet', 'pet_item', 'Pet', 'PetItem']));
    expect(schemaNames(before)).toEqual({ Pet: 'Pet', PetItem: 'PetItem' });
    expect(schemaNames(after)).toEqual({
      pet: 'Pet2',
      pet_item: 'PetItem2',
      Pet: 'Pet',
      PetItem: 'PetItem',
    });
  });

  it('a numbered name never takes the name another key is exactly', async () => {
    const forward = await model(doc({ '/pets': listPets }, ['pet_', 'pet', 'Pet2']));
    const backward = await model(doc({ '/pets': listPets }, ['Pet2', 'pet', 'pet_']));
    expect(schemaNames(forward)).toEqual({ pet_: 'Pet3', pet: 'Pet', Pet2: 'Pet2' });
    expect(schemaNames(backward)).toEqual(schemaNames(forward));
  });
});

describe('SDK methods that collide', () => {
  const get = (operationId: string) => ({
    get: { operationId, tags: ['widgets'], responses: { '204': { description: 'ok' } } },
  });
  const methods = (m: ApiModel) =>
    Object.fromEntries(m.operations.map((operation) => [operation.path, operation.sdk.method]));
  const paths = (order: readonly string[]) =>
    Object.fromEntries(order.map((id) => [`/${id}`, get(id)]));

  it('are named the same whatever order the paths are listed in', async () => {
    const ids = ['get_item', 'get-item', 'GetItem'];
    const forward = await model(doc(paths(ids)));
    const backward = await model(doc(paths([...ids].reverse())));
    expect(methods(backward)).toEqual(methods(forward));
    expect(renames(backward)).toEqual(renames(forward));
  });

  it('a new one above an exact operationId leaves its method as it is', async () => {
    const after = await model(doc(paths(['get_item', 'getItem'])));
    expect(methods(after)).toMatchObject({ '/getItem': 'getItem' });
  });
});

describe('parameter identifiers that collide', () => {
  const withParameters = (names: readonly string[]) =>
    doc({
      '/pets': {
        get: {
          ...listPets.get,
          parameters: names.map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
        },
      },
    });
  const identifiers = (m: ApiModel) =>
    Object.fromEntries(m.operations[0]!.parameters.map((p) => [p.name, p.identifier]));

  it('are named the same whatever order the parameters are listed in', async () => {
    const names = ['page_size', 'page-size', 'PageSize'];
    const forward = await model(withParameters(names));
    const backward = await model(withParameters([...names].reverse()));
    expect(identifiers(backward)).toEqual(identifiers(forward));
  });

  it('a new one above an exact name leaves the exact name as it is', async () => {
    const after = await model(withParameters(['page_size', 'pageSize']));
    expect(identifiers(after)).toEqual({ page_size: 'pageSize2', pageSize: 'pageSize' });
  });

  it('of one name in several places: the path parameter, an argument, keeps it (helper-146 8)', async () => {
    const spec = (locations: readonly string[]) =>
      doc({
        '/pets/{pageSize}': {
          get: {
            ...listPets.get,
            parameters: locations.map((location) => ({
              name: 'pageSize',
              in: location,
              required: location === 'path',
              schema: { type: 'string' },
            })),
          },
        },
      });
    const byPlace = (m: ApiModel) =>
      Object.fromEntries(m.operations[0]!.parameters.map((p) => [p.in, p.identifier]));
    const without = await model(spec(['path', 'query']));
    const withHeader = await model(spec(['header', 'path', 'query']));
    expect(byPlace(without)).toEqual({ path: 'pageSize', query: 'pageSize2' });
    // A header parameter added beside them renames neither.
    expect(byPlace(withHeader)).toEqual({
      header: 'pageSize3',
      path: 'pageSize',
      query: 'pageSize2',
    });
  });
});

describe("operations' type names that collide", () => {
  const post = (sdkMethod: string) => ({
    'x-sdk-method': sdkMethod,
    requestBody: json(object('id')),
    responses: { '200': { description: 'ok', ...json(object('id')) } },
  });
  const typeNames = (m: ApiModel) =>
    Object.fromEntries(
      m.operations.map((operation) => [
        `${operation.sdk.resource}.${operation.sdk.method}`,
        operation.typeNames,
      ]),
    );

  it('are named the same whatever order the operations are listed in', async () => {
    const forward = await model(
      doc({ '/plans': { post: post('plans.list') }, '/plan': { post: post('plan.list') } }),
    );
    const backward = await model(
      doc({ '/plan': { post: post('plan.list') }, '/plans': { post: post('plans.list') } }),
    );
    expect(typeNames(backward)).toEqual(typeNames(forward));
    expect(renames(backward)).toEqual(renames(forward));
  });
});
