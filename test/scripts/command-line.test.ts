/** readFlags (scripts/lib/command-line.ts): the flags, `--help`, and a mistake, as every command reads them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFlags } from '../../scripts/lib/command-line.ts';

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
