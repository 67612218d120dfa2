/**
 * What a run is writing at this moment, for the CLI's SIGINT and SIGTERM handlers (cli.ts): a
 * staging folder that is not committed yet can be removed at once and the run ended (the output
 * folder is as it was); one whose plan is saved is finished first (tree.ts), so the folder is
 * never left between two packages. Module state, set and cleared by tree.ts only.
 */
import { rmSync } from 'node:fs';

let staging: { dir: string; committed: boolean } | undefined;

/** tree.ts: a staging folder was created (`committed` false), or its plan saved (true), or done (undefined). */
export function setStaging(state: { dir: string; committed: boolean } | undefined): void {
  staging = state;
}

/**
 * On a signal: `idle` (nothing being written: end now), `abandoned` (the uncommitted staging
 * folder was removed: end now, the output folder is as it was) or `finishing` (committed: let the
 * run finish, then end).
 */
export function interruptWrite(): 'idle' | 'abandoned' | 'finishing' {
  if (staging === undefined) return 'idle';
  if (staging.committed) return 'finishing';
  rmSync(staging.dir, { recursive: true, force: true });
  staging = undefined;
  return 'abandoned';
}
