/**
 * The client, its environment variables and its package are named after `info.title`. A title
 * with nothing to name them after (missing, empty, blank, only punctuation, emoji or digits) names
 * them as a missing title does: `API`, `API_…`, `api-sdk`, never `Unnamed` for one and `API` for
 * another; where there is no title to show, the README and docs say "the API". A `clientName` the
 * spec asks for that has no letter is refused, with the fix.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { buildInfo, buildSdkSettings } from '../../generator/model/build-info.ts';
import { Warnings } from '../../generator/warnings.ts';

afterAll(removeTempDirs);

function names(doc: Record<string, unknown>) {
  const info = buildInfo(doc);
  const settings = buildSdkSettings(
    doc,
    info,
    'spec.yaml',
    { packageName: undefined, packageVersion: undefined },
    new Warnings(),
  );
  return {
    title: info.title,
    client: settings.clientName,
    env: settings.envPrefix,
    pkg: settings.packageName,
  };
}

const UNTITLED = { client: 'API', env: 'API', pkg: 'api-sdk' };

describe('a title with nothing to name the client after', () => {
  it.each([
    ['missing', undefined],
    ['not a string', 42],
    ['empty', ''],
    ['blank', ' \t\n'],
    ['invisible', '\u200B\u3164'],
  ])('%s: named and shown as "API"', (_case, title) => {
    expect(names({ info: { title, version: '1.0.0' } })).toEqual({ title: 'API', ...UNTITLED });
  });

  it.each([
    ['punctuation', '!!! --- ...'],
    ['an apostrophe', "'"],
    ['emoji', '🚀✨'],
    ['digits', '2.0'],
    ['digits and symbols', '#1 @ 100%'],
  ])('%s: named as a missing title, shown as written', (_case, title) => {
    expect(names({ info: { title, version: '1.0.0' } })).toEqual({ title, ...UNTITLED });
  });

  it('a title with a word is named after it, emoji and punctuation aside', () => {
    expect(names({ info: { title: '🚀 Rocket API!', version: '1' } })).toEqual({
      title: '🚀 Rocket API!',
      client: 'RocketAPI',
      env: 'ROCKET_API',
      pkg: 'rocket-api-sdk',
    });
  });

  it('a clientName without a letter is refused, at its place, with the fix', () => {
    for (const clientName of ['!!!', '🚀', '42']) {
      let error: unknown;
      try {
        names({ info: { title: 'Shop', version: '1' }, 'x-sdk': { clientName } });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GeneratorError);
      expect((error as GeneratorError).location.pointer).toBe('#/x-sdk/clientName');
      expect((error as GeneratorError).message).toMatch(/has no letter to make a class name of/);
      expect((error as GeneratorError).hint).toMatch(/clientName: Gigs/);
    }
  });
});

describe('info.version that is not a string', () => {
  const read = (version: unknown) => {
    const warnings = new Warnings();
    const info = buildInfo({ info: { title: 'T', version } }, { file: 'spec.yaml', warnings });
    return { version: info.version, warnings: warnings.list() };
  };

  it('a number (YAML reads `version: 1.5` as one) is read as its text, with a warning to quote it', () => {
    const { version, warnings } = read(1.5);
    expect(version).toBe('1.5');
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^spec\.yaml #\/info\/version: info\.version must be a string, found 1\.5 .*\n {2}fix: quote it/,
      ),
    ]);
  });

  // helper-119 H7: `version: 1.10` was read as 1.1 (the number YAML reads), and said to be 1.1.
  it('a number is read as the file writes it: 1.10, not the 1.1 YAML reads', async () => {
    const dir = await tempDir('info-version-');
    const spec = join(dir, 'openapi.yaml');
    await writeFile(spec, 'openapi: 3.1.0\ninfo: {title: T, version: 1.10}\npaths: {}\n');
    const result = await generate({ spec, out: join(dir, 'out') });
    const warning = result.warnings.find((w) => w.key === 'info-version-type');
    expect(warning?.message).toMatch(
      /info\.version must be a string, found 1\.10 .*it is read as "1\.10"\n {2}fix: quote it as the API's version is written: `version: '1\.10'`/,
    );
    const pkg = JSON.parse(await readFile(join(dir, 'out', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(pkg.version).toBe('1.10.0');
  });

  it('anything else is 0.0.0, with the same warning; a string gives none', () => {
    expect(read(true)).toMatchObject({
      version: '0.0.0',
      warnings: [{ key: 'info-version-type' }],
    });
    expect(read(undefined)).toMatchObject({
      version: '0.0.0',
      warnings: [
        {
          location: { pointer: '#/info' },
          problem: 'info.version is missing (OpenAPI requires it); it is read as "0.0.0"',
          hint: "add the API's version to `info`, as a string: `version: '1.0.0'`",
        },
      ],
    });
    expect(read('2024-01-01')).toEqual({ version: '2024-01-01', warnings: [] });
  });

  it('no info at all is one warning naming what is missing and what the client is named then', () => {
    const warnings = new Warnings();
    const info = buildInfo({ openapi: '3.0.3', paths: {} }, { file: 'spec.yaml', warnings });
    expect(info).toMatchObject({ title: 'API', version: '0.0.0' });
    // Before: "info.version must be a string, found nothing", fixed by quoting a version.
    expect(warnings.list().map((w) => [w.key, w.location.pointer, w.hint])).toEqual([
      [
        'info-missing',
        '#',
        "add `info: { title: 'Shop API', version: '1.0.0' }` with the API's own title and version (the client, package and variables are named after the title; `x-sdk.clientName` names them otherwise)",
      ],
    ]);
  });
});

describe('a title in another script', () => {
  it('names the client class, and a warning asks for the package and variables names it cannot give', () => {
    const warnings = new Warnings();
    const info = buildInfo({ info: { title: '用户服务 API', version: '1.0.0' } });
    const settings = buildSdkSettings(
      { info: { title: '用户服务 API' } },
      info,
      'spec.yaml',
      { packageName: undefined, packageVersion: undefined },
      warnings,
    );
    expect(settings).toMatchObject({
      clientName: '用户服务API',
      packageName: 'api-sdk',
      envPrefix: 'API',
    });
    // Before: `api-sdk` and `API_TOKEN`, as every such API's, without a word.
    expect(warnings.list().map((w) => [w.key, w.location.pointer, w.problem])).toEqual([
      [
        'name-not-ascii',
        '#/info/title',
        'info.title "用户服务 API" has words npm package names and environment variables cannot hold ("用户服务"), so the package `api-sdk` and the variables `API_…` are named after its other words alone',
      ],
    ]);
    // Named in the spec: no warning; a Latin title folds to ASCII (Café → cafe): none either.
    const named = new Warnings();
    buildSdkSettings(
      { 'x-sdk': { packageName: 'user-service-sdk', envPrefix: 'USER_SERVICE' } },
      info,
      'spec.yaml',
      { packageName: undefined, packageVersion: undefined },
      named,
    );
    const latin = new Warnings();
    buildSdkSettings(
      {},
      buildInfo({ info: { title: 'Café Crème', version: '1.0.0' } }),
      'spec.yaml',
      { packageName: undefined, packageVersion: undefined },
      latin,
    );
    expect([...named.list(), ...latin.list()]).toEqual([]);
  });
});
