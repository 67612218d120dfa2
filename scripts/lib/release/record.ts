/**
 * Where the last release is recorded, and how a release writes its version.
 *
 * The record is a file in the repository, `release/openapi.json`: the bundled spec exactly as it
 * was released (a copy of the package's `openapi.json`), whose root `x-sdk.packageVersion` is the
 * released version. A file rather than git tags because a release must be computable in any
 * checkout: CI clones are shallow and fetch no tags by default, and the file is also the base
 * `npm run diff -- --base release/openapi.json` compares with. The tag is made from it, not the
 * other way round.
 *
 * The version itself lives in the spec's root `x-sdk.packageVersion`, the generator's input, so
 * the package is regenerated with it and `generate --check` stays green.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { isRecord } from '../../../generator/json.ts';
import { specFileOptionProblem } from '../../../generator/load/spec-file.ts';
import { CommandError } from '../command-error.ts';
import { isVersion } from './version.ts';

export const RECORD_FILE = 'release/openapi.json';

export interface ReleaseRecord {
  /** The released version (`x-sdk.packageVersion` of the recorded spec). */
  version: string;
  /** The bundled spec as released. */
  bundled: Record<string, unknown>;
}

/** The record at `path`, or undefined when there is none yet (no release so far). */
export async function readRecord(
  path: string,
  display: string,
): Promise<ReleaseRecord | undefined> {
  const stats = await stat(path).catch(() => undefined);
  const problem =
    stats === undefined
      ? undefined
      : specFileOptionProblem(
          '--record',
          display,
          path,
          stats,
          `pass the release record (default ${RECORD_FILE}), the JSON file npm run release writes`,
        );
  if (problem !== undefined) throw new CommandError(problem.problem, problem.fix);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  let bundled: unknown;
  try {
    bundled = JSON.parse(text);
  } catch (error) {
    throw new CommandError(
      `${display} is not JSON (${(error as Error).message})`,
      `restore it from git (git checkout -- ${display}); it is written by npm run release`,
    );
  }
  const version = isRecord(bundled) ? recordedVersion(bundled) : undefined;
  if (!isRecord(bundled) || version === undefined) {
    throw new CommandError(
      `${display} records no version (its root x-sdk.packageVersion is missing or not a semantic version)`,
      `restore it from git (git checkout -- ${display}); it is written by npm run release`,
    );
  }
  return { version, bundled };
}

function recordedVersion(bundled: Record<string, unknown>): string | undefined {
  const sdk = isRecord(bundled['x-sdk']) ? bundled['x-sdk'] : {};
  return isVersion(sdk.packageVersion) ? sdk.packageVersion : undefined;
}

/**
 * The root spec file's text with `x-sdk.packageVersion` set to `version`, changing nothing else:
 * in YAML the value is replaced or one line inserted (after the scalar settings of `x-sdk`, before
 * its first block, so comments stay with what they describe), and no other text is re-rendered;
 * JSON keeps its indentation.
 */
export function withPackageVersion(text: string, file: string, version: string): string {
  if (/\.json$/i.test(file)) {
    const doc = JSON.parse(text) as Record<string, unknown>;
    const sdk = isRecord(doc['x-sdk']) ? doc['x-sdk'] : {};
    doc['x-sdk'] = { ...sdk, packageVersion: version };
    const indent = /^[ \t]+/m.exec(text)?.[0] ?? '  ';
    return `${JSON.stringify(doc, null, indent)}\n`;
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new CommandError(`${file}: ${doc.errors[0]!.message}`, 'fix the YAML (npm run lint:spec)');
  const sdk = doc.get('x-sdk', true);
  if (sdk === undefined)
    return `${text.replace(/\n*$/, '\n')}x-sdk:\n  packageVersion: ${version}\n`;
  if (!isMap(sdk) || sdk.range === undefined || sdk.range === null)
    throw new CommandError(`${file} #/x-sdk: must be an object`, 'make x-sdk a mapping');
  const existing = sdk.items.find(
    (item) => isScalar(item.key) && item.key.value === 'packageVersion',
  );
  if (existing !== undefined && isScalar(existing.value) && existing.value.range) {
    const [start, end] = existing.value.range;
    return `${text.slice(0, start)}${version}${text.slice(end)}`;
  }
  if (sdk.flow) {
    const close = text.lastIndexOf('}', sdk.range[1]);
    const empty = sdk.items.length === 0;
    return `${text.slice(0, close).trimEnd()}${empty ? ' ' : ', '}packageVersion: ${version} ${text.slice(close)}`;
  }
  const firstBlock = sdk.items.findIndex((item) => !isScalar(item.value));
  const after = sdk.items[(firstBlock < 0 ? sdk.items.length : firstBlock) - 1];
  const keyStart = (sdk.items[0]?.key as Scalar | undefined)?.range?.[0] ?? sdk.range[0];
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const line = `${' '.repeat(indent)}packageVersion: ${version}\n`;
  if (after === undefined || !isScalar(after.value) || !after.value.range) {
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    return `${text.slice(0, lineStart)}${line}${text.slice(lineStart)}`;
  }
  const endOfLine = text.indexOf('\n', after.value.range[1]);
  const at = endOfLine < 0 ? text.length : endOfLine + 1;
  return `${text.slice(0, at)}${at === text.length && !text.endsWith('\n') ? '\n' : ''}${line}${text.slice(at)}`;
}

/** Writes `text` to `path` through a temporary file and a rename: never half-written. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}
