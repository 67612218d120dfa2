/**
 * `$id` (JSON Schema Core 2020-12 §8.2.1, OpenAPI 3.1 §4.8.24): a `$ref` inside a schema with an
 * `$id` resolves against it (`#/$defs/Value` is the schema's own `$defs`, `leaf` its sibling
 * `https://example.com/schemas/leaf`), and a `$ref` to an `$id` the document declares names that
 * schema, never fetched (§9.2). Before, the first was looked for at the document's root (and the
 * error proposed adding it there), the second read as a file, the third fetched (helper-116 2).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { removeTempDirs, ROOT, tempDir } from '../generator/helpers.ts';
import { FAULTS } from '../model/fixture-model.ts';

afterAll(removeTempDirs);

describe('refs decided by $id', () => {
  it('resolve against the $id to the schemas of the document', async () => {
    const out = join(await tempDir('schema-ids-'), 'sdk');
    await generate({ spec: join(FAULTS, 'schema-ids.yaml'), out, cwd: ROOT });
    const { isTree, isHolder } = (await import(join(out, 'src/guards.ts'))) as Record<
      string,
      (value: unknown) => boolean
    >;
    expect(isTree!({ value: 1, children: [{ value: 2 }], leaf: 'abc' })).toBe(true);
    expect(isTree!({ value: -1 })).toBe(false); // Value's minimum
    expect(isTree!({ value: 1, children: [{}] })).toBe(false); // `#` is Tree itself
    expect(isTree!({ value: 1, leaf: 'abcd' })).toBe(false); // Leaf's maxLength
    expect(isHolder!({ leaf: 'abcd' })).toBe(false);
    expect(isHolder!({ leaf: 'abc' })).toBe(true);
  });

  it('that name no schema of the document are refused, never fetched', async () => {
    const message = await refusal('Missing', [
      '    Tree:',
      '      $id: https://example.com/schemas/tree',
      '      properties:',
      "        leaf: {$ref: 'leaf'}",
    ]);
    expect(message).toContain(
      'openapi.yaml:9:22 #/components/schemas/Tree/properties/leaf/$ref: $ref "leaf" resolves against the schema\'s $id to "https://example.com/schemas/leaf", which no schema of this document declares as its $id',
    );
    expect(message).toContain('$id: https://example.com/schemas/leaf');
  });

  it('a root pointer written inside a schema with an $id is said to resolve against the $id (helper-129 4)', async () => {
    const message = await refusal('Root pointer', [
      '    Res:',
      '      $id: https://example.com/schemas/res',
      '      properties:',
      "        item: {$ref: '#/components/schemas/Item'}",
      '    Item: {type: string}',
    ]);
    // It named a $ref nobody wrote ("#/components/schemas/Res/components/schemas/Item") and said to
    // add Item there.
    expect(message).toContain(
      'openapi.yaml:9:22 #/components/schemas/Res/properties/item/$ref: $ref "#/components/schemas/Item" is inside the schema #/components/schemas/Res, whose `$id` (https://example.com/schemas/res) is the base it resolves against (JSON Schema 2020-12 §8.2.1)',
    );
    expect(message).toContain('remove the `$id` from #/components/schemas/Res');
  });

  it('declared twice by different schemas are refused at the second, naming the first (helper-150)', async () => {
    // The first was read without a word: the $ref typed the response as A, and B's own $refs
    // (relative ones, resolved against the same $id) went to A's schemas.
    const message = await refusal('Twice', [
      '    A: {$id: https://example.com/same, properties: {a: {type: string}}}',
      '    B: {$id: https://example.com/same, properties: {b: {type: integer}}}',
      "    C: {$id: 'same', properties: {c: {type: integer}}}",
      "    Holder: {properties: {it: {$ref: 'https://example.com/same'}}}",
    ]);
    expect(message).toContain(
      'openapi.yaml:7:14 #/components/schemas/B/$id: `$id: https://example.com/same` is declared a second time, by another schema than the one at openapi.yaml #/components/schemas/A',
    );
    expect(message).toContain(
      'fix: give one of the two schemas (here or at #/components/schemas/A) another `$id`',
    );
    // A relative $id is compared as the URI it resolves to (here against the file: another one).
    expect(message).not.toContain('#/components/schemas/C/$id');
  });

  it('declared twice by one schema (a YAML alias) or equal copies name one schema', async () => {
    const dir = await tempDir('schema-ids-twice-');
    const spec = join(dir, 'openapi.yaml');
    await writeFile(
      spec,
      [
        'openapi: 3.1.0',
        'info: {title: Twice, version: 1.0.0}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    A: &a {$id: https://example.com/same, properties: {a: {type: string}}}',
        '    B: *a',
        '    C: {$id: https://example.com/same, properties: {a: {type: string}}}',
        "    Holder: {properties: {it: {$ref: 'https://example.com/same'}}}",
        '',
      ].join('\n'),
    );
    const out = join(dir, 'sdk');
    await generate({ spec, out, cwd: dir });
    const { isHolder } = (await import(join(out, 'src/guards.ts'))) as Record<
      string,
      (value: unknown) => boolean
    >;
    expect(isHolder!({ it: { a: 'x' } })).toBe(true);
    expect(isHolder!({ it: { a: 1 } })).toBe(false);
  });
});

/** The GeneratorError's message for a spec of these component schema lines (YAML, indented). */
async function refusal(title: string, schemas: string[]): Promise<string> {
  const dir = await tempDir('schema-ids-refused-');
  const spec = join(dir, 'openapi.yaml');
  const head = ['openapi: 3.1.0', `info: {title: ${title}, version: 1.0.0}`, 'paths: {}'];
  await writeFile(spec, [...head, 'components:', '  schemas:', ...schemas, ''].join('\n'));
  const error = await generate({ spec, out: join(dir, 'sdk'), cwd: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return (error as Error).message;
}
