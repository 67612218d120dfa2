/**
 * The testing kit (`<package>/testing`) as a user gets it: a fresh project installs the packed
 * tarball with msw (the kit's optional peer dependency) and vitest, and runs vitest on a test
 * file that drives the real client against the kit's mocks, in Node. Beside it: `tsc --strict`
 * rejects a wrong body type, and esbuild's metafile shows that a bundle importing only the client
 * contains neither the kit nor msw.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/lib/run.ts';
import { ROOT } from '../helpers/spec.ts';
import { packedPackage, type PackedPackage } from './helpers/packed-package.ts';
import { consumerTsc } from './helpers/consumer-tsc.ts';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let packed: PackedPackage;
/** The consumer project: the tarball, msw and vitest installed from npm's cache. */
let project: string;

beforeAll(async () => {
  packed = await packedPackage();
  const root = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  project = join(packed.packageDir, '..', `kit-consumer-${process.pid}`);
  await mkdir(project, { recursive: true });
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'kit-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  const wanted = [
    packed.tarball,
    `msw@${root.devDependencies['msw']!}`,
    `vitest@${root.devDependencies['vitest']!}`,
  ];
  const flags = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel', 'error'];
  // From npm's cache (the toolchain's `npm ci` filled it); from the registry only if it is not there.
  const offline = await run(NPM, ['install', ...wanted, '--offline', ...flags], {
    cwd: project,
    timeoutMs: 180_000,
  });
  if (offline.code !== 0) {
    const online = await run(NPM, ['install', ...wanted, '--prefer-offline', ...flags], {
      cwd: project,
      timeoutMs: 180_000,
    });
    expect(online.code, `npm install in ${project}:\n${online.output}`).toBe(0);
  }
}, 400_000);

/** The user's test file: the client against the kit's mocks, through every feature of the kit. */
const KIT_TEST = (pkg: string) => `
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { APIConnectionError, Gigs, NotFoundError } from '${pkg}';
import { createMock, fixtures, requestFixtures } from '${pkg}/testing';

const mock = createMock();
const server = setupServer(...mock.handlers);
const client = new Gigs({ token: 'test-token', project: 'test-project', maxRetries: 0 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

it('answers every operation with the spec example by default', async () => {
  expect(mock.handlers).toHaveLength(19);
  expect(await client.plans.retrieve('pln_1')).toEqual(fixtures.plans.retrieve);
  expect(await client.addons.retrieve('add_1')).toEqual(fixtures.addons.retrieve);
  expect(await client.subscriptionChanges.create({ subscription: 'sub_1' })).toEqual(
    fixtures.subscriptionChanges.create,
  );
  expect(mock.plans.retrieve.calls[0]?.params).toEqual({ project: 'test-project', plan: 'pln_1' });
});

it('replies with a typed body given by the test', async () => {
  mock.plans.retrieve.reply({ ...fixtures.plans.retrieve, name: 'Mocked plan' });
  const plan = await client.plans.retrieve('pln_1');
  expect(plan.name).toBe('Mocked plan');
});

it('fails with a typed error body, which the client turns into its error class', async () => {
  mock.plans.retrieve.fail(404, { object: 'error', type: 'notFound', message: 'No such plan.' });
  const error = await client.plans.retrieve('pln_missing').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NotFoundError);
  expect((error as NotFoundError).status).toBe(404);
  expect((error as NotFoundError).body).toEqual({
    object: 'error',
    type: 'notFound',
    message: 'No such plan.',
  });
});

it('records what the client sent', async () => {
  await client.addons.update('add_42', requestFixtures.addons.update);
  const [call] = mock.addons.update.calls;
  expect(call?.method).toBe('PATCH');
  expect(call?.params.addon).toBe('add_42');
  expect(call?.body).toEqual(requestFixtures.addons.update);
  expect(call?.headers.get('authorization')).toBe('Bearer test-token');
});

it('pages through a mocked list with for await', async () => {
  const plans = Array.from({ length: 7 }, (_, index) => ({
    ...fixtures.plans.retrieve,
    id: 'pln_' + index,
  }));
  mock.plans.list.items(plans, { pageSize: 3 });
  const ids: string[] = [];
  for await (const plan of client.plans.list()) ids.push(plan.id);
  expect(ids).toEqual(plans.map((plan) => plan.id));
  expect(mock.plans.list.calls.map((call) => call.query.get('after'))).toEqual([
    null,
    'pln_2',
    'pln_5',
  ]);
  const page = await client.plans.list({ limit: 2 });
  expect(page.items.map((plan) => plan.id)).toEqual(['pln_0', 'pln_1']);
  expect(page.hasNextPage()).toBe(true);
});

it('answers once, then falls back; and fails at the network level', async () => {
  mock.plans.retrieve.fail(503, { object: 'error', type: 'unavailable', message: 'Busy.' }, { once: true });
  await expect(client.plans.retrieve('pln_1')).rejects.toThrow();
  expect(await client.plans.retrieve('pln_1')).toEqual(fixtures.plans.retrieve);
  mock.plans.retrieve.networkError();
  await expect(client.plans.retrieve('pln_1')).rejects.toBeInstanceOf(APIConnectionError);
});
`;

