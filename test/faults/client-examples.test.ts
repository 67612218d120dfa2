/**
 * The TSDoc examples of src/client.ts (the client class's and the path client's) are valid
 * TypeScript whatever the client is named: a name that is a reserved word once lower-cased
 * (`Class`, `Delete`, `New`) made `const class = new Class();`.
 */
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { specPackage } from './package.ts';

afterAll(removeTempDirs);

const spec = (clientName: string) => ({
  openapi: '3.1.0',
  info: { title: 'Examples', version: '1' },
  'x-sdk': { clientName },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/notes': {
      get: {
        operationId: 'listNotes',
        tags: ['notes'],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: {} } } },
        },
      },
    },
  },
});

/** The ```ts blocks of the TSDoc comments in `text`, without their ` * ` margins. */
function docExamples(text: string): string[] {
  const blocks = [...text.matchAll(/^ \* ```ts\n((?: \*.*\n)*?) \* ```$/gm)];
  return blocks.map((block) => block[1]!.replace(/^ \* ?/gm, ''));
}

describe('the examples in the client’s TSDoc', () => {
  it.each(['Class', 'Delete', 'New', 'Notes'])(
    'parse when the client is named %s',
    async (name) => {
      const pkg = await specPackage(spec(name));
      expect(pkg.model.sdk.clientName).toBe(name);
      const examples = docExamples(pkg.files.get('src/client.ts')!);
      expect(examples.length).toBe(2);
      for (const example of examples) {
        const { diagnostics = [] } = ts.transpileModule(example, { reportDiagnostics: true });
        expect(
          diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
          example,
        ).toEqual([]);
      }
    },
  );
});
