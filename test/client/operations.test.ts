/**
 * Each of the 19 operations of the generated Gigs client (generated/src) against a real HTTP
 * server: the method, path, query (arrays comma-separated), body, Authorization and
 * Idempotency-Key headers it sends, and the parsed response it returns. The server answers with
 * the spec's own example, and the client validates it with `responseValidation: 'throw'`, so
 * each answer is also checked against its schema's guard.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { responseGuards, SDKError, type Gigs } from '../../generated/src/index.ts';
import { json, type Reply, type SeenRequest, serverForTests } from '../runtime/server.ts';
import { gigsFor, PROJECT, requestExample, responseExample, TOKEN, UUID } from './harness.ts';

const server = serverForTests((request) => reply(request));
let reply: (request: SeenRequest) => Reply;
let gigs: Gigs;

beforeEach(() => {
  gigs = gigsFor(server.url, { responseValidation: 'throw', responseGuards });
});

interface Row {
  /** The operationId whose example the server answers with. */
  operation: string;
  call: (gigs: Gigs) => PromiseLike<unknown>;
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  body?: unknown;
  /** 'auto': a generated UUID; undefined: no header. */
  idempotencyKey?: 'auto';
  /** A list: the result is a page whose fields are the example's. */
  list?: boolean;
}

const search = requestExample('searchPlans');
const planUpdate = requestExample('updatePlan');
const changeCreate = requestExample('createSubscriptionChange');
const addonUpdate = requestExample('updateAddon');
const base = `/projects/${PROJECT}`;

