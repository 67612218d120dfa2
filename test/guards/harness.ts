/**
 * Test harness for the guards emitter: fixture spec → model → emitted guards → strict type check
 * (against openapi-typescript's types, as the real pipeline does) → transpile → import, plus the
 * reference validator of guards/reference.ts over the same schemas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { Project, ts } from 'ts-morph';
import { parse } from 'yaml';
import { emitDates, emitDatesRuntime } from '../../generator/emit/dates.ts';
import { emitGuardRuntime, emitGuards } from '../../generator/emit/guards.ts';
import { emitOpenapiTypes } from '../../generator/emit/openapi-types.ts';
import type { UnsafePatterns } from '../../generator/model/patterns.ts';
import type { EmittedSourceFile } from '../../generator/emit/types.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { stringLiteral } from '../../generator/model/names.ts';
import type { NamedSchema } from '../../generator/model/types.ts';
import { importModules } from './compile.ts';
import { referenceFor } from './reference.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/schemas/', import.meta.url));

export type Doc = Record<string, unknown>;

export interface ValidationIssueLike {
  path: string;
  expected: string;
  found: string;
  message: string;
}

export type GuardsModule = Record<string, (value: unknown) => unknown>;

export function loadFixture(name: string): { doc: Doc; version: '3.0' | '3.1'; file: string } {
  const file = join(FIXTURES, name);
  const doc = parse(readFileSync(file, 'utf8')) as Doc;
  const version = String(doc.openapi).startsWith('3.0') ? '3.0' : '3.1';
  return { doc, version, file };
}

/** `export type X = components['schemas']['key']` for each named schema: the real pipeline's types. */
function typesModule(schemas: readonly NamedSchema[]): string {
  const lines = schemas.map(
    (s) => `export type ${s.name} = components["schemas"][${stringLiteral(s.originalName)}];`,
  );
  return [`import type { components } from "./schema.js";`, ...lines].join('\n');
}

export interface CompiledGuards {
  schemas: NamedSchema[];
  /** The guards file as printed by ts-morph (before prettier). */
  source: string;
  /** Strict type-check errors over schema.ts, types.ts, guards.ts and guards-runtime.ts (and the dates files). */
  diagnostics: string;
  /** Number of `any` keywords in the guards file (and the dates file). */
  anyCount: number;
  load(): Promise<GuardsModule>;
  timings: Record<string, number>;
}

/** Builds, emits and type-checks the guards for a whole document. */
export async function compileGuards(
  doc: Doc,
  version: '3.0' | '3.1',
  file = 'fixture.yaml',
  options: { dates?: boolean; unsafePatterns?: UnsafePatterns } = {},
): Promise<CompiledGuards> {
  const timings: Record<string, number> = {};
  const time = <T>(label: string, fn: () => T): T => {
    const start = performance.now();
    const result = fn();
    timings[label] = Math.round(performance.now() - start);
    return result;
  };
  const schemas = time('model', () => buildSchemaModel(doc, { file, version }));
  const guards = time('emit', () =>
    emitGuards(schemas, {
      typesModule: './types.js',
      ...(options.unsafePatterns ? { unsafePatterns: options.unsafePatterns } : {}),
    }),
  );
  const runtime = emitGuardRuntime();
  const start = performance.now();
  // A copy: openapi-typescript edits its input (it adds discriminator properties to `required`).
  const schemaTs = astToString(await openapiTS(structuredClone(doc) as unknown as OpenAPI3));
  timings['openapi-typescript'] = Math.round(performance.now() - start);

  const project = strictProject();
  project.createSourceFile('/src/schema.ts', schemaTs);
  project.createSourceFile('/src/types.ts', typesModule(schemas));
  addDependencyTypes(project);
  const create = (emitted: EmittedSourceFile) =>
    project.createSourceFile(`/${emitted.path}`, { statements: emitted.statements });
  const guardsFile = time('print', () => create(guards));
  create(runtime);
  // With `dates`, the date helpers are type-checked (and scanned for `any`) with the guards.
  const datesFile = options.dates
    ? time('dates', () => {
        create(emitDatesRuntime());
        return create(
          emitDates(schemas, { typesModule: './types.js', guardsModule: './guards.js' }),
        );
      })
    : undefined;
  const source = time('text', () => guardsFile.getFullText());
  const diagnostics = time('typecheck', () => diagnosticsText(project));
  const anyCount = time(
    'any-scan',
    () => countAny(guardsFile.compilerNode) + (datesFile ? countAny(datesFile.compilerNode) : 0),
  );
  const runtimeSource = project.getSourceFileOrThrow(`/${runtime.path}`).getFullText();
  return {
    schemas,
    source,
    diagnostics,
    anyCount,
    timings,
    load: () => importModules({ 'guards.ts': source, 'guards-runtime.ts': runtimeSource }),
  };
}

