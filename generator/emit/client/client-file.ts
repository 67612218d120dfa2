/**
 * `src/client.ts`: the client class (`Gigs`), its options, and the public runtime re-exported
 * (errors, `RequestOptions`, pages), so the package's entry point exports them through it.
 *
 * ```ts
 * const gigs = new Gigs({ token, project }); // or GIGS_TOKEN / GIGS_PROJECT from the environment
 * await gigs.plans.retrieve('pln_123');
 * await pathsClient(gigs).GET('/projects/{project}/plans', …); // the typed path client, the escape hatch
 * ```
 */
import {
  StructureKind,
  type ClassDeclarationStructure,
  type ExportDeclarationStructure,
  type ExportSpecifierStructure,
  type FunctionDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertyDeclarationStructure,
  type PropertySignatureStructure,
} from 'ts-morph';
import { jsDocCode, quotedString } from '../../escape.ts';
import { valueText } from '../code-print.ts';
import {
  escapeJsDoc,
  propertyAccess,
  propertyKey,
  stringLiteral,
  words,
} from '../../model/names.ts';
import type {
  ApiModel,
  AuthModel,
  BodyKind,
  ResourceModel,
  RuntimeExport,
} from '../../model/types.ts';
import type { EmittedSourceFile } from '../types.ts';
import { ImportPlan } from './imports.ts';
import {
  acceptHeader,
  cookieStylesEntry,
  encodingEntry,
  headerStylesEntry,
  pathStyleEntry,
  queryStyleEntry,
} from './media.ts';
import { emitResponseGuardsFile, RESPONSE_GUARDS_MODULE } from './response-guards-file.ts';
import { docLink } from '../doc-text.ts';

const CLIENT_PATH = 'src/client.ts';

/** A resource as the client holds it. */
export interface ClientResource {
  resource: ResourceModel;
  /** The client's property, e.g. `plans`. */
  property: string;
  /** Module specifier from src/, e.g. `./resources/plans.js`. */
  moduleSpecifier: string;
}

/** How the client sends its token (the runtime's `Auth`), and the words that say so in its TSDoc. */
type TokenAuth = {
  in: 'header' | 'query' | 'cookie';
  name: string;
  scheme: string | undefined;
  describe: string;
};

