/**
 * A parent that lists its children in `oneOf`/`anyOf` while each child extends it with
 * `allOf: [{ $ref: parent }]` (union-parents.yaml; springdoc's and NSwag's output, and common by
 * hand): valid OpenAPI that was refused as a schema containing itself. The child's `$ref` is the
 * parent's own keywords without its union (generator/union-parent.ts), in the loop check, the
 * model (src/types.ts, the guards) and openapi-typescript's src/openapi.ts.
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../model/fixture-model.ts';
import { diagnostics, EQUAL, faultPackage, packageIs } from './package.ts';

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
