/**
 * The typed path client's table of what each operation needs besides openapi-fetch's defaults
 * (emit/client/client-file.ts `pathsOperations`): entries that make it send and read what the
 * resource method does (helper-108: without them it sent `application/json` for a merge patch and
 * parsed every `*\/*` answer as JSON).
 */
import { describe, expect, it } from 'vitest';
import { specPackage } from '../faults/package.ts';

const ok = (content: Record<string, unknown>) => ({ '200': { description: 'ok', content } });

describe('the typed path client table', () => {
  it('names the media type of a JSON body that is not application/json, and reads */* by its Content-Type', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Table', version: '1.0.0' },
      paths: {
        '/things/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          patch: {
            operationId: 'patchThing',
            requestBody: {
              content: { 'application/merge-patch+json': { schema: { type: 'object' } } },
            },
            responses: { '204': { description: 'done' } },
          },
          put: {
            operationId: 'putThing',
            requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
            responses: { '204': { description: 'done' } },
          },
          get: { operationId: 'getThing', responses: ok({ '*/*': {} }) },
        },
      },
    });
    const client = pkg.files.get('src/client.ts')!;
    const table = /createPathsClient<paths>\(coreOf\(client\), \{ operations: (.*) \}\);/.exec(
      client.replace(/\s+/g, ' '),
    )?.[1];
    // The package as printed, before prettier: double quotes.
    expect(table).toContain('"patch /things/{id}": { bodyType: "application/merge-patch+json" }');
    expect(table).toMatch(/"get \/things\/\{id\}": \{ parseAs: "any"/);
    // A plain JSON body needs no entry.
    expect(table).not.toContain('"put /things/{id}"');
  });
});
