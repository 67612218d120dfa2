/**
 * Reading one spec file's text into plain JSON values, with limits that make hostile files fail
 * fast and clearly instead of hanging or overflowing the stack:
 *
 * - JSON goes through `JSON.parse` (fast; on GitHub's 13 MB description about a tenth of a YAML
 *   parser's time), with a cheap count of the keys that finds a key written twice in one object,
 *   which `JSON.parse` would drop silently (duplicate-keys.ts);
 * - plain YAML (no anchors, aliases, tags or directives: what specs are nearly always written as)
 *   goes through openapi-core's parser (js-yaml), the one Redocly's lint, bundler and docs read it
 *   with, so the SDK and the docs never read a file differently; it also takes under half the
 *   time of the `yaml` library on a first run ({@link plainYamlValue});
 * - other YAML, and any text js-yaml rejects, goes through the `yaml` library with its own alias
 *   limit (`maxAliasCount`, which weighs each alias by what it expands to), so an alias bomb
 *   ("billion laughs") stops at once, and with its line and column for every error;
 * - a key written twice in one object is refused in every syntax, with its object's pointer;
 * - nesting deeper than {@link MAX_DEPTH} is refused for every file, before any recursive code
 *   (the bundler, the model, the emitters) walks it; real specs nest about 20 levels.
 *
 * Problems are thrown as {@link SourceError}s, which problems.ts turns into GeneratorErrors.
 */
import { parseYaml } from '@redocly/openapi-core';
import {
  isScalar,
  LineCounter,
  parseAllDocuments,
  parseDocument,
  visit,
  type Document,
  type YAMLError,
} from 'yaml';
import { joinPointer } from '../errors.ts';
import { findDuplicateKey, jsonKeyCount, parsedKeyCount } from './duplicate-keys.ts';

/** Levels of objects and arrays a document may nest (the YAML parser's usual default too). */
export const MAX_DEPTH = 100;
/** `yaml`'s default: each alias counted with what it expands to. */
const MAX_ALIAS_COUNT = 100;

/** A problem in the text or shape of one file, with where it is and how to fix it. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly problem: string,
    readonly absoluteFile: string,
    readonly where: { line?: number; column?: number; pointer?: string },
    readonly fix: string,
    /** More problems of the same file, found with this one: reported together. */
    readonly also: readonly SourceError[] = [],
  ) {
    super(problem);
  }
}

/**
 * Numbers JSON cannot carry (`1e400`, `.nan`) in a document that otherwise reads: reported with
 * the problems found after it is read, not instead of them (each run names every problem).
 * `parsed` is the document, those numbers as JavaScript reads them.
 */
export class UnwritableNumbersError extends SourceError {
  constructor(
    first: SourceError,
    rest: readonly SourceError[],
    readonly parsed: unknown,
  ) {
    super(first.problem, first.absoluteFile, first.where, first.fix, rest);
  }
}

/** The parsed value of `text` (`undefined` for a file with no content), or a SourceError. */
export function parseSpecText(text: string, absoluteFile: string): unknown {
  const value = looksLikeJson(text) ? parseJson(text, absoluteFile) : NOT_JSON;
  if (value !== NOT_JSON && jsonKeyCount(text) !== parsedKeyCount(value))
    throw duplicateJsonKey(text, absoluteFile);
  const parsed = value === NOT_JSON ? parseYamlText(text, absoluteFile) : value;
  assertSafeValues(parsed, absoluteFile, text);
  return parsed;
}

const NOT_JSON = Symbol('not JSON');

/** Whether the text is tried as JSON first (it starts with `{` or `[`); YAML otherwise. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text.slice(0, 64));
}

function parseJson(text: string, absoluteFile: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // A comment (JSONC) is no JSON, and YAML reads `// list` as a key: `"get"` after it became
    // part of that key, and the operation was gone without a word.
    const at = Number(/at position (\d+)/.exec((error as Error).message)?.[1] ?? Number.NaN);
    const comment = Number.isNaN(at) ? undefined : /^\s*(\/\/|\/\*)/.exec(text.slice(at));
    if (comment !== undefined && comment !== null) {
      const start = at + comment[0].length - 2;
      const before = text.slice(0, start).split(/\r\n|\r|\n/);
      throw new SourceError(
        `JSON has no comments, but \`${comment[1]!}\` starts one here`,
        absoluteFile,
        { line: before.length, column: before.at(-1)!.length + 1 },
        'remove the comment (or write the spec in YAML, where `#` starts one)',
      );
    }
    // Not JSON after all, or broken JSON: the YAML parser reports it with a line and column.
    return NOT_JSON;
  }
}

/**
 * Where a node can start, and so a tag or a key: at a line's start (after its indentation and any
 * `- `, `? ` or `: ` indicators), after `: `, `? ` or `- `, or after a flow indicator.
 */
