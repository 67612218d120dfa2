/**
 * The checks on the spec's root file (`--spec`) and on every file a `$ref` reaches, before it is
 * read: shared by the generator and by the spec commands that hand the file to Redocly
 * (`npm run lint:spec`, `npm run bundle`), so all of them refuse the same paths in the same words.
 */
import { existsSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { GeneratorError } from '../errors.ts';

/**
 * Bytes a spec file may have: GitHub's REST description, one of the largest, is 13 MB as JSON. A
 * larger file is far more likely a mistake (a log, a dump, `/dev/zero`) than a spec, and reading
 * it whole would take the memory first.
 */
export const MAX_SPEC_FILE_BYTES = 256 * 1024 * 1024;

const SPEC_FILE_FIX =
  'pass the path of an OpenAPI 3.0/3.1 YAML or JSON file with --spec (default spec/openapi.yaml)';

/**
 * Why the file with these `stats` cannot be read as a spec, or undefined when it can: a device
 * (`/dev/zero`, `/dev/stdin`), a pipe or a socket has no end to read up to, and a file larger than
 * {@link MAX_SPEC_FILE_BYTES} would take the memory before it is parsed.
 */
export function unreadableReason(path: string, stats: Stats): string | undefined {
  if (stats.isDirectory()) return undefined;
  if (!stats.isFile()) return `${path} is ${fileKind(stats)}, not a regular file`;
  if (stats.size > MAX_SPEC_FILE_BYTES)
    return `${path} is ${Math.round(stats.size / 2 ** 20)} MiB, more than the ${MAX_SPEC_FILE_BYTES / 2 ** 20} MiB a spec file may have`;
  return undefined;
}

/**
 * What a path that is not a regular file is, in the words errors use: a folder, a pipe (a FIFO), a
 * character or block device, a socket.
 */
function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isSocket()) return 'a socket';
  return stats.isFile() ? 'a file' : 'not a file';
}

/**
 * The problem and fix for a file option (`--base`, `--record`, as `option` names it) whose path
 * exists but cannot be read as a spec file (a folder, a pipe, a device, a socket, too large), or
 * undefined when it can: the release commands' counterpart of {@link specFileError}.
 */
export function specFileOptionProblem(
  option: string,
  given: string,
  path: string,
  stats: Stats,
  fix: string,
): { problem: string; fix: string } | undefined {
  if (stats.isDirectory()) {
    const root = rootFileIn(path);
    return {
      problem: `${option} ${given} is a folder, not a spec file`,
      fix:
        root === undefined
          ? fix
          : `pass the root file inside it: \`${option} ${given.replace(/\/+$/, '')}/${root}\``,
    };
  }
  const reason = unreadableReason(given, stats);
  return reason === undefined ? undefined : { problem: `${option} ${reason}`, fix };
}

function rootFileIn(folder: string): string | undefined {
  return ['openapi.yaml', 'openapi.yml', 'openapi.json'].find((name) =>
    existsSync(join(folder, name)),
  );
}

/** `--spec` names a folder: the error, with the root file inside it when there is an obvious one. */
export function specFolderError(rootFile: string, folder: string): GeneratorError {
  const root = rootFileIn(folder);
  return new GeneratorError(
    'the spec path names a folder, not a file',
    { file: rootFile },
    root === undefined
      ? 'pass the root file of the OpenAPI 3.0/3.1 description (YAML or JSON) with --spec, e.g. `--spec spec/openapi.yaml`'
      : `pass the root file of the description with --spec: \`--spec ${rootFile.replace(/\/+$/, '')}/${root}\``,
  );
}

/**
 * The root file cannot be read: not found (ENOENT) or another reason (`detail`). `cwd` is the
 * folder a relative `rootFile` was looked for in: named, since a command run from another folder
 * (`node ~/sdk/scripts/generate.mjs` from `~`) looked for the default `spec/openapi.yaml` there.
 */
export function unreadableSpecError(
  rootFile: string,
  detail: string | undefined,
  cwd?: string,
): GeneratorError {
  if (detail === undefined && cwd !== undefined && !isAbsolute(rootFile)) {
    return new GeneratorError(
      `spec file not found in the working folder ${cwd}`,
      { file: rootFile },
      `${SPEC_FILE_FIX}; a relative path starts from the working folder, so run the command from the project's folder (npm run does) or pass an absolute path`,
    );
  }
  return new GeneratorError(
    detail === undefined ? 'spec file not found' : `cannot read the spec file: ${detail}`,
    { file: rootFile },
    SPEC_FILE_FIX,
  );
}

/**
 * The error for a `--spec` that is an http(s) URL, which is read as no file; undefined for
 * anything else. It was taken for a relative path and said to be missing as `http:/host/…`.
 */
export function specURLError(spec: string): GeneratorError | undefined {
  if (!/^https?:\/\//i.test(spec)) return undefined;
  return new GeneratorError(
    'a URL: --spec takes the path of a file, and reads no URL',
    { file: spec },
    `download it first (curl -fsSLo openapi.yaml '${spec.replaceAll("'", '%27')}'), then pass --spec openapi.yaml; a root file of your own may also $ref the URL, with --allow-external-refs`,
  );
}

/**
 * The error for a `--spec` path (as the user gave it) that names no readable spec file, or
 * undefined when it names one: missing, a folder, a device, a pipe, a socket, too large.
 */
export function specFileError(spec: string): GeneratorError | undefined {
  const url = specURLError(spec);
  if (url !== undefined) return url;
  const path = resolve(spec);
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadableSpecError(
      spec,
      code === 'ENOENT' ? undefined : (error as Error).message,
      process.cwd(),
    );
  }
  if (stats.isDirectory()) return specFolderError(spec, path);
  const reason = unreadableReason(path, stats);
  return reason === undefined ? undefined : unreadableSpecError(spec, reason);
}
