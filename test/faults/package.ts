/**
 * The package the pipeline makes from a fault fixture (test/fixtures/faults/), in memory: bundle →
 * model → every emitter → printed text (not formatted: whitespace does not change a type). Type
 * checked like the generated package's tsconfig (strict, noUncheckedIndexedAccess,
 * noImplicitOverride) in one TypeScript program, with extra files a test adds (type assertions).
 */
import { join } from 'node:path';
import ts from 'typescript';
import { emitPackage } from '../../generator/emit/package-sources.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { renderFiles } from '../../generator/write/render.ts';
import { COMPILER_OPTIONS, VIRTUAL_ROOT } from '../emit/client/compile.ts';
import { fixtureModel } from '../model/fixture-model.ts';

export interface FaultPackage {
  model: ApiModel;
  /** Text by package path (`src/types.ts`). */
  files: Map<string, string>;
}

export async function faultPackage(name: string): Promise<FaultPackage> {
  const model = await fixtureModel(name);
  const files = await renderFiles(
    emitPackage(model).map((file) => ({ ...file, format: false })),
    `generated from test/fixtures/faults/${name}`,
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
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  host.directoryExists = (dir) =>
    [...virtual.keys()].some((file) => file.startsWith(`${dir}/`)) ||
    (directoryExists?.call(host, dir) ?? false);
  host.getSourceFile = (file, version, onError, shouldCreate) => {
    const text = virtual.get(file);
    if (text !== undefined) return ts.createSourceFile(file, text, version, true);
    // TypeScript's libraries and node_modules, parsed once for every package of the run.
    let cached = shared.get(file);
    if (cached === undefined) {
      cached = getSourceFile.call(host, file, version, onError, shouldCreate);
      if (cached !== undefined) shared.set(file, cached);
    }
    return cached;
  };
  const program = ts.createProgram([...virtual.keys()], COMPILER_OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName.replace(`${VIRTUAL_ROOT}/`, '')}:${line + 1}:${character + 1} ${message}`;
  });
}

const shared = new Map<string, ts.SourceFile>();

/** A type-level equality check to put in an extra file: `Equal<A, B>` is `true` only for equal types. */
export const EQUAL = `
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export function same<A, B>(proof: Equal<A, B>): void { void proof; }
`;
