/**
 * Discriminator mappings that point inside the document (`#/…`) must name one schema:
 * `#/components/schemas/<Name>` (OpenAPI 3.1 §4.8.25, Discriminator Object). Checked before
 * bundling, on the root file, because a mapping that points at a whole section
 * (`#/components/schemas/`, `#/components`, `#`) makes the bundler file that section into itself
 * as a schema: a document that contains itself, which no later step could read. Names without
 * `#` (`Dog`, `./dog.yaml`) are left to the bundler and to the model.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import { componentKey, escapedRefFix, findInObjects, unescapedKeyRef } from '../pointer.ts';

/** Every such mapping, each at its place, in document order (empty when there is none). */
export function mappingTargetProblems(document: unknown, file: string): GeneratorError[] {
  const problems: GeneratorError[] = [];
  findInObjects(document, ({ discriminator }, pointer) => {
    if (!isRecord(discriminator) || !isRecord(discriminator.mapping)) return undefined;
    for (const [value, ref] of Object.entries(discriminator.mapping)) {
      if (typeof ref !== 'string' || !ref.startsWith('#') || componentKey(ref) !== undefined)
        continue;
      problems.push(
        new GeneratorError(
          `discriminator mapping "${value}" points at ${JSON.stringify(ref)}, which is not one schema in components.schemas`,
          { file, pointer: joinPointer(pointer, 'discriminator', 'mapping', value) },
          mappingFix(document, ref),
        ),
      );
    }
    return undefined;
  });
  return problems;
}

/** The escaped ref when the mapping names a schema whose key holds `/` or `~` unescaped. */
function mappingFix(document: unknown, ref: string): string {
  const escaped = unescapedKeyRef(document, ref);
  return escaped !== undefined && componentKey(escaped) !== undefined
    ? escapedRefFix(escaped).replace('$ref', 'mapping')
    : "point the mapping at '#/components/schemas/<Name>' of an existing schema";
}
