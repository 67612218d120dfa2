/**
 * Every command's `--help` names it as the README and package.json have users run it
 * (`npm run docs -- [options]`), not as the file it happens to be (`tsx scripts/docs.ts`), which a
 * newcomer following the README never typed (fix168: `npm run docs -- --help` and `npm run build
 * -- --help` said `Usage: tsx scripts/….ts [options]`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/spec.ts';

const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
/** The npm scripts that run a TypeScript command of scripts/: `[name, file]`. */
const commands = Object.entries(scripts).flatMap(([name, line]) => {
  const file = /^tsx (scripts\/[\w-]+\.ts)$/.exec(line)?.[1];
  return file === undefined ? [] : [[name, file] as const];
});

describe('--help of each command', () => {
  it('covers the commands', () => {
    expect(commands.map(([name]) => name)).toEqual(
      expect.arrayContaining(['lint:spec', 'bundle', 'docs', 'build', 'diff', 'release', 'dev']),
    );
  });

  it.each(commands.filter(([name]) => name !== 'bench'))(
    'npm run %s -- --help names the npm command (%s)',
    (name, file) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', file, '--help'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: npm run ${name}`);
      expect(result.stdout).not.toMatch(/Usage: tsx /);
    },
    60_000,
  );
});
