/**
 * Emitted files → final text: statements printed with ts-morph, the generated-file header put in
 * front, prettier run over it. The result is sorted by path, so it does not depend on the order
 * emitters ran in.
 */
import { wrapDocComments } from '../emit/doc-text.ts';
import type { EmittedSourceFile, EmittedTextFile } from '../emit/types.ts';
import { headerLine, headerStyle } from '../header.ts';
import { InThreadFormatter, type Formatter } from './format-pool.ts';
import { formatByRules } from './format-by-rules/index.ts';
import { printSourceFile } from './print.ts';
import { showInvisible } from '../escape.ts';

/** An emitted file on its way to disk; `format: false` keeps text as it is (see emit/openapi-types.ts). */
export type RenderInput = (EmittedSourceFile | EmittedTextFile) & { format?: boolean };

/**
 * Files longer than this (in UTF-16 code units, about bytes) are written as printed, not run
 * through prettier (`onAsPrinted` names them; the command line says so): on GitHub's description prettier took 25 to 35 s (and most of the memory) for
 * the 17 MB guards module alone. Printed code is already indented and quoted consistently; only
 * line wrapping differs. The limit depends on the content alone, so output stays deterministic.
 * Below it, printed TypeScript gets prettier's form by rules where they cover a line, and from
 * prettier for the rest (write/format-by-rules/); src/openapi.ts, which TypeScript's printer
 * indents by 4, gets it at any size, prettier formatting at most this much of it.
 */
const FORMAT_LIMIT = 2 * 1024 * 1024;

/** Final file contents by path (relative, `/`-separated), sorted by path. */
export type RenderedTree = Map<string, string>;

/**
 * Prints every file at once (synchronously, before the first `await`: the caller may drop the
 * statements as soon as this returns its promise) and hands the text to the formatter.
 */
export async function renderFiles(
  files: readonly RenderInput[],
  notice: string,
  formatter: Formatter = new InThreadFormatter(),
  onAsPrinted: (path: string) => void = () => undefined,
): Promise<RenderedTree> {
  checkPaths(files);
  const format = (path: string, text: string) => formatter.format(path, text);
  const pending = files.map(async (file): Promise<[string, string]> => {
    const text = addHeader(
      file.path,
      'statements' in file ? printSourceFile(file) : file.text,
      notice,
    );
    const overLimit = () => onAsPrinted(file.path);
    const printed =
      file.format === false
        ? text
        : 'printedBy' in file && file.printedBy === 'typescript'
          ? await formatByRules(file.path, text, format, {
              indent: 4,
              limit: FORMAT_LIMIT,
              overLimit,
            })
          : text.length > FORMAT_LIMIT
            ? (overLimit(), text)
            : 'statements' in file && /\.(ts|mts|cts)$/.test(file.path)
              ? await formatByRules(file.path, text, format, {
                  indent: 2,
                  limit: FORMAT_LIMIT,
                  ...(file.inPrettierForm === undefined
                    ? {}
                    : { inPrettierForm: file.inPrettierForm }),
                })
              : await format(file.path, text);
    // TSDoc wrapped at its final indentation; files copied from templates are kept as written.
    const formatted =
      file.path.endsWith('.ts') && file.format !== false ? wrapDocComments(printed) : printed;
    // trimEnd, not a regex: a `\s+$` search is slow on the tens of MB of a large spec's files.
    // Invisible and bidi characters can only be inside strings, comments or Markdown text here,
    // where a `\uXXXX` escape means or shows the same character: a last guard behind the
    // escaping helpers (escape.ts), for what a library printed (openapi-typescript's literals).
    // The newline is added after the search: on `text + '\n'` (a string V8 must flatten first)
    // the search took 0.5 s over GitHub's 39 M characters, on the text itself under 0.1 s.
    return [file.path, `${showInvisible(formatted.trimEnd())}\n`];
  });
  return sortedTree(await Promise.all(pending));
}

/** Joins rendered trees; a path in two of them is a generator bug. */
export function mergeTrees(trees: readonly RenderedTree[]): RenderedTree {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  for (const tree of trees) {
    for (const [path, text] of tree) {
      if (seen.has(path)) throw new Error(`two emitters produced ${path}`);
      seen.add(path);
      entries.push([path, text]);
    }
  }
  return sortedTree(entries);
}

function sortedTree(entries: [string, string][]): RenderedTree {
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function addHeader(path: string, text: string, notice: string): string {
  const line = headerLine(path, notice);
  if (line === undefined) return text;
  // A blank line after the header keeps it apart from the first declaration's TSDoc.
  return headerStyle(path) === 'html-comment'
    ? `${line}\n\n${text}`
    : `${line}\n\n${text.trimStart()}`;
}

/** Emitted paths must be unique, relative and inside the output folder: anything else is a generator bug. */
function checkPaths(files: readonly RenderInput[]): void {
  const seen = new Set<string>();
  for (const { path } of files) {
    if (
      path === '' ||
      path.startsWith('/') ||
      path.includes('\\') ||
      path.split('/').some((part) => part === '..' || part === '.' || part === '')
    ) {
      throw new Error(
        `emitted file path ${JSON.stringify(path)} is not a relative path inside the output folder`,
      );
    }
    if (seen.has(path)) throw new Error(`two emitters produced ${path}`);
    seen.add(path);
  }
}
