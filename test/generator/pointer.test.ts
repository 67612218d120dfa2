/**
 * generator/pointer.ts: pointers (RFC 6901) and local refs (URI fragments, RFC 6901 §6) read one
 * way, the bundler's; every ref case is also checked against @redocly/openapi-core's own resolver,
 * so the model can never follow a ref to another place than the one the bundler checked.
 */
import { bundleFromString, createConfig } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import {
  getByPointer,
  getByRef,
  pointerRef,
  pointerTokens,
  refOf,
  refPointer,
} from '../../generator/pointer.ts';

const schemas: Record<string, unknown> = {
  'a b': { title: 'space' },
  'a/b': { title: 'slash' },
  'a~b': { title: 'tilde' },
  '~1': { title: 'tilde one' },
  Café: { title: 'accent' },
  '100%': { title: 'percent' },
  'a%20b': { title: 'literal percent-20' },
  Nested: {
    properties: {
      'x/y': { title: 'nested slash' },
      '50%': { properties: { 'd e': { title: 'odd' } } },
    },
    items: [{ title: 'first' }, { title: 'second' }],
  },
};
const doc = {
  openapi: '3.1.0',
  info: { title: 'T', version: '1' },
  paths: {},
  components: { schemas },
};

// ref → the pointer it names → the title found there.
const refs: [string, string, string][] = [
  ['#/components/schemas/a%20b', '#/components/schemas/a b', 'space'],
  ['#/components/schemas/a b', '#/components/schemas/a b', 'space'],
  ['#/components/schemas/a~1b', '#/components/schemas/a~1b', 'slash'],
  ['#/components/schemas/a~0b', '#/components/schemas/a~0b', 'tilde'],
  ['#/components/schemas/~01', '#/components/schemas/~01', 'tilde one'],
  ['#/components/schemas/Caf%C3%A9', '#/components/schemas/Café', 'accent'],
  ['#/components/schemas/Café', '#/components/schemas/Café', 'accent'],
  ['#/components/schemas/100%25', '#/components/schemas/100%', 'percent'],
  // Not percent-encoding: kept as written (openapi-core does the same).
  ['#/components/schemas/100%', '#/components/schemas/100%', 'percent'],
  ['#/components/schemas/a%2520b', '#/components/schemas/a%20b', 'literal percent-20'],
  ['#/%63omponents/schemas/a%20b', '#/components/schemas/a b', 'space'],
  // %2F stays inside its token (the bundler's reading; RFC 6901 §6 would split there).
  ['#/components/schemas/a%2Fb', '#/components/schemas/a~1b', 'slash'],
  [
    '#/components/schemas/Nested/properties/x%2Fy',
    '#/components/schemas/Nested/properties/x~1y',
    'nested slash',
  ],
  // One token that is not percent-encoding does not stop the next from being decoded.
  [
    '#/components/schemas/Nested/properties/50%/properties/d%20e',
    '#/components/schemas/Nested/properties/50%/properties/d e',
    'odd',
  ],
  ['#/components/schemas/Nested/items/1', '#/components/schemas/Nested/items/1', 'second'],
];

describe('refPointer and getByRef', () => {
  it.each(refs)('%s names %s', (ref, pointer, title) => {
    expect(refPointer(ref)).toBe(pointer);
    expect(getByRef(doc, ref)).toEqual(expect.objectContaining({ title }));
    expect(getByPointer(doc, pointer)).toBe(getByRef(doc, ref));
  });

  it.each(refs)('the bundler resolves %s to the same place', async (ref, _pointer, title) => {
    const spec = {
      ...doc,
      paths: {
        '/x': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: ref } } },
              },
            },
          },
        },
      },
    };
    const bundled = await bundleFromString({
      source: JSON.stringify(spec),
      absoluteRef: '/spec/openapi.json',
      config: await createConfig({}),
      dereference: true,
    });
    expect(bundled.problems.filter((p) => p.message.includes('resolve'))).toEqual([]);
    const schema = getByPointer(
      bundled.bundle.parsed,
      '#/paths/~1x/get/responses/200/content/application~1json/schema',
    );
    expect(schema).toEqual(expect.objectContaining({ title }));
  });

  it.each([
    ['#/components/schemas/missing'],
    ['#/components/schemas/a%7E1b'], // %7E1 is `~1` text, not `/` (as the bundler reads it)
    ['#/components/schemas/Nested/items/01'],
    ['#/components/schemas/Nested/items/-'],
    ['#/components/schemas/Nested/items/length'],
    ['#/components/schemas/constructor'],
    ['#/components/schemas/__proto__'],
    ['#/components/schemas/a b/title/x'],
  ])('%s names nothing', (ref) => {
    expect(getByRef(doc, ref)).toBeUndefined();
  });

  it('reads `#` and `#/` as the document, and nothing else that is not a pointer', () => {
    expect(getByRef(doc, '#')).toBe(doc);
    expect(getByRef(doc, '#/')).toBe(doc);
    expect(refPointer('#node')).toBeUndefined();
    expect(refPointer('other.yaml#/a')).toBeUndefined();
    expect(getByRef(doc, '#node')).toBeUndefined();
  });
});

describe('pointers', () => {
  it.each([
    ['#/paths/~1plans~1{id}/get', ['paths', '/plans/{id}', 'get']],
    ['/a~0b/~01', ['a~b', '~1']],
    ['#/a%20b', ['a%20b']], // a pointer is never percent-decoded
    ['#', []],
    ['#/', []],
    ['', []],
    ['/', ['']],
    ['/a//b', ['a', '', 'b']],
  ])('pointerTokens(%s) is %j', (pointer, tokens) => {
    expect(pointerTokens(pointer)).toEqual(tokens);
  });

  it('does not percent-decode a pointer (a key may hold `%20` itself)', () => {
    expect(getByPointer(doc, '#/components/schemas/a%20b')).toEqual({
      title: 'literal percent-20',
    });
  });

  it.each([
    '#/components/schemas/a b',
    '#/components/schemas/a~1b',
    '#/components/schemas/~01',
    '#/components/schemas/100%',
    '#/components/schemas/a%20b',
    '#/components/schemas/Nested/properties/50%/properties/d e',
    '#',
  ])('pointerRef(%s) reads back as the same pointer', (pointer) => {
    expect(refPointer(pointerRef(pointer))).toBe(pointer);
  });
});

describe('refOf', () => {
  it.each([
    [{ $ref: '#/a' }, '#/a'],
    [{ $ref: 1 }, undefined],
    [['#/a'], undefined],
    [null, undefined],
  ])('refOf(%j) is %s', (value, ref) => {
    expect(refOf(value)).toBe(ref);
  });
});
