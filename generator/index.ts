/**
 * The generator's programmatic API: `generate({ spec, out, name, check })` does what
 * `npm run generate` does and returns what happened instead of printing it.
 */
import type { ApiModel, PaginationModel } from './model/types.ts';
import { resolveContext, type GenerateOptions } from './context.ts';
import { specURLError } from './load/spec-file.ts';
import type { CheckResult } from './write/check.ts';
import { provenUpToDate } from './write/record.ts';

export type { GenerateOptions } from './context.ts';
export { GeneratorError } from './errors.ts';
export type { CheckResult } from './write/check.ts';
export { GeneratorWarning } from './warnings.ts';
export type { SourcePlace } from './load/source-map.ts';
import type { GeneratorWarning } from './warnings.ts';
import type { SourcePlace } from './load/source-map.ts';

export interface GenerateResult {
  /** The output folder (absolute). */
  out: string;
  /** Paths of the generated files, relative to `out`, sorted. */
  files: string[];
  /**
   * Without `check`: the files this run added, changed or removed, relative to `out`, sorted;
   * undefined when the folder could not be read before writing.
   */
  changed?: string[];
  /** Without `check`: the output folder did not exist, so every file was written anew. */
  newFolder?: true;
  /**
   * Without `check`: the npm name of the package the output folder held before, when the run
   * replaced another package with this one (another spec, or another `--name`).
   */
  replacedPackage?: string;
  /**
   * Without `check`: generated files the run rewrote or removed that had been edited by hand
   * since the last run (their bytes were not those its generation record hashes): the edits are
   * gone from disk. Relative to `out`, sorted.
   */
  overwritten?: string[];
  /** With `check: true`: the differences between `out` and what would be written (nothing is written). */
  check?: CheckResult;
  /** Milliseconds per pipeline step. */
  timings: Record<string, number>;
  /**
   * Files over the size prettier is run on (2 MiB each: prettier took half a minute on a 17 MB
   * file), written as the TypeScript printer wrote them: indented consistently, one
   * statement per line, but not in prettier's form. Relative to `out`, sorted; empty on most specs.
   */
  asPrinted: string[];
  /**
   * What the generator ignored in the spec or does not check as it says (unsafe or invalid
   * patterns: model/patterns.ts), one per kind: its first place, how many more have the same
   * words, and every place with other words in `places` (with `strict`, every place is an error).
   */
  warnings: GeneratorWarning[];
  /**
   * The generated package: its npm name and version, and the name of its client class. Set when
   * the pipeline ran: always without `check`; with `check`, not when the folder was proven up to
   * date from its generation record (its package.json then has the same name and version).
   */
  package?: {
    name: string;
    version: string;
    clientName: string;
    /**
     * The exported type names of each named schema, by its JSON pointer in the bundled document
     * (`#/components/schemas/Plan` → `['Plan', 'PlanInput']`): what `npm run diff` maps the spec's
     * uses of a schema onto.
     */
    schemaTypes: Record<string, string[]>;
    /**
     * Where the place at `pointer` (`#/components/parameters/PlanId/schema`) of the package's
     * bundled spec (`openapi.json`) was written: the file (absolute path), the pointer in it, and
     * its line and column (1-based) when the file is small enough to look them up; undefined when
     * no file has it. What `npm run diff` names for each change.
     */
    sourcePlace: (pointer: string, at?: 'value' | 'key') => SourcePlace | undefined;
    /**
     * The operation each client method calls, `client.plans.retrieve` → `GET /plans/{plan}`: how
     * `npm run diff` tells a renamed method from one removed and another added.
     */
    operations: Record<string, string>;
    /**
     * What the client does without being told, which a spec change can alter under code that
     * still compiles: the environment variable each option defaults to (`token` → `GIGS_TOKEN`),
     * the default base URL (the first root server; absent when none), and how the token is sent
     * (`bearer`, `apiKey header X-Api-Key`, `basic`; absent when the client takes none).
     */
    client: { environment: Record<string, string>; baseURL?: string; credential?: string };
    /**
     * How each paginated method pages (`client.plans.list` → its `x-sdk-pagination`): the fields
     * its iteration follows, which a spec change can alter under code that still compiles.
     */
    pagination: Record<string, PaginationModel>;
    /**
     * Each method's operationId as the spec writes it, where it has one: openapi-typescript's
     * `operations` map (src/openapi.ts) is keyed by it.
     */
    operationIds: Record<string, string>;
    /**
     * The types each method has of its own (its `…Params`, `…Response`, `…Body`, its response
     * guards' names), by method: what goes with it when it is removed.
     */
    methodTypes: Record<string, string[]>;
  };
}

