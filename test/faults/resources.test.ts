/**
 * Specs without tags and without x-sdk-method (issue 10, item 15): operations are grouped into
 * resources by path (`/v1/customers/{id}` → `client.customers`), with method names that say what
 * each does, never one class with every method.
 */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { buildModel } from '../../generator/model/build.ts';
import { writeSpec } from '../generator/helpers.ts';
import { fixtureModel } from '../model/fixture-model.ts';
import { diagnostics, EQUAL, faultPackage } from './package.ts';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { withoutResource } from '../../generator/model/resource-names.ts';
import { exampleCall } from '../../generator/emit/readme-examples.ts';
import { readmeModules } from './package.ts';
import { emitClient } from '../../generator/emit/client.ts';

function placements(model: Awaited<ReturnType<typeof fixtureModel>>): string[] {
  return model.operations.map(
    (op) => `${op.method} ${op.path} → ${op.sdk.resource}.${op.sdk.method}`,
  );
}

describe('a spec without tags', () => {
  it('groups by the path past its version, names methods by what the path does', async () => {
    const model = await fixtureModel('untagged.yaml');
    expect(placements(model)).toEqual([
      'get /v1/customers → customers.list',
      'post /v1/customers → customers.create',
      'get /v1/customers/{id} → customers.retrieve',
      'post /v1/customers/{id} → customers.update',
      'delete /v1/customers/{id} → customers.delete',
      'get /v1/customers/{id}/invoices → customers.listInvoices',
      'get /v1/customers/{id}/invoices/{invoice} → customers.retrieveInvoice',
      'post /v1/customers/{id}/archive → customers.archive',
      'get /v1/customers/search → customers.search',
      // operationIds without the resource's name; where two meet (get, get), what the path does.
      'get /v1/invoices → invoices.list',
      'get /v1/invoices/{id} → invoices.retrieve',
      'patch /v1/invoices/{id} → invoices.update',
      'post /v1/invoices/{id}/finalize → invoices.finalize',
      'get /v2/products → products.list',
    ]);
    expect(model.resources.map((r) => r.className)).toEqual(['Customers', 'Invoices', 'Products']);
  });

  it('hundreds of operations spread over their resources', async () => {
    const paths: Record<string, unknown> = {};
    const nouns = Array.from(
      { length: 40 },
      (_, i) => `thing${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}s`,
    );
    const ok = { '200': { description: 'ok' } };
    const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
    for (const noun of nouns) {
      paths[`/api/v3/${noun}`] = { get: { responses: ok }, post: { responses: ok } };
      paths[`/api/v3/${noun}/{id}`] = {
        parameters: id,
        get: { responses: ok },
        put: { responses: ok },
        delete: { responses: ok },
      };
      paths[`/api/v3/${noun}/{id}/history`] = { parameters: id, get: { responses: ok } };
      paths[`/api/v3/${noun}/{id}/notes/{note}`] = {
        parameters: [
          ...id,
          { name: 'note', in: 'path', required: true, schema: { type: 'string' } },
        ],
        get: { responses: ok },
      };
    }
    const file = await writeSpec({ openapi: '3.0.3', info: { title: 'Big', version: '1' }, paths });
    const ctx = resolveContext({ spec: file });
    const model = await buildModel(await loadAndBundle(ctx), ctx);
    expect(model.operations.length).toBe(40 * 7);
    expect(model.resources.length).toBe(40);
    expect(Math.max(...model.resources.map((r) => r.operations.length))).toBe(7);
    expect(model.resources[0]!.name).toBe('thinga0s');
    expect(model.resources[0]!.operations.map((op) => op.sdk.method)).toEqual([
      'list',
      'create',
      'retrieve',
      'update',
      'delete',
      'retrieveHistory',
      'retrieveNote',
    ]);
  });

  it('a tag every operation carries that names the API groups nothing: the paths do', async () => {
    const ok = { '200': { description: 'ok' } };
    const file = await writeSpec({
      openapi: '3.0.3',
      info: { title: 'Xero Accounting API', version: '1' },
      paths: {
        '/Accounts': {
          get: { operationId: 'getAccounts', tags: ['Accounting'], responses: ok },
          put: { operationId: 'createAccount', tags: ['Accounting'], responses: ok },
        },
        '/Accounts/{AccountID}': {
          parameters: [
            { name: 'AccountID', in: 'path', required: true, schema: { type: 'string' } },
          ],
          get: { operationId: 'getAccount', tags: ['Accounting'], responses: ok },
          post: { operationId: 'updateAccount', tags: ['Accounting'], responses: ok },
        },
        '/Invoices': { get: { operationId: 'getInvoices', tags: ['Accounting'], responses: ok } },
      },
    });
    expect(placements(await modelOf(file))).toEqual([
      'get /Accounts → accounts.list',
      'put /Accounts → accounts.create',
      'get /Accounts/{AccountID} → accounts.retrieve',
      'post /Accounts/{AccountID} → accounts.update',
      'get /Invoices → invoices.get',
    ]);
  });

  it('a tag every operation carries is kept when it names something', async () => {
    const file = await writeSpec(oneTagSpec('Shop', 'items', ['/a', '/b', '/c']));
    expect(placements(await modelOf(file))).toEqual([
      'get /a → items.getA',
      'get /b → items.getB',
      'get /c → items.getC',
    ]);
  });

  it.each(['default', 'APIs', 'General', 'Version 3', 'Public API calls'])(
    'a tag every operation carries is ignored when its words are generic: %s',
    async (tag) => {
      const file = await writeSpec(oneTagSpec('Shop', tag, ['/orders', '/carts']));
      expect(placements(await modelOf(file))).toEqual([
        'get /orders → orders.get',
        'get /carts → carts.get',
      ]);
    },
  );

  it('a tag on every operation of a large API is ignored: one resource would hold them all', async () => {
    const paths = Array.from({ length: 21 }, (_, i) => `/group${String(i)}`);
    const large = placements(await modelOf(await writeSpec(oneTagSpec('Big', 'core', paths))));
    expect(new Set(large.map((line) => line.split(' → ')[1]!.split('.')[0]))).toHaveLength(21);
    const limit = placements(
      await modelOf(await writeSpec(oneTagSpec('Big', 'core', paths.slice(0, 20)))),
    );
    expect(new Set(limit.map((line) => line.split(' → ')[1]!.split('.')[0]))).toEqual(
      new Set(['core']),
    );
  });

  it('a tag on every operation of one path group is kept (nothing to ignore it for)', async () => {
    const file = await writeSpec(
      oneTagSpec('Xero Accounting API', 'Accounting', ['/a', '/a/{id}/x']),
    );
    expect(placements(await modelOf(file)).map((line) => line.split(' → ')[1])).toEqual([
      'accounting.getA',
      'accounting.retrieveX',
    ]);
  });
});

