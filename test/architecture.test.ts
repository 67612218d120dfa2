import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/spec.ts';

const TEXT = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

/** Every `path` in backticks that looks like a file or folder of this repository. */
function namedPaths(): string[] {
  const paths = [...TEXT.matchAll(/`([A-Za-z0-9_.\-/]+)`/g)].map((m) => m[1]!);
  return [
    ...new Set(
      paths.filter((p) =>
        /^(spec|generator|templates|scripts|test|generated)\/|^[\w.-]+\.(yaml|md|json)$/.test(p),
      ),
    ),
  ];
}

describe('ARCHITECTURE.md', () => {
  it('names paths of the repository', () => {
    expect(namedPaths().length).toBeGreaterThan(30);
  });

  it.each(namedPaths())('%s exists', (path) => {
    expect(
      existsSync(join(ROOT, path.replace(/\/$/, ''))),
      `${path} is named in ARCHITECTURE.md but does not exist`,
    ).toBe(true);
  });
});
