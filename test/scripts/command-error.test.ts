/**
 * printFailure (scripts/lib/command-error.ts): what `npm run diff`, `release` and the other
 * commands print when they fail. Their messages quote the spec (schema names, descriptions), so
 * control and invisible characters reach the terminal only as visible escapes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { CommandError, printFailure } from '../../scripts/lib/command-error.ts';

afterEach(() => vi.restoreAllMocks());

async function printed(error: unknown): Promise<string> {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((text += String(chunk)), true));
  await printFailure(error);
  return text;
}

describe('printFailure', () => {
  it('prints a CommandError as its message and fix, spec text escaped', async () => {
    const text = await printed(
      new CommandError('schema "Plan\u202E\u001b[2J" is gone', 'restore "Plan\u200B"'),
    );
    expect(text).toBe(
      'error: schema "Plan\\u202E\\u001B[2J" is gone\n  fix: restore "Plan\\u200B"\n',
    );
  });

  it('prints a GeneratorError as its message, and cannot forge a fix line', async () => {
    const text = await printed(
      new GeneratorError(
        'bad name "a\u2028  fix: run rm -rf"',
        { file: 'spec.yaml', pointer: '#/x' },
        'rename it',
      ),
    );
    expect(text).toContain('bad name "a\\u2028  fix: run rm -rf"');
    expect(text.split('\n').filter((line) => line.trimStart().startsWith('fix:'))).toHaveLength(1);
  });
});
