/**
 * A security requirement naming a scheme `components.securitySchemes` does not declare (OpenAPI
 * 3.1 §4.8.30: each name MUST be a declared scheme): a typo the client cannot meet, and until now
 * reported only as a requirement the client sends no credential for. Each is refused at its place,
 * the root's and every operation's, naming the schemes that are declared.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from '../model/fixture-model.ts';

afterAll(removeTempDirs);

describe('security requirements naming undeclared schemes', () => {
  it('are refused, each at its place, with the declared names in the fix', async () => {
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Security', version: '1' },
      security: [{ bearer: [] }, { Bearer: [] }],
      paths: {
        '/a': {
          get: {
            security: [{}, { bearer: [], apiKey: [] }],
            responses: { '204': { description: 'ok' } },
          },
          post: { security: [{ bearer: [] }], responses: { '204': { description: 'ok' } } },
        },
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    };
    const error = await specModel(await writeSpec(spec)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeneratorError);
    const problems = (error as GeneratorError).problems;
    expect(problems.map((p) => p.location.pointer)).toEqual([
      '#/security/1/Bearer',
      '#/paths/~1a/get/security/1/apiKey',
    ]);
    expect(problems[0]!.message).toMatch(
      /names "Bearer", which is no security scheme of components\.securitySchemes/,
    );
    expect(problems[0]!.hint).toMatch(/"bearer"/);
  });
});
