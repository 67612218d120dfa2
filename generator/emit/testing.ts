/**
 * `src/testing/index.ts` and `src/testing/runtime.ts`: the package's testing kit, its own entry
 * point (`<package>/testing`), so a bundle that imports only the client never contains it.
 *
 * For every operation, a typed mock on MSW 2 (templates/testing/runtime.ts, copied): its default
 * answer is the first example of the success response, else the smallest value its schema allows
 * (testing/values.ts); it replies with a typed body (`mock.plans.retrieve.reply(plan)`), fails
 * with a typed error body (`fail(404, error)`), records its calls, and a list operation serves
 * its items page by page. `fixtures` hands out typed copies of the default answers,
 * `requestFixtures` of the spec's request examples.
 *
 * Types are named after the schemas where the spec names them (`Plan`), else taken from
 * openapi-typescript's `operations` (an inline schema has no other name).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  escapeJsDoc,
  NameRegistry,
  pascalCase,
  propertyKey,
  stringLiteral,
} from '../model/names.ts';
import { jsDocCode } from '../escape.ts';
import type { JsonValue } from '../model/schema-types.ts';
import type {
  ApiModel,
  BodyKind,
  ExampleModel,
  NamedSchema,
  OperationModel,
  ResourceModel,
  SchemaNode,
} from '../model/types.ts';
import {
  expandedObject,
  importStatement,
  objectCode,
  quoted,
  valueCode,
  type Code,
  WIDTH,
} from './code-print.ts';
import { rewriteSpecifiers } from './client/runtime-files.ts';
import { renameRuntimeMentions } from './client/runtime-text.ts';
import { kindResultType } from './client/media.ts';
import { operationBodyType, operationRef, pageItemIndex, pageItems } from './client/type-refs.ts';
import { TypePrinter } from './schema-types/print.ts';
import { dereference, propertyNodes } from './sample-request.ts';
import { answerExample, minimalText, minimalValue, requestExample } from './testing/values.ts';
import type { EmittedSourceFile, EmittedTextFile } from './types.ts';
import type { WriterFunction } from 'ts-morph';

const blankLine: WriterFunction = (writer) => writer.blankLine();

const TESTING_INDEX_PATH = 'src/testing/index.ts';
const TESTING_RUNTIME_PATH = 'src/testing/runtime.ts';
const RUNTIME_TEMPLATE = fileURLToPath(
  new URL('../../templates/testing/runtime.ts', import.meta.url),
);

const TESTING_STUB_PATH = 'testing/package.json';

/**
 * `testing/package.json`: where `<package>/testing` leads under resolutions that ignore
 * `exports` (TypeScript's `node10`, older bundlers and test runners): the CommonJS build.
 */
export function emitTestingStub(): EmittedTextFile {
  const stub = {
    private: true,
    main: '../dist/cjs/testing/index.js',
    types: '../dist/cjs/testing/index.d.ts',
  };
  return { path: TESTING_STUB_PATH, text: `${JSON.stringify(stub, null, 2)}\n` };
}

/**
 * The runtime as it ships: the template, its relative imports ending in `.js`, the client runtime's
 * exports named in its text as the package exports them (`renames`, client/runtime-text.ts).
 */
export function emitTestingRuntime(
  renames: ReadonlyMap<string, string> = new Map(),
): EmittedTextFile {
  return {
    path: TESTING_RUNTIME_PATH,
    text: renameRuntimeMentions(rewriteSpecifiers(readFileSync(RUNTIME_TEMPLATE, 'utf8')), renames),
  };
}

/** One operation as the kit sees it. */
interface OperationKit {
  resource: ResourceModel;
  operation: OperationModel;
  /** The local name of its definition constant, e.g. `plansRetrieve`. */
  definition: string;
  result: string;
  item?: string;
  /** The request body as `calls` records it (`MockCall`'s `Body`). */
  body: string;
  /** The request body as the method takes it, for `requestFixtures`. */
  requestBody: string;
  /** The path parameters as `calls` records them (`MockCall`'s `Params`). */
  params: string;
  error: string;
  /** Where the default answer came from, for its TSDoc. */
  exampleSource: 'example' | 'schema' | 'none';
  /** The spec's example the kit answers with (testing/values.ts `answerExample`). */
  answer: ExampleModel | undefined;
  /** The spec's request body example `requestFixtures` holds (`requestExample`). */
  request: ExampleModel | undefined;
}

