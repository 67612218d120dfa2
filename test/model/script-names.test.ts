/**
 * Names made from text in any script keep its letters. Accented Latin letters count as their base
 * letters (`Ünïcødé tag` → `unicodeTag`, not `nCDTag`); other scripts' letters stay as written
 * (`名前` → `名前`, not `Unnamed`), since JavaScript identifiers may hold them. Names that must be
 * ASCII (npm package names, environment variables, file names) keep only the ASCII words.
 */
import { TSDocParser } from '@microsoft/tsdoc';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { camelCase, pascalCase, words } from '../../generator/model/names.ts';
import {
  kebabCase,
  methodName,
  resourceName,
  upperSnake,
} from '../../generator/model/sdk-names.ts';
import {
  compile,
  linkNodeModules,
  removeTempDirs,
  tempDir,
  writeSpec,
} from '../generator/helpers.ts';

afterAll(removeTempDirs);

describe('names from text in any script', () => {
  it.each([
    ['Ünïcødé tag', 'unicodeTag', 'UnicodeTag'],
    ['Straße Größe', 'strasseGrosse', 'StrasseGrosse'],
    ['café-crème', 'cafeCreme', 'CafeCreme'],
    ['Ærø łódź', 'aeroLodz', 'AeroLodz'],
  ])('%s → %s, %s', (text, camel, pascal) => {
    expect(camelCase(text)).toBe(camel);
    expect(pascalCase(text)).toBe(pascal);
  });

  it.each([
    ['名前 list', ['名前', 'list'], '名前List'],
    ['ИмяПользователя', ['Имя', 'Пользователя'], 'ИмяПользователя'],
    // Hangul stays composed (NFC), though folding Latin letters decomposes text first.
    ['이름', ['이름'], '이름'],
    // Devanagari vowel signs are combining marks: they stay, inside a word.
    ['नाम सूची', ['नाम', 'सूची'], 'नामसूची'],
    ['Straße Жук', ['Strasse', 'Жук'], 'StrasseЖук'],
  ])('keep the letters of other scripts: %s', (text, expected, pascal) => {
    expect(words(text)).toEqual(expected);
    expect(pascalCase(text)).toBe(pascal);
    expect(pascalCase(text).normalize('NFC')).toBe(pascalCase(text));
  });

  it('never start a name with a combining mark or a digit of any script', () => {
    expect(words('\u0301abc ·\u093Eनाम')).toEqual(['abc', 'नाम']);
    expect(camelCase('٣ items')).toBe('_٣Items');
    expect(methodName('٣ items')).toBe('_٣Items');
  });

  it.each([
    ['API', 'api'],
    ['API keys', 'apiKeys'],
    ['APIKeys', 'apiKeys'],
    ['SMS messages', 'smsMessages'],
    ['HTTPRequest', 'httpRequest'],
    ['CREATE', 'create'],
    ['getUsers', 'getUsers'],
  ])('lower-case a leading acronym whole: %s → %s', (text, camel) => {
    expect(camelCase(text)).toBe(camel);
    expect(methodName(text)).toBe(camel);
  });

  it('make names TypeScript reads as one identifier from every letter, digit and mark Node knows', () => {
    // Node's Unicode is newer than TypeScript's scanner: letters added since (U+A7CB, Todhri
    // U+105C0), U+2E2F (a letter Unicode keeps out of identifiers), and `ɤ`, whose capital `Ɤ` is
    // such a letter, once gave names that did not parse.
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true);
    const isIdentifier = (name: string) => {
      scanner.setText(name);
      return scanner.scan() === ts.SyntaxKind.Identifier && scanner.getTokenEnd() === name.length;
    };
    const broken: string[] = [];
    for (let code = 0x80; code <= 0x3ffff; code++) {
      const char = String.fromCodePoint(code);
      if (!/[\p{L}\p{Nl}\p{Nd}\p{M}]/u.test(char)) continue;
      const names = [pascalCase(`${char}x`)];
      // A capital starts an acronym, lower-cased whole; a digit or mark cannot start a name.
      if (/\p{Lu}/u.test(char)) names.push(camelCase(`${char}${char}`));
      if (/[\p{Nd}\p{M}]/u.test(char)) names.push(methodName(char), resourceName(char) ?? 'x');
      for (const name of names)
        if (!isIdentifier(name)) broken.push(`U+${code.toString(16).toUpperCase()}: ${name}`);
    }
    expect(broken.slice(0, 10)).toEqual([]);
    expect(words('Tilde\u2E2Fx Latin\uA7CBx')).toEqual(['Tilde', 'x', 'Latin', 'x']);
  });

  it('a package named from letters newer than TypeScript knows parses and compiles', async () => {
    const names = ['Tilde\u2E2Fx', 'Latin\uA7CBx', 'Todhri\u{105C0}x', '\u{105C0}Start', 'ɤ case'];
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'New letters', version: '1.0.0' },
      paths: Object.fromEntries(
        names.map((name, index) => [
          `/p${index}/{${name}}`,
          {
            get: {
              operationId: name,
              tags: [name],
              parameters: [
                { name, in: 'path', required: true, schema: { type: 'string' } },
                { name: `${name} q`, in: 'query', schema: { type: 'string' } },
              ],
              responses: {
                '200': {
                  description: 'OK',
                  content: {
                    'application/json': {
                      schema: { $ref: `#/components/schemas/${encodeURIComponent(name)}` },
                    },
                  },
                },
              },
            },
          },
        ]),
      ),
      components: {
        schemas: Object.fromEntries(
          names.map((name) => [
            name,
            { type: 'object', properties: { [name]: { type: 'string' } } },
          ]),
        ),
      },
    });
    const out = join(await tempDir('new-letters-'), 'sdk');
    await generate({ spec, out });
    await linkNodeModules(out);
    const result = compile(out);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('drop characters that show nothing (Hangul fillers, zero-width joiners)', () => {
    expect(words('x\u3164y\u115F z\u200D')).toEqual(['xy', 'z']);
    expect(pascalCase('\u3164')).toBe('Unnamed');
  });

  it('keep names that must be ASCII in ASCII', () => {
    expect(kebabCase('Пользователи API')).toBe('api');
    expect(upperSnake('Пользователи API')).toBe('API');
    expect(kebabCase('名前')).toBe('');
  });

  it('name the resource and the schema type of a generated package', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Accents', version: '1.0.0' },
      paths: {
        '/things': {
          get: {
            operationId: 'listThings',
            tags: ['Ünïcødé tag'],
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/Größe' } },
                },
              },
            },
          },
        },
      },
      components: { schemas: { Größe: { type: 'object' } } },
    });
    const out = join(await tempDir('accents-'), 'sdk');
    await generate({ spec, out });
    expect(await readFile(join(out, 'src/client.ts'), 'utf8')).toMatch(/\bunicodeTag\b/);
    expect(await readFile(join(out, 'src/types.ts'), 'utf8')).toMatch(
      /\binterface Grosse\b|\btype Grosse\b/,
    );
  });

  it('name resources and types in other scripts, in a package that compiles', async () => {
    const body = (ref: string) => ({
      description: 'OK',
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
    });
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Пользователи API', version: '1.0.0' },
      paths: {
        '/users': {
          get: {
            operationId: 'listUsers',
            tags: ['Пользователи'],
            responses: { '200': body('Имя') },
          },
        },
        '/names': {
          get: { operationId: 'listNames', tags: ['名前'], responses: { '200': body('名前') } },
        },
      },
      components: {
        schemas: {
          Имя: { type: 'object', properties: { имя: { type: 'string' } }, required: ['имя'] },
          名前: { type: 'object', properties: { 이름: { type: 'string' } } },
        },
      },
    });
    const out = join(await tempDir('scripts-'), 'sdk');
    await generate({ spec, out });
    const client = await readFile(join(out, 'src/client.ts'), 'utf8');
    // `\b` knows ASCII words only.
    const word = (text: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}_$])${text}(?![\\p{L}\\p{N}_$])`, 'u');
    expect(client).toMatch(word('readonly пользователи'));
    expect(client).toMatch(word('readonly 名前'));
    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    expect(types).toMatch(word('(interface|type) Имя'));
    expect(types).toMatch(word('(interface|type) 名前'));
    expect(types).not.toMatch(/Unnamed/);
    // File names stay ASCII: resources whose names have no ASCII word get a plain one.
    for (const file of await readdir(join(out, 'src/resources'))) {
      expect(file).toMatch(/^[a-z0-9-]+\.ts$/);
    }
    const pkg = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toMatch(/^[a-z0-9@/._-]+$/);
    // TSDoc links take ASCII names only: these names are linked as code spans instead.
    const parser = new TSDocParser();
    const problems: string[] = [];
    for (const file of await readdir(join(out, 'src'), { recursive: true })) {
      if (!file.endsWith('.ts')) continue;
      const text = await readFile(join(out, 'src', file), 'utf8');
      for (const [comment] of text.matchAll(/\/\*\*[^]*?\*\//g)) {
        for (const message of parser.parseString(comment).log.messages)
          if (/reference|link/i.test(message.messageId))
            problems.push(`${file}: ${message.unformattedText} in ${comment.slice(0, 80)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await readFile(join(out, 'src/guards.ts'), 'utf8')).toMatch(/a valid `Имя`/);
    await linkNodeModules(out);
    const result = compile(out);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
