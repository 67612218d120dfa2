/**
 * `src/resources/<resource>.ts`: one class per resource (`Plans`, with the tag's description as its
 * TSDoc), one method per operation, and the method's named types after it: `PlanListParams` (an
 * interface, every member documented), and `…Response`/`…Body` where a body is an object written
 * inline. Methods resolve to the schema's type itself where there is one: `APIPromise<Plan>`,
 * `PagePromise<PlanList, Plan>`. Types come from the schema model (schema-types/print.ts), like
 * src/types.ts, whose types they import.
 */
import { valueText } from '../code-print.ts';
import {
  StructureKind,
  type ClassDeclarationStructure,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type JSDocTagStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type StatementStructures,
  type VariableStatementStructure,
  VariableDeclarationKind,
} from 'ts-morph';
import { jsDocCode, templateLiteralText } from '../../escape.ts';
import {
  escapeJsDoc,
  literalKey,
  NameRegistry,
  propertyKey,
  stringLiteral,
  words,
} from '../../model/names.ts';
import type {
  ApiModel,
  ClientOptionSlot,
  OperationModel,
  OperationShape,
  ParameterModel,
  ParameterSlot,
  ResourceModel,
} from '../../model/types.ts';
import { upperSnake } from '../../model/sdk-names.ts';
import { propertySignature } from '../schema-types/declarations.ts';
import { docLink, wrapDocText } from '../doc-text.ts';
import { docStructure, nodeDocParts, PREVIEW_REMARK } from '../schema-types/docs.ts';
import { literal, TypePrinter, type Member } from '../schema-types/print.ts';
import type { EmittedSourceFile } from '../types.ts';
import { ImportPlan } from './imports.ts';
import {
  bodyEntries,
  headerParamsCall,
  pathArgument,
  queryStyleEntry,
  rawBodyType,
  responseEntries,
} from './media.ts';
import { responseSchemaOf, responseSchemasOf } from './response-guards-file.ts';
import { bodyType, pageItemType, parameterType, resultType } from './type-refs.ts';
import { pathLiteral } from '../path-literal.ts';
import { pushAll } from '../../json.ts';

/** Members every resource class has (or that no class may declare). */
const CLASS_MEMBERS = ['constructor', '_client'];

/** Names of the modules a resource file imports, as seen from `src/resources/`. */
const MODULES = {
  types: '../types.js',
  resource: '../runtime/resource.js',
  path: '../runtime/internal/path.js',
  body: '../runtime/internal/body.js',
  pagination: '../runtime/pagination.js',
  apiPromise: '../runtime/api-promise.js',
  requestOptions: '../runtime/request-options.js',
} as const;

interface FileContext {
  model: ApiModel;
  imports: ImportPlan;
  className: string;
  /** Prints schema types, importing each name it uses from src/types.ts. */
  printer: TypePrinter;
  /** The file's pagination options, one module-level const per distinct literal (by its text). */
  paginations: Map<string, SharedPagination>;
}

interface SharedPagination {
  /** Stands for the name in the methods' bodies until every method is emitted (namePaginations). */
  token: string;
  name: string;
  literal: string;
  /** The methods that pass it, in file order. */
  methods: string[];
}