export function emitTesting(model: ApiModel): EmittedSourceFile {
  const byName = new Map(model.schemas.map((schema) => [schema.name, schema]));
  const used = new Set<string>();
  // Every local binding of the file, claimed after the schema type names it may import.
  const names = new NameRegistry(model.schemas.map((schema) => schema.name));
  const kit = names.claim('kit');
  const httpHandler = names.claim('HttpHandler');
  const operations = names.claim('operations');
  const mockType = names.claim(`${model.sdk.clientName}Mock`);
  const optionsType = names.claim('MockOptions');
  // Exported values and createMock's locals: no definition constant may take their names.
  for (const taken of [
    'createMock',
    'fixtures',
    'requestFixtures',
    'baseURL',
    'resources',
    'options',
  ])
    names.claim(taken);
  let usesOperations = false;
  // Prints the text schemas the model narrowed: strings, string enums and `$ref`s (typeOf's).
  const printer = new TypePrinter(byName);
  // `write`: the type as requests send it, a schema's `…Input` type where it has one (readOnly
  // properties left out, writeOnly ones in: model/read-write.ts).
  const typeOf = (node: SchemaNode | undefined, fallback: string, write = false): string => {
    if (node?.kind === 'ref' && !node.nullable && byName.has(node.target)) {
      const name = (write ? byName.get(node.target)!.inputName : undefined) ?? node.target;
      used.add(name);
      return name;
    }
    usesOperations ||= fallback.includes(operations);
    return fallback;
  };

  const textType = (node: SchemaNode | undefined): string =>
    node === undefined ? 'string' : typeOf(node, printer.type(node, 'read'));

  // Each operation's definition constant; two that make one name (`pet.itemList`,
  // `petItem.list`) are ranked by `resource.method` (names.ts `rankClaims`), not by their order.
  const placed = model.resources.flatMap((resource) =>
    resource.operations.map((operation) => ({ resource, operation })),
  );
  const definitionNames = new Map(
    names
      .claimAll(
        placed.map(({ resource, operation }) => ({
          wanted: `${resource.name}${pascalCase(operation.sdk.method)}`,
          raw: `${resource.name}.${operation.sdk.method}`,
        })),
      )
      .map((name, index) => [placed[index]!.operation, name]),
  );
  const kits: OperationKit[] = model.resources.flatMap((resource) =>
    resource.operations.map((operation): OperationKit => {
      const opRef = operationRef(operation, operations);
      const success = operation.successResponse;
      const result =
        success === undefined
          ? 'unknown'
          : success.contentType === undefined || success.kind === undefined
            ? 'void'
            : success.kind === 'text'
              ? textType(success.textSchema)
              : (replyType(success.kind) ??
                typeOf(success.schema, responseRef(opRef, success.status, success.contentType)));
      const errors = [
        ...new Set(
          operation.responses
            .filter((response) => /^(?:[45](?:\d\d|XX)|default)$/i.test(response.status))
            .filter(
              (response) => response.schema !== undefined && response.contentType !== undefined,
            )
            .map((response) =>
              typeOf(response.schema, responseRef(opRef, response.status, response.contentType!)),
            ),
        ),
      ];
      // What the method takes; a binary body's example is handed out as a Blob.
      const requestBody =
        operation.body === undefined
          ? 'undefined'
          : operation.body.kind === 'text'
            ? textType(operation.body.schema)
            : operation.body.kind === 'binary'
              ? 'Blob'
              : typeOf(operation.body.schema, operationBodyType(operation, opRef), true);
      const answer = answerExample(success, model.schemas);
      const kitOf: OperationKit = {
        resource,
        operation,
        definition: definitionNames.get(operation)!,
        result,
        body: recordedBodyType(operation.body?.kind, requestBody, kit),
        requestBody,
        params: paramsType(operation.path),
        error: errors.length === 0 ? 'unknown' : errors.join(' | '),
        exampleSource: !hasFixture(operation)
          ? 'none'
          : answer !== undefined
            ? 'example'
            : 'schema',
        answer,
        request: requestExample(operation.body, model.schemas),
      };
      if (operation.pagination !== undefined && success?.schema !== undefined)
        kitOf.item = itemType(
          success.schema,
          operation.pagination.itemsField,
          result,
          byName,
          used,
        );
      return kitOf;
    }),
  );

  const member = (name: MockMember) => mockMember(model, name);
  const definitions = kits.map((entry) => definitionStatement(entry, kit, model));
  const statements: (string | WriterFunction)[] = [
    MODULE_DOC,
    `import type { ${httpHandler === 'HttpHandler' ? 'HttpHandler' : `HttpHandler as ${httpHandler}`} } from 'msw';`,
    ...(usesOperations
      ? [`import type { operations as ${operations} } from '../openapi.js';`]
      : []),
    ...(used.size > 0 ? [importStatement([...used].sort(), '../types.js', true)] : []),
    `import * as ${kit} from './runtime.js';`,
    blankLine,
    `export { ListOperationMock, OperationMock } from './runtime.js';`,
    `export type {
  FormFields,
  MockCall,
  MultipartFields,
  PathParams,
  ReplyInit,
  Responder,
} from './runtime.js';`,
    ...definitions.flatMap(({ doc, code }) => [blankLine, `${doc}\n${code}`]),
    blankLine,
    mockInterface(kits, model, { mockType, httpHandler, kit, member }),
    blankLine,
    optionsInterface(model, optionsType),
    blankLine,
    createMockFunction(kits, model, { mockType, optionsType, kit, member }),
    blankLine,
    fixturesStatement(kits, kit),
    blankLine,
    requestFixturesStatement(kits, kit),
  ];
  return {
    path: TESTING_INDEX_PATH,
    statements,
    inPrettierForm: new Set(definitions.map(({ code }) => code)),
  };
}

