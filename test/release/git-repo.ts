/** Real git repositories in temporary folders, holding a copy of a fixture spec in `spec/`. */
import { spawnSync } from 'node:child_process';
import { cp, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';
import { editYaml } from './spec-edits.ts';

const SHOP_SPEC = join(ROOT, 'test/release/fixtures/shop');

/** Runs git in `dir`; throws with git's output when it fails. */
export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * A new repository with `specDir` copied to `spec/` and committed on `main`. `node_modules` is a
 * link to the toolchain's (ignored by git), so the generator's prettier cache works there.
 */
export async function specRepo(specDir = SHOP_SPEC): Promise<string> {
  const dir = await tempDir('repo-');
  git(dir, 'init', '-q', '-b', 'main');
  await cp(specDir, join(dir, 'spec'), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, '.gitignore'), 'node_modules\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'The spec');
  return dir;
}

/** Puts `spec/` back as the last commit has it. */
export function resetSpec(dir: string): void {
  git(dir, 'checkout', '-q', '--', 'spec');
  git(dir, 'clean', '-q', '-f', '-d', '--', 'spec');
}

/**
 * {@link specRepo} with a second operation under `/orders/{order}` committed: `POST
 * /orders/{order}/cancel` (`client.orders.cancel`), whose `reason` query parameter gives it a
 * params type of its own. For the diff's tests of renamed path parameters and removed methods.
 */
export async function specRepoWithCancel(): Promise<string> {
  const dir = await specRepo();
  await editYaml(join(dir, 'spec'), 'openapi.yaml', (doc) =>
    doc.setIn(
      ['paths', '/orders/{order}/cancel'],
      doc.createNode({
        post: {
          operationId: 'cancelOrder',
          summary: 'Cancel an order',
          'x-sdk-method': 'orders.cancel',
          parameters: [
            { name: 'order', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'reason', in: 'query', schema: { type: 'string' } },
          ],
          responses: { '204': { description: 'Cancelled.' } },
        },
      }),
    ),
  );
  git(dir, 'commit', '-q', '-am', 'Cancel');
  return dir;
}
