/**
 * Generation happens here, once per corpus spec, before any check runs: each spec in a child
 * process (`generate-one.ts`, two at a time: the machines have two cores), its package into
 * `.tmp/corpus/<name>/` and the example data into `.tmp/corpus/<name>.corpus/`. The checks
 * (`*.test.ts`) read `.tmp/corpus/results.json` and those folders; none of them generates again.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/spec.ts';
import { CORPUS_OUT, corpusSpecs, RESULTS_FILE, type CorpusRun, type CorpusSpec } from './specs.ts';

const PARALLEL = 2;

export default async function setup(): Promise<void> {
  rmSync(CORPUS_OUT, { recursive: true, force: true });
  mkdirSync(CORPUS_OUT, { recursive: true });
  const queue = corpusSpecs();
  const runs: CorpusRun[] = [];
  const worker = async (): Promise<void> => {
    for (let spec = queue.shift(); spec !== undefined; spec = queue.shift())
      runs.push(await generateOne(spec));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  runs.sort((a, b) => (a.name < b.name ? -1 : 1));
  writeFileSync(RESULTS_FILE, JSON.stringify(runs, null, 2));
  for (const run of runs) {
    process.stdout.write(
      `corpus: ${run.name}: ${run.ok ? `${run.files} files` : `FAILED (${run.error!})`} in ${run.seconds.toFixed(1)} s, ${(run.maxRssBytes / 2 ** 20).toFixed(0)} MiB, ${run.examplesError === undefined ? `${run.examples} examples` : `NO EXAMPLE DATA (${run.examplesError})`}, ${run.warnings.length} warnings\n`,
    );
  }
}

function generateOne(spec: CorpusSpec): Promise<CorpusRun> {
  const out = join(CORPUS_OUT, spec.name);
  const data = join(CORPUS_OUT, `${spec.name}.corpus`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test/corpus/generate-one.ts'), spec.file, out, data],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      let report: Partial<CorpusRun>;
      try {
        report = JSON.parse(line) as Partial<CorpusRun>;
      } catch {
        report = {
          ok: false,
          error: `exit ${code ?? 'by signal'}: ${stderr.trim() || stdout.trim()}`,
        };
      }
      resolve({
        name: spec.name,
        spec: spec.file,
        out,
        data,
        ok: report.ok === true,
        ...(report.error === undefined ? {} : { error: report.error }),
        ...(report.examplesError === undefined ? {} : { examplesError: report.examplesError }),
        files: report.files ?? 0,
        seconds: report.seconds ?? 0,
        maxRssBytes: report.maxRssBytes ?? 0,
        warnings: report.warnings ?? [],
        examples: report.examples ?? 0,
        asPrinted: report.asPrinted ?? [],
      });
    });
  });
}
