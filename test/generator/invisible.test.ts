/**
 * Invisible and bidirectional characters from a spec (NUL, ESC, DEL, U+202E, U+2066, …) never
 * reach a generated file raw: they would make the code read differently from how it runs ("Trojan
 * Source", CVE-2021-42574) or make git treat a source file as binary. Every one is a `\uXXXX`
 * escape, which in a string means the same character, and the package still compiles.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  escapeJsDoc,
  markdownText,
  showInvisible,
  stringLiteral,
  templateLiteralText,
} from '../../generator/escape.ts';
import { generate } from '../../generator/index.ts';
import { compile, linkNodeModules, removeTempDirs, tempDir, writeSpec } from './helpers.ts';

afterAll(removeTempDirs);

const RAW =
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const EVIL = 'a\u202Eb\u0000c\u001b[2J\u2066d\u007f';
/** Lone surrogates, as a JSON spec can hold them (`"\ud800"`). */
const LONE = 'x\ud800y\udc00z';

describe('escaping helpers', () => {
  it('write each invisible character as an escape that means the same in code', () => {
    expect(stringLiteral(EVIL)).not.toMatch(RAW);
    expect(JSON.parse(stringLiteral(EVIL))).toBe(EVIL);
    expect(templateLiteralText(EVIL)).not.toMatch(RAW);
    expect(runInNewContext(`\`${templateLiteralText(EVIL)}\``)).toBe(EVIL);
    expect(escapeJsDoc(EVIL)).toBe('a\\u202Eb\\u0000c\\u001B[2J\\u2066d\\u007F');
    expect(markdownText(EVIL)).not.toMatch(RAW);
    expect(showInvisible('tab\tand\nline')).toBe('tab\tand\nline');
  });

  it('showInvisible escapes exactly the characters of the pattern, every UTF-16 code unit tried', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const shown = showInvisible(`a${char}b`);
      // Alone, a surrogate is a lone one: UTF-8 cannot hold it.
      const want =
        RAW.test(char) || (code >= 0xd800 && code <= 0xdfff)
          ? `a\\u${code.toString(16).toUpperCase().padStart(4, '0')}b`
          : `a${char}b`;
      if (shown !== want) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    // A pair is one character (an emoji), kept; the halves in the wrong order are two lone ones.
    expect(showInvisible('ok \ud83d\ude00')).toBe('ok \ud83d\ude00');
    expect(showInvisible('\ude00\ud83d')).toBe('\\uDE00\\uD83D');
  });
});

describe('format characters in names (zero-width space, U+FEFF, word joiner, soft hyphen)', () => {
  // helper-107: `'a\u200Bb'` and `'ab'` were written raw, two keys that print the same.
  const NAMES = ['a\u200Bb', 'is\uFEFFAdmin', 'x\u2060y', 'so\u00ADft', 'tag\u{E0041}', 'l\u2028s'];

  it('are escapes in string literals, which mean the same string', () => {
    for (const name of NAMES) {
      const literal = stringLiteral(name);
      expect(literal).not.toMatch(/[\p{Cf}]/u);
      expect(JSON.parse(literal)).toBe(name);
    }
    expect(stringLiteral('a\u200Bb')).toBe('"a\\u200Bb"');
  });

  it('stay as written in comments and Markdown, where a joiner is part of the text', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(escapeJsDoc(`a ${family} family`)).toBe(`a ${family} family`);
    expect(markdownText('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')).toContain('\u200C');
  });

  it('but tag characters, which hide text in a comment, are shown there, but in a flag', () => {
    // helper-112 4: "ASCII smuggling", an instruction written in U+E0000–E007F.
    const hidden = [...'run rm']
      .map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0)))
      .join('');
    expect(escapeJsDoc(`Plans${hidden}.`)).toBe(
      'Plans\\uDB40\\uDC72\\uDB40\\uDC75\\uDB40\\uDC6E\\uDB40\\uDC20\\uDB40\\uDC72\\uDB40\\uDC6D.',
    );
    expect(markdownText(`a${hidden}`)).not.toMatch(/[\u{E0000}-\u{E007F}]/u);
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(escapeJsDoc(`Made in ${scotland}.`)).toBe(`Made in ${scotland}.`);
  });

  it('never reach a property key, a parameter name or an enum value of a generated file raw', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'T', version: '1.0.0' },
      paths: {
        '/a': {
          get: {
            operationId: 'getA',
            parameters: NAMES.map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: Object.fromEntries(
                        NAMES.map((name) => [name, { type: 'string', enum: [name, 'ab'] }]),
                      ),
                    },
                  },
                },
              },
            },
          },
        },
      },
    });
    const out = join(await tempDir('format-characters-'), 'sdk');
    await generate({ spec, out, cache: false });
    const raw: string[] = [];
    for (const file of await readdir(join(out, 'src'), { recursive: true })) {
      if (!file.endsWith('.ts')) continue;
      const lines = (await readFile(join(out, 'src', file), 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (/[\u200B\uFEFF\u2060\u00AD\u2028]|\u{E0041}/u.test(line)) raw.push(`${file}:${i + 1}`);
      });
    }
    expect(raw).toEqual([]);
    const resource = await readFile(join(out, 'src/resources/a.ts'), 'utf8');
    expect(resource).toContain("'a\\u200Bb'?: string;");
  });
});

describe('a spec full of invisible characters', () => {
  it('generates files without one raw, and a package that compiles', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: `T${EVIL}`, version: '1.0.0', description: `d ${EVIL} ${LONE}` },
      tags: [{ name: `tag${EVIL}`, description: EVIL }],
      paths: {
        '/a': {
          get: {
            operationId: 'getA',
            tags: [`tag${EVIL}`],
            summary: `admin ${EVIL}`,
            description: EVIL,
            parameters: [
              {
                name: `q${EVIL}`,
                in: 'query',
                schema: { type: 'string', enum: [EVIL] },
                example: EVIL,
              },
            ],
            responses: {
              '200': {
                description: EVIL,
                content: { 'application/json': { schema: { $ref: '#/components/schemas/X' } } },
              },
            },
          },
        },
        [`/b${EVIL}/{id}`]: {
          get: {
            operationId: 'getB',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '204': { description: 'ok' } },
          },
        },
      },
      components: {
        schemas: {
          X: {
            type: 'object',
            description: `${EVIL} ${LONE}`,
            properties: {
              [`p${EVIL}`]: { type: 'string', default: EVIL, const: EVIL },
              lone: { type: 'string', enum: [LONE], description: LONE },
            },
          },
        },
      },
    });
    const out = join(await tempDir('invisible-'), 'sdk');
    await generate({ spec, out, cache: false });
    const raw: string[] = [];
    for (const file of await readdir(out, { recursive: true })) {
      const text = await readFile(join(out, file), 'utf8').catch(() => '');
      // U+FFFD: what a lone surrogate becomes when written to a UTF-8 file as it is.
      const line = text
        .split('\n')
        .findIndex((candidate) => RAW.test(candidate) || candidate.includes('\ufffd'));
      if (line >= 0) raw.push(`${file}:${line + 1}`);
    }
    expect(raw).toEqual([]);
    await linkNodeModules(out);
    const result = compile(out);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
