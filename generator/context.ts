/**
 * Every option of a generator run, resolved once with explicit defaults (style.md #4). Steps of the
 * pipeline take this object; none of them reads `process.argv`, the environment or its own defaults.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** What a caller may pass: the CLI flags, or `generate({ … })` from generator/index.ts. */
export interface GenerateOptions {
  /** The spec's root file. Default `spec/openapi.yaml`. */
  spec?: string;
  /** The output folder (the npm package). Default `generated`. */
  out?: string;
  /**
   * The npm package name. Default: `x-sdk.packageName` in the spec, else the client name in
   * kebab-case plus `-sdk` (`x-sdk.clientName: Gigs` → `gigs-sdk`).
   */
  name?: string;
  /** The package version. Default: the spec's `info.version`. */
  version?: string;
  /** Compare instead of writing: report the files that would change. Default false. */
  check?: boolean;
  /** Treat warnings (parts of the spec the generator ignores) as errors. Default false. */
  strict?: boolean;
  /** A `redocly.yaml` to bundle with (decorators, resolve settings). Default: none (neutral config). */
  redoclyConfig?: string;
  /** Folder that relative paths start from and that messages name files relative to. Default `process.cwd()`. */
  cwd?: string;
  /**
   * Reuse prettier's output for text it has formatted before (see write/format-cache.ts). Default
   * true; the cache lives in `<cwd>/node_modules/.cache/<tool>/` and is off where there is no
   * `node_modules` folder.
   */
  cache?: boolean;
  /**
   * Format the package's files with prettier. Default true. `false` writes the text as ts-morph and
   * openapi-typescript print it: valid TypeScript with the same API, for a caller that only reads
   * the package's types (`npm run diff` compares them) and never publishes it.
   */
  format?: boolean;
  /**
   * What the guards do with a `pattern` that may take super-linear time to match (a ReDoS risk):
   * `re2js` (default) runs it on the linear-time re2js engine, `native` on JavaScript's RegExp
   * anyway, `skip` does not check it. See generator/model/patterns.ts.
   */
  unsafePatterns?: 're2js' | 'native' | 'skip';
  /**
   * Follow `$ref`s to files outside the root file's folder (and its subfolders) and to http(s)
   * URLs. Default false: a spec from someone else (a pull request) cannot make the generator read
   * other files of the machine into the package, or probe the network, through a `$ref`.
   */
  allowExternalRefs?: boolean;
}

export interface GeneratorContext {
  /** Absolute path of the spec's root file. */
  specPath: string;
  /** The spec's path relative to `cwd`, with `/` separators: what messages print. */
  specDisplay: string;
  /**
   * The spec's path as generated files name it: relative to the project the output folder is in
   * (the nearest folder above it with a `package.json` or `.git`; for an output folder outside
   * any project, the spec's project), `/`-separated, when the spec is in that project; else only
   * the file name, never a machine's folders. The same from any working folder, so a `--check`
   * run elsewhere finds the same files.
   */
  specSource: string;
  /** Absolute path of the output folder. */
  outDir: string;
  /** Package name from the caller; undefined means: take it from the spec or the default. */
  packageName: string | undefined;
  /** Package version from the caller; undefined means: take `info.version`. */
  packageVersion: string | undefined;
  check: boolean;
  /** Warnings are errors (`--strict`). */
  strict: boolean;
  /** Absolute path of a Redocly config, or undefined for the neutral built-in one. */
  redoclyConfig: string | undefined;
  cwd: string;
  /** Folder of the prettier cache, or undefined for none. */
  formatCacheDir: string | undefined;
  /** See {@link GenerateOptions.format}. */
  format: boolean;
  /** See {@link GenerateOptions.unsafePatterns}. */
  unsafePatterns: 're2js' | 'native' | 'skip';
  /** See {@link GenerateOptions.allowExternalRefs}. */
  allowExternalRefs: boolean;
}

export const DEFAULT_SPEC = 'spec/openapi.yaml';
export const DEFAULT_OUT = 'generated';
/** Names the tool in every generated file's header. */
export const TOOL_NAME = 'gigs-sdk-toolchain';
/** The command that regenerates the package, printed in every header. */
export const REGENERATE_COMMAND = 'npm run generate';

export function resolveContext(options: GenerateOptions = {}): GeneratorContext {
  const cwd = resolve(options.cwd ?? process.cwd());
  const specPath = resolve(cwd, options.spec ?? DEFAULT_SPEC);
  const outDir = resolve(cwd, options.out ?? DEFAULT_OUT);
  const project = projectFolder(dirname(outDir)) ?? projectFolder(dirname(specPath));
  const fromProject = project === undefined ? undefined : relative(project, specPath);
  return {
    specPath,
    specDisplay: displayPath(cwd, specPath),
    specSource:
      fromProject === undefined || fromProject.startsWith('..') || isAbsolute(fromProject)
        ? basename(specPath)
        : fromProject.split(sep).join('/'),
    outDir,
    packageName: options.name,
    packageVersion: options.version,
    check: options.check ?? false,
    strict: options.strict ?? false,
    redoclyConfig:
      options.redoclyConfig === undefined ? undefined : resolve(cwd, options.redoclyConfig),
    cwd,
    formatCacheDir:
      options.cache !== false && existsSync(join(cwd, 'node_modules'))
        ? join(cwd, 'node_modules', '.cache', TOOL_NAME, 'prettier')
        : undefined,
    format: options.format ?? true,
    unsafePatterns: options.unsafePatterns ?? 're2js',
    allowExternalRefs: options.allowExternalRefs ?? false,
  };
}

/** The nearest folder from `folder` up that holds a `package.json` or `.git`: a project's root. */
function projectFolder(folder: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json')) || existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/** A path as messages print it: relative to `cwd` when inside it, always with `/` separators. */
export function displayPath(cwd: string, absolute: string): string {
  // A URL (`--spec https://…`, a `$ref` to one) as it is: no path of the working folder.
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(absolute)) return absolute;
  const rel = relative(cwd, absolute);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
  return shown.split(sep).join('/');
}
