/** Every media type a spec can declare maps to one kind of body (generator/model/media-types.ts). */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { fixtureModel, specModel } from './fixture-model.ts';
import { isMediaTypeName, mediaKind, nearestMediaType } from '../../generator/model/media-types.ts';
import type { BodyKind } from '../../generator/model/types.ts';

describe('mediaKind', () => {
  it.each<[string, BodyKind]>([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['Application/JSON', 'json'],
    ['application/problem+json', 'json'],
    ['application/vnd.api+json', 'json'],
    ['application/merge-patch+json', 'json'],
    ['text/json', 'json'],
    ['application/x-json', 'json'],
    ['text/event-stream', 'event-stream'],
    ['text/plain', 'text'],
    ['text/csv', 'text'],
    ['text/html; charset=iso-8859-1', 'text'],
    ['application/xml', 'text'],
    ['application/atom+xml', 'text'],
    ['image/svg+xml', 'text'],
    ['application/yaml', 'text'],
    ['application/x-yaml', 'text'],
    ['application/javascript', 'text'],
    ['application/graphql', 'text'],
    ['application/x-ndjson', 'text'],
    ['application/jsonl', 'text'],
    ['application/x-jsonl', 'text'],
    ['application/json-seq', 'text'],
    ['application/x-www-form-urlencoded', 'form'],
    ['multipart/form-data', 'multipart'],
    ['*/*', 'any'],
    ['application/*', 'any'],
    ['application/octet-stream', 'binary'],
    ['application/pdf', 'binary'],
    ['application/zip', 'binary'],
    ['image/png', 'binary'],
    ['image/*', 'binary'],
    ['audio/mpeg', 'binary'],
    ['video/mp4', 'binary'],
    ['font/woff2', 'binary'],
    ['multipart/mixed', 'binary'],
    ['application/vnd.ms-excel', 'binary'],
    ['application/x-made-up', 'binary'],
  ])('%s → %s', (mediaType, kind) => {
    expect(mediaKind(mediaType)).toBe(kind);
  });
});

describe('a request body with several media types', () => {
  it('is a warning naming the one the method sends and the ones it cannot', async () => {
    const model = await fixtureModel('body-media-types.yaml');
    const found = model.warnings.filter((w) => w.key === 'request-body:media-types');
    expect(found.map((w) => [w.location.pointer, w.more])).toEqual([
      ['#/paths/~1files/post/requestBody/content', 0],
    ]);
    expect(found[0]!.problem).toContain(
      'the SDK\'s method sends application/json only, so callers cannot send "multipart/form-data"',
    );
  });

  it('names five of the media types it cannot send and counts the rest', async () => {
    const types = [
      'application/octet-stream',
      ...Array.from({ length: 12 }, (_, i) => `video/v${i}`),
    ];
    const content = Object.fromEntries(types.map((type) => [type, {}]));
    const file = await writeSpec({
      openapi: '3.0.3',
      info: { title: 'Uploads', version: '1' },
      paths: {
        '/videos': {
          post: {
            operationId: 'upload',
            requestBody: { content },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    const model = await specModel(file);
    const found = model.warnings.filter((w) => w.key === 'request-body:media-types');
    expect(found.map((w) => w.problem)).toEqual([
      'the request body offers 13 media types; the SDK\'s method sends application/octet-stream only, so callers cannot send "video/v0", "video/v1", "video/v2", "video/v3", "video/v4" and 7 more',
    ]);
  });
});

describe('a success response with media types of several kinds', () => {
  it('is a warning naming the one the method asks for and the kinds it cannot read', async () => {
    // helper-108: the method sent `Accept: application/json` and failed on the CSV the spec allows.
    const json = { schema: { type: 'object' } };
    const file = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Reports', version: '1' },
      paths: {
        '/reports': {
          get: {
            operationId: 'listReports',
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': json,
                  'application/problem+json': json,
                  'text/csv': { schema: { type: 'string' } },
                },
              },
              '400': {
                description: 'bad',
                content: { 'application/json': json, 'text/plain': {} },
              },
            },
          },
        },
      },
    });
    const model = await specModel(file);
    const found = model.warnings.filter((w) => w.key === 'response:media-types');
    expect(found.map((w) => [w.location.pointer, w.problem])).toEqual([
      [
        '#/paths/~1reports/get/responses/200/content',
        'the 200 response offers 2 kinds of media type; the SDK\'s method asks for application/json (its Accept header) and reads that only, so an answer in "text/csv" fails',
      ],
    ]);
  });
});

