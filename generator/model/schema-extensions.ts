/**
 * Vendor extensions that say which values a schema takes, read in one place: the schema model
 * (build-schema.ts: src/types.ts, the guards, the samples) and openapi-typescript's copy of the
 * document (emit/openapi-types-schemas.ts: src/openapi.ts) both take a schema's types from here.
 *
 * - `x-kubernetes-int-or-string: true` (Kubernetes' `IntOrString`, on a schema without `type`,
 *   as the Kubernetes API server's OpenAPI documents write it: `targetPort`, `maxUnavailable`): an
 *   integer or a string. Without it the schema has no type and became `unknown`, which its guard
 *   passed whatever it was. Beside a `type`, the `type` decides.
 */
import type { JsonType } from './schema-types.ts';

/** The JSON types an extension gives a schema that declares no `type`, if any does. */
export function extensionTypes(schema: Readonly<Record<string, unknown>>): JsonType[] | undefined {
  if (schema.type !== undefined) return undefined;
  if (schema['x-kubernetes-int-or-string'] === true) return ['integer', 'string'];
  return undefined;
}
