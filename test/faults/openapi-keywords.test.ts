/**
 * JSON Schema keywords openapi-typescript types wrongly in src/openapi.ts (the typed path client's
 * types), each on a small spec written here: the emitter's fix makes `components['schemas']['X']`
 * accept every value the schema accepts and mean what src/types.ts says. The constructs where it
 * is only less precise than src/types.ts (and sound) are listed in generator/emit/openapi-types.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, EQUAL, specPackage } from './package.ts';

afterAll(removeTempDirs);

/** A 3.1 document with `schemas` and an operation that answers with the first of them. */
function spec31(schemas: Record<string, unknown>): Record<string, unknown> {
  const first = Object.keys(schemas)[0] ?? '';
  return {
    openapi: '3.1.0',
    info: { title: 'Keywords', version: '1' },
    paths: {
      '/first': {
        get: {
          operationId: 'getFirst',
          responses: {
            '200': {
              description: 'The first schema.',
              content: {
                'application/json': { schema: { $ref: `#/components/schemas/${first}` } },
              },
            },
          },
        },
      },
    },
    components: { schemas },
  };
}

describe('prefixItems (2020-12 tuples) in src/openapi.ts', () => {
  it('keep the items after the prefix (items, or anything), and prefix items are optional below minItems', async () => {
    const pkg = await specPackage(
      spec31({
        Rest: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } },
        Open: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'boolean' }] },
        Closed: {
          type: 'array',
          prefixItems: [{ type: 'string' }, { type: 'boolean' }],
          items: false,
        },
        AtLeastOne: {
          type: 'array',
          prefixItems: [{ type: 'string' }, { type: 'boolean' }],
          minItems: 1,
          items: false,
        },
        Pair: {
          type: 'array',
          prefixItems: [{ type: 'string' }, { anyOf: [{ type: 'integer' }, { type: 'null' }] }],
          minItems: 2,
          items: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
        },
        // helper-109: maxItems closes the tuple as `items: false` does.
        AtMostTwo: {
          type: 'array',
          prefixItems: [{ type: 'number' }, { type: 'number' }],
          maxItems: 2,
        },
        AtMostOne: {
          type: 'array',
          prefixItems: [{ type: 'string' }, { type: 'boolean' }],
          minItems: 1,
          maxItems: 1,
        },
        UpToThree: {
          type: 'array',
          prefixItems: [{ type: 'string' }],
          items: { type: 'number' },
          maxItems: 3,
        },
        MaybePair: {
          type: ['array', 'null'],
          prefixItems: [{ type: 'string' }],
          minItems: 1,
          items: { type: 'integer' },
        },
        Holder: {
          type: 'object',
          properties: {
            rest: { $ref: '#/components/schemas/Rest' },
            inline: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } },
          },
        },
      }),
    );
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components } from './openapi.js';
import type {
  AtLeastOne,
  AtMostOne,
  AtMostTwo,
  Closed,
  Holder,
  MaybePair,
  Open,
  Pair,
  Rest,
  UpToThree,
} from './types.js';
type S = components['schemas'];
same<S['Rest'], Rest>(true);
same<S['Rest'], [string?, ...number[]]>(true);
same<S['Open'], Open>(true);
same<S['Closed'], Closed>(true);
same<S['Closed'], [string?, boolean?]>(true);
same<S['AtLeastOne'], AtLeastOne>(true);
same<S['Pair'], Pair>(true);
same<S['MaybePair'], MaybePair>(true);
same<S['AtMostTwo'], AtMostTwo>(true);
same<S['AtMostTwo'], [number?, number?]>(true);
same<S['AtMostOne'], AtMostOne>(true);
same<S['AtMostOne'], [string]>(true);
same<S['UpToThree'], UpToThree>(true);
same<S['UpToThree'], [string?, ...number[]]>(true);
same<S['Holder'], Holder>(true);
export const rest: S['Rest'][] = [[], ['a'], ['a', 1, 2]];
export const open: S['Open'] = ['a', true, { any: 'thing' }];
export const pair: S['Pair'] = ['a', null, true, 'b'];
export const inline: NonNullable<S['Holder']['inline']> = ['a', 1];
// @ts-expect-error the rest are numbers
export const wrongRest: S['Rest'] = ['a', 'b'];
// @ts-expect-error nothing after the prefix
export const tooLong: S['Closed'] = ['a', true, 1];
// @ts-expect-error minItems: 1
export const empty: S['AtLeastOne'] = [];
// @ts-expect-error maxItems: 2
export const three: S['AtMostTwo'] = [1, 2, 3];
`,
      }),
    ).toEqual([]);
  });
});

describe('$defs inside a schema in src/openapi.ts', () => {
  it('is no property of its values, and refs into it still reach its schemas', async () => {
    const node = {
      type: 'object',
      required: ['value'],
      properties: {
        value: { type: 'integer' },
        children: { type: 'array', items: { $ref: '#/components/schemas/Tree/$defs/Node' } },
      },
    };
    const pkg = await specPackage(
      spec31({
        Tree: {
          type: 'object',
          properties: { root: { $ref: '#/components/schemas/Tree/$defs/Node' } },
          $defs: { Node: node },
        },
        Unused: {
          type: 'object',
          properties: { a: { type: 'string' } },
          $defs: { Text: { type: 'string' } },
        },
      }),
    );
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components } from './openapi.js';
import type { Unused } from './types.js';
type S = components['schemas'];
same<S['Unused'], Unused>(true);
same<'$defs' extends keyof S['Tree'] ? true : false, false>(true);
export const empty: S['Tree'] = {};
export const tree: S['Tree'] = { root: { value: 1, children: [{ value: 2, children: [] }] } };
export const unused: S['Unused'] = { a: 'a' };
// @ts-expect-error a node's value is a number
export const wrong: S['Tree'] = { root: { value: 'one' } };
`,
      }),
    ).toEqual([]);
  });
});

