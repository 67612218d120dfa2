/**
 * The curl sample of an operation (generator/emit/curl-sample.ts, the docs' Shell tab) sends the
 * bytes the generated client sends for the same values: the same path, query string, header
 * values and form body, percent-encoded alike (RFC 6570's set: `!'()*` encoded, `|` as `%7C`,
 * `+` for a form's spaces), every style, `allowReserved` and JSON `content` parameters included;
 * multipart parts typed as the client types them. The client's request is what a real server on
 * 127.0.0.1 receives.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlSample } from '../../generator/emit/curl-sample.ts';
import { sampleRequest } from '../../generator/emit/sample-request.ts';
import { generate } from '../../generator/index.ts';
import type { ApiModel, OperationModel } from '../../generator/model/types.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { specModel } from '../model/fixture-model.ts';
import { startServer, type TestServer } from '../runtime/server.ts';

const strings = { type: 'array', items: { type: 'string' } };
const color = {
  type: 'object',
  properties: { R: { type: 'integer' }, G: { type: 'string' } },
};
const param = (name: string, location: string, schema: unknown, example: unknown, extra = {}) => ({
  name,
  in: location,
  required: location !== 'query',
  schema,
  example,
  ...extra,
});

const SPEC = {
  openapi: '3.1.1',
  info: { title: 'Wire', version: '1.0.0' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/items/{id}/{tags}/{label}/{matrix}/{shade}': {
      get: {
        operationId: 'find',
        'x-sdk-method': 'items.find',
        tags: ['items'],
        parameters: [
          param('id', 'path', { type: 'string' }, "it's (a) b!*"),
          param('tags', 'path', strings, ['x y', 'z|w']),
          param('label', 'path', strings, ['a', 'b'], { style: 'label' }),
          param('matrix', 'path', strings, ['a', 'b'], { style: 'matrix', explode: true }),
          param('shade', 'path', color, { R: 1, G: 'g h' }),
          param('q', 'query', { type: 'string' }, "it's (ok)* | +1"),
          param('csv', 'query', strings, ['a b', 'c'], { explode: false }),
          param('pipes', 'query', strings, ['a', 'b'], { style: 'pipeDelimited', explode: false }),
          param('spaces', 'query', strings, ['a', 'b'], {
            style: 'spaceDelimited',
            explode: false,
          }),
          param(
            'pobj',
            'query',
            color,
            { R: 1, G: 'x' },
            { style: 'pipeDelimited', explode: false },
          ),
          param('deep', 'query', color, { R: 2, G: 'y z' }, { style: 'deepObject', explode: true }),
          param('flat', 'query', color, { R: 3, G: '!' }),
          param('raw', 'query', { type: 'string' }, 'a/b?c=[d]', { allowReserved: true }),
          // Numbers `String()` writes with an exponent, as plain decimals on both sides.
          param('big', 'query', { type: 'number' }, 1e21),
          param('tiny', 'query', { type: 'array', items: { type: 'number' } }, [2.5e-7, 1]),
          {
            name: 'near',
            in: 'query',
            content: { 'application/json': { schema: color } },
            example: { R: 4, G: "o'k" },
          },
          param('X-List', 'header', strings, ['a', 'b']),
          param('X-Shade', 'header', color, { R: 5, G: 'v' }, { explode: true }),
          param('X-Big', 'header', { type: 'integer' }, 3e21),
          // An empty list is no header at all (RFC 6570 `simple`), from either side.
          param('X-None', 'header', strings, []),
        ],
        responses: { '204': { description: 'Done' } },
      },
    },
    '/forms': {
      post: {
        operationId: 'submit',
        'x-sdk-method': 'items.submit',
        tags: ['items'],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string' },
                  address: color,
                  tags: strings,
                  csv: strings,
                  kept: { type: 'string' },
                  amount: { type: 'number' },
                },
              },
              example: {
                name: "Jo (the) + 'best'!",
                address: { R: 1, G: 'a b' },
                tags: ['a b', 'c'],
                csv: ['d', 'e'],
                kept: 'a/b:c',
                amount: 1.5e-9,
              },
              encoding: {
                csv: { style: 'form', explode: false },
                kept: { allowReserved: true },
              },
            },
          },
        },
        responses: { '204': { description: 'Done' } },
      },
    },
    '/uploads': {
      post: {
        operationId: 'upload',
        'x-sdk-method': 'items.upload',
        tags: ['items'],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { meta: color, note: { type: 'string' }, tags: strings },
              },
              example: { meta: { R: 1, G: 'x' }, note: 'a;b,"c"', tags: ['p', 'q'] },
              encoding: { note: { contentType: 'text/markdown' } },
            },
          },
        },
        responses: { '204': { description: 'Done' } },
      },
    },
  },
};

let server: TestServer;
let model: ApiModel;
let items: Record<string, (...args: unknown[]) => Promise<unknown>>;

beforeAll(async () => {
  const spec = await writeSpec(SPEC);
  model = await specModel(spec);
  const out = join(await tempDir('wire-'), 'sdk');
  await generate({ spec, out, name: 'wire-sdk' });
  await linkNodeModules(out);
  server = await startServer(() => ({ status: 204 }));
  const exports = (await import(join(out, 'src/client.ts'))) as {
    Wire: new (options: Record<string, unknown>) => { items: typeof items };
  };
  items = new exports.Wire({ baseURL: server.url, maxRetries: 0, token: 't' }).items;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

function operation(id: string): OperationModel {
  const found = model.operations.find((entry) => entry.operationId === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
}

/** The single-quoted arguments of the curl lines starting with `flag`, unquoted. */
function curlArguments(command: string, flag: string): string[] {
  return command
    .split(' \\\n  ')
    .filter((line) => line.startsWith(`${flag} '`))
    .map((line) => line.slice(flag.length + 2, -1).replace(/'\\''/g, "'"));
}

/** Sends the operation's sample request through the client; what the server received. */
async function clientSends(id: string) {
  const op = operation(id);
  const sample = sampleRequest(op, model);
  const args = op.shape.pathArgs.map((slot) => sample.path.get(slot.parameter.name));
  const params: Record<string, unknown> = {};
  for (const { parameter, value } of [...sample.query, ...sample.headers])
    params[parameter.name] = value;
  if (sample.body !== null && typeof sample.body === 'object') Object.assign(params, sample.body);
  server.requests.length = 0;
  await items[op.sdk.method]!(...args, params);
  const request = server.requests[0];
  if (request === undefined) throw new Error('nothing sent');
  return request;
}

describe('the curl sample sends what the client sends', () => {
  it('path and query, every style', async () => {
    const request = await clientSends('find');
    const [url] = curlArguments(curlSample(operation('find'), model), '--url');
    expect(url).toBe(`https://api.example.com${request.url}`);
  });

  it('header parameters', async () => {
    const request = await clientSends('find');
    const headers = curlArguments(curlSample(operation('find'), model), '--header');
    expect(headers).toContain(`X-List: ${String(request.headers['x-list'])}`);
    expect(headers).toContain(`X-Shade: ${String(request.headers['x-shade'])}`);
    expect(headers).toContain(`X-Big: ${String(request.headers['x-big'])}`);
    expect(request.headers['x-none']).toBeUndefined();
    expect(headers.filter((header) => header.startsWith('X-None'))).toEqual([]);
  });

  it('a form body, byte for byte', async () => {
    const request = await clientSends('submit');
    const command = curlSample(operation('submit'), model);
    expect(curlArguments(command, '--data')).toEqual([request.body]);
    expect(curlArguments(command, '--header')).toContain(
      `Content-Type: ${String(request.headers['content-type'])}`,
    );
  });

  it('multipart parts with the types the client gives them', () => {
    const command = curlSample(operation('upload'), model);
    const parts = command
      .split(' \\\n  ')
      .filter((line) => line.startsWith('--form'))
      .map((line) => line.replace(/'\\''/g, "'"));
    // Typed parts double-quoted (curl unescapes \" and \\), text read literally.
    expect(parts).toEqual([
      `--form 'meta="{\\"R\\":1,\\"G\\":\\"x\\"}";type=application/json'`,
      `--form 'note="a;b,\\"c\\"";type=text/markdown'`,
      `--form-string 'tags=p'`,
      `--form-string 'tags=q'`,
    ]);
  });
});