describe('operations that no tag or path segment places', () => {
  const ok = { '200': { description: 'ok' } };
  const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
  /** `/` and `/{id}`, tagged `tags`, without operationIds. */
  const rootSpec = (title: string | undefined, tags: string[]) => ({
    openapi: '3.1.0',
    info: { ...(title === undefined ? {} : { title }), version: '1' },
    paths: {
      '/': { get: { tags, responses: ok }, post: { tags, responses: ok } },
      '/{id}': { parameters: id, get: { tags, responses: ok }, delete: { tags, responses: ok } },
    },
  });

  it.each([
    ['tagged `default`', ['default']],
    ['tagged `API`', ['API']],
    ['untagged', []],
  ])('%s: live in a resource named after the title, never `default_`', async (_case, tags) => {
    const file = await writeSpec(rootSpec('Notes API v2', tags));
    expect(placements(await modelOf(file))).toEqual([
      'get / → notes.list',
      'post / → notes.create',
      'get /{id} → notes.retrieve',
      'delete /{id} → notes.delete',
    ]);
  });

  it.each([
    ['a generic title', 'Public REST API'],
    ['no title', undefined],
    ['an empty title', ''],
  ])('with %s: live in `api`', async (_case, title) => {
    const file = await writeSpec(rootSpec(title, ['default']));
    expect(placements(await modelOf(file)).map((line) => line.split(' → ')[1])).toEqual([
      'api.list',
      'api.create',
      'api.retrieve',
      'api.delete',
    ]);
  });

  it('with operationIds: the same home, methods from the operationIds', async () => {
    const file = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Notes', version: '1' },
      paths: {
        '/': { get: { operationId: 'listNotes', tags: ['default'], responses: ok } },
        '/{id}': {
          parameters: id,
          get: { operationId: 'getNote', tags: ['default'], responses: ok },
        },
      },
    });
    expect(placements(await modelOf(file))).toEqual([
      'get / → notes.list',
      'get /{id} → notes.get',
    ]);
  });

  it('a generic tag names no resource where the path names one, also in one group', async () => {
    const file = await writeSpec(oneTagSpec('Shop', 'default', ['/orders', '/orders/{id}/items']));
    expect(placements(await modelOf(file)).map((line) => line.split(' → ')[1])).toEqual([
      'orders.get',
      'orders.listItems',
    ]);
  });

  it('a generic tag on some operations names nothing; the other tags still do', async () => {
    const file = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Shop', version: '1' },
      paths: {
        '/': { get: { tags: ['default'], responses: ok } },
        '/orders': { get: { tags: ['orders'], responses: ok } },
        '/carts': { get: { tags: ['General', 'carts'], responses: ok } },
      },
    });
    expect(placements(await modelOf(file))).toEqual([
      'get / → shop.list',
      'get /orders → orders.list',
      'get /carts → carts.list',
    ]);
  });

  it('the operationId derived for `/` is the method, without a `_`', async () => {
    const model = await modelOf(await writeSpec(rootSpec('Notes', [])));
    expect(model.operations.map((op) => op.operationId)).toEqual([
      'get',
      'post',
      'getById',
      'deleteById',
    ]);
  });
});

