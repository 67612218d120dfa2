/**
 * Writes the rendered tree so that a failure at any point leaves the output folder as it was:
 *
 * 1. write every file into a fresh temp folder next to the output folder;
 * 2. move the user's entries (everything the generator does not own, see owned.ts) from the old
 *    output folder into the temp folder: renames, so even `node_modules/` costs nothing;
 * 3. rename the old folder to a backup, the temp folder to the output folder;
 * 4. remove the backup.
 *
 * A failure in 1 removes the temp folder; a failure in 2 or 3 moves everything back first.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { assertReplaceable, ownedEntries } from './owned.ts';
import type { RenderedTree } from './render.ts';

export type WriteStep = 'written' | 'carried' | 'backed-up';

export interface WriteHooks {
  /** Called after each step; tests throw from here to check the rollback. */
  afterStep?: (step: WriteStep) => void | Promise<void>;
}

export async function writeTreeAtomically(
  outDir: string,
  tree: RenderedTree,
  hooks: WriteHooks = {},
): Promise<void> {
  const parent = dirname(outDir);
  const suffix = randomBytes(4).toString('hex');
  const temp = join(parent, `.${basename(outDir)}.new-${suffix}`);
  const backup = join(parent, `.${basename(outDir)}.old-${suffix}`);
  await mkdir(parent, { recursive: true });

  const previous = await stat(outDir).catch(() => undefined);
  if (previous !== undefined && !previous.isDirectory()) {
    throw new Error(`${outDir} exists and is not a folder; remove it or choose another --out`);
  }
  if (previous !== undefined) await assertReplaceable(outDir, tree);

  try {
    await mkdir(temp);
    await chmod(temp, previous === undefined ? 0o755 : previous.mode & 0o7777);
    await writeFiles(temp, tree);
    await hooks.afterStep?.('written');
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }

  const carried: string[] = [];
  let backedUp = false;
  try {
    if (previous !== undefined) {
      const owned = await ownedEntries(outDir, tree);
      for (const name of (await readdir(outDir)).sort()) {
        if (owned.has(name)) continue;
        await rename(join(outDir, name), join(temp, name));
        carried.push(name);
      }
      await hooks.afterStep?.('carried');
      await rename(outDir, backup);
      backedUp = true;
      await hooks.afterStep?.('backed-up');
    }
    await rename(temp, outDir);
  } catch (error) {
    if (backedUp) await rename(backup, outDir);
    for (const name of carried.reverse()) await rename(join(temp, name), join(outDir, name));
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  await rm(backup, { recursive: true, force: true });
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
