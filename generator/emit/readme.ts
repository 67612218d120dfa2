/**
 * README.md of the generated package: what a user reads first. templates/package/README.md.tmpl
 * holds the prose; this fills in what comes from the model: the configuration the client reads
 * from the environment, one example per operation (readme-examples.ts), and for each feature an
 * example built on an operation of the spec that shows it (a retrieve for errors and timeouts, a
 * list for pagination, an operation with an idempotency key for idempotency). Sections for
 * features the spec does not use (no list operation, no idempotency key) are left out.
 *
 * Every code block is a TypeScript module that type-checks against the built package, given a
 * `client` where it does not make its own (test/package/readme.test.ts).
 */
import { markdownCode, markdownProse, markdownText } from '../escape.ts';
import { propertyAccess, propertyKey } from '../model/names.ts';
import { upperSnake } from '../model/sdk-names.ts';
import type { ApiModel, NamedSchema, OperationModel, ResourceModel } from '../model/types.ts';
import { constructClient, joinAnd, operationCodeSample } from './code-samples.ts';
import { reviveName } from './dates/code.ts';
import { planDates, type Reviver } from './dates/plan.ts';
import {
  callArguments,
  exampleArguments,
  exampleCall,
  uncallableNote,
  importStatement,
  pathsClientCall,
  quoted,
  resultName,
  statement,
  withOptions,
} from './readme-examples.ts';
import { jsonCode, objectCode, type Code } from './code-print.ts';
import { minimalValue } from './testing/values.ts';
import { hasFixture, mockMember } from './testing.ts';
import { fillTemplate, readTemplate } from './template.ts';
import type { EmittedTextFile } from './types.ts';
import { apiPhrase } from './api-phrase.ts';
import { pushAll } from '../json.ts';

const README_PATH = 'README.md';

/** Names the generated client module exports (generator/emit/client/client-file.ts). */
/** The base URL the testing example gives the mocks and the client when the spec names no server. */
const TEST_BASE_URL = 'https://api.example.test';

/**
 * The name the package exports a runtime name under (`APIError`, or `<Client>APIError` where a
 * schema already has the name; `ApiModel.clientExports`), for the examples' imports and code.
 */
function runtimeName(model: ApiModel, name: string): string {
  return model.clientExports.runtime.find((entry) => entry.name === name)?.exportedAs ?? name;
}

/**
 * The templates' `{{runtime_APIError}}`, … placeholders: the prose names the runtime's classes and
 * types as the package exports them, as the examples do (`<Client>NotFoundError` where a schema is
 * `NotFoundError`), never a name that is the schema's or the client's.
 */
function runtimeNames(model: ApiModel): Record<string, string> {
  return Object.fromEntries(
    model.clientExports.runtime.map((entry) => [`runtime_${entry.name}`, entry.exportedAs]),
  );
}

/** The operations the feature sections are shown with. */
interface Showcase {
  /** One that reads something: a GET with path parameters that returns a body (errors, timeouts, raw responses). */
  read: { resource: ResourceModel; operation: OperationModel };
  paginated?: { resource: ResourceModel; operation: OperationModel };
  idempotent?: { resource: ResourceModel; operation: OperationModel };
  /** The schema the read operation returns, for the guards. */
  schema?: NamedSchema;
}

