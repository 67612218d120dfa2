/**
 * On a large spec, the compiled generator emits src/openapi.ts on a worker thread of its own
 * (emit/openapi-types-thread.ts), beside the other emitters: the package is byte for byte what
 * the sources write on one thread, the run says it used the worker (its `emit-worker` timing), and
 * a worker that cannot run leaves the file to the main thread, with the same output.
 */
import { spawnSync } from 'node:child_process';
import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENAPI_TYPES_WORKER_MIN } from '../../generator/emit/openapi-types-thread.ts';
import { generate } from '../../generator/index.ts';
import { ensureGeneratorBuild } from '../../scripts/generator-build.mjs';
import { ROOT, removeTempDirs, snapshotTree, tempDir, writeSpec } from './helpers.ts';

afterAll(removeTempDirs);

/**
 * A spec over the worker's threshold. The bulk is an extension's text (only openapi.json carries
 * it); the operations have what the worker's body rewrites read: a text body with an enum schema,
 * a binary body, an event stream, a 204.
 */
function largeSpec(): object {
  const statusSchema = { type: 'string', enum: ['ready', 'busy'] };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Large',
      version: '1.0.0',
      'x-notes': 'A note the SDK does not read. '.repeat(
        Math.ceil((OPENAPI_TYPES_WORKER_MIN * 1.1) / 30),
      ),
    },
    servers: [{ url: 'https://api.example.com' }],
    paths: {
      '/things/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getThing',
          responses: {
            '200': {
              description: 'The thing',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
        delete: { operationId: 'deleteThing', responses: { '204': { description: 'Gone' } } },
      },
      '/things/{id}/status': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getThingStatus',
          responses: {
            '200': {
              description: 'Its status',
              content: { 'text/plain': { schema: statusSchema } },
            },
          },
        },
      },
      '/things/{id}/photo': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getThingPhoto',
          responses: {
            '200': { description: 'Its photo', content: { 'image/png': { schema: {} } } },
          },
        },
      },
      '/events': {
        get: {
          operationId: 'streamEvents',
          responses: {
            '200': {
              description: 'Events',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  };
}

/** The build's `generate()` in a process of its own (as `npm run generate` runs): its timings. */
async function generateBuilt(
  buildDir: string,
  spec: string,
  out: string,
): Promise<Record<string, number>> {
  const script = join(await tempDir('openapi-types-worker-run-'), 'run.mjs');
  await writeFile(
    script,
    `const { generate } = await import(${JSON.stringify(pathToFileURL(join(buildDir, 'index.mjs')).href)});
    const result = await generate({ spec: ${JSON.stringify(spec)}, out: ${JSON.stringify(out)}, cache: false });
    console.log(JSON.stringify(result.timings));`,
  );
  const result = spawnSync(process.execPath, [script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

describe("src/openapi.ts on the compiled generator's worker thread", () => {
  it('is emitted there for a large spec, byte for byte as the sources emit it on one thread', async () => {
    const spec = await writeSpec(largeSpec());
    const dir = await tempDir('openapi-types-worker-');
    const timings = await generateBuilt(await ensureGeneratorBuild(), spec, join(dir, 'built'));
    expect(timings['emit-worker']).toBeGreaterThan(0);
    await generate({ spec, out: join(dir, 'sources'), cache: false });
    const built = await snapshotTree(join(dir, 'built'));
    expect(built).toEqual(await snapshotTree(join(dir, 'sources')));
    const openapiTs = Buffer.from(built['src/openapi.ts']!, 'base64').toString('utf8');
    // What the body rewrites sent to the worker decided: the text enum, bytes, the stream, no 204 body.
    expect(openapiTs).toContain("'text/plain': 'ready' | 'busy';");
    expect(openapiTs).toContain("'image/png': Blob;");
    expect(openapiTs).toContain("'text/event-stream': ReadableStream<Uint8Array>;");
    expect(openapiTs).toMatch(/204: \{\s*headers: \{[^}]*\};\s*content\?: never;/);
  });

  it('is not started for a small spec', async () => {
    const dir = await tempDir('openapi-types-worker-');
    const timings = await generateBuilt(
      await ensureGeneratorBuild(),
      join(ROOT, 'spec/openapi.yaml'),
      join(dir, 'out'),
    );
    expect(timings).not.toHaveProperty('emit-worker');
    expect(timings.emit).toBeGreaterThan(0);
  });

  it('leaves the file to the main thread when the worker cannot start, with the same output', async () => {
    const spec = await writeSpec(largeSpec());
    const dir = await tempDir('openapi-types-worker-');
    const build = await ensureGeneratorBuild();
    // A copy of the build beside it (so its paths to the sources and node_modules still hold),
    // without the worker's entry.
    const copy = `${build}-without-worker-${process.pid}`;
    await cp(build, copy, { recursive: true });
    try {
      await rm(join(copy, 'openapi-types-worker.mjs'));
      await writeFile(join(copy, 'openapi-types-worker.mjs.map'), '');
      const timings = await generateBuilt(copy, spec, join(dir, 'built'));
      expect(timings).not.toHaveProperty('emit-worker');
      await generate({ spec, out: join(dir, 'sources'), cache: false });
      expect(await snapshotTree(join(dir, 'built'))).toEqual(
        await snapshotTree(join(dir, 'sources')),
      );
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
