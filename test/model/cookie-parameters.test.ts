/**
 * Cookie parameters: no SDK method takes them (browsers send cookies themselves; scripts cannot
 * set them), so each spec that has one gets a warning naming the first, how many more, and how to
 * send it per call. `--strict` makes it an error.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

const spec = {
  openapi: '3.1.0',
  info: { title: 'Cookies', version: '1.0.0' },
  paths: {
    '/things': {
      parameters: [{ name: 'tenant', in: 'cookie', schema: { type: 'string' } }],
      get: {
        operationId: 'listThings',
        parameters: [
          { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
};

describe('cookie parameters', () => {
  it('are left out of the methods with one warning that says how to send them', async () => {
    const result = await generate({
      spec: await writeSpec(spec),
      out: join(await tempDir('cookies-'), 'sdk'),
    });
    const cookies = result.warnings.filter((w) => w.key === 'parameter:cookie');
    expect(cookies).toHaveLength(1);
    expect(cookies[0]!.location.pointer).toBe('#/paths/~1things/parameters/0');
    expect(cookies[0]!.more).toBe(1);
    expect(cookies[0]!.problem).toContain(
      'cookie parameter "tenant" is not a parameter of the SDK method',
    );
    expect(cookies[0]!.hint).toContain("headers: { cookie: 'tenant=…' }");
  });

  it('are an error with --strict', async () => {
    const error = await generate({
      spec: await writeSpec(spec),
      out: join(await tempDir('cookies-'), 'sdk'),
      strict: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toContain('cookie parameter "tenant"');
  });
});
