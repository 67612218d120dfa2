/** Prettier for the parts the rules do not cover: each at its depth, in batches. */
import { regularLine } from './lines.ts';
import { indentOf } from './tree.ts';
import { NotPrinted, type Format, type Node } from './types.ts';

export function collectIrregular(node: Node, into: Node[]): void {
  for (const comment of node.comments) if (typeof comment !== 'string') into.push(comment);
  if (!node.regular) {
    into.push(node);
    return;
  }
  for (const member of node.members ?? []) collectIrregular(member, into);
  for (const link of node.chain ?? [])
    for (const member of link.members) collectIrregular(member, into);
}

/**
 * Between how many characters go to prettier in one text. A batch ends after a part whose first
 * line hashes to a multiple of 8 (or at the most): where batches end depends on the parts around
 * the end, not on everything before, so after an edit the other batches are the same texts and
 * the format cache has them.
 */
const BATCH_MIN = 16 * 1024;
const BATCH_MAX = 128 * 1024;

/** Each irregular node's lines as prettier gives them at its depth. */
export async function formatIrregular(
  path: string,
  nodes: Node[],
  format: Format,
  { limit, overLimit, unit }: { limit: number; overLimit: () => void; unit: number },
): Promise<Map<Node, string[]>> {
  const result = new Map<Node, string[]>();
  if (nodes.length === 0) return result;
  const size = nodes.reduce((sum, node) => sum + node.lines.join('\n').length, 0);
  if (size > limit) {
    overLimit();
    for (const node of nodes)
      result.set(
        node,
        node.lines.map((line) => printedLine(line, unit)),
      );
    return result;
  }
  // In batches: prettier's memory grows with its text, and a batch that did not change is found in
  // the format cache.
  const jobs: Promise<void>[] = [];
  let batch: Node[] = [];
  let batchSize = 0;
  const flush = () => {
    if (batch.length > 0) jobs.push(formatBatch(path, batch, format, result));
    batch = [];
    batchSize = 0;
  };
  for (const node of nodes) {
    batch.push(node);
    batchSize += node.lines.reduce((sum, line) => sum + line.length + 1, 0);
    if (
      batchSize >= BATCH_MAX ||
      (batchSize >= BATCH_MIN && (hash(node.lines[0] ?? '') >>> 13) % 8 === 0)
    )
      flush();
  }
  flush();
  await Promise.all(jobs);
  return result;
}

/** A string's FNV-1a hash. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The lines that put a node at its depth in its context, before and after it, and what stands in
 * for the statement a comment node precedes. The same for every node (no number), so that a part
 * that did not change is the same text in every run, for the caches.
 */
function wrappers(node: Node): { before: string[]; after: string[]; stand?: string } {
  const levels = (line: string) => Array.from({ length: Math.max(0, node.depth - 1) }, () => line);
  switch (node.context) {
    case 'module':
      return { before: ['// format-by-rules'], after: [], stand: 'type _ = 0;' };
    case 'type':
      return {
        before: ['interface FormatByRules {', ...levels('_: {')],
        after: [...levels('};'), '}'],
        stand: '_: 0;',
      };
    case 'statements':
      // A loop for `break` and `continue`, an async generator for `await` and `yield`.
      return {
        before: ['async function* formatByRules() {', ...levels('for (;;) {')],
        after: [...levels('}'), '}'],
        stand: '_;',
      };
    case 'class':
      // Class bodies are the module's (blockOf), so at depth 1.
      return { before: ['class FormatByRules {'], after: ['}'], stand: '_: 0;' };
  }
}

/** Formats `nodes` in one text, each in its wrappers; sets their lines in `result`. */
async function formatBatch(
  path: string,
  nodes: Node[],
  format: Format,
  result: Map<Node, string[]>,
): Promise<void> {
  const text = nodes
    .map((node) => {
      const { before, after, stand } = wrappers(node);
      return [...before, ...node.lines, ...(node.comment ? [stand!] : []), ...after].join('\n');
    })
    .join('\n');
  const lines = (await format(path, text)).trimEnd().split('\n');
  // Each node's text starts at its first wrapper line, at column 0.
  const starts: number[] = [];
  for (const node of nodes)
    starts.push(lines.indexOf(wrappers(node).before[0]!, (starts.at(-1) ?? -1) + 1));
  nodes.forEach((node, index) => {
    const start = starts[index]!;
    const end = index + 1 < nodes.length ? starts[index + 1]! : lines.length;
    const { before, after } = wrappers(node);
    if (
      start === -1 ||
      end - start < before.length + after.length ||
      (after.length > 0 && lines[end - 1] !== '}')
    )
      throw new NotPrinted();
    const own = lines.slice(start + before.length, end - after.length);
    result.set(node, node.comment ? own.slice(0, -1) : own);
  });
}

/** A printed line at 2 spaces a level, its plain strings in prettier's quotes. */
function printedLine(line: string, unit: number): string {
  const indent = indentOf(line);
  const code = line.trimStart();
  const level = Math.floor(indent / unit);
  return ' '.repeat(level * 2 + (indent % unit)) + (regularLine(code, 0, Infinity)?.line ?? code);
}
