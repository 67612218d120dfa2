/**
 * `$ref`s to JSON Schema anchors (`#tag`, valid in OpenAPI 3.1; anchors.yaml): the bundler read
 * a `$ref` inside an anchored schema against the anchor (`#pet/properties/owner`, refused), and
 * openapi-typescript threw "Error parsing $ref: #tag"; nothing was generated. The root file's
 * anchor refs are now pointers before bundling (generator/anchors.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { diagnostics, EQUAL, faultPackage, packageIs, schemasPackage } from './package.ts';

afterAll(removeTempDirs);

const FIXTURE = 'anchors.yaml';

describe('$refs to anchors', () => {
  it('type as the anchored schema in src/types.ts and src/openapi.ts', async () => {
    const pkg = await faultPackage(FIXTURE);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Pet } from './types.js';
import type { components, paths } from './openapi.js';
type RawPet = components['schemas']['Pet'];
same<Pet['tag'], 'cute' | 'fierce' | undefined>(true);
same<NonNullable<RawPet['tag']>, 'cute' | 'fierce'>(true);
same<NonNullable<RawPet['owner']>, components['schemas']['Owner']>(true);
type Listed = paths['/pets']['get']['responses'][200]['content']['application/json'];
same<Listed, RawPet[]>(true);
same<components['schemas']['Owner']['favourite'], 'x' | 'y' | undefined>(true);
`,
      }),
    ).toEqual([]);
  });

  it('are checked by the guards as the anchored schema', async () => {
    const pkg = await faultPackage(FIXTURE);
    const is = await packageIs(pkg);
    expect(
      [
        { name: 'Rex', tag: 'cute', owner: { email: 'a@b.c' } },
        { name: 'Rex', tag: 'sleepy' },
        { name: 'Rex', owner: { email: 1 } },
      ].map((value) => is('Pet', value)),
    ).toEqual([true, false, false]);
    expect(is('Tree', { children: [{ children: [] }] })).toBe(true);
    expect(is('Tree', { children: [{ children: 'no' }] })).toBe(false);
  });
});

describe('$refs to anchors two schema resources declare alike', () => {
  it("name the anchor of the $ref's own resource, and an absolute $ref that resource's", async () => {
    const pkg = await faultPackage('anchors-scoped.yaml');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { A, B, C } from './types.js';
same<A['v'], number | undefined>(true);
same<B['v'], string | undefined>(true);
same<C['v'], string | undefined>(true);
same<C['w'], A | undefined>(true);
`,
      }),
    ).toEqual([]);
    const is = await packageIs(pkg);
    expect([is('A', { v: 1 }), is('A', { v: 's' })]).toEqual([true, false]);
    expect([is('B', { v: 's' }), is('B', { v: 1 })]).toEqual([true, false]);
    expect([is('C', { v: 's', w: { v: 1 } }), is('C', { v: 1 })]).toEqual([true, false]);
  });
});

describe('a $ref to an anchor its own schema resource does not declare', () => {
  // helper-123 3: it fell back to the document's anchor of that name without a word, though
  // JSON Schema 2020-12 (§8.2.2) resolves `#item` in the ref's own resource only.
  const resource = (ref: string) => ({
    $id: 'https://example.com/a',
    type: 'object',
    properties: { v: { $ref: ref } },
  });
  const shared = { $anchor: 'item', type: 'integer' };
  /** Generates a spec of these component schemas into a new folder: the result and the folder. */
  const generated = async (schemas: Record<string, unknown>) => {
    const dir = await tempDir('anchor-elsewhere-');
    const spec = join(dir, 'openapi.yaml');
    await writeFile(
      spec,
      stringify({
        openapi: '3.1.0',
        info: { title: 'Anchors', version: '1' },
        paths: {},
        components: { schemas },
      }),
    );
    return { dir, result: await generate({ spec, out: join(dir, 'out') }) };
  };

  it('is warned about at the $ref; the type still follows it', async () => {
    const { dir, result } = await generated({ Shared: shared, A: resource('#item') });
    const warning = result.warnings.find((w) => w.key === 'ref:anchor-outside-resource');
    expect(warning?.message).toMatch(
      /\/openapi\.yaml:\d+:\d+ #\/components\/schemas\/A\/properties\/v\/\$ref: `\$ref: '#item'` is inside the schema resource `https:\/\/example\.com\/a`, which declares no anchor `item`/,
    );
    expect(warning?.message).toContain(
      "write the schema's place: `$ref: '#/components/schemas/Shared'`",
    );
    const pkg = join(dir, 'out');
    expect(await readFile(join(pkg, 'src/types.ts'), 'utf8')).toMatch(/v\?: Shared;/);
  });

  it('the anchor in its own resource: no warning', async () => {
    const { result } = await generated({
      Shared: shared,
      A: { ...resource('#item'), $defs: { I: { $anchor: 'item', type: 'string' } } },
    });
    expect(result.warnings.map((w) => w.key)).not.toContain('ref:anchor-outside-resource');
  });
});