const MODULE_DOC = `/**
 * A testing kit on MSW 2 (https://mswjs.io): a typed mock of every operation of the API, for
 * tests in Node (\`setupServer\` from \`msw/node\`) and browsers (\`setupWorker\` from \`msw/browser\`).
 * Each mock answers with the spec's example of its success response until a test says otherwise:
 * \`reply(body)\`, \`fail(status, errorBody)\`, \`networkError()\`, each with \`{ once: true }\` to answer
 * one call only. \`calls\` holds the requests it received. List operations serve their items page by
 * page, so the client's \`for await\` pages through them. \`fixtures\` are typed copies of the
 * examples.
 */`;

function responseRef(opRef: string, status: string, contentType: string): string {
  const key = /^\d+$/.test(status) ? status : stringLiteral(status);
  return `${opRef}['responses'][${key}]['content'][${stringLiteral(contentType)}]`;
}

/** The type of one item of a list: the named schema of the items array when it has one. */
function itemType(
  schema: SchemaNode,
  itemsField: string,
  result: string,
  byName: ReadonlyMap<string, NamedSchema>,
  used: Set<string>,
): string {
  const items = pageItems(schema, itemsField, byName);
  if (items.named === undefined) return pageItemIndex(result, itemsField, items.plainArray);
  used.add(items.named.target);
  return items.named.target;
}

/**
 * An operation's definition for the kit's runtime: its TSDoc line, and its code, printed in
 * prettier's form by emit/code-print.ts (the writer keeps it as it is).
 */
