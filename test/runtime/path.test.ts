import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { SDKError } from '../../templates/runtime/errors.ts';
import { path } from '../../templates/runtime/internal/path.ts';
import { json, startServer, type TestServer } from './server.ts';

describe('path', () => {
  it.each([
    ['plain id', 'pln_123', '/plans/pln_123'],
    ['slash and dots', '../x', '/plans/..%2Fx'],
    ['query and fragment', 'a/b?c#d', '/plans/a%2Fb%3Fc%23d'],
    ['percent and space', '50% off', '/plans/50%25%20off'],
    ['unicode', 'ü', '/plans/%C3%BC'],
    ['number', 42, '/plans/42'],
  ])('encodes %s', (_name, value, want) => {
    expect(path`/plans/${value}`).toBe(want);
  });

  it('encodes every parameter, not only the last', () => {
    expect(path`/projects/${'a/b'}/plans/${'c d'}/archive`).toBe(
      '/projects/a%2Fb/plans/c%20d/archive',
    );
  });

  it.each([
    ['empty', ''],
    ['dot', '.'],
    ['dot dot', '..'],
    ['null', null],
    ['undefined', undefined],
    ['object', { id: 'x' }],
    ['lone surrogate', '\uD800'],
  ])('rejects a %s value, naming the placeholder', (_name, value) => {
    expect(() => path`/projects/${'p'}/plans/${value}`).toThrow(SDKError);
    expect(() => path`/projects/${'p'}/plans/${value}`).toThrow('/projects/{}/plans/{here}');
  });
});

describe('path parameters on the wire', () => {
  let server: TestServer;
  let core: ClientCore;
  beforeAll(async () => {
    server = await startServer(() => json(200, { ok: true }));
    core = new ClientCore({ baseURL: server.url, token: 't' });
  });
  afterAll(() => server.close());

  it.each([
    ['../x', '/projects/p/plans/..%2Fx'],
    ['a/b?c#d', '/projects/p/plans/a%2Fb%3Fc%23d'],
    ['%2E%2E', '/projects/p/plans/%252E%252E'],
  ])('sends %s as one segment that fetch does not normalise', async (id, want) => {
    server.requests.length = 0;
    await core.request({ method: 'get', path: path`/projects/${'p'}/plans/${id}` });
    expect(server.requests.map((r) => r.url)).toEqual([want]);
  });
});