export function emitResourceFile(
  resource: ResourceModel,
  model: ApiModel,
  path: string,
): EmittedSourceFile {
  const declared = [resource.className];
  for (const operation of resource.operations) {
    declared.push(operation.typeNames.params);
    if (operation.typeNames.response !== undefined) declared.push(operation.typeNames.response);
    if (operation.typeNames.body !== undefined) declared.push(operation.typeNames.body);
  }
  const imports = new ImportPlan(declared);
  const ctx: FileContext = {
    model,
    imports,
    className: resource.className,
    printer: new TypePrinter(model.schemas, (name) => imports.type(MODULES.types, name)),
    paginations: new Map(),
  };

  // Ranked by the methods' names (names.ts `rankClaims`), not the order of the operations.
  const members = new NameRegistry(CLASS_MEMBERS).claimAll(
    resource.operations.map(({ sdk }) => ({ wanted: sdk.method, raw: sdk.method })),
  );
  const methods = namePaginations(
    resource.operations.map((operation, index) => methodStructure(operation, members[index]!, ctx)),
    ctx,
  );
  const types = resource.operations.flatMap((operation, index) =>
    operationTypes(operation, methods[index]?.name ?? '', ctx),
  );

  const summary = `The ${words(resource.name).join(' ').toLowerCase()} of the API: \`client.${resource.name}\`.`;
  const classDeclaration: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: imports.value(MODULES.resource, 'APIResource'),
    docs: [
      docStructure({ description: resource.description, notes: [summary] }) ?? {
        description: summary,
      },
    ],
    methods,
  };
  const paginations = [...ctx.paginations.values()]
    .sort((a, b) => Number(b.name === 'PAGINATION') - Number(a.name === 'PAGINATION'))
    .map((shared) => paginationConst(shared, resource.className, ctx));
  return {
    path,
    statements: [...imports.declarations(), ...paginations, classDeclaration, ...types],
  };
}

/**
 * Names the file's pagination consts once every method is emitted, so that a change to one
 * method's `x-sdk-pagination` renames no other method's const (helper-120 L12: the first method
 * changed took `PAGINATION`, and the one the others share became `PAGINATION2`, changing their
 * lines too): the const most methods share is `PAGINATION` (the first such, on a tie), each other
 * is named after its first method (`LIST_PAGINATION`). The methods' bodies get the names.
 */
function namePaginations(
  methods: MethodDeclarationStructure[],
  ctx: FileContext,
): MethodDeclarationStructure[] {
  const groups = [...ctx.paginations.values()];
  if (groups.length === 0) return methods;
  const main = groups.reduce((best, group) =>
    group.methods.length > best.methods.length ? group : best,
  );
  for (const group of groups) {
    const own = upperSnake(group.methods[0] ?? '');
    group.name = ctx.imports.declare(
      group === main || own === '' ? 'PAGINATION' : `${own}_PAGINATION`,
    );
  }
  const named = (text: string) =>
    groups.reduce((result, group) => result.split(group.token).join(group.name), text);
  return methods.map((method) => ({
    ...method,
    statements: Array.isArray(method.statements)
      ? method.statements.map((statement) =>
          typeof statement === 'string' ? named(statement) : statement,
        )
      : method.statements,
  }));
}

/** `const PAGINATION: CursorPagination = { … }`, documented with the methods that use it. */
function paginationConst(
  shared: SharedPagination,
  className: string,
  ctx: FileContext,
): VariableStatementStructure {
  const links = shared.methods.map((method) => docLink(`${className}.${method}`));
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      wrapDocText(
        `Where ${joinWords(links)} ${links.length === 1 ? 'finds its' : 'find their'} cursors and items (the spec's \`x-sdk-pagination\`).`,
      ),
    ],
    declarations: [
      {
        name: shared.name,
        type: ctx.imports.type(MODULES.pagination, 'CursorPagination'),
        initializer: shared.literal,
      },
    ],
  };
}

