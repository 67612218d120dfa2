/**
 * GeneratorError.all, the one home where problems found at once are gathered: the same problem
 * found twice (same file, place and words) is reported once, however its finders placed it.
 */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';

const FILE = 'spec.json';
const POINTER = '#/components/schemas/C/const';
const WORDS = 'the number here is beyond what a JSON number holds';

describe('GeneratorError.all', () => {
  it('reports a problem once when two finders report it, one at its line and one without', () => {
    const placed = new GeneratorError(
      WORDS,
      { file: FILE, pointer: POINTER, line: 1, column: 9 },
      'fix it',
    );
    const unplaced = new GeneratorError(WORDS, { file: FILE, pointer: POINTER }, 'fix it');
    const other = new GeneratorError('another problem', { file: FILE, pointer: '#/paths' }, 'fix');
    const error = GeneratorError.all([unplaced, other, placed]);
    expect(error.problems).toHaveLength(2);
    // The placed one is kept, where the first was found.
    expect(error.problems[0]).toBe(placed);
    expect(error.problems[1]).toBe(other);
    expect(error.report.match(/beyond what a JSON number holds/g)).toHaveLength(1);
  });

  it('keeps problems that differ in file, place or words', () => {
    const error = GeneratorError.all([
      new GeneratorError(WORDS, { file: FILE, pointer: POINTER }, 'fix'),
      new GeneratorError(WORDS, { file: 'other.json', pointer: POINTER }, 'fix'),
      new GeneratorError(WORDS, { file: FILE, pointer: `${POINTER}/0` }, 'fix'),
      new GeneratorError(`${WORDS}!`, { file: FILE, pointer: POINTER }, 'fix'),
      new GeneratorError(WORDS, { file: FILE, line: 3 }, 'fix'),
      new GeneratorError(WORDS, { file: FILE, line: 4 }, 'fix'),
    ]);
    expect(error.problems).toHaveLength(6);
  });
});
