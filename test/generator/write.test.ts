/**
 * The writer: rendering (header, formatting, order), the atomic swap of the output folder, files
 * the generator does not own surviving a regenerate, rollback on failure, and `--check`.
 */
import {
  cp,
  lstat,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { StructureKind } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedNotice, hasGeneratedHeader } from '../../generator/header.ts';
import {
  checkTree,
  describeCheck,
  describeOutOfDate,
  isUpToDate,
} from '../../generator/write/check.ts';
import {
  createFormatter,
  FormatPool,
  InThreadFormatter,
} from '../../generator/write/format-pool.ts';
import { renderFiles, type RenderedTree } from '../../generator/write/render.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { assertOutputFolder } from '../../generator/write/owned.ts';
import {
  recoverInterrupted,
  writeTreeAtomically,
  type WriteStep,
} from '../../generator/write/tree.ts';
import { interruptWrite } from '../../generator/write/interrupt.ts';
import { removeTempDirs, snapshotTree, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const NOTICE = generatedNotice({ specSource: 'spec/openapi.yaml' });

function tree(entries: Record<string, string>): RenderedTree {
  return new Map(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** An output folder from an earlier run, with the user's own files in it. */
async function previousOutput(): Promise<string> {
  const out = join(await tempDir('write-'), 'generated');
  await mkdir(join(out, 'src/resources'), { recursive: true });
  await mkdir(join(out, 'node_modules/openapi-fetch'), { recursive: true });
  await mkdir(join(out, 'dist'), { recursive: true });
  await writeFile(join(out, 'src/index.ts'), `// ${NOTICE}\nexport {};\n`);
  await writeFile(join(out, 'src/resources/old.ts'), `// ${NOTICE}\nexport {};\n`);
  await writeFile(
    join(out, 'package.json'),
    `{"name":"old","x-generated":{"notice":${JSON.stringify(NOTICE)}}}\n`,
  );
  await writeFile(
    join(out, 'CHANGELOG.md'),
    `<!-- ${NOTICE} -->\n\n# left from an earlier generator\n`,
  );
  await writeFile(join(out, 'LICENSE'), 'MIT, written by hand\n');
  await writeFile(join(out, '.gitignore'), 'dist/\n');
  await writeFile(join(out, 'node_modules/openapi-fetch/index.js'), 'export {};\n');
  await writeFile(join(out, 'dist/index.js'), 'export {};\n');
  await symlink('dist/index.js', join(out, 'main.js'));
  // The user's files inside folders the generator writes, and a file an earlier run wrote
  // without a header (listed in its generation record).
  await mkdir(join(out, 'src/lib'), { recursive: true });
  await writeFile(join(out, 'src/lib/helpers.ts'), 'export const mine = 1;\n');
  await writeFile(join(out, 'src/resources/notes.md'), '# notes by hand\n');
  await symlink('../dist/index.js', join(out, 'src/linked.js'));
  await writeFile(join(out, 'src/data.json'), '{"written":"by an earlier run"}\n');
  // A copy of a generated file someone made to extend it: it keeps the header, but no run wrote it.
  await writeFile(
    join(out, 'src/resources/old-extended.ts'),
    `// ${NOTICE}\nexport const extended = 1;\n`,
  );
  await writeFile(
    join(out, '.generation-record.json'),
    JSON.stringify({
      outputs: {
        'CHANGELOG.md': 'w',
        'src/data.json': 'x',
        'src/index.ts': 'y',
        'src/resources/old.ts': 'z',
      },
    }),
  );
  return out;
}

/** The user's entries in previousOutput(). */
const USER_ENTRIES = [
  'node_modules',
  'node_modules/openapi-fetch/index.js',
  'dist/index.js',
  'LICENSE',
  '.gitignore',
  'main.js',
  'src/lib/helpers.ts',
  'src/resources/notes.md',
  'src/resources/old-extended.ts',
  'src/linked.js',
];

const NEXT = tree({
  'package.json': '{"name":"new"}\n',
  'src/index.ts': 'export {};\n',
  'src/types.ts': 'export type A = 1;\n',
});

describe('renderFiles', () => {
  it('prints statements, puts the header on each file type that can hold one, formats, and sorts by path', async () => {
    const rendered = await renderFiles(
      [
        {
          path: 'src/z.ts',
          statements: [
            { kind: StructureKind.TypeAlias, name: 'Z', isExported: true, type: '{a:1,b:"x"}' },
          ],
        },
        { path: 'README.md', text: '# Title\n\n\n\nText   here.\n' },
        { path: 'package.json', text: '{"name":"x","files":["a"]}' },
        { path: 'tsconfig.json', text: '{"compilerOptions":{"strict":true}}' },
        { path: 'openapi.json', text: '{\n  "openapi": "3.1.0"\n}', format: false },
        { path: 'src/raw.ts', text: 'export   const  x = "kept as is";', format: false },
      ],
      NOTICE,
    );
    expect([...rendered.keys()]).toEqual([
      'README.md',
      'openapi.json',
      'package.json',
      'src/raw.ts',
      'src/z.ts',
      'tsconfig.json',
    ]);
    expect(rendered.get('src/z.ts')).toBe(`// ${NOTICE}\n\nexport type Z = { a: 1; b: 'x' };\n`);
    expect(rendered.get('README.md')).toBe(`<!-- ${NOTICE} -->\n\n# Title\n\nText here.\n`);
    // A manifest as prettier formats one by its name (json-stringify): each array item on its line.
    expect(rendered.get('package.json')).toBe('{\n  "name": "x",\n  "files": [\n    "a"\n  ]\n}\n');
    expect(rendered.get('tsconfig.json')).toBe(
      `// ${NOTICE}\n\n{ "compilerOptions": { "strict": true } }\n`,
    );
    expect(rendered.get('openapi.json')).toBe('{\n  "openapi": "3.1.0"\n}\n');
    expect(rendered.get('src/raw.ts')).toBe(`// ${NOTICE}\n\nexport   const  x = "kept as is";\n`);
    for (const path of ['src/z.ts', 'README.md', 'tsconfig.json'])
      expect(hasGeneratedHeader(rendered.get(path)!)).toBe(true);
  });

  it.each([
    ['a duplicate path', ['src/a.ts', 'src/a.ts'], /two emitters produced src\/a\.ts/],
    ['a path leaving the folder', ['../a.ts'], /not a relative path/],
    ['an absolute path', ['/a.ts'], /not a relative path/],
  ])('rejects %s', async (_name, paths, message) => {
    await expect(
      renderFiles(
        paths.map((path) => ({ path, text: '' })),
        NOTICE,
      ),
    ).rejects.toThrow(message);
  });
});

describe('writeTreeAtomically', () => {
  it('creates the folder (and its parents) when there is none', async () => {
    const out = join(await tempDir('write-'), 'a/b/generated');
    await writeTreeAtomically(out, NEXT);
    expect(await snapshotTree(out)).toEqual({
      'package.json': Buffer.from('{"name":"new"}\n').toString('base64'),
      src: 'dir',
      'src/index.ts': Buffer.from('export {};\n').toString('base64'),
      'src/types.ts': Buffer.from('export type A = 1;\n').toString('base64'),
    });
    expect((await stat(out)).mode & 0o777).toBe(0o755);
  });

  it("replaces the generator's files and keeps the user's (node_modules, dist, LICENSE, dotfiles, symlinks)", async () => {
    const out = await previousOutput();
    const before = await snapshotTree(out);
    await writeTreeAtomically(out, NEXT);
    const after = await snapshotTree(out);

    for (const kept of USER_ENTRIES) expect(after[kept], kept).toBe(before[kept]);
    // Owned: rewritten, and what the new run does not write is gone (old resource, old header-marked file).
    expect(await readFile(join(out, 'package.json'), 'utf8')).toBe('{"name":"new"}\n');
    expect(after['src/resources/old.ts']).toBeUndefined();
    expect(after['src/data.json']).toBeUndefined();
    expect(after['CHANGELOG.md']).toBeUndefined();
    expect(after['src/types.ts']).toBeDefined();
    expect(await readdir(dirname(out))).toEqual([basename(out)]);
  });

  it("without a generation record, a file with the header counts as an earlier run's: removed when not written now", async () => {
    const out = await previousOutput();
    await rm(join(out, '.generation-record.json'));
    await writeTreeAtomically(out, NEXT);
    const after = await snapshotTree(out);
    expect(after['src/resources/old.ts']).toBeUndefined();
    expect(after['src/resources/old-extended.ts']).toBeUndefined();
    expect(after['src/lib/helpers.ts']).toBeDefined();
  });

  it.each<WriteStep>(['staged', 'committed', 'backed-up', 'moved'])(
    'leaves the folder exactly as it was when it fails after step "%s"',
    async (failAt) => {
      const out = await previousOutput();
      const before = await snapshotTree(out);
      await expect(
        writeTreeAtomically(out, NEXT, {
          afterStep: (step) => {
            if (step === failAt) throw new Error(`disk full after ${step}`);
          },
        }),
      ).rejects.toThrow(`disk full after ${failAt}`);
      expect(await snapshotTree(out)).toEqual(before);
      expect(await readdir(dirname(out))).toEqual([basename(out)]);
    },
  );

  it('leaves the folder exactly as it was when writing a file fails', async () => {
    const out = await previousOutput();
    const before = await snapshotTree(out);
    // `src` as a file and as a folder: the second write fails (EISDIR/ENOTDIR).
    await expect(writeTreeAtomically(out, tree({ src: 'x', 'src/a.ts': 'y' }))).rejects.toThrow();
    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(dirname(out))).toEqual([basename(out)]);
  });

  it('refuses to replace the files of a folder that is not a generated package (e.g. --out .)', async () => {
    const out = join(await tempDir('write-'), 'project');
    await mkdir(join(out, 'src'), { recursive: true });
    await writeFile(join(out, 'package.json'), '{"name":"my-project"}\n');
    await writeFile(join(out, 'src/main.ts'), 'console.log(1);\n');
    const before = await snapshotTree(out);
    await expect(writeTreeAtomically(out, NEXT)).rejects.toThrow(
      /neither empty nor a package this generator wrote .*; it holds package\.json, src/,
    );
    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(dirname(out))).toEqual([basename(out)]);
  });

  it('writes into an existing folder that holds none of its files', async () => {
    const out = join(await tempDir('write-'), 'fresh');
    await mkdir(join(out, 'node_modules'), { recursive: true });
    await writeTreeAtomically(out, NEXT);
    expect(Object.keys(await snapshotTree(out))).toEqual([
      'node_modules',
      'package.json',
      'src',
      'src/index.ts',
      'src/types.ts',
    ]);
  });

  it('says so when something else makes the new output folder while the package is written', async () => {
    const out = join(await tempDir('write-'), 'generated');
    const error = await writeTreeAtomically(out, NEXT, {
      afterStep: async (step) => {
        if (step !== 'staged') return;
        await mkdir(out);
        await writeFile(join(out, 'notes.txt'), 'mine\n');
      },
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/made by something else/);
    expect(await readdir(out)).toEqual(['notes.txt']);
    expect(await readdir(dirname(out))).toEqual(['generated']);
  });

  it('refuses an output path that is a file', async () => {
    const file = join(await tempDir('write-'), 'generated');
    await writeFile(file, 'not a folder');
    await expect(writeTreeAtomically(file, NEXT)).rejects.toThrow(/is a file, not a folder/);
    expect(await readFile(file, 'utf8')).toBe('not a folder');
  });
});

describe('where output may go', () => {
  it('refuses a non-empty folder that is not a generated package, even when no file would clash (e.g. --out spec)', async () => {
    const out = join(await tempDir('write-'), 'spec');
    await mkdir(join(out, 'paths'), { recursive: true });
    await writeFile(join(out, 'openapi.yaml'), 'openapi: 3.1.0\n');
    const before = await snapshotTree(out);
    const error = await writeTreeAtomically(out, NEXT).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/it holds openapi\.yaml, paths/);
    expect(await snapshotTree(out)).toEqual(before);
  });

  it('accepts a folder holding only a repository’s files (.git, LICENSE, node_modules)', async () => {
    const out = join(await tempDir('write-'), 'sdk');
    await mkdir(join(out, '.git'), { recursive: true });
    await writeFile(join(out, 'LICENSE'), 'MIT\n');
    await writeTreeAtomically(out, NEXT);
    expect(await readFile(join(out, 'LICENSE'), 'utf8')).toBe('MIT\n');
    expect(await readFile(join(out, 'package.json'), 'utf8')).toBe('{"name":"new"}\n');
  });

  it('writes through a symlinked output folder and keeps the link', async () => {
    const dir = await tempDir('write-');
    const real = await previousOutput();
    await symlink(real, join(dir, 'link'));
    await writeTreeAtomically(join(dir, 'link'), NEXT);
    expect((await lstat(join(dir, 'link'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(real, 'package.json'), 'utf8')).toBe('{"name":"new"}\n');
  });

  it('writes a new folder where a symlinked output path leads when nothing is there yet', async () => {
    const dir = await tempDir('write-');
    // generated -> hop -> sdk/package, which does not exist yet.
    await symlink('sdk/package', join(dir, 'hop'));
    await symlink('hop', join(dir, 'generated'));
    await writeTreeAtomically(join(dir, 'generated'), NEXT);
    expect((await lstat(join(dir, 'generated'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'sdk/package/package.json'), 'utf8')).toBe('{"name":"new"}\n');
  });

  it('refuses an output path that is a loop of symlinks, naming it', async () => {
    const dir = await tempDir('write-');
    await symlink('b', join(dir, 'a'));
    await symlink('a', join(dir, 'b'));
    const error = await writeTreeAtomically(join(dir, 'a'), NEXT).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/symbolic link that leads to itself/);
  });

  it.each([
    ['the file system root', () => '/', /it is the root of the file system/],
    ['the home folder', () => homedir(), /it is the home folder/],
    ['the working folder', (cwd: string) => cwd, /it is the working folder or holds it/],
    ['a folder above the working folder', (cwd: string) => dirname(cwd), /holds it/],
    [
      'the spec’s folder',
      (cwd: string) => join(cwd, 'spec'),
      /it holds the spec \(spec\/openapi\.yaml\)/,
    ],
  ])('refuses %s before any work', async (_name, out, problem) => {
    const cwd = join(await tempDir('write-'), 'project');
    await mkdir(join(cwd, 'spec'), { recursive: true });
    const error = await assertOutputFolder({
      cwd,
      outDir: out(cwd),
      specPath: join(cwd, 'spec/openapi.yaml'),
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(problem);
    expect((error as GeneratorError).location.file).toBe('--out');
    expect((error as GeneratorError).hint).toMatch(/new or empty folder/);
  });
});

describe('writing only what changes', () => {
  /** A package's files, with the generation record that lists them, as the generator writes it. */
  function pkg(entries: Record<string, string>): RenderedTree {
    const outputs = Object.fromEntries(Object.keys(entries).map((path) => [path, 'sha']));
    return tree({ ...entries, '.generation-record.json': `${JSON.stringify({ outputs })}\n` });
  }

  /** Each file's inode and modification time, by path. */
  async function identities(dir: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const path of Object.keys(await snapshotTree(dir))) {
      const info = await lstat(join(dir, path));
      if (info.isFile()) out[path] = `${info.ino}:${info.mtimeMs}`;
    }
    return out;
  }

  it('leaves every file whose bytes do not change as it is (inode and mtime), and writes the rest', async () => {
    const out = join(await tempDir('write-'), 'generated');
    const first = pkg({
      'package.json': '{"name":"a"}\n',
      'src/index.ts': 'export {};\n',
      'src/types.ts': 'export type A = 1;\n',
      'src/resources/plans.ts': 'export {};\n',
      'src/resources/addons.ts': 'export {};\n',
    });
    await writeTreeAtomically(out, first);
    await writeFile(join(out, 'src/mine.ts'), 'export const mine = 1;\n');
    const before = await identities(out);
    // Later mtimes would show on any file written again.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const next = new Map(first);
    next.set('src/types.ts', 'export type A = 2;\n');
    next.delete('src/resources/addons.ts');
    next.set('src/resources/sims.ts', 'export {};\n');
    await writeTreeAtomically(out, next);
    const after = await identities(out);
    for (const path of ['package.json', 'src/index.ts', 'src/resources/plans.ts', 'src/mine.ts'])
      expect(after[path], path).toBe(before[path]);
    expect(after['src/types.ts']).not.toBe(before['src/types.ts']);
    expect(await readFile(join(out, 'src/types.ts'), 'utf8')).toBe('export type A = 2;\n');
    expect(after['src/resources/addons.ts']).toBeUndefined();
    expect(after['src/resources/sims.ts']).toBeDefined();
    expect(
      Object.keys(await snapshotTree(out)).filter((path) => path.includes('generating')),
    ).toEqual([]);
  });

  it('changes nothing at all, not even the folder’s modification time, when no file changes', async () => {
    const out = join(await tempDir('write-'), 'generated');
    const same = pkg({ 'package.json': '{}\n', 'src/index.ts': 'export {};\n' });
    await writeTreeAtomically(out, same);
    const before = (await stat(out)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeTreeAtomically(out, same);
    expect((await stat(out)).mtimeMs).toBe(before);
  });

  it('writes into a folder whose files were all deleted by hand (an empty folder where a folder goes)', async () => {
    const out = join(await tempDir('write-'), 'generated');
    const files = pkg({ 'package.json': '{}\n', 'src/resources/plans.ts': 'x\n' });
    await writeTreeAtomically(out, files);
    await rm(join(out, 'src/resources/plans.ts'));
    await writeTreeAtomically(out, files);
    expect(await readFile(join(out, 'src/resources/plans.ts'), 'utf8')).toBe('x\n');
  });

  it('takes away the files of a top-level folder an earlier run wrote and this one does not', async () => {
    const out = join(await tempDir('write-'), 'generated');
    await writeTreeAtomically(
      out,
      pkg({ 'package.json': '{}\n', 'testing/package.json': '{}\n', 'testing/index.js': 'x\n' }),
    );
    await writeFile(join(out, 'testing/mine.js'), 'mine\n');
    await writeTreeAtomically(out, pkg({ 'package.json': '{}\n' }));
    expect(Object.keys(await snapshotTree(out))).toEqual([
      '.generation-record.json',
      'package.json',
      'testing',
      'testing/mine.js',
    ]);
  });

  it('takes away the folders its removed files leave empty, and none of the user’s', async () => {
    const out = join(await tempDir('write-'), 'generated');
    await writeTreeAtomically(
      out,
      pkg({
        'package.json': '{}\n',
        'src/index.ts': 'export {};\n',
        'src/tags/a/plans.ts': 'x\n',
      }),
    );
    await mkdir(join(out, 'src/empty-of-mine'));
    await writeTreeAtomically(out, pkg({ 'package.json': '{}\n', 'src/index.ts': 'export {};\n' }));
    expect(Object.keys(await snapshotTree(out))).toEqual([
      '.generation-record.json',
      'package.json',
      'src',
      'src/empty-of-mine',
      'src/index.ts',
    ]);
  });

  it("replaces the generator's own folder where a file goes now, and its own file where a folder goes", async () => {
    const out = join(await tempDir('write-'), 'generated');
    await writeTreeAtomically(
      out,
      pkg({
        'package.json': '{}\n',
        'src/plans/index.ts': 'a\n',
        'src/plans/more.ts': 'b\n',
        'src/sims': 'c\n',
      }),
    );
    const next = pkg({ 'package.json': '{}\n', 'src/plans': 'd\n', 'src/sims/index.ts': 'e\n' });
    await writeTreeAtomically(out, next);
    const { '.generation-record.json': _record, ...after } = await snapshotTree(out);
    expect(after).toEqual({
      'package.json': Buffer.from('{}\n').toString('base64'),
      src: 'dir',
      'src/plans': Buffer.from('d\n').toString('base64'),
      'src/sims': 'dir',
      'src/sims/index.ts': Buffer.from('e\n').toString('base64'),
    });
  });

  it.each<WriteStep>(['staged', 'committed', 'backed-up', 'moved'])(
    'undoes new folders and replaced files exactly when it fails after step "%s"',
    async (failAt) => {
      const out = join(await tempDir('write-'), 'generated');
      await writeTreeAtomically(
        out,
        pkg({ 'package.json': '{}\n', 'src/plans/index.ts': 'a\n', 'src/sims': 'c\n' }),
      );
      await writeFile(join(out, 'src/mine.ts'), 'mine\n');
      const before = await snapshotTree(out);
      let moves = 0;
      await expect(
        writeTreeAtomically(
          out,
          pkg({
            'package.json': '{}\n',
            'src/plans': 'd\n',
            'src/sims/index.ts': 'e\n',
            'src/new/deep/x.ts': 'f\n',
          }),
          {
            afterStep: (step) => {
              const once = step === 'staged' || step === 'committed';
              if (step === failAt && (once || ++moves === 3)) throw new Error('disk full');
            },
          },
        ),
      ).rejects.toThrow('disk full');
      expect(await snapshotTree(out)).toEqual(before);
    },
  );

  it.each([
    [
      'file',
      async (out: string) => writeFile(join(out, 'src/plans'), 'mine\n'),
      /your file \(src\/plans\)/,
    ],
    [
      'link',
      async (out: string) => symlink('../dist', join(out, 'src/plans')),
      /your link \(src\/plans\)/,
    ],
    [
      'folder',
      async (out: string) => {
        await mkdir(join(out, 'src/index.ts'));
        await writeFile(join(out, 'src/index.ts/notes.md'), 'mine\n');
      },
      /a folder holding your file src\/index\.ts\/notes\.md \(src\/index\.ts\)/,
    ],
    [
      'file without the header at a path it writes now',
      async (out: string) => writeFile(join(out, 'src/index.ts'), 'mine\n'),
      /your file \(src\/index\.ts\) is where the generator now writes src\/index\.ts/,
    ],
    [
      'link at a path it writes now',
      async (out: string) => symlink('types.ts', join(out, 'src/index.ts')),
      /your link \(src\/index\.ts\)/,
    ],
    [
      'link to a folder elsewhere, in place of the folder it writes at the top (src)',
      async (out: string) => {
        await rename(join(out, 'src'), join(dirname(out), 'elsewhere'));
        await symlink('../elsewhere', join(out, 'src'));
      },
      /your link \(src\) is where the generator now writes src\//,
    ],
    [
      'file at the top named like a folder it writes now',
      async (out: string) => writeFile(join(out, 'testing'), 'mine\n'),
      /your file \(testing\) is where the generator now writes testing\/package\.json/,
    ],
    [
      'empty folder where a file goes',
      async (out: string) => mkdir(join(out, 'src/index.ts')),
      /your empty folder \(src\/index\.ts\)/,
    ],
    [
      'empty folder inside a folder where a file goes',
      async (out: string) => mkdir(join(out, 'src/index.ts/empty'), { recursive: true }),
      /a folder holding your empty folder src\/index\.ts\/empty \(src\/index\.ts\)/,
    ],
  ])(
    "refuses to move the user's %s out of the way, and changes nothing",
    async (_kind, place, message) => {
      const out = join(await tempDir('write-'), 'generated');
      await writeTreeAtomically(out, pkg({ 'package.json': '{}\n', 'src/types.ts': 'a\n' }));
      await place(out);
      const before = await snapshotTree(out);
      const error = await writeTreeAtomically(
        out,
        pkg({
          'package.json': '{"v":2}\n',
          'src/index.ts': 'b\n',
          'src/plans/index.ts': 'c\n',
          'testing/package.json': '{}\n',
        }),
      ).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(GeneratorError);
      expect((error as GeneratorError).message).toMatch(message);
      expect((error as GeneratorError).hint).toMatch(/move it/);
      expect(await snapshotTree(out)).toEqual(before);
    },
  );

  it("refuses a .prettierignore of the user's own where the package's goes, saying to delete it", async () => {
    const out = join(await tempDir('write-'), 'generated');
    await writeTreeAtomically(out, pkg({ 'package.json': '{}\n' }));
    await writeFile(join(out, '.prettierignore'), 'src\n');
    const before = await snapshotTree(out);
    const error = await writeTreeAtomically(
      out,
      pkg({ 'package.json': '{}\n', '.prettierignore': 'dist\n' }),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(
      /your file \(\.prettierignore\) is where the generator now writes \.prettierignore/,
    );
    expect((error as GeneratorError).hint).toMatch(
      /^delete it, or move it out of the package: the generator writes the package's \.prettierignore itself/,
    );
    expect(await snapshotTree(out)).toEqual(before);
  });
});

describe('recovery after a killed run', () => {
  it('deletes a staging folder without a plan: the old package was never touched', async () => {
    const out = await previousOutput();
    const before = await snapshotTree(out);
    await mkdir(join(out, '.generating-999999-abcd1234/new/src'), { recursive: true });
    await writeFile(join(out, '.generating-999999-abcd1234/new/package.json'), 'half');
    await recoverInterrupted(out);
    expect(await snapshotTree(out)).toEqual(before);
  });

  it('rolls a saved plan forward, whatever step it stopped at, and keeps the user’s files', async () => {
    const out = await previousOutput();
    const before = await snapshotTree(out);
    let stop = 0;
    // Stop (as a kill would) after the plan is saved and one entry is swapped.
    await writeTreeAtomically(out, NEXT, {
      afterStep: async (step) => {
        if (step === 'moved' && ++stop === 2) {
          await cp(out, `${out}-frozen`, { recursive: true, verbatimSymlinks: true });
          throw new Error('frozen');
        }
      },
    }).catch(() => undefined);
    const frozen = `${out}-frozen`;
    expect((await readdir(frozen)).some((name) => name.startsWith('.generating-'))).toBe(true);
    await recoverInterrupted(frozen);
    const after = await snapshotTree(frozen);
    for (const kept of USER_ENTRIES) expect(after[kept], kept).toBe(before[kept]);
    expect(await readFile(join(frozen, 'package.json'), 'utf8')).toBe('{"name":"new"}\n');
    expect(after['src/types.ts']).toBeDefined();
    expect(after['src/resources/old.ts']).toBeUndefined();
    expect(Object.keys(after).filter((path) => path.startsWith('.generating-'))).toEqual([]);
  });

  it.each([
    ['a path out of the folder', { install: [], remove: ['../outside.txt'] }],
    ['an absolute path', { install: ['/tmp/x'], remove: [] }],
    ['a path through ..', { install: [], remove: ['src/../../outside.txt'] }],
    ['a created folder out of the folder', { install: [], remove: [], create: ['..'] }],
    ['a repository’s entry (LICENSE)', { install: [], remove: ['LICENSE'] }],
    [
      'a repository’s entry (node_modules)',
      { install: [], remove: ['node_modules/openapi-fetch'] },
    ],
  ])(
    'follows no plan that names %s: a staging folder may not be a killed run’s',
    async (_what, plan) => {
      const out = await previousOutput();
      const outside = join(dirname(out), 'outside.txt');
      await writeFile(outside, 'the user’s\n');
      const before = await snapshotTree(out);
      const staging = join(out, '.generating-999999-abcd1234');
      await mkdir(join(staging, 'old'), { recursive: true });
      await writeFile(join(staging, 'plan.json'), JSON.stringify(plan));
      await recoverInterrupted(out);
      expect(await snapshotTree(out)).toEqual(before);
      expect(await readFile(outside, 'utf8')).toBe('the user’s\n');
    },
  );

  it('follows no plan whose paths go through a link', async () => {
    const out = await previousOutput();
    const elsewhere = join(dirname(out), 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(join(elsewhere, 'x'), 'the user’s\n');
    await symlink(elsewhere, join(out, 'src/evil'));
    const staging = join(out, '.generating-999999-abcd1234');
    await mkdir(join(staging, 'old'), { recursive: true });
    await writeFile(
      join(staging, 'plan.json'),
      JSON.stringify({ install: [], remove: ['src/evil/x'] }),
    );
    await recoverInterrupted(out);
    expect(await readFile(join(elsewhere, 'x'), 'utf8')).toBe('the user’s\n');
  });

  it('follows no plan that would take files from a new/ that is a link', async () => {
    const out = await previousOutput();
    const elsewhere = join(dirname(out), 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(join(elsewhere, 'x'), 'the user’s\n');
    const staging = join(out, '.generating-999999-abcd1234');
    await mkdir(staging);
    await symlink(elsewhere, join(staging, 'new'));
    await writeFile(join(staging, 'plan.json'), JSON.stringify({ install: ['x'], remove: [] }));
    await recoverInterrupted(out);
    expect(await readFile(join(elsewhere, 'x'), 'utf8')).toBe('the user’s\n');
    expect(await readdir(out)).not.toContain('x');
  });

  it('follows no plan in a staging folder that is a link', async () => {
    const out = await previousOutput();
    const elsewhere = join(dirname(out), 'elsewhere');
    await mkdir(join(elsewhere, 'old'), { recursive: true });
    await writeFile(
      join(elsewhere, 'plan.json'),
      JSON.stringify({ install: [], remove: ['LICENSE'] }),
    );
    await symlink(elsewhere, join(out, '.generating-999999-abcd1234'));
    await recoverInterrupted(out);
    expect(await readFile(join(out, 'LICENSE'), 'utf8')).toBe('MIT, written by hand\n');
    expect(await readdir(join(elsewhere, 'old'))).toEqual([]);
  });

  it('refuses to write while another live run is writing the same folder', async () => {
    const out = await previousOutput();
    // pid 1 is always alive; the folder's modification time is fresh, as a live run keeps it.
    await mkdir(join(out, '.generating-1-abcd1234'));
    await expect(writeTreeAtomically(out, NEXT)).rejects.toThrow(
      /another generator run \(process 1\)/,
    );
  });

  it('takes a leftover whose process id now belongs to another process for a leftover', async () => {
    const out = await previousOutput();
    // pid 1 is alive, but the folder's mark went stale a minute ago: not a live run's.
    const leftover = join(out, '.generating-1-abcd1234');
    await mkdir(join(leftover, 'new/src'), { recursive: true });
    await writeFile(join(leftover, 'new/src/half.ts'), 'half');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(leftover, aMinuteAgo, aMinuteAgo);
    await writeTreeAtomically(out, NEXT);
    expect(await readFile(join(out, 'package.json'), 'utf8')).toBe('{"name":"new"}\n');
    expect((await readdir(out)).filter((name) => name.startsWith('.generating-'))).toEqual([]);
  });

  it('keeps a run mid-write in this process (the dev server) from another one writing the same folder', async () => {
    const out = await previousOutput();
    let resume = () => {};
    let paused = () => {};
    const atPause = new Promise<void>((resolve) => (paused = resolve));
    const first = writeTreeAtomically(out, NEXT, {
      afterStep: async (step) => {
        if (step !== 'staged') return;
        paused();
        await new Promise<void>((resolve) => (resume = resolve));
      },
    });
    await atPause;
    const second = tree({ 'package.json': '{"name":"second"}\n', 'src/index.ts': 'x\n' });
    await expect(writeTreeAtomically(out, second)).rejects.toThrow(/another generator run/);
    resume();
    await first;
    expect(await readFile(join(out, 'package.json'), 'utf8')).toBe('{"name":"new"}\n');
    expect(await readFile(join(out, 'src/types.ts'), 'utf8')).toBe('export type A = 1;\n');
  });

  it('never lets two runs that start together both write: the folder holds one whole package', async () => {
    for (let round = 0; round < 5; round++) {
      const out = await previousOutput();
      const before = await snapshotTree(out);
      const a = tree({
        'package.json': '{"name":"a"}\n',
        'src/a.ts': 'a\n',
        'src/index.ts': 'a\n',
      });
      const b = tree({
        'package.json': '{"name":"b"}\n',
        'src/b.ts': 'b\n',
        'src/index.ts': 'b\n',
      });
      const results = await Promise.allSettled([
        writeTreeAtomically(out, a),
        writeTreeAtomically(out, b),
      ]);
      const written = results.flatMap((result, i) =>
        result.status === 'fulfilled' ? [i === 0 ? 'a' : 'b'] : [],
      );
      expect(written.length, `round ${round}`).toBeLessThanOrEqual(1);
      for (const result of results)
        if (result.status === 'rejected')
          expect(String(result.reason)).toMatch(/another generator run/);
      const after = await snapshotTree(out);
      expect(Object.keys(after).filter((path) => path.includes('generating'))).toEqual([]);
      if (written.length === 0) expect(after).toEqual(before);
      else {
        const name = written[0]!;
        const other = name === 'a' ? 'b' : 'a';
        expect(await readFile(join(out, 'package.json'), 'utf8')).toBe(`{"name":"${name}"}\n`);
        expect(await readFile(join(out, 'src/index.ts'), 'utf8')).toBe(`${name}\n`);
        expect(after[`src/${name}.ts`]).toBeDefined();
        expect(after[`src/${other}.ts`]).toBeUndefined();
      }
    }
  });

  it('keeps each replaced file in place until its new version is renamed over it', async () => {
    const out = join(await tempDir('write-'), 'generated');
    const manifest = `{"x-generated":{"notice":${JSON.stringify(NOTICE)}}}\n`;
    await writeTreeAtomically(
      out,
      tree({ 'package.json': manifest, 'src/index.ts': `// ${NOTICE}\nold\n` }),
    );
    const seen: string[] = [];
    await writeTreeAtomically(
      out,
      tree({ 'package.json': manifest, 'src/index.ts': `// ${NOTICE}\nnew\n` }),
      {
        afterStep: async (step) => {
          if (step === 'backed-up') seen.push(await readFile(join(out, 'src/index.ts'), 'utf8'));
        },
      },
    );
    expect(seen).toEqual([`// ${NOTICE}\nold\n`]);
    expect(await readFile(join(out, 'src/index.ts'), 'utf8')).toBe(`// ${NOTICE}\nnew\n`);
  });

  it('is never rolled forward again once done, even if its staging folder is only partly removed', async () => {
    const out = await previousOutput();
    const frozen = `${out}-frozen`;
    await writeTreeAtomically(out, NEXT, {
      afterStep: async (step) => {
        if (step !== 'written') return;
        await cp(out, frozen, { recursive: true, verbatimSymlinks: true });
        // What a kill in the middle of removing the staging folder leaves.
        const [staging] = (await readdir(frozen)).filter((name) => name.startsWith('.generating-'));
        await rm(join(frozen, staging!, 'old'), { recursive: true, force: true });
      },
    });
    const expected = await snapshotTree(out);
    await recoverInterrupted(frozen);
    expect(await snapshotTree(frozen)).toEqual(expected);
  });

  it('stops, and rolls nothing back, when another run took its work over while it was stopped', async () => {
    const out = await previousOutput();
    let moves = 0;
    const error = await writeTreeAtomically(out, NEXT, {
      afterStep: async (step) => {
        // What a run that took this one for a leftover does: finish the plan, then remove it.
        if (step === 'moved' && ++moves === 1) {
          const [staging] = (await readdir(out)).filter((name) => name.startsWith('.generating-'));
          await rm(join(out, staging!, 'plan.json'));
        }
      },
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/another generator run finished its work/);
  });

  it('lets a signal that comes once the new package is in place wait for the run to finish', async () => {
    const out = await previousOutput();
    let state: string | undefined;
    await writeTreeAtomically(out, NEXT, {
      afterStep: (step) => {
        if (step === 'written') state = interruptWrite();
      },
    });
    expect(state).toBe('finishing');
    expect(interruptWrite()).toBe('idle');
  });
});

describe('checkTree', () => {
  it('lists added, changed and removed owned files, and ignores the user’s files', async () => {
    const out = await previousOutput();
    const before = await snapshotTree(out);
    const result = await checkTree(out, NEXT);
    expect(result).toEqual({
      added: ['src/types.ts'],
      changed: ['package.json', 'src/index.ts'],
      removed: ['CHANGELOG.md', 'src/data.json', 'src/resources/old.ts'],
    });
    expect(describeCheck(result)).toEqual([
      '  removed CHANGELOG.md',
      '  changed package.json',
      '  removed src/data.json',
      '  changed src/index.ts',
      '  removed src/resources/old.ts',
      '  added   src/types.ts',
    ]);
    expect(await snapshotTree(out)).toEqual(before);
  });

  it('counts as changed what the writer would write again: files seen through a linked folder', async () => {
    const out = await previousOutput();
    await writeTreeAtomically(out, NEXT);
    // src moved elsewhere and linked back: every file reads the same, but none is in place.
    await rename(join(out, 'src'), join(dirname(out), 'elsewhere'));
    await symlink('../elsewhere', join(out, 'src'));
    const { api: _api, ...files } = await checkTree(out, NEXT);
    expect(files).toEqual({ added: [], changed: ['src/index.ts', 'src/types.ts'], removed: [] });
    await expect(writeTreeAtomically(out, NEXT)).rejects.toThrow(/your link \(src\)/);
  });

  it('is not up to date while a killed run’s saved plan waits to be finished', async () => {
    const out = await previousOutput();
    await writeTreeAtomically(out, NEXT);
    expect(isUpToDate(await checkTree(out, NEXT))).toBe(true);
    // A run of another spec, killed after saving its plan: the next generate rolls it forward.
    await mkdir(join(out, '.generating-999999-abcd1234/new'), { recursive: true });
    await writeFile(
      join(out, '.generating-999999-abcd1234/plan.json'),
      JSON.stringify({ install: [], remove: ['src/types.ts'] }),
    );
    const result = await checkTree(out, NEXT);
    expect(isUpToDate(result)).toBe(false);
    expect(describeOutOfDate(result, 'generated', 'spec/openapi.yaml')).toMatch(
      /A run was killed while it put its files in place \(generated\/\.generating-999999-abcd1234\)/,
    );
  });

  it('finds nothing to do right after a write', async () => {
    const out = await previousOutput();
    await writeTreeAtomically(out, NEXT);
    expect(await checkTree(out, NEXT)).toEqual({ added: [], changed: [], removed: [] });
  });
});

describe('formatters', () => {
  const files: [string, string][] = [
    ['src/a.ts', 'export const a = {x:1,y:"two"}'],
    ['README.md', '# Title\n\n\n\ntext'],
    ['data.json', '{"a":[1,2]}'],
    ['LICENSE', 'kept   as is'],
  ];

  it.each([
    ['worker pool', () => createFormatter(1)],
    ['main thread', () => new InThreadFormatter()],
  ])(
    'the %s formats like prettier with the fixed options, and leaves unknown file types alone',
    async (_name, make) => {
      const formatter = make();
      const out = await Promise.all(files.map(([path, text]) => formatter.format(path, text)));
      expect(out).toEqual([
        "export const a = { x: 1, y: 'two' };\n",
        '# Title\n\ntext\n',
        '{ "a": [1, 2] }\n',
        'kept   as is',
      ]);
      await formatter.close();
    },
  );

  it.each([
    ['worker pool', () => createFormatter(1)],
    ['main thread', () => new InThreadFormatter()],
  ])('the %s rejects text prettier cannot parse, naming the cause', async (_name, make) => {
    const formatter = make();
    await expect(formatter.format('src/broken.ts', 'export const = ;')).rejects.toThrow(
      /Unexpected token|Expression expected|Variable declaration expected/,
    );
    // …and keeps working afterwards.
    await expect(formatter.format('src/ok.ts', 'let  x=1')).resolves.toBe('let x = 1;\n');
    await formatter.close();
  });

  it('a worker with two files in flight answers each for itself: a broken one does not fail the other', async () => {
    const pool = new FormatPool(1);
    const broken = pool.format('src/broken.ts', 'export const = ;');
    const good = pool.format('src/good.ts', 'let  x=1');
    const after = pool.format('src/after.ts', 'let  y=2');
    expect(pool.inFlight).toBe(2);
    await expect(broken).rejects.toThrow(/prettier failed on src\/broken\.ts/);
    await expect(good).resolves.toBe('let x = 1;\n');
    await expect(after).resolves.toBe('let y = 2;\n');
    await pool.terminate();
  });

  it('the worker pool takes the longest waiting file first and grows to its size when files wait', async () => {
    const pool = new FormatPool(1);
    const done: string[] = [];
    const job = (name: string, statements: number) =>
      pool
        .format(`src/${name}.ts`, 'export const a = {x:1};\n'.repeat(statements))
        .then(() => done.push(name));
    // The first two files go to the worker at once (it has the second when it finishes the
    // first); the others wait and are taken longest first.
    const all = Promise.all([
      job('first', 2000),
      job('second', 1),
      job('small', 1),
      job('large', 400),
      job('medium', 40),
    ]);
    expect(pool.inFlight).toBe(2);
    await all;
    expect(done).toEqual(['first', 'second', 'large', 'medium', 'small']);
    expect(pool.inFlight).toBe(0);
    await pool.terminate();

    const two = new FormatPool(2);
    const texts = Array.from({ length: 6 }, (_, i) => `export const v${i} = [${i},${i}]`);
    expect(await Promise.all(texts.map((text, i) => two.format(`src/f${i}.ts`, text)))).toEqual(
      texts.map((_, i) => `export const v${i} = [${i}, ${i}];\n`),
    );
    expect(two.workerCount).toBe(2);
    await two.terminate();
  });
});