const NODE_START = String.raw`(?:^[ \t]*(?:[-?:][ \t]+)*|[:?-][ \t]+|[[{,][ \t]*)`;

/**
 * Text where js-yaml and the `yaml` library might not agree: tags, directives (`%YAML 1.1` reads
 * `yes` as true), null or empty keys (`~:` is the key "null" to js-yaml and "" to `yaml`) and
 * floats beyond double range, each where a node starts (NODE_START). Tags: only js-yaml's own
 * (`!!str`, `!!binary`, `!<tag:yaml.org,2002:…>`), which it reads; any other (`!Ref`, `!include`)
 * it rejects as unknown, so the text goes to the `yaml` library anyway, and `!o.get(x)` in a block
 * of code costs nothing. Anchors need no check: js-yaml reads with `maxAliases: 0`
 * ({@link plainYamlValue}), so an alias
 * (and so an alias bomb) sends the text to the `yaml` library and its alias limit. Loose on
 * purpose: a false match only costs time (the `yaml` library reads some 4 times slower: 0.8 s for
 * Xero's 0.9 MB spec, where `&apos;` in an example took every file of it that way).
 * test/generator/yaml-parsers.test.ts compares both parsers on every YAML file at hand.
 */
const NOT_PLAIN_YAML = new RegExp(
  [
    String.raw`${NODE_START}!(?:!|<)`,
    String.raw`^%`,
    String.raw`${NODE_START}(?:~|null|Null|NULL)?[ \t]*:(?=\s|$)`,
    String.raw`${NODE_START}[+-]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)[eE][+-]?\d{3,}(?=[ \t]*(?:#.*)?$|[ \t]*[,\]}])`,
  ].join('|'),
  'm',
);

/**
 * The value of plain YAML as openapi-core's parser reads it, or undefined where the `yaml` library
 * must read the text instead: it is not plain (NOT_PLAIN_YAML), it has an alias, js-yaml rejects it
 * (the `yaml` library then reports where), or it holds no value.
 */
export function plainYamlValue(text: string): unknown {
  if (NOT_PLAIN_YAML.test(text)) return undefined;
  try {
    return parseYaml(text, { maxAliases: 0 }) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A null key (`null:`, `~:`, `Null:`, or none before the `:`) is the key "null", as js-yaml reads
 * it (openapi-core's parser: what Redocly lints and renders): the `yaml` library would make it "",
 * and a property `null` would silently become a property with an empty name.
 */
function nullKeysAsText(document: Document): void {
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === null) pair.key.value = 'null';
    },
  });
}

/** The documents of `text` as the `yaml` library reads them (duplicate keys are errors). */
function yamlDocuments(text: string, absoluteFile: string, lines: LineCounter) {
  try {
    return parseAllDocuments(text, {
      lineCounter: lines,
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      logLevel: 'silent',
    });
  } catch (error) {
    throw tooDeep(error, absoluteFile);
  }
}

function parseYamlText(text: string, absoluteFile: string): unknown {
  const plain = plainYamlValue(text);
  if (plain !== undefined) return plain;
  const lines = new LineCounter();
  const documents = yamlDocuments(text, absoluteFile, lines);
  if (!Array.isArray(documents)) return undefined; // an empty stream
  const [document, second] = documents;
  if (document === undefined) return undefined;
  if (second !== undefined) {
    const { line, col } = lines.linePos(second.range[0]);
    throw new SourceError(
      'the file holds more than one YAML document (`---` starts another)',
      absoluteFile,
      { line, column: col },
      'keep one OpenAPI document per file: remove the `---` line and what follows, or move it to a file of its own',
    );
  }
  const [first] = document.errors;
  if (first !== undefined) {
    const { line, col } = lines.linePos(first.pos[0]);
    if (/call stack/i.test(first.message))
      throw tooDeep(new RangeError(first.message), absoluteFile, line);
    if (first.code === 'DUPLICATE_KEY')
      throw duplicateKeyError(document, first, lines, absoluteFile);
    throw syntaxError(text, absoluteFile, first.message, line, col);
  }
  if (document.contents === null) return undefined;
  nullKeysAsText(document);
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    if (error instanceof ReferenceError) {
      throw new SourceError(
        `YAML aliases expand to too much (${error.message}): a file whose \`*aliases\` repeat \`&anchors\` that hold aliases themselves grows exponentially (an "alias bomb")`,
        absoluteFile,
        { line: 1 },
        'write the repeated parts out, or share them with `$ref`s instead of YAML anchors and aliases',
      );
    }
    throw tooDeep(error, absoluteFile);
  }
}

/**
 * Valid JSON whose text has more keys than the value read from it: a key written twice in one
 * object. The `yaml` library reads it again (YAML 1.2 reads JSON) to find where; only this failure
 * path pays for that.
 */
