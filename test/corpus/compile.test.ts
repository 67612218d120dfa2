/**
 * Every generated corpus package compiles under strict `tsc` with the package's own tsconfig
 * (strict, noUncheckedIndexedAccess, noImplicitOverride) and holds no `any` (found in the
 * TypeScript AST, not by text search).
 */
import { describe, expect, it } from 'vitest';
import { findAnyKeywords } from '../generator/helpers.ts';
import { corpusRuns } from './runs.ts';
import { tscErrors } from './tsc.ts';

describe.concurrent.each(corpusRuns())('$name', (run) => {
  it('compiles under strict tsc', { timeout: 600_000 }, async () => {
    expect(run.ok).toBe(true);
    const { status, errors } = await tscErrors(run.out, ['--noImplicitOverride']);
    console.log(`corpus: ${run.name}: ${errors.length} tsc errors`);
    expect(errors).toEqual([]);
    expect(status).toBe(0);
  });

  it('holds no `any`', async () => {
    expect(run.ok).toBe(true);
    const found = await findAnyKeywords(run.out);
    console.log(`corpus: ${run.name}: ${found.length} any`);
    expect(found).toEqual([]);
  });
});
