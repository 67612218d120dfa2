/** The generation step's results (global-setup.ts), for the checks. */
import { readFileSync } from 'node:fs';
import { RESULTS_FILE, type CorpusRun } from './specs.ts';

export function corpusRuns(): CorpusRun[] {
  return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as CorpusRun[];
}
