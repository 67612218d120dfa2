/**
 * `src/resources/<resource>.ts`: one class per resource (`Plans`), one method per operation, and
 * the method's named types after it (`PlanListParams`, `PlanListResponse`, `PlanSearchBody`),
 * defined over openapi-typescript's `operations` so they match the spec exactly.
 */
import {
  StructureKind,
  type ClassDeclarationStructure,
  type JSDocStructure,
  type JSDocTagStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type PropertySignatureStructure,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import { templateLiteralText } from '../../escape.ts';
import { escapeJsDoc, NameRegistry, propertyKey, stringLiteral, words } from '../../model/names.ts';
import type { ApiModel, OperationModel, ResourceModel } from '../../model/types.ts';
import { PREVIEW_REMARK } from '../schema-types.ts';
import type { EmittedSourceFile } from '../types.ts';
import { objectShape } from './body-shape.ts';
import { ImportPlan } from './imports.ts';
import {
  bodyEntries,
  headerParamsCall,
  pathArgument,
  rawBodyType,
  responseEntries,
  resultType,
} from './media.ts';
import { operationShape, type OperationShape } from './operation-shape.ts';
import { responseSchemaOf } from './response-guards-file.ts';
import {
  bodyType,
  operationRef,
  parameterGroupType,
  parameterType,
  responseType,
} from './type-refs.ts';

/** Members every resource class has (or that no class may declare). */
const CLASS_MEMBERS = ['constructor', '_client'];

/** Names of the runtime modules, as seen from `src/resources/`. */
const MODULES = {
  openapi: '../openapi.js',
  resource: '../runtime/resource.js',
  path: '../runtime/internal/path.js',
  pagination: '../runtime/pagination.js',
  apiPromise: '../runtime/api-promise.js',
  requestOptions: '../runtime/request-options.js',
} as const;

interface FileContext {
  model: ApiModel;
  imports: ImportPlan;
  className: string;
}

export function emitResourceFile(
  resource: ResourceModel,
  model: ApiModel,
  path: string,
): EmittedSourceFile {
  const declared = [resource.className];
  for (const operation of resource.operations) {
    declared.push(operation.typeNames.params, operation.typeNames.response);
    if (operation.typeNames.body !== undefined) declared.push(operation.typeNames.body);
  }
  const imports = new ImportPlan(declared);
  const ctx: FileContext = {
    model,
    imports,
    className: resource.className,
  };

  const members = new NameRegistry(CLASS_MEMBERS);
  const shapes = resource.operations.map((operation) => operationShape(operation, model));
  const methods = shapes.map((shape) =>
    methodStructure(shape, members.claim(shape.operation.sdk.method), ctx),
  );
  const types = shapes.flatMap((shape, index) =>
    typeAliases(shape, methods[index]?.name ?? '', ctx),
  );

  const classDeclaration: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: imports.value(MODULES.resource, 'APIResource'),
    docs: [
      {
        description: `The ${words(resource.name).join(' ').toLowerCase()} of the API: \`client.${resource.name}\`.`,
      },
    ],
    methods,
  };
  return { path, statements: [...imports.declarations(), classDeclaration, ...types] };
}

function methodStructure(
  shape: OperationShape,
  name: string,
  ctx: FileContext,
): MethodDeclarationStructure {
  const { operation } = shape;
  const opRef = operationRef(operation, ctx.imports.type(MODULES.openapi, 'operations'));
  const requestOptions = ctx.imports.type(MODULES.requestOptions, 'RequestOptions');

  const parameters: OptionalKind<ParameterDeclarationStructure>[] = shape.pathArgs.map((slot) => ({
    name: slot.local,
    type: parameterType(slot.parameter, opRef),
  }));
  if (shape.form !== 'none') {
    const params: OptionalKind<ParameterDeclarationStructure> = {
      name: 'params',
      type: operation.typeNames.params,
    };
    if (!shape.paramsRequired) params.initializer = '{}';
    parameters.push(params);
  }
  parameters.push({ name: 'options', type: requestOptions, hasQuestionToken: true });

  const response = operation.typeNames.response;
  const pagination = pageItemType(operation, ctx);
  const returnType =
    pagination === undefined
      ? `${ctx.imports.type(MODULES.apiPromise, 'APIPromise')}<${response}>`
      : `${ctx.imports.type(MODULES.pagination, 'PagePromise')}<${response}, ${pagination}>`;

  return {
    kind: StructureKind.Method,
    name,
    docs: [methodDoc(shape)],
    parameters,
    returnType,
    statements: methodBody(shape, ctx, pagination !== undefined),
  };
}