function joinWords(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

function methodStructure(
  operation: OperationModel,
  name: string,
  ctx: FileContext,
): MethodDeclarationStructure {
  const { shape } = operation;
  const requestOptions = ctx.imports.type(MODULES.requestOptions, 'RequestOptions');

  const parameters: OptionalKind<ParameterDeclarationStructure>[] = shape.pathArgs.map((slot) => ({
    name: slot.local,
    type: parameterType(slot.parameter, ctx.printer),
  }));
  if (shape.form !== 'none') {
    const params: OptionalKind<ParameterDeclarationStructure> = {
      name: 'params',
      type: operation.typeNames.params,
    };
    if (!shape.paramsRequired) params.initializer = '{}';
    else if (shape.paramsOmittable === true) params.hasQuestionToken = true;
    parameters.push(params);
  }
  parameters.push({ name: 'options', type: requestOptions, hasQuestionToken: true });

  const result = resultType(operation, ctx.printer, ctx.imports);
  const pagination = pageItemType(operation, ctx.printer, result);
  const returnType =
    pagination === undefined
      ? `${ctx.imports.type(MODULES.apiPromise, 'APIPromise')}<${result}>`
      : `${ctx.imports.type(MODULES.pagination, 'PagePromise')}<${result}, ${pagination}>`;

  return {
    kind: StructureKind.Method,
    name,
    docs: [methodDoc(operation)],
    parameters,
    returnType,
    statements: methodBody(operation, ctx, pagination !== undefined, name),
  };
}

function methodBody(
  operation: OperationModel,
  ctx: FileContext,
  paginated: boolean,
  methodName: string,
): string[] {
  const { shape } = operation;
  const lines: string[] = [];
  const clientParam = (slot: ClientOptionSlot) =>
    `this._client.clientParam(${stringLiteral(slot.option)}, ${slot.local})`;

  // Which keys are pulled out of params by name, and what the rest is.
  const destructured: string[] = shape.clientOptions.map((slot) => binding(slot.key, slot.local));
  let queryExpr: string | undefined;
  let headersExpr: string | undefined;
  let bodyExpr: string | undefined;
  const queryEntries = shape.clientOptions
    .filter((slot) => slot.parameter.in === 'query')
    .map((slot) => `${literalKey(slot.parameter.name)}: ${clientParam(slot)}`);
  const headerEntries = shape.clientOptions
    .filter((slot) => slot.parameter.in === 'header')
    .map((slot) => `${literalKey(slot.parameter.name)}: ${clientParam(slot)}`);

  if (shape.form === 'nested') {
    // Keys renamed in params (`toString_`) go back to their names on the wire.
    const nested = (name: 'query' | 'headers', slots: readonly ParameterSlot[], into: string[]) => {
      if (slots.length === 0) return;
      const renamed = slots.filter((slot) => slot.key !== slot.parameter.name);
      if (renamed.length === 0) {
        destructured.push(name);
        return;
      }
      const bindings = renamed.map((slot) => binding(slot.key, slot.local));
      destructured.push(`${name}: { ${[...bindings, `...${name}`].join(', ')} } = {}`);
      pushAll(
        into,
        renamed.map((slot) => entry(slot.parameter.name, slot.local)),
      );
    };
    nested('query', shape.query, queryEntries);
    nested('headers', shape.headers, headerEntries);
    queryExpr = withEntries('query', queryEntries, shape.query.length > 0);
    headersExpr = withEntries('headers', headerEntries, shape.headers.length > 0);
    if (operation.body !== undefined) {
      destructured.push('body');
      bodyExpr = 'body';
    }
  } else if (shape.form === 'flat') {
    pushAll(
      destructured,
      shape.headers.map((slot) => binding(slot.key, slot.local)),
    );
    pushAll(
      headerEntries,
      shape.headers.map((slot) => entry(slot.parameter.name, slot.local)),
    );
    headersExpr = objectLiteral(headerEntries);
    if (shape.flatBody) {
      pushAll(
        destructured,
        shape.query.map((slot) => binding(slot.key, slot.local)),
      );
      pushAll(
        queryEntries,
        shape.query.map((slot) => entry(slot.parameter.name, slot.local)),
      );
      queryExpr = objectLiteral(queryEntries);
      bodyExpr = destructured.length === 0 ? 'params' : 'body';
      if (destructured.length > 0) destructured.push('...body');
    } else if (shape.query.length > 0) {
      // Keys renamed in params (`toString_`) go back to their names on the wire.
      const renamed = shape.query.filter((slot) => slot.key !== slot.parameter.name);
      pushAll(
        destructured,
        renamed.map((slot) => binding(slot.key, slot.local)),
      );
      pushAll(
        queryEntries,
        renamed.map((slot) => entry(slot.parameter.name, slot.local)),
      );
      // `{ ...params }`, not `params`: an interface has no index signature to be a query record.
      queryExpr =
        destructured.length === 0
          ? (withEntries('params', queryEntries, true) ?? '').replace(/^params$/, '{ ...params }')
          : withEntries('query', queryEntries, true);
      if (destructured.length > 0) destructured.push('...query');
    } else {
      queryExpr = objectLiteral(queryEntries);
    }
  }
  // Built inside the function the core calls within the call's promise: whatever building the
  // request throws (an empty path parameter, a missing client parameter) rejects that promise.
  const required = requiredParamsCheck(operation);
  // Params left out (an optional body's only): every key is undefined, so no body is sent.
  const destructuring =
    destructured.length === 0
      ? ''
      : shape.paramsOmittable === true
        ? `const { ${destructured.join(', ')} }: Partial<${operation.typeNames.params}> = params ?? {};\n`
        : `const { ${destructured.join(', ')} } = params;\n`;
  const prelude =
    required === undefined && destructuring === ''
      ? undefined
      : `${required ?? ''}${destructuring}`;

  const request: string[] = [
    `method: ${stringLiteral(operation.method)}`,
    `path: ${pathTemplate(operation, ctx, clientParam)}`,
  ];
  if (queryExpr !== undefined) request.push(property('query', queryExpr));
  const styles = queryStyles(shape);
  if (styles !== undefined) request.push(`queryStyles: ${styles}`);
  if (headersExpr !== undefined)
    request.push(`headers: ${headerParamsCall(headersExpr, operation.parameters, ctx.imports)}`);
  // A flat body is the rest of params, `{}` when the caller gives nothing: an optional one is
  // then not sent at all.
  if (bodyExpr !== undefined && shape.flatBody && operation.body?.required !== true)
    bodyExpr = `${ctx.imports.value(MODULES.body, 'optionalBody')}(${bodyExpr})`;
  if (bodyExpr !== undefined) request.push(property('body', bodyExpr));
  pushAll(request, bodyEntries(operation, ctx.imports));
  if (shape.idempotencyHeader !== undefined)
    request.push(`idempotencyHeader: ${stringLiteral(shape.idempotencyHeader)}`);
  pushAll(request, responseEntries(operation, ctx.imports));
  const responseSchema = responseSchemaOf(operation);
  if (responseSchema !== undefined)
    request.push(`responseSchema: ${stringLiteral(responseSchema)}`);
  const others = Object.entries(responseSchemasOf(operation)).map(
    ([status, name]) => `${stringLiteral(status)}: ${stringLiteral(name)}`,
  );
  if (others.length > 0) request.push(`responseSchemas: { ${others.join(', ')} }`);
  if (operation.anonymous) request.push('anonymous: true');
  if (operation.credentialAlternatives !== undefined)
    request.push(`security: ${valueText(operation.credentialAlternatives)}`);
  if (operation.server !== undefined) request.push(`server: ${stringLiteral(operation.server)}`);
  const literal = `{ ${request.join(', ')} }`;
  const requestLiteral =
    prelude === undefined ? `() => (${literal})` : `() => {\n${prelude}return ${literal};\n}`;

  if (paginated && operation.pagination !== undefined) {
    const { afterParam, beforeParam, itemsField, nextCursorField, prevCursorField } =
      operation.pagination;
    const pagination = [`afterParam: ${stringLiteral(afterParam)}`];
    if (beforeParam !== undefined) pagination.push(`beforeParam: ${stringLiteral(beforeParam)}`);
    pagination.push(
      `itemsField: ${stringLiteral(itemsField)}`,
      `nextCursorField: ${stringLiteral(nextCursorField)}`,
    );
    if (beforeParam !== undefined && prevCursorField !== undefined)
      pagination.push(`prevCursorField: ${stringLiteral(prevCursorField)}`);
    const paginationLiteral = `{ ${pagination.join(', ')} }`;
    let shared = ctx.paginations.get(paginationLiteral);
    if (shared === undefined) {
      shared = {
        token: `\u0000PAGINATION${ctx.paginations.size}\u0000`,
        name: '',
        literal: paginationLiteral,
        methods: [],
      };
      ctx.paginations.set(paginationLiteral, shared);
    }
    shared.methods.push(methodName);
    lines.push(`return this._client.requestPage(${requestLiteral}, ${shared.token}, options);`);
  } else {
    lines.push(`return this._client.request(${requestLiteral}, options);`);
  }
  return lines;
}

/** `` path`/projects/${…}/plans/${plan}` `` with every placeholder bound to its argument. */
function pathTemplate(
  operation: OperationModel,
  ctx: FileContext,
  clientParam: (slot: ClientOptionSlot) => string,
): string {
  const { shape } = operation;
  const names = [...operation.path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? '');
  const tag =
    names.length === 0
      ? ctx.imports.value(MODULES.path, 'path')
      : `${ctx.imports.value(MODULES.path, 'namedPath')}(${names.map(stringLiteral).join(', ')})`;
  const byName = new Map<string, string>();
  for (const slot of shape.pathArgs)
    byName.set(slot.parameter.name, pathArgument(slot.parameter, slot.local, ctx.imports));
  for (const slot of shape.clientOptions)
    if (slot.parameter.in === 'path') byName.set(slot.parameter.name, clientParam(slot));
  // Split at the placeholders (OpenAPI: `{name}`, no braces inside); the literal runs between them,
  // stray braces and `$` included, are escaped whole, so no `${` can form from spec text.
  const text = operation.path
    .split(/(\{[^{}]+\})/)
    .map((part, index) =>
      index % 2 === 1
        ? `\${${byName.get(part.slice(1, -1)) ?? 'undefined'}}`
        : templateLiteralText(pathLiteral(part)),
    )
    .join('');
  return `${tag}\`${text}\``;
}

/**
 * Query parameters that are not `form` + `explode: true` or take reserved characters, as the
 * runtime's `QueryStyles`.
 */
function queryStyles(shape: OperationShape): string | undefined {
  const entries = [...shape.query, ...shape.clientOptions]
    .map(({ parameter }) => queryStyleEntry(parameter))
    .filter((entry) => entry !== undefined);
  return entries.length === 0 ? undefined : `{ ${entries.join(', ')} }`;
}

function methodDoc(operation: OperationModel): OptionalKind<JSDocStructure> {
  const { shape } = operation;
  const paragraphs = [operation.summary, operation.description]
    .filter((text): text is string => text !== undefined && text.trim() !== '')
    .map(escapeJsDoc);
  if (paragraphs.length === 2 && paragraphs[0] === paragraphs[1]) paragraphs.pop();
  const description =
    paragraphs.length > 0
      ? paragraphs.join('\n\n')
      : `${operation.method.toUpperCase()} ${escapeJsDoc(operation.path)}`;

  const tags: OptionalKind<JSDocTagStructure>[] = shape.pathArgs
    .filter(
      (slot) =>
        slot.parameter.description !== undefined && slot.parameter.description.trim() !== '',
    )
    .map((slot) => ({
      tagName: 'param',
      // TSDoc's form, `@param name - text` (TypeScript and editors show the text without the hyphen).
      text: `${slot.local} - ${escapeJsDoc(slot.parameter.description ?? '')}`,
    }));
  if (operation.preview === true) tags.push({ tagName: 'remarks', text: PREVIEW_REMARK });
  if (operation.deprecated)
    tags.push({
      tagName: 'deprecated',
      text: 'The API description marks this operation deprecated.',
    });
  return { description, tags };
}

/** The method's params interface, and its own response and body types where it has them. */
function operationTypes(
  operation: OperationModel,
  methodName: string,
  ctx: FileContext,
): StatementStructures[] {
  const { shape } = operation;
  const link = docLink(`${ctx.className}.${methodName}`);
  const types: StatementStructures[] = [];
  if (shape.form !== 'none') types.push(paramsInterface(operation, link, ctx));
  const { body } = operation;
  if (
    body !== undefined &&
    operation.typeNames.body !== undefined &&
    rawBodyType(operation) === undefined &&
    !inlinesBody(operation)
  ) {
    types.push(
      ownType(operation.typeNames.body, body.schema, 'write', ctx, [
        `The request body of ${link}.`,
        body.description,
      ]),
    );
  }
  const success = operation.successResponse;
  // The model names a response type only where the method resolves to the schema's type.
  if (success?.schema !== undefined && operation.typeNames.response !== undefined) {
    types.push(
      ownType(operation.typeNames.response, success.schema, 'read', ctx, [
        `What ${link} resolves to.`,
        success.description,
      ]),
    );
  }
  return types;
}

/**
 * `this._client.requireParams(…);` for the required query and header parameters the caller
 * gives (not client options, not the idempotency key): each named, with its path in params
 * (`['q']` flat, `['query', 'q']` nested). Undefined when there are none.
 */
function requiredParamsCheck(operation: OperationModel): string | undefined {
  const { shape } = operation;
  const slots = [...shape.query, ...shape.headers].filter((slot) => slot.parameter.required);
  if (slots.length === 0) return undefined;
  const entries = slots.map((slot) => {
    const { parameter } = slot;
    const what = `${parameter.in === 'query' ? 'query parameter' : 'header'} ${JSON.stringify(parameter.name)}`;
    const path =
      shape.form === 'nested'
        ? [parameter.in === 'query' ? 'query' : 'headers', slot.key]
        : [slot.key];
    return `[${[what, ...path].map(stringLiteral).join(', ')}]`;
  });
  const where = `${operation.method.toUpperCase()} ${operation.path}`;
  return `this._client.requireParams(${stringLiteral(where)}, params, [${entries.join(', ')}]);\n`;
}

/** A flat params object whose body is an object written inline: its properties are the params'. */
function inlinesBody(operation: OperationModel): boolean {
  const schema = operation.body?.schema;
  return operation.shape.flatBody && schema?.kind === 'object' && !schema.nullable;
}

/** An interface for an object, else a type alias, documented with `paragraphs`. */
function ownType(
  name: string,
  node: NonNullable<OperationModel['body']>['schema'],
  mode: 'read' | 'write',
  ctx: FileContext,
  paragraphs: readonly [string, ...(string | undefined)[]],
): StatementStructures {
  // The lead sentence is ours (with a `{@link}`); the spec's paragraphs after it are escaped.
  const [lead, ...rest] = paragraphs;
  const spec = docStructure({ notes: rest.filter((p) => p !== undefined) })?.description;
  const docs = { description: spec === undefined ? lead : `${lead}\n\n${spec}` };
  if (node.kind === 'object' && !node.nullable) {
    const members = ctx.printer.members(node, mode);
    const index = ctx.printer.indexSignature(node, mode, members);
    const declared: InterfaceDeclarationStructure = {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs: [docs],
      properties: members.map(propertySignature),
    };
    if (index !== undefined)
      declared.indexSignatures = [{ keyName: 'key', keyType: 'string', returnType: index }];
    return declared;
  }
  return {
    kind: StructureKind.TypeAlias,
    name,
    isExported: true,
    docs: [docs],
    type: ctx.printer.type(node, mode),
  };
}

/**
 * `interface PlanListParams extends ProjectParam { status?: PlanStatus[]; limit?: number }`: every
 * key of the params object, documented from the spec. Flat: the query and header parameters and
 * the body's properties side by side (a named body schema is extended, an inline one's properties
 * are listed); nested: `query`, `headers` and `body`. Client options come from their shared
 * `…Param` interface.
 */
function paramsInterface(
  operation: OperationModel,
  link: string,
  ctx: FileContext,
): InterfaceDeclarationStructure {
  const { shape } = operation;
  const bases = shape.clientOptions.map((slot) =>
    ctx.imports.type(MODULES.types, clientOptionType(slot.option, ctx)),
  );
  const members: Member[] = [];
  let index: string | undefined;
  if (shape.form === 'nested') {
    if (shape.query.length > 0) {
      members.push({
        key: 'query',
        type: literal(
          shape.query.map((slot) => parameterMember(slot, ctx)),
          undefined,
        ),
        optional: !shape.nestedQueryRequired,
        docs: { description: 'Query parameters.' },
      });
    }
    if (shape.headers.length > 0) {
      members.push({
        key: 'headers',
        type: literal(
          shape.headers.map((slot) => parameterMember(slot, ctx)),
          undefined,
        ),
        optional: !shape.headers.some((slot) => slot.parameter.required),
        docs: { description: 'Header parameters.' },
      });
    }
    if (operation.body !== undefined) {
      members.push({
        key: 'body',
        type: bodyType(operation, ctx.printer),
        optional: !shape.nestedBodyRequired,
        docs: { description: operation.body.description ?? 'The request body.' },
      });
    }
  } else {
    pushAll(
      members,
      [...shape.query, ...shape.headers].map((slot) => parameterMember(slot, ctx)),
    );
    const body = operation.body;
    if (shape.flatBody && body !== undefined) {
      if (inlinesBody(operation) && body.schema.kind === 'object') {
        const properties = ctx.printer.members(body.schema, 'write');
        pushAll(members, properties);
        index = ctx.printer.indexSignature(body.schema, 'write', [...members]);
      } else {
        bases.unshift(bodyType(operation, ctx.printer));
      }
    }
  }
  const declared: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: operation.typeNames.params,
    isExported: true,
    docs: [{ description: `The params of ${link}.` }],
    properties: members.map(propertySignature),
  };
  if (bases.length > 0) declared.extends = bases;
  if (index !== undefined)
    declared.indexSignatures = [{ keyName: 'key', keyType: 'string', returnType: index }];
  return declared;
}

