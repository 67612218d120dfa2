/**
 * What the testing kit records of each request (kit-recorded-calls.yaml), under a real MSW server
 * with the generated client: a form body as its fields (an array field a list, other values their
 * text), a multipart body as its fields with file parts as `File`s, a binary body as a `Blob`, text
 * as text, JSON parsed; `params` keyed by the path's parameter names. The recorded types say the
 * same under strict tsc.
 */
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { diagnostics, EQUAL, faultPackage, type FaultPackage } from '../faults/package.ts';

type Method = (...args: unknown[]) => Promise<unknown>;
interface Call {
  params: Record<string, string>;
  body: unknown;
}
interface Kit {
  requestFixtures: { calls: Record<string, unknown> };
  createMock(): {
    handlers: Parameters<typeof setupServer>;
    calls: Record<string, { calls: Call[] }>;
  };
}

describe('recorded calls', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;
  let kit: Kit;
  let calls: Record<string, Method>;

  beforeAll(async () => {
    pkg = await faultPackage('kit-recorded-calls.yaml');
    written = await writePackage(pkg.files);
    kit = (await import(join(written.dir, 'src/testing/index.ts'))) as Kit;
    const { RecordedCalls } = (await import(join(written.dir, 'src/client.ts'))) as {
      RecordedCalls: new (options: { maxRetries: number }) => { calls: Record<string, Method> };
    };
    calls = new RecordedCalls({ maxRetries: 0 }).calls;
  });
  afterAll(() => written.remove());

  async function recorded(send: () => Promise<unknown>, name: string): Promise<Call> {
    const mock = kit.createMock();
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      await send();
      const call = mock.calls[name]!.calls[0];
      if (call === undefined) throw new Error(`${name} recorded no call`);
      return call;
    } finally {
      server.close();
    }
  }

  it('decode a form body into its fields, arrays as lists', async () => {
    const call = await recorded(
      () => calls['token']!({ grant: 'code', scope: ['read'], ttl: 60 }),
      'token',
    );
    expect(call.body).toEqual({ grant: 'code', scope: ['read'], ttl: '60' });
  });

  it('decode a multipart body into its fields, file parts as Files', async () => {
    const call = await recorded(
      () =>
        calls['upload']!('docs', 7, {
          file: new File(['hello'], 'hello.txt', { type: 'text/plain' }),
          extras: [new Blob(['x'])],
          tags: ['a', 'b'],
          meta: { size: 5 },
          note: 'first',
        }),
      'upload',
    );
    const body = call.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['extras', 'file', 'meta', 'note', 'tags']);
    expect(body['file']).toBeInstanceOf(File);
    expect((body['file'] as File).name).toBe('hello.txt');
    expect(await (body['file'] as File).text()).toBe('hello');
    expect(Array.isArray(body['extras'])).toBe(true);
    expect(await (body['extras'] as File[])[0]!.text()).toBe('x');
    expect(body['tags']).toEqual(['a', 'b']);
    expect(body['meta']).toBe('{"size":5}');
    expect(body['note']).toBe('first');
    expect(call.params).toEqual({ folder: 'docs', name: '7' });
  });

  it('keep a binary body as a Blob, text as text, JSON parsed', async () => {
    const blob = await recorded(
      () => calls['blob']!('b1', { body: new Uint8Array([1, 2, 3]) }),
      'blob',
    );
    expect(blob.body).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (blob.body as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
    const note = await recorded(() => calls['note']!({ body: 'hello' }), 'note');
    expect(note.body).toBe('hello');
    const item = await recorded(() => calls['item']!({ n: 1 }), 'item');
    expect(item.body).toEqual({ n: 1 });
  });

  it('hand out a binary request example as a Blob, typed so', async () => {
    const fixture = kit.requestFixtures.calls['blob'];
    expect(fixture).toBeInstanceOf(Blob);
    expect(await (fixture as Blob).text()).toBe('raw bytes');
    expect((fixture as Blob).type).toBe('application/octet-stream');
    const checks = `import { requestFixtures } from './testing/index.js';
${EQUAL}
same<typeof requestFixtures.calls.blob, Blob>(true);
`;
    expect(diagnostics(pkg, { 'src/fixture-checks.ts': checks })).toEqual([]);
  });

  it('are typed: fields, files and path parameters', () => {
    const checks = `import { createMock } from './testing/index.js';
${EQUAL}
const mock = createMock();
type CallOf<M extends { calls: unknown[] }> = M['calls'][number];
type Upload = CallOf<typeof mock.calls.upload>;
same<Upload['params'], { folder: string; name: string }>(true);
same<Upload['body'], { file: File; extras?: File[]; tags?: string[]; meta?: string; note?: string } | undefined>(true);
same<CallOf<typeof mock.calls.token>['body'], { grant: string; scope?: string[]; ttl?: string } | undefined>(true);
same<CallOf<typeof mock.calls.blob>['body'], Blob | undefined>(true);
same<CallOf<typeof mock.calls.blob>['params'], { id: string }>(true);
same<CallOf<typeof mock.calls.note>['body'], string | undefined>(true);
same<CallOf<typeof mock.calls.hook>['body'], Record<string, string | string[]> | undefined>(true);
// @ts-expect-error: the operation has no path parameter named so
export const nope: string | undefined = mock.calls.note.calls[0]?.params.id;
`;
    expect(diagnostics(pkg, { 'src/call-checks.ts': checks })).toEqual([]);
  });
});

describe('recorded JSON bodies of a schema with readOnly and writeOnly properties', () => {
  it('are typed as requests send them (`UserInput`), not as responses carry them (helper-114 6)', async () => {
    const pkg = await faultPackage('read-write.yaml');
    const checks = `import { createMock } from './testing/index.js';
import type { UserInput } from './types.js';
${EQUAL}
const mock = createMock({ baseURL: 'https://api.example.com' });
type Body = NonNullable<(typeof mock.users.create.calls)[number]['body']>;
same<Body, UserInput>(true);
export function password(body: Body): string {
  return body.password;
}
`;
    expect(diagnostics(pkg, { 'src/input-checks.ts': checks })).toEqual([]);
  });
});
