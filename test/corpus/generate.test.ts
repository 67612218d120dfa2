/**
 * Every corpus description generates a package, within the memory budget (1 GiB peak resident
 * memory, measured on the generating process, prettier's worker threads included).
 */
import { describe, expect, it } from 'vitest';
import { corpusRuns } from './runs.ts';

const MEMORY_LIMIT = 2 ** 30;

describe.each(corpusRuns())('$name', (run) => {
  it('generates a package', () => {
    expect(run.error).toBeUndefined();
    expect(run.ok).toBe(true);
    expect(run.files).toBeGreaterThan(10);
  });

  it('stays under 1 GiB of memory while generating', () => {
    expect(run.maxRssBytes).toBeGreaterThan(0);
    expect(run.maxRssBytes).toBeLessThan(MEMORY_LIMIT);
  });
});
