/**
 * `npm run diff`: every rule on a real git repository in a temporary folder. The base is the
 * committed spec (`--base HEAD`); each case edits the working tree the way a maintainer would and
 * checks the overall bump and the change each layer names: the SDK level (the generated package's
 * TypeScript surface) and the wire level (`redocly diff`).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, YAMLMap } from 'yaml';
import { main } from '../../scripts/diff.ts';
import { diffSpecs, type DiffReport } from '../../scripts/lib/diff/index.ts';
import type { CommandError } from '../../scripts/lib/command-error.ts';
import { renderReport } from '../../scripts/lib/diff/report.ts';
import { wireLine } from '../../scripts/lib/diff/change.ts';
import { renderEntry } from '../../scripts/lib/release/changelog.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';
import { git, resetSpec, specRepo } from './git-repo.ts';
import { runMain } from './run-main.ts';
import { editYaml } from './spec-edits.ts';

afterAll(removeTempDirs);

interface Expected {
  level: 'major' | 'minor' | 'patch';
  kind: string;
  /** A part of the message that names the change. */
  says: string;
}

interface Case {
  name: string;
  file: string;
  edit: (doc: Document) => void;
  bump: 'major' | 'minor' | 'patch';
  sdk: Expected;
  wire?: Expected;
  /** More lines the report has. */
  more?: Expected[];
  /** Kinds of change the report has none of. */
  none?: string[];
}

const ROOT_FILE = 'openapi.yaml';

const CASES: Case[] = [
  {
    // The spec names no packageName: the package's name follows the client's.
    name: 'rename the client, and with it the package',
    file: ROOT_FILE,
    edit: (doc) => doc.setIn(['x-sdk', 'clientName'], 'ShopClient'),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/package-renamed',
      says: 'the package is now published as `shop-client-sdk`, no longer as `shop-sdk`: installs of `shop-sdk` get no update; set `x-sdk.packageName: shop-sdk`',
    },
    // helper-113 6: the class and its options read as exports removed beside new ones.
    more: [
      { level: 'major', kind: 'sdk/export-renamed', says: 'export `Shop` renamed to `ShopClient`' },
      {
        level: 'major',
        kind: 'sdk/export-renamed',
        says: 'export `ShopOptions` renamed to `ShopClientOptions`',
      },
    ],
    none: ['sdk/export-removed', 'sdk/export-added'],
  },
  {
    name: 'remove an operation',
    file: ROOT_FILE,
    edit: (doc) => doc.deleteIn(['paths', '/orders/{order}', 'get']),
    bump: 'major',
    sdk: { level: 'major', kind: 'sdk/method-removed', says: '`client.orders.retrieve()` removed' },
    wire: { level: 'major', kind: 'wire/operation-removed', says: 'GET /orders/{order}' },
  },
  {
    name: 'remove a response property',
    file: 'schemas/Order.yaml',
    edit: (doc) => doc.deleteIn(['properties', 'note']),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/result-property-removed',
      says: '`client.orders.retrieve()` result: property `note` removed',
    },
    wire: { level: 'major', kind: 'wire/property-removed', says: 'note' },
  },
  {
    // helper-134 1: rated patch, "narrowed", filed under Fixed; `note === 'other'` stops compiling.
    name: 'a response string narrowed to an enum',
    file: 'schemas/Order.yaml',
    edit: (doc) => doc.setIn(['properties', 'note', 'enum'], doc.createNode(['gift', 'rush'])),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/result-enum-values-removed',
      says: 'narrowed from `string` to `"gift" | "rush"` (code that compares it with another value, in `===` or a `switch` case, no longer compiles)',
    },
    none: ['sdk/result-type-narrowed'],
  },
  {
    // helper-134 6: read "documentation of `note` changed"; the stability promise is taken back.
    name: 'a response property put in preview',
    file: 'schemas/Order.yaml',
    edit: (doc) => doc.setIn(['properties', 'note', 'x-preview'], true),
    bump: 'patch',
    sdk: {
      level: 'patch',
      kind: 'sdk/docs-changed',
      says: '`note` is now in preview (`x-preview`): it may change without notice',
    },
    none: ['sdk/result-type-changed'],
  },
  {
    name: 'a schema put in preview',
    file: 'schemas/Order.yaml',
    edit: (doc) => doc.set('x-preview', true),
    bump: 'patch',
    sdk: {
      level: 'patch',
      kind: 'sdk/docs-changed',
      says: '`Order` is now in preview (`x-preview`): it may change without notice',
    },
  },
  {
    // helper-134 2: "SDK unchanged", patch, under Changed; editors strike `Order` through.
    name: 'a schema deprecated',
    file: 'schemas/Order.yaml',
    edit: (doc) => doc.set('deprecated', true),
    bump: 'minor',
    sdk: { level: 'minor', kind: 'sdk/export-deprecated', says: '`Order` deprecated' },
    none: ['sdk/docs-changed'],
  },
  {
    // helper-115 B: the wire line read "may now be other values than before" where the SDK line
    // said what they are.
    name: 'a response property given `null` in its type list',
    file: 'schemas/Order.yaml',
    edit: (doc) => doc.setIn(['properties', 'note', 'type'], doc.createNode(['string', 'null'])),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/result-type-changed',
      says: '`note` may now be `null`',
    },
    wire: { level: 'major', kind: 'wire/schema-type-changed', says: 'property `note`: may now be `null`' },
  },
  {
    name: 'add a required request property',
    file: 'schemas/OrderCreate.yaml',
    edit: (doc) => {
      doc.setIn(['properties', 'sku'], doc.createNode({ type: 'string', description: 'SKU.' }));
      doc.setIn(['required'], doc.createNode(['quantity', 'sku']));
    },
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/parameter-required',
      says: '`client.orders.create()` params: new required `sku`',
    },
    wire: { level: 'major', kind: 'wire/required-properties-added', says: 'sku' },
  },
  {
    name: 'make an optional parameter required',
    file: ROOT_FILE,
    edit: (doc) => doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'required'], true),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/parameter-required',
      says: '`client.orders.list()` params: `customer` is now required',
    },
    wire: { level: 'major', kind: 'wire/parameter-became-required', says: 'customer' },
  },
  {
    name: 'rename a parameter',
    file: ROOT_FILE,
    edit: (doc) => doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'name'], 'customerId'),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/parameter-renamed',
      says: '`client.orders.list()` params: `customer` removed and `customerId` (optional) added, of the same type: if it was renamed, pass `customerId` instead',
    },
    wire: { level: 'major', kind: 'wire/parameter-removed', says: 'customer' },
  },
  {
    name: 'narrow a request enum',
    file: 'schemas/Channel.yaml',
    edit: (doc) => doc.setIn(['enum'], doc.createNode(['web'])),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/parameter-enum-values-removed',
      says: '`client.orders.create()` params: `channel` no longer accepts `"phone"`',
    },
    wire: { level: 'major', kind: 'wire/enum-values-removed', says: 'phone' },
  },
  {
    name: 'widen a response enum',
    file: 'schemas/OrderStatus.yaml',
    edit: (doc) => doc.setIn(['enum'], doc.createNode(['open', 'shipped', 'cancelled'])),
    bump: 'minor',
    sdk: {
      level: 'minor',
      kind: 'sdk/result-enum-values-added',
      says: '`client.orders.retrieve()` result: `status` may now be `"cancelled"` (an exhaustive `switch` on it may need a new case)',
    },
    wire: { level: 'minor', kind: 'wire/enum-values-added', says: 'cancelled' },
  },
  {
    name: 'change a type',
    file: 'schemas/Order.yaml',
    edit: (doc) => doc.setIn(['properties', 'quantity', 'type'], 'string'),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/result-type-changed',
      says: '`client.orders.retrieve()` result: `quantity` changed from `number` to `string`',
    },
    wire: { level: 'major', kind: 'wire/schema-type-changed', says: 'quantity' },
  },
  {
    // `(await client.orders.retrieve(id)).note` stopped compiling (TS18048); it said "unchanged".
    name: 'add a success response without a body beside one with a body',
    file: ROOT_FILE,
    edit: (doc) =>
      doc.setIn(
        ['paths', '/orders/{order}', 'get', 'responses', '202'],
        doc.createNode({ description: 'Accepted; the order is not ready yet.' }),
      ),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/result-type-changed',
      says: '`client.orders.retrieve()` result: the value may now be `undefined`',
    },
    wire: { level: 'minor', kind: 'wire/response-added', says: '202' },
  },
  {
    name: 'add an optional response property',
    file: 'schemas/Order.yaml',
    edit: (doc) =>
      doc.setIn(
        ['properties', 'nickname'],
        doc.createNode({ type: 'string', description: 'A nickname.' }),
      ),
    bump: 'minor',
    sdk: {
      level: 'minor',
      kind: 'sdk/result-property-added',
      says: '`client.orders.retrieve()` result: new optional property `nickname`',
    },
    wire: { level: 'minor', kind: 'wire/schema-added', says: 'nickname' },
  },
  {
    name: 'add an operation',
    file: ROOT_FILE,
    edit: (doc) =>
      doc.setIn(
        ['paths', '/orders/{order}', 'delete'],
        doc.createNode({
          operationId: 'cancelOrder',
          summary: 'Cancel an order',
          description: 'Cancels an order.',
          'x-sdk-method': 'orders.cancel',
          parameters: [{ name: 'order', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'Cancelled.' } },
        }),
      ),
    bump: 'minor',
    sdk: { level: 'minor', kind: 'sdk/method-added', says: 'new method `client.orders.cancel()`' },
    wire: { level: 'minor', kind: 'wire/operation-added', says: 'DELETE /orders/{order}' },
  },
  {
    name: 'change a description',
    file: ROOT_FILE,
    edit: (doc) => doc.setIn(['paths', '/orders', 'get', 'description'], 'Returns every order.'),
    bump: 'patch',
    sdk: {
      level: 'patch',
      kind: 'sdk/docs-changed',
      says: '`client.orders.list()`: documentation changed',
    },
    wire: { level: 'patch', kind: 'wire/operation-modified', says: '`description` changed' },
  },
  {
    // A property's description gave a line; the schema's own gave "SDK unchanged".
    name: 'change a schema’s own description',
    file: 'schemas/Order.yaml',
    edit: (doc) => doc.set('description', 'An order, as the shop keeps it.'),
    bump: 'patch',
    sdk: { level: 'patch', kind: 'sdk/docs-changed', says: '`Order`: documentation changed' },
  },
  {
    name: 'deprecate an operation',
    file: ROOT_FILE,
    edit: (doc) => doc.setIn(['paths', '/orders/{order}', 'get', 'deprecated'], true),
    bump: 'minor',
    sdk: {
      level: 'minor',
      kind: 'sdk/method-deprecated',
      says: '`client.orders.retrieve()` deprecated',
    },
    wire: { level: 'patch', kind: 'wire/operation-modified', says: 'operation deprecated' },
  },
  {
    name: 'rename a path parameter (the path template changes)',
    file: ROOT_FILE,
    edit: (doc) => {
      const paths = doc.get('paths') as YAMLMap;
      const item = paths.get('/orders/{order}');
      paths.delete('/orders/{order}');
      paths.set('/orders/{orderId}', item);
      doc.setIn(['paths', '/orders/{orderId}', 'get', 'parameters', 0, 'name'], 'orderId');
    },
    bump: 'major',
    // One line for the rename (diff-path-rename.test.ts), not a path gone and one added.
    sdk: {
      level: 'major',
      kind: 'sdk/typed-path-renamed',
      says: 'path parameter `order` renamed to `orderId` (`/orders/{order}` → `/orders/{orderId}`): a typed path client call (`pathsClient(client)`) with the old path',
    },
    none: ['sdk/typed-path-removed', 'sdk/typed-path-added'],
  },
  {
    name: 'add a property to one variant of a union (named, so the type names are the same)',
    file: 'schemas/Shipping.yaml',
    edit: (doc) => {
      doc.setIn(['properties', 'carrier'], doc.createNode({ type: 'string' }));
      doc.setIn(['required'], doc.createNode(['kind', 'address', 'carrier']));
    },
    bump: 'minor',
    sdk: {
      level: 'minor',
      kind: 'sdk/result-property-added',
      says: '`client.orders.retrieve()` result: new property `(delivery as Shipping).carrier`',
    },
  },
  {
    name: 'add a variant to a response union (named, so the type names are the same)',
    file: 'schemas/Delivery.yaml',
    edit: (doc) =>
      doc.addIn(
        ['oneOf'],
        doc.createNode({
          type: 'object',
          required: ['kind'],
          properties: { kind: { type: 'string', enum: ['locker'] } },
        }),
      ),
    bump: 'major',
    sdk: {
      level: 'major',
      kind: 'sdk/result-type-changed',
      says: '`client.orders.retrieve()` result: `delivery` may now be `{ kind: "locker"; }`',
    },
  },
];

let repo: string;

beforeAll(async () => {
  repo = await specRepo();
});

async function diffAfter(file: string, edit: (doc: Document) => void): Promise<DiffReport> {
  resetSpec(repo);
  await editYaml(join(repo, 'spec'), file, edit);
  return diffSpecs({ base: 'HEAD', cwd: repo });
}

