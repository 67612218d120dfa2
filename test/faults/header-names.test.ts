/**
 * Header and cookie parameters whose names are not HTTP tokens (test/fixtures/faults/header-names.yaml):
 * the SDK leaves them out with one warning naming the first and the fix, so the package still
 * compiles and every method can be called; `--strict` makes it an error.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { diagnostics, faultPackage } from './package.ts';

const SPEC = join(ROOT, 'test/fixtures/faults/header-names.yaml');
afterAll(removeTempDirs);

describe('header and cookie parameters no request can carry', () => {
  it('are left out with one warning, and the package compiles', async () => {
    const pkg = await faultPackage('header-names.yaml');
    const [operation] = pkg.model.operations;
    expect(operation!.parameters.map((p) => `${p.in} ${p.name}`)).toEqual([
      'header X-Trace-Id',
      'query limit',
    ]);
    const warnings = pkg.model.warnings.filter((w) => w.key === 'parameter:name-not-a-token');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location.pointer).toBe('#/paths/~1things/get/parameters/1/name');
    expect(warnings[0]!.more).toBe(3);
    expect(warnings[0]!.problem).toContain('header parameter "x-`${evil}`" is left out');
    expect(warnings[0]!.hint).toMatch(/letters, digits/);
    expect(diagnostics(pkg)).toEqual([]);
    // The typed path client's types (openapi.ts) leave them out too, so its calls match.
    const openapi = pkg.files.get('src/openapi.ts')!;
    expect(openapi).toContain('"X-Trace-Id"?: string');
    expect(openapi).not.toContain('RapidAPI.com API Key');
    expect(openapi).not.toContain('evil');
  });

  it('are an error with --strict', async () => {
    const error = await generate({
      spec: SPEC,
      out: join(await tempDir('header-names-'), 'sdk'),
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toContain('--strict');
  });
});
