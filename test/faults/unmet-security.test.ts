/**
 * Operations whose `security` the client cannot meet (test/fixtures/faults/unmet-security.yaml):
 * the client sends one credential, its token, as one scheme; an operation that requires another
 * (and accepts neither that one nor `{}`) gets a warning naming the operation, its requirement and
 * the fix, once per set of schemes. `--strict` makes it an error.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { diagnostics, faultPackage } from './package.ts';

const SPEC = join(ROOT, 'test/fixtures/faults/unmet-security.yaml');
afterAll(removeTempDirs);

describe('operations whose security the client cannot meet', () => {
  it('are warned about, one warning per set of schemes, and the package compiles', async () => {
    const pkg = await faultPackage('unmet-security.yaml');
    expect(pkg.model.tokenAuth?.schemeName).toBe('hdr');
    const unmet = pkg.model.warnings.filter((w) => w.key.startsWith('security:unmet:'));
    expect(unmet.map((w) => [w.key, w.location.pointer, w.more])).toEqual([
      ['security:unmet:ck,q', '#/paths/~1pets/post/security', 0],
      ['security:unmet:hdr,q', '#/paths/~1both/get/security', 0],
      ['security:unmet:basic', '#/paths/~1admin/get/security', 0],
    ]);
    expect(unmet[0]!.problem).toBe(
      'operation "createPet" requires the security "q" or "ck", but the client sends only its token, as "hdr"',
    );
    expect(unmet[1]!.problem).toContain('requires the security "q" and "hdr"');
    expect(unmet[0]!.hint).toContain('add `{ hdr: [] }` as an alternative in its security');
    // Met: the root requirement (listPets), `security: []` (getPublic), an alternative that is the
    // token's scheme (getEither) or `{}` (getOptional).
    for (const operationId of ['listPets', 'getPublic', 'getEither', 'getOptional'])
      expect(unmet.some((w) => w.problem.includes(`"${operationId}"`))).toBe(false);
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('are an error with --strict, naming the place and the fix', async () => {
    const error = await generate({
      spec: SPEC,
      out: join(await tempDir('unmet-security-'), 'sdk'),
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    const { location, hint, message } = error as GeneratorError;
    expect(location.pointer).toBe('#/paths/~1pets/post/security');
    expect(message).toContain('"createPet" requires the security "q" or "ck"');
    expect(message).toContain('--strict');
    expect(hint).toContain('request options');
  });
});
