/**
 * Response validation checks every JSON success body that has a schema, not only a `$ref` to a
 * named one (test/fixtures/faults/inline-response-bodies.yaml): a list of refs, a nullable ref, an
 * object written inline, a map, a oneOf and an allOf of refs; and the bodies of the other success
 * responses an operation declares (a `201` beside a `200`, a `2XX`), each by its own guard. The generated client runs with
 * `responseValidation: 'throw'` (and `'warn'`) against a real node:http server: an invalid body
 * rejects with ResponseValidationError naming the JSON pointer of each issue, a valid one resolves.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { linkNodeModules, removeTempDirs, tempDir } from '../generator/helpers.ts';
import { json, startServer, type Reply, type TestServer } from '../runtime/server.ts';
import { recordingLogger } from '../helpers/logger.ts';

const SPEC = 'test/fixtures/faults/inline-response-bodies.yaml';

let exports: Record<string, unknown>;
let server: TestServer;
let reply: Reply = json(200, {});

beforeAll(async () => {
  const out = await tempDir('inline-response-bodies-');
  await generate({ spec: SPEC, out });
  await linkNodeModules(out);
  exports = (await import(join(out, 'src/index.ts'))) as Record<string, unknown>;
  server = await startServer(() => reply);
}, 120_000);
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});

type Method = (...args: unknown[]) => Promise<unknown>;
type Zoo = { animals: Record<string, Method> };

function zoo(options: Record<string, unknown>): Zoo {
  const Client = exports['Zoo'] as new (options: Record<string, unknown>) => Zoo;
  return new Client({ baseURL: server.url, maxRetries: 0, ...options });
}

const strict = () =>
  zoo({ responseValidation: 'throw', responseGuards: exports['responseGuards'] });

interface Issue {
  path: string;
}

const cow = { id: 'a1', kind: 'cow' };

/** Each method with a body it must refuse, the pointers of the issues, and a body it must take. */
const CASES: [
  method: string,
  args: unknown[],
  invalid: unknown,
  paths: string[],
  valid: unknown,
][] = [
  ['list', [], [cow, { id: 5, kind: 'cow' }], ['/1/id'], [cow]],
  ['getMate', ['a1'], { id: 'a2', kind: 'cat' }, ['/kind'], null],
  ['getMate', ['a1'], 7, [''], cow],
  [
    'getKeeper',
    ['a1'],
    { name: 'Sam', animals: [{ id: 'a1' }] },
    ['/animals/0/kind'],
    {
      name: 'Sam',
      animals: [cow],
    },
  ],
  [
    'getCensus',
    [],
    { north: cow, 'south/east': { id: 3, kind: 'lion' } },
    ['/south~1east/id'],
    {
      north: cow,
    },
  ],
  ['nextFeeding', [], { food: 'Meat', kilos: 'lots' }, ['/kilos'], { food: 'Hay', bales: 2 }],
  ['getStar', [], { ...cow, fans: -1 }, ['/fans'], { ...cow, fans: 9 }],
];

describe("responseValidation: 'throw' on bodies that are not a named schema", () => {
  it.each(CASES)(
    '%s refuses an invalid body, naming where',
    async (method, args, invalid, paths) => {
      reply = json(200, invalid);
      const client = strict();
      const error = await client.animals[method]!(...args).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(exports['ResponseValidationError']);
      const issues = (error as { issues: Issue[] }).issues;
      expect(issues.map((issue) => issue.path)).toEqual(paths);
      expect((error as Error).message).toMatch(/^The response of GET \/\S+ does not match \w+: /);
    },
  );

  it.each(CASES)('%s resolves with a valid body', async (method, args, _invalid, _paths, valid) => {
    reply = json(200, valid);
    await expect(strict().animals[method]!(...args)).resolves.toEqual(valid);
  });

  it("each guard is named after its operation's response, never taking a schema's name", async () => {
    reply = json(200, 'not an animal');
    const error = await strict().animals['getMate']!('a1').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as { schema: string }).schema).toBe('AnimalGetMateResponse2');
    const guards = exports as Record<string, (value: unknown) => { ok: boolean }>;
    expect(guards['validateAnimalGetMateResponse']!('a string').ok).toBe(true);
    expect(guards['validateAnimalGetMateResponse2']!(null).ok).toBe(true);
    expect(guards['validateAnimalListResponse']!([{ id: 5, kind: 'cow' }]).ok).toBe(false);
  });

  it('a `*/*` body is checked when it arrives as JSON, and left alone when it is text', async () => {
    reply = json(200, ['ok', 3]);
    const error = await strict().animals['listPhotos']!().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(exports['ResponseValidationError']);
    expect((error as { issues: Issue[] }).issues.map((issue) => issue.path)).toEqual(['/1']);
    reply = json(200, ['ok']);
    await expect(strict().animals['listPhotos']!()).resolves.toEqual(['ok']);
    reply = { status: 200, headers: { 'content-type': 'text/plain' }, body: 'a cow' };
    await expect(strict().animals['listPhotos']!()).resolves.toBe('a cow');
  });

  it('a JSON body sent with another media type where JSON is declared is still checked', async () => {
    reply = { status: 200, headers: { 'content-type': 'text/plain' }, body: '[{"id":5}]' };
    await expect(strict().animals['list']!()).rejects.toBeInstanceOf(
      exports['ResponseValidationError'],
    );
  });

  it('a body that is a named schema keeps its guard, named after the schema', async () => {
    reply = json(200, { id: 5, kind: 'cow' });
    const error = await strict().animals['get']!('a1').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(exports['ResponseValidationError']);
    expect((error as { schema: string }).schema).toBe('Animal');
  });

  it.each<[status: number, invalid: unknown, paths: string[], schema: RegExp, valid: unknown]>([
    [200, { id: 1, kind: 'cow' }, ['/id'], /^Animal$/, cow],
    [201, { ticket: 7 }, ['/ticket'], /^AnimalAdopt201Response$/, { ticket: 't-1' }],
    [202, { food: 'Hay', bales: 'two' }, ['/bales'], /^Hay$/, { food: 'Hay', bales: 2 }],
    [203, { id: 'a1', kind: 'dog' }, ['/kind'], /^Animal$/, cow],
    [206, ['news', 3], ['/1'], /^AnimalAdopt2XXResponse$/, ['news']],
  ])(
    'every success response is checked by its own body’s guard: %i',
    async (status, invalid, paths, schema, valid) => {
      reply = json(status, invalid);
      const error = await strict().animals['adopt']!().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(exports['ResponseValidationError']);
      expect((error as { issues: Issue[] }).issues.map((issue) => issue.path)).toEqual(paths);
      expect((error as { schema: string }).schema).toMatch(schema);
      reply = json(status, valid);
      await expect(strict().animals['adopt']!()).resolves.toEqual(valid);
    },
  );

  it("'warn' logs the list's issue and resolves with the body", async () => {
    const logger = recordingLogger();
    const body = [{ id: 5, kind: 'cow' }];
    reply = json(200, body);
    const client = zoo({
      responseValidation: 'warn',
      responseGuards: exports['responseGuards'],
      logger,
    });
    await expect(client.animals['list']!()).resolves.toEqual(body);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(
      /^warn The response of GET \/animals does not match \w+: \/0\/id/,
    );
  });
});
