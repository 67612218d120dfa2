/**
 * Call examples for the README, in the client's calling convention (client/operation-shape.ts):
 * path parameters positional, then one params object with what the caller must give (required
 * query/header parameters and required body properties), with placeholder values taken from the
 * parameter's example, the schema's examples, enum values or type.
 *
 * The README is not run through prettier (it took seconds on GitHub's 1,000 operations), so the
 * code is printed here the way prettier prints it: single quotes, `{ a: 1 }`, and an argument
 * list that does not fit in 100 columns broken one entry per line. A test checks that prettier
 * leaves the README of our spec unchanged.
 */
import { quotedString } from '../escape.ts';
import { camelCase, propertyKey } from '../model/names.ts';
import { singular } from '../model/sdk-names.ts';
import type { JsonValue } from '../model/schema-types.ts';
import type {
  ApiModel,
  NamedSchema,
  OperationModel,
  ResourceModel,
  SchemaNode,
} from '../model/types.ts';
import { objectShape } from './client/body-shape.ts';
import { operationShape } from './client/operation-shape.ts';

const WIDTH = 100;

/** A call of one resource method with example arguments, before it is printed. */
export interface ExampleCall {
  /** `client.plans.retrieve` */
  callee: string;
  /** Values of the path parameters, in order. */
  pathArgs: string[];
  /** The params object, when something in it is required. */
  params?: string;
  /** Whether the method takes a params object at all (so per-call options need `{}` before them). */
  takesParams: boolean;
}

/** The arguments an example passes to `operation`'s method: path parameters, then required params. */
export function exampleArguments(
  resource: ResourceModel,
  operation: OperationModel,
  model: Pick<ApiModel, 'schemas' | 'specFile'>,
  /** Optional query parameters to pass as well, e.g. `[['limit', '20']]`. */
  extraQuery: readonly [string, string][] = [],
): ExampleCall {
  const byName = new Map(model.schemas.map((schema) => [schema.name, schema]));
  const shape = operationShape(operation, model);
  const entries: [string, string][] = [];
  const required = (slots: typeof shape.query) =>
    slots
      .filter((slot) => slot.parameter.required)
      .map(({ parameter }): [string, string] => [
        parameter.name,
        parameterValue(parameter, byName),
      ]);
  const bodyEntries = requiredBodyEntries(operation, byName, model.schemas);
  const extra = extraQuery.filter(([name]) =>
    shape.query.some((slot) => slot.parameter.name === name && !slot.parameter.required),
  );
  if (shape.form === 'flat') {
    entries.push(...required(shape.query), ...extra, ...required(shape.headers), ...bodyEntries);
  } else if (shape.form === 'nested') {
    const query = [...required(shape.query), ...extra];
    const headers = required(shape.headers);
    if (query.length > 0) entries.push(['query', objectLiteral(query)]);
    if (headers.length > 0) entries.push(['headers', objectLiteral(headers)]);
    if (shape.nestedBodyRequired) entries.push(['body', objectLiteral(bodyEntries)]);
  }
  const call: ExampleCall = {
    callee: `client.${resource.name}.${operation.sdk.method}`,
    pathArgs: shape.pathArgs.map(({ parameter }) => parameterValue(parameter, byName)),
    takesParams: shape.form !== 'none',
  };
  if (entries.length > 0) call.params = objectLiteral(entries);
  return call;
}

/** The arguments of the call as the README writes them. */
export function callArguments(call: ExampleCall): string[] {
  return [...call.pathArgs, ...(call.params === undefined ? [] : [call.params])];
}

