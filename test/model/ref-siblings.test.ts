/**
 * OpenAPI 3.0 ignores keywords written beside `$ref` (3.0.3 §4.7.9): `nullable: true` there makes
 * nothing nullable. The model follows the spec and says so in a warning at the first such keyword,
 * with the allOf wrapping that makes them apply; in 3.1 they apply, and nothing is said.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const spec = (openapi: string) => ({
  openapi,
  info: { title: 'Siblings', version: '1' },
  paths: {},
  components: {
    schemas: {
      Plan: { type: 'object', properties: { id: { type: 'string' } } },
      Line: {
        type: 'object',
        properties: {
          plan: { $ref: '#/components/schemas/Plan', nullable: true, description: 'Kept.' },
          note: { $ref: '#/components/schemas/Plan', description: 'Only an annotation.' },
        },
      },
    },
  },
});

describe('keywords beside $ref', () => {
  it('are a warning in OpenAPI 3.0, at the first one, and the reference stays not nullable', async () => {
    const model = await specModel(await writeSpec(spec('3.0.3')));
    const warnings = model.warnings.filter((w) => w.key === 'ref-siblings-ignored');
    expect(warnings.map((w) => [w.location.pointer, w.more])).toEqual([
      ['#/components/schemas/Line/properties/plan/nullable', 0],
    ]);
    expect(warnings[0]!.problem).toBe(
      '`nullable` beside `$ref` is ignored: OpenAPI 3.0 ignores what is written beside a reference',
    );
    expect(warnings[0]!.hint).toMatch(
      /^wrap the reference so they apply: `allOf: \[\{ \$ref: … \}\]` with `nullable`/,
    );
    const line = model.schemas.find((s) => s.name === 'Line')!.node;
    const plan =
      line.kind === 'object' ? line.properties.find((p) => p.name === 'plan') : undefined;
    expect(plan?.node).toMatchObject({ kind: 'ref', nullable: false, description: 'Kept.' });
  });

  it('say nothing in OpenAPI 3.1, where they apply', async () => {
    const model = await specModel(await writeSpec(spec('3.1.0')));
    expect(model.warnings.filter((w) => w.key === 'ref-siblings-ignored')).toEqual([]);
  });
});
