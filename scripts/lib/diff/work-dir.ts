/**
 * The temporary folder a comparison works in: the base materialised, both generated packages,
 * redocly diff's files.
 *
 * Its path is the same from one comparison to the next in a process (one folder per comparison
 * running at once, under one `mkdtemp` folder of the process). The generated packages then sit at
 * the same paths each time, so the SDK level's compiler host (sdk.ts) can reuse what it parsed of a
 * file whose text did not change: a release compares more than once, and the tests compare
 * hundreds of times. Each folder is emptied when its comparison ends; the process's folder is
 * removed when the process exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let root: string | undefined;
const busy = new Set<number>();

/** A new, empty folder, and `release` to remove it once the comparison is done. */
export async function claimWorkDir(): Promise<{ dir: string; release: () => Promise<void> }> {
  root ??= processRoot();
  let slot = 0;
  while (busy.has(slot)) slot += 1;
  busy.add(slot);
  const dir = join(root, String(slot));
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  } catch (error) {
    busy.delete(slot);
    throw error;
  }
  return {
    dir,
    release: async () => {
      try {
        await rm(dir, { recursive: true, force: true });
      } finally {
        busy.delete(slot);
      }
    },
  };
}

function processRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdk-diff-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
