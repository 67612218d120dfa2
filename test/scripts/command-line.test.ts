/** readFlags (scripts/lib/command-line.ts): the flags, `--help`, and a mistake, as every command reads them. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFlags } from '../../scripts/lib/command-line.ts';
import { ROOT } from '../helpers/spec.ts';

const USAGE = 'Usage: tsx scripts/x.ts [--out <dir>]';
const FLAGS = { out: { type: 'string', default: 'generated' }, fast: { type: 'boolean' } } as const;

afterEach(() => vi.restoreAllMocks());

describe('readFlags', () => {
  it('gives the values, with defaults', () => {
    expect(readFlags(['--fast'], FLAGS, USAGE)).toEqual({
      values: { out: 'generated', fast: true },
    });
    expect(readFlags(['--out', 'sdk'], FLAGS, USAGE)).toEqual({ values: { out: 'sdk' } });
  });

  it.each([['--help'], ['-h']])('prints the usage for %s and is done with exit code 0', (flag) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(readFlags([flag], FLAGS, USAGE)).toEqual({ exitCode: 0 });
    expect(log).toHaveBeenCalledWith(USAGE);
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--out'], "Option '--out <value>' argument missing"],
    [['stray'], "Unexpected argument 'stray'"],
  ])('refuses %j with the error and the usage, exit code 2', (argv, message) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readFlags(argv, FLAGS, USAGE)).toEqual({ exitCode: 2 });
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]![0])).toMatch(
      new RegExp(
        `^error: .*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^]*\\n\\n${USAGE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      ),
    );
  });
});

/** Every npm script that runs one of our command files, with the file (`lint:spec` → scripts/lint-spec.ts). */
function commands(): [string, string][] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return Object.entries(scripts).flatMap(([name, command]): [string, string][] => {
    const file = /^(?:tsx|node) (scripts\/[\w-]+\.(?:ts|mjs))$/.exec(command)?.[1];
    return file === undefined || name === 'prepare' ? [] : [[name, file]];
  });
}

describe('every command', () => {
  it('is found in package.json', () => {
    expect(commands().map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'lint:spec',
        'bundle',
        'generate',
        'docs',
        'diff',
        'release',
        'bench',
      ]),
    );
  });

  it.each(commands())(
    'npm run %s refuses an unknown option and a stray argument with a one-line error, no stack',
    (_name, file) => {
      for (const argv of [['--bogus'], ['stray.yaml']]) {
        const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...argv], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toMatch(/^error: /);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    },
  );
});
