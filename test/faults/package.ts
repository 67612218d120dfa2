/**
 * The package the pipeline makes from a fault fixture (test/fixtures/faults/) or a spec a test
 * writes, in memory: bundle → model → every emitter → printed text (not formatted: whitespace
 * does not change a type). Type checked like the generated package's tsconfig (strict,
 * noUncheckedIndexedAccess, noImplicitOverride) in one TypeScript program, with extra files a test
 * adds (type assertions).
 */
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { emitPackage } from '../../generator/emit/package-sources.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { renderFiles } from '../../generator/write/render.ts';
import { VIRTUAL_ROOT, virtualDiagnostics } from '../emit/client/compile.ts';
import { fixtureModel, specModel } from '../model/fixture-model.ts';
import { readmeModules as readmeBlocks } from '../helpers/readme-blocks.ts';
import { writeSpec } from '../generator/helpers.ts';
import { importModules } from '../guards/compile.ts';

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

/** {@link specPackage} of a 3.1 document that holds these component schemas alone. */
export function schemasPackage(
  title: string,
  schemas: Record<string, unknown>,
): Promise<FaultPackage> {
  return specPackage({
    openapi: '3.1.0',
    info: { title, version: '1' },
    paths: {},
    components: { schemas },
  });
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
 *
 * The runtime copied from templates/ is most of a package's text and the same in most packages
 * (below the notice on its first line). Once a runtime that imports only its own files has been
 * checked without an error in this worker (here or in {@link batchDiagnostics}), the same
 * runtime's statements are not checked again: they would give the same errors, none. Its files
 * stay in the program, so the package is checked against them as before.
 */
export function diagnostics(pkg: FaultPackage, extra: Record<string, string> = {}): string[] {
  const virtual = new Map<string, string>();
  for (const [path, text] of [...pkg.files, ...Object.entries(extra)])
    if (path.endsWith('.ts')) virtual.set(join(VIRTUAL_ROOT, path), text);
  const runtime = sharedRuntimeKey(pkg);
  const known =
    runtime !== undefined && cleanRuntimes.has(runtime)
      ? (file: string) => isRuntimeCopy(file.replace(`${VIRTUAL_ROOT}/`, ''))
      : undefined;
  // TypeScript's libraries and node_modules, parsed once for every package of the run.
  const found = virtualDiagnostics(virtual, shared, new Map(), known);
  if (runtime !== undefined && !found.some(inRuntimeCopy)) cleanRuntimes.add(runtime);
  return found;
}

const shared = new Map<string, ts.SourceFile>();

/** The runtimes ({@link sharedRuntimeKey}) this worker has checked, with no error in them. */
const cleanRuntimes = new Set<string>();

/** Whether a diagnostic (`path:line:column message`) is in a runtime copy. */
function inRuntimeCopy(diagnostic: string): boolean {
  const place = /^(.*?):\d+:\d+ /s.exec(diagnostic);
  return place !== null && isRuntimeCopy(place[1]!.replace(/^package-\d+\//, ''));
}

/**
 * {@link diagnostics} of several packages (name → the package and its extra files) checked in one
 * TypeScript program, each under a folder of its own: the checker's setup (the libraries' globals)
 * runs once, not once per package. Each package gets the errors in its own files, worded as
 * {@link diagnostics} words them; an error in no package's files (a global one, or in a library)
 * goes to every package.
 *
 * The runtime copied from templates/ (src/runtime/, the guards', dates' and testing kit's runtime)
 * is the same in most packages but for the notice on its first line: where a package's runtime
 * imports nothing of the package's own (its error body is no schema of the package) and is the
 * same as another's, line for line below the notice, its imports go to that package's copy, which
 * is checked once for all of them, and its errors go to each of them (at the same lines, as
 * {@link diagnostics} would give them). The runtime is three quarters of each package's text:
 * 65 of the 71 fixtures share one, and their check takes 11 s of CPU instead of 33 s.
 */
export function batchDiagnostics(
  packages: ReadonlyMap<string, { pkg: FaultPackage; extra?: Record<string, string> }>,
): Map<string, string[]> {
  const virtual = new Map<string, string>();
  const redirect = new Map<string, string>();
  const names = [...packages.keys()];
  /** The package whose runtime copy each shared runtime is checked in, by runtime text. */
  const runtimeOwner = new Map<string, number>();
  /** The packages each package's files are the errors of (itself and those sharing its runtime). */
  const sharers = names.map((_, index) => [index]);
  names.forEach((name, index) => {
    const { pkg, extra = {} } = packages.get(name)!;
    const runtime = sharedRuntimeKey(pkg);
    const owner = runtime === undefined ? undefined : runtimeOwner.get(runtime);
    if (runtime !== undefined && owner === undefined) runtimeOwner.set(runtime, index);
    for (const [path, text] of [...pkg.files, ...Object.entries(extra)]) {
      if (!path.endsWith('.ts')) continue;
      const file = join(VIRTUAL_ROOT, `package-${index}`, path);
      if (owner !== undefined && isRuntimeCopy(path))
        redirect.set(file, join(VIRTUAL_ROOT, `package-${owner}`, path));
      else virtual.set(file, text);
    }
    if (owner !== undefined) sharers[owner]!.push(index);
  });
  const found = new Map(names.map((name): [string, string[]] => [name, []]));
  const all = virtualDiagnostics(virtual, shared, redirect);
  for (const [runtime, owner] of runtimeOwner)
    if (!all.some((d) => d.startsWith(`package-${owner}/`) && inRuntimeCopy(d)))
      cleanRuntimes.add(runtime);
  for (const diagnostic of all) {
    const owner = /^package-(\d+)\/(.*)$/s.exec(diagnostic);
    if (owner === null) for (const list of found.values()) list.push(diagnostic);
    else {
      const index = Number(owner[1]);
      // An error in a shared runtime copy is one of every package sharing it.
      const to = isRuntimeCopy(owner[2]!.replace(/:\d+:\d+ .*$/s, '')) ? sharers[index]! : [index];
      for (const each of to) found.get(names[each]!)!.push(owner[2]!);
    }
  }
  return found;
}

/** The files the generator copies from templates/ (with the notice on the first line). */
function isRuntimeCopy(path: string): boolean {
  return (
    path.startsWith('src/runtime/') ||
    path === 'src/testing/runtime.ts' ||
    path === 'src/guards-runtime.ts' ||
    path === 'src/dates-runtime.ts'
  );
}

/**
 * The package's runtime copy as text below the notice line, when the runtime imports nothing but
 * its own files and libraries (it can then be checked in another package's folder); else undefined.
 */
function sharedRuntimeKey(pkg: FaultPackage): string | undefined {
  const parts: string[] = [];
  const runtime = [...pkg.files].filter(([path]) => path.endsWith('.ts') && isRuntimeCopy(path));
  for (const [path, text] of runtime.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const newline = text.indexOf('\n');
    if (!text.startsWith('//') || newline === -1) return undefined;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier !== undefined &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      if (specifier === undefined || !specifier.startsWith('.')) continue;
      const target = join(dirname(path), specifier).replace(/\.js$/, '.ts');
      if (!isRuntimeCopy(target) || !pkg.files.has(target)) return undefined;
    }
    parts.push(`${path}\n${text.slice(newline)}`);
  }
  return parts.join('\0');
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

/**
 * The package's `is<Name>` guards (src/guards.ts with its runtime), imported and called by schema
 * name: `is('Pet', value)`.
 */
export async function packageIs(
  pkg: FaultPackage,
): Promise<(name: string, value: unknown) => boolean> {
  const guards = await importModules({
    'guards.ts': pkg.files.get('src/guards.ts') ?? '',
    'guards-runtime.ts': pkg.files.get('src/guards-runtime.ts') ?? '',
  });
  return (name, value) => (guards[`is${name}`] as (v: unknown) => boolean)(value);
}

/** The package's date helpers (src/dates.ts with its runtime), imported: `reviveOrder`, … */
export function packageDates(
  pkg: FaultPackage,
): Promise<Record<string, (value: unknown) => unknown>> {
  return importModules(
    {
      'dates.ts': pkg.files.get('src/dates.ts') ?? '',
      'dates-runtime.ts': pkg.files.get('src/dates-runtime.ts') ?? '',
    },
    'dates.js',
  );
}
