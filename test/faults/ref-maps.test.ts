/**
 * A `content` or `headers` map written as a `$ref` (not OpenAPI, but found in public specs such
 * as Lob's): the load step puts a copy of the map in its place, so the result is typed and read
 * as JSON rather than as a media type called `$ref`. And nested params whose headers are all
 * optional compile (the runtime's headerParams takes undefined).
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, faultPackage } from './package.ts';

describe('maps written as $refs', () => {
  it('read as the map they point at', async () => {
    const pkg = await faultPackage('ref-maps.yaml');
    const operation = pkg.model.operations.find((op) => op.operationId === 'getBalance')!;
    expect(operation.successResponse?.contentType).toBe('application/json');
    const resource = [...pkg.files].find(([path]) => path.startsWith('src/resources/balances'))!;
    expect(resource[1]).toMatch(/APIPromise<Balance>/);
    expect(resource[1]).not.toContain("'$ref'");
  });

  it('compile, with optional nested headers left out', async () => {
    const pkg = await faultPackage('ref-maps.yaml');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `import type { Bulk } from './index.js';
declare const bulk: Bulk;
export const done = bulk.create({ body: ['a'] });
`,
      }),
    ).toEqual([]);
  });
});
