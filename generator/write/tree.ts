/**
 * Writes the rendered tree so that no failure, not even a SIGKILL, leaves the output folder half
 * written, and the user's files in it are never moved:
 *
 * - **a new folder** is written complete under a temporary name next to it and renamed into
 *   place: it appears whole or not at all;
 * - **an existing folder** stays where it is. Its new owned entries (see owned.ts) are written
 *   complete into a staging folder inside it, with copies of the user's files inside them; then a
 *   plan (which entries to replace or remove) is saved, which is the commit point; then each owned
 *   entry is swapped by renames. The user's entries (`node_modules/`, `dist/`, LICENSE, …) are
 *   never touched.
 *
 * Every run first recovers what a killed run left: a staging folder without a plan is deleted (the
 * old package was never touched); one with a plan is rolled forward to the new package; a
 * temporary sibling of a new folder is deleted. A staging folder's name carries its process id,
 * so a run never mistakes a live run's work for a leftover.
 */
import { randomBytes } from 'node:crypto';
import {
  chmod,
  cp,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GeneratorError } from '../errors.ts';
import { assertReplaceable, ownedEntries, ownedFiles, STAGING_PREFIX } from './owned.ts';
import { setStaging } from './interrupt.ts';
import type { RenderedTree } from './render.ts';

/** `staged`: new files written; `committed`: plan saved; `moved`: one owned entry swapped. */
export type WriteStep = 'staged' | 'committed' | 'moved';

export interface WriteHooks {
  /** Called after each step; tests throw or pause here to check rollback and recovery. */
  afterStep?: (step: WriteStep) => void | Promise<void>;
}

interface Plan {
  /** Top-level entries to put in place from `new/`, in order. */
  install: string[];
  /** Owned top-level entries to take away (an earlier run wrote them, this one does not). */
  remove: string[];
}

const PLAN = 'plan.json';

export async function writeTreeAtomically(
  outDir: string,
  tree: RenderedTree,
  hooks: WriteHooks = {},
): Promise<void> {
  const target = await followSymlink(outDir);
  await recoverInterrupted(target);
  const info = await stat(target).catch(() => undefined);
  await assertReplaceable(target);
  if (info === undefined) await writeNewFolder(target, tree, hooks);
  else await replaceOwnedEntries(target, tree, hooks);
}

/** An output path that is a symlink to a folder is written where it points, the link kept. */
async function followSymlink(path: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  return info?.isSymbolicLink() === true ? realpath(path) : path;
}

function stagingName(): string {
  return `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The process id in a staging name, and whether that process is still running. */
function ownerAlive(name: string): boolean {
  const pid = Number(/^\.?[^]*?generating-(\d+)-/.exec(name)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function writeNewFolder(target: string, tree: RenderedTree, hooks: WriteHooks) {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}${stagingName()}`);
  try {
    setStaging({ dir: temp, committed: false });
    await mkdir(temp);
    await chmod(temp, 0o755);
    await writeFiles(temp, tree);
    await hooks.afterStep?.('staged');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  } finally {
    setStaging(undefined);
  }
}

