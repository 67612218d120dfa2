/**
 * Keeps the peak memory of a run on a large spec down. Each emitter leaves hundreds of MB of
 * garbage on GitHub's description (the openapi-typescript AST, the guards' statement structures,
 * prettier's documents); V8 collects it late, so the garbage of one step stacks on the next and
 * the peak RSS went past 1.1 GB. A full collection between steps, only once the heap is large,
 * brings the peak to about 0.7 GB for ~0.1 s per collection; small specs never pay for it.
 *
 * `gc` is reached the documented way for a running process: `v8.setFlagsFromString('--expose-gc')`,
 * then the `gc` global of a new context. If that is ever unavailable, this does nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap use above which a step's garbage is collected at once. */
const COLLECT_ABOVE_BYTES = 256 * 1024 * 1024;

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

/** Collects garbage now when the heap holds more than COLLECT_ABOVE_BYTES. */
export function releaseMemory(): void {
  if (process.memoryUsage().heapUsed <= COLLECT_ABOVE_BYTES) return;
  if (gc === null) gc = loadGc();
  gc?.();
}
