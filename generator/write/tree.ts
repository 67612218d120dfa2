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
 * temporary sibling of a new folder is deleted. The staging folder is also the lock: its name
 * carries its process id and a live run renews its modification time, so a run never mistakes a
 * live run's work for a leftover (nor a leftover whose process id was reused for a live run), and
 * each run, once its own staging folder exists, checks that no other live run has one.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
  chmod,
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  rmdir,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { GeneratorError } from '../errors.ts';
import { PRETTIERIGNORE_PATH } from '../package-files.ts';
import { assertReplaceable, isNeverGenerated, ownedFiles, STAGING_PREFIX } from './owned.ts';
import { setStaging } from './interrupt.ts';
import type { RenderedTree } from './render.ts';

/**
 * `staged`: new files written; `committed`: plan saved; `backed-up`: what stands at one planned
 * path saved in `old/`; `moved`: one planned path done; `written`: all done, staging folder next.
 */
export type WriteStep = 'staged' | 'committed' | 'backed-up' | 'moved' | 'written';

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

/**
 * An output path that is a symbolic link is written where it points, the link kept: into the
 * folder there, or, when the link leads nowhere yet (`generated -> ../sdk`), into a new folder
 * made where it leads. A loop of links is an error.
 */
async function followSymlink(path: string): Promise<string> {
  let at = path;
  for (let hops = 0; hops <= MAX_LINK_HOPS; hops++) {
    const info = await lstat(at).catch(() => undefined);
    if (info === undefined) return at;
    if (!info.isSymbolicLink()) return hops === 0 ? path : realpath(at);
    at = resolve(dirname(at), await readlink(at));
  }
  throw new GeneratorError(
    `the output path is a symbolic link that leads to itself (or through more than ${MAX_LINK_HOPS} links)`,
    { file: path },
    'point the link at a folder, or pass --out a folder',
  );
}

/** Links followed from the output path before it counts as a loop (Linux's own limit). */
const MAX_LINK_HOPS = 40;

