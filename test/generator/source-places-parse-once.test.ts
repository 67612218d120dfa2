/**
 * A warning lists every place it was found (generator/warnings.ts), and each is placed at its
 * line and column in the file as written (generator/load/source-map.ts). The file is parsed for
 * lines once, however many places it holds: parsing it again for each place took 7 s for one
 * warning with some 30 places in a 1 MB spec (Lob's), longer than the rest of the run.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      parses.count++;
      return yaml.parseDocument(...args);
    },
  };
});

// Test files share a worker's modules (isolate: false): load source-map.ts anew, on the mock.
vi.resetModules();
const { SourceMap } = await import('../../generator/load/source-map.ts');
const { GeneratorWarning } = await import('../../generator/warnings.ts');
const { removeTempDirs } = await import('./helpers.ts');

afterAll(removeTempDirs);

describe('a warning with many places in one file', () => {
  it('places each at its own line, parsing the file once', () => {
    const count = 300;
    // Line 1 `components:`, 2 `  schemas:`, then three lines a schema: its name, type, the keyword.
    const text = [
      'components:',
      '  schemas:',
      ...Array.from({ length: count }, (_, i) => [
        `    S${i}:`,
        '      type: string',
        `      x-odd${i}: ${i}`,
      ]).flat(),
    ].join('\n');
    const file = '/specs/openapi.yaml';
    const map = new SourceMap(file, 'openapi.yaml', new Map([[file, text]]), (f) => f, {});
    const place = (i: number) => ({
      file: 'openapi.yaml',
      pointer: `#/components/schemas/S${i}/x-odd${i}`,
    });
    const warning = new GeneratorWarning('keyword', 'odd', place(0), 'remove it');
    for (let i = 1; i < count; i++)
      warning.places.push({ location: place(i), problem: 'odd', hint: 'remove it' });

    parses.count = 0;
    const placed = map.warning(warning);
    expect(parses.count).toBe(1);
    expect(placed.places).toHaveLength(count);
    placed.places.forEach(({ location }, i) => {
      expect(location).toEqual({
        file,
        pointer: `#/components/schemas/S${i}/x-odd${i}`,
        line: 5 + 3 * i,
        column: 14 + String(i).length,
      });
    });
  });
});
