/**
 * Writes the rendered tree so that no failure, not even a SIGKILL, leaves the output folder half
 * written, and the user's files in it are never moved:
 *
 * - **a new folder** is written complete under a temporary name next to it and renamed into
 *   place: it appears whole or not at all;
 * - **an existing folder** stays where it is, and only the generator's files that change are
 *   replaced (see owned.ts for which are the generator's). The new versions are written complete
 *   into a staging folder inside it; then a plan (which files to put in place, which of the
 *   generator's to take away) is saved, which is the commit point; then each file is swapped by
 *   renames. A file whose bytes do not change is not written at all: it keeps its inode and
 *   modification time. The user's files (`node_modules/`, `dist/`, LICENSE, `src/lib/mine.ts`, …)
 *   are never touched.
 *
 * Every run first recovers what a killed run left: a staging folder without a plan is deleted (the
 * old package was never touched); one with a plan is rolled forward to the new package; a
 * temporary sibling of a new folder is deleted. A staging folder's name carries its process id,
 * so a run never mistakes a live run's work for a leftover.
 */
import { randomBytes } from 'node:crypto';
import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GeneratorError } from '../errors.ts';
import { assertReplaceable, ownedFiles, STAGING_PREFIX } from './owned.ts';
import { setStaging } from './interrupt.ts';
import type { RenderedTree } from './render.ts';

/** `staged`: new files written; `committed`: plan saved; `moved`: one owned entry swapped. */
export type WriteStep = 'staged' | 'committed' | 'moved';

export interface WriteHooks {
  /** Called after each step; tests throw or pause here to check rollback and recovery. */
  afterStep?: (step: WriteStep) => void | Promise<void>;
}

