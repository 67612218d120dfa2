import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec, deref, operationsOf, type Json, type JsonObject } from '../helpers/spec.ts';

// The 19 operations of the documentation pages, with the SDK method each maps to.
const EXPECTED: [string, string, string, string][] = [
  ['get', '/projects/{project}/plans', 'listPlans', 'plans.list'],
  ['post', '/projects/{project}/plans/search', 'searchPlans', 'plans.search'],
  ['get', '/projects/{project}/plans/{plan}', 'retrievePlan', 'plans.retrieve'],
  ['patch', '/projects/{project}/plans/{plan}', 'updatePlan', 'plans.update'],
  ['post', '/projects/{project}/plans/{plan}/archive', 'archivePlan', 'plans.archive'],
  ['post', '/projects/{project}/plans/{plan}/publish', 'publishPlan', 'plans.publish'],
  [
    'get',
    '/projects/{project}/plans/{plan}/documents',
    'listPlanDocumentsOfPlan',
    'plans.listDocuments',
  ],
  [
    'get',
    '/projects/{project}/plans/{plan}/documents/{document}',
    'retrievePlanDocumentOfPlan',
    'plans.retrieveDocument',
  ],
  ['get', '/projects/{project}/planDocuments', 'listPlanDocuments', 'planDocuments.list'],
  [
    'get',
    '/projects/{project}/planDocuments/{planDocument}',
    'retrievePlanDocument',
    'planDocuments.retrieve',
  ],
  [
    'get',
    '/projects/{project}/subscriptionChanges',
    'listSubscriptionChanges',
    'subscriptionChanges.list',
  ],
  [
    'post',
    '/projects/{project}/subscriptionChanges',
    'createSubscriptionChange',
    'subscriptionChanges.create',
  ],
  [
    'get',
    '/projects/{project}/subscriptionChanges/{id}',
    'retrieveSubscriptionChange',
    'subscriptionChanges.retrieve',
  ],
  [
    'delete',
    '/projects/{project}/subscriptionChanges/{id}',
    'deleteSubscriptionChange',
    'subscriptionChanges.delete',
  ],
  ['get', '/projects/{project}/addons', 'listAddons', 'addons.list'],
  ['get', '/projects/{project}/addons/{addon}', 'retrieveAddon', 'addons.retrieve'],
  ['patch', '/projects/{project}/addons/{addon}', 'updateAddon', 'addons.update'],
  ['post', '/projects/{project}/addons/{addon}/archive', 'archiveAddon', 'addons.archive'],
  ['post', '/projects/{project}/addons/{addon}/publish', 'publishAddon', 'addons.publish'],
];

let doc: JsonObject;
beforeAll(async () => {
  doc = await bundleSpec();
});

function parametersOf(method: string, path: string): JsonObject[] {
  const item = (doc['paths'] as JsonObject)[path] as JsonObject;
  const op = item[method] as JsonObject;
  const all = [...((item['parameters'] as Json[]) ?? []), ...((op['parameters'] as Json[]) ?? [])];
  return all.map((p) => deref(doc, p) as JsonObject);
}

