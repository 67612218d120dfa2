/**
 * The generation record, `<out>/.generation-record.json`: what a package was generated from (a hash
 * of each spec file read, of the generator itself and of the options) and a hash of each file
 * written. With it, `generate --check` proves an unchanged folder up to date by hashing files,
 * without loading the bundler, openapi-typescript, ts-morph or prettier (index.ts). Anything it
 * cannot prove (a file edited by hand, a spec file changed, another generator, templates changed,
 * a Redocly config, a spec read over HTTP, no record) falls back to the full comparison, so the
 * answer is the same either way, only slower.
 *
 * The record is an ordinary generated file: deterministic, written and compared like the others.
 * The generator's hash covers every file under generator/ and templates/ and the lock file, so
 * a change there makes `--check` report the record as changed until the package is regenerated.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratorContext } from '../context.ts';
import { GENERATION_RECORD, ownedFiles } from './owned.ts';
import type { RenderedTree } from './render.ts';
import { readRegularFile } from './read-regular.ts';

export const RECORD_PATH = GENERATION_RECORD;
const FORMAT = 1;

/** The toolchain's root: generator/, templates/ and the lock file are found from here. */
const TOOL_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the generator is made of, relative to TOOL_ROOT. Dependencies count through the lock file. */
const GENERATOR_PARTS = ['generator', 'templates', 'package-lock.json'];

export interface GenerationRecord {
  format: typeof FORMAT;
  note: string;
  /** sha256 over the generator's own files (GENERATOR_PARTS). */
  generator: string;
  /** Options that change the output. */
  options: { spec: string; name: string | null; version: string | null; unsafePatterns: string };
  /**
   * Spec files read, relative to the output folder (`../spec/openapi.yaml`: the same from any
   * working folder) → sha256 of their text; null when the run
   * cannot be proven from files (a Redocly config, whose plugins may read anything; a spec part
   * that is not a local file).
   */
  inputs: Record<string, string> | null;
  /** Files written, relative to the output folder → sha256 of their text. */
  outputs: Record<string, string>;
}

/** sha256 of the exact text: written files are compared byte for byte, as write/check.ts does. */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/**
 * sha256 of a source's text with CRLF line ends read as LF: a checkout with Windows line ends has
 * the same spec and the same generator (YAML reads both alike), so it gives the same record.
 */
const textHash = (text: string) => sha256(text.replace(/\r\n/g, '\n'));

let generatorHash: string | undefined;

/**
 * sha256 over the files of GENERATOR_PARTS (paths and texts), computed once per process. Dot
 * files and editor backups (`~`) are left out: they are not part of a checkout.
 */
export function generatorFingerprint(root = TOOL_ROOT): string {
  if (root === TOOL_ROOT && generatorHash !== undefined) return generatorHash;
  const hash = createHash('sha256');
  const add = (path: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, path), { withFileTypes: true });
    } catch {
      try {
        hash.update(`${path}\0${textHash(readFileSync(join(root, path), 'utf8'))}\0`);
      } catch {
        // A part that is not there (no lock file where the toolchain is installed as a package).
      }
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!entry.name.startsWith('.') && !entry.name.endsWith('~')) add(`${path}/${entry.name}`);
    }
  };
  for (const part of GENERATOR_PARTS) add(part);
  const digest = hash.digest('hex');
  if (root === TOOL_ROOT) generatorHash = digest;
  return digest;
}

/** A spec file's key in the record's inputs: its path relative to the output folder, `/`-separated. */
function inputKey(ctx: GeneratorContext, file: string): string {
  return relative(ctx.outDir, file).split(sep).join('/');
}

/**
 * The options of the run that can change the output. `overridden` (known once the spec is read)
 * leaves out a `--name` or `--package-version` that names what the spec already does, so that a
 * folder generated with one is proven up to date without it, and the other way round.
 */
function recordOptions(
  ctx: GeneratorContext,
  overridden: { packageName: boolean; packageVersion: boolean } = {
    packageName: true,
    packageVersion: true,
  },
): GenerationRecord['options'] {
  return {
    spec: ctx.specSource,
    name: (overridden.packageName ? ctx.packageName : undefined) ?? null,
    version: (overridden.packageVersion ? ctx.packageVersion : undefined) ?? null,
    unsafePatterns: ctx.unsafePatterns,
  };
}

