/**
 * Operations whose `security` the client cannot meet (test/fixtures/faults/unmet-security.yaml):
 * the client sends one credential, its token, as one scheme; an operation that requires another
 * (and does not accept that one; where it accepts `{}` too, the call goes without a credential) gets
 * a warning naming the operation, its requirement and
 * the fix, once per set of schemes. `--strict` makes it an error.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { ROOT } from '../helpers/spec.ts';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { specModel } from '../model/fixture-model.ts';
import { diagnostics, faultPackage, specPackage } from './package.ts';

const SPEC = join(ROOT, 'test/fixtures/faults/unmet-security.yaml');
afterAll(removeTempDirs);

describe('operations whose security the client cannot meet', () => {
  it('are warned about, one warning per set of schemes, and the package compiles', async () => {
    const pkg = await faultPackage('unmet-security.yaml');
    expect(pkg.model.tokenAuth?.schemeName).toBe('hdr');
    const unmet = pkg.model.warnings.filter((w) => w.key.startsWith('security:unmet:'));
    expect(unmet.map((w) => [w.key, w.location.pointer, w.more])).toEqual([
      ['security:unmet:digest,mtls', '#/paths/~1legacy/get/security', 0],
      ['security:unmet:digest,q', '#/paths/~1signed/get/security', 0],
      // `{}` beside a scheme the client cannot send: the call goes without a credential.
      ['security:unmet:digest', '#/paths/~1maybe/get/security', 0],
    ]);
    expect(unmet[0]!.problem).toBe(
      'operation "getLegacy" requires the security "digest" or "mtls", but the client sends only its token, as "hdr", and its credentials "q", "ck", "basic"',
    );
    expect(unmet[1]!.problem).toContain('requires the security "q" and "digest"');
    expect(unmet[0]!.hint).toContain('add `{ hdr: [] }` as an alternative in its security');
    expect(unmet[2]!.problem).toBe(
      'operation "getMaybe" takes the security "digest", or none, but the client sends no credential there: its token is sent as "hdr", which this operation does not list',
    );
    // Met: the root requirement (listPets), `security: []` (getPublic), an alternative that is the
    // token's scheme (getEither), and the schemes the client takes as `credentials` (helper-136:
    // an API key in the query, one in a cookie, HTTP Basic; alone, together with the token, or
    // optional).
    expect(pkg.model.credentials.map((scheme) => scheme.schemeName)).toEqual(['q', 'ck', 'basic']);
    expect(
      pkg.model.operations.map((op) => [op.operationId, op.credentialAlternatives ?? null]),
    ).toEqual([
      ['listPets', null],
      ['createPet', [['q'], ['ck']]],
      ['getPublic', null],
      ['getEither', [['q'], ['hdr']]],
      ['getBoth', [['q', 'hdr']]],
      ['getAdmin', [['basic']]],
      ['getOptional', [['q'], []]],
      ['getLegacy', null],
      ['getSigned', null],
      // Anonymous: none of its credentials is one the client can send.
      ['getMaybe', null],
    ]);
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('are an error with --strict, naming the place and the fix', async () => {
    const error = await generate({
      spec: SPEC,
      out: join(await tempDir('unmet-security-'), 'sdk'),
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    const { location, hint, message } = error as GeneratorError;
    expect(location.pointer).toBe('#/paths/~1legacy/get/security');
    expect(message).toContain('"getLegacy" requires the security "digest" or "mtls"');
    expect(message).toContain('--strict');
    expect(hint).toContain('request options');
  });
});

describe('requirements met by the token sent the same way as the scheme they name', () => {
  const unmetOf = (warnings: readonly { key: string; problem: string }[]) =>
    warnings.filter((w) => w.key.startsWith('security:unmet:'));

  it('OAuth 2, OpenID Connect and HTTP bearer schemes, alone or together, take the bearer token', async () => {
    const pkg = await faultPackage('same-credential-schemes.yaml');
    expect(pkg.model.tokenAuth?.schemeName).toBe('implicit');
    expect(unmetOf(pkg.model.warnings)).toEqual([]);
    // Met by the token: another OAuth 2 flow (getRoot), two at once (getTogether), OpenID Connect
    // (getOidc), HTTP bearer beside OAuth 2 (getJwt), each named as the token's scheme. Not the
    // token's way: an API key in `Authorization` (sent without `Bearer `) and one in X-API-Key,
    // which the client takes as `credentials`.
    expect(pkg.model.credentials.map((scheme) => scheme.schemeName)).toEqual([
      'rawAuthorization',
      'key',
    ]);
    expect(
      pkg.model.operations.map((op) => [op.operationId, op.credentialAlternatives ?? null]),
    ).toEqual([
      ['getRoot', null],
      ['getTogether', null],
      ['getOidc', [['implicit'], ['rawAuthorization']]],
      ['getJwt', null],
      ['getRaw', [['rawAuthorization']]],
      ['getMixed', [['implicit', 'key']]],
    ]);
    expect(diagnostics(pkg)).toEqual([]);
  });

  it('API keys in the same header (its name in any case) take the key; in another place or name they do not', async () => {
    const op = (operationId: string, security: Record<string, string[]>[]) => ({
      get: { operationId, security, responses: { '200': { description: 'OK' } } },
    });
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Keys', version: '1.0.0' },
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/header': op('getHeader', [{ lower: [] }]),
        '/query': op('getQuery', [{ inQuery: [] }]),
        '/other': op('getOther', [{ otherQuery: [] }]),
      },
      components: {
        securitySchemes: {
          upper: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          lower: { type: 'apiKey', in: 'header', name: 'x-api-key' },
          inQuery: { type: 'apiKey', in: 'query', name: 'X-API-Key' },
          otherQuery: { type: 'apiKey', in: 'query', name: 'x-api-key' },
        },
      },
    });
    // `upper`, declared first, is required by no operation: the token goes as `lower`, the same
    // header in another case.
    expect(pkg.model.tokenAuth?.schemeName).toBe('lower');
    // Query parameter names are case-sensitive, and a query parameter is not a header: two more
    // credentials.
    expect(pkg.model.credentials.map((scheme) => scheme.schemeName)).toEqual([
      'inQuery',
      'otherQuery',
    ]);
    expect(unmetOf(pkg.model.warnings)).toEqual([]);
  });
});

describe('the scheme the token is sent as', () => {
  const spec = (security: Record<string, string[]>[] | undefined) => ({
    openapi: '3.1.0',
    info: { title: 'Token scheme', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    ...(security && { security }),
    paths: { '/x': { get: { operationId: 'getX', responses: { '200': { description: 'OK' } } } } },
    components: {
      securitySchemes: {
        legacyBearer: { type: 'http', scheme: 'bearer' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
  });

  it('is one a security requirement names, not a bearer scheme required nowhere', async () => {
    const pkg = await specPackage(spec([{ apiKey: [] }]));
    expect(pkg.model.tokenAuth?.schemeName).toBe('apiKey');
    expect(pkg.model.warnings.filter((w) => w.key.startsWith('security:unmet:'))).toEqual([]);
    expect(diagnostics(pkg)).toEqual([]);
  });

  // helper-116 3: one OAuth operation made the token a bearer token for every API-key operation.
  describe('beside one operation that requires another scheme', () => {
    const api = (root: boolean) => {
      const op = (operationId: string, security?: Record<string, string[]>[]) => ({
        get: {
          operationId,
          ...(security && { security }),
          responses: { '200': { description: 'OK' } },
        },
      });
      return {
        openapi: '3.1.0',
        info: { title: 'Keys and one OAuth operation', version: '1.0.0' },
        servers: [{ url: 'https://api.example.com' }],
        ...(root && { security: [{ key: [] }] }),
        paths: {
          '/a': op('getA', root ? undefined : [{ key: [] }]),
          '/b': op('getB', root ? undefined : [{ key: [] }]),
          '/c': op('getC', [{ oauth: ['read'] }]),
        },
        components: {
          securitySchemes: {
            oauth: {
              type: 'oauth2',
              flows: {
                clientCredentials: {
                  tokenUrl: 'https://auth.example.com/token',
                  scopes: { read: 'Read' },
                },
              },
            },
            key: { type: 'apiKey', in: 'query', name: 'api_key' },
          },
        },
      };
    };

    it.each([
      ['the root security names', true],
      ['the most operations require', false],
    ])('is the one %s', async (_name, root) => {
      const pkg = await specPackage(api(root));
      expect(pkg.model.tokenAuth?.schemeName).toBe('key');
      // The OAuth operation's bearer token is a credential of its own.
      expect(pkg.model.credentials.map((scheme) => scheme.schemeName)).toEqual(['oauth']);
      expect(pkg.model.operations.map((op) => op.credentialAlternatives ?? null)).toEqual([
        null,
        null,
        [['oauth']],
      ]);
      expect(pkg.model.warnings.filter((w) => w.key.startsWith('security:unmet:'))).toEqual([]);
    });
  });

  it('is the preferred kind among all schemes when no operation requires any', async () => {
    const pkg = await specPackage(spec(undefined));
    expect(pkg.model.tokenAuth?.schemeName).toBe('legacyBearer');
  });
});

describe('a security requirement naming a scheme no one declared', () => {
  const spec = {
    openapi: '3.1.0',
    info: { title: 'Typo', version: '1' },
    paths: {
      '/c': {
        get: {
          operationId: 'c',
          security: [{ undefinedScheme: [] }],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/d': {
        get: {
          operationId: 'd',
          security: [{ oauth: [] }],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: { implicit: { authorizationUrl: 'https://x.example/auth', scopes: {} } },
        },
      },
    },
  };

  it('is said to be undeclared, with the declared names, not as a credential the client cannot send', async () => {
    const model = await specModel(await writeSpec(spec));
    const security = model.warnings.filter((w) => w.key.startsWith('security:'));
    expect(security.map((w) => [w.key, w.location.pointer])).toEqual([
      ['security:undeclared:undefinedScheme', '#/paths/~1c/get/security'],
    ]);
    expect(security[0]!.problem).toBe(
      'the security requirement names the scheme "undefinedScheme", which #/components/securitySchemes does not declare (OpenAPI 3.1.1 §4.8.30: each name must be a scheme declared there)',
    );
    expect(security[0]!.hint).toBe(
      'correct the name (declared: "oauth"), or declare "undefinedScheme" under #/components/securitySchemes',
    );
  });

  it('is an error with --strict', async () => {
    const error = await specModel(await writeSpec(spec), true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toContain(
      '"undefinedScheme", which #/components/securitySchemes does not declare',
    );
  });
});