describe('patternProperties and additionalProperties beside properties in src/openapi.ts', () => {
  it('take every value of the properties, and keys no pattern matches', async () => {
    const pkg = await specPackage(
      spec31({
        Extra: {
          type: 'object',
          required: ['a'],
          properties: { a: { type: 'string' }, o: { $ref: '#/components/schemas/Point' } },
          additionalProperties: { type: 'number' },
        },
        Point: { type: 'object', required: ['x'], properties: { x: { type: 'number' } } },
        Patterns: { type: 'object', patternProperties: { '^x-': { type: 'number' } } },
        PatternsBeside: {
          type: 'object',
          properties: { a: { type: 'string' } },
          patternProperties: { '^x-': { type: 'number' } },
        },
        PatternsOnly: {
          type: 'object',
          properties: { a: { type: 'string' } },
          patternProperties: { '^x-': { type: 'number' } },
          additionalProperties: false,
        },
        PatternsAndExtra: {
          type: 'object',
          patternProperties: { '^x-': { type: 'number' } },
          additionalProperties: { type: 'boolean' },
        },
      }),
    );
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components } from './openapi.js';
type S = components['schemas'];
same<S['Extra']['a'], string>(true);
same<S['PatternsBeside']['a'], string | undefined>(true);
export const extra: S['Extra'] = { a: 'a', o: { x: 1 }, b: 1 };
export const patterns: S['Patterns'] = { 'x-a': 1, other: 'anything' };
export const beside: S['PatternsBeside'] = { a: 'a', 'x-b': 1, other: [] };
export const only: S['PatternsOnly'] = { a: 'a', 'x-b': 1 };
export const both: S['PatternsAndExtra'] = { 'x-a': 1, other: true };
// @ts-expect-error other keys hold numbers
export const wrongExtra: S['Extra'] = { a: 'a', b: true };
// @ts-expect-error a is a string
export const wrongA: S['PatternsBeside'] = { a: 1 };
// @ts-expect-error no other keys than a and x-…, which hold numbers
export const wrongOnly: S['PatternsOnly'] = { a: 'a', b: true };
`,
      }),
    ).toEqual([]);
  });
});

describe('readOnly and writeOnly properties in src/openapi.ts', () => {
  it('are not required where a schema is also sent (readOnly) or received (writeOnly)', async () => {
    const user = { $ref: '#/components/schemas/User' };
    const admin = { $ref: '#/components/schemas/Admin' };
    const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
    const pkg = await specPackage({
      openapi: '3.0.3',
      info: { title: 'Read and write', version: '1' },
      paths: {
        '/users': {
          post: {
            operationId: 'createUser',
            requestBody: { required: true, ...json(user) },
            responses: { '201': { description: 'The user.', ...json(user) } },
          },
        },
        '/admins': {
          post: {
            operationId: 'createAdmin',
            requestBody: { required: true, ...json(admin) },
            responses: { '201': { description: 'The admin.', ...json(admin) } },
          },
        },
        '/advisories': {
          post: {
            operationId: 'listAdvisories',
            responses: {
              '201': {
                description: 'Only received.',
                ...json({ $ref: '#/components/schemas/Advisory' }),
              },
            },
          },
        },
        '/logins': {
          post: {
            operationId: 'logIn',
            requestBody: { required: true, ...json({ $ref: '#/components/schemas/Login' }) },
            responses: { '204': { description: 'Logged in.' } },
          },
        },
      },
      components: {
        schemas: {
          User: {
            type: 'object',
            required: ['id', 'name', 'password', 'createdAt'],
            properties: {
              id: { $ref: '#/components/schemas/Id' },
              name: { type: 'string' },
              password: { type: 'string', writeOnly: true },
              createdAt: { type: 'string', format: 'date-time', readOnly: true },
            },
          },
          Id: { type: 'string', readOnly: true },
          Admin: {
            allOf: [
              user,
              { type: 'object', properties: { level: { type: 'integer', readOnly: true } } },
            ],
            required: ['id', 'level', 'name'],
          },
          Advisory: {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string', readOnly: true } },
          },
          Login: {
            type: 'object',
            required: ['password'],
            properties: { password: { type: 'string', writeOnly: true } },
          },
        },
      },
    });
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { paths } from './openapi.js';
type Sent<P extends '/users' | '/admins' | '/logins'> = NonNullable<paths[P]['post']['requestBody']>['content']['application/json'];
type Got<P extends '/users' | '/admins' | '/advisories'> = paths[P]['post']['responses'][201]['content']['application/json'];
export const sent: Sent<'/users'> = { name: 'n', password: 'p' };
export const got: Got<'/users'> = { id: 'i', name: 'n', createdAt: '2026-01-01T00:00:00Z' };
export const sentAdmin: Sent<'/admins'> = { name: 'n', password: 'p' };
export const gotAdmin: Got<'/admins'> = { id: 'i', name: 'n', createdAt: '2026-01-01T00:00:00Z', level: 1 };
// @ts-expect-error name is required both ways
export const noName: Sent<'/users'> = { password: 'p' };
// @ts-expect-error name is required both ways
export const noAdminName: Got<'/admins'> = { id: 'i', level: 1 };
// @ts-expect-error a schema only received keeps its readOnly properties required
export const noId: Got<'/advisories'> = {};
// @ts-expect-error a schema only sent keeps its writeOnly properties required
export const noPassword: Sent<'/logins'> = {};
`,
      }),
    ).toEqual([]);
  });
});