describe('every rule, on a real git repository', () => {
  it.each(CASES)('$name: $bump', async ({ file, edit, bump, sdk, wire, more, none }) => {
    const report = await diffAfter(file, edit);
    expect(report.bump).toBe(bump);
    const lines = report.changes.map(
      (change) => `${change.level} ${change.kind} | ${change.location} | ${change.message}`,
    );
    const match = (expected: Expected) =>
      expect.stringMatching(
        new RegExp(`^${expected.level} ${expected.kind} \\|.*${escapeRegExp(expected.says)}`),
      );
    expect(lines).toContainEqual(match(sdk));
    if (wire !== undefined) expect(lines).toContainEqual(match(wire));
    for (const expected of more ?? []) expect(lines).toContainEqual(match(expected));
    for (const kind of none ?? [])
      expect(report.changes.filter((change) => change.kind === kind)).toEqual([]);
    // Nothing is rated above the bump, and the bump is the most severe change.
    expect(report.changes.map((change) => change.level)).toContain(bump);
  });

  it('a removed property is placed at the `properties` key of its schema in the head, not a line below', async () => {
    const report = await diffAfter('schemas/Order.yaml', (doc) =>
      doc.deleteIn(['properties', 'note']),
    );
    const head = await readFile(join(repo, 'spec/schemas/Order.yaml'), 'utf8');
    const line = head.split('\n').indexOf('properties:') + 1;
    expect(line).toBeGreaterThan(0);
    const wire = report.changes.filter((change) => change.kind === 'wire/property-removed');
    expect(wire.map((change) => change.message)).toEqual([
      expect.stringMatching(new RegExp(`note.*\\(spec/schemas/Order\\.yaml:${line}\\)$`)),
    ]);
  });

  // helper-110 D3: a first query parameter put `params` where `options` was, and the comparison
  // of `options` with `params` listed `headers`, `signal`, `timeout` … as removed.
  it('an argument inserted or removed in front of `options` is one line, the arguments after it matched by name', async () => {
    const sdkLines = (report: DiffReport) =>
      report.changes
        .filter((change) => change.kind.startsWith('sdk/') && change.kind !== 'sdk/export-added')
        .map((change) => `${change.level} ${change.kind} | ${change.message}`);
    const expand = (required: boolean) => (doc: Document) =>
      doc.addIn(
        ['paths', '/orders/{order}', 'get', 'parameters'],
        doc.createNode({ name: 'expand', in: 'query', required, schema: { type: 'string' } }),
      );
    const required = await diffAfter(ROOT_FILE, expand(true));
    expect(sdkLines(required)).toEqual([
      'major sdk/parameter-required | `client.orders.retrieve()` argument 2 (`params`): new required argument before `options`: a call that stops before it, or passes `options` as argument 2, no longer compiles (it is argument 3 now)',
    ]);
    const optional = await diffAfter(ROOT_FILE, expand(false));
    expect(optional.bump).toBe('major');
    expect(sdkLines(optional)).toEqual([
      'major sdk/argument-inserted | `client.orders.retrieve()` argument 2 (`params`): new optional argument before `options`: a call that passes `options` as argument 2 no longer compiles (it is argument 3 now)',
    ]);
    const removed = await diffAfter(ROOT_FILE, (doc) =>
      doc.deleteIn(['paths', '/orders', 'get', 'parameters']),
    );
    expect(sdkLines(removed).filter((line) => line.includes('client.orders.list()'))).toEqual([
      'major sdk/parameter-removed | `client.orders.list()` argument 1 (`params`): removed: a call that passes it no longer compiles (`options` is argument 1 now)',
    ]);
  });

  it('no change: bump none, nothing listed', async () => {
    resetSpec(repo);
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    expect(report).toMatchObject({ bump: 'none', changes: [] });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('changes Redocly reads from the text, read for what they do (helper-130 3, 4, 5)', () => {
  const lines = (report: DiffReport) =>
    report.changes.map((c) => `${c.level} ${c.kind} | ${c.message}`);

  it('a server written otherwise for the same URL (a trailing slash, a variable at its default) is a patch', async () => {
    const slash = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(['servers', 0, 'url'], 'https://api.example.com/'),
    );
    expect(slash.bump).toBe('patch');
    expect(lines(slash)).toContainEqual(
      expect.stringMatching(
        /^patch wire\/server-removed \| .*the same URL as before, in the same order \(https:\/\/api\.example\.com\)/,
      ),
    );
    const variable = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(
        ['servers', 0],
        doc.createNode({ url: 'https://{host}.example.com', variables: { host: { default: 'api' } } }),
      ),
    );
    expect(variable.bump).toBe('patch');
    // Another URL is still a server removed.
    const moved = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(['servers', 0, 'url'], 'https://api.example.org'),
    );
    expect(moved.bump).toBe('major');
    // helper-131 9: the host in another case (RFC 3986 §6.2.2.1), in the SDK's default too.
    const host = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(['servers', 0, 'url'], 'https://API.Example.com'),
    );
    expect(host.bump).toBe('patch');
    // An operation's own servers, read alike.
    const get = ['paths', '/orders/{order}', 'get', 'servers'];
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(get, doc.createNode([{ url: 'https://ping.example.com' }])),
    );
    git(repo, 'commit', '-q', '-am', 'An operation server');
    try {
      const own = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn([...get, 0, 'url'], 'https://ping.example.com/'),
      );
      expect(own.bump).toBe('patch');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
    // Servers in another order: the first, the default, is another one.
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.set('servers', doc.createNode([{ url: 'https://api.example.com' }, { url: 'https://sandbox.example.com' }])),
    );
    git(repo, 'commit', '-q', '-am', 'Two servers');
    try {
      const swapped = await diffAfter(ROOT_FILE, (doc) =>
        doc.set('servers', doc.createNode([{ url: 'https://sandbox.example.com' }, { url: 'https://api.example.com/' }])),
      );
      expect(swapped.bump).toBe('major');
      expect(swapped.changes.some((c) => c.message.includes('goes where it went'))).toBe(false);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a server variable: an enum value removed is a server URL gone, one added a server URL more, neither a request rejected', async () => {
    const region = ['servers', 0];
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(
        region,
        doc.createNode({
          url: 'https://{region}.example.com',
          variables: { region: { default: 'api', enum: ['api', 'eu'] } },
        }),
      ),
    );
    git(repo, 'commit', '-q', '-am', 'A region variable');
    try {
      const removed = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn([...region, 'variables', 'region', 'enum'], doc.createNode(['api'])),
      );
      expect(removed.bump).toBe('major');
      expect(lines(removed)).toContainEqual(
        expect.stringMatching(
          /^major wire\/server-variable-modified \| server variable `region`: enum value `eu` \(https:\/\/eu\.example\.com\) removed: the API is no longer served there/,
        ),
      );
      const added = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn([...region, 'variables', 'region', 'enum'], doc.createNode(['api', 'eu', 'us'])),
      );
      expect(added.bump).toBe('minor');
      expect(lines(added)).toContainEqual(
        expect.stringMatching(
          /^minor wire\/server-variable-modified \| server variable `region`: enum value `us` \(https:\/\/us\.example\.com\) added: the API is served there too/,
        ),
      );
      for (const report of [removed, added])
        expect(lines(report).join('\n')).not.toMatch(/requests (that send|may send)/);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('x-preview put on says so, not "documentation changed" (helper-134 6)', async () => {
    const on = await diffAfter('schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'note', 'x-preview'], true),
    );
    const sdk = lines(on).filter((line) => line.startsWith('patch sdk/'));
    expect(sdk.length).toBeGreaterThan(0);
    for (const line of sdk)
      expect(line).toMatch(/`(\[\]\.)?note` is now in preview \(`x-preview`\): it may change without notice$/);
    expect(lines(on).join('\n')).not.toContain('documentation of');
  });

  it('a type widened in a request says widened (helper-134 8)', async () => {
    const report = await diffAfter('schemas/OrderCreate.yaml', (doc) =>
      doc.setIn(['properties', 'quantity', 'type'], 'number'),
    );
    expect(lines(report)).toContainEqual(
      'patch wire/schema-modified | request body property `quantity`: type widened from `integer` to `number` (spec/schemas/OrderCreate.yaml:8)',
    );
  });

  it('additionalProperties: false on a response schema says what it does (helper-134 3)', async () => {
    const report = await diffAfter('schemas/Order.yaml', (doc) =>
      doc.set('additionalProperties', false),
    );
    expect(lines(report)).toContainEqual(
      expect.stringMatching(
        /^patch wire\/[a-z-]+ \| .*`additionalProperties: false` added: an object with a property the schema does not declare is refused now \(by the package's guards too, so with `responseValidation` on, a response that gains a property fails\)/,
      ),
    );
  });

  it('a union variant narrowed to an enum is one narrowing, major (helper-137 4)', async () => {
    const note = ['properties', 'note'];
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(note, doc.createNode({ oneOf: [{ type: 'string' }, { type: 'integer' }] })),
    );
    git(repo, 'commit', '-q', '-am', 'A union');
    try {
      const report = await diffAfter('schemas/Order.yaml', (doc) =>
        doc.setIn(
          note,
          doc.createNode({ oneOf: [{ type: 'string', enum: ['gift'] }, { type: 'integer' }] }),
        ),
      );
      expect(report.bump).toBe('major');
      const sdk = lines(report).filter((line) => line.includes(' sdk/'));
      expect(sdk.length).toBeGreaterThan(0);
      for (const line of sdk)
        expect(line).toMatch(
          /^major sdk\/result-enum-values-removed \| .*narrowed from `string \| number` to `number \| "gift"` \(code that compares it/,
        );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a response header narrowed to an enum is major: code comparing it breaks (helper-137 3)', async () => {
    const header = ['paths', '/orders/{order}', 'get', 'responses', '200', 'headers', 'X-Status'];
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(header, doc.createNode({ description: 'How it went.', schema: { type: 'string' } })),
    );
    git(repo, 'commit', '-q', '-am', 'A response header');
    try {
      const report = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn([...header, 'schema', 'enum'], doc.createNode(['ok'])),
      );
      expect(report.bump).toBe('major');
      expect(lines(report)).toContainEqual(
        expect.stringMatching(
          /^major sdk\/export-type-changed \| `operations\["retrieveOrder"\]\["responses"\]\["200"\]\["headers"\]\["X-Status"\]` narrowed from `string \| undefined` to `"ok" \| undefined`: code that compares it/,
        ),
      );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('deprecated taken off says "no longer deprecated", not "documentation changed" (helper-137)', async () => {
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) => {
      doc.set('deprecated', true);
      doc.setIn(['properties', 'note', 'deprecated'], true);
    });
    git(repo, 'commit', '-q', '-am', 'Deprecated');
    try {
      const report = await diffAfter('schemas/Order.yaml', (doc) => {
        doc.delete('deprecated');
        doc.deleteIn(['properties', 'note', 'deprecated']);
      });
      const sdk = lines(report).filter((line) => line.includes(' sdk/'));
      expect(sdk).toContainEqual('patch sdk/docs-changed | `Order` no longer deprecated');
      expect(sdk).toContainEqual(
        expect.stringMatching(/^patch sdk\/docs-changed \| .*`note` no longer deprecated$/),
      );
      expect(sdk.join('\n')).not.toContain('documentation');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("an auth scheme's case or bearerFormat is a patch: the same header is sent", async () => {
    const report = await diffAfter(ROOT_FILE, (doc) => {
      doc.setIn(['components', 'securitySchemes', 'bearerAuth', 'scheme'], 'Bearer');
      doc.setIn(['components', 'securitySchemes', 'bearerAuth', 'bearerFormat'], 'opaque');
    });
    expect(report.bump).toBe('patch');
    expect(lines(report)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^patch wire\/security-scheme-changed \| `scheme` .*case-insensitive \(RFC 9110 §11\.1\)/),
        expect.stringMatching(/^patch wire\/security-scheme-changed \| `bearerFormat` .*set to `opaque`/),
      ]),
    );
    // Another scheme is another credential.
    const basic = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(['components', 'securitySchemes', 'bearerAuth', 'scheme'], 'basic'),
    );
    expect(basic.bump).toBe('major');
  });

  it("the spec's info.version bump says from what to what (helper-130 10)", async () => {
    const report = await diffAfter(ROOT_FILE, (doc) => doc.setIn(['info', 'version'], '1.1.0'));
    expect(lines(report)).toContainEqual(
      expect.stringMatching(/^patch wire\/info-modified \| `info\.version` changed from `1\.0\.0` to `1\.1\.0`/),
    );
  });

  it('`security: []` at the root says every operation without its own needs no credential now (helper-131 9)', async () => {
    const report = await diffAfter(ROOT_FILE, (doc) => doc.set('security', doc.createNode([])));
    const line = report.changes.find((c) => c.kind.startsWith('wire/security'));
    expect(line?.message).toMatch(/^the root `security` allows calls without a credential now/);
    expect(line?.level).toBe('minor');
  });

  it('`security: []` on an operation says calls need no credential now, not "security added"', async () => {
    const report = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(['paths', '/orders/{order}', 'get', 'security'], doc.createNode([])),
    );
    const line = report.changes.find((c) => c.kind.startsWith('wire/security'));
    expect(line?.message).toMatch(
      /^security `\[\]`: calls no longer need a credential, and the SDK stops sending its token for them/,
    );
  });
});

