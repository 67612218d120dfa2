import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../templates/runtime/internal/env.ts';
import { headersToObject, mergeHeaders } from '../../templates/runtime/internal/headers.ts';
import { buildURL } from '../../templates/runtime/internal/url.ts';

describe('buildURL', () => {
  it.each([
    ['https://a.example', '/plans', '', 'https://a.example/plans'],
    ['https://a.example/', '/plans', 'limit=1', 'https://a.example/plans?limit=1'],
    ['https://a.example/v1//', 'plans', '', 'https://a.example/v1/plans'],
    ['https://a.example/v1', '/plans?x=1', 'limit=1', 'https://a.example/v1/plans?x=1&limit=1'],
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
});