function definitionStatement(
  entry: OperationKit,
  kit: string,
  model: ApiModel,
): { doc: string; code: string } {
  const { operation } = entry;
  const success = operation.successResponse;
  const fields: [string, Code][] = [
    ['name', quoted(`${operation.sdk.resource}.${operation.sdk.method}`)],
    ['method', quoted(operation.method)],
    ['path', quoted(operation.path)],
    ['status', String(successStatus(success?.status))],
  ];
  if (success?.contentType !== undefined) {
    fields.push(['contentType', quoted(success.contentType)]);
    if (success.kind !== undefined && success.kind !== 'json')
      fields.push(['kind', quoted(success.kind)]);
    const { textSchema, schema } = success;
    const example = defaultExample(
      success.kind ?? 'json',
      answerExample(success, model.schemas)?.value ??
        (textSchema !== undefined
          ? minimalText(textSchema, model.schemas)
          : schema === undefined
            ? undefined
            : minimalValue(schema, model.schemas)),
    );
    if (example !== undefined) fields.push(['example', valueCode(example)]);
  }
  const request = requestExample(operation.body, model.schemas)?.value;
  if (request !== undefined) fields.push(['requestExample', valueCode(request)]);
  if (operation.body !== undefined) {
    fields.push(['requestKind', quoted(operation.body.kind)]);
    if (operation.body.kind === 'binary')
      fields.push(['requestContentType', quoted(operation.body.contentType)]);
    const lists = listFields(operation.body, model);
    if (lists.length > 0)
      fields.push(['listFields', { kind: 'array', items: lists.map((name) => quoted(name)) }]);
  }
  const pagination = operation.pagination;
  if (pagination !== undefined) {
    const limit = operation.parameters.find(
      (p) => p.in === 'query' && p.name === pagination.limitParam,
    );
    const defaultLimit =
      typeof limit?.schema.default === 'number' && limit.schema.default > 0
        ? limit.schema.default
        : 10;
    const entries: [string, Code][] = [
      ['afterParam', quoted(pagination.afterParam)],
      ...optional('beforeParam', pagination.beforeParam),
      ...optional('limitParam', pagination.limitParam),
      ['itemsField', quoted(pagination.itemsField)],
      ['nextCursorField', quoted(pagination.nextCursorField)],
      ...optional('prevCursorField', pagination.prevCursorField),
      ['defaultLimit', String(defaultLimit)],
    ];
    fields.push(['pagination', objectCode(entries)]);
  }
  const doc = `/** \`${operation.method.toUpperCase()} ${escapeJsDoc(operation.path)}\`${operation.summary === undefined ? '' : `: ${escapeJsDoc(oneLine(operation.summary))}`} */`;
  const head = `const ${entry.definition}: ${kit}.OperationDefinition =`;
  // As prettier writes it: a first line past the width breaks after `=` (helper-139 1).
  const code =
    head.length + ' {'.length <= WIDTH
      ? `${head} ${expandedObject(objectCode(fields))};`
      : `${head}\n  ${expandedObject(objectCode(fields), 2)};`;
  return { doc, code };
}

/**
 * What a mock replies with, and `fixtures` holds, for a success body of `kind` when its kind
 * decides the type: what the method resolves to (`Blob`, `URLSearchParams`, `FormData`), and an
 * event stream's text (the client parses it into events). Text is typed by its schema.
 */
function replyType(kind: BodyKind): string | undefined {
  return kind === 'event-stream' ? 'string' : kindResultType(kind);
}

/**
 * The part of the default answer the definition carries (the runtime's `defaultValue` builds the
 * rest): text and event streams a string (`''` when the example or smallest value is not one), a
 * form its fields, binary and multipart only a string example (else an empty body); JSON and
 * `*`/`*` the value itself (`null` when there is no schema).
 */
function defaultExample(kind: BodyKind, value: JsonValue | undefined): JsonValue | undefined {
  switch (kind) {
    case 'text':
    case 'event-stream':
      return typeof value === 'string' ? value : '';
    case 'binary':
    case 'multipart':
      return typeof value === 'string' ? value : undefined;
    case 'form':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
    case 'json':
    case 'any':
      return value ?? null;
  }
}

/**
 * The type of a request body as `calls` records it (templates/testing/runtime.ts, `readBody`):
 * `requestBody`, the type the method takes, for JSON and text; a form's or multipart body's
 * fields (`FormFields`, `MultipartFields` of it); a `Blob` for binary.
 */
function recordedBodyType(kind: BodyKind | undefined, requestBody: string, kit: string): string {
  switch (kind) {
    case 'form':
      return `${kit}.FormFields<${requestBody}>`;
    case 'multipart':
      return `${kit}.MultipartFields<${requestBody}>`;
    case 'binary':
      return 'Blob';
    default:
      return requestBody;
  }
}

/** The fields of a form or multipart body whose schema is an array, which `calls` records as lists. */
function listFields(body: NonNullable<OperationModel['body']>, model: ApiModel): string[] {
  if (body.kind !== 'form' && body.kind !== 'multipart') return [];
  const byName = new Map(model.schemas.map((schema) => [schema.name, schema]));
  return [...propertyNodes(body.schema, byName)]
    .filter(([, node]) => dereference(node, byName)?.kind === 'array')
    .map(([name]) => name);
}

