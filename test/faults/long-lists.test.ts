/**
 * A spec's array or a description's lines past about 100,000 (an `example` array, an `enum`, a
 * description of many lines): `list.push(...items)` passes each as an argument of one call, and
 * V8 threw "Maximum call stack size exceeded" from the loader (the walk for patterns, at each
 * array it entered) and from the formatter (the lines of one TSDoc comment): the generator stopped
 * with an internal error and a stack trace. Such lists are appended one by one now (`pushAll`,
 * generator/json.ts). Through `generate`, as the CLI runs it (the formatter too), into a new folder.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

describe('lists longer than a call takes arguments', () => {
  it('an example array of 200,000 items and a description of 160,000 lines generate', async () => {
    const lines = 'A paragraph.\n\n- an item\n  continued\n'.repeat(40_000);
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Long lists', version: '1' },
      paths: {
        '/numbers': {
          get: {
            operationId: 'listNumbers',
            description: lines,
            responses: {
              '200': {
                description: 'The numbers.',
                content: {
                  'application/json': {
                    schema: {
                      type: 'array',
                      items: { type: 'integer' },
                      example: Array.from({ length: 200_000 }, (_, i) => i),
                    },
                  },
                },
              },
            },
          },
        },
      },
    });
    const out = join(await tempDir('long-lists-'), 'sdk');
    await generate({ spec, out, cwd: dirname(spec) });
    const resource = await readFile(join(out, 'src/resources/numbers.ts'), 'utf8');
    // Every line of the description is in the method's TSDoc, in order.
    expect(resource.match(/^ {3}\* - an item$/gm)).toHaveLength(40_000);
    expect(resource).toContain('   * A paragraph.\n   *\n   * - an item\n   *   continued\n');
  }, 120_000);

  it('an enum of 200,000 members generates, its type a union of them all, in time linear in them', async () => {
    // Each member was compared with all those before it (src/types.ts's union): 50 s here, now 5 s.
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Long enum', version: '1' },
      paths: {},
      components: {
        schemas: { Code: { type: 'integer', enum: Array.from({ length: 200_000 }, (_, i) => i) } },
      },
    });
    const out = join(await tempDir('long-enum-'), 'sdk');
    await generate({ spec, out, cwd: dirname(spec) });
    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    expect(types).toMatch(/export type Code =[^;]* 199999;/);
  }, 25_000);

  it('an object of 200,000 members stops at once, naming it: the bundler cannot take it', async () => {
    // openapi-core spread its keys into one call (a RangeError, read as "too deeply nested"),
    // and placing the error at a line took minutes in its YAML AST; nothing was said for them.
    const properties = Object.fromEntries(
      Array.from({ length: 200_000 }, (_, i) => [`p${i}`, { type: 'integer' }]),
    );
    const spec = await writeSpec({
      openapi: '3.1.0',
      info: { title: 'Huge object', version: '1' },
      paths: {},
      components: { schemas: { Big: { type: 'object', properties } } },
    });
    const out = join(await tempDir('huge-object-'), 'sdk');
    await expect(generate({ spec, out, cwd: dirname(spec) })).rejects.toMatchObject({
      location: { pointer: '#/components/schemas/Big/properties' },
      problem: expect.stringMatching(
        /^the object at #\/components\/schemas\/Big\/properties has 200,000 members, more than the bundler \(openapi-core\) can take/,
      ),
    });
    await expect(readFile(join(out, 'package.json'), 'utf8')).rejects.toThrow();
  }, 60_000);
});