function stagingName(): string {
  return `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Staging folders (by name) this process is writing now: its pid alone cannot tell them from its leftovers. */
const writing = new Set<string>();
/** How often a run marks its staging folder as alive, and how long a mark lasts. */
const HEARTBEAT_MS = 2_000;
const STALE_AFTER_MS = 30_000;

/**
 * Whether the run that made the staging folder `name` (in `parent`) is still writing: its process
 * is running, and the folder's modification time, which a live run renews every HEARTBEAT_MS, is
 * recent. A running process that let the mark go stale is another process that got the same id
 * (after a reboot or in a container, where pid 1 is always alive).
 */
async function ownerAlive(parent: string, name: string): Promise<boolean> {
  if (writing.has(name)) return true;
  const pid = Number(/^\.?[^]*?generating-(\d+)-/.exec(name)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const info = await lstat(join(parent, name)).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs < STALE_AFTER_MS;
}

/** The staging folders of `target` other than `except`: temporary siblings and folders inside. */
async function stagingFolders(target: string, except?: string) {
  const parent = dirname(target);
  const siblingPrefix = `.${basename(target)}${STAGING_PREFIX}`;
  const list = async (dir: string, prefix: string) =>
    (await readdir(dir).catch(() => [] as string[]))
      .filter((name) => name.startsWith(prefix) && name !== except)
      .map((name) => ({ dir, name }));
  return {
    siblings: await list(parent, siblingPrefix),
    inside: await list(target, STAGING_PREFIX),
  };
}

/** Refuses to go on while another live run has a staging folder for `target`. */
async function assertNoOtherRun(target: string, except?: string): Promise<void> {
  const { siblings, inside } = await stagingFolders(target, except);
  for (const { dir, name } of [...siblings, ...inside])
    if (await ownerAlive(dir, name)) throw anotherRun(target, name);
}

function anotherRun(target: string, staging: string): GeneratorError {
  return new GeneratorError(
    `another generator run (process ${/(\d+)-[0-9a-f]+$/.exec(staging)?.[1] ?? 'unknown'}) is writing this folder`,
    { file: target },
    'wait for it to finish, then run again',
  );
}

/**
 * This run's saved plan is gone: another run took this one for a leftover (it was stopped, with
 * Ctrl-Z, for longer than STALE_AFTER_MS), finished its plan and wrote its own package. Nothing
 * more is moved and nothing rolled back, which would take that run's files away.
 */
function takenOver(target: string): GeneratorError {
  return new GeneratorError(
    `this run was stopped for longer than ${STALE_AFTER_MS / 1000} s, and another generator run finished its work and wrote its own package meanwhile`,
    { file: target },
    'run again to write the package from the spec as it is now',
  );
}

/** Throws takenOver() when this run's saved plan is no longer in its staging folder. */
async function assertStillOurs(target: string, staging: string): Promise<void> {
  if (!(await exists(join(staging, PLAN)))) throw takenOver(target);
}

/**
 * Creates the staging folder `dir` for writing `target` and holds it for this run: its mark is
 * renewed until the returned release is called. Then, with the folder in place for any other run
 * to see, checks that no other live run has one: of two runs that start together, both may
 * refuse, but never both write.
 */
async function claim(target: string, dir: string): Promise<() => void> {
  await mkdir(dir);
  const name = basename(dir);
  writing.add(name);
  const timer = setInterval(() => {
    const now = new Date();
    utimes(dir, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  const release = () => {
    clearInterval(timer);
    writing.delete(name);
  };
  try {
    await assertNoOtherRun(target, name);
  } catch (error) {
    release();
    throw error;
  }
  return release;
}

async function writeNewFolder(target: string, tree: RenderedTree, hooks: WriteHooks) {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}${stagingName()}`);
  let release = () => {};
  try {
    setStaging({ dir: temp, committed: false });
    release = await claim(target, temp);
    await chmod(temp, 0o755);
    await writeFiles(temp, tree);
    await hooks.afterStep?.('staged');
    await rename(temp, target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      throw new GeneratorError(
        'the output folder was made by something else while the new package was being written',
        { file: target },
        'run again: the generator writes into it if it is empty or a package it wrote',
      );
    });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  } finally {
    release();
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
  // Nothing to change: not even a staging folder is made, so a watcher of the folder sees nothing.
  if (await isWritten(target, tree)) return;
  const staging = join(target, stagingName());
  const fresh = join(staging, 'new');
  let plan: Plan;
  let release = () => {};
  try {
    setStaging({ dir: staging, committed: false });
    release = await claim(target, staging);
    await mkdir(join(staging, 'old'));
    await mkdir(fresh);
    const changed = await changedFiles(target, tree);
    await writeFiles(fresh, changed);
    plan = await planChanges(target, tree, changed);
    await hooks.afterStep?.('staged');
    // The commit point: written whole under another name, then renamed.
    await writeFile(join(staging, `${PLAN}.tmp`), JSON.stringify(plan));
    await rename(join(staging, `${PLAN}.tmp`), join(staging, PLAN));
    setStaging({ dir: staging, committed: true });
  } catch (error) {
    release();
    setStaging(undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    try {
      await hooks.afterStep?.('committed');
      await applyPlan(target, staging, plan, hooks);
    } catch (error) {
      // A failure after the commit point (not a kill) is undone here; if even that fails, the
      // plan stays and the next run rolls it forward. A run whose work another run took over
      // leaves that run's package as it is.
      if (await exists(join(staging, PLAN)))
        await rollBack(target, staging, plan).catch(() => undefined);
      throw error;
    }
    // Done: the plan goes first, so that what is left if the rest of the folder cannot be removed
    // (a kill, a permission) is never rolled forward again over the new package.
    await rm(join(staging, PLAN));
    await hooks.afterStep?.('written');
    await rm(staging, { recursive: true, force: true });
  } finally {
    // Only now: a signal until here lets the run finish (interrupt.ts) rather than report the
    // folder "left as it was".
    release();
    setStaging(undefined);
  }
}

/** The files of `tree` that `target` does not hold as they are (holdsText). */
async function changedFiles(target: string, tree: RenderedTree): Promise<RenderedTree> {
  const changed: RenderedTree = new Map();
  const folders = new Map<string, Promise<boolean>>();
  for (const [path, text] of tree)
    if (!(await holdsText(target, path, text, folders))) changed.set(path, text);
  return changed;
}

/** Whether `target` holds every file of `tree` as it is, and no other file of the generator's. */
async function isWritten(target: string, tree: RenderedTree): Promise<boolean> {
  if ((await changedFiles(target, tree)).size > 0) return false;
  return (await ownedFiles(target, tree)).generated.every((path) => tree.has(path));
}

/**
 * Whether `path` (inside `target`) is a regular file holding exactly `text`, reached through real
 * folders only: a file seen through a linked folder (`src` a link to elsewhere) is not in place.
 * `folders` caches, per folder, whether it is a real folder with real folders above it.
 */
export async function holdsText(
  target: string,
  path: string,
  text: string,
  folders: Map<string, Promise<boolean>> = new Map(),
): Promise<boolean> {
  const isRealFolder = (folder: string): Promise<boolean> => {
    if (folder === '.') return Promise.resolve(true);
    let known = folders.get(folder);
    if (known === undefined) {
      known = isRealFolder(dirname(folder)).then(
        async (above) =>
          above &&
          (await lstat(join(target, folder)).catch(() => undefined))?.isDirectory() === true,
      );
      folders.set(folder, known);
    }
    return known;
  };
  if (!(await isRealFolder(dirname(path)))) return false;
  const file = join(target, path);
  const info = await lstat(file).catch(() => undefined);
  if (info?.isFile() !== true || info.size !== Buffer.byteLength(text)) return false;
  return (await readFile(file)).equals(Buffer.from(text));
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
      at === PRETTIERIGNORE_PATH
        ? // Its own lists what prettier must leave as written (write/prettier-files.ts).
          `delete it, or move it out of the package: the generator writes the package's ${PRETTIERIGNORE_PATH} itself, listing the files prettier must leave as written; keep rules of your own in the ${PRETTIERIGNORE_PATH} of the folder you run prettier from`
        : 'move it elsewhere in the package or out of it, then run again',
    );
  const create = new Set<string>();
  const kind = (info: Stats) =>
    info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'empty folder' : 'file';
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
      // An empty folder of the user's is in the way only of a file; a file goes into it fine.
      if (user.has(at) && (isFile || !info.isDirectory()))
        throw inTheWay(at, `your ${kind(info)}`, path);
      if (isFile ? !info.isDirectory() : info.isDirectory()) continue;
      // A folder where the file goes: taken away whole, when none of it is the user's.
      if (isFile) {
        const mine = owned.user.find((entry) => entry.startsWith(`${at}/`));
        if (mine !== undefined) {
          const mineInfo = await lstat(join(target, mine));
          throw inTheWay(at, `a folder holding your ${kind(mineInfo)} ${mine}`, path);
        }
        for (const file of [...remove]) if (file.startsWith(`${at}/`)) remove.delete(file);
        remove.add(at);
      } else {
        // The generator's file where a folder goes: it is in `remove` already.
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
    await assertStillOurs(target, staging);
    if (installing && !(await exists(incoming))) continue; // already in place
    if ((await exists(live)) && !(await exists(backup))) {
      await mkdir(dirname(backup), { recursive: true });
      // A file being replaced is linked into old/ and stays in place until the new one is renamed
      // over it, so its path is never empty, not even after a kill. What cannot be linked (a
      // folder where a file goes) or is only taken away is moved.
      if (!installing || !(await linkFile(live, backup))) await rename(live, backup);
      await hooks.afterStep?.('backed-up');
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
  // One listing, each folder checked just before it is touched: a folder a live run makes after
  // the listing is not in it, and one made before is seen alive.
  const { siblings, inside } = await stagingFolders(target);
  for (const { dir, name } of [...siblings, ...inside])
    if (await ownerAlive(dir, name)) throw anotherRun(target, name);
  for (const { dir, name } of siblings) {
    if (await ownerAlive(dir, name)) throw anotherRun(target, name);
    await rm(join(dir, name), { recursive: true, force: true });
  }
  for (const { name } of inside) {
    if (await ownerAlive(target, name)) throw anotherRun(target, name);
    const staging = join(target, name);
    const plan = await readPlan(target, staging);
    if (plan !== undefined) await applyPlan(target, staging, plan);
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * The saved plan of the staging folder `staging`, or undefined when there is none to follow: no
 * plan, not JSON, or not a plan this writer makes. The folder may not be a killed run's (a
 * repository can hold anything), so a plan is followed only when the staging folder and its
 * `new/` and `old/` are real folders and every path in it is a plain path inside the output folder (no `..`, no absolute path,
 * no empty segment) that goes through no link: the writer never plans one through a link.
 */
async function readPlan(target: string, staging: string): Promise<Plan | undefined> {
  try {
    for (const folder of [staging, join(staging, 'new'), join(staging, 'old')]) {
      const info = await lstat(folder).catch(() => undefined);
      if (info !== undefined && !info.isDirectory()) return undefined;
    }
    const plan = JSON.parse(await readFile(join(staging, PLAN), 'utf8')) as Partial<Plan>;
    const lists = [plan.install, plan.remove, plan.create ?? []];
    if (!lists.every((list) => Array.isArray(list) && list.every(isInside))) return undefined;
    // Nor does the writer plan anything in a repository's entries (.git, node_modules, LICENSE).
    if (lists.flat().some((path) => isNeverGenerated((path as string).split('/')[0]!)))
      return undefined;
    const folders = new Set(foldersAbove(lists.flat() as string[]));
    for (const folder of folders) {
      const info = await lstat(join(target, folder)).catch(() => undefined);
      if (info !== undefined && !info.isDirectory()) {
        // A file of the generator's where a folder goes is in the plan's own `remove`.
        if (info.isSymbolicLink() || !(plan.remove as string[]).includes(folder)) return undefined;
      }
    }
    return plan as Plan;
  } catch {
    return undefined;
  }
}

/** A `/`-separated relative path whose every segment is a plain name. */
function isInside(path: unknown): boolean {
  return (
    typeof path === 'string' &&
    path
      .split('/')
      .every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\\0]/.test(part))
  );
}

/** Links the regular file `path` at `to`; false (nothing done) for anything else or where links fail. */
async function linkFile(path: string, to: string): Promise<boolean> {
  if ((await lstat(path)).isFile() !== true) return false;
  return link(path, to).then(
    () => true,
    () => false,
  );
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
