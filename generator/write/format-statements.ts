/**
 * Formats TypeScript one top-level statement at a time, for the dev server: after a one-schema
 * edit only the statements whose printed text changed go to prettier again (the inner formatter
 * remembers the rest, format-cache.ts RememberingFormatter), instead of whole files of hundreds
 * of kilobytes.
 *
 * Prettier prints a module's top-level statements one after another, each on its own, with one
 * blank line between two of them where the text had at least one (prettier's `isNextLineEmpty`
 * after the statement's end) and none elsewhere. So formatting each statement, with the comments
 * before it, and joining them by that rule gives prettier's text for the whole file. A file where
 * that might not hold is formatted whole: a comment after a statement on its own line (prettier
 * attaches it to that statement), text TypeScript does not parse cleanly, fewer than two
 * statements. test/generator/format-statements.test.ts compares both ways on every generated file.
 *
 * Finding the statements takes a TypeScript parse of the file. The formatter keeps each path's
 * last parse and updates it incrementally (`ts.updateSourceFile`, as editors do) with the span
 * between the text's unchanged start and end: after a one-schema edit, a few statements of a
 * file of hundreds of kilobytes are parsed again, not the whole file.
 */
import ts from 'typescript';
import type { Formatter } from './format-pool.ts';

/** A statement's text (with the comments before it) and whether a blank line follows it. */
interface Chunk {
  text: string;
  blankAfter: boolean;
}

export class StatementFormatter implements Formatter {
  /** The last parse of each path, to update incrementally. */
  private readonly parsed = new Map<string, ts.SourceFile>();

  constructor(private readonly inner: Formatter) {}

  async format(path: string, text: string): Promise<string> {
    let chunks: Chunk[] | undefined;
    if (/\.(ts|mts|cts)$/.test(path)) {
      const file = reparse(this.parsed.get(path), path, text);
      this.parsed.set(path, file);
      chunks = statementChunks(file, text);
    }
    if (chunks === undefined) return this.inner.format(path, text);
    const formatted = await Promise.all(chunks.map((chunk) => this.inner.format(path, chunk.text)));
    let out = '';
    for (let i = 0; i < chunks.length; i++) {
      out += formatted[i]!.trimEnd();
      out += i === chunks.length - 1 ? '\n' : chunks[i]!.blankAfter ? '\n\n' : '\n';
    }
    return out;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The file's top-level statements as chunks, or undefined where it must be formatted whole. */
export function splitStatements(path: string, text: string): Chunk[] | undefined {
  return statementChunks(parse(path, text), text);
}

function parse(path: string, text: string): ts.SourceFile {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
}

/** `text` parsed, reusing what `previous` (a parse of the same path) parsed of its unchanged parts. */
function reparse(previous: ts.SourceFile | undefined, path: string, text: string): ts.SourceFile {
  if (previous === undefined) return parse(path, text);
  const old = previous.text;
  if (old === text) return previous;
  const limit = Math.min(old.length, text.length);
  let start = 0;
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < limit - start &&
    old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)
  )
    end++;
  const change = ts.createTextChangeRange(
    ts.createTextSpan(start, old.length - end - start),
    text.length - end - start,
  );
  return ts.updateSourceFile(previous, text, change);
}

function statementChunks(file: ts.SourceFile, text: string): Chunk[] | undefined {
  // parseDiagnostics is internal but stable; a file with syntax errors goes to prettier whole,
  // which reports them as it would.
  const diagnostics = (file as unknown as { parseDiagnostics?: readonly unknown[] })
    .parseDiagnostics;
  if (diagnostics === undefined || diagnostics.length > 0) return undefined;
  const statements = file.statements;
  if (statements.length < 2) return undefined;
  const chunks: Chunk[] = [];
  let start = 0;
  for (let i = 0; i < statements.length; i++) {
    const end = i === statements.length - 1 ? text.length : statements[i]!.end;
    const lineEnd = text.indexOf('\n', end);
    const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
    // Something after the statement on its line (a trailing comment) belongs to it in prettier.
    if (i < statements.length - 1 && rest.trim() !== '') return undefined;
    chunks.push({ text: text.slice(start, end), blankAfter: nextLineEmpty(text, lineEnd) });
    start = end;
  }
  return chunks;
}

/** Whether the line after the one ending at `lineEnd` (a `\n`) holds only spaces. */
function nextLineEmpty(text: string, lineEnd: number): boolean {
  if (lineEnd === -1) return false;
  const next = text.indexOf('\n', lineEnd + 1);
  return text.slice(lineEnd + 1, next === -1 ? text.length : next).trim() === '';
}