/** The item type of a paginated operation's page, or undefined when it is not paginated. */
function pageItemType(operation: OperationModel, ctx: FileContext): string | undefined {
  const { pagination, successResponse } = operation;
  if (pagination === undefined || successResponse?.schema === undefined) return undefined;
  const shape = objectShape(successResponse.schema, ctx.model.schemas);
  const required =
    shape?.properties.some((p) => p.name === pagination.itemsField && p.required) ?? false;
  const items = `${operation.typeNames.response}[${stringLiteral(pagination.itemsField)}]`;
  return required ? `${items}[number]` : `NonNullable<${items}>[number]`;
}

function methodBody(shape: OperationShape, ctx: FileContext, paginated: boolean): string[] {
  const { operation } = shape;
  const lines: string[] = [];
  const clientParam = (slot: OperationShape['clientOptions'][number]) =>
    `this._client.clientParam(${stringLiteral(slot.option)}, ${slot.local})`;

  // Which keys are pulled out of params by name, and what the rest is.
  const destructured: string[] = shape.clientOptions.map((slot) =>
    binding(slot.option, slot.local),
  );
  let queryExpr: string | undefined;
  let headersExpr: string | undefined;
  let bodyExpr: string | undefined;
  const queryEntries = shape.clientOptions
    .filter((slot) => slot.parameter.in === 'query')
    .map((slot) => `${propertyKey(slot.parameter.name)}: ${clientParam(slot)}`);
  const headerEntries = shape.clientOptions
    .filter((slot) => slot.parameter.in === 'header')
    .map((slot) => `${propertyKey(slot.parameter.name)}: ${clientParam(slot)}`);

  if (shape.form === 'nested') {
    if (shape.query.length > 0) destructured.push('query');
    if (shape.headers.length > 0) destructured.push('headers');
    queryExpr = withEntries('query', queryEntries, shape.query.length > 0);
    headersExpr = withEntries('headers', headerEntries, shape.headers.length > 0);
    if (operation.body !== undefined) {
      destructured.push('body');
      bodyExpr = 'body';
    }
  } else if (shape.form === 'flat') {
    destructured.push(...shape.headers.map((slot) => binding(slot.parameter.name, slot.local)));
    headerEntries.push(...shape.headers.map((slot) => entry(slot.parameter.name, slot.local)));
    headersExpr = objectLiteral(headerEntries);
    if (shape.flatBody) {
      destructured.push(...shape.query.map((slot) => binding(slot.parameter.name, slot.local)));
      queryEntries.push(...shape.query.map((slot) => entry(slot.parameter.name, slot.local)));
      queryExpr = objectLiteral(queryEntries);
      bodyExpr = destructured.length === 0 ? 'params' : 'body';
      if (destructured.length > 0) destructured.push('...body');
    } else if (shape.query.length > 0) {
      queryExpr =
        destructured.length === 0
          ? withEntries('params', queryEntries, true)
          : withEntries('query', queryEntries, true);
      if (destructured.length > 0) destructured.push('...query');
    } else {
      queryExpr = objectLiteral(queryEntries);
    }
  }
  if (destructured.length > 0) lines.push(`const { ${destructured.join(', ')} } = params;`);

  const request: string[] = [
    `method: ${stringLiteral(operation.method)}`,
    `path: ${pathTemplate(shape, ctx, clientParam)}`,
  ];
  if (queryExpr !== undefined) request.push(property('query', queryExpr));
  const styles = queryStyles(shape);
  if (styles !== undefined) request.push(`queryStyles: ${styles}`);
  if (headersExpr !== undefined)
    request.push(`headers: ${headerParamsCall(headersExpr, operation.parameters, ctx.imports)}`);
  if (bodyExpr !== undefined) request.push(property('body', bodyExpr));
  request.push(...bodyEntries(operation, ctx.imports));
  if (shape.idempotencyHeader !== undefined)
    request.push(`idempotencyHeader: ${stringLiteral(shape.idempotencyHeader)}`);
  request.push(...responseEntries(operation, ctx.imports));
  const responseSchema = responseSchemaOf(operation);
  if (responseSchema !== undefined)
    request.push(`responseSchema: ${stringLiteral(responseSchema)}`);
  const requestLiteral = `{ ${request.join(', ')} }`;

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
    lines.push(
      `return this._client.requestPage(${requestLiteral}, { ${pagination.join(', ')} }, options);`,
    );
  } else {
    lines.push(`return this._client.request(${requestLiteral}, options);`);
  }
  return lines;
}