/** The arguments with per-call options (an object literal) last, `{}` standing in for optional params. */
export function withOptions(call: ExampleCall, options: string): string[] {
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
    const item = itemName(operation, byName) ?? camelCase(singular(resource.name));
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
  return result.kind === 'ref' ? camelCase(result.target) : camelCase(singular(resource.name));
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
  const byName = new Map(model.schemas.map((schema) => [schema.name, schema]));
  const values = (location: 'path' | 'query'): [string, string][] =>
    operation.parameters
      .filter(
        (parameter) => parameter.in === location && (location === 'path' || parameter.required),
      )
      .map((parameter): [string, string] => [parameter.name, parameterValue(parameter, byName)]);
  const groups: [string, string][] = [];
  const path = values('path');
  const query = values('query');
  if (path.length > 0) groups.push(['path', objectLiteral(path)]);
  if (query.length > 0) groups.push(['query', objectLiteral(query)]);
  const args = [
    quoted(operation.path),
    ...(groups.length > 0 ? [objectLiteral([['params', objectLiteral(groups)]])] : []),
  ];
  return statement(prefix, `${receiver}.${operation.method.toUpperCase()}`, args, ';');
}

/** A parameter's example value, else a placeholder that fits its schema. */
function parameterValue(
  parameter: OperationModel['parameters'][number],
  byName: ReadonlyMap<string, NamedSchema>,
): string {
  return parameter.example !== undefined
    ? literal(parameter.example)
    : placeholder(parameter.schema, byName, parameter.name);
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
    ? camelCase(items.items.target)
    : undefined;
}

/**
 * `prefix callee(args)suffix` on one line when it fits, else one argument per line (prettier's
 * way). `indent`: the columns the caller will indent the statement by.
 */
export function statement(
  prefix: string,
  callee: string,
  args: readonly string[],
  suffix: string,
  indent = 0,
): string {
  const width = WIDTH - indent;
  const oneLine = `${prefix}${callee}(${args.join(', ')})${suffix}`;
  if (oneLine.length <= width && !oneLine.includes('\n')) return oneLine;
  // `const x = await f(…)` moves the right-hand side to the next line when the call has at most
  // one short argument (nothing to break inside), or when not even `const x = await f(` fits.
  const assignment = /^((?:const|let|var) [^=]+ =) (.*)$/.exec(prefix);
  if (assignment !== null) {
    const poorlyBreakable = args.length === 0 || (args.length === 1 && isShortArgument(args[0]!));
    if (poorlyBreakable || `${prefix}${callee}(`.length > width) {
      const right = statement(assignment[2]!, callee, args, suffix, indent + 2);
      return `${assignment[1]}\n${right
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n')}`;
    }
  }
  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  // A last argument that is an object literal hugs the parentheses: `f('a', {` … `});`, unless
  // the one before it is an object literal too (prettier's rule).
  const hugs =
    last !== undefined && last.startsWith('{ ') && !(penultimate?.startsWith('{') ?? false);
  if (hugs && args.slice(0, -1).every((arg) => !arg.includes('\n'))) {
    const head = `${prefix}${callee}(${[...args.slice(0, -1), ''].join(', ')}{`;
    if (head.length <= width) return `${head}\n${objectBody(last)}\n})${suffix}`;
  }
  return `${prefix}${callee}(\n${args.map((arg) => `  ${arg},`).join('\n')}\n)${suffix}`;
}

/** An argument prettier calls short: a literal or a name of at most a quarter of the line. */
function isShortArgument(arg: string): boolean {
  if (/^['"]/.test(arg) || /^[A-Za-z_$][\w$]*$/.test(arg)) return arg.length <= WIDTH / 4;
  return /^-?\d[\d_.]*$/.test(arg) || ['true', 'false', 'null', '{}', '[]'].includes(arg);
}

/** `import { a, b } from 'x';`, or one name per line when that does not fit (prettier's way; one name never breaks). */
export function importStatement(names: readonly string[], from: string, typeOnly = false): string {
  const head = typeOnly ? 'import type' : 'import';
  const oneLine = `${head} { ${names.join(', ')} } from ${quoted(from)};`;
  if (oneLine.length <= WIDTH || names.length === 1) return oneLine;
  return `${head} {\n${names.map((name) => `  ${name},`).join('\n')}\n} from ${quoted(from)};`;
}

/** The entries of a one-line object literal `{ a: 1, b: 2 }`, one per line with trailing commas. */
function objectBody(literal: string): string {
  return splitTopLevel(literal.slice(2, -2))
    .map((entry) => `  ${entry},`)
    .join('\n');
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote !== undefined) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== '');
}

