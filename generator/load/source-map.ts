/**
 * Where a place of the bundled document was written. The model and the checks after bundling see
 * one document, and their problems name its root file and a pointer into the bundle
 * (`spec/openapi.yaml #/components/schemas/Plan/properties/id/maxLength`); the user edits the file
 * that holds it (`spec/components/schemas/Plan.yaml:37:16 #/properties/id/maxLength`).
 *
 * The bundled pointer is walked through the files as written, from the root file, following each
 * `$ref` on the way into the file and place it names (the bundler put that content where the
 * `$ref` was). A place the walk cannot follow (a component the bundler added under a name of its
 * own) keeps the bundled pointer. The line and column come from the `yaml` library (YAML 1.2
 * reads JSON too) for files up to {@link LINE_LOOKUP_CHARS} characters; bigger ones keep the
 * pointer alone, since parsing them again would cost seconds. Only problems pay for any of this.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { GeneratorError, joinPointer, type GeneratorErrorLocation } from '../errors.ts';
import { isRecord, pushAll } from '../json.ts';
import { getByPointer, pointerTokens, refPointer } from '../pointer.ts';
import { GeneratorWarning } from '../warnings.ts';
import { parseSpecText } from './parse.ts';

/** Files above this size get no line and column (the `yaml` library reads about 4 MB/s). */
const LINE_LOOKUP_CHARS = 2_000_000;
/** `$ref`s followed in a row at one place before giving up (a loop of `$ref`s to `$ref`s). */
const MAX_HOPS = 32;

/** A file's YAML syntax tree (JSON is YAML too) and where its lines start. */
interface LineLookup {
  document: Document;
  counter: LineCounter;
}

/** A place in one file as written: its absolute path, the pointer in it, the value there. */
interface Place {
  file: string;
  tokens: string[];
  node: unknown;
}

/** Where a place of the bundled document was written (`file` absolute; line and column 1-based). */
export interface SourcePlace {
  file: string;
  pointer: string;
  line?: number;
  column?: number;
}

export class SourceMap {
  readonly #parsed = new Map<string, unknown>();
  /** Each file's YAML syntax tree with its line offsets, parsed once for all of its places. */
  readonly #lines = new Map<string, LineLookup | undefined>();
  #hoisted: Map<string, Place> | undefined;

  /**
   * @param rootFile the root file's absolute path (as a key of `sources`)
   * @param rootDisplay the root file as problems name it (their `file`)
   * @param sources every file read → its text
   * @param display a file's absolute path → as messages print it
   * @param bundled the bundled document (to find the components the bundler added)
   */
  constructor(
    private readonly rootFile: string,
    private readonly rootDisplay: string,
    private readonly sources: ReadonlyMap<string, string>,
    private readonly display: (absolute: string) => string,
    private readonly bundled: unknown,
  ) {}

  /**
   * Where the bundled document's place at `pointer` was written, or undefined when unknown: the
   * line of its value, or with `at: 'key'` the line of the key that holds it (for a block map or
   * list, the value starts a line below the key: `properties:` then its first property).
   */
  place(pointer: string, at: 'value' | 'key' = 'value'): SourcePlace | undefined {
    try {
      // A key's line is in the file that writes the key, even when its value is a `$ref` to
      // another file (a component written as one: its name's line, not the target's first).
      const found = this.#walk(pointerTokens(pointer), at === 'value');
      if (found === undefined) return undefined;
      const lookup = this.#lineLookup(found.file);
      const place = lookup === undefined ? {} : lineAndColumn(lookup, found.tokens, at);
      return { file: found.file, pointer: joinPointer('#', ...found.tokens), ...place };
    } catch {
      // A file that no longer parses, a pointer with odd tokens: the bundled place still holds.
      return undefined;
    }
  }

  /**
   * The file, pointer, line and column where the bundled document's `location` was written; the
   * location itself when it names another file, has a line already, or cannot be followed.
   */
  locate(location: GeneratorErrorLocation): GeneratorErrorLocation {
    if (location.file !== this.rootDisplay || location.pointer === undefined) return location;
    if (location.line !== undefined) return location;
    const found = this.place(location.pointer);
    return found === undefined ? location : { ...found, file: this.display(found.file) };
  }