async function replaceOwnedEntries(target: string, tree: RenderedTree, hooks: WriteHooks) {
  const staging = join(target, stagingName());
  const fresh = join(staging, 'new');
  let plan: Plan;
  try {
    setStaging({ dir: staging, committed: false });
    await mkdir(join(staging, 'old'), { recursive: true });
    await mkdir(fresh);
    await writeFiles(fresh, tree);
    // The user's files inside the folders the generator writes go into the new folders as they are.
    for (const path of (await ownedFiles(target, tree)).user) {
      await mkdir(dirname(join(fresh, path)), { recursive: true });
      await cp(join(target, path), join(fresh, path), {
        preserveTimestamps: true,
        verbatimSymlinks: true,
      });
    }
    const install = (await readdir(fresh)).sort();
    const owned = await ownedEntries(target, tree);
    const present = new Set(await readdir(target));
    plan = {
      install,
      remove: [...owned].filter((name) => present.has(name) && !install.includes(name)).sort(),
    };
    await hooks.afterStep?.('staged');
    // The commit point: written whole under another name, then renamed.
    await writeFile(join(staging, `${PLAN}.tmp`), JSON.stringify(plan));
    await rename(join(staging, `${PLAN}.tmp`), join(staging, PLAN));
    setStaging({ dir: staging, committed: true });
  } catch (error) {
    setStaging(undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    await hooks.afterStep?.('committed');
    await applyPlan(target, staging, plan, hooks);
  } catch (error) {
    // A failure after the commit point (not a kill) is undone here; if even that fails, the
    // plan stays and the next run rolls it forward.
    await rollBack(target, staging, plan).catch(() => undefined);
    throw error;
  } finally {
    setStaging(undefined);
  }
  await rm(staging, { recursive: true, force: true });
}

/** Swaps each planned entry: the old one into `old/`, the new one from `new/` into place. Idempotent. */
async function applyPlan(target: string, staging: string, plan: Plan, hooks: WriteHooks = {}) {
  for (const name of [...plan.remove, ...plan.install]) {
    const live = join(target, name);
    const incoming = join(staging, 'new', name);
    const installing = plan.install.includes(name);
    if (installing && !(await exists(incoming))) continue; // already in place
    if ((await exists(live)) && !(await exists(join(staging, 'old', name))))
      await rename(live, join(staging, 'old', name));
    if (installing) await rename(incoming, live);
    await hooks.afterStep?.('moved');
  }
}

/** Undoes applyPlan's renames, newest first. */
async function rollBack(target: string, staging: string, plan: Plan) {
  for (const name of [...plan.remove, ...plan.install].reverse()) {
    const live = join(target, name);
    const backup = join(staging, 'old', name);
    if (plan.install.includes(name) && !(await exists(join(staging, 'new', name))))
      await rename(live, join(staging, 'new', name));
    if (await exists(backup)) await rename(backup, live);
  }
  await rm(staging, { recursive: true, force: true });
}

/**
 * What a killed run left: staging folders in `target` (rolled forward when their plan was saved,
 * deleted otherwise) and temporary siblings of a new `target` (deleted). Another live run's work
 * is an error: two runs must not write one folder at once.
 */
export async function recoverInterrupted(target: string): Promise<void> {
  const parent = dirname(target);
  const siblingPrefix = `.${basename(target)}${STAGING_PREFIX}`;
  const siblings = (await readdir(parent).catch(() => [] as string[])).filter((name) =>
    name.startsWith(siblingPrefix),
  );
  const inside = (await readdir(target).catch(() => [] as string[])).filter((name) =>
    name.startsWith(STAGING_PREFIX),
  );
  for (const name of [...siblings, ...inside]) {
    if (ownerAlive(name)) {
      throw new GeneratorError(
        `another generator run (process ${/(\d+)-[0-9a-f]+$/.exec(name)?.[1] ?? 'unknown'}) is writing this folder`,
        { file: target },
        'wait for it to finish, then run again',
      );
    }
  }
  for (const name of siblings) await rm(join(parent, name), { recursive: true, force: true });
  for (const name of inside) {
    const staging = join(target, name);
    const plan = await readPlan(staging);
    if (plan !== undefined) await applyPlan(target, staging, plan);
    await rm(staging, { recursive: true, force: true });
  }
}

async function readPlan(staging: string): Promise<Plan | undefined> {
  try {
    const plan = JSON.parse(await readFile(join(staging, PLAN), 'utf8')) as Plan;
    return Array.isArray(plan.install) && Array.isArray(plan.remove) ? plan : undefined;
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function writeFiles(root: string, tree: RenderedTree): Promise<void> {
  const folders = new Set<string>();
  for (const path of tree.keys()) {
    const folder = dirname(path);
    if (folder !== '.') folders.add(folder);
  }
  for (const folder of [...folders].sort()) await mkdir(join(root, folder), { recursive: true });
  // One at a time: each write turns its text into a buffer, and some texts are tens of MB.
  for (const [path, text] of tree) await writeFile(join(root, path), text, 'utf8');
}
