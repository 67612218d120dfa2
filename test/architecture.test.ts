import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
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

/**
 * The import graph of generator/: data flows load → model → emit → write, so a step never imports
 * a later one, and emitters never read the loader (they read the model).
 */
describe('import boundaries of generator/', () => {
  const GENERATOR = join(ROOT, 'generator');
  const FORBIDDEN: Record<string, readonly string[]> = {
    load: ['model', 'emit', 'write'],
    model: ['emit', 'write'],
    emit: ['load', 'write'],
  };

  /** `from → to` for every relative import (static, dynamic, re-export) between two steps. */
  function crossings(): string[] {
    const out: string[] = [];
    const files = readdirSync(GENERATOR, { recursive: true, encoding: 'utf8' }).filter((file) =>
      /\.(ts|mts|mjs)$/.test(file),
    );
    for (const file of files) {
      const text = readFileSync(join(GENERATOR, file), 'utf8');
      const { importedFiles } = ts.preProcessFile(text, true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = relative(GENERATOR, resolve(GENERATOR, dirname(file), fileName));
        const [from, to] = [file.split(sep)[0]!, target.split(sep)[0]!];
        if (from !== to) out.push(`${file.split(sep).join('/')} → ${target.split(sep).join('/')}`);
      }
    }
    return out;
  }

  it('sees the imports between steps', () => {
    // The model reads the bundled document: at least one model → load import exists.
    expect(crossings().some((line) => /^model\/.* → load\//.test(line))).toBe(true);
  });

  it.each(Object.entries(FORBIDDEN))('%s/ imports none of %j', (step, later) => {
    const bad = crossings().filter((line) =>
      later.some((other) => line.startsWith(`${step}/`) && line.includes(` → ${other}/`)),
    );
    expect(bad).toEqual([]);
  });
});
