import { describe, expect, it } from 'vitest';
import { SDKError } from '../../templates/runtime/errors.ts';
import { serializeQuery, type QueryStyles } from '../../templates/runtime/internal/query.ts';

const commaStatus: QueryStyles = { status: { style: 'form', explode: false } };

describe('serializeQuery', () => {
  it.each<[string, { query: Record<string, unknown>; styles?: QueryStyles; want: string }]>([
    [
      'form + explode:false array',
      {
        query: { status: ['available', 'archived'] },
        styles: commaStatus,
        want: 'status=available,archived',
      },
    ],
    [
      'form + explode:true array (the default)',
      { query: { status: ['available', 'archived'] }, want: 'status=available&status=archived' },
    ],
    [
      'commas inside values are encoded, separators are not',
      { query: { status: ['a,b', 'c'] }, styles: commaStatus, want: 'status=a%2Cb,c' },
    ],
    [
      'spaceDelimited',
      {
        query: { ids: [1, 2] },
        styles: { ids: { style: 'spaceDelimited', explode: false } },
        want: 'ids=1%202',
      },
    ],
    [
      'pipeDelimited',
      {
        query: { ids: [1, 2] },
        styles: { ids: { style: 'pipeDelimited', explode: false } },
        // `|` is not allowed in a query (RFC 3986 §3.4); OpenAPI 3.1.1's table writes `%7C`.
        want: 'ids=1%7C2',
      },
    ],
    [
      'spaceDelimited object (OpenAPI 3.1.1 style examples)',
      {
        query: { color: { R: 100, G: 200, B: 150 } },
        styles: { color: { style: 'spaceDelimited', explode: false } },
        want: 'color=R%20100%20G%20200%20B%20150',
      },
    ],
    [
      'pipeDelimited object (OpenAPI 3.1.1 style examples)',
      {
        query: { color: { R: 100, G: 200, B: 150 } },
        styles: { color: { style: 'pipeDelimited', explode: false } },
        want: 'color=R%7C100%7CG%7C200%7CB%7C150',
      },
    ],
    [
      "another style's delimiter inside a value is encoded (its own is refused, below)",
      {
        query: { ids: ['a,b', 'c d'] },
        styles: { ids: { style: 'pipeDelimited', explode: false } },
        want: 'ids=a%2Cb%7Cc%20d',
      },
    ],
    [
      "RFC 3986's sub-delimiters in names and values are encoded (RFC 6570 expansion)",
      { query: { "it's": "love!(*)'" }, want: 'it%27s=love%21%28%2A%29%27' },
    ],
    [
      'a name outside ASCII as UTF-8 (OpenAPI 3.1.1 Appendix C)',
      { query: { '\u2764\ufe0f': 'love!' }, want: '%E2%9D%A4%EF%B8%8F=love%21' },
    ],
    [
      'an empty string is the name and `=` (form, OpenAPI 3.1.1 style examples)',
      { query: { color: '' }, want: 'color=' },
    ],
    [
      'primitives',
      {
        query: { limit: 20, archived: false, after: 'pln_1' },
        want: 'limit=20&archived=false&after=pln_1',
      },
    ],
    [
      'undefined and null are left out',
      { query: { limit: undefined, after: null, before: 'x' }, want: 'before=x' },
    ],
    ['empty arrays are left out', { query: { status: [] }, styles: commaStatus, want: '' }],
    [
      'keys with dots and values with reserved characters',
      { query: { 'user.birthday': 'a&b=c' }, want: 'user.birthday=a%26b%3Dc' },
    ],
    [
      'deepObject',
      {
        query: { filter: { status: 'a', owner: { id: 'u 1' } } },
        styles: { filter: { style: 'deepObject', explode: true } },
        want: 'filter%5Bstatus%5D=a&filter%5Bowner%5D%5Bid%5D=u%201',
      },
    ],
    [
      'allowReserved: `[`, `]` and `#` still encoded, percent-encoded triples kept (OpenAPI 3.1.1 §4.8.12.2.2)',
      {
        query: { f: 'x%2By/[a]#b%zz%' },
        styles: { f: { allowReserved: true } },
        want: 'f=x%2By/%5Ba%5D%23b%25zz%25',
      },
    ],
    ['form object exploded', { query: { color: { R: 100, G: 200 } }, want: 'R=100&G=200' }],
    [
      'form object not exploded',
      {
        query: { color: { R: 100, G: 200 } },
        styles: { color: { explode: false } },
        want: 'color=R,100,G,200',
      },
    ],
    [
      'dates become ISO strings',
      {
        query: { since: new Date('2024-01-02T03:04:05.000Z') },
        want: 'since=2024-01-02T03%3A04%3A05.000Z',
      },
    ],
  ])('%s', (_name, { query, styles, want }) => {
    expect(serializeQuery(query, styles)).toBe(want);
  });

  it.each<[string, unknown, QueryStyles]>([
    ['a deepObject', 'deepObject', { filter: { style: 'deepObject' } }],
    ['a JSON parameter', 'json', { filter: { json: true } }],
    ['an array of objects', 'form', {}],
  ])(
    '%s that contains itself, or nests past any real value, is an SDKError naming it, never a RangeError',
    (_name, _kind, styles) => {
      // helper-107: a cyclic deepObject value overflowed the stack.
      const cyclic: Record<string, unknown> = { status: 'a' };
      cyclic.self = cyclic;
      let deep: Record<string, unknown> = { leaf: 1 };
      for (let i = 0; i < 10_000; i++) deep = { deep };
      const values = styles.filter === undefined ? [[cyclic], [deep]] : [cyclic, deep];
      for (const value of values) {
        const name = styles.filter === undefined ? 'items' : 'filter';
        let thrown: unknown;
        try {
          serializeQuery({ [name]: value }, styles);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(SDKError);
        expect((thrown as Error).message).toMatch(
          new RegExp(
            `^Query parameter "${name}" cannot be encoded( as JSON)?: it (contains itself \\(a cycle\\)|is nested too deep).*; nothing was sent\\.$`,
          ),
        );
      }
    },
  );

  it.each<[string, Record<string, unknown>, QueryStyles, RegExp]>([
    [
      'spaceDelimited list, an item with a space',
      { ids: ['a', 'new york'] },
      { ids: { style: 'spaceDelimited', explode: false } },
      /^Query parameter "ids" has a space in item 1, which its style \(spaceDelimited\) sends as the delimiter between parts \(%20\)/,
    ],
    [
      'pipeDelimited list, an item with a "|"',
      { ids: ['a|b'] },
      { ids: { style: 'pipeDelimited', explode: false, allowReserved: true } },
      /^Query parameter "ids" has a "\|" in item 0, which its style \(pipeDelimited\) sends as the delimiter between parts \(%7C\)/,
    ],
    [
      'pipeDelimited object, a key with a "|"',
      { color: { 'R|G': 1 } },
      { color: { style: 'pipeDelimited', explode: false } },
      /^Query parameter "color" has a "\|" in the key "R\|G"/,
    ],
    [
      'spaceDelimited object, a value with a space',
      { color: { R: 'a b' } },
      { color: { style: 'spaceDelimited', explode: false } },
      /^Query parameter "color" has a space in the value of "R".*; nothing was sent\./,
    ],
  ])(
    'a part holding its delimiter (%s) is refused: the server would read two parts (helper-128 5)',
    (_, query, styles, message) => {
      expect(() => serializeQuery(query, styles)).toThrow(SDKError);
      expect(() => serializeQuery(query, styles)).toThrow(message);
    },
  );

  it('the same parts are sent where the delimiter is not theirs: exploded, or a form list (`,` apart from `%2C`)', () => {
    expect(
      serializeQuery(
        { a: ['x y', 'z|w'], b: ['x y', 'z|w'] },
        {
          a: { style: 'spaceDelimited', explode: true },
          b: { style: 'form', explode: false },
        },
      ),
    ).toBe('a=x%20y&a=z%7Cw&b=x%20y,z%7Cw');
  });

  it('a deepObject nested a few levels, and the same object twice side by side, are no cycle', () => {
    const shared = { id: 'x' };
    expect(
      serializeQuery(
        { filter: { a: shared, b: shared, c: { d: { e: 1 } } } },
        { filter: { style: 'deepObject' } },
      ),
    ).toBe('filter%5Ba%5D%5Bid%5D=x&filter%5Bb%5D%5Bid%5D=x&filter%5Bc%5D%5Bd%5D%5Be%5D=1');
  });
});
