/**
 * How deep schemas `$ref` one another: `S0` has a property that refers to `S1`, which has one that
 * refers to `S2`, and so on. The bundler (openapi-core) follows such a chain one call inside
 * another, so a chain of some hundreds of schemas overflows its stack; all it says then is
 * "Maximum call stack size exceeded". This finds the deepest chain, so that the error names where
 * it starts and what it goes through. A loop (a tree's children are trees) is no chain: it is cut
 * where it comes back.
 *
 * Only local `$ref`s (`#/…`) are followed: what the root file holds.
 */
import { joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { findInObjects, refPointer } from '../pointer.ts';

/**
 * The deepest chain of places that `$ref` one another, each the target of a `$ref` inside the one
 * before it, from its first place; empty when `document` has no `$ref`.
 */
export function deepestRefChain(document: unknown): string[] {
  // Every local `$ref`: where it is written, and where it points.
  const refs: { at: string; target: string }[] = [];
  findInObjects(document, (object, pointer) => {
    const target = typeof object.$ref === 'string' ? refPointer(object.$ref) : undefined;
    if (target !== undefined) refs.push({ at: pointer, target });
    return undefined;
  });
  // The places a chain may start at: every named schema, and every place a `$ref` points at.
  const components = isRecord(document) ? document.components : undefined;
  const schemas = isRecord(components) ? components.schemas : undefined;
  const named = isRecord(schemas)
    ? Object.keys(schemas).map((name) => joinPointer('#/components/schemas', name))
    : [];
  const targets = [...new Set([...named, ...refs.map((ref) => ref.target)])];
  // The places each target refers to from inside itself: the `$ref`s at it or under it, which
  // sorted by place are one run (every place under `T` starts with `T/`).
  const places = [...refs].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const firstFrom = (bound: string) => {
    let [low, high] = [0, places.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (places[middle]!.at < bound) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const next = new Map<string, string[]>();
  for (const target of targets) {
    // `T/` up to `T0`: '0' is the character after '/'.
    const inside = places.slice(firstFrom(target), firstFrom(`${target}0`));
    const own = inside.filter((ref) => ref.at === target || ref.at.startsWith(`${target}/`));
    next.set(target, [...new Set(own.map((ref) => ref.target))]);
  }
  // Longest chain from each target (iterative: the chains are what overflows a stack).
  const depth = new Map<string, { length: number; then?: string }>();
  for (const start of targets) {
    if (depth.has(start)) continue;
    const stack: { place: string; children: string[] }[] = [
      { place: start, children: [...next.get(start)!] },
    ];
    const onStack = new Set([start]);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const child = frame.children.pop();
      if (child !== undefined) {
        if (!depth.has(child) && !onStack.has(child)) {
          stack.push({ place: child, children: [...(next.get(child) ?? [])] });
          onStack.add(child);
        }
        continue;
      }
      let best: { length: number; then?: string } = { length: 1 };
      for (const candidate of next.get(frame.place) ?? []) {
        // A place on the stack comes back to itself: a loop, cut there.
        const known = onStack.has(candidate) ? undefined : depth.get(candidate);
        if (known !== undefined && known.length + 1 > best.length)
          best = { length: known.length + 1, then: candidate };
      }
      depth.set(frame.place, best);
      stack.pop();
      onStack.delete(frame.place);
    }
  }
  let first: string | undefined;
  for (const target of targets)
    if (first === undefined || depth.get(target)!.length > depth.get(first)!.length) first = target;
  const chain: string[] = [];
  for (let place = first; place !== undefined; place = depth.get(place)?.then) chain.push(place);
  return chain;
}
