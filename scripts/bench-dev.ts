/**
 * The edit loop of `npm run dev`: how long after saving a one-schema edit the change is in the
 * generated package and on the docs page (headless Chromium). Runs the dev server on a copy of
 * spec/ in a temporary folder, as a user starts it, and saves Plan.yaml with a new description
 * each round. Goal (issue 13): under 500 ms at the median, for the package and the page both.
 *
 *   npm run bench -- dev [--rounds 15]
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } } });
const rounds = Number(values.rounds);

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))]!;

const work = await mkdtemp(join(tmpdir(), 'bench-dev-'));
await cp(join(ROOT, 'spec'), join(work, 'spec'), { recursive: true });
await cp(join(ROOT, 'redocly.yaml'), join(work, 'redocly.yaml'));
const server = spawn(
  process.execPath,
  ['--import', TSX, join(ROOT, 'scripts/dev.ts'), '--port', '0'],
  {
    cwd: work,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let output = '';
server.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const started = performance.now();
  while (!/Serving the docs at (\S+)/.test(output)) {
    if (server.exitCode !== null) throw new Error(`the dev server stopped:\n${output}`);
    if (performance.now() - started > 300_000)
      throw new Error(`the dev server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = /Serving the docs at (\S+)/.exec(output)![1]!;
  const page = await browser.newPage();
  await page.goto(`${url}#schemas/Plan`);
  await page.waitForFunction(() => document.documentElement.dataset.version !== undefined);

  const planFile = join(work, 'spec/components/schemas/Plan.yaml');
  const typesFile = join(work, 'generated/src/types.ts');
  const original = await readFile(planFile, 'utf8');
  const sdk: number[] = [];
  const docs: number[] = [];
  const both: number[] = [];
  // One round more than asked: the first edit after start-up warms the emitters up.
  for (let round = 0; round <= rounds; round++) {
    const marker = `Edit number ${round} of the benchmark.`;
    const pageSeen = page.waitForFunction(
      (text) => document.getElementById('redoc')?.textContent?.includes(text) === true,
      marker,
      { polling: 'raf', timeout: 120_000 },
    );
    const start = performance.now();
    await writeFile(
      planFile,
      original.replace(/^description: >-\n/m, `description: >-\n  ${marker}\n`),
    );
    let sdkMs: number | undefined;
    let docsMs: number | undefined;
    void pageSeen.then(() => (docsMs = performance.now() - start));
    while (sdkMs === undefined || docsMs === undefined) {
      if (
        sdkMs === undefined &&
        (await readFile(typesFile, 'utf8').catch(() => '')).includes(marker)
      )
        sdkMs = performance.now() - start;
      if (performance.now() - start > 120_000)
        throw new Error(`round ${round} timed out:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (round === 0) continue;
    sdk.push(sdkMs);
    docs.push(docsMs);
    both.push(Math.max(sdkMs, docsMs));
    process.stderr.write(
      `  round ${round}: package ${Math.round(sdkMs)} ms, page ${Math.round(docsMs)} ms\n`,
    );
  }
  const row = (name: string, list: number[]) =>
    `| ${name.padEnd(22)} | ${`${Math.round(median(list))} ms`.padEnd(8)} | ${`${Math.round(percentile(list, 0.9))} ms`.padEnd(8)} |`;
  console.log(
    [
      `### npm run dev: a one-schema edit (${rounds} saves of spec/components/schemas/Plan.yaml)`,
      '',
      '| reflected in           | median   | p90      |',
      '|------------------------|----------|----------|',
      row('generated/src/types.ts', sdk),
      row('the docs page', docs),
      row('both', both),
      '',
      `${median(both) < 500 ? 'meets' : 'MISSES'} goal: both in ${Math.round(median(both))} ms at the median, goal < 500 ms`,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}
