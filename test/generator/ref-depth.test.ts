/** generator/load/ref-depth.ts: the deepest chain of schemas that `$ref` one another. */
import { describe, expect, it } from 'vitest';
import { deepestRefChain } from '../../generator/load/ref-depth.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('deepestRefChain', () => {
  it('follows properties, items and parts, and cuts a loop where it comes back', () => {
    const doc = {
      components: {
        schemas: {
          A: { type: 'object', properties: { b: ref('B') } },
          B: { type: 'array', items: ref('C') },
          C: { allOf: [ref('D'), { properties: { again: ref('A') } }] },
          D: { type: 'string' },
          Tree: { type: 'object', properties: { children: { type: 'array', items: ref('Tree') } } },
        },
      },
    };
    expect(deepestRefChain(doc)).toEqual([
      '#/components/schemas/A',
      '#/components/schemas/B',
      '#/components/schemas/C',
      '#/components/schemas/D',
    ]);
  });

  it('walks a chain of 100,000 schemas without exhausting the stack', () => {
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) schemas[`S${i}`] = { properties: { next: ref(`S${i + 1}`) } };
    schemas['S100000'] = { type: 'string' };
    const chain = deepestRefChain({ components: { schemas } });
    expect(chain).toHaveLength(100_001);
    expect(chain[0]).toBe('#/components/schemas/S0');
  });

  it('is empty without a $ref or a schema', () => {
    expect(deepestRefChain({ openapi: '3.1.0' })).toEqual([]);
  });
});
