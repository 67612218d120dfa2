/**
 * Which parts of the output folder belong to the generator. It owns every top-level entry it
 * writes (`src/`, `package.json`, `README.md`, `tsconfig.json`, `openapi.json`), as a whole, plus
 * any top-level file left from an earlier run that carries its header. Everything else there
 * (`node_modules/`, `dist/`, a `.gitignore`, a LICENSE) is the user's and survives every run.
 */
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GeneratorError } from '../errors.ts';
import { hasGeneratedHeader } from '../header.ts';
import type { RenderedTree } from './render.ts';

export async function ownedEntries(outDir: string, tree: RenderedTree): Promise<Set<string>> {
  const owned = new Set([...tree.keys()].map((path) => path.split('/')[0]!));
  for (const entry of await listDir(outDir)) {
    if (
      !owned.has(entry.name) &&
      entry.isFile() &&
      hasGeneratedHeader(await head(join(outDir, entry.name)))
    ) {
      owned.add(entry.name);
    }
  }
  return owned;
}

/** Every file under the owned entries of `outDir`, as relative `/`-separated paths, sorted. */
export async function ownedFiles(outDir: string, owned: ReadonlySet<string>): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await listDir(join(outDir, relative))) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (relative === '' && !owned.has(entry.name)) continue;
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk('');
  return files.sort();
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
 * Refuses to replace anything in a folder that is not a generated package (no package.json with
 * an `x-generated` field), so `--out .` or `--out spec` cannot wipe a project's own files.
 */
export async function assertReplaceable(outDir: string, tree: RenderedTree): Promise<void> {
  const entries = await listDir(outDir);
  const owned = new Set([...tree.keys()].map((path) => path.split('/')[0]!));
  const clashes = entries.map((entry) => entry.name).filter((name) => owned.has(name));
  if (clashes.length === 0 || (await isGeneratedPackage(outDir))) return;
  throw new GeneratorError(
    `the output folder is not a generated package (its package.json has no "x-generated" field), and generating would replace its ${clashes.join(', ')}`,
    { file: outDir },
    'choose a new or empty folder with --out, or move those files out of the way',
  );
}

async function isGeneratedPackage(outDir: string): Promise<boolean> {
  try {
    const pkg = JSON.parse(await readFile(join(outDir, 'package.json'), 'utf8')) as unknown;
    return typeof pkg === 'object' && pkg !== null && 'x-generated' in pkg;
  } catch {
    return false;
  }
}