export function emitReadme(model: ApiModel): EmittedTextFile {
  const { packageName, clientName } = model.sdk;
  const showcase = pickShowcase(model);
  const values: Record<string, string> = {
    ...runtimeNames(model),
    packageName,
    clientName,
    apiPhrase: markdownText(apiPhrase(model.info.title)),
    apiVersion: markdownText(model.info.version),
    summary: firstParagraph(model.info.description),
    configureExample: configureExample(model),
    environmentList: environmentList(model),
    otherOptions: otherOptions(showcase),
    quickStart:
      showcase === undefined
        ? constructClient(model)
        : operationCodeSample(showcase.read.resource, showcase.read.operation, model),
    usage: model.resources.map((resource) => resourceSection(resource, model)).join('\n\n'),
    paginationSection: '',
    idempotencySection: '',
    guardsSection: '',
    datesSection: '',
    errorsExample: '',
    retriesExample: '',
    timeoutsExample: '',
    withResponseExample: '',
    validationExample: '',
    loggingExample: loggingExample(model),
    pathsClientName: model.clientExports.pathsClient,
    pathsClientExample: '',
    typesExample: '',
    testingSection: testingSection(showcase, model),
  };
  if (showcase !== undefined) {
    Object.assign(values, {
      errorsExample: errorsExample(showcase, model),
      retriesExample: retriesExample(showcase, model),
      timeoutsExample: timeoutsExample(showcase, model),
      withResponseExample: withResponseExample(showcase, model),
      validationExample: validationExample(showcase, model),
      pathsClientExample: pathsClientExample(showcase, model),
      typesExample: typesExample(showcase, model),
    });
    if (showcase.paginated !== undefined)
      values.paginationSection = paginationSection(showcase.paginated, model);
    if (showcase.idempotent !== undefined)
      values.idempotencySection = idempotencySection(showcase.idempotent, model);
    if (showcase.schema !== undefined) values.guardsSection = guardsSection(showcase.schema, model);
    const dates =
      showcase.schema === undefined
        ? undefined
        : planDates(model.schemas).get(showcase.schema.name);
    if (dates !== undefined) values.datesSection = datesSection(showcase, dates, model);
  }
  const text = fillTemplate(readTemplate('package/README.md.tmpl'), values, 'README.md.tmpl');
  return { path: README_PATH, text: tidy(withoutDanglingAnchors(text)) };
}

/**
 * Links to `#fragments` no heading of the README has, as their text alone: spec descriptions
 * written for another renderer link into its pages (Redoc's and Scalar's
 * `[all planets](#tag/planets/GET/planets)`), and here such a link goes nowhere (helper-109).
 * Headings' anchors as GitHub and npm make them: lower case, punctuation dropped, spaces to
 * hyphens. Fenced code is left as it is.
 */
function withoutDanglingAnchors(markdown: string): string {
  // Split on fences: the odd parts are code blocks.
  const parts = markdown.split(/(```[\s\S]*?```)/);
  const prose = parts.filter((_, i) => i % 2 === 0).join('\n');
  const anchors = new Set(
    [...prose.matchAll(/^#{1,6} (.+)$/gm)].map((match) =>
      match[1]!
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_\- ]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/\[([^\]\n]*)\]\(#([^)\s]*)\)/g, (link, text: string, anchor: string) =>
            anchors.has(anchor.toLowerCase()) ? link : text,
          ),
    )
    .join('');
}

function pickShowcase(model: ApiModel): Showcase | undefined {
  const all = model.resources.flatMap((resource) =>
    resource.operations
      .filter((operation) => uncallableNote(operation) === undefined)
      .map((operation) => ({ resource, operation })),
  );
  const plain = all.filter(({ operation }) => operation.pagination === undefined);
  const read =
    plain.find(
      ({ operation }) =>
        operation.method === 'get' &&
        operation.successResponse?.schema !== undefined &&
        hasPathArgument(operation),
    ) ??
    plain.find(
      ({ operation }) =>
        operation.method === 'get' && operation.successResponse?.schema !== undefined,
    ) ??
    plain[0];
  if (read === undefined) return undefined;
  const idempotent = plain.filter(({ operation }) => operation.idempotent);
  const result = read.operation.successResponse?.schema;
  const schema =
    result?.kind === 'ref'
      ? model.schemas.find((named) => named.name === result.target)
      : undefined;
  const showcase: Showcase = { read };
  const paginated = all.find(({ operation }) => operation.pagination !== undefined);
  if (paginated !== undefined) showcase.paginated = paginated;
  const withBody =
    idempotent.find(({ operation }) => operation.body !== undefined) ?? idempotent[0];
  if (withBody !== undefined) showcase.idempotent = withBody;
  if (schema !== undefined) showcase.schema = schema;
  return showcase;
}