const rows: [string, Row][] = [
  [
    'plans.list: array filters comma-separated',
    {
      operation: 'listPlans',
      call: (g) =>
        g.plans.list({
          status: ['available', 'archived'],
          simType: ['eSIM', 'pSIM'],
          provider: ['p3', 'p9'],
          limit: 20,
        }),
      method: 'GET',
      url: `${base}/plans?status=available,archived&simType=eSIM,pSIM&provider=p3,p9&limit=20`,
      list: true,
    },
  ],
  [
    'plans.search: cursor parameters in the query, criteria in the body, a generated key',
    {
      operation: 'searchPlans',
      call: (g) => g.plans.search({ ...search, limit: 5, after: 'pln_0' }),
      method: 'POST',
      url: `${base}/plans/search?after=pln_0&limit=5`,
      body: search,
      idempotencyKey: 'auto',
      list: true,
    },
  ],
  [
    'plans.retrieve',
    {
      operation: 'retrievePlan',
      call: (g) => g.plans.retrieve('pln_1'),
      method: 'GET',
      url: `${base}/plans/pln_1`,
    },
  ],
  [
    'plans.update: PATCH with the body, no key',
    {
      operation: 'updatePlan',
      call: (g) => g.plans.update('pln_1', planUpdate),
      method: 'PATCH',
      url: `${base}/plans/pln_1`,
      body: planUpdate,
    },
  ],
  [
    'plans.archive: POST without a body, a generated key',
    {
      operation: 'archivePlan',
      call: (g) => g.plans.archive('pln_1'),
      method: 'POST',
      url: `${base}/plans/pln_1/archive`,
      idempotencyKey: 'auto',
    },
  ],
  [
    'plans.publish',
    {
      operation: 'publishPlan',
      call: (g) => g.plans.publish('pln_1'),
      method: 'POST',
      url: `${base}/plans/pln_1/publish`,
      idempotencyKey: 'auto',
    },
  ],
  [
    'plans.listDocuments (deprecated)',
    {
      operation: 'listPlanDocumentsOfPlan',
      call: (g) => g.plans.listDocuments('pln_1', { limit: 2, before: 'pdc_9' }),
      method: 'GET',
      url: `${base}/plans/pln_1/documents?limit=2&before=pdc_9`,
      list: true,
    },
  ],
  [
    'plans.retrieveDocument (deprecated): two path parameters',
    {
      operation: 'retrievePlanDocumentOfPlan',
      call: (g) => g.plans.retrieveDocument('pln_1', 'pdc_1'),
      method: 'GET',
      url: `${base}/plans/pln_1/documents/pdc_1`,
    },
  ],
  [
    'planDocuments.list',
    {
      operation: 'listPlanDocuments',
      call: (g) => g.planDocuments.list({ plan: 'pln_1', limit: 3 }),
      method: 'GET',
      url: `${base}/planDocuments?plan=pln_1&limit=3`,
      list: true,
    },
  ],
  [
    'planDocuments.retrieve',
    {
      operation: 'retrievePlanDocument',
      call: (g) => g.planDocuments.retrieve('pdc_1'),
      method: 'GET',
      url: `${base}/planDocuments/pdc_1`,
    },
  ],
  [
    'subscriptionChanges.list: statuses comma-separated',
    {
      operation: 'listSubscriptionChanges',
      call: (g) =>
        g.subscriptionChanges.list({
          status: ['pending', 'applied'],
          subscription: 'sub_1',
          user: 'usr_1',
          limit: 10,
        }),
      method: 'GET',
      url: `${base}/subscriptionChanges?status=pending,applied&subscription=sub_1&user=usr_1&limit=10`,
      list: true,
    },
  ],
  [
    'subscriptionChanges.create: 201 with the created change, a generated key',
    {
      operation: 'createSubscriptionChange',
      call: (g) =>
        g.subscriptionChanges.create(
          changeCreate as unknown as Parameters<Gigs['subscriptionChanges']['create']>[0],
        ),
      method: 'POST',
      url: `${base}/subscriptionChanges`,
      body: changeCreate,
      idempotencyKey: 'auto',
    },
  ],
  [
    'subscriptionChanges.retrieve',
    {
      operation: 'retrieveSubscriptionChange',
      call: (g) => g.subscriptionChanges.retrieve('sch_1'),
      method: 'GET',
      url: `${base}/subscriptionChanges/sch_1`,
    },
  ],
  [
    'subscriptionChanges.delete: DELETE with a generated key',
    {
      operation: 'deleteSubscriptionChange',
      call: (g) => g.subscriptionChanges.delete('sch_1'),
      method: 'DELETE',
      url: `${base}/subscriptionChanges/sch_1`,
      idempotencyKey: 'auto',
    },
  ],
  [
    'addons.list: single-valued filters',
    {
      operation: 'listAddons',
      call: (g) =>
        g.addons.list({
          status: 'available',
          type: 'topUp',
          recurrenceType: 'oneTime',
          plan: 'pln_1',
          provider: 'p4',
        }),
      method: 'GET',
      url: `${base}/addons?status=available&type=topUp&recurrenceType=oneTime&plan=pln_1&provider=p4`,
      list: true,
    },
  ],
  [
    'addons.retrieve',
    {
      operation: 'retrieveAddon',
      call: (g) => g.addons.retrieve('add_1'),
      method: 'GET',
      url: `${base}/addons/add_1`,
    },
  ],
  [
    'addons.update',
    {
      operation: 'updateAddon',
      call: (g) => g.addons.update('add_1', addonUpdate),
      method: 'PATCH',
      url: `${base}/addons/add_1`,
      body: addonUpdate,
    },
  ],
  [
    'addons.archive',
    {
      operation: 'archiveAddon',
      call: (g) => g.addons.archive('add_1'),
      method: 'POST',
      url: `${base}/addons/add_1/archive`,
      idempotencyKey: 'auto',
    },
  ],
  [
    'addons.publish',
    {
      operation: 'publishAddon',
      call: (g) => g.addons.publish('add_1'),
      method: 'POST',
      url: `${base}/addons/add_1/publish`,
      idempotencyKey: 'auto',
    },
  ],
];

