/**
 * The CLI on bad input: each case exits non-zero with a message that names the file, the place
 * (line or JSON pointer) and a fix, and a pre-existing output folder is byte-for-byte unchanged.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstat, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { runScript } from '../helpers/run.ts';
import { ROOT } from '../helpers/spec.ts';
import { existingOutput, removeTempDirs, snapshotTree, tempDir, writeSpec } from './helpers.ts';

/** What `npm run generate` runs: the generator's CLI, compiled (scripts/generator-build.mjs). */
const CLI = 'scripts/generate.mjs';
const BAD = 'test/fixtures/specs/bad';

afterAll(removeTempDirs);

const cases: [string, { spec: string; want: RegExp[] }][] = [
  [
    'missing file',
    {
      spec: `${BAD}/no-such-file.yaml`,
      want: [/no-such-file\.yaml: spec file not found/, /fix: .*--spec/],
    },
  ],
  [
    'invalid YAML',
    {
      spec: `${BAD}/invalid-yaml.yaml`,
      want: [
        /bad\/invalid-yaml\.yaml:9:\d+: invalid YAML: bad indentation/,
        /fix: fix the YAML syntax at that line/,
      ],
    },
  ],
  [
    'Swagger 2.0 instead of OpenAPI 3',
    {
      spec: `${BAD}/not-openapi.yaml`,
      want: [
        /not-openapi\.yaml:\d+:\d+ #\/swagger: not an OpenAPI 3\.0 or 3\.1 document: found `swagger: "2\.0"`/,
        /supports OpenAPI 3\.0\.x or 3\.1\.x/,
      ],
    },
  ],
  [
    'OpenAPI 3.2',
    {
      spec: `${BAD}/unsupported-version.yaml`,
      want: [
        /unsupported-version\.yaml:\d+:\d+ #\/openapi: not an OpenAPI 3\.0 or 3\.1 document: found `openapi: "3\.2\.0"`/,
      ],
    },
  ],
  [
    'unresolvable $ref',
    {
      spec: `${BAD}/unresolvable-ref.yaml`,
      want: [
        /unresolvable-ref\.yaml:15:\d+ #\/paths\/~1plans\/get\/responses\/200\/content\/application~1json\/schema: cannot resolve \$ref "\.\/components\.yaml#\/schemas\/PlanList"/,
        /fix: add `PlanList` under #\/schemas of \.\/components\.yaml, or point the \$ref at a place that is there/,
      ],
    },
  ],
  [
    'two operations mapped to the same method',
    {
      spec: `${BAD}/duplicate-method.yaml`,
      want: [
        /duplicate-method\.yaml:16:21 #\/paths\/~1plans~1search\/post\/x-sdk-method: two operations are mapped to plans\.list: GET \/plans \(#\/paths\/~1plans\/get\) and POST \/plans\/search/,
        /fix: give one of them a different `x-sdk-method`/,
      ],
    },
  ],
  [
    'pagination naming a property the response does not have',
    {
      spec: `${BAD}/pagination-unknown-field.yaml`,
      want: [
        /#\/paths\/~1plans\/get\/x-sdk-pagination\/nextCursorField: .*"nextPage"/,
        /its properties: items, moreItemsAfter/,
      ],
    },
  ],
  [
    'a YAML alias bomb',
    {
      spec: `${BAD}/alias-bomb.yaml`,
      want: [/alias-bomb\.yaml:1: YAML aliases expand to too much/, /fix: .*\$ref/],
    },
  ],
  [
    'a server URL with a password',
    {
      spec: `${BAD}/credentials.yaml`,
      want: [
        /credentials\.yaml:6:10 #\/servers\/0\/url: the URL "https:\/\/\*\*\*@api\.example\.com\/v1" carries credentials/,
        /fix: remove the `user:password@` part/,
      ],
    },
  ],
];

describe('generator CLI on bad input', () => {
  it.each(cases)(
    '%s: exits 1 with file, place and fix; the output folder is unchanged',
    async (_name, { spec, want }) => {
      const out = await existingOutput();
      const before = await snapshotTree(out);

      const result = runScript(CLI, ['--spec', spec, '--out', out]);

      expect(result.status).toBe(1);
      for (const pattern of want) expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at |hunter2/);
      expect(await snapshotTree(out)).toEqual(before);
      // No temp or backup folder left next to it.
      expect(await readdir(dirname(out))).toEqual([basename(out)]);
    },
  );
});