export interface CompiledDates {
  schemas: NamedSchema[];
  /** The dates file as printed by ts-morph (before prettier). */
  source: string;
  /** Strict type-check errors over the types, the guards and the dates modules. */
  diagnostics: string;
  /** Number of `any` keywords in the dates file. */
  anyCount: number;
  /** The dates module (which imports the guards module). */
  load(): Promise<GuardsModule>;
}

/** Builds, emits and type-checks the guards and the date helpers for a whole document. */
export function compileDates(
  doc: Doc,
  version: '3.0' | '3.1',
  file = 'fixture.yaml',
): CompiledDates {
  const schemas = buildSchemaModel(doc, { file, version });
  // The pipeline's own openapi-typescript run (its copy, its options): a `__proto__` property is
  // typed as it is in a generated package.
  const schemaTs = emitOpenapiTypes({ bundled: doc, operations: [] }).text;
  const project = strictProject();
  project.createSourceFile('/src/schema.ts', schemaTs);
  project.createSourceFile('/src/types.ts', typesModule(schemas));
  const emitted = [
    emitGuards(schemas, { typesModule: './types.js' }),
    emitGuardRuntime(),
    emitDates(schemas, { typesModule: './types.js', guardsModule: './guards.js' }),
    emitDatesRuntime(),
  ];
  const files = emitted.map((e) =>
    project.createSourceFile(`/${e.path}`, { statements: e.statements }),
  );
  const texts = Object.fromEntries(
    emitted.map((e, i) => [e.path.replace(/^src\//, ''), files[i]?.getFullText() ?? '']),
  );
  const datesFile = project.getSourceFileOrThrow('/src/dates.ts');
  return {
    schemas,
    source: datesFile.getFullText(),
    diagnostics: diagnosticsText(project),
    anyCount: countAny(datesFile.compilerNode),
    load: () => importModules(texts, 'dates.js'),
  };
}

/** `compileDates` on a fixture of test/fixtures/schemas/, with its dates module loaded. */
export async function compileDatesFixture(
  name: string,
): Promise<{ compiled: CompiledDates; dates: GuardsModule }> {
  const { doc, version } = loadFixture(name);
  const compiled = compileDates(doc, version, name);
  return { compiled, dates: await compiled.load() };
}

/** An in-memory project with every strictness flag a generated package may meet. */
/**
 * The declarations of the generated package's dependencies the guards may import (re2js, for
 * patterns that could stall RegExp), copied into the in-memory file system from node_modules.
 */
function addDependencyTypes(project: Project): void {
  const root = fileURLToPath(new URL('../../node_modules/re2js/', import.meta.url));
  const fs = project.getFileSystem();
  fs.writeFileSync(
    '/node_modules/re2js/package.json',
    readFileSync(join(root, 'package.json'), 'utf8'),
  );
  fs.writeFileSync(
    '/node_modules/re2js/build/index.d.ts',
    readFileSync(join(root, 'build', 'index.d.ts'), 'utf8'),
  );
}

function strictProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      noUncheckedIndexedAccess: true,
      // Stricter than the brief asks, as a generated package may be compiled with any of these.
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      noPropertyAccessFromIndexSignature: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      allowUnreachableCode: false,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      noEmit: true,
      skipLibCheck: true,
    },
  });
}

function diagnosticsText(project: Project): string {
  const found = project.getPreEmitDiagnostics();
  return found.length === 0 ? '' : project.formatDiagnosticsWithColorAndContext(found.slice(0, 20));
}

/** `any` keywords in a file, by a plain compiler-API walk (ts-morph wrappers are slow on big files). */
function countAny(node: ts.Node): number {
  let count = node.kind === ts.SyntaxKind.AnyKeyword ? 1 : 0;
  node.forEachChild((child) => {
    count += countAny(child);
  });
  return count;
}

/**
 * The reference validator over a document's component schemas: ajv (2020-12 for 3.1, draft-07 for
 * 3.0) adapted by the deliberate differences listed in guards/differences.ts.
 */
export function referenceValidator(
  doc: Doc,
  version: '3.0' | '3.1',
): (name: string) => (value: unknown) => boolean {
  const reference = referenceFor(doc, version);
  return (key) => (value) => reference.check(key, value);
}
