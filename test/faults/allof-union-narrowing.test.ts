/**
 * An `allOf` of a union of several JSON types (`B` is `string | { x }`) and a schema of one type
 * (`{ type: object, properties: { y } }`): JSON Schema allows only the union's variants of that
 * type. The type was `B & { y }`, which also held `string & { y }`, a string the guards refuse;
 * it is `Extract<B, object> & { y }` now, the variants the guards accept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { diagnostics, EQUAL, schemasPackage, type FaultPackage } from './package.ts';
import { removeTempDirs } from '../generator/helpers.ts';

describe('an allOf of a union of several types and a schema of one type', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;

  beforeAll(async () => {
    pkg = await schemasPackage('Narrow', {
      B: { oneOf: [{ type: 'string' }, { type: 'object', properties: { x: { type: 'string' } } }] },
      C: {
        allOf: [
          { $ref: '#/components/schemas/B' },
          { type: 'object', properties: { y: { type: 'integer' } } },
        ],
      },
      D: {
        allOf: [
          { anyOf: [{ type: 'integer' }, { enum: ['a', 'b'] }, { type: 'object' }] },
          { type: 'string', minLength: 1 },
        ],
      },
    });
    written = await writePackage(pkg.files);
  });
  afterAll(async () => {
    await written.remove();
    await removeTempDirs();
  });

  it("keeps only the union's variants of that type, in the type", () => {
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { C, D } from './index.js';
same<C, { x?: string } & { y?: number }>(true);
same<D, 'a' | 'b'>(true);
export const c: C = { x: 'a', y: 1 };
// @ts-expect-error a string is no C: the allOf's object member refuses it
export const notC: C = 'text';
// @ts-expect-error a number is no D
export const notD: D = 1;
`,
      }),
    ).toEqual([]);
  });

  it('agrees with the guards', async () => {
    const guards = (await import(`${written.dir}/src/guards.ts`)) as Record<
      string,
      (value: unknown) => boolean
    >;
    expect(guards.isC!('text')).toBe(false);
    expect(guards.isC!({ x: 'a', y: 1 })).toBe(true);
    expect(guards.isD!('a')).toBe(true);
    expect(guards.isD!(1)).toBe(false);
    expect(guards.isD!({})).toBe(false);
  });
});