function hasPathArgument(operation: OperationModel): boolean {
  return operation.parameters.some(
    (parameter) => parameter.in === 'path' && parameter.clientOption === undefined,
  );
}

function configureExample(model: ApiModel): string {
  const { clientName, packageName } = model.sdk;
  const entries: [string, string][] = [];
  if (model.tokenAuth !== undefined) entries.push(['token', quoted('YOUR_API_TOKEN')]);
  const credentials = firstChoiceCredentials(model).map(
    (name) => `${credentialKey(name)}: ${quoted(`YOUR_${upperSnake(name) || 'CREDENTIAL'}`)}`,
  );
  if (credentials.length > 0) {
    // On one line where it fits prettier's width (100, with `  credentials: ` and `,`).
    const line = `{ ${credentials.join(', ')} }`;
    entries.push([
      'credentials',
      line.length + 16 <= 100
        ? line
        : `{\n${credentials.map((entry) => `    ${entry},`).join('\n')}\n  }`,
    ]);
  }
  for (const option of model.sdk.clientOptions)
    entries.push([option.name, clientOptionValue(model, option.name)]);
  const construct =
    entries.length === 0
      ? `const client = new ${clientName}();`
      : `const client = new ${clientName}({\n${entries.map(([key, value]) => `  ${key}: ${value},`).join('\n')}\n});`;
  return `${importStatement([clientName], packageName)}\n\n${construct}`;
}

/** Where a credential goes, in Markdown: `the \`X-App-Id\` header`, `HTTP Basic`. */
function sentIn(credential: ApiModel['credentials'][number]): string {
  switch (credential.kind) {
    case 'bearer':
      return '`Authorization: Bearer`';
    case 'basic':
      return 'HTTP Basic, `username:password`';
    case 'apiKey':
      return `the ${markdownCode(credential.name)} ${credential.in === 'query' ? 'query parameter' : credential.in}`;
  }
}

/**
 * The credentials some operation's first security alternative takes besides the token, in the
 * order of `ApiModel.credentials`: those a user of that operation gives.
 */
function firstChoiceCredentials(model: ApiModel): string[] {
  const first = new Set(
    model.operations.flatMap((operation) => operation.credentialAlternatives?.[0] ?? []),
  );
  return model.credentials
    .map((credential) => credential.schemeName)
    .filter((name) => first.has(name));
}

/** A credential's key in an object literal: `['__proto__']`, which a plain key would not set. */
function credentialKey(name: string): string {
  return name === '__proto__' ? `[${quoted(name)}]` : propertyKey(name);
}

/** An example value for a client option: the example of a parameter it fills. */
function clientOptionValue(model: ApiModel, option: string): string {
  for (const operation of model.operations) {
    const parameter = operation.parameters.find((candidate) => candidate.clientOption === option);
    if (parameter?.example !== undefined && typeof parameter.example === 'string')
      return quoted(parameter.example);
  }
  return quoted(`your-${option}`);
}

