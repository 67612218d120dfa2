/**
 * The spec files a release is made from that git does not hold. A file the spec reads (a new
 * schema a `$ref` names) but that was never `git add`ed is left out of the release commit, so the
 * tag would not generate: its CI check fails only after the tag is pushed. The files are the
 * generation record's inputs (generator/write/record.ts), the files the last generation read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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

/** The toolchain's root: its generator/ and templates/ decide what a spec generates into. */
const TOOLCHAIN_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/**
 * The toolchain's files that decide what the package is (the generator and templates, which the
 * generation record hashes, write/record.ts), or how the spec lints (package.json, the lock file,
 * redocly.yaml).
 */
const TOOLCHAIN_INPUTS = ['generator', 'templates', 'package.json', 'package-lock.json', 'redocly.yaml'];

/**
 * The toolchain's own files (paths relative to `cwd`) with changes git does not hold, staged or
 * not, or files it does not track (a new generator module), when the toolchain is in the same
 * repository as `cwd`: the release commit the command prints leaves them out, so the tag would
 * not generate as released and its CI check fails after the push (helper-120 L5). Empty when the
 * toolchain sits in another repository (installed as a package), or outside git.
 */
export function uncommittedToolchainFiles(cwd: string, toolchain = TOOLCHAIN_ROOT): string[] {
  const top = (dir: string) => {
    const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const repository = top(toolchain);
  if (repository === undefined || repository !== top(cwd)) return [];
  const inputs = TOOLCHAIN_INPUTS.filter((input) => existsSync(join(toolchain, input)));
  if (inputs.length === 0) return [];
  const result = spawnSync('git', ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...inputs], {
    cwd: toolchain,
    encoding: 'utf8',
  });
  if (result.status !== 0) return [];
  const entries = result.stdout.split('\0');
  const files: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    // `R  new\0old`: a rename names the old path in the next entry.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
    files.push(relative(cwd, join(repository, entry.slice(3))).split(sep).join('/'));
  }
  return files.sort();
}

/**
 * The commit the tag `v<version>` names in `cwd`'s repository (HEAD's without a version), its
 * first 12 digits; undefined when there is none.
 */
export function taggedCommit(cwd: string, version: string | undefined): string | undefined {
  const ref = version === undefined ? 'HEAD^{commit}' : `refs/tags/v${version}^{commit}`;
  const result = spawnSync('git', ['rev-parse', '--quiet', '--verify', ref], {
    cwd,
    encoding: 'utf8',
  });
  return result.status === 0 ? result.stdout.trim().slice(0, 12) : undefined;
}
