/**
 * `--check`: compares the rendered tree with the output folder without writing anything. Only the
 * generator's own files take part (owned.ts): `node_modules/` or `dist/` never make it fail.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ownedEntries, ownedFiles } from './owned.ts';
import type { RenderedTree } from './render.ts';

export interface CheckResult {
  /** Files the generator would write that are not there. */
  added: string[];
  /** Files whose bytes would change. */
  changed: string[];
  /** Owned files the generator would remove. */
  removed: string[];
}

export async function checkTree(outDir: string, tree: RenderedTree): Promise<CheckResult> {
  const onDisk = new Set(await ownedFiles(outDir, await ownedEntries(outDir, tree)));
  const result: CheckResult = { added: [], changed: [], removed: [] };
  for (const [path, text] of tree) {
    if (!onDisk.has(path)) result.added.push(path);
    else if ((await readFile(join(outDir, path), 'utf8')) !== text) result.changed.push(path);
  }
  result.removed = [...onDisk].filter((path) => !tree.has(path));
  return result;
}

export function isUpToDate(result: CheckResult): boolean {
  return result.added.length + result.changed.length + result.removed.length === 0;
}

/** Lines like `changed  src/types.ts`, sorted by path. */
export function describeCheck(result: CheckResult): string[] {
  return [
    ...result.added.map((path) => ['added', path] as const),
    ...result.changed.map((path) => ['changed', path] as const),
    ...result.removed.map((path) => ['removed', path] as const),
  ]
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([what, path]) => `  ${what.padEnd(8)}${path}`);
}
