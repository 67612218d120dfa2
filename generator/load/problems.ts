/**
 * Turns what openapi-core reports (thrown resolve/YAML errors, bundler problems) into
 * GeneratorErrors that name the file, the line or JSON pointer, and the fix.
 */
import { existsSync, statSync } from 'node:fs';
import {
  createConfig,
  getLineColLocation,
  lintDocument,
  ResolveError,
  YamlParseError,
  type BaseResolver,
  type Document,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { GeneratorError, joinPointer, type GeneratorErrorLocation } from '../errors.ts';
import { SourceError, syntaxOf } from './parse.ts';
import { specFolderError, unreadableReason, unreadableSpecError } from './spec-file.ts';
import { ExternalRefError, FolderRefError, isUrl, thrownAs } from './resolver.ts';
import { URLReadError } from './url-fetch.ts';
import { isRecord } from '../json.ts';
import { chainText } from './ref-chains.ts';
import { deepestRefChain } from './ref-depth.ts';
import { missingFileFix, pointerFix } from './ref-suggestions.ts';
import {
  escapedRefFix,
  getByPointer,
  pointerTokens,
  refOf,
  refPointer,
  unescapedKeyRef,
} from '../pointer.ts';

type Display = (absolute: string) => string;

/** An error thrown while reading or parsing the root file. */
export function loadError(
  error: unknown,
  rootFile: string,
  display: Display,
  cwd?: string,
): GeneratorError {
  if (error instanceof SourceError) return sourceError(error, display, '');
  const folder = FolderRefError.of(error);
  if (folder !== undefined) return specFolderError(rootFile, folder.path);
  if (error instanceof YamlParseError) return yamlError(error, display, '');
  if (error instanceof ResolveError) {
    const code = (error.originalError as NodeJS.ErrnoException).code;
    return unreadableSpecError(
      rootFile,
      code === 'ENOENT' ? undefined : error.message.replace(/\s+/g, ' '),
      cwd,
    );
  }
  throw error;
}

export function sourceError(error: SourceError, display: Display, more = ''): GeneratorError {
  const one = (each: SourceError) =>
    new GeneratorError(
      `${each.problem}${more}`,
      { file: display(each.absoluteFile), ...each.where },
      each.fix,
    );
  return error.also.length === 0 ? one(error) : GeneratorError.all([error, ...error.also].map(one));
}

/** Schemas this deep in a chain are named as the cause of a stack overflow in the bundler. */
const DEEP_CHAIN = 50;

/**
 * Members of one object past which openapi-core's walk overflows the stack (it spreads the keys
 * into one call, walk.js), and its YAML AST, which places problems at lines, takes minutes (it
 * compares each key with all before it).
 */
const HUGE_OBJECT = 50_000;

/**
 * An object of the document with more members than the bundler can walk, as an error naming it;
 * checked before bundling (load/bundle.ts), where the bundler would take minutes to fail.
 */
export function hugeObjectProblems(
  document: unknown,
  file: string,
  cause?: string,
): GeneratorError[] {
  const largest = largestObject(document);
  if (largest === undefined || largest.size < HUGE_OBJECT) return [];
  return [
    new GeneratorError(
      `the object at ${largest.pointer} has ${largest.size.toLocaleString('en-US')} members, more than the bundler (openapi-core) can take: it passes them all to one function call, past the stack's limit${cause === undefined ? '' : ` (${cause})`}`,
      { file, pointer: largest.pointer },
      'split it: a schema of that many properties is better described by `additionalProperties` or `patternProperties`, a map of that many entries by several smaller ones',
    ),
  ];
}

/** The object with the most keys in `document`, and where it is; walked without recursion. */
function largestObject(document: unknown): { pointer: string; size: number } | undefined {
  let largest: { pointer: string; size: number } | undefined;
  const stack: [unknown, string][] = [[document, '#']];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, pointer] = next;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push([value[i], joinPointer(pointer, i)]);
    } else if (isRecord(value)) {
      const keys = Object.keys(value);
      if (largest === undefined || keys.length > largest.size)
        largest = { pointer, size: keys.length };
      for (const key of keys) stack.push([value[key], joinPointer(pointer, key)]);
    }
  }
  return largest;
}

