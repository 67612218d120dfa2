import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clientRuntimeFiles,
  rewriteSpecifiers,
  RUNTIME_TEMPLATES_DIR,
} from '../../../generator/emit/client/runtime-files.ts';

describe('clientRuntimeFiles', () => {
  const files = clientRuntimeFiles();

  it('maps every runtime template (and no test) to src/runtime/, in a fixed order', () => {
    expect(files.map((file) => file.path)).toEqual([
      'src/runtime/api-promise.ts',
      'src/runtime/core.ts',
      'src/runtime/errors.ts',
      'src/runtime/internal/body.ts',
      'src/runtime/internal/credentials.ts',
      'src/runtime/internal/depth.ts',
      'src/runtime/internal/env.ts',
      'src/runtime/internal/finite.ts',
      'src/runtime/internal/headers.ts',
      'src/runtime/internal/invalid-http.ts',
      'src/runtime/internal/options.ts',
      'src/runtime/internal/path.ts',
      'src/runtime/internal/percent.ts',
      'src/runtime/internal/platform.ts',
      'src/runtime/internal/query.ts',
      'src/runtime/internal/read.ts',
      'src/runtime/internal/redirect.ts',
      'src/runtime/internal/retry.ts',
      'src/runtime/internal/scalar.ts',
      'src/runtime/internal/text-type.ts',
      'src/runtime/internal/url.ts',
      'src/runtime/logger.ts',
      'src/runtime/pagination.ts',
      'src/runtime/paths-client.ts',
      'src/runtime/request-options.ts',
      'src/runtime/resource.ts',
      'src/runtime/streaming.ts',
      'src/runtime/validation.ts',
    ]);
  });

  it('leaves out error-body.ts, which the client emitter writes from the spec', () => {
    expect(files.map((file) => file.path)).not.toContain('src/runtime/error-body.ts');
  });

  it('copies each template unchanged except for .ts → .js in relative specifiers', () => {
    for (const file of files) {
      const template = readFileSync(
        join(RUNTIME_TEMPLATES_DIR, file.path.replace('src/runtime/', '')),
        'utf8',
      );
      expect(file.text).toBe(template.replace(/(['"])(\.{1,2}\/[^'"]*?)\.ts\1/g, '$1$2.js$1'));
      expect(file.text).not.toMatch(/from '\.{1,2}\/[^']*\.ts'/);
    }
  });

  it('keeps templates free of imports the package cannot resolve (only relative ones and openapi-fetch)', () => {
    for (const file of files) {
      for (const [, specifier] of file.text.matchAll(/from '([^']+)'/g)) {
        expect(
          specifier === 'openapi-fetch' || /^\.{1,2}\/.*\.js$/.test(specifier ?? ''),
          `${file.path}: ${specifier!}`,
        ).toBe(true);
      }
    }
  });

  it('lists the template folder without tests even if one is added there', () => {
    const names = readdirSync(RUNTIME_TEMPLATES_DIR, { recursive: true }).map(String);
    expect(files).toHaveLength(
      names.filter(
        (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'error-body.ts',
      ).length,
    );
  });
});

describe('rewriteSpecifiers', () => {
  it.each([
    ["import { a } from './a.ts';", "import { a } from './a.js';"],
    ["export type { B } from '../b/c.ts';", "export type { B } from '../b/c.js';"],
    ['import "./side.ts";', 'import "./side.js";'],
    ["const m = await import('./lazy.ts');", "const m = await import('./lazy.js');"],
    ["import x from 'pkg/file.ts';", "import x from 'pkg/file.ts';"],
    ["const text = 'see ./a.ts';", "const text = 'see ./a.ts';"],
  ])('%s', (given, want) => {
    expect(rewriteSpecifiers(given)).toBe(want);
  });
});
