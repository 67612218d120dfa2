/**
 * `--check`: passes on the committed generated/ package, and fails, listing the files, when the
 * output differs from what the spec gives. It never writes.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { runScript } from '../helpers/run.ts';
import { removeTempDirs, snapshotTree, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

/** What `npm run generate` runs: the generator's CLI, compiled (scripts/generator-build.mjs). */
const CLI = 'scripts/generate.mjs';

/** A one-operation spec. */
const PETS = [
  'openapi: 3.1.0',
  'info: {title: Pets, version: 1.0.0}',
  'servers: [{url: https://api.example.com}]',
  'paths: {/pets: {get: {operationId: listPets, responses: {"200": {description: ok}}}}}',
  '',
].join('\n');

describe('--check', () => {
  it('passes on the committed generated/ package (run `npm run generate` after changing the spec)', () => {
    const result = runScript(CLI, ['--check']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('generated/ is up to date with spec/openapi.yaml.\n');
    expect(result.status).toBe(0);
  });

  it('fails and lists added, changed and removed files; the user’s files do not count; nothing is written', async () => {
    const out = join(await tempDir('check-'), 'sdk');
    await generate({ spec: 'spec/openapi.yaml', out });
    await writeFile(join(out, 'src/types.ts'), '// edited by hand\n');
    await rm(join(out, 'README.md'));
    await writeFile(join(out, 'src/extra.ts'), 'export {};\n');
    await mkdir(join(out, 'node_modules/x'), { recursive: true });
    await writeFile(join(out, 'node_modules/x/index.js'), '');
    await mkdir(join(out, 'dist'));
    await writeFile(join(out, 'dist/index.js'), '');
    const before = await snapshotTree(out);

    const result = runScript(CLI, ['--check', '--out', out]);

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sdk\/ is out of date with spec\/openapi\.yaml\.\n/);
    // The spec is the one the folder was generated from: the report says so before the files.
    expect(result.stderr).toMatch(
      /\nAPI changes: none\. .*edited by hand\.\nFiles `npm run generate` would change:\n/,
    );
    expect(result.stderr).toContain('  added   README.md\n');
    expect(result.stderr).toContain('  changed src/types.ts\n');
    // A file of the user's inside src/ is kept by a run, so it is no difference either.
    expect(result.stderr).not.toMatch(/node_modules|dist|extra/);
    expect(result.stderr.trim().split('\n')).toHaveLength(6);
    expect(result.stderr).toMatch(
      /\nfix: run npm run generate -- --out \S*sdk, review the changes and commit them\n$/,
    );
    expect(await snapshotTree(out)).toEqual(before);

    // Regenerating restores the generator's files and keeps the user's, inside src/ too.
    expect(runScript(CLI, ['--out', out]).status).toBe(0);
    const after = await snapshotTree(out);
    for (const kept of ['src/extra.ts', 'node_modules/x/index.js', 'dist/index.js'])
      expect(after[kept], kept).toBe(before[kept]);
    expect(runScript(CLI, ['--check', '--out', out]).status).toBe(0);
  });

  it('says the spec file was renamed when that is the only difference, not that the generator changed', async () => {
    const dir = await tempDir('check-renamed-');
    // One spec, under two names.
    const text = PETS;
    await writeFile(join(dir, 'a.yaml'), text);
    await writeFile(join(dir, 'b.yaml'), text);
    const out = join(dir, 'sdk');
    await generate({ spec: join(dir, 'a.yaml'), out });
    const result = runScript(CLI, ['--check', '--spec', join(dir, 'b.yaml'), '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('API changes: none. The spec is the one');
    expect(result.stderr).toContain('the files differ because the spec file is named');
    expect(result.stderr).toMatch(
      /is named "[^"]*b\.yaml" now \(was "[^"]*a\.yaml"\), which every file's header names\.\n/,
    );
  });

  // helper-120 L10: a comment added to the spec blamed the generator or a hand edit.
  it('says only the record differs when a spec file changed in its bytes alone (a comment)', async () => {
    const dir = await tempDir('check-comment-');
    const text = PETS;
    await writeFile(join(dir, 'openapi.yaml'), text);
    const out = join(dir, 'sdk');
    await generate({ spec: join(dir, 'openapi.yaml'), out });
    await writeFile(join(dir, 'openapi.yaml'), `${text}# A comment.\n`);
    const result = runScript(CLI, ['--check', '--spec', join(dir, 'openapi.yaml'), '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /\nAPI changes: none, and no generated file differs but the generation record: what \S*sdk\/ was generated from changed in its bytes only \(a comment, formatting or a file moved in the spec, or a generator change that writes the same files\)\. Regenerate to update the record\.\nFiles `npm run generate` would change:\n {2}changed +\.generation-record\.json\n/,
    );
    expect(result.stderr).not.toContain('edited by hand');
  });

  it('says the keys are in another order when the spec describes the same API in another order', async () => {
    const dir = await tempDir('check-reordered-');
    const spec = join(dir, 'openapi.yaml');
    const paths = [
      '  /pets: {get: {operationId: listPets, responses: {"200": {description: ok}}}}',
      '  /owners: {get: {operationId: listOwners, responses: {"200": {description: ok}}}}',
    ];
    const text = (order: string[]) =>
      ['openapi: 3.1.0', 'info: {title: Pets, version: 1.0.0}', 'paths:', ...order, ''].join('\n');
    await writeFile(spec, text(paths));
    const out = join(dir, 'sdk');
    await generate({ spec, out });
    await writeFile(spec, text([...paths].reverse()));
    const result = runScript(CLI, ['--check', '--spec', spec, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'API changes: none. The spec describes the same API as the one',
    );
    expect(result.stderr).toContain(
      "with its keys in another order (the generated declarations follow the spec's order)",
    );
    expect(result.stderr).not.toContain('the generator changed');
  });

  it('passes right after generating into a folder', async () => {
    const out = join(await tempDir('check-'), 'sdk');
    await generate({ spec: 'test/fixtures/specs/hostile/hostile-3.0.yaml', out });
    const result = runScript(CLI, [
      '--check',
      '--spec',
      'test/fixtures/specs/hostile/hostile-3.0.yaml',
      '--out',
      out,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /sdk\/ is up to date with test\/fixtures\/specs\/hostile\/hostile-3\.0\.yaml\./,
    );
  });
});
