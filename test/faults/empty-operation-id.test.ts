/**
 * An operationId that is the empty string is none (helper-141 F4): the model derives one from the
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

describe('an empty operationId', () => {
  it.each([
    ['beside another operation', { '/p1': { get: { operationId: 'getP1', responses: answer } } }],
    ['alone', {}],
  ])('%s: the package compiles, the operation typed', async (_case, others) => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: { '/p0': { get: { operationId: '', responses: answer } }, ...others },
    });
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
