/**
 * Which operations get a guard of their own for their success body (`typeNames.responseGuard`),
 * and its name: every JSON body that is not exactly a `$ref` to a named schema, named like the
 * operation's `…Response` type and claimed after the schema names, so it never takes one; the
 * same for the other success responses' bodies (`typeNames.otherResponseGuards`).
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
      // The 200 is a plain $ref; its other success responses are below.
      adopt: null,
    });
    // Where the method resolves to a type of its own, the guard shares its name.
    for (const op of model.operations)
      if (op.typeNames.response !== undefined)
        expect(op.typeNames.responseGuard).toBe(op.typeNames.response);
  });

  it('names a guard for each other success body read apart, by status, unless it is a plain $ref', async () => {
    const model = await fixtureModel('inline-response-bodies.yaml');
    const adopt = model.operations.find((op) => op.operationId === 'adopt');
    // 202 and 203 are plain $refs (Hay, Animal): their schemas' guards check them.
    expect(adopt?.typeNames.otherResponseGuards).toEqual({
      '201': 'AnimalAdopt201Response',
      '2XX': 'AnimalAdopt2XXResponse',
    });
    expect(
      model.operations.filter((op) => op.typeNames.otherResponseGuards !== undefined),
    ).toHaveLength(1);
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
