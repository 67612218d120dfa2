/**
 * A Reference Object's `summary` and `description` override the referenced component's in
 * OpenAPI 3.1 (§4.8.23), for a parameter, a request body and a response: a shared `Limit`
 * parameter says what it limits where it is used (helper-116 10). 3.0 ignores what stands beside
 * `$ref`, and the component is left as it is for its other users.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const spec = (openapi: string) => ({
  openapi,
  info: { title: 'References', version: '1.0.0' },
  paths: {
    '/plans': {
      post: {
        operationId: 'createPlan',
        parameters: [
          { $ref: '#/components/parameters/Limit', description: 'How many plans to return.' },
        ],
        requestBody: { $ref: '#/components/requestBodies/Item', description: 'The plan to make.' },
        responses: {
          '200': { $ref: '#/components/responses/Item', description: 'The plan made.' },
        },
      },
    },
    '/addons': {
      get: {
        operationId: 'listAddons',
        parameters: [{ $ref: '#/components/parameters/Limit' }],
        responses: { '200': { $ref: '#/components/responses/Item' } },
      },
    },
  },
  components: {
    parameters: {
      Limit: { name: 'limit', in: 'query', description: 'A limit.', schema: { type: 'integer' } },
    },
    requestBodies: {
      Item: {
        description: 'An item.',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    },
    responses: {
      Item: {
        description: 'An item.',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    },
  },
});

describe("a Reference Object's description", () => {
  it('overrides the component’s in 3.1, where it is written only', async () => {
    const model = await specModel(await writeSpec(spec('3.1.0')));
    const [create, list] = model.operations;
    expect(create!.parameters[0]!.description).toBe('How many plans to return.');
    expect(create!.body!.description).toBe('The plan to make.');
    expect(create!.responses[0]!.description).toBe('The plan made.');
    expect(list!.parameters[0]!.description).toBe('A limit.');
    expect(list!.responses[0]!.description).toBe('An item.');
  });

  it('is ignored in 3.0, which reads nothing beside $ref', async () => {
    const model = await specModel(await writeSpec(spec('3.0.3')));
    const [create] = model.operations;
    expect(create!.parameters[0]!.description).toBe('A limit.');
    expect(create!.body!.description).toBe('An item.');
    expect(create!.responses[0]!.description).toBe('An item.');
  });
});