function environmentList(model: ApiModel): string {
  const { envPrefix } = model.sdk;
  const lines: string[] = [];
  if (model.tokenAuth !== undefined)
    lines.push(
      !model.tokenOptional
        ? `- \`token\`: \`${envPrefix}_TOKEN\`. Required: the constructor throws without one.`
        : model.credentials.length > 0
          ? `- \`token\`: \`${envPrefix}_TOKEN\`. Optional: no operation requires it; each also takes a credential of \`credentials\` (or, where the spec says so, none).`
          : `- \`token\`: \`${envPrefix}_TOKEN\`. Optional: every operation also takes calls without a credential.`,
    );
  // The other security schemes' credentials: each call sends the first of its operation's
  // requirements the client has every credential of.
  for (const credential of model.credentials)
    lines.push(
      `- ${markdownCode(`credentials${propertyAccess(credential.schemeName)}`)}: ${credential.envVar === undefined ? 'no environment variable: pass it in `credentials`' : `\`${credential.envVar}\``}. The credential of the ${markdownCode(credential.schemeName === '' ? '""' : credential.schemeName)} security scheme (${sentIn(credential)}), sent where an operation's \`security\` requires it.`,
    );
  for (const option of model.sdk.clientOptions) {
    lines.push(
      `- ${markdownCode(option.name)}: \`${option.envVar}\`. The default ${markdownCode(option.parameterName)} of every call; a call can pass its own.`,
    );
  }
  const server = model.info.serverUrl;
  lines.push(
    `- \`baseURL\`: \`${envPrefix}_BASE_URL\`${server === undefined ? '' : `, else ${markdownCode(server)}`}.${model.info.serverUrlRelative === true ? ` That default is relative: in a browser it is resolved against the page, as fetch resolves it; where there is no page (Node, Deno, Bun) a call fails with an \`${runtimeName(model, 'SDKError')}\` until you pass the API's absolute URL, \`baseURL: 'https://…'\`.` : ''}`,
  );
  if (model.credentials.length > 0)
    lines.push(
      '',
      "A call sends the credentials its operation's `security` asks for: the first of its requirements the client has every credential of (the token counts as one), none where the operation takes calls without one, and the token when it has none of them. Each is redacted from errors and logs as the token is.",
    );
  return lines.join('\n');
}

/** The client's other options, each with the section that explains it (when the README has one). */
function otherOptions(showcase: Showcase | undefined): string {
  const lines = [
    '- `timeout`, `maxRetries` and `backoff`: [retries](#retries) and [timeouts](#timeouts-and-cancellation).',
    ...(showcase?.idempotent === undefined
      ? []
      : ['- `autoIdempotencyKeys`: [idempotency](#idempotency).']),
    '- `responseValidation` and `responseGuards`: [response validation](#response-validation).',
    '- `logger` and `logLevel`: [logging](#logging).',
    '- `maxResponseSize`: [the response size limit](#response-bodies-and-media-types).',
    '- `defaultHeaders`: headers sent with every request.',
    '- `fetch`: replaces `globalThis.fetch`, e.g. for a proxy, tests or instrumentation. It is called as `fetch(url, init)`, with the absolute URL as a string, never a `Request`.',
  ];
  return lines.join('\n');
}

function resourceSection(resource: ResourceModel, model: ApiModel): string {
  const lines = [`### \`client.${resource.name}\``];
  for (const operation of resource.operations)
    lines.push('', operationSection(resource, operation, model));
  return lines.join('\n');
}

function operationSection(
  resource: ResourceModel,
  operation: OperationModel,
  model: ApiModel,
): string {
  const title =
    operation.summary !== undefined
      ? markdownText(operation.summary)
      : `\`${operation.sdk.method}\``;
  const notes = [
    markdownCode(`${operation.method.toUpperCase()} ${operation.path}`),
    ...(operation.deprecated ? ['**Deprecated.**'] : []),
    ...(operation.preview === true ? ['**Preview:** may change without notice.'] : []),
  ];
  const uncallable = uncallableNote(operation);
  return [
    `#### ${title}`,
    '',
    notes.join(' · '),
    '',
    ...(uncallable === undefined
      ? ['```ts', exampleCall(resource, operation, model), '```']
      : [uncallable]),
  ].join('\n');
}

/** `const plan = await client.plans.retrieve(…)` with `args`, or `await …` when nothing comes back. */
function awaitedCall(
  example: { resource: ResourceModel; operation: OperationModel },
  args: readonly Code[],
  indent = '',
): string {
  const name = resultName(example.resource, example.operation);
  const callee = `client.${example.resource.name}.${example.operation.sdk.method}`;
  const prefix = name === undefined ? 'await ' : `const ${name} = await `;
  const call = statement(prefix, callee, args, ';', indent.length);
  const use = name === undefined ? [] : [`console.log(${name});`];
  return [call, ...use].map((line) => indentLines(line, indent)).join('\n');
}

