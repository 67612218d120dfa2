/**
 * Type tests of the generated Gigs client (generated/src, written by `npm run generate`): each
 * resource method takes and returns the right types. Run by vitest's typecheck mode:
 * They run in `npm test` (vitest typecheck mode).
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  APIError,
  Gigs,
  pathsClient,
  responseGuards,
  ResponseValidationError,
  type APIPromise,
  type APIResult,
  type components,
  type ErrorBody,
  type GuardIssue,
  type LogLevel,
  NotFoundError,
  SDKError,
  type Addon,
  type GigsOptions,
  type Page,
  type PagePromise,
  type Plan,
  type PlanDocument,
  type PlanList,
  type RequestOptions,
  type SubscriptionChange,
} from '../../generated/src/index.js';

declare const gigs: Gigs;

describe('new Gigs(options)', () => {
  it('takes optional options with token, project and connection settings', () => {
    expectTypeOf<ConstructorParameters<typeof Gigs>>().toEqualTypeOf<[options?: GigsOptions]>();
    expectTypeOf<GigsOptions['token']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GigsOptions['project']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GigsOptions['timeout']>().toEqualTypeOf<number | undefined>();
    new Gigs({
      token: 't',
      project: 'gigs',
      baseURL: 'http://localhost:1',
      defaultHeaders: { 'X-A': 'b' },
    });
    // @ts-expect-error unknown option
    new Gigs({ tokn: 't' });
    // @ts-expect-error the token is a string
    new Gigs({ token: 1 });
  });

  it('has one property per resource', () => {
    expectTypeOf(gigs).toHaveProperty('plans');
    expectTypeOf(gigs).toHaveProperty('planDocuments');
    expectTypeOf(gigs).toHaveProperty('subscriptionChanges');
    expectTypeOf(gigs).toHaveProperty('addons');
  });

  it('takes the runtime settings: retries, backoff, idempotency keys, validation with its guards, logging', () => {
    expectTypeOf<GigsOptions['maxRetries']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<GigsOptions['autoIdempotencyKeys']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<GigsOptions['responseValidation']>().toEqualTypeOf<
      'off' | 'warn' | 'throw' | undefined
    >();
    expectTypeOf<GigsOptions['logLevel']>().toEqualTypeOf<LogLevel | undefined>();
    new Gigs({
      timeout: 5_000,
      maxRetries: 0,
      backoff: { initialDelay: 100, maxDelay: 1_000, maxRetryAfter: 10_000 },
      autoIdempotencyKeys: false,
      responseValidation: 'throw',
      responseGuards,
      logger: console,
      logLevel: 'debug',
      fetch: (input, init) => fetch(input, init),
    });
    // helper-118 D12: the client passes the URL as a string, so a wrapper typed that way fits.
    const logging = async (url: string, init?: RequestInit): Promise<Response> => fetch(url, init);
    new Gigs({ fetch: logging });
    new Gigs({ fetch: globalThis.fetch });
    expectTypeOf<Parameters<NonNullable<GigsOptions['fetch']>>>().toEqualTypeOf<
      [url: string, init: RequestInit]
    >();
    // @ts-expect-error not a validation mode
    new Gigs({ responseValidation: 'loud' });
    // @ts-expect-error a logger has the four level methods
    new Gigs({ logger: { log: () => undefined } });
  });
});

describe('gigs.plans', () => {
  it('retrieve(id, params?, options?) resolves to a Plan', () => {
    expectTypeOf(gigs.plans.retrieve).parameter(0).toEqualTypeOf<string>();
    expectTypeOf<Awaited<ReturnType<Gigs['plans']['retrieve']>>>().toEqualTypeOf<Plan>();
    void gigs.plans.retrieve(
      'pln_1',
      { project: 'other' },
      { timeout: 1_000, signal: AbortSignal.timeout(1) },
    );
    // @ts-expect-error the id is required
    void gigs.plans.retrieve();
    // @ts-expect-error the id is a string
    void gigs.plans.retrieve(1);
    // @ts-expect-error retrieve takes no query parameters
    void gigs.plans.retrieve('pln_1', { limit: 1 });
  });

  it('list(params?) takes typed filters and awaits to a page of plans', async () => {
    const pending = gigs.plans.list({
      status: ['available', 'archived'],
      limit: 20,
      after: 'pln_1',
    });
    expectTypeOf(pending).toEqualTypeOf<PagePromise<PlanList, Plan>>();
    // A page promise is an APIPromise of the page (issue 14 item 5).
    expectTypeOf(pending).toMatchTypeOf<APIPromise<Page<PlanList, Plan>>>();
    const page = await pending;
    expectTypeOf(page).toEqualTypeOf<Page<PlanList, Plan>>();
    expectTypeOf(page.items).toEqualTypeOf<Plan[]>();
    expectTypeOf(page.moreItemsAfter).toEqualTypeOf<string | null>();
    expectTypeOf(page.moreItemsBefore).toEqualTypeOf<string | null>();
    expectTypeOf(page.hasNextPage()).toEqualTypeOf<boolean>();
    expectTypeOf(page.nextPage()).toEqualTypeOf<Promise<Page<PlanList, Plan>>>();
    void gigs.plans.list();
    // @ts-expect-error not a plan status
    void gigs.plans.list({ status: ['nope'] });
    // @ts-expect-error limit is a number
    void gigs.plans.list({ limit: '20' });
  });

  it('list() iterates plans with for await', async () => {
    for await (const plan of gigs.plans.list({ limit: 5 })) {
      expectTypeOf(plan).toEqualTypeOf<Plan>();
    }
  });

  it('update(id, fields) takes the update body flat and resolves to a Plan', () => {
    expectTypeOf<Awaited<ReturnType<Gigs['plans']['update']>>>().toEqualTypeOf<Plan>();
    void gigs.plans.update('pln_1', { name: 'x', metadata: { key: 'value' } });
    // @ts-expect-error name is a string
    void gigs.plans.update('pln_1', { name: 1 });
  });

  it('archive and publish take the id and an idempotency key in the options', () => {
    expectTypeOf<Awaited<ReturnType<Gigs['plans']['archive']>>>().toEqualTypeOf<Plan>();
    expectTypeOf<Awaited<ReturnType<Gigs['plans']['publish']>>>().toEqualTypeOf<Plan>();
    void gigs.plans.archive('pln_1', {}, { idempotencyKey: 'f0c8…' });
  });

  it('the deprecated document methods still type their results', async () => {
    expectTypeOf(gigs.plans.retrieveDocument).parameters.toMatchTypeOf<
      [string, string, ...unknown[]]
    >();
    expectTypeOf<
      Awaited<ReturnType<Gigs['plans']['retrieveDocument']>>
    >().toEqualTypeOf<PlanDocument>();
    for await (const document of gigs.plans.listDocuments('pln_1'))
      expectTypeOf(document).toEqualTypeOf<PlanDocument>();
  });
});

describe('gigs.subscriptionChanges', () => {
  it('create(fields) requires the subscription and resolves to a SubscriptionChange', () => {
    expectTypeOf<
      Awaited<ReturnType<Gigs['subscriptionChanges']['create']>>
    >().toEqualTypeOf<SubscriptionChange>();
    void gigs.subscriptionChanges.create({ subscription: 'sub_1', plan: 'pln_1', when: 'renewal' });
    void gigs.subscriptionChanges.create(
      { subscription: 'sub_1', sim: 'auto', when: 'now' },
      { idempotencyKey: 'k' },
    );
    // @ts-expect-error the subscription is required
    void gigs.subscriptionChanges.create({ plan: 'pln_1' });
    // @ts-expect-error not a `when` value
    void gigs.subscriptionChanges.create({ subscription: 'sub_1', when: 'later' });
  });

  it('create() needs only the required keys: `when` has a default, so it may be left out', () => {
    expectTypeOf(gigs.subscriptionChanges.create).toBeCallableWith({
      subscription: 'sub_1',
      plan: 'pln_1',
    });
    // @ts-expect-error `subscription` is required
    void gigs.subscriptionChanges.create({ plan: 'pln_1' });
  });

  it('delete(id) resolves to the deleted SubscriptionChange', () => {
    expectTypeOf<
      Awaited<ReturnType<Gigs['subscriptionChanges']['delete']>>
    >().toEqualTypeOf<SubscriptionChange>();
  });

  it('list filters by status', async () => {
    const page = await gigs.subscriptionChanges.list({ limit: 2 });
    expectTypeOf(page.items).toEqualTypeOf<SubscriptionChange[]>();
  });
});

describe('gigs.addons and gigs.planDocuments', () => {
  it('retrieve resolves to the schema type', () => {
    expectTypeOf<Awaited<ReturnType<Gigs['addons']['retrieve']>>>().toEqualTypeOf<Addon>();
    expectTypeOf<
      Awaited<ReturnType<Gigs['planDocuments']['retrieve']>>
    >().toEqualTypeOf<PlanDocument>();
  });
});

describe('every method', () => {
  it('takes RequestOptions last', () => {
    expectTypeOf<Parameters<Gigs['plans']['retrieve']>[2]>().toEqualTypeOf<
      RequestOptions | undefined
    >();
    expectTypeOf<Parameters<Gigs['plans']['list']>[1]>().toEqualTypeOf<
      RequestOptions | undefined
    >();
    expectTypeOf<Parameters<Gigs['subscriptionChanges']['create']>[1]>().toEqualTypeOf<
      RequestOptions | undefined
    >();
  });
});

describe('the typed path client', () => {
  it('types paths, parameters and data from the spec', async () => {
    const paths = pathsClient(gigs);
    const { data } = await paths.GET('/projects/{project}/plans/{plan}', {
      params: { path: { project: 'gigs', plan: 'pln_1' } },
    });
    expectTypeOf(data).toEqualTypeOf<Plan | undefined>();
    // @ts-expect-error the plan path parameter is required
    void paths.GET('/projects/{project}/plans/{plan}', { params: { path: { project: 'gigs' } } });
  });
});

describe('raw access', () => {
  it('every method gives the data next to the Response, the request id and the idempotency key', async () => {
    const pending = gigs.plans.retrieve('pln_1');
    expectTypeOf(pending).toEqualTypeOf<APIPromise<Plan>>();
    expectTypeOf(pending).toMatchTypeOf<Promise<Plan>>();
    const result = await gigs.subscriptionChanges
      .create({ subscription: 'sub_1', plan: 'pln_1' })
      .withResponse();
    expectTypeOf(result).toEqualTypeOf<APIResult<SubscriptionChange>>();
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    expectTypeOf(result.requestID).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.idempotencyKey).toEqualTypeOf<string | undefined>();
    const first = await gigs.plans.list().withResponse();
    expectTypeOf(first.data).toEqualTypeOf<Page<PlanList, Plan>>();
  });
});

describe('pages', () => {
  it('go both ways and iterate pages', async () => {
    const page = await gigs.plans.list({ before: 'pln_9' });
    expectTypeOf(page.hasPreviousPage()).toEqualTypeOf<boolean>();
    expectTypeOf(page.previousPage()).toEqualTypeOf<Promise<Page<PlanList, Plan>>>();
    for await (const each of gigs.plans.list().iterPages())
      expectTypeOf(each).toEqualTypeOf<Page<PlanList, Plan>>();
  });
});

describe('errors', () => {
  it('form one hierarchy', () => {
    expectTypeOf<NotFoundError>().toMatchTypeOf<APIError>();
    expectTypeOf<APIError>().toMatchTypeOf<SDKError>();
    expectTypeOf<APIError['status']>().toEqualTypeOf<number>();
    // The body is the spec's error schema (every error response of the Gigs spec uses it).
    expectTypeOf<APIError['body']>().toEqualTypeOf<ErrorBody | undefined>();
    expectTypeOf<NotFoundError['body']>().toEqualTypeOf<ErrorBody | undefined>();
    expectTypeOf<ErrorBody>().toEqualTypeOf<components['schemas']['Error']>();
    expectTypeOf<NonNullable<APIError['body']>['code']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<APIError['requestID']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<APIError['idempotencyKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ResponseValidationError>().toMatchTypeOf<SDKError>();
    expectTypeOf<ResponseValidationError['issues']>().toEqualTypeOf<readonly GuardIssue[]>();
  });
});
