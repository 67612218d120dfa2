/**
 * Chains of `$ref`s that point at other `$ref`s. A few in a row are ordinary (an alias of an
 * alias); thousands are not, and the bundler (openapi-core) follows them one inside another: a
 * chain of 1,000 took seconds and one of 10,000 overflowed its stack and never settled, so the
 * run hung. Such a chain is refused before bundling, with where it starts and ends.
 *
 * Rings (a chain that comes back to itself) are cycles.ts's `refLoopErrors`; this module counts
 * the chains that arrive somewhere.
 */
import { GeneratorError } from '../errors.ts';
import { isRecord } from '../json.ts';
import { findInObjects, getByPointer, pointerTokens, refPointer } from '../pointer.ts';

/** `$ref`s in a row (each pointing at another `$ref`) the bundler is given at most. */
export const MAX_REF_CHAIN = 64;

/** Chains refused by name at most; the rest are counted in one more error. */
const MAX_REPORTED = 5;

/**
 * Every chain of more than MAX_REF_CHAIN local `$ref`s in a row in `document`, one error per
 * chain (named at its first `$ref`), in document order; empty when there is none.
 */
export function longRefChains(document: unknown, file: string): GeneratorError[] {
  // Hops from a `$ref` object's place to a place that is not one (0 for a ring or a dead end).
  const hops = new Map<string, number>();
  const targets = new Set<string>();
  const starts: string[] = [];
  findInObjects(document, (object, pointer) => {
    if (typeof object.$ref !== 'string') return undefined;
    starts.push(pointer);
    const walk: string[] = [];
    const onWalk = new Set<string>();
    let at: string | undefined = pointer;
    let tail = 0;
    while (at !== undefined) {
      const known = hops.get(at);
      if (known !== undefined) {
        tail = known;
        break;
      }
      const node: unknown = at === pointer ? object : getByPointer(document, at);
      const ref = isRecord(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
      if (ref === undefined) break;
      if (onWalk.has(at)) {
        // A ring: refLoopErrors reports it; nothing on it counts as a long chain.
        for (const place of walk) hops.set(place, 0);
        return undefined;
      }
      walk.push(at);
      onWalk.add(at);
      at = refPointer(ref);
      if (at !== undefined) targets.add(at);
    }
    for (let index = walk.length - 1; index >= 0; index--) hops.set(walk[index]!, ++tail);
    return undefined;
  });
  const heads = starts.filter(
    (start) => (hops.get(start) ?? 0) > MAX_REF_CHAIN && !targets.has(start),
  );
  const problems = heads
    .slice(0, MAX_REPORTED)
    .map((head) => chainError(document, head, hops.get(head)!, file));
  if (heads.length > MAX_REPORTED) {
    problems.push(
      new GeneratorError(
        `${heads.length - MAX_REPORTED} more chains of over ${MAX_REF_CHAIN} $refs in a row`,
        { file, pointer: heads[MAX_REPORTED]! },
        "point each $ref straight at the schema (or other object) at its chain's end",
      ),
    );
  }
  return problems;
}

function chainError(document: unknown, head: string, length: number, file: string): GeneratorError {
  const chain: string[] = [head];
  let at: string | undefined = head;
  while (at !== undefined) {
    const node = getByPointer(document, at);
    at = isRecord(node) && typeof node.$ref === 'string' ? refPointer(node.$ref) : undefined;
    if (at !== undefined) chain.push(at);
  }
  const end = chain[chain.length - 1]!;
  return new GeneratorError(
    `a chain of ${length} $refs, each pointing at another $ref: ${chainText(chain)} (the bundler follows at most ${MAX_REF_CHAIN} in a row)`,
    { file, pointer: head },
    `point the $refs straight at ${end}, the place the chain ends`,
  );
}

/** A chain of pointers as `a → b → c`, its middle left out when it is long. */
export function chainText(chain: readonly string[]): string {
  if (chain.length <= 12) return chain.join(' → ');
  return [...chain.slice(0, 5), `… (${chain.length - 10} more) …`, ...chain.slice(-5)].join(' → ');
}

/** The kind of OpenAPI object each section of `components` holds, as a message names it. */
const COMPONENT_KINDS: Record<string, string> = {
  schemas: 'a schema',
  parameters: 'a parameter',
  responses: 'a response',
  requestBodies: 'a request body',
  headers: 'a header',
  examples: 'an example',
  links: 'a link',
  callbacks: 'a callback',
  pathItems: 'a path item',
  securitySchemes: 'a security scheme',
};

/** Keys under which only schemas are (a place with one is inside a schema). */
const SCHEMA_TOKENS = new Set([
  'schema',
  'schemas',
  'properties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
]);

/**
 * The kind of OpenAPI object the places of a `$ref` chain stand for (`a parameter`, `a
 * response`), read from where they are (`#/components/parameters/P`, `#/paths/~1a/get/responses/200`),
 * for a message about a chain that never arrives; `a schema` when no place says (a file's own
 * pointer, `b.yaml#/X`).
 */
export function refKind(places: readonly string[]): string {
  for (const place of places) {
    const tokens = pointerTokens(place.slice(place.indexOf('#')));
    if (tokens[0] === 'components' && tokens.length === 3) {
      const kind = COMPONENT_KINDS[tokens[1]!];
      if (kind !== undefined) return kind;
    }
    if ((tokens[0] === 'paths' || tokens[0] === 'webhooks') && tokens.length === 2)
      return 'a path item';
    // Inside a schema, whatever the keys are named (a property `links`).
    if (tokens.some((token) => SCHEMA_TOKENS.has(token))) return 'a schema';
    const last = tokens.at(-1);
    const parent = tokens.at(-2);
    if (parent === 'parameters' && /^\d+$/.test(last ?? '')) return 'a parameter';
    if (parent === 'responses' && tokens.at(-4) !== 'components') return 'a response';
    if (last === 'requestBody') return 'a request body';
    if (parent === 'headers') return 'a header';
    if (parent === 'links') return 'a link';
    if (parent === 'examples' && tokens.at(-4) !== 'components') return 'an example';
  }
  return 'a schema';
}
