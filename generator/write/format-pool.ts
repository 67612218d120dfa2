/**
 * Where prettier runs. On a machine with more than one core, formatting goes to worker threads
 * (format-worker.mjs), so it overlaps with emitting and printing the next files on the main
 * thread. (Letting the main thread format too once it has emitted everything was measured slower
 * on two cores: it competes with the worker and adds to the main heap.) With one core, or if a
 * worker cannot start, files are formatted on the main thread, one at a time. Either way each file
 * is formatted on its own, with the same options, so the output is the same.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { formatAttempts, formatText } from './format.ts';

export interface Formatter {
  format(path: string, text: string): Promise<string>;
  close(): Promise<void>;
}

/** Workers for prettier: the cores beyond the main thread's, at most 3. */
function defaultPoolSize(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, 3));
}

let shared: FormatPool | undefined;

/** How many queued files the pool compares to pick the longest. */
const LOOK_AHEAD = 64;

/**
 * The formatter for a run. The worker pool is shared by every run in the process (a test suite,
 * a benchmark), so its prettier stays warm; idle workers do not keep the process alive.
 */
export function createFormatter(poolSize = defaultPoolSize()): Formatter {
  if (poolSize > 0) {
    try {
      if (shared === undefined || shared.broken) shared = new FormatPool(poolSize);
      return shared;
    } catch {
      // Fall through to formatting on this thread.
    }
  }
  return new InThreadFormatter();
}

/** Formats on the main thread, one file at a time (only one prettier document in memory). */
export class InThreadFormatter implements Formatter {
  private tail: Promise<unknown> = Promise.resolve();

  format(path: string, text: string): Promise<string> {
    const result = this.tail.then(() => formatText(path, text));
    this.tail = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.tail;
  }
}

interface Job {
  id: number;
  path: string;
  text: string;
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

export class FormatPool implements Formatter {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  /**
   * Starts one worker now; more (up to `size`) start when a file waits and every worker is busy,
   * so a run with little to format never pays for a second prettier, and a second worker loads
   * while the main thread is still emitting, not while it loads the bundler.
   */
  constructor(private readonly size: number) {
    this.addWorker();
  }

  private addWorker(): void {
    const worker = new Worker(new URL('./format-worker.mjs', import.meta.url), {
      workerData: { warmUp: formatAttempts('warm-up.ts')[0] },
    });
    worker.on('message', (message: { id: number; text?: string; error?: string }) =>
      this.done(worker, message),
    );
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`a prettier worker exited with code ${code}`));
    });
    worker.unref();
    this.workers.push(worker);
    this.idle.push(worker);
  }

  format(path: string, text: string): Promise<string> {
    if (formatAttempts(path).length === 0) return Promise.resolve(text);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, path, text, resolve, reject });
      this.pump();
    });
  }

  /** Shared across runs: nothing to close. Idle workers are unref'd, so they never hold the process. */
  async close(): Promise<void> {}

  /** Workers started so far (one at first, up to the pool's size). */
  get workerCount(): number {
    return this.workers.length;
  }

  get broken(): boolean {
    return this.failure !== undefined;
  }

  /** Stops the workers (for tests). */
  async terminate(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private pump(): void {
    if (this.idle.length === 0 && this.queue.length > 0 && this.workers.length < this.size) {
      this.addWorker();
    }
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      // Longest first (of the next few): the last file to finish is then a short one, whichever
      // worker takes it. The dev server queues thousands of statements; a bounded look stays cheap.
      let longest = 0;
      for (let i = 1; i < Math.min(this.queue.length, LOOK_AHEAD); i++) {
        if (this.queue[i]!.text.length > this.queue[longest]!.text.length) longest = i;
      }
      const job = this.queue.splice(longest, 1)[0]!;
      this.running.set(worker, job);
      // A busy worker keeps the process alive until its answer is in; an idle one does not.
      worker.ref();
      worker.postMessage({ id: job.id, text: job.text, attempts: formatAttempts(job.path) });
    }
  }

  private done(worker: Worker, message: { id: number; text?: string; error?: string }): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (job !== undefined && job.id === message.id) {
      if (message.text !== undefined) job.resolve(message.text);
      else
        job.reject(
          new Error(`prettier failed on ${job.path}: ${message.error ?? 'unknown error'}`),
        );
    }
    this.pump();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of [...this.running.values(), ...this.queue.splice(0)]) job.reject(error);
    this.running.clear();
  }
}
