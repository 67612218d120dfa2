/**
 * An unknown option names the known one it is most likely a typo of (generator/unknown-option.ts),
 * in every command: `npm run generate` (generator/cli.ts), `diff`, `release`, and the commands that
 * read their flags with scripts/lib/command-line.ts (`dev`, the benchmarks).
 */
import { parseArgs } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { main as generate } from '../../generator/cli.ts';
import { closestOption, optionErrorMessage } from '../../generator/unknown-option.ts';
import { main as diff } from '../../scripts/diff.ts';
import { readFlags } from '../../scripts/lib/command-line.ts';
import { main as release } from '../../scripts/release.ts';

const NAMES = ['spec', 'out', 'check', 'no-cache', 'package-version', 'redocly-config', 'help'];

describe('closestOption', () => {
  it.each([
    ['chek', 'check'],
    ['chekc', 'check'],
    ['nocache', 'no-cache'],
    ['no_cache', 'no-cache'],
    ['Spec', 'spec'],
    ['ot', 'out'],
    ['packageversion', 'package-version'],
    ['pakage-verison', 'package-version'],
    ['redocly', 'redocly-config'],
  ])('--%s means --%s', (typed, known) => {
    expect(closestOption(typed, NAMES)).toBe(known);
  });

  it.each([['zzz'], ['x'], ['s'], ['checkout'], ['re']])('--%s means nothing', (typed) => {
    expect(closestOption(typed, NAMES)).toBeUndefined();
  });
});

describe('optionErrorMessage', () => {
  const read = (args: string[], allowPositionals = false) => {
    try {
      parseArgs({ args, strict: true, allowPositionals, options: { check: { type: 'boolean' } } });
    } catch (error) {
      return optionErrorMessage(error, { check: {} });
    }
    return 'no error';
  };

  it("adds the hint to parseArgs' message, and only for an unknown option", () => {
    expect(read(['--chek'])).toBe("Unknown option '--chek' (did you mean --check?)");
    // Without node's advice on positionals, which reads as if it were the fix.
    expect(read(['--chek'], true)).toBe("Unknown option '--chek' (did you mean --check?)");
    expect(read(['--bogus'])).toBe("Unknown option '--bogus'");
    expect(read(['--check=yes'])).toMatch(/^Option '--check' does not take an argument/);
    expect(optionErrorMessage(new Error('other'), {})).toBe('other');
  });
});

describe('every command', () => {
  const stderrOf = async (run: () => Promise<number> | number) => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(console, 'error').mockImplementation((...args) => written.push(args.join(' ')));
    const code = await run();
    return { code, stderr: written.join('') };
  };

  it.each([
    ['npm run generate', () => generate(['--chek']), '--chek', '--check'],
    ['npm run diff', () => diff(['--bse', 'HEAD']), '--bse', '--base'],
    ['npm run release', () => release(['--dryrun']), '--dryrun', '--dry-run'],
  ])('%s', async (_name, run, typed, known) => {
    const { code, stderr } = await stderrOf(run);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^error: Unknown option '${typed}' \\(did you mean ${known}\\?\\)\\n`),
    );
  });

  it('scripts/lib/command-line.ts (npm run dev, npm run bench)', async () => {
    const { stderr } = await stderrOf(() => {
      const result = readFlags(['--prot', '4000'], { port: { type: 'string' } }, 'Usage: dev');
      return 'exitCode' in result ? result.exitCode : 0;
    });
    expect(stderr).toBe("error: Unknown option '--prot' (did you mean --port?)\n\nUsage: dev");
  });
});

// fix168: `-no-cache` (one dash) was read as the short options `-n -o -…`: "Unknown option '-n'",
// which names neither what was typed nor what was meant.
describe('a long option typed with one dash', () => {
  const stderrOf = async (run: () => Promise<number> | number) => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(console, 'error').mockImplementation((...args) => written.push(args.join(' ')));
    const code = await run();
    return { code, stderr: written.join('') };
  };

  it.each([
    ['npm run generate', '-no-cache', () => generate(['-no-cache']), '--no-cache'],
    ['npm run generate', '-spec', () => generate(['-spec', 'x.yaml']), '--spec'],
    ['npm run diff', '-base', () => diff(['-base', 'HEAD']), '--base'],
    ['npm run release', '-dry-run', () => release(['-dry-run']), '--dry-run'],
  ])('%s %s', async (_name, typed, run, known) => {
    const { code, stderr } = await stderrOf(run);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^error: Unknown option '${typed}' \\(did you mean ${known}\\?\\)\\n`),
    );
  });

  it('scripts/lib/command-line.ts (npm run dev, lint:spec, bundle, docs, build)', async () => {
    const { stderr } = await stderrOf(() => {
      const result = readFlags(['-port', '4000'], { port: { type: 'string' } }, 'Usage: dev');
      return 'exitCode' in result ? result.exitCode : 0;
    });
    expect(stderr).toBe("error: Unknown option '-port' (did you mean --port?)\n\nUsage: dev");
  });

  it('a real short option stays as parseArgs reads it', () => {
    let message = '';
    try {
      parseArgs({ args: ['-x'], strict: true, options: { check: { type: 'boolean' } } });
    } catch (error) {
      message = optionErrorMessage(error, { check: {} }, ['-x']);
    }
    expect(message).toBe("Unknown option '-x'");
  });
});
