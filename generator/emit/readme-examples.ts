/**
 * Call examples for the README and the docs, in the client's calling convention
 * (model/operation-shape.ts): path parameters positional, then one params object, with the
 * values of the operation's sample request (sample-request.ts): the spec's request example as the
 * body, parameter examples, filters that have an example, and placeholders where the spec has
 * nothing. Printed the way prettier prints them (code-print.ts); a test checks that prettier
 * leaves the README unchanged.
 */
import { camelCase, camelJoin, words } from '../model/names.ts';
import { singular } from '../model/sdk-names.ts';
import type { JsonValue } from '../model/schema-types.ts';
import type {
  ApiModel,
  NamedSchema,
  OperationModel,
  ParameterModel,
  ResourceModel,
} from '../model/types.ts';
import { jsonCode, objectCode, quoted, statement, type Code } from './code-print.ts';
import {
  dereference,
  propertyNodes,
  sampleRequest,
  type SampleOptions,
  type SampleParameter,
} from './sample-request.ts';

export { importStatement, quoted, statement } from './code-print.ts';

/** A call of one resource method with example arguments, before it is printed. */
export interface ExampleCall {
  /** `client.plans.retrieve` */
  callee: string;
  /** Values of the path parameters, in order. */
  pathArgs: Code[];
  /** The params object, when there is something to put in it. */
  params?: Code;
  /** Whether the method takes a params object at all (so per-call options need `{}` before them). */
  takesParams: boolean;
}

/**
 * Why no example can call `operation`'s method, when none can: its body's type is `never` (the
 * spec's schema allows no value; the generator warned where). Undefined for a callable method.
 */
export function uncallableNote(operation: OperationModel): string | undefined {
  // An optional body can be left out: the example calls the method without one.
  return operation.shape.bodyNever === true && operation.body?.required === true
    ? 'No value meets the request body’s schema (its allOf parts give a property values with none in common: see the generator’s warning), so its type is `never` and no call compiles.'
    : undefined;
}

/** The arguments an example passes to `operation`'s method: path parameters, then its params. */
export function exampleArguments(
  resource: ResourceModel,
  operation: OperationModel,
  model: Pick<ApiModel, 'schemas' | 'specFile'>,
  options: SampleOptions = {},
): ExampleCall {
  const { shape } = operation;
  const sample = sampleRequest(operation, model, options);
  // Each under its key in params: a name every object has is renamed there (`toString_`).
  const keys = new Map(
    [...shape.query, ...shape.headers].map((slot) => [slot.parameter, slot.key]),
  );
  const keyOf = (parameter: ParameterModel) => keys.get(parameter) ?? parameter.name;
  const query = sample.query.map(({ parameter, value }): [string, Code] => [
    keyOf(parameter),
    jsonCode(value),
  ]);
  const headers = sample.headers.map(({ parameter, value }): [string, Code] => [
    keyOf(parameter),
    jsonCode(value),
  ]);
  const entries: [string, Code][] = [];
  if (shape.form === 'flat') {
    const body = isPlainObject(sample.body) ? Object.entries(sample.body) : [];
    entries.push(
      ...query,
      ...headers,
      ...body.map(([key, value]): [string, Code] => [key, jsonCode(value)]),
    );
  } else if (shape.form === 'nested') {
    if (query.length > 0) entries.push(['query', objectCode(query)]);
    if (headers.length > 0) entries.push(['headers', objectCode(headers)]);
    if (sample.body !== undefined) entries.push(['body', jsonCode(sample.body)]);
  }
  const call: ExampleCall = {
    callee: `client.${resource.name}.${operation.sdk.method}`,
    pathArgs: shape.pathArgs.map(({ parameter }) =>
      jsonCode(sample.path.get(parameter.name) ?? ''),
    ),
    takesParams: shape.form !== 'none',
  };
  if (entries.length > 0) call.params = objectCode(entries);
  // A required params argument with nothing to fill (a body of read-only properties only) is `{}`.
  else if (shape.paramsRequired) call.params = '{}';
  return call;
}

function isPlainObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The arguments of the call as the README writes them. */
export function callArguments(call: ExampleCall): Code[] {
  return [...call.pathArgs, ...(call.params === undefined ? [] : [call.params])];
}

/** The arguments with per-call options (an object literal) last, `{}` standing in for optional params. */
export function withOptions(call: ExampleCall, options: Code): Code[] {
  return [...call.pathArgs, ...(call.takesParams ? [call.params ?? '{}'] : []), options];
}

/**
 * The README's example of one operation: the call, assigned to a variable named after what it
 * returns; a list operation shows both ways to read it (one page, every item).
 */
