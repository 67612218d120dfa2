/**
 * The spec files a release is made from that git does not hold. A file the spec reads (a new
 * schema a `$ref` names) but that was never `git add`ed is left out of the release commit, so the
 * tag would not generate: its CI check fails only after the tag is pushed. The files are the
 * generation record's inputs (generator/write/record.ts), the files the last generation read.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { RECORD_PATH } from '../../../generator/write/record.ts';

/**
 * The spec files (paths relative to `cwd`; the generation record in `out` lists them) that are
 * neither committed nor staged; empty outside a git repository, where there is nothing to check.
 */
export async function untrackedSpecFiles(cwd: string, out: string): Promise<string[]> {
  const files = await recordedInputs(cwd, out);
  if (files.length === 0) return [];
  // `git ls-files` lists those of the given paths that git tracks (committed or staged).
  const result = spawnSync('git', ['ls-files', '-z', '--', ...files], { cwd, encoding: 'utf8' });
  if (result.status !== 0) return [];
  const tracked = new Set(result.stdout.split('\0').filter((path) => path !== ''));
  return files.filter((file) => !tracked.has(file));
}

/**
 * The spec files (paths relative to `cwd`) whose content differs from the last commit's, staged or
 * not: a release made now includes those edits, which nobody may have reviewed. Empty outside a
 * git repository or before its first commit.
 */
export async function uncommittedSpecFiles(cwd: string, out: string): Promise<string[]> {
  const files = await recordedInputs(cwd, out);
  if (files.length === 0) return [];
  const result = spawnSync('git', ['diff', '--name-only', '--relative', '-z', 'HEAD', '--', ...files], {
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0) return [];
  return result.stdout.split('\0').filter((path) => path !== '').sort();
}

/** The record's inputs (relative to `out`) inside `cwd`, relative to `cwd`, `/`-separated. */
async function recordedInputs(cwd: string, out: string): Promise<string[]> {
  let inputs: Record<string, string> | null | undefined;
  try {
    inputs = (
      JSON.parse(await readFile(join(out, RECORD_PATH), 'utf8')) as {
        inputs?: Record<string, string> | null;
      }
    ).inputs;
  } catch {
    return [];
  }
  return Object.keys(inputs ?? {})
    .map((path) => relative(cwd, resolve(out, path)))
    .filter((path) => path !== '' && !path.startsWith('..') && !isAbsolute(path))
    .map((path) => path.split(sep).join('/'));
}

/**
 * The branch checked out in `cwd` (`main`, `release/2.x`), for the push command a release prints;
 * undefined outside a repository or on a detached HEAD.
 */
export function currentBranch(cwd: string): string | undefined {
  const result = spawnSync('git', ['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    cwd,
    encoding: 'utf8',
  });
  const branch = result.status === 0 ? result.stdout.trim() : '';
  return branch === '' ? undefined : branch;
}