describe('operations without operationIds that the path after their resource cannot tell apart', () => {
  it('are named by their method and whole path (`get404`), not numbered, without warnings', async () => {
    const ok = { '200': { description: 'ok' } };
    const tags = ['Client errors'];
    const file = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Status codes', version: '1' },
      paths: {
        '/status/400': { get: { tags, responses: ok } },
        '/status/404': { get: { tags, responses: ok }, post: { tags, responses: ok } },
        '/status/418': { get: { tags, responses: ok } },
        '/status/teapot': { get: { tags, responses: ok } },
      },
    });
    const model = await modelOf(file);
    expect(placements(model)).toEqual([
      'get /status/400 → clientErrors.get400',
      'get /status/404 → clientErrors.get404',
      'post /status/404 → clientErrors.create',
      'get /status/418 → clientErrors.get418',
      'get /status/teapot → clientErrors.getTeapot',
    ]);
    expect(model.warnings.filter((w) => w.key.startsWith('name-collision'))).toEqual([]);
  });
});

describe('resources named with reserved words', () => {
  it('keep them as they are: `client.import`, not `client.import_`', async () => {
    const model = await fixtureModel('reserved-resources.yaml');
    expect(placements(model)).toEqual([
      'post /imports → import.create',
      'get /imports/{id} → import.retrieve',
      'get /classes → class.list',
      'delete /new/{id} → new.delete',
      'get /package → package.list',
      'put /type/{id} → type.update',
    ]);
    expect(model.resources.map((r) => r.className)).toEqual([
      'Import',
      'Class',
      'New',
      'Package',
      'Type',
    ]);
  });

  it("name the README's variables without a `_`, in a package that compiles", async () => {
    const pkg = await faultPackage('reserved-resources.yaml');
    const examples = pkg.model.resources.flatMap((resource) =>
      resource.operations.map((operation) => exampleCall(resource, operation, pkg.model)),
    );
    expect(examples.join('\n')).not.toMatch(/const \w+_\b/);
    // `Default` and `import` would be `default_` and `import_`: the result is `result`.
    expect(examples).toContain("const result = await client.import.retrieve('id');");
    expect(pkg.files.get('README.md')).toContain('client.import.create(');
    expect(diagnostics(pkg, readmeModules(pkg))).toEqual([]);
  });

  it('named like a device Windows reserves (CON, aux, LPT1) live in files Windows can hold', async () => {
    const file = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Devices', version: '1' },
      paths: Object.fromEntries(
        ['CON', 'aux', 'LPT1', 'console'].map((tag) => [
          `/${tag.toLowerCase()}`,
          { get: { tags: [tag], responses: { '204': { description: 'ok' } } } },
        ]),
      ),
    });
    const model = await modelOf(file);
    const paths = emitClient(model)
      .map((emitted) => emitted.path)
      .filter((path) => path.startsWith('src/resources/'));
    expect(paths.sort()).toEqual([
      'src/resources/aux2.ts',
      'src/resources/con2.ts',
      'src/resources/console.ts',
      'src/resources/index.ts',
      'src/resources/lpt12.ts',
    ]);
  });

  it('x-sdk-method may name such a resource', async () => {
    const file = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Shop', version: '1' },
      paths: {
        '/a': {
          get: { 'x-sdk-method': 'default.list', responses: { '204': { description: 'ok' } } },
        },
      },
    });
    expect(placements(await modelOf(file))).toEqual(['get /a → default.list']);
  });
});

