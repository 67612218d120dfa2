/** Writes a rendered client package to a temp folder so tests can import and call it. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../../helpers/spec.ts';

export interface WrittenPackage {
  dir: string;
  remove(): Promise<void>;
}

export async function writePackage(files: ReadonlyMap<string, string>): Promise<WrittenPackage> {
  const dir = await mkdtemp(join(tmpdir(), 'client-emit-'));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'client-under-test', type: 'module' }),
  );
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