function errorsExample(showcase: Showcase, model: ApiModel): string {
  const { read } = showcase;
  const args = callArguments(exampleArguments(read.resource, read.operation, model));
  const [connection, api, notFound] = ['APIConnectionError', 'APIError', 'NotFoundError'].map(
    (name) => runtimeName(model, name),
  );
  return [
    importStatement([connection!, api!, notFound!], model.sdk.packageName),
    '',
    'try {',
    awaitedCall(read, args, '  '),
    '} catch (error) {',
    `  if (error instanceof ${notFound!}) {`,
    "    console.log('Not found:', error.message);",
    `  } else if (error instanceof ${api!}) {`,
    '    console.log(error.status, error.body, error.requestID);',
    `  } else if (error instanceof ${connection!}) {`,
    "    console.log('No answer:', error.message);",
    '  } else {',
    '    throw error;',
    '  }',
    '}',
  ].join('\n');
}

function retriesExample(showcase: Showcase, model: ApiModel): string {
  const { clientName, packageName } = model.sdk;
  const call = exampleArguments(showcase.read.resource, showcase.read.operation, model);
  return [
    importStatement([clientName], packageName),
    '',
    `const client = new ${clientName}({`,
    '  maxRetries: 4,',
    '  backoff: { initialDelay: 250, maxDelay: 4_000 },',
    '});',
    '',
    '// No retries for this call:',
    awaitedCall(showcase.read, withOptions(call, objectCode([['maxRetries', '0']]))),
  ].join('\n');
}

function timeoutsExample(showcase: Showcase, model: ApiModel): string {
  const { clientName, packageName } = model.sdk;
  const call = exampleArguments(showcase.read.resource, showcase.read.operation, model);
  const timedOut = runtimeName(model, 'APIConnectionTimeoutError');
  const aborted = runtimeName(model, 'APIUserAbortError');
  return [
    importStatement([timedOut, aborted, clientName], packageName),
    '',
    statement('const client = new ', clientName, [objectCode([['timeout', '10_000']])], ';'),
    '',
    'const controller = new AbortController();',
    'setTimeout(() => controller.abort(), 5_000);',
    'try {',
    awaitedCall(
      showcase.read,
      withOptions(
        call,
        objectCode([
          ['timeout', '2_000'],
          ['signal', 'controller.signal'],
        ]),
      ),
      '  ',
    ),
    '} catch (error) {',
    `  if (error instanceof ${timedOut}) console.log('Too slow.');`,
    `  else if (error instanceof ${aborted}) console.log('Cancelled.');`,
    '  else throw error;',
    '}',
  ].join('\n');
}

function withResponseExample(showcase: Showcase, model: ApiModel): string {
  const { read } = showcase;
  const call = exampleArguments(read.resource, read.operation, model);
  return [
    statement('const call = ', call.callee, callArguments(call), ';'),
    'const { data, response, requestID } = await call.withResponse();',
    "console.log(response.status, response.headers.get('content-type'), requestID, data);",
  ].join('\n');
}

function validationExample(showcase: Showcase, model: ApiModel): string {
  const { clientName, packageName } = model.sdk;
  const args = callArguments(
    exampleArguments(showcase.read.resource, showcase.read.operation, model),
  );
  const invalid = runtimeName(model, 'ResponseValidationError');
  const guards = model.clientExports.responseGuards;
  return [
    importStatement([clientName, invalid, guards], packageName),
    '',
    statement(
      'const client = new ',
      clientName,
      [
        objectCode([
          ['responseValidation', quoted('throw')],
          ['responseGuards', guards],
        ]),
      ],
      ';',
    ),
    '',
    'try {',
    awaitedCall(showcase.read, args, '  '),
    '} catch (error) {',
    `  if (error instanceof ${invalid}) {`,
    '    for (const issue of error.issues) console.log(issue.path, issue.expected, issue.found);',
    '  }',
    '  throw error;',
    '}',
  ].join('\n');
}

function loggingExample(model: ApiModel): string {
  const { clientName, packageName } = model.sdk;
  return [
    importStatement([clientName], packageName),
    '',
    '// Any object with error, warn, info and debug methods that take a string will do.',
    statement(
      'const client = new ',
      clientName,
      [
        objectCode([
          ['logLevel', quoted('debug')],
          ['logger', 'console'],
        ]),
      ],
      ';',
    ),
  ].join('\n');
}

