/**
 * How the pipeline hands files to the formatter: emitting is synchronous work on the main thread,
 * and a prettier worker that finishes a file only gets the next one when this thread's event loop
 * turns, so the pipeline lets it turn after each emitter.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import type { Formatter } from '../../generator/write/format-pool.ts';
import { ROOT, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

describe('the pipeline', () => {
  it('lets the event loop turn between emitters, so a finished worker is given the next file', async () => {
    const events: string[] = [];
    let turns = 0;
    // Each file's answer comes on the next turn of the event loop, as a worker's message does.
    const formatter: Formatter = {
      format(path, text) {
        events.push(`format ${path} after ${turns} turns`);
        return new Promise((resolve) =>
          setImmediate(() => {
            turns++;
            resolve(text);
          }),
        );
      },
      async close() {},
    };
    const out = join(await tempDir('pipeline-'), 'out');
    await runPipeline(resolveContext({ spec: join(ROOT, 'spec/openapi.yaml'), out }), {
      formatter,
    });
    // The first file that reaches the formatter (src/types.ts is all by rules now) goes at once.
    const [first] = events;
    const last = events.find((event) => event.startsWith('format package.json'));
    expect(first).toMatch(/^format src\/\S+ after 0 turns$/);
    // Before the last emitter ran, answers to the earlier files had come in.
    expect(Number(/after (\d+) turns/.exec(last!)![1])).toBeGreaterThan(0);
  });
});
