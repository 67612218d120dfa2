/**
 * src/openapi.ts's transform hook (`format: binary` → `Blob`) meets every schema openapi-typescript
 * visits, including OpenAPI 3.1's boolean schemas (`true` accepts anything, `false` nothing).
 */
import { describe, expect, it } from 'vitest';
import { emitOpenapiTypes } from '../../generator/emit/openapi-types.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { fixtureModel } from '../model/fixture-model.ts';

function openapiTypes(schemas: Record<string, unknown>): string {
  const bundled = {
    openapi: '3.1.0',
    info: { title: 'Booleans', version: '1' },
    paths: {},
    components: { schemas },
  } as unknown as ApiModel['bundled'];
  return emitOpenapiTypes({ bundled, operations: [] }).text;
}

describe('src/openapi.ts', () => {
  it('types boolean schemas at the top level and inside objects, beside binary strings', () => {
    const text = openapiTypes({
      Anything: true,
      Nothing: false,
      Holder: {
        type: 'object',
        properties: { any: true, file: { type: 'string', format: 'binary' } },
      },
    });
    expect(text).toMatch(/Anything: unknown;/);
    expect(text).toMatch(/Nothing: never;/);
    expect(text).toMatch(/file\?: Blob;/);
  });
});

describe('keys with a % that starts no percent-encoded octet (openapi-typescript#2251)', () => {
  it('are emitted as written, not decoded, and decodeURIComponent is itself again afterwards', async () => {
    const model = await fixtureModel('percent-keys.yaml');
    const { text } = emitOpenapiTypes(model);
    // As printed, before prettier: double quotes.
    expect(text).toContain('"/rates/100%": {');
    expect(text).toContain('"share%": components["schemas"]["Per%Cent"];');
    expect(text).toContain('"rate%changed": {');
    // Not percent-decoded: each operation keeps its own key.
    expect(text).toContain('get: operations["get%41"];');
    expect(text).toContain('get: operations["get%2541"];');
    expect(text).not.toContain('operations["getA"]');
    expect(() => decodeURIComponent('100%')).toThrow(URIError);
  });
});
