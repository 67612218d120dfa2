/**
 * Step 1 of the pipeline: read the spec's root file and bundle every file it references into one
 * document with `@redocly/openapi-core` (`$ref`s to components stay `$ref`s; nothing is
 * dereferenced). Every way this can fail becomes a GeneratorError naming the file and place.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  bundle,
  createConfig,
  loadConfig,
  type Config,
  type Document,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { displayPath, type GeneratorContext } from '../context.ts';
import { GeneratorError } from '../errors.ts';
import { credentialProblems } from './credentials.ts';
import { shellWord } from '../escape.ts';
import { isRecord } from '../json.ts';
import { inDocumentOrder } from '../pointer.ts';
import { assertAcyclic } from './acyclic.ts';
import { refLoopErrors, selfContainingSchemas } from './cycles.ts';
import {
  nameMappedSchemas,
  renameEscapedComponents,
  restoreFileComponentNames,
  writtenComponents,
} from './file-components.ts';
import { fileRefLoopError } from './file-ref-loops.ts';
import { anchorRefsAsPointers, type AnchorElsewhere } from '../anchors.ts';
import { idRefsAsPointers } from './schema-ids.ts';
import { longRefChains } from './ref-chains.ts';
import { invalidRefEscapes, otherFileAnchorRefs } from './ref-escapes.ts';
import { mappingTargetProblems } from './mappings.ts';
import { unreadableShapes } from './shape.ts';
import { structureProblems } from './structure.ts';
import {
  atSourceLine,
  sourceError,
  bundleCrashError,
  bundleError,
  bundleProblemError,
  loadError,
  withoutUnfollowedRefs,
  hugeObjectProblems,
} from './problems.ts';
import { writtenScalar } from './parse.ts';
import { SpecResolver } from './resolver.ts';
import { SourceMap } from './source-map.ts';

export interface BundledSpec {
  /** The bundled document as plain JSON, keys in spec order. */
  document: Record<string, unknown>;
  /** The OpenAPI minor version; everything after the model is version-agnostic. */
  version: '3.0' | '3.1';
  /** The root file as messages and headers print it (relative to the working folder). */
  file: string;
  /** sha256 (hex) of the bundled document serialised as JSON. */
  hash: string;
  /** Every file (absolute path, or URL) the document was read from → its text. */
  sources: ReadonlyMap<string, string>;
  /** Where each place of `document` was written: for problems found after bundling. */
  sourceMap: SourceMap;
  /** The root file's `$ref`s to an anchor found only outside their schema resource (a warning). */
  anchorsElsewhere: AnchorElsewhere[];
  /** `info.version` as the root file writes it, when it is a number (`1.10`, read as 1.1). */
  writtenInfoVersion?: string;
}