describe('the bundled spec', () => {
  it('is OpenAPI 3.1 with exactly the 19 documented operations', () => {
    expect(doc['openapi']).toBe('3.1.0');
    const actual = operationsOf(doc).map(({ method, path, operation }) => [
      method,
      path,
      operation['operationId'],
      operation['x-sdk-method'],
    ]);
    expect(actual).toHaveLength(19);
    expect(new Set(actual.map((a) => JSON.stringify(a)))).toEqual(
      new Set(EXPECTED.map((e) => JSON.stringify(e))),
    );
  });

  it('marks exactly the two nested document operations deprecated', () => {
    const deprecated = operationsOf(doc)
      .filter(({ operation }) => operation['deprecated'] === true)
      .map(({ operation }) => operation['operationId']);
    expect(deprecated.sort()).toEqual(['listPlanDocumentsOfPlan', 'retrievePlanDocumentOfPlan']);
  });

  it('declares the deprecated plan fields as deprecated', () => {
    const plan = deref(doc, { $ref: '#/components/schemas/Plan' }) as JsonObject;
    const props = plan['properties'] as JsonObject;
    for (const name of ['data', 'dataUnit', 'sms', 'smsUnit', 'voice', 'voiceUnit']) {
      expect((props[name] as JsonObject)['deprecated'], name).toBe(true);
    }
  });

  it('gives every POST and DELETE the Idempotency-Key header, and no other operation', () => {
    for (const { method, path } of operationsOf(doc)) {
      const names = parametersOf(method, path)
        .filter((p) => p['in'] === 'header')
        .map((p) => p['name']);
      expect(names, `${method} ${path}`).toEqual(
        method === 'post' || method === 'delete' ? ['Idempotency-Key'] : [],
      );
    }
  });

  it('gives every operation the project path parameter, the error responses and bearer security', () => {
    expect(doc['security']).toEqual([{ bearerAuth: [] }]);
    for (const { method, path, operation } of operationsOf(doc)) {
      expect(
        parametersOf(method, path).some((p) => p['name'] === 'project' && p['in'] === 'path'),
      ).toBe(true);
      const statuses = Object.keys(operation['responses'] as JsonObject);
      for (const status of ['400', '401', '403', '404', '409', '422', 'default']) {
        expect(statuses, `${method} ${path}`).toContain(status);
        const response = deref(doc, (operation['responses'] as JsonObject)[status]) as JsonObject;
        const schema = ((response['content'] as JsonObject)['application/json'] as JsonObject)[
          'schema'
        ];
        expect(schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });

  it('marks every cursor-paginated list with its cursor parameters and fields, which exist', () => {
    const paginated = operationsOf(doc).filter(({ operation }) => operation['x-sdk-pagination']);
    expect(paginated.map(({ operation }) => operation['operationId']).sort()).toEqual([
      'listAddons',
      'listPlanDocuments',
      'listPlanDocumentsOfPlan',
      'listPlans',
      'listSubscriptionChanges',
      'searchPlans',
    ]);
    for (const { method, path, operation } of paginated) {
      const ext = operation['x-sdk-pagination'] as JsonObject;
      const query = parametersOf(method, path)
        .filter((p) => p['in'] === 'query')
        .map((p) => p['name']);
      for (const key of ['afterParam', 'beforeParam', 'limitParam'])
        expect(query).toContain(ext[key]);
      const ok = deref(doc, (operation['responses'] as JsonObject)['200']) as JsonObject;
      const schema = deref(
        doc,
        ((ok['content'] as JsonObject)['application/json'] as JsonObject)['schema'],
      ) as JsonObject;
      const props = Object.keys(schema['properties'] as JsonObject);
      for (const key of ['itemsField', 'nextCursorField', 'prevCursorField'])
        expect(props).toContain(ext[key]);
    }
  });

  it('sends array query filters comma-separated and bounds limit to 0..200, default 10', () => {
    for (const { method, path } of operationsOf(doc)) {
      for (const p of parametersOf(method, path)) {
        const schema = deref(doc, p['schema']) as JsonObject;
        if (p['in'] === 'query' && schema['type'] === 'array') {
          expect([p['name'], p['style'], p['explode']]).toEqual([p['name'], 'form', false]);
        }
        if (p['name'] === 'limit')
          expect(schema).toMatchObject({ type: 'integer', minimum: 0, maximum: 200, default: 10 });
      }
    }
  });

  it('never forbids additional properties in a response schema (the API adds properties without notice)', () => {
    const seen = new Set<Json>();
    const offenders: string[] = [];
    const visit = (node: Json | undefined, where: string): void => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}/${i}`));
      if (typeof node['$ref'] === 'string') return visit(deref(doc, node), node['$ref']);
      if (node['additionalProperties'] === false) offenders.push(where);
      for (const [key, value] of Object.entries(node)) visit(value, `${where}/${key}`);
    };
    for (const { method, path, operation } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(operation['responses'] as JsonObject)) {
        const content = (deref(doc, response) as JsonObject)['content'] as JsonObject;
        visit((content['application/json'] as JsonObject)['schema'], `${method} ${path} ${status}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
