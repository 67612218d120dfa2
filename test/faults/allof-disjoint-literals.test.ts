/**
 * A property whose allOf parts allow literal values with none in common (allof-disjoint-literals.yaml):
 * the package compiles, the body sits under `body` (no interface may extend a `never`), and a
 * warning names the property and the values.
 */
import { describe, expect, it } from 'vitest';
import { codeSamples } from '../../generator/emit/code-samples.ts';
import { diagnostics, faultPackage } from './package.ts';

const FIXTURE = 'allof-disjoint-literals.yaml';

describe('allOf parts that give a property disjoint literal values', () => {
  it('compile: the body goes under `body`, and a compatible narrowing stays flat', async () => {
    const pkg = await faultPackage(FIXTURE);
    expect(diagnostics(pkg)).toEqual([]);
    const forms = Object.fromEntries(
      pkg.model.operations.map((operation) => [operation.operationId, operation.shape.form]),
    );
    expect(forms).toEqual({
      createByEnum: 'nested',
      createByConst: 'nested',
      createByBoolean: 'nested',
      createNarrowed: 'flat',
      // helper-131 2: a property optional in every part can be left out: callable, and flat.
      createOptional: 'flat',
      createByForm: 'nested',
      // helper-131 4: one level down, and an enum beside another type.
      createNested: 'nested',
      createByInteger: 'nested',
      // helper-132 6: `{a: 1, b: 2}` and `{b: 2, a: 1}` are one JSON value.
      createByObject: 'flat',
      createByNull: 'flat',
    });
  });

  it('the README says no call compiles where it would show one, and the docs sample too', async () => {
    const pkg = await faultPackage(FIXTURE);
    const readme = pkg.files.get('README.md') ?? '';
    const section = (path: string) => {
      const start = readme.indexOf(`\`POST ${path}\``);
      // To the next heading, of any level (the last operation's section ends at `## Errors`).
      return readme.slice(start, readme.indexOf('\n#', start));
    };
    // A required body no value meets: no call compiles.
    for (const path of ['/nested', '/integer']) {
      expect(section(path)).toContain('its type is `never` and no call compiles');
      expect(section(path)).not.toContain('```ts');
    }
    // An optional one is left out (helper-131 3): the call compiles (diagnostics above).
    for (const path of ['/enums', '/consts', '/booleans', '/form'])
      expect(section(path)).toMatch(/```ts\nawait client\.\w+\.\w+\(\);\n```/);
    expect(section('/narrowed')).toContain('```ts');
    // The one value the parts share (helper-132 5: `{ k: 'k' }`, which did not compile).
    expect(section('/nulls')).toContain('createBy({ k: null })');
    const samples = codeSamples(pkg.model);
    expect(samples.find((s) => s.path === '/nested')?.samples[0]?.source).toMatch(
      /^\/\/ No value meets/,
    );
  });

  it('are warned about, with the values of each part', async () => {
    const pkg = await faultPackage(FIXTURE);
    const places = pkg.model.warnings
      .filter((warning) => warning.key === 'allof-conflicting-property')
      .flatMap((warning) => warning.places)
      .map((place) => [place.location.pointer, place.problem.replace(/, so .*/, '')]);
    expect(places).toEqual([
      [
        '#/components/schemas/BothOptional/allOf',
        'property "kind" has enums (or consts) in the allOf members with no value in common (["a"] and ["b"])',
      ],
      [
        '#/components/schemas/Nested/allOf',
        'property "inner.k" has enums (or consts) in the allOf members with no value in common (["a"] and ["b"])',
      ],
      [
        '#/components/schemas/IntChild/allOf',
        'property "kind" has enums (or consts) in the allOf members with no value in common (["base"] and type string and type integer)',
      ],
      [
        '#/components/schemas/Child/allOf',
        'property "kind" has enums (or consts) in the allOf members with no value in common (["base"] and ["child"])',
      ],
      [
        '#/components/schemas/ConstChild/allOf',
        'property "kind" has enums (or consts) in the allOf members with no value in common (["a"] and ["b"])',
      ],
      [
        '#/components/schemas/BoolChild/allOf',
        'property "kind" has enums (or consts) in the allOf members with no value in common (["base"] and type string and type boolean)',
      ],
    ]);
  });
});