function duplicateJsonKey(text: string, absoluteFile: string): SourceError {
  const lines = new LineCounter();
  const documents = yamlDocuments(text, absoluteFile, lines);
  const document = Array.isArray(documents) ? documents[0] : undefined;
  const duplicate = document?.errors.find((error) => error.code === 'DUPLICATE_KEY');
  if (document !== undefined && duplicate !== undefined)
    return duplicateKeyError(document, duplicate, lines, absoluteFile);
  return new SourceError(
    'a key is written twice in one object (JSON readers keep only the last one, silently)',
    absoluteFile,
    { line: 1 },
    duplicateFix('the key'),
  );
}

function duplicateFix(key: string): string {
  return `keep one ${key} here: merge what the two hold under one key, or rename or remove one (a JSON reader keeps only the last, dropping the first without a word)`;
}

function duplicateKeyError(
  document: Document.Parsed,
  error: YAMLError,
  lines: LineCounter,
  absoluteFile: string,
): SourceError {
  const found = findDuplicateKey(document, error.pos[0], lines);
  const first = found.firstLine === undefined ? '' : ` (first at line ${found.firstLine})`;
  return new SourceError(
    `the key ${JSON.stringify(found.key)} is written twice in this object${first}`,
    absoluteFile,
    { line: found.line, column: found.column, pointer: found.pointer },
    duplicateFix(JSON.stringify(found.key)),
  );
}

/**
 * A YAML syntax error. js-yaml (openapi-core's parser) often names the cause better (`bad
 * indentation of a mapping entry` on the line that has it, where `yaml` reports the line before),
 * so its diagnosis is used when it has one; it only parses here, on text already known to be broken.
 */
function syntaxError(
  text: string,
  absoluteFile: string,
  message: string,
  line: number,
  column: number,
): SourceError {
  let reason = message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
  let where = { line, column };
  try {
    parseYaml(text);
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0]! : '';
    const at = /^(.*?)\s*\((\d+):(\d+)\)$/.exec(first);
    if (at !== null) {
      reason = at[1]!;
      where = { line: Number(at[2]), column: Number(at[3]) };
    }
  }
  const syntax = syntaxOf(absoluteFile);
  return new SourceError(`invalid ${syntax.name}: ${reason}`, absoluteFile, where, syntax.fix);
}

/**
 * What a spec file is written in, for its syntax errors: JSON for a `.json` file (read with the
 * YAML parser, JSON being YAML, but its author wrote JSON), else YAML; with the usual causes.
 */
export function syntaxOf(file: string): { name: 'JSON' | 'YAML'; fix: string } {
  return /\.json$/i.test(file)
    ? {
        name: 'JSON',
        fix: 'fix the JSON syntax at that line (a missing comma, brace or bracket, or an unclosed quote are the usual causes)',
      }
    : {
        name: 'YAML',
        fix: 'fix the YAML syntax at that line (indentation, a missing colon or an unclosed quote are the usual causes)',
      };
}

function tooDeep(error: unknown, absoluteFile: string, line = 1): unknown {
  if (!(error instanceof RangeError)) return error;
  return new SourceError(
    `the ${syntaxOf(absoluteFile).name} nests too deeply to be read (${error.message})`,
    absoluteFile,
    { line },
    `keep nesting under ${MAX_DEPTH} levels; name deeply nested schemas in components/schemas and refer to them with $ref`,
  );
}

/**
 * Refuses values nested deeper than MAX_DEPTH, naming the first place that has one, and values
 * JSON cannot carry (`1e400` and `.inf` read as Infinity, `.nan` as NaN, `!!binary` as bytes),
 * naming every one (in
 * document order, each at its line when the YAML reader can place it): iteratively, no recursion.
 */
function assertSafeValues(value: unknown, absoluteFile: string, text: string): void {
  // A first pass only measures (GitHub's description has millions of nodes); pointers are
  // worked out only when a document has a problem.
  if (findProblems(value, false).length === 0) return;
  const found = findProblems(value, true);
  const deep = found.find((problem) => problem.kind === 'too deep');
  if (deep !== undefined) {
    throw new SourceError(
      `the document nests more than ${MAX_DEPTH} levels of objects and arrays`,
      absoluteFile,
      { pointer: shownPointer(deep.path) },
      `keep nesting under ${MAX_DEPTH} levels; name deeply nested schemas in components/schemas and refer to them with $ref`,
    );
  }
  const lineOf = linesOfPaths(text);
  const [first, ...rest] = found.map((problem) => {
    const [words, fix] = valueProblemWords(problem);
    return new SourceError(
      words,
      absoluteFile,
      { pointer: shownPointer(problem.path), ...lineOf(problem.path) },
      fix,
    );
  });
  throw new UnwritableNumbersError(first!, rest, value);
}

