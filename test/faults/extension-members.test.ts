/**
 * `x-…` members of the Paths Object and of a Responses Object are specification extensions
 * (extension-members.yaml): src/openapi.ts lists no path or response for them, while a schema
 * named `x-tag` (components.schemas keys are names) stays a schema.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, faultPackage } from './package.ts';

describe('specification extensions in src/openapi.ts', () => {
  it('are no paths and no responses, and the package compiles', async () => {
    const pkg = await faultPackage('extension-members.yaml');
    const openapi = pkg.files.get('src/openapi.ts')!;
    expect(openapi).not.toMatch(/x-internal|x-owner|x-rate-limit|listInternal/);
    expect(openapi).toMatch(/"\/plans": \{/);
    expect(openapi).toMatch(/"x-tag": \{/);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `import type { paths, operations } from './openapi.js';
type Keys = keyof paths;
const only: Keys[] = ['/plans'];
type Codes = keyof operations['listPlans']['responses'];
const codes: Codes[] = [200];
export { only, codes };
const wrong: Keys = 'x-internal';
export { wrong };`,
      }),
    ).toEqual([expect.stringMatching(/^src\/check\.ts:7:.*x-internal/)]);
  });
});