  /** `work`'s result; a GeneratorError it throws comes out placed in the files as written. */
  async placing<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw error instanceof GeneratorError ? this.error(error) : error;
    }
  }

  /** The error with each of its problems placed in the files as written. */
  error(error: GeneratorError): GeneratorError {
    const problems = error.problems.map(
      (one) =>
        new GeneratorError(
          one.problem,
          this.locate(one.location),
          this.hintAsWritten(one.hint, one.location),
        ),
    );
    return GeneratorError.all(problems, error.unshown);
  }

  /** The warning with each of its places placed in the files as written. */
  warning(warning: GeneratorWarning): GeneratorWarning {
    const located = warning.places.map((place) => ({
      ...place,
      location: this.locate(place.location),
      hint: this.hintAsWritten(place.hint, place.location),
    }));
    if (
      located.every(
        (place, i) =>
          place.location === warning.places[i]?.location && place.hint === warning.places[i]?.hint,
      )
    )
      return warning;
    const [first, ...others] = located;
    const copy = new GeneratorWarning(
      warning.key,
      warning.problem,
      first?.location ?? warning.location,
      first?.hint ?? warning.hint,
    );
    pushAll(copy.places, others);
    return copy;
  }

  /**
   * `hint` with each of `location.refs` (a bundled `$ref` it quotes as a JSON string) as the file
   * `location` is written in would write it: the same pointer in the same file, else the path to
   * the target's file from there, with the pointer inside it (none for a whole file). A ref whose
   * place is unknown stays as it is.
   */
  hintAsWritten(hint: string, location: GeneratorErrorLocation): string {
    if (location.refs === undefined || location.pointer === undefined) return hint;
    if (location.file !== this.rootDisplay) return hint;
    const walk = (pointer: string) => {
      try {
        return this.#walk(pointerTokens(pointer));
      } catch {
        return undefined;
      }
    };
    const from = walk(location.pointer);
    if (from === undefined) return hint;
    let result = hint;
    for (const ref of location.refs) {
      const target = walk(ref);
      if (target === undefined) continue;
      const pointer = joinPointer('#', ...target.tokens);
      let written = pointer;
      if (target.file !== from.file) {
        const path = relative(dirname(from.file), target.file).split(sep).join('/');
        written = `${path.startsWith('.') ? '' : './'}${path}${pointer === '#' ? '' : pointer}`;
      }
      result = result.replaceAll(JSON.stringify(ref), JSON.stringify(written));
    }
    return result;
  }

  /**
   * Follows `tokens` from the root file through the `$ref`s on the way; a component the bundler
   * added (`#/components/parameters/PlanId`, which no file has) from the file its `$ref` named.
   */
  #walk(tokens: readonly string[], intoRef = true): { file: string; tokens: string[] } | undefined {
    const root = { file: this.rootFile, tokens: [], node: this.#document(this.rootFile) };
    // Where the bundle holds content and the file a `$ref` to it (a component written as a `$ref`
    // to a file, load/file-components.ts), the place is the content, in its file.
    const bundled = getByPointer(this.bundled, joinPointer('#', ...tokens));
    const found = this.#walkFrom(
      root,
      tokens,
      intoRef && !(isRecord(bundled) && '$ref' in bundled),
    );
    if (found !== undefined || tokens[0] !== 'components' || tokens.length < 3) return found;
    const added = this.#addedComponents().get(joinPointer('#', ...tokens.slice(0, 3)));
    return added === undefined ? undefined : this.#walkFrom(added, tokens.slice(3));
  }

  #walkFrom(
    start: Place,
    tokens: readonly string[],
    intoLastRef = false,
  ): { file: string; tokens: string[] } | undefined {
    let { file, tokens: at, node } = start;
    for (const token of tokens) {
      for (
        let hops = 0;
        isRecord(node) && !(token in node) && typeof node.$ref === 'string';
        hops++
      ) {
        if (hops === MAX_HOPS) return undefined;
        const target = this.#follow(file, node.$ref);
        if (target === undefined) return undefined;
        ({ file, tokens: at, node } = target);
      }
      if (isRecord(node) && Object.hasOwn(node, token)) node = node[token];
      else if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < node.length)
        node = node[Number(token)];
      else return undefined;
      at = [...at, token];
    }
    for (let hops = 0; intoLastRef && isRecord(node) && typeof node.$ref === 'string'; hops++) {
      const target = hops < MAX_HOPS ? this.#follow(file, node.$ref) : undefined;
      if (target === undefined) break;
      ({ file, tokens: at, node } = target);
    }
    return { file, tokens: at };
  }

  /**
   * The components the bundler added, each → the place its `$ref` named: the bundled document and
   * the files are walked side by side, and where a file's `$ref` to another file stands against
   * the bundle's `$ref` to a component, that component came from there. Built once, on the first
   * place the plain walk cannot follow.
   */
  #addedComponents(): Map<string, Place> {
    if (this.#hoisted !== undefined) return this.#hoisted;
    const added = new Map<string, Place>();
    const seen = new Set<object>();
    const stack: { bundled: unknown; source: Place }[] = [
      {
        bundled: this.bundled,
        source: { file: this.rootFile, tokens: [], node: this.#document(this.rootFile) },
      },
    ];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const { bundled } = next;
      let { source } = next;
      // A discriminator's mapping value is a reference too (`lion: './lion.yaml'`): the bundler
      // adds its target as a component and maps to that (`#/components/schemas/lion`).
      const tokens = source.tokens;
      if (
        typeof bundled === 'string' &&
        typeof source.node === 'string' &&
        tokens.at(-3) === 'discriminator' &&
        tokens.at(-2) === 'mapping'
      ) {
        const component = refPointer(bundled);
        const target = this.#follow(source.file, source.node);
        if (component?.startsWith('#/components/') === true && target !== undefined)
          if (!added.has(component)) added.set(component, target);
        continue;
      }
      if (typeof bundled !== 'object' || bundled === null || seen.has(bundled)) continue;
      seen.add(bundled);
      const bundledRef = isRecord(bundled) ? bundled.$ref : undefined;
      for (let hops = 0; isRecord(source.node) && typeof source.node.$ref === 'string'; hops++) {
        // The same text is the same place only in the root file: a local `$ref` in another file
        // (`#/components/schemas/Detail` in common.yaml) names that file's place, which the bundler
        // filed under the same pointer of the bundle.
        if (hops === MAX_HOPS || (source.node.$ref === bundledRef && source.file === this.rootFile))
          break;
        const target = this.#follow(source.file, source.node.$ref);
        if (target === undefined) break;
        source = target;
        const component = typeof bundledRef === 'string' ? refPointer(bundledRef) : undefined;
        if (component?.startsWith('#/components/') === true && !added.has(component)) {
          added.set(component, target);
          stack.push({ bundled: getByPointer(this.bundled, component), source: target });
        }
      }
      if (typeof bundledRef === 'string') continue;
      const node = source.node;
      if (typeof node !== 'object' || node === null) continue;
      for (const [key, value] of Object.entries(bundled)) {
        if (!Object.hasOwn(node, key)) continue;
        const child = (node as Record<string, unknown>)[key];
        stack.push({
          bundled: value,
          source: { file: source.file, tokens: [...source.tokens, key], node: child },
        });
      }
    }
    this.#hoisted = added;
    return added;
  }

  /** Where `$ref` (written in `file`) leads: its file, the pointer's tokens, the value there. */
  #follow(file: string, ref: string): Place | undefined {
    const hash = ref.indexOf('#');
    const path = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    const target = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (!this.sources.has(target)) return undefined;
    const pointer = fragment === '' ? '#' : refPointer(`#${fragment}`);
    if (pointer === undefined) return undefined;
    const tokens = pointerTokens(pointer);
    const node = getByPointer(this.#document(target), pointer);
    if (node === undefined) return undefined;
    return { file: target, tokens, node };
  }

  /** The file's syntax tree for lines and columns; undefined when it is too big to parse again. */
  #lineLookup(file: string): LineLookup | undefined {
    if (!this.#lines.has(file)) {
      const text = this.sources.get(file)!;
      const counter = new LineCounter();
      this.#lines.set(
        file,
        text.length > LINE_LOOKUP_CHARS
          ? undefined
          : { document: parseDocument(text, { lineCounter: counter, uniqueKeys: false }), counter },
      );
    }
    return this.#lines.get(file);
  }

  #document(file: string): unknown {
    if (!this.#parsed.has(file))
      this.#parsed.set(file, parseSpecText(this.sources.get(file)!, file));
    return this.#parsed.get(file);
  }
}

