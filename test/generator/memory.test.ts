/**
 * generator/memory.ts: a run forces a full garbage collection between emitters only when the run
 * itself has grown the heap by more than the threshold, never because the process already holds a
 * large heap (a test worker, a build tool calling generate(), a long `npm run dev`).
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { COLLECT_ABOVE_BYTES, memoryReleaser } from '../../generator/memory.ts';
import { removeTempDirs, ROOT, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const MB = 1024 * 1024;

/** Arrays of doubles holding about `bytes` of heap, kept alive while referenced. */
function hold(bytes: number): number[][] {
  return Array.from({ length: Math.ceil(bytes / MB) }, () => new Array<number>(MB / 8).fill(0.5));
}

/** A full collection now (V8's `gc`, exposed at run time as generator/memory.ts does). */
function collectNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Runs `work` and counts the forced (gc()) collections V8 reports meanwhile. */
async function forcedCollections(work: () => unknown): Promise<number> {
  let forced = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const flags = (entry as unknown as { detail?: { flags?: number } }).detail?.flags ?? 0;
      if (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forced++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    await work();
    // GC entries are delivered after the event loop turns.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    observer.disconnect();
  }
  return forced;
}

describe('memoryReleaser', () => {
  it('does not collect for a heap that was already large when the run began', async () => {
    const held = hold(96 * MB);
    const release = memoryReleaser(32 * MB);
    let collected = true;
    expect(await forcedCollections(() => (collected = release()))).toBe(0);
    expect(collected).toBe(false);
    expect(held.length).toBe(96);
  });

  it('has a threshold of 128 MB of growth', () => {
    expect(COLLECT_ABOVE_BYTES).toBe(128 * MB);
  });

  it('collects once the run has grown the heap past the threshold, then measures from there', async () => {
    // The releaser measures from the heap as it is: garbage of earlier tests in it, collected by
    // chance before the check, would hide the growth (it did under load).
    collectNow();
    const release = memoryReleaser(32 * MB);
    const grown = hold(64 * MB);
    let collected = false;
    expect(await forcedCollections(() => (collected = release()))).toBeGreaterThan(0);
    expect(collected).toBe(true);
    // Nothing new since that collection: the next step does not collect again.
    expect(release()).toBe(false);
    expect(grown.length).toBe(64);
  });
});

describe('generate() in a process that already holds a large heap', () => {
  it('forces no collection on our spec (each emitter used to force one of the whole heap)', async () => {
    // More than the threshold (COLLECT_ABOVE_BYTES, 128 MB) by itself, as a test worker may hold.
    const held = hold(320 * MB);
    const out = join(await tempDir('memory-'), 'sdk');
    const forced = await forcedCollections(() =>
      generate({ spec: join(ROOT, 'spec/openapi.yaml'), out }),
    );
    expect(forced).toBe(0);
    expect(held.length).toBeGreaterThan(0);
  });
});
