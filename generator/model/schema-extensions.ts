/**
 * Vendor extensions that say which values a schema takes, read in one place: the schema model
 * (build-schema.ts: src/types.ts, the guards, the samples) and openapi-typescript's copy of the
 * document (emit/openapi-types-schemas.ts: src/openapi.ts) both take a schema's types from here.
 *
 * - `x-kubernetes-int-or-string: true` (Kubernetes' `IntOrString`, on a schema without `type`,
 *   as the Kubernetes API server's OpenAPI documents write it: `targetPort`, `maxUnavailable`): an
 *   integer or a string. Without it the schema has no type and became `unknown`, which its guard
 *   passed whatever it was. Beside a `type` of scalars (`type: string`, which Kubernetes never
 *   writes beside it) the extension is honoured too, as the API server does: the value is an
 *   integer or a string (and whatever else the `type` allows, `null`), with a warning
 *   ({@link intOrStringBesideType}); beside `object`, `array` or `boolean`, which it cannot mean,
 *   the `type` decides, with a warning.
 */
import type { JsonType } from './schema-types.ts';
import { isTypes } from './schema-values.ts';

const INT_OR_STRING = 'x-kubernetes-int-or-string';
/** The types beside which `x-kubernetes-int-or-string` can be honoured. */
const SCALARS: readonly JsonType[] = ['integer', 'number', 'string', 'null'];

/** The JSON types an extension gives a schema, if any does (undefined: its `type` decides). */
export function extensionTypes(schema: Readonly<Record<string, unknown>>): JsonType[] | undefined {
  if (schema[INT_OR_STRING] !== true) return undefined;
  if (schema.type === undefined) return ['integer', 'string'];
  if (!isTypes(schema.type)) return undefined;
  const declared = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!declared.every((type) => SCALARS.includes(type))) return undefined;
  const types = new Set(declared);
  if (!types.has('number')) types.add('integer');
  types.add('string');
  return types.size === declared.length ? undefined : [...types];
}

/**
 * What to warn about `x-kubernetes-int-or-string: true` beside a `type` that does not already
 * allow an integer and a string: how it is read and the fix; undefined when there is nothing to
 * say (no extension, no `type`, a `type` that allows both, or one the model refuses anyway).
 */
export function intOrStringBesideType(
  schema: Readonly<Record<string, unknown>>,
): { problem: string; hint: string } | undefined {
  if (schema[INT_OR_STRING] !== true || schema.type === undefined || !isTypes(schema.type))
    return undefined;
  const list = [schema.type].flat();
  const declared = `\`type: ${Array.isArray(schema.type) ? `[${list.join(', ')}]` : schema.type}\``;
  const types = extensionTypes(schema);
  if (types !== undefined) {
    const numbers = list.includes('integer') || list.includes('number');
    return {
      problem: `\`${INT_OR_STRING}: true\` (an integer or a string, Kubernetes' IntOrString) beside ${declared}: read as ${types.join(' or ')}, as the extension says; the \`type\` alone would refuse ${numbers ? 'strings' : 'integers'}`,
      hint: `remove \`type\` (Kubernetes writes none beside the extension), or remove the extension if the value is never ${numbers ? 'a string' : 'an integer'}`,
    };
  }
  if (list.every((type) => SCALARS.includes(type))) return undefined;
  return {
    problem: `\`${INT_OR_STRING}: true\` (an integer or a string, Kubernetes' IntOrString) beside ${declared}, which holds neither: the extension is ignored and the \`type\` decides`,
    hint: `remove the extension, or the \`type\` if the value is an integer or a string`,
  };
}