/**
 * A 3.1 package whose one operation, `POST /o`, sends and receives the component schema `O`, and
 * a check module with its request body (`Sent`) and response body (`Got`) as src/openapi.ts types
 * them, followed by `checks`.
 */
async function roundTrip(title: string, schemas: Record<string, unknown>, checks: string) {
  const o = { $ref: '#/components/schemas/O' };
  const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
  const pkg = await specPackage({
    openapi: '3.1.0',
    info: { title, version: '1' },
    paths: {
      '/o': {
        post: {
          operationId: 'createO',
          requestBody: { required: true, ...json(o) },
          responses: { '201': { description: 'The O.', ...json(o) } },
        },
      },
    },
    components: { schemas },
  });
  return diagnostics(pkg, {
    'src/check.ts': `${EQUAL}
import type { paths } from './openapi.js';
type Sent = paths['/o']['post']['requestBody']['content']['application/json'];
type Got = paths['/o']['post']['responses'][201]['content']['application/json'];
${checks}`,
  });
}

describe('readOnly and writeOnly beside a $ref in src/openapi.ts (OpenAPI 3.1)', () => {
  // helper-122 3: `{ $ref: Cred, readOnly: true }` stayed required both ways: the mark was read on
  // the schema the $ref names, not beside the $ref, where OpenAPI 3.1 (and the model) reads it.
  it('are not required where the schema is also sent (readOnly) or received (writeOnly)', async () => {
    const cred = '#/components/schemas/Cred';
    expect(
      await roundTrip(
        'Beside refs',
        {
          Cred: { type: 'object', properties: { pw: { type: 'string' } } },
          O: {
            type: 'object',
            required: ['name', 'cred', 'rid'],
            properties: {
              name: { type: 'string' },
              cred: { $ref: cred, writeOnly: true },
              rid: { $ref: cred, readOnly: true },
            },
          },
        },
        `export const sent: Sent = { name: 'n', cred: {} };
export const got: Got = { name: 'n', rid: {} };
// @ts-expect-error name is required both ways
export const noName: Sent = { cred: {} };
`,
      ),
    ).toEqual([]);
  });
});