/** A pointer for a message: a path deeper than 12 keeps its first 8 and last 3 tokens. */
function shownPointer(tokens: readonly (string | number)[]): string {
  const pointer = joinPointer('#', ...(tokens.length > 12 ? tokens.slice(0, 8) : tokens));
  return tokens.length > 12 ? `${pointer}/…/${tokens.slice(-3).map(String).join('/')}` : pointer;
}

/**
 * The line of the value at a path of `text`, as the `yaml` library places it (JSON is YAML); none
 * when it cannot read the text or find the path.
 */
function linesOfPaths(
  text: string,
): (path: readonly (string | number)[]) => { line?: number; column?: number } {
  const lines = new LineCounter();
  let document: Document | undefined;
  try {
    document = parseAllDocuments(text, { lineCounter: lines, logLevel: 'silent' })[0];
  } catch {
    document = undefined;
  }
  return (path) => {
    const node = document?.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const start = node?.range?.[0];
    if (start === undefined) return {};
    const { line, col } = lines.linePos(start);
    return { line, column: col };
  };
}

/** Problems found with {@link findProblems}: at most this many values are named. */
const MAX_NUMBER_PROBLEMS = 50;

/** A value JSON has no way to write, with where it is. */
interface ValueProblem {
  kind: 'too deep' | 'not finite' | 'not JSON';
  path: (string | number)[];
  value: unknown;
}

/**
 * Every number that is not finite and every value that is no JSON data (YAML's `!!binary` reads
 * as bytes, `!!timestamp` as a Date), in document order (at most {@link MAX_NUMBER_PROBLEMS}), and
 * the first node deeper than MAX_DEPTH, each with its path (`[]` when only measuring: then the
 * first problem ends the search).
 */
function findProblems(value: unknown, withPath: boolean): ValueProblem[] {
  const found: ValueProblem[] = [];
  const stack: { node: unknown; depth: number; path: (string | number)[] }[] = [
    { node: value, depth: 1, path: [] },
  ];
  while (stack.length > 0 && found.length < MAX_NUMBER_PROBLEMS) {
    const { node, depth, path } = stack.pop()!;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) found.push({ kind: 'not finite', path, value: node });
      if (found.length > 0 && !withPath) return found;
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (!Array.isArray(node)) {
      const prototype: unknown = Object.getPrototypeOf(node);
      if (prototype !== Object.prototype && prototype !== null) {
        found.push({ kind: 'not JSON', path, value: node });
        if (!withPath) return found;
        continue;
      }
    }
    if (depth > MAX_DEPTH) return [...found, { kind: 'too deep', path, value: 0 }];
    // Pushed in reverse, so that they come off the stack in document order (when it matters).
    const entries = Array.isArray(node) ? [...node.entries()] : Object.entries(node);
    for (const [key, child] of withPath ? entries.reverse() : entries)
      if (typeof child === 'object' ? child !== null : typeof child === 'number')
        stack.push({ node: child, depth: depth + 1, path: withPath ? [...path, key] : path });
  }
  return found;
}

/** What is wrong with a value {@link findProblems} found, and the fix. */
function valueProblemWords(problem: ValueProblem): [problem: string, fix: string] {
  if (problem.kind === 'not JSON') {
    const { value } = problem;
    if (value instanceof Date)
      return [
        'the value here is a date (YAML reads a `!!timestamp` as one), which JSON has no way to write',
        "write it as a string, an RFC 3339 date-time, quoted and with no YAML tag: `'2024-01-31T00:00:00Z'`",
      ];
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
      return [
        'the value here is bytes (YAML reads a `!!binary` value as bytes), which JSON has no way to write',
        'write it as a string of base64 text, quoted and with no YAML tag',
      ];
    return [
      `the value here is a ${(value as object).constructor?.name ?? 'value'} (a YAML tag made it, such as \`!!set\` or \`!!omap\`), which JSON has no way to write`,
      'write it without the tag, as plain YAML: a list (`- a`) for a set, a mapping for an ordered map',
    ];
  }
  return Number.isNaN(problem.value)
    ? [
        'the value here is not a number (`.nan`), which JSON has no way to write',
        'write a number (for "no value", leave the keyword out), or a string if the value is an identifier',
      ]
    : [
        'the number here is beyond what a JSON number holds (about ±1.8e308), so it reads as Infinity',
        'write a number within that range (for "no limit", leave the keyword out), or a string if the value is an identifier',
      ];
}

/**
 * A scalar of a YAML or JSON text as it is written (`3.10`, which YAML reads as the number 3.1),
 * at a path of keys; undefined when there is no scalar there. For messages about a value whose
 * parsed form lost what the author wrote.
 */
export function writtenScalar(text: string, path: readonly string[]): string | undefined {
  const node: unknown = parseDocument(text).getIn(path, true);
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}
