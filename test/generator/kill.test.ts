/**
 * Atomic regeneration under SIGKILL (issue 11, item 7). A child process regenerates a package
 * over an older one that holds the user's files (node_modules, LICENSE, dist) and is killed at
 * seeded random moments. After each kill:
 *
 * - the user's files are all there, byte for byte (they are never moved);
 * - every generator-owned file is the old or the new version, never half written, and the owned
 *   part as a whole is the old package or the new one, unless a saved plan says the swap was
 *   under way (then the next run must finish it);
 * - the next run recovers: the folder is the new package plus the user's files, and no staging
 *   folder or temporary sibling is left.
 *
 * Two kinds of children: the writer alone, pausing a seeded moment after each step so that kills
 * land in every phase (staging, commit, each swap), and the real CLI (`generator/cli.ts`), killed
 * at a random moment of a whole run. `KILL_SEED=<n>` replays a run; the seed is printed.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { writeTreeAtomically } from '../../generator/write/tree.ts';
import { random } from '../fuzz/mutations.ts';
import { FIXTURES, removeTempDirs, ROOT, snapshotTree, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const SEED = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
const WRITER_KILLS = 20;
const CLI_KILLS = 2;

const USER_FILES: Record<string, string> = {
  'node_modules/dep/index.js': 'module.exports = 1;\n',
  'node_modules/dep/package.json': '{"name":"dep"}\n',
  LICENSE: 'MIT, by hand\n',
  'dist/index.js': 'export {};\n',
  '.gitignore': 'dist/\n',
};

type Snapshot = Record<string, string>;
let template: string; // the old package with the user's files, copied for each kill
let oldOwned: Snapshot;
let newOwned: Snapshot;
let newTree: Map<string, string>;
let newSpec: string;

const isUser = (path: string) =>
  Object.keys(USER_FILES).some((file) => file === path || file.startsWith(`${path}/`));
const isStaging = (path: string) => path.split('/')[0]!.startsWith('.generating-');

function owned(snapshot: Snapshot): Snapshot {
  return Object.fromEntries(
    Object.entries(snapshot).filter(([path]) => !isUser(path) && !isStaging(path)),
  );
}

beforeAll(async () => {
  const dir = await tempDir('kill-');
  template = join(dir, 'old');
  await generate({ spec: join(FIXTURES, 'hostile/hostile-3.1.yaml'), out: template, cache: false });
  for (const [path, text] of Object.entries(USER_FILES)) {
    await mkdir(dirname(join(template, path)), { recursive: true });
    await writeFile(join(template, path), text);
  }
  oldOwned = owned(await snapshotTree(template));
  newSpec = join(FIXTURES, 'hostile/hostile-3.0.yaml');
  const fresh = join(dir, 'new');
  const result = await generate({ spec: newSpec, out: fresh, cache: false });
  newTree = new Map(
    await Promise.all(
      result.files.map(async (path) => [path, await readFile(join(fresh, path), 'utf8')] as const),
    ),
  );
  newOwned = owned(await snapshotTree(fresh));
  expect(newOwned).not.toEqual(oldOwned);
  await writeFile(join(dir, 'tree.json'), JSON.stringify([...newTree]));
  console.log(`kill test seed: ${SEED} (replay with KILL_SEED=${SEED})`);
}, 120_000);

/** Runs `args` with node, waits for "ready" on stdout (when asked), then kills it `delay` ms later. */
async function killAfter(args: string[], delay: number, waitForReady: boolean): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  await new Promise<void>((ready) => {
    if (!waitForReady) return ready();
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) ready();
    });
    child.on('exit', () => ready());
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((done) => (timer = setTimeout(done, delay)))]);
  clearTimeout(timer);
  child.kill('SIGKILL');
  await exited;
  return output;
}