describe('readOnly and writeOnly inside an allOf of the property, in src/openapi.ts', () => {
  // helper-123 6: `{ allOf: [{ $ref: Id, readOnly: true }] }` stayed required in requests, though
  // an annotation of an allOf member holds for the value (JSON Schema 2020-12 §7.7.1) and
  // src/types.ts left it out of the request's type.
  it('are not required where the schema is also sent (readOnly) or received (writeOnly)', async () => {
    const id = { $ref: '#/components/schemas/Id' };
    expect(
      await roundTrip(
        'In allOf',
        {
          Id: { type: 'string' },
          Secret: { allOf: [{ type: 'string', writeOnly: true }] },
          O: {
            type: 'object',
            required: ['name', 'rid', 'secret'],
            properties: {
              name: { type: 'string' },
              rid: { allOf: [{ ...id, readOnly: true }] },
              secret: { allOf: [{ $ref: '#/components/schemas/Secret' }] },
            },
          },
        },
        `export const sent: Sent = { name: 'n', secret: 's' };
export const got: Got = { name: 'n', rid: 'r' };
// @ts-expect-error name is required both ways
export const noName: Sent = { secret: 's' };
`,
      ),
    ).toEqual([]);
  });
});

describe('discriminators in src/openapi.ts', () => {
  it('narrow the union, not the schemas it lists, which keep their own values', async () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const tagged = (tag: string, extra: Record<string, unknown> = {}) => ({
      type: 'object',
      required: [tag],
      properties: { [tag]: { type: 'string' }, ...extra },
    });
    const pkg = await specPackage(
      spec31({
        Pet: {
          oneOf: [ref('Cat'), ref('Dog')],
          discriminator: {
            propertyName: 'petType',
            mapping: { kitty: '#/components/schemas/Cat', cat: 'Cat', dog: ref('Dog').$ref },
          },
        },
        // Cat again, under another value: openapi-typescript pinned Cat to the first union's.
        Animal: {
          oneOf: [ref('Cat'), ref('Dog')],
          discriminator: { propertyName: 'petType', mapping: { feline: ref('Cat').$ref } },
        },
        Cat: tagged('petType', { meow: { type: 'boolean' } }),
        Dog: tagged('petType'),
        CatHolder: { type: 'object', properties: { cat: ref('Cat') } },
        // Bird gives its own values: openapi-typescript replaced them with its name.
        Creature: {
          anyOf: [ref('Fish'), ref('Bird')],
          discriminator: { propertyName: 'kind' },
        },
        Fish: tagged('kind', { fins: { type: 'integer' } }),
        Bird: {
          type: 'object',
          required: ['kind'],
          properties: { kind: { enum: ['bird', 'parrot'] } },
        },
        // allOf below a discriminator: openapi-typescript pinned Square to its name.
        Shape: {
          ...tagged('kind'),
          discriminator: { propertyName: 'kind', mapping: { circle: ref('Circle').$ref } },
        },
        Circle: {
          allOf: [ref('Shape'), { type: 'object', properties: { r: { type: 'number' } } }],
        },
        Square: {
          allOf: [ref('Shape'), { type: 'object', properties: { s: { type: 'number' } } }],
        },
        // An array has no property to select it by (GitHub's contents union lists one).
        Content: {
          oneOf: [ref('Listing'), ref('Dog')],
          discriminator: { propertyName: 'type', mapping: { array: ref('Listing').$ref } },
        },
        Listing: { type: 'array', items: { type: 'string' } },
      }),
    );
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components } from './openapi.js';
import type { Animal, Bird, Cat, Creature, Pet, Square } from './types.js';
type S = components['schemas'];
same<S['Pet'], Pet>(true);
same<S['Animal'], Animal>(true);
same<S['Cat'], Cat>(true);
same<S['Creature'], Creature>(true);
same<S['Bird'], Bird>(true);
same<S['Square']['kind'], Square['kind']>(true);
export const pets: S['Pet'][] = [{ petType: 'kitty', meow: true }, { petType: 'cat' }, { petType: 'dog' }];
export const animal: S['Animal'] = { petType: 'feline' };
export const holder: S['CatHolder'] = { cat: { petType: 'tabby' } };
export const creatures: S['Creature'][] = [{ kind: 'parrot' }, { kind: 'Fish', fins: 2 }];
export const square: S['Square'] = { kind: 'square', s: 1 };
export const listing: S['Content'] = ['a', 'b'];
// @ts-expect-error a Pet's cat says kitty or cat
export const wrongPet: S['Pet'] = { petType: 'feline' };
// @ts-expect-error Fish is named by its schema name
export const wrongFish: S['Creature'] = { kind: 'fish', fins: 2 };
`,
      }),
    ).toEqual([]);
  });
});

describe('enums of objects in src/openapi.ts', () => {
  it('are the union of their values, not of their values read as schemas', async () => {
    // openapi-typescript reads the values of an object enum as oneOf schemas.
    const pkg = await specPackage(
      spec31({
        Choice: { type: 'object', enum: [{ type: 'string' }, { type: 'card', last4: '4242' }] },
        // Read as a schema, the one value says null.
        Nulls: { type: 'object', enum: [{ type: 'null' }] },
        Closed: {
          type: 'object',
          properties: { type: { type: 'string' } },
          enum: [{ type: 'null' }],
        },
      }),
    );
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { components } from './openapi.js';
import type { Choice, Closed, Nulls } from './types.js';
type S = components['schemas'];
same<S['Choice'], Choice>(true);
// The same values (src/types.ts writes { type?: string } & { type: 'null' }).
same<[S['Closed'], Closed] extends [Closed, S['Closed']] ? true : false, true>(true);
same<S['Nulls'], Nulls>(true);
export const nulls: S['Nulls'] = { type: 'null' };
export const choices: S['Choice'][] = [{ type: 'string' }, { type: 'card', last4: '4242' }];
export const closed: S['Closed'] = { type: 'null' };
// @ts-expect-error no other object
export const other: S['Choice'] = { type: 'bank' };
`,
      }),
    ).toEqual([]);
  });
});