/**
 * Generates the package (or, with `check`, compares). Bad input rejects with a GeneratorError.
 *
 * `check` first tries to prove the folder up to date from its generation record (hashes of what it
 * was made from and of what was written, write/record.ts); only when that fails does it load the
 * pipeline (the bundler, openapi-typescript, ts-morph, prettier) and compare for real.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const url = options.spec === undefined ? undefined : specURLError(options.spec);
  if (url !== undefined) throw url;
  const ctx = resolveContext(options);
  if (ctx.check) {
    const start = performance.now();
    const files = await provenUpToDate(ctx);
    if (files !== undefined) {
      const timings = { check: performance.now() - start };
      return {
        out: ctx.outDir,
        files,
        check: { added: [], changed: [], removed: [] },
        timings,
        asPrinted: [],
        warnings: [],
      };
    }
  }
  const { runPipeline } = await import('./pipeline.ts');
  const result = await runPipeline(ctx);
  const output: GenerateResult = {
    out: ctx.outDir,
    files: [...result.tree.keys()],
    ...(result.changed === undefined ? {} : { changed: result.changed }),
    ...(result.newFolder === true ? { newFolder: true as const } : {}),
    ...(result.replacedPackage === undefined ? {} : { replacedPackage: result.replacedPackage }),
    ...(result.overwritten === undefined ? {} : { overwritten: result.overwritten }),
    timings: result.timings,
    asPrinted: result.asPrinted,
    warnings: result.model.warnings,
    package: {
      name: result.model.sdk.packageName,
      version: result.model.sdk.packageVersion,
      clientName: result.model.sdk.clientName,
      schemaTypes: Object.fromEntries(
        result.model.schemas.map((schema) => [
          schema.pointer,
          schema.inputName === undefined ? [schema.name] : [schema.name, schema.inputName],
        ]),
      ),
      sourcePlace: (pointer, at) => result.sourceMap.place(pointer, at),
      operations: Object.fromEntries(
        result.model.resources.flatMap((resource) =>
          resource.operations.map((operation) => [
            `client.${resource.name}.${operation.sdk.method}`,
            `${operation.method.toUpperCase()} ${operation.path}`,
          ]),
        ),
      ),
      client: clientDefaults(result.model),
      operationIds: Object.fromEntries(
        result.model.resources.flatMap((resource) =>
          resource.operations.map((operation) => [
            `client.${resource.name}.${operation.sdk.method}`,
            operation.operationId,
          ]),
        ),
      ),
      methodTypes: Object.fromEntries(
        result.model.resources.flatMap((resource) =>
          resource.operations.map((operation) => [
            `client.${resource.name}.${operation.sdk.method}`,
            [
              ...new Set(
                [
                  operation.typeNames.params,
                  operation.typeNames.response,
                  operation.typeNames.body,
                  operation.typeNames.responseGuard,
                  ...Object.values(operation.typeNames.otherResponseGuards ?? {}),
                ].filter((name): name is string => name !== undefined),
              ),
            ],
          ]),
        ),
      ),
      pagination: Object.fromEntries(
        result.model.resources.flatMap((resource) =>
          resource.operations.flatMap((operation) =>
            operation.pagination === undefined
              ? []
              : [[`client.${resource.name}.${operation.sdk.method}`, { ...operation.pagination }]],
          ),
        ),
      ),
    },
  };
  if (result.check !== undefined) output.check = result.check;
  return output;
}

/** The client's defaults (see `package.client` above), as the generated client.ts reads them. */
function clientDefaults(model: ApiModel): NonNullable<GenerateResult['package']>['client'] {
  const { envPrefix, clientOptions } = model.sdk;
  const auth = model.tokenAuth;
  return {
    environment: Object.fromEntries<string>([
      ...(auth === undefined ? [] : [['token', `${envPrefix}_TOKEN`] as const]),
      ['baseURL', `${envPrefix}_BASE_URL`] as const,
      ...clientOptions.map((option) => [option.name, option.envVar] as const),
    ]),
    ...(model.info.serverUrl === undefined ? {} : { baseURL: model.info.serverUrl }),
    ...(auth === undefined
      ? {}
      : { credential: auth.kind === 'apiKey' ? `apiKey ${auth.in} ${auth.name}` : auth.kind }),
  };
}
