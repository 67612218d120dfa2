/**
 * A schema whose guard takes the name of a guards runtime helper: `Issues` (Snyk's API) gets
 * `collectIssues`, the runtime's function every `validateX` calls. The file imported the runtime's
 * under the same name as it declared its own, and did not compile (TS2440); the runtime's is now
 * imported under another name, and both work.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { importModules } from '../guards/compile.ts';
import { diagnostics, schemasPackage } from './package.ts';

afterAll(removeTempDirs);

describe('a guard named like a runtime helper', () => {
  const schemas = {
    Issues: {
      type: 'object',
      required: ['count'],
      properties: {
        count: { type: 'integer' },
        items: { type: 'array', items: { type: 'string' } },
      },
    },
    // Its guard would take the first alias.
    IssuesRuntime: { type: 'string', minLength: 2 },
    Summary: {
      type: 'object',
      properties: { issues: { $ref: '#/components/schemas/Issues' } },
    },
  };

  it('compiles, and the guards report issues', async () => {
    const pkg = await schemasPackage('Runtime names', schemas);
    expect(diagnostics(pkg)).toEqual([]);
    const guards = await importModules({
      'guards.ts': pkg.files.get('src/guards.ts') ?? '',
      'guards-runtime.ts': pkg.files.get('src/guards-runtime.ts') ?? '',
    });
    expect(guards['validateIssues']!({ count: 1 })).toMatchObject({ ok: true });
    expect(guards['validateIssues']!({ count: 'x' })).toMatchObject({
      ok: false,
      issues: [{ path: '/count' }],
    });
    expect(guards['validateSummary']!({ issues: { items: [1] } })).toMatchObject({
      ok: false,
      issues: [{ path: '/issues/count' }, { path: '/issues/items/0' }],
    });
    expect(guards['validateIssuesRuntime']!('a')).toMatchObject({ ok: false });
  });
});
