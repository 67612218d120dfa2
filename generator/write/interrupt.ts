/**
 * What a run is writing at this moment, for the CLI's SIGINT and SIGTERM handlers (cli.ts): a
 * staging folder that is not committed yet can be removed at once and the run ended (the output
 * folder is as it was); one whose plan is saved is finished first (tree.ts), so the folder is
 * never left between two packages. Module state, set and cleared by tree.ts only.
 */
import { rmSync } from 'node:fs';

let staging: { dir: string; committed: boolean } | undefined;

/** The CLI's handler of SIGINT and SIGTERM, and whether it is on the process now. */
let handler: ((signal: NodeJS.Signals) => void) | undefined;
let listening = false;

/**
 * The CLI's handler of SIGINT and SIGTERM (or undefined: none). It is on the process only while a
 * staging folder exists: before that nothing is being written, and the signal's default action
 * ends the process at once, even in the middle of work that never yields to the event loop (a
 * handler there would wait for it). Then the handler removes or finishes what is being written.
 */
export function handleSignalsWhileWriting(
  onSignal: ((signal: NodeJS.Signals) => void) | undefined,
): void {
  listen(false);
  handler = onSignal;
  listen(staging !== undefined);
}

function listen(on: boolean): void {
  if (handler === undefined || on === listening) return;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    if (on) process.on(signal, handler);
    else process.off(signal, handler);
  }
  listening = on;
}

/** tree.ts: a staging folder was created (`committed` false), or its plan saved (true), or done (undefined). */
export function setStaging(state: { dir: string; committed: boolean } | undefined): void {
  staging = state;
  listen(state !== undefined);
}

/**
 * On a signal: `idle` (nothing being written: end now), `abandoned` (the uncommitted staging
 * folder was removed: end now, the output folder is as it was), `left` (it could not be removed
 * in time: end now; the output folder is as it was and the next run deletes the folder, tree.ts)
 * or `finishing` (committed: let the run finish, then end).
 */
export function interruptWrite(): 'idle' | 'abandoned' | 'left' | 'finishing' {
  if (staging === undefined) return 'idle';
  if (staging.committed) return 'finishing';
  const { dir } = staging;
  staging = undefined;
  // Writes already handed to libuv's thread pool go on creating files while this removes them, and
  // a folder that gains one fails its rmdir (ENOTEMPTY). rm's own `maxRetries` retries only that
  // rmdir, never the files that came meanwhile: each try here removes the whole folder again,
  // until the pool's queue has run dry (this thread queues nothing new while it waits).
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return 'abandoned';
    } catch {
      if (attempt === REMOVE_ATTEMPTS) return 'left';
      Atomics.wait(PAUSE, 0, 0, attempt * 5);
    }
  }
}

/** Tries at removing a staging folder that writes in flight are still filling (about 1 s in all). */
const REMOVE_ATTEMPTS = 20;
/** Something to wait on for a pause in a signal handler, where nothing asynchronous can run. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
