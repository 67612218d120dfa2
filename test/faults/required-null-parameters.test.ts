/**
 * A required parameter whose schema admits null (helper-133 8): `mode: 'a' | null` was its type,
 * but no query, path or header carries null, and the runtime refused the call ("Missing the
 * required query parameter"). The SDK's params types leave null out, and the spec is told
 * (model/parameter-null.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, EQUAL, specPackage } from './package.ts';

afterAll(removeTempDirs);

/** GET /things/{id} with these parameters, and the component schemas. */
const spec = (openapi: string, parameters: unknown[], schemas: Record<string, unknown> = {}) => ({
  openapi,
  info: { title: 'Nulls', version: '1' },
  paths: {
    '/things/{id}': {
      get: { operationId: 'getThing', parameters, responses: { '204': { description: 'ok' } } },
    },
  },
  components: {
    schemas,
    parameters: {
      Lang: { name: 'lang', in: 'query', required: true, schema: { enum: ['en', null] } },
    },
  },
});

const required = (name: string, where: string, schema: unknown) => ({
  name,
  in: where,
  required: true,
  schema,
});

describe('a required parameter whose schema admits null', () => {
  it('is typed without null in the SDK method (query, header, path), with a warning naming it', async () => {
    const pkg = await specPackage(
      spec(
        '3.1.0',
        [
          required('id', 'path', { type: ['string', 'null'] }),
          required('mode', 'query', { enum: ['a', null] }),
          required('kind', 'query', { $ref: '#/components/schemas/Kind' }),
          required('u', 'query', { anyOf: [{ type: 'integer' }, { type: 'null' }] }),
          required('X-Trace', 'header', { type: ['string', 'null'] }),
          required('anything', 'query', {}),
          required('plain', 'query', { $ref: '#/components/schemas/Plain' }),
          { name: 'opt', in: 'query', schema: { enum: ['x', null] } },
          required('session', 'cookie', { type: ['string', 'null'] }),
          { $ref: '#/components/parameters/Lang' },
        ],
        { Kind: { type: ['string', 'null'] }, Plain: { type: 'string' } },
      ),
    );
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Things, ThingGetParams } from './resources/things.js';
same<ThingGetParams['mode'], 'a'>(true);
same<ThingGetParams['kind'], string>(true);
same<ThingGetParams['u'], number>(true);
same<ThingGetParams['X-Trace'], string>(true);
same<ThingGetParams['anything'], unknown>(true);
same<ThingGetParams['plain'], string>(true);
same<ThingGetParams['opt'], 'x' | null | undefined>(true);
same<ThingGetParams['lang'], 'en'>(true);
same<Parameters<Things['get']>[0], string>(true);
`,
        'src/check-openapi.ts': `${EQUAL}
import type { operations } from './openapi.js';
type P = operations['getThing']['parameters'];
same<P['path']['id'], string>(true);
same<P['query']['mode'], 'a'>(true);
same<P['query']['kind'], string>(true);
same<P['query']['u'], number>(true);
same<P['header']['X-Trace'], string>(true);
same<P['query']['anything'], unknown>(true);
same<P['query']['plain'], string>(true);
same<P['query']['opt'], 'x' | null | undefined>(true);
same<P['cookie']['session'], string>(true);
same<P['query']['lang'], 'en'>(true);
`,
      }),
    ).toEqual([]);
    const warning = pkg.model.warnings.find((w) => w.key === 'parameter:required-null');
    const at = '#/paths/~1things~1{id}/get/parameters';
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      `${at}/0/schema`,
      `${at}/1/schema`,
      `${at}/2/schema`,
      `${at}/3/schema`,
      `${at}/4/schema`,
      `${at}/8/schema`,
      '#/components/parameters/Lang/schema',
    ]);
    const problems = warning!.places.map((place) => place.problem);
    expect(problems[1]).toBe(
      'required query parameter "mode" admits null, which no query parameter can carry: a null value is not sent, and the SDK refuses the call as missing the required parameter; the SDK\'s types leave null out',
    );
    expect(problems[0]).toMatch(/^required path parameter "id" admits null.*refuses a null value/);
    expect(problems[4]).toMatch(/^required header parameter "X-Trace" admits null/);
    expect(warning!.places[1]!.hint).toMatch(/remove null from the parameter's schema/);
  });

  it("3.0's `nullable: true` too", async () => {
    const pkg = await specPackage(
      spec('3.0.3', [
        required('id', 'path', { type: 'string' }),
        required('mode', 'query', { type: 'string', nullable: true }),
        required('n', 'query', { type: 'integer', enum: [1, 2, null], nullable: true }),
      ]),
    );
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { ThingGetParams } from './resources/things.js';
same<ThingGetParams['mode'], string>(true);
same<ThingGetParams['n'], 1 | 2>(true);
`,
        'src/check-openapi.ts': `${EQUAL}
import type { operations } from './openapi.js';
type P = operations['getThing']['parameters'];
same<P['query']['mode'], string>(true);
same<P['query']['n'], 1 | 2>(true);
`,
      }),
    ).toEqual([]);
    const warning = pkg.model.warnings.find((w) => w.key === 'parameter:required-null');
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1things~1{id}/get/parameters/1/schema',
      '#/paths/~1things~1{id}/get/parameters/2/schema',
    ]);
  });
});
