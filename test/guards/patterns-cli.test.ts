/**
 * Issue 11 item 3 through the CLI (what `npm run generate` runs): a spec with patterns the guards
 * cannot run safely on RegExp generates, with one warning per pattern on stderr naming the file,
 * the JSON pointer and the pattern, and a package that depends on re2js exactly when its guards
 * run a pattern on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run.ts';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';

const CLI = 'scripts/generate.mjs';
const SPEC = 'test/fixtures/guards/patterns.yaml';
const toolchain = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

afterAll(removeTempDirs);

const dependencies = (out: string): Record<string, string> =>
  (
    JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies;

describe('generate with unsafe patterns', () => {
  it('warns per pattern with file, pointer and pattern, and the package depends on re2js', async () => {
    const out = await tempDir('patterns-');
    const run = runScript(CLI, ['--spec', SPEC, '--out', out], 300_000);
    expect(run.status, run.output).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toContain(
      `warning: ${SPEC}:7:38 #/components/schemas/Nested/pattern: the pattern "^(a+)+$" can take exponential time to match, as a repeat holds something that matches the same text in more than one way (recheck; e.g. "'a' + 'a'.repeat(31) + '\\\\x00'"); the guards run it on re2js, a linear-time engine (the package depends on re2js)`,
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^warning: test\/fixtures\/guards\/patterns\.yaml:15:42 #\/components\/schemas\/Possessive\/pattern: the pattern "\^a\+\+\$" is not a valid ECMAScript regular expression/,
      ),
    );
    expect(dependencies(out).re2js).toBe(toolchain.devDependencies.re2js);
    expect(readFileSync(join(out, 'src/guards.ts'), 'utf8')).toMatch(/from ['"]re2js['"]/);
  }, 300_000);

  it('--unsafe-patterns skip: no re2js, and the warning says the pattern is not checked', async () => {
    const out = await tempDir('patterns-');
    const run = runScript(
      CLI,
      ['--spec', SPEC, '--out', out, '--unsafe-patterns', 'skip'],
      300_000,
    );
    expect(run.status, run.output).toBe(0);
    expect(run.stderr).toMatch(
      /Nested\/pattern: .*; the guards do not check it \(--unsafe-patterns skip\)/,
    );
    expect(dependencies(out)).not.toHaveProperty('re2js');
    // The choice is part of the generation record: --check without it sees a different package.
    const check = runScript(CLI, ['--spec', SPEC, '--out', out, '--check'], 300_000);
    expect(check.status, check.output).not.toBe(0);
    expect(check.output).toMatch(/package\.json|guards\.ts/);
  }, 300_000);

  it('an unknown --unsafe-patterns value is refused with the choices', () => {
    const run = runScript(CLI, ['--spec', SPEC, '--unsafe-patterns', 'fast']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('--unsafe-patterns must be re2js, native or skip, not "fast"');
  });
});
