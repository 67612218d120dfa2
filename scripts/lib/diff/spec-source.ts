/**
 * Where the base of a comparison comes from: a spec file (a bundled snapshot such as
 * `release/openapi.json`, or any root file), or a git ref (`origin/main`, a tag, a commit).
 *
 * A split spec at a ref is materialised into a temporary folder: every file of the folder that
 * holds the root file, as the commit has it (`git ls-tree` + `git cat-file --batch`, so nothing
 * in the working tree or the index is touched). References out of that folder are not copied;
 * such a spec fails to bundle and says which file it missed.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { specFileOptionProblem } from '../../../generator/load/spec-file.ts';
import { run } from '../run.ts';
import { CommandError } from '../command-error.ts';

export interface SpecSource {
  /** The root file to bundle (absolute). */
  root: string;
  /** How messages name this side: `origin/main (1a2b3c4)`, or the file as given. */
  label: string;
  /** For a git ref: the folder the spec was written into, shown as `<ref>:` in messages. */
  materialised?: { dir: string; ref: string };
}

/**
 * The base named by `base`: an existing file, else a git ref of the repository around `cwd`,
 * whose copy of `specPath` (the working tree's root file, relative to `cwd`) is written under
 * `tempDir`.
 */
export async function resolveBase(
  base: string,
  options: { cwd: string; specPath: string; tempDir: string },
): Promise<SpecSource> {
  const asFile = resolve(options.cwd, base);
  if (existsSync(asFile)) {
    await refuseAmbiguous(base, options.cwd);
    const problem = specFileOptionProblem(
      '--base',
      base,
      asFile,
      statSync(asFile),
      'pass the root file of a spec (e.g. spec/openapi.yaml, release/openapi.json) or a git ref',
    );
    if (problem !== undefined) throw new CommandError(problem.problem, problem.fix);
    return { root: asFile, label: base };
  }
  if (/\.(ya?ml|json)$/i.test(base) || base.startsWith('./') || base.startsWith('../')) {
    throw new CommandError(
      `--base ${base}: no such file (in ${options.cwd})`,
      'check the path, or pass a git ref (origin/main, a tag, a commit) to compare with the spec there',
    );
  }
  const repo = await gitTopLevel(options.cwd);
  if (repo === undefined) {
    throw new CommandError(
      `--base ${base}: no such file, and ${options.cwd} is not in a git repository to look it up as a ref`,
      'pass the path of a spec file, or run the command inside the git repository that holds the spec',
    );
  }
  const commit = await git(repo, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (commit.code !== 0) {
    throw new CommandError(
      `--base ${base} is neither a file nor a git ref (branch, tag or commit) of ${repo}`,
      /\//.test(base) && !base.startsWith('.')
        ? `check the name; in a shallow clone fetch it first (git fetch --depth=1 ${base.split('/')[0]!} ${base.split('/').slice(1).join('/')}), or pass a spec file`
        : 'check the name (git branch -a, git tag), or pass the path of a spec file',
    );
  }
  const sha = commit.stdout.trim();
  const specFile = relative(repo, resolve(options.cwd, options.specPath));
  if (specFile.startsWith('..') || isAbsolute(specFile)) {
    throw new CommandError(
      `the spec ${options.specPath} is outside the git repository ${repo}`,
      'pass --spec with a file inside the repository, or --base with a spec file',
    );
  }
  const folder = dirname(specFile).split(sep).join('/');
  const files = await listFiles(repo, sha, folder);
  const rootPath = specFile.split(sep).join('/');
  if (!files.includes(rootPath)) {
    throw new CommandError(
      `${rootPath} does not exist at ${base} (${sha.slice(0, 7)})`,
      'pass a ref where the spec exists, or the path of a spec file with --base',
    );
  }
  const dir = join(options.tempDir, 'base');
  await writeBlobs(repo, sha, files, dir);
  return {
    root: join(dir, ...rootPath.split('/')),
    label: `${base} (${sha.slice(0, 7)})`,
    materialised: { dir, ref: base },
  };
}

/**
 * A name written as a ref (no folder, no spec extension: `main`, `v1.2.0`) that is both a file and
 * a commit of the repository: which one was meant cannot be told, so it is refused, as git refuses
 * an ambiguous argument. Before, the file won without a word.
 */
async function refuseAmbiguous(base: string, cwd: string): Promise<void> {
  if (/[\\/]/.test(base) || /\.(ya?ml|json)$/i.test(base)) return;
  const repo = await gitTopLevel(cwd);
  if (repo === undefined) return;
  const commit = await git(repo, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (commit.code !== 0) return;
  throw new CommandError(
    `--base ${base} names both a file in ${cwd} and a git ref (${commit.stdout.trim().slice(0, 7)})`,
    `write ./${base} for the file, or the ref in full for the commit (refs/heads/${base}, refs/tags/${base}, or its commit id)`,
  );
}

async function gitTopLevel(cwd: string): Promise<string | undefined> {
  const result = await git(cwd, ['rev-parse', '--show-toplevel']).catch(() => undefined);
  return result === undefined || result.code !== 0 ? undefined : result.stdout.trim();
}

function git(cwd: string, args: string[]) {
  return run('git', args, { cwd, env: { GIT_TERMINAL_PROMPT: '0' } });
}

/** Paths of the files under `folder` at `commit`, relative to the repository, `/`-separated. */
async function listFiles(repo: string, commit: string, folder: string): Promise<string[]> {
  const args = ['ls-tree', '-r', '-z', '--name-only', commit];
  if (folder !== '.') args.push('--', `${folder}/`);
  const result = await git(repo, args);
  if (result.code !== 0)
    throw new CommandError(`git ls-tree failed: ${result.stderr.trim()}`, 'check the repository');
  return result.stdout.split('\0').filter((path) => path !== '');
}

/** Writes each `commit:path` blob under `dir`, with one `git cat-file --batch` process. */
async function writeBlobs(repo: string, commit: string, paths: string[], dir: string) {
  const contents = await catFiles(
    repo,
    paths.map((path) => `${commit}:${path}`),
  );
  for (const [index, path] of paths.entries()) {
    const target = join(dir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents[index]!);
  }
}

function catFiles(repo: string, objects: string[]): Promise<Buffer[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) {
        reject(new CommandError(`git cat-file failed: ${stderr.trim()}`, 'check the repository'));
        return;
      }
      const output = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let offset = 0;
      for (const object of objects) {
        const end = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, end).toString('utf8');
        const match = / blob (\d+)$/.exec(header);
        if (match === null) {
          reject(new CommandError(`git cat-file: ${header} (${object})`, 'check the repository'));
          return;
        }
        const size = Number(match[1]);
        blobs.push(output.subarray(end + 1, end + 1 + size));
        offset = end + 1 + size + 1;
      }
      resolvePromise(blobs);
    });
    child.stdin.end(objects.map((object) => `${object}\n`).join(''));
  });
}
