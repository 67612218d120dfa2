/**
 * Builds the API reference site: `redocly build-docs` renders the spec into one self-contained
 * `index.html` (Redoc's JavaScript inlined, no CDN), in a folder ready to publish as static files.
 *
 * Usage: npm run docs -- [--spec spec/openapi.yaml] [--out build/docs]
 *
 * Each operation gets a TypeScript sample that calls it through the generated SDK, added to the
 * bundled spec as `x-codeSamples` (lib/code-samples.ts); `spec/` itself has none.
 *
 * The site is built in a temporary folder next to the target and moved into place only when the
 * build succeeded, so a failed build leaves the previous site as it was.
 */
import { existsSync } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFlags } from './lib/command-line.ts';

import { CODE_SAMPLE_LABEL, CURL_SAMPLE_LABEL } from '../generator/emit/code-sample-labels.ts';
import { addReleaseNotes, DEFAULT_PACKAGE_DIR, readReleaseNotes } from './lib/docs-release.ts';
import { DocsPageError, finishPage } from './lib/docs-page.ts';
import { run } from './lib/run.ts';
import { isRecord } from '../generator/json.ts';
import type { ApiModel } from '../generator/model/types.ts';
import { isEntryPoint } from './lib/entry-point.ts';
import { specFileError } from '../generator/load/spec-file.ts';
import { CommandError, printFailure } from './lib/command-error.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const REDOCLY = join(REPO_ROOT, 'node_modules', '.bin', 'redocly');
const PAGE_TEMPLATE = fileURLToPath(new URL('./docs-template.html', import.meta.url));

export const DEFAULT_SPEC = 'spec/openapi.yaml';
export const DEFAULT_OUT_DIR = 'build/docs';

/**
 * Redoc options (https://redocly.com/docs/redoc/v3.x/config). Passed on the command line, so
 * they replace any `openapi:` section of a redocly.yaml: change them here.
 * - schemaDefinitionsTagName: list every component schema in a "Schemas" section (Redoc 3 shows
 *   no schema definitions otherwise; `x-tags` on a schema adds it to that tag's section as well).
 * - codeSamples.languages: the tabs of the request panel, in order. Redoc shows an `x-codeSamples`
 *   entry only when its `lang` is listed: the SDK's TypeScript samples first, then curl, then the
 *   payload.
 */
export const REDOC_OPTIONS = {
  schemaDefinitionsTagName: 'Schemas',
  codeSamples: {
    languages: [
      { lang: 'TypeScript', label: CODE_SAMPLE_LABEL },
      { lang: 'Shell', label: CURL_SAMPLE_LABEL },
      { lang: 'Payload' },
    ],
  },
};

/**
 * Environment for the Redocly CLI: no usage telemetry from the CLI or from the rendered page
 * (the CLI writes `disableTelemetry` into the page), no update notice, no colour codes.
 * The CLI's Node 20 deprecation banner has no switch; it only shows when a build fails.
 */
const REDOCLY_ENV = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_COLOR: '1',
  FORCE_COLOR: undefined,
};

export interface BuildDocsOptions {
  /** The root OpenAPI file. */
  spec: string;
  /** The folder to (re)create with the site; its parent folders are created as needed. */
  outDir: string;
  /** The generated package whose version and changelog the site shows. Default `generated`. */
  packageDir?: string;
  /** Follow `$ref`s out of the spec's folder (files, URLs): for a spec you trust. Default false. */
  allowExternalRefs?: boolean;
}

export interface BuildDocsResult {
  /** Absolute path of the built page, `<outDir>/index.html`. */
  htmlFile: string;
}

/**
 * A build that failed; `message` says what went wrong and in which file, `fix` how to fix it.
 * A spec the generator refuses fails with the generator's own GeneratorError instead, in the words
 * of `npm run generate`.
 */
export class DocsBuildError extends CommandError {
  override readonly name = 'DocsBuildError';
}

