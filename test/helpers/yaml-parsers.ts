/**
 * The two YAML readers of load/parse.ts side by side: openapi-core's (js-yaml) for plain YAML, and
 * the `yaml` library for the rest. `compareYamlParsers` says, for one text, whether the fast way
 * took it and, if so, whether the `yaml` library reads the same value.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { plainYamlValue } from '../../generator/load/parse.ts';

/** The `yaml` library's value of a one-document text (what parse.ts's `yaml` path returns), or an error. */
function yamlLibraryValue(text: string): { value: unknown } | { error: string } {
  try {
    const documents = parseAllDocuments(text, {
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      logLevel: 'silent',
    });
    const document = Array.isArray(documents) ? documents[0] : undefined;
    if (document === undefined) return { value: undefined };
    if (document.errors.length > 0) return { error: document.errors[0]!.message };
    return {
      value: document.contents === null ? undefined : document.toJS({ maxAliasCount: 100 }),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export type Comparison = 'not plain' | 'same' | `differs: ${string}`;

export function compareYamlParsers(text: string): Comparison {
  const fast = plainYamlValue(text);
  if (fast === undefined) return 'not plain';
  const slow = yamlLibraryValue(text);
  if ('error' in slow) return `differs: only js-yaml reads it (${slow.error})`;
  return isDeepStrictEqual(fast, slow.value)
    ? 'same'
    : `differs: ${JSON.stringify(fast)?.slice(0, 200)} against ${JSON.stringify(slow.value)?.slice(0, 200)}`;
}
