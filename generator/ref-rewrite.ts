/**
 * One walk over a document's references, for the steps that rewrite them: every `$ref` string and
 * every discriminator `mapping` value, each object visited once though several places share it.
 * Data is no reference: `example`, `default`, `const` and `enum` values are left alone, and the
 * keys of maps whose keys are names (`properties`, `schemas`, `paths`, …) are never read as
 * keywords (a property may be called `$ref` or `mapping`).
 */
import { NAME_MAPS } from './document-keys.ts';
import { isRecord } from './json.ts';

/**
 * Keys whose values are data, where a `$ref`-looking value is no reference. `examples` is not: its
 * entries are Example Objects, which may be references (`skip` leaves it out where wanted).
 */
const DATA = new Set(['example', 'default', 'const', 'enum']);

/**
 * Rewrites, in place, each reference of `document` that `rewrite` gives a new value for
 * (undefined keeps it). `skip` leaves out more members and what is under them (`examples`, `x-…`).
 */
export function rewriteRefs(
  document: unknown,
  rewrite: (ref: string) => string | undefined,
  skip: (member: string) => boolean = () => false,
): void {
  const seen = new Set<object>();
  // `names`: the object is a name map (`properties`, `responses`, …), whose keys are names and
  // whose entries are objects with keywords again (a property called `headers` is a schema).
  const visit = (node: unknown, key: string, names: boolean): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, key, false);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const [child, value] of Object.entries(record)) {
      if (names) visit(value, '', false);
      else if (child === '$ref' && typeof value === 'string')
        record[child] = rewrite(value) ?? value;
      else if (child === 'mapping' && key === 'discriminator' && isRecord(value)) {
        for (const [name, target] of Object.entries(value))
          if (typeof target === 'string') value[name] = rewrite(target) ?? target;
      } else if (!(DATA.has(child) || skip(child))) visit(value, child, NAME_MAPS.has(child));
    }
  };
  visit(document, '', false);
}
