/**
 * The generated package as a user gets it, made once per test run and shared by every test file
 * of test/package/: generated/ is copied to a temporary folder (the working tree is never
 * touched), packed with `npm pack` (whose prepack script builds dist/), and the tarball is
 * installed with `npm install <tarball>` into a fresh consumer folder with its own package.json,
 * outside the repository (so nothing resolves from the toolchain's node_modules by accident).
 *
 * Test files run in parallel worker processes; the first to ask does the work under a lock and
 * the others wait for it. The work is keyed on the test run (the workers' parent process) and a
 * hash of everything the package is made from, so a second run, or a changed generated/, starts
 * afresh. Folders of runs that are over are removed.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from '../../../scripts/lib/run.ts';
import { ROOT } from '../../helpers/spec.ts';

export const GENERATED_DIR = join(ROOT, 'generated');
const CACHE_ROOT = join(tmpdir(), 'gigs-sdk-package-tests');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The whole preparation (build ~5 s, pack and install ~2 s) must finish well within this. */
const PREPARE_TIMEOUT_MS = 180_000;
const POLL_MS = 200;

export interface PackedPackage {
  /** The package's name, e.g. `gigs-sdk`. */
  name: string;
  /** The packed tarball. */
  tarball: string;
  /** sha256 of the tarball (hex). */
  tarballSha256: string;
  /** Paths in the tarball (without the `package/` prefix), sorted. */
  tarballFiles: string[];
  /** A folder with its own package.json (`"type": "module"`) and the tarball installed. */
  consumerDir: string;
  /** The built copy of generated/ that was packed. */
  packageDir: string;
  /** How long the preparation took in the process that did it (ms). */
  preparedInMs: number;
}

let pending: Promise<PackedPackage> | undefined;

/** The packed and installed package of this test run (made on first use). */
export function packedPackage(): Promise<PackedPackage> {
  pending ??= prepareOnce();
  return pending;
}

/**
 * A fresh folder inside the consumer folder (so the package resolves from its node_modules) for
 * one test's files, e.g. `consumer/readme-3fa2c1`.
 */
export async function consumerSubfolder(packed: PackedPackage, label: string): Promise<string> {
  const dir = join(
    packed.consumerDir,
    `${label}-${process.pid}-${Math.random().toString(16).slice(2, 8)}`,
  );
  await mkdir(dir, { recursive: true });
  return dir;
}

async function prepareOnce(): Promise<PackedPackage> {
  const key = `${process.ppid}-${(await inputsHash()).slice(0, 16)}`;
  const runDir = join(CACHE_ROOT, `run-${key}`);
  const ready = join(runDir, 'ready.json');
  const failed = join(runDir, 'failed.txt');
  await mkdir(CACHE_ROOT, { recursive: true });
  await removeFinishedRuns();

  let owner = true;
  try {
    await mkdir(runDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    owner = false;
  }
  if (owner) {
    try {
      const packed = await prepare(runDir);
      await writeFile(ready, JSON.stringify(packed));
      return packed;
    } catch (error) {
      await writeFile(
        failed,
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      throw error;
    }
  }

  const deadline = Date.now() + PREPARE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const done = await readFile(ready, 'utf8').catch(() => undefined);
    if (done !== undefined) return JSON.parse(done) as PackedPackage;
    const failure = await readFile(failed, 'utf8').catch(() => undefined);
    if (failure !== undefined)
      throw new Error(`Preparing the packed package failed in another test file:\n${failure}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    `Timed out after ${PREPARE_TIMEOUT_MS / 1000} s waiting for another test file to pack the package (${runDir}).`,
  );
}

async function prepare(runDir: string): Promise<PackedPackage> {
  const started = performance.now();
  const packageDir = join(runDir, 'package');
  await cp(GENERATED_DIR, packageDir, {
    recursive: true,
    filter: (source) => {
      const top = relative(GENERATED_DIR, source).split(/[\\/]/)[0] ?? '';
      return top !== 'dist' && top !== 'node_modules' && !top.startsWith('.');
    },
  });
  // tsc resolves openapi-fetch's types from the toolchain's node_modules, as in generated/.
  await symlink(join(ROOT, 'node_modules'), join(packageDir, 'node_modules'), 'dir');
  // `npm pack` builds dist/ first: the package's prepack script runs its build.mjs.

  const packDir = join(runDir, 'pack');
  await mkdir(packDir);
  const pack = await npm(['pack', '--json', '--pack-destination', packDir], packageDir);
  const [info] = JSON.parse(pack.stdout) as {
    filename: string;
    name: string;
    files: { path: string }[];
  }[];
  if (info === undefined) throw new Error(`npm pack printed no package:\n${pack.output}`);
  const tarball = join(packDir, info.filename);
  const tarballSha256 = createHash('sha256')
    .update(await readFile(tarball))
    .digest('hex');

  const consumerDir = join(runDir, 'consumer');
  await mkdir(consumerDir);
  await writeFile(
    join(consumerDir, 'package.json'),
    `${JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  // With msw, the testing kit's optional peer dependency, as a project that uses the kit has it
  // (the README's testing example imports msw/node). openapi-fetch and msw come from npm's cache
  // (npm ci filled it); only when they are not there, from the registry.
  const wanted = [tarball, `msw@${await toolchainPin('msw')}`];
  const offline = await npm(
    ['install', ...wanted, '--offline', ...INSTALL_FLAGS],
    consumerDir,
    false,
  );
  if (offline.code !== 0)
    await npm(['install', ...wanted, '--prefer-offline', ...INSTALL_FLAGS], consumerDir);

  return {
    name: info.name,
    tarball,
    tarballSha256,
    tarballFiles: info.files.map((file) => file.path).sort(),
    consumerDir,
    packageDir,
    preparedInMs: Math.round(performance.now() - started),
  };
}

/** The exact version of a development dependency of the toolchain, e.g. msw's. */
async function toolchainPin(name: string): Promise<string> {
  const root = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = root.devDependencies?.[name];
  if (version === undefined) throw new Error(`the toolchain's package.json pins no ${name}`);
  return version;
}

const INSTALL_FLAGS = [
  '--no-audit',
  '--no-fund',
  '--ignore-scripts',
  '--no-update-notifier',
  '--loglevel',
  'error',
];

async function npm(args: string[], cwd: string, check = true) {
  const result = await run(NPM, args, {
    cwd,
    timeoutMs: 120_000,
    env: { NO_COLOR: '1', npm_config_update_notifier: 'false' },
  });
  if (check && result.code !== 0)
    throw new Error(
      `npm ${args.join(' ')} failed in ${cwd} (exit ${result.code}):\n${result.output}`,
    );
  return result;
}

/** sha256 over the files the package is made from: generated/ (less dist/) and the build script. */
async function inputsHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [join(ROOT, 'scripts/build-package.ts'), ...(await listFiles(GENERATED_DIR))];
  for (const file of files)
    hash
      .update(relative(ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.'))
      continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** Removes the folders of earlier runs whose process is gone. */
async function removeFinishedRuns(): Promise<void> {
  for (const name of await readdir(CACHE_ROOT).catch(() => [])) {
    const pid = Number(/^run-(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.ppid || isAlive(pid)) continue;
    const dir = join(CACHE_ROOT, name);
    if ((await stat(dir).catch(() => undefined))?.isDirectory())
      await rm(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
