/**
 * Where src/openapi.ts is emitted: on a worker thread of its own (openapi-types-worker.ts) for a
 * large spec when the generator runs compiled (`npm run generate`, scripts/generator-build.mjs),
 * else on the main thread with the other emitters.
 *
 * openapi-typescript's transform and print took 2.8 s of the main thread's 10 s on GitHub's
 * description; on a worker they run beside the other emitters. The worker costs a second copy of
 * openapi-typescript and TypeScript (about half a second of CPU to load, on the other core while
 * the main thread builds the model) and the document's JSON text: worth it only for specs whose
 * files hold at least {@link OPENAPI_TYPES_WORKER_MIN} characters. From the sources (tsx, vitest)
 * there is no built worker to start, and the file is emitted on the main thread: the output is the
 * same either way (test/generator/openapi-types-worker.test.ts).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OpenapiTypesInput } from './openapi-types.ts';
import type { EmittedTextFile } from './types.ts';

/** Set by the compiled generator's build to its folder (scripts/generator-build.mjs `define`). */
declare const GENERATOR_BUILD_DIR: string | undefined;

/** Characters of spec text (every file read) from which src/openapi.ts is emitted on a worker. */
export const OPENAPI_TYPES_WORKER_MIN = 1_000_000;

export interface OpenapiTypesThread {
  /**
   * src/openapi.ts from `input`, emitted on the worker; undefined if the worker could not
   * emit it (it failed to start, crashed, or the emitter threw): the caller then emits it on its
   * own thread, which reports an emitter's error as it always does. Once per thread.
   */
  emit(input: OpenapiTypesInput): Promise<EmittedTextFile | undefined>;
  /** Stops the worker, if it still runs. */
  close(): void;
}

/**
 * A worker for src/openapi.ts, started now so that it loads while the model is built; undefined
 * when it would not pay (a smaller spec, one core) or cannot run (the generator runs from its
 * sources).
 */
export function startOpenapiTypesThread(specCharacters: number): OpenapiTypesThread | undefined {
  const dir = typeof GENERATOR_BUILD_DIR === 'string' ? GENERATOR_BUILD_DIR : undefined;
  if (dir === undefined || specCharacters < OPENAPI_TYPES_WORKER_MIN || availableParallelism() < 2)
    return undefined;
  let worker: Worker;
  try {
    worker = new Worker(join(dir, 'openapi-types-worker.mjs'));
  } catch {
    return undefined;
  }
  // An idle worker never holds the process; one emitting does, until its answer is in.
  worker.unref();
  let failed = false;
  const onEarlyFailure = () => {
    failed = true;
  };
  worker.on('error', onEarlyFailure);
  worker.on('exit', onEarlyFailure);
  return {
    emit(input) {
      if (failed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const finish = (file: EmittedTextFile | undefined) => {
          worker.removeAllListeners();
          // Keeps an `error` after the answer from being thrown as unhandled.
          worker.on('error', () => undefined);
          void worker.terminate();
          resolve(file);
        };
        worker.on('message', (message: { file?: EmittedTextFile }) => finish(message.file));
        worker.on('error', () => finish(undefined));
        worker.on('exit', () => finish(undefined));
        worker.ref();
        worker.postMessage({ input });
      });
    },
    close() {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    },
  };
}
