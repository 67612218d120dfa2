/**
 * The whole run, one way: spec → bundle → model → emitted files → rendered text → disk (or a
 * comparison with disk for `--check`). Each step is its own module; this one only sequences them
 * and times them.
 *
 * Loading is part of the run: the bundler (openapi-core), the emitters (ts-morph, openapi-typescript
 * and TypeScript) and prettier are most of a small spec's time. So the prettier workers start
 * first (write/format-pool.ts), loading and warming up on the second core while this thread loads
 * and runs the bundler, and each step's modules are imported only when the step starts.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratorContext } from './context.ts';
import type { BundledSpec } from './load/bundle.ts';
import type { SourceMap } from './load/source-map.ts';
import type { PatternChecker } from './model/patterns.ts';
import type { ApiModel } from './model/types.ts';
import type { GeneratorError } from './errors.ts';
import type { CheckResult } from './write/check.ts';
import {
  createFormatter,
  prepareWorkerRecheck,
  workerRecheck,
  type Formatter,
} from './write/format-pool.ts';
import { editedSinceRecord, RECORD_PATH, renderRecord } from './write/record.ts';
import { PRETTIERIGNORE_PATH } from './package-files.ts';
import type { RenderedTree } from './write/render.ts';
import { readRegularFile } from './write/read-regular.ts';

export type Step = 'load' | 'bundle' | 'model' | 'emit' | 'render' | 'write' | 'check';

export interface RunResult {
  model: ApiModel;
  /** Where each place of the bundled document was written (load/source-map.ts). */
  sourceMap: SourceMap;
  tree: RenderedTree;
  /** Set with `check`: how the output folder differs from what would be written. */
  check?: CheckResult;
  /**
   * Without `check`: the files the run added, changed or removed in the output folder, sorted;
   * undefined when the folder could not be compared before writing.
   */
  changed?: string[];
  /** Without `check`: the output folder did not exist, so every file was written anew. */
  newFolder?: true;
  /**
   * Without `check`: the npm name of the package the output folder held before, when it was
   * another package (another spec, or another `--name`): the run replaced it.
   */
  replacedPackage?: string;
  /**
   * Without `check`: files the run rewrote or removed whose bytes were not what the last run wrote
   * (its record's hashes): edits made by hand, which the run dropped. Sorted.
   */
  overwritten?: string[];
  /** Milliseconds per step; `load` is the time spent importing the steps' modules. */
  timings: Partial<Record<Step, number>>;
  /** Files too large to format, written as printed (write/render.ts FORMAT_LIMIT), sorted. */
  asPrinted: string[];
}

export interface PipelineHooks {
  /**
   * Called once the model is built, before emitting (the dev server refreshes the docs page from
   * it while the package is still being written). A throw fails the run like any step's.
   */
  onModel?: (model: ApiModel) => void | Promise<void>;
  /** Formats instead of the run's own formatter (the dev server's remembers across runs). */
  formatter?: Formatter;
}

