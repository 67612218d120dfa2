/**
 * `npm run dev` end to end: the dev server runs on a copy of spec/ in a temporary folder; a saved
 * schema edit reaches the generated package and the page in Chromium; a spec the generator
 * rejects shows its error in the terminal and on the page and leaves generated/ as it was; fixing
 * it recovers without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../scripts/lib/browser.ts';
import { ROOT, removeTempDirs, snapshotTree, tempDir } from './generator/helpers.ts';

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let work: string;
let server: ChildProcess;
let output = '';
let url: string;
let browser: Browser;
let page: Page;

/** Resolves when `predicate` holds, polling; fails with `what` after `ms`. */
async function until(what: string, predicate: () => boolean | Promise<boolean>, ms = 150_000) {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; the dev output's end:\n${output.slice(-4000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * generated/src/types.ts, or '' while the dev loop swaps the new tree in (the folder is renamed
 * away and back, write/tree.ts: a reader between the two renames finds no file).
 */
const generatedTypes = () =>
  readFile(join(work, 'generated/src/types.ts'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
const text = async (selector: string) => (await page.locator(selector).textContent()) ?? '';
/** Waits until the element's text contains `expected` (the page updates itself). */
const pageShows = (selector: string, expected: string) =>
  until(`${selector} to show ${expected}`, async () => (await text(selector)).includes(expected));
const planFile = () => join(work, 'spec/components/schemas/Plan.yaml');
/**
 * Waits until the dev loop has handled every save (a save can reach the watcher as several events,
 * and a run that read a half-written file is followed by one more).
 */
const settled = () => until('the dev loop to finish its runs', async () => !(await status()).busy);
/**
 * Writes `schema` (YAML lines, indented as a `components.schemas` entry) at the top of the root
 * file's schemas; the returned function puts the file back.
 */
async function addRootSchema(schema: string): Promise<() => Promise<void>> {
  const rootFile = join(work, 'spec/openapi.yaml');
  const root = await readFile(rootFile, 'utf8');
  expect(root).toMatch(/^components:\n {2}schemas:\n/m);
  // A function: in a replacement string, a `$'` in the schema would insert the rest of the file.
  await writeFile(
    rootFile,
    root.replace(/^components:\n {2}schemas:\n/m, (head) => head + schema),
  );
  return () => writeFile(rootFile, root);
}
/** The dev server's /status.json (what its page shows). */
const status = async () =>
  (await (await fetch(`${url}status.json`)).json()) as { busy: boolean; error: string | null };

beforeAll(async () => {
  work = await tempDir('dev-');
  await cp(join(ROOT, 'spec'), join(work, 'spec'), { recursive: true });
  await cp(join(ROOT, 'redocly.yaml'), join(work, 'redocly.yaml'));
  server = spawn(process.execPath, ['--import', TSX, join(ROOT, 'scripts/dev.ts'), '--port', '0'], {
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await until('the server to listen', () => /Serving the docs at (\S+)/.test(output), 180_000);
  url = /Serving the docs at (\S+)/.exec(output)![1]!;
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (request) => requested.push(request.url()));
  // Redoc shows one section at a time: the Plan schema's page has the description the tests edit.
  await page.goto(`${url}#schemas/Plan`);
  await page.waitForFunction(() => document.documentElement.dataset.version !== undefined, null, {
    timeout: 60_000,
  });
}, 300_000);

/** Every URL the page asked for, from its first load on. */
const requested: string[] = [];

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await removeTempDirs();
});

describe('npm run dev', () => {
  it('serves the docs and the lint result of the spec it watches', async () => {
    expect(output).toContain('lint: no problems.');
    await pageShows('#redoc', 'Plans define the network options');
    expect(await text('#dev-status')).toBe('');
  }, 200_000);

  it('asks no other host for anything, as the built docs do (not even Redoc’s logo)', async () => {
    await pageShows('#redoc', 'Plans define the network options');
    const origin = new URL(url).origin;
    expect(requested.length).toBeGreaterThan(0);
    // data: URLs are inline; blob: URLs (Redoc's search worker) carry the page's own origin.
    const elsewhere = requested.filter(
      (u) => !u.startsWith('data:') && new URL(u).origin !== origin,
    );
    expect(elsewhere).toEqual([]);
  }, 200_000);

  it('asks no other host for what the spec links to: its images, its raw HTML (as the built docs)', async () => {
    await settled();
    const good = await readFile(planFile(), 'utf8');
    const origin = new URL(url).origin;
    const before = requested.length;
    await writeFile(
      planFile(),
      good.replace(
        /^description: >-\n/m,
        'description: >-\n  Images elsewhere ![a logo](https://images.example.com/logo.png)\n' +
          '  <img src="https://html.example.com/pixel.png"> end.\n\n',
      ),
    );
    await pageShows('#redoc', 'Images elsewhere');
    // An <img> from another host on the page is a request, whether or not the browser let it out.
    const images = await page
      .locator('#redoc img')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLImageElement).src));
    expect(
      images.filter((src) => !src.startsWith('data:') && new URL(src).origin !== origin),
    ).toEqual([]);
    expect(
      requested.slice(before).filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin),
    ).toEqual([]);
    await writeFile(planFile(), good);
    await until(
      'the edit to leave the page',
      async () => !(await text('#redoc')).includes('Images elsewhere'),
    );
  }, 200_000);

  it('regenerates the package and refreshes the page when a schema is saved', async () => {
    const plan = await readFile(planFile(), 'utf8');
    expect(plan).toMatch(/^description: >-\n/m);
    await writeFile(
      planFile(),
      plan.replace(/^description: >-\n/m, 'description: >-\n  Edited in the dev loop.\n'),
    );
    await until('the edit in generated/src/types.ts', async () =>
      (await generatedTypes()).includes('Edited in the dev loop.'),
    );
    await pageShows('#redoc', 'Edited in the dev loop.');
  }, 200_000);

  it('names every file saved since the last run', async () => {
    await settled();
    const logged = output.length;
    const names = ['Plan.yaml', 'Price.yaml'];
    const files = names.map((name) => join(work, 'spec/components/schemas', name));
    // Saved together (a formatter run, a checkout): usually one run, which names both.
    await Promise.all(
      files.map(async (file) => writeFile(file, `${await readFile(file, 'utf8')}# saved\n`)),
    );
    const named = (name: string) =>
      new RegExp(`spec/components/schemas/${name.replace('.', '\\.')}[^\n]* changed:`).test(
        output.slice(logged),
      );
    await until('both saved files named in the log', () => names.every(named), 30_000);
    await settled();
  }, 200_000);

  it('shows a generator error in the terminal and on the page, keeps generated/, and recovers', async () => {
    await settled();
    expect(
      (await readdir(join(work, 'generated'))).filter((name) => name.includes('generating-')),
    ).toEqual([]);
    const before = await snapshotTree(join(work, 'generated'));
    const good = await readFile(planFile(), 'utf8');
    const logged = output.length;
    // A broken YAML mapping: the bundler rejects the file with its line.
    await writeFile(planFile(), `${good}\n  broken: [\n`);
    await until('the error in the terminal', () => output.slice(logged).includes('error:'));
    expect(output.slice(logged)).toMatch(/Plan\.yaml/);
    // The generator's error; the lint problems of the broken file are listed under it.
    await pageShows('#dev-status div.error', 'Plan.yaml');
    await settled();
    expect(await snapshotTree(join(work, 'generated'))).toEqual(before);

    await writeFile(planFile(), good.replace('Edited in the dev loop.', 'Fixed again.'));
    await until('the fix in generated/src/types.ts', async () =>
      (await generatedTypes()).includes('Fixed again.'),
    );
    await pageShows('#redoc', 'Fixed again.');
    await until(
      'the error to go',
      async () => (await page.locator('#dev-status .error').count()) === 0,
    );
  }, 200_000);

  it('prints every problem of a refused spec after its own error:, under the save that made them', async () => {
    await settled();
    const good = await readFile(planFile(), 'utf8');
    const logged = output.length;
    await writeFile(planFile(), `${good}minProperties: -1\nmaxProperties: -2\n`);
    await until('both problems in the terminal', () =>
      output.slice(logged).includes('"maxProperties" must be'),
    );
    const lines = output.slice(logged).split('\n');
    const head = lines.findIndex((line) => line.includes('the package was not regenerated'));
    expect(lines[head]).toMatch(
      /^spec\/components\/schemas\/Plan\.yaml changed: the package was not regenerated \(it is unchanged\):$/,
    );
    expect(lines.slice(head + 1, head + 5)).toEqual([
      expect.stringMatching(
        /^error: spec\/components\/schemas\/Plan\.yaml:\d+:\d+ #\/minProperties: /,
      ),
      '  fix: change "minProperties" to a non-negative integer',
      expect.stringMatching(
        /^error: spec\/components\/schemas\/Plan\.yaml:\d+:\d+ #\/maxProperties: /,
      ),
      '  fix: change "maxProperties" to a non-negative integer',
    ]);
    await writeFile(planFile(), good);
    await until(
      'the error to go',
      async () => (await page.locator('#dev-status .error').count()) === 0,
    );
  }, 200_000);

  it('says a file was removed or added, not changed', async () => {
    await settled();
    const price = join(work, 'spec/components/schemas/Price.yaml');
    const away = join(work, 'Price.yaml.away');
    let logged = output.length;
    await rename(price, away);
    await until('the removal in the terminal', () =>
      /^spec\/components\/schemas\/Price\.yaml removed: the package was not regenerated/m.test(
        output.slice(logged),
      ),
    );
    await settled();
    logged = output.length;
    await rename(away, price);
    await until('the file back in the terminal', () =>
      /^spec\/components\/schemas\/Price\.yaml added: /m.test(output.slice(logged)),
    );
    await settled();
    await until(
      'the error to go',
      async () => (await page.locator('#dev-status .error').count()) === 0,
    );
  }, 200_000);

  it('follows saves that rename a temporary file over the schema, and the plain saves after them', async () => {
    await settled();
    const good = await readFile(planFile(), 'utf8');
    // Many editors save this way; Node 20's recursive fs.watch lost the file after it.
    const temporary = `${planFile()}.tmp~`;
    await writeFile(temporary, good.replace('Fixed again.', 'Saved by rename.'));
    await rename(temporary, planFile());
    await until('the renamed save in generated/src/types.ts', async () =>
      (await generatedTypes()).includes('Saved by rename.'),
    );
    await settled();
    await writeFile(planFile(), good.replace('Fixed again.', 'Saved in place after.'));
    await until('the in-place save in generated/src/types.ts', async () =>
      (await generatedTypes()).includes('Saved in place after.'),
    );
    await pageShows('#redoc', 'Saved in place after.');
  }, 200_000);

  it('follows a spec folder that is deleted and written again (a checkout, a copy)', async () => {
    await settled();
    await rm(join(work, 'spec'), { recursive: true });
    await until('the missing spec folder on the page', async () =>
      ((await status()).error ?? '').includes('spec file not found'),
    );
    await cp(join(ROOT, 'spec'), join(work, 'spec'), { recursive: true });
    await until('the new folder to be followed', async () => {
      const now = await status();
      return now.error === null && !now.busy;
    });
    const plan = await readFile(planFile(), 'utf8');
    await writeFile(
      planFile(),
      plan.replace(/^description: >-\n/m, 'description: >-\n  Edited in a new folder.\n'),
    );
    await until('the edit in the new folder in generated/src/types.ts', async () =>
      (await generatedTypes()).includes('Edited in a new folder.'),
    );
  }, 200_000);

  it('shows generator warnings in the terminal and on the page, and drops them when fixed', async () => {
    await settled();
    const logged = output.length;
    // A pattern in another regex dialect: generated, but the guards cannot check it.
    const restore = await addRootSchema(
      "    OddCode:\n      type: string\n      pattern: '(?i)^x+$'\n",
    );
    await until('the warning in the terminal', () =>
      /warning: .*OddCode\/pattern: the pattern "\(\?i\)\^x\+\$" is not a valid ECMAScript/.test(
        output.slice(logged),
      ),
    );
    await pageShows('#dev-status', 'Generator warnings: 1');
    const shown = await page.locator('#dev-status li.warn').allTextContents();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/OddCode\/pattern: the pattern "\(\?i\)\^x\+\$" is not a valid/);
    expect(shown[0]).toContain('fix: write the pattern in ECMA-262 syntax');
    await restore();
    await until(
      'the warnings to leave the page',
      async () => (await page.locator('#dev-status li.warn').count()) === 0,
    );
    expect(await text('#dev-status')).not.toContain('Generator warnings');
  }, 200_000);

  it('shows lint problems in the terminal and on the page', async () => {
    await settled();
    const logged = output.length;
    // A component no operation uses: recommended-strict makes no-unused-components an error.
    // Its name holds a right-to-left override, which the terminal shows as an escape.
    const restore = await addRootSchema('    Unused\u202EThing:\n      type: object\n');
    await until('a lint problem in the terminal', () =>
      output.slice(logged).includes('no-unused-components'),
    );
    expect(output.slice(logged)).toContain('Unused\\u202EThing');
    // The count last, where the terminal shows it (the name breaks a map-name rule too).
    await until('the count of lint problems', () =>
      /\nlint: 2 errors\.\n/.test(output.slice(logged)),
    );
    expect(output.slice(logged)).not.toContain('\u202E');
    await pageShows('#dev-status', 'no-unused-components');
    await restore();
    await until('the lint to pass again', () =>
      output.slice(logged).endsWith('lint: no problems.\n'),
    );
  }, 200_000);
});
