/**
 * Which response object a 2xx answer is read by (OpenAPI 3.1.1 §4.8.16: an exact code beats its
 * range, `2XX`, which beats `default`): the reader (JSON, text, bytes, nothing) follows the
 * response the answer's status selects, and the method resolves to the union of what each of
 * them can give. `default` describes a success only where the operation declares no 2xx response
 * (its type then is the result). `2xx` is read as `2XX`, with a warning. A real server on
 * 127.0.0.1 answers.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { specModel } from '../model/fixture-model.ts';
import { diagnostics, EQUAL, readmeModules, specPackage } from '../faults/package.ts';
import { startServer, type Reply, type TestServer } from '../runtime/server.ts';

const thing = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
const jsonOf = (schema: unknown) => ({ 'application/json': { schema } });
const text = { 'text/plain': { schema: { type: 'string' } } };
const bytes = { 'application/octet-stream': { schema: {} } };

function get(id: string, responses: Record<string, unknown>): Record<string, unknown> {
  return { get: { operationId: id, 'x-sdk-method': `things.${id}`, tags: ['things'], responses } };
}

const SPEC = {
  openapi: '3.1.1',
  info: { title: 'Statuses', version: '1.0.0' },
  paths: {
    '/mixed': get('mixed', {
      '200': { description: 'JSON', content: jsonOf(thing) },
      '2XX': { description: 'Text', content: text },
      '4XX': { description: 'Text error', content: text },
    }),
    '/fallback': get('fallback', {
      '200': { description: 'JSON', content: jsonOf(thing) },
      default: { description: 'Text', content: text },
    }),
    '/ranged': get('ranged', {
      '204': { description: 'Nothing' },
      '2XX': { description: 'Bytes', content: bytes },
    }),
    '/only-default': get('onlyDefault', {
      default: { description: 'Any answer', content: jsonOf(thing) },
    }),
    '/lower': get('lower', { '2xx': { description: 'Text', content: text } }),
    // The 201 is like the 200, but left out of the table it would select the range.
    '/plain': get('plain', {
      '200': { description: 'Done' },
      '201': { description: 'Made' },
      '2XX': {
        description: 'Names',
        content: jsonOf({ type: 'array', items: { type: 'string' } }),
      },
    }),
  },
};

type Call = () => Promise<unknown>;
let server: TestServer;
let client: {
  things: Record<'mixed' | 'fallback' | 'ranged' | 'onlyDefault' | 'lower' | 'plain', Call>;
};
let reply: Reply;

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  const out = join(await tempDir('statuses-'), 'sdk');
  await generate({ spec, out, name: 'statuses-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => reply);
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Statuses: new (options: Record<string, unknown>) => typeof client;
    responseGuards: unknown;
  };
  // Validation on: the guard of the 200's JSON must not be asked about a 2XX text body.
  client = new exports.Statuses({
    baseURL: server.url,
    maxRetries: 0,
    responseValidation: 'throw',
    responseGuards: exports.responseGuards,
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

const answer = (status: number, type: string | undefined, body: string): Reply => ({
  status,
  headers: type === undefined ? {} : { 'content-type': type },
  body,
});

describe('a 2xx answer is read by the response its status selects', () => {
  it.each<[string, keyof typeof client.things, Reply, unknown]>([
    ['exact code: JSON', 'mixed', answer(200, 'application/json', '{"id":"a"}'), { id: 'a' }],
    ['the 2XX range: text', 'mixed', answer(201, 'text/plain', 'made'), 'made'],
    ['default beside 200: text', 'fallback', answer(201, 'text/plain', 'made'), 'made'],
    ['exact 204: nothing', 'ranged', answer(204, undefined, ''), undefined],
    ['2XX beside 204: bytes', 'ranged', answer(200, 'application/octet-stream', 'xy'), 'xy'],
    [
      'default only: JSON',
      'onlyDefault',
      answer(202, 'application/json', '{"id":"b"}'),
      { id: 'b' },
    ],
    ['2xx written lowercase: text', 'lower', answer(200, 'text/plain', 'low'), 'low'],
    [
      'exact 201 like the 200, beside 2XX: nothing',
      'plain',
      answer(201, 'application/json', '["x"]'),
      undefined,
    ],
    ['2XX beside them: JSON', 'plain', answer(206, 'application/json', '["x"]'), ['x']],
  ])('%s', async (_case, method, answerWith, want) => {
    reply = answerWith;
    const got = await client.things[method]();
    expect(got instanceof Blob ? await got.text() : got).toEqual(want);
  });

  it('asks for every media type a success may come in', async () => {
    reply = answer(200, 'application/json', '{"id":"a"}');
    server.requests.length = 0;
    await client.things.mixed();
    expect(server.requests[0]?.headers['accept']).toBe('application/json, text/plain');
  });

  it('an error status (4XX) still rejects, with its text in the message', async () => {
    reply = answer(404, 'text/plain', 'gone');
    const error = (await client.things.mixed().catch((caught: unknown) => caught)) as {
      status?: number;
      message?: string;
    };
    expect([error.status, error.message]).toEqual([404, '404 Not Found (GET /mixed): gone']);
  });
});

describe('the method resolves to the union of its success responses', () => {
  it('types each method by the responses a 2xx can select, README examples too', async () => {
    const pkg = await specPackage(SPEC);
    const check = `${EQUAL}
import type { Statuses } from './client.js';
type Result<K extends keyof Statuses['things']> = Statuses['things'][K] extends (
  ...args: never[]
) => PromiseLike<infer R>
  ? R
  : never;
same<Result<'mixed'>, { id: string } | string>(true);
same<Result<'fallback'>, { id: string }>(true);
same<Result<'ranged'>, Blob | undefined>(true);
same<Result<'onlyDefault'>, { id: string }>(true);
same<Result<'lower'>, string>(true);
`;
    // The README's examples compile against the union types too.
    expect(diagnostics(pkg, { ...readmeModules(pkg), 'src/check.ts': check })).toEqual([]);
  });
});

describe('response keys', () => {
  it('warns about a lowercase range, naming where and the fix', async () => {
    const model = await specModel(await writeSpec(SPEC));
    const warning = model.warnings.find((entry) => entry.message.includes('2xx'));
    expect(warning?.location).toMatchObject({ pointer: '#/paths/~1lower/get/responses/2xx' });
    expect(warning?.hint).toContain('2XX');
  });

  it('refuses a key that is no status code, range or default', async () => {
    const spec = { ...SPEC, paths: { '/odd': get('odd', { '20O': { description: 'typo' } }) } };
    const error = await specModel(await writeSpec(spec)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeneratorError);
    expect(String((error as Error).message)).toContain('20O');
    expect((error as GeneratorError).location).toMatchObject({
      pointer: '#/paths/~1odd/get/responses/20O',
    });
  });

  it('skips x- extensions among the responses', async () => {
    const spec = {
      ...SPEC,
      paths: { '/ext': get('ext', { '200': { description: 'OK' }, 'x-note': 'no status' }) },
    };
    const model = await specModel(await writeSpec(spec));
    expect(model.operations[0]?.responses.map((response) => response.status)).toEqual(['200']);
  });
});
