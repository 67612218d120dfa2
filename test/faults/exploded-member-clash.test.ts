/**
 * An object parameter sent exploded (`style: form`, `explode: true`, the query's and the cookie's
 * default) puts each property on the wire as a key of its own: a property named like another
 * parameter of the location, or like a property of another such object, sends that key twice, and
 * the API reads one of them. Before, the generator said nothing; now each clash is a warning at
 * the object parameter, naming the key, the other owner and the fix. A header object is one header
 * (`k=v,k2=v2`): a property named like another header is no clash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { startServer, type TestServer } from '../runtime/server.ts';
import { specClient } from '../client/spec-client.ts';
import { specModel } from '../model/fixture-model.ts';
import type { ApiModel } from '../../generator/model/types.ts';

const object = (properties: Record<string, unknown>) => ({ type: 'object', properties });
const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Clashes', version: '1.0.0' },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        'x-sdk-method': 'items.list',
        parameters: [
          { name: 'status', in: 'query', schema: { type: 'string' } },
          {
            name: 'filter',
            in: 'query',
            schema: object({ status: { type: 'string' }, limit: { type: 'integer' } }),
          },
          { name: 'range', in: 'query', schema: { $ref: '#/components/schemas/Range' } },
          // Not exploded, or deepObject: `sort=status,asc`, `page[status]=…`: no clash.
          {
            name: 'sort',
            in: 'query',
            explode: false,
            schema: object({ status: { type: 'string' } }),
          },
          {
            name: 'page',
            in: 'query',
            style: 'deepObject',
            schema: object({ status: { type: 'string' } }),
          },
          { name: 'session', in: 'cookie', schema: { type: 'string' } },
          {
            name: 'prefs',
            in: 'cookie',
            schema: object({ session: { type: 'string' }, theme: { type: 'string' } }),
          },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
          { name: 'X-Meta', in: 'header', schema: object({ 'X-Trace': { type: 'string' } }) },
        ],
        responses: { '204': { description: 'Listed.' } },
      },
    },
  },
  components: { schemas: { Range: object({ limit: { type: 'integer' } }) } },
};

let model: ApiModel;
let server: TestServer;

beforeAll(async () => {
  model = await specModel(await writeSpec(SPEC));
  server = await startServer(() => ({ status: 204 }));
});
afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe('an exploded object parameter whose property is named like another key', () => {
  it('is a warning at the object parameter, naming the key, the other owner and the fix', () => {
    const warning = model.warnings.find((w) => w.key === 'parameter:exploded-member-clash');
    expect(
      warning?.places.map((place) => [place.location.pointer, place.problem, place.hint]),
    ).toEqual([
      [
        '#/paths/~1items/get/parameters/1',
        'query parameter "filter" is an object sent exploded (`style: form`, `explode: true`): its property "status" goes on the wire as `status=…` in the query, as query parameter "status" does; the request carries the key twice and the API reads one of them',
        'rename the property or the other parameter, or send "filter" as `style: deepObject` (`filter[status]=…`) or with `explode: false` (`filter=status,…`)',
      ],
      [
        '#/paths/~1items/get/parameters/2',
        'query parameter "range" is an object sent exploded (`style: form`, `explode: true`): its property "limit" goes on the wire as `limit=…` in the query, as property "limit" of query parameter "filter" does; the request carries the key twice and the API reads one of them',
        'rename the property or the other parameter, or send "range" as `style: deepObject` (`range[limit]=…`) or with `explode: false` (`range=limit,…`)',
      ],
      [
        '#/paths/~1items/get/parameters/6',
        'cookie parameter "prefs" is an object sent exploded (`style: form`, `explode: true`): its property "session" goes on the wire as the cookie `session=…`, as cookie parameter "session" does; the request carries the key twice and the API reads one of them',
        'rename the property or the other parameter, or send "prefs" with `explode: false` (the cookie `prefs=session,…`)',
      ],
    ]);
  });

  it('the premise: the request does carry the key twice', async () => {
    const { client } = await specClient(SPEC, 'Clashes', { baseURL: server.url, maxRetries: 0 });
    await client['items']!['list']!({ status: 'open', filter: { status: 'closed' } });
    const query = new URL(server.requests.at(-1)!.url, server.url).searchParams;
    expect(query.getAll('status')).toEqual(['open', 'closed']);
  });
});