describe('a bundled base (the release record) against the spec in files', () => {
  /**
   * The shop spec with its `customer` parameter and an error response in files of their own,
   * which the root's components do not list: the bundler adds them as components.
   */
  async function splitRepo(): Promise<string> {
    const dir = await specRepo();
    await mkdir(join(dir, 'spec/parameters'));
    await mkdir(join(dir, 'spec/responses'));
    await writeFile(
      join(dir, 'spec/parameters/Customer.yaml'),
      'name: customer\nin: query\ndescription: Only orders of this customer.\nschema:\n  type: string\n',
    );
    await writeFile(
      join(dir, 'spec/responses/NotFound.yaml'),
      'description: No such order.\ncontent:\n  application/json:\n    schema:\n      type: object\n',
    );
    await editYaml(join(dir, 'spec'), ROOT_FILE, (doc) => {
      doc.setIn(
        ['paths', '/orders', 'get', 'parameters', 1],
        doc.createNode({ $ref: './parameters/Customer.yaml' }),
      );
      doc.setIn(
        ['paths', '/orders/{order}', 'get', 'responses', '404'],
        doc.createNode({ $ref: './responses/NotFound.yaml' }),
      );
    });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Parameters and responses in files');
    return dir;
  }

  /** The bundled spec as the package ships it (what `npm run release` records). */
  async function record(dir: string): Promise<string> {
    const { generate } = await import('../../generator/index.ts');
    const out = join(dir, 'record-sdk');
    await generate({ spec: 'spec/openapi.yaml', out, cwd: dir });
    return join(out, 'openapi.json');
  }

  it('no change: nothing listed, although the components sit elsewhere', async () => {
    const dir = await splitRepo();
    const report = await diffSpecs({ base: await record(dir), cwd: dir });
    expect(report.changes).toEqual([]);
    expect(report.bump).toBe('none');
  });

  it('a change in a component the bundler added is placed in its file', async () => {
    const dir = await splitRepo();
    const base = await record(dir);
    await editYaml(join(dir, 'spec'), 'parameters/Customer.yaml', (doc) =>
      doc.setIn(['schema', 'maxLength'], 64),
    );
    const report = await diffSpecs({ base, cwd: dir });
    const wire = report.changes.filter((change) => change.kind.startsWith('wire/'));
    // Redocly says "`maxLength` was set to '64'.": the line names the parameter and what it means.
    expect(wire.map((change) => change.message)).toEqual([
      "query parameter `customer`: `maxLength` was set to '64'; values longer than 64 characters are now rejected; a patch: no SDK type changes, and the API applies it whatever SDK version a caller uses (spec/parameters/Customer.yaml:6)",
    ]);
  });
});

describe('exported types no method takes or returns', () => {
  it('are compared as read: a required property removed is major, one added is minor', async () => {
    resetSpec(repo);
    // A payload the API sends elsewhere (a webhook), named in components but used by no operation.
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(
        ['components', 'schemas', 'OrderEvent'],
        doc.createNode({
          type: 'object',
          required: ['id', 'kind'],
          properties: { id: { type: 'string' }, kind: { type: 'string' } },
        }),
      ),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'OrderEvent');
    try {
      await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
        doc.deleteIn(['components', 'schemas', 'OrderEvent', 'properties', 'kind']);
        doc.setIn(['components', 'schemas', 'OrderEvent', 'required'], doc.createNode(['id']));
        doc.setIn(
          ['components', 'schemas', 'OrderEvent', 'properties', 'at'],
          doc.createNode({ type: 'string' }),
        );
      });
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      expect(report.bump).toBe('major');
      const lines = report.changes.map((c) => `${c.level} ${c.kind} | ${c.location} | ${c.message}`);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^major sdk\/result-property-removed \| OrderEvent \| `OrderEvent` \(a type no operation uses, compared as read\): property `kind` removed/,
        ),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(/^minor sdk\/result-property-added \| OrderEvent \| .*`at`/),
      );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("the package's other exported types are compared as read: a date format added breaks `Revived`", async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'placedAt'], doc.createNode({ type: 'string', format: 'date-time' })),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'placedAt');
    try {
      await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
        doc.setIn(['properties', 'note', 'format'], 'date-time'),
      );
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      expect(report.bump).toBe('major');
      const lines = report.changes.map((c) => `${c.level} ${c.kind} | ${c.location} | ${c.message}`);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^major sdk\/export-type-changed \| Revived \| `Revived` \(an exported type, compared as read\): .*note/,
        ),
      );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("openapi-typescript's maps by their keys: an operationId renamed breaks `operations[…]`", async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(['paths', '/orders/{order}', 'get', 'operationId'], 'getOrder'),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const lines = report.changes.map((c) => `${c.level} ${c.kind} | ${c.location} | ${c.message}`);
    expect(lines).toContainEqual(
      'major sdk/export-type-changed | operations | `operations["retrieveOrder"]` removed: code that names it no longer compiles',
    );
    expect(report.bump).toBe('major');
  });

  it("openapi-typescript's operations by the keys code names: a response header removed is major, an error response a patch", async () => {
    resetSpec(repo);
    const get = ['paths', '/orders/{order}', 'get'];
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      doc.setIn(
        [...get, 'responses', '404'],
        doc.createNode({
          description: 'No such order.',
          content: { 'application/json': { schema: { type: 'object' } } },
        }),
      );
      doc.setIn(
        [...get, 'responses', '200', 'headers'],
        doc.createNode({ 'X-Request-Id': { schema: { type: 'string' } } }),
      );
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'A 404 and a header');
    try {
      await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
        doc.deleteIn([...get, 'responses', '404']);
        doc.deleteIn([...get, 'responses', '200', 'headers']);
      });
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      const lines = report.changes.map((c) => `${c.level} ${c.kind} | ${c.location} | ${c.message}`);
      // `operations['retrieveOrder']['responses'][404]` no longer compiles: the SDK surface changed.
      // An error response no longer documented is rated as on the wire (below: an error response
      // no longer documented), a patch by default.
      expect(lines).toContainEqual(
        'patch sdk/export-type-changed | operations | `operations["retrieveOrder"]["responses"]["404"]` removed: code that names it no longer compiles; calls are unchanged: the client throws the same error for that status',
      );
      expect(lines).toContainEqual(
        'major sdk/export-type-changed | operations | `operations["retrieveOrder"]["responses"]["200"]["headers"]["X-Request-Id"]` removed: code that names it no longer compiles',
      );
      expect(report.bump).toBe('major');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("an error response with a body of its own breaks `ErrorBody` and the path client's `error` (helper-130 1)", async () => {
    resetSpec(repo);
    const get = ['paths', '/orders/{order}', 'get', 'responses'];
    const problem = { type: 'object', required: ['message'], properties: { message: { type: 'string' } } };
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(
        [...get, '404'],
        doc.createNode({ description: 'No such order.', content: { 'application/json': { schema: problem } } }),
      ),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'A 404');
    try {
      // `catch (e) { if (e instanceof NotFoundError) e.body.message }` stopped compiling.
      const report = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn(
          [...get, '429'],
          doc.createNode({
            description: 'Slow down.',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['retryAfter'], properties: { retryAfter: { type: 'integer' } } },
              },
            },
          }),
        ),
      );
      const lines = report.changes.map((c) => `${c.level} ${c.kind} | ${c.location} | ${c.message}`);
      expect(lines).toContainEqual(
        expect.stringMatching(/^major sdk\/export-type-changed \| ErrorBody \| `ErrorBody` \(an exported type, compared as read\)/),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^major sdk\/export-type-changed \| paths \| `pathsClient\(client\)\.GET\("\/orders\/\{order\}"\)`'s `error` may now be a type it was not \(\{ retryAfter: number; \}\): code that reads it no longer compiles/,
        ),
      );
      expect(report.bump).toBe('major');
      // An error body of any value (`schema: {}`) beside it: `ErrorBody` reads `unknown`, and
      // `e.body.message` no longer compiles. It was rated patch, "no error body any more" (helper-131 7).
      const anything = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn(
          ['paths', '/orders', 'get', 'responses', '500'],
          doc.createNode({ description: 'Boom.', content: { 'application/json': { schema: {} } } }),
        ),
      );
      expect(
        anything.changes
          .filter((c) => c.location === 'ErrorBody')
          .map((c) => `${c.level} ${c.kind} ${c.message.includes('no error body any more')}`),
      ).toEqual(['major sdk/export-type-changed false']);
      // The same body under another status: every read still compiles.
      const same = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn(
          [...get, '410'],
          doc.createNode({ description: 'Gone.', content: { 'application/json': { schema: problem } } }),
        ),
      );
      expect(same.changes.filter((c) => c.kind === 'sdk/export-type-changed')).toEqual([]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("an error response's schema swapped for another breaks the path client's `error` (helper-131 8)", async () => {
    resetSpec(repo);
    const notFound = ['paths', '/orders/{order}', 'get', 'responses', '404'];
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      doc.setIn(
        ['components', 'schemas', 'Problem'],
        doc.createNode({ type: 'object', required: ['message'], properties: { message: { type: 'string' } } }),
      );
      doc.setIn(
        ['components', 'schemas', 'Fault'],
        doc.createNode({ type: 'object', required: ['code'], properties: { code: { type: 'string' } } }),
      );
      doc.setIn(
        notFound,
        doc.createNode({
          description: 'No such order.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
        }),
      );
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'A 404 with a Problem');
    try {
      const report = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn([...notFound, 'content', 'application/json', 'schema', '$ref'], '#/components/schemas/Fault'),
      );
      const lines = report.changes.map((c) => `${c.level} ${c.kind} | ${c.location} | ${c.message}`);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^major sdk\/result-property-removed \| paths \| `pathsClient\(client\)\.GET\("\/orders\/\{order\}"\)`'s `error` \(404 application\/json\): property `message` removed/,
        ),
      );
      // A change inside the schema itself is said once, under its own name, not per response.
      const inside = await diffAfter('openapi.yaml', (doc) =>
        doc.setIn(['components', 'schemas', 'Problem', 'properties', 'detail'], doc.createNode({ type: 'string' })),
      );
      expect(inside.changes.filter((c) => c.location === 'paths')).toEqual([]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('an error schema written otherwise, or moved into components, is no ErrorBody change (helper-132 2)', async () => {
    resetSpec(repo);
    const notFound = ['paths', '/orders/{order}', 'get', 'responses', '404'];
    const inline = {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' }, code: { type: 'integer' } },
    };
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      doc.setIn(
        ['components', 'schemas', 'Fault'],
        doc.createNode({ type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } }),
      );
      doc.setIn(
        ['paths', '/orders', 'post', 'responses', '409'],
        doc.createNode({
          description: 'Conflict.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Fault' } } },
        }),
      );
      doc.setIn(
        notFound,
        doc.createNode({ description: 'No such order.', content: { 'application/json': { schema: inline } } }),
      );
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Two error bodies');
    try {
      const sdkLines = (report: DiffReport) =>
        report.changes.filter((c) => c.kind.startsWith('sdk/')).map((c) => `${c.level} ${c.message}`);
      const reordered = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn(
          [...notFound, 'content', 'application/json', 'schema', 'properties'],
          doc.createNode({ code: { type: 'integer' }, message: { type: 'string' } }),
        ),
      );
      // Only the order line (diff-order.test.ts): the types list them anew, ErrorBody is the same.
      expect(sdkLines(reordered)).toEqual([
        'patch `GET /orders/{order}`: properties in a new order (`code`, `message`): the generated types and docs list them so; nothing to compile against or on the wire changed',
      ]);
      const moved = await diffAfter(ROOT_FILE, (doc) => {
        doc.setIn(['components', 'schemas', 'Missing'], doc.createNode(inline));
        doc.setIn(
          [...notFound, 'content', 'application/json', 'schema'],
          doc.createNode({ $ref: '#/components/schemas/Missing' }),
        );
      });
      expect(moved.bump).toBe('minor');
      expect(sdkLines(moved).filter((line) => line.includes('ErrorBody'))).toEqual([]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("a media type of another body added to a success response breaks the path client's `data` (helper-130 2)", async () => {
    const ok = ['paths', '/orders/{order}', 'get', 'responses', '200', 'content'];
    const report = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn([...ok, 'text/csv'], doc.createNode({ schema: { type: 'string' } })),
    );
    const lines = report.changes.map((c) => `${c.level} ${c.kind} | ${c.location} | ${c.message}`);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^major sdk\/export-type-changed \| paths \| `pathsClient\(client\)\.GET\("\/orders\/\{order\}"\)`'s `data` may now be a type it was not \(string\)/,
      ),
    );
    expect(report.bump).toBe('major');
    // The same schema under a vendor JSON type: `data` reads as before.
    const same = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(
        [...ok, 'application/vnd.shop+json'],
        doc.createNode({ schema: { $ref: '#/components/schemas/Order' } }),
      ),
    );
    expect(same.changes.filter((c) => c.location === 'paths')).toEqual([]);
  });

  it('a response header no longer required, or of another type, is major: code reading it no longer compiles', async () => {
    // helper-113: `X-Version` lost `required: true` (openapi-typescript's `number` became
    // `number | undefined`): rated patch, "SDK unchanged".
    const header = ['paths', '/orders/{order}', 'get', 'responses', '200', 'headers', 'X-Version'];
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(header, doc.createNode({ required: true, schema: { type: 'integer' } })),
    );
    git(repo, 'commit', '-q', '-am', 'X-Version');
    try {
      for (const edit of [
        (doc: Document) => doc.deleteIn([...header, 'required']),
        (doc: Document) => doc.setIn([...header, 'schema', 'type'], 'string'),
      ]) {
        const report = await diffAfter(ROOT_FILE, edit);
        const line = report.changes.find(
          (change) => change.kind === 'sdk/export-type-changed' && change.message.includes('X-Version'),
        );
        expect(line?.level).toBe('major');
        expect(line?.message).toMatch(
          /^`operations\["retrieveOrder"\]\["responses"\]\["200"\]\["headers"\]\["X-Version"\]` reads a type the old one does not hold \((number \| undefined|string)\): code that reads it no longer compiles/,
        );
      }
      // Required where it was optional: every value still reads as before.
      const stricter = await diffAfter(ROOT_FILE, (doc) => doc.setIn([...header, 'schema', 'minimum'], 0));
      expect(stricter.changes.some((change) => change.message.includes('reads a type'))).toBe(false);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a key of an operation that paths and webhooks name through operations[…] is said once', async () => {
    // `paths['/ping']['get']` and `webhooks['pinged']['post']` are `operations['…']`: their keys
    // are compared there, not again through each place that names the operation. An operation
    // without an operationId gets the one the generator gives it (getPing).
    resetSpec(repo);
    const answers = {
      '200': {
        description: 'Up.',
        headers: { 'X-Region': { schema: { type: 'string' } } },
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      '503': {
        description: 'Down.',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    };
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      doc.setIn(
        ['paths', '/ping'],
        doc.createNode({ get: { 'x-sdk-method': 'health.ping', responses: answers } }),
      );
      doc.setIn(
        ['webhooks', 'pinged'],
        doc.createNode({ post: { operationId: 'pinged', responses: answers } }),
      );
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Ping');
    try {
      await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
        for (const at of [
          ['paths', '/ping', 'get'],
          ['webhooks', 'pinged', 'post'],
        ]) {
          doc.deleteIn([...at, 'responses', '503']);
          doc.deleteIn([...at, 'responses', '200', 'headers']);
        }
      });
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      const lines = report.changes
        .filter((c) => c.kind === 'sdk/export-type-changed')
        .map((c) => `${c.level} | ${c.location} | ${c.message.replace(/ removed: .*/, '')}`);
      expect(lines.sort()).toEqual([
        'major | operations | `operations["getPing"]["responses"]["200"]["headers"]["X-Region"]`',
        'major | operations | `operations["pinged"]["responses"]["200"]["headers"]["X-Region"]`',
        // The last error body gone: said at the level of the responses removed.
        "patch | ErrorBody | `ErrorBody` is `unknown` now (was `Record<string, unknown>`): the spec declares no error body any more, so code that reads `error.body`'s fields no longer compiles; calls are unchanged",
        'patch | operations | `operations["getPing"]["responses"]["503"]`',
        'patch | operations | `operations["pinged"]["responses"]["503"]`',
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("a parameter's default changed is a patch saying what calls that leave it out now get: the API applies it, the client sends none", async () => {
    resetSpec(repo);
    const customer = ['paths', '/orders', 'get', 'parameters', 1, 'schema'];
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn([...customer, 'default'], 'anyone'),
    );
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
      doc.setIn(['properties', 'note', 'default'], 'none'),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Defaults');
    try {
      await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
        doc.setIn([...customer, 'default'], 'me'),
      );
      await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
        doc.setIn(['properties', 'note', 'default'], 'gift'),
      );
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      const sdk = report.changes.filter((c) => c.kind.startsWith('sdk/'));
      expect(sdk.map((c) => `${c.level} ${c.kind} | ${c.message}`)).toEqual([
        expect.stringMatching(
          /^patch sdk\/default-changed \| .*`client\.orders\.create\(\)`.*default of `note` changed from `"none"` to `"gift"`: calls that leave it out now get `"gift"` from the API, whatever SDK version they use \(the client sends no defaults\)/,
        ),
        expect.stringMatching(
          /^patch sdk\/default-changed \| .*`client\.orders\.list\(\)`.*default of `customer` changed from `"anyone"` to `"me"`/,
        ),
      ]);
      expect(report.bump).toBe('patch');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a default set on a parameter, a request property or a response property says what it means there (helper-160 1)', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'schema', 'default'], 'me'),
    );
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
      doc.setIn(['properties', 'note', 'default'], 'none'),
    );
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'note', 'default'], 'none'),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    // As the report prints them: one line for `Order`, however many methods return it.
    const lines = renderReport(report, 'text')
      .split('\n')
      .filter((line) => line.startsWith('  patch'))
      .map((line) => line.trim().replace(/ \(spec\/.*\)$/, ''));
    expect(lines).toEqual([
      'patch `Order`: default of `note` set to `"none"`: a response without it means `"none"` (the SDK fills in no defaults: the property stays missing) — in results of `client.orders.*()`',
      'patch `client.orders.create()` params: default of `note` set to `"none"`: calls that leave it out now get `"none"` from the API, whatever SDK version they use (the client sends no defaults)',
      'patch `client.orders.list()` params: default of `customer` set to `"me"`: calls that leave it out now get `"me"` from the API, whatever SDK version they use (the client sends no defaults)',
      'patch `GET /orders`: query parameter `customer`: `default` set to `"me"`; requests that leave it out now get `"me"` from the API',
      'patch `Order` (in `GET /orders`, `POST /orders` and `GET /orders/{order}`): property `note`: `default` set to `"none"`; a response without it means `"none"`',
      'patch `POST /orders`: request body property `note`: `default` set to `"none"`; requests that leave it out now get `"none"` from the API',
    ]);
    // Removed: what calls get now is the API's to say.
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Defaults');
    try {
      await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
        doc.deleteIn(['properties', 'note', 'default']),
      );
      const removed = await diffSpecs({ base: 'HEAD', cwd: repo });
      expect(removed.changes.map((c) => `${c.level} ${c.kind} | ${c.message}`)).toEqual([
        expect.stringMatching(
          /^patch sdk\/default-changed \| .*default of `note` \(`"none"`\) removed: calls that leave it out get what the API does without it/,
        ),
        expect.stringMatching(
          /^patch wire\/schema-modified \| .*request body property `note`: `default` removed \(was `"none"`\); requests that leave it out get what the API does without it/,
        ),
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('`propertyNames` added to a response schema is a constraint on its keys, said and listed in the changelog (not "schema added", minor, dropped from the entry)', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.set('propertyNames', doc.createNode({ maxLength: 40 })),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const wire = report.changes.filter((change) => change.kind.startsWith('wire/'));
    expect(wire.map((change) => [change.level, change.kind])).toEqual([
      ['patch', 'wire/schema-constraint-changed'],
    ]);
    expect(wire[0]!.message).toMatch(
      /^`propertyNames` set to `\{"maxLength":40\}`; keys longer than 40 characters are no longer returned \(spec\/schemas\/Order\.yaml:\d+\)$/,
    );
    const entry = renderEntry({ version: '1.0.1', date: '2026-12-08', changes: report.changes });
    expect(entry).toContain('keys longer than 40 characters are no longer returned');
  });

  it('a constraint set on a response property (in a file its $ref names) says what the SDK may now receive (helper-160 4)', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) => {
      doc.setIn(['properties', 'id', 'maxLength'], 64);
      doc.setIn(['properties', 'id', 'pattern'], '^o_');
      doc.setIn(['properties', 'quantity', 'minimum'], 1);
    });
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    expect(report.changes.map((c) => `${c.level} ${wireLine(c)}`)).toEqual([
      'patch `Order` (in `GET /orders`, `POST /orders` and `GET /orders/{order}`): property `id`: `maxLength` set to `64`; values longer than 64 characters are no longer returned (spec/schemas/Order.yaml:8)',
      'patch `Order` (in `GET /orders`, `POST /orders` and `GET /orders/{order}`): property `id`: `pattern` set to `"^o_"`; values returned now always match `^o_` (spec/schemas/Order.yaml:9)',
      'patch `Order` (in `GET /orders`, `POST /orders` and `GET /orders/{order}`): property `quantity`: `minimum` set to `1`; values below 1 are no longer returned (spec/schemas/Order.yaml:15)',
    ]);
    expect(report.bump).toBe('patch');
  });

  it('a constraint lifted on a request property says what calls may now send', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
      doc.setIn(['properties', 'note', 'maxLength'], 10),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'A short note');
    try {
      await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
        doc.deleteIn(['properties', 'note', 'maxLength']),
      );
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      expect(report.changes.map((c) => `${c.level} ${wireLine(c)}`)).toEqual([
        'patch `POST /orders`: request body property `note`: `maxLength` removed (was `10`); values longer than 10 characters are now accepted (spec/schemas/OrderCreate.yaml:12)',
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a schema renamed (same shape, another name) is a rename naming what to use, with its guards', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      const schemas = doc.getIn(['components', 'schemas']) as YAMLMap;
      const channel = schemas.get('Channel', true);
      schemas.delete('Channel');
      schemas.set('SalesChannel', channel);
    });
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const lines = report.changes.map((c) => `${c.level} ${c.kind} | ${c.message}`);
    // helper-160 3: one line per layer. The SDK's names the type, its guards and its key in
    // `components` (four "export renamed" lines and a `components["schemas"]["Channel"]` removed
    // before); the wire's is one patch (the component removed, a patch, and added, a minor).
    expect(lines).toEqual([
      'major sdk/export-renamed | schema type `Channel` renamed to `SalesChannel` with what is named after it (`isChannel` → `isSalesChannel`, `assertChannel` → `assertSalesChannel`, `validateChannel` → `validateSalesChannel`, `components["schemas"]["Channel"]` → `["SalesChannel"]`): the same shape, under new names; code that imports or names the old ones no longer compiles, use the new ones',
      'patch wire/schema-modified | schema `Channel` renamed to `SalesChannel`, the same schema (its `$ref`s follow it): requests and responses are as before (spec/openapi.yaml:97)',
    ]);
    expect(report.bump).toBe('major');
  });

  it('a schema renamed and reshaped is a component removed and one added, both patches', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      const schemas = doc.getIn(['components', 'schemas']) as YAMLMap;
      const channel = schemas.get('Channel', true);
      schemas.delete('Channel');
      schemas.set('SalesChannel', channel);
    });
    await editYaml(join(repo, 'spec'), 'schemas/Channel.yaml', (doc) =>
      doc.setIn(['enum'], doc.createNode(['web', 'phone', 'app'])),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const components = report.changes
      .filter((c) => c.location.startsWith('#/components/schemas/'))
      .map((c) => `${c.level} ${c.location}: ${c.message.replace(/ \(spec\/.*\)$/, '')}`);
    expect(components).toEqual([
      'patch #/components/schemas/Channel: component removed',
      'patch #/components/schemas/SalesChannel: component added',
    ]);
  });

  it('leave out the types methods reach: a request-only type made optional stays minor', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
      doc.setIn(['required'], doc.createNode([])),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    expect(report.changes.filter((c) => c.location === 'OrderCreate')).toEqual([]);
    expect(report.bump).toBe('minor');
  });
});

