/**
 * A spec without operations generates a client without methods: a warning says so, naming what the
 * spec holds instead (no `paths`, an empty one, path items without operations, webhooks), at
 * `paths` (or the document). A spec with an operation stays quiet.
 */
import { describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { writeSpec } from '../generator/helpers.ts';

async function warned(doc: Record<string, unknown>) {
  const ctx = resolveContext({ spec: await writeSpec(doc) });
  const model = await buildModel(await loadAndBundle(ctx), ctx);
  return model.warnings
    .filter((w) => w.key === 'no-operations')
    .map((w) => [w.location.pointer, w.problem]);
}

const spec = (extra: Record<string, unknown>) => ({
  openapi: '3.1.0',
  info: { title: 'No operations', version: '1' },
  components: { schemas: { Pet: { type: 'object' } } },
  ...extra,
});
const TAIL =
  ": the client has no methods, and the package holds the schemas' types and guards only";

describe('a spec without operations', () => {
  it('with an empty `paths` is warned about at `paths`', async () => {
    expect(await warned(spec({ paths: {} }))).toEqual([
      ['#/paths', `the spec has no operations (\`paths\` is empty)${TAIL}`],
    ]);
  });

  it('with path items that hold no operation', async () => {
    const paths = {
      '/pets': { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] },
      '/pets/{id}': { summary: 'A pet' },
    };
    expect(await warned(spec({ paths }))).toEqual([
      [
        '#/paths',
        `the spec has no operations (its 2 paths have no operation under an HTTP method)${TAIL}`,
      ],
    ]);
  });

  it('with webhooks only (OpenAPI 3.1), at the document', async () => {
    const webhook = { post: { responses: { '200': { description: 'ok' } } } };
    expect(await warned(spec({ webhooks: { ping: webhook, pong: webhook } }))).toEqual([
      [
        '#',
        `the spec has no operations (no \`paths\`); its 2 webhooks are requests the API sends, which an SDK does not make${TAIL}`,
      ],
    ]);
  });

  it('is the only kind warned: one operation is enough', async () => {
    const paths = { '/pets': { get: { responses: { '204': { description: 'ok' } } } } };
    expect(await warned(spec({ paths }))).toEqual([]);
  });
});
