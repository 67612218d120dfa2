/**
 * Every fault fixture (test/fixtures/faults/, one per kind of fault found in real specs) generates
 * a package that compiles under strict tsc with noImplicitOverride, together with the TypeScript
 * examples of its README, and holds no `any` (found in the TypeScript AST of every emitted source
 * file).
 */
import { readdirSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FAULTS } from '../model/fixture-model.ts';
import { diagnostics, faultPackage, readmeModules } from './package.ts';

const fixtures = readdirSync(FAULTS).filter((file) => file.endsWith('.yaml'));

describe.each(fixtures)('%s', (fixture) => {
  it('compiles under strict tsc with noImplicitOverride, README examples too, with no `any`', async () => {
    const pkg = await faultPackage(fixture);
    expect(diagnostics(pkg, readmeModules(pkg))).toEqual([]);
    const anys: string[] = [];
    for (const [path, text] of pkg.files) {
      if (!path.endsWith('.ts')) continue;
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.AnyKeyword)
          anys.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(anys).toEqual([]);
  });
});