/**
 * An error the bundler threw instead of reporting it as a problem. The known ones are a `$ref` loop
 * that spans files (loops inside the root file are found before bundling, with their places), and
 * a stack overflow: schemas of `document` (the root file's) that `$ref` one another hundreds deep
 * are named by their deepest chain (ref-depth.ts).
 */
export function bundleError(error: unknown, rootFile: string, document?: unknown): GeneratorError {
  const message = error instanceof Error ? error.message : String(error);
  if (/circular/i.test(message)) {
    return new GeneratorError(
      `circular $ref across files: a chain of $refs leads back to where it started without reaching a schema (${message})`,
      { file: rootFile },
      'follow the $refs between the files from the schemas that use them and point one of them at a schema instead of at another $ref',
    );
  }
  if (error instanceof RangeError) {
    const chain = document === undefined ? [] : deepestRefChain(document);
    if (chain.length >= DEEP_CHAIN)
      return new GeneratorError(
        `schemas that $ref one another ${chain.length} deep (each from a property, an item or a part of the one before: ${chainText(chain)}), more than the bundler can follow (${message})`,
        { file: rootFile, pointer: chain[0] },
        `break the chain: refer to a schema further down directly, or merge links of it; a few hundred schemas deep are the most openapi-core follows`,
      );
    // The cause can be an object's size, not its depth (hugeObjectProblems).
    const huge = document === undefined ? [] : hugeObjectProblems(document, rootFile, message);
    if (huge.length > 0) return huge[0]!;
    return new GeneratorError(
      `the spec is too deeply nested, or its $refs form too long a chain (schemas that each $ref the next, hundreds deep), for the bundler to follow (${message})`,
      { file: rootFile },
      'shorten the longest chain of schemas that $ref one another (a few hundred links are the most openapi-core follows), or name deeply nested inline schemas in components/schemas and refer to them with $ref',
    );
  }
  throw error;
}

/**
 * The bundler threw on a value of the wrong type (found by the fuzz test: `discriminator: null`
 * made openapi-core read a property of null). Redocly's `struct` rule, which checks every node
 * against the OpenAPI types, finds the place; only this failure path pays for running it.
 */
export async function bundleCrashError(
  error: unknown,
  root: Document,
  resolver: BaseResolver,
  display: Display,
): Promise<GeneratorError> {
  const message = error instanceof Error ? error.message : String(error);
  const config = await createConfig({ rules: { struct: 'error' } });
  const problems = await lintDocument({ document: root, config, externalRefResolver: resolver });
  const wrong = problems.find((problem) => /^Expected type/.test(problem.message));
  const at = wrong?.location[0];
  if (wrong === undefined || at === undefined) {
    return new GeneratorError(
      `the OpenAPI bundler could not read the spec (${message})`,
      { file: display(root.source.absoluteRef) },
      'run `npx redocly lint` on the spec: a value of the wrong type (such as null where an object belongs) is the usual cause',
    );
  }
  return new GeneratorError(
    `${wrong.message.replace(/\.$/, '')} here, which the OpenAPI bundler cannot read`,
    { file: display(at.source.absoluteRef), pointer: at.pointer },
    'write the value OpenAPI defines here (an object for a Discriminator Object), or remove the key',
  );
}

function yamlError(error: YamlParseError, display: Display, more: string): GeneratorError {
  const location: GeneratorErrorLocation = { file: display(error.source.absoluteRef) };
  if (Number.isFinite(error.line)) location.line = error.line;
  if (Number.isFinite(error.col)) location.column = error.col;
  // js-yaml ends its message with ` in "<file>" (line:col)`; the location says that already.
  const reason = error.message
    .replace(/\s+in\s+"[^"]*"\s*\(\d+:\d+\)\s*$/, '')
    .replace(/\s*\(\d+:\d+\)\s*$/, '');
  const syntax = syntaxOf(error.source.absoluteRef);
  return new GeneratorError(`invalid ${syntax.name}: ${reason}${more}`, location, syntax.fix);
}

