/**
 * Whole-process generation benchmark: `npm run generate` against openapi-typescript (its CLI,
 * emitting the types alone), @hey-api/openapi-ts and `redocly generate-client`, on our spec and
 * on GitHub's REST description. Each round runs every contender once, in an order that rotates
 * from round to round, so that a busy machine slows them alike; the table gives medians and the
 * ratios to openapi-typescript, in wall time and in CPU time (user + system, which noise from other
 * processes disturbs less), and the peak resident memory of each process.
 *
 *   npm run bench -- generate [--rounds 7] [--github-rounds 3] [--public-rounds 3]
 *                             [--only ours|github|public] [--no-peers]
 *
 * What is timed is the process a user starts, from exec to exit: `node scripts/generate.mjs`
 * (what `npm run generate` runs, without npm's own start-up, which every contender would pay) with
 * the generator already built (npm ci builds it), `--no-cache` for a cold run (no prettier output
 * reused), and `--check` on a folder generated just before (an unchanged spec). Goals (issue 13):
 * cold generate ≤ 1.0× openapi-typescript on our spec and ≤ 1.5× on GitHub's, peak memory
 * ≤ 1 GiB there; --check ≤ 0.5× openapi-typescript on our spec.
 *
 * Then the public descriptions of the corpus folder (100 KB and up: Lob's, Xero's, Qdrant's, …):
 * openapi-typescript against a cold generate on each, with no goal of their own.
 *
 * After the tables, the profile: the generator's own step timings (module load, bundle, model,
 * emit, render = print + format, write), medians of cold in-process runs of the build.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureGeneratorBuild } from './generator-build.mjs';
import { readFlags } from './lib/command-line.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPECS = {
  ours: join(ROOT, 'spec/openapi.yaml'),
  github: join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'),
} as const;
type SpecName = keyof typeof SPECS;

const bin = (path: string) => join(ROOT, 'node_modules', path);
const QUIET_ENV = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_COLOR: '1',
};

interface Contender {
  name: string;
  /** The command, for a spec and a fresh output folder. */
  command: (spec: string, out: string) => string[];
  /** Prepares the output folder before the timed run (untimed). */
  prepare?: (spec: string, out: string) => void;
  peer: boolean;
}

const generateCommand = (spec: string, out: string, ...flags: string[]) => [
  process.execPath,
  join(ROOT, 'scripts/generate.mjs'),
  '--spec',
  spec,
  '--out',
  join(out, 'package'),
  ...flags,
];

const CONTENDERS: Contender[] = [
  {
    name: 'openapi-typescript',
    command: (spec, out) => [
      process.execPath,
      bin('openapi-typescript/bin/cli.js'),
      spec,
      '--output',
      join(out, 'openapi.ts'),
    ],
    peer: true,
  },
  {
    name: 'generate (cold)',
    command: (spec, out) => generateCommand(spec, out, '--no-cache'),
    peer: false,
  },
  {
    name: 'generate --check',
    prepare: (spec, out) => run(generateCommand(spec, out), out),
    command: (spec, out) => generateCommand(spec, out, '--check'),
    peer: false,
  },
  {
    name: '@hey-api/openapi-ts',
    command: (spec, out) => [
      process.execPath,
      bin('@hey-api/openapi-ts/bin/run.js'),
      '--input',
      spec,
      '--output',
      join(out, 'client'),
    ],
    peer: true,
  },
  {
    name: 'redocly generate-client',
    command: (spec, out) => [
      process.execPath,
      bin('@redocly/cli/bin/cli.js'),
      'generate-client',
      spec,
      '--output',
      join(out, 'client.ts'),
    ],
    peer: true,
  },
];

interface Sample {
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
}

