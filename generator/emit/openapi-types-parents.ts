/**
 * A pre-processing step for the document openapi-typescript turns into src/openapi.ts: a child
 * that extends its union parent (`Dog: { allOf: [{ $ref: Pet }] }` where `Pet: { oneOf: [{ $ref:
 * Dog }] }`, generator/union-parent.ts) gets the parent's own keywords in place of the `$ref`, as
 * src/types.ts reads it. openapi-typescript prints the `$ref` as `Pet & …`, and `Pet` as `{ … } &
 * (Dog | Cat)`: a type that contains itself through intersections, which TypeScript refuses
 * (TS2456, even as a top-level alias). The model's document (openapi.json) is not touched.
 */
import { unionParentMembers } from '../union-parent.ts';

/** Rewrites the children of `document` (a private copy) in place and returns it. */
export function inlineUnionParents<T extends object>(document: T): T {
  const members = unionParentMembers(document);
  for (const { allOf, index, parent } of members) allOf[index] = parent;
  // Copied once all are in place: a parent that is itself a child carries its own parent's
  // keywords, not its `$ref` (whose union lists the parent, and so the child again).
  for (const { allOf, index } of members)
    allOf[index] = JSON.parse(JSON.stringify(allOf[index])) as unknown;
  return document;
}
