/**
 * Benchmarks the generated client (generated/src) on two counts:
 *
 * 1. Per-request overhead: `gigs.plans.retrieve(id)` against plain `fetch` (+ `response.json()`)
 *    and against openapi-fetch's `client.GET(…)`, all calling the same local node:http server (a
 *    child process, so that its work is neither on the clients' event loop nor in their CPU time).
 *    Each client runs alone in a fresh child process, as an application would (clients measured
 *    side by side in one process disturb each other's timings through the JIT state they share):
 *    it warms up, then sends batches of sequential requests and reports the median batch. The
 *    clients take turns, in rotating order, for several rounds, so that a change in machine load
 *    hits them alike; the table gives the median over rounds of wall-clock and CPU microseconds
 *    per request, and the ratio to plain fetch. Goal: within 10% of plain fetch.
 * 2. Bundle size: a consumer that imports only the client and calls one method, bundled with
 *    esbuild (minified, ESM) and gzipped, next to a consumer of openapi-fetch's `createClient`.
 *    Goal: under 8 KB gzipped.
 *
 *   npm run bench -- client [--rounds 5] [--batches 50] [--batch 200] [--warmup 2000]
 */
import { spawn, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import createClient from 'openapi-fetch';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Gigs, responseGuards } from '../generated/src/index.ts';
import type { paths } from '../generated/src/openapi.ts';
import { readFlags } from './lib/command-line.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOALS = { overhead: 1.1, bundleBytes: 8 * 1024 };

const flags = readFlags(
  process.argv.slice(2),
  {
    rounds: { type: 'string', default: '5' },
    batches: { type: 'string', default: '50' },
    batch: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '2000' },
    // Internal: run one client against the server at `url` and print its timing as JSON.
    child: { type: 'string' },
    url: { type: 'string' },
  },
  'Usage: npm run bench -- client [--rounds 5] [--batches 50] [--batch 200] [--warmup 2000]',
);
if ('exitCode' in flags) process.exit(flags.exitCode);
const args = flags.values;
const ROUNDS = Number(args.rounds);
const BATCHES = Number(args.batches);
const BATCH = Number(args.batch);
const WARMUP = Number(args.warmup);

/** The spec's example plan: what the server answers, so JSON parsing costs what it would. */
function examplePlan(): unknown {
  const spec = JSON.parse(readFileSync(`${ROOT}generated/openapi.json`, 'utf8')) as {
    components: { examples: Record<string, { value: unknown }> };
  };
  return spec.components.examples['Plan']?.value;
}

