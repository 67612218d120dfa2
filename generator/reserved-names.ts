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
  'tokenScheme',
  'credentialSchemes',
  'credentials',
  'clientParams',
  'sdk',
  'operationServers',
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

/**
 * The public runtime that `src/client.ts` (`generator/emit/client/client-file.ts`) re-exports, so
 * that the package entry exports it: `[module specifier from src/, name, type-only]`. The model
 * gives each one its exported name (`ApiModel.clientExports`): its own, or `<Client><name>` where a
 * schema, resource or operation type already has it. `test/architecture.test.ts` checks each
 * name against what its module exports.
 */
export const CLIENT_RUNTIME_EXPORTS: readonly (readonly [string, string, boolean])[] = [
  ['./runtime/errors.js', 'SDKError', false],
  ['./runtime/errors.js', 'APIError', false],
  ['./runtime/errors.js', 'BadRequestError', false],
  ['./runtime/errors.js', 'AuthenticationError', false],
  ['./runtime/errors.js', 'PermissionDeniedError', false],
  ['./runtime/errors.js', 'NotFoundError', false],
  ['./runtime/errors.js', 'ConflictError', false],
  ['./runtime/errors.js', 'UnprocessableEntityError', false],
  ['./runtime/errors.js', 'RateLimitError', false],
  ['./runtime/errors.js', 'InternalServerError', false],
  ['./runtime/errors.js', 'APIConnectionError', false],
  ['./runtime/errors.js', 'APIConnectionTimeoutError', false],
  ['./runtime/errors.js', 'APIUserAbortError', false],
  ['./runtime/errors.js', 'InvalidResponseError', false],
  ['./runtime/errors.js', 'ResponseValidationError', false],
  ['./runtime/errors.js', 'ResponseHeaders', true],
  ['./runtime/api-promise.js', 'APIPromise', false],
  ['./runtime/api-promise.js', 'APIResult', true],
  ['./runtime/pagination.js', 'PagePromise', false],
  ['./runtime/pagination.js', 'Page', true],
  ['./runtime/pagination.js', 'PageMethods', true],
  ['./runtime/request-options.js', 'RequestOptions', true],
  ['./runtime/request-options.js', 'HeadersInput', true],
  ['./runtime/request-options.js', 'HeaderValue', true],
  ['./runtime/core.js', 'ClientOptions', true],
  ['./runtime/core.js', 'Backoff', true],
  ['./runtime/core.js', 'Fetch', true],
  ['./runtime/logger.js', 'Logger', true],
  ['./runtime/logger.js', 'LogLevel', true],
  ['./runtime/validation.js', 'ResponseValidation', true],
  ['./runtime/validation.js', 'ResponseGuards', false],
  ['./runtime/validation.js', 'ResponseGuard', true],
  ['./runtime/validation.js', 'GuardIssue', true],
  ['./runtime/paths-client.js', 'PathsClient', true],
  ['./runtime/paths-client.js', 'PathsBodySerializer', true],
  ['./runtime/paths-client.js', 'PathsClientMethod', true],
  ['./runtime/paths-client.js', 'PathsClientPathsWithMethod', true],
  ['./runtime/paths-client.js', 'PathsClientRequestMethod', true],
  ['./runtime/paths-client.js', 'PathsDefaultParamsOption', true],
  ['./runtime/paths-client.js', 'PathsFetchOptions', true],
  ['./runtime/paths-client.js', 'PathsFetchResponse', true],
  ['./runtime/paths-client.js', 'PathsHeadersOptions', true],
  ['./runtime/paths-client.js', 'PathsMaybeOptionalInit', true],
  ['./runtime/paths-client.js', 'PathsMergedOptions', true],
  ['./runtime/paths-client.js', 'PathsMethodResponse', true],
  ['./runtime/paths-client.js', 'PathsMiddleware', true],
  ['./runtime/paths-client.js', 'PathsMiddlewareCallbackParams', true],
  ['./runtime/paths-client.js', 'PathsMiddlewareRequestParams', true],
  ['./runtime/paths-client.js', 'PathsParamsOption', true],
  ['./runtime/paths-client.js', 'PathsParseAs', true],
  ['./runtime/paths-client.js', 'PathsParseAsResponse', true],
  ['./runtime/paths-client.js', 'PathsPathSerializer', true],
  ['./runtime/paths-client.js', 'PathsQuerySerializer', true],
  ['./runtime/paths-client.js', 'PathsQuerySerializerOptions', true],
  ['./runtime/paths-client.js', 'PathsRequestBodyOption', true],
  ['./runtime/paths-client.js', 'PathsRequestOptions', true],
  ['./runtime/streaming.js', 'EventStream', false],
  ['./runtime/streaming.js', 'ServerSentEvent', true],
  ['./runtime/error-body.js', 'ErrorBody', true],
];
