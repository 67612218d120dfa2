/**
 * `npm run diff` on changes that keep every call compiling but change what it does: a method that
 * now calls another operation, positional arguments in another order, and what the client does
 * without being told (the environment variables it reads, its default base URL, how it sends its
 * token). Each is major, with a line that says what changed. On real git repositories.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { diffSpecs, type DiffReport } from '../../scripts/lib/diff/index.ts';
import { renderReport } from '../../scripts/lib/diff/report.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { git, resetSpec, specRepo } from './git-repo.ts';
import { editYaml } from './spec-edits.ts';

const ROOT_FILE = 'openapi.yaml';

/** An operation on an order with the same signature as its siblings: `(order, options?)`. */
const orderAction = (doc: Document, action: string) =>
  doc.createNode({
    operationId: `${action}Order`,
    'x-sdk-method': `orders.${action}`,
    parameters: [{ name: 'order', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '204': { description: 'Done.' } },
  });

let repo: string;

beforeAll(async () => {
  // The shop spec, with two actions of the same signature and a path of two parameters.
  repo = await specRepo();
  await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
    doc.setIn(['paths', '/orders/{order}/archive'], doc.createNode({}));
    doc.setIn(['paths', '/orders/{order}/archive', 'post'], orderAction(doc, 'archive'));
    doc.setIn(['paths', '/orders/{order}/publish'], doc.createNode({}));
    doc.setIn(['paths', '/orders/{order}/publish', 'post'], orderAction(doc, 'publish'));
    doc.setIn(
      ['paths', '/orders/{order}/items/{item}'],
      doc.createNode({
        get: {
          operationId: 'retrieveItem',
          'x-sdk-method': 'orders.retrieveItem',
          parameters: [
            { name: 'order', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'item', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { '204': { description: 'The item.' } },
        },
      }),
    );
  });
  await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
    doc.setIn(
      ['properties', 'placedAt'],
      doc.createNode({ description: 'When it was placed.', type: 'string', format: 'date-time' }),
    ),
  );
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Actions, items and a date');
}, 120_000);

afterAll(removeTempDirs);

async function diffAfter(edit: (doc: Document) => void): Promise<DiffReport> {
  resetSpec(repo);
  await editYaml(join(repo, 'spec'), ROOT_FILE, edit);
  return diffSpecs({ base: 'HEAD', cwd: repo });
}

const sdkLines = (report: DiffReport) =>
  report.changes
    .filter((change) => change.kind.startsWith('sdk/'))
    .map(({ level, kind, message }) => `${level} ${kind} ${message}`);

describe('a call that compiles and does something else', () => {
  it('two methods that swap operations: each now calls the other’s', async () => {
    const report = await diffAfter((doc) => {
      doc.setIn(['paths', '/orders/{order}/archive', 'post', 'x-sdk-method'], 'orders.publish');
      doc.setIn(['paths', '/orders/{order}/publish', 'post', 'x-sdk-method'], 'orders.archive');
    });
    expect(report.bump).toBe('major');
    expect(sdkLines(report)).toEqual(
      expect.arrayContaining([
        'major sdk/method-retargeted `client.orders.archive()` now calls `POST /orders/{order}/publish` (was `POST /orders/{order}/archive`): calls that compiled still compile, and do something else',
        'major sdk/method-retargeted `client.orders.publish()` now calls `POST /orders/{order}/archive` (was `POST /orders/{order}/publish`): calls that compiled still compile, and do something else',
      ]),
    );
  }, 120_000);

  it('a path whose parameters come in another order: the arguments are reordered', async () => {
    const report = await diffAfter((doc) => {
      const item = doc.getIn(['paths', '/orders/{order}/items/{item}']);
      doc.deleteIn(['paths', '/orders/{order}/items/{item}']);
      doc.setIn(['paths', '/items/{item}/orders/{order}'], item);
    });
    expect(report.bump).toBe('major');
    const lines = sdkLines(report);
    expect(lines).toContain(
      'major sdk/arguments-reordered `client.orders.retrieveItem()` takes its arguments in another order, (order, item, options) → (item, order, options): calls that compiled may still compile, and pass each value as another argument',
    );
    expect(lines).toContain(
      'major sdk/method-retargeted `client.orders.retrieveItem()` now calls `GET /items/{item}/orders/{order}` (was `GET /orders/{order}/items/{item}`): calls that compiled still compile, and do something else',
    );
  }, 120_000);

  it('a renamed path parameter is neither: the same request, the same argument order', async () => {
    const report = await diffAfter((doc) => {
      const item = doc.getIn(['paths', '/orders/{order}/items/{item}']);
      doc.deleteIn(['paths', '/orders/{order}/items/{item}']);
      doc.setIn(['paths', '/orders/{order}/items/{itemId}'], item);
      doc.setIn(['paths', '/orders/{order}/items/{itemId}', 'get', 'parameters', 1, 'name'], 'itemId');
    });
    const kinds = report.changes.map((change) => change.kind);
    expect(kinds).not.toContain('sdk/method-retargeted');
    expect(kinds).not.toContain('sdk/arguments-reordered');
  }, 120_000);
});

