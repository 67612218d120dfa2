/**
 * The bundled document must be a tree of JSON values, as parsed text always is: no object may
 * contain itself. The bundler can make one from a `$ref` or a mapping that points at a section
 * holding it; every later step (the checks, the hash, the model, `openapi.json`) would then loop
 * or fail far from the cause. Refused here with the place where the document repeats itself.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { isRecord, pushAll } from '../json.ts';

/** Throws every place where the document repeats an object that contains it (GeneratorError.all). */
export function assertAcyclic(document: Record<string, unknown>, file: string): void {
  const problems: GeneratorError[] = [];
  // Iterative depth-first search; `onPath` maps the objects from the root to the current one to
  // their pointers.
  const onPath = new Map<object, string>();
  const stack: { node: object; pointer: string; entered: boolean }[] = [
    { node: document, pointer: '#', entered: false },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.entered) {
      onPath.delete(frame.node);
      stack.pop();
      continue;
    }
    frame.entered = true;
    onPath.set(frame.node, frame.pointer);
    const entries: [string | number, unknown][] = Array.isArray(frame.node)
      ? frame.node.map((item: unknown, index) => [index, item])
      : Object.entries(frame.node);
    const children: typeof stack = [];
    for (const [key, value] of entries) {
      if (!isRecord(value) && !Array.isArray(value)) continue;
      const pointer = joinPointer(frame.pointer, key);
      const ancestor = onPath.get(value);
      if (ancestor !== undefined) {
        problems.push(
          new GeneratorError(
            `after bundling, ${pointer} is the same object as ${ancestor}, which contains it: the document contains itself`,
            { file, pointer },
            'a $ref or a discriminator mapping points at a whole section (such as "#/components/schemas/" or "#"); point it at one schema, "#/components/schemas/<Name>"',
          ),
        );
        // Not entered: the walk goes on to the other places, and ends.
        continue;
      }
      children.push({ node: value, pointer, entered: false });
    }
    // Last first, so that the places are found in document order.
    pushAll(stack, children.reverse());
  }
  if (problems.length > 0) throw GeneratorError.all(problems);
}
