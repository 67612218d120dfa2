/**
 * An `allOf` of unions whose variants make more combinations than TypeScript spells out
 * (helper-141 F3): `(A | B) & (C | D)` is the union of every combination, and three unions of 25
 * variants (15,625) are near TypeScript's limit, 50 (125,000) past it: TS2590, "Expression produces
 * a union type that is too complex to represent", in src/types.ts and src/openapi.ts. The types
 * now take the first members only (model/union-product.ts), with a warning; the guards check all.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, packageIs, specPackage } from './package.ts';

afterAll(removeTempDirs);

const VARIANTS = 50;

function spec(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  const union = (group: string) => ({
    oneOf: Array.from({ length: VARIANTS }, (_, i) => ({
      $ref: `#/components/schemas/${group}${i}`,
    })),
  });
  for (const group of ['A', 'B', 'C'])
    for (let i = 0; i < VARIANTS; i++)
      schemas[`${group}${i}`] = {
        type: 'object',
        required: [group.toLowerCase()],
        properties: { [group.toLowerCase()]: { const: i } },
      };
  schemas['Combined'] = { allOf: [union('A'), union('B'), union('C')] };
  return {
    openapi: '3.1.0',
    info: { title: 'Product', version: '1' },
    paths: {},
    components: { schemas },
  };
}

describe('an allOf of unions past the combinations TypeScript spells out', () => {
  it('types its first members only, says so, and the guards check every member', async () => {
    const pkg = await specPackage(spec());
    const warning = pkg.model.warnings.find((w) => w.key === 'allof-union-product');
    expect(warning?.location.pointer).toBe('#/components/schemas/Combined/allOf');
    expect(warning?.problem).toContain("the SDK's types take its first 2 members only");
    expect(
      diagnostics(pkg, {
        'src/check.ts': `
import type { Combined } from './types.js';
import type { components } from './openapi.js';
const typed: Combined = { a: 1, b: 2 };
const raw: components['schemas']['Combined'] = { a: 1, b: 2 };
void typed;
void raw;
`,
      }),
    ).toEqual([]);
    const is = await packageIs(pkg);
    expect(
      [
        { a: 1, b: 2, c: 3 },
        { a: 1, b: 2 },
        { a: 1, c: 3 },
      ].map((v) => is('Combined', v)),
    ).toEqual([true, false, false]);
  });
});