/** One GET per path, each with an operationId made from its path, all tagged `tag`. */
function oneTagSpec(title: string, tag: string, paths: readonly string[]): object {
  const ok = { '200': { description: 'ok' } };
  const operationId = (path: string) =>
    `get${path
      .split('/')
      .filter(Boolean)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')}`;
  return {
    openapi: '3.1.0',
    info: { title, version: '1' },
    paths: Object.fromEntries(
      paths.map((path) => [
        path,
        { get: { operationId: operationId(path), tags: [tag], responses: ok } },
      ]),
    ),
  };
}

async function modelOf(file: string) {
  const ctx = resolveContext({ spec: file });
  return buildModel(await loadAndBundle(ctx), ctx);
}

describe('withoutResource', () => {
  it.each([
    ['listCustomers', 'customers', 'list'],
    ['getCustomer', 'customers', 'get'],
    ['addressCreate', 'addresses', 'create'],
    ['listSubscriptionChanges', 'subscriptionChanges', 'list'],
    ['getFileNodes', 'files', 'getNodes'],
    ['customers', 'customers', 'customers'],
    ['archive', 'plans', 'archive'],
  ])('%s in %s → %s', (method, resource, want) => {
    expect(withoutResource(method, resource)).toBe(want);
  });
});

/** An operation of the naming specs below: its operationId and one tag, answering 204. */
function taggedOperation(operationId: string, tag: string) {
  return { operationId, tags: [tag], responses: { '204': { description: 'Done.' } } };
}

/** A required string path parameter. */
function id(name: string) {
  return { name, in: 'path', required: true, schema: { type: 'string' } };
}

describe('operationIds that end in their HTTP method in capitals', () => {
  it('are read with the method first, as a method name says it (ETSI: `app_packagesGET`)', async () => {
    const op = (operationId: string) => taggedOperation(operationId, 'packages');
    const model = await modelOf(
      await writeSpec({
        openapi: '3.0.3',
        info: { title: 'Lab', version: '1' },
        paths: {
          '/app_packages': { get: op('app_packagesGET'), post: op('app_packagesPOST') },
          '/app_packages/{appPkgId}': {
            parameters: [id('appPkgId')],
            delete: op('individualPackageDELETE'),
          },
          '/onboarded/{appDId}/appd': { parameters: [id('appDId')], get: op('appDGET') },
          // Capitals that are no HTTP method of the operation, or the whole id: as written.
          '/zones': { get: op('listZonesPOST'), put: op('PUT') },
          '/files/{f}': { parameters: [id('f')], get: op('readFileGet') },
        },
      }),
    );
    expect(
      model.operations.map((o) => `${o.operationId} → ${o.sdk.resource}.${o.sdk.method}`),
    ).toEqual([
      'app_packagesGET → packages.getAppPackages',
      'app_packagesPOST → packages.postAppPackages',
      'individualPackageDELETE → packages.deleteIndividual',
      'appDGET → packages.getAppD',
      'listZonesPOST → packages.listZonesPOST',
      'PUT → packages.put',
      'readFileGet → packages.readFileGet',
    ]);
  });
});