/** Builds the docs site for `spec` into `outDir` (replacing a previous build there). */
export async function buildDocs({
  spec,
  outDir,
  packageDir = DEFAULT_PACKAGE_DIR,
  allowExternalRefs = false,
}: BuildDocsOptions): Promise<BuildDocsResult> {
  const specFile = resolve(spec);
  const target = resolve(outDir);
  const notReadable = specFileError(spec);
  if (notReadable !== undefined) throw notReadable;
  await assertReplaceable(target);

  const staging = await stagingFolder(target, outDir);
  try {
    await chmod(staging, 0o755); // mkdtemp makes it owner-only; the site is meant to be served

    // The generator's loader first: it places every problem it refuses (a $ref loop, where
    // Redocly's bundler says only "Self-referencing circular pointer") and refuses $refs outside
    // the spec's folder before anything reads them (generator/load/resolver.ts).
    const model = await sdkModel(specFile, allowExternalRefs);
    // The bundle the SDK was made from, as `npm run dev` shows it: the same openapi-core bundle
    // `redocly bundle` writes, without starting the Redocly CLI a second time (about a second).
    const bundled = join(staging, 'openapi.bundled.json');
    const document: unknown = structuredClone(model.bundled);
    const title = pageTitle(document, specFile);
    const notes = await readReleaseNotes(resolve(packageDir));
    // The package's install line and changelog only for its own spec: docs of another spec
    // (`--spec`) must not advertise this repository's package.
    if (notes !== undefined && notes.packageName === model.sdk.packageName && isRecord(document))
      addReleaseNotes(document, notes);
    // Untrusted HTML and links of the spec (and of the changelog, made from it) are made safe
    // here (Redoc's `sanitize` breaks build-docs in this Redocly CLI): lib/docs-sanitize.ts.
    (await import('./lib/code-samples.ts')).docsDocument(document, model);
    await writeFile(bundled, JSON.stringify(document));
    await renderPage(bundled, join(staging, 'index.html'), title, specFile);
    await finishPageFile(join(staging, 'index.html'));
    await rm(bundled);
    await replaceFolder(target, staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { htmlFile: join(target, 'index.html') };
}

/**
 * A new folder next to `target` to build in; a `--out` whose parent cannot be made or written
 * (inside a file, on a read-only or virtual file system) is refused with the fix, not a stack.
 */
async function stagingFolder(target: string, outDir: string): Promise<string> {
  try {
    await mkdir(dirname(target), { recursive: true });
    return await mkdtemp(join(dirname(target), `.${basename(target)}.building-`));
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error;
    throw new DocsBuildError(
      `--out ${outDir}: cannot create the folder to build in (${code}${path === undefined ? '' : ` at ${path}`})`,
      `pass a folder you can write to with --out (default: ${DEFAULT_OUT_DIR})`,
    );
  }
}

/**
 * What marks a page as built here: a `generator` meta tag in scripts/docs-template.html. Builds
 * from before the tag are recognised by the template's inline icon.
 */
const BUILT_HERE = [
  '<meta name="generator" content="gigs-sdk-toolchain: npm run docs"',
  "viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230044D4'/%3E",
];

/**
 * The output folder is deleted and replaced, so refuse anything that is not clearly a previous
 * docs build: the repository or an ancestor of it, or a non-empty folder that holds anything but
 * the one page a build writes (index.html, with the generator tag). A user's other files there (a
 * blog, a CNAME) would be deleted with it.
 */
async function assertReplaceable(target: string): Promise<void> {
  const cwd = process.cwd();
  for (const protectedDir of [cwd, REPO_ROOT]) {
    const fromTarget = relative(target, protectedDir);
    if (fromTarget === '' || (!fromTarget.startsWith('..') && !fromTarget.startsWith(sep))) {
      throw new DocsBuildError(
        `refusing to build docs into ${target}: it contains ${protectedDir}, and the output folder is replaced as a whole`,
        `pass a dedicated folder with --out (default: ${DEFAULT_OUT_DIR})`,
      );
    }
  }
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) return;
  const entries = info.isDirectory() ? (await readdir(target)).sort() : undefined;
  if (entries?.length === 0) return;
  const refuse = (why: string) =>
    new DocsBuildError(
      `refusing to replace ${display(target)}: ${why}, and the output folder is replaced as a whole`,
      'pass an empty or new folder with --out, or move those files elsewhere',
    );
  if (entries === undefined || !entries.includes('index.html'))
    throw refuse('it is not a previous docs build (no index.html)');
  const others = entries.filter((name) => name !== 'index.html');
  if (others.length > 0) {
    const shown = others.slice(0, 5).join(', ') + (others.length > 5 ? ', …' : '');
    throw refuse(`it holds files a docs build does not write (${shown})`);
  }
  const page = await readFile(join(target, 'index.html'), 'utf8').catch(() => '');
  if (!BUILT_HERE.some((mark) => page.includes(mark)))
    throw refuse('its index.html was not written by npm run docs');
}

/** The SDK generator's model of the spec (its package name, its operations for code samples). */
async function sdkModel(specFile: string, allowExternalRefs: boolean): Promise<ApiModel> {
  // Loaded here, not at the top: the generator's modules take seconds to load, and `--help` or a
  // mistyped flag should not wait for them.
  // A spec it refuses fails with its GeneratorError: one `error:` and `fix:` per problem, as
  // `npm run generate` prints them.
  const { loadModel } = await import('./lib/code-samples.ts');
  return loadModel(specFile, allowExternalRefs);
}

async function renderPage(
  bundledFile: string,
  htmlFile: string,
  title: string,
  specFile: string,
): Promise<void> {
  const args = [
    'build-docs',
    bundledFile,
    '--output',
    htmlFile,
    '--inlineBundle',
    '--title',
    title,
    '--template',
    PAGE_TEMPLATE,
    `--openapi=${JSON.stringify(REDOC_OPTIONS)}`,
  ];
  const result = await run(REDOCLY, args, { cwd: REPO_ROOT, env: REDOCLY_ENV });
  const html = await readFile(htmlFile, 'utf8').catch(() => '');
  if (result.code !== 0 || html === '') {
    throw new DocsBuildError(
      `redocly build-docs failed for ${display(specFile)} (exited with ${exitText(result)}):\n` +
        `${trimOutput(result.output)}`,
      `run \`npm run lint:spec -- --spec ${display(specFile)}\` for the problems Redocly finds in the spec`,
    );
  }
}

/** Makes the page work from static files and keep to its host (lib/docs-page.ts). */
async function finishPageFile(htmlFile: string): Promise<void> {
  try {
    await writeFile(htmlFile, finishPage(await readFile(htmlFile, 'utf8')));
  } catch (error) {
    if (error instanceof DocsPageError) {
      const [problem, ...fix] = error.message.split(/\nFix: /);
      throw new DocsBuildError(problem!, fix.join(' ').replace(/\.$/, ''));
    }
    throw error;
  }
}

/** "<info.title> – API reference", e.g. "Gigs Core API – API reference". */
function pageTitle(document: unknown, specFile: string): string {
  const info = isRecord(document) ? document['info'] : undefined;
  const title = isRecord(info) ? info['title'] : undefined;
  if (typeof title !== 'string' || title.trim() === '') {
    throw new DocsBuildError(
      `${display(specFile)} #/info/title: info.title is missing or empty; the docs page title is made from it`,
      'set info.title in the root OpenAPI file',
    );
  }
  return `${title.trim()} – API reference`;
}

/** Moves `staging` to `target`, restoring the previous `target` if the move fails. */
async function replaceFolder(target: string, staging: string): Promise<void> {
  const previous = existsSync(target) ? `${staging}.previous` : undefined;
  if (previous !== undefined) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (previous !== undefined) await rename(previous, target);
    throw error;
  }
  if (previous !== undefined) await rm(previous, { recursive: true, force: true });
}

