/**
 * The guards' findings about a spec as the generator's warnings: one per pattern (a pattern used in
 * several places is reported at its first place, with how many more there are), naming the file,
 * the JSON pointer and the fix, as errors do (errors.ts).
 */
import { formatLocation } from '../../errors.ts';
import type { NamedSchema } from '../../model/types.ts';
import { patternWarnings, type UnsafePatterns } from './patterns.ts';

export interface GuardsWarning {
  /** `spec.yaml #/components/schemas/Id/pattern: the pattern … (and 2 more places)\n  fix: …`. */
  message: string;
}

/** The warnings about the guards of `schemas`, read from `specFile`, generated with `unsafe`. */
export function guardsWarnings(
  schemas: readonly NamedSchema[],
  specFile: string,
  unsafe: UnsafePatterns,
): GuardsWarning[] {
  const byKey = new Map<
    string,
    { first: ReturnType<typeof patternWarnings>[number]; more: number }
  >();
  for (const warning of patternWarnings(schemas, unsafe)) {
    const known = byKey.get(warning.key);
    if (known) known.more++;
    else byKey.set(warning.key, { first: warning, more: 0 });
  }
  return [...byKey.values()].map(({ first, more }) => {
    const where = formatLocation({ file: specFile, pointer: first.pointer });
    const others = more === 0 ? '' : ` (and ${more} more place${more === 1 ? '' : 's'})`;
    return { message: `${where}: ${first.problem}${others}\n  fix: ${first.fix}` };
  });
}
