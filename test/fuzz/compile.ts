/**
 * Type-checks generated packages held in memory, one after another, through one compiler host:
 * the standard library and every file whose text did not change since the previous package (the
 * runtime, most of the sources) are parsed once and reused. The files are placed virtually under
 * `root` (inside the repository, so `openapi-fetch` resolves from its node_modules); nothing is
 * written. The options are those of the package's own tsconfig.json.
 */
import { join } from 'node:path';
import ts from 'typescript';
import type { RenderedTree } from '../../generator/write/render.ts';

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  allowUnreachableCode: false,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * The first few diagnostics of each tree that does not type-check, each with the index of its
 * tree in `trees` (empty when all do).
 */
export function compileTrees(
  trees: readonly RenderedTree[],
  root: string,
): { index: number; text: string }[] {
  const problems: { index: number; text: string }[] = [];
  const cache = new Map<string, ts.SourceFile>();
  const base = ts.createCompilerHost(OPTIONS, true);
  let program: ts.Program | undefined;
  for (const [index, tree] of trees.entries()) {
    const files = new Map([...tree].map(([path, text]) => [join(root, path), text]));
    const host: ts.CompilerHost = {
      ...base,
      fileExists: (file) => files.has(file) || base.fileExists(file),
      directoryExists: (dir) =>
        [...files.keys()].some((file) => file.startsWith(`${dir}/`)) ||
        (base.directoryExists?.(dir) ?? false),
      realpath: (path) => (files.has(path) ? path : (base.realpath?.(path) ?? path)),
      readFile: (file) => files.get(file) ?? base.readFile(file),
      getSourceFile: (file, language) => {
        const text = files.get(file) ?? base.readFile(file);
        if (text === undefined) return undefined;
        const key = `${file}\0${text.length}\0${text}`;
        let source = cache.get(key);
        if (source === undefined) {
          source = ts.createSourceFile(file, text, language);
          cache.set(key, source);
        }
        return source;
      },
    };
    const roots = [...files.keys()].filter((file) => file.endsWith('.ts'));
    program = ts.createProgram(roots, OPTIONS, host, program);
    const diagnostics = ts.getPreEmitDiagnostics(program);
    for (const diagnostic of diagnostics.slice(0, 3)) {
      const where =
        diagnostic.file === undefined
          ? ''
          : `${diagnostic.file.fileName.slice(root.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `;
      problems.push({
        index,
        text: `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
      });
    }
  }
  return problems;
}
