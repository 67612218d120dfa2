// The generator as compiled JavaScript: one esbuild build of generator/ (with its libraries) into
// build/generator/<key>/, so that `npm run generate` starts without transpiling TypeScript and
// loads each library once. Plain JavaScript, so that it runs before anything is built.
//
//   node scripts/generator-build.mjs     build now if the sources changed (npm's `prepare` runs it)
//
// `ensureGeneratorBuild()` is what the launcher (scripts/generate.mjs), the dev server and the
// benchmark call. The key is a hash of everything the build is made from: every file under
// generator/, this script, and the installed dependencies (package-lock.json and npm's
// node_modules/.package-lock.json). A developer who edits generator/ therefore never runs stale
// code: the next start sees another key and builds again (about half a second). Builds go to a
// temporary folder and are renamed into place, so concurrent starts (tests in parallel) never see
// half a build; the last few builds are kept, older ones removed.
//
// What the build does beyond bundling:
// - One TypeScript: ts-morph's @ts-morph/common ships its own copy of the compiler; the build
//   points it at the project's `typescript`, which openapi-typescript loads anyway. ts-morph's
//   structure printer reads only TypeScript's enums (test/generator/launcher.test.ts runs the
//   printer on the whole package through the build).
// - One openapi-core: openapi-typescript's own older @redocly/openapi-core is only used by
//   `openapiTS()`'s parse-and-bundle step, which the generator does not call
//   (emit/openapi-types.ts); the build gives it the project's copy instead of loading a second one.
// - CommonJS libraries are bundled, so Node never scans the 9 MB of TypeScript for its exports
//   (what `import 'typescript'` costs an ES module: about 0.5 s).
// - `import.meta.url` in generator/ keeps pointing at the source file, so templates/ and the
//   prettier worker are found where they are.
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where builds go (ignored by git). */
export const BUILD_ROOT = join(ROOT, 'build', 'generator');
/** Builds kept besides the newest (another checkout state, a parallel run still using one). */
const KEEP = 3;
/** The modules a build exposes, by entry name. */
const ENTRIES = { cli: 'generator/cli.ts', index: 'generator/index.ts' };

/** Files whose content makes up the key, relative to the root, sorted. */
export function buildInputs(root = ROOT) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk('generator');
  files.push('scripts/generator-build.mjs');
  for (const lock of ['package-lock.json', 'node_modules/.package-lock.json']) {
    if (existsSync(join(root, lock))) files.push(lock);
  }
  return files.sort();
}