export async function runPipeline(
  ctx: GeneratorContext,
  hooks: PipelineHooks = {},
): Promise<RunResult> {
  const timings: RunResult['timings'] = {};
  const timed = async <T>(step: Step, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    timings[step] = (timings[step] ?? 0) + performance.now() - start;
    return result;
  };

  // Where output may go is settled before any work: `--out /` or `--out spec` fail at once.
  if (!ctx.check) {
    try {
      await (await import('./write/owned.ts')).assertOutputFolder(ctx);
    } catch (error) {
      throw (await writeFailureOf(error, ctx)) ?? error;
    }
  }
  const formatter = hooks.formatter ?? (await startFormatter(ctx));
  try {
    const [{ loadAndBundle }, { mayAskRecheck }] = await timed('load', () =>
      Promise.all([import('./load/bundle.ts'), import('./model/pattern-linear.ts')]),
    );
    // The prettier worker loads recheck's checker as soon as a file shows the model will ask it
    // something, while the rest is still read and bundled; only then.
    let recheckPrepared = false;
    const onParsed = (parsed: unknown) => {
      if (recheckPrepared || !mayAskRecheck(parsed)) return;
      recheckPrepared = true;
      prepareWorkerRecheck();
    };
    const spec = await timed('bundle', () => loadAndBundle(ctx, { onParsed }));
    await timed('load', () => import('./model/build.ts'));
    // recheck's questions go to the prettier worker.
    const model = await timed('model', () => placedModel(spec, ctx, workerRecheck()));
    await hooks.onModel?.(model);
    const asPrinted = new Set<string>();
    const files = await emitAndRender(model, formatter, timings, (path) => asPrinted.add(path));
    const printedOnly = [...asPrinted].sort();
    const [{ mergeTrees }, { prettierIgnore }] = await Promise.all([
      import('./write/render.ts'),
      import('./write/prettier-files.ts'),
    ]);
    // The ignore file names the files too large to format, known only now; the record lists it.
    const rendered = mergeTrees([
      files,
      new Map([[PRETTIERIGNORE_PATH, prettierIgnore(printedOnly, model)]]),
    ]);
    const record = renderRecord(ctx, spec.sources, rendered, model.sdk.overridden);
    const tree = mergeTrees([rendered, new Map([[RECORD_PATH, record]])]);
    if (ctx.check) {
      const { checkTree } = await import('./write/check.ts');
      const check = await timed('check', () => checkTree(ctx.outDir, tree));
      return { model, sourceMap: spec.sourceMap, tree, check, timings, asPrinted: printedOnly };
    }
    const [{ writeTreeAtomically }, { fileChanges }] = await Promise.all([
      import('./write/tree.ts'),
      import('./write/check.ts'),
    ]);
    let changed: string[] | undefined;
    let newFolder = false;
    let replacedPackage: string | undefined;
    let overwritten: string[] = [];
    try {
      await timed('write', async () => {
        newFolder = await stat(ctx.outDir).then(
          () => false,
          (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
        );
        // What the run changes, for its summary line; a folder that cannot be read is left to
        // the write to report.
        const before = await fileChanges(ctx.outDir, tree).catch(() => undefined);
        if (before !== undefined) {
          changed = [...before.added, ...before.changed, ...before.removed].sort();
          overwritten = await editedSinceRecord(
            ctx.outDir,
            [...before.changed, ...before.removed].sort(),
          );
        }
        const previous = await packageNameIn(ctx.outDir);
        if (previous !== undefined && previous !== model.sdk.packageName)
          replacedPackage = previous;
        await writeTreeAtomically(ctx.outDir, tree);
      });
    } catch (error) {
      throw (await writeFailureOf(error, ctx)) ?? error;
    }
    return {
      model,
      sourceMap: spec.sourceMap,
      tree,
      timings,
      asPrinted: printedOnly,
      ...(changed === undefined ? {} : { changed }),
      ...(newFolder ? { newFolder: true as const } : {}),
      ...(replacedPackage === undefined ? {} : { replacedPackage }),
      ...(overwritten.length === 0 ? {} : { overwritten }),
    };
  } finally {
    await formatter.close();
  }
}

/** The `name` in the package.json of `dir`, when it has one that reads as JSON. */
async function packageNameIn(dir: string): Promise<string | undefined> {
  try {
    const name = (
      JSON.parse((await readRegularFile(join(dir, 'package.json'))) ?? '') as { name?: unknown }
    ).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** A file-system error of the output folder as a GeneratorError (write/write-failure.ts). */
async function writeFailureOf(
  error: unknown,
  ctx: GeneratorContext,
): Promise<GeneratorError | undefined> {
  return (await import('./write/write-failure.ts')).writeFailure(error, ctx);
}

/**
 * The model of the bundled spec, its problems and warnings placed in the files the user edits
 * (file, line and column: load/source-map.ts) rather than in the bundle. `checkPattern` answers
 * recheck's questions (model/patterns.ts); recheck itself does without it.
 */
export async function placedModel(
  spec: BundledSpec,
  ctx: GeneratorContext,
  checkPattern?: PatternChecker,
): Promise<ApiModel> {
  const [{ buildModel }, { warnInvalidDefaultAnswers }] = await Promise.all([
    import('./model/build.ts'),
    import('./emit/testing/values.ts'),
  ]);
  const built = await spec.sourceMap.placing(() =>
    buildModel(spec, {
      ...ctx,
      ...(checkPattern === undefined ? {} : { checkPattern }),
      checkOperations: warnInvalidDefaultAnswers,
    }),
  );
  return { ...built, warnings: built.warnings.map((warning) => spec.sourceMap.warning(warning)) };
}

/**
 * The run's formatter: the shared worker pool, behind the prettier cache unless it is off; none
 * when the run does not format.
 */
async function startFormatter(ctx: GeneratorContext): Promise<Formatter> {
  if (!ctx.format)
    return { format: (_path, text) => Promise.resolve(text), close: () => Promise.resolve() };
  const pool = createFormatter();
  if (ctx.formatCacheDir === undefined) return pool;
  const { CachingFormatter } = await import('./write/format-cache.ts');
  return new CachingFormatter(pool, ctx.formatCacheDir);
}

/**
 * Each emitter's files are printed before the next emitter runs, so its statement structures are
 * garbage by then (see emit/package-sources.ts); prettier works on them meanwhile (format-pool.ts).
 */
async function emitAndRender(
  model: ApiModel,
  formatter: Formatter,
  timings: RunResult['timings'],
  onAsPrinted: (path: string) => void,
): Promise<RenderedTree> {
  let start = performance.now();
  const [
    { generatedNotice },
    { packageEmitters },
    { memoryReleaser },
    { mergeTrees, renderFiles },
  ] = await Promise.all([
    import('./header.ts'),
    import('./emit/package-sources.ts'),
    import('./memory.ts'),
    import('./write/render.ts'),
  ]);
  timings.load = (timings.load ?? 0) + performance.now() - start;
  const notice = generatedNotice(model);
  const releaseMemory = memoryReleaser();
  const pending: Promise<RenderedTree>[] = [];
  for (const emitter of packageEmitters(model)) {
    start = performance.now();
    const files = emitter.emit();
    timings.emit = (timings.emit ?? 0) + performance.now() - start;
    start = performance.now();
    const rendered = renderFiles(files, notice, formatter, onAsPrinted);
    // A failure is reported by Promise.all below; this keeps it from counting as unhandled meanwhile.
    rendered.catch(() => undefined);
    pending.push(rendered);
    timings.render = (timings.render ?? 0) + performance.now() - start;
    releaseMemory();
    // Emitting is synchronous: until this thread yields, a prettier worker that has finished a
    // file cannot be told it is done and be given the next one, and idles.
    await new Promise((resolve) => setImmediate(resolve));
  }
  start = performance.now();
  const trees = await Promise.all(pending);
  timings.render = (timings.render ?? 0) + performance.now() - start;
  return mergeTrees(trees);
}
