/**
 * openapi-core's resolver (it reads files and follows `$ref`s between them), with our parser
 * (parse.ts) for every spec file: JSON through `JSON.parse`, YAML through the `yaml` library with
 * its alias limit, and a nesting limit for both. Files a `$ref` points at that are not YAML or
 * JSON (e.g. Markdown for a description) go the usual way.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import {
  BaseResolver,
  ResolveError,
  Source,
  type Document,
  type ResolveConfig,
} from '@redocly/openapi-core';
import { limitedFetch } from './url-fetch.ts';
import { decodeSpecBytes } from './encoding.ts';
import { unreadableReason } from './spec-file.ts';
import { looksLikeJson, parseSpecText, UnwritableNumbersError } from './parse.ts';
import { invalidRefEscapes, otherFileAnchorRefs } from './ref-escapes.ts';
import type { GeneratorError } from '../errors.ts';

const SPEC_FILE = /\.(ya?ml|json)$/i;

/** `https://…`, `file://…`: a URL rather than a path. */
export function isUrl(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
}

/**
 * The last parse of each YAML file, for a process that bundles again and again (`npm run dev`,
 * a test suite): a one-schema edit then parses one file, not all of them (YAML parsing is most of
 * a warm bundle). Keyed by path and exact text, handed out as copies (the bundler adds to the
 * documents it is given); bounded, oldest dropped first. JSON is parsed anew: `JSON.parse` is as
 * fast as a copy.
 */
const parsedYaml = new Map<string, { text: string; parsed: unknown }>();
const MEMO_FILES = 256;
const MEMO_FILE_CHARS = 1 << 20;

function parseRemembered(text: string, absoluteRef: string): unknown {
  const known = parsedYaml.get(absoluteRef);
  if (known !== undefined && known.text === text) {
    parsedYaml.delete(absoluteRef);
    parsedYaml.set(absoluteRef, known);
    return structuredClone(known.parsed);
  }
  const parsed = parseSpecText(text, absoluteRef);
  if (text.length <= MEMO_FILE_CHARS && !looksLikeJson(text)) {
    parsedYaml.delete(absoluteRef);
    parsedYaml.set(absoluteRef, { text, parsed: structuredClone(parsed) });
    if (parsedYaml.size > MEMO_FILES) parsedYaml.delete(parsedYaml.keys().next().value!);
  }
  return parsed;
}

/**
 * What a `$ref` may reach: files in the root file's folder and below. Another file of the machine
 * (`/etc/passwd`, `../../secrets.yaml`) or a URL (`http://169.254.169.254/…`, a cloud's metadata
 * service) is refused before it is read, unless `allowExternal` (`--allow-external-refs`).
 */
export class ExternalRefError extends Error {
  constructor(
    readonly ref: string,
    /**
     * `hidden`: inside the folder, but a hidden file or folder (`.git/config`, `.env`); `link`:
     * inside the folder as written, but through a symbolic link that leads out of it.
     */
    readonly reason: 'outside' | 'hidden' | 'link' = 'outside',
    /** For `link`: the link on the way, and the real path it points to. */
    readonly link?: { path: string; target: string },
  ) {
    super(
      reason === 'hidden'
        ? `$ref to a hidden file (${ref}) refused: files and folders whose names start with a dot hold tools' state and secrets (.git, .env, .npmrc), and what a $ref reaches is published in the package`
        : link !== undefined
          ? `$ref to ${ref} refused: it leads through the symbolic link ${link.path}, which points to ${link.target}, outside the spec's folder`
          : /^https?:/i.test(ref)
            ? `$ref to a URL (${ref}) refused: the generator reads only files in the spec's folder`
            : `$ref to a file outside the spec's folder (${ref}) refused`,
    );
  }

  /** The refusal inside `error` (as the resolver caches it: a ResolveError around it), if any. */
  static of(error: unknown): ExternalRefError | undefined {
    return thrownAs(error, ExternalRefError);
  }

  /** Whether `error` (as the resolver caches it: a ResolveError around it) is a refusal. */
  static isRefusal(error: unknown): boolean {
    return ExternalRefError.of(error) !== undefined;
  }
}

