/**
 * Schemas that contain themselves. JSON Schema allows a schema to refer to itself, and so do
 * TypeScript's types, but only through an object or an array: `A: { properties: { next: { $ref: A }
 * } }` is a linked list and `A: { items: { anyOf: [{ type: integer }, { $ref: A }] } }` a nested
 * list (a recursive type alias; emit/openapi-types-cycles.ts writes openapi-typescript's types
 * that way), while `A: { $ref: A }` or `A: { allOf: [{ $ref: A }] }` loop without one: a `$ref`
 * chain that never arrives, or a value that is its own member, which no TypeScript type
 * expresses. Such a loop is refused with the chain that forms it.
 *
 * Only local `$ref`s (`#/…`) are followed: before bundling that finds the loops inside the root
 * file with their exact places; after bundling (every `$ref` is local then) the rest.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { findInObjects, getByPointer, refPointer } from '../pointer.ts';
import { isRecord, pushAll } from '../json.ts';
import { unionParentOf } from '../union-parent.ts';
import { chainText, refKind } from './ref-chains.ts';

/**
 * Keywords whose subschemas are the value itself, not a property or an item of it (array items
 * are a container, like object properties: a schema may be its own item).
 */
const DIRECT_ONE = ['not', 'if', 'then', 'else'];
const DIRECT_MANY = ['allOf', 'anyOf', 'oneOf'];

/** Where the schemas are, as JSON pointers into the document. */
function schemaRoots(document: Record<string, unknown>): string[] {
  const components = isRecord(document.components) ? document.components : {};
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  const defs = isRecord(document.$defs) ? document.$defs : {};
  return [
    ...Object.keys(schemas).map((name) => joinPointer('#/components/schemas', name)),
    ...Object.keys(defs).map((name) => joinPointer('#/$defs', name)),
  ];
}

/**
 * Every schema that contains itself without an object between, each loop once (its chain), in
 * the order the walk from the schemas in document order meets them; empty when there is none.
 */
export function selfContainingSchemas(
  document: Record<string, unknown>,
  file: string,
): GeneratorError[] {
  const problems: GeneratorError[] = [];
  const done = new Set<string>();
  for (const root of schemaRoots(document)) {
    // Iterative depth-first search over pointers; `path` is the chain from `root` to the top frame.
    const path: string[] = [];
    const onPath = new Set<string>();
    const stack: { pointer: string; next: string[] | undefined }[] = [
      { pointer: root, next: undefined },
    ];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next === undefined) {
        if (done.has(frame.pointer)) {
          stack.pop();
          continue;
        }
        if (onPath.has(frame.pointer)) {
          // Reported, and the step back not taken: the search goes on to the other loops.
          problems.push(loopError(path, frame.pointer, file));
          stack.pop();
          continue;
        }
        path.push(frame.pointer);
        onPath.add(frame.pointer);
        // Reversed: popped from the end, the children are searched in document order.
        frame.next = directChildren(document, frame.pointer).reverse();
      }
      const child = frame.next.pop();
      if (child !== undefined) {
        stack.push({ pointer: child, next: undefined });
        continue;
      }
      stack.pop();
      path.pop();
      onPath.delete(frame.pointer);
      done.add(frame.pointer);
    }
  }
  return problems;
}

/** The pointers a schema at `pointer` is made of directly: its `$ref` target and direct subschemas. */
function directChildren(
  document: Record<string, unknown>,
  pointer: string,
  expanding: ReadonlySet<string> = new Set(),
): string[] {
  const schema = getByPointer(document, pointer);
  if (!isRecord(schema)) return [];
  const children: string[] = [];
  // The ref's pointer, spelled as the roots and joinPointer spell it, so that a place is one string.
  const target = typeof schema.$ref === 'string' ? refPointer(schema.$ref) : undefined;
  if (target !== undefined) children.push(target);
  for (const key of DIRECT_ONE) if (isRecord(schema[key])) children.push(joinPointer(pointer, key));
  for (const key of DIRECT_MANY) {
    const members = schema[key];
    if (Array.isArray(members))
      members.forEach((member, index) => {
        if (!isRecord(member)) return;
        // A child's `allOf` $ref to a parent that lists it in its union: the parent's own
        // keywords, not its union (generator/union-parent.ts).
        const parent = key === 'allOf' ? unionParentOf(document, pointer, member) : undefined;
        if (parent === undefined || expanding.has(parent))
          children.push(joinPointer(pointer, key, index));
        else {
          const inParent = directChildren(document, parent, new Set([...expanding, parent]));
          pushAll(children, withoutUnion(inParent, parent));
        }
      });
  }
  return children;
}

function withoutUnion(children: string[], parent: string): string[] {
  return children.filter(
    (child) => !child.startsWith(`${parent}/oneOf/`) && !child.startsWith(`${parent}/anyOf/`),
  );
}

/**
 * Every local `$ref` in `document` whose chain of `$ref`-only objects comes back to itself
 * (`x: { $ref: '#/components/schemas/A/properties/x' }` at that very place), as errors naming
 * the chain, each loop once, in document order; empty when every chain arrives. For the
 * bundler's failure, which says only "Self-referencing circular pointer", and before bundling
 * (a long loop overflowed the bundler's stack: bundle.ts).
 */
export function refLoopErrors(
  document: unknown,
  file: string,
  { exceptSchemaLoops = false } = {},
): GeneratorError[] {
  const problems: GeneratorError[] = [];
  // With exceptSchemaLoops: a loop through a named schema is selfContainingSchemas' to report.
  const roots = new Set(exceptSchemaLoops && isRecord(document) ? schemaRoots(document) : []);
  // Places whose chain is known: it arrives, or its loop is reported.
  const settled = new Set<string>();
  findInObjects(document, (object, pointer) => {
    if (typeof object.$ref !== 'string') return undefined;
    const chain = [pointer];
    const onChain = new Set(chain);
    let next = refPointer(object.$ref);
    while (next !== undefined && !settled.has(next)) {
      if (onChain.has(next)) {
        if (!chain.slice(chain.indexOf(next)).some((place) => roots.has(place)))
          problems.push(loopError(chain, next, file));
        break;
      }
      chain.push(next);
      onChain.add(next);
      const target = getByPointer(document, next);
      next =
        isRecord(target) && typeof target.$ref === 'string' ? refPointer(target.$ref) : undefined;
    }
    for (const visited of chain) settled.add(visited);
    return undefined;
  });
  return problems;
}

function loopError(path: readonly string[], back: string, file: string): GeneratorError {
  const start = path.indexOf(back);
  const chain = [...path.slice(start), back];
  const viaRefsOnly = chain.every((pointer, index) => {
    if (index === chain.length - 1) return true;
    const next = chain[index + 1]!;
    return !next.startsWith(`${pointer}/`);
  });
  // Named as what the chain stands for: a ring of parameters never reaches a parameter.
  const kind = refKind(chain);
  return new GeneratorError(
    viaRefsOnly
      ? `circular $ref: ${chainText(chain)} never reaches ${kind}`
      : `the schema contains itself without an object or array in between: ${chainText(chain)} (a value cannot be its own allOf/anyOf/oneOf member; TypeScript cannot type it)`,
    { file, pointer: back },
    viaRefsOnly
      ? `point one of these $refs at ${kind} instead of at another $ref in the loop`
      : 'put the self-reference under an object property (`properties`/`additionalProperties`) or array `items`, or remove it',
  );
}
