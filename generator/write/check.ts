/**
 * `--check`: compares the rendered tree with the output folder without writing anything. Only the
 * generator's own files take part (owned.ts): `node_modules/`, `dist/` or a file of the user's in
 * `src/` never make it fail.
 *
 * Besides the files, it says what changed in the API: the bundled spec the package ships
 * (`openapi.json`) is the spec the folder was generated from, so comparing it with the new one
 * gives the operations and schemas added, removed and changed (api-changes.ts).
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REGENERATE_COMMAND } from '../context.ts';
import { OPENAPI_JSON_PATH } from '../package-files.ts';
import { apiChanges, describeApiChanges, type ApiChange } from './api-changes.ts';
import { GENERATION_RECORD, ownedFiles, STAGING_PREFIX } from './owned.ts';
import { holdsText } from './tree.ts';
import type { RenderedTree } from './render.ts';
import { readRegularFile } from './read-regular.ts';

export interface CheckResult {
  /** Files the generator would write that are not there. */
  added: string[];
  /** Files whose bytes would change. */
  changed: string[];
  /** Owned files the generator would remove. */
  removed: string[];
  /**
   * Staging folders of runs that were killed after saving their plan (tree.ts): the next
   * `generate` finishes each before writing, so the folder is not up to date while one is there.
   */
  pending?: string[];
  /**
   * The API changes between the spec the folder was generated from and the spec now; empty when
   * the API is the same, undefined when the folder has no readable `openapi.json` to compare with.
   */
  api?: ApiChange[];
  /**
   * The options of the run that differ from those the folder's record names, by name: the spec
   * file's name (`spec`, which every file's header names), `name`, `version`, `unsafePatterns`.
   */
  options?: { name: string; was: unknown; now: unknown }[];
}

export async function checkTree(outDir: string, tree: RenderedTree): Promise<CheckResult> {
  const result: CheckResult = await fileChanges(outDir, tree);
  const pending = await pendingPlans(outDir);
  if (pending.length > 0) result.pending = pending;
  const api = await compareBundledSpecs(outDir, tree);
  if (api !== undefined) result.api = api;
  const options = await changedOptions(outDir, tree);
  if (options.length > 0) result.options = options;
  return result;
}

