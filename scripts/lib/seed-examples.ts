/**
 * Pulls the examples out of the API documentation pages in `../shared/seeds/`: every JSON
 * response block and every curl request body (`-d "{…}"`). Each one is tied to the operation
 * (method and path) it documents, or to the resource itself for the page's object example.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface SeedExample {
  /** Seed file name. */
  file: string;
  /** 1-based line where the example starts. */
  line: number;
  kind: 'resource' | 'response' | 'request';
  /** `GET /projects/{project}/plans`, or undefined for the page's resource example. */
  operation?: string;
  value: unknown;
}

const OPERATION_HEADER = /^(GET|POST|PATCH|PUT|DELETE)\s*(\/projects\/\S+)$/;
const CURL = /^curl https:\/\/api\.gigs\.com(\/\S+)/;

/** Reads a balanced JSON object starting at `lines[start]` (which is `{`). */
function readJsonBlock(lines: string[], start: number): { text: string; end: number } {
  let depth = 0;
  const parts: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    parts.push(line);
    for (const ch of line) {
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth === 0) return { text: parts.join('\n'), end: i };
  }
  throw new Error(`unbalanced JSON block starting at line ${start + 1}`);
}

export function readSeedExamples(seedDir: string): SeedExample[] {
  const examples: SeedExample[] = [];
  for (const file of readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const lines = readFileSync(join(seedDir, file), 'utf8').split('\n');
    let operation: string | undefined;
    let method: string | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').trim();
      const header = OPERATION_HEADER.exec(line);
      if (header) operation = `${header[1]!} ${header[2]!}`;
      const curl = CURL.exec(line);
      if (curl) {
        // The add-ons page has no method/path header lines; its curl commands name both.
        const methodLine = lines.slice(i + 1, i + 3).find((l) => l.trim().startsWith('-X '));
        method = methodLine?.trim().slice(3).replace(/\\$/, '').trim();
        operation = `${method!} ${curl[1]!}`;
      }
      if (line.startsWith('-d "')) {
        const raw = line.slice(4, line.lastIndexOf('"'));
        examples.push({
          file,
          line: i + 1,
          kind: 'request',
          operation,
          value: JSON.parse(raw.replace(/\\"/g, '"')),
        });
        continue;
      }
      if (line === '{' && i > 0) {
        const label = lines
          .slice(0, i)
          .reverse()
          .find((l) => l.trim() !== '')
          ?.trim();
        const { text, end } = readJsonBlock(lines, i);
        // The first block on a page, before any operation, is the resource's own example
        // (labelled "Example" on two pages and "Response" on the subscription changes page).
        const kind = label === 'Example' || operation === undefined ? 'resource' : 'response';
        examples.push({
          file,
          line: i + 1,
          kind,
          operation: kind === 'resource' ? undefined : operation,
          value: JSON.parse(text),
        });
        i = end;
      }
    }
  }
  return examples;
}