/** `src/client.ts`, and `src/response-guards.ts`, whose table it re-exports. */
export function emitClientFile(
  model: ApiModel,
  resources: readonly ClientResource[],
): EmittedSourceFile[] {
  const { clientName, envPrefix } = model.sdk;
  const {
    options: optionsName,
    responseGuards: guardsName,
    pathsClient: pathsClientName,
  } = model.clientExports;
  const imports = new ImportPlan([clientName, optionsName]);
  const auth = model.tokenAuth === undefined ? undefined : sentAs(model.tokenAuth);

  const sdkError = imports.value('./runtime/errors.js', 'SDKError');
  const readEnv = imports.value('./runtime/internal/env.js', 'readEnv');
  const env = (suffix: string) => stringLiteral(`${envPrefix}_${suffix}`);

  // Options interface.
  const optionMembers: OptionalKind<PropertySignatureStructure>[] = [];
  if (auth !== undefined) {
    optionMembers.push({
      name: 'token',
      type: 'string | undefined',
      hasQuestionToken: true,
      docs: [
        `The API token, ${auth.describe}. Defaults to the \`${envPrefix}_TOKEN\` environment variable.${!model.tokenOptional ? '' : model.credentials.length > 0 ? ' Optional: no operation requires it; each also takes a credential of `credentials` (or, where the spec says so, none).' : ' Optional: every operation also takes calls without one, which go without a credential.'}`,
      ],
    });
  }
  if (model.credentials.length > 0) {
    const members = model.credentials.map((scheme) => {
      const { describe } = sentAs(scheme);
      const name = schemeNameText(scheme.schemeName);
      const text = [
        ...(scheme.description === undefined
          ? []
          : [...escapeJsDoc(scheme.description).split('\n'), '']),
        `The credential of the ${name} security scheme, ${describe.replace('<token>', '<credential>')}.${scheme.envVar === undefined ? '' : ` Defaults to the \`${scheme.envVar}\` environment variable.`}`,
        // `{ __proto__: '…' }` sets an object literal's prototype, not a property.
        ...(scheme.schemeName === '__proto__'
          ? ['', "Give it with a computed key, `{ ['__proto__']: '…' }`."]
          : []),
      ];
      return `${docBlock(text)}\n${propertyKey(scheme.schemeName)}?: string | undefined;`;
    });
    optionMembers.push({
      name: 'credentials',
      type: `{\n${members.join('\n')}\n}`,
      hasQuestionToken: true,
      docs: [
        `The credentials of the API's other security schemes, by scheme name. A call sends the first of its operation's security requirements (OpenAPI 3.1 §4.8.30) the client has every credential of${auth === undefined ? '' : ', the token included'}; each is kept private and redacted from errors and logs as the token is.`,
      ],
    });
  }
  for (const option of model.sdk.clientOptions) {
    const description =
      option.description === undefined ? '' : `${escapeJsDoc(option.description)}\n\n`;
    optionMembers.push({
      name: propertyKey(option.name),
      type: 'string | undefined',
      hasQuestionToken: true,
      docs: [
        `${description}The default \`${option.parameterName}\` of every call; a call can give its own. Defaults to the \`${option.envVar}\` environment variable.`,
      ],
    });
  }
  const serverUrl = model.info.serverUrl;
  // Operations' own servers: absolute ones while no base URL is chosen, relative ones (to where the
  // description is served) resolved against the base URL in use (runtime core.ts requestBase).
  const ownServers = model.operations.flatMap((operation) => operation.server ?? []);
  const absoluteOwn = ownServers.some((url) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(url));
  const relativeOwn = ownServers.some((url) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url));
  optionMembers.push({
    name: 'baseURL',
    type: 'string | undefined',
    hasQuestionToken: true,
    docs: [
      `Where requests go. Defaults to the \`${envPrefix}_BASE_URL\` environment variable${serverUrl === undefined ? '' : `, then ${jsDocCode(serverUrl)}`}.${serverUrl !== undefined && absoluteOwn ? ' While neither is set, operations with `servers` of their own go there; once either is set, every call goes to it.' : ''}${relativeOwn ? ' Operations whose own `servers` are relative (`/uploads`) go there resolved against the base URL in use, whichever it is (RFC 3986 §5.2).' : ''}${model.info.serverUrlRelative === true ? ` That default is relative: in a browser it is resolved against the page; where there is no page (Node, Deno, Bun) a call fails until you pass the API's absolute URL, \`baseURL: 'https://…'\`.` : ''}`,
    ],
  });
  const clientOptions = imports.type('./runtime/core.js', 'ClientOptions');
  const optionsInterface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: optionsName,
    isExported: true,
    extends: [clientOptions],
    docs: [
      `Options of ${docLink(clientName)}: ${ownOptions(auth !== undefined, model.sdk.clientOptions.length > 0)} here, and the settings every client has (retries, timeouts, validation, logging: ${docLink(clientOptions)}).`,
    ],
    properties: optionMembers,
  };

  // Class.
  const properties: OptionalKind<PropertyDeclarationStructure>[] = resources.map(
    ({ resource, property, moduleSpecifier }) => ({
      name: property,
      isReadonly: true,
      type: imports.value(moduleSpecifier, resource.className),
      docs: [`The ${words(resource.name).join(' ').toLowerCase()} of the API.`],
    }),
  );
  // Options of the wrong type (`null`, a numeric token, `baseURL: null`) are refused before any
  // default fills them in: read as absent, `null` would silently become the environment's value.
  const params = model.sdk.clientOptions.map((option) => stringLiteral(option.name));
  const body: string[] = [
    `${imports.value('./runtime/internal/options.js', 'checkOptionTypes')}(options${params.length === 0 ? '' : `, [${params.join(', ')}]`});`,
  ];
  if (auth !== undefined && model.tokenOptional) {
    // Every operation takes the call without a credential too: the token is sent when there is one.
    body.push(`const token = options.token ?? ${readEnv}(${env('TOKEN')});`);
  } else if (auth !== undefined) {
    body.push(
      `const token = options.token ?? ${readEnv}(${env('TOKEN')});`,
      `if (token === undefined || token === '') {`,
      `throw new ${sdkError}(${stringLiteral(`Missing API token: pass it as \`new ${clientName}({ token })\` or set the ${envPrefix}_TOKEN environment variable.`)});`,
      `}`,
    );
  }
  if (serverUrl === undefined) {
    body.push(
      `const baseURL = options.baseURL ?? ${readEnv}(${env('BASE_URL')});`,
      `if (baseURL === undefined) {`,
      `throw new ${sdkError}(${stringLiteral(`Missing base URL: pass it as \`new ${clientName}({ baseURL })\` or set the ${envPrefix}_BASE_URL environment variable.`)});`,
      `}`,
    );
  } else if (model.operations.some((operation) => operation.server !== undefined)) {
    // Operations with servers of their own go there unless the caller chose a base URL.
    body.push(
      `const chosenBaseURL = options.baseURL ?? ${readEnv}(${env('BASE_URL')});`,
      `const baseURL = chosenBaseURL ?? ${stringLiteral(serverUrl)};`,
    );
  } else {
    body.push(
      `const baseURL = options.baseURL ?? ${readEnv}(${env('BASE_URL')}) ?? ${stringLiteral(serverUrl)};`,
    );
  }
  const coreOptions = ['...options', 'baseURL'];
  if (
    serverUrl !== undefined &&
    model.operations.some((operation) => operation.server !== undefined)
  )
    coreOptions.push('operationServers: chosenBaseURL === undefined');
  if (auth !== undefined) {
    coreOptions.push('token');
    if (auth.in !== 'header' || auth.name !== 'Authorization' || auth.scheme !== 'Bearer')
      coreOptions.push(`auth: ${authLiteral(auth)}`);
  }
  if (model.credentials.length > 0) {
    if (model.tokenAuth !== undefined)
      coreOptions.push(`tokenScheme: ${stringLiteral(model.tokenAuth.schemeName)}`);
    const schemes = model.credentials.map(
      (scheme) =>
        `{ scheme: ${stringLiteral(scheme.schemeName)}, auth: ${authLiteral(sentAs(scheme))}${scheme.envVar === undefined ? '' : `, env: ${stringLiteral(scheme.envVar)}`} }`,
    );
    coreOptions.push(`credentialSchemes: [${schemes.join(', ')}]`);
  }
  coreOptions.push(`sdk: ${stringLiteral(userAgentProduct(model))}`);
  if (model.sdk.clientOptions.length > 0) {
    const params = model.sdk.clientOptions.map((option) => {
      const howToSet = `set \`${option.name}\` in \`new ${clientName}({ ${option.name} })\` or the ${option.envVar} environment variable`;
      return `${propertyKey(option.name)}: { value: options${propertyAccess(option.name)} ?? ${readEnv}(${stringLiteral(option.envVar)}), howToSet: ${stringLiteral(howToSet)} }`;
    });
    coreOptions.push(`clientParams: { ${params.join(', ')} }`);
  }
  const clientCore = imports.value('./runtime/core.js', 'ClientCore');
  body.push(
    `const core = new ${clientCore}({ ${coreOptions.join(', ')} });`,
    `${imports.value('./runtime/core.js', 'linkCore')}(this, core);`,
  );
  for (const { resource, property, moduleSpecifier } of resources) {
    body.push(
      `this.${property} = new ${imports.value(moduleSpecifier, resource.className)}(core);`,
    );
  }
  // The docs name the error as the package exports it (`<Client>SDKError` where a schema has it).
  const sdkErrorExport =
    model.clientExports.runtime.find((entry) => entry.name === 'SDKError')?.exportedAs ??
    'SDKError';
  const classDeclaration: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: clientName,
    isExported: true,
    docs: [classDoc(model, auth)],
    properties,
    ctors: [
      {
        parameters: [{ name: 'options', type: optionsName, initializer: '{}' }],
        docs: [
          `@throws ${sdkErrorExport} ${auth === undefined || model.tokenOptional ? '' : `when there is no token (neither \`options.token\` nor \`${envPrefix}_TOKEN\`), or `}when a setting is invalid (a negative \`timeout\`, \`responseValidation\` without \`responseGuards\`, …).`,
        ],
        statements: body,
      },
    ],
  };

  const guardsExport: ExportDeclarationStructure = {
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: RESPONSE_GUARDS_MODULE,
    namedExports: [guardsName],
  };
  const pathsFunction = pathsClientFunction(model, pathsClientName, imports);
  return [
    {
      path: CLIENT_PATH,
      statements: [
        ...imports.declarations(),
        optionsInterface,
        classDeclaration,
        pathsFunction,
        ...runtimeExports(model.clientExports.runtime),
        guardsExport,
      ],
    },
    emitResponseGuardsFile(model, guardsName),
  ];
}