export async function loadAndBundle(
  ctx: GeneratorContext,
  hooks: { onParsed?: (parsed: unknown) => void } = {},
): Promise<BundledSpec> {
  const display = (absolute: string) => displayPath(ctx.cwd, absolute);
  const config = await loadRedoclyConfig(ctx);
  const resolver = new SpecResolver(config.resolve, {
    rootFile: ctx.specPath,
    allowExternal: ctx.allowExternalRefs,
    ...hooks,
  });

  let root: Document | Error;
  try {
    root = await resolver.resolveDocument(null, ctx.specPath, true);
  } catch (error) {
    root = error instanceof Error ? error : new Error(String(error));
  }
  if (root instanceof Error) throw loadError(root, ctx.specDisplay, display, ctx.cwd);

  let version: '3.0' | '3.1';
  try {
    version = openapiVersion(root.parsed, ctx.specDisplay, root.source.body);
  } catch (error) {
    throw error instanceof GeneratorError ? atSourceLine(error, root.source) : error;
  }
  // `$ref: '#tag'` to a schema's `$anchor`, and refs an `$id` decides, as pointers: the bundler
  // misreads refs inside an anchored schema, and reads refs against the file, never an `$id`.
  let anchorsElsewhere: AnchorElsewhere[] = [];
  const info = isRecord(root.parsed) ? root.parsed.info : undefined;
  const writtenInfoVersion =
    isRecord(info) && typeof info.version === 'number'
      ? writtenScalar(root.source.body, ['info', 'version'])
      : undefined;
  if (isRecord(root.parsed)) {
    try {
      const rootURL = /^https?:\/\//i.test(ctx.specPath)
        ? ctx.specPath
        : pathToFileURL(ctx.specPath).href;
      idRefsAsPointers(root.parsed, rootURL, ctx.specDisplay);
    } catch (error) {
      throw error instanceof GeneratorError ? atSourceLine(error, root.source) : error;
    }
    try {
      anchorsElsewhere = anchorRefsAsPointers(root.parsed, ctx.specDisplay);
    } catch (error) {
      throw error instanceof GeneratorError ? atSourceLine(error, root.source) : error;
    }
  }
  // Numbers JSON cannot carry (parse.ts) come with the problems found after them, in one run.
  const unwritable = () =>
    resolver.unwritableNumbers.flatMap((error) => sourceError(error, display).problems);
  try {
    refuseEarlyProblems(root.parsed as Record<string, unknown>, ctx.specDisplay, root.source);
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    throw GeneratorError.all([...unwritable(), ...error.problems], error.unshown);
  }

  // Read before the bundler, which rewrites the root document.
  const written = writtenComponents(root.parsed);
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({ doc: root, config, externalRefResolver: resolver, dereference: false });
  } catch (error) {
    // A $ref loop inside the root file is placed here; the bundler names no place for it.
    if (!(error instanceof TypeError)) {
      const loops = refLoopErrors(root.parsed, ctx.specDisplay);
      const rootSource = root.source;
      if (loops.length > 0)
        throw GeneratorError.all(loops.map((loop) => atSourceLine(loop, rootSource)));
      throw (
        (await fileRefLoopError(root, resolver, display)) ??
        atSourceLine(bundleError(error, ctx.specDisplay, root.parsed), rootSource)
      );
    }
    throw await bundleCrashError(error, root, resolver, display);
  }
  const errors = await withoutUnfollowedRefs(
    result.problems.filter((problem: NormalizedProblem) => problem.severity === 'error'),
    resolver,
  );
  // The bundler's errors (a broken $ref) are reported with the checks' problems below, which do
  // not need every $ref to arrive: every problem in one run.
  const bundled =
    errors.length > 0 ? await bundleProblemError(errors, resolver, display) : undefined;

  const document = result.bundle.parsed as Record<string, unknown>;
  restoreFileComponentNames(document, written);
  renameEscapedComponents(document, written);
  nameMappedSchemas(document, written);
  // First, since every check below walks the whole document: JSON.stringify refuses one that
  // contains itself (a TypeError), and only then is it searched for the place (acyclic.ts).
  let text: string;
  try {
    text = JSON.stringify(document);
  } catch (error) {
    if (bundled !== undefined) throw bundled;
    assertAcyclic(document, ctx.specDisplay);
    throw error;
  }
  const sourceMap = new SourceMap(
    root.source.absoluteRef,
    ctx.specDisplay,
    resolver.sources,
    display,
    document,
  );
  // Each check reads the document on its own, so all of them run and report together.
  const problems = [
    ...credentialProblems(document, ctx.specDisplay),
    ...structureProblems(document, ctx.specDisplay),
    ...unreadableShapes(document, ctx.specDisplay),
    ...selfContainingSchemas(document, ctx.specDisplay),
  ];
  const numbers = [...unwritable(), ...otherFilesRefEscapes(resolver, display)];
  if (bundled !== undefined || problems.length > 0 || numbers.length > 0) {
    const placed =
      problems.length === 0
        ? undefined
        : sourceMap.error(GeneratorError.all(inDocumentOrder(problems, document, pointerOf)));
    // A broken $ref the bundler reports is left out where its `~` is the problem named.
    const escapes = new Set(
      numbers.map((problem) => `${problem.location.file}\0${problem.location.pointer ?? ''}`),
    );
    const unescaped = (bundled?.problems ?? []).filter(
      (problem) => !escapes.has(`${problem.location.file}\0${problem.location.pointer ?? ''}/$ref`),
    );
    throw GeneratorError.all(
      [...numbers, ...unescaped, ...(placed?.problems ?? [])],
      (bundled?.unshown ?? 0) + (placed?.unshown ?? 0),
    );
  }
  const hash = createHash('sha256').update(text).digest('hex');
  return {
    document,
    version,
    file: ctx.specDisplay,
    hash,
    sources: resolver.sources,
    sourceMap,
    anchorsElsewhere,
    ...(writtenInfoVersion === undefined ? {} : { writtenInfoVersion }),
  };
}

