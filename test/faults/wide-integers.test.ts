/**
 * A 64-bit integer (`format: int64`, `uint64`) wider than a JavaScript number holds exactly: its
 * property says so in its TSDoc (a value past 2^53 − 1 loses its last digits when the JSON is
 * parsed), unless its bounds keep it within. The guards cannot tell: the digits are gone before
 * they see the value.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, specPackage } from './package.ts';

afterAll(removeTempDirs);

describe('64-bit integers', () => {
  it('say in their TSDoc that digits past 2^53 are lost, unless bounded within', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Counters', version: '1' },
      paths: {
        '/counters': {
          get: {
            operationId: 'getCounter',
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/Counter' } },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Counter: {
            type: 'object',
            properties: {
              id: { type: 'integer', format: 'int64', description: 'Its id.' },
              ids: { type: 'array', items: { type: 'integer', format: 'uint64' } },
              small: { type: 'integer', format: 'int64', minimum: 0, maximum: 1000 },
              plain: { type: 'integer', format: 'int32' },
            },
          },
        },
      },
    });
    const types = pkg.files.get('src/types.ts')!;
    const docOf = (name: string) => {
      const at = types.indexOf(`  ${name}?:`);
      return types.slice(types.lastIndexOf('/**', at), at);
    };
    expect(docOf('id')).toMatch(
      /Its id\.[\s\S]*A 64-bit integer \(format int64\): a JavaScript number holds integers exactly only up to 2\^53 − 1/,
    );
    expect(docOf('ids')).toContain('A 64-bit integer (format uint64)');
    expect(types.slice(types.indexOf('  ids?:'), types.indexOf('  small?:'))).not.toContain(
      '64-bit',
    );
    expect(types.slice(types.indexOf('  small?:'))).not.toContain('64-bit');
    expect(diagnostics(pkg)).toEqual([]);
  });
});
