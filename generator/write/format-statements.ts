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
 */
import ts from 'typescript';
import type { Formatter } from './format-pool.ts';

/** A statement's text (with the comments before it) and whether a blank line follows it. */
interface Chunk {
  text: string;
  blankAfter: boolean;
}

export class StatementFormatter implements Formatter {
  constructor(private readonly inner: Formatter) {}

  async format(path: string, text: string): Promise<string> {
    const chunks = /\.(ts|mts|cts)$/.test(path) ? splitStatements(path, text) : undefined;
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
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
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