interface Plan {
  /** Files to put in place from `new/`, as `/`-separated paths inside the folder, in order. */
  install: string[];
  /**
   * Paths to take away first, into `old/`: the generator's files this run does not write, and
   * whatever of the generator's stands where a new file or folder goes.
   */
  remove: string[];
  /** Folders the install creates (taken away again by a rollback); absent in older plans. */
  create?: string[];
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
  else await replaceChangedFiles(target, tree, hooks);
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

/**
 * Replaces, in an existing output folder, only the generator's files that change: the files of
 * `tree` whose bytes differ from what is there (or that are missing, or are a link there), and the
 * generator's files `tree` no longer has. Every other file keeps its inode and modification time,
 * so watchers and incremental builds (`tsc --build`, a bundler's watch mode) see only what the
 * spec change touched.
 */
async function replaceChangedFiles(target: string, tree: RenderedTree, hooks: WriteHooks) {
  const staging = join(target, stagingName());
  const fresh = join(staging, 'new');
  let plan: Plan;
  try {
    setStaging({ dir: staging, committed: false });
    await mkdir(join(staging, 'old'), { recursive: true });
    await mkdir(fresh);
    const changed: RenderedTree = new Map();
    for (const [path, text] of tree)
      if (!(await holdsText(join(target, path), text))) changed.set(path, text);
    await writeFiles(fresh, changed);
    plan = await planChanges(target, tree, changed);
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

/** Whether `path` is a regular file (not a link) holding exactly `text`. */
async function holdsText(path: string, text: string): Promise<boolean> {
  const info = await lstat(path).catch(() => undefined);
  if (info?.isFile() !== true || info.size !== Buffer.byteLength(text)) return false;
  return (await readFile(path)).equals(Buffer.from(text));
}

/**
 * The plan for writing `changed` (the files of `tree` that differ from the folder) into `target`:
 * the generator's files `tree` no longer has are removed, and so is whatever stands where a
 * changed file or its folder goes: a folder of the generator's own files where a file goes now, or
 * a file of the generator's where a folder goes. Anything of the user's in the way is an error,
 * before anything is moved.
 */
async function planChanges(
  target: string,
  tree: RenderedTree,
  changed: RenderedTree,
): Promise<Plan> {
  const owned = await ownedFiles(target, tree);
  const user = new Set(owned.user);
  const remove = new Set(owned.generated.filter((path) => !tree.has(path)));
  const inTheWay = (at: string, what: string, writes: string) =>
    new GeneratorError(
      `${what} (${at}) is where the generator now writes ${writes}`,
      { file: join(target, at) },
      'move it elsewhere in the package or out of it, then run again',
    );
  const create = new Set<string>();
  for (const path of changed.keys()) {
    const parts = path.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const at = parts.slice(0, depth).join('/');
      const info = await lstat(join(target, at)).catch(() => undefined);
      const isFile = depth === parts.length;
      if (info === undefined) {
        if (!isFile) create.add(at);
        continue;
      }
      if (isFile ? !info.isDirectory() : info.isDirectory()) continue;
      // A folder where the file goes: taken away whole, when none of it is the user's.
      if (isFile) {
        const mine = owned.user.find((file) => file.startsWith(`${at}/`));
        if (mine !== undefined) throw inTheWay(at, `a folder holding your file ${mine}`, path);
        for (const file of [...remove]) if (file.startsWith(`${at}/`)) remove.delete(file);
        remove.add(at);
      } else if (user.has(at)) {
        throw inTheWay(at, info.isSymbolicLink() ? 'your link' : 'your file', path);
      } else {
        // The generator's file (or link) where a folder goes: it is in `remove` already.
        create.add(at);
      }
    }
  }
  return { install: [...changed.keys()], remove: [...remove].sort(), create: [...create].sort() };
}

/**
 * Moves each planned path: what stands there into `old/`, the new file from `new/` into place;
 * then takes away the folders that removing the generator's files left empty. Idempotent, so a
 * killed run's plan is rolled forward by running it again.
 */
async function applyPlan(target: string, staging: string, plan: Plan, hooks: WriteHooks = {}) {
  const install = new Set(plan.install);
  for (const name of [...plan.remove, ...plan.install]) {
    const live = join(target, name);
    const incoming = join(staging, 'new', name);
    const backup = join(staging, 'old', name);
    const installing = install.has(name);
    if (installing && !(await exists(incoming))) continue; // already in place
    if ((await exists(live)) && !(await exists(backup))) {
      await mkdir(dirname(backup), { recursive: true });
      await rename(live, backup);
    }
    if (installing) {
      await mkdir(dirname(live), { recursive: true });
      await rename(incoming, live);
    }
    await hooks.afterStep?.('moved');
  }
  // Folders the removed files leave empty (`src/resources/` of a tag no longer in the spec).
  await removeEmptyFolders(target, foldersAbove(plan.remove));
}

/**
 * Undoes applyPlan's moves: the new files back into `new/`, the folders it created taken away,
 * then what stood there back into place.
 */
async function rollBack(target: string, staging: string, plan: Plan) {
  for (const name of [...plan.install].reverse()) {
    const live = join(target, name);
    const incoming = join(staging, 'new', name);
    if (!(await exists(incoming)) && (await exists(live))) {
      await mkdir(dirname(incoming), { recursive: true });
      await rename(live, incoming);
    }
  }
  await removeEmptyFolders(target, plan.create ?? []);
  for (const name of [...plan.remove, ...plan.install].reverse()) {
    const live = join(target, name);
    const backup = join(staging, 'old', name);
    if (await exists(backup)) {
      await mkdir(dirname(live), { recursive: true });
      await rename(backup, live);
    }
  }
  await rm(staging, { recursive: true, force: true });
}

/** The folders above each of `paths` (`a/b/c.ts`: `a/b`, `a`). */
function foldersAbove(paths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let depth = parts.length - 1; depth >= 1; depth--)
      folders.add(parts.slice(0, depth).join('/'));
  }
  return [...folders];
}

/** Removes each of `folders` (inside `target`) that is an empty folder, deepest first. */
async function removeEmptyFolders(target: string, folders: readonly string[]) {
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) {
    const path = join(target, folder);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isDirectory() !== true || (await readdir(path)).length > 0) continue;
    await rmdir(path).catch(() => undefined);
  }
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
