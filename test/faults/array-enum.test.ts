/**
 * An `enum` of scalars beside `type: array` (public specs write the items' values there): read as
 * the items' `enum`, with a warning. As written no value was valid: the type was `string[] &
 * ('a' | 'b')`, which nothing meets, and the guards refused every array.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { importModules } from '../guards/compile.ts';
import { diagnostics, schemasPackage } from './package.ts';

afterAll(removeTempDirs);

describe('an enum of scalars beside type: array', () => {
  it('is the items’ enum, with a warning, in types and guards alike', async () => {
    const pkg = await schemasPackage('Filters', {
      User: {
        type: 'object',
        properties: {
          filters: { type: 'array', items: { type: 'string' }, enum: ['drugs', 'nudity'] },
          // Values not of the items' type, or arrays: left as written (no value is valid).
          odd: { type: 'array', items: { type: 'integer' }, enum: ['x'] },
        },
      },
    });
    const warnings = pkg.model.warnings.filter((w) => w.key === 'sloppy:array-enum');
    expect(warnings.map((w) => w.location.pointer)).toEqual([
      '#/components/schemas/User/properties/filters/enum',
    ]);
    expect(warnings[0]!.hint).toBe('move `enum` into `items`');
    const types = pkg.files.get('src/types.ts')!;
    expect(types).toMatch(/filters\?: \("drugs" \| "nudity"\)\[\];/);
    const guards = await importModules({
      'guards.ts': pkg.files.get('src/guards.ts') ?? '',
      'guards-runtime.ts': pkg.files.get('src/guards-runtime.ts') ?? '',
    });
    const isUser = guards.isUser!;
    expect(isUser({ filters: ['drugs'] })).toBe(true);
    expect(isUser({ filters: ['wine'] })).toBe(false);
    expect(isUser({ filters: 'drugs' })).toBe(false);
    expect(diagnostics(pkg)).toEqual([]);
  });
});
