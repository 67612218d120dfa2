/**
 * Which parts of the output folder belong to the generator, and which folders it may write into.
 *
 * It owns every top-level entry it writes (`src/`, `package.json`, `README.md`, `tsconfig.json`,
 * `openapi.json`), every one an earlier run wrote (its generation record lists a file there: a
 * `testing/` the new options leave out), and any top-level file that carries its header.
 * Under those entries, a file is the generator's when the generation record lists it (an earlier
 * run wrote it), when there is no record and it carries the generator's header, or when it is a
 * file the generator writes now that cannot hold a header (`package.json`, `testing/package.json`).
 * Anything else there is the user's and is left where it is, unchanged: a file without the header
 * (`src/lib/helpers.ts` someone added, even at a path the generator now writes), a file with the
 * header that the record does not list (a copy of a generated file, made to extend it), any symbolic link (the generator never
 * writes one, so a link is always someone's choice, even at the top: a `src` linked elsewhere),
 * and any empty folder (the generator never leaves one). Everything outside the owned entries
 * (`node_modules/`, `dist/`, a `.gitignore`, a LICENSE) is the user's too: never moved, never
 * changed.
 *
 * A folder is "a package this generator wrote" when it holds the generation record
 * (`.generation-record.json`, listing the files written) or a `package.json` whose `x-generated`
 * notice is this tool's. Output goes only into such a folder, a new or empty one, or one holding
 * nothing but VCS files, a licence and `node_modules`.
 */
import { homedir } from 'node:os';
import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, parse, relative, sep } from 'node:path';
import { displayPath, type GeneratorContext } from '../context.ts';
import { GeneratorError } from '../errors.ts';
import { hasGeneratedHeader, headerStyle, NOTICE_PREFIX } from '../header.ts';
import { isRecord } from '../json.ts';
import type { RenderedTree } from './render.ts';
import { readRegularFile } from './read-regular.ts';

/** The generation record of a package (generator/write/record.ts writes it; its RECORD_PATH). */
export const GENERATION_RECORD = '.generation-record.json';

/** Transient folders of a run in progress (tree.ts); never owned, never the user's. */
export const STAGING_PREFIX = '.generating-';

/** Entries that do not make a folder "someone else's": a new package's repository may have them. */
const BENIGN = new Set([
  '.git',
  '.gitignore',
  '.gitattributes',
  '.npmignore',
  '.DS_Store',
  'node_modules',
  'LICENSE',
  'LICENSE.md',
  'LICENSE.txt',
]);

/**
 * Whether a top-level entry is one the generator never writes: a repository's (`.git`,
 * `node_modules`, a licence) or a run's staging folder.
 */
export function isNeverGenerated(name: string): boolean {
  return BENIGN.has(name) || name.startsWith(STAGING_PREFIX);
}

/** The top-level entries of `outDir` the generator owns: see the module doc. */
async function ownedEntries(
  outDir: string,
  tree: RenderedTree,
  recorded: ReadonlySet<string>,
): Promise<Set<string>> {
  const owned = new Set([...tree.keys(), ...recorded].map((path) => path.split('/')[0]!));
  for (const entry of await listDir(outDir)) {
    if (
      !owned.has(entry.name) &&
      !entry.name.startsWith(STAGING_PREFIX) &&
      entry.isFile() &&
      hasGeneratedHeader(await head(join(outDir, entry.name)))
    ) {
      owned.add(entry.name);
    }
  }
  return owned;
}

/** The entries under the owned entries of an output folder, as relative `/`-separated paths, sorted. */
export interface OwnedFiles {
  /** The generator's files: see the module doc. */
  generated: string[];
  /**
   * Anyone else's, inside an entry the generator writes, kept as they are: files, symbolic links
   * and empty folders (a folder with something in it is not listed; what it holds is).
   */
  user: string[];
}

