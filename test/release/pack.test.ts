/**
 * Publishing from a clean clone: `generated/` of a fresh `git clone` (no dist/, no node_modules)
 * installs its own devDependencies, and `npm pack` builds before packing (prepack), so the tarball
 * ships dist/. The tarball installs into a fresh folder outside the repository, where ESM `import`
 * and CommonJS `require` load it and its client makes a request to a real server on 127.0.0.1.
 * `npm publish --dry-run --provenance` accepts the metadata.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/lib/run.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';
import { git } from './git-repo.ts';

afterAll(removeTempDirs);

const NPM_ENV = { NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false' };

let clone: string;
let packageDir: string;
let packed: { files: { path: string }[]; name: string; version: string; filename: string };

beforeAll(async () => {
  clone = join(await tempDir('clean-clone-'), 'repo');
  git(ROOT, 'clone', '-q', '--no-checkout', ROOT, clone);
  git(clone, 'checkout', '-q', git(ROOT, 'rev-parse', 'HEAD'));
  packageDir = join(clone, 'generated');
  const install = await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'],
    { cwd: packageDir, env: NPM_ENV, timeoutMs: 240_000 },
  );
  expect(install.code, install.output).toBe(0);
  const pack = await run('npm', ['pack', '--json', '--pack-destination', clone], {
    cwd: packageDir,
    env: NPM_ENV,
    timeoutMs: 240_000,
  });
  expect(pack.code, pack.output).toBe(0);
  const [info] = JSON.parse(pack.stdout) as (typeof packed)[];
  if (info === undefined) throw new Error(`npm pack printed no package:\n${pack.output}`);
  packed = info;
}, 600_000);

describe('npm pack of a clean clone, in generated/', () => {
  it('builds before packing and ships dist/ (ESM and CommonJS with types), the spec, README, changelog', async () => {
    const files = packed.files.map((file) => file.path).sort();
    const outside = files.filter((file) => !file.startsWith('dist/'));
    const pkg = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
      files: string[];
    };
    // npm always ships package.json and the README; besides dist/, `files` names the rest.
    const named = await Promise.all(
      pkg.files.filter((entry) => entry !== 'dist').map((entry) => filesAt(packageDir, entry)),
    );
    expect(outside).toEqual(['README.md', 'package.json', ...named.flat()].sort());
    expect(outside).toEqual(expect.arrayContaining(['openapi.json', 'CHANGELOG.md']));
    for (const entry of [
      'dist/esm/index.js',
      'dist/esm/index.d.ts',
      'dist/cjs/index.js',
      'dist/cjs/index.d.ts',
      'dist/cjs/package.json',
    ])
      expect(files).toContain(entry);
    // The sources and the build script are how it is made, not what it ships.
    expect(files.filter((file) => /^(src|build\.mjs|tsconfig)/.test(file))).toEqual([]);
    expect(pkg.files).toContain('dist');
  });

  it('the tarball installs into a fresh folder; import and require load it; its client calls a real server', async () => {
    const consumer = await tempDir('packed-consumer-');
    await writeFile(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    const install = await run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error', join(clone, packed.filename)],
      { cwd: consumer, env: NPM_ENV, timeoutMs: 240_000 },
    );
    expect(install.code, install.output).toBe(0);

    // ESM: the client talks to a node:http server on 127.0.0.1 and its guard checks the result.
    await writeFile(
      join(consumer, 'esm.mjs'),
      `import { createServer } from 'node:http';
import { Gigs, isPlan } from '${packed.name}';
const plan = { object: 'plan', id: 'pln_1', name: 'Basic', status: 'available' };
let seen;
const server = createServer((req, res) => {
  seen = req.method + ' ' + req.url;
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(plan));
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const gigs = new Gigs({ token: 't', project: 'dev', baseURL: 'http://127.0.0.1:' + server.address().port, maxRetries: 0 });
const got = await gigs.plans.retrieve('pln_1');
server.close();
console.log(JSON.stringify({ seen, id: got.id, guard: isPlan({}) }));
`,
    );
    const esm = await run(process.execPath, ['esm.mjs'], { cwd: consumer, timeoutMs: 60_000 });
    expect(esm.code, esm.output).toBe(0);
    expect(JSON.parse(esm.stdout)).toEqual({
      seen: 'GET /projects/dev/plans/pln_1',
      id: 'pln_1',
      guard: false,
    });

    // CommonJS: the same exports through require.
    await writeFile(
      join(consumer, 'cjs.cjs'),
      `const sdk = require('${packed.name}');
console.log(JSON.stringify({ client: typeof sdk.Gigs, guard: typeof sdk.isPlan, file: require.resolve('${packed.name}') }));
`,
    );
    const cjs = await run(process.execPath, ['cjs.cjs'], { cwd: consumer, timeoutMs: 60_000 });
    expect(cjs.code, cjs.output).toBe(0);
    const loaded = JSON.parse(cjs.stdout) as { client: string; guard: string; file: string };
    expect(loaded).toMatchObject({ client: 'function', guard: 'function' });
    expect(loaded.file).toBe(join(consumer, 'node_modules', packed.name, 'dist/cjs/index.js'));
  });

  it('npm publish --dry-run --provenance accepts it: name, version, public access', async () => {
    const publish = await run(
      'npm',
      ['publish', '--dry-run', '--provenance', '--ignore-scripts', '--loglevel', 'notice'],
      { cwd: packageDir, env: NPM_ENV, timeoutMs: 120_000 },
    );
    expect(publish.code, publish.output).toBe(0);
    expect(publish.output).toContain(`+ ${packed.name}@${packed.version}`);
    expect(publish.output).toMatch(/with tag latest and public access \(dry-run\)/);
  });
});

/** `entry` under `dir` as npm's `files` reads it: the file, or every file in the folder; none if missing. */
async function filesAt(dir: string, entry: string): Promise<string[]> {
  const info = await stat(join(dir, entry)).catch(() => undefined);
  if (info === undefined) return [];
  if (!info.isDirectory()) return [entry];
  const inside = await readdir(join(dir, entry), { recursive: true, withFileTypes: true });
  return inside
    .filter((item) => item.isFile())
    .map((item) => relative(dir, join(item.parentPath, item.name)).split('\\').join('/'));
}
