/**
 * What the generator tells the user without stopping: parts of a spec it ignores (an unknown
 * schema keyword, `$schema`, `$id`, a keyword the guards cannot check). Each kind is reported once,
 * at the first place it occurs, with how many other places have it. With `--strict` the first one
 * is a GeneratorError instead, so CI can insist on a spec the generator understands fully.
 */
import { describeProblem, GeneratorError, type GeneratorErrorLocation } from './errors.ts';

export class GeneratorWarning {
  /** Other places with the same kind of warning. */
  more = 0;

  constructor(
    /** Same key, same kind: e.g. `keyword:$id`. */
    readonly key: string,
    readonly problem: string,
    /** The first place it was found. */
    readonly location: GeneratorErrorLocation,
    readonly hint: string,
  ) {}

  /** As the CLI prints it: `spec.yaml #/…/$id: … (and 3 more places)\n  fix: …`. */
  get message(): string {
    const more =
      this.more === 0 ? '' : ` (and ${this.more} more place${this.more === 1 ? '' : 's'})`;
    return describeProblem(this.location, this.problem, this.hint, more);
  }
}

export class Warnings {
  readonly #byKey = new Map<string, GeneratorWarning>();

  /** `strict`: every warning is thrown as a GeneratorError instead (`--strict`). */
  constructor(readonly strict = false) {}

  add(key: string, problem: string, location: GeneratorErrorLocation, hint: string): void {
    if (this.strict) {
      throw new GeneratorError(`${problem} (an error because of --strict)`, location, hint);
    }
    const known = this.#byKey.get(key);
    if (known !== undefined) known.more++;
    else this.#byKey.set(key, new GeneratorWarning(key, problem, location, hint));
  }

  /** Every warning, in the order first found. */
  list(): GeneratorWarning[] {
    return [...this.#byKey.values()];
  }
}
