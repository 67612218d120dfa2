/**
 * A key written twice in one object. `JSON.parse` keeps the last silently (a path or a property
 * the user wrote is lost without a word); the YAML readers refuse it. Both are refused here, the
 * same way: the file, the line and column of the second key, the JSON pointer of the object, the
 * key, and the fix.
 *
 * JSON stays on `JSON.parse` (on GitHub's 13 MB description about 45 ms, where the `yaml` library
 * takes 3.5 s): the keys written in the text are counted ({@link jsonKeyCount}, about 17 ms there)
 * and compared with the keys of the value read ({@link parsedKeyCount}, about 5 ms); only when they
 * differ is the text read again with the `yaml` library (YAML 1.2 reads JSON), whose duplicate-key
 * error has the place.
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { joinPointer } from '../errors.ts';

/** A string (any escapes inside), then whether a `:` follows: a key of an object in valid JSON. */
const JSON_STRING = /"[^"\\]*(?:\\[\s\S][^"\\]*)*"\s*:?/g;

/**
 * How many keys the objects of valid JSON `text` are written with (duplicates counted): in valid
 * JSON a quote starts or ends a string, and a string followed by `:` is a key.
 */
export function jsonKeyCount(text: string): number {
  let count = 0;
  JSON_STRING.lastIndex = 0;
  for (let match = JSON_STRING.exec(text); match !== null; match = JSON_STRING.exec(text))
    if (match[0].endsWith(':')) count++;
  return count;
}

/** How many keys the objects of a parsed JSON value hold (iteratively: no recursion). */
export function parsedKeyCount(value: unknown): number {
  let count = 0;
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const child of node as unknown[]) if (typeof child === 'object') stack.push(child);
      continue;
    }
    for (const key in node) {
      count++;
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === 'object') stack.push(child);
    }
  }
  return count;
}

/** A duplicate key as the error reports it: where the second one is, in which object. */
export interface DuplicateKey {
  key: string;
  /** JSON pointer of the object that holds the key twice. */
  pointer: string;
  line: number;
  column: number;
  /** The line of the first time the key is written in that object. */
  firstLine: number | undefined;
}

/**
 * The place of the duplicate key the `yaml` library reported at `offset` (its DUPLICATE_KEY
 * error's start: where the second key starts), with the pointer of the object that holds it.
 */
export function findDuplicateKey(
  document: Document,
  offset: number,
  lines: LineCounter,
): DuplicateKey {
  const { line, col } = lines.linePos(offset);
  const found = pairAt(document, offset);
  if (found === undefined)
    return { key: '', pointer: '#', line, column: col, firstLine: undefined };
  const first = found.siblings.find(
    (pair) => pair !== found.pair && scalarKey(pair.key) === found.key,
  );
  const start = isNode(first?.key) ? first.key.range?.[0] : undefined;
  return {
    key: found.key,
    pointer: joinPointer('#', ...found.path),
    line,
    column: col,
    firstLine: start === undefined ? undefined : lines.linePos(start).line,
  };
}

interface FoundPair {
  key: string;
  pair: { key: unknown };
  siblings: readonly { key: unknown }[];
  path: (string | number)[];
}

/** The pair whose key starts first at or after `offset`, with the path of its map (iteratively). */
function pairAt(document: Document, offset: number): FoundPair | undefined {
  let best: (FoundPair & { start: number }) | undefined;
  const stack: { node: unknown; path: (string | number)[] }[] = [
    { node: document.contents, path: [] },
  ];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isSeq(node)) {
      node.items.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = scalarKey(pair.key);
        stack.push({ node: pair.value, path: [...path, key ?? ''] });
        const start = isNode(pair.key) ? pair.key.range?.[0] : undefined;
        if (key === undefined || start === undefined || start < offset) continue;
        if (best === undefined || start < best.start)
          best = { key, pair, siblings: node.items, path, start };
      }
    }
  }
  return best;
}

function scalarKey(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}