/** `export { APIError, … } from './runtime/errors.js'`, each under the name the model gave it. */
function runtimeExports(runtime: readonly RuntimeExport[]): ExportDeclarationStructure[] {
  const byModule = new Map<string, OptionalKind<ExportSpecifierStructure>[]>();
  for (const { module, name, exportedAs, typeOnly } of runtime) {
    const specifier: OptionalKind<ExportSpecifierStructure> = { name };
    if (exportedAs !== name) specifier.alias = exportedAs;
    if (typeOnly) specifier.isTypeOnly = true;
    const list = byModule.get(module) ?? [];
    list.push(specifier);
    byModule.set(module, list);
  }
  return [...byModule].map(([moduleSpecifier, namedExports]) => ({
    kind: StructureKind.ExportDeclaration,
    isTypeOnly: namedExports.every((specifier) => specifier.isTypeOnly === true),
    moduleSpecifier,
    namedExports: namedExports.every((specifier) => specifier.isTypeOnly === true)
      ? namedExports.map(({ isTypeOnly: _typeOnly, ...rest }) => rest)
      : namedExports,
  }));
}

/** Where the runtime puts the token for the scheme the model chose (`ApiModel.tokenAuth`). */
function sentAs(scheme: AuthModel): TokenAuth {
  switch (scheme.kind) {
    case 'bearer':
      return {
        in: 'header',
        name: 'Authorization',
        scheme: 'Bearer',
        describe: 'sent as `Authorization: Bearer <token>`',
      };
    case 'apiKey': {
      const name = jsDocCode(scheme.name);
      const where =
        scheme.in === 'header'
          ? `in the ${name} header`
          : scheme.in === 'query'
            ? `as the ${name} query parameter`
            : `as the ${name} cookie (outside browsers, which do not let scripts set cookies)`;
      return { in: scheme.in, name: scheme.name, scheme: undefined, describe: `sent ${where}` };
    }
    case 'basic':
      return {
        in: 'header',
        name: 'Authorization',
        scheme: 'Basic',
        describe: '`username:password`, sent as HTTP Basic authentication (RFC 7617)',
      };
  }
}

