// Formats text with prettier off the main thread, for generator/write/format-pool.ts.
// Plain JavaScript so that it runs in a worker under any loader (tsx, vitest, plain node).
// Message in: { id, text, attempts: PrettierOptions[] }; out: { id, text } or { id, error }.
// Message in: { warmUp: PrettierOptions }, first: the options to warm up with (see below).
// The attempts are tried in order (the first parser that accepts the text wins), as in format.ts.
//
// It also answers recheck's questions about the spec's patterns (generator/model/patterns.ts):
// in: { id, recheck: [source, flags, params] }; out: { id, diagnostics } or { id, error }.
// recheck's checker (its Scala.js build, run in this thread: 0.3 to 0.5 s of CPU to load and set
// up) is loaded only for a spec that has questions: at { loadRecheck: true }, which the main thread
// sends as soon as it reads a pattern that is not linear by its shape (model/pattern-linear.ts),
// while it is still bundling, or else at the first question. A spec without such patterns never
// pays for it, and the time goes to warming prettier up.
//
// Warm-up: a worker starts while the main thread is still loading the bundler and emitting (about
// a second on a small spec), so its core would idle. It spends that time formatting a small sample
// of the code the generator writes, until the first real file arrives, so that prettier's parser
// and printer are compiled by then: the first large file then formats about a third faster. The
// sample's output is thrown away; each round yields to the event loop, so a real file waits for at
// most one round (a few milliseconds).
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

/** recheck's in-thread checker (its `browser` entry: no agent process, no worker of its own). */
let recheck;
const loadRecheck = () => {
  if (recheck === undefined) {
    recheck = createRequire(import.meta.url)('recheck/lib/browser.js');
    try {
      // One small question first: recheck's first answer sets up its classes (about 0.2 s).
      recheck.checkSync('a+b', '', { timeout: null });
    } catch {
      // Each question is answered with its own error, if any.
    }
  }
  return recheck;
};
const { format } = await import('prettier');

const WARM_UP_SAMPLE = `/** A {@link Thing} as the API sends it. */
export interface Thing { id: string; /** When it was made. */ createdAt: string; tags?: string[] | null; kind: 'a' | 'b' }
export type Things = Record<string, Thing>;
import type { Other, Another } from './types.js';
export { isThing, assertThing } from './guards.js';
export function isThing(value: unknown): value is Thing {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o0 = value as Record<string, unknown>; const p1 = o0['id'];
  if (p1 === undefined) return false; if (typeof p1 !== 'string') return false;
  const p2 = o0['tags'];
  if (p2 !== undefined && p2 !== null) { if (!Array.isArray(p2)) return false; for (let i = 0; i < p2.length; i++) { if (typeof p2[i] !== 'string') return false; } }
  return p1.length >= 1 && (o0['kind'] === 'a' || o0['kind'] === 'b');
}
export class Things extends Resource {
  /** Retrieves a thing. */
  retrieve(id: string, options?: RequestOptions): APIPromise<Thing> { return this._client.request({ method: 'get', path: \`/things/\${encodeURIComponent(id)}\`, ...options }); }
  list(params: { limit?: number; after?: string } = {}, options?: RequestOptions): PagePromise<Thing> { return this._client.getPage({ method: 'get', path: '/things', query: { limit: params.limit, after: params.after } }, options); }
}
export const thingGuards = { isThing, assertThing: (value: unknown): asserts value is Thing => { if (!isThing(value)) throw new GuardError('Thing', []); } } as const;
export interface paths { '/things/{id}': { parameters: { query?: never; path: { id: string } }; get: operations['retrieveThing']; put?: never } }
`;

/** Formatting rounds at most: enough to compile prettier's hot paths, little if no file comes. */
const WARM_UP_ROUNDS = 40;

/** The options to warm up with, until the first real file arrives; undefined after it. */
let warmUpOptions;

async function warmUp() {
  for (let round = 0; round < WARM_UP_ROUNDS && warmUpOptions !== undefined; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (warmUpOptions === undefined) return;
    try {
      await format(WARM_UP_SAMPLE, warmUpOptions);
    } catch {
      return;
    }
  }
}

/** The last file sent to be formatted; resolves when it is done, whatever its outcome. */
let formatting = Promise.resolve();

async function formatJob(id, text, attempts) {
  let lastError;
  for (const options of attempts) {
    try {
      parentPort.postMessage({ id, text: await format(text, options) });
      return;
    } catch (error) {
      lastError = error;
    }
  }
  parentPort.postMessage({
    id,
    error: lastError instanceof Error ? (lastError.stack ?? lastError.message) : String(lastError),
  });
}

parentPort.on('message', async (message) => {
  const { id, text, attempts, recheck: question, warmUp: options } = message;
  if (message.loadRecheck === true) {
    try {
      loadRecheck();
    } catch {
      // Answered with an error when asked: the main thread then asks recheck itself.
    }
    return;
  }
  if (options !== undefined) {
    warmUpOptions = options;
    void warmUp();
    return;
  }
  if (question !== undefined) {
    try {
      parentPort.postMessage({ id, diagnostics: loadRecheck().checkSync(...question) });
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  warmUpOptions = undefined;
  // The pool may send a file before this one is done (format-pool.ts, MAX_IN_FLIGHT), so that the
  // next file is here when this one is: files are formatted one at a time, in the order sent (one
  // prettier document in memory at a time).
  const job = formatting.then(() => formatJob(id, text, attempts));
  formatting = job.catch(() => undefined);
  // A failure to answer (not prettier's: formatJob answers those) fails the worker, as before.
  await job;
});