/** The build's key: sha256 over the inputs' paths and contents, shortened. */
export function buildKey(root = ROOT) {
  const hash = createHash('sha256').update(`node ${process.versions.node.split('.')[0]}\0`);
  for (const file of buildInputs(root)) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The folder of an up-to-date build (building it first when there is none): `cli.cjs` exports the
 * CLI's `main(argv)` (load it with loadCli), `cli.mjs` the same as an ES module whose steps load
 * lazily from chunks (cheaper when a run needs little: `--check` on an unchanged folder reads only
 * the generation record), `index.mjs` the programmatic `generate()`.
 */
export async function ensureGeneratorBuild({ root = ROOT, log = () => {} } = {}) {
  const buildRoot = join(root, 'build', 'generator');
  const key = buildKey(root);
  const dir = join(buildRoot, key);
  if (existsSync(join(dir, 'complete'))) return dir;
  // Any earlier build: the sources changed since; none: this checkout's first build.
  const why =
    existsSync(buildRoot) && readdirSync(buildRoot).some((name) => /^[0-9a-f]+$/.test(name))
      ? 'generator/ changed'
      : 'its first build here';
  log(`Building the generator (${why}) into ${relative(root, dir)}/ …`);
  const temp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await bundle(root, temp);
    await finishOutput(temp);
    await writeFile(join(temp, 'complete'), `${key}\n`);
    try {
      await rename(temp, dir);
    } catch (error) {
      // Another process finished the same build first: use theirs.
      if (!existsSync(join(dir, 'complete'))) throw error;
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  await prune(buildRoot, key);
  return dir;
}

async function bundle(root, outdir) {
  const { build } = await import('esbuild');
  await mkdir(outdir, { recursive: true });
  const shared = {
    absWorkingDir: root,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Libraries that load their own files at run time stay outside: prettier's plugins, recheck's
    // worker and native checker (model/patterns.ts). The CLI bundles recheck (below).
    external: ['prettier', 'recheck'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'error',
  };
  await Promise.all([
    build({
      ...shared,
      entryPoints: ENTRIES,
      outExtension: { '.js': '.mjs' },
      splitting: true,
      format: 'esm',
      banner: {
        // CommonJS code inside an ES module: `require` for Node's built-ins, and the file names.
        js: [
          "import { createRequire as __createRequire } from 'node:module';",
          "import { fileURLToPath as __fileURLToPath } from 'node:url';",
          'const require = __createRequire(import.meta.url);',
          'const __filename = __fileURLToPath(import.meta.url);',
          "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
        ].join(' '),
      },
      plugins: plugins(root, outdir, 'import.meta.url'),
    }),
    // The launcher's CLI: one CommonJS file, which Node can compile from V8's code cache
    // (loadCli below); ES modules cannot use one on Node 20.
    // recheck's 3 MB checker is bundled into it too: compiling it is most of loading recheck
    // (0.13 to 0.2 s, against 0.05 s from the cache); its native agent and its synckit worker are
    // still found in node_modules (recheckWorkerPath).
    build({
      ...shared,
      external: ['prettier'],
      entryPoints: { cli: ENTRIES.cli },
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      // Reading and decoding the file is a fixed cost of every start (about 0.1 s per 10 MB, on
      // top of the code cache); without indentation and comments it is 13 MB instead of 19.
      // Names are kept, and the linked source map still maps a stack trace to the sources.
      minifyWhitespace: true,
      plugins: [
        ...plugins(root, outdir, "require('node:url').pathToFileURL(__filename).href"),
        recheckWorkerPath(root),
        redoclyPluginImport(),
      ],
    }),
  ]);
}

/**
 * What the build does to esbuild's output, in place, keeping every line where it is (the source
 * maps stay right):
 * - `__toESM`, esbuild's wrapper that gives each `import x from 'cjs-library'` a namespace object,
 *   copies every export of the library into a new object for each importing module: TypeScript's
 *   namespace (some 2,500 exports) was copied 19 times, about 0.1 s at each start. The wrapper is
 *   made to return the same object to every importer of a library (rebuilt if the library's
 *   exports changed in between, as a CommonJS cycle can leave them half filled).
 * - The CLI bundle is made pure ASCII: the few other characters (in comments and regular
 *   expression literals) become `\u` escapes, which mean the same there. Node then reads it as
 *   latin1 into a one-byte string (loadCli), without decoding or doubling 20 MB of UTF-8.
 */
async function finishOutput(outdir) {
  for (const name of readdirSync(outdir)) {
    if (!/\.(mjs|cjs)$/.test(name)) continue;
    const file = join(outdir, name);
    let text = await readFile(file, 'utf8');
    const original = text;
    text = shareNamespaces(text);
    if (name === 'cli.cjs') text = asciiOnly(text, file);
    if (text !== original) await writeFile(file, text);
  }
}

/** esbuild's `__toESM` helper, as printed plainly or with whitespace minified (the CLI's build). */
const TO_ESM = /(?<=^|[;\s])var __toESM ?= ?\(mod, ?isNodeMode, ?target\) ?=> ?\(/m;

/**
 * The shared `__toESM` (finishOutput), put right after the helper's declaration, whose arrow body
 * is one parenthesised expression: its end is found by balancing the parentheses (the helper
 * holds none inside a string).
 */
export function shareNamespaces(text) {
  const match = TO_ESM.exec(text);
  if (match === null) {
    if (/(?<=^|[;\s])var __toESM ?=/m.test(text))
      throw new Error('esbuild changed __toESM: update shareNamespaces');
    return text;
  }
  let depth = 0;
  let end = -1;
  for (let at = match.index + match[0].length - 1; at < text.length; at++) {
    const char = text[at];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) {
      end = at + 1;
      break;
    }
  }
  if (end === -1 || text[end] !== ';')
    throw new Error('esbuild changed __toESM: update shareNamespaces');
  end++;
  const shared =
    ' __toESM = ((toESM, cache = [new WeakMap(), new WeakMap()]) => (mod, isNodeMode) => {' +
    ' if (mod === null || (typeof mod !== "object" && typeof mod !== "function")) return toESM(mod, isNodeMode);' +
    ' const known = cache[isNodeMode ? 1 : 0], count = __getOwnPropNames(mod).length;' +
    ' let entry = known.get(mod);' +
    ' if (entry === undefined || entry.count !== count) known.set(mod, (entry = { count, namespace: toESM(mod, isNodeMode) }));' +
    ' return entry.namespace; })(__toESM);';
  return text.slice(0, end) + shared + text.slice(end);
}

function asciiOnly(text, file) {
  return text.replace(/[\u0080-\uffff]/g, (char, at) => {
    if (text[at - 1] === '\\') throw new Error(`${file}: an escaped non-ASCII character at ${at}`);
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** esbuild plugins; `moduleUrl` is the output's expression for its own file URL. */
function plugins(root, outdir, moduleUrl) {
  const require = createRequire(join(root, 'package.json'));
  const typescript = require.resolve('typescript');
  const openapiCore = require.resolve('@redocly/openapi-core');
  const refUtils = join(openapiCore, '..', 'ref-utils.js');
  const generatorDir = join(root, 'generator') + sep;
  return [
    {
      name: 'one-copy-of-each-library',
      setup(build) {
        build.onResolve({ filter: /^\.\/typescript$/ }, (args) =>
          args.importer.includes(`${sep}@ts-morph${sep}common${sep}`)
            ? { path: typescript }
            : undefined,
        );
        build.onResolve({ filter: /^@redocly\/openapi-core$/ }, (args) =>
          args.importer.includes(`${sep}openapi-typescript${sep}`)
            ? { path: openapiCore }
            : undefined,
        );
        // openapi-typescript also takes two pointer helpers from its copy's lib/ref-utils.js,
        // whose CommonJS imports bring in that whole copy's utilities (an HTTP client, a proxy
        // agent). Ours has the same two, one of them renamed in its version 2.
        build.onResolve({ filter: /^@redocly\/openapi-core\/lib\/ref-utils\.js$/ }, (args) =>
          args.importer.includes(`${sep}openapi-typescript${sep}`)
            ? { path: 'ref-utils', namespace: 'openapi-typescript-ref-utils' }
            : undefined,
        );
        build.onLoad({ filter: /.*/, namespace: 'openapi-typescript-ref-utils' }, () => ({
          contents: `export { parseRef, escapePointerFragment as escapePointer } from ${JSON.stringify(refUtils)};`,
          resolveDir: root,
          loader: 'js',
        }));
      },
    },
    {
      // @ts-morph/common holds the text of TypeScript's lib files (3 MB of strings, built into an
      // array when it loads), for in-memory Projects that type-check. The generator only prints
      // structures (write/print.ts) and creates no Project, so the build leaves them out; a
      // Project that asked for them would fail with this message.
      name: 'no-typescript-lib-files',
      setup(build) {
        build.onLoad(
          { filter: /[\\/]@ts-morph[\\/]common[\\/]dist[\\/]ts-morph-common\.js$/ },
          async (args) => {
            const text = await readFile(args.path, 'utf8');
            const files = /\nconst libFiles = \[\{[\s\S]*?\n {4}\}\];\n/;
            const getter = 'function getLibFiles() {\n    return libFiles;\n}';
            if (!files.test(text) || !text.includes(getter)) {
              throw new Error(`${args.path} changed: update the no-typescript-lib-files plugin`);
            }
            return {
              contents: text
                .replace(
                  files,
                  (found) =>
                    `\nconst libFiles = undefined;${'\n'.repeat(found.split('\n').length - 2)}`,
                )
                .replace(
                  getter,
                  'function getLibFiles() {\n    throw new Error("the generator\'s build leaves out TypeScript\'s lib files (scripts/generator-build.mjs): create a Project with skipLoadingLibFiles");\n}',
                ),
              loader: 'js',
            };
          },
        );
      },
    },
    {
      name: 'source-relative-import-meta-url',
      setup(build) {
        build.onLoad({ filter: /\.(ts|mts|mjs)$/ }, async (args) => {
          if (!args.path.startsWith(generatorDir)) return undefined;
          const text = await readFile(args.path, 'utf8');
          const fromOut = relative(outdir, args.path).split(sep).join('/');
          return {
            contents: text.replaceAll(
              'import.meta.url',
              `new URL(${JSON.stringify(fromOut)}, ${moduleUrl}).href`,
            ),
            loader: args.path.endsWith('.ts') || args.path.endsWith('.mts') ? 'ts' : 'js',
          };
        });
      },
    },
  ];
}

/**
 * openapi-core loads the plugins a redocly.yaml names (`--redocly-config`) with a dynamic
 * `import()`. In the CLI's bundle, run from V8's code cache by a vm.Script (loadCli), such an
 * `import()` fails on Node 20 (the script's import hook is lost for cached code), and the hook
 * that works without a cache prints an ExperimentalWarning. So the bundle imports them through
 * `__generatorImport`, an `import()` of this ES module that loadCli passes in.
 */
function redoclyPluginImport() {
  return {
    name: 'redocly-plugin-import',
    setup(build) {
      build.onLoad(
        { filter: /[\\/]@redocly[\\/]openapi-core[\\/]lib[\\/]config[\\/]plugins-cache\.js$/ },
        async (args) => {
          const text = await readFile(args.path, 'utf8');
          const call = 'return import(';
          if (text.split(call).length !== 2) {
            throw new Error(`${args.path} changed: update redoclyPluginImport`);
          }
          return { contents: text.replace(call, 'return __generatorImport('), loader: 'js' };
        },
      );
    },
  };
}

/**
 * recheck finds its synckit worker (`checkSync`'s backend) next to its own file, with
 * `require.resolve("./synckit-worker")`: bundled, that would name a file beside the bundle. This
 * names it by package instead, as the native agent already is.
 */
function recheckWorkerPath(root) {
  const main = createRequire(join(root, 'package.json')).resolve('recheck');
  const lib = join(main, '..', 'lib') + sep;
  return {
    name: 'recheck-worker-path',
    setup(build) {
      build.onLoad({ filter: /[\\/]recheck[\\/]lib[\\/]main\.js$/ }, async (args) => {
        if (!args.path.startsWith(lib)) return undefined;
        const text = await readFile(args.path, 'utf8');
        const call = 'require.resolve("./synckit-worker")';
        if (!text.includes(call)) {
          throw new Error(`recheck ${args.path} no longer calls ${call}: update recheckWorkerPath`);
        }
        return {
          contents: text.replace(call, 'require.resolve("recheck/lib/synckit-worker.js")'),
          loader: 'js',
        };
      });
    },
  };
}

/**
 * The CLI's `main(argv)` from a build, compiled from V8's code cache when the build has one
 * (`cli.cjs.cache`, next to it). Compiling the 18 MB bundle (TypeScript, ts-morph, openapi-core,
 * openapi-typescript, the generator) is most of a small spec's module load; the cache holds the
 * bytecode of every function the last run compiled. Node 22's `module.enableCompileCache()` does
 * this for any module; Node 20 has only `vm.Script`.
 *
 * - A run writes the cache after its work is done, when there was none or V8 rejected it (another
 *   Node version, other flags), or when the one it found covers little of the bundle (written by
 *   `--help` or a `--check` that did not need the pipeline) and this run compiled more.
 * - V8 does not checksum a cache's bytecode in release builds: damaged bytes can crash the
 *   process inside V8. So the file starts with our own header (CACHE_MAGIC, the CRC-32 of the
 *   bytecode); a cache whose header or CRC does not match is never handed to V8.
 * - Writes go to a temporary file, then a rename: concurrent runs never read half a cache. A cache
 *   that cannot be written or read only makes a later start slower.
 */
/**
 * Starts the generator's first prettier worker (generator/write/format-worker.mjs under `root`,
 * which the build runs from its sources: see `import.meta.url` above) before the CLI loads, so that it loads prettier while the main thread reads and compiles the CLI
 * (some 0.3 s sooner than the CLI could start it): generator/write/format-pool.ts adopts
 * it. Not on a machine with one core, where the generator formats on the main thread. Unref'd: a
 * run that stops before formatting exits without waiting for it; one that fails to start is
 * forgotten, and the pool starts its own.
 */
export function prestartFormatWorker(root = ROOT) {
  if (availableParallelism() < 2) return;
  const key = Symbol.for('gigs-sdk-toolchain.formatWorker');
  const file = join(root, 'generator/write/format-worker.mjs');
  const worker = new Worker(file);
  const forget = () => {
    if (globalThis[key] === worker) delete globalThis[key];
  };
  worker.once('error', forget);
  worker.once('exit', forget);
  worker.unref();
  globalThis[key] = worker;
}

export function loadCli(dir) {
  const file = join(dir, 'cli.cjs');
  const cacheFile = `${file}.cache`;
  // ASCII only (finishOutput), so latin1 reads it exactly, and fastest.
  const source = readFileSync(file, 'latin1');
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __generatorImport) {${source}\n})`,
    { filename: file, cachedData },
  );
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(file),
    module,
    file,
    dir,
    (specifier) => import(specifier),
  );
  const saveCache = () => {
    const usable = cachedData !== undefined && !script.cachedDataRejected;
    // A full run's cache is most of the source's size; a --help run's is a few percent.
    if (usable && cachedData.length > source.length / 4) return;
    const data = script.createCachedData();
    if (usable && data.length <= cachedData.length * 1.1) return;
    writeCache(cacheFile, data);
  };
  return { main: module.exports.main, saveCache };
}

/** The first bytes of a cache file written by writeCache: a name and a format version. */
const CACHE_MAGIC = Buffer.from('GENCC001');
const CACHE_HEADER = CACHE_MAGIC.length + 4;

/** The bytecode of a cache file, or undefined when there is none or it is not intact. */
function readCache(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length <= CACHE_HEADER || !bytes.subarray(0, CACHE_MAGIC.length).equals(CACHE_MAGIC))
    return undefined;
  const data = bytes.subarray(CACHE_HEADER);
  return zlib.crc32(data) === bytes.readUInt32LE(CACHE_MAGIC.length) ? data : undefined;
}

function writeCache(path, data) {
  const header = Buffer.alloc(CACHE_HEADER);
  CACHE_MAGIC.copy(header);
  header.writeUInt32LE(zlib.crc32(data), CACHE_MAGIC.length);
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, Buffer.concat([header, data]));
    renameSync(temp, path);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** Removes all but the newest KEEP builds other than `current` (best effort). */
async function prune(buildRoot, current) {
  try {
    const others = readdirSync(buildRoot, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== current)
      .map((entry) => {
        const path = join(buildRoot, entry.name);
        return { path, time: statSync(path).mtimeMs, temp: entry.name.includes('.tmp-') };
      })
      .sort((a, b) => b.time - a.time);
    const stale = others.filter((build, index) =>
      build.temp ? Date.now() - build.time > 10 * 60_000 : index >= KEEP,
    );
    for (const build of stale) await rm(build.path, { recursive: true, force: true });
  } catch {
    // Old builds only take space.
  }
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  const started = performance.now();
  const dir = await ensureGeneratorBuild({ log: (line) => console.log(line) });
  console.log(
    `Generator build ready: ${relative(process.cwd(), dir) || dir} (${Math.round(performance.now() - started)} ms).`,
  );
}