describe('generator CLI: where output may go', () => {
  it('refuses --out pointing at a file, and leaves the file alone', async () => {
    const file = join(await tempDir('cli-file-'), 'sdk');
    await writeFile(file, 'not a folder\n');
    const result = runScript(CLI, [
      '--spec',
      'test/fixtures/specs/hostile/hostile-3.1.yaml',
      '--out',
      file,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /sdk: the output path is a file, not a folder\n\s+fix: pass --out a folder/,
    );
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(await readFile(file, 'utf8')).toBe('not a folder\n');
  });

  it.each([
    ['spec', /refusing to generate into spec\/: it holds the spec \(spec\/openapi\.yaml\)/],
    ['/', /refusing to generate into \/: /],
  ])('refuses --out %s at once', (out, problem) => {
    const result = runScript(CLI, ['--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(problem);
    expect(result.stderr).toMatch(/fix: pass --out a new or empty folder/);
  });
});

describe('generator CLI usage', () => {
  it('exits 2 on an unknown flag and points at --help', () => {
    const result = runScript(CLI, ['--no-such-flag']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--no-such-flag'/);
    expect(result.stderr).toMatch(/--help/);
  });

  it('--help gives each default as the generator takes it: the version from x-sdk.packageVersion first', async () => {
    const result = runScript(CLI, ['--help']);
    expect(result.status).toBe(0);
    // The spec's root x-sdk.packageVersion (what npm run release writes) wins over info.version.
    const dir = await tempDir('help-version-');
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'V', version: '1.0.0' },
      'x-sdk': { packageVersion: '2.0.0' },
      paths: {},
    });
    await generate({ spec, out: join(dir, 'sdk'), cache: false, format: false });
    expect(JSON.parse(await readFile(join(dir, 'sdk/package.json'), 'utf8'))).toMatchObject({
      version: '2.0.0',
    });
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(
      "--package-version <v> package version (default: x-sdk.packageVersion in the spec, which npm run release writes, else the spec's info.version made semver)",
    );
  });

  it('exits 2 on a stray argument', () => {
    const result = runScript(CLI, ['spec/openapi.yaml']);
    expect(result.status).toBe(2);
  });

  it('prints the options with --help', () => {
    const result = runScript(CLI, ['--help']);
    expect(result.status).toBe(0);
    for (const flag of ['--spec', '--out', '--name', '--check', '--help'])
      expect(result.stdout).toContain(flag);
  });

  it('generates a package from a valid spec', async () => {
    const out = join(await tempDir('cli-ok-'), 'sdk');
    const result = runScript(CLI, [
      '--spec',
      'test/fixtures/specs/hostile/hostile-3.1.yaml',
      '--out',
      out,
      '--name',
      '@acme/hostile',
    ]);
    // Its names collide on purpose (`User Profile`, `user-profile`, `userProfile`): each rename is
    // a warning (test/model/name-collisions.test.ts), and nothing else is said. (The resource
    // `class` beside the schema `class` is the class `ClassResource`, with no warning.)
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toHaveLength(3);
    for (const line of warnings)
      expect(line).toMatch(/would be named `\w+`, but .* so it is named/);
    expect(result.stderr.split('\n').filter((line) => /^\S/.test(line))).toEqual(warnings);
    expect(result.status).toBe(0);
    // A new folder: every file is written, and the line says why rather than counting changes.
    const count = /^Generated all (\d+) files/.exec(result.stdout)?.[1] ?? 'none';
    expect(result.stdout).toMatch(
      new RegExp(
        `^Generated all ${count} files in .*sdk/ \\(the folder did not exist\\) from test/fixtures/specs/hostile/hostile-3\\.1\\.yaml \\([\\d.]+ s\\)\\.\n$`,
      ),
    );
    // Again: nothing changed, and the line says so; then one file edited by hand is one change.
    const again = runScript(CLI, [
      '--spec',
      'test/fixtures/specs/hostile/hostile-3.1.yaml',
      '--out',
      out,
      '--name',
      '@acme/hostile',
    ]);
    expect(again.stdout).toMatch(new RegExp(`^Generated ${count} files \\(0 changed\\) in `));
    await writeFile(join(out, 'src/types.ts'), '// edited\n');
    const restored = runScript(CLI, [
      '--spec',
      'test/fixtures/specs/hostile/hostile-3.1.yaml',
      '--out',
      out,
      '--name',
      '@acme/hostile',
    ]);
    expect(restored.stdout).toMatch(new RegExp(`^Generated ${count} files \\(1 changed\\) in `));
    // Another spec's package into it: the files it no longer writes are counted as removed.
    const before = Object.keys(await snapshotTree(out));
    const other = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Other', version: '1.0.0' },
      paths: {},
    });
    const replaced = runScript(CLI, ['--spec', other, '--out', out, '--name', '@acme/hostile']);
    const after = Object.keys(await snapshotTree(out));
    const removed = before.filter((path) => !after.includes(path)).length;
    expect(removed).toBeGreaterThan(0);
    expect(replaced.stdout).toMatch(
      new RegExp(`^Generated \\d+ files \\(\\d+ changed, ${removed} removed\\) in `),
    );
    // The same package name: nothing to note. Another one: the run says whose package it replaced.
    expect(replaced.stderr).not.toContain('note:');
    const renamed = runScript(CLI, ['--spec', other, '--out', out]);
    expect(renamed.status).toBe(0);
    expect(renamed.stderr).toMatch(
      /^note: .*sdk\/ held the package "@acme\/hostile"; it now holds "other-sdk" \(pass --out <folder> to keep packages of other specs apart\)\n$/m,
    );
    // The folder deleted: all of it is written again, and said so.
    await rm(out, { recursive: true });
    const recreated = runScript(CLI, [
      '--spec',
      'test/fixtures/specs/hostile/hostile-3.1.yaml',
      '--out',
      out,
      '--name',
      '@acme/hostile',
    ]);
    expect(recreated.stdout).toMatch(
      new RegExp(`^Generated all ${count} files in .*sdk/ \\(the folder did not exist\\) from `),
    );
    const tree = await snapshotTree(out);
    expect(Object.keys(tree)).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'openapi.json',
        'tsconfig.json',
        'src/index.ts',
        'src/openapi.ts',
        'src/types.ts',
      ]),
    );
    expect(JSON.parse(Buffer.from(tree['package.json']!, 'base64').toString('utf8')).name).toBe(
      '@acme/hostile',
    );
  });
});

