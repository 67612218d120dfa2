/**
 * `type: object, format: file`: how some Swagger 2 → OpenAPI 3 converters (AutoRest's among them)
 * write Swagger 2's `type: file`. Read as an object it typed a downloaded or uploaded file as
 * `{ [key: string]: unknown }`; it means bytes, so it is read as `type: string, format: binary` (a
 * Blob), with a warning naming the place and the fix, as `type: file` is (sloppy.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, specPackage } from './package.ts';

afterAll(removeTempDirs);

const octet = (schema: Record<string, unknown>) => ({
  content: { 'application/octet-stream': { schema } },
});

describe('format: file', () => {
  it('on an object schema (or one with no type) is read as bytes, with a warning', async () => {
    const pkg = await specPackage({
      openapi: '3.0.3',
      info: { title: 'Files', version: '1' },
      paths: {
        '/files/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          get: {
            operationId: 'getFile',
            responses: {
              '200': { description: 'The file.', ...octet({ type: 'object', format: 'file' }) },
            },
          },
          put: {
            operationId: 'putFile',
            requestBody: { required: true, ...octet({ format: 'file' }) },
            responses: { '204': { description: 'Stored.' } },
          },
        },
        '/uploads': {
          post: {
            operationId: 'upload',
            requestBody: {
              content: {
                'multipart/form-data': {
                  schema: { $ref: '#/components/schemas/Upload' },
                },
              },
            },
            responses: { '204': { description: 'Stored.' } },
          },
        },
      },
      components: {
        schemas: {
          Upload: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              data: { type: 'object', format: 'file', description: 'The file.' },
            },
          },
          // An object with properties is an object whatever its format says: left alone.
          Meta: { type: 'object', format: 'file', properties: { size: { type: 'integer' } } },
        },
      },
    });
    const warnings = pkg.model.warnings.filter((w) => w.key === 'sloppy:format-file');
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning!.problem).toBe(
      "`format: file` is Swagger 2's `type: file` converted badly: read as `type: string, format: binary` (bytes, a Blob), not as an object",
    );
    expect(warning!.hint).toBe('write `type: string` and `format: binary`');
    expect(warning!.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1files~1{id}/get/responses/200/content/application~1octet-stream/schema/format',
      '#/paths/~1files~1{id}/put/requestBody/content/application~1octet-stream/schema/format',
      '#/components/schemas/Upload/properties/data/format',
    ]);
    const files = pkg.files.get('src/resources/files.ts')!;
    expect(files).toMatch(/get\(id: string, options\?: RequestOptions\): APIPromise<Blob>/);
    expect(files).toMatch(/export interface FilePutParams \{[^}]*body: Blob \| ArrayBuffer/);
    const types = pkg.files.get('src/types.ts')!;
    expect(types).toMatch(/data\?: Blob;/);
    expect(types).toMatch(/export interface Meta \{\s+size\?: number;/);
    expect(diagnostics(pkg)).toEqual([]);
  });
});
