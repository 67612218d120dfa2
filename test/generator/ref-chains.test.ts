/**
 * Long chains and rings of `$ref`s that point at other `$ref`s (generator/load/ref-chains.ts,
 * cycles.ts). The bundler follows such a chain one call inside another: 10,000 in a row overflowed
 * its stack and the run never settled (it hung), and 1,000 took seconds. A chain of more than
 * MAX_REF_CHAIN is refused before bundling, naming where it starts and ends; a ring of `$ref`s of
 * any kind (responses, parameters, not only schemas) is refused with its loop, shortened.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { MAX_REF_CHAIN } from '../../generator/load/ref-chains.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

type Section = 'schemas' | 'responses';

/**
 * A spec whose one operation answers through a `$ref` to `#/components/<section>/C0`, and C0 → C1
 * → … → C<n> are `$ref`s; C<n> is the real object, or (`ring`) a `$ref` back to C0. The chain
 * starts at the operation's `$ref`: `length + 1` `$ref`s in a row.
 */
function chainSpec(section: Section, length: number, ring = false): string {
  const ref = (index: number) => ({ $ref: `#/components/${section}/C${index}` });
  const items: Record<string, unknown> = {};
  for (let index = 0; index < length; index++) items[`C${index}`] = ref(index + 1);
  items[`C${length}`] = ring
    ? ref(0)
    : section === 'schemas'
      ? { type: 'object', properties: { id: { type: 'string' } } }
      : { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } };
  const response =
    section === 'schemas'
      ? { description: 'ok', content: { 'application/json': { schema: ref(0) } } }
      : ref(0);
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Chains', version: '1.0.0' },
    paths: { '/a': { get: { operationId: 'getA', responses: { '200': response } } } },
    components: { [section]: items },
  });
}

async function run(text: string): Promise<{ error?: GeneratorError; files?: string[] }> {
  const dir = await tempDir('ref-chains-');
  const spec = join(dir, 'openapi.json');
  await writeFile(spec, text);
  try {
    const result = await generate({ spec, out: join(dir, 'sdk'), cwd: dir, cache: false });
    return { files: result.files };
  } catch (error) {
    if (error instanceof GeneratorError) return { error };
    throw error;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('chains of $refs', () => {
  it.each<Section>(['schemas', 'responses'])(
    'a chain of 10,000 %s is refused at its start, naming its end, without hanging',
    async (section) => {
      const { error } = await run(chainSpec(section, 10_000));
      expect(error).toBeDefined();
      const message = error!.message;
      const use =
        section === 'schemas'
          ? '#/paths/~1a/get/responses/200/content/application~1json/schema'
          : '#/paths/~1a/get/responses/200';
      // At the $ref's line and column in the file (JSON on one line: column only differs).
      expect(message).toMatch(
        new RegExp(`^openapi\\.json:1:\\d+ ${escapeRegExp(use)}: a chain of 10001 \\$refs`),
      );
      expect(message).toContain(
        `${use} → #/components/${section}/C0 → #/components/${section}/C1 → #/components/${section}/C2`,
      );
      expect(message).toContain('… (9992 more) …');
      expect(message).toContain(
        `point the $refs straight at #/components/${section}/C10000, the place the chain ends`,
      );
      // Short: the middle of the chain is left out.
      expect(message.length).toBeLessThan(1_500);
    },
    60_000,
  );

  it('a chain of MAX_REF_CHAIN $refs still generates; one more is refused', async () => {
    const ok = await run(chainSpec('schemas', MAX_REF_CHAIN - 1));
    expect(ok.error).toBeUndefined();
    expect(ok.files).toContain('src/types.ts');
    const refused = await run(chainSpec('schemas', MAX_REF_CHAIN));
    expect(refused.error?.message).toContain(`a chain of ${MAX_REF_CHAIN + 1} $refs`);
  });

  it.each<Section>(['schemas', 'responses'])(
    'a ring of 10,000 %s is refused once, with its loop shortened',
    async (section) => {
      const { error } = await run(chainSpec(section, 10_000, true));
      expect(error).toBeDefined();
      const message = error!.message;
      expect(message.match(/circular \$ref/g)).toHaveLength(1);
      // Named as what the ring stands for: a ring of responses never reaches a response.
      expect(message).toContain(
        `never reaches ${section === 'schemas' ? 'a schema' : 'a response'}`,
      );
      expect(message).toContain('… (9992 more) …');
      expect(message.length).toBeLessThan(1_500);
    },
    60_000,
  );
});
