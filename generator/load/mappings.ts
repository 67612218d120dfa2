/**
 * Discriminator mappings that point inside the document (`#/…`) at something no schema can be.
 * Checked before bundling, on the root file, because a mapping that points at a whole section
 * (`#/components/schemas/`, `#/components`, `#`) or at a place holding the mapping itself makes
 * the bundler file that place into itself as a schema: a document that contains itself, which no
 * later step could read. A mapping may name any schema (OpenAPI 3.1.1 §4.8.25: "a schema name or
 * a reference"): `#/components/schemas/<Name>`, or an inline schema (`…/oneOf/0`), which the
 * bundler files into `components.schemas`; one that names nothing is the bundler's to report.
 * Names without `#` (`Dog`, `./dog.yaml`) are left to the bundler and to the model.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import {
  componentKey,
  escapedRefFix,
  findInObjects,
  getByPointer,
  pointerTokens,
  refPointer,
  unescapedKeyRef,
} from '../pointer.ts';

/** Every such mapping, each at its place, in document order (empty when there is none). */
export function mappingTargetProblems(document: unknown, file: string): GeneratorError[] {
  const problems: GeneratorError[] = [];
  findInObjects(document, ({ discriminator }, pointer) => {
    if (!isRecord(discriminator) || !isRecord(discriminator.mapping)) return undefined;
    const at = joinPointer(pointer, 'discriminator', 'mapping');
    for (const [value, ref] of Object.entries(discriminator.mapping)) {
      if (typeof ref !== 'string' || !ref.startsWith('#') || componentKey(ref) !== undefined)
        continue;
      if (!holdsNoSchema(document, ref, joinPointer(at, value))) continue;
      problems.push(
        new GeneratorError(
          `discriminator mapping "${value}" points at ${JSON.stringify(ref)}, which is not one schema: a whole section of the document, or a place that holds the mapping itself`,
          { file, pointer: joinPointer(pointer, 'discriminator', 'mapping', value) },
          mappingFix(document, ref),
        ),
      );
    }
    return undefined;
  });
  return problems;
}

/**
 * Whether `ref`, a mapping at `at`, names a place no schema can be: the document, a top-level
 * field, a section of `components` (or its empty key), a place that holds the mapping itself, or
 * a schema's key written without escaping `/` or `~` (fixed by {@link mappingFix}).
 */
function holdsNoSchema(document: unknown, ref: string, at: string): boolean {
  const pointer = refPointer(ref);
  if (pointer === undefined) return false; // `#anchor`: the bundler's to read
  const tokens = pointerTokens(pointer);
  if (tokens.length === 0) return true;
  if (tokens[0] === 'components' && (tokens.length <= 2 || tokens[2] === '')) return true;
  // Nothing there: the bundler says so, unless a key written unescaped is meant.
  if (getByPointer(document, pointer) === undefined)
    return unescapedKeyRef(document, ref) !== undefined;
  if (tokens.length === 1) return true;
  return at === pointer || at.startsWith(`${pointer}/`);
}

/** The escaped ref when the mapping names a schema whose key holds `/` or `~` unescaped. */
function mappingFix(document: unknown, ref: string): string {
  const escaped = unescapedKeyRef(document, ref);
  return escaped !== undefined && componentKey(escaped) !== undefined
    ? escapedRefFix(escaped).replace('$ref', 'mapping')
    : "point the mapping at '#/components/schemas/<Name>' of an existing schema";
}