const pointerOf = (problem: GeneratorError) => problem.location.pointer;

/**
 * The `$ref`s with a `~` that is no escape in the files other than the root (ref-escapes.ts), each
 * at its line in its file; the bundler read them without a word (`A~2b` as a key).
 */
function otherFilesRefEscapes(
  resolver: SpecResolver,
  display: (absolute: string) => string,
): GeneratorError[] {
  return resolver.invalidRefEscapes.flatMap(({ source, problems }) =>
    problems.map((problem) => {
      const placed = atSourceLine(problem, source);
      return new GeneratorError(
        placed.problem,
        { ...placed.location, file: display(source.absoluteRef) },
        placed.hint,
      );
    }),
  );
}

/**
 * Before bundling, in the root file: schema loops (found here with their exact places, before the
 * bundler follows them) and discriminator mappings that point at a section (the bundler would
 * file it into itself). Either stops the run here, so the root file's containers and shapes are
 * checked as well (the other files' after bundling), and every problem is reported in one run,
 * each at its line and column.
 */
function refuseEarlyProblems(
  root: Record<string, unknown>,
  file: string,
  source: Document['source'],
): void {
  // An object of 100,000 members: the bundler takes minutes over it, then overflows, and so does
  // placing problems at lines (openapi-core's YAML AST compares each key with all before it).
  // Said alone, at its pointer.
  const huge = hugeObjectProblems(root, file);
  if (huge.length > 0) throw GeneratorError.all(huge);
  const early = [
    ...selfContainingSchemas(root, file),
    ...mappingTargetProblems(root, file),
    // Before the bundler, which follows $refs one inside another: a long chain or a ring of
    // them overflowed its stack and the run hung (ref-chains.ts).
    ...refLoopErrors(root, file, { exceptSchemaLoops: true }),
    ...longRefChains(root, file),
    ...invalidRefEscapes(root, file),
    ...otherFileAnchorRefs(root, file),
  ];
  if (early.length === 0) return;
  const problems = [
    ...early,
    ...structureProblems(structuredClone(root), file, { unbundled: true }),
    ...unreadableShapes(root, file),
  ];
  // Each at its line and column in the root file, as the problems found after bundling are.
  throw GeneratorError.all(
    inDocumentOrder(problems, root, pointerOf).map((problem) => atSourceLine(problem, source)),
  );
}

async function loadRedoclyConfig(ctx: GeneratorContext): Promise<Config> {
  if (ctx.redoclyConfig === undefined) return createConfig({});
  try {
    return await loadConfig({ configPath: ctx.redoclyConfig });
  } catch (error) {
    // openapi-core puts the stack of a plugin's own error after its message, a blank line between.
    const message = (error instanceof Error ? error.message : String(error)).split(/\n\s*\n/)[0]!;
    throw new GeneratorError(
      `cannot load the Redocly config: ${message.trim()}`,
      { file: displayPath(ctx.cwd, ctx.redoclyConfig) },
      'pass a valid redocly.yaml with --redocly-config, or leave the flag out',
    );
  }
}

const SUPPORTED = 'OpenAPI 3.0.x or 3.1.x';

/** Keywords only a schema has at its top, and the fields of a path item's operations. */
const SCHEMA_KEYWORDS = ['type', 'properties', 'allOf', 'oneOf', 'anyOf', 'items', 'enum', '$ref'];
const PATH_ITEM_FIELDS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** What a document without `openapi` is, when it is a part of a spec: "a schema", "a path item". */
function partOfASpec(parsed: Record<string, unknown>): string | undefined {
  if (parsed.info !== undefined || parsed.paths !== undefined) return undefined;
  if (SCHEMA_KEYWORDS.some((key) => Object.hasOwn(parsed, key))) return 'a schema';
  if (PATH_ITEM_FIELDS.some((key) => Object.hasOwn(parsed, key))) return 'a path item';
  if (Object.hasOwn(parsed, 'content') || Object.hasOwn(parsed, 'in')) return 'a component';
  return undefined;
}

