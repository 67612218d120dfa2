/**
 * Path items several paths reach through a `$ref` (another path's, `components/pathItems`, a chain
 * of them), without operationIds: each path's operations get their own derived operationId, in the
 * SDK and in openapi-typescript's `operations` alike, which lists each once
 * (test/fixtures/faults/shared-path-items.yaml, compiled by compile.test.ts). Before, the id
 * derived for the path a `$ref` reaches was given to every path reaching it, `operations` held it
 * twice (TS2300), and the testing kit's `operations['getMirror']` did not exist (TS2339).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { faultPackage, type FaultPackage } from './package.ts';

let pkg: FaultPackage;
beforeAll(async () => {
  pkg = await faultPackage('shared-path-items.yaml');
}, 120_000);

/** The member names of an interface of openapi.ts, in order. */
function members(name: string): Map<string, ts.TypeElement> {
  const source = ts.createSourceFile(
    'openapi.ts',
    pkg.files.get('src/openapi.ts')!,
    ts.ScriptTarget.Latest,
    true,
  );
  const found = source.statements.find(
    (node): node is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(node) && node.name.text === name,
  );
  const list = (found?.members ?? [])
    .filter((member) => member.name !== undefined)
    .map((member) => [(member.name as ts.Identifier | ts.StringLiteral).text, member] as const);
  expect(new Set(list.map(([key]) => key)).size, `${name} keys are unique`).toBe(list.length);
  return new Map(list);
}

describe('path items reached from several paths', () => {
  it('give each path its own operationIds in the model', () => {
    const ids = pkg.model.operations.map((op) => `${op.method} ${op.path} ${op.operationId}`);
    expect(ids.sort()).toEqual([
      'delete /chained/{id} deleteChainedById',
      'delete /first/{id} deleteFirstById',
      'delete /second/{id} deleteSecondById',
      'get /chained/{id} getChainedById',
      'get /first/{id} getFirstById',
      'get /mirror getMirror',
      'get /second/{id} getSecondById',
      'get /source getSource',
    ]);
  });

  it("are listed once per path in openapi-typescript's operations, each path pointing at its own", () => {
    const operations = members('operations');
    const paths = members('paths');
    for (const op of pkg.model.operations) {
      expect(operations.has(op.operationId), op.operationId).toBe(true);
      const item = paths.get(op.path)!;
      const text = item.getText(item.getSourceFile());
      expect(text).toMatch(
        new RegExp(`\\b${op.method}: operations\\[['"]${op.operationId}['"]\\]`),
      );
    }
    expect([...operations.keys()].sort()).toEqual(
      pkg.model.operations.map((op) => op.operationId).sort(),
    );
  });

  it('leave out the parameters no request carries, at each path and in components.pathItems', () => {
    expect(pkg.files.get('src/openapi.ts')).not.toContain('X Trace');
  });
});