/** An enum of two values, `keep` and `gone<Name>`, named in components. */
function twoValues(doc: Document, name: string): void {
  doc.setIn(
    ['components', 'schemas', name],
    doc.createNode({ type: 'string', enum: ['keep', `gone${name}`] }),
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('every use of a type counts as a method taking or returning it', () => {
  // Each enum is used in one place only; the edit removes one value from every one of them.
  const INPUTS = ['InQuery', 'InHeader', 'InCookie', 'InPath', 'InForm', 'ChainEnd', 'InAllOf', 'InItems', 'InMap'];
  const OUTPUTS = ['InError', 'InResponseHeader'];

  it('parameters (path, query, header, cookie), bodies, errors, response headers, through $ref, allOf, items and maps', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      for (const name of [...INPUTS, ...OUTPUTS]) twoValues(doc, name);
      doc.setIn(['components', 'schemas', 'ChainStart'], doc.createNode(ref('ChainEnd')));
      doc.setIn(
        ['components', 'schemas', 'Part'],
        doc.createNode({ type: 'object', properties: { part: ref('InAllOf') } }),
      );
      doc.setIn(
        ['paths', '/regions/{region}'],
        doc.createNode({
          parameters: [{ name: 'region', in: 'path', required: true, schema: ref('InPath') }],
          get: {
            operationId: 'getRegion',
            'x-sdk-method': 'regions.retrieve',
            parameters: [
              { name: 'q', in: 'query', schema: ref('InQuery') },
              { name: 'X-Tier', in: 'header', schema: ref('InHeader') },
              { name: 'pref', in: 'cookie', schema: ref('InCookie') },
              { name: 'chain', in: 'query', schema: ref('ChainStart') },
              { name: 'many', in: 'query', schema: { type: 'array', items: ref('InItems') } },
            ],
            responses: {
              '200': {
                description: 'The region.',
                headers: { 'X-Level': { schema: ref('InResponseHeader') } },
                content: { 'application/json': { schema: { type: 'string' } } },
              },
              '404': {
                description: 'Not found.',
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { code: ref('InError') } },
                  },
                },
              },
            },
          },
          put: {
            operationId: 'putRegion',
            'x-sdk-method': 'regions.update',
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    allOf: [ref('Part'), { type: 'object', properties: { name: { type: 'string' } } }],
                  },
                },
              },
            },
            responses: { '204': { description: 'Done.' } },
          },
          post: {
            operationId: 'postRegion',
            'x-sdk-method': 'regions.create',
            requestBody: {
              content: {
                'application/x-www-form-urlencoded': {
                  schema: {
                    type: 'object',
                    properties: {
                      kind: ref('InForm'),
                      labels: { type: 'object', additionalProperties: ref('InMap') },
                    },
                  },
                },
              },
            },
            responses: { '204': { description: 'Done.' } },
          },
        }),
      );
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'regions');
    try {
      await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
        for (const name of [...INPUTS, ...OUTPUTS])
          doc.setIn(['components', 'schemas', name, 'enum'], doc.createNode(['keep']));
        doc.setIn(['components', 'schemas', 'InQuery', 'maxLength'], 8);
      });
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      const sdk = report.changes.filter((change) => change.kind.startsWith('sdk/'));
      const lines = sdk.map((c) => `${c.level} ${c.kind} | ${c.location} | ${c.message}`);
      // No type an operation uses is called one no method takes or returns.
      expect(lines.filter((line) => line.includes('no method takes'))).toEqual([]);
      expect(report.bump).toBe('major');
      for (const name of INPUTS) {
        // A value a call could pass is gone: breaking, wherever the type is used.
        const naming = sdk.filter((change) => change.message.includes(`"gone${name}"`));
        expect(naming.map((change) => change.level), name).toContain('major');
        expect(naming.filter((change) => change.level !== 'major'), name).toEqual([]);
      }
      // The wire names the parameter a constraint is on, and what it means for a call.
      const wire = report.changes.filter((change) => change.kind.startsWith('wire/'));
      expect(wire.map((change) => `${change.location}: ${change.message}`)).toContainEqual(
        expect.stringMatching(
          /^GET \/regions\/\{region\}: query parameter `q`: `maxLength` of `InQuery` was set to '8'; values longer than 8 characters are now rejected; a patch: no SDK type changes, and the API applies it whatever SDK version a caller uses \(/,
        ),
      );
      expect(wire.map((change) => `${change.location}: ${change.message}`)).toContainEqual(
        expect.stringMatching(/^GET \/regions\/\{region\}: response 200 header `X-Level`: /),
      );
      // A path item's parameter is in each of its operations: its schema's line names them all.
      expect(renderReport(report, 'text')).toContain(
        'major `InPath` (in `GET /regions/{region}`, `PUT /regions/{region}` and `POST /regions/{region}`): enum value `"goneInPath"` removed; requests that send it are now rejected (',
      );
      // Read only from an error body or a response header: a value gone is still breaking, since
      // code that compares with it no longer compiles.
      for (const [name, use] of [
        ['InError', 'error responses'],
        ['InResponseHeader', 'response headers'],
      ] as const)
        expect(lines).toContainEqual(
          `major sdk/result-enum-values-removed | ${name} | \`${name}\` (a type of ${use}, compared as read): the value is no longer \`"gone${name}"\` (code that compares it with that value, in \`===\` or a \`switch\` case, no longer compiles)`,
        );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });
});