/**
 * A `$ref` (or `--spec`) that names a folder where a file belongs: `./`, `.`, `schemas/`,
 * `../spec` from inside `spec/`. Said as such, rather than as a file outside the spec's folder
 * (the spec's folder itself is not inside it) or as a file that cannot be read.
 */
export class FolderRefError extends Error {
  constructor(readonly path: string) {
    super(`it names a folder (${path}), not a file`);
  }

  /** `error` itself, or the one inside the ResolveError the resolver caches, when it is one. */
  static of(error: unknown): FolderRefError | undefined {
    return thrownAs(error, FolderRefError);
  }
}

/** `error`, or what the resolver caches around it (a ResolveError's `originalError`), as a `kind`. */
export function thrownAs<T extends Error>(
  error: unknown,
  kind: abstract new (...args: never[]) => T,
): T | undefined {
  const thrown = error instanceof ResolveError ? error.originalError : error;
  return thrown instanceof kind ? thrown : undefined;
}

/** Whether `path` is a folder (a link to one too). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Throws unless `path` is a folder or a readable regular file (spec-file.ts `unreadableReason`).
 * A path that does not exist is left to `readFile` (ENOENT).
 */
function assertReadable(path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return;
  }
  const reason = unreadableReason(path, stats);
  if (reason !== undefined) throw new Error(reason);
}

export class SpecResolver extends BaseResolver {
  /** Every source parsed, by absolute path or URL → its text (for write/record.ts). */
  readonly sources = new Map<string, string>();
  /** Files whose numbers JSON cannot carry: read all the same, for the other checks to run. */
  readonly unwritableNumbers: UnwritableNumbersError[] = [];
  /**
   * `$ref`s with a `~` that is no escape in the files other than the root (whose own are refused
   * before bundling, bundle.ts): each file's, at pointers into it, its `file` the absolute path.
   */
  readonly invalidRefEscapes: { source: Source; problems: GeneratorError[] }[] = [];

  /**
   * `rootFile`: the spec's root file; `$ref`s may reach its folder and below unless
   * `allowExternal`.
   */
  constructor(
    config: ResolveConfig | undefined,
    private readonly scope: {
      rootFile: string;
      allowExternal: boolean;
      /** Called with each spec file's value as it is parsed (pipeline.ts: recheck's early start). */
      onParsed?: (parsed: unknown) => void;
    },
  ) {
    // URLs are read within a local file's limits (url-fetch.ts).
    const http = config?.http ?? { headers: [] };
    const own = http.customFetch as typeof fetch | undefined;
    super({ ...config, http: { ...http, customFetch: limitedFetch(own) } });
  }

  /**
   * A `$ref` is a URI reference (RFC 3986 §4.1), so a relative one writes a file's path
   * percent-encoded: `my%20schemas/plan.yaml` names `my schemas/plan.yaml`. openapi-core joins it
   * to the referring file's folder as written; it is decoded first. The root file (no `base`) is a
   * path from the command line, not a reference, and a URL stays as it is.
   */
  override resolveExternalRef(base: string | null, ref: string): string {
    if (base === null || isUrl(base) || isUrl(ref) || !/%[0-9a-f]{2}/i.test(ref))
      return super.resolveExternalRef(base, ref);
    let path: string;
    try {
      path = decodeURIComponent(ref);
    } catch {
      return super.resolveExternalRef(base, ref); // a stray `%`: read as written
    }
    return super.resolveExternalRef(base, path);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    // Only where it may look: whether a folder outside the spec's exists is none of a spec's
    // business (problems.ts still calls `../other/` a folder, from how it is written).
    const mayLook =
      this.scope.allowExternal ||
      this.inScope(absoluteRef) ||
      this.fromSpecFolder(absoluteRef) === '';
    if (!isUrl(absoluteRef) && mayLook && isFolder(absoluteRef))
      throw new FolderRefError(absoluteRef);
    if (!this.scope.allowExternal && !this.inScope(absoluteRef)) {
      const link = this.linkOutOf(absoluteRef);
      throw new ExternalRefError(absoluteRef, link === undefined ? 'outside' : 'link', link);
    }
    if (!this.scope.allowExternal && this.isHidden(absoluteRef))
      throw new ExternalRefError(absoluteRef, 'hidden');
    if (isUrl(absoluteRef)) return super.loadExternalRef(absoluteRef);
    let bytes: Uint8Array;
    try {
      assertReadable(absoluteRef);
      bytes = await readFile(absoluteRef);
    } catch (error) {
      // As openapi-core reports it (problems.ts reads its ResolveError).
      throw new ResolveError(error as Error);
    }
    // Strict UTF-8 (encoding.ts); line ends as openapi-core's own read leaves them.
    return new Source(absoluteRef, decodeSpecBytes(bytes, absoluteRef).replace(/\r\n/g, '\n'));
  }

