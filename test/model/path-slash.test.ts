/**
 * A path parameter whose `pattern` has a `/` (`^projects/[^/]+$`: Google's `{+name}` written as
 * one OpenAPI parameter) is sent as one segment, its `/` as %2F: a warning at the pattern says so,
 * with the fix. Only that clear signal counts: `[^/]`, `(?!/)` and a pattern that merely admits a
 * `/` (`.+`) are no warning.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const ok = { '204': { description: 'Done' } };
const operation = (id: string, schema: unknown, location = 'path') => ({
  get: {
    operationId: id,
    parameters: [{ name: 'name', in: location, required: true, schema }],
    responses: ok,
  },
});

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Slashes', version: '1' },
  paths: {
    '/a/{name}': operation('literal', { type: 'string', pattern: '^projects/[^/]+$' }),
    '/b/{name}': operation('escaped', { type: 'string', pattern: '^[a-z]+\\/[a-z]+$' }),
    '/c/{name}': operation('viaRef', { $ref: '#/components/schemas/ResourceName' }),
    '/d/{name}': operation('inClass', { type: 'string', pattern: '^[a-z/]+$' }),
    '/e/{name}': operation('negated', { type: 'string', pattern: '^[^/]+$' }),
    '/f/{name}': operation('lookahead', { type: 'string', pattern: '^(?!.*/).+$' }),
    '/g/{name}': operation('anything', { type: 'string', pattern: '^.+$' }),
    '/h': operation('query', { type: 'string', pattern: '^projects/.+$' }, 'query'),
  },
  components: {
    schemas: { ResourceName: { type: 'string', pattern: '^projects/[^/]+/items/[^/]+$' } },
  },
};

describe('a path parameter whose pattern has "/"', () => {
  it('is a warning at the pattern, for a literal "/" outside a negated class or lookaround', async () => {
    const model = await specModel(await writeSpec(SPEC));
    const warning = model.warnings.find((w) => w.key === 'parameter:path-slash');
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1a~1{name}/get/parameters/0/schema/pattern',
      '#/paths/~1b~1{name}/get/parameters/0/schema/pattern',
      '#/paths/~1c~1{name}/get/parameters/0/schema',
      '#/paths/~1d~1{name}/get/parameters/0/schema/pattern',
    ]);
    expect(warning?.problem).toBe(
      'path parameter "name" has a `pattern` with "/" ("^projects/[^/]+$"), but a path parameter is one segment: the SDK sends each "/" of its value as %2F (RFC 6570 simple expansion; OpenAPI has no `allowReserved` for a path), which many servers do not route as "/"',
    );
    expect(warning?.hint).toMatch(/^declare each segment as its own path parameter/);
  });
});