/** Runs a command to completion in `cwd`, under GNU time; throws when it fails. */
function run(command: string[], cwd: string): Sample {
  const timeFile = join(cwd, '.time');
  const result = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%e %U %S %M', ...command], {
    cwd,
    env: QUIET_ENV,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command.slice(1).join(' ')} failed (exit ${String(result.status ?? result.signal)}):\n${result.stderr}${result.stdout}`,
    );
  }
  const [wall, user, system, rss] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
  return { wallMs: wall! * 1000, cpuMs: (user! + system!) * 1000, maxRssKb: rss! };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

function benchSpec(spec: SpecName, rounds: number, contenders: Contender[]): string[] {
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so that no contender always runs right after the same neighbour.
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const contender of order) {
      const cwd = mkdtempSync(join(tmpdir(), 'bench-generate-'));
      try {
        contender.prepare?.(SPECS[spec], cwd);
        process.stderr.write(`  ${spec} round ${round + 1}/${rounds}: ${contender.name}\n`);
        samples.get(contender.name)!.push(run(contender.command(SPECS[spec], cwd), cwd));
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    }
  }
  const base = samples.get('openapi-typescript')!;
  const baseWall = median(base.map((s) => s.wallMs));
  const baseCpu = median(base.map((s) => s.cpuMs));
  const rows = [
    ['contender', 'wall (median)', 'CPU (median)', 'peak RSS', 'wall ratio', 'CPU ratio'],
  ];
  const result: Record<string, { wall: number; cpu: number; rss: number }> = {};
  for (const contender of contenders) {
    const list = samples.get(contender.name)!;
    const wall = median(list.map((s) => s.wallMs));
    const cpu = median(list.map((s) => s.cpuMs));
    const rss = Math.max(...list.map((s) => s.maxRssKb));
    result[contender.name] = { wall, cpu, rss };
    rows.push([
      contender.name,
      seconds(wall),
      seconds(cpu),
      mib(rss),
      ratio(wall, baseWall),
      ratio(cpu, baseCpu),
    ]);
  }
  const lines = [
    `### ${spec} (${rounds} rounds, ${SPECS[spec].replace(ROOT, '')})`,
    '',
    table(rows),
    '',
  ];
  const goal = (name: string, limit: number, extra = '') => {
    const r = result[name];
    if (r === undefined) return;
    const wallRatio = r.wall / baseWall;
    lines.push(
      `${wallRatio <= limit ? 'meets' : 'MISSES'} goal: ${name} ${wallRatio.toFixed(2)}× openapi-typescript in wall time (CPU ${(r.cpu / baseCpu).toFixed(2)}×), goal ≤ ${limit}×${extra}`,
    );
  };
  if (spec === 'ours') {
    goal('generate (cold)', 1.0);
    goal('generate --check', 0.5);
  } else {
    const rss = result['generate (cold)']?.rss ?? 0;
    goal(
      'generate (cold)',
      1.5,
      `; peak RSS ${mib(rss)} (goal ≤ 1024 MiB: ${rss <= 1024 * 1024 ? 'meets' : 'MISSES'})`,
    );
  }
  return [...lines, ''];
}

/** Folder of real public descriptions (the corpus the tests generate); `CORPUS_SPECS` overrides it. */
const CORPUS_SPECS = process.env.CORPUS_SPECS ?? '/work/shared/corpus/specs';
/** Public descriptions this size and up are timed: the mid-size specs users bring (100 KB to 1 MB). */
const PUBLIC_MIN_BYTES = 100 * 1024;

/**
 * openapi-typescript against a cold `generate` on each public description of the corpus folder of
 * {@link PUBLIC_MIN_BYTES} and up, side by side in rotating order, `rounds` each: the ratio users
 * of other specs than ours see (the goals are set on ours and GitHub's).
 */
function benchPublic(rounds: number): string[] {
  if (!existsSync(CORPUS_SPECS))
    return [`(no public descriptions at ${CORPUS_SPECS}: set CORPUS_SPECS)`, ''];
  const specs = readdirSync(CORPUS_SPECS)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .map((file) => join(CORPUS_SPECS, file))
    .filter((file) => statSync(file).size >= PUBLIC_MIN_BYTES)
    .sort();
  const contenders = CONTENDERS.filter(
    (c) => c.name === 'openapi-typescript' || c.name === 'generate (cold)',
  );
  const rows = [
    ['spec', 'size', 'openapi-typescript', 'generate (cold)', 'wall ratio', 'CPU ratio'],
  ];
  const ratios: number[] = [];
  for (const spec of specs) {
    const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const contender of round % 2 === 0 ? contenders : [...contenders].reverse()) {
        const cwd = mkdtempSync(join(tmpdir(), 'bench-generate-'));
        try {
          process.stderr.write(
            `  ${basename(spec)} round ${round + 1}/${rounds}: ${contender.name}\n`,
          );
          samples.get(contender.name)!.push(run(contender.command(spec, cwd), cwd));
        } finally {
          rmSync(cwd, { recursive: true, force: true });
        }
      }
    }
    const [base, ours] = contenders.map((c) => samples.get(c.name)!);
    const wall = (list: Sample[]) => median(list.map((s) => s.wallMs));
    const cpu = (list: Sample[]) => median(list.map((s) => s.cpuMs));
    ratios.push(wall(ours!) / wall(base!));
    rows.push([
      basename(spec),
      `${Math.round(statSync(spec).size / 1024)} KB`,
      seconds(wall(base!)),
      seconds(wall(ours!)),
      ratio(wall(ours!), wall(base!)),
      ratio(cpu(ours!), cpu(base!)),
    ]);
  }
  return [
    `### public descriptions (${rounds} rounds each, ${CORPUS_SPECS}, ${PUBLIC_MIN_BYTES / 1024} KB and up)`,
    '',
    table(rows),
    '',
    `median wall ratio ${median(ratios).toFixed(2)}× openapi-typescript (no goal is set on these; ours ≤ 1.0×, GitHub's ≤ 1.5×)`,
    '',
  ];
}