/**
 * A scheme's name in TSDoc: a code span, or a quoted string for one with a line break or a
 * backtick (`jsDocCode`), so the comment's lines stay its own.
 */
function schemeNameText(name: string): string {
  return name === '' || /[\n\r\u2028\u2029]/.test(name)
    ? escapeJsDoc(JSON.stringify(name))
    : jsDocCode(name);
}

/** Lines of TSDoc text (already escaped) as a comment block, wrapped later at its real indentation. */
function docBlock(lines: readonly string[]): string {
  return lines.length === 1
    ? `/** ${lines[0]!} */`
    : `/**\n${lines.map((line) => (line === '' ? ' *' : ` * ${line}`)).join('\n')}\n */`;
}

/** The runtime's `Auth` for a scheme, as code: `{ in: 'query', name: 'api_key' }`. */
function authLiteral(auth: TokenAuth): string {
  const scheme = auth.scheme === undefined ? '' : `, scheme: ${stringLiteral(auth.scheme)}`;
  return `{ in: ${stringLiteral(auth.in)}, name: ${stringLiteral(auth.name)}${scheme} }`;
}

/**
 * The package as a `User-Agent` product (RFC 9110 §10.1.5: a token, `/`, a version):
 * `gigs-sdk/1.2.0`; a scoped name `@acme/sdk` becomes `acme-sdk`.
 */
