/**
 * Patterns written inline in operations (test/fixtures/faults/inline-patterns.yaml) are judged like
 * those of named schemas where the package runs them (an operation's own success body, checked by
 * its response guard), and reported where they are no regular expression at all (parameters,
 * request bodies). Before, only named schemas were searched: the success body's unsafe pattern ran
 * on re2js while the package did not depend on it, and no warning named any of them.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { diagnostics, faultPackage } from './package.ts';

const SPEC = join(ROOT, 'test/fixtures/faults/inline-patterns.yaml');
afterAll(removeTempDirs);

const OPERATION = '#/paths/~1codes~1{code}/post';

describe('patterns written inline in operations', () => {
  it('are judged where the guards run them, and the package depends on re2js for them', async () => {
    const pkg = await faultPackage('inline-patterns.yaml');
    const manifest = JSON.parse(pkg.files.get('package.json')!) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).toContain('re2js');
    expect(pkg.files.get('src/guards.ts')).toContain("import { RE2JS } from 're2js';");
    const unsafe = pkg.model.warnings.filter((w) => w.problem.includes('"^(a+)+$"'));
    expect(unsafe.map((w) => w.location.pointer)).toEqual([
      `${OPERATION}/responses/200/content/application~1json/schema/items/properties/word/pattern`,
    ]);
    expect(unsafe[0]!.problem).toContain('can take exponential time');
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('are reported where they are no regular expression, though the package never runs them', async () => {
    const pkg = await faultPackage('inline-patterns.yaml');
    const invalid = pkg.model.warnings.filter((w) =>
      w.problem.includes('is not a valid ECMAScript regular expression'),
    );
    expect(invalid.map((w) => w.location.pointer)).toEqual([
      `${OPERATION}/parameters/1/schema/pattern`,
      `${OPERATION}/requestBody/content/application~1json/schema/properties/label/pattern`,
    ]);
    expect(invalid[0]!.problem).toContain('"[unclosed"');
    expect(invalid[0]!.hint).toMatch(/ECMA-262 syntax/);
    // A valid pattern of a parameter is not judged for speed: nothing in the package runs it.
    expect(pkg.model.warnings.some((w) => w.problem.includes('^[A-Z]{3}$'))).toBe(false);
  });

  it('are errors with --strict', async () => {
    const error = await generate({
      spec: SPEC,
      out: join(await tempDir('inline-patterns-'), 'sdk'),
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    const { problems } = error as GeneratorError;
    expect(problems.map((p) => p.location.pointer)).toEqual(
      expect.arrayContaining([`${OPERATION}/parameters/1/schema/pattern`]),
    );
  });
});
