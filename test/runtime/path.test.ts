import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { SDKError } from '../../templates/runtime/errors.ts';
import { namedPath, path, pathStyle } from '../../templates/runtime/internal/path.ts';
import { json, startServer, type TestServer } from './server.ts';

describe('path', () => {
  it.each([
    ['plain id', 'pln_123', '/plans/pln_123'],
    ['slash and dots', '../x', '/plans/..%2Fx'],
    ['query and fragment', 'a/b?c#d', '/plans/a%2Fb%3Fc%23d'],
    ['percent and space', '50% off', '/plans/50%25%20off'],
    ['unicode', 'ü', '/plans/%C3%BC'],
    ['number', 42, '/plans/42'],
    // RFC 6570 simple expansion encodes all but the unreserved characters, sub-delimiters too.
    ["sub-delimiters !'()*", "it's(a)*!", '/plans/it%27s%28a%29%2A%21'],
    ['reserved characters of a segment', ':@;=,+&$', '/plans/%3A%40%3B%3D%2C%2B%26%24'],
  ])('encodes %s', (_name, value, want) => {
    expect(path`/plans/${value}`).toBe(want);
  });

  it.each<[string, unknown, string]>([
    ['an array, comma-separated (style simple)', ['a', 'b'], '/items/a,b/archive'],
    ['an array item with a comma or slash, encoded', ['a,b', 'c/d'], '/items/a%2Cb,c%2Fd/archive'],
    ['an array of numbers', [1, 2], '/items/1,2/archive'],
    ['a boolean', true, '/items/true/archive'],
  ])('encodes %s', (_name, value, want) => {
    expect(path`/items/${value}/archive`).toBe(want);
  });

  it.each<[string, unknown, 'simple' | 'label' | 'matrix', boolean, string]>([
    // The examples of the OpenAPI 3.1 specification, section 4.8.12.4 (style values).
    ['simple primitive', 5, 'simple', false, '5'],
    ['simple array', [3, 4, 5], 'simple', false, '3,4,5'],
    [
      'simple object',
      { role: 'admin', firstName: 'Alex' },
      'simple',
      false,
      'role,admin,firstName,Alex',
    ],
    [
      'simple object, exploded',
      { role: 'admin', firstName: 'Alex' },
      'simple',
      true,
      'role=admin,firstName=Alex',
    ],
    ['label primitive', 5, 'label', false, '.5'],
    ['label array', [3, 4, 5], 'label', false, '.3,4,5'],
    ['label array, exploded', [3, 4, 5], 'label', true, '.3.4.5'],
    [
      'label object',
      { role: 'admin', firstName: 'Alex' },
      'label',
      false,
      '.role,admin,firstName,Alex',
    ],
    [
      'label object, exploded',
      { role: 'admin', firstName: 'Alex' },
      'label',
      true,
      '.role=admin.firstName=Alex',
    ],
    ['matrix primitive', 5, 'matrix', false, ';id=5'],
    ['matrix array', [3, 4, 5], 'matrix', false, ';id=3,4,5'],
    ['matrix array, exploded', [3, 4, 5], 'matrix', true, ';id=3;id=4;id=5'],
    [
      'matrix object',
      { role: 'admin', firstName: 'Alex' },
      'matrix',
      false,
      ';id=role,admin,firstName,Alex',
    ],
    [
      'matrix object, exploded',
      { role: 'admin', firstName: 'Alex' },
      'matrix',
      true,
      ';role=admin;firstName=Alex',
    ],
    ['matrix, values encoded', ['a;b', 'c=d'], 'matrix', false, ';id=a%3Bb,c%3Dd'],
    // OpenAPI 3.1.1 style examples, column "empty" (the empty string): the name alone.
    ['matrix empty string', '', 'matrix', false, ';id'],
    ['matrix empty string, exploded', '', 'matrix', true, ';id'],
    ['label, values encoded', ["a.b'", 'c'], 'label', true, '.a.b%27.c'],
  ])('pathStyle: %s', (_name, value, style, explode, want) => {
    expect(path`/users/${pathStyle(value, style, explode, 'id')}`).toBe(`/users/${want}`);
  });

  // Style simple writes the empty string as nothing (OpenAPI 3.1.1 style examples, column
  // "empty"): sent where its segment has other text, refused alone in its segment, saying why.
  it.each<[string, () => string, string]>([
    [
      'at the end of the path',
      () => namedPath('id')`/items/${''}`,
      'Path parameter {id} of /items/{id} cannot be empty: it would change the request path: style simple sends the empty string as nothing, so the path would end in "/", which names another resource',
    ],
    [
      'before a query in the template',
      () => namedPath('id')`/items/${''}?a=b`,
      'so the path would end in "/"',
    ],
    [
      'inside the path',
      () => namedPath('id')`/items/${''}/archive`,
      'Path parameter {id} of /items/{id}/archive cannot be empty: it would change the request path: style simple sends the empty string as nothing, so the path would hold "//", which servers and proxies commonly merge into one "/" (or refuse), so the request would reach another path. Pass a non-empty value.',
    ],
    [
      'two values that leave their segment empty',
      () => namedPath('a', 'b')`/items/${''}${''}/archive`,
      'Path parameter {a} of /items/{a}{b}/archive cannot be empty: it would change the request path: style simple sends the empty string as nothing, so the path would hold "//"',
    ],
  ])('refuses an empty value alone in its segment %s, saying why', (_name, build, message) => {
    expect(build).toThrow(SDKError);
    expect(build).toThrow(message);
  });

  it('refuses an empty array (the segment would vanish)', () => {
    expect(() => path`/items/${[]}/archive`).toThrow('cannot be empty');
  });

  it.each<[string, unknown, unknown, string]>([
    ['dot dot beside literal text', '..', 'json', '/items/...json'],
    ['dot beside literal text', '.', 'json', '/items/..json'],
    ['empty beside literal text', '', 'json', '/items/.json'],
    ['an empty array beside literal text', [], 'xml', '/items/.xml'],
  ])('sends %s: the segment is not a dot-segment (RFC 3986 §5.2.4)', (_name, id, format, want) => {
    expect(namedPath('id', 'format')`/items/${id}.${format}`).toBe(want);
  });

  it.each<[string, string, string, string]>([
    [
      'the first of two values, the segment ".."',
      '.',
      '',
      '{id} of /items/{id}.{format} cannot be "." here: with the text around it the path segment would be "..", which fetch resolves against the path before sending it',
    ],
    [
      'two values that together make the segment ".."',
      '.',
      '.',
      '{id} of /items/{id}{format} cannot be "." here: with the text around it the path segment would be ".."',
    ],
  ])('refuses %s', (_name, id, format, message) => {
    const build = () =>
      message.includes('{id}.{format}')
        ? namedPath('id', 'format')`/items/${id}.${format}`
        : namedPath('id', 'format')`/items/${id}${format}`;
    expect(build).toThrow(SDKError);
    expect(build).toThrow(message);
  });

  it('refuses a value alone in its segment as before, with literal text in other segments', () => {
    expect(() => namedPath('id')`/items/${'..'}/x.json`).toThrow(
      'Path parameter {id} of /items/{id}/x.json cannot be "..": it would change the request path: a dot-segment, which fetch resolves against the path',
    );
    expect(() => namedPath('id')`/items/${''}?a=b`).toThrow('cannot be empty');
    // The label style writes the empty string `.` (OpenAPI 3.1.1 style examples): alone in its
    // segment a dot-segment, refused; beside other text sent (helper-140 D4).
    expect(() => path`/users/${pathStyle('', 'label', false, 'id')}`).toThrow(
      'cannot be ".": it would change the request path: a dot-segment, which fetch resolves against the path before sending it, as RFC 3986 §5.2.4 says ("." is dropped, ".." removes the segment before it), so the request would reach another path. Pass the name of a resource, not "." or ".." (in the label style, the empty string is written ".").',
    );
    expect(path`/users/x${pathStyle('', 'label', false, 'id')}`).toBe('/users/x.');
    expect(path`/users/${pathStyle('', 'label', true, 'id')}.json`).toBe('/users/..json');
  });

  it('encodes every parameter, not only the last', () => {
    expect(path`/projects/${'a/b'}/plans/${'c d'}/archive`).toBe(
      '/projects/a%2Fb/plans/c%20d/archive',
    );
  });

  it.each([
    ['empty', ''],
    ['dot', '.'],
    ['dot dot', '..'],
    ['null', null],
    ['undefined', undefined],
    ['object', { id: 'x' }],
    ['lone surrogate', '\uD800'],
  ])('rejects a %s value, naming the placeholder', (_name, value) => {
    expect(() => path`/projects/${'p'}/plans/${value}`).toThrow(SDKError);
    expect(() => path`/projects/${'p'}/plans/${value}`).toThrow('/projects/{}/plans/{here}');
  });
});

describe('path parameters on the wire', () => {
  let server: TestServer;
  let core: ClientCore;
  beforeAll(async () => {
    server = await startServer(() => json(200, { ok: true }));
    core = new ClientCore({ baseURL: server.url, token: 't' });
  });
  afterAll(() => server.close());

  it.each([
    ['../x', '/projects/p/plans/..%2Fx'],
    ['a/b?c#d', '/projects/p/plans/a%2Fb%3Fc%23d'],
    ['%2E%2E', '/projects/p/plans/%252E%252E'],
  ])('sends %s as one segment that fetch does not normalise', async (id, want) => {
    server.requests.length = 0;
    await core.request({ method: 'get', path: path`/projects/${'p'}/plans/${id}` });
    expect(server.requests.map((r) => r.url)).toEqual([want]);
  });

  it.each([
    ['..', '/items/...json'],
    ['.', '/items/..json'],
    ['', '/items/.json'],
  ])('sends %s beside literal text in its segment as it is, not resolved', async (id, want) => {
    server.requests.length = 0;
    await core.request({ method: 'get', path: path`/items/${id}.${'json'}` });
    expect(server.requests.map((r) => r.url)).toEqual([want]);
  });
});