/**
 * The line and column (1-based) of the value at `tokens` in a parsed file (of its key, with
 * `at: 'key'`, when it has one), or of the deepest part of the way that can be found (a key that a
 * YAML merge key `<<` brought in).
 */
function lineAndColumn(
  { document, counter }: LineLookup,
  tokens: readonly string[],
  at: 'value' | 'key',
): { line?: number; column?: number } {
  let node: unknown = document.contents;
  let start = (node as Node | null)?.range?.[0];
  for (const [index, token] of tokens.entries()) {
    const last = index === tokens.length - 1;
    if (isAlias(node)) node = node.resolve(document);
    let next: { at: number | undefined; node: unknown } | undefined;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === token,
      );
      if (pair !== undefined) {
        const value = pair.value as Node | null;
        const key = (pair.key as Node).range?.[0];
        next = { at: (at === 'key' && last ? key : value?.range?.[0]) ?? key, node: value };
      }
    } else if (isSeq(node)) {
      const item = node.items[Number(token)] as Node | undefined;
      if (item !== undefined) next = { at: item.range?.[0], node: item };
    }
    if (next === undefined) break;
    node = next.node;
    start = next.at ?? start;
  }
  if (start === undefined) return {};
  const { line, col } = counter.linePos(start);
  return { line, column: col };
}
