/**
 * Guards of a whole spec, loaded as a module, the fast way: bundle (as the pipeline does) → model
 * → emitted guards → printed → transpiled → imported. No type check (guards-harness.ts does that
 * for the fixtures); each spec is compiled once per test file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { resolveContext } from '../../generator/context.ts';
import { emitGuardRuntime, emitGuards, type GuardsOptions } from '../../generator/emit/guards.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import type { NamedSchema } from '../../generator/model/types.ts';
import { printSourceFile } from '../../generator/write/print.ts';
import type { OpenApiVersion } from './differences.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type GuardFunction = (value: unknown) => unknown;
export type GuardsModule = Record<string, GuardFunction>;

export interface SpecGuards {
  /** The spec file, relative to the repository root. */
  file: string;
  version: OpenApiVersion;
  /** The bundled document. */
  doc: Record<string, unknown>;
  schemas: NamedSchema[];
  guards: GuardsModule;
  /** The printed `src/guards.ts`. */
  source: string;
}

/** Options of the guards emitter a test sets (`functionBudget`: split every long sequence). */
export type TestGuardsOptions = Omit<GuardsOptions, 'typesModule'>;

/** Bundles a spec file (relative to the repository root, or absolute) and loads its guards. */
export async function compileSpec(
  file: string,
  options: TestGuardsOptions = {},
): Promise<SpecGuards> {
  const bundled = await loadAndBundle(resolveContext({ spec: file, cwd: ROOT }));
  return compileDoc(bundled.document, bundled.version, file, options);
}

/** Loads the guards of an already bundled document. */
export async function compileDoc(
  doc: Record<string, unknown>,
  version: OpenApiVersion,
  file = 'inline.yaml',
  options: TestGuardsOptions = {},
): Promise<SpecGuards> {
  const schemas = buildSchemaModel(doc, { file, version });
  const guards = printSourceFile(emitGuards(schemas, { ...options, typesModule: './types.js' }));
  const runtime = printSourceFile(emitGuardRuntime());
  const module = await importModules({ 'guards.ts': guards, 'guards-runtime.ts': runtime });
  return { file, version, doc, schemas, guards: module, source: guards };
}

/** Transpiles TypeScript sources to ES modules in a temporary folder and imports `entry`. */
export async function importModules(
  files: Record<string, string>,
  entry = 'guards.js',
): Promise<GuardsModule> {
  const dir = writeModules(files);
  try {
    return (await import(pathToFileURL(join(dir, entry)).href)) as GuardsModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Transpiles TypeScript sources to ES modules in a new temporary folder; returns the folder. */
export function writeModules(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'guards-'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  // The package's dependencies (re2js, for patterns that could stall RegExp) resolve from ours.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    const js = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(dir, name.replace(/\.ts$/, '.js')), js);
  }
  return dir;
}

export interface IsolatedRun {
  /** The JSON the script printed last, when it finished in time. */
  result: unknown;
  /** True when the child process was killed at the deadline. */
  timedOut: boolean;
  stderr: string;
}

/**
 * Runs `script` (an ES module body; `guards` is the module `entry` of `dir`) in a child process
 * that is killed after `timeoutMs`: a guard that hangs cannot hang the test run, and the test
 * sees that it did. The script ends with `print(value)` to hand back JSON.
 */
export function runIsolated(
  dir: string,
  script: string,
  timeoutMs: number,
  entry = 'guards.js',
): IsolatedRun {
  const module = [
    `import * as guards from ${JSON.stringify(pathToFileURL(join(dir, entry)).href)};`,
    'const print = (value) => process.stdout.write(JSON.stringify(value) + "\\n");',
    script,
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '--eval', module], {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const timedOut =
    (run.error !== undefined && /ETIMEDOUT/.test(String(run.error))) || run.signal === 'SIGKILL';
  const last = run.stdout.trim().split('\n').pop() ?? '';
  let result: unknown;
  try {
    result = last === '' ? undefined : JSON.parse(last);
  } catch {
    result = undefined;
  }
  return { result, timedOut, stderr: run.stderr };
}

/** Spec files the differential run covers: ours, then every fixture spec, sorted. */
export function differentialSpecs(): string[] {
  const under = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ya?ml|json)$/.test(name))
      .map((name) => `${dir}/${name.split('\\').join('/')}`)
      .sort();
  return ['spec/openapi.yaml', ...under('test/fixtures/schemas'), ...under('test/fixtures/specs')];
}

/** A guard function by name, or a clear error. */
export function guardFunction(guards: GuardsModule, name: string): GuardFunction {
  const fn = guards[name];
  if (typeof fn !== 'function') throw new Error(`the guards module has no function ${name}`);
  return fn;
}
