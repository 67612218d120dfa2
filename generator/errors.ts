/**
 * The one error type the generator throws for bad input. It always names the file, the place in
 * it (a JSON pointer, or a line and column) and what to do about it, so the CLI can print it as is.
 */
import { terminalText } from './escape.ts';
import { pushAll } from './json.ts';

export interface GeneratorErrorLocation {
  /** The file the problem is in (as the user gave it, or as found through a `$ref`). */
  file: string;
  /** JSON pointer into the document, e.g. `#/components/schemas/Plan/properties/price`. */
  pointer?: string;
  /** 1-based line and column, when the problem is in the text rather than the structure. */
  line?: number;
  column?: number;
  /**
   * `$ref`s into the bundled document that the fix quotes as JSON strings (`$ref:
   * "#/components/schemas/lion"`). Placing the problem in the files as written
   * (load/source-map.ts) rewrites each as the file the problem is in would write it
   * (`"./lion.yaml"`).
   */
  refs?: readonly string[];
}

/** How many problems one run reports at most (the rest are counted). */
export const SHOWN_PROBLEMS = 20;

export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
  readonly location: GeneratorErrorLocation;
  /** What is wrong, without the place and the fix ('' for several problems at once). */
  readonly problem: string;
  readonly hint: string;
  /**
   * Every problem this error reports, each with its own place and fix: this one alone, or the
   * several found at once ({@link GeneratorError.all}); `location` and `hint` are the first's.
   */
  readonly problems: readonly GeneratorError[];
  /** Problems found beyond {@link SHOWN_PROBLEMS}, counted rather than shown. */
  readonly unshown: number;

  constructor(
    problem: string,
    location: GeneratorErrorLocation,
    hint: string,
    several?: { problems: readonly GeneratorError[]; unshown: number },
  ) {
    super(
      several === undefined
        ? describeProblem(location, problem, hint)
        : [...several.problems.map((one) => one.message), moreProblems(several.unshown)]
            .filter((text) => text !== '')
            .join('\n'),
    );
    this.location = location;
    this.problem = problem;
    this.hint = hint;
    this.problems = several?.problems ?? [this];
    this.unshown = several?.unshown ?? 0;
  }

  /**
   * As the commands print it: each problem after its own `error: ` (its place, words and `fix:`
   * line), then how many more were found; each line ends with a newline.
   */
  get report(): string {
    return [
      ...this.problems.map((problem) => `error: ${problem.message}\n`),
      this.unshown > 0 ? `error: ${moreProblems(this.unshown)}\n` : '',
    ].join('');
  }

  /**
   * The problems found at once as one error, so that the user fixes them in one go: the first
   * {@link SHOWN_PROBLEMS}, then how many more. Its message holds each one's (the CLI prints each
   * after its own `error: `). The same problem twice (same place, words and fix) counts once.
   * @param alsoUnshown problems found beyond `found`, counted only
   */
  static all(found: readonly GeneratorError[], alsoUnshown = 0): GeneratorError {
    // A problem found twice (a schema two others reach, a number two checks read) is reported
    // once: the same file, place and words are one problem, whether or not each finder placed it
    // at its line (the one that did is kept), or wrote the same fix.
    const byPlace = new Map<string, GeneratorError>();
    for (const error of found) {
      const key = problemKey(error);
      const known = byPlace.get(key);
      if (
        known === undefined ||
        (known.location.line === undefined && error.location.line !== undefined)
      )
        byPlace.set(key, error);
    }
    const errors = [...byPlace.values()];
    const [first, second] = errors;
    if (first === undefined) throw new Error('GeneratorError.all needs at least one problem');
    if (second === undefined && alsoUnshown === 0) return first;
    const problems = errors.slice(0, SHOWN_PROBLEMS);
    return new GeneratorError('', first.location, first.hint, {
      problems,
      unshown: errors.length - problems.length + alsoUnshown,
    });
  }
}

/**
 * Runs `step` for each item, going on past a GeneratorError so that one run reports every item's
 * problems ({@link GeneratorError.all}): the results of the items that passed, or the problems.
 * Any other error (a generator bug) is thrown at once.
 */
export function eachReporting<T, R>(items: Iterable<T>, step: (item: T) => R): R[] {
  const results: R[] = [];
  const problems: GeneratorError[] = [];
  for (const item of items) {
    const done = reporting(problems, () => ({ result: step(item) }));
    if (done !== undefined) results.push(done.result);
  }
  if (problems.length > 0) throw GeneratorError.all(problems);
  return results;
}

/**
 * Runs `step` and returns its result; a GeneratorError's problems go to `problems` instead (and
 * undefined is returned), so that the steps after it still run and report theirs. Any other error
 * (a generator bug) is thrown at once.
 */
export function reporting<R>(problems: GeneratorError[], step: () => R): R | undefined {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    pushAll(problems, error.problems);
    return undefined;
  }
}

/**
 * What makes two problems one: the file, the place (the pointer, else the line and column) and
 * the words (several at once are each their own).
 */
function problemKey(error: GeneratorError): string {
  if (error.problems.length !== 1 || error.problems[0] !== error) return error.message;
  const { file, pointer, line, column } = error.location;
  return [file, pointer ?? `${line ?? ''}:${column ?? ''}`, error.problem].join('\0');
}

/** The line that counts the problems not shown ('' for none). */
function moreProblems(unshown: number): string {
  if (unshown === 0) return '';
  return `… and ${unshown} more problem${unshown === 1 ? '' : 's'} like these (fix these and run again to see them)`;
}

/**
 * A problem as the CLI prints it, `file:line #/pointer: problem` and then `  fix: hint` (`more`
 * after the problem: a warning's count of other places). The parts hold spec text (a key in the
 * pointer, a value in the problem): each is made safe for a terminal on its own, so none of them
 * can break its line, forge a `fix:` line or hide what it says (escape.ts `terminalText`).
 */
export function describeProblem(
  location: GeneratorErrorLocation,
  problem: string,
  hint: string,
  more = '',
): string {
  return `${terminalText(formatLocation(location))}: ${terminalText(problem)}${more}\n  fix: ${terminalText(hint)}`;
}

function formatLocation(location: GeneratorErrorLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.pointer !== undefined) text += ` ${location.pointer}`;
  return text;
}

/** Escapes one JSON pointer token (RFC 6901 §3: `~` as `~0`, `/` as `~1`). */
export function pointerToken(token: string | number): string {
  const text = String(token);
  // Most tokens need no escape: two searches cost less than two replaces (GitHub's description
  // joins millions of pointers).
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins tokens onto a JSON pointer, escaping each one. */
export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>((acc, token) => `${acc}/${pointerToken(token)}`, base);
}
