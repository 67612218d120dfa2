/**
 * The generation record (write/record.ts): `--check` proves an unchanged folder up to date from
 * hashes alone, and anything the hashes cannot vouch for (a hand edit, a spec edit, a stray file,
 * other options, another generator or templates) goes through the full comparison, so the answer
 * is always the one a full run gives.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { describeOutOfDate } from '../../generator/write/check.ts';
import { generatorFingerprint, RECORD_PATH } from '../../generator/write/record.ts';
import { ROOT, removeTempDirs, snapshotTree, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

let work: string;
let generated: string;

beforeAll(async () => {
  // A copy of spec/, so that a test can edit it, and one package generated from it.
  work = await tempDir('record-');
  await cp(join(ROOT, 'spec'), join(work, 'spec'), { recursive: true });
  generated = join(work, 'generated');
  await generate({ cwd: work, out: generated });
});

/** A fresh copy of the generated package (and of spec/) to change. */
async function copy(): Promise<string> {
  const dir = await tempDir('record-copy-');
  await cp(join(work, 'spec'), join(dir, 'spec'), { recursive: true });
  await cp(generated, join(dir, 'generated'), { recursive: true });
  return dir;
}

const check = (cwd: string, options: { name?: string; version?: string } = {}) =>
  generate({ cwd, check: true, ...options });

describe('generation record', () => {
  it('lists every spec file read and every file written, with their hashes', async () => {
    const record = JSON.parse(await readFile(join(generated, RECORD_PATH), 'utf8'));
    expect(Object.keys(record.inputs)).toContain('../spec/openapi.yaml');
    expect(Object.keys(record.inputs)).toContain('../spec/components/schemas/Plan.yaml');
    expect(Object.keys(record.outputs)).toContain('src/types.ts');
    expect(Object.keys(record.outputs)).not.toContain(RECORD_PATH);
    expect(record.generator).toBe(generatorFingerprint());
  });

  it('proves an unchanged folder up to date without running the pipeline', async () => {
    const dir = await copy();
    const before = await snapshotTree(dir);
    const result = await check(dir);
    expect(result.check).toEqual({ added: [], changed: [], removed: [] });
    expect(Object.keys(result.timings)).toEqual(['check']);
    expect(result.files).toContain(RECORD_PATH);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it("proves a folder up to date beside a file of the user's with the generated header (a copy made to extend one): the record does not list it", async () => {
    const dir = await copy();
    const header = (await readFile(join(dir, 'generated/src/index.ts'), 'utf8')).split('\n')[0];
    await writeFile(join(dir, 'generated/src/extra.ts'), `${header!}\nexport {};\n`);
    const result = await check(dir);
    expect(result.check).toEqual({ added: [], changed: [], removed: [] });
    expect(Object.keys(result.timings)).toEqual(['check']);
  });

  it.each([
    [
      'a generated file edited by hand',
      async (dir: string) => {
        await writeFile(join(dir, 'generated/src/types.ts'), '// edited\n', { flag: 'a' });
      },
      { changed: ['src/types.ts'] },
    ],
    [
      'a generated file removed',
      async (dir: string) => {
        await rm(join(dir, 'generated/README.md'));
      },
      { added: ['README.md'] },
    ],
    [
      'a record from another generator (templates or generator/ changed since)',
      async (dir: string) => {
        const file = join(dir, 'generated', RECORD_PATH);
        const record = JSON.parse(await readFile(file, 'utf8'));
        await writeFile(file, JSON.stringify({ ...record, generator: '0'.repeat(64) }, null, 2));
      },
      { changed: [RECORD_PATH] },
    ],
  ])('runs the full comparison after %s', async (_what, change, expected) => {
    const dir = await copy();
    await change(dir);
    const result = await check(dir);
    expect(result.timings).toHaveProperty('bundle');
    expect(result.check).toMatchObject({ added: [], changed: [], removed: [], ...expected });
  });

  it('runs the full comparison after a spec edit, and reports the files it changes', async () => {
    const dir = await copy();
    const plan = join(dir, 'spec/components/schemas/Plan.yaml');
    const text = await readFile(plan, 'utf8');
    await writeFile(plan, text.replace(/description: /, 'description: Edited. '));
    const result = await check(dir);
    expect(result.timings).toHaveProperty('bundle');
    expect(result.check?.changed).toContain(RECORD_PATH);
    expect(result.check?.changed.length).toBeGreaterThan(1);
  });

  it('runs the full comparison with other options', async () => {
    const dir = await copy();
    const result = await check(dir, { name: 'other-sdk' });
    expect(result.timings).toHaveProperty('bundle');
    expect(result.check?.changed).toContain('package.json');
  });

  it('counts a --name or --package-version that names what the spec does as no option, both ways', async () => {
    const dir = await copy();
    const pkg = JSON.parse(await readFile(join(dir, 'generated/package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    const same = { name: pkg.name, version: pkg.version };
    // The full comparison runs (the options differ from the record's), and finds nothing to change.
    const given = await check(dir, same);
    expect(given.timings).toHaveProperty('bundle');
    expect(given.check).toMatchObject({ added: [], changed: [], removed: [] });
    // Generated with them, then checked without them: proven up to date from the record alone.
    // Before, the record kept `"name": "gigs-sdk"` and the check said "out of date" for it.
    await generate({ cwd: dir, ...same });
    const record = JSON.parse(await readFile(join(dir, 'generated', RECORD_PATH), 'utf8'));
    expect(record.options).toMatchObject({ name: null, version: null });
    const without = await check(dir);
    expect(without.check).toEqual({ added: [], changed: [], removed: [] });
    expect(Object.keys(without.timings)).toEqual(['check']);
    // Another name or version is an option of the run, as before.
    await generate({ cwd: dir, name: 'other-sdk', version: '9.9.9' });
    expect(
      JSON.parse(await readFile(join(dir, 'generated', RECORD_PATH), 'utf8')).options,
    ).toMatchObject({ name: 'other-sdk', version: '9.9.9' });
    const dropped = (await check(dir)).check!;
    expect(dropped.changed).toContain('package.json');
    expect(describeOutOfDate(dropped, 'generated', 'spec/openapi.yaml')).toContain(
      'the files differ because --name is not given now (was "other-sdk"), and --package-version is not given now (was "9.9.9")',
    );
  });

  it('fingerprints the generator by its sources and templates', async () => {
    const root = await tempDir('record-root-');
    for (const part of ['generator', 'templates', 'package-lock.json'])
      await cp(join(ROOT, part), join(root, part), { recursive: true });
    const before = generatorFingerprint(root);
    expect(before).toBe(generatorFingerprint());
    await writeFile(join(root, 'templates/runtime/core.ts'), '\n', { flag: 'a' });
    const afterTemplate = generatorFingerprint(root);
    expect(afterTemplate).not.toBe(before);
    await writeFile(join(root, 'generator/pipeline.ts'), '\n', { flag: 'a' });
    expect(generatorFingerprint(root)).not.toBe(afterTemplate);
  });
});
