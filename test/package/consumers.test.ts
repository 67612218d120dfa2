/**
 * The packed package installed into a fresh folder (helpers/packed-package.ts), used the ways
 * users use it, each calling a real server on 127.0.0.1 (helpers/api-server.ts):
 * an ESM script and a CommonJS script under Node; TypeScript compiled by `tsc --strict` with
 * `module: nodenext` (an .mts and a .cts) and with `module: preserve` + bundler resolution, then
 * run; and a page bundled by esbuild, run in headless Chromium from another origin (CORS).
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/lib/run.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { ROOT } from '../helpers/spec.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { SMOKE_TOKEN, startApiServer, type ApiServer } from './helpers/api-server.ts';
import {
  consumerSubfolder,
  GENERATED_DIR,
  packedPackage,
  type PackedPackage,
} from './helpers/packed-package.ts';
import { consumerTsc } from './helpers/consumer-tsc.ts';
import {
  cjsScript,
  esmScript,
  expectedSmokeResult,
  typescriptSource,
  type SmokeFile,
} from './helpers/smoke-sources.ts';

const RUN_TIMEOUT_MS = 30_000;

let packed: PackedPackage;
let api: ApiServer;

beforeAll(async () => {
  [packed, api] = await Promise.all([packedPackage(), startApiServer()]);
});
afterAll(async () => {
  await api?.close();
});

async function writeFiles(dir: string, files: SmokeFile[]): Promise<void> {
  for (const file of files) await writeFile(join(dir, file.path), file.text);
}

/** Runs `node <file>` in `dir` with the server's URL in the environment; returns the parsed last line. */
async function runNode(dir: string, file: string): Promise<unknown> {
  const result = await run(process.execPath, [file], {
    cwd: dir,
    timeoutMs: RUN_TIMEOUT_MS,
    env: { SMOKE_BASE_URL: api.url },
  });
  expect(result.code, `node ${file} in ${dir}:\n${result.output}`).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
}

/** The User-Agent of each request one runtime made. */
function userAgentsOf(runtime: string): (string | undefined)[] {
  const agents = api.requests
    .filter((request) => request.headers['x-smoke-runtime'] === runtime)
    .map((request) => request.headers['user-agent']);
  expect(agents.length).toBeGreaterThan(0);
  return agents;
}

/** The version the packed package names in its User-Agent. */
const packageVersion = (
  JSON.parse(readFileSync(join(GENERATED_DIR, 'package.json'), 'utf8')) as { version: string }
).version;

/** The requests one runtime made (it names itself in a header), and that each carried the token. */
function requestsOf(runtime: string) {
  const seen = api.requests.filter((request) => request.headers['x-smoke-runtime'] === runtime);
  for (const request of seen) expect(request.headers.authorization).toBe(`Bearer ${SMOKE_TOKEN}`);
  return seen.map((request) => `${request.method} ${request.url}`);
}

/** retrieve, two list pages, the 404, and the path client's GET. */
function expectedRequests(planId: string): string[] {
  const plans = '/projects/smoke-project/plans';
  return [
    `GET ${plans}/${planId}`,
    `GET ${plans}?limit=1`,
    `GET ${plans}?limit=1&after=${planId}_1`,
    `GET ${plans}/pln_missing`,
    `GET ${plans}/${planId}`,
  ];
}

/** tsc in the consumer folder `dir` on `files` (consumer options, then `options`): it must pass. */
async function tsc(dir: string, files: string[], options: Record<string, unknown>): Promise<void> {
  const result = await consumerTsc(dir, files, options, 60_000);
  expect(result.code, `tsc in ${dir}:\n${result.output}`).toBe(0);
}

