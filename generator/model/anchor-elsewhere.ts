/**
 * The warning for a `$ref: '#name'` whose own schema resource (the nearest schema with `$id`)
 * declares no anchor `name` (anchors.ts {@link AnchorElsewhere}): JSON Schema 2020-12 §8.2.1–8.2.2
 * leaves it unresolved, and the generator reads the document's first anchor of that name.
 */
import type { AnchorElsewhere } from '../anchors.ts';
import { joinPointer } from '../errors.ts';
import type { Warnings } from '../warnings.ts';

export function warnAnchorElsewhere(
  warnings: Warnings,
  file: string,
  found: AnchorElsewhere,
): void {
  warnings.add(
    'ref:anchor-outside-resource',
    `\`$ref: '#${found.name}'\` is inside the schema resource \`${found.resourceId}\`, which declares no anchor \`${found.name}\`: JSON Schema 2020-12 (§8.2.2) resolves it in that resource only, so other tools find nothing; the generator uses the document's \`${found.name}\` at ${found.target}`,
    { file, pointer: joinPointer(found.pointer, '$ref') },
    `declare \`$anchor: ${found.name}\` in that resource, or write the schema's place: \`$ref: '${found.target}'\``,
  );
}
