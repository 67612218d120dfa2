/**
 * `src/index.ts`, the package's entry point: the named types, the guards, the date helpers, the
 * client and the resources. Every exported name was claimed in one NameRegistry by the model, so
 * the `export *` lines cannot collide.
 */
import { StructureKind, type ExportDeclarationStructure } from 'ts-morph';
import type { EmittedSourceFile } from './types.ts';

const INDEX_PATH = 'src/index.ts';

/** Modules of the package the entry point re-exports, in this order (without `./src/`, as `.js`). */
const ENTRY_MODULES = [
  './types.js',
  './guards.js',
  './dates.js',
  './client.js',
  './resources/index.js',
] as const;

export function emitIndexModule(modules: readonly string[] = ENTRY_MODULES): EmittedSourceFile {
  return {
    path: INDEX_PATH,
    statements: modules.map((moduleSpecifier): ExportDeclarationStructure => ({
      kind: StructureKind.ExportDeclaration,
      // types.ts declares types only; `export type *` says so to isolated-module compilers.
      isTypeOnly: moduleSpecifier === './types.js',
      moduleSpecifier,
    })),
  };
}
