/**
 * An `allOf` whose members (through `$ref`s and the schema's own `type`) have no type in common
 * accepts no value: allof-conflicting-types.yaml. Warned about at each such allOf, with the types.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureModel, specModel } from '../model/fixture-model.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

describe('allOf members of conflicting types', () => {
  it('are warned about, each at its allOf with the types, and only those', async () => {
    const model = await fixtureModel('allof-conflicting-types.yaml');
    expect(model.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^test\/fixtures\/faults\/allof-conflicting-types\.yaml #\/components\/schemas\/Label\/allOf: allOf combines schemas whose types have none in common \(allOf\/0: string; allOf\/1: object\), so no value is valid.* \(and 1 more place\)\n {2}fix: give every member/,
      ),
    ]);
  });

  it('names the schema’s own type beside allOf', async () => {
    const spec = await writeSpec({
      openapi: '3.0.3',
      info: { title: 'own type', version: '1' },
      paths: {},
      components: {
        schemas: { Count: { type: 'array', nullable: true, allOf: [{ type: 'integer' }] } },
      },
    });
    const model = await specModel(spec);
    expect(model.warnings.map((warning) => warning.problem)).toEqual([
      expect.stringContaining('(type: array or null; allOf/0: integer)'),
    ]);
  });
});