/**
 * The type of `calls[].params`: the path's parameters by their names in the path template (as
 * the runtime reads them), each its text; `Record<never, never>` (no key at all) for a path without any.
 */
function paramsType(path: string): string {
  const names = [...new Set([...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!))];
  return names.length === 0
    ? 'Record<never, never>'
    : `{ ${names.map((name) => `${propertyKey(name)}: string;`).join(' ')} }`;
}

function optional(key: string, value: string | undefined): [string, Code][] {
  return value === undefined ? [] : [[key, quoted(value)]];
}

/** The status a mock answers with: the success response's, `200` for `2XX` or none. */
function successStatus(status: string | undefined): number {
  return status !== undefined && /^\d{3}$/.test(status) ? Number(status) : 200;
}

function mockClass(entry: OperationKit, kit: string): string {
  return entry.item === undefined
    ? `${kit}.OperationMock<${entry.result}, ${entry.body}, ${entry.error}, ${entry.params}>`
    : `${kit}.ListOperationMock<${entry.result}, ${entry.item}, ${entry.body}, ${entry.error}, ${entry.params}>`;
}

function byResource(kits: readonly OperationKit[]): Map<ResourceModel, OperationKit[]> {
  const map = new Map<ResourceModel, OperationKit[]>();
  for (const entry of kits) map.set(entry.resource, [...(map.get(entry.resource) ?? []), entry]);
  return map;
}

function operationDoc(entry: OperationKit): string {
  const { operation } = entry;
  const summary =
    operation.summary === undefined ? '' : `: ${escapeJsDoc(oneLine(operation.summary))}`;
  const deprecated = operation.deprecated ? ' @deprecated' : '';
  return `/** \`${operation.method.toUpperCase()} ${escapeJsDoc(operation.path)}\`${summary}.${deprecated} */`;
}

function mockInterface(
  kits: readonly OperationKit[],
  model: ApiModel,
  local: {
    mockType: string;
    httpHandler: string;
    kit: string;
    member: (name: MockMember) => string;
  },
): string {
  const resources = [...byResource(kits)].map(([resource, entries]) => {
    const members = entries.map(
      (entry) =>
        `    ${operationDoc(entry)}\n    readonly ${propertyKey(entry.operation.sdk.method)}: ${mockClass(entry, local.kit)};`,
    );
    return `  /** The mocks of \`client.${resource.name}\`. */\n  readonly ${propertyKey(resource.name)}: {\n${members.join('\n')}\n  };`;
  });
  return `/** A mock of every operation of the ${escapeJsDoc(oneLine(model.info.title))}, by resource as on the client: \`mock.${model.resources[0]?.name ?? 'resource'}.…\`. */
export interface ${local.mockType} {
${resources.join('\n')}
  /** The MSW handlers of every operation, concrete paths first: \`setupServer(...mock.${local.member('handlers')})\`. */
  readonly ${local.member('handlers')}: ${local.httpHandler}[];
  /** Every operation back to its default answer, with no calls recorded (call it after each test). */
  ${local.member('reset')}(): void;
}`;
}

function optionsInterface(model: ApiModel, optionsType: string): string {
  const server = model.info.serverUrl;
  const doc =
    server === undefined
      ? '/** Where the client sends its requests (the spec names no server). */'
      : model.info.serverUrlRelative === true
        ? `/** Where the client sends its requests; defaults to the spec's server, ${jsDocCode(server)}, a relative URL resolved against the page (\`setupWorker\`); with \`setupServer\` (Node) there is none, so pass an absolute one here and to the client. */`
        : `/** Where the client sends its requests; defaults to the spec's server, ${jsDocCode(server)}. */`;
  return `/** Options of {@link createMock}. */
export interface ${optionsType} {
  ${doc}
  baseURL${server === undefined ? '' : '?'}: string;
}`;
}

