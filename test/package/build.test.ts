/**
 * scripts/build-package.ts: the layout of dist/, that the output depends only on the sources
 * (two builds in different folders are byte for byte the same), that a failed build leaves the
 * previous dist/ as it was, and that it refuses a folder the generator did not write.
 */
import { createHash } from 'node:crypto';
import {
  appendFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { buildPackage, PackageBuildError } from '../../scripts/build-package.ts';
import { runScript } from '../helpers/run.ts';
import { ROOT } from '../helpers/spec.ts';
import { GENERATED_DIR, packedPackage, type PackedPackage } from './helpers/packed-package.ts';

let packed: PackedPackage;
let work: string;
beforeAll(async () => {
  packed = await packedPackage();
  work = await mkdtemp(join(tmpdir(), 'gigs-sdk-build-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** A copy of generated/ without dist/, with the toolchain's node_modules reachable for tsc. */
async function copyOfGenerated(name: string): Promise<string> {
  const dir = join(work, name);
  await cp(GENERATED_DIR, dir, {
    recursive: true,
    filter: (source) => !/^(dist|node_modules|\.)/.test(relative(GENERATED_DIR, source)),
  });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** sha256 of every file under `dir`, by relative path. */
async function digests(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const entry of entries
    .filter((e) => e.isFile())
    .sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
    const file = join(entry.parentPath, entry.name);
    out[relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

describe('buildPackage', () => {
  let copy: string;
  let built: Awaited<ReturnType<typeof buildPackage>>;
  beforeAll(async () => {
    copy = await copyOfGenerated('second');
    built = await buildPackage({ dir: copy });
  });

  it('writes ESM and CommonJS with .d.ts for every module, and the CommonJS marker', async () => {
    const sources = (await readdir(join(copy, 'src'), { recursive: true }))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.slice(0, -3))
      .sort();
    for (const format of ['esm', 'cjs']) {
      const modules = (file: string, ext: string) =>
        file.startsWith(`${format}/`) && file.endsWith(ext);
      expect(
        built.files
          .filter((f) => modules(f, '.js'))
          .map((f) => f.slice(format.length + 1, -3))
          .sort(),
      ).toEqual(sources);
      expect(
        built.files
          .filter((f) => modules(f, '.d.ts'))
          .map((f) => f.slice(format.length + 1, -5))
          .sort(),
      ).toEqual(sources);
    }
    expect(await readFile(join(built.distDir, 'cjs/package.json'), 'utf8')).toBe(
      '{"type":"commonjs"}\n',
    );
    expect(await readFile(join(built.distDir, 'cjs/index.js'), 'utf8')).toContain(
      'require("./client.js")',
    );
    expect(await readFile(join(built.distDir, 'esm/index.js'), 'utf8')).toContain(
      "from './client.js'",
    );
  });

  it('gives the same bytes in another folder (nothing depends on the path or the time)', async () => {
    expect(await digests(built.distDir)).toEqual(await digests(join(packed.packageDir, 'dist')));
  });

  it('keeps the previous dist/ when the sources do not compile, and says where', async () => {
    const before = await digests(built.distDir);
    await appendFile(
      join(copy, 'src/client.ts'),
      "\nexport const broken: number = 'not a number';\n",
    );

    const failure = await buildPackage({ dir: copy }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PackageBuildError);
    expect((failure as Error).message).toMatch(/src\/client\.ts\(\d+,\d+\): error TS2322/);
    expect((failure as Error).message).toContain('\n  fix: the generated sources do not compile');
    expect(await digests(built.distDir)).toEqual(before);
    expect((await readdir(copy)).filter((name) => name.startsWith('.dist'))).toEqual([]);
  });

  it('refuses a folder whose package.json the generator did not write', async () => {
    const dir = join(work, 'not-generated');
    await mkdir(join(dir, 'dist'), { recursive: true });
    await writeFile(join(dir, 'package.json'), '{"name":"mine"}\n');
    await writeFile(join(dir, 'dist', 'keep.js'), 'precious');

    await expect(buildPackage({ dir })).rejects.toThrow(
      /is not a generated package \(no "x-generated" field\); refusing to replace its dist/,
    );
    expect(await readdir(join(dir, 'dist'))).toEqual(['keep.js']);
  });

  it('says a folder that is not there is looked for from the working folder, and a folder without package.json what to run', async () => {
    const previous = process.cwd();
    process.chdir(work);
    try {
      await expect(buildPackage({ dir: 'no-such-folder' })).rejects.toThrow(
        `there is no folder no-such-folder in the working folder ${work}.\n  fix: run the command from the project's folder (npm run does)`,
      );
    } finally {
      process.chdir(previous);
    }
    const empty = join(work, 'empty-package');
    await mkdir(empty, { recursive: true });
    await expect(buildPackage({ dir: empty })).rejects.toThrow(
      /^no package\.json in .*empty-package\.\n {2}fix: pass the generated package's folder with --dir/,
    );
  });

  it('refuses a package.json that is not JSON, with the fix and no stack', async () => {
    const dir = join(work, 'not-json');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'package.json'), '{"name": "half');
    const result = runScript('scripts/build-package.ts', ['--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*not-json\/package\.json is not valid JSON \(.*\)\.\n {2}fix: run `npm run generate`/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("the package's own build.mjs refuses a package.json that is not JSON, with the fix", async () => {
    const dir = join(work, 'own-build-not-json');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'package.json'), '{"name": "half');
    await writeFile(join(dir, 'build.mjs'), await readFile(join(ROOT, 'generated/build.mjs')));
    const result = spawnSync(process.execPath, ['build.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error: package\.json cannot be read as JSON \(.*\)\.\n {2}fix: generate the package again/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs as a command: a missing folder is an error with the fix, exit code 1', () => {
    const result = runScript('scripts/build-package.ts', ['--dir', join(work, 'nowhere')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error: there is no folder \/.*nowhere\.\n {2}fix: pass the generated package's folder with --dir/,
    );
  });
});

describe('the CommonJS build (transpiled file by file beside the one tsc run)', () => {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');

  it.each([
    ['generated/', undefined],
    ['a package of hostile names', 'test/fixtures/faults/names.yaml'],
    ['a package of module-like names', 'test/fixtures/faults/module-names.yaml'],
  ])(
    'is byte for byte what a whole-program tsc CommonJS compile writes, .d.ts included: %s',
    async (label, spec) => {
      let dir: string;
      let distDir: string;
      if (spec === undefined) {
        // generated/ as the shared packed copy has it: built by the package's own build.mjs (its
        // prepack script), which buildPackage runs too (the bytes are compared above); its
        // folder is only read here, the whole-program output goes to a folder of this test's own.
        dir = packed.packageDir;
        distDir = join(dir, 'dist');
      } else {
        dir = join(work, `cjs-${label.replace(/\W+/g, '-')}`);
        await generate({ spec: join(ROOT, spec), out: dir, cache: false });
        await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
        distDir = (await buildPackage({ dir })).distDir;
      }
      const wholeProgram = join(work, `whole-program-cjs-${label.replace(/\W+/g, '-')}`);
      execFileSync(
        process.execPath,
        [tsc, '-p', 'tsconfig.json', '--outDir', wholeProgram].concat([
          '--module',
          'commonjs',
          '--moduleResolution',
          'node10',
        ]),
        { cwd: dir },
      );
      const cjs = await digests(join(distDir, 'cjs'));
      expect(cjs['package.json']).toBeDefined();
      delete cjs['package.json'];
      expect(cjs).toEqual(await digests(wholeProgram));
    },
  );
});