describe('the compatibility promise is configuration: the spec’s root x-sdk.compatibility', () => {
  it('one SDK rule sets both layers: a new response enum value made breaking', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(
        ['x-sdk', 'compatibility'],
        doc.createNode({ 'result-enum-values-added': 'major' }),
      ),
    );
    await editYaml(join(repo, 'spec'), 'schemas/OrderStatus.yaml', (doc) =>
      doc.setIn(['enum'], doc.createNode(['open', 'shipped', 'cancelled'])),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    expect(report.bump).toBe('major');
    const levels = (kind: string) =>
      report.changes.filter((change) => change.kind === kind).map((change) => change.level);
    expect(levels('sdk/result-enum-values-added')).toContain('major');
    expect(levels('wire/enum-values-added')).toEqual(['major']);
    // The request side is not a result: a filter that accepts one more value stays minor.
    expect(levels('sdk/parameter-enum-values-added')).toEqual(['minor']);
  });

  it('a rule lowered in the same edit does not lower the rating: the stricter level holds, said in a line', async () => {
    // helper-113: `result-property-removed: patch` beside a removed response property rated the
    // edit patch, and `--fail-on major` passed it.
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(['x-sdk', 'compatibility'], doc.createNode({ 'result-property-removed': 'patch' })),
    );
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.deleteIn(['properties', 'note']),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    expect(report.bump).toBe('major');
    const removed = report.changes.filter((c) => c.kind === 'sdk/result-property-removed');
    expect(removed.map((c) => c.level)).toContain('major');
    expect(report.changes.filter((c) => c.kind === 'sdk/compatibility-loosened')).toEqual([
      expect.objectContaining({
        level: 'patch',
        message: expect.stringContaining('result-property-removed: major → patch') as string,
      }),
    ]);
    // Once the lowered promise is in the base, it rates the next edits.
    git(repo, 'commit', '-q', '-am', 'Lower the promise');
    try {
      await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
        doc.deleteIn(['properties', 'delivery']),
      );
      const next = await diffSpecs({ base: 'HEAD', cwd: repo });
      const again = next.changes.filter((c) => c.kind === 'sdk/result-property-removed');
      expect(again.length).toBeGreaterThan(0);
      expect(new Set(again.map((c) => c.level))).toEqual(new Set(['patch']));
      expect(next.changes.some((c) => c.kind === 'sdk/compatibility-loosened')).toBe(false);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('an unknown rule or level is an error naming the key and the fix', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(['x-sdk', 'compatibility'], doc.createNode({ 'new-enum-values': 'minor' })),
    );
    await expect(diffSpecs({ base: 'HEAD', cwd: repo })).rejects.toThrow(
      /#\/x-sdk\/compatibility\/new-enum-values: unknown rule "new-enum-values"/,
    );
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(['x-sdk', 'compatibility'], doc.createNode({ 'method-added': 'breaking' })),
    );
    await expect(diffSpecs({ base: 'HEAD', cwd: repo })).rejects.toMatchObject({
      message: expect.stringMatching(/method-added: "breaking" is not a level/),
      fix: 'use major, minor or patch',
    });
  });
});

describe('bad input: a clear error, nothing written', () => {
  it('an unknown git ref', async () => {
    resetSpec(repo);
    await expect(diffSpecs({ base: 'no-such-branch', cwd: repo })).rejects.toMatchObject({
      name: 'CommandError',
      message: expect.stringMatching(/--base no-such-branch is neither a file nor a git ref/),
    });
  });

  it('a name that is both a file and a git ref is refused, naming both ways to write it', async () => {
    // helper-106 P9: a file named `main` won over the branch without a word.
    resetSpec(repo);
    const branch = git(repo, 'rev-parse', '--abbrev-ref', 'HEAD').trim();
    await writeFile(join(repo, branch), 'openapi: 3.1.0\n');
    try {
      await expect(diffSpecs({ base: branch, cwd: repo })).rejects.toMatchObject({
        name: 'CommandError',
        message: expect.stringMatching(new RegExp(`^--base ${branch} names both a file in .* and a git ref \\(`)),
        fix: `write ./${branch} for the file, or the ref in full for the commit (refs/heads/${branch}, refs/tags/${branch}, or its commit id)`,
      });
      // Written as a path, it is the file.
      expect((await diffSpecs({ base: `./${branch}`, cwd: repo })).base.label).toBe(`./${branch}`);
    } finally {
      await rm(join(repo, branch));
    }
  });

  it('a missing base file', async () => {
    await expect(diffSpecs({ base: 'old/openapi.yaml', cwd: repo })).rejects.toMatchObject({
      name: 'CommandError',
      message: expect.stringMatching(/--base old\/openapi\.yaml: no such file/),
    });
  });

  it('a base that is not a regular file is named for what it is, with the fix', async () => {
    const fifo = join(repo, 'base.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    try {
      await expect(diffSpecs({ base: 'base.fifo', cwd: repo })).rejects.toMatchObject({
        name: 'CommandError',
        message: '--base base.fifo is a pipe, not a regular file',
        fix: expect.stringContaining('or a git ref') as unknown,
      });
    } finally {
      await rm(fifo);
    }
    await expect(diffSpecs({ base: '/dev/null', cwd: repo })).rejects.toMatchObject({
      message: '--base /dev/null is a character device, not a regular file',
    });
    // A folder that holds a root file: the fix names it.
    await expect(diffSpecs({ base: 'spec/', cwd: repo })).rejects.toMatchObject({
      message: '--base spec/ is a folder, not a spec file',
      fix: 'pass the root file inside it: `--base spec/openapi.yaml`',
    });
  });

  it('a ref where the spec does not exist', async () => {
    // A commit without the spec, on a side branch.
    git(repo, 'checkout', '-q', '-b', 'no-spec');
    git(repo, 'rm', '-q', '-r', 'spec');
    git(repo, 'commit', '-q', '-m', 'No spec');
    git(repo, 'checkout', '-q', 'main');
    await expect(diffSpecs({ base: 'no-spec', cwd: repo })).rejects.toMatchObject({
      message: expect.stringMatching(
        /spec\/openapi\.yaml does not exist at no-spec \([0-9a-f]{7}\)/,
      ),
    });
  });

  it('a base file that cannot be generated: the fix lints that file, not the working tree’s spec', async () => {
    resetSpec(repo);
    const base = join(repo, 'old base.yaml');
    await writeFile(
      base,
      "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: './Missing.yaml'}\n",
    );
    try {
      const error = await diffSpecs({ base: 'old base.yaml', cwd: repo }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ name: 'CommandError' });
      expect((error as Error).message).toMatch(/the spec at old base\.yaml cannot be generated/);
      // Before: "npm run lint:spec", which lints spec/openapi.yaml, not the base that failed.
      expect((error as CommandError).fix).toContain(
        "npm run lint:spec -- --spec 'old base.yaml' shows every problem",
      );
    } finally {
      await rm(base);
    }
    // The working tree's spec failing: the command names it.
    await writeFile(
      join(repo, 'spec/schemas/Order.yaml'),
      'type: object\nproperties:\n  id: {$ref: ./Missing.yaml}\n',
    );
    const head = await diffSpecs({ base: 'HEAD', cwd: repo }).catch((caught: unknown) => caught);
    expect((head as CommandError).fix).toContain('npm run lint:spec -- --spec spec/openapi.yaml');
    resetSpec(repo);
  });

  it('a base spec that fails to bundle names the file at the ref', async () => {
    git(repo, 'checkout', '-q', '-b', 'broken');
    await writeFile(
      join(repo, 'spec/schemas/Order.yaml'),
      'type: object\nproperties:\n  id: {$ref: ./Missing.yaml}\n',
    );
    git(repo, 'commit', '-q', '-am', 'Broken');
    git(repo, 'checkout', '-q', 'main');
    const error = await diffSpecs({ base: 'broken', cwd: repo }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'CommandError' });
    expect((error as Error).message).toMatch(
      /the spec at broken \([0-9a-f]{7}\) cannot be generated/,
    );
    expect((error as Error).message).toContain('broken:spec/schemas/');
    expect((error as Error).message).not.toMatch(/\/tmp\/|sdk-diff-/);
  });
});

describe('the words of a change say what it means for a caller', () => {
  it("a type changed to an unrelated one is 'changed', not Redocly's 'widened'; a keyword added is 'added'", async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) => {
      doc.setIn(['properties', 'quantity', 'type'], 'string');
      doc.setIn(['properties', 'note', 'minLength'], 1);
    });
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const wire = report.changes
      .filter((c) => c.kind.startsWith('wire/') && c.location === 'GET /orders')
      .map((c) => c.message);
    expect(wire).toContainEqual(
      expect.stringMatching(/^type of `quantity` changed from 'integer' to 'string'/),
    );
    // A keyword one side lacks is set, not changed, and says what it means (helper-160 4).
    expect(wire).toContainEqual(
      expect.stringMatching(
        /^property `note`: `minLength` set to `1`; values shorter than 1 character are no longer returned/,
      ),
    );
    expect(wire.join('\n')).not.toMatch(/widened|`minLength` changed/);
  });

  it("an array's items are named in words, not as the code-like `[]`", async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(
        ['paths', '/orders', 'get', 'parameters', 1, 'schema'],
        doc.createNode({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } }),
      ),
    );
    git(repo, 'commit', '-q', '-am', 'Customers as a list');
    try {
      const report = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn(
          ['paths', '/orders', 'get', 'parameters', 1, 'schema', 'items', 'enum'],
          doc.createNode(['a']),
        ),
      );
      const wire = report.changes.filter((c) => c.kind.startsWith('wire/')).map((c) => c.message);
      expect(wire).toContainEqual(expect.stringContaining("the array's items"));
      expect(wire.join('\n')).not.toContain('`[]`');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("an array that becomes a string is one type change, not also its items removed", async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(
        ['paths', '/orders', 'get', 'parameters', 1, 'schema'],
        doc.createNode({ type: 'array', items: { type: 'string' } }),
      ),
    );
    git(repo, 'commit', '-q', '-am', 'Customers as a list');
    try {
      const report = await diffAfter(ROOT_FILE, (doc) =>
        doc.setIn(
          ['paths', '/orders', 'get', 'parameters', 1, 'schema'],
          doc.createNode({ type: 'string' }),
        ),
      );
      const wire = report.changes.filter((c) => c.kind.startsWith('wire/')).map((c) => c.message);
      expect(wire).toEqual([expect.stringMatching(/changed from 'array' to 'string'/)]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('params that can no longer be left out say so, not "now required"', async () => {
    const report = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'required'], true),
    );
    const messages = report.changes.map((change) => change.message);
    // One change, one line: the property that became required and what it means for the
    // params (helper-106 P7: these were two lines).
    expect(
      report.changes.filter((change) => change.kind.startsWith('sdk/')).map((c) => c.message),
    ).toEqual([
      '`client.orders.list()` params: `customer` is now required, so params can no longer be left out: `client.orders.list()` without arguments no longer compiles',
    ]);
    expect(messages.filter((message) => message.endsWith(': now required'))).toEqual([]);
  });

  it("the client's constructor is compared too: removing the security scheme removes `token`, major", async () => {
    const report = await diffAfter(ROOT_FILE, (doc) => {
      doc.delete('security');
      doc.deleteIn(['components', 'securitySchemes']);
    });
    expect(report.bump).toBe('major');
    const constructorChanges = report.changes.filter((change) =>
      change.location.startsWith('new '),
    );
    // Only the option the spec gave: the runtime's own options (responseGuards, …) are unchanged.
    expect(constructorChanges).toEqual([
      expect.objectContaining({
        level: 'major',
        message: expect.stringMatching(/^`new \w+\(\)` argument `options`: `token` removed$/),
      }),
    ]);
  });

  it('a deprecation is one SDK line: its `@deprecated` tag is not also "documentation changed"', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(['paths', '/orders/{order}', 'get', 'deprecated'], true),
    );
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'note', 'deprecated'], true),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const sdk = report.changes.filter((change) => change.kind.startsWith('sdk/'));
    expect(sdk.map((change) => change.kind)).not.toContain('sdk/docs-changed');
    expect(sdk.map((change) => change.message)).toContain('`client.orders.retrieve()` deprecated');
    expect(sdk.map((change) => change.kind)).toContain('sdk/property-deprecated');
    expect(report.bump).toBe('minor');
  });

  it('a new x-sdk-method name for the same HTTP method and path is a rename, naming what to use instead', async () => {
    const report = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(['paths', '/orders', 'get', 'x-sdk-method'], 'orders.all'),
    );
    expect(report.bump).toBe('major');
    const sdk = report.changes.filter((change) => change.kind.startsWith('sdk/'));
    expect(sdk).toContainEqual({
      level: 'major',
      kind: 'sdk/method-renamed',
      location: 'client.orders.list()',
      message:
        '`client.orders.list()` renamed to `client.orders.all()` (the same `GET /orders`): use `client.orders.all()` instead',
    });
    // The method's own types follow its name: renamed with it, not removed and added.
    expect(sdk).toContainEqual({
      level: 'major',
      kind: 'sdk/export-renamed',
      location: 'OrderListParams',
      message: 'export `OrderListParams` renamed to `OrderAllParams`: use `OrderAllParams` instead',
    });
    const kinds = sdk.map((change) => change.kind);
    for (const gone of ['sdk/method-removed', 'sdk/method-added', 'sdk/export-removed', 'sdk/export-added'])
      expect(kinds).not.toContain(gone);
  });

  it('a rename that also renames a path parameter is still a rename', async () => {
    const report = await diffAfter(ROOT_FILE, (doc) => {
      const item = doc.getIn(['paths', '/orders/{order}']);
      doc.deleteIn(['paths', '/orders/{order}']);
      doc.setIn(['paths', '/orders/{orderId}'], item);
      doc.setIn(['paths', '/orders/{orderId}', 'get', 'x-sdk-method'], 'orders.get');
      doc.setIn(['paths', '/orders/{orderId}', 'get', 'parameters', 0, 'name'], 'orderId');
    });
    const sdk = report.changes.filter((change) => change.kind.startsWith('sdk/'));
    expect(sdk).toContainEqual(
      expect.objectContaining({
        kind: 'sdk/method-renamed',
        message: expect.stringContaining(
          '`client.orders.retrieve()` renamed to `client.orders.get()`',
        ) as string,
      }),
    );
    const kinds = sdk.map((change) => change.kind);
    expect(kinds).not.toContain('sdk/method-removed');
    expect(kinds).not.toContain('sdk/method-added');
  });

  it('wire paths name properties only: no `$ref`, `allOf/0` or other keyword as a segment', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(
        ['components', 'schemas', 'Labels'],
        doc.createNode({
          type: 'object',
          additionalProperties: { type: 'string' },
          propertyNames: { maxLength: 20 },
        }),
      ),
    );
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(
        ['properties', 'metadata'],
        doc.createNode({ allOf: [{ $ref: '../openapi.yaml#/components/schemas/Labels' }] }),
      ),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Labels');
    try {
      await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
        doc.setIn(['components', 'schemas', 'Labels', 'propertyNames', 'maxLength'], 10),
      );
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      const wire = report.changes.filter((change) => change.kind.startsWith('wire/'));
      expect(wire.length).toBeGreaterThan(0);
      for (const change of wire) expect(change.message).not.toMatch(/\$ref|allOf|\.propertyNames/);
      // `Labels` is in the responses of three operations: said in its own terms, naming them.
      expect(renderReport(report, 'text')).toContain(
        '`Labels` (in `GET /orders`, `POST /orders` and `GET /orders/{order}`): schema `propertyNames`: `maxLength` changed',
      );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });
});