function createMockFunction(
  kits: readonly OperationKit[],
  model: ApiModel,
  local: {
    mockType: string;
    optionsType: string;
    kit: string;
    member: (name: MockMember) => string;
  },
): string {
  const server = model.info.serverUrl;
  const resources = [...byResource(kits)].map(([resource, entries]) => {
    const members = entries.map(
      (entry) =>
        `      ${propertyKey(entry.operation.sdk.method)}: new ${mockClass(entry, local.kit)}(${entry.definition}, baseURL),`,
    );
    return `    ${propertyKey(resource.name)}: {\n${members.join('\n')}\n    },`;
  });
  return `/**
 * Fresh mocks of every operation, answering with the spec's examples. Hand \`mock.${local.member('handlers')}\`
 * to MSW's \`setupServer\` (Node) or \`setupWorker\` (browser), and call \`mock.${local.member('reset')}()\` after
 * each test.
 */
export function createMock(options: ${local.optionsType}${server === undefined ? '' : ' = {}'}): ${local.mockType} {
  const baseURL = options.baseURL${server === undefined ? '' : ` ?? ${quoted(server)}`};
  const resources = {
${resources.join('\n')}
  };
  return {
    ...resources,
    ${local.member('handlers')}: ${local.kit}.handlersOf(resources),
    ${local.member('reset')}: () => ${local.kit}.resetAll(resources),
  };
}`;
}

function fixturesStatement(kits: readonly OperationKit[], kit: string): string {
  const resources = [...byResource(kits)]
    .map(([resource, entries]) => {
      const getters = entries
        .filter((entry) => entry.exampleSource !== 'none')
        .map((entry) => {
          const source =
            entry.exampleSource === 'example'
              ? exampleSummary(entry.answer?.summary)
              : `${smallestAnswer(entry.operation.successResponse?.kind)} (the spec has no example)`;
          return `    ${operationDoc(entry).replace(/\.?( @deprecated)? \*\/$/, `: ${source}.$1 */`)}\n    get ${propertyKey(entry.operation.sdk.method)}(): ${entry.result} {\n      return ${kit}.defaultValue<${entry.result}>(${entry.definition});\n    },`;
        });
      return getters.length === 0
        ? ''
        : `  ${propertyKey(resource.name)}: {\n${getters.join('\n')}\n  },`;
    })
    .filter((text) => text !== '');
  return `/**
 * What each mock answers by default, as typed copies (change them freely): the spec's example of
 * the operation's success response.
 */
export const fixtures = {
${resources.join('\n')}
};`;
}

/**
 * Whether `fixtures` has a default answer for the operation: it has one for every operation whose
 * success response has a body.
 */
export function hasFixture(operation: OperationModel): boolean {
  return operation.successResponse?.contentType !== undefined;
}

function requestFixturesStatement(kits: readonly OperationKit[], kit: string): string {
  const resources = [...byResource(kits)]
    .map(([resource, entries]) => {
      const getters = entries
        .filter((entry) => entry.request !== undefined)
        .map((entry) => {
          const summary = exampleSummary(entry.request?.summary);
          return `    ${operationDoc(entry).replace(/\.?( @deprecated)? \*\/$/, `: ${summary}.$1 */`)}\n    get ${propertyKey(entry.operation.sdk.method)}(): ${entry.requestBody} {\n      return ${kit}.requestFixture<${entry.requestBody}>(${entry.definition});\n    },`;
        });
      return getters.length === 0
        ? ''
        : `  ${propertyKey(resource.name)}: {\n${getters.join('\n')}\n  },`;
    })
    .filter((text) => text !== '');
  return `/** The spec's request body examples, as typed copies, for the operations that have one. */
export const requestFixtures = {
${resources.join('\n')}
};`;
}

/** How `fixtures` describes a default answer built without an example, by the body's kind. */
function smallestAnswer(kind: BodyKind | undefined): string {
  switch (kind) {
    case 'binary':
      return 'an empty body';
    case 'multipart':
      return 'a form without parts';
    case 'event-stream':
      return 'a stream without events';
    default:
      return 'the smallest value its schema allows';
  }
}

function exampleSummary(summary: string | undefined): string {
  return summary === undefined
    ? "the spec's example"
    : `the spec's example "${escapeJsDoc(oneLine(summary))}"`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The members `createMock()` returns beside the resources. */
type MockMember = 'handlers' | 'reset';

/**
 * The name of one of the mock's own members: `handlers`, or `$handlers` when a resource is named
 * `handlers` (the resource keeps its name). The README's snippets use it too.
 */
export function mockMember(model: Pick<ApiModel, 'resources'>, name: MockMember): string {
  return model.resources.some((resource) => resource.name === name) ? `$${name}` : name;
}