function pathsClientExample(showcase: Showcase, model: ApiModel): string {
  const { pathsClient } = model.clientExports;
  return [
    importStatement([pathsClient], model.sdk.packageName),
    '',
    `const api = ${pathsClient}(client);`,
    pathsClientCall(
      showcase.read.operation,
      model,
      'const { data, error, response } = await ',
      'api',
    ),
    'console.log(response.status, data ?? error);',
  ].join('\n');
}

function typesExample(showcase: Showcase, model: ApiModel): string {
  const { operation } = showcase.read;
  const names = [
    ...(showcase.schema === undefined ? [] : [showcase.schema.name]),
    // A method without a params argument has no params type.
    ...(operation.shape.form === 'none' ? [] : [operation.typeNames.params]),
    ...(operation.typeNames.response === undefined ? [] : [operation.typeNames.response]),
  ];
  return [
    // A spec of operations that take and return nothing, without schemas, has no such type.
    ...(names.length === 0
      ? []
      : [
          '// A type for every schema, and the params and result of every method:',
          importStatement(names, model.sdk.packageName, true),
        ]),
    '// The raw types of the OpenAPI description (openapi-typescript):',
    importStatement(['components', 'operations', 'paths'], model.sdk.packageName, true),
  ].join('\n');
}

/**
 * The testing kit (`<package>/testing`, emit/testing.ts): set-up, a reply and a failure on the
 * showcase's read operation, with the spec's error body.
 */
function testingSection(showcase: Showcase | undefined, model: ApiModel): string {
  const { clientName, packageName } = model.sdk;
  const entries: [string, Code][] = [];
  // A spec without a server: the mocks and the client need a base URL of the test's.
  // A relative default too: MSW in Node has no page to resolve it against.
  const baseURL: [string, Code][] =
    model.info.serverUrl === undefined || model.info.serverUrlRelative === true
      ? [['baseURL', quoted(TEST_BASE_URL)]]
      : [];
  pushAll(entries, baseURL);
  if (model.tokenAuth !== undefined) entries.push(['token', quoted('test-token')]);
  for (const option of model.sdk.clientOptions)
    entries.push([option.name, clientOptionValue(model, option.name)]);
  const fixture =
    showcase !== undefined && hasFixture(showcase.read.operation)
      ? `fixtures.${showcase.read.resource.name}.${showcase.read.operation.sdk.method}`
      : undefined;
  const lines = [
    "import { setupServer } from 'msw/node';",
    importStatement([clientName], packageName),
    importStatement(
      ['createMock', ...(fixture === undefined ? [] : ['fixtures'])],
      `${packageName}/testing`,
    ),
    '',
    statement(
      'const mock = ',
      'createMock',
      baseURL.length === 0 ? [] : [objectCode(baseURL)],
      ';',
    ),
    `const server = setupServer(...mock.${mockMember(model, 'handlers')});`,
    "server.listen({ onUnhandledRequest: 'error' }); // in beforeAll",
    statement(
      'const client = new ',
      clientName,
      entries.length === 0 ? [] : [objectCode(entries)],
      ';',
    ),
  ];
  if (showcase !== undefined) {
    const { read } = showcase;
    const mockOf = `mock.${read.resource.name}.${read.operation.sdk.method}`;
    const changed = stringProperty(read.operation, model);
    const call = exampleArguments(read.resource, read.operation, model);
    if (fixture !== undefined) {
      const reply =
        changed === undefined
          ? fixture
          : objectCode([
              [`...${fixture}`, ''],
              [changed, quoted('Changed for this test')],
            ]);
      lines.push(
        '',
        "// The spec's example, changed for this test:",
        statement('', `${mockOf}.reply`, [reply], ';'),
      );
    } else lines.push('', '// The default answer (the operation answers without a body):');
    lines.push(awaitedCall(read, callArguments(call)), `console.log(${mockOf}.calls.length); // 1`);
    const error = errorExample(read.operation, model);
    if (error !== undefined) {
      lines.push(
        '',
        "// An error answer, with the API's error body:",
        statement('', `${mockOf}.fail`, ['404', error], ';'),
      );
    }
  }
  const reset = `mock.${mockMember(model, 'reset')}()`;
  lines.push('', `${reset}; // in afterEach`, 'server.close(); // in afterAll');
  const paginated = showcase?.paginated;
  return fillTemplate(
    readTemplate('package/readme/testing.md.tmpl'),
    {
      packageName,
      testingExample: lines.join('\n'),
      reset,
      listMock:
        paginated === undefined
          ? 'mock.<resource>.<list method>'
          : `mock.${paginated.resource.name}.${paginated.operation.sdk.method}`,
      defaultBaseURL:
        model.info.serverUrl === undefined
          ? 'a base URL of its own (the spec names no server, so `baseURL` is required)'
          : model.info.serverUrlRelative === true
            ? `${markdownCode(model.info.serverUrl)} resolved against the page (a relative URL: outside a browser, pass \`baseURL\`)`
            : markdownCode(model.info.serverUrl),
    },
    'readme/testing.md.tmpl',
  );
}

