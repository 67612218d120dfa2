/**
 * What `npm run dev` says when it starts: it compares the package it generates with the one
 * already in the output folder, and names only the files that really changed ("is up to date"
 * when none did), not every file of the package as if all were new.
 */
import { appendFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.ts';
import { startDevServer } from '../scripts/lib/dev-server.ts';
import { removeTempDirs, tempDir, writeSpec } from './generator/helpers.ts';

afterAll(removeTempDirs);

/** One operation, one schema: the smallest package. */
const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Tiny', version: '1.0.0' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        summary: 'List things',
        responses: {
          '200': {
            description: 'The things.',
            content: {
              'application/json': {
                schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: { Thing: { type: 'object', properties: { id: { type: 'string' } } } },
  },
};

/** The line the dev server logs for its first run. */
async function startLine(spec: string, out: string): Promise<string> {
  const lines: string[] = [];
  const server = await startDevServer({
    spec,
    out,
    port: 0,
    config: undefined,
    log: (line) => lines.push(line),
  });
  await server.close();
  const line = lines.find((text) => text.startsWith('start:'));
  if (line === undefined) throw new Error(`no start line in:\n${lines.join('\n')}`);
  return line;
}

describe('npm run dev at startup', () => {
  it('says the package is up to date when nothing changed, and names only what did', async () => {
    const spec = await writeSpec(SPEC);
    const out = join(await tempDir('dev-start-'), 'generated');
    const { files } = await generate({ spec, out });
    expect(files.length).toBeGreaterThan(10);

    const unchanged = await startLine(spec, out);
    expect(unchanged).toMatch(/^start: .*generated\/ is up to date with .*openapi\.json/);
    expect(unchanged).not.toMatch(/regenerated|README\.md|types\.ts/);

    await appendFile(join(out, 'README.md'), '\nEdited by hand.\n');
    await rm(join(out, 'src/types.ts'));
    const edited = await startLine(spec, out);
    expect(edited).toMatch(
      /^start: regenerated 2 of \d+ files in .*generated\/ \(\d+ ms\): README\.md, src\/types\.ts$/,
    );
  }, 120_000);

  it('a new package: says how many files it generated, without listing them', async () => {
    const spec = await writeSpec(SPEC);
    const out = join(await tempDir('dev-start-'), 'generated');
    const line = await startLine(spec, out);
    expect(line).toMatch(
      /^start: generated \d+ files in .*generated\/ \(a new package, \d+ ms\)\.$/,
    );
    expect(line).not.toContain('README.md');
  }, 120_000);

  it('a save after the output folder was deleted: says every file was written, and why', async () => {
    const spec = await writeSpec(SPEC);
    const out = join(await tempDir('dev-start-'), 'generated');
    const lines: string[] = [];
    const server = await startDevServer({
      spec,
      out,
      port: 0,
      config: undefined,
      log: (line) => lines.push(line),
    });
    try {
      const total = Number(/generated (\d+) files/.exec(lines.join('\n'))?.[1]);
      expect(total).toBeGreaterThan(10);
      await rm(out, { recursive: true });
      const before = lines.length;
      await writeFile(spec, JSON.stringify({ ...SPEC, info: { ...SPEC.info, title: 'Tinier' } }));
      for (let i = 0; i < 400 && !lines.slice(before).some((l) => l.includes(' changed: ')); i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const run = lines.slice(before).find((line) => line.includes(' changed: '));
      // Before, it counted the files the edit changed ("regenerated 2 files"), though all were written.
      expect(run).toMatch(
        new RegExp(
          `^\\S*openapi\\.json changed: generated all ${total} files in .*generated/ \\(the folder was missing, \\d+ ms\\)\\.$`,
        ),
      );
      expect((await readdir(out)).length).toBeGreaterThan(3);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('takes its own writes for no save when the package is inside the spec’s folder', async () => {
    const spec = await writeSpec(SPEC);
    const lines: string[] = [];
    const server = await startDevServer({
      spec,
      out: join(dirname(spec), 'sdk'),
      port: 0,
      config: undefined,
      log: (line) => lines.push(line),
    });
    const status = async () =>
      (await (await fetch(`${server.url}status.json`)).json()) as { busy: boolean };
    const settle = async () => {
      // Quiet for a second (no run pending, none started since), or 20 s: before, its own
      // writes started run after run and it never was.
      const deadline = Date.now() + 20_000;
      for (let quiet = 0; quiet < 20 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        quiet = (await status()).busy ? 0 : quiet + 1;
      }
    };
    try {
      await settle();
      const before = lines.length;
      await writeFile(spec, JSON.stringify({ ...SPEC, info: { ...SPEC.info, title: 'Tinier' } }));
      for (let i = 0; i < 200 && !lines.slice(before).some((l) => l.includes('changed:')); i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await settle();
      const runs = lines.slice(before).filter((line) => line.includes(' changed: '));
      // Every run names the spec only; before, the package's own files started run after run. (A
      // save can reach the watcher as two events far enough apart on a loaded machine to make two
      // runs: the truncation and the write.)
      for (const run of runs) expect(run).toMatch(/^\S*openapi\.json changed: /);
      expect(runs.some((run) => /^\S*openapi\.json changed: regenerated /.test(run))).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});
