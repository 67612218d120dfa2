/**
 * An `allOf` member closed with `additionalProperties: false` beside a member that declares more
 * (helper-116 5): JSON Schema lets no value through (the keyword sees only its own schema's
 * properties), the guards refuse every one while the types accept them, and the only word was the
 * testing kit's, naming the wrong cause. A warning at the member names the property and the fix.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const spec = (
  extended: Record<string, unknown>,
  closed: Record<string, unknown> = { additionalProperties: false },
) =>
  writeSpec({
    openapi: '3.1.0',
    info: { title: 'Closed base', version: '1.0.0' },
    paths: {},
    components: {
      schemas: {
        Base: {
          type: 'object',
          ...closed,
          required: ['id'],
          properties: { id: { type: 'string' } },
        },
        Extended: extended,
      },
    },
  });

describe('an allOf member that allows no property but its own', () => {
  it('is a warning at the member when another declares more', async () => {
    const model = await specModel(
      await spec({
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { type: 'object', required: ['extra'], properties: { extra: { type: 'string' } } },
        ],
      }),
    );
    const found = model.warnings.filter((w) => w.key === 'allof-closed-member');
    expect(found.map((w) => w.location.pointer)).toEqual(['#/components/schemas/Extended/allOf/0']);
    expect(found[0]!.problem).toMatch(/refuses "extra", which another allOf member declares/);
    expect(found[0]!.hint).toMatch(/unevaluatedProperties: false/);
  });

  it('is a warning when the schema declares more beside its allOf (helper-129 5)', async () => {
    const model = await specModel(
      await spec({
        allOf: [{ $ref: '#/components/schemas/Base' }],
        properties: { extra: { type: 'string' } },
      }),
    );
    const found = model.warnings.filter((w) => w.key === 'allof-closed-member');
    expect(found.map((w) => w.location.pointer)).toEqual(['#/components/schemas/Extended/allOf/0']);
    expect(found[0]!.problem).toMatch(
      /refuses "extra", which the schema declares beside its allOf/,
    );
  });

  it('is no warning when the others only require what it declares', async () => {
    const model = await specModel(
      await spec({
        allOf: [{ $ref: '#/components/schemas/Base' }, { required: ['id'] }],
        properties: { id: { description: 'The id.' } },
      }),
    );
    expect(model.warnings.filter((w) => w.key === 'allof-closed-member')).toEqual([]);
  });

  it('is a warning for unevaluatedProperties: false in the member too, which sees no sibling (helper-133 2)', async () => {
    const model = await specModel(
      await spec(
        {
          allOf: [{ $ref: '#/components/schemas/Base' }],
          properties: { name: { type: 'string' } },
        },
        { unevaluatedProperties: false },
      ),
    );
    const found = model.warnings.filter((w) => w.key === 'allof-closed-member');
    expect(found.map((w) => w.location.pointer)).toEqual(['#/components/schemas/Extended/allOf/0']);
    expect(found[0]!.problem).toMatch(
      /^allOf\[0\] allows no property but its own \(unevaluatedProperties: false sees only the properties declared in that schema, not its siblings\), so it refuses "name", which the schema declares beside its allOf/,
    );
    expect(found[0]!.hint).toBe(
      'move unevaluatedProperties: false from that schema to beside this allOf (there it sees the properties of every member)',
    );
  });

  it('is no warning for unevaluatedProperties: false in a member that evaluates more through its own allOf', async () => {
    const model = await specModel(
      await spec(
        {
          allOf: [{ $ref: '#/components/schemas/Base' }],
          properties: { name: { type: 'string' } },
        },
        { unevaluatedProperties: false, allOf: [{ properties: { name: { type: 'string' } } }] },
      ),
    );
    expect(model.warnings.filter((w) => w.key === 'allof-closed-member')).toEqual([]);
  });

  it('is a warning when the closed schema is reached through an intermediate allOf (helper-137 6)', async () => {
    const model = await specModel(
      await writeSpec({
        openapi: '3.1.0',
        info: { title: 'Closed base', version: '1.0.0' },
        paths: {},
        components: {
          schemas: {
            Base: {
              type: 'object',
              additionalProperties: false,
              properties: { a: { type: 'string' } },
            },
            Mid: { allOf: [{ $ref: '#/components/schemas/Base' }] },
            Child: {
              allOf: [{ $ref: '#/components/schemas/Mid' }],
              properties: { b: { type: 'string' } },
            },
            // A sibling that declares only what Base declares: nothing is refused.
            Fine: { allOf: [{ $ref: '#/components/schemas/Mid' }, { properties: { a: {} } }] },
          },
        },
      }),
    );
    const found = model.warnings.filter((w) => w.key === 'allof-closed-member');
    expect(found.map((w) => w.location.pointer)).toEqual(['#/components/schemas/Child/allOf/0']);
    expect(found[0]!.problem).toMatch(/refuses "b", which the schema declares beside its allOf/);
  });
});