/** A required string property of the operation's result schema (not an enum), to change in the example. */
function stringProperty(operation: OperationModel, model: ApiModel): string | undefined {
  const schema = operation.successResponse?.schema;
  if (schema?.kind !== 'ref') return undefined;
  const target = model.schemas.find((named) => named.name === schema.target)?.node;
  // A schema that allows null: spreading `T | null` makes every property optional.
  if (target?.kind !== 'object' || target.nullable) return undefined;
  return target.properties.find(
    (property) =>
      property.required &&
      property.node.kind === 'string' &&
      !property.node.nullable &&
      property.node.format === undefined &&
      /^[A-Za-z_$][\w$]*$/.test(property.name) &&
      /name|title|description/i.test(property.name),
  )?.name;
}

/** The smallest valid body of the operation's 404 (else first 4xx, else default) error response. */
function errorExample(operation: OperationModel, model: ApiModel): Code | undefined {
  const errors = operation.responses.filter((response) => response.schema !== undefined);
  const response =
    errors.find((candidate) => candidate.status === '404') ??
    errors.find((candidate) => /^4/.test(candidate.status)) ??
    errors.find((candidate) => candidate.status === 'default');
  if (response?.schema === undefined) return undefined;
  return jsonCode(minimalValue(response.schema, model.schemas));
}

function paginationSection(
  example: { resource: ResourceModel; operation: OperationModel },
  model: ApiModel,
): string {
  const pagination = example.operation.pagination!;
  const extraQuery: [string, number][] =
    pagination.limitParam === undefined ? [] : [[pagination.limitParam, 20]];
  const call = exampleArguments(example.resource, example.operation, model, {
    filters: false,
    extraQuery,
  });
  const args = callArguments(call);
  const item = itemVariable(example, model);
  const code = [
    statement('const page = await ', call.callee, args, ';'),
    `console.log(page${propertyAccess(pagination.itemsField, quoted)});`,
    'if (page.hasNextPage()) {',
    '  const next = await page.nextPage();',
    `  console.log(next${propertyAccess(pagination.itemsField, quoted)});`,
    '}',
    '',
    statement(`for await (const ${item} of `, call.callee, args, ') {'),
    `  console.log(${item});`,
    '}',
  ].join('\n');
  return fillTemplate(
    readTemplate('package/readme/pagination.md.tmpl'),
    {
      ...runtimeNames(model),
      itemsField: pagination.itemsField,
      nextCursorField: pagination.nextCursorField,
      paginationExample: code,
    },
    'readme/pagination.md.tmpl',
  );
}

