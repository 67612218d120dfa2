/**
 * Keywords of one JSON type beside a `$ref` to a schema of another (loose-beside-ref.yaml): they
 * constrain nothing there, so the type is the reference's alone; the README builds a value for it,
 * and the package compiles with it (test/faults/compile.test.ts). The guards keep JSON Schema's
 * reading of every keyword.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { EQUAL, faultPackage, diagnostics, type FaultPackage } from './package.ts';

describe('keywords of another type beside a $ref', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;

  beforeAll(async () => {
    pkg = await faultPackage('loose-beside-ref.yaml');
    written = await writePackage(pkg.files);
  });
  afterAll(async () => {
    await written.remove();
  });

  it('leave the type as the reference’s: Name, not Name & string; Code, not Code & string', () => {
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { UserCreateParams, UserCreateResponse, Name, Code, Either, Tags } from './index.js';
same<UserCreateParams['name'], Name>(true);
same<UserCreateParams['code'], Code>(true);
same<UserCreateParams['tags'], Tags | undefined>(true);
same<UserCreateResponse['name'], Name | undefined>(true);
same<UserCreateResponse['code'], Code | undefined>(true);
same<UserCreateResponse['either'], Either | undefined>(true);
`,
      }),
    ).toEqual([]);
  });

  it('get a README call with a value of the reference’s type', () => {
    expect(pkg.files.get('README.md')).toMatch(
      /await client\.users\.create\(\{ name: \{ first: '[^']*' \}, code: '[^']+' \}\);/,
    );
  });

  it('are still checked by the guards as JSON Schema reads them', async () => {
    const guards = (await import(`${written.dir}/src/guards.ts`)) as Record<
      string,
      (value: unknown) => boolean
    >;
    const isResponse = guards.isUserCreateResponse!;
    expect(isResponse({ name: { first: 'ada' }, code: 'AB' })).toBe(true);
    expect(isResponse({ name: 'Ada' })).toBe(false);
    expect(isResponse({ code: 'A' })).toBe(false);
    expect(isResponse({ either: 5 })).toBe(true);
    expect(isResponse({ either: '' })).toBe(false);
  });
});
