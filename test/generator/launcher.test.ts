/**
 * `npm run generate` runs the compiled generator (scripts/generate.mjs → build/generator/<key>/):
 * it writes byte for byte what the TypeScript sources write, and an edit under generator/ is
 * picked up at the next start, never a stale build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { ensureGeneratorBuild, shareNamespaces } from '../../scripts/generator-build.mjs';
import { ROOT, removeTempDirs, snapshotTree, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

function launch(root: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/generate.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the toolchain's own files, with the installed dependencies linked in. */
async function toolchainCopy(): Promise<string> {
  const root = await tempDir('launcher-root-');
  for (const part of ['generator', 'templates', 'scripts', 'package.json', 'package-lock.json'])
    await cp(join(ROOT, part), join(root, part), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** The toolchain copy the last tests share. */
let root: string | undefined;

describe('the compiled generator', () => {
  it('writes exactly what the sources write, for our spec and a hostile one', async () => {
    for (const spec of ['spec/openapi.yaml', 'test/fixtures/specs/hostile/hostile-3.1.yaml']) {
      const dir = await tempDir('launcher-');
      const fromBuild = join(dir, 'build-out');
      const fromSources = join(dir, 'source-out');
      const result = launch(ROOT, ['--spec', spec, '--out', fromBuild, '--no-cache']);
      const said = result.stderr.replace(/^Building the generator.*\n/, '');
      // The hostile spec's names collide on purpose: a warning each, as the sources print them.
      const warnings = said.split('\n').filter((line) => line.startsWith('warning: '));
      expect(said === '' ? [] : said.split('\n').filter((line) => /^\S/.test(line))).toEqual(
        warnings,
      );
      for (const line of warnings)
        expect(line).toMatch(/would be named `\w+`, but .* so it is named/);
      expect(result.status).toBe(0);
      const fromSourcesWarnings = (await generate({ spec, out: fromSources, cache: false }))
        .warnings;
      expect(fromSourcesWarnings.length).toBe(warnings.length);
      expect(await snapshotTree(fromBuild)).toEqual(await snapshotTree(fromSources));
    }
  });

  it('is rebuilt when a file under generator/ changes, and reused while nothing does', async () => {
    root = await toolchainCopy();

    const first = launch(root, ['--help']);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^Building the generator \(its first build here\) into build\//);
    expect(first.stdout).toContain('default generated)');

    const again = launch(root, ['--help']);
    expect(again.stderr).toBe('');
    expect(await readdir(join(root, 'build/generator'))).toHaveLength(1);

    const context = join(root, 'generator/context.ts');
    const source = await readFile(context, 'utf8');
    expect(source).toContain("DEFAULT_OUT = 'generated'");
    await writeFile(
      context,
      source.replace("DEFAULT_OUT = 'generated'", "DEFAULT_OUT = 'sdk-out'"),
    );

    const edited = launch(root, ['--help']);
    expect(edited.status).toBe(0);
    expect(edited.stderr).toMatch(/^Building the generator \(generator\/ changed\) into build\//);
    expect(edited.stdout).toContain('default sdk-out)');
  });

  it('generates from the code cache its runs write, grows a partial one, and never trusts a damaged one', async () => {
    // The copy of the test before, with its build (a build costs seconds).
    const copy = (root ??= await toolchainCopy());
    const spec = join(ROOT, 'spec/openapi.yaml');
    const run = async (out: string) => {
      const result = launch(copy, ['--spec', spec, '--out', join(copy, out), '--no-cache']);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      return snapshotTree(join(copy, out));
    };
    const build = await ensureGeneratorBuild({ root: copy });
    const cacheFile = join(build, 'cli.cjs.cache');

    // `--check` and `--help` run the ES module build (chunks loaded as needed), no cache.
    expect(launch(copy, ['--help']).status).toBe(0);
    expect(launch(copy, ['--spec', spec, '--out', join(copy, 'none'), '--check']).status).toBe(1);
    expect(existsSync(cacheFile)).toBe(false);
    // A run that stops early (no such spec) compiles a little (the bundle's top level: some
    // 1.9 MB of bytecode); the first generation much more (some 6 MB), and replaces it.
    expect(launch(copy, ['--spec', join(copy, 'missing.yaml')]).status).toBe(1);
    const partial = await readFile(cacheFile);
    const expected = await run('first');
    const written = await readFile(cacheFile);
    expect(written.length).toBeGreaterThan(partial.length * 2);

    // Accepted: the run leaves the cache as it was.
    expect(await run('second')).toEqual(expected);
    expect((await readFile(cacheFile)).equals(written)).toBe(true);

    // Damaged bytecode of the same size (V8 itself would crash on it), or not a cache at all: the
    // run is the same and the cache is replaced.
    const damaged = Buffer.from(written);
    damaged.fill(0, 2_000_000, 2_004_096);
    for (const bad of [damaged, Buffer.from('not a code cache')]) {
      await writeFile(cacheFile, bad);
      expect(await run('again')).toEqual(expected);
      expect((await readFile(cacheFile)).equals(bad)).toBe(false);
    }
    expect((await readdir(build)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('the CLI build, from its code cache', () => {
  it('formats on the main thread on a machine with one core', async () => {
    const dir = await tempDir('one-core-');
    const spec = join(ROOT, 'spec/openapi.yaml');
    const expected = join(dir, 'expected');
    expect(launch(ROOT, ['--spec', spec, '--out', expected, '--no-cache']).status).toBe(0);
    // The run before left the code cache, so this one runs from it, on one core (taskset).
    const out = join(dir, 'one-core');
    const result = spawnSync(
      'taskset',
      [
        '-c',
        '0',
        process.execPath,
        join(ROOT, 'scripts/generate.mjs'),
        '--spec',
        spec,
        '--out',
        out,
        '--no-cache',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(await snapshotTree(out)).toEqual(await snapshotTree(expected));
  });

  it('loads the plugins that --redocly-config names, without warnings', async () => {
    const dir = await tempDir('redocly-plugin-');
    await writeFile(
      join(dir, 'plugin.cjs'),
      `module.exports = () => ({
        id: 'local',
        decorators: {
          oas3: { 'set-title': () => ({ Info: { leave(info) { info.title = 'Titled by a plugin'; } } }) },
        },
      });`,
    );
    await writeFile(
      join(dir, 'redocly.yaml'),
      'plugins:\n  - ./plugin.cjs\ndecorators:\n  local/set-title: on\n',
    );
    const out = join(dir, 'out');
    const args = ['--spec', join(ROOT, 'spec/openapi.yaml'), '--out', out, '--no-cache'];
    for (let run = 0; run < 2; run++) {
      const result = launch(ROOT, [...args, '--redocly-config', join(dir, 'redocly.yaml')]);
      expect(result.stderr).not.toMatch(/Warning|Error/);
      expect(result.status).toBe(0);
      const bundled = JSON.parse(await readFile(join(out, 'openapi.json'), 'utf8')) as {
        info: { title: string };
      };
      expect(bundled.info.title).toBe('Titled by a plugin');
    }
  });
});

describe("the CLI build's recheck", () => {
  it('is bundled (compiled from the code cache), and still answers from its native agent', async () => {
    const build = await ensureGeneratorBuild();
    const dir = await tempDir('launcher-recheck-');
    const spec = join(dir, 'codes.yaml');
    await writeFile(
      spec,
      [
        'openapi: 3.1.0',
        'info: { title: Codes, version: 1.0.0 }',
        'paths: {}',
        'components:',
        '  schemas:',
        '    Code: { type: string, pattern: "^(a+)+$" }',
      ].join('\n'),
    );
    // The launcher's way in (scripts/generate.mjs): loadCli, then main.
    const probe = join(dir, 'probe.mjs');
    await writeFile(
      probe,
      `import { createRequire } from 'node:module';
       import { loadCli } from ${JSON.stringify(join(ROOT, 'scripts/generator-build.mjs'))};
       const { main } = loadCli(${JSON.stringify(build)});
       const code = await main(['--spec', ${JSON.stringify(spec)}, '--out', ${JSON.stringify(join(dir, 'out'))}, '--no-cache']);
       const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /[\\\\/]recheck[\\\\/]/.test(path));
       console.log(JSON.stringify({ code, loaded }));`,
    );
    const result = spawnSync(process.execPath, [probe], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const { code, loaded } = JSON.parse(result.stdout.trim().split('\n').pop()!) as {
      code: number;
      loaded: string[];
    };
    expect(code).toBe(0);
    // recheck's verdict (from its native agent, a process of its own), as with the sources.
    expect(result.stderr).toMatch(/can take exponential time to match, as .* \(recheck;/);
    // Its 3 MB checker came from the bundle, not from node_modules/recheck/lib/main.js.
    expect(loaded).toEqual([]);
    // checkSync's worker, which recheck finds by path, is found from the build's folder too.
    expect(createRequire(join(build, 'cli.cjs')).resolve('recheck/lib/synckit-worker.js')).toBe(
      join(ROOT, 'node_modules/recheck/lib/synckit-worker.js'),
    );
  });
});

describe('what the build bundles', () => {
  it('holds one openapi-core, no TypeScript lib files, and only ASCII (read as latin1)', async () => {
    const build = await ensureGeneratorBuild();
    const cli = await readFile(join(build, 'cli.cjs'), 'latin1');
    // openapi-typescript's own openapi-core 1.x (and the HTTP client its utilities load) is
    // replaced by ours, also for the two pointer helpers it takes from lib/ref-utils.js. The
    // bundle has no comments left: its source map names the files it was made from.
    const { sources } = JSON.parse(await readFile(join(build, 'cli.cjs.map'), 'utf8')) as {
      sources: string[];
    };
    expect(sources.some((source) => source.includes('node_modules/@redocly/openapi-core/'))).toBe(
      true,
    );
    expect(sources.filter((source) => source.includes('openapi-typescript/node_modules/'))).toEqual(
      [],
    );
    expect(cli).not.toContain('https-proxy-agent');
    // Every importer of a CommonJS library shares one namespace object (shareNamespaces).
    expect(cli).toContain('__toESM = ((toESM, cache = [new WeakMap(), new WeakMap()])');
    // @ts-morph/common's copy of TypeScript's lib.*.d.ts texts.
    expect(cli).not.toContain('interface HTMLElementTagNameMap');
    expect(cli).not.toMatch(/[\u0080-\uffff]/);
  });

  it("gives every importer of a CommonJS library one namespace object, rebuilt if the library's exports changed", async () => {
    const dir = await tempDir('share-namespaces-');
    // `grow` adds an export after the first importer took its namespace, as a require cycle can.
    const files: Record<string, string> = {
      'lib.cjs': 'exports.a = 1; exports.grow = () => { exports.b = 2; };',
      'one.mjs': "import * as lib from './lib.cjs'; export const one = lib;",
      'two.mjs': "import * as lib from './lib.cjs'; export const two = lib;",
      'grow.mjs': "import * as lib from './lib.cjs'; export const grown = lib; lib.grow();",
      'three.mjs': "import * as lib from './lib.cjs'; export const three = lib;",
      'entry.mjs': [
        "import { one } from './one.mjs';",
        "import { two } from './two.mjs';",
        "import { grown } from './grow.mjs';",
        "import { three } from './three.mjs';",
        'export { one, two, grown, three };',
      ].join('\n'),
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const { build } = await import('esbuild');
    const load = (code: string) => {
      const module = { exports: {} as Record<string, Record<string, number>> };
      const run = new Script(
        `(function (module, exports, require) {${code}\n})`,
      ).runInThisContext() as (module: object, exports: object, require: NodeJS.Require) => void;
      run(module, module.exports, createRequire(join(dir, 'entry.cjs')));
      return module.exports;
    };
    // As esbuild prints it plainly (the ES module build) and with whitespace minified (the CLI's).
    for (const minifyWhitespace of [false, true]) {
      const result = await build({
        entryPoints: [join(dir, 'entry.mjs')],
        bundle: true,
        format: 'cjs',
        platform: 'node',
        write: false,
        minifyWhitespace,
      });
      const text = result.outputFiles[0]!.text;
      const plain = load(text);
      expect(plain.one).not.toBe(plain.two);
      const shared = load(shareNamespaces(text));
      expect(shared.one).toBe(shared.two);
      expect(shared.one).toBe(shared.grown);
      expect(Object.keys(shared.one!)).toEqual(Object.keys(plain.one!));
      expect(shareNamespaces(text).split('\n')).toHaveLength(text.split('\n').length);
      // Exports added after a namespace was made: a new one, with them, as without sharing.
      expect(shared.three).not.toBe(shared.one);
      expect(shared.three).toHaveProperty('b', 2);
      expect(plain.three).toHaveProperty('b', 2);
    }
  });
});
