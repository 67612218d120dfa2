/**
 * Compiles an emitted client in memory: the emitter's files, the copied runtime and the
 * openapi-typescript output for a matching spec, rendered by the pipeline's writer, in one
 * TypeScript program with the generated package's compiler options (strict,
 * noUncheckedIndexedAccess, NodeNext) plus verbatimModuleSyntax, and without Node's types.
 */
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { emitClient, clientRuntimeFiles } from '../../../generator/emit/client.ts';
import { RUNTIME_TEMPLATES_DIR } from '../../../generator/emit/client/runtime-files.ts';
import { emitGuardRuntime, emitGuards } from '../../../generator/emit/guards.ts';
import { responseBodyGuards } from '../../../generator/emit/guards/response-bodies.ts';
import { emitOpenapiTypes } from '../../../generator/emit/openapi-types.ts';
import { emitSchemaTypes } from '../../../generator/emit/schema-types.ts';
import type { ApiModel } from '../../../generator/model/types.ts';
import { renderFiles } from '../../../generator/write/render.ts';
import { ROOT } from '../../helpers/spec.ts';

/** Under the repository, so `openapi-fetch` resolves from its node_modules; never written to disk. */
export const VIRTUAL_ROOT = join(ROOT, '.virtual-client-package');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  // What stricter consumers turn on beside `strict` (a package vendored into such a project).
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  allowUnreachableCode: false,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

export interface CompiledPackage {
  /** Rendered text by package path (`src/client.ts`). */
  files: Map<string, string>;
  /** Formatted diagnostics of every file in the program. */
  diagnostics: string[];
  /** `path:line` of each `any` keyword in the client and runtime files. */
  anyKeywords: string[];
}

/**
 * The client package for `model` (with `spec` as its bundled document) as the writer renders it:
 * src/openapi.ts, src/client.ts, src/response-guards.ts, src/resources/*, src/runtime/*, and the
 * guards and schema types that src/response-guards.ts imports, by path.
 */
export async function renderClient(
  model: ApiModel,
  spec: Record<string, unknown>,
  notice = 'generated for a test',
): Promise<Map<string, string>> {
  const withSpec: ApiModel = { ...model, bundled: spec };
  return renderFiles(
    [
      { ...emitOpenapiTypes(withSpec), format: false },
      ...emitClient(withSpec),
      // Copied as they are, as the pipeline copies templates (emit/package-sources.ts asTemplate).
      ...clientRuntimeFiles().map((file) => ({ ...file, format: false })),
      emitGuards(withSpec.schemas, {
        typesModule: './types.js',
        responses: responseBodyGuards(withSpec),
      }),
      { ...emitGuardRuntime(), format: false },
      emitSchemaTypes(withSpec),
    ],
    notice,
  );
}

/**
 * The files `renderClient` copies from templates/ instead of emitting them: package path → the
 * template (absolute). The golden package links these to their templates rather than copying them.
 */