describe('a property renamed, an enum changed: every line is true', () => {
  /** `npm run diff`'s text after editing `schemas/<file>` of the shop spec. */
  async function textAfter(file: string, edit: (doc: Document) => void): Promise<string> {
    return renderReport(await diffAfter(file, edit), 'text');
  }

  it('a renamed required property is one removed and one added: no guessed rename, no "no longer required"', async () => {
    // `quantity` becomes `amount`; `label` is new: a guess could pair either with `quantity`.
    const text = await textAfter('schemas/Order.yaml', (doc) => {
      const quantity = doc.getIn(['properties', 'quantity']);
      doc.deleteIn(['properties', 'quantity']);
      doc.setIn(['properties', 'amount'], quantity);
      doc.setIn(['properties', 'label'], doc.createNode({ type: 'string', description: 'A label.' }));
      doc.setIn(['required'], doc.createNode(['id', 'status', 'amount']));
    });
    const wire = text.slice(text.indexOf('Wire (redocly diff):'));
    expect(wire).not.toMatch(/renamed/);
    // `quantity` is gone, not optional; `label` and `amount` were never compared with it.
    expect(wire).not.toMatch(/no longer required/);
    expect(wire).not.toMatch(/`(description|examples|type)` changed/);
    // Order is in the responses of three operations: the lines name them all.
    const inOrder = '`Order` (in `GET /orders`, `POST /orders` and `GET /orders/{order}`)';
    expect(wire).toContain(`major ${inOrder}: property \`quantity\` was removed (`);
    expect(wire).toContain(`minor ${inOrder}: property \`amount\` added`);
    expect(wire).toContain(`minor ${inOrder}: property \`label\` added`);
  });

  it('a change between two named schemas is said in the schema both sides pass through', async () => {
    // helper-110 D2: `status` written inline instead of a $ref to OrderStatus (another description)
    // was placed at one use ("`GET /orders`: response 200 property items[].status"), while Order is
    // in three operations' responses.
    const text = await textAfter('schemas/Order.yaml', (doc) =>
      doc.setIn(
        ['properties', 'status'],
        doc.createNode({ description: 'Where it is.', type: 'string', enum: ['open', 'shipped'] }),
      ),
    );
    const wire = text.slice(text.indexOf('Wire (redocly diff):'));
    expect(wire).toContain(
      'patch `Order` (in `GET /orders`, `POST /orders` and `GET /orders/{order}`): property `status`: `description` changed (',
    );
    expect(wire).not.toMatch(/response 200/);
  });

  it('a renamed required request property is not said to have "become required"', async () => {
    const text = await textAfter('schemas/OrderCreate.yaml', (doc) => {
      const quantity = doc.getIn(['properties', 'quantity']);
      doc.deleteIn(['properties', 'quantity']);
      doc.setIn(['properties', 'qty'], quantity);
      doc.setIn(['required'], doc.createNode(['qty']));
    });
    expect(text).toContain(
      'major `client.orders.create()` params: `quantity` removed and `qty` (required) added, of the same type: if it was renamed, pass `qty` instead',
    );
    expect(text).toContain('major `POST /orders`: new required properties of `OrderCreate`: `qty` (');
    expect(text).toContain('major `POST /orders`: property `quantity` of `OrderCreate` was removed (');
    expect(text).not.toMatch(/became required|renamed to/);
  });

  it('a renamed parameter is one removed and one added, in our words: no guessed rename', async () => {
    // A query parameter renamed, its description reworded too.
    const text = await textAfter(ROOT_FILE, (doc) => {
      doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'name'], 'customerId');
      doc.setIn(['paths', '/orders', 'get', 'parameters', 1, 'description'], 'The customer.');
    });
    const wire = text.slice(text.indexOf('Wire (redocly diff):'));
    expect(wire).not.toMatch(/renamed|`description` changed/);
    expect(wire).toContain('major `GET /orders`: `customer` query parameter was removed (');
    expect(wire).toContain('minor `GET /orders`: query parameter `customerId` added (');
  });

  it('a path parameter renamed with its template is said once in the whole report: the SDK line, which says the requests are the same', async () => {
    const text = await textAfter(ROOT_FILE, (doc) => {
      const item = doc.getIn(['paths', '/orders/{order}']);
      doc.deleteIn(['paths', '/orders/{order}']);
      doc.setIn(['paths', '/orders/{orderId}'], item);
      doc.setIn(['paths', '/orders/{orderId}', 'get', 'parameters', 0, 'name'], 'orderId');
    });
    // The SDK's typed path client names the templates: that is where it breaks.
    expect(text).toMatch(/major path parameter `order` renamed to `orderId` \(`\/orders\/\{order\}` → `\/orders\/\{orderId\}`\): a typed path client call.*; the requests are the same\n/);
    // The wire's "path template renamed" and "path parameter renamed with its path template"
    // lines said it twice more.
    expect(text.match(/renamed/g)).toHaveLength(1);
    expect(text).not.toContain('Wire (redocly diff)');
  });

  it('a path whose template changed more than its names is one removed and one added', async () => {
    const text = await textAfter(ROOT_FILE, (doc) => {
      const item = doc.getIn(['paths', '/orders/{order}']);
      doc.deleteIn(['paths', '/orders/{order}']);
      doc.setIn(['paths', '/order/{orderId}'], item);
      doc.setIn(['paths', '/order/{orderId}', 'get', 'parameters', 0, 'name'], 'orderId');
    });
    const wire = text.slice(text.indexOf('Wire (redocly diff):'));
    expect(wire).not.toMatch(/renamed|the requests are the same|parameter \d/);
    expect(wire).toMatch(/major path `\/orders\/\{order\}` was removed/);
    expect(wire).toMatch(/`\/order\/\{orderId\}`: path added/);
  });

  it('a renamed required parameter: the new one is said to be required, at the level of the removal', async () => {
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.addIn(
        ['paths', '/orders', 'get', 'parameters'],
        doc.createNode({ name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } }),
      ),
    );
    git(repo, 'commit', '-q', '-am', 'X-Tenant');
    try {
      const text = await textAfter(ROOT_FILE, (doc) =>
        doc.setIn(['paths', '/orders', 'get', 'parameters', 2, 'name'], 'X-Account'),
      );
      const wire = text.slice(text.indexOf('Wire (redocly diff):'));
      expect(wire).not.toMatch(/renamed/);
      expect(wire).toContain('major `GET /orders`: `X-Tenant` header parameter was removed (');
      expect(wire).toContain('major `GET /orders`: required `X-Account` header parameter was added (');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a response status code changed is the response removed and one added, not a "Property"', async () => {
    const text = await textAfter(ROOT_FILE, (doc) => {
      const created = doc.getIn(['paths', '/orders', 'post', 'responses', '201']);
      doc.deleteIn(['paths', '/orders', 'post', 'responses', '201']);
      doc.setIn(['paths', '/orders', 'post', 'responses', '200'], created);
    });
    const wire = text.slice(text.indexOf('Wire (redocly diff):'));
    expect(wire).not.toMatch(/Property|became|HEAD:/);
    expect(wire).toMatch(/major `POST \/orders`: response `201` was removed \(spec\/openapi\.yaml:\d+\)/);
    expect(wire).toContain('minor `POST /orders`: response 200 added (');
  });

  it('a value added to an enum of requests and responses says what each side means', async () => {
    const text = await textAfter('schemas/OrderStatus.yaml', (doc) =>
      doc.setIn(['enum'], doc.createNode(['open', 'shipped', 'cancelled'])),
    );
    expect(text).toContain(
      '`OrderStatus` (in `GET /orders`, `POST /orders` and `GET /orders/{order}`): enum value `"cancelled"` added; responses may now contain it: code that handles every value (an exhaustive `switch`) needs a new case; requests may send it',
    );
    expect(text).not.toMatch(/schema `\[\]`|gained values/);
  });

  it('a value removed from a request-only enum: requests that send it are rejected', async () => {
    const text = await textAfter('schemas/Channel.yaml', (doc) =>
      doc.setIn(['enum'], doc.createNode(['web'])),
    );
    expect(text).toContain(
      'major `POST /orders`: request body property `channel`: enum value `"phone"` removed; requests that send it are now rejected (',
    );
    expect(text).not.toMatch(/responses no longer/);
  });
});

describe('npm run diff (the command)', () => {
  const diff = (...args: string[]) => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/diff.ts'), ...args],
      { cwd: repo, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('--json prints { bump, changes: [{ level, kind, location, message, type? }] }; exit 0 without --fail-on', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'nickname'], doc.createNode({ type: 'string' })),
    );
    const result = diff('--base', 'HEAD', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { bump: string; changes: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['bump', 'changes']);
    expect(json.bump).toBe('minor');
    for (const change of json.changes)
      expect(Object.keys(change)).toEqual([
        'level',
        'kind',
        'location',
        'message',
        ...('type' in change ? ['type'] : []),
        ...('operations' in change ? ['operations'] : []),
      ]);
    // `Order` is in the responses of three operations: the wire change names them all.
    expect(json.changes).toContainEqual(
      expect.objectContaining({
        kind: 'wire/schema-added',
        location: 'GET /orders',
        operations: ['GET /orders', 'POST /orders', 'GET /orders/{order}'],
      }),
    );
    // Every change on its own, each method's: `type` names the exported type it is inside.
    for (const [location, path] of [
      ['client.orders.retrieve()', 'nickname'],
      ['client.orders.create()', 'nickname'],
      ['client.orders.list()', '[].nickname'],
    ] as const)
      expect(json.changes).toContainEqual({
        level: 'minor',
        kind: 'sdk/result-property-added',
        location,
        message: `\`${location}\` result: new optional property \`${path}\``,
        type: 'Order',
      });
  });

  it('--fail-on: exit 1 at or above the level only; markdown for a job summary', async () => {
    const run = (...args: string[]) => runMain(main, repo, args);
    const minor = await run('--base', 'HEAD', '--fail-on', 'minor', '--format', 'markdown');
    expect(minor.status).toBe(1);
    expect(minor.stdout).toMatch(/^## API changes: `minor`\n/);
    expect(minor.stdout).toContain('#### Additions (minor)');
    // The reports list the three methods' change once, as a change of the type they return.
    expect(minor.stdout).toContain(
      '\n- `Order`: new optional property `nickname` — in results of `client.orders.*()`\n',
    );
    expect(minor.stderr).toBe('The changes are minor, at or above --fail-on minor.\n');
    const major = await run('--base', 'HEAD', '--fail-on', 'major');
    expect(major.status).toBe(0);
    expect(major.stdout).toMatch(
      /^spec\/openapi\.yaml \(working tree\) against HEAD \([0-9a-f]{7}\): minor/,
    );
  });

  it('bad input: exit 2, the problem and the fix, no stack trace', () => {
    const result = diff('--base', 'nope');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: --base nope is neither a file nor a git ref .*\n {2}fix: /,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const usage = diff('--json');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^error: --base is required: there is no release\/openapi\.json /);
  });
});

