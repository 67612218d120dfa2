/**
 * Builds the generated package (`generated/` unless told otherwise) into the JavaScript its users
 * install: ESM in `dist/esm/` and CommonJS in `dist/cjs/`, each with its `.d.ts` files, as the
 * package.json's `exports` map expects them.
 *
 * Usage: tsx scripts/build-package.ts [--dir generated]
 *
 * Why two folders of `.js` + `.d.ts` rather than `.mjs`/`.cjs` files: `tsc` writes both builds
 * from the same sources without renaming a file or rewriting an import, and every consumer's
 * resolver gets a format it can tell from the nearest package.json (the package's
 * `"type": "module"` for dist/esm, a `{"type": "commonjs"}` marker in dist/cjs). Node 10-style
 * resolution (`main`, `types`) gets the CommonJS build.
 *
 * The build is written into a temporary folder inside the package and swapped in only when both
 * compilations succeeded, so a failed build leaves the previous `dist/` as it was. The output
 * depends only on the sources and the compiler version (no timestamps, no absolute paths).
 */
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { run } from './lib/run.ts';

export const DEFAULT_PACKAGE_DIR = 'generated';

/** The two builds: folder under `dist/`, extra compiler flags, and the module format marker. */
const BUILDS = [
  // The package's tsconfig.json as it is: NodeNext in a `"type": "module"` package emits ESM.
  { folder: 'esm', flags: [], type: undefined },
  // The same sources as CommonJS. Node 10 resolution maps the sources' `./x.js` imports to
  // `./x.ts` and reads openapi-fetch's types through its `main`; the emitted `require`s load
  // its CommonJS build (its `require` condition).
  {
    folder: 'cjs',
    flags: ['--module', 'commonjs', '--moduleResolution', 'node10'],
    type: 'commonjs',
  },
] as const;

export interface BuildPackageOptions {
  /** The generated package's folder (its package.json and tsconfig.json). */
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
  const pkg = await readPackageJson(packageDir);
  const tsconfig = join(packageDir, 'tsconfig.json');
  if (!existsSync(tsconfig)) {
    throw new PackageBuildError(
      `${display(tsconfig)} is missing.\nFix: run \`npm run generate\` to write the package again.`,
    );
  }

  const distDir = join(packageDir, 'dist');
  const staging = await mkdtemp(join(packageDir, '.dist.building-'));
  try {
    await chmod(staging, 0o755); // mkdtemp makes it owner-only; dist/ is meant to be packed and read
    // The two compilations are independent: run them side by side, and let both finish before
    // anything is removed (a tsc still running would write into a deleted folder).
    const compiled = await Promise.allSettled(
      BUILDS.map((build) =>
        compile(packageDir, tsconfig, join(staging, build.folder), build.flags),
      ),
    );
    const failed = compiled.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    for (const build of BUILDS) {
      if (build.type !== undefined)
        await writeFile(
          join(staging, build.folder, 'package.json'),
          `${JSON.stringify({ type: build.type })}\n`,
        );
    }
    await assertEntryPoints(pkg, packageDir, staging);
    await replaceFolder(distDir, staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { distDir, files: await listFiles(distDir) };
}

interface PackageJson {
  name?: string;
  main?: string;
  types?: string;
  exports?: unknown;
  'x-generated'?: unknown;
}

async function readPackageJson(packageDir: string): Promise<PackageJson> {
  const file = join(packageDir, 'package.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new PackageBuildError(
      `No package.json in ${display(packageDir)}.\nFix: pass the generated package's folder with --dir (default: ${DEFAULT_PACKAGE_DIR}), or run \`npm run generate\` first.`,
    );
  }
  const pkg = JSON.parse(text) as PackageJson;
  // dist/ is replaced as a whole: only ever do that inside a package the generator wrote.
  if (typeof pkg !== 'object' || pkg === null || pkg['x-generated'] === undefined) {
    throw new PackageBuildError(
      `${display(file)} is not a generated package (no "x-generated" field); refusing to replace its dist/.\nFix: pass the folder \`npm run generate\` writes with --dir.`,
    );
  }
  return pkg;
}

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

async function compile(
  packageDir: string,
  tsconfig: string,
  outDir: string,
  flags: readonly string[],
): Promise<void> {
  const args = [TSC, '--project', tsconfig, '--outDir', outDir, '--pretty', 'false', ...flags];
  const result = await run(process.execPath, args, { cwd: packageDir });
  if (result.code !== 0) {
    throw new PackageBuildError(
      `tsc failed building ${display(packageDir)} into ${relative(packageDir, outDir)} (${['tsc', ...args.slice(1)].join(' ')}):\n` +
        `${result.output.trimEnd()}\n` +
        'Fix: the generated sources do not compile; run `npm run generate` so they match the generator, and fix the generator if they still fail.',
    );
  }
}

/** Every file that package.json's `main`, `types` and `exports` name under dist/ must have been built. */
async function assertEntryPoints(
  pkg: PackageJson,
  packageDir: string,
  staging: string,
): Promise<void> {
  const targets = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value);
    else if (typeof value === 'object' && value !== null)
      for (const inner of Object.values(value)) collect(inner);
  };
  collect([pkg.main, pkg.types, pkg.exports]);
  const missing: string[] = [];
  for (const target of [...targets].sort()) {
    const match = /^\.\/dist\/(.+)$/.exec(target);
    if (match === null) continue;
    if (!(await stat(join(staging, match[1]!)).catch(() => undefined))?.isFile())
      missing.push(target);
  }
  if (missing.length > 0) {
    throw new PackageBuildError(
      `${display(join(packageDir, 'package.json'))} names files the build did not produce: ${missing.join(', ')}.\n` +
        'Fix: templates/package/package.json.tmpl and scripts/build-package.ts disagree on the dist/ layout; change them together.',
    );
  }
}

/** Moves `staging` to `target`, restoring the previous `target` if the move fails. */
async function replaceFolder(target: string, staging: string): Promise<void> {
  const previous = existsSync(target) ? `${staging}.previous` : undefined;
  if (previous !== undefined) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (previous !== undefined) await rename(previous, target);
    throw error;
  }
  if (previous !== undefined) await rm(previous, { recursive: true, force: true });
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

const USAGE = `Usage: tsx scripts/build-package.ts [options]

Builds the generated package into dist/esm (ESM) and dist/cjs (CommonJS), with .d.ts for both.

Options:
  --dir <dir>  the generated package's folder (default: ${DEFAULT_PACKAGE_DIR})
  --help       show this help`;

async function main(argv: string[]): Promise<number> {
  let values: { dir?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { dir: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
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
    console.error(error instanceof PackageBuildError ? `error: ${error.message}` : error);
    return 1;
  }
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  process.exitCode = await main(process.argv.slice(2));
}
