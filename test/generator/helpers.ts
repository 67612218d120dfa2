/** Shared helpers of the generator tests: temp folders, tree snapshots, compiling and scanning output. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/spec.ts';

export { ROOT };
export const FIXTURES = join(ROOT, 'test/fixtures/specs');
export const GITHUB_SPEC = join(
  ROOT,
  'node_modules/@octokit/openapi/generated/api.github.com.json',
);

const made: string[] = [];

/** A fresh folder under the OS temp folder, removed by `removeTempDirs()`. */
export async function tempDir(prefix = 'gen-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes a spec object as JSON into a temp folder and returns the file's path. */
export async function writeSpec(spec: unknown, name = 'openapi.json'): Promise<string> {
  const file = join(await tempDir('spec-'), name);
  await writeFile(file, JSON.stringify(spec, null, 2));
  return file;
}

/**
 * Every entry under `dir` → its bytes (files, base64), its target (symlinks) or `dir` (folders):
 * two equal snapshots mean the trees are byte-for-byte the same.
 */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(dir, relative));
    for (const name of entries.sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const info = await lstat(join(dir, path));
      if (info.isSymbolicLink()) out[path] = `symlink:${await readlink(join(dir, path))}`;
      else if (info.isDirectory()) {
        out[path] = 'dir';
        await walk(path);
      } else out[path] = (await readFile(join(dir, path))).toString('base64');
    }
  };
  await walk('');
  return out;
}

/** Lets the generated package resolve its dependencies from the toolchain's node_modules. */
export async function linkNodeModules(out: string): Promise<void> {
  if (!existsSync(join(out, 'node_modules')))
    await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
}

/**
 * `tsc -p <out>/tsconfig.json --noEmit` (strict, from the generated tsconfig), in this process:
 * the diagnostics tsc reports, in its order and its plain (not a terminal) format, and its exit
 * status. The same steps as tsc's `emitFilesAndReportErrors`: the config's problems, syntax,
 * options, globals, types, then declaration problems (the tsconfig sets `declaration`). TypeScript
 * and its libraries are loaded and parsed once per test worker, not once per package: 3 to 4.5 s
 * of CPU a package where a tsc process took 7.1 s.
 */
export function compile(out: string): { status: number; output: string } {
  const configPath = join(out, 'tsconfig.json');
  const configProblems: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (problem) => configProblems.push(problem) },
  );
  const format: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => ts.sys.newLine,
  };
  if (parsed === undefined)
    return { status: 1, output: ts.formatDiagnostics(configProblems, format) };
  const host = ts.createCompilerHost(parsed.options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    // The libraries and dependencies do not change during a run; the package's own files do.
    if (!file.includes('/node_modules/'))
      return getSourceFile(file, languageVersion, onError, shouldCreate);
    const key = `${JSON.stringify(languageVersion)} ${file}`;
    let source = dependencySources.get(key);
    if (source === undefined) {
      source = getSourceFile(file, languageVersion, onError, shouldCreate);
      if (source !== undefined) dependencySources.set(key, source);
    }
    return source;
  };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  const found = [...program.getConfigFileParsingDiagnostics()];
  const configCount = found.length;
  found.push(...program.getSyntacticDiagnostics());
  if (found.length === configCount) {
    found.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (found.length === configCount) found.push(...program.getSemanticDiagnostics());
    const declarations = parsed.options.declaration === true || parsed.options.composite === true;
    if (declarations && found.length === configCount)
      found.push(...program.getDeclarationDiagnostics());
  }
  const emitted = program.emit();
  found.push(...emitted.diagnostics);
  const diagnostics = ts.sortAndDeduplicateDiagnostics(found);
  const status = diagnostics.length === 0 ? 0 : emitted.emitSkipped ? 1 : 2;
  return { status, output: ts.formatDiagnostics(diagnostics, format) };
}

const dependencySources = new Map<string, ts.SourceFile>();

/**
 * `tsc -p <out>/tsconfig.json --noEmit` as a process of its own, for a package too large to check
 * beside a test worker's other work (GitHub's REST description, a scale test).
 */
export function tscProcess(
  out: string,
  timeout: number,
): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json'), '--noEmit'],
    { encoding: 'utf8', timeout },
  );
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** `file:line` of every `any` keyword in the generated TypeScript files under `out/src`. */
export async function findAnyKeywords(out: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.ts')) {
        const source = ts.createSourceFile(
          path,
          await readFile(path, 'utf8'),
          ts.ScriptTarget.Latest,
          true,
        );
        const visit = (node: ts.Node): void => {
          if (node.kind === ts.SyntaxKind.AnyKeyword) {
            found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    }
  };
  await walk(join(out, 'src'));
  return found;
}

/** An output folder as a user has it: an earlier generated package plus their own files. */
export async function existingOutput(): Promise<string> {
  const out = join(await tempDir('out-'), 'sdk');
  await mkdir(join(out, 'src'), { recursive: true });
  await mkdir(join(out, 'node_modules/dep'), { recursive: true });
  await writeFile(
    join(out, 'src/index.ts'),
    '// This file is generated by gigs-sdk-toolchain from x (sha256 0). Do not edit it by hand\n',
  );
  await writeFile(
    join(out, 'package.json'),
    '{ "name": "old", "x-generated": { "notice": "This file is generated by gigs-sdk-toolchain from x." } }\n',
  );
  await writeFile(join(out, 'node_modules/dep/index.js'), 'module.exports = 1;\n');
  await writeFile(join(out, '.gitignore'), 'dist/\n');
  await writeFile(join(out, 'LICENSE'), 'MIT\n');
  await symlink('node_modules/dep', join(out, 'link'));
  return out;
}
