/**
 * The whole run, one way: spec → bundle → model → emitted files → rendered text → disk (or a
 * comparison with disk for `--check`). Each step is its own module; this one only sequences them
 * and times them.
 */
import type { GeneratorContext } from './context.ts';
import { packageEmitters } from './emit/package-sources.ts';
import { generatedNotice } from './header.ts';
import { loadAndBundle } from './load/bundle.ts';
import { releaseMemory } from './memory.ts';
import { buildModel } from './model/build.ts';
import type { ApiModel } from './model/types.ts';
import { checkTree, type CheckResult } from './write/check.ts';
import { CachingFormatter } from './write/format-cache.ts';
import { createFormatter } from './write/format-pool.ts';
import { mergeTrees, renderFiles, type RenderedTree } from './write/render.ts';
import { assertOutputFolder } from './write/owned.ts';
import { writeTreeAtomically } from './write/tree.ts';

export type Step = 'bundle' | 'model' | 'emit' | 'render' | 'write' | 'check';

export interface RunResult {
  model: ApiModel;
  tree: RenderedTree;
  /** Set with `check`: how the output folder differs from what would be written. */
  check?: CheckResult;
  /** Milliseconds per step. */
  timings: Partial<Record<Step, number>>;
}

export async function runPipeline(ctx: GeneratorContext): Promise<RunResult> {
  const timings: RunResult['timings'] = {};
  const timed = async <T>(step: Step, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    timings[step] = performance.now() - start;
    return result;
  };

  // Where output may go is settled before any work: `--out /` or `--out spec` fail at once.
  if (!ctx.check) await assertOutputFolder(ctx);
  const spec = await timed('bundle', () => loadAndBundle(ctx));
  const model = await timed('model', () => buildModel(spec, ctx));
  const tree = await emitAndRender(model, ctx, timings);
  if (ctx.check) {
    const check = await timed('check', () => checkTree(ctx.outDir, tree));
    return { model, tree, check, timings };
  }
  await timed('write', () => writeTreeAtomically(ctx.outDir, tree));
  return { model, tree, timings };
}

/**
 * Each emitter's files are printed before the next emitter runs, so its statement structures are
 * garbage by then (see emit/package-sources.ts); prettier works on them meanwhile (format-pool.ts).
 */
async function emitAndRender(
  model: ApiModel,
  ctx: GeneratorContext,
  timings: RunResult['timings'],
): Promise<RenderedTree> {
  const notice = generatedNotice(model);
  const pool = createFormatter();
  const formatter =
    ctx.formatCacheDir === undefined ? pool : new CachingFormatter(pool, ctx.formatCacheDir);
  try {
    const pending: Promise<RenderedTree>[] = [];
    for (const emitter of packageEmitters(model)) {
      let start = performance.now();
      const files = emitter.emit();
      timings.emit = (timings.emit ?? 0) + performance.now() - start;
      start = performance.now();
      const rendered = renderFiles(files, notice, formatter);
      // A failure is reported by Promise.all below; this keeps it from counting as unhandled meanwhile.
      rendered.catch(() => undefined);
      pending.push(rendered);
      timings.render = (timings.render ?? 0) + performance.now() - start;
      releaseMemory();
    }
    const start = performance.now();
    const trees = await Promise.all(pending);
    timings.render = (timings.render ?? 0) + performance.now() - start;
    return mergeTrees(trees);
  } finally {
    await formatter.close();
  }
}
