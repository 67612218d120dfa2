/**
 * The package the pipeline makes from a fault fixture (test/fixtures/faults/) or a spec a test
 * writes, in memory: bundle → model → every emitter → printed text (not formatted: whitespace
 * does not change a type). Type checked like the generated package's tsconfig (strict,
 * noUncheckedIndexedAccess, noImplicitOverride) in one TypeScript program, with extra files a test
 * adds (type assertions).
 */
import { join } from 'node:path';
import ts from 'typescript';
import { emitPackage } from '../../generator/emit/package-sources.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { renderFiles } from '../../generator/write/render.ts';
import { VIRTUAL_ROOT, virtualDiagnostics } from '../emit/client/compile.ts';
import { fixtureModel, specModel } from '../model/fixture-model.ts';
import { readmeModules as readmeBlocks } from '../helpers/readme-blocks.ts';
import { writeSpec } from '../generator/helpers.ts';

export interface FaultPackage {
  model: ApiModel;
  /** Text by package path (`src/types.ts`). */
  files: Map<string, string>;
}

export async function faultPackage(name: string): Promise<FaultPackage> {
  return packageOf(await fixtureModel(name), `test/fixtures/faults/${name}`);
}

/**
 * The package for a spec written in the test (a small document as an object), like
 * {@link faultPackage}; the caller removes the temporary folders (`removeTempDirs`).
 */
export async function specPackage(spec: Record<string, unknown>): Promise<FaultPackage> {
  return packageOf(await specModel(await writeSpec(spec)), 'a spec written in a test');
}

async function packageOf(model: ApiModel, source: string): Promise<FaultPackage> {
  const files = await renderFiles(
    emitPackage(model).map((file) => ({ ...file, format: false })),
    `generated from ${source}`,
  );
  return { model, files };
}

/**
 * Strict type errors of the package plus `extra` files (path → TypeScript source, e.g.
 * `src/check.ts` importing from `./types.js`), as `path:line:column message`.
 */
export function diagnostics(pkg: FaultPackage, extra: Record<string, string> = {}): string[] {
  const virtual = new Map<string, string>();
  for (const [path, text] of [...pkg.files, ...Object.entries(extra)])
    if (path.endsWith('.ts')) virtual.set(join(VIRTUAL_ROOT, path), text);
  // TypeScript's libraries and node_modules, parsed once for every package of the run.
  return virtualDiagnostics(virtual, shared);
}

const shared = new Map<string, ts.SourceFile>();

/**
 * {@link diagnostics} of several packages (name → the package and its extra files) checked in one
 * TypeScript program, each under a folder of its own: the checker's setup (the libraries' globals)
 * runs once, not once per package. Each package gets the errors in its own files, worded as
 * {@link diagnostics} words them; an error in no package's files (a global one, or in a library)
 * goes to every package.
 */
export function batchDiagnostics(
  packages: ReadonlyMap<string, { pkg: FaultPackage; extra?: Record<string, string> }>,
): Map<string, string[]> {
  const virtual = new Map<string, string>();
  const names = [...packages.keys()];
  names.forEach((name, index) => {
    const { pkg, extra = {} } = packages.get(name)!;
    for (const [path, text] of [...pkg.files, ...Object.entries(extra)])
      if (path.endsWith('.ts')) virtual.set(join(VIRTUAL_ROOT, `package-${index}`, path), text);
  });
  const found = new Map(names.map((name): [string, string[]] => [name, []]));
  for (const diagnostic of virtualDiagnostics(virtual, shared)) {
    const owner = /^package-(\d+)\/(.*)$/s.exec(diagnostic);
    if (owner === null) for (const list of found.values()) list.push(diagnostic);
    else found.get(names[Number(owner[1])]!)!.push(owner[2]!);
  }
  return found;
}

/** A type-level equality check to put in an extra file: `Equal<A, B>` is `true` only for equal types. */
export const EQUAL = `
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export function same<A, B>(proof: Equal<A, B>): void { void proof; }
`;

/** The README's TypeScript examples as modules of the package (`src/readme-<n>.ts`), for {@link diagnostics}. */
export function readmeModules(pkg: FaultPackage): Record<string, string> {
  const modules = readmeBlocks(pkg.files.get('README.md') ?? '', pkg.model.sdk, '.');
  return Object.fromEntries(Object.entries(modules).map(([name, text]) => [`src/${name}`, text]));
}
