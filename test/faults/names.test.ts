/**
 * Names a spec may use that every object or promise already has (`constructor`, `toString`,
 * `then`, `__proto__`, …) as operation, method, resource, query parameter and property names, and
 * operationIds with `#` and `/` (test/fixtures/faults/names.yaml): the package compiles under
 * noImplicitOverride (names.yaml is in compile.test.ts), no resource or client is thenable, and the
 * parameters reach the wire under their own names, only when given. Against a real HTTP server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openapiOperationKey } from '../../generator/emit/openapi-types.ts';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';
import { diagnostics, EQUAL, faultPackage, type FaultPackage } from './package.ts';

type Resource = Record<string, unknown>;
type Method = (...args: unknown[]) => Promise<unknown>;

describe('names every object or promise already has', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;
  let server: TestServer;
  let client: Record<string, Resource>;

  beforeAll(async () => {
    pkg = await faultPackage('names.yaml');
    written = await writePackage(pkg.files);
    server = await startServer(() => json(200, { toString: 'a string, not a function' }));
    const { Names } = (await import(`${written.dir}/src/index.ts`)) as {
      Names: new (options: { baseURL: string }) => Record<string, Resource>;
    };
    client = new Names({ baseURL: server.url });
  });
  afterAll(async () => {
    await server.close();
    await written.remove();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('give methods and resources a `_`: nothing is overridden, nothing is thenable', async () => {
    const { model } = pkg;
    expect(model.operations.map((op) => `${op.sdk.resource}.${op.sdk.method}`)).toEqual([
      // `oauth2`, a word of the paths between the verb and the resource's `token`, keeps the
      // operationId whole (resource-names.ts): `postOauth2Refresh` would say less than the id.
      'tokens.postOauth2TokenRefresh',
      'tokens.filesGet',
      'things.search',
      'things.toString_',
      'things.then_',
      'things.valueOf_',
      'things.hasOwnProperty_',
      'then_.listPromises',
      'constructor_.constructor_',
      'things.toJSON_',
      'toJSON_.listSerialized',
    ]);
    // JSON.stringify calls toJSON members: logging the client sends no request.
    expect(JSON.stringify(client)).toContain('"toJSON_"');
    expect(JSON.stringify(client.things)).toBeDefined();
    for (const [name, resource] of Object.entries(client)) {
      expect(typeof resource.then, name).toBe('undefined');
      // Awaiting a resource (or the client) gives it back; it does not call the API.
      // eslint-disable-next-line @typescript-eslint/await-thenable -- awaiting a non-thenable is the point
      expect(await resource, name).toBe(resource);
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the default form is the point
      expect(String(resource)).toBe('[object Object]');
    }
    // eslint-disable-next-line @typescript-eslint/await-thenable -- awaiting a non-thenable is the point
    expect(await client).toBe(client);
    expect(server.requests).toEqual([]);
  });

  it('send query parameters named like inherited members under their names, only when given', async () => {
    const list = client.things!.toString_ as Method;
    await list.call(client.things, {});
    expect(server.requests.map((r) => r.url)).toEqual(['/things']);
    await list.call(client.things, {
      constructor_: 'c',
      toString_: 's',
      __proto___: 'p',
      then_: 't',
      valueOf_: 1,
      hasOwnProperty_: true,
    });
    expect(new URL(server.requests[1]!.url, server.url).searchParams.toString()).toBe(
      'constructor=c&toString=s&__proto__=p&then=t&valueOf=1&hasOwnProperty=true',
    );
  });

  it('send them under their names from nested params too, and require a required one (helper-141 F5)', async () => {
    // `{ __proto__: 'p' }` in an object literal sets the prototype, not a key: the required
    // parameter went unsent without a word. Renamed in params as in flat ones.
    const search = client.things!.search as Method;
    await search.call(client.things, {
      query: { __proto___: 'p', toString_: 's', id: 'q' },
      headers: { constructor_: 'c' },
      body: { id: 'b' },
    });
    const [sent] = server.requests;
    expect(new URL(sent!.url, server.url).searchParams.toString()).toBe(
      'id=q&__proto__=p&toString=s',
    );
    expect(sent!.headers['constructor']).toBe('c');
    expect(JSON.parse(sent!.body)).toEqual({ id: 'b' });
    await expect(search.call(client.things, { query: {}, body: {} })).rejects.toThrow(
      'Missing the required query parameter "__proto__" of POST /things/search: pass params.query.__proto___.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('keep a body with such properties under `body`, sent as given', async () => {
    const create = client.things!.then_ as Method;
    await create.call(client.things, { body: { constructor: 'x', then: 'y' } });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ constructor: 'x', then: 'y' });
  });

  it('type the params objects so that `{}` and those keys are accepted', () => {
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { ThingSearchParams, ThingToStringParams, ThingThenParams } from './resources/things.js';
import type { Inherited } from './types.js';
export const none: ThingToStringParams = {};
export const search: ThingSearchParams = { query: { __proto___: 'p', toString_: 's' }, body: {} };
export const all: ThingToStringParams = { constructor_: 'c', toString_: 's', __proto___: 'p', then_: 't', valueOf_: 1 };
// TypeScript checks an optional \`valueOf\` against the one every object has: give them all.
export const body: ThingThenParams = {
  body: { constructor: 'x', toString: 'y', then: 'z', valueOf: 1, hasOwnProperty: true },
};
same<Inherited['valueOf'], number | undefined>(true);
`,
      }),
    ).toEqual([]);
  });

  it('openapi.ts has every operation under the key openapiOperationKey gives it', () => {
    const openapi = pkg.files.get('src/openapi.ts')!;
    const keys = pkg.model.operations.map((op) => openapiOperationKey(op.operationId));
    expect(keys).toContain('post_oauth2_token/refresh');
    expect(keys).toContain('files/get');
    const missing = keys.filter(
      (key) => !openapi.includes(`${JSON.stringify(key)}: {`) && !openapi.includes(`    ${key}: {`),
    );
    expect(missing).toEqual([]);
  });
});