function userAgentProduct(model: ApiModel): string {
  const token = (text: string) => text.replace(/[^!#$%&'*+.^_`|~0-9A-Za-z-]/g, '-');
  return `${token(model.sdk.packageName.replace(/^@/, ''))}/${token(model.sdk.packageVersion)}`;
}

/**
 * `pathsClient(client)`: the typed path client over the client's core. A function, not a property
 * of the client, so that only bundles that use it carry openapi-fetch.
 */
function pathsClientFunction(
  model: ApiModel,
  name: string,
  imports: ImportPlan,
): FunctionDeclarationStructure {
  const { clientName } = model.sdk;
  const paths = imports.type('./openapi.js', 'paths');
  const pathsClient = imports.type('./runtime/paths-client.js', 'PathsClient');
  const operations = pathsOperations(model);
  const firstGet = model.operations.find((operation) => operation.method === 'get');
  const pathParameters = firstGet?.parameters.filter((parameter) => parameter.in === 'path') ?? [];
  // Valid TypeScript to copy: a string for each path parameter (the README's variable `client`).
  const init =
    pathParameters.length === 0
      ? ''
      : `, ${valueText({ params: { path: Object.fromEntries(pathParameters.map((p) => [p.name, '…'])) } })}`;
  const example =
    firstGet === undefined
      ? []
      : [
          '',
          '@example',
          '```ts',
          escapeJsDoc(
            `const { data, error } = await ${name}(${CLIENT_VARIABLE}).GET(${quotedString(firstGet.path, "'")}${init});`,
          ),
          '```',
        ];
  return {
    kind: StructureKind.Function,
    name,
    isExported: true,
    parameters: [{ name: 'client', type: clientName }],
    returnType: `${pathsClient}<${paths}>`,
    docs: [
      [
        `The typed path client (openapi-fetch) over every path of the API, sharing \`client\`'s base URL, token, headers and fetch: the escape hatch for what the resource methods do not cover. An HTTP error status is returned as \`{ error, response }\` instead of thrown; what has no status (a connection error, a timeout, an answer that is not valid HTTP) still throws an \`SDKError\`. It does not retry.`,
        '',
        'A function rather than a property of the client, so that only bundles that use it carry openapi-fetch.',
        ...example,
      ].join('\n'),
    ],
    statements: [
      `return ${imports.value('./runtime/paths-client.js', 'createPathsClient')}<${paths}>(${imports.value('./runtime/core.js', 'coreOf')}(client)${operations === undefined ? '' : `, { operations: ${operations} }`});`,
    ],
  };
}

/**
 * What the path client needs to know per operation (`<method> <path>`) to send what the resource
 * method sends: the query parameters that are not `form` + `explode: true`, the path parameters
 * that are not plain `simple`, the header parameters that are exploded objects or JSON, the
 * `Accept` the resource method sends (when it is not the default), how to read a success body
 * that is not JSON (by the response the status selects, where they differ), and how to send a
 * request body that is not JSON (its media type; text and bytes as they are; form and multipart
 * bodies by the resource client's encoders, with the media type's `encoding`).
 */
function pathsOperations(model: ApiModel): string | undefined {
  const entries: string[] = [];
  for (const operation of model.operations) {
    const parts: string[] = [];
    const styles = operation.parameters.map(queryStyleEntry).filter((entry) => entry !== undefined);
    if (styles.length > 0) parts.push(`query: { ${styles.join(', ')} }`);
    const pathStyles = operation.parameters
      .map(pathStyleEntry)
      .filter((entry) => entry !== undefined);
    if (pathStyles.length > 0) parts.push(`path: { ${pathStyles.join(', ')} }`);
    const headerStyles = headerStylesEntry(operation.parameters);
    if (headerStyles !== undefined) parts.push(`header: ${headerStyles}`);
    const cookieStyles = cookieStylesEntry(operation.parameters);
    if (cookieStyles !== undefined) parts.push(`cookie: ${cookieStyles}`);
    const reads = pathReads(operation);
    const parseAs = PARSE_AS[operation.successResponse?.kind ?? 'json'];
    if (reads !== undefined) parts.push(`reads: { ${reads} }`);
    else if (parseAs !== undefined) parts.push(`parseAs: ${stringLiteral(parseAs)}`);
    const accept = acceptHeader(operation);
    if (accept !== undefined) parts.push(`accept: ${stringLiteral(accept)}`);
    const body = operation.body;
    // A JSON body of another media type (`application/merge-patch+json`) is sent labelled so.
    if (body !== undefined && body.kind === 'json' && body.contentType !== 'application/json')
      parts.push(`bodyType: ${stringLiteral(body.contentType)}`);
    else if (
      body !== undefined &&
      (body.kind === 'text' || body.kind === 'binary' || body.kind === 'any')
    )
      parts.push(`bodyType: ${stringLiteral(body.contentType)}`, 'rawBody: true');
    else if (body !== undefined && (body.kind === 'form' || body.kind === 'multipart')) {
      parts.push(`bodyType: ${stringLiteral(body.contentType)}`, `encode: '${body.kind}'`);
      const encoding = encodingEntry(operation);
      if (encoding !== undefined) parts.push(`encoding: ${encoding}`);
    }
    if (operation.anonymous) parts.push('anonymous: true');
    if (operation.credentialAlternatives !== undefined)
      parts.push(`security: ${valueText(operation.credentialAlternatives)}`);
    if (operation.server !== undefined) parts.push(`server: ${stringLiteral(operation.server)}`);
    if (parts.length > 0)
      entries.push(
        `${stringLiteral(`${operation.method} ${operation.path}`)}: { ${parts.join(', ')} }`,
      );
  }
  return entries.length === 0 ? undefined : `{ ${entries.join(', ')} }`;
}

/**
 * How each response a 2xx may select is read (by its key: `200`, `2XX`, `default`), when they are
 * not all read one way (OpenAPI 3.1.1 §4.8.16: the status picks the response, as the resource
 * client reads it); undefined when one `parseAs` does for all.
 */
function pathReads(operation: ApiModel['operations'][number]): string | undefined {
  const successes = [operation.successResponse, ...(operation.otherSuccesses ?? [])];
  const reads = successes
    .filter((response) => response !== undefined)
    .map((response) => [response.status, PARSE_AS[response.kind ?? 'json'] ?? 'json'] as const);
  if (new Set(reads.map(([, read]) => read)).size < 2) return undefined;
  return reads
    .map(([status, read]) => `${stringLiteral(status)}: ${stringLiteral(read)}`)
    .join(', ');
}

/**
 * The variable the examples hold the client in, as the README's do: the client's name lower-cased
 * would be a reserved word for some (`Class`, `Delete`).
 */
const CLIENT_VARIABLE = 'client';

/** How openapi-fetch reads each success body kind it would otherwise parse as JSON. */
const PARSE_AS: Readonly<Partial<Record<BodyKind, string>>> = {
  text: 'text',
  form: 'text',
  binary: 'blob',
  multipart: 'blob',
  'event-stream': 'stream',
  // `*/*`: by the Content-Type that comes, as the resource method reads it.
  any: 'any',
};

/** What the client's own options are, in words: the token only where the API has one. */
function ownOptions(token: boolean, parameters: boolean): string {
  const parts = [
    ...(token ? ['the token'] : []),
    'the base URL',
    ...(parameters ? ['the defaults of its parameters'] : []),
  ];
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

function classDoc(model: ApiModel, auth: TokenAuth | undefined): string {
  const { clientName, envPrefix, clientOptions } = model.sdk;
  const args = [
    ...(auth === undefined ? [] : ['token']),
    ...clientOptions.map((option) => option.name),
  ];
  const envs = [
    ...(auth === undefined ? [] : [`${envPrefix}_TOKEN`]),
    ...model.credentials.flatMap((credential) =>
      credential.envVar === undefined ? [] : [credential.envVar],
    ),
    ...clientOptions.map((option) => option.envVar),
  ];
  const lines = [`The client for the ${escapeJsDoc(model.info.title)}.`];
  if (envs.length > 0)
    lines.push(
      '',
      `Options left out are read from the environment (${envs.map((e) => `\`${e}\``).join(', ')}) where there is one.`,
    );
  lines.push(
    '',
    '@example',
    '```ts',
    `const ${CLIENT_VARIABLE} = new ${clientName}(${args.length === 0 ? '' : `{ ${args.join(', ')} }`});`,
    '```',
  );
  return lines.join('\n');
}