describe('a $ref to an anchor in another file (helper-141 F6)', () => {
  // The bundler reads only JSON Pointer fragments in a ref to another file: it looked for a file
  // named `pet.yaml#pet`, and the error said the file does not exist.
  const pet = stringify({
    $anchor: 'pet',
    type: 'object',
    properties: { name: { type: 'string' } },
  });
  const root = (ref: string) =>
    stringify({
      openapi: '3.1.0',
      info: { title: 'Anchors', version: '1' },
      paths: {},
      components: { schemas: { Owner: { type: 'object', properties: { pet: { $ref: ref } } } } },
    });

  it.each([
    [
      'in the root file',
      'openapi.yaml',
      (dir: string) => writeFile(join(dir, 'openapi.yaml'), root('./pet.yaml#pet')),
    ],
    [
      'in another file',
      'owner.yaml',
      async (dir: string) => {
        await writeFile(join(dir, 'openapi.yaml'), root('./owner.yaml'));
        await writeFile(join(dir, 'owner.yaml'), stringify({ $ref: './pet.yaml#pet' }));
      },
    ],
  ])('%s: is refused at the $ref, the pointer form as the fix', async (_case, file, write) => {
    const dir = await tempDir('anchor-file-');
    await writeFile(join(dir, 'pet.yaml'), pet);
    await write(dir);
    const error = await generate({ spec: join(dir, 'openapi.yaml'), out: join(dir, 'out') }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const message = error instanceof Error ? error.message : String(error);
    // Placed in the file that holds the $ref, at its line.
    expect(message).toMatch(new RegExp(`/${file.replace('.', '\\.')}:\\d+:\\d+ #/\\S*\\$ref: `));
    expect(message).toMatch(
      /the \$ref "\.\/pet\.yaml#pet" names the anchor `pet` in another file \(\.\/pet\.yaml\)/,
    );
    expect(message).toContain('"./pet.yaml#/…"');
    expect(message).not.toMatch(/ENOENT|no such file/);
  });

  it('a percent-encoded JSON Pointer is no anchor (helper-143 F6)', async () => {
    const dir = await tempDir('anchor-file-');
    await writeFile(join(dir, 'pet.yaml'), stringify({ Pet: { type: 'string' } }));
    await writeFile(join(dir, 'openapi.yaml'), root('./pet.yaml#%2FPet'));
    const error = await generate({ spec: join(dir, 'openapi.yaml'), out: join(dir, 'out') }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const message = error instanceof Error ? error.message : '';
    expect(message).not.toContain('names the anchor');
    expect(message).toContain('percent-encodes the `/` that starts its JSON Pointer');
    expect(message).toContain('"./pet.yaml#/Pet"');
    expect(message).not.toMatch(/ENOENT|no such file/);
  });
});

describe('a $dynamicRef to an anchor several schemas declare (helper-141 F7)', () => {
  // JSON Schema 2020-12's generic list: GenericList's items are whatever the dynamic scope's
  // `$dynamicAnchor: T` says; StringList says strings. Read statically as GenericList's own `T`
  // (`not: true`), the guards refused every StringList with an item.
  const schemas = {
    GenericList: {
      $id: 'https://example.com/list',
      type: 'array',
      items: { $dynamicRef: '#T' },
      $defs: { default: { $dynamicAnchor: 'T', not: true } },
    },
    StringList: {
      $id: 'https://example.com/strings',
      $ref: 'https://example.com/list',
      $defs: { item: { $dynamicAnchor: 'T', type: 'string' } },
    },
  };

  it('is read as any value, and said; the guards accept valid lists', async () => {
    const pkg = await schemasPackage('Dynamic', schemas);
    expect(pkg.model.warnings.map((w) => [w.key, w.location.pointer])).toContainEqual([
      'schema:dynamic-ref',
      '#/components/schemas/GenericList/items/$dynamicRef',
    ]);
    expect(diagnostics(pkg)).toEqual([]);
    const is = await packageIs(pkg);
    expect([is('StringList', ['a', 'b']), is('StringList', []), is('StringList', 'a')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('a $dynamicRef whose anchor no other resource that refs it declares (helper-143 F1)', () => {
  const tree = (id: string, extra: Record<string, unknown>) => ({
    $id: `https://example.com/${id}`,
    $dynamicAnchor: 'node',
    type: 'object',
    properties: { ...extra, children: { type: 'array', items: { $dynamicRef: '#node' } } },
  });

  it.each([
    [
      'two trees, each recursing into itself',
      {
        TreeA: tree('a', { label: { type: 'string' } }),
        TreeB: tree('b', { size: { type: 'integer' } }),
      },
    ],
    [
      'a plain $anchor of that name elsewhere',
      {
        TreeA: tree('a', { label: { type: 'string' } }),
        TreeB: { $id: 'https://example.com/plain', $anchor: 'node', type: 'string' },
      },
    ],
  ])('%s: resolves to its own schema, typed and checked', async (_case, schemas) => {
    const pkg = await schemasPackage('Trees', schemas);
    expect(pkg.model.warnings.map((w) => w.key)).not.toContain('schema:dynamic-ref');
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { TreeA } from './types.js';
same<TreeA['children'], TreeA[] | undefined>(true);
`,
      }),
    ).toEqual([]);
    const is = await packageIs(pkg);
    expect([
      is('TreeA', { children: [{ label: 'x' }] }),
      is('TreeA', { children: [{ label: 5 }] }),
    ]).toEqual([true, false]);
  });
});