/** The record's options that the new record (in `tree`) gives otherwise; none without both. */
async function changedOptions(
  outDir: string,
  tree: RenderedTree,
): Promise<NonNullable<CheckResult['options']>> {
  const optionsOf = (text: string | undefined): Record<string, unknown> | undefined => {
    try {
      const options = (JSON.parse(text ?? '') as { options?: unknown }).options;
      return typeof options === 'object' && options !== null
        ? (options as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  };
  const was = optionsOf(await readRegularFile(join(outDir, GENERATION_RECORD)));
  const now = optionsOf(tree.get(GENERATION_RECORD));
  if (was === undefined || now === undefined) return [];
  return Object.keys(now)
    .filter((name) => JSON.stringify(was[name]) !== JSON.stringify(now[name]))
    .map((name) => ({ name, was: was[name], now: now[name] }));
}

/**
 * The files writing `tree` into `outDir` adds, changes and removes (the generator's own only):
 * what `npm run generate` counts as changed.
 */
export async function fileChanges(
  outDir: string,
  tree: RenderedTree,
): Promise<Pick<CheckResult, 'added' | 'changed' | 'removed'>> {
  const result: CheckResult = { added: [], changed: [], removed: [] };
  // The same test as the writer's: what it would write, --check counts as changed.
  const folders = new Map<string, Promise<boolean>>();
  for (const [path, text] of tree) {
    if (await holdsText(outDir, path, text, folders)) continue;
    const there = await lstat(join(outDir, path)).then(
      () => true,
      () => false,
    );
    (there ? result.changed : result.added).push(path);
  }
  const generated = (await ownedFiles(outDir, tree)).generated;
  result.removed = generated.filter((path) => !tree.has(path));
  return result;
}

/** The API changes from `<outDir>/openapi.json` to the one in `tree`; undefined when either is missing or not JSON. */
async function compareBundledSpecs(
  outDir: string,
  tree: RenderedTree,
): Promise<ApiChange[] | undefined> {
  const next = tree.get(OPENAPI_JSON_PATH);
  const previous = await readRegularFile(join(outDir, OPENAPI_JSON_PATH));
  if (next === undefined || previous === undefined) return undefined;
  if (next === previous) return [];
  try {
    return apiChanges(JSON.parse(previous), JSON.parse(next));
  } catch {
    return undefined;
  }
}

/** The staging folders in `outDir` that hold a saved plan (see CheckResult.pending). */
async function pendingPlans(outDir: string): Promise<string[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const pending: string[] = [];
  for (const name of names.filter((entry) => entry.startsWith(STAGING_PREFIX)).sort())
    if ((await lstat(join(outDir, name, 'plan.json')).catch(() => undefined))?.isFile() === true)
      pending.push(name);
  return pending;
}

export function isUpToDate(result: CheckResult): boolean {
  return (
    result.added.length + result.changed.length + result.removed.length === 0 &&
    (result.pending ?? []).length === 0
  );
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

/** The command-line flag of each option the record keeps (write/record.ts `recordOptions`). */
const OPTION_FLAGS: Readonly<Record<string, string>> = {
  name: '--name',
  version: '--package-version',
  unsafePatterns: '--unsafe-patterns',
};

/** An option's value as the user gave it; null is an option not given (the spec's own value). */
const optionValue = (value: unknown) => (value === null ? 'not given' : JSON.stringify(value));

/** Why the files differ when only options of the run changed, in words; undefined when none did. */
function optionsReason(options: CheckResult['options']): string | undefined {
  if (options === undefined || options.length === 0) return undefined;
  const said = options.map(({ name, was, now }) =>
    name === 'spec'
      ? `the spec file is named ${JSON.stringify(now)} now (was ${JSON.stringify(was)}), which every file's header names`
      : `${OPTION_FLAGS[name] ?? `the option ${name}`} is ${optionValue(now)} now (was ${optionValue(was)})`,
  );
  return said.join(', and ');
}

/**
 * The whole report of an out-of-date folder: the API changes first (or why there are none), then
 * the files. `out` and `spec` are the folder and spec as the user named them.
 */
export function describeOutOfDate(result: CheckResult, out: string, spec: string): string {
  const lines: string[] = [`${out}/ is out of date with ${spec}.`];
  if (result.api === undefined) {
    lines.push(`API changes: unknown (${out}/${OPENAPI_JSON_PATH} is missing or not JSON).`);
  } else if (result.api.length === 0 && result.changed.includes(OPENAPI_JSON_PATH)) {
    // The same structure in other bytes: apiChanges compares structure, not key order.
    lines.push(
      `API changes: none. The spec describes the same API as the one ${out}/ was generated from, with its keys in another order (the generated declarations follow the spec's order), or ${out}/${OPENAPI_JSON_PATH} was edited by hand.`,
    );
  } else if (
    result.api.length === 0 &&
    result.added.length === 0 &&
    result.removed.length === 0 &&
    result.changed.length === 1 &&
    result.changed[0] === GENERATION_RECORD &&
    optionsReason(result.options) === undefined
  ) {
    // helper-120 L10: a comment added to a spec file blamed the generator or a hand edit.
    lines.push(
      `API changes: none, and no generated file differs but the generation record: what ${out}/ was generated from changed in its bytes only (a comment, formatting or a file moved in the spec, or a generator change that writes the same files). Regenerate to update the record.`,
    );
  } else if (result.api.length === 0) {
    lines.push(
      `API changes: none. The spec is the one ${out}/ was generated from: the files differ because ${optionsReason(result.options) ?? 'the generator changed or they were edited by hand'}.`,
    );
  } else {
    lines.push(`API changes since ${out}/ was generated:`, ...describeApiChanges(result.api));
  }
  for (const name of result.pending ?? [])
    lines.push(
      `A run was killed while it put its files in place (${out}/${name}): \`${REGENERATE_COMMAND}\` finishes it first.`,
    );
  lines.push(`Files \`${REGENERATE_COMMAND}\` would change:`, ...describeCheck(result));
  return `${lines.join('\n')}\n`;
}
