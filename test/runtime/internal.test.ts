import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../templates/runtime/internal/env.ts';
import { headersToObject, mergeHeaders } from '../../templates/runtime/internal/headers.ts';
import { numberText } from '../../templates/runtime/internal/scalar.ts';
import { buildURL } from '../../templates/runtime/internal/url.ts';

describe('numberText', () => {
  it.each<[number, string]>([
    [1e21, '1000000000000000000000'],
    [-1.2345e25, '-12345000000000000000000000'],
    [1.7976931348623157e308, `17976931348623157${'0'.repeat(292)}`],
    [1e-7, '0.0000001'],
    [-1.5e-7, '-0.00000015'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [123.456, '123.456'],
    [1e20, '100000000000000000000'],
    [0.000001, '0.000001'],
    [-0, '0'],
    [NaN, 'NaN'],
  ])('%s → %s', (value, want) => {
    expect(numberText(value)).toBe(want);
    if (Number.isFinite(value)) expect(Number(numberText(value))).toBe(value === 0 ? 0 : value);
  });
});

describe('buildURL', () => {
  it.each([
    ['https://a.example', '/plans', '', 'https://a.example/plans'],
    ['https://a.example/', '/plans', 'limit=1', 'https://a.example/plans?limit=1'],
    ['https://a.example/v1//', 'plans', '', 'https://a.example/v1/plans'],
    ['https://a.example/v1', '/plans?x=1', 'limit=1', 'https://a.example/v1/plans?x=1&limit=1'],
    // The base's own query stays, after the path and before the call's; its fragment goes.
    ['https://a.example/v1/?v=2', '/plans', 'limit=1', 'https://a.example/v1/plans?v=2&limit=1'],
    ['https://a.example/v1?v=2', '/plans', '', 'https://a.example/v1/plans?v=2'],
    ['https://a.example/v1#docs', '/plans', 'limit=1', 'https://a.example/v1/plans?limit=1'],
    ['https://a.example/v1?v=2#d?x', '/p?x=1', 'q=3', 'https://a.example/v1/p?x=1&v=2&q=3'],
    ['https://a.example/v1?', '/plans', '', 'https://a.example/v1/plans'],
    // A parameter the call sends replaces the base's of the same name, however it is encoded.
    [
      'https://a.example/v1?api-version=1&x=1',
      '/p',
      'api-version=2',
      'https://a.example/v1/p?x=1&api-version=2',
    ],
    ['https://a.example/v1?a%20b=1', '/p', 'a+b=2', 'https://a.example/v1/p?a+b=2'],
  ])('%s + %s + %s', (base, path, query, want) => {
    expect(buildURL(base, path, query)).toBe(want);
  });
});

describe('mergeHeaders', () => {
  it('lets later sources win case-insensitively, null remove and undefined keep', () => {
    const merged = mergeHeaders(
      { Accept: 'application/json', 'X-A': 'a', 'X-B': 'b' },
      new Headers({ 'x-a': 'A' }),
      [['X-C', 'c']],
      { 'x-b': null, 'X-C': undefined, 'X-N': 3 },
    );
    expect(merged).toEqual({ accept: 'application/json', 'x-a': 'A', 'x-c': 'c', 'x-n': '3' });
  });

  it('reads Headers instances back as a plain object with lower-case names', () => {
    expect(headersToObject(new Headers({ 'X-Request-Id': 'r', Accept: 'a' }))).toEqual({
      'x-request-id': 'r',
      accept: 'a',
    });
  });
});

describe('readEnv', () => {
  const name = 'CLIENT_RUNTIME_TEST_VAR';
  afterEach(() => {
    delete process.env[name];
  });

  it.each([
    ['unset', undefined, undefined],
    ['empty', '', undefined],
    ['blank', '  ', undefined],
    ['set, trimmed', ' v ', 'v'],
  ])('%s', (_name, value, want) => {
    if (value !== undefined) process.env[name] = value;
    expect(readEnv(name)).toBe(want);
  });

  it('is unset where reading the environment throws (Deno without --allow-env)', () => {
    // helper-118 D4: Deno's NotCapable escaped from the client's constructor.
    const env = Object.getOwnPropertyDescriptor(process, 'env')!;
    Object.defineProperty(process, 'env', {
      configurable: true,
      get() {
        throw new Error('NotCapable: Requires env access to "CLIENT_RUNTIME_TEST_VAR"');
      },
    });
    try {
      expect(readEnv(name)).toBeUndefined();
    } finally {
      Object.defineProperty(process, 'env', env);
    }
    expect(process.env['PATH']).toBeDefined();
  });
});