/** The files under the owned entries of `outDir` (see the module doc), for writing `tree`. */
export async function ownedFiles(outDir: string, tree: RenderedTree): Promise<OwnedFiles> {
  const recorded = await recordedOutputs(outDir);
  const owned = await ownedEntries(outDir, tree, recorded);
  const files: OwnedFiles = { generated: [], user: [] };
  // With a record, it alone says which files earlier runs wrote: a copy of a generated file that
  // someone made to extend it (`pets-extended.ts`) carries the header but is theirs. The header
  // decides only for a package without a record (one it lost, or an older generator's).
  const byHeader = recorded.size === 0;
  const isGenerators = async (path: string, entry: Dirent) =>
    !entry.isSymbolicLink() &&
    (recorded.has(path) ||
      (tree.has(path) && headerStyle(path) === 'none') ||
      (byHeader && entry.isFile() && hasGeneratedHeader(await head(join(outDir, path)))));
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await listDir(join(outDir, relative))) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (relative === '' && !owned.has(entry.name)) continue;
      if (entry.isDirectory()) {
        const before = files.generated.length + files.user.length;
        await walk(path);
        if (files.generated.length + files.user.length === before) files.user.push(path);
      } else ((await isGenerators(path, entry)) ? files.generated : files.user).push(path);
    }
  };
  await walk('');
  files.generated.sort();
  files.user.sort();
  return files;
}

/** The paths the generation record of `outDir` lists (an earlier run wrote them); empty without one. */
async function recordedOutputs(outDir: string): Promise<Set<string>> {
  try {
    const record = JSON.parse(
      (await readRegularFile(join(outDir, GENERATION_RECORD))) ?? '',
    ) as unknown;
    return new Set(isRecord(record) && isRecord(record.outputs) ? Object.keys(record.outputs) : []);
  } catch {
    return new Set();
  }
}

async function listDir(dir: string) {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function head(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(400);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Refuses output folders that must never be one, before any work is done: the filesystem root,
 * the home folder, the working folder or any folder above it, and any folder that holds the spec.
 */
export async function assertOutputFolder(
  ctx: Pick<GeneratorContext, 'outDir' | 'cwd' | 'specPath'>,
): Promise<void> {
  const out = ctx.outDir;
  const shown = displayPath(ctx.cwd, out);
  const refuse = (why: string) =>
    new GeneratorError(
      `refusing to generate into ${shown.endsWith('/') ? shown : `${shown}/`}: ${why}`,
      { file: '--out' },
      'pass --out a new or empty folder, or a package this generator wrote (default generated/)',
    );
  const inside = (folder: string, path: string) => {
    const rel = relative(folder, path);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !parse(rel).root);
  };
  if (parse(out).root === out) throw refuse('it is the root of the file system');
  if (out === homedir()) throw refuse('it is the home folder');
  if (inside(out, ctx.cwd)) throw refuse('it is the working folder or holds it');
  if (inside(out, ctx.specPath))
    throw refuse(`it holds the spec (${displayPath(ctx.cwd, ctx.specPath)})`);
  await assertReplaceable(out);
}

/**
 * Refuses to write into anything but a new folder, an (almost) empty one, or a package this
 * generator wrote: `--out spec` or `--out src` must not merge a package into someone's files.
 */
export async function assertReplaceable(outDir: string): Promise<void> {
  const info = await stat(outDir).catch(() => undefined);
  if (info === undefined) return;
  if (!info.isDirectory()) {
    throw new GeneratorError(
      'the output path is a file, not a folder',
      { file: outDir },
      'pass --out a folder (new, empty, or a package this generator wrote); the file is left as it is',
    );
  }
  if (await isGeneratedPackage(outDir)) return;
  const foreign = (await readdir(outDir)).filter((name) => !isNeverGenerated(name));
  if (foreign.length === 0) return;
  const listed = foreign.sort().slice(0, 5).join(', ') + (foreign.length > 5 ? ', …' : '');
  throw new GeneratorError(
    `the output folder is neither empty nor a package this generator wrote (no ${GENERATION_RECORD}, no package.json with its "x-generated" notice); it holds ${listed}`,
    { file: outDir },
    'choose a new or empty folder with --out; the generator writes only there or into a package it generated before',
  );
}

/** True when `outDir` holds the generation record or a package.json with this tool's notice. */
export async function isGeneratedPackage(outDir: string): Promise<boolean> {
  const json = async (name: string): Promise<unknown> => {
    try {
      return JSON.parse((await readRegularFile(join(outDir, name))) ?? '') as unknown;
    } catch {
      return undefined;
    }
  };
  const record = await json(GENERATION_RECORD);
  if (isRecord(record) && isRecord(record.outputs)) return true;
  const pkg = await json('package.json');
  const generated = isRecord(pkg) ? pkg['x-generated'] : undefined;
  return (
    isRecord(generated) &&
    typeof generated.notice === 'string' &&
    generated.notice.startsWith(NOTICE_PREFIX)
  );
}
