/**
 * The dev server's lint: Redocly's `lint` with the project's redocly.yaml, run on a worker thread
 * (dev-lint-worker.mjs) so that a save arriving while the last one is linted is regenerated at
 * once, on the main thread, instead of after the lint. The worker starts on the first lint and
 * keeps its Redocly config and its parses of unchanged files between lints.
 */
import { Worker } from 'node:worker_threads';
import { exampleFix, explainLintReport } from './lint-explain.ts';

/** A lint problem as the page lists it. */
export interface LintEntry {
  severity: string;
  message: string;
  rule: string;
  /** `file:line:column` (relative to the working folder), or the file and a JSON pointer. */
  where: string;
}

export interface LintResult {
  problems: LintEntry[];
  /** Redocly's codeframe report of the problems (for stdout); empty when there are none. */
  report: string;
}

interface Reply {
  id: number;
  problems?: LintEntry[];
  report?: string;
  error?: string;
}

export class SpecLinter {
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #pending = new Map<
    number,
    { resolve: (r: LintResult) => void; reject: (e: Error) => void }
  >();

  /**
   * @param spec absolute path of the spec's root file
   * @param configPath redocly.yaml, or undefined for Redocly's recommended rules
   * @param cwd the folder problems' places are relative to (default: the process's)
   */
  constructor(
    private readonly spec: string,
    private readonly configPath: string | undefined,
    private readonly cwd?: string,
  ) {}

  /**
   * Lints the spec as it is on disk now. Rejects with the reason when the lint cannot run (a
   * broken redocly.yaml, an unreadable root file, the worker dying).
   * @param reloadConfig read redocly.yaml again (it changed)
   */
  lint(reloadConfig = false): Promise<LintResult> {
    const worker = (this.#worker ??= this.#start());
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({
        id,
        spec: this.spec,
        configPath: this.configPath,
        reloadConfig,
        cwd: this.cwd,
      });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #start(): Worker {
    const worker = new Worker(new URL('./dev-lint-worker.mjs', import.meta.url));
    worker.on('message', ({ id, problems, report, error }: Reply) => {
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      if (error !== undefined) pending?.reject(new Error(error));
      else
        pending?.resolve({
          problems: (problems ?? []).map((problem) => {
            const fix = exampleFix(problem.message);
            return fix === undefined
              ? problem
              : { ...problem, message: `${problem.message} ${fix}` };
          }),
          report: explainLintReport(report ?? ''),
        });
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the lint worker stopped (exit code ${code})`)));
    return worker;
  }
}