/** `` path`/projects/${…}/plans/${plan}` `` with every placeholder bound to its argument. */
function pathTemplate(
  shape: OperationShape,
  ctx: FileContext,
  clientParam: (slot: OperationShape['clientOptions'][number]) => string,
): string {
  const tag = ctx.imports.value(MODULES.path, 'path');
  const byName = new Map<string, string>();
  for (const slot of shape.pathArgs)
    byName.set(slot.parameter.name, pathArgument(slot.parameter, slot.local, ctx.imports));
  for (const slot of shape.clientOptions)
    if (slot.parameter.in === 'path') byName.set(slot.parameter.name, clientParam(slot));
  // Split at the placeholders (OpenAPI: `{name}`, no braces inside); the literal runs between them,
  // stray braces and `$` included, are escaped whole, so no `${` can form from spec text.
  const text = shape.operation.path
    .split(/(\{[^{}]+\})/)
    .map((part, index) =>
      index % 2 === 1
        ? `\${${byName.get(part.slice(1, -1)) ?? 'undefined'}}`
        : templateLiteralText(part),
    )
    .join('');
  return `${tag}\`${text}\``;
}

/** Query parameters that are not `form` + `explode: true`, as the runtime's `QueryStyles`. */
function queryStyles(shape: OperationShape): string | undefined {
  const entries: string[] = [];
  for (const { parameter } of [...shape.query, ...shape.clientOptions]) {
    if (parameter.in !== 'query' || (parameter.style === 'form' && parameter.explode)) continue;
    const style: string[] = [];
    if (parameter.style !== 'form') style.push(`style: ${stringLiteral(parameter.style)}`);
    if (!parameter.explode) style.push('explode: false');
    entries.push(`${propertyKey(parameter.name)}: { ${style.join(', ')} }`);
  }
  return entries.length === 0 ? undefined : `{ ${entries.join(', ')} }`;
}

function methodDoc(shape: OperationShape): OptionalKind<JSDocStructure> {
  const { operation } = shape;
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
      text: `${slot.local} ${escapeJsDoc(slot.parameter.description ?? '')}`,
    }));
  if (operation.preview === true) tags.push({ tagName: 'remarks', text: PREVIEW_REMARK });
  if (operation.deprecated) tags.push({ tagName: 'deprecated' });
  return { description, tags };
}

function typeAliases(
  shape: OperationShape,
  methodName: string,
  ctx: FileContext,
): TypeAliasDeclarationStructure[] {
  const { operation } = shape;
  const opRef = operationRef(operation, ctx.imports.type(MODULES.openapi, 'operations'));
  const link = `{@link ${ctx.className}.${methodName}}`;
  const aliases: TypeAliasDeclarationStructure[] = [];

  if (shape.form !== 'none') {
    aliases.push({
      kind: StructureKind.TypeAlias,
      name: operation.typeNames.params,
      isExported: true,
      docs: [{ description: `The params of ${link}.` }],
      type: paramsType(shape, opRef),
    });
  }
  if (operation.body !== undefined && operation.typeNames.body !== undefined) {
    const description =
      operation.body.description === undefined
        ? ''
        : `\n\n${escapeJsDoc(operation.body.description)}`;
    aliases.push({
      kind: StructureKind.TypeAlias,
      name: operation.typeNames.body,
      isExported: true,
      docs: [{ description: `The request body of ${link}.${description}` }],
      type: rawBodyType(operation) ?? bodyType(operation, opRef),
    });
  }
  const success = operation.successResponse?.description;
  aliases.push({
    kind: StructureKind.TypeAlias,
    name: operation.typeNames.response,
    isExported: true,
    docs: [
      {
        description: `What ${link} resolves to.${success === undefined || success.trim() === '' ? '' : `\n\n${escapeJsDoc(success)}`}`,
      },
    ],
    type: resultType(operation, ctx.imports, () => responseType(operation, opRef)),
  });
  return aliases;
}