describe('generator CLI: a FIFO where a generated file is', () => {
  it('is never read (a read would block forever): generate replaces it, --check reports it', async () => {
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Fifo', version: '1' },
      paths: {
        '/a': {
          get: {
            operationId: 'getA',
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
              },
            },
          },
        },
      },
      components: { schemas: { A: { type: 'object', properties: { id: { type: 'string' } } } } },
    });
    const out = join(await tempDir('cli-fifo-'), 'sdk');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['scripts/generate.mjs', '--spec', spec, '--out', out, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 90_000,
        // A hung run ignores SIGTERM's exit (a read blocked in a FIFO); SIGKILL ends the test.
        killSignal: 'SIGKILL',
      });
    expect(run().status).toBe(0);
    const fifo = async (file: string) => {
      await rm(join(out, file));
      execFileSync('mkfifo', [join(out, file)]);
    };
    await fifo('src/types.ts');
    const check = run('--check');
    expect(check.signal).toBeNull();
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/changed src\/types\.ts/);
    const again = run();
    expect(again.signal).toBeNull();
    expect(again.status).toBe(0);
    expect((await lstat(join(out, 'src/types.ts'))).isFile()).toBe(true);
    expect(await readFile(join(out, 'src/types.ts'), 'utf8')).toMatch(/export interface A/);
    // FIFOs as the record and package.json: nothing proves the folder is a generated package.
    await fifo('.generation-record.json');
    await fifo('package.json');
    const refused = run();
    expect(refused.signal).toBeNull();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/neither empty nor a package this generator wrote/);
  });
});

// fix168: a generated file edited by hand was written anew without a word ("Generated 53 files
// (1 changed)"): an edit not committed was gone, and the run did not say so.
describe('a generated file edited by hand', () => {
  it('is named in a note when the run writes it anew; files it wrote as they were are not', async () => {
    const spec = (description: string) => ({
      openapi: '3.1.0',
      info: { title: 'Edits', version: '1.0.0' },
      paths: {
        '/things/{id}': {
          get: {
            operationId: 'getThing',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: { Thing: { type: 'object', description, properties: { id: { type: 'string' } } } },
      },
    });
    const file = await writeSpec(spec('A thing.'));
    const out = join(await tempDir('edits-'), 'sdk');
    const run = () => runScript(CLI, ['--no-cache', '--spec', file, '--out', out]);
    expect(run().status).toBe(0);
    // A spec change rewrites files the last run wrote as they are: nothing to note.
    await writeFile(file, JSON.stringify(spec('A thing, described anew.')));
    const changed = run();
    expect(changed.status).toBe(0);
    expect(changed.stdout).toMatch(/\(\d+ changed\)/);
    expect(changed.stderr).not.toContain('note:');
    // Two files edited by hand: both named, with where such a change belongs.
    const types = join(out, 'src/types.ts');
    await writeFile(types, `${await readFile(types, 'utf8')}export type Mine = string;\n`);
    await writeFile(join(out, 'README.md'), '# my notes\n');
    const edited = run();
    expect(edited.status).toBe(0);
    expect(edited.stderr).toMatch(
      /^note: .*sdk\/README\.md and .*sdk\/src\/types\.ts have been edited by hand since the last run, and this run wrote them anew without the edits \(a committed edit is still in git; one not committed is lost\)\n {2}fix: make such a change in the spec/m,
    );
    expect(await readFile(types, 'utf8')).not.toContain('Mine');
    // Written as the generator writes them, they are no edit on the next run.
    expect(run().stderr).not.toContain('note:');
  });
});
