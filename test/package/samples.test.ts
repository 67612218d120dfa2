/**
 * The docs' two samples of every operation (generator/emit/code-samples.ts) send the request
 * they promise, to a recording node:http server on 127.0.0.1: the curl command run by `sh` (its
 * quoting, method, headers, query string and JSON body as a shell and curl read them), and the
 * TypeScript program bundled with esbuild against the installed package and run by Node. Both
 * must send the spec's request example as the body, the example ids in the path, the filters that
 * have examples in the query, and the same request as each other.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSamples } from '../../generator/emit/code-samples.ts';
import type { ApiModel, OperationModel } from '../../generator/model/types.ts';
import { loadModel } from '../../scripts/lib/code-samples.ts';
import { run } from '../../scripts/lib/run.ts';
import { SPEC_FILE } from '../helpers/spec.ts';
import { consumerSubfolder, packedPackage } from './helpers/packed-package.ts';

const TOKEN = 'sample-token-0123';

interface Seen {
  method: string;
  path: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Loaded before the tests are collected: they are one per operation. */
const model: ApiModel = await loadModel(SPEC_FILE);
let server: { url: string; seen: Map<string, Seen>; close(): Promise<void> };
let consumer: string;
/** `METHOD path` → the request the curl sample sent, and the one the TypeScript sample sent. */
const curlSent = new Map<string, Seen>();
const typescriptSent = new Map<string, Seen>();

beforeAll(async () => {
  const packed = await packedPackage();
  server = await recordingServer(model);
  consumer = await consumerSubfolder(packed, 'samples');
  const samples = codeSamples(model);
  const server_ = model.info.serverUrl!;

  // curl: each command as written, run by sh, with the server's URL in place of the API's.
  for (const [index, { method, path, samples: pair }] of samples.entries()) {
    const curl = pair.find((sample) => sample.label === 'curl')!.source;
    expect(curl.startsWith('curl ')).toBe(true);
    const result = await run('sh', ['-c', curl.replaceAll(server_, `${server.url}/curl${index}`)], {
      env: { GIGS_TOKEN: TOKEN },
      timeoutMs: 30_000,
    });
    expect(result.code, `curl sample of ${method} ${path}:\n${result.output}`).toBe(0);
    curlSent.set(`${method.toUpperCase()} ${path}`, takeSeen(`/curl${index}`));
  }

  // TypeScript: every program bundled in one esbuild run, then each run by Node.
  const entries = samples.map((_entry, index) => join(consumer, `sample-${index}.ts`));
  for (const [index, { samples: pair }] of samples.entries())
    await writeFile(entries[index]!, `${pair[0]!.source}\nexport {};\n`);
  await build({
    absWorkingDir: consumer,
    entryPoints: entries,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: join(consumer, 'out'),
    logLevel: 'silent',
  });
  for (const [index, { method, path }] of samples.entries()) {
    const result = await run(process.execPath, [join(consumer, 'out', `sample-${index}.js`)], {
      env: {
        GIGS_TOKEN: TOKEN,
        GIGS_PROJECT: projectExample(model),
        GIGS_BASE_URL: `${server.url}/ts${index}`,
      },
      timeoutMs: 30_000,
    });
    expect(result.code, `TypeScript sample of ${method} ${path}:\n${result.output}`).toBe(0);
    typescriptSent.set(`${method.toUpperCase()} ${path}`, takeSeen(`/ts${index}`));
  }
}, 240_000);

afterAll(async () => {
  await server?.close();
});

function takeSeen(prefix: string): Seen {
  const seen = server.seen.get(prefix);
  expect(seen, `a request under ${prefix}`).toBeDefined();
  return seen!;
}

/** The example of the parameter the client fills from its `project` option. */
function projectExample(model: ApiModel): string {
  for (const operation of model.operations) {
    const parameter = operation.parameters.find((p) => p.clientOption === 'project');
    if (typeof parameter?.example === 'string') return parameter.example;
  }
  throw new Error('the spec has no example for the project parameter');
}

function operations(): [string, OperationModel][] {
  return model.operations.map((operation) => [
    `${operation.method.toUpperCase()} ${operation.path}`,
    operation,
  ]);
}

describe('the curl sample of each operation, run by sh', () => {
  it.each(operations())(
    '%s sends the method, token, example path, filters and body',
    (key, operation) => {
      const sent = curlSent.get(key)!;
      expect(sent.method).toBe(operation.method.toUpperCase());
      expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(sent.path).toBe(examplePath(operation));
      const filters = operation.parameters
        .filter((p) => p.in === 'query' && p.example !== undefined)
        .map((p) => p.name);
      expect(sent.query.map(([name]) => name).sort()).toEqual(filters.sort());
      const example = operation.body?.examples?.[0]?.value;
      if (example !== undefined) {
        expect(sent.headers['content-type']).toBe(operation.body!.contentType);
        expect(sent.body).toEqual(example);
      } else expect(sent.body).toBeUndefined();
    },
  );
});

describe('the TypeScript sample of each operation, run against the installed package', () => {
  it.each(operations())('%s sends the same request as its curl sample', (key) => {
    const curl = curlSent.get(key)!;
    const typescript = typescriptSent.get(key)!;
    expect(typescript.method).toBe(curl.method);
    expect(typescript.path).toBe(curl.path);
    expect(typescript.query).toEqual(curl.query);
    expect(typescript.headers.authorization).toBe(curl.headers.authorization);
    expect(typescript.body).toEqual(curl.body);
  });
});

/** The operation's path with every parameter's example in its place. */
function examplePath(operation: OperationModel): string {
  return operation.path.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const example = operation.parameters.find((p) => p.in === 'path' && p.name === name)?.example;
    return encodeURIComponent(String(example));
  });
}

/**
 * Records the first request under each path prefix (`/curl3/…`, `/ts3/…`) and answers it with
 * the operation's success example, so that the TypeScript programs finish as they would.
 */
async function recordingServer(model: ApiModel) {
  const seen = new Map<string, Seen>();
  const routes = model.operations.map((operation) => ({
    operation,
    pattern: new RegExp(
      `^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^{}]+\\?\}/g, '[^/]+')}$`,
    ),
  }));
  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const [, prefix = '', ...rest] = url.pathname.split('/');
      const path = `/${rest.join('/')}`;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!seen.has(`/${prefix}`)) {
        seen.set(`/${prefix}`, {
          method: request.method ?? '',
          path,
          query: [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : 1)),
          headers: request.headers,
          body: text === '' ? undefined : (JSON.parse(text) as unknown),
        });
      }
      const route = routes.find(
        ({ operation, pattern }) =>
          operation.method.toUpperCase() === request.method && pattern.test(path),
      );
      const success = route?.operation.successResponse;
      const example = success?.examples?.[0]?.value;
      if (success === undefined || example === undefined) {
        response.writeHead(route === undefined ? 404 : 204).end();
        return;
      }
      response
        .writeHead(Number(success.status), { 'content-type': 'application/json' })
        .end(JSON.stringify(example));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