function itemVariable(
  example: { resource: ResourceModel; operation: OperationModel },
  model: ApiModel,
): string {
  // The README's own per-operation example names the item; reuse its choice.
  const match = /for await \(const (\w+) of /.exec(
    exampleCall(example.resource, example.operation, model),
  );
  return match?.[1] ?? 'item';
}

function idempotencySection(
  example: { resource: ResourceModel; operation: OperationModel },
  model: ApiModel,
): string {
  const call = exampleArguments(example.resource, example.operation, model);
  const code = [
    '// A key of your own:',
    awaitedCall(example, withOptions(call, objectCode([['idempotencyKey', quoted('order-1234')]]))),
    '',
    '// The key the client generated:',
    statement('const call = ', call.callee, callArguments(call), ';'),
    'const { idempotencyKey } = await call.withResponse();',
    'console.log(idempotencyKey);',
  ].join('\n');
  const operations = model.operations.filter((operation) => operation.idempotent);
  const named = operations
    .slice(0, 8)
    .map((operation) => `\`${operation.sdk.resource}.${operation.sdk.method}\``);
  const list =
    operations.length > 8
      ? `${named.join(', ')} and ${operations.length - 8} more`
      : joinAnd(named);
  return fillTemplate(
    readTemplate('package/readme/idempotency.md.tmpl'),
    { idempotentOperations: list, idempotencyExample: code },
    'readme/idempotency.md.tmpl',
  );
}

function guardsSection(schema: NamedSchema, model: ApiModel): string {
  const name = schema.name;
  const code = [
    importStatement([`assert${name}`, `is${name}`, `validate${name}`], model.sdk.packageName),
    '',
    'export function handle(value: unknown): void {',
    `  if (is${name}(value)) console.log('valid', value);`,
    '',
    `  const result = validate${name}(value);`,
    '  if (result.ok === false) {',
    '    for (const issue of result.issues) console.log(issue.path, issue.expected, issue.found);',
    '  }',
    '',
    `  assert${name}(value); // throws unless valid`,
    `  console.log(value); // typed as ${name} from here on`,
    '}',
  ].join('\n');
  return fillTemplate(
    readTemplate('package/readme/guards.md.tmpl'),
    { schema: name, guardsExample: code },
    'readme/guards.md.tmpl',
  );
}

/** The date helpers (generator/emit/dates), shown on what the read operation returns. */
function datesSection(showcase: Showcase, reviver: Reviver, model: ApiModel): string {
  const name = showcase.schema!.name;
  const revive = reviveName(name);
  const serialize = `serialize${name}`;
  const call = exampleArguments(showcase.read.resource, showcase.read.operation, model);
  const variable = resultName(showcase.read.resource, showcase.read.operation) ?? 'value';
  // A date directly on the object, to show it is a Date now.
  const date =
    reviver.kind === 'object'
      ? reviver.properties.find((property) => property.reviver.kind === 'date')
      : undefined;
  // A schema that allows null itself (`nullable: true` beside its properties) revives to `T | null`.
  const onRevived = (access: string): string =>
    showcase.schema!.node.nullable
      ? `revived?.${access.startsWith('.') ? access.slice(1) : access}`
      : `revived${access}`;
  const dateLine =
    date === undefined
      ? 'console.log(revived);'
      : `console.log(${onRevived(propertyAccess(date.name, quoted))}${date.required && !date.reviver.nullable ? '.' : '?.'}toISOString());`;
  const code = [
    importStatement([revive, serialize], model.sdk.packageName),
    '',
    statement(`const ${variable} = await `, call.callee, callArguments(call), ';'),
    `const revived = ${revive}(${variable});`,
    dateLine,
    `const wire = ${serialize}(revived);`,
    'console.log(wire);',
  ].join('\n');
  return fillTemplate(
    readTemplate('package/readme/dates.md.tmpl'),
    { schema: name, datesExample: code },
    'readme/dates.md.tmpl',
  );
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${indent}${line}`))
    .join('\n');
}

/** Sections left out leave blank lines behind: at most one blank line between blocks, one newline at the end. */
function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function firstParagraph(description: string | undefined): string {
  if (description === undefined) return '';
  const paragraph = description.trim().split(/\n\s*\n/)[0] ?? '';
  return markdownProse(paragraph.replace(/\s+/g, ' '));
}