  /**
   * The first symbolic link on the way from the spec's folder to `absoluteRef` (written inside
   * it), and where it really points: why a path inside the folder leads out of it.
   */
  private linkOutOf(absoluteRef: string): { path: string; target: string } | undefined {
    if (isUrl(absoluteRef)) return undefined;
    const folder = dirname(this.scope.rootFile);
    const parts = relative(folder, absoluteRef).split(sep);
    if (parts[0] === '..' || isAbsolute(parts.join(sep))) return undefined;
    let path = folder;
    for (const part of parts) {
      path = join(path, part);
      try {
        if (lstatSync(path).isSymbolicLink()) return { path, target: realpathSync(path) };
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /**
   * Whether a part of the path below the spec's folder starts with a dot (`.git/config`, `.env`).
   * The root file itself never is: the user named it (`--spec .openapi.yaml`).
   */
  private isHidden(absoluteRef: string): boolean {
    if (isUrl(absoluteRef) || absoluteRef === this.scope.rootFile) return false;
    return relative(dirname(this.scope.rootFile), absoluteRef)
      .split(sep)
      .some((part) => part.startsWith('.') && part !== '..' && part !== '.');
  }

  private inScope(absoluteRef: string): boolean {
    if (absoluteRef === this.scope.rootFile) return true;
    if (isUrl(absoluteRef)) return false;
    const path = this.fromSpecFolder(absoluteRef);
    return path !== '' && path.split(sep)[0] !== '..' && !isAbsolute(path);
  }

  /** The path from the spec's folder to `absoluteRef`, where the files really are ('' for the folder itself). */
  private fromSpecFolder(absoluteRef: string): string {
    // Where the files really are: a symlink inside the folder must not lead out of it.
    const real = (path: string) => {
      try {
        return realpathSync(path);
      } catch {
        return path;
      }
    };
    return relative(real(dirname(this.scope.rootFile)), real(absoluteRef));
  }

  override parseDocument(source: Source, isRoot?: boolean): Document {
    this.sources.set(source.absoluteRef, source.body);
    if (
      !isRoot &&
      !SPEC_FILE.test(source.absoluteRef) &&
      !/(json|yaml|openapi)/.test(source.mimeType ?? '')
    )
      return super.parseDocument(source, isRoot);
    let parsed: unknown;
    try {
      parsed = parseRemembered(source.body, source.absoluteRef);
    } catch (error) {
      if (!(error instanceof UnwritableNumbersError)) throw error;
      // Reported with every other problem the run finds (bundle.ts), once per file.
      if (!this.unwritableNumbers.some((known) => known.absoluteFile === error.absoluteFile))
        this.unwritableNumbers.push(error);
      parsed = error.parsed;
    }
    if (isRoot !== true && !this.invalidRefEscapes.some((known) => known.source === source)) {
      const problems = [
        ...invalidRefEscapes(parsed, source.absoluteRef),
        ...otherFileAnchorRefs(parsed, source.absoluteRef),
      ];
      if (problems.length > 0) this.invalidRefEscapes.push({ source, problems });
    }
    this.scope.onParsed?.(parsed);
    return { source, parsed };
  }
}