describe('the changelog says each change once, for the package’s users', () => {
  /** The lines of the changelog entry `npm run release` would write for the report. */
  const entryLines = (report: DiffReport) =>
    renderEntry({
      version: '2.0.0',
      date: '2026-12-02',
      changes: report.changes,
      methods: report.methods,
    })
      .split('\n')
      .filter((line) => line.startsWith('- '));

  const ORDER_200 = ['paths', '/orders/{order}', 'get', 'responses', '200'];
  it.each([
    {
      name: 'a variant added to a response union',
      file: 'schemas/Delivery.yaml',
      edit: (doc: Document) =>
        doc.addIn(
          ['oneOf'],
          doc.createNode({
            type: 'object',
            required: ['kind'],
            properties: { kind: { type: 'string', enum: ['locker'] } },
          }),
        ),
      sdk: '`Delivery` may now be `{ kind: "locker"; }`',
      wire: '`oneOf` subschema of `delivery` was added',
    },
    {
      name: 'a request body removed',
      file: ROOT_FILE,
      edit: (doc: Document) => doc.deleteIn(['paths', '/orders', 'post', 'requestBody']),
      // The body was the only params: `params` removed, `options` first now (not `options` read
      // as `params` with `quantity` removed).
      sdk: '`client.orders.create()` argument 1 (`params`): removed: a call that passes it no longer compiles (`options` is argument 1 now)',
      wire: 'request body was removed',
    },
    {
      name: 'an operationId changed',
      file: ROOT_FILE,
      edit: (doc: Document) =>
        doc.setIn(['paths', '/orders', 'get', 'operationId'], 'allOrders'),
      sdk: '`operations["listOrders"]` removed',
      wire: "`operationId` of operation `GET /orders` changed from 'listOrders' to 'allOrders'",
    },
    {
      name: 'a response media type replaced',
      file: ROOT_FILE,
      edit: (doc: Document) => {
        const content = doc.getIn([...ORDER_200, 'content', 'application/json']);
        doc.deleteIn([...ORDER_200, 'content', 'application/json']);
        doc.setIn([...ORDER_200, 'content', 'application/xml'], content);
      },
      sdk: '`client.orders.retrieve()` result: the value changed from `Order` to `string`',
      wire: 'media type `application/json` was removed',
    },
  ])('$name: the SDK’s line, not also the wire’s', async ({ file, edit, sdk, wire }) => {
    const report = await diffAfter(file, edit);
    const lines = entryLines(report);
    expect(lines).toContainEqual(expect.stringContaining(sdk));
    expect(lines.filter((line) => line.includes(wire))).toEqual([]);
    // The report for maintainers keeps both layers.
    expect(renderReport(report, 'text')).toContain(wire);
  });
});

describe('a schema reshaped, not changed: the wire says what the API does', () => {
  const wireLines = (report: DiffReport) =>
    report.changes
      .filter((change) => change.kind.startsWith('wire/'))
      .map((change) => `${change.level} ${wireLine(change)}`);

  it('a response made nullable is one line, "may now be `null`", not its schema’s properties and type removed', async () => {
    const report = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(
        ['paths', '/orders/{order}', 'get', 'responses', '200', 'content', 'application/json', 'schema'],
        doc.createNode({ oneOf: [{ $ref: '#/components/schemas/Order' }, { type: 'null' }] }),
      ),
    );
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        kind: 'sdk/result-type-changed',
        message: expect.stringContaining('may now be `null`') as string,
      }),
    );
    expect(wireLines(report)).toEqual([
      expect.stringMatching(
        /^major `GET \/orders\/\{order\}`: response 200: may now be `null` \(spec\/openapi\.yaml:\d+\)$/,
      ),
    ]);
  });

  it('a property of a shared schema made nullable, and back: one line each way', async () => {
    const nullable = { oneOf: [{ $ref: './Delivery.yaml' }, { type: 'null' }] };
    const wrapped = await diffAfter('schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'delivery'], doc.createNode(nullable)),
    );
    expect(wireLines(wrapped)).toEqual([
      expect.stringMatching(
        /^major `Order` \(in `GET \/orders`, `POST \/orders` and `GET \/orders\/\{order\}`\): property `delivery`: may now be `null` \(spec\/schemas\/Order\.yaml:\d+\)$/,
      ),
    ]);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'delivery'], doc.createNode(nullable)),
    );
    git(repo, 'commit', '-q', '-am', 'Nullable delivery');
    try {
      const unwrapped = await diffAfter('schemas/Order.yaml', (doc) =>
        doc.setIn(['properties', 'delivery'], doc.createNode({ $ref: './Delivery.yaml' })),
      );
      expect(wireLines(unwrapped)).toEqual([
        expect.stringMatching(/^patch `Order` \(in .*\): property `delivery`: can no longer be `null` \(/),
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a nullable schema written another way (a type list, oneOf with null) is no API change either way, only the shipped openapi.json\'s', async () => {
    resetSpec(repo);
    const asList = { type: ['array', 'null'], items: { type: 'string' }, description: 'Tags.' };
    const asOneOf = {
      description: 'Tags.',
      oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }],
    };
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
      doc.setIn(['properties', 'tags'], doc.createNode(asList)),
    );
    git(repo, 'commit', '-q', '-am', 'Tags');
    try {
      const rewritten = await diffAfter('schemas/OrderCreate.yaml', (doc) =>
        doc.setIn(['properties', 'tags'], doc.createNode(asOneOf)),
      );
      // The package's openapi.json is another file all the same: a patch that says only that.
      expect(rewritten.changes.map((change) => `${change.level} ${change.kind} ${change.message}`)).toEqual([
        "patch sdk/package-changed schema `OrderCreate` changed (property `tags` changed): no change to the API or to the SDK's types",
      ]);
      expect(rewritten.bump).toBe('patch');
      // A real change in the same place is still reported.
      const widened = await diffAfter('schemas/OrderCreate.yaml', (doc) =>
        doc.setIn(
          ['properties', 'tags'],
          doc.createNode({ ...asOneOf, oneOf: [...asOneOf.oneOf, { type: 'string' }] }),
        ),
      );
      expect(widened.changes.length).toBeGreaterThan(0);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a request schema given another alternative is one minor widening, not a major combinator change', async () => {
    // helper-106 P2 (c20b): `type: [array, 'null']` → `oneOf: [array, string, null]` on a request
    // property was a 2.0.0 with a "Breaking" entry; every value a caller sent is still accepted.
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) => {
      doc.setIn(['properties', 'tags'], doc.createNode({ type: ['array', 'null'], items: { type: 'string' } }));
      doc.setIn(['properties', 'gift'], doc.createNode({ oneOf: [{ type: 'string' }, { type: 'integer' }] }));
    });
    git(repo, 'commit', '-q', '-am', 'Tags and gift');
    try {
      const report = await diffAfter('schemas/OrderCreate.yaml', (doc) => {
        doc.setIn(
          ['properties', 'tags'],
          doc.createNode({
            oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }, { type: 'null' }],
          }),
        );
        doc.setIn(
          ['properties', 'gift'],
          doc.createNode({ oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }] }),
        );
      });
      expect(report.bump).toBe('minor');
      expect(wireLines(report)).toEqual([
        expect.stringMatching(
          /^minor `POST \/orders`: request body property `gift`: accepts more values than before: every value it accepted, and others \(/,
        ),
        expect.stringMatching(/^minor `POST \/orders`: request body property `tags`: accepts more values than before/),
      ]);
      // The same in a response is a value code reading it may not handle: still major.
      await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
        doc.setIn(['properties', 'note'], doc.createNode({ oneOf: [{ type: 'string' }, { type: 'integer' }] })),
      );
      expect((await diffSpecs({ base: 'HEAD', cwd: repo })).bump).toBe('major');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a response whose schema became a union with another is one major line at the response, not the first schema changed', async () => {
    // helper-113 4b (e25): `$ref: Order` → `oneOf: [Order, Pickup]` read as "`Order` (in 3
    // operations): all properties were removed" beside four more lines at the response.
    const at = ['paths', '/orders/{order}', 'get', 'responses', '200', 'content', 'application/json', 'schema'];
    const union = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(at, doc.createNode({ oneOf: [ref('Order'), ref('Pickup')] })),
    );
    expect(union.bump).toBe('major');
    expect(wireLines(union)).toEqual([
      expect.stringMatching(
        /^major `GET \/orders\/\{order\}`: response 200: may now be other values than before: every value it was, and others/,
      ),
    ]);
    // Another schema in its place: said at the response, never as a change of `Order`.
    const swapped = await diffAfter(ROOT_FILE, (doc) =>
      doc.setIn(at, doc.createNode({ type: 'object', properties: { id: { type: 'string' } } })),
    );
    expect(swapped.bump).toBe('major');
    // Nor placed in Order's file, which did not change.
    expect(
      wireLines(swapped).filter((line) => line.includes('`Order`') || line.includes('Order.yaml')),
    ).toEqual([]);
    expect(wireLines(swapped)).toContainEqual(
      expect.stringMatching(/^major `GET \/orders\/\{order\}`: response 200/),
    );
  });

  it('a response removed is named by its status, not by the component it was a $ref to', async () => {
    // helper-113 4b (e24): "response `Problem` was removed" for the `default` response.
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      doc.setIn(['components', 'responses', 'Problem'], doc.createNode({ description: 'A problem.' }));
      doc.setIn(
        ['paths', '/orders/{order}', 'get', 'responses', 'default'],
        doc.createNode({ $ref: '#/components/responses/Problem' }),
      );
    });
    git(repo, 'commit', '-q', '-am', 'A default response');
    try {
      const report = await diffAfter(ROOT_FILE, (doc) =>
        doc.deleteIn(['paths', '/orders/{order}', 'get', 'responses', 'default']),
      );
      expect(wireLines(report)).toEqual([
        expect.stringMatching(/^\w+ `GET \/orders\/\{order\}`: response `default` was removed/),
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a body given another media type says the media type added, not the body', async () => {
    // helper-113 4b (e58, e59): "request body added", "response 201 added" for bodies that were
    // there all along.
    const report = await diffAfter(ROOT_FILE, (doc) => {
      for (const at of [['requestBody'], ['responses', '201']]) {
        const content = ['paths', '/orders', 'post', ...at, 'content'];
        const schema = doc.getIn([...content, 'application/json', 'schema']);
        doc.setIn(content, doc.createNode({ 'application/x-www-form-urlencoded': { schema } }));
      }
    });
    const added = wireLines(report).filter((line) => line.includes(' added'));
    expect(added).toEqual([
      expect.stringMatching(
        /^minor `POST \/orders`: request body media type `application\/x-www-form-urlencoded` added/,
      ),
      expect.stringMatching(
        /^\w+ `POST \/orders`: response 201 media type `application\/x-www-form-urlencoded` added/,
      ),
    ]);
  });

  it('a request union with a discriminator given another variant is one minor widening, not a property added', async () => {
    // helper-113 4b (e42): "request body property `target` added" for a `target` that was there.
    const variant = (kind: string) => ({
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', const: kind } },
    });
    const target = (...kinds: string[]) => ({
      oneOf: kinds.map(variant),
      discriminator: { propertyName: 'kind' },
    });
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
      doc.setIn(['properties', 'target'], doc.createNode(target('plan', 'sim'))),
    );
    git(repo, 'commit', '-q', '-am', 'A target');
    try {
      const report = await diffAfter('schemas/OrderCreate.yaml', (doc) =>
        doc.setIn(['properties', 'target'], doc.createNode(target('plan', 'sim', 'addon'))),
      );
      expect(report.bump).toBe('minor');
      expect(wireLines(report)).toEqual([
        expect.stringMatching(
          /^minor `POST \/orders`: request body property `target`: accepts more values than before/,
        ),
      ]);
      // A variant replaced by another is no widening: said as what changed in it, never as the
      // property added or removed.
      const replaced = await diffAfter('schemas/OrderCreate.yaml', (doc) =>
        doc.setIn(['properties', 'target'], doc.createNode(target('plan', 'addon'))),
      );
      expect(replaced.bump).toBe('major');
      expect(wireLines(replaced)).toContainEqual(
        expect.stringMatching(/`const` of `kind` changed from 'sim' to 'addon'/),
      );
      expect(wireLines(replaced).join('\n')).not.toMatch(/property `target` (added|removed)/);
      // A variant's own keyword is said of the variant, not of the property it is in.
      const titled = await diffAfter('schemas/OrderCreate.yaml', (doc) => {
        const node = target('plan', 'sim');
        node.oneOf[1] = { ...node.oneOf[1]!, title: 'SimTarget' } as (typeof node.oneOf)[number];
        doc.setIn(['properties', 'target'], doc.createNode(node));
      });
      expect(wireLines(titled)).toEqual([
        expect.stringMatching(/^patch `POST \/orders`: request body `oneOf\[1\]` of property `target`: `title` added/),
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a response schema whose `required` changed names the properties, not "component: `required` changed"', async () => {
    // helper-113 4b (e02, e70).
    const report = await diffAfter('schemas/Order.yaml', (doc) => {
      const required = (doc.get('required') as { items: { value: string }[] }).items.map((item) => item.value);
      doc.set('required', doc.createNode([...required, 'note']));
    });
    expect(wireLines(report)).toEqual([
      expect.stringMatching(/^patch `Order` \(in [^)]*\): property `note` became required \(/),
    ]);
  });

  it('a constraint of a type that is gone is no line of its own: the type change says it', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'quantity', 'minimum'], 0),
    );
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
      doc.setIn(['properties', 'quantity', 'maximum'], 100),
    );
    git(repo, 'commit', '-q', '-am', 'Bounds');
    try {
      const report = await diffAfter('schemas/Order.yaml', (doc) =>
        doc.setIn(
          ['properties', 'quantity'],
          doc.createNode({ description: 'How many items.', type: 'string', pattern: '^[0-9]+$' }),
        ),
      );
      await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) =>
        doc.setIn(
          ['properties', 'quantity'],
          doc.createNode({ description: 'How many items.', type: 'string', maxLength: 3 }),
        ),
      );
      const both = await diffSpecs({ base: 'HEAD', cwd: repo });
      for (const lines of [wireLines(report), wireLines(both)]) {
        expect(lines).toContainEqual(
          expect.stringContaining("type of `quantity` changed from 'integer' to 'string'"),
        );
        expect(lines.join('\n')).not.toMatch(/bound|below|above|minimum|maximum|pattern|maxLength/);
      }
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a schema moved into its own file, its description kept beside the `$ref`: no "`description` changed"', async () => {
    resetSpec(repo);
    await writeFile(
      join(repo, 'spec/schemas/Note.yaml'),
      'description: A free text.\ntype: string\nexamples: [Ring twice.]\n',
    );
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'note'], doc.createNode({ description: 'A note.', $ref: './Note.yaml' })),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const lines = wireLines(report);
    expect(lines.join('\n')).not.toMatch(/`description`/);
    // What did change is said: the examples the new file adds.
    expect(lines).toContainEqual(expect.stringContaining('`examples` added'));
  });
});