/** Checks the `openapi` field before bundling: only 3.0 and 3.1 are supported. */
function openapiVersion(parsed: unknown, file: string, text?: string): '3.0' | '3.1' {
  if (parsed === undefined || parsed === null) {
    throw new GeneratorError(
      // YAML's `~` and `null`, and JSON's `null`, are a value: the null one.
      parsed === null ? 'the file holds only `null`' : 'the file is empty (or holds only comments)',
      { file, line: 1 },
      `give --spec an ${SUPPORTED} document (YAML or JSON) that starts with an \`openapi\` field`,
    );
  }
  if (!isRecord(parsed)) {
    throw new GeneratorError(
      `not an OpenAPI document: the file holds ${Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}, not an object`,
      { file, line: 1 },
      `give --spec an ${SUPPORTED} document (YAML or JSON) with an \`openapi\` field`,
    );
  }
  const declared = parsed.openapi;
  // The OpenAPI Initiative's JSON Schemas for 3.0 and 3.1 match the field with these patterns: a
  // pre-release suffix (`3.1.0-rc1`) is a version, a fourth number (`3.1.0.1`) is not.
  if (typeof declared === 'string' && /^3\.0\.\d+(-.+)?$/.test(declared)) return '3.0';
  if (typeof declared === 'string' && /^3\.1\.\d+(-.+)?$/.test(declared)) return '3.1';
  // `openapi: 3.1` is YAML's number 3.1, or a version without its patch number: the version meant
  // is plain, the way it is written is not.
  // An unquoted `3.0` is the number 3: it shows as `3`, though `3.0` was written.
  const short = declared === 3 ? '3.0' : /^(3\.[01])$/.exec(String(declared))?.[1];
  if (short !== undefined && (typeof declared === 'number' || typeof declared === 'string')) {
    // As written: `3.10` is read as the number 3.1.
    const written =
      typeof declared === 'number' && text !== undefined
        ? (writtenScalar(text, ['openapi']) ?? short)
        : short;
    throw new GeneratorError(
      typeof declared === 'number'
        ? `\`openapi\` is the number ${written} (YAML and JSON read an unquoted \`${written}\` as the number ${String(declared)}), not a version string`
        : `\`openapi: "${short}"\` lacks the patch number the version needs`,
      { file, pointer: '#/openapi' },
      `write the full version as a string: \`openapi: ${short}.0\``,
    );
  }
  if (declared === undefined && parsed.swagger !== undefined) {
    throw new GeneratorError(
      `not an OpenAPI 3.0 or 3.1 document: found \`swagger: ${JSON.stringify(parsed.swagger)}\` (Swagger 2.0)`,
      { file, pointer: '#/swagger' },
      `this generator supports ${SUPPORTED}: convert the document first, e.g. with swagger2openapi (\`npx swagger2openapi ${shellWord(file)} --yaml --outfile openapi.yaml\`), then generate from the converted file`,
    );
  }
  // A file a `$ref` reaches, passed as the spec: a schema, a path item, a component.
  const part = declared === undefined ? partOfASpec(parsed) : undefined;
  if (part !== undefined) {
    throw new GeneratorError(
      `not an OpenAPI document: it is ${part} (no \`openapi\` field), the kind of file a spec's $ref points at`,
      { file, pointer: '#' },
      "pass the spec's root document: the file with `openapi: 3.1.0` (or 3.0.x), `info` and `paths`, whose $refs reach this one",
    );
  }
  throw new GeneratorError(
    `not an OpenAPI 3.0 or 3.1 document: found ${declared !== undefined ? `\`openapi: ${JSON.stringify(declared)}\`` : 'no `openapi` field'}`,
    { file, pointer: declared !== undefined ? '#/openapi' : '#' },
    `this generator supports ${SUPPORTED}; set \`openapi: 3.1.0\` (or 3.0.x), converting the document first if it is newer than 3.1`,
  );
}