describe('the installed package', () => {
  it('is installed from the tarball with openapi-fetch as its one dependency', async () => {
    const lock = JSON.parse(
      await readFile(join(packed.consumerDir, 'package-lock.json'), 'utf8'),
    ) as {
      packages: Record<string, { resolved?: string; dependencies?: Record<string, string> }>;
    };
    const installed = lock.packages[`node_modules/${packed.name}`];
    expect(installed?.resolved).toMatch(/\.tgz$/);
    expect(Object.keys(installed?.dependencies ?? {})).toEqual(['openapi-fetch']);
  });

  it('works from an ESM script under Node', async () => {
    const dir = await consumerSubfolder(packed, 'esm');
    await writeFiles(dir, [esmScript(packed.name, 'node-esm', api.plan.id)]);
    expect(await runNode(dir, 'smoke.mjs')).toEqual(expectedSmokeResult('node-esm', api.plan));
    expect(requestsOf('node-esm')).toEqual(expectedRequests(api.plan.id));
    // Every request names the SDK, its version and the runtime.
    for (const agent of userAgentsOf('node-esm'))
      expect(agent).toBe(
        `${packed.name}/${packageVersion} node/${process.versions.node} (${process.platform}; ${process.arch})`,
      );
  });

  it('works from a CommonJS script under Node', async () => {
    const dir = await consumerSubfolder(packed, 'cjs');
    await writeFiles(dir, [cjsScript(packed.name, 'node-cjs', api.plan.id)]);
    expect(await runNode(dir, 'smoke.cjs')).toEqual(expectedSmokeResult('node-cjs', api.plan));
    expect(requestsOf('node-cjs')).toEqual(expectedRequests(api.plan.id));
  });

  it('compiles with tsc --strict under module nodenext (.mts and .cts) and the output runs', async () => {
    const dir = await consumerSubfolder(packed, 'nodenext');
    const files = [
      typescriptSource(packed.name, 'tsc-nodenext-esm', api.plan.id, 'mts'),
      typescriptSource(packed.name, 'tsc-nodenext-cjs', api.plan.id, 'cts'),
    ];
    await writeFiles(dir, files);
    // No skipLibCheck: the package's declarations (and openapi-fetch's) must check too.
    await tsc(
      dir,
      files.map((f) => f.path),
      { outDir: 'out' },
    );

    expect(await runNode(dir, 'out/smoke.mjs')).toEqual(
      expectedSmokeResult('tsc-nodenext-esm', api.plan),
    );
    expect(await runNode(dir, 'out/smoke.cjs')).toEqual(
      expectedSmokeResult('tsc-nodenext-cjs', api.plan),
    );
    expect(requestsOf('tsc-nodenext-cjs')).toEqual(expectedRequests(api.plan.id));
  });

  it('compiles with tsc --strict under module preserve + bundler resolution and the output runs', async () => {
    const dir = await consumerSubfolder(packed, 'bundler');
    const file = typescriptSource(packed.name, 'tsc-bundler', api.plan.id, 'ts');
    await writeFiles(dir, [file]);
    await tsc(dir, [file.path], { module: 'preserve', moduleResolution: 'bundler', outDir: 'out' });

    // The consumer folder is `"type": "module"`, so Node runs the emitted out/smoke.js as ESM.
    expect(await runNode(dir, 'out/smoke.js')).toEqual(
      expectedSmokeResult('tsc-bundler', api.plan),
    );
  });

  it('type-checks in a project typed for Node alone: no DOM library, no skipLibCheck (helper-118 D1)', async () => {
    // BodyInit, BlobPart, HeadersInit, ReadableStreamReadResult and TextDecoder as a type are the
    // DOM library's, which such a project lacks: its tsc failed on the package's declarations.
    const dir = await consumerSubfolder(packed, 'node-only');
    const file = typescriptSource(packed.name, 'tsc-node-only', api.plan.id, 'mts');
    await writeFiles(dir, [file]);
    await tsc(dir, [file.path], {
      lib: ['es2023'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      noEmit: true,
    });
  });

  // helper-118 D9: pnpm links each package's dependencies beside it, not at the top: a library's
  // declaration of a function returning a typed path client call then named openapi-fetch's
  // FetchResponse by a path into that folder, and tsc refused it (TS2742).
  it("emits a wrapping library's declarations under pnpm's layout, openapi-fetch not hoisted", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pnpm-layout-'));
    try {
      const installed = join(packed.consumerDir, 'node_modules');
      const store = join(dir, 'node_modules/.pnpm', `${packed.name}@1/node_modules`);
      for (const name of [packed.name, 'openapi-fetch', 'openapi-typescript-helpers'])
        await cp(join(installed, name), join(store, name), { recursive: true });
      await symlink(join(store, packed.name), join(dir, 'node_modules', packed.name), 'dir');
      await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
      await writeFile(
        join(dir, 'wrapper.ts'),
        [
          `import { Gigs, pathsClient } from '${packed.name}';`,
          "export const api = pathsClient(new Gigs({ token: 't', project: 'p' }));",
          "export const plan = (id: string) => api.GET('/projects/{project}/plans/{plan}', { params: { path: { project: 'p', plan: id } } });",
          'export const get = api.GET;',
          'export const post = api.POST;',
          'export const request = api.request;',
          'export const use = api.use;',
          '',
        ].join('\n'),
      );
      await tsc(dir, ['wrapper.ts'], { declaration: true, outDir: 'out' });
      expect(await readFile(join(dir, 'out/wrapper.d.ts'), 'utf8')).toContain(
        `import("${packed.name}").PathsFetchResponse<`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs in headless Chromium from a page bundled with esbuild, calling the API on another origin', async () => {
    const dir = await consumerSubfolder(packed, 'browser');
    const entry = typescriptSource(packed.name, 'browser', api.plan.id, 'ts', 'entry');
    await writeFiles(dir, [entry]);
    const site = join(dir, 'site');
    const bundled = await build({
      absWorkingDir: dir,
      entryPoints: [entry.path],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      outfile: join(site, 'app.js'),
      logLevel: 'silent',
      metafile: true,
    });
    // esbuild took the package's ESM build (the `import` condition) and nothing Node-only.
    const inputs = Object.keys(bundled.metafile.inputs);
    expect(inputs.some((input) => input.includes(`node_modules/${packed.name}/dist/esm/`))).toBe(
      true,
    );
    expect(inputs.filter((input) => input.includes('/dist/cjs/'))).toEqual([]);
    await writeFile(
      join(site, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>smoke</title>\n<script>globalThis.SMOKE_BASE_URL = ${JSON.stringify(api.url)};</script>\n<script type="module" src="app.js"></script>\n`,
    );

    const page = await startStaticServer(site);
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      const errors: string[] = [];
      // The result line, or the first uncaught error (so a failure shows at once, with its reason).
      const outcome = new Promise<string>((resolve, reject) => {
        tab.on('console', (message) => {
          if (message.text().startsWith('{')) resolve(message.text());
        });
        tab.on('pageerror', (error) => {
          errors.push(error.message);
          reject(new Error(`The page failed: ${error.message}`));
        });
        setTimeout(
          () => reject(new Error(`No result from the page within ${RUN_TIMEOUT_MS} ms`)),
          RUN_TIMEOUT_MS,
        ).unref();
      });
      await tab.goto(page.url);
      const result = JSON.parse(await outcome) as unknown;

      expect(errors).toEqual([]);
      expect(new URL(page.url).origin).not.toBe(new URL(api.url).origin);
      expect(result).toEqual(expectedSmokeResult('browser', api.plan));
      expect(requestsOf('browser')).toEqual(expectedRequests(api.plan.id));
      // In a browser the client adds no identifying header (it would need its own CORS
      // permission): the browser's own User-Agent goes out.
      for (const agent of userAgentsOf('browser')) expect(agent).toMatch(/^Mozilla\/5\.0 /);
      // The Authorization header made the browser ask first.
      expect(api.requests.some((request) => request.method === 'OPTIONS')).toBe(true);
    } finally {
      await browser.close();
      await page.close();
    }
  });
});