describe('a schema regrouped with allOf, the same values accepted: no wire change', () => {
  const wireLines = (report: DiffReport) =>
    report.changes
      .filter((change) => change.kind.startsWith('wire/'))
      .map((change) => `${change.level} ${wireLine(change)}`);

  /** Order's `id` and `note` moved into a base schema of their own, which Order extends. */
  const BASE = 'description: What every resource has.\ntype: object\nrequired: [id]\nproperties:\n  id:\n    description: The order\'s id.\n    type: string\n  note:\n    description: A note.\n    type: string\n';
  const extract = async (rest: Record<string, unknown>): Promise<DiffReport> => {
    resetSpec(repo);
    await writeFile(join(repo, 'spec/schemas/Resource.yaml'), BASE);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) => {
      doc.delete('required');
      doc.delete('properties');
      doc.delete('type');
      doc.set('allOf', doc.createNode([{ $ref: './Resource.yaml' }, rest]));
    });
    return diffSpecs({ base: 'HEAD', cwd: repo });
  };
  const REST = {
    type: 'object',
    required: ['status', 'quantity'],
    properties: {
      status: { $ref: './OrderStatus.yaml' },
      quantity: { description: 'How many items.', type: 'integer' },
      delivery: { $ref: './Delivery.yaml' },
    },
  };

  it('a base schema extracted into allOf: no property removed, no longer required; the bump is the new export', async () => {
    const report = await extract(REST);
    expect(wireLines(report)).toEqual([
      expect.stringMatching(/^patch `#\/components\/schemas\/Resource`: component added/),
    ]);
    expect(report.bump).toBe('minor');
  });

  it('what the regrouping does change is still said: a property left out of both parts', async () => {
    const { delivery: _left, ...properties } = REST.properties;
    const report = await extract({ ...REST, properties });
    expect(wireLines(report)).toEqual([
      expect.stringMatching(/^major `Order` .*: property `delivery` was removed/),
      expect.stringMatching(/component added/),
    ]);
  });

  it('a request body regrouped, unevaluatedProperties closing it: only the newly required property', async () => {
    resetSpec(repo);
    await writeFile(
      join(repo, 'spec/schemas/OrderBase.yaml'),
      'type: object\nrequired: [quantity]\nproperties:\n  quantity:\n    description: How many items.\n    type: integer\n',
    );
    await editYaml(join(repo, 'spec'), 'schemas/OrderCreate.yaml', (doc) => {
      for (const key of ['type', 'additionalProperties', 'required', 'properties']) doc.delete(key);
      doc.set('unevaluatedProperties', false);
      doc.set(
        'allOf',
        doc.createNode([
          { $ref: './OrderBase.yaml' },
          {
            type: 'object',
            required: ['note'],
            properties: {
              channel: { $ref: './Channel.yaml' },
              note: { description: 'A note.', type: 'string' },
            },
          },
        ]),
      );
    });
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    expect(wireLines(report)).toEqual([
      expect.stringMatching(/^major `POST \/orders`: .*became required: `note`/),
      expect.stringMatching(/component added/),
    ]);
  });

  it('and a property no longer required', async () => {
    const report = await extract({ ...REST, required: ['status'] });
    expect(wireLines(report)).toEqual([
      expect.stringMatching(/^major `Order` .*: properties of `Order` are no longer required: `quantity` \(spec\/schemas\/Order\.yaml:\d+\)$/),
      expect.stringMatching(/component added/),
    ]);
    expect(report.bump).toBe('major');
  });
});

describe('an error response no longer documented', () => {
  const CONFLICT = {
    description: 'The order changed meanwhile.',
    content: { 'application/json': { schema: { type: 'object' } } },
  };

  it('is a patch: the client still throws ConflictError on a 409, only the documentation changed', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(['paths', '/orders', 'post', 'responses', '409'], doc.createNode(CONFLICT)),
    );
    git(repo, 'commit', '-q', '-am', 'Document 409');
    try {
      const report = await diffAfter(ROOT_FILE, (doc) =>
        doc.deleteIn(['paths', '/orders', 'post', 'responses', '409']),
      );
      const removed = report.changes.filter((change) => change.kind === 'wire/response-removed');
      expect(removed.map((change) => change.level)).toEqual(['patch']);
      // Code that names `operations['createOrder']['responses'][409]` no longer compiles: said, at
      // the same level.
      expect(
        report.changes
          .filter((change) => change.kind.startsWith('sdk/'))
          .map((change) => `${change.level} ${change.message}`),
      ).toEqual([
        "patch `ErrorBody` is `unknown` now (was `Record<string, unknown>`): the spec declares no error body any more, so code that reads `error.body`'s fields no longer compiles; calls are unchanged",
        'patch `operations["createOrder"]["responses"]["409"]` removed: code that names it no longer compiles; calls are unchanged: the client throws the same error for that status',
      ]);
      expect(report.bump).toBe('patch');
      // Set in the spec's promise, `response-removed` rates it, as every other removed response.
      const promised = await diffAfter(ROOT_FILE, (doc) => {
        doc.deleteIn(['paths', '/orders', 'post', 'responses', '409']);
        doc.setIn(['x-sdk', 'compatibility'], doc.createNode({ 'response-removed': 'major' }));
      });
      expect(
        promised.changes
          .filter((change) => /^(wire\/response-removed|sdk\/export-type-changed)$/.test(change.kind))
          .map((change) => `${change.kind} ${change.level}`),
      ).toEqual([
        // `ErrorBody` (the last error body gone) and `operations[…][409]`, at the promised level.
        'sdk/export-type-changed major',
        'sdk/export-type-changed major',
        'wire/response-removed major',
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });
});

describe('entries of the document’s lists are named by what they are, not by their index', () => {
  it('a tag by its name, a server by its URL', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.set('tags', doc.createNode([{ name: 'Orders', description: 'Orders.' }, { name: 'Stores' }])),
    );
    git(repo, 'commit', '-q', '-am', 'Tags');
    try {
      const report = await diffAfter(ROOT_FILE, (doc) => {
        doc.set(
          'tags',
          doc.createNode([
            { name: 'Customers' },
            { name: 'Orders', description: 'All orders.' },
            { name: 'Stores' },
          ]),
        );
        doc.addIn(['servers'], doc.createNode({ url: 'https://eu.example.com' }));
      });
      const text = renderReport(report, 'text');
      // A tag groups operations in the docs: a patch on the wire (helper-134 7).
      expect(text).toMatch(/patch `#\/tags`: tag `Customers` added \(spec\/openapi\.yaml:\d+\)/);
      expect(text).toMatch(/patch `#\/tags`: tag `Orders`: `description` changed \(/);
      expect(text).toMatch(/minor `#\/servers`: server `https:\/\/eu\.example\.com` added \(/);
      expect(text).not.toMatch(/#\/(tags|servers)\/\d|: \d+ (added|removed)/);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a tag replaced by another is one removed and one added, a server one line, not its name changed', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.set('tags', doc.createNode([{ name: 'Orders' }, { name: 'Stores' }])),
    );
    git(repo, 'commit', '-q', '-am', 'Tags');
    try {
      const report = await diffAfter(ROOT_FILE, (doc) => {
        doc.set('tags', doc.createNode([{ name: 'Orders' }, { name: 'Warehouses' }]));
        doc.setIn(['servers', 0, 'url'], 'https://api2.example.com');
      });
      const text = renderReport(report, 'text');
      expect(text).toMatch(/`#\/tags`: tag `Stores` removed/);
      expect(text).toMatch(/`#\/tags`: tag `Warehouses` added/);
      expect(text).not.toMatch(/`name` changed|`url` changed/);
      // The server removed is the breaking part, and its line names the new one: no second line
      // "server `https://api2.example.com` added" (helper-113 4b, e31).
      const servers = report.changes.filter((change) => change.location === '#/servers');
      expect(servers.map((change) => `${change.level} ${change.message}`)).toEqual([
        expect.stringMatching(/^major server `https:\/\/api\.example\.com` became `https:\/\/api2\.example\.com`/),
      ]);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });
});

describe('documentation of the API added is a patch, as a description changed is (helper-160 2)', () => {
  it('info.contact, info.license, info.termsOfService and externalDocs added: patch lines that say so', async () => {
    const report = await diffAfter(ROOT_FILE, (doc) => {
      doc.setIn(['info', 'termsOfService'], 'https://example.com/terms');
      doc.setIn(['info', 'contact'], doc.createNode({ name: 'Shop team', email: 'shop@example.com' }));
      doc.setIn(['info', 'license'], doc.createNode({ name: 'MIT' }));
      doc.set('externalDocs', doc.createNode({ url: 'https://docs.example.com' }));
      doc.setIn(
        ['paths', '/orders', 'get', 'externalDocs'],
        doc.createNode({ url: 'https://docs.example.com/orders' }),
      );
    });
    const wire = report.changes
      .filter((change) => change.kind.startsWith('wire/'))
      .map((change) => `${change.level} ${change.location}: ${change.message.replace(/ \(spec\/.*\)$/, '')}`);
    expect(wire).toEqual([
      'patch #/externalDocs: `externalDocs` added: documentation only, requests and responses are as before',
      'patch #/info: info: `termsOfService` added',
      'patch #/info/contact: `info.contact` added: documentation only, requests and responses are as before',
      "patch #/info/license: `info.license` added: the package's licence (package.json `license`) follows it, requests and responses are as before",
      'patch GET /orders: `externalDocs` added: documentation only, requests and responses are as before',
    ]);
    expect(report.bump).toBe('patch');
  });
});

/**
 * What a call returns besides its value. A one-letter typo in `x-sdk-pagination` turned
 * `client.addons.list()` from a `PagePromise` into an `APIPromise`: `for await` over it and
 * `hasNextPage()` stopped compiling, while the diff said the SDK was unchanged.
 */
describe('a method that stops or starts paginating', () => {
  let gigs: string;
  beforeAll(async () => {
    gigs = await specRepo(join(ROOT, 'spec'));
  }, 120_000);

  const misspelt = async () => {
    const file = join(gigs, 'spec/paths/addons.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('x-sdk-pagination:', 'x-sdk-paginaton:'));
  };

  it('stopping is major, saying what no longer compiles', async () => {
    resetSpec(gigs);
    await misspelt();
    const report = await diffSpecs({ base: 'HEAD', cwd: gigs });
    expect(report.bump).toBe('major');
    const change = report.changes.find((c) => c.kind === 'sdk/result-promise-changed');
    expect(change?.level).toBe('major');
    expect(change?.message).toMatch(
      /`client\.addons\.list\(\)` result: returns APIPromise now, not PagePromise: .*`\[Symbol\.asyncIterator\]`.* (are|is) gone \(it no longer paginates: `for await` over it no longer compiles\)/,
    );
  });

  it('starting is minor: every call that compiled still does', async () => {
    resetSpec(gigs);
    await misspelt();
    git(gigs, 'commit', '-q', '-am', 'Pagination misspelt');
    try {
      resetSpec(gigs);
      const file = join(gigs, 'spec/paths/addons.yaml');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('x-sdk-paginaton:', 'x-sdk-pagination:'));
      const report = await diffSpecs({ base: 'HEAD', cwd: gigs });
      const change = report.changes.find((c) => c.kind === 'sdk/result-promise-extended');
      expect(change?.level).toBe('minor');
      expect(change?.message).toMatch(/returns PagePromise now: it paginates \(new: .*`\[Symbol\.asyncIterator\]`/);
    } finally {
      git(gigs, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });
});

// helper-120 L11: an added property was placed at the first line of its value (`description:`
// below the key), one line off.
describe('where a wire line places something added', () => {
  it('at the line of its key', async () => {
    resetSpec(repo);
    const file = join(repo, 'spec/schemas/Order.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace('properties:\n', 'properties:\n  extra:\n    description: Something extra.\n    type: string\n'),
    );
    const line = (await readFile(file, 'utf8')).split('\n').indexOf('  extra:') + 1;
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const added = report.changes.find(
      (change) => change.kind.startsWith('wire/') && change.message.includes('`extra` added'),
    );
    expect(added?.message).toContain(`(spec/schemas/Order.yaml:${line})`);
  });
});

describe('where a wire line places a component written as a $ref to a file', () => {
  it('a new name is at its key, not at the first line of the file it names', async () => {
    resetSpec(repo);
    const file = join(repo, 'spec', ROOT_FILE);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('\n    Channel:\n', '\n    SalesChannel:\n'));
    const line = (await readFile(file, 'utf8')).split('\n').indexOf('    SalesChannel:') + 1;
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    // The same schema under another name: one rename line (helper-160 3), at the new name's key.
    const renamed = report.changes.find((change) => change.kind === 'wire/schema-modified');
    expect(renamed?.message).toContain('renamed to `SalesChannel`');
    expect(renamed?.message).toContain(`(spec/${ROOT_FILE}:${line})`);
  });
});
