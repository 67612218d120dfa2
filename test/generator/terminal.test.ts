/**
 * What the CLI prints holds spec text (a version, a key in a JSON pointer, a schema's name, a path)
 * and file names: none of it reaches the terminal raw. A line or paragraph separator (U+2028,
 * U+2029, NEL, CR, LF), an ANSI escape, a bidirectional control or a zero-width character from the
 * spec would break a warning's line (forging a `fix:` line of its own), clear or recolour the
 * screen, or make the message read differently: each one is shown as a `\uXXXX` escape.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalLines, terminalText } from '../../generator/escape.ts';
import { runScript } from '../helpers/run.ts';
import { removeTempDirs, tempDir, writeSpec } from './helpers.ts';

afterAll(removeTempDirs);

const CLI = 'scripts/generate.mjs';

/** Everything a terminal would not show as itself, or would act on: none of it may be printed. */
const RAW =
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u;

/** A payload for every kind: separators, a forged fix line, ANSI, bidi, zero-width, NEL, BOM. */
const EVIL = 'a\u2028fix: rm -rf /\u2029b\r\nc\u0085d\u001b[2Je\u202Ef\u200Bg\uFEFFh\ti';

describe('terminalText', () => {
  it('shows every control, separator and invisible character as an escape', () => {
    expect(terminalText(EVIL)).not.toMatch(RAW);
    expect(terminalText(EVIL)).not.toContain('\n');
    expect(terminalText('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    expect(terminalText('\u001b[31m')).toBe('\\u001B[31m');
    expect(terminalText('x\u{E0001}y')).toBe('x\\u{E0001}y');
    expect(terminalText('lone \uD800 surrogate')).toBe('lone \\uD800 surrogate');
  });

  it('keeps what shows as itself: letters of any script, emoji, punctuation', () => {
    const plain = 'Größe 名前 🚀 "quoted" `code` #/paths/~1a {id}';
    expect(terminalText(plain)).toBe(plain);
  });

  it('keeps the line breaks of several lines, and nothing else', () => {
    expect(terminalLines(`one\u2028\r\ntwo\u001b\nthree`)).toBe('one\\u2028\ntwo\\u001B\nthree');
  });
});

describe('the CLI', () => {
  it('prints a warning whose spec text holds separators and controls escaped, on its own lines', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      // Not a semantic version: the `package-version` warning quotes it.
      info: { title: 'T', version: EVIL },
      paths: {},
      components: {
        schemas: {
          // An unknown keyword: its name is in the warning's pointer and problem.
          [`S${EVIL}`]: { type: 'string', [`x${EVIL}`]: 1, [`k${EVIL}`]: 1 },
        },
      },
    });
    const out = join(await tempDir('terminal-'), 'sdk');
    const result = runScript(CLI, ['--spec', spec, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^warning: /);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toContain('a\\u2028fix: rm -rf /\\u2029b\\u000D\\u000Ac\\u0085d');
    // One `fix:` line per warning: the forged one is part of the problem's line.
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    const fixes = result.stderr.split('\n').filter((line) => /^\s+fix: /.test(line));
    expect(warnings.length).toBeGreaterThan(0);
    expect(fixes).toHaveLength(warnings.length);
  });

  it('prints an error whose spec text holds separators and controls escaped', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'T', version: '1.0.0' },
      'x-sdk': { envPrefix: `A${EVIL}` },
      paths: {},
    });
    const result = runScript(CLI, ['--spec', spec, '--out', join(await tempDir(), 'sdk')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/#\/x-sdk\/envPrefix: `x-sdk\.envPrefix` "A.*\\u2028fix/);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr.split('\n').filter((line) => /^\s+fix: /.test(line))).toHaveLength(1);
  });

  it('prints the API changes of --check and the file names escaped', async () => {
    const dir = await tempDir('terminal-check-');
    // A file name cannot hold a `/`.
    const spec = join(dir, `spec${EVIL.replace(/\//g, '')}.json`);
    const doc = (path: string) => ({
      openapi: '3.1.0',
      info: { title: 'T', version: '1.0.0' },
      paths: {
        [path]: { get: { operationId: 'get', responses: { '204': { description: 'ok' } } } },
      },
    });
    const out = join(dir, 'sdk');
    await writeFile(spec, JSON.stringify(doc('/a')));
    expect(runScript(CLI, ['--spec', spec, '--out', out]).status).toBe(0);
    await writeFile(spec, JSON.stringify(doc(`/b${EVIL}`)));
    const result = runScript(CLI, ['--spec', spec, '--out', out, '--check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /added\s+operation GET \/ba\\u2028fix: rm -rf \/\\u2029b\\u000D\\u000Ac/,
    );
    expect(result.stderr).toMatch(/is out of date with .*speca\\u2028fix: rm -rf \\u2029b/);
    expect(result.stderr).not.toMatch(RAW);
  });
});