/** Cold in-process runs of the build's generate(), one process each: the generator's own steps. */
async function profile(runs: number): Promise<string[]> {
  const build = await ensureGeneratorBuild();
  const script = `
    const start = performance.now();
    const { generate } = await import(${JSON.stringify(pathToFileURL(join(build, 'index.mjs')).href)});
    const imported = performance.now() - start;
    const out = process.env.BENCH_OUT;
    const result = await generate({ spec: ${JSON.stringify(SPECS.ours)}, out, cache: false });
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ ...result.timings, 'import index': imported, total: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 }));`;
  const all: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    try {
      const file = join(out, 'profile.mjs');
      writeFileSync(file, script);
      const result = spawnSync(process.execPath, [file], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, BENCH_OUT: join(out, 'package') },
      });
      if (result.status !== 0) throw new Error(`profile run failed:\n${result.stderr}`);
      all.push(JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, number>);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const steps = [
    'import index',
    'load',
    'bundle',
    'model',
    'emit',
    'render',
    'write',
    'total',
    'cpu',
  ];
  const rows = [['step', 'median', 'what it is']];
  const what: Record<string, string> = {
    'import index': 'importing the generator entry (the light part: options, record)',
    load: 'importing the steps’ modules: openapi-core, ts-morph, openapi-typescript + TypeScript',
    bundle: 'reading and bundling the spec (openapi-core)',
    model: 'bundled document → ApiModel',
    emit: 'emitters: ts-morph structures, openapi-typescript’s AST and print',
    render: 'printing structures and waiting for prettier (worker thread)',
    write: 'atomic write of the output folder',
    total: 'wall time in the process, from the first import',
    cpu: 'CPU time of the whole process (all threads)',
  };
  for (const step of steps) {
    rows.push([step, `${Math.round(median(all.map((r) => r[step] ?? 0)))} ms`, what[step]!]);
  }
  return [
    `### profile: generate (cold) on ours, ${runs} runs, in-process steps`,
    '',
    table(rows),
    '',
  ];
}

async function main(): Promise<void> {
  const flags = readFlags(
    process.argv.slice(2),
    {
      rounds: { type: 'string', default: '7' },
      'github-rounds': { type: 'string', default: '3' },
      'profile-runs': { type: 'string', default: '5' },
      only: { type: 'string' },
      'public-rounds': { type: 'string', default: '3' },
      'no-peers': { type: 'boolean', default: false },
    },
    'Usage: npm run bench -- generate [--rounds 7] [--github-rounds 3] [--public-rounds 3] [--profile-runs 5] [--only ours|github|public] [--no-peers]',
  );
  if ('exitCode' in flags) process.exit(flags.exitCode);
  const { values } = flags;
  if (values.only !== undefined && !(values.only in SPECS) && values.only !== 'public') {
    console.error(
      `error: --only ${values.only} names no spec of this benchmark\n  fix: --only ${[...Object.keys(SPECS), 'public'].join(' or --only ')}`,
    );
    process.exit(2);
  }
  // The build is made once, untimed, as npm ci does.
  await ensureGeneratorBuild({ log: (line) => process.stderr.write(`${line}\n`) });
  const contenders = CONTENDERS.filter(
    (c) => !values['no-peers'] || !c.peer || c.name === 'openapi-typescript',
  );
  const out: string[] = [];
  for (const spec of Object.keys(SPECS) as SpecName[]) {
    if (values.only !== undefined && values.only !== spec) continue;
    const rounds = Number(spec === 'github' ? values['github-rounds'] : values.rounds);
    out.push(...benchSpec(spec, rounds, contenders));
    process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (values.only === undefined || values.only === 'public')
    process.stdout.write(`${benchPublic(Number(values['public-rounds'])).join('\n')}\n`);
  if (values.only === undefined || values.only === 'ours') {
    process.stdout.write(`${(await profile(Number(values['profile-runs']))).join('\n')}\n`);
  }
}

mkdirSync(tmpdir(), { recursive: true });
await main();
