/**
 * Names the generated code declares for itself, which a name the model gives (a schema type, the
 * client, a resource, a client option, a method's local) must not take. They live here, outside
 * `model/` and `emit/`, so that the model can keep names free without importing an emitter: the
 * emitter that declares a name prints it from its list here, and the model avoids the same list.
 * One list per generated module; `test/architecture.test.ts` checks each against what the module
 * really declares, so an emitter cannot add a name the model does not know about.
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

/**
 * What `src/guards.ts` (`generator/emit/guards.ts`) re-exports from its runtime
 * (`templates/guards/runtime.ts`): a value and two types, re-exported again by the package entry.
 */
export const GUARDS_RUNTIME_EXPORTS = {
  values: ['GuardError'],
  types: ['ValidationIssue', 'ValidationResult'],
} as const;

/**
 * What `src/dates.ts` (`generator/emit/dates.ts`) re-exports from its runtime
 * (`templates/dates/runtime.ts`), and the interface it declares itself (`Revived`).
 */
export const DATES_RUNTIME_EXPORTS = {
  values: ['formatDateTime', 'parseDateTime', 'serializeDates'],
  types: ['Serialized'],
} as const;
export const DATES_REVIVED_NAME = 'Revived';

/**
 * Type names no schema, client, resource or operation type may take, because a module the package
 * entry re-exports beside them declares them: the guards' and the dates' runtime types, `Revived`,
 * and `Dates`, whose `serializeDates` helper would be the dates runtime's own.
 */
export const MODULE_TYPE_NAMES: readonly string[] = [
  ...GUARDS_RUNTIME_EXPORTS.values,
  ...GUARDS_RUNTIME_EXPORTS.types,
  ...DATES_RUNTIME_EXPORTS.types,
  DATES_REVIVED_NAME,
  'Dates',
];

/**
 * The options `ClientCore` takes (`ClientCoreOptions` in `templates/runtime/core.ts`), which the
 * client constructor (`generator/emit/client/client-file.ts`) passes on after `...options`: a
 * client option (`x-sdk-client-option`) named like one would reach the runtime as that setting.
 */
export const CLIENT_CORE_OPTION_NAMES = [
  'token',
  'baseURL',
  'defaultHeaders',
  'fetch',
  'timeout',
  'maxRetries',
  'backoff',
  'autoIdempotencyKeys',
  'responseValidation',
  'responseGuards',
  'logger',
  'logLevel',
  'maxResponseSize',
  'auth',
  'clientParams',
  'sdk',
] as const;

/**
 * Names a resource method's body uses itself (`generator/emit/client/resource-file.ts`), so a
 * parameter's local variable takes another.
 */
export const METHOD_BODY_NAMES = [
  'params',
  'options',
  'query',
  'headers',
  'body',
  'path',
  'undefined',
  'this',
] as const;
