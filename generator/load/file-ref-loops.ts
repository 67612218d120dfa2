/**
 * A ring of `$ref`s that spans files (`a.yaml` is `$ref: ./b.yaml`, `b.yaml` is `$ref: ./a.yaml`):
 * the bundler throws "Self-referencing circular pointer" and names no place. Found here after
 * that failure, from the files it had read, as the places of the ring in order (file and JSON
 * pointer of each `$ref`), so the user sees which `$ref` to point at a schema. Rings inside the
 * root file alone are cycles.ts's `refLoopErrors`.
 */
import type { BaseResolver, Document } from '@redocly/openapi-core';
import { GeneratorError } from '../errors.ts';
import { isRecord } from '../json.ts';
import { findInObjects, getByPointer, refPointer } from '../pointer.ts';
import { atSourceLine } from './problems.ts';
import { chainText, refKind } from './ref-chains.ts';

interface Place {
  /** The file's absolute path, as the resolver keys it. */
  file: string;
  /** JSON pointer inside it, `#` for the whole file. */
  pointer: string;
}

const key = (place: Place) => `${place.file}${place.pointer}`;

/**
 * The first ring of `$ref`-only objects across the files `resolver` has read (the root's first),
 * as an error naming each place in order, or undefined when there is none.
 */
export async function fileRefLoopError(
  root: Document,
  resolver: BaseResolver,
  display: (absolute: string) => string,
): Promise<GeneratorError | undefined> {
  const documents = new Map<string, unknown>([[root.source.absoluteRef, root.parsed]]);
  const sources = new Map<string, Document['source']>([[root.source.absoluteRef, root.source]]);
  for (const [file, pending] of resolver.cache) {
    const document = await pending.catch(() => undefined);
    if (document !== undefined && !(document instanceof Error) && !documents.has(file)) {
      documents.set(file, document.parsed);
      sources.set(file, document.source);
    }
  }
  const settled = new Set<string>();
  for (const [file, document] of documents) {
    const starts: Place[] = [];
    findInObjects(document, (object, pointer) => {
      if (typeof object.$ref === 'string') starts.push({ file, pointer });
      return undefined;
    });
    for (const start of starts) {
      const ring = await ringFrom(start, documents, resolver, settled);
      if (ring === undefined) continue;
      // At the line and column of the ring's first $ref, in the file it is written in.
      const error = loopError(ring, display);
      const source = sources.get(ring[0]!.file) ?? (await sourceOf(ring[0]!.file, resolver));
      return source === undefined ? error : atSourceLine(error, source);
    }
  }
  return undefined;
}

/** The ring the chain of `$ref`s from `start` runs into, closed (its first place again at the end). */
async function ringFrom(
  start: Place,
  documents: Map<string, unknown>,
  resolver: BaseResolver,
  settled: Set<string>,
): Promise<Place[] | undefined> {
  const chain: Place[] = [];
  const onChain = new Map<string, number>();
  let at: Place | undefined = start;
  while (at !== undefined && !settled.has(key(at))) {
    const seen = onChain.get(key(at));
    if (seen !== undefined) return [...chain.slice(seen), at];
    onChain.set(key(at), chain.length);
    chain.push(at);
    at = await refTarget(at, documents, resolver);
  }
  for (const place of chain) settled.add(key(place));
  return undefined;
}

/** Where the `$ref` at `place` points, or undefined when `place` holds no `$ref` or it is broken. */
async function refTarget(
  place: Place,
  documents: Map<string, unknown>,
  resolver: BaseResolver,
): Promise<Place | undefined> {
  const node = getByPointer(documents.get(place.file), place.pointer);
  if (!isRecord(node) || typeof node.$ref !== 'string') return undefined;
  const hash = node.$ref.indexOf('#');
  const path = hash === -1 ? node.$ref : node.$ref.slice(0, hash);
  const pointer = refPointer(hash === -1 ? '#' : node.$ref.slice(hash));
  if (pointer === undefined) return undefined;
  let file = place.file;
  if (path !== '') {
    try {
      file = resolver.resolveExternalRef(place.file, path);
    } catch {
      return undefined;
    }
  }
  if (!documents.has(file)) {
    const document = await resolver.resolveDocument(null, file).catch(() => undefined);
    if (document === undefined || document instanceof Error) return undefined;
    documents.set(file, document.parsed);
  }
  return { file, pointer };
}

/** The source of a file the ring reached after the resolver's cache was read. */
async function sourceOf(
  file: string,
  resolver: BaseResolver,
): Promise<Document['source'] | undefined> {
  const document = await resolver.resolveDocument(null, file).catch(() => undefined);
  return document === undefined || document instanceof Error ? undefined : document.source;
}

function loopError(ring: readonly Place[], display: (absolute: string) => string): GeneratorError {
  const files = new Set(ring.map((place) => place.file));
  const name = (place: Place) => `${display(place.file)}${place.pointer}`;
  const kind = refKind(ring.map((place) => place.pointer));
  return new GeneratorError(
    `circular $ref across ${files.size === 1 ? 'a file' : 'files'}: ${chainText(ring.map(name))} never reaches ${kind}`,
    { file: display(ring[0]!.file), pointer: ring[0]!.pointer },
    `point one of these $refs at ${kind} instead of at another $ref of the loop (e.g. the one in ${name(ring[ring.length - 2]!)})`,
  );
}