/** A query or header parameter as a member of the params: its key, type and documentation. */
function parameterMember(slot: ParameterSlot, ctx: FileContext): Member {
  const { parameter } = slot;
  return {
    key: propertyKey(slot.key),
    type: parameterType(parameter, ctx.printer),
    optional: !parameter.required,
    docs: parameterDocs(parameter),
  };
}

function parameterDocs(parameter: ParameterModel): Member['docs'] {
  const notes =
    parameter.mediaType === undefined
      ? []
      : parameter.jsonContent === true
        ? [
            `Sent as its ${jsDocCode(parameter.mediaType)} text: the value as JSON, a string quoted.`,
          ]
        : [`Sent as given: the ${jsDocCode(parameter.mediaType)} text of the value.`];
  return nodeDocParts(parameter.schema, {
    ...(parameter.description === undefined ? {} : { description: parameter.description }),
    deprecated: parameter.deprecated || parameter.schema.deprecated,
    notes,
  });
}

/** The shared `…Param` interface of a client option (types.ts), by option name. */
function clientOptionType(option: string, ctx: FileContext): string {
  const found = ctx.model.sdk.clientOptions.find((candidate) => candidate.name === option);
  if (found === undefined) throw new Error(`client option ${option} is not in the model`);
  return found.typeName;
}

/** A destructuring binding: `limit`, or `'user.birthday': userBirthday`. */
function binding(key: string, local: string): string {
  return key === local ? key : `${propertyKey(key)}: ${local}`;
}

/** An object literal entry: `limit`, `'user.birthday': userBirthday`, `['__proto__']: proto`. */
function entry(key: string, local: string): string {
  return key === local && key !== '__proto__' ? key : `${literalKey(key)}: ${local}`;
}

function objectLiteral(entries: readonly string[]): string | undefined {
  return entries.length === 0 ? undefined : `{ ${entries.join(', ')} }`;
}

/** `query`, or `{ ...query, project: … }` when client options join it; undefined when there is nothing. */
function withEntries(
  name: string,
  entries: readonly string[],
  hasBase: boolean,
): string | undefined {
  if (entries.length === 0) return hasBase ? name : undefined;
  return hasBase ? `{ ...${name}, ${entries.join(', ')} }` : `{ ${entries.join(', ')} }`;
}

/** `query` (shorthand) or `query: expr`. */
function property(name: string, expr: string): string {
  return expr === name ? name : `${name}: ${expr}`;
}
