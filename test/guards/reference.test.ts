/**
 * The reference validator (reference.ts) follows every in-document `$ref` the generator follows,
 * not only those into `components.schemas`, and adapts the schemas it reaches that way like any
 * component (here: the draft-07 translation of a 3.0 `exclusiveMinimum: true`).
 */
import { describe, expect, it } from 'vitest';
import { plainReference, referenceFor } from './reference.ts';

const doc = {
  openapi: '3.0.3',
  info: { title: 'refs outside the components', version: '1' },
  paths: {
    '/items/{kind}': {
      put: {
        parameters: [
          {
            name: 'count',
            in: 'query',
            schema: { type: 'integer', minimum: 1, exclusiveMinimum: true },
          },
        ],
      },
    },
  },
  components: {
    parameters: { Name: { name: 'name', in: 'query', schema: { type: 'string', minLength: 2 } } },
    schemas: {
      Count: { $ref: '#/paths/~1items~1%7Bkind%7D/put/parameters/0/schema' },
      Name: { $ref: '#/components/parameters/Name/schema' },
      Both: {
        type: 'object',
        properties: {
          count: { $ref: '#/paths/~1items~1{kind}/put/parameters/0/schema' },
          name: { $ref: '#/components/schemas/Name' },
        },
      },
    },
  },
};

describe('the reference validator', () => {
  it.each([
    ['referenceFor', referenceFor],
    ['plainReference', plainReference],
  ])('%s follows refs into paths and other components', (_name, make) => {
    const reference = make(doc, '3.0');
    expect(reference.check('Count', 2)).toBe(true);
    expect(reference.check('Count', 1)).toBe(false);
    expect(reference.check('Name', 'ab')).toBe(true);
    expect(reference.check('Name', 'a')).toBe(false);
    expect(reference.check('Both', { count: 2, name: 'ab' })).toBe(true);
    expect(reference.check('Both', { count: 1, name: 'ab' })).toBe(false);
  });

  it('leaves a ref to nothing for ajv to report', () => {
    const broken = { ...doc, components: { schemas: { Gone: { $ref: '#/paths/nowhere' } } } };
    expect(() => referenceFor(broken, '3.0').check('Gone', 1)).toThrow(/resolve reference/);
  });

  it('reads no `$id` inside an example (Box: two examples of one metadata instance)', () => {
    // ajv collects `$id`s under every keyword it does not know, `example` too, and refused the
    // whole document for two unlike objects with one `$id` ("resolves to more than one schema"),
    // so every example of box.com disagreed.
    const id = '01234500-12f1-1234-aa12-b1d234cb567e';
    const withIds = {
      openapi: '3.0.3',
      info: { title: '$id in examples', version: '1' },
      paths: {},
      components: {
        schemas: {
          Metadata: { type: 'object', example: { $id: id, $scope: 'enterprise' } },
          Folder: {
            type: 'object',
            properties: { metadata: { type: 'object', example: { $id: id, $scope: 'global' } } },
          },
        },
      },
    };
    const reference = referenceFor(withIds, '3.0');
    expect(reference.check('Folder', { metadata: { $id: id } })).toBe(true);
    expect(reference.check('Folder', { metadata: 1 })).toBe(false);
  });
});