export function objectLiteral(entries: readonly [string, string][]): string {
  return entries.length === 0
    ? '{}'
    : `{ ${entries.map(([key, value]) => `${quotedKey(key)}: ${value}`).join(', ')} }`;
}

/** Required body properties the caller gives (not read-only ones), with placeholders. */
function requiredBodyEntries(
  operation: OperationModel,
  byName: ReadonlyMap<string, NamedSchema>,
  schemas: readonly NamedSchema[],
): [string, string][] {
  if (operation.body === undefined) return [];
  const shape = objectShape(operation.body.schema, schemas);
  if (shape === undefined) return [];
  const nodes = propertyNodes(operation.body.schema, byName);
  return shape.properties
    .filter((property) => property.required)
    .map((property): [string, string] => {
      const node = nodes.get(property.name);
      return [property.name, node === undefined ? "''" : placeholder(node, byName, property.name)];
    });
}

function propertyNodes(
  node: SchemaNode,
  byName: ReadonlyMap<string, NamedSchema>,
  depth = 0,
): Map<string, SchemaNode> {
  const found = new Map<string, SchemaNode>();
  const target = dereference(node, byName);
  if (target === undefined || depth > 10) return found;
  if (target.kind === 'object')
    for (const property of target.properties) found.set(property.name, property.node);
  if (target.kind === 'allOf') {
    for (const member of target.members)
      for (const [name, inner] of propertyNodes(member, byName, depth + 1)) found.set(name, inner);
  }
  return found;
}

function dereference(
  node: SchemaNode,
  byName: ReadonlyMap<string, NamedSchema>,
): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let hops = 0; current?.kind === 'ref' && hops < 10; hops++)
    current = byName.get(current.target)?.node;
  return current;
}

/** A literal that fits the schema well enough for an example (kept short: nested objects stay `{}`). */
function placeholder(
  node: SchemaNode,
  byName: ReadonlyMap<string, NamedSchema>,
  name: string,
): string {
  const example = node.examples?.[0] ?? node.default;
  if (example !== undefined && isShort(example)) return literal(example);
  const target = dereference(node, byName) ?? node;
  const targetExample = target.examples?.[0] ?? target.default;
  if (targetExample !== undefined && isShort(targetExample)) return literal(targetExample);
  switch (target.kind) {
    case 'enum':
      return target.values[0] === undefined ? 'null' : literal(target.values[0]);
    case 'string':
      return quoted(name);
    case 'number':
      return String(target.minimum?.value ?? 1);
    case 'boolean':
      return 'true';
    case 'null':
      return 'null';
    case 'array':
      return '[]';
    case 'union':
      return target.variants[0] === undefined
        ? 'null'
        : placeholder(target.variants[0], byName, name);
    default:
      return '{}';
  }
}

function isShort(value: JsonValue): boolean {
  return value === null || typeof value !== 'object'
    ? String(value).length <= 40 && !String(value).includes('\n')
    : false;
}

function literal(value: JsonValue): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return objectLiteral(
    Object.entries(value).map(([key, inner]): [string, string] => [key, literal(inner)]),
  );
}

/** A string literal as prettier prints it: single quotes unless the text has more of them than double ones. */
export function quoted(value: string): string {
  const singles = (value.match(/'/g) ?? []).length;
  const doubles = (value.match(/"/g) ?? []).length;
  return quotedString(value, singles > doubles ? '"' : "'");
}

function quotedKey(key: string): string {
  const bare = propertyKey(key);
  return bare.startsWith('"') ? quoted(key) : bare;
}
