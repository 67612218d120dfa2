/**
 * A `$ref` inside a schema's `example` is followed by default, as Redocly's bundler (the docs,
 * `lint:spec`, openapi-typescript) follows it: split specs keep their examples in files. A
 * redocly.yaml with `resolve.doNotResolveExamples: true`, given with `--redocly-config`, keeps
 * the example as written, OpenAPI's literal reading (an API whose data has a `$ref` key).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { getByPointer } from '../../generator/pointer.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const EXAMPLE = '#/components/schemas/Stored/example';

async function specWithExampleRef(): Promise<{ dir: string; spec: string }> {
  const dir = await tempDir('example-ref-');
  const spec = join(dir, 'openapi.yaml');
  await writeFile(
    spec,
    [
      'openapi: 3.1.0',
      'info: {title: Registry, version: 1.0.0}',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Stored:',
      '      type: object',
      '      example: {$ref: ./stored.json}',
      '',
    ].join('\n'),
  );
  await writeFile(join(dir, 'stored.json'), '{"id": "s1"}');
  return { dir, spec };
}

describe('a $ref inside an example', () => {
  it("is followed by default, as Redocly's bundler does", async () => {
    const { spec } = await specWithExampleRef();
    const bundled = await loadAndBundle(resolveContext({ spec }));
    expect(getByPointer(bundled.document, EXAMPLE)).toEqual({ id: 's1' });
  });

  it('stays as written with resolve.doNotResolveExamples in the Redocly config', async () => {
    const { dir, spec } = await specWithExampleRef();
    const config = join(dir, 'redocly.yaml');
    await writeFile(config, 'resolve:\n  doNotResolveExamples: true\n');
    const bundled = await loadAndBundle(resolveContext({ spec, redoclyConfig: config }));
    expect(getByPointer(bundled.document, EXAMPLE)).toEqual({ $ref: './stored.json' });
  });
});
