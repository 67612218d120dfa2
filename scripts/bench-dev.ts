/**
 * The edit loop of `npm run dev`: how long after saving a one-schema edit the change is in the
 * generated package and on the docs page (headless Chromium). Runs the dev server on a copy of
 * spec/ in a temporary folder, as a user starts it, and saves Plan.yaml with a new description
 * each round. Goal (issue 13): a one-schema edit in under 500 ms at the median, in the package and
 * on the page both. Timed two ways: one edit at a time (each save once the server is idle) and
 * saves in a row (each save as soon as the last one shows); the goal is about the first.
 *
 *   npm run bench -- dev [--rounds 15]
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.ts';
import { readFlags } from './lib/command-line.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const flags = readFlags(
  process.argv.slice(2),
  { rounds: { type: 'string', default: '15' } },
  'Usage: npm run bench -- dev [--rounds 15]',
);
if ('exitCode' in flags) process.exit(flags.exitCode);
const { values } = flags;
const rounds = Number(values.rounds);

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))]!;

/** Waits until the dev server has finished with the last save (regeneration and lint). */
async function idle(url: string): Promise<void> {
  for (;;) {
    const status = (await (await fetch(`${url}status.json`)).json()) as { busy: boolean };
    if (!status.busy) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

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
const browser = await launchBrowser();
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
  /**
   * Saves Plan.yaml `rounds` times (plus one to warm up) and times each save until the edit is in
   * generated/src/types.ts and on the page. `fromIdle`: each save waits until the server has
   * finished with the last one (its regeneration and its lint); otherwise each save follows as
   * soon as the last edit is seen, while the server may still be linting it.
   */
  const measure = async (label: string, fromIdle: boolean) => {
    const sdk: number[] = [];
    const docs: number[] = [];
    const both: number[] = [];
    for (let round = 0; round <= rounds; round++) {
      if (fromIdle) await idle(url);
      const marker = `Edit number ${round} of the ${label} benchmark.`;
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
        `  ${label} ${round}: package ${Math.round(sdkMs)} ms, page ${Math.round(docsMs)} ms\n`,
      );
    }
    return { sdk, docs, both };
  };
  const row = (name: string, list: number[]) =>
    `| ${name.padEnd(34)} | ${`${Math.round(median(list))} ms`.padEnd(8)} | ${`${Math.round(percentile(list, 0.9))} ms`.padEnd(8)} |`;
  const single = await measure('one edit', true);
  const burst = await measure('saves in a row', false);
  console.log(
    [
      `### npm run dev: a one-schema edit (${rounds} saves of spec/components/schemas/Plan.yaml each way)`,
      '',
      '| reflected in                       | median   | p90      |',
      '|------------------------------------|----------|----------|',
      row('one edit: generated/src/types.ts', single.sdk),
      row('one edit: the docs page', single.docs),
      row('one edit: both', single.both),
      row('saves in a row: both', burst.both),
      '',
      '"one edit" saves once the server is idle (the last save regenerated and linted);',
      '"saves in a row" saves as soon as the last edit shows, while its lint may still run.',
      '',
      `${median(single.both) < 500 ? 'meets' : 'MISSES'} goal: one edit in both in ${Math.round(median(single.both))} ms at the median, goal < 500 ms`,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}