describe('what the client does without being told', () => {
  it('another envPrefix: the client reads other environment variables', async () => {
    const report = await diffAfter((doc) => doc.setIn(['x-sdk', 'envPrefix'], 'SHOP_API'));
    expect(report.bump).toBe('major');
    expect(sdkLines(report)).toEqual(
      expect.arrayContaining([
        'major sdk/environment-variable-renamed `new Shop()` reads `token` from `SHOP_API_TOKEN`, no longer from `SHOP_TOKEN`: set `SHOP_API_TOKEN` where `SHOP_TOKEN` is set',
        'major sdk/environment-variable-renamed `new Shop()` reads `baseURL` from `SHOP_API_BASE_URL`, no longer from `SHOP_BASE_URL`: set `SHOP_API_BASE_URL` where `SHOP_BASE_URL` is set',
      ]),
    );
  }, 120_000);

  it('another first server: requests go elsewhere by default', async () => {
    const report = await diffAfter((doc) =>
      doc.setIn(['servers', 0, 'url'], 'https://api.example.org/v2'),
    );
    expect(report.bump).toBe('major');
    expect(sdkLines(report)).toContain(
      'major sdk/default-base-url-changed `new Shop()` sends requests to `https://api.example.org/v2` by default (was `https://api.example.com`)',
    );
  }, 120_000);

  it('another security scheme: the token is sent another way', async () => {
    const report = await diffAfter((doc) =>
      doc.setIn(
        ['components', 'securitySchemes', 'bearerAuth'],
        doc.createNode({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }),
      ),
    );
    expect(report.bump).toBe('major');
    expect(sdkLines(report)).toContain(
      'major sdk/credential-changed `new Shop()` sends its token as apiKey header X-Api-Key (was bearer): a token of the old kind is refused',
    );
  }, 120_000);

  it('a new description changes none of them', async () => {
    const report = await diffAfter((doc) => doc.setIn(['info', 'description'], 'Another text.'));
    const kinds = report.changes.map((change) => change.kind);
    for (const kind of [
      'sdk/environment-variable-renamed',
      'sdk/default-base-url-changed',
      'sdk/credential-changed',
    ])
      expect(kinds).not.toContain(kind);
  }, 120_000);
});

// helper-120 L2: a parameter no method takes (a cookie, an idempotency header the client sets)
// made required broke typed path client calls, and the SDK section said every call compiles.
describe("the typed path client's parameters", () => {
  it('one made required that no method takes: major, naming the operation; once where a method breaks too', async () => {
    const report = await diffAfter((doc) =>
      doc.addIn(
        ['paths', '/orders/{order}', 'get', 'parameters'],
        doc.createNode({ name: 'session', in: 'cookie', required: true, schema: { type: 'string' } }),
      ),
    );
    expect(report.bump).toBe('major');
    expect(sdkLines(report)).toEqual([
      'major sdk/parameter-type-changed `operations["retrieveOrder"]["parameters"]` takes what the old one does not ({ query?: undefined; header?: undefined; path: { order: string; }; cookie: { session: string; }; }): a typed path client call (`pathsClient(client)`) passing what it took before no longer compiles',
    ]);
    // A required query parameter breaks the method too: its line says so, and no second one.
    const query = await diffAfter((doc) =>
      doc.addIn(
        ['paths', '/orders/{order}', 'get', 'parameters'],
        doc.createNode({ name: 'expand', in: 'query', required: true, schema: { type: 'string' } }),
      ),
    );
    expect(sdkLines(query).filter((line) => line.includes('operations['))).toEqual([]);
    // helper-121 V3: a minor change of the method (a new optional parameter) hid the break.
    const both = await diffAfter((doc) => {
      const parameters = ['paths', '/orders/{order}', 'get', 'parameters'];
      doc.addIn(
        parameters,
        doc.createNode({ name: 'session', in: 'cookie', required: true, schema: { type: 'string' } }),
      );
      doc.addIn(parameters, doc.createNode({ name: 'expand', in: 'query', schema: { type: 'string' } }));
    });
    // An optional parameter in front of `options` is a break of its own (argument-inserted),
    // which names another: the typed path client's is said too.
    expect(
      both.changes
        .filter((c) => c.kind.startsWith('sdk/') && c.kind !== 'sdk/export-added')
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['sdk/argument-inserted', 'sdk/parameter-type-changed']);
    expect(sdkLines(query)).toContainEqual(expect.stringMatching(/^major sdk\/parameter-required `client\.orders\.retrieve\(\)`/));
  }, 180_000);
});

