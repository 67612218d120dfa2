/**
 * Every emitted TypeScript file is an ES module, whatever the spec holds: a file without an
 * `import` or `export` is a script to a compiler that does not read `"type": "module"`
 * (`moduleResolution: bundler`), and `export * from` it fails ("is not a module", TS2306). The
 * resources' index of a spec without operations was such a file (helper-112).
 */
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { specPackage } from './package.ts';

afterAll(removeTempDirs);

const info = { title: 'Modules', version: '1' };
const pet = { type: 'object', properties: { name: { type: 'string' } } };

const SPECS: Record<string, Record<string, unknown>> = {
  'no paths, no components': { openapi: '3.1.0', info },
  'schemas only': { openapi: '3.0.3', info, paths: {}, components: { schemas: { Pet: pet } } },
  'webhooks only': {
    openapi: '3.1.0',
    info,
    webhooks: {
      petAdded: {
        post: {
          requestBody: { content: { 'application/json': { schema: pet } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  },
};

describe.each(Object.entries(SPECS))('a spec with %s', (_name, spec) => {
  it('gives only ES modules', async () => {
    const pkg = await specPackage(spec);
    const scripts = [...pkg.files]
      .filter(([path]) => path.endsWith('.ts'))
      .filter(([path, text]) => {
        const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest);
        return !ts.isExternalModule(source);
      })
      .map(([path]) => path);
    expect(scripts).toEqual([]);
    expect(pkg.files.get('src/resources/index.ts')).toMatch(/^export \{\};$/m);
  });
});