export function exampleCall(
  resource: ResourceModel,
  operation: OperationModel,
  model: Pick<ApiModel, 'schemas' | 'specFile'>,
): string {
  const byName = new Map(model.schemas.map((schema) => [schema.name, schema]));
  const call = exampleArguments(resource, operation, model);
  const { callee } = call;
  const args = callArguments(call);

  if (operation.pagination !== undefined) {
    const item = snippetVariable(
      itemName(operation, byName) ?? variableName(singular(resource.name)) ?? 'item',
      'Item',
    );
    return [
      '// One page:',
      statement('const page = await ', callee, args, ';'),
      '// Every item, page after page:',
      statement(`for await (const ${item} of `, callee, args, ') {'),
      `  console.log(${item});`,
      '}',
    ].join('\n');
  }
  const name = resultName(resource, operation);
  if (name === undefined) return statement('await ', callee, args, ';');
  return statement(`const ${name} = await `, callee, args, ';');
}

/** The variable an example assigns the result of `operation` to (`plan`), or none when it returns nothing. */
export function resultName(resource: ResourceModel, operation: OperationModel): string | undefined {
  const result = operation.successResponse?.schema;
  if (result === undefined) return undefined;
  return snippetVariable(
    (result.kind === 'ref' ? variableName(result.target) : undefined) ??
      variableName(singular(resource.name)) ??
      'result',
    'Result',
  );
}

/**
 * The names the README's snippets declare or import beside an example's own variable (the client,
 * a page, a mock server, the testing kit, …): a schema named `Client` or `Page` must not give a
 * second `const client` or a loop variable that hides the client it iterates.
 */
const SNIPPET_NAMES = new Set([
  'api',
  'call',
  'client',
  'controller',
  'createMock',
  'data',
  'error',
  'fixtures',
  'idempotencyKey',
  'mock',
  'next',
  'page',
  'pathsClient',
  'requestID',
  'response',
  'responseGuards',
  'revived',
  'server',
  'setupServer',
  'wire',
]);

/** `name`, or `name` + `suffix` when a snippet already uses `name` (`client` → `clientResult`). */
function snippetVariable(name: string, suffix: string): string {
  return SNIPPET_NAMES.has(name) ? `${name}${suffix}` : name;
}

/**
 * A variable named after `text` (`Plan` → `plan`), or undefined where that name is a reserved word
 * that would need a `_` (`const default_ = …`, `for (const import_ of …)`): the caller has a
 * better one.
 */
function variableName(text: string): string | undefined {
  const name = camelCase(text);
  return name === `${camelJoin(words(text))}_` ? undefined : name;
}

/**
 * A call of the typed path client (openapi-fetch) for `operation`: the spec's path and method,
 * every path parameter (the client does not fill any here) and the required query parameters.
 */
export function pathsClientCall(
  operation: OperationModel,
  model: Pick<ApiModel, 'schemas'>,
  prefix: string,
  receiver: string,
): string {
  const sample = sampleRequest(operation, model, { filters: false, readOnly: true });
  const groups: [string, Code][] = [];
  const path = [...sample.path].map(([name, value]): [string, Code] => [name, jsonCode(value)]);
  const entries = (parameters: readonly SampleParameter[]) =>
    parameters.map(({ parameter, value }): [string, Code] => [parameter.name, jsonCode(value)]);
  const query = entries(sample.query);
  const header = entries(sample.headers);
  const cookie = entries(sample.cookies);
  if (path.length > 0) groups.push(['path', objectCode(path)]);
  if (query.length > 0) groups.push(['query', objectCode(query)]);
  if (header.length > 0) groups.push(['header', objectCode(header)]);
  // helper-133 6: openapi-fetch's params require a required cookie, which no SDK method takes.
  if (cookie.length > 0) groups.push(['cookie', objectCode(cookie)]);
  const init: [string, Code][] = groups.length > 0 ? [['params', objectCode(groups)]] : [];
  // openapi-fetch wants the body of an operation whose request body is required.
  if (sample.body !== undefined || operation.body?.required === true)
    init.push(['body', jsonCode(sample.body ?? {})]);
  const args: Code[] = [quoted(operation.path), ...(init.length > 0 ? [objectCode(init)] : [])];
  return statement(prefix, `${receiver}.${operation.method.toUpperCase()}`, args, ';');
}

/** The variable name for one item of a paginated list: its schema's name, when it has one. */
function itemName(
  operation: OperationModel,
  byName: ReadonlyMap<string, NamedSchema>,
): string | undefined {
  const schema = operation.successResponse?.schema;
  const field = operation.pagination?.itemsField;
  if (schema === undefined || field === undefined) return undefined;
  const items = dereference(propertyNodes(schema, byName).get(field) ?? schema, byName);
  return items?.kind === 'array' && items.items?.kind === 'ref'
    ? variableName(items.items.target)
    : undefined;
}
