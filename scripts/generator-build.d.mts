// Types of scripts/generator-build.mjs (plain JavaScript, so that it runs before anything is built).

/** Where builds go (ignored by git): build/generator/. */
export const BUILD_ROOT: string;

/** Files whose content makes up the build's key, relative to the root, sorted. */
export function buildInputs(root?: string): string[];

/** The build's key: sha256 over the inputs' paths and contents, shortened. */
export function buildKey(root?: string): string;

/**
 * The folder of an up-to-date build, building it first when there is none: `cli.mjs` exports the
 * CLI's `main(argv)`, `index.mjs` the programmatic `generate()` (generator/index.ts).
 */
export function ensureGeneratorBuild(options?: {
  root?: string;
  log?: (line: string) => void;
}): Promise<string>;

/**
 * esbuild output with its `__toESM` made to give every importer of a CommonJS library the same
 * namespace object (a new one when the library's exports changed in between); lines unchanged.
 */
export function shareNamespaces(text: string): string;

/**
 * Starts the generator's first prettier worker (generator/write/format-worker.mjs under `root`)
 * before the CLI loads, for generator/write/format-pool.ts to adopt (not on a one-core machine).
 */
export function prestartFormatWorker(root?: string): void;
