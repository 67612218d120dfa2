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

/**
 * Where `npm run generate`'s launcher leaves the first worker (format-worker.mjs) that it starts
 * before it loads the CLI, so that the worker loads prettier some 0.3 s sooner
 * (scripts/generator-build.mjs, `prestartFormatWorker`).
 */
const PRESTARTED_WORKER = Symbol.for('gigs-sdk-toolchain.formatWorker');

/** The launcher's worker, if it started one that is still running; it is taken only once. */
function adoptPrestartedWorker(): Worker | undefined {
  const global = globalThis as { [PRESTARTED_WORKER]?: Worker };
  const worker = global[PRESTARTED_WORKER];
  delete global[PRESTARTED_WORKER];
  return worker;
}

/** How many queued files the pool compares to pick the longest. */
const LOOK_AHEAD = 64;

/**
 * Files sent to one worker before it is done with the first: the next is then in the worker's
 * queue when it finishes one. With one in flight, a worker that finished while the main thread was
 * emitting (synchronous, seconds on a large spec) idled until the main thread next yielded and
 * read its answer: on our spec the worker idled 90 ms of a 1.2 s run that way. The worker formats
 * them in the order sent, one at a time; two, not all, so that with more workers a file still goes
 * to the one that is free first.
 */
const MAX_IN_FLIGHT = 2;

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

/**
 * The running pool's {@link FormatPool.recheck}, for the model's pattern analysis; undefined when
 * no pool runs (one core, or formatting off in this process).
 */
export function workerRecheck():
  | ((question: readonly [source: string, flags: string, params: object]) => Promise<unknown>)
  | undefined {
  const pool = shared;
  return pool === undefined || pool.broken ? undefined : (question) => pool.recheck(question);
}

/**
 * Has the running pool's first worker load recheck's checker now, ahead of the model's questions
 * (pipeline.ts calls it as soon as a spec file holds a pattern recheck will be asked about); no-op
 * when no pool runs.
 */
export function prepareWorkerRecheck(): void {
  const pool = shared;
  if (pool !== undefined && !pool.broken) pool.prepareRecheck();
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
  /** The files sent to each worker and not answered yet, oldest first. */
  private readonly running = new Map<Worker, Job[]>();
  private readonly queue: Job[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;
  private recheckPrepared = false;
  /** recheck's questions sent to the first worker, by message id. */
  private readonly questions = new Map<
    number,
    { resolve: (diagnostics: unknown) => void; reject: (error: Error) => void }
  >();

  /**
   * Starts one worker now; more (up to `size`) start when a file waits and every worker is busy,
   * so a run with little to format never pays for a second prettier, and a second worker loads
   * while the main thread is still emitting, not while it loads the bundler.
   */
  constructor(private readonly size: number) {
    this.addWorker();
  }

  private addWorker(): void {
    const first = this.workers.length === 0;
    const worker =
      (first ? adoptPrestartedWorker() : undefined) ??
      new Worker(new URL('./format-worker.mjs', import.meta.url));
    worker.postMessage({ warmUp: formatAttempts('warm-up.ts')[0] });
    worker.on(
      'message',
      (message: { id: number; text?: string; diagnostics?: unknown; error?: string }) => {
        if (this.questions.has(message.id)) this.answer(worker, message);
        else this.done(worker, message);
      },
    );
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`a prettier worker exited with code ${code}`));
    });
    worker.unref();
    this.workers.push(worker);
    this.running.set(worker, []);
  }

  format(path: string, text: string): Promise<string> {
    if (formatAttempts(path).length === 0) return Promise.resolve(text);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, path, text, resolve, reject });
      this.pump();
    });
  }

  /**
   * Asks recheck a question (`check(source, flags, params)`, model/patterns.ts) in the first
   * worker, which loads recheck's checker when told to ({@link prepareRecheck}) or at its first
   * question: on the second core, and answered between two files. Rejects if the worker cannot answer; the caller then asks recheck itself.
   */
  recheck(question: readonly [source: string, flags: string, params: object]): Promise<unknown> {
    const worker = this.workers[0];
    if (worker === undefined || this.failure !== undefined)
      return Promise.reject(this.failure ?? new Error('no worker'));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.questions.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, recheck: question });
    });
  }

  /**
   * Tells the first worker to load recheck's checker now (it loads it at the first question
   * otherwise): once per pool, between two files.
   */
  prepareRecheck(): void {
    const worker = this.workers[0];
    if (worker === undefined || this.recheckPrepared) return;
    this.recheckPrepared = true;
    worker.postMessage({ loadRecheck: true });
  }

  /** Shared across runs: nothing to close. Idle workers are unref'd, so they never hold the process. */
  async close(): Promise<void> {}

  /** Workers started so far (one at first, up to the pool's size). */
  get workerCount(): number {
    return this.workers.length;
  }

  /** Files sent to workers and not answered yet (at most MAX_IN_FLIGHT a worker). */
  get inFlight(): number {
    let count = 0;
    for (const jobs of this.running.values()) count += jobs.length;
    return count;
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
    const busy = () => this.workers.every((worker) => this.running.get(worker)!.length > 0);
    if (busy() && this.queue.length > 0 && this.workers.length < this.size) this.addWorker();
    while (this.queue.length > 0) {
      // The worker with the fewest files in flight, if it can take one more.
      let worker: Worker | undefined;
      for (const candidate of this.workers) {
        const count = this.running.get(candidate)!.length;
        if (
          count < MAX_IN_FLIGHT &&
          (worker === undefined || count < this.running.get(worker)!.length)
        )
          worker = candidate;
      }
      if (worker === undefined) return;
      // Longest first (of the next few): the last file to finish is then a short one, whichever
      // worker takes it. The dev server queues thousands of statements; a bounded look stays cheap.
      let longest = 0;
      for (let i = 1; i < Math.min(this.queue.length, LOOK_AHEAD); i++) {
        if (this.queue[i]!.text.length > this.queue[longest]!.text.length) longest = i;
      }
      const job = this.queue.splice(longest, 1)[0]!;
      this.running.get(worker)!.push(job);
      // A busy worker keeps the process alive until its answer is in; an idle one does not.
      worker.ref();
      worker.postMessage({ id: job.id, text: job.text, attempts: formatAttempts(job.path) });
    }
  }

  private done(worker: Worker, message: { id: number; text?: string; error?: string }): void {
    const jobs = this.running.get(worker)!;
    const index = jobs.findIndex((job) => job.id === message.id);
    const job = index === -1 ? undefined : jobs.splice(index, 1)[0];
    // A worker waited on for recheck's answer keeps the process alive until it is in.
    if (jobs.length === 0 && (worker !== this.workers[0] || this.questions.size === 0))
      worker.unref();
    if (job !== undefined) {
      if (message.text !== undefined) job.resolve(message.text);
      else
        job.reject(
          new Error(`prettier failed on ${job.path}: ${message.error ?? 'unknown error'}`),
        );
    }
    this.pump();
  }

  private answer(worker: Worker, message: { id: number; diagnostics?: unknown; error?: string }) {
    const question = this.questions.get(message.id)!;
    this.questions.delete(message.id);
    if (this.running.get(worker)?.length === 0 && this.questions.size === 0) worker.unref();
    if (message.error === undefined) question.resolve(message.diagnostics);
    else question.reject(new Error(`recheck failed in a worker: ${message.error}`));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const question of this.questions.values()) question.reject(error);
    this.questions.clear();
    for (const job of [...[...this.running.values()].flat(), ...this.queue.splice(0)])
      job.reject(error);
    for (const jobs of this.running.values()) jobs.length = 0;
  }
}
