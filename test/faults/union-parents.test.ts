/**
 * A parent that lists its children in `oneOf`/`anyOf` while each child extends it with
 * `allOf: [{ $ref: parent }]` (union-parents.yaml; springdoc's and NSwag's output, and common by
 * hand): valid OpenAPI that was refused as a schema containing itself. The child's `$ref` is the
 * parent's own keywords without its union (generator/union-parent.ts), in the loop check, the
 * model (src/types.ts, the guards) and openapi-typescript's src/openapi.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureModel } from '../model/fixture-model.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, EQUAL, faultPackage, packageIs, schemasPackage } from './package.ts';

afterAll(removeTempDirs);
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const FIXTURE = 'union-parents.yaml';

describe('a union parent whose children extend it', () => {
  it('generates, without a warning', async () => {
    const model = await fixtureModel(FIXTURE, true);
    expect(model.schemas.map((schema) => schema.name)).toEqual([
      'Pet',
      'Dog',
      'Cat',
      'Vehicle',
      'Car',
      'SportsCar',
      'Shape',
      'Circle',
      'Square',
    ]);
  });

  it('types each child as the parent’s own properties and its own, in both type files', async () => {
    const pkg = await faultPackage(FIXTURE);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Cat, Dog, Pet, SportsCar } from './types.js';
import type { components } from './openapi.js';
type Schemas = components['schemas'];
same<Pick<Dog, 'petType' | 'name' | 'bark'>, { petType: string; name?: string; bark?: boolean }>(true);
export const pets: Pet[] = [{ petType: 'dog', bark: true }, { petType: 'cat', lives: 9 }];
export const cat: Cat = { petType: 'cat', name: 'Tom', lives: 9 };
export const fast: SportsCar = { kind: 'SportsCar', doors: 2, topSpeed: 300 };
export const raw: Schemas['Pet'][] = [{ petType: 'dog', bark: true }, { petType: 'cat', lives: 9 }];
export const rawCar: Schemas['SportsCar'] = { kind: 'SportsCar', doors: 2, topSpeed: 300 };
// @ts-expect-error a Cat has lives
export const noLives: Cat = { petType: 'cat' };
`,
      }),
    ).toEqual([]);
  });

  it('has guards that accept the family’s values and refuse others', async () => {
    const pkg = await faultPackage(FIXTURE);
    const is = await packageIs(pkg);
    expect(
      [
        { petType: 'dog', bark: true },
        { petType: 'cat', lives: 9 },
        { petType: 'cat' },
        { petType: 'bird' },
        { name: 'Rex' },
      ].map((value) => is('Pet', value)),
    ).toEqual([true, true, false, false, false]);
    expect([{ petType: 'x', lives: 1 }, { lives: 1 }].map((value) => is('Cat', value))).toEqual([
      true,
      false,
    ]);
    expect(is('Vehicle', { kind: 'Car', doors: 4 })).toBe(false); // Car's own union: SportsCar only
    expect(is('Vehicle', { kind: 'Car' })).toBe(false);
    expect(is('Car', { kind: 'SportsCar', doors: 2, topSpeed: 300 })).toBe(true);
    expect(is('SportsCar', { kind: 'SportsCar', topSpeed: '300' })).toBe(false);
    expect(
      [{ radius: 1 }, { side: 2, label: 'a' }, { label: 'a' }].map((v) => is('Shape', v)),
    ).toEqual([true, true, false]);
  });
});

describe('families whose parent has nothing of its own beside its union', () => {
  // Still families: Animal lists only children that extend it (no discriminator), Tree has a
  // discriminator (and a child whose items are the parent). The rule that refuses a parent with
  // nothing of its own and a union beside non-children (test/generator/bad-input.test.ts) leaves
  // them be.
  const SCHEMAS = {
    Animal: { oneOf: [ref('Cow'), ref('Hen')] },
    Cow: {
      allOf: [
        ref('Animal'),
        { type: 'object', required: ['moo'], properties: { moo: { type: 'string' } } },
      ],
    },
    Hen: {
      allOf: [
        ref('Animal'),
        { type: 'object', required: ['eggs'], properties: { eggs: { type: 'integer' } } },
      ],
    },
    Tree: { discriminator: { propertyName: 'kind' }, oneOf: [ref('Leaf'), ref('Branch')] },
    Leaf: {
      allOf: [
        ref('Tree'),
        {
          type: 'object',
          required: ['kind', 'value'],
          properties: { kind: { const: 'Leaf' }, value: { type: 'string' } },
        },
      ],
    },
    Branch: {
      allOf: [
        ref('Tree'),
        {
          type: 'object',
          required: ['kind', 'kids'],
          properties: { kind: { const: 'Branch' }, kids: { type: 'array', items: ref('Tree') } },
        },
      ],
    },
  };

  it('types compile and guards decide each family', async () => {
    const pkg = await schemasPackage('Families', SCHEMAS);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `
import type { Animal, Tree } from './types.js';
export const animals: Animal[] = [{ moo: 'm' }, { eggs: 2 }];
export const tree: Tree = { kind: 'Branch', kids: [{ kind: 'Leaf', value: 'a' }] };
// @ts-expect-error a Leaf has a value
export const bad: Tree = { kind: 'Branch', kids: [{ kind: 'Leaf' }] };
`,
      }),
    ).toEqual([]);
    const is = await packageIs(pkg);
    expect([{ moo: 'm' }, { eggs: 1 }, { moo: 1 }, {}, 'x'].map((v) => is('Animal', v))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const leaf = { kind: 'Leaf', value: 'a' };
    expect(
      [
        leaf,
        { kind: 'Branch', kids: [leaf, { kind: 'Branch', kids: [] }] },
        { kind: 'Branch', kids: [{ kind: 'Leaf' }] },
        { kind: 'Other' },
      ].map((v) => is('Tree', v)),
    ).toEqual([true, true, false, false]);
  });
});