// helper-121 V4: a request body made required broke typed path client calls without one.
describe("the typed path client's request body", () => {
  it('made required, for a method that takes it optional either way: major, naming the operation', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) =>
      doc.setIn(
        ['paths', '/pings'],
        doc.createNode({
          post: {
            operationId: 'sendPing',
            'x-sdk-method': 'pings.send',
            requestBody: {
              content: {
                'application/json': { schema: { type: 'object', properties: { note: { type: 'string' } } } },
              },
            },
            responses: { '204': { description: 'Sent.' } },
          },
        }),
      ),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Pings');
    try {
      const report = await diffAfter((doc) =>
        doc.setIn(['paths', '/pings', 'post', 'requestBody', 'required'], true),
      );
      expect(report.bump).toBe('major');
      expect(sdkLines(report)).toContainEqual(
        expect.stringMatching(
          /^major sdk\/parameter-type-changed `operations\["sendPing"\]\["requestBody"\]` takes what the old one does not .*: a typed path client call/,
        ),
      );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  }, 180_000);
});

// helper-120 L14: the values reordered read as Redocly's "`enum` changed".
describe('enum values reordered', () => {
  it('a patch whose line says only the order changed; no SDK change', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/OrderStatus.yaml', (doc) =>
      doc.set('enum', doc.createNode(['shipped', 'open'])),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    expect(report.bump).toBe('patch');
    expect(sdkLines(report)).toEqual([]);
    expect(report.changes.map((change) => change.message)).toEqual([
      expect.stringContaining(
        'the same enum values in another order: none added or removed, so requests and responses are as before',
      ),
    ]);
  }, 120_000);
});

// helper-120 L1: swapping the cursor fields made `for await` stop after the first page, and the
// diff said patch, "the API's only".
describe("a paginated method's x-sdk-pagination", () => {
  it('another field or parameter is major, said in SDK terms; the same settings say nothing', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), ROOT_FILE, (doc) => {
      const list = ['paths', '/orders', 'get'];
      doc.addIn(
        [...list, 'parameters'],
        doc.createNode({ name: 'after', in: 'query', schema: { type: 'string' } }),
      );
      doc.addIn(
        [...list, 'parameters'],
        doc.createNode({ name: 'before', in: 'query', schema: { type: 'string' } }),
      );
      doc.setIn(
        [...list, 'responses', '200', 'content', 'application/json', 'schema'],
        doc.createNode({
          type: 'object',
          required: ['items', 'next', 'previous'],
          properties: {
            items: { type: 'array', items: { $ref: '#/components/schemas/Order' } },
            next: { type: ['string', 'null'] },
            previous: { type: ['string', 'null'] },
          },
        }),
      );
      doc.setIn(
        [...list, 'x-sdk-pagination'],
        doc.createNode({
          style: 'cursor',
          afterParam: 'after',
          beforeParam: 'before',
          itemsField: 'items',
          nextCursorField: 'next',
          prevCursorField: 'previous',
        }),
      );
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Paginated orders');
    try {
      const paging = ['paths', '/orders', 'get', 'x-sdk-pagination'];
      const swapped = await diffAfter((doc) => {
        doc.setIn([...paging, 'nextCursorField'], 'previous');
        doc.setIn([...paging, 'prevCursorField'], 'next');
      });
      expect(swapped.bump).toBe('major');
      expect(sdkLines(swapped)).toEqual([
        "major sdk/pagination-changed `client.orders.list()` pages by other fields (`x-sdk-pagination.nextCursorField`): the result property with the next page's cursor is `previous`, no longer `next`; calls compile as before, and iterating (`for await`, `nextPage()`, `previousPage()`) follows the new one",
        "major sdk/pagination-changed `client.orders.list()` pages by other fields (`x-sdk-pagination.prevCursorField`): the result property with the previous page's cursor is `next`, no longer `previous`; calls compile as before, and iterating (`for await`, `nextPage()`, `previousPage()`) follows the new one",
      ]);
      const backward = await diffAfter((doc) => doc.deleteIn([...paging, 'prevCursorField']));
      expect(backward.bump).toBe('major');
      expect(sdkLines(backward)).toEqual([
        "major sdk/pagination-changed `client.orders.list()` pages by other fields (`x-sdk-pagination.prevCursorField`): the result property with the previous page's cursor is none, no longer `previous`; calls compile as before, and iterating (`for await`, `nextPage()`, `previousPage()`) follows none",
      ]);
      const same = await diffAfter((doc) => doc.setIn(['info', 'description'], 'Another text.'));
      expect(same.changes.map((change) => change.kind)).not.toContain('sdk/pagination-changed');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  }, 180_000);
});