describe('operationIds that spell out the method and a path with a version or parameter', () => {
  it('are named as operations without one are, by what the path does (Grape: `getV3GroupsId`)', async () => {
    const op = (operationId: string) => taggedOperation(operationId, 'groups');
    const model = await modelOf(
      await writeSpec({
        openapi: '3.0.3',
        info: { title: 'Lab', version: '1' },
        paths: {
          '/v3/groups': { get: op('getV3Groups'), post: op('post_v3_groups') },
          '/v3/groups/{id}': {
            parameters: [id('id')],
            get: op('getV3GroupsId'),
            delete: op('deleteV3GroupsId'),
          },
          '/v3/groups/{id}/members': { parameters: [id('id')], get: op('getV3GroupsIdMembers') },
          // Names alone read as a person's: the operationId as before.
          '/groups/owned': { get: op('getGroupsOwned') },
          // More than the path says: the operationId as before.
          '/groups/{id}/keys': { parameters: [id('id')], get: op('listGroupKeys') },
        },
      }),
    );
    expect(
      model.operations.map((o) => `${o.operationId} → ${o.sdk.resource}.${o.sdk.method}`),
    ).toEqual([
      // A version but no parameter: the operationId without the version.
      'getV3Groups → groups.get',
      'post_v3_groups → groups.post',
      'getV3GroupsId → groups.retrieve',
      'deleteV3GroupsId → groups.delete',
      'getV3GroupsIdMembers → groups.listMembers',
      'getGroupsOwned → groups.getOwned',
      'listGroupKeys → groups.listKeys',
    ]);
  });
});

describe('an operationId that names another resource before its own (`createSiteBuildHook`)', () => {
  it('keeps its resource words: taken out, the name would act on the other one (`createSite`)', async () => {
    const op = taggedOperation;
    const model = await modelOf(
      await writeSpec({
        openapi: '3.0.3',
        info: { title: 'Sites', version: '1' },
        paths: {
          '/sites/{site_id}': { parameters: [id('site_id')], get: op('getSite', 'site') },
          '/sites/{site_id}/build_hooks': {
            parameters: [id('site_id')],
            post: op('createSiteBuildHook', 'buildHook'),
          },
          '/deploys/{deploy_id}/cancel': {
            parameters: [id('deploy_id')],
            post: op('cancelSiteDeploy', 'deploy'),
          },
          '/deploys/{deploy_id}': {
            parameters: [id('deploy_id')],
            get: op('getDeploy', 'deploy'),
          },
          '/{account_slug}/members/{member_id}': {
            parameters: [id('account_slug'), id('member_id')],
            delete: op('removeAccountMember', 'members'),
          },
          '/{account_slug}/members': {
            parameters: [id('account_slug')],
            post: op('addMemberToAccount', 'members'),
            get: op('listAllMembers', 'members'),
          },
        },
      }),
    );
    expect(
      model.operations.map((o) => `${o.operationId} → ${o.sdk.resource}.${o.sdk.method}`),
    ).toEqual([
      'getSite → site.get',
      'createSiteBuildHook → buildHook.createSiteBuildHook',
      'cancelSiteDeploy → deploy.cancelSiteDeploy',
      'getDeploy → deploy.get',
      'removeAccountMember → members.removeAccountMember',
      // A word that names nothing in the API (`all`) is no other resource: taken out as before.
      'listAllMembers → members.listAll',
      'addMemberToAccount → members.addToAccount',
    ]);
  });
});

describe('tags longer than a file name may be', () => {
  it('give resource files with short, distinct names, and a package that compiles', async () => {
    const pkg = await faultPackage('long-names.yaml');
    const resources = [...pkg.files.keys()].filter((path) => path.startsWith('src/resources/'));
    expect(resources).toHaveLength(3); // two resources and the index
    expect(new Set(resources).size).toBe(3);
    for (const path of resources) expect(path.length).toBeLessThan(100);
    expect(diagnostics(pkg)).toEqual([]);
  });
});