/** The record's text for a rendered tree made from `sources` (absolute path → text read). */
export function renderRecord(
  ctx: GeneratorContext,
  sources: ReadonlyMap<string, string>,
  tree: RenderedTree,
  overridden: { packageName: boolean; packageVersion: boolean },
): string {
  let inputs: Record<string, string> | null = ctx.redoclyConfig === undefined ? {} : null;
  for (const [source, text] of [...sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (inputs === null) break;
    if (!isAbsolute(source)) inputs = null;
    else inputs[inputKey(ctx, source)] = textHash(text);
  }
  const outputs: Record<string, string> = {};
  for (const [path, text] of tree) if (path !== RECORD_PATH) outputs[path] = sha256(text);
  const record: GenerationRecord = {
    format: FORMAT,
    note: 'Written by `npm run generate` so that `npm run generate -- --check` can prove this folder up to date from hashes. Regenerate instead of editing it.',
    generator: generatorFingerprint(),
    options: recordOptions(ctx, overridden),
    inputs,
    outputs,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Of `paths` (files a run is about to rewrite, relative to `outDir`), those whose bytes on disk are
 * not what the last run wrote, as its record hashes them: edited by hand since, so the rewrite
 * drops the edit. Empty without a readable record; a path the record does not list is left out.
 */
export async function editedSinceRecord(
  outDir: string,
  paths: readonly string[],
): Promise<string[]> {
  let outputs: unknown;
  try {
    outputs = (
      JSON.parse((await readRegularFile(join(outDir, RECORD_PATH))) ?? '') as {
        outputs?: unknown;
      }
    ).outputs;
  } catch {
    return [];
  }
  if (typeof outputs !== 'object' || outputs === null) return [];
  const hashes = outputs as Record<string, unknown>;
  const edited: string[] = [];
  for (const path of paths) {
    if (path === RECORD_PATH || !Object.hasOwn(hashes, path)) continue;
    const text = await readRegularFile(join(outDir, path)).catch(() => undefined);
    if (text !== undefined && sha256(text) !== hashes[path]) edited.push(path);
  }
  return edited;
}

/**
 * The generated files' paths (the record included), sorted, when the record in `ctx.outDir` proves
 * that generating now would write exactly what is there; undefined when it cannot prove it.
 */
export async function provenUpToDate(ctx: GeneratorContext): Promise<string[] | undefined> {
  if (ctx.redoclyConfig !== undefined) return undefined;
  let record: GenerationRecord;
  try {
    record = JSON.parse(
      (await readRegularFile(join(ctx.outDir, RECORD_PATH))) ?? '',
    ) as GenerationRecord;
  } catch {
    return undefined;
  }
  if (
    record.format !== FORMAT ||
    typeof record.inputs !== 'object' ||
    record.inputs === null ||
    typeof record.outputs !== 'object' ||
    JSON.stringify(record.options) !== JSON.stringify(recordOptions(ctx)) ||
    !Object.hasOwn(record.inputs, inputKey(ctx, ctx.specPath)) ||
    record.generator !== generatorFingerprint()
  ) {
    return undefined;
  }
  const matches = async (file: string, expected: string, hash: (text: string) => string) =>
    hash((await readRegularFile(file)) ?? '\0missing') === expected;
  for (const [input, expected] of Object.entries(record.inputs)) {
    if (!(await matches(resolve(ctx.outDir, input), expected, textHash))) return undefined;
  }
  const written = [...Object.keys(record.outputs), RECORD_PATH].sort();
  const tree: RenderedTree = new Map(written.map((path) => [path, '']));
  const onDisk = (await ownedFiles(ctx.outDir, tree)).generated;
  if (onDisk.length !== written.length || onDisk.some((path, i) => path !== written[i])) {
    return undefined;
  }
  for (const [path, expected] of Object.entries(record.outputs)) {
    if (!(await matches(join(ctx.outDir, path), expected, sha256))) return undefined;
  }
  return written;
}
