/**
 * The smoke program of consumers.test.ts under Bun and Deno, both from their npm packages
 * (node_modules/.bin/bun and node_modules/.bin/deno ship the real binaries), run in the consumer
 * folder where the packed package is installed. A runtime that is missing or cannot start fails
 * its test with the reason; nothing is skipped.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/lib/run.ts';
import { ROOT } from '../helpers/spec.ts';
import { SMOKE_TOKEN, startApiServer, type ApiServer } from './helpers/api-server.ts';
import { consumerSubfolder, packedPackage, type PackedPackage } from './helpers/packed-package.ts';
import { esmScript, expectedSmokeResult, typescriptSource } from './helpers/smoke-sources.ts';

const BUN = join(ROOT, 'node_modules/.bin/bun');
const DENO = join(ROOT, 'node_modules/.bin/deno');
const RUN_TIMEOUT_MS = 30_000;

let packed: PackedPackage;
let api: ApiServer;
/** Deno's cache and Bun's install cache for this run, away from the home folder. */
let cacheDir: string;

beforeAll(async () => {
  [packed, api] = await Promise.all([packedPackage(), startApiServer()]);
  cacheDir = await mkdtemp(join(tmpdir(), 'gigs-sdk-runtimes-'));
});
afterAll(async () => {
  await api?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

interface Runtime {
  name: string;
  binary: string;
  /** Arguments that run one script file. */
  args: (file: string) => string[];
  env: () => Record<string, string>;
}

const RUNTIMES: Runtime[] = [
  {
    name: 'bun',
    binary: BUN,
    // --no-install: resolve from the consumer's node_modules only, never fetch a package.
    args: (file) => ['--no-install', file],
    env: () => ({ BUN_INSTALL_CACHE_DIR: join(cacheDir, 'bun'), DO_NOT_TRACK: '1' }),
  },
  {
    name: 'deno',
    binary: DENO,
    // The folder's package.json puts Deno in Node-compatible resolution from node_modules.
    args: (file) => [
      'run',
      '--no-prompt',
      '--allow-env',
      '--allow-read',
      '--allow-net=127.0.0.1',
      file,
    ],
    env: () => ({ DENO_DIR: join(cacheDir, 'deno'), DENO_NO_UPDATE_CHECK: '1' }),
  },
];

async function runIn(runtime: Runtime, dir: string, file: string): Promise<unknown> {
  if (!existsSync(runtime.binary)) {
    throw new Error(
      `${runtime.name} is not installed at ${runtime.binary}.\n` +
        `Fix: run \`npm ci\`: the toolchain's devDependencies include the ${runtime.name} npm package, which ships the binary.`,
    );
  }
  const version = await run(runtime.binary, ['--version'], {
    timeoutMs: RUN_TIMEOUT_MS,
    env: runtime.env(),
  });
  if (version.code !== 0) {
    throw new Error(
      `${runtime.name} is installed but does not start (\`${runtime.binary} --version\` exited with ${version.code}):\n${version.output}`,
    );
  }
  const result = await run(runtime.binary, runtime.args(file), {
    cwd: dir,
    timeoutMs: RUN_TIMEOUT_MS,
    env: { ...runtime.env(), SMOKE_BASE_URL: api.url, NO_COLOR: '1' },
  });
  expect(result.code, `${runtime.name} ${file}:\n${result.output}`).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
}

describe.each(RUNTIMES)('under $name', (runtime) => {
  it('runs the ESM smoke script against the local server', async () => {
    const dir = await consumerSubfolder(packed, runtime.name);
    const label = `${runtime.name}-esm`;
    const script = esmScript(packed.name, label, api.plan.id);
    await writeFile(join(dir, script.path), script.text);

    expect(await runIn(runtime, dir, script.path)).toEqual(expectedSmokeResult(label, api.plan));
    const seen = api.requests.filter((request) => request.headers['x-smoke-runtime'] === label);
    expect(seen).toHaveLength(5);
    for (const request of seen) expect(request.headers.authorization).toBe(`Bearer ${SMOKE_TOKEN}`);
    // The SDK, its version and the runtime, as the runtime names itself (Bun/1.x, Deno/2.x).
    const name = runtime.name === 'bun' ? 'Bun' : 'Deno';
    for (const request of seen)
      expect(request.headers['user-agent']).toMatch(
        new RegExp(
          `^${packed.name}/[^ ]+ ${name}/\\d+\\.\\d+\\.\\d+[^ ]* \\([a-z0-9_]+; [a-z0-9_]+\\)$`,
        ),
      );
  });

  it('runs the TypeScript smoke program as it stands (the runtime strips the types)', async () => {
    const dir = await consumerSubfolder(packed, `${runtime.name}-ts`);
    const label = `${runtime.name}-ts`;
    const source = typescriptSource(packed.name, label, api.plan.id, 'ts');
    await writeFile(join(dir, source.path), source.text);

    expect(await runIn(runtime, dir, source.path)).toEqual(expectedSmokeResult(label, api.plan));
  });
});