function paramsType(shape: OperationShape, opRef: string): string {
  const { operation } = shape;
  const omitted = (location: 'query' | 'header') =>
    operation.parameters
      .filter((p) => p.in === location && p.clientDefault !== undefined)
      .map((p) => p.name);
  const queryType = parameterGroupType(opRef, 'query', omitted('query'));
  const headerType = parameterGroupType(opRef, 'header', omitted('header'));
  const bodyTypeName = operation.typeNames.body ?? bodyType(operation, opRef);
  const options = clientOptionMembers(shape, opRef);

  if (shape.form === 'nested') {
    const members: OptionalKind<PropertySignatureStructure>[] = [];
    if (shape.query.length > 0) {
      members.push({
        name: 'query',
        type: queryType,
        hasQuestionToken: !shape.nestedQueryRequired,
        docs: ['Query parameters.'],
      });
    }
    if (shape.headers.length > 0) {
      const required = shape.headers.some((slot) => slot.parameter.required);
      members.push({
        name: 'headers',
        type: headerType,
        hasQuestionToken: !required,
        docs: ['Header parameters.'],
      });
    }
    if (operation.body !== undefined) {
      members.push({
        name: 'body',
        type: bodyTypeName,
        hasQuestionToken: !shape.nestedBodyRequired,
        docs: ['The request body.'],
      });
    }
    return typeLiteral([...members, ...options]);
  }
  const parts: string[] = [];
  if (shape.query.length > 0) parts.push(queryType);
  if (shape.headers.length > 0) parts.push(headerType);
  if (shape.flatBody) parts.push(bodyTypeName);
  if (options.length > 0) parts.push(typeLiteral(options));
  return parts.join(' & ');
}

/** `project?: string` for each parameter the client fills, documented with where the default comes from. */
function clientOptionMembers(
  shape: OperationShape,
  opRef: string,
): OptionalKind<PropertySignatureStructure>[] {
  return shape.clientOptions.map((slot) => {
    const description =
      slot.parameter.description === undefined
        ? ''
        : `${escapeJsDoc(slot.parameter.description)}\n\n`;
    return {
      name: propertyKey(slot.option),
      type: parameterType(slot.parameter, opRef),
      hasQuestionToken: true,
      docs: [`${description}Defaults to the client's \`${slot.option}\` option.`],
    };
  });
}

/** A type literal as text, members with their TSDoc. */
function typeLiteral(members: readonly OptionalKind<PropertySignatureStructure>[]): string {
  const lines = members.map((member) => {
    const docs = (member.docs ?? []).map((doc) =>
      typeof doc === 'string' ? doc : (doc.description ?? ''),
    );
    const text = docs.join('\n').split('\n');
    const comment =
      text.length === 0 || (text.length === 1 && text[0] === '')
        ? ''
        : text.length === 1
          ? `/** ${text[0]} */\n`
          : `/**\n${text.map((line) => (line === '' ? ' *' : ` * ${line}`)).join('\n')}\n */\n`;
    return `${comment}${member.name}${member.hasQuestionToken === true ? '?' : ''}: ${member.type ?? 'unknown'};`;
  });
  return `{\n${lines.join('\n')}\n}`;
}

/** A destructuring binding: `limit`, or `'user.birthday': userBirthday`. */
function binding(key: string, local: string): string {
  return key === local ? key : `${propertyKey(key)}: ${local}`;
}

/** An object literal entry: `limit`, or `'user.birthday': userBirthday`. */
function entry(key: string, local: string): string {
  return key === local ? key : `${propertyKey(key)}: ${local}`;
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
