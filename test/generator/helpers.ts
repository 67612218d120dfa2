/** Shared helpers of the generator tests: temp folders, tree snapshots, compiling and scanning output. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  lstat,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/spec.ts';

export { ROOT };
export const FIXTURES = join(ROOT, 'test/fixtures/specs');
export const GITHUB_SPEC = join(
  ROOT,
  'node_modules/@octokit/openapi/generated/api.github.com.json',
);

const made: string[] = [];

/** A fresh folder under the OS temp folder, removed by `removeTempDirs()`. */
export async function tempDir(prefix = 'gen-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes a spec object as JSON into a temp folder and returns the file's path. */
export async function writeSpec(spec: unknown, name = 'openapi.json'): Promise<string> {
  const file = join(await tempDir('spec-'), name);
  await writeFile(file, JSON.stringify(spec, null, 2));
  return file;
}

/**
 * Every entry under `dir` → its bytes (files, base64), its target (symlinks) or `dir` (folders):
 * two equal snapshots mean the trees are byte-for-byte the same.
 */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(dir, relative));
    for (const name of entries.sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const info = await lstat(join(dir, path));
      if (info.isSymbolicLink()) out[path] = `symlink:${await readlink(join(dir, path))}`;
      else if (info.isDirectory()) {
        out[path] = 'dir';
        await walk(path);
      } else out[path] = (await readFile(join(dir, path))).toString('base64');
    }
  };
  await walk('');
  return out;
}

/** Lets the generated package resolve its dependencies from the toolchain's node_modules. */
export async function linkNodeModules(out: string): Promise<void> {
  if (!existsSync(join(out, 'node_modules')))
    await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
}

/** `tsc -p <out>/tsconfig.json --noEmit` (strict, from the generated tsconfig). */
export function compile(out: string, timeout = 300_000): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json'), '--noEmit'],
    {
      encoding: 'utf8',
      timeout,
    },
  );
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** `file:line` of every `any` keyword in the generated TypeScript files under `out/src`. */
export async function findAnyKeywords(out: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.ts')) {
        const source = ts.createSourceFile(
          path,
          await readFile(path, 'utf8'),
          ts.ScriptTarget.Latest,
          true,
        );
        const visit = (node: ts.Node): void => {
          if (node.kind === ts.SyntaxKind.AnyKeyword) {
            found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    }
  };
  await walk(join(out, 'src'));
  return found;
}