/** A type test: each `@ts-expect-error` line must be an error, or tsc reports the directive unused. */
const TYPE_TEST = (pkg: string) => `
import { createMock, fixtures } from '${pkg}/testing';

const mock = createMock();
mock.plans.retrieve.reply({ ...fixtures.plans.retrieve, name: 'fine' });
mock.plans.retrieve.fail(404, { object: 'error', type: 'notFound', message: 'fine' });
mock.plans.list.items([fixtures.plans.retrieve]);

// @ts-expect-error: a plan's name is a string
mock.plans.retrieve.reply({ ...fixtures.plans.retrieve, name: 42 });
// @ts-expect-error: a plan has required properties
mock.plans.retrieve.reply({ id: 'pln_1' });
// @ts-expect-error: the error body is the spec's error object
mock.plans.retrieve.fail(404, { message: 42 });
// @ts-expect-error: a plan list holds plans
mock.plans.list.items([{ id: 'pln_1' }]);
// @ts-expect-error: an add-on is not a plan
mock.plans.retrieve.reply(fixtures.addons.retrieve);

export {};
`;

describe('the testing kit, installed from the tarball', () => {
  it('declares msw as an optional peer dependency, and ./testing as its own export', async () => {
    const manifest = JSON.parse(
      await readFile(join(project, 'node_modules', packed.name, 'package.json'), 'utf8'),
    ) as Record<string, Record<string, unknown>>;
    expect(manifest['peerDependencies']).toEqual({ msw: expect.stringMatching(/^\^2\./) });
    expect(manifest['peerDependenciesMeta']).toEqual({ msw: { optional: true } });
    expect(manifest['dependencies']).not.toHaveProperty('msw');
    expect(Object.keys(manifest['exports'] ?? {})).toContain('./testing');
    expect(packed.tarballFiles).toEqual(
      expect.arrayContaining(['dist/esm/testing/index.js', 'dist/cjs/testing/index.d.ts']),
    );
  });

  it(
    'runs a consumer vitest suite that drives the client against the mocks in Node',
    { timeout: 180_000 },
    async () => {
      await writeFile(join(project, 'kit.test.ts'), KIT_TEST(packed.name));
      const result = await run(
        join(project, 'node_modules', '.bin', 'vitest'),
        ['run', 'kit.test.ts', '--reporter=json', '--outputFile=report.json'],
        { cwd: project, timeoutMs: 150_000 },
      );
      const report = JSON.parse(await readFile(join(project, 'report.json'), 'utf8')) as {
        numTotalTests: number;
        numPassedTests: number;
        testResults: { assertionResults: { title: string; failureMessages: string[] }[] }[];
      };
      const failures = report.testResults
        .flatMap((file) => file.assertionResults)
        .filter((test) => test.failureMessages.length > 0)
        .map((test) => `${test.title}: ${test.failureMessages.join('\n')}`);
      expect(failures, result.output).toEqual([]);
      expect(report.numTotalTests).toBe(6);
      expect(report.numPassedTests).toBe(6);
      expect(result.code).toBe(0);
    },
  );

  it('makes a wrong body type a compile error (tsc --strict)', { timeout: 120_000 }, async () => {
    // One program, two files: with the directives it compiles; without them, each line is an error.
    await writeFile(join(project, 'types.ts'), TYPE_TEST(packed.name));
    await writeFile(
      join(project, 'types-unchecked.ts'),
      TYPE_TEST(packed.name).replace(/\/\/ @ts-expect-error.*\n/g, ''),
    );
    const result = await consumerTsc(
      project,
      ['types.ts', 'types-unchecked.ts'],
      { noEmit: true },
      100_000,
    );
    const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors.filter((line) => !line.startsWith('types-unchecked.ts('))).toEqual([]);
    expect(errors).toHaveLength(5);
  });

  it('stays out of a bundle that imports only the client (esbuild metafile)', async () => {
    await writeFile(
      join(project, 'client-only.ts'),
      `import { Gigs } from '${packed.name}';\nconsole.log(new Gigs({ token: 't', project: 'p' }));\n`,
    );
    await writeFile(
      join(project, 'with-kit.ts'),
      `import { createMock } from '${packed.name}/testing';\nconsole.log(createMock().handlers.length);\n`,
    );
    const bundle = async (entry: string) => {
      const result = await build({
        absWorkingDir: project,
        entryPoints: [entry],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      return Object.keys(result.metafile.inputs);
    };
    const clientOnly = await bundle('client-only.ts');
    expect(clientOnly.some((input) => input.includes(`${packed.name}/dist/esm/client.js`))).toBe(
      true,
    );
    expect(clientOnly.filter((input) => /\/testing\/|node_modules\/msw\//.test(input))).toEqual([]);
    // The check can fail: a bundle that imports the kit has it, and msw.
    const withKit = await bundle('with-kit.ts');
    expect(
      withKit.some((input) => input.includes(`${packed.name}/dist/esm/testing/index.js`)),
    ).toBe(true);
    expect(withKit.some((input) => input.includes('node_modules/msw/'))).toBe(true);
  });
});