export function runtimeCopies(): Map<string, string> {
  return new Map([
    ...clientRuntimeFiles().map((file): [string, string] => [
      file.path,
      join(RUNTIME_TEMPLATES_DIR, file.path.replace(/^src\/runtime\//, '')),
    ]),
    [emitGuardRuntime().path, join(ROOT, 'templates/guards/runtime.ts')],
  ]);
}

/** Renders the client (plus `extra` files) and type-checks it. */
export async function compileClient(
  model: ApiModel,
  spec: Record<string, unknown>,
  extra: Record<string, string> = {},
): Promise<CompiledPackage> {
  const rendered = await renderClient(model, spec);
  for (const [path, text] of Object.entries(extra)) rendered.set(path, text);
  return { files: rendered, ...typeCheck(rendered) };
}

/**
 * Strict type errors of in-memory files (absolute paths under VIRTUAL_ROOT → text), as
 * `path:line:column message` relative to VIRTUAL_ROOT. Everything else (TypeScript's libraries,
 * node_modules) comes from disk; pass `cache` to parse those once across several programs.
 *
 * `redirect` (virtual path → another virtual path) sends the imports that resolve to a file to
 * another copy of it instead: the file is not in `virtual`, and never read or checked. `known`
 * names files whose errors are known to be none (text checked before in the same surroundings):
 * they are in the program, for their types, but their own statements are not checked again.
 */
export function virtualDiagnostics(
  virtual: ReadonlyMap<string, string>,
  cache?: Map<string, ts.SourceFile>,
  redirect: ReadonlyMap<string, string> = new Map(),
  known?: (file: string) => boolean,
): string[] {
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const directoryExists = host.directoryExists?.bind(host);
  // Every folder above a virtual file, made once (asked for each module resolution step).
  const virtualDirs = new Set<string>();
  for (const file of [...virtual.keys(), ...redirect.keys()])
    for (let dir = dirname(file); !virtualDirs.has(dir) && dir !== dirname(dir); dir = dirname(dir))
      virtualDirs.add(dir);
  host.fileExists = (file) => virtual.has(file) || redirect.has(file) || fileExists(file);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  host.directoryExists = (dir) => virtualDirs.has(dir) || (directoryExists?.(dir) ?? false);
  if (redirect.size > 0) {
    const resolutionCache = ts.createModuleResolutionCache(
      host.getCurrentDirectory(),
      (name) => name,
      COMPILER_OPTIONS,
    );
    host.resolveModuleNameLiterals = (literals, containingFile, redirected, options, source) =>
      literals.map((literal) => {
        const resolved = ts.resolveModuleName(
          literal.text,
          containingFile,
          options,
          host,
          resolutionCache,
          redirected,
          ts.getModeForUsageLocation(source, literal, options),
        );
        const target =
          resolved.resolvedModule && redirect.get(resolved.resolvedModule.resolvedFileName);
        return target === undefined
          ? resolved
          : {
              ...resolved,
              resolvedModule: { ...resolved.resolvedModule!, resolvedFileName: target },
            };
      });
  }
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(file);
    if (text !== undefined) return ts.createSourceFile(file, text, languageVersion, true);
    let parsed = cache?.get(file);
    if (parsed === undefined) {
      parsed = getSourceFile(file, languageVersion, onError, shouldCreate);
      if (parsed !== undefined) cache?.set(file, parsed);
    }
    return parsed;
  };
  const program = ts.createProgram([...virtual.keys()], COMPILER_OPTIONS, host);
  // getPreEmitDiagnostics' parts (the options, each file's syntax and types, the global ones) in
  // its order, but for the files whose errors are known to be none.
  const diagnostics =
    known === undefined
      ? ts.getPreEmitDiagnostics(program)
      : ts.sortAndDeduplicateDiagnostics([
          ...program.getOptionsDiagnostics(),
          ...program
            .getSourceFiles()
            .filter((file) => !known(file.fileName))
            .flatMap((file) => [
              ...program.getSyntacticDiagnostics(file),
              ...program.getSemanticDiagnostics(file),
            ]),
          ...program.getGlobalDiagnostics(),
        ]);
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName.replace(`${VIRTUAL_ROOT}/`, '')}:${line + 1}:${character + 1} ${message}`;
  });
}

function typeCheck(
  files: ReadonlyMap<string, string>,
): Pick<CompiledPackage, 'diagnostics' | 'anyKeywords'> {
  const virtual = new Map(
    [...files]
      .filter(([path]) => path.endsWith('.ts'))
      .map(([path, text]) => [join(VIRTUAL_ROOT, path), text]),
  );
  const diagnostics = virtualDiagnostics(virtual);

  const anyKeywords: string[] = [];
  for (const [file, text] of virtual) {
    if (
      file.endsWith('/src/openapi.ts') ||
      file.endsWith('/src/guards.ts') ||
      file.endsWith('/src/guards-runtime.ts') ||
      file.endsWith('/src/types.ts')
    )
      continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.AnyKeyword) {
        anyKeywords.push(
          `${file.replace(`${VIRTUAL_ROOT}/`, '')}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
        );
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { diagnostics, anyKeywords };
}
