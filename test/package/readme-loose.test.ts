/**
 * The README's type guard example compiles in a project without `strict` too (helper-118 D11):
 * `if (!result.ok) … result.issues` does not narrow there (TS2339), `result.ok === false` does.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { readmeModules } from '../helpers/readme-blocks.ts';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';

afterAll(removeTempDirs);

describe('the README type guard example', () => {
  it('compiles under strict: false, as under strict', async () => {
    const readme = await readFile(join(ROOT, 'generated/README.md'), 'utf8');
    const modules = readmeModules(
      readme,
      { packageName: 'gigs-sdk', clientName: 'Gigs' },
      join(ROOT, 'generated/src'),
    );
    const [name, text] = Object.entries(modules).find(([, code]) =>
      code.includes('validatePlan('),
    )!;
    const dir = await tempDir('readme-loose-');
    const file = join(dir, name);
    await writeFile(file, text);
    for (const strict of [false, true]) {
      const program = ts.createProgram([file], {
        strict,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName === file)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems, `strict: ${String(strict)}`).toEqual([]);
    }
  }, 120_000);
});
