/**
 * Which operations get a guard of their own for their success body (`typeNames.responseGuard`),
 * and its name: every JSON body that is not exactly a `$ref` to a named schema, named like the
 * operation's `…Response` type and claimed after the schema names, so it never takes one.
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel } from './fixture-model.ts';

describe('typeNames.responseGuard', () => {
  it('names the guard of each JSON body that is not a plain $ref, never a schema name', async () => {
    const model = await fixtureModel('inline-response-bodies.yaml');
    const guards = Object.fromEntries(
      model.operations.map((op) => [op.operationId, op.typeNames.responseGuard ?? null]),
    );
    expect(guards).toEqual({
      listAnimals: 'AnimalListResponse',
      // A plain $ref: the schema's own guard checks it.
      getAnimal: null,
      // `AnimalGetMateResponse` is a schema.
      getMate: 'AnimalGetMateResponse2',
      getKeeper: 'AnimalGetKeeperResponse',
      getCensus: 'AnimalGetCensusResponse',
      nextFeeding: 'AnimalNextFeedingResponse',
      getStar: 'AnimalGetStarResponse',
      // `*/*`: checked when the server sends JSON.
      listPhotos: 'AnimalListPhotosResponse',
    });
    // Where the method resolves to a type of its own, the guard shares its name.
    for (const op of model.operations)
      if (op.typeNames.response !== undefined)
        expect(op.typeNames.responseGuard).toBe(op.typeNames.response);
  });

  it('gives one to a `*/*` body (it may come as JSON), none to text', async () => {
    const model = await fixtureModel('wildcard-responses.yaml');
    const guards = model.operations.map((op) => [
      op.successResponse?.contentType,
      op.typeNames.responseGuard,
    ]);
    expect(guards).toContainEqual(['*/*', expect.stringMatching(/Response$/)]);
    expect(guards.filter(([type]) => type === 'text/plain')).toEqual([['text/plain', undefined]]);
  });
});
