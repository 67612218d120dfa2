/**
 * Keeps the peak memory of a run on a large spec down. Each emitter leaves hundreds of MB of
 * garbage on GitHub's description (the openapi-typescript AST, the guards' statement structures,
 * prettier's documents); V8 collects it late, so the garbage of one step stacks on the next and
 * the peak RSS went past 1.1 GB. A full collection between steps, once the run has added 128 MB
 * to the heap, brings the peak to about 0.7 GB for ~0.1 s per collection; small specs never pay.
 *
 * The measure is what the heap grew by since the emitters began (or the last collection), never
 * the heap's size: in a process that already holds a large heap for its own reasons (a test runner,
 * a build tool calling `generate()`, a long `npm run dev`), every step would otherwise force a full
 * collection of all of it. That cost 4 to 5 s per run of our small spec in a test worker holding a
 * gigabyte, 40 of 44 s of one test file in the collector.
 *
 * `gc` is reached the documented way for a running process: `v8.setFlagsFromString('--expose-gc')`,
 * then the `gc` global of a new context. If that is ever unavailable, this does nothing.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap growth above which a step's garbage is collected at once. */
export const COLLECT_ABOVE_BYTES = 128 * 1024 * 1024;

let gc: (() => void) | undefined | null = null;

function loadGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    return typeof found === 'function' ? (found as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const heapUsed = () => getHeapStatistics().used_heap_size;

/**
 * A releaser for one run, measuring from now: each call collects garbage at once when the heap
 * has grown by more than `threshold` bytes since the releaser was made or last collected, and
 * says whether it did.
 */
export function memoryReleaser(threshold = COLLECT_ABOVE_BYTES): () => boolean {
  let base = heapUsed();
  return () => {
    if (heapUsed() - base <= threshold) return false;
    if (gc === null) gc = loadGc();
    if (gc === undefined) return false;
    gc();
    base = heapUsed();
    return true;
  };
}