describe('every operation on the wire', () => {
  it('covers the 19 operations of the spec, each once', () => {
    expect(new Set(rows.map(([, row]) => row.operation)).size).toBe(19);
  });

  it.each(rows)('%s', async (_name, row) => {
    const example = responseExample(row.operation);
    reply = () => json(example.status, example.body, { 'x-request-id': `req_${row.operation}` });

    const result = await row.call(gigs);

    expect(server.requests).toHaveLength(1);
    const seen = server.requests[0]!;
    expect(seen.method).toBe(row.method);
    expect(seen.url).toBe(row.url);
    expect(seen.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(seen.headers['accept']).toBe('application/json');
    if (row.body === undefined) {
      expect(seen.body).toBe('');
      expect(seen.headers['content-type']).toBeUndefined();
    } else {
      expect(seen.headers['content-type']).toBe('application/json');
      expect(JSON.parse(seen.body)).toEqual(row.body);
    }
    if (row.idempotencyKey === 'auto') expect(seen.headers['idempotency-key']).toMatch(UUID);
    else expect(seen.headers['idempotency-key']).toBeUndefined();

    if (row.list === true) {
      const page = result as { items: unknown[]; hasNextPage(): boolean };
      expect(JSON.parse(JSON.stringify(page))).toEqual(example.body);
      expect(page.items).toEqual(example.body['items']);
      expect(page.hasNextPage()).toBe(typeof example.body['moreItemsAfter'] === 'string');
    } else {
      expect(result).toEqual(example.body);
    }
  });

  it.each(rows)('%s: withResponse() gives the response, request id and key', async (_name, row) => {
    const example = responseExample(row.operation);
    reply = () => json(example.status, example.body, { 'x-request-id': `req_${row.operation}` });
    const pending = row.call(gigs) as unknown as {
      withResponse(): Promise<{ response: Response; requestID?: string; idempotencyKey?: string }>;
    };
    const { response, requestID, idempotencyKey } = await pending.withResponse();
    expect(response.status).toBe(example.status);
    expect(requestID).toBe(`req_${row.operation}`);
    expect(idempotencyKey).toBe(server.requests[0]?.headers['idempotency-key']);
  });
});

describe('path parameters', () => {
  beforeEach(() => {
    reply = () => json(200, responseExample('retrievePlan').body);
  });

  it.each([
    ['../x', `${base}/plans/..%2Fx`],
    ['a/b?c#d', `${base}/plans/a%2Fb%3Fc%23d`],
    ['%2e%2e', `${base}/plans/%252e%252e`],
    ['pln 1&x=y', `${base}/plans/pln%201%26x%3Dy`],
  ])('%j cannot change the path', async (id, url) => {
    await gigs.plans.retrieve(id);
    expect(server.requests.map((r) => r.url)).toEqual([url]);
  });

  it('encodes every parameter of a two-parameter path, the client option too', async () => {
    reply = () => json(200, responseExample('retrievePlanDocumentOfPlan').body);
    await gigs.plans.retrieveDocument('../p', 'd/../../x', { project: 'a/b' });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/projects/a%2Fb/plans/..%2Fp/documents/d%2F..%2F..%2Fx',
    ]);
  });

  it.each([['..'], ['.'], ['']])(
    'refuses %j before sending anything, as a rejection',
    async (id) => {
      await expect(gigs.subscriptionChanges.delete(id)).rejects.toThrow(SDKError);
      expect(server.requests).toHaveLength(0);
    },
  );

  it('takes the project per call over the client option', async () => {
    await gigs.plans.retrieve('pln_1', { project: 'other' });
    expect(server.requests[0]?.url).toBe('/projects/other/plans/pln_1');
  });
});

describe('per-call options', () => {
  beforeEach(() => {
    reply = () => json(200, responseExample('archivePlan').body);
  });

  it("send the caller's idempotency key and headers", async () => {
    const { idempotencyKey } = await gigs.plans
      .archive('pln_1', {}, { idempotencyKey: 'key-1', headers: { 'X-Trace': 't' } })
      .withResponse();
    expect(idempotencyKey).toBe('key-1');
    expect(server.requests[0]?.headers['idempotency-key']).toBe('key-1');
    expect(server.requests[0]?.headers['x-trace']).toBe('t');
  });

  it('default headers go with every call; a call can remove one', async () => {
    gigs = gigsFor(server.url, { defaultHeaders: { 'X-Team': 'billing', 'X-Gone': 'g' } });
    await gigs.plans.archive('pln_1', {}, { headers: { 'x-gone': null } });
    expect(server.requests[0]?.headers['x-team']).toBe('billing');
    expect(server.requests[0]?.headers['x-gone']).toBeUndefined();
  });

  it('a custom fetch sees every request', async () => {
    const seen: string[] = [];
    gigs = gigsFor(server.url, {
      fetch: (url, init) => {
        seen.push(`${init.method ?? 'GET'} ${url}`);
        return fetch(url, init);
      },
    });
    await gigs.plans.publish('pln_1');
    expect(seen).toEqual([`POST ${server.url}${base}/plans/pln_1/publish`]);
  });
});
