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
    // Each allOf with its own types: Count's are not counted under Label's words.
    expect(model.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^test\/fixtures\/faults\/allof-conflicting-types\.yaml #\/components\/schemas\/Label\/allOf: allOf combines schemas whose types have none in common \(allOf\/0: string; allOf\/1: object\), so no value is valid.*\n {2}fix: give every member.*\n {2}also test\/fixtures\/faults\/allof-conflicting-types\.yaml #\/components\/schemas\/Count\/allOf: allOf combines schemas whose types have none in common \(type: array; allOf\/0: integer or boolean\), so no value is valid.*\n {4}fix: give every member[^\n]*$/,
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
    const warnings = model.warnings.filter((warning) => warning.key !== 'no-operations');
    expect(warnings.map((warning) => warning.problem)).toEqual([
      expect.stringContaining('(type: array or null; allOf/0: integer)'),
    ]);
  });
});
