/**
 * Description text for TSDoc: escaped (names.ts `escapeJsDoc`) and wrapped to the line width, the
 * way a person would write the comment. Markdown keeps its meaning: code fences, indented code and
 * table rows are left alone; list items wrap under their own text.
 */
import { escapeJsDoc } from '../model/names.ts';

/** Room on a line inside ` * ` at print width 100. */
export const DOC_WIDTH = 96;

/** A spec description as TSDoc text: escaped (spec text never closes the comment or adds a tag), then wrapped. */
export function docText(description: string, width = DOC_WIDTH): string {
  return wrapDocText(escapeJsDoc(description), width);
}

/** Wraps TSDoc text that is already safe: the generator's own, with spec parts escaped by the caller. */
export function wrapDocText(text: string, width = DOC_WIDTH): string {
  let inFence = false;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (
      inFence ||
      /^\s*(```|~~~)/.test(line) ||
      /^( {4}|\t)/.test(line) ||
      /^\s*\|/.test(line) ||
      line.length <= width
    ) {
      out.push(line);
      continue;
    }
    out.push(...wrapLine(line, width));
  }
  return out.join('\n');
}

function wrapLine(line: string, width: number): string[] {
  const marker = /^(\s*(?:[-*+]|\d+[.)])\s+)/.exec(line)?.[1] ?? /^\s*/.exec(line)![0];
  const indent = ' '.repeat(marker.length);
  const lines: string[] = [];
  let current = marker;
  for (const word of line.slice(marker.length).split(/ +/)) {
    if (word === '') continue;
    const bare = current === marker || current === indent;
    if (!bare && current.length + 1 + word.length > width) {
      lines.push(current);
      current = indent + word;
    } else {
      current = bare ? current + word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}
