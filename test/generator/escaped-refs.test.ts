/**
 * `$ref`s to names that must be escaped (RFC 6901 `~0`/`~1`, percent-encoding in the URI fragment,
 * RFC 6901 §6), end to end: test/fixtures/specs/pointers/escaped-refs.yaml through the model and
 * the whole generator, then strict tsc. Each ref must reach the schema, parameter, request body or
 * response it names (the reading itself: test/generator/pointer.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { generate } from '../../generator/index.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { compile, FIXTURES, linkNodeModules, removeTempDirs, tempDir } from './helpers.ts';

const SPEC = join(FIXTURES, 'pointers/escaped-refs.yaml');

afterAll(removeTempDirs);

describe('escaped $refs in the model', () => {
  let model: ApiModel;
  beforeAll(async () => {
    const ctx = resolveContext({ spec: SPEC });
    model = await buildModel(await loadAndBundle(ctx), ctx);
  });

  it.each([
    ['space', 'a b'],
    ['slash', 'a/b'],
    ['tilde', 'a~b'],
    ['accent', 'Café'],
    ['accentRaw', 'Café'],
    ['tildeOne', '~1'],
  ])('Holder.%s refers to the schema %j', (property, key) => {
    const holder = model.schemas.find((schema) => schema.originalName === 'Holder')!;
    const target = model.schemas.find((schema) => schema.originalName === key)!;
    expect(holder.node).toMatchObject({
      kind: 'object',
      properties: expect.arrayContaining([
        expect.objectContaining({
          name: property,
          node: expect.objectContaining({ kind: 'ref', originalName: key, target: target.name }),
        }),
      ]),
    });
  });

  it.each([
    ['inner', 'inner', '#/components/schemas/Nested/properties/a~1b c'],
    // %2F inside a token is read as the bundler reads it: the key `x/y`.
    ['encodedSlash', 'encoded slash', '#/components/schemas/Nested/properties/x~1y'],
  ])('Holder.%s inlines the property it points at', (property, value, pointer) => {
    const holder = model.schemas.find((schema) => schema.originalName === 'Holder')!;
    expect(holder.node).toMatchObject({
      properties: expect.arrayContaining([
        expect.objectContaining({
          name: property,
          node: expect.objectContaining({ kind: 'enum', values: [value], pointer }),
        }),
      ]),
    });
  });

  it('follows escaped refs to parameters, request bodies and responses', () => {
    const get = model.operations.find((operation) => operation.operationId === 'getThing')!;
    const put = model.operations.find((operation) => operation.operationId === 'putThing')!;
    expect(get.parameters.map((parameter) => [parameter.name, parameter.in])).toEqual([
      ['thing id', 'path'],
      ['page/size', 'query'],
    ]);
    expect(get.successResponse?.schema).toMatchObject({ kind: 'ref', originalName: 'Holder' });
    expect(put.body).toMatchObject({
      required: true,
      schema: { kind: 'ref', originalName: 'Holder' },
    });
  });
});

describe('escaped $refs through the generator', () => {
  it('generates a package that compiles, with each ref typed by its target', async () => {
    const out = join(await tempDir('escaped-refs-'), 'sdk');
    await generate({ spec: SPEC, out, cache: false });
    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    const holder = /export interface Holder \{([^}]*)\}/.exec(types)?.[1] ?? '';
    const members = Object.fromEntries(
      [...holder.matchAll(/^\s*(\w+): ([^;]+);/gm)].map(([, name, type]) => [name, type]),
    );
    const nameOf = (key: string): string =>
      new RegExp(`^export interface (\\w+) \\{\\n\\s*${key}\\?: string;`, 'm').exec(types)?.[1] ??
      `<no interface with property ${key}>`;
    expect(members).toEqual({
      space: nameOf('space'),
      slash: nameOf('slash'),
      tilde: nameOf('tilde'),
      accent: nameOf('accent'),
      accentRaw: nameOf('accent'),
      tildeOne: nameOf('tildeOne'),
      inner: "'inner'",
      encodedSlash: "'encoded slash'",
    });
    await linkNodeModules(out);
    const { status, output } = compile(out);
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});
