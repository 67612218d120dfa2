/**
 * Type tests of the client emitted for the fixture model (the golden package in
 * test/fixtures/client-package, see test/emit/client/golden.test.ts): every calling-convention
 * case takes and returns the right types. They run in `npm test` (vitest typecheck mode).
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  Fixture,
  pathsClient,
  NotFoundError,
  APIError,
  type FixtureOptions,
  type Page,
  type PagePromise,
  type RequestOptions,
} from '../fixtures/client-package/src/client.js';
import type { components } from '../fixtures/client-package/src/openapi.js';
import type {
  WidgetBulkParams,
  WidgetReplaceParams,
} from '../fixtures/client-package/src/resources/index.js';

type Plan = components['schemas']['Plan'];
type PlanList = components['schemas']['PlanList'];
type Widget = components['schemas']['Widget'];

declare const client: Fixture;

describe('the client', () => {
  it('takes optional options, the client options among them', () => {
    expectTypeOf<ConstructorParameters<typeof Fixture>>().toEqualTypeOf<
      [options?: FixtureOptions]
    >();
    expectTypeOf<FixtureOptions['project']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FixtureOptions['tenant']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error unknown option
    new Fixture({ projekt: 'p' });
  });

  it('keeps a resource named paths: the path client is a function of the client', () => {
    expectTypeOf<Awaited<ReturnType<Fixture['paths']['list']>>>().toEqualTypeOf<string[]>();
    expectTypeOf(pathsClient(client).GET).toBeFunction();
    // @ts-expect-error it takes the client
    void pathsClient({});
  });
});

describe('path parameters are positional, client options optional', () => {
  it('retrieve(plan, { project }?, options?)', () => {
    expectTypeOf(client.plans.retrieve).parameters.toEqualTypeOf<
      [plan: string, params?: { project?: string }, options?: RequestOptions]
    >();
    expectTypeOf<Awaited<ReturnType<Fixture['plans']['retrieve']>>>().toEqualTypeOf<Plan>();
    // @ts-expect-error the plan id is required
    void client.plans.retrieve();
  });

  it('arguments renamed away from the method locals keep their order', () => {
    expectTypeOf(client.widgets.get).parameters.toEqualTypeOf<
      [path2: string, params2: string, options?: RequestOptions]
    >();
  });
});

describe('flat params', () => {
  it('a list: query parameters with their enum types, a page promise of plans', async () => {
    const pending = client.plans.list({ status: ['available'], limit: 2 });
    expectTypeOf(pending).toEqualTypeOf<PagePromise<PlanList, Plan>>();
    expectTypeOf(await pending).toEqualTypeOf<Page<PlanList, Plan>>();
    for await (const plan of pending) expectTypeOf(plan).toEqualTypeOf<Plan>();
    // @ts-expect-error not a status
    void client.plans.list({ status: ['gone'] });
  });

  it('a body beside the client option; a required body key makes params required', () => {
    void client.plans.create({ name: 'x', validityDays: 30 });
    // @ts-expect-error params are required
    void client.plans.create();
    // @ts-expect-error name is required
    void client.plans.create({ validityDays: 30 });
  });

  it('query parameters beside body keys', () => {
    void client.plans.search({ query: 'q', 'user.birthday': '2000-01-01', limit: 1 });
    // @ts-expect-error limit is a number
    void client.plans.search({ query: 'q', limit: '1' });
  });

  it('a required header parameter', () => {
    void client.widgets.traced({ 'X-Trace-Id': 't' });
    // @ts-expect-error the header is required
    void client.widgets.traced({ limit: 1 });
  });

  it('204 resolves to void, text/plain to string', () => {
    expectTypeOf<Awaited<ReturnType<Fixture['plans']['delete']>>>().toEqualTypeOf<void>();
    expectTypeOf<Awaited<ReturnType<Fixture['widgets']['text']>>>().toEqualTypeOf<string>();
  });
});

describe('nested params', () => {
  it('an array body with a required query', () => {
    expectTypeOf<WidgetBulkParams>().toEqualTypeOf<{
      query: { 'user.birthday': string };
      body: string[];
    }>();
    expectTypeOf<Awaited<ReturnType<Fixture['widgets']['bulk']>>>().toEqualTypeOf<Widget[]>();
    // @ts-expect-error the body is required
    void client.widgets.bulk({ query: { 'user.birthday': 'b' } });
  });

  it('keys that collide keep query and body apart', () => {
    expectTypeOf<WidgetReplaceParams>().toEqualTypeOf<{
      query?: { name?: string };
      body?: { name: string };
    }>();
  });
});

describe('errors', () => {
  it('NotFoundError is an APIError', () => {
    expectTypeOf<NotFoundError>().toMatchTypeOf<APIError>();
  });
});