describe('success responses of media type */* or application/* with an inline schema', () => {
  it('resolve to a declared type of their own; a text response resolves to a string', async () => {
    const pkg = await faultPackage('wildcard-responses.yaml');
    const client = pkg.model.sdk.clientName;
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { ${client} } from './client.js';
import type { Thing } from './types.js';
import type {
  ThingListResponse,
  ThingCreateResponse,
  ThingGetResponse,
} from './resources/things.js';
type Result<K extends keyof ${client}['things']> =
  ${client}['things'][K] extends (...args: never[]) => PromiseLike<infer R> ? R : never;
same<Result<'list'>, ThingListResponse>(true);
same<ThingListResponse, Record<string, unknown>>(true);
same<Result<'create'>, ThingCreateResponse>(true);
same<ThingCreateResponse, { id: string }[]>(true);
same<Result<'get'>, ThingGetResponse>(true);
same<ThingGetResponse['id'], string>(true);
same<ThingGetResponse['extra'], number | undefined>(true);
same<Result<'describe'>, string>(true);
same<Result<'delete'>, Thing>(true);
`,
      }),
    ).toEqual([]);
  });
});

describe('path templates naming parameters the operation does not declare', () => {
  it('take each as a required string path argument, with one warning', async () => {
    const pkg = await faultPackage('undeclared-path-parameters.yaml');
    const args = pkg.model.operations.map(
      (op) =>
        `${op.sdk.method}(${op.shape.pathArgs.map((a) => `${a.parameter.name}: ${a.parameter.schema.kind}`).join(', ')})`,
    );
    expect(args).toEqual([
      'get(thingId: string)',
      'delete(thingId: number)',
      'getPart(thingId: string, partId: string)',
      // Every operation is tagged `things`, so this one is in `things` too.
      'move(owner: string, thing: string)',
      'upload(convert: string)',
    ]);
    const warnings = pkg.model.warnings.filter((w) => w.key === 'undeclared-path-parameter');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.more).toBe(3);
    expect(warnings[0]!.message).toMatch(/\/things\/\{thingId\} has \{thingId\}/);
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('are an error with --strict, naming the operation and the fix', async () => {
    const error = await fixtureModel('undeclared-path-parameters.yaml', true).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).location.pointer).toBe('#/paths/~1things~1{thingId}/get');
    expect((error as GeneratorError).message).toMatch(/has \{thingId\}.*--strict/);
    expect((error as GeneratorError).hint).toMatch(/name: thingId, in: path, required: true/);
  });
});

describe('path parameters the path template has no `{name}` for', () => {
  it('are left out of the methods, with one warning naming each operation’s and the fix', async () => {
    const pkg = await faultPackage('path-parameters-outside-template.yaml');
    const args = pkg.model.operations.map(
      (op) => `${op.sdk.method}(${op.shape.pathArgs.map((a) => a.parameter.name).join(', ')})`,
    );
    expect(args).toEqual(['get(thingId)', 'delete(thingId)', 'getPart(partId)', 'getOwner(owner)']);
    const warnings = pkg.model.warnings.filter((w) => w.key === 'path-parameter-outside-template');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location.pointer).toBe('#/paths/~1things~1{thingId}/get');
    expect(warnings[0]!.more).toBe(2);
    expect(warnings[0]!.problem).toMatch(
      /path \/things\/\{thingId\} has no \{version\}, \{format\}.*the method leaves them out/,
    );
    expect(warnings[0]!.hint).toMatch(/add \{version\} to the path.*`in: query`.*or remove/);
    expect(diagnostics(pkg)).toEqual([]);
    await expect(fixtureModel('path-parameters-outside-template.yaml', true)).rejects.toThrow(
      /--strict/,
    );
  });
});

describe('path segments with percent-escapes', () => {
  it('name resources and methods by the text they stand for, not by the hex digits', async () => {
    const ok = { '200': { description: 'ok' } };
    const get = { get: { responses: ok } };
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Escapes', version: '1.0.0' },
      paths: {
        '/enc%20oded/{a}': get,
        '/user%20groups': get,
        '/caf%C3%A9s': get,
        '/menus/%E6%97%A5%E6%9C%AC': get,
        '/menus/broken%FFpart': get,
        '/menus/x%7Bid%7D': get,
      },
    });
    const model = await modelOf(spec);
    // The operationIds derived for openapi.json and the types' `operations` alike.
    expect(model.operations.map((op) => op.operationId)).toEqual([
      'getEncOdedByA',
      'getUserGroups',
      'getCafes',
      'getMenus日本',
      'getMenusBrokenPart',
      'getMenusXId',
    ]);
    expect(placements(model)).toEqual([
      'get /enc%20oded/{a} → encOded.retrieve',
      'get /user%20groups → userGroups.list',
      'get /caf%C3%A9s → cafes.list',
      'get /menus/%E6%97%A5%E6%9C%AC → menus.日本',
      'get /menus/broken%FFpart → menus.brokenPart',
      'get /menus/x%7Bid%7D → menus.xId',
    ]);
  });
});
