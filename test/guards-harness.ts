/**
 * Test harness for the guards emitter: fixture spec → model → emitted guards → strict type check
 * (against openapi-typescript's types, as the real pipeline does) → transpile → import, plus an
 * ajv reference validator over the same schemas.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { Project, ts } from 'ts-morph';
import { parse } from 'yaml';
import { emitGuardRuntime, emitGuards } from '../generator/emit/guards.ts';
import type { EmittedSourceFile } from '../generator/emit/types.ts';
import { buildSchemaModel } from '../generator/model/build-schema.ts';
import { stringLiteral } from '../generator/model/names.ts';
import type { NamedSchema } from '../generator/model/types.ts';

export const FIXTURES = fileURLToPath(new URL('./fixtures/schemas/', import.meta.url));

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
export function typesModule(schemas: readonly NamedSchema[]): string {
  const lines = schemas.map(
    (s) => `export type ${s.name} = components["schemas"][${stringLiteral(s.originalName)}];`,
  );
  return [`import type { components } from "./schema.js";`, ...lines].join('\n');
}

export interface CompiledGuards {
  schemas: NamedSchema[];
  /** The guards file as printed by ts-morph (before prettier). */
  source: string;
  /** Strict type-check errors over schema.ts, types.ts, guards.ts and guards-runtime.ts. */
  diagnostics: string;
  /** Number of `any` keywords in the guards file. */
  anyCount: number;
  load(): Promise<GuardsModule>;
  timings: Record<string, number>;
}

/** Builds, emits and type-checks the guards for a whole document. */
export async function compileGuards(
  doc: Doc,
  version: '3.0' | '3.1',
  file = 'fixture.yaml',
): Promise<CompiledGuards> {
  const timings: Record<string, number> = {};
  const time = <T>(label: string, fn: () => T): T => {
    const start = performance.now();
    const result = fn();
    timings[label] = Math.round(performance.now() - start);
    return result;
  };
  const schemas = time('model', () => buildSchemaModel(doc, { file, version }));
  const guards = time('emit', () => emitGuards(schemas, { typesModule: './types.js' }));
  const runtime = emitGuardRuntime();
  let start = performance.now();
  // A copy: openapi-typescript edits its input (it adds discriminator properties to `required`).
  const schemaTs = astToString(await openapiTS(structuredClone(doc) as unknown as OpenAPI3));
  timings['openapi-typescript'] = Math.round(performance.now() - start);

  const project = new Project({
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
  project.createSourceFile('/src/schema.ts', schemaTs);
  project.createSourceFile('/src/types.ts', typesModule(schemas));
  const create = (emitted: EmittedSourceFile) =>
    project.createSourceFile(`/${emitted.path}`, { statements: emitted.statements });
  const guardsFile = time('print', () => create(guards));
  create(runtime);
  const source = time('text', () => guardsFile.getFullText());
  const diagnostics = time('typecheck', () => {
    const found = project.getPreEmitDiagnostics();
    return found.length === 0
      ? ''
      : project.formatDiagnosticsWithColorAndContext(found.slice(0, 20));
  });
  const anyCount = time('any-scan', () => countAny(guardsFile.compilerNode));
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

/** `any` keywords in a file, by a plain compiler-API walk (ts-morph wrappers are slow on big files). */
function countAny(node: ts.Node): number {
  let count = node.kind === ts.SyntaxKind.AnyKeyword ? 1 : 0;
  node.forEachChild((child) => {
    count += countAny(child);
  });
  return count;
}

/** Transpiles TypeScript sources to ES modules in a temporary folder and imports `guards.js`. */
async function importModules(files: Record<string, string>): Promise<GuardsModule> {
  const dir = mkdtempSync(join(tmpdir(), 'guards-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    for (const [name, text] of Object.entries(files)) {
      const js = ts.transpileModule(text, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      writeFileSync(join(dir, name.replace(/\.ts$/, '.js')), js);
    }
    return (await import(pathToFileURL(join(dir, 'guards.js')).href)) as GuardsModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BASE = 'https://fixture.invalid/openapi.json';

/**
 * ajv over the fixture's component schemas: 2020-12 for 3.1 documents, draft-07 for 3.0 ones
 * (after rewriting the 3.0 spellings draft-07 lacks; see {@link toDraft07}).
 */
export function referenceValidator(
  doc: Doc,
  version: '3.0' | '3.1',
): (name: string) => ValidateFunction {
  // ownProperties: a key an object inherits (toString, constructor) is not a property of it.
  // validateFormats: false, as the guards do not check formats either.
  const options = {
    strict: false,
    allErrors: true,
    multipleOfPrecision: 12,
    ownProperties: true,
    validateFormats: false,
  } as const;
  const ajv = version === '3.1' ? new Ajv2020(options) : new Ajv(options);
  const components = version === '3.1' ? doc.components : toDraft07(doc.components);
  ajv.addSchema({ $id: BASE, components });
  return (key) => {
    const validate = ajv.getSchema(
      `${BASE}#/components/schemas/${encodeURIComponent(key).replace(/%2F/g, '~1')}`,
    );
    if (!validate) throw new Error(`no schema ${key}`);
    return validate;
  };
}

/**
 * OpenAPI 3.0 → draft-07 for ajv: `exclusiveMinimum: true` + `minimum` becomes a numeric
 * `exclusiveMinimum`; `nullable: true` without `type` (which ajv rejects) becomes
 * `anyOf: [{ type: null }, rest]`, the reading the guards document; siblings of `$ref` are dropped
 * (3.0 ignores them). ajv handles `nullable` beside `type` itself.
 */
export function toDraft07(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toDraft07);
  if (typeof value !== 'object' || value === null) return value;
  // 3.0: "any properties added [beside $ref] SHALL be ignored".
  if ('$ref' in value) return { $ref: value.$ref };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toDraft07(v);
  for (const [bool, num] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[bool] === 'boolean') {
      if (out[bool] === true && typeof out[num] === 'number') {
        out[bool] = out[num];
        delete out[num];
      } else {
        delete out[bool];
      }
    }
  }
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}
