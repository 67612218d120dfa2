/**
 * `npm run build`: builds the generated package (`generated/` unless told otherwise) into the
 * JavaScript its users install, ESM in `dist/esm/` and CommonJS in `dist/cjs/` with `.d.ts`.
 *
 * Usage: npm run build -- [--dir generated]
 *
 * The build itself is the package's own `build.mjs` (from templates/package/), the same file its
 * `prepack` script runs when `npm pack` or `npm publish` packs a clean checkout: one
 * implementation. This command checks that the folder is a generated package, runs that file with
 * Node, and reports what it built; the build swaps `dist/` in only when both compilations succeed.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readFlags } from './lib/command-line.ts';

import { run } from './lib/run.ts';
import { isEntryPoint } from './lib/entry-point.ts';
import { terminalLines } from '../generator/escape.ts';

export const DEFAULT_PACKAGE_DIR = 'generated';
/** The package's build script (generator/emit/package.ts BUILD_SCRIPT_PATH). */
const BUILD_SCRIPT = 'build.mjs';

export interface BuildPackageOptions {
  /** The generated package's folder (its package.json, tsconfig.json and build.mjs). */
  dir: string;
}

export interface BuildPackageResult {
  /** Absolute path of the new `dist/`. */
  distDir: string;
  /** Files written under `dist/`, relative to it, sorted. */
  files: string[];
}

/** A build that failed: `message` says what went wrong, where, and how to fix it. */
export class PackageBuildError extends Error {
  override name = 'PackageBuildError';
}

export async function buildPackage({ dir }: BuildPackageOptions): Promise<BuildPackageResult> {
  const packageDir = resolve(dir);
  await readPackageJson(packageDir);
  for (const file of ['tsconfig.json', BUILD_SCRIPT]) {
    if (!existsSync(join(packageDir, file))) {
      throw new PackageBuildError(
        `${display(join(packageDir, file))} is missing.\n  fix: run \`npm run generate\` to write the package again.`,
      );
    }
  }
  const result = await run(process.execPath, [BUILD_SCRIPT], { cwd: packageDir });
  if (result.code !== 0) {
    throw new PackageBuildError(
      `building ${display(packageDir)} failed:\n${result.output.trimEnd().replace(/^error: /, '')}`,
    );
  }
  const distDir = join(packageDir, 'dist');
  return { distDir, files: await listFiles(distDir) };
}

interface PackageJson {
  'x-generated'?: unknown;
}

async function readPackageJson(packageDir: string): Promise<PackageJson> {
  const file = join(packageDir, 'package.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new PackageBuildError(
      existsSync(packageDir)
        ? `no package.json in ${display(packageDir)}.\n  fix: pass the generated package's folder with --dir (default: ${DEFAULT_PACKAGE_DIR}), or run \`npm run generate\` first.`
        : display(packageDir) === packageDir
          ? `there is no folder ${packageDir}.\n  fix: pass the generated package's folder with --dir (default: ${DEFAULT_PACKAGE_DIR}), or run \`npm run generate\` first.`
          : `there is no folder ${display(packageDir)} in the working folder ${process.cwd()}.\n  fix: run the command from the project's folder (npm run does), or pass the generated package's folder with --dir (default: ${DEFAULT_PACKAGE_DIR}); without one, run \`npm run generate\` first.`,
    );
  }
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(text) as PackageJson;
  } catch (error) {
    throw new PackageBuildError(
      `${display(file)} is not valid JSON (${(error as Error).message}).\n  fix: run \`npm run generate\` to write the package again.`,
    );
  }
  // dist/ is replaced as a whole: only ever do that inside a package the generator wrote.
  if (typeof pkg !== 'object' || pkg === null || pkg['x-generated'] === undefined) {
    throw new PackageBuildError(
      `${display(file)} is not a generated package (no "x-generated" field); refusing to replace its dist/.\n  fix: pass the folder \`npm run generate\` writes with --dir.`,
    );
  }
  return pkg;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** A path relative to the working directory when it is inside it, else absolute. */
function display(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd === '' || fromCwd.startsWith('..') ? path : fromCwd;
}

const USAGE = `Usage: npm run build -- [options]      (tsx scripts/build-package.ts [options])

Builds the generated package into dist/esm (ESM) and dist/cjs (CommonJS), with .d.ts for both.

Options:
  --dir <dir>  the generated package's folder (default: ${DEFAULT_PACKAGE_DIR})
  --help       show this help`;

async function main(argv: string[]): Promise<number> {
  const flags = readFlags(argv, { dir: { type: 'string' } }, USAGE);
  if ('exitCode' in flags) return flags.exitCode;
  const { values } = flags;
  const started = performance.now();
  try {
    const dir = values.dir ?? DEFAULT_PACKAGE_DIR;
    const { distDir, files } = await buildPackage({ dir });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      `Built ${display(distDir)}: ${files.length} files, ESM and CommonJS with .d.ts (${seconds} s).`,
    );
    return 0;
  } catch (error) {
    console.error(
      error instanceof PackageBuildError ? terminalLines(`error: ${error.message}`) : error,
    );
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
