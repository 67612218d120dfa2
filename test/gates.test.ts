/**
 * The code gates CI runs before the tests (`.ci/run`): `npm run typecheck`, `npm run lint` (the
 * spec with Redocly, the code with typescript-eslint and knip) and `npm run format:check`.
 * The spec lint has its own tests (test/spec/lint.test.ts); here: the code lint's config catches
 * what only type information shows, and the scripts and CI run every gate.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/spec.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('npm run lint:code', () => {
  it('uses type information: a promise nobody awaits fails, the same code awaited passes', async () => {
    // A probe outside the tsconfig (the ignored .tmp/), linted with the project's own config.
    const dir = join(ROOT, '.tmp', `gates-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const eslint = new ESLint({
      cwd: ROOT,
      ignore: false, // .tmp/ is ignored by the config
      overrideConfig: {
        languageOptions: {
          parserOptions: { projectService: { allowDefaultProject: ['.tmp/*/*.ts'] } },
        },
      },
    });
    const lint = async (name: string, body: string) => {
      const file = join(dir, name);
      writeFileSync(file, `export async function save(): Promise<void> {}\n${body}\n`);
      const [result] = await eslint.lintFiles([file]);
      return result!.messages.map((m) => m.ruleId);
    };
    expect(await lint('floating.ts', 'export function run(): void {\n  save();\n}')).toEqual([
      '@typescript-eslint/no-floating-promises',
    ]);
    expect(
      await lint('awaited.ts', 'export async function run(): Promise<void> {\n  await save();\n}'),
    ).toEqual([]);
  });

  it('is eslint, then knip (unused files, exports, dependencies)', () => {
    expect(pkg.scripts['lint:code']).toMatch(/^eslint .*\.\s*&&\s*knip$/);
  });
});

describe('npm run lint', () => {
  it('lints the spec and the code', () => {
    expect(pkg.scripts['lint']).toBe('npm run lint:spec && npm run lint:code');
  });
});

describe('.ci/run', () => {
  it('runs typecheck, lint and format:check, each before the tests', () => {
    const lines = readFileSync(join(ROOT, '.ci/run'), 'utf8').split('\n');
    const at = (command: string) => lines.indexOf(command);
    expect(pkg.scripts['typecheck']).toContain('tsc --noEmit');
    expect(pkg.scripts['format:check']).toBe('prettier --check .');
    const tests = lines.findIndex((line) => /^npm (test|run test:all)$/.test(line));
    expect(tests).toBeGreaterThan(0);
    for (const gate of ['npm run typecheck', 'npm run lint', 'npm run format:check']) {
      expect(at(gate), gate).toBeGreaterThan(0);
      expect(at(gate), gate).toBeLessThan(tests);
    }
  });
});

describe('npm ci', () => {
  it('runs only install scripts the project reviewed (allowScripts), so npm 12 keeps running them', () => {
    // npm 11.16 warns about unreviewed install scripts; npm 12 will skip them, which would leave
    // esbuild (the generator build), bun and deno (the runtime tests) without their binaries.
    const result = spawnSync('npm', ['approve-scripts', '--allow-scripts-pending'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('No packages with unreviewed install scripts.');
    const { allowScripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
    };
    // msw's script only copies its browser worker into a public folder; the tests use msw/node.
    expect(allowScripts).toMatchObject({ esbuild: true, msw: false });
  });
});