/** The invariant after a kill, then after the next run. Returns which state the kill left. */
async function checkAfterKill(out: string): Promise<'old' | 'new' | 'under way'> {
  const snapshot = await snapshotTree(out);
  for (const [path, text] of Object.entries(USER_FILES))
    expect(Buffer.from(snapshot[path] ?? '', 'base64').toString(), path).toBe(text);
  const now = owned(snapshot);
  for (const [path, bytes] of Object.entries(now))
    expect([oldOwned[path], newOwned[path]], `${path} is half written`).toContain(bytes);
  const stagings = Object.keys(snapshot).filter((path) => !path.includes('/') && isStaging(path));
  const planned = stagings.some((name) => snapshot[`${name}/plan.json`] !== undefined);
  let state: 'old' | 'new' | 'under way';
  if (JSON.stringify(now) === JSON.stringify(oldOwned)) state = 'old';
  else if (JSON.stringify(now) === JSON.stringify(newOwned)) state = 'new';
  else {
    expect(planned, 'owned files are mixed without a saved plan').toBe(true);
    state = 'under way';
  }

  // The next run recovers or cleans up, and writes the new package.
  await writeTreeAtomically(out, newTree);
  const after = await snapshotTree(out);
  expect(owned(after)).toEqual(newOwned);
  for (const [path, text] of Object.entries(USER_FILES))
    expect(Buffer.from(after[path] ?? '', 'base64').toString(), path).toBe(text);
  expect(Object.keys(after).filter(isStaging)).toEqual([]);
  expect(await readdir(dirname(out))).toEqual([basename(out)]);
  return state;
}

async function copyOfOld(): Promise<string> {
  const out = join(await tempDir('kill-out-'), 'sdk');
  await cp(template, out, { recursive: true, verbatimSymlinks: true });
  return out;
}

describe('SIGKILL during regeneration', () => {
  it(`the writer, killed at ${WRITER_KILLS} seeded moments: old or new package, user files in place, next run recovers`, async () => {
    const next = random(SEED);
    // The writer as one plain .mjs (esbuild), so each child starts in milliseconds, not via tsx.
    const dir = await tempDir('kill-script-');
    await build({
      entryPoints: [join(ROOT, 'generator/write/tree.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(dir, 'tree.mjs'),
      logLevel: 'silent',
    });
    const script = join(dir, 'writer.mjs');
    await writeFile(
      script,
      `import { readFileSync } from 'node:fs';
import { writeTreeAtomically } from './tree.mjs';
const [out, treeFile, pause] = process.argv.slice(2);
const tree = new Map(JSON.parse(readFileSync(treeFile, 'utf8')));
console.log('ready');
const sleep = () => new Promise((done) => setTimeout(done, Number(pause)));
await writeTreeAtomically(out, tree, { afterStep: sleep });
console.log('done');
`,
    );
    const treeFile = join(dirname(template), 'tree.json');
    const states: string[] = [];
    for (let i = 0; i < WRITER_KILLS; i++) {
      const out = await copyOfOld();
      const pause = Math.floor(next() * 40);
      const delay = Math.floor(next() * (60 + pause * 8));
      await killAfter([script, out, treeFile, String(pause)], delay, true);
      states.push(await checkAfterKill(out));
      await rm(dirname(out), { recursive: true, force: true });
    }
    console.log(`writer kills (seed ${SEED}): ${states.join(', ')}`);
  }, 240_000);

  it(`the CLI, killed at ${CLI_KILLS} seeded moments of a whole run`, async () => {
    const next = random(SEED + 1);
    const cli = ['--import', 'tsx', 'generator/cli.ts', '--spec', newSpec, '--no-cache'];
    const states: string[] = [];
    for (let i = 0; i < CLI_KILLS; i++) {
      const out = await copyOfOld();
      // A whole run takes seconds (more on a busy machine); a kill after it ended is fine too.
      await killAfter([...cli, '--out', out], Math.floor(next() * 8000), false);
      states.push(await checkAfterKill(out));
    }
    console.log(`CLI kills (seed ${SEED}): ${states.join(', ')}`);
  }, 240_000);
});
