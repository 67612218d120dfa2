/**
 * A spec or `$ref` read from a URL (`--allow-external-refs`) within a local file's limits
 * (generator/load/url-fetch.ts): a server that stalls or never stops sending gets a clear error,
 * never a hang or all the memory; text that is not UTF-8 is refused as in a file (helper-125 3).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { limitedFetch, URLReadError } from '../../generator/load/url-fetch.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

let server: Server;
let base: string;
const open = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    open.add(response);
    response.on('close', () => open.delete(response));
    if (request.url === '/stall.yaml') {
      response.writeHead(200, { 'content-type': 'application/yaml' });
      response.write('type: obj'); // and nothing more, ever
    } else if (request.url === '/endless.yaml') {
      response.writeHead(200, { 'content-type': 'application/yaml' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (response.write(chunk));
        response.once('drain', more);
      };
      response.write('description: ');
      more();
    } else if (request.url === '/declared-huge.yaml') {
      response.writeHead(200, { 'content-length': String(300 * 2 ** 20) });
      response.write('type: object\n');
    } else if (request.url === '/latin1.yaml') {
      response.end(Buffer.from('type: string\ndescription: caf\xe9\n', 'latin1'));
    } else {
      response.end('type: string\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const response of open) response.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await removeTempDirs();
});

describe('the fetch URLs are read with', () => {
  it('gives up on a server that sends part of the body and stalls, at the deadline', async () => {
    const read = limitedFetch(fetch, { deadlineMs: 300, maxBytes: 2 ** 20 });
    const started = Date.now();
    const error = await read(`${base}/stall.yaml`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(URLReadError);
    expect((error as URLReadError).message).toBe(
      `${base}/stall.yaml did not arrive whole within 0.3 s`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops reading a body that goes on past the size limit', async () => {
    const read = limitedFetch(fetch, { deadlineMs: 30_000, maxBytes: 2 ** 20 });
    const error = await read(`${base}/endless.yaml`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(URLReadError);
    expect((error as URLReadError).message).toBe(
      `${base}/endless.yaml is larger than the 1 MiB a spec file may have`,
    );
  });
});

describe('a $ref to a URL that breaks a limit', () => {
  async function specWithRef(ref: string): Promise<{ spec: string; out: string }> {
    const dir = await tempDir('url-limits-');
    const spec = join(dir, 'openapi.yaml');
    await writeFile(
      spec,
      `openapi: 3.1.0\ninfo: { title: U, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    X: { $ref: '${ref}' }\n`,
    );
    return { spec, out: join(dir, 'sdk') };
  }

  it('declared larger than a spec file may be: refused at the $ref with the fix, nothing written', async () => {
    const { spec, out } = await specWithRef(`${base}/declared-huge.yaml`);
    const error = await generate({ spec, out, allowExternalRefs: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(
      new RegExp(
        `openapi\\.yaml:6:\\d+ #/components/schemas/X: cannot resolve \\$ref "${base}/declared-huge\\.yaml": ${base}/declared-huge\\.yaml is larger than the 256 MiB a spec file may have\\n  fix: check that the URL names the spec file`,
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('not UTF-8: refused as a file would be, at its line and column, the URL shown as written', async () => {
    const { spec, out } = await specWithRef(`${base}/latin1.yaml`);
    const error = await generate({ spec, out, allowExternalRefs: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toContain(
      `${base}/latin1.yaml:2:17: the file is not UTF-8: byte 0xE9`,
    );
  });

  it('within the limits: read as before', async () => {
    const { spec, out } = await specWithRef(`${base}/fine.yaml`);
    await generate({ spec, out, allowExternalRefs: true });
    expect(existsSync(join(out, 'src/types.ts'))).toBe(true);
  });
});

describe('a $ref to a URL that cannot be fetched', () => {
  // helper-126 F6: it said only "fetch failed", with a fix about files.
  it('says why, with a fix for a URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dir = await tempDir('url-refused-');
    const spec = join(dir, 'openapi.yaml');
    await writeFile(
      spec,
      `openapi: 3.1.0\ninfo: { title: U, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    X: { $ref: 'http://127.0.0.1:${port}/x.yaml' }\n`,
    );
    const error = await generate({ spec, out: join(dir, 'sdk'), allowExternalRefs: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(
      /could not be fetched: .*ECONNREFUSED.*\n {2}fix: check the URL and that its server answers/,
    );
  });
});

describe('--spec given a URL', () => {
  // helper-126 F5: it was taken for a relative path, "http:/127.0.0.1/…: spec file not found".
  it('is refused as a URL, shown as written, with how to get the file', async () => {
    const dir = await tempDir('url-spec-');
    const error = await generate({ spec: `${base}/fine.yaml`, out: join(dir, 'sdk') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toBe(
      `${base}/fine.yaml: a URL: --spec takes the path of a file, and reads no URL\n` +
        `  fix: download it first (curl -fsSLo openapi.yaml '${base}/fine.yaml'), then pass --spec openapi.yaml; a root file of your own may also $ref the URL, with --allow-external-refs`,
    );
    expect(existsSync(join(dir, 'sdk'))).toBe(false);
  });
});