const SERVER = `
const { createServer } = require('node:http');
const body = process.env.BENCH_BODY;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startServer(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['-e', SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_BODY: JSON.stringify(examplePlan()) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim())));
    child.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill() };
}

type Call = () => Promise<unknown>;

/** Each client, by name, as a factory: a child builds only the one it measures. */
function clients(url: string): [string, () => Call][] {
  const token = 'sk_bench_token';
  const plainHeaders = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const planURL = `${url}/projects/bench/plans/pln_1`;
  return [
    [
      'plain fetch',
      () => async () => {
        const response = await fetch(planURL, { headers: plainHeaders });
        if (!response.ok) throw new Error(String(response.status));
        return (await response.json()) as unknown;
      },
    ],
    [
      'openapi-fetch',
      () => {
        const client = createClient<paths>({ baseUrl: url, headers: plainHeaders });
        return async () => {
          const { data, error } = await client.GET('/projects/{project}/plans/{plan}', {
            params: { path: { project: 'bench', plan: 'pln_1' } },
          });
          if (error !== undefined) throw new Error('error');
          return data;
        };
      },
    ],
    [
      'gigs.plans.retrieve',
      () => {
        const gigs = new Gigs({ token, project: 'bench', baseURL: url });
        return () => gigs.plans.retrieve('pln_1');
      },
    ],
    [
      "gigs.plans.retrieve (responseValidation: 'throw')",
      () => {
        const gigs = new Gigs({
          token,
          project: 'bench',
          baseURL: url,
          responseValidation: 'throw',
          responseGuards,
        });
        return () => gigs.plans.retrieve('pln_1');
      },
    ],
  ];
}

/** Wall-clock and CPU (this process only) microseconds per request over `count` sequential requests. */
async function run(call: Call, count: number): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall: (wall * 1000) / count, cpu: (used.user + used.system) / count };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

interface Timing {
  wall: number;
  cpu: number;
}

/** In a child process: one client, warmed up, then the median of its batches. */
async function childMain(name: string, url: string): Promise<void> {
  const make = clients(url).find(([client]) => client === name)?.[1];
  if (make === undefined) throw new Error(`no client ${name}`);
  const call = make();
  await run(call, WARMUP);
  const batches: Timing[] = [];
  for (let i = 0; i < BATCHES; i++) batches.push(await run(call, BATCH));
  const timing: Timing = {
    wall: median(batches.map((b) => b.wall)),
    cpu: median(batches.map((b) => b.cpu)),
  };
  process.stdout.write(`${JSON.stringify(timing)}\n`);
}

function runChild(name: string, url: string): Timing {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      name,
      '--url',
      url,
      '--batches',
      String(BATCHES),
      '--batch',
      String(BATCH),
      '--warmup',
      String(WARMUP),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (result.status !== 0)
    throw new Error(`the ${name} child failed (exit ${String(result.status)})`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Timing;
}

interface RequestRow extends Timing {
  name: string;
}

async function benchRequests(): Promise<RequestRow[]> {
  const server = await startServer();
  try {
    const names = clients(server.url).map(([name]) => name);
    const rounds = new Map<string, Timing[]>(names.map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order, so that no client always runs first (or last) in a round.
      for (let index = 0; index < names.length; index++) {
        const name = names[(index + round) % names.length]!;
        rounds.get(name)?.push(runChild(name, server.url));
      }
    }
    return names.map((name) => {
      const runs = rounds.get(name) ?? [];
      return { name, wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
    });
  } finally {
    server.stop();
  }
}

async function bundleSize(
  name: string,
  source: string,
): Promise<{ name: string; minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: `${name}.ts` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { name, minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

async function benchBundles(): Promise<{ name: string; minified: number; gzipped: number }[]> {
  const entry = './generated/src/index.ts';
  return Promise.all([
    bundleSize(
      'the client: new Gigs() + plans.retrieve()',
      `import { Gigs } from '${entry}';\nconst gigs = new Gigs({ token: 't', project: 'p' });\nexport const run = () => gigs.plans.retrieve('pln_1');`,
    ),
    bundleSize(
      'openapi-fetch: createClient() + GET()',
      `import createClient from 'openapi-fetch';\nconst client = createClient({ baseUrl: 'https://api.gigs.com' });\nexport const run = () => client.GET('/projects/p/plans/pln_1');`,
    ),
    bundleSize(
      'the client with responseValidation + responseGuards',
      `import { Gigs, responseGuards } from '${entry}';\nconst gigs = new Gigs({ token: 't', project: 'p', responseValidation: 'warn', responseGuards });\nexport const run = () => gigs.plans.retrieve('pln_1');`,
    ),
    bundleSize(
      'the client + pathsClient() (openapi-fetch)',
      `import { Gigs, pathsClient } from '${entry}';\nconst gigs = new Gigs({ token: 't', project: 'p' });\nexport const run = () => pathsClient(gigs).GET('/projects/{project}/plans/{plan}', { params: { path: { project: 'p', plan: 'x' } } });`,
    ),
  ]);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width, column) => `${column === 0 ? ':' : ''}${'-'.repeat(width + 1)}${column === 0 ? '' : ':'}`).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

async function main(): Promise<void> {
  console.log(
    `Per-request time: each client alone in a child process, ${WARMUP} warm-up requests, then the median of ${BATCHES} batches of ${BATCH} sequential requests; the median of ${ROUNDS} rounds.\n`,
  );
  const requests = await benchRequests();
  const baseline = requests.find((row) => row.name === 'plain fetch') ?? {
    wall: Number.NaN,
    cpu: Number.NaN,
  };
  console.log(
    table(
      ['client', 'µs / request', 'vs plain fetch', 'CPU µs / request', 'vs plain fetch'],
      requests.map((row) => [
        row.name,
        row.wall.toFixed(1),
        `${(row.wall / baseline.wall).toFixed(3)}×`,
        row.cpu.toFixed(1),
        `${(row.cpu / baseline.cpu).toFixed(3)}×`,
      ]),
    ),
  );
  const ours = requests.find((row) => row.name === 'gigs.plans.retrieve') ?? {
    wall: Number.NaN,
    cpu: Number.NaN,
  };
  const overhead = ours.wall / baseline.wall;
  console.log(
    `\nGoal: the resource client within ${Math.round((GOALS.overhead - 1) * 100)}% of plain fetch: ${overhead.toFixed(3)}× wall-clock (${(ours.cpu / baseline.cpu).toFixed(3)}× CPU) — ${overhead <= GOALS.overhead ? 'met' : 'MISSED'}.\n`,
  );

  const bundles = await benchBundles();
  console.log('Bundle size of a consumer (esbuild, minified ESM; gzip -9):\n');
  const openapiFetch = bundles[1]?.gzipped ?? Number.NaN;
  console.log(
    table(
      ['consumer', 'minified', 'gzipped', 'vs openapi-fetch'],
      bundles.map((row) => [
        row.name,
        kb(row.minified),
        kb(row.gzipped),
        `${(row.gzipped / openapiFetch).toFixed(2)}×`,
      ]),
    ),
  );
  const client = bundles[0]?.gzipped ?? Number.NaN;
  console.log(
    `\nGoal: the client under ${kb(GOALS.bundleBytes)} gzipped: ${kb(client)} — ${client < GOALS.bundleBytes ? 'met' : 'MISSED'}.`,
  );
}

if (args.child !== undefined && args.url !== undefined) await childMain(args.child, args.url);
else await main();
