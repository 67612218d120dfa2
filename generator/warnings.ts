/**
 * What the generator tells the user without stopping: parts of a spec it ignores (an unknown
 * schema keyword, `$schema`, `$id`, a keyword the guards cannot check). Each kind is one warning,
 * headed by the first place it occurs. Other places with the very same words (problem and fix)
 * are counted; a place whose words differ in anything is listed under the heading with its own
 * words and fix, so no place is ever counted under another place's text. With `--strict` every
 * place is an error, each with its own words and fix, reported together at the end of the model
 * step ({@link Warnings.asErrors}), so CI can insist on a spec the generator understands fully.
 */
import { describeProblem, GeneratorError, type GeneratorErrorLocation } from './errors.ts';

/** One place of a warning, in its own words. */
export interface WarningPlace {
  location: GeneratorErrorLocation;
  problem: string;
  hint: string;
}

export class GeneratorWarning {
  /** Every place of this kind, in the order found, each with its own words; the first heads it. */
  readonly places: WarningPlace[];

  constructor(
    /** The kind of warning: e.g. `keyword:$id`. */
    readonly key: string,
    /** The first place's words. */
    readonly problem: string,
    /** The first place it was found. */
    readonly location: GeneratorErrorLocation,
    readonly hint: string,
  ) {
    this.places = [{ location, problem, hint }];
  }

  /** Other places of the same kind (each with its own words: {@link places}). */
  get more(): number {
    return this.places.length - 1;
  }

  /**
   * As the CLI prints it: `spec.yaml #/…/$id: … (and 3 more places)\n  fix: …`, the count being
   * the places with the same words; each place with other words follows on its own lines,
   * `  also spec.yaml:9 #/…: …\n    fix: …`.
   */
  get message(): string {
    const same = (place: WarningPlace) =>
      place.problem === this.problem && place.hint === this.hint;
    const others = this.places.slice(1);
    const alike = others.filter(same).length;
    const different = others.filter((place) => !same(place));
    const more =
      alike === 0
        ? ''
        : ` (and ${alike} more place${alike === 1 ? '' : 's'}${different.length === 0 ? '' : ' like it'})`;
    return [
      describeProblem(this.location, this.problem, this.hint, more),
      ...different.map(
        (place) =>
          `  also ${describeProblem(place.location, place.problem, place.hint).replace('\n  fix: ', '\n    fix: ')}`,
      ),
    ].join('\n');
  }
}

export class Warnings {
  readonly #byKey = new Map<string, GeneratorWarning>();

  /** `strict`: every place is an error instead (`--strict`), reported through {@link asErrors}. */
  constructor(readonly strict = false) {}

  /**
   * One more place of the warning `key`. A place already listed with the same words is not listed
   * again: a shared component (`components/parameters/Accept`) is read once per operation that
   * uses it, but it is one place to fix.
   */
  add(key: string, problem: string, location: GeneratorErrorLocation, hint: string): void {
    const known = this.#byKey.get(key);
    if (known === undefined) {
      this.#byKey.set(key, new GeneratorWarning(key, problem, location, hint));
      return;
    }
    const listed = known.places.some(
      (place) =>
        place.problem === problem &&
        place.hint === hint &&
        place.location.file === location.file &&
        place.location.pointer === location.pointer,
    );
    if (!listed) known.places.push({ location, problem, hint });
  }

  /** Every warning, in the order first found. */
  list(): GeneratorWarning[] {
    return [...this.#byKey.values()];
  }

  /**
   * With `strict`: every place of every warning as an error, each with its own words and fix
   * (none without `strict`). The model step reports them with the run's other problems.
   */
  asErrors(): GeneratorError[] {
    if (!this.strict) return [];
    return this.list().flatMap((warning) =>
      warning.places.map(
        (place) =>
          new GeneratorError(
            `${place.problem} (an error because of --strict)`,
            place.location,
            place.hint,
          ),
      ),
    );
  }
}