/**
 * Every error among the bundler's problems, each at its own place, as one GeneratorError (all of
 * them, up to a cap: GeneratorError.all), so that the user fixes them in one go. A `$ref` that
 * fails because a `$ref` it leads to is broken is reported once, at the broken one (in the file
 * where it is written), however many places use it; a broken file once, however many `$ref`s
 * reach it. Files that failed to parse come first: an unresolvable `$ref` into them is a
 * consequence, not the cause.
 */
export async function bundleProblemError(
  problems: NormalizedProblem[],
  resolver: BaseResolver,
  display: Display,
): Promise<GeneratorError> {
  const ordered = [...problems].sort((a, b) => rank(a) - rank(b));
  const errors = new Map<string, GeneratorError>();
  for (const problem of ordered) {
    const { key, error } = await problemError(problem, resolver, display);
    if (!errors.has(key)) errors.set(key, error);
  }
  return GeneratorError.all([...errors.values()]);
}

/**
 * The bundler's errors without those about `$ref`-like values the generator does without:
 * - an Example Object's `externalValue`: the URI of the literal example (a live URL, a sample file
 *   published with the docs), which the generator never reads. openapi-core follows it like a
 *   `$ref` (inlining what it reaches); one it cannot follow (a URL or a hidden file resolver.ts
 *   refuses, a file that is not there) stays as written;
 * - a discriminator mapping value that names nothing (a file that is not there, a place the
 *   document does not have): public specs bundled from split files keep their mapping values as
 *   written (digitalocean.com's `models/domain_record_types.yml#/domain_record_a`). The value stays
 *   in the bundled document, and the model leaves such a discriminator out with a warning
 *   (build-discriminator.ts). One whose file exists but does not parse, or that reaches where the
 *   spec may not (outside its folder, a URL), is still an error.
 */
export async function withoutUnfollowedRefs(
  problems: NormalizedProblem[],
  resolver: BaseResolver,
): Promise<NormalizedProblem[]> {
  const kept: NormalizedProblem[] = [];
  for (const problem of problems) {
    const broken = await brokenRefAt(problem, resolver);
    if (broken === undefined) kept.push(problem);
    else if (!isExternalValue(broken.node) && !(await isDanglingMapping(broken, resolver)))
      kept.push(problem);
  }
  return kept;
}

/** Where a "Can't resolve $ref" problem is written: its file, pointer and the value there. */
async function brokenRefAt(
  problem: NormalizedProblem,
  resolver: BaseResolver,
): Promise<{ file: string; pointer: string; node: unknown } | undefined> {
  const location = problem.location[0];
  if (location?.pointer === undefined || !problem.message.startsWith("Can't resolve $ref"))
    return undefined;
  const file = location.source.absoluteRef;
  const document = await cachedDocument(resolver, file);
  if (document === undefined || document instanceof Error) return undefined;
  return { file, pointer: location.pointer, node: getByPointer(document.parsed, location.pointer) };
}

function isExternalValue(node: unknown): boolean {
  return isRecord(node) && typeof node.externalValue === 'string' && refOf(node) === undefined;
}