describe('a content key that is not a media type', () => {
  it.each<[string, boolean]>([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['application/vnd.api+json;version=2', true],
    ['*/*', true],
    ['*', true],
    ['image/*', true],
    ['application/*+json', true],
    ['jwt_token', false],
    ['JSON', false],
    ['', false],
    ['application/json, charset=utf-8', false],
    ['applicationjson;version=1', false],
    ['application/', false],
  ])('%s is a media type: %s', (key, is) => {
    expect(isMediaTypeName(key)).toBe(is);
  });

  it('is warned about as not a media type, not as one the SDK cannot read', async () => {
    // helper-138: `jwt_token` (a property of the JSON body, one level too high) was reported as
    // a kind of media type the method does not ask for.
    const file = await writeSpec({
      openapi: '3.0.3',
      info: { title: 'Not a media type', version: '1' },
      paths: {
        '/jwt': {
          post: {
            operationId: 'getJwt',
            requestBody: {
              content: { 'application/json': { schema: { type: 'object' } }, token: {} },
            },
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': { schema: { type: 'object' } },
                  jwt_token: { examples: { response: { value: 'abc' } } },
                },
              },
            },
          },
        },
      },
    });
    const model = await specModel(file);
    const keys = ['content:not-a-media-type', 'response:media-types', 'request-body:media-types'];
    const found = model.warnings.filter((w) => keys.includes(w.key));
    expect(found.map((w) => [w.key, w.places.map((p) => p.location.pointer)])).toEqual([
      [
        'content:not-a-media-type',
        [
          '#/paths/~1jwt/post/requestBody/content/token',
          '#/paths/~1jwt/post/responses/200/content/jwt_token',
        ],
      ],
    ]);
    const jwt = found[0]!.places[1]!;
    expect(jwt.problem).toBe(
      '`jwt_token` is not a media type: a `content` key names the media type of the body it describes, type/subtype (RFC 6838), such as application/json',
    );
    expect(jwt.hint).toContain(
      "if `jwt_token` is a property of the body, describe it in the body's schema",
    );
  });

  it('is not chosen over a media type', async () => {
    const file = await writeSpec({
      openapi: '3.0.3',
      info: { title: 'Not a media type first', version: '1' },
      paths: {
        '/text': {
          get: {
            operationId: 'getText',
            responses: {
              '200': {
                description: 'ok',
                content: { token: {}, 'text/plain': { schema: { type: 'string' } } },
              },
            },
          },
        },
      },
    });
    const model = await specModel(file);
    expect(model.operations[0]!.responses[0]).toMatchObject({
      kind: 'text',
      contentType: 'text/plain',
    });
  });
});

describe('a made-up media type beside an object schema', () => {
  it.each<[string, string | undefined]>([
    ['application/form-data', 'multipart/form-data'],
    ['multipart/formdata', 'multipart/form-data'],
    ['application/x-www-form-urlencode', 'application/x-www-form-urlencoded'],
    ['applicationjson', 'application/json'],
    ['json', 'application/json'],
    ['applcation/json; charset=utf-8', 'application/json'],
    ['text/plian', 'text/plain'],
    ['application/json', undefined],
    ['application/pdf', undefined],
    ['application/zip', undefined],
    ['image/png', undefined],
    ['jwt_token', undefined],
  ])('%s most likely means %s', (type, meant) => {
    expect(nearestMediaType(type)).toBe(meant);
  });

  it('is warned about with the media type it most likely means, and no binary-as-text claim', async () => {
    // helper-156: `application/form-data` (binary by fallback) sent the body raw, its object
    // schema unused, with a warning that its file property "travels as text".
    const object = {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, name: { type: 'string' } },
    };
    const file = await writeSpec({
      openapi: '3.0.3',
      info: { title: 'Made-up media types', version: '1' },
      paths: {
        '/upload': {
          post: {
            operationId: 'upload',
            requestBody: { content: { 'application/form-data': { schema: object } } },
            responses: {
              '200': {
                description: 'ok',
                content: { 'applcation/json': { schema: { $ref: '#/components/schemas/Item' } } },
              },
            },
          },
        },
        '/file': {
          put: {
            operationId: 'putFile',
            requestBody: {
              content: {
                'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
              },
            },
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
              },
              // An error's body is read by what arrives, whatever `content` names.
              '400': {
                description: 'bad',
                content: { 'application/pdf': { schema: { $ref: '#/components/schemas/Item' } } },
              },
            },
          },
        },
        '/typo': {
          post: {
            operationId: 'typo',
            requestBody: { content: { applicationjson: { schema: object } } },
            responses: { '204': { description: 'ok' } },
          },
        },
      },
      components: { schemas: { Item: { type: 'object', properties: { id: { type: 'string' } } } } },
    });
    const model = await specModel(file);
    expect(model.warnings.filter((w) => w.key === 'schema:binary-as-text')).toEqual([]);
    const unused = model.warnings.filter((w) => w.key === 'content:schema-unused');
    const places = unused.flatMap((w) => w.places);
    expect(places.map((p) => [p.location.pointer, p.problem, p.hint])).toEqual([
      [
        '#/paths/~1upload/post/responses/200/content/applcation~1json',
        "the SDK has no reader for applcation/json (it reads JSON and text), so the method resolves to the 200 response's raw bytes (a Blob), and this object or array schema describes nothing it checks or types",
        'did you mean `application/json`? Write the media type the API answers with as the `content` key',
      ],
      [
        '#/paths/~1upload/post/requestBody/content/application~1form-data',
        'the SDK has no encoder for application/form-data (it encodes JSON, a form, multipart/form-data and text), so the method sends the request body as the raw bytes the caller passes (a Blob, bytes or a string), and this object or array schema describes nothing it checks or types',
        'did you mean `multipart/form-data`? Write the media type the API reads as the `content` key',
      ],
    ]);
    const notMediaType = model.warnings.find((w) => w.key === 'content:not-a-media-type');
    expect(notMediaType?.location.pointer).toBe(
      '#/paths/~1typo/post/requestBody/content/applicationjson',
    );
    expect(notMediaType?.hint).toMatch(
      /^did you mean `application\/json`\? Write the body's media type/,
    );
  });
});

afterAll(removeTempDirs);
