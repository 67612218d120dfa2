/**
 * Times the generator against openapi-typescript alone, for our spec and GitHub's REST
 * description, and reports peak memory. Each (tool, spec) pair runs in its own child process, so
 * its peak RSS is its own; inside the child the first run is reported as "cold" (module loading,
 * JIT) and the following ones as "warm" (median).
 *
 *   npx tsx scripts/bench-generate.ts [--iterations 5] [--github-iterations 3] [--only ours|github]
 *
 * openapi-typescript alone = `openapiTS(<spec file>)` + `astToString` + writing the file: what
 * `npx openapi-typescript <spec> -o <file>` does. The generator = `generate()` from
 * generator/index.ts writing the whole package. Goals: warm generator ≤ 2× openapi-typescript,
 * peak RSS < 1 GiB on GitHub's description.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPECS = {
  ours: join(ROOT, 'spec/openapi.yaml'),
  github: join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'),
} as const;
type SpecName = keyof typeof SPECS;
/**
 * `generate` reuses prettier's earlier output where the printed text is unchanged (its default,
 * write/format-cache.ts); `generate --no-cache` formats everything anew, as on a fresh clone.
 */
type Tool = 'openapi-typescript' | 'generate' | 'generate --no-cache';
const TOOLS: readonly Tool[] = ['openapi-typescript', 'generate', 'generate --no-cache'];

interface ChildReport {
  /** Milliseconds to import the tool's modules. */
  importMs: number;
  /** Milliseconds per run, in order; the first is cold. */
  runs: number[];
  /** Peak resident set size of the child, in bytes. */
  maxRss: number;
  /** Heap in use after the last run, in bytes. */
  heapUsed: number;
}

async function child(tool: Tool, spec: string, iterations: number): Promise<ChildReport> {
  const out = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  try {
    const importStart = performance.now();
    const run =
      tool === 'openapi-typescript'
        ? await (async () => {
            const { default: openapiTS, astToString } = await import('openapi-typescript');
            const url = new URL(`file://${spec}`);
            return async () => {
              const nodes = await openapiTS(url, { silent: true });
              writeFileSync(join(out, 'openapi.ts'), astToString(nodes));
            };
          })()
        : await (async () => {
            const { generate } = await import('../generator/index.ts');
            return async () => {
              await generate({ spec, out: join(out, 'package'), cache: tool === 'generate' });
            };
          })();
    const importMs = performance.now() - importStart;
    const runs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      await run();
      runs.push(performance.now() - start);
    }
    return {
      importMs,
      runs,
      maxRss: process.resourceUsage().maxRSS * 1024,
      heapUsed: process.memoryUsage().heapUsed,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function runChild(tool: Tool, spec: SpecName, iterations: number): ChildReport {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      tool,
      '--spec',
      SPECS[spec],
      '--iterations',
      String(iterations),
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(
      `${tool} on ${spec} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`,
    );
  }
  return JSON.parse(line) as ChildReport;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${Math.round(value)} ms`;
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      spec: { type: 'string' },
      iterations: { type: 'string', default: '5' },
      'github-iterations': { type: 'string', default: '3' },
      only: { type: 'string' },
    },
  });
  if (values.child !== undefined) {
    const report = await child(values.child as Tool, values.spec!, Number(values.iterations));
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }

  const specs = (Object.keys(SPECS) as SpecName[]).filter(
    (name) => values.only === undefined || values.only === name,
  );
  const rows: string[][] = [
    ['spec', 'tool', 'import', 'cold run', 'warm (median)', 'runs', 'peak RSS', 'warm ratio'],
  ];
  const summary: string[] = [];
  for (const spec of specs) {
    const iterations = Number(spec === 'github' ? values['github-iterations'] : values.iterations);
    const reports = new Map<Tool, ChildReport>();
    for (const tool of TOOLS) {
      process.stderr.write(`running ${tool} on ${spec} (${iterations} runs)…\n`);
      reports.set(tool, runChild(tool, spec, iterations));
    }
    const baseline = median(
      reports
        .get('openapi-typescript')!
        .runs.slice(1)
        .concat(
          reports.get('openapi-typescript')!.runs.length === 1
            ? reports.get('openapi-typescript')!.runs
            : [],
        ),
    );
    for (const tool of TOOLS) {
      const report = reports.get(tool)!;
      const warm = median(report.runs.length > 1 ? report.runs.slice(1) : report.runs);
      rows.push([
        spec,
        tool,
        ms(report.importMs),
        ms(report.runs[0]!),
        ms(warm),
        String(report.runs.length),
        mib(report.maxRss),
        `${(warm / baseline).toFixed(2)}x`,
      ]);
      if (tool !== 'openapi-typescript') {
        summary.push(
          `${spec}: ${tool} is ${(warm / baseline).toFixed(2)}x openapi-typescript (goal ≤ 2x), peak RSS ${mib(report.maxRss)}${spec === 'github' ? ' (goal < 1024 MiB)' : ''}`,
        );
      }
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  process.stdout.write(
    [
      line(rows[0]!),
      `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
      ...rows.slice(1).map(line),
      '',
      ...summary,
      '',
    ].join('\n'),
  );
}

await main();
