/**
 * An operationId that is the empty string, or only whitespace, is none (helper-141 F4), with a
 * warning: the model derives one from the
 * method and path (`getP0`), and openapi-typescript's `operations` now lists the operation under
 * it. It listed none (an empty id counted as written), so the testing kit's
 * `operations['getP0']` did not compile (TS2339), and with one operation alone every type the kit
 * took from it was `never`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, EQUAL, specPackage } from './package.ts';

afterAll(removeTempDirs);

const answer = {
  '200': {
    description: 'ok',
    content: { 'application/json': { schema: { type: 'string' } } },
  },
};

describe.each([
  ['empty', ''],
  ['only whitespace', ' \t '],
])('an operationId %s', (_kind, operationId) => {
  it.each([
    ['beside another operation', { '/p1': { get: { operationId: 'getP1', responses: answer } } }],
    ['alone', {}],
  ])('%s: the package compiles, the operation typed', async (_case, others) => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: { '/p0': { get: { operationId, responses: answer } }, ...others },
    });
    // Named as one without an operationId (`getP0`; a GET of a collection: `list`), with a warning.
    expect(pkg.model.operations[0]!.operationId).toBe('getP0');
    expect(pkg.model.operations[0]!.sdk.method).toBe('list');
    expect(pkg.model.warnings.map((w) => [w.key, w.location.pointer])).toEqual([
      ['operation-id:blank', '#/paths/~1p0/get/operationId'],
    ]);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { operations } from './openapi.js';
same<operations['getP0']['responses'][200]['content']['application/json'], string>(true);
`,
      }),
    ).toEqual([]);
  });
});
