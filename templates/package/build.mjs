/**
 * Builds this package into the JavaScript its users install: ESM in `dist/esm/` and CommonJS in
 * `dist/cjs/`, each with its `.d.ts` files, as package.json's `exports` map expects them.
 *
 * `npm run build` runs it, and so does `npm pack` / `npm publish` before packing (`prepack`), so
 * a clean checkout ships `dist/`. It needs only Node and the `typescript` devDependency (found in
 * this package's node_modules or a parent folder's); the toolchain's `npm run build` runs this
 * same file.
 *
 * Why two folders of `.js` + `.d.ts` rather than `.mjs`/`.cjs` files: both builds come from the
 * same sources without renaming a file or rewriting an import, and every consumer's
 * resolver gets a format it can tell from the nearest package.json (the package's
 * `"type": "module"` for dist/esm, a `{"type": "commonjs"}` marker in dist/cjs). Node 10-style
 * resolution (`main`, `types`) gets the CommonJS build.
 *
 * One `tsc` run type-checks the sources and writes the ESM build with the `.d.ts` files. The
 * CommonJS build is the same sources transpiled file by file (`ts.transpileModule`), side by side
 * with that run, plus a copy of its `.d.ts` files: tsconfig.json sets `isolatedModules`, so `tsc`
 * refuses any source whose meaning needs other files, and for the rest a whole-program CommonJS
 * compile writes the same bytes (test/package/build.test.ts compares them). That halves the
 * build's CPU time: type-checking twice found nothing new.
 *
 * The build is written into a temporary folder inside the package and swapped in only when both
 * compilations succeeded, so a failed build leaves the previous `dist/` as it was. The output
 * depends only on the sources and the compiler version (no timestamps, no absolute paths).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = dirname(fileURLToPath(import.meta.url));

/** A build that failed: the message says what went wrong, where, and how to fix it. */
class BuildError extends Error {}

async function build() {
  const pkg = await readPackageJson();
  const tsc = typescriptCompiler();
  const distDir = join(packageDir, 'dist');
  const staging = await mkdtemp(join(packageDir, '.dist.building-'));
  try {
    await chmod(staging, 0o755); // mkdtemp makes it owner-only; dist/ is meant to be packed and read
    // tsc runs in its own process while this one transpiles; both finish before anything is
    // removed (a tsc still running would write into a deleted folder).
    const settled = (promise) =>
      promise.then(
        () => undefined,
        (error) => error,
      );
    const esm = settled(compile(tsc, join(staging, 'esm')));
    const cjs = await settled(transpileCommonJS(join(staging, 'cjs')));
    // tsc's errors first: they say what is wrong with the sources.
    const failure = (await esm) ?? cjs;
    if (failure !== undefined) throw failure;
    await copyDeclarations(join(staging, 'esm'), join(staging, 'cjs'));
    // The package is `"type": "module"`: this marker makes Node read dist/cjs as CommonJS.
    await writeFile(
      join(staging, 'cjs', 'package.json'),
      `${JSON.stringify({ type: 'commonjs' })}\n`,
    );
    await assertEntryPoints(pkg, staging);
    await replaceFolder(distDir, staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** This package's package.json; a BuildError when it cannot be read or is not JSON. */
async function readPackageJson() {
  const file = join(packageDir, 'package.json');
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new BuildError(
      `${relative(process.cwd(), file) || file} cannot be read as JSON (${error.message}).\n` +
        '  fix: generate the package again (its package.json is written by the generator).',
    );
  }
}

/** The TypeScript compiler of this package's devDependency. */
function typescriptCompiler() {
  try {
    return createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw new BuildError(
      'TypeScript is not installed, and building the package needs it.\n' +
        '  fix: run `npm install` in this folder (typescript is a devDependency), or `npm ci` in the repository that holds it.',
    );
  }
}

/**
 * The CommonJS build of every source tsconfig.json includes, into `outDir`: the package's
 * compiler options with CommonJS modules (Node 10 resolution maps the sources' `./x.js` imports
 * to `./x.ts`; the emitted `require`s load openapi-fetch's CommonJS build, its `require`
 * condition).
 */
async function transpileCommonJS(outDir) {
  const ts = createRequire(join(packageDir, 'package.json'))('typescript');
  const config = ts.getParsedCommandLineOfConfigFile(join(packageDir, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new BuildError(
        `tsconfig.json cannot be read: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
      );
    },
  });
  const compilerOptions = {
    ...config.options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    declaration: false,
  };
  const rootDir = config.options.rootDir ?? join(packageDir, 'src');
  for (const file of config.fileNames) {
    if (file.endsWith('.d.ts')) continue;
    const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
      compilerOptions,
      fileName: file,
    });
    const target = join(outDir, relative(rootDir, file).replace(/\.[cm]?ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
}

/** Copies every `.d.ts` file under `from` to the same place under `to`. */
async function copyDeclarations(from, to) {
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
  }
}

/** The ESM build with `.d.ts` files: tsc with the package's tsconfig.json as it is. */
function compile(tsc, outDir) {
  const args = [tsc, '--project', 'tsconfig.json', '--outDir', outDir, '--pretty', 'false'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BuildError(
            `tsc failed building ${relative(packageDir, outDir)} (tsc ${args.slice(1).join(' ')}):\n` +
              `${output.trimEnd()}\n` +
              '  fix: the generated sources do not compile; generate the package again so they match the generator, and fix the generator if they still fail.',
          ),
        );
    });
  });
}

/** Every file that package.json's `main`, `types` and `exports` name under dist/ must have been built. */
async function assertEntryPoints(pkg, staging) {
  const targets = new Set();
  const collect = (value) => {
    if (typeof value === 'string') targets.add(value);
    else if (typeof value === 'object' && value !== null)
      for (const inner of Object.values(value)) collect(inner);
  };
  collect([pkg.main, pkg.types, pkg.exports]);
  const missing = [];
  for (const target of [...targets].sort()) {
    const match = /^\.\/dist\/(.+)$/.exec(target);
    if (match === null) continue;
    const info = await stat(join(staging, match[1])).catch(() => undefined);
    if (!info?.isFile()) missing.push(target);
  }
  if (missing.length > 0) {
    throw new BuildError(
      `package.json names files the build did not produce: ${missing.join(', ')}.\n` +
        "  fix: the generator's package.json template and this build disagree on the dist/ layout; change them together.",
    );
  }
}

/** Moves `staging` to `target`, restoring the previous `target` if the move fails. */
async function replaceFolder(target, staging) {
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

try {
  const started = performance.now();
  await build();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  // On stderr: `npm pack --json` runs this (prepack) and its stdout must stay JSON.
  console.error(`Built dist/: ESM and CommonJS with .d.ts (${seconds} s).`);
} catch (error) {
  console.error(error instanceof BuildError ? `error: ${error.message}` : error);
  process.exitCode = 1;
}
