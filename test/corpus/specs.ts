/**
 * The corpus of public OpenAPI descriptions that `npm run test:corpus` runs the generator on. The
 * descriptions are read where they are kept (never copied into this repository); the generated
 * packages and the files the checks share go under `.tmp/corpus/` (ignored by git).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers/spec.ts';

const DEFAULT_CORPUS_SPECS = '/work/shared/corpus/specs';
/** Folder of the corpus descriptions; `CORPUS_SPECS` overrides it. */
const CORPUS_SPECS = process.env.CORPUS_SPECS ?? DEFAULT_CORPUS_SPECS;

/**
 * Whether the run reads the default corpus (whose make-up some checks rely on), not a folder that
 * `CORPUS_SPECS` names for a probe, which may hold any mix of descriptions.
 */
export function isDefaultCorpus(): boolean {
  return resolve(CORPUS_SPECS) === resolve(DEFAULT_CORPUS_SPECS);
}

/** Where the harness writes each spec's package (`<name>/`) and its check data (`<name>.corpus/`). */
export const CORPUS_OUT = join(ROOT, '.tmp', 'corpus');

/** What the generation step recorded for one spec, read by every check. */
export interface CorpusRun {
  /** File name without extension, e.g. `qdrant`. */
  name: string;
  spec: string;
  /** The generated package's folder. */
  out: string;
  /** The folder of the data the checks share (examples, their guards, the augmented document). */
  data: string;
  ok: boolean;
  /** The generator's message when `ok` is false. */
  error?: string;
  files: number;
  /** Wall time of the whole generation (child process), in seconds. */
  seconds: number;
  /** Peak resident memory of the generating process (worker threads included), in bytes. */
  maxRssBytes: number;
  /** Warnings the generator printed (unknown keywords and the like). */
  warnings: string[];
  /** Number of examples found in the spec. */
  examples: number;
  /** Why the example check's data could not be made (example-data.ts), when it could not. */
  examplesError?: string;
  /** Files too large to format, written as printed (the generator's `asPrinted`). */
  asPrinted: string[];
}

export interface CorpusSpec {
  name: string;
  file: string;
}

/** Every description in the corpus folder, by name; fails loudly when the folder is missing. */
export function corpusSpecs(): CorpusSpec[] {
  if (!existsSync(CORPUS_SPECS)) {
    throw new Error(
      `the corpus folder ${CORPUS_SPECS} does not exist: set CORPUS_SPECS to the folder of the corpus descriptions`,
    );
  }
  return readdirSync(CORPUS_SPECS)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.[^.]+$/, ''), file: join(CORPUS_SPECS, file) }));
}

export const RESULTS_FILE = join(CORPUS_OUT, 'results.json');
