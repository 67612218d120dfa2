/**
 * The toolchain's own `x-sdk…` extensions where the generator does not read them. A one-letter
 * typo in `x-sdk-pagination` turned a list method into a plain promise (`for await` and
 * `hasNextPage()` stopped compiling for every user) while lint and generate said nothing. Every
 * such key is a warning now, at its place, naming the extension it looks like and where that one
 * belongs; the known extensions in their places, and the spec's other `x-…` keys, give none.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const PAGINATION = {
  style: 'cursor',
  afterParam: 'after',
  itemsField: 'items',
  nextCursorField: 'nextCursor',
};

type Json = Record<string, unknown>;

/** The object at `keys` under `doc` (each step an object, or an array indexed by a number). */
const at = (doc: Json, ...keys: (string | number)[]): Json =>
  keys.reduce<Json>((object, key) => object[key] as Json, doc);

function spec(edit: (doc: Json) => void = () => undefined) {
  const doc: Json = {
    openapi: '3.1.0',
    info: { title: 'Ext', version: '1.0.0' },
    'x-sdk': { clientName: 'Ext' },
    'x-logo': { url: 'https://example.com/logo.png' },
    paths: {
      '/things': {
        'x-internal': true,
        get: {
          operationId: 'listThings',
          'x-sdk-pagination': PAGINATION,
          'x-sdk-method': 'things.list',
          parameters: [
            { name: 'after', in: 'query', schema: { type: 'string' } },
            {
              name: 'project',
              in: 'query',
              schema: { type: 'string' },
              'x-sdk-client-option': 'project',
            },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      items: { type: 'array', items: { type: 'string' } },
                      nextCursor: { type: ['string', 'null'] },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
    },
  };
  edit(doc);
  return doc;
}

const warningsOf = async (doc: Record<string, unknown>) =>
  (await specModel(await writeSpec(doc))).warnings.filter(
    (w) => w.key === 'x-sdk:unknown-extension',
  );

describe('an x-sdk extension the generator does not read', () => {
  it('is none when every extension is known and in its place', async () => {
    expect(await warningsOf(spec())).toEqual([]);
  });

  it('a typo on an operation names the extension it looks like', async () => {
    const [warning, ...more] = await warningsOf(
      spec((doc) => {
        const get = at(doc, 'paths', '/things', 'get');
        get['x-sdk-paginaton'] = get['x-sdk-pagination'];
        delete get['x-sdk-pagination'];
      }),
    );
    expect(more).toEqual([]);
    expect(warning!.location.pointer).toBe('#/paths/~1things/get/x-sdk-paginaton');
    expect(warning!.problem).toContain('`x-sdk-paginaton` is not an extension the generator reads');
    expect(warning!.hint).toContain('did you mean `x-sdk-pagination` (on an operation)?');
  });

  it('another casing, a misplaced one and an unknown one, on every kind of place', async () => {
    const warnings = await warningsOf(
      spec((doc) => {
        doc['x-sdk-method'] = 'things.list';
        at(doc, 'paths', '/things')['x-sdk-pagination'] = PAGINATION;
        at(doc, 'paths', '/things', 'get')['x-SDK-Method'] = 'things.all';
        at(doc, 'paths', '/things', 'get', 'parameters', 0)['x-sdk-client-opton'] = 'after';
        at(doc, 'components', 'parameters', 'Limit')['x-sdk-whatever'] = true;
      }),
    );
    const places = warnings.flatMap((w) =>
      w.places.map((p) => [p.location.pointer, p.problem, p.hint]),
    );
    expect(places).toEqual([
      [
        '#/x-sdk-method',
        '`x-sdk-method` belongs on an operation, not on the document root, so here it does nothing',
        'move it to an operation',
      ],
      [
        '#/paths/~1things/x-sdk-pagination',
        '`x-sdk-pagination` belongs on an operation, not on a path item, so here it does nothing',
        'move it to an operation',
      ],
      [
        '#/paths/~1things/get/x-SDK-Method',
        '`x-SDK-Method` is not an extension the generator reads, so it does nothing',
        'did you mean `x-sdk-method` (on an operation)? fix its spelling or remove it',
      ],
      [
        '#/paths/~1things/get/parameters/0/x-sdk-client-opton',
        '`x-sdk-client-opton` is not an extension the generator reads, so it does nothing',
        'did you mean `x-sdk-client-option` (on a parameter)? fix its spelling or remove it',
      ],
      [
        '#/components/parameters/Limit/x-sdk-whatever',
        '`x-sdk-whatever` is not an extension the generator reads, so it does nothing',
        "the generator's extensions are `x-sdk`, `x-sdk-method`, `x-sdk-pagination`, `x-sdk-client-option`; fix its spelling or remove it",
      ],
    ]);
  });
});