/** Redocly's output without leading blank lines and trailing whitespace (indentation kept). */
function trimOutput(output: string): string {
  return output.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

function exitText(result: { code: number | null; signal: string | null }): string {
  return result.code === null ? `signal ${result.signal ?? 'unknown'}` : `code ${result.code}`;
}

/** A path relative to the working directory when it is inside it, else absolute. */
function display(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd === '' || fromCwd.startsWith('..') ? path : fromCwd;
}

const USAGE = `Usage: npm run docs -- [options]      (tsx scripts/docs.ts [options])

Builds the API reference site (one self-contained index.html) with Redocly.

Options:
  --spec <file>  root OpenAPI file (default: ${DEFAULT_SPEC})
  --out <dir>    output folder: new, empty or an earlier build (nothing else in it);
                 replaced on success (default: ${DEFAULT_OUT_DIR})
  --allow-external-refs
                 follow $refs out of the spec's folder (other files, URLs): for a spec you trust
  --help         show this help`;

async function main(argv: string[]): Promise<number> {
  const flags = readFlags(
    argv,
    {
      spec: { type: 'string' },
      out: { type: 'string' },
      'allow-external-refs': { type: 'boolean', default: false },
    },
    USAGE,
  );
  if ('exitCode' in flags) return flags.exitCode;
  const { values } = flags;
  try {
    const spec = values.spec ?? DEFAULT_SPEC;
    const { htmlFile } = await buildDocs({
      spec,
      outDir: values.out ?? DEFAULT_OUT_DIR,
      allowExternalRefs: values['allow-external-refs'],
    });
    const size = (await stat(htmlFile)).size;
    console.log(
      `Built the docs site from ${spec}: ${display(htmlFile)} (${Math.round(size / 1024)} KiB)`,
    );
    return 0;
  } catch (error) {
    await printFailure(error);
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