async function isDanglingMapping(
  { file, pointer, node }: { file: string; pointer: string; node: unknown },
  resolver: BaseResolver,
): Promise<boolean> {
  const tokens = pointerTokens(pointer);
  if (tokens.at(-3) !== 'discriminator' || tokens.at(-2) !== 'mapping') return false;
  if (typeof node !== 'string') return false;
  const path = node.replace(/#.*$/, '');
  if (path === '') return true;
  const target = await cachedDocument(resolver, resolver.resolveExternalRef(file, path));
  // A broken file, or one the spec may not reach (outside its folder, a URL): still an error.
  if (target instanceof SourceError || target instanceof YamlParseError) return false;
  return ExternalRefError.of(target) === undefined && FolderRefError.of(target) === undefined;
}

/** One problem as a GeneratorError, with a key that is the same for problems with one cause. */
async function problemError(
  problem: NormalizedProblem,
  resolver: BaseResolver,
  display: Display,
): Promise<{ key: string; error: GeneratorError }> {
  const location = problem.location[0];
  const file = location ? location.source.absoluteRef : '';

  if (location && location.pointer === undefined) {
    const parsed = await cachedDocument(resolver, file);
    if (parsed instanceof SourceError) return brokenFile(file, sourceError(parsed, display, ''));
    if (parsed instanceof YamlParseError) return brokenFile(file, yamlError(parsed, display, ''));
  }

  if (
    location &&
    location.pointer !== undefined &&
    problem.message.startsWith("Can't resolve $ref")
  ) {
    const link = await brokenLink(resolver, location);
    const { brokenFile: file, error } = await refError(problem, link, resolver, display);
    return { key: file === undefined ? `${link.file}${link.pointer}` : `file:${file}`, error };
  }

  return {
    key: `${file}${location?.pointer ?? ''}${problem.message}`,
    error: new GeneratorError(
      problem.message,
      location
        ? withLine({ file: display(file), pointer: location.pointer }, location)
        : { file: display(file) },
      problem.suggest.length > 0
        ? `did you mean ${problem.suggest.join(' or ')}?`
        : 'fix the document at that place',
    ),
  };
}

function brokenFile(file: string, error: GeneratorError): { key: string; error: GeneratorError } {
  return { key: `file:${file}`, error };
}

/** Where a `$ref` is written: its file, the pointer to it, and the file read (when it was). */
interface RefLink {
  file: string;
  pointer: string;
  location: NormalizedProblem['location'][number];
  /** Its target, when that is somewhere that exists: another `$ref` to follow. */
  target?: { file: string; pointer: string };
}

/** The longest chain of `$ref`s followed to find the broken one (loops are cycles.ts's). */
const MAX_CHAIN = 64;

/**
 * The `$ref` that is broken in the chain that starts at `start`: the first one whose target does
 * not exist. openapi-core reports a `$ref` whose target is itself a broken `$ref` (a component
 * that only refers on: `A: {$ref: '#/components/schemas/Missing'}`) where it is used, and does not
 * always report the broken one itself (never in another file).
 */
async function brokenLink(
  resolver: BaseResolver,
  start: NormalizedProblem['location'][number],
): Promise<RefLink> {
  let link: RefLink = { file: start.source.absoluteRef, pointer: start.pointer!, location: start };
  for (let step = 0; step < MAX_CHAIN; step++) {
    const next = await refTarget(resolver, link.file, link.pointer);
    if (next === undefined) return link;
    const document = await cachedDocument(resolver, next.file);
    if (document === undefined || document instanceof Error) return link;
    if (refOf(getByPointer(document.parsed, next.pointer)) === undefined) return link;
    link = {
      file: next.file,
      pointer: next.pointer,
      location: { source: document.source, pointer: next.pointer, reportOnKey: false },
    };
  }
  return link;
}

/** The file and pointer the `$ref` at `pointer` in `file` names, when that file is read and has it. */
async function refTarget(
  resolver: BaseResolver,
  file: string,
  pointer: string,
): Promise<{ file: string; pointer: string } | undefined> {
  const document = await cachedDocument(resolver, file);
  if (document === undefined || document instanceof Error) return undefined;
  const ref = refOf(getByPointer(document.parsed, pointer));
  if (ref === undefined) return undefined;
  const hash = ref.indexOf('#');
  const path = hash === -1 ? ref : ref.slice(0, hash);
  const target = refPointer(hash === -1 ? '#' : ref.slice(hash));
  if (target === undefined) return undefined;
  return { file: path === '' ? file : resolver.resolveExternalRef(file, path), pointer: target };
}

/** A `$ref` that cannot be resolved, said at `link` (where the broken one is written). */
async function refError(
  problem: NormalizedProblem,
  link: RefLink,
  resolver: BaseResolver,
  display: Display,
): Promise<{ brokenFile?: string; error: GeneratorError }> {
  const { file, location } = link;
  const document = await cachedDocument(resolver, file);
  const at = document instanceof Error ? undefined : getByPointer(document?.parsed, link.pointer);
  // A `$ref` object, or a discriminator mapping's value (a ref written as a plain string).
  const ref = refOf(at) ?? (typeof at === 'string' ? at : undefined);
  // Said as what the author wrote: a mapping value is no `$ref`, though it is resolved as one.
  const mapping = refOf(at) === undefined && ref !== undefined;
  const what = mapping ? 'the discriminator mapping value' : '$ref';
  // A file that exists but does not parse: the error is in that file, at its line.
  const targetFile =
    ref === undefined
      ? undefined
      : ref.startsWith('#')
        ? file
        : resolver.resolveExternalRef(file, ref.replace(/#.*$/, ''));
  const target = targetFile === undefined ? undefined : await cachedDocument(resolver, targetFile);
  const via = ` (reached through ${mapping ? what : 'the $ref'} ${JSON.stringify(ref)} in ${display(file)})`;
  // A URL's text that is not UTF-8 arrives wrapped (url-fetch.ts reads it for openapi-core).
  const broken = target instanceof SourceError ? target : thrownAs(target, SourceError);
  if (broken !== undefined)
    return { brokenFile: targetFile, error: sourceError(broken, display, via) };
  if (target instanceof YamlParseError)
    return { brokenFile: targetFile, error: yamlError(target, display, via) };
  const place = withLine({ file: display(file), pointer: link.pointer }, location);
  const limit = thrownAs(target, URLReadError);
  if (limit !== undefined)
    return {
      error: new GeneratorError(
        `cannot resolve ${what} ${JSON.stringify(ref)}: ${limit.message}`,
        place,
        limit.fix,
      ),
    };
  // A folder (`./`, `.`, `../schemas/`): said as such, wherever it is (resolver.ts looks only
  // where a spec may reach; the way it is written says it elsewhere).
  const folder = FolderRefError.of(target);
  if (folder !== undefined || (ref !== undefined && namesFolder(ref))) {
    const path = folder?.path ?? targetFile;
    return {
      error: new GeneratorError(
        `cannot resolve ${what} ${JSON.stringify(ref)}: it names a folder${path === undefined ? '' : ` (${display(path)})`}, not a file`,
        place,
        'point the $ref at a YAML or JSON file (`./schemas/Plan.yaml`), with `#/…` after it for a place inside that file; a place in this file is `#/…` alone (`#/components/schemas/Plan`)',
      ),
    };
  }
  const noFile =
    targetFile !== undefined &&
    target instanceof Error &&
    !isUrl(targetFile) &&
    !existsSync(targetFile);
  const reason =
    (noFile ? `there is no file ${display(targetFile)}` : '') ||
    problem.message.replace(/^Can't resolve \$ref:?\s*/, '').replace(/\s+/g, ' ') ||
    missingTarget(ref, target, targetFile, display);
  return {
    error: new GeneratorError(
      `cannot resolve ${what} ${ref !== undefined ? JSON.stringify(ref) : ''}${reason ? `: ${reason}` : ''}`.replace(
        /\s+:/,
        ':',
      ),
      place,
      // The $ref leaves the spec's folder (resolver.ts).
      (
        refusalFix(ExternalRefError.of(target), display) ??
        escapedKeyFix(ref, target) ??
        missingRefFix(ref, target, targetFile) ??
        'point the $ref at a file that exists and a JSON pointer inside it (relative paths start from the file that holds the $ref)'
      ).replaceAll('the $ref', mapping ? 'the mapping value' : 'the $ref'),
    ),
  };
}

/**
 * The fix for a `$ref` that finds nothing: to a file that is not there, or a place its file does
 * not have (`#/components/schemas/Gone`): the file or the place a typo away when there is one
 * (ref-suggestions.ts), else where to add it.
 */
function missingRefFix(
  ref: string | undefined,
  target: Document | Error | undefined,
  targetFile: string | undefined,
): string | undefined {
  if (ref === undefined || target === undefined) return undefined;
  if (target instanceof Error)
    return targetFile !== undefined && !isUrl(targetFile) && !existsSync(targetFile)
      ? missingFileFix(ref, targetFile)
      : undefined;
  const hash = ref.indexOf('#');
  const pointer = refPointer(hash === -1 ? '#' : ref.slice(hash));
  if (pointer === undefined) return undefined;
  return pointerFix(hash === -1 ? ref : ref.slice(0, hash), pointer, target.parsed);
}

/** The fix for a `$ref` that resolver.ts refused (outside the spec's folder, hidden, a link out). */
function refusalFix(refusal: ExternalRefError | undefined, display: Display): string | undefined {
  if (refusal === undefined) return undefined;
  // A hidden file (`.env`) may hold secrets: never "write its text into the spec".
  if (refusal.reason === 'hidden')
    return 'point the $ref at a YAML or JSON file whose path has no part starting with a dot; for a spec you trust, --allow-external-refs lifts the rule';
  // Copying a device, a pipe or a socket into the spec would be harm, not a fix.
  const target = refusal.link?.target ?? (isUrl(refusal.ref) ? undefined : refusal.ref);
  const stats = target === undefined ? undefined : statSync(target, { throwIfNoEntry: false });
  const notAFile = stats === undefined ? undefined : unreadableReason(target!, stats);
  if (notAFile !== undefined)
    return `point the $ref at a YAML or JSON file in the spec's folder: ${notAFile}`;
  // Never "copy it into the spec": the target may be a system or secret file (/etc/passwd, a key).
  const inside = "point the $ref at a YAML or JSON file inside the spec's folder";
  if (refusal.link !== undefined)
    return `${inside} (not through the link ${display(refusal.link.path)}), or, if ${refusal.link.target} is trusted, run with --allow-external-refs`;
  return `${inside}, or, if ${refusal.ref} is trusted, run with --allow-external-refs`;
}

/**
 * The fix for a `$ref` that names a key holding `/` or `~` without escaping them
 * (`#/components/schemas/a/b` for the schema `a/b`): the escaped `$ref`, or undefined.
 */
function escapedKeyFix(ref: string | undefined, target: Document | Error | undefined) {
  if (ref === undefined || target === undefined || target instanceof Error) return undefined;
  const hash = ref.indexOf('#');
  if (hash === -1) return undefined;
  const escaped = unescapedKeyRef(target.parsed, ref.slice(hash));
  return escaped === undefined ? undefined : escapedRefFix(`${ref.slice(0, hash)}${escaped}`);
}

/** Why a `$ref` into a file that was read finds nothing: nothing is at its pointer. */
function missingTarget(
  ref: string | undefined,
  target: Document | Error | undefined,
  targetFile: string | undefined,
  display: Display,
): string {
  if (ref === undefined || targetFile === undefined || target === undefined) return '';
  if (target instanceof Error) return '';
  const hash = ref.indexOf('#');
  const pointer = refPointer(hash === -1 ? '#' : ref.slice(hash));
  if (pointer === undefined || getByPointer(target.parsed, pointer) !== undefined) return '';
  return `nothing in ${display(targetFile)} is at ${pointer}`;
}

/**
 * Whether a `$ref`'s file part is written as a folder: `.`, `..`, or ending in `/`, `/.` or `/..`
 * (`./`, `../schemas/`, `#` aside).
 */
function namesFolder(ref: string): boolean {
  const path = ref.replace(/#.*$/, '');
  return path !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(path) && /(^|[/\\])\.{0,2}[/\\]*$/.test(path);
}

function rank(problem: NormalizedProblem): number {
  if (problem.message.startsWith('Failed to parse')) return 0;
  if (problem.message.startsWith("Can't resolve $ref")) return 1;
  return 2;
}

async function cachedDocument(
  resolver: BaseResolver,
  file: string,
): Promise<Document | Error | undefined> {
  const cached = resolver.cache.get(file);
  if (cached === undefined) return undefined;
  try {
    return await cached;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The error placed at the line and column of its pointer in `source` (the file it names), as the
 * other load errors are: for the `$ref` loops, found in the parsed documents (cycles.ts,
 * file-ref-loops.ts). Unchanged when it has no pointer or the source has no lines for it.
 */
export function atSourceLine(error: GeneratorError, source: Document['source']): GeneratorError {
  const pointer = error.location.pointer;
  if (pointer === undefined) return error;
  const location = withLine(error.location, { source, pointer, reportOnKey: false });
  return location === error.location
    ? error
    : new GeneratorError(error.problem, location, error.hint);
}

/** Adds the line of a pointer location when openapi-core can work it out from the source. */
function withLine(
  location: GeneratorErrorLocation,
  problem: NormalizedProblem['location'][number],
): GeneratorErrorLocation {
  try {
    const lineCol = getLineColLocation(problem);
    if (lineCol.start.line > 0)
      return { ...location, line: lineCol.start.line, column: lineCol.start.col };
  } catch {
    // The source could not be mapped to lines (e.g. it failed to parse); the pointer is enough.
  }
  return location;
}
