/**
 * Keywords of one JSON type beside a union of several types (loose-beside-union.yaml): they
 * constrain the values of their own type only, so the type keeps every variant, as the guards
 * (JSON Schema) do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { EQUAL, faultPackage, diagnostics, type FaultPackage } from './package.ts';

describe('keywords of one type beside a union of several', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;

  beforeAll(async () => {
    pkg = await faultPackage('loose-beside-union.yaml');
    written = await writePackage(pkg.files);
  });
  afterAll(async () => {
    await written.remove();
  });

  it('keep the variants of the other types in the type', () => {
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Item, ItemListParams, ItemResponse, Size } from './index.js';
same<ItemResponse['data'], Item | Item[] | undefined>(true);
same<ItemResponse['size'], Size | undefined>(true);
same<ItemListParams['domain'], unknown[] | string | undefined>(true);
export const one: ItemResponse = { data: { id: 'a' }, size: 3 };
export const params: ItemListParams = { domain: 'example.com' };
`,
      }),
    ).toEqual([]);
  });

  it('agree with the guards, which read JSON Schema', async () => {
    const guards = (await import(`${written.dir}/src/guards.ts`)) as Record<
      string,
      (value: unknown) => boolean
    >;
    const isResponse = guards.isItemResponse!;
    expect(isResponse({ data: { id: 'a' } })).toBe(true);
    expect(isResponse({ data: [{ id: 'a' }] })).toBe(true);
    expect(isResponse({ data: [{ id: 'a' }, { id: 'a' }] })).toBe(false);
    expect(isResponse({ size: 3 })).toBe(true);
    expect(isResponse({ size: '' })).toBe(false);
  });
});