describe('a constraint the SDK types depend on', () => {
  it('a removed date-time format: the wire line does not say the SDK types are unchanged', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.deleteIn(['properties', 'placedAt', 'format']),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const wire = report.changes.filter((change) => change.kind === 'wire/schema-constraint-changed');
    expect(wire).not.toEqual([]);
    for (const change of wire) {
      expect(change.message).not.toContain('no SDK type changes');
      expect(change.message).toContain('the SDK lines say what it changes in the package');
    }
    // …and the SDK level has lines: the date helpers for Order are gone.
    expect(sdkLines(report).some((line) => line.startsWith('major '))).toBe(true);
  }, 120_000);
});

describe('a changed const', () => {
  it('the wire line does not say the SDK types are unchanged: a const is a literal type', async () => {
    // helper-113: "a patch: no SDK type changes" beside the SDK's major line for the same const.
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'kind'], doc.createNode({ type: 'string', const: 'order' })),
    );
    git(repo, 'commit', '-q', '-am', 'Order.kind');
    try {
      await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
        doc.setIn(['properties', 'kind', 'const'], 'sale'),
      );
      const report = await diffSpecs({ base: 'HEAD', cwd: repo });
      const wire = report.changes.filter((c) => c.kind === 'wire/schema-constraint-changed');
      expect(wire).not.toEqual([]);
      for (const change of wire) expect(change.message).not.toContain('no SDK type changes');
      expect(sdkLines(report).some((line) => line.startsWith('major '))).toBe(true);
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  }, 120_000);
});

describe('a change inside a schema the date helpers revive', () => {
  /** The report's SDK lines, as `npm run diff` prints them (changes grouped by type). */
  const printedSdkLines = (report: DiffReport) => {
    const text = renderReport(report, 'text');
    return text
      .slice(text.indexOf('SDK ('), text.indexOf('Wire ('))
      .split('\n')
      .filter((line) => /^ {2}(major|minor|patch) /.test(line));
  };

  it('is one line, named after the schema type, not repeated for `Revived`', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'giftWrap'], doc.createNode({ type: 'boolean' })),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const lines = printedSdkLines(report);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}minor `Order`: new optional property `giftWrap` — in results of /);
    expect(report.bump).toBe('minor');
  }, 120_000);

  it('a property that becomes a date is still a `Revived` line: only the revived type changes', async () => {
    resetSpec(repo);
    await editYaml(join(repo, 'spec'), 'schemas/Order.yaml', (doc) =>
      doc.setIn(['properties', 'note', 'format'], 'date-time'),
    );
    const report = await diffSpecs({ base: 'HEAD', cwd: repo });
    const revived = printedSdkLines(report).filter((line) => line.includes('`Revived`'));
    expect(revived).not.toEqual([]);
    expect(revived.join('\n')).toContain('note');
  }, 120_000);
});

describe('a schema named like a runtime class', () => {
  it('is major: the class is exported under another name, and its own name is a type only', async () => {
    const report = await diffAfter((doc) => {
      doc.setIn(
        ['components', 'schemas', 'NotFoundError'],
        doc.createNode({ type: 'object', properties: { message: { type: 'string' } } }),
      );
    });
    expect(report.bump).toBe('major');
    const line = sdkLines(report).find((one) => one.includes('`NotFoundError` is a type only now'));
    expect(line).toMatch(
      /^major sdk\/export-renamed `NotFoundError` is a type only now, no longer the class it was \(exported as `\w+NotFoundError` now: use that\): `new NotFoundError\(\)`, `instanceof NotFoundError`/,
    );
  }, 120_000);
});
