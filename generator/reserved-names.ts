/**
 * Names a generated module declares for itself, which a schema type or client name must not take.
 * They live here, outside `model/` and `emit/`, so that the model can keep names free without
 * importing an emitter: the emitter that declares a name and the model that avoids it both read
 * the one list.
 */

/**
 * The roots openapi-typescript exports from `src/openapi.ts` (`generator/emit/openapi-types.ts`),
 * which `src/types.ts` and the package entry re-export.
 */
export const OPENAPI_TS_ROOT_NAMES = [
  'paths',
  'webhooks',
  'components',
  '$defs',
  'operations',
] as const;
