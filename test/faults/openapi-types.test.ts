/**
 * src/openapi.ts (openapi-typescript's types, for the typed path client) on schemas that contain
 * themselves through arrays and unions (issue 10, item 6): openapi-typescript writes them as
 * indexed accesses TypeScript rejects (TS2502); the emitter moves exactly those into recursive type
 * aliases, and the path client's types stay equal to src/types.ts's.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, EQUAL, faultPackage } from './package.ts';

describe('recursive array schemas in src/openapi.ts', () => {
  it('compile, and mean what src/types.ts says', async () => {
    const pkg = await faultPackage('recursive-array.yaml');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components } from './openapi.js';
import type { Holder, Nested, Ping, Pong, Tree } from './types.js';
same<components['schemas']['Nested'], Nested>(true);
same<components['schemas']['Ping'], Ping>(true);
same<components['schemas']['Pong'], Pong>(true);
same<components['schemas']['Tree'], Tree>(true);
same<components['schemas']['Holder'], Holder>(true);
export const nested: components['schemas']['Nested'] = [1, [2, [3]]];
// @ts-expect-error strings are not nested numbers
export const wrong: components['schemas']['Nested'] = ['1'];
`,
      }),
    ).toEqual([]);
  });

  it('moves only the cyclic schemas into aliases', async () => {
    const openapi = (await faultPackage('recursive-array.yaml')).files.get('src/openapi.ts')!;
    expect(openapi).toMatch(/Nested: RecursiveSchema0;/);
    expect(openapi).toMatch(/type RecursiveSchema0 = \(number \| RecursiveSchema0\)\[\];/);
    expect(openapi).toMatch(/Holder: \{/);
    expect(openapi.match(/^type RecursiveSchema\d+ =/gm)).toHaveLength(4);
  });

  it('leaves a spec without such schemas exactly as openapi-typescript writes it', async () => {
    const openapi = (await faultPackage('read-write.yaml')).files.get('src/openapi.ts')!;
    expect(openapi).not.toContain('RecursiveSchema');
  });
});
