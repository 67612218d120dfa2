/**
 * `paths` → one draft per operation, in spec order (paths, then methods in HTTP_METHODS order).
 * A draft is an OperationModel without its SDK name and type names, which build-resources.ts
 * settles once every operation is known.
 */
import { pathItemEntries } from '../document-keys.ts';
import { eachReporting, GeneratorError, joinPointer, reporting } from '../errors.ts';
import { isRecord } from '../json.ts';
import { buildPagination } from './build-pagination.ts';
import { buildParameters } from './build-parameters.ts';
import {
  buildRequestBody,
  buildResponses,
  otherSuccesses,
  chooseMediaType,
  followRefs,
  successResponse,
} from './build-bodies.ts';
import { camelJoin, decodedSegment, NameRegistry, words } from './names.ts';
import type { SchemaContext } from './schema-context.ts';
import { declarePathParameterFix, operationShape } from './operation-shape.ts';
import { pathPlaceholders, TEMPLATE_FIX, templateProblem } from './path-template.ts';
import type { HttpMethod, OperationModel, ParameterModel } from './types.ts';
import type { Warnings } from '../warnings.ts';

export const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

export type OperationDraft = Omit<OperationModel, 'sdk' | 'typeNames'> & {
  /** The operation's `x-sdk-method` as written (checked by build-resources.ts). */
  sdkMethod?: unknown;
  /** False when the spec gives no operationId and `operationId` was derived from method and path. */
  operationIdDeclared: boolean;
};

/**
 * A path key is a path, appended to the server's URL (OpenAPI's Paths Object): a `?` or `#` in it
 * is a query or fragment written where no tool expects one. The client sends it all the same: the
 * text after `?` as a query (the call's query parameters after it, joined by `&`, runtime
 * url.ts), a `#` percent-encoded as part of the path (a fragment never reaches a server, RFC 3986
 * §3.5). The testing kit's mocks match them as the client sends them. Both are warnings
 * (`--strict`: errors): Redoc, mock servers and other generators read such keys each their own way.
 */
function warnQueryOrFragment(path: string, pathsObject: string, ctx: SchemaContext): void {
  // Inside `{…}` they are part of a parameter's name (`{#x}`), which the template replaces.
  const literal = path.replace(/\{[^{}]*\}/g, (template) => '_'.repeat(template.length));
  const mark = literal.indexOf('?');
  const hash = literal.indexOf('#');
  const at = { file: ctx.file, pointer: joinPointer('#/paths', path) };
  if (mark !== -1 && (hash === -1 || mark < hash)) {
    ctx.warnings.add(
      'path:query',
      `the path ${JSON.stringify(path)} holds a query (${JSON.stringify(path.slice(mark))}): a path key is only the path appended to the server's URL (${pathsObject}, Paths Object); the SDK sends the query as written, before the call's own query parameters, but docs, mock servers and other generators read such keys each their own way`,
      at,
      `write the key as ${JSON.stringify(path.slice(0, mark))} and declare what follows "?" as query parameters (\`in: query\`; a fixed value is an \`enum\` of one)`,
    );
  }
  if (hash !== -1 && (mark === -1 || hash < mark)) {
    ctx.warnings.add(
      'path:fragment',
      `the path ${JSON.stringify(path)} holds "#", which in a URL starts its fragment, never sent to a server (RFC 3986 §3.5): the SDK sends it percent-encoded, as %23, as part of the path`,
      at,
      `write the key as ${JSON.stringify(path.slice(0, hash))} if the server's path ends before "#"; keep it if the path itself holds "#"`,
    );
  }
}

export function buildOperations(
  doc: Record<string, unknown>,
  ctx: SchemaContext,
): OperationDraft[] {
  const drafts: OperationDraft[] = [];
  const ids = new OperationIds(ctx.file, ctx.warnings);
  // Each path's template with its parameters' names left out → the first path written so.
  const templates = new Map<string, string>();
  // Every path's problems in one run.
  eachReporting(pathItemEntries(doc.paths), ([path, rawItem]) => {
    const shape = path.replace(/\{[^{}]*\}/g, '{}');
    const twin = templates.get(shape);
    if (twin === undefined) templates.set(shape, path);
    else
      // OpenAPI 3.1 §4.8.8.2: such paths "are considered identical and invalid"; a server routes
      // a request to one of them, never both.
      ctx.warnings.add(
        'path:same-template',
        `the path ${JSON.stringify(path)} differs from ${JSON.stringify(twin)} only in its parameters' names: every URL one matches, the other matches too, and OpenAPI calls such paths identical and invalid`,
        { file: ctx.file, pointer: joinPointer('#/paths', path) },
        `merge the two into one path (one parameter name) with the operations of both`,
      );
    const pathsObject = ctx.version === '3.0' ? 'OpenAPI 3.0.3 §4.7.8' : 'OpenAPI 3.1 §4.8.8';
    if (!path.startsWith('/')) {
      // The runtime joins it to the base URL with a `/` all the same (runtime/internal/url.ts).
      ctx.warnings.add(
        'path:leading-slash',
        `the path ${JSON.stringify(path)} does not begin with "/" (${pathsObject}, Paths Object); the SDK requests it as /${path}`,
        { file: ctx.file, pointer: joinPointer('#/paths', path) },
        `write the key as ${JSON.stringify(`/${path}`)}`,
      );
    }
    warnQueryOrFragment(path, pathsObject, ctx);
    const problem = templateProblem(path);
    if (problem !== undefined) {
      throw new GeneratorError(
        `path ${JSON.stringify(path)} has ${problem}: OpenAPI path templates are literal text and \`{name}\` parameters, and no URL holds a bare brace`,
        { file: ctx.file, pointer: joinPointer('#/paths', path) },
        TEMPLATE_FIX,
      );
    }
    // `..` (or `%2e%2e`, which URLs read the same) as a segment: the URL the client builds is
    // resolved (RFC 3986 §5.2.4, WHATWG URL) to another path, out of the API's base path.
    const dots = path
      .split('/')
      .find((segment) => ['.', '..'].includes(segment.toLowerCase().replace(/%2e/g, '.')));
    if (dots !== undefined) {
      throw new GeneratorError(
        `path ${JSON.stringify(path)} has the segment ${JSON.stringify(dots)}, which every URL resolves away (RFC 3986 §5.2.4): its requests would go to another path, out of the API's base URL`,
        { file: ctx.file, pointer: joinPointer('#/paths', path) },
        'write the path as the server serves it, without `.` or `..` segments',
      );
    }
    const { value: item, pointer: itemPointer } = followRefs(
      doc,
      rawItem,
      joinPointer('#/paths', path),
      ctx.file,
      'a path item',
    );
    if (!isRecord(item)) return;
    eachReporting(HTTP_METHODS, (method) => {
      const operation = item[method];
      if (operation === undefined) return;
      const pointer = joinPointer(itemPointer, method);
      if (!isRecord(operation)) {
        throw new GeneratorError(
          `\`${method}\` must be an operation object`,
          { file: ctx.file, pointer },
          'give the operation `responses` (and an `operationId`)',
        );
      }
      // fetch cannot send TRACE (the Fetch standard forbids it: §2.2.1 "forbidden method"), so a
      // method for it could never succeed; it would fail each call with a TypeError.
      if (method === 'trace') {
        ctx.warnings.add(
          'operation:trace',
          `the TRACE operation of ${path} is not in the SDK: fetch cannot send a TRACE request (the Fetch standard forbids the method), so no method of the client could call it`,
          { file: ctx.file, pointer },
          'leave TRACE out of the spec, or call it with another HTTP client',
        );
        return;
      }
      drafts.push(
        buildOperation(doc, { path, method, pointer, operation, item, itemPointer }, ctx),
      );
      ids.declare(operation, pointer);
      declareCallbackIds(doc, operation, pointer, ids, ctx.file);
      if (isRecord(operation.callbacks) && Object.keys(operation.callbacks).length > 0) {
        ctx.warnings.add(
          'callbacks',
          'callbacks are not generated: the SDK makes requests to the API, and has no code for the requests the API makes back',
          { file: ctx.file, pointer: joinPointer(pointer, 'callbacks') },
          'handle the callback requests in your server, typed from the spec with a server-side tool; remove `callbacks` to silence this',
        );
      }
    });
  });
  // Webhooks and callbacks are operations too: their operationIds share openapi-typescript's
  // `operations`, and OpenAPI (3.1 §4.8.10) wants each unique among all operations of the API.
  const webhooks = isRecord(doc.webhooks) ? doc.webhooks : {};
  for (const [name, rawItem] of Object.entries(webhooks))
    declarePathItemIds(doc, rawItem, joinPointer('#/webhooks', name), ids, ctx.file);
  ids.renameRepeats(drafts);
  // Derived ids come after every declared one is known, so they never take a declared id.
  for (const draft of drafts) {
    if (ids.isDeclared(draft.pointer)) continue;
    draft.operationId = ids.derive(draft.operationId);
    draft.operationIdDeclared = false;
  }
  return drafts;
}

/** Declares the operationIds of a webhook's or callback's path item (and of their callbacks). */
function declarePathItemIds(
  doc: Record<string, unknown>,
  rawItem: unknown,
  itemPointer: string,
  ids: OperationIds,
  file: string,
  depth = 0,
): void {
  if (depth > 8) return;
  const { value: item, pointer } = followRefs(doc, rawItem, itemPointer, file);
  if (!isRecord(item)) return;
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    if (!isRecord(operation)) continue;
    const at = joinPointer(pointer, method);
    ids.declare(operation, at);
    declareCallbackIds(doc, operation, at, ids, file, depth + 1);
  }
}

function declareCallbackIds(
  doc: Record<string, unknown>,
  operation: Record<string, unknown>,
  pointer: string,
  ids: OperationIds,
  file: string,
  depth = 0,
): void {
  const callbacks = isRecord(operation.callbacks) ? operation.callbacks : {};
  for (const [name, rawCallback] of Object.entries(callbacks)) {
    const at = joinPointer(pointer, 'callbacks', name);
    const { value: callback, pointer: callbackPointer } = followRefs(doc, rawCallback, at, file);
    if (!isRecord(callback)) continue;
    for (const [expression, item] of Object.entries(callback))
      declarePathItemIds(doc, item, joinPointer(callbackPointer, expression), ids, file, depth);
  }
}

/**
 * operationIds must be unique (they key openapi-typescript's `operations`, and name SDK methods).
 * A repeated one is a common slip of public specs: the later operation's id is renamed in the
 * document, with a warning, to the id and the first free number (`same2`), free among every
 * declared id, so the name is the same on every run whatever else the spec declares.
 */
class OperationIds {
  private readonly owners = new Map<string, string>();
  private readonly declaredAt = new Set<string>();
  private readonly registry = new NameRegistry();
  private readonly repeats: {
    id: string;
    owner: string;
    pointer: string;
    operation: Record<string, unknown>;
  }[] = [];

  constructor(
    private readonly file: string,
    private readonly warnings: Warnings,
  ) {}

  declare(operation: Record<string, unknown>, pointer: string): void {
    const id = writtenOperationId(operation);
    if (id === undefined) return;
    const owner = this.owners.get(id);
    this.declaredAt.add(pointer);
    if (owner === undefined) {
      this.owners.set(id, pointer);
      this.registry.claim(id);
      return;
    }
    // The same operation reached twice (two paths' $refs to one path item) cannot be renamed alone.
    if (owner === pointer) {
      throw new GeneratorError(
        `operationId ${JSON.stringify(id)} is used twice: the path item holding it is reached from two places (two paths, or a path and a webhook or callback, that $ref it)`,
        { file: this.file, pointer: joinPointer(pointer, 'operationId') },
        'give each of those places its own path item, each operation its own operationId',
      );
    }
    this.repeats.push({ id, owner, pointer, operation });
  }

  /** Renames each repeated id, in the document and its draft, once every declared id is known. */
  renameRepeats(drafts: OperationDraft[]): void {
    for (const { id, owner, pointer, operation } of this.repeats) {
      const renamed = this.registry.claim(id);
      operation.operationId = renamed;
      for (const draft of drafts) if (draft.pointer === pointer) draft.operationId = renamed;
      this.warnings.add(
        'operation:repeated-id',
        `operationId ${JSON.stringify(id)} is used twice: by ${owner} and here; this operation's is read as ${JSON.stringify(renamed)} (its SDK method and its key in openapi-typescript's \`operations\`)`,
        { file: this.file, pointer: joinPointer(pointer, 'operationId') },
        'give every operation its own operationId',
      );
    }
  }

  isDeclared(pointer: string): boolean {
    return this.declaredAt.has(pointer);
  }

  derive(wanted: string): string {
    return this.registry.claim(wanted);
  }
}

interface OperationSource {
  path: string;
  method: HttpMethod;
  pointer: string;
  operation: Record<string, unknown>;
  item: Record<string, unknown>;
  itemPointer: string;
}

function buildOperation(
  doc: Record<string, unknown>,
  source: OperationSource,
  ctx: SchemaContext,
): OperationDraft {
  const { path, method, pointer, operation, item, itemPointer } = source;
  const pathLevel = { list: item.parameters, pointer: joinPointer(itemPointer, 'parameters') };
  const operationLevel = {
    list: operation.parameters,
    pointer: joinPointer(pointer, 'parameters'),
  };
  // Each part's problems in one run: the parameters', the responses', the body's, and then those
  // of what is made from them (pagination, the method's shape), when they are there to check.
  const problems: GeneratorError[] = [];
  let parameters = reporting(problems, () => buildParameters(doc, pathLevel, operationLevel, ctx));
  const undeclared = parameters === undefined ? [] : undeclaredPathParameters(path, parameters);
  if (undeclared.length > 0) {
    // The URL cannot be built without them, and what they hold is clear from the template: each
    // becomes a required string path parameter (as if declared last), with a warning.
    ctx.warnings.add(
      'undeclared-path-parameter',
      `path ${path} has {${undeclared.join('}, {')}} but the operation declares no such path parameter; the method takes ${undeclared.length === 1 ? 'it' : 'them'} as a required string`,
      { file: ctx.file, pointer },
      declarePathParameterFix(undeclared[0]!),
    );
    const implied = undeclared.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const declared: unknown[] = Array.isArray(operation.parameters) ? operation.parameters : [];
    parameters = buildParameters(
      doc,
      pathLevel,
      { ...operationLevel, list: [...declared, ...implied] },
      ctx,
    );
  }

  const outside = parameters === undefined ? [] : pathParametersOutside(path, parameters);
  if (outside.length > 0) {
    const names = `{${outside.join('}, {')}}`;
    ctx.warnings.add(
      'path-parameter-outside-template',
      `path ${path} has no ${names}, yet the operation declares ${outside.length === 1 ? 'it as a path parameter' : 'them as path parameters'}: no URL carries ${outside.length === 1 ? 'it' : 'them'}, so the method leaves ${outside.length === 1 ? 'it' : 'them'} out`,
      { file: ctx.file, pointer },
      `add {${outside[0]!}} to the path where the API reads it, declare it \`in: query\` (or header) if that is where it goes, or remove it`,
    );
  }

  if (ctx.version === '3.0' && operation.responses === undefined) {
    // OpenAPI 3.0.3 §4.7.10 requires it (3.1 does not); without it nothing types the result.
    ctx.warnings.add(
      'operation:no-responses',
      `the ${method.toUpperCase()} operation has no \`responses\`, which OpenAPI 3.0 requires (3.0.3 §4.7.10): the SDK's method resolves to \`unknown\`, read as the response's Content-Type says`,
      { file: ctx.file, pointer },
      "declare what it answers: `responses: { '200': { description: …, content: { application/json: { schema: … } } } }`, or `'204': { description: … }` for no body",
    );
  }
  const responses = reporting(problems, () =>
    buildResponses(doc, operation.responses, joinPointer(pointer, 'responses'), method, ctx),
  );
  const body = reporting(problems, () =>
    buildRequestBody(doc, operation.requestBody, joinPointer(pointer, 'requestBody'), ctx),
  );
  // The pagination and the method's shape read both: without them, their checks would be about
  // nothing.
  if (parameters === undefined || responses === undefined) throw GeneratorError.all(problems);
  const success = successResponse(responses);
  const written = writtenOperationId(operation);
  if (written === undefined && typeof operation.operationId === 'string')
    ctx.warnings.add(
      'operation-id:blank',
      `the operationId ${JSON.stringify(operation.operationId)} is blank: the operation is named from its method and path, as one without an operationId (${derivedOperationId(method, path)})`,
      { file: ctx.file, pointer: joinPointer(pointer, 'operationId') },
      'give the operation an operationId with a letter or digit in it, e.g. `listPets`, or remove the key',
    );
  const draft: Omit<OperationDraft, 'shape'> = {
    operationId: written ?? derivedOperationId(method, path),
    method,
    path,
    pointer,
    deprecated: operation.deprecated === true,
    tags: Array.isArray(operation.tags)
      ? operation.tags.filter((tag): tag is string => typeof tag === 'string')
      : [],
    parameters,
    responses,
    idempotent: parameters.some((parameter) => parameter.clientDefault === 'idempotency-key'),
    operationIdDeclared: true,
    secured: isSecured(operation.security ?? doc.security),
    anonymous: takesNoCredential(doc, operation.security ?? doc.security),
  };
  const security = effectiveSecurity(doc, operation, pointer);
  if (security !== undefined) draft.security = security;
  if (undeclared.length > 0) draft.impliedPathParameters = undeclared;
  if (typeof operation.summary === 'string') draft.summary = operation.summary;
  if (typeof operation.description === 'string') draft.description = operation.description;
  if (operation['x-preview'] === true) draft.preview = true;
  if (operation['x-sdk-method'] !== undefined) draft.sdkMethod = operation['x-sdk-method'];
  if (body !== undefined && (method === 'get' || method === 'head')) {
    // OpenAPI allows it (§4.8.10, "not well-defined" semantics), but fetch refuses to send a
    // GET or HEAD with a body (the Fetch standard's Request constructor throws a TypeError).
    ctx.warnings.add(
      'operation:body-on-get',
      `the ${method.toUpperCase()} operation of ${path} declares a request body, which fetch cannot send (the Fetch standard refuses a body on GET and HEAD): the SDK's method takes none`,
      { file: ctx.file, pointer: joinPointer(pointer, 'requestBody') },
      'move what the body holds into query parameters, or make the operation a POST',
    );
  } else if (body !== undefined) draft.body = body;
  if (success !== undefined) draft.successResponse = success;
  const others = otherSuccesses(responses, success);
  if (others.length > 0) draft.otherSuccesses = others;

  const pagination = reporting(problems, () =>
    buildPagination({
      doc,
      file: ctx.file,
      pointer,
      raw: operation['x-sdk-pagination'],
      parameters,
      responseSchema:
        success && rawResponseSchema(doc, operation, success.status, pointer, ctx.file),
      warnings: ctx.warnings,
    }),
  );
  if (problems.length > 0) throw GeneratorError.all(problems);
  if (pagination !== undefined) draft.pagination = pagination;
  return {
    ...draft,
    shape: operationShape(draft, { schemas: ctx.schemas, specFile: ctx.file }, ctx.warnings),
  };
}

/** The names in the path template (`/a/{id}`) that no path parameter declares, in order, once each. */
function undeclaredPathParameters(
  path: string,
  parameters: readonly Pick<ParameterModel, 'in' | 'name'>[],
): string[] {
  const declared = new Set(parameters.filter((p) => p.in === 'path').map((p) => p.name));
  return [...new Set(pathPlaceholders(path).filter((name) => !declared.has(name)))];
}

/** The path parameters (path item's and operation's) whose name the path template has no `{…}` for. */
function pathParametersOutside(
  path: string,
  parameters: readonly Pick<ParameterModel, 'in' | 'name'>[],
): string[] {
  const placed = new Set(pathPlaceholders(path));
  return parameters.filter((p) => p.in === 'path' && !placed.has(p.name)).map((p) => p.name);
}

/**
 * `get /repos/{owner}/{repo}` → `getReposByOwnerByRepo`. A key of openapi-typescript's `operations`
 * and an operationId in openapi.json, never a variable: a reserved word stays as it is (`get /` →
 * `get`, not `get_`).
 */
function derivedOperationId(method: HttpMethod, path: string): string {
  // Literal text by what it stands for (`/enc%20oded` → `Enc Oded`, not `Enc20oded`).
  const text = path
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') ? ` by ${part.slice(1, -1)} ` : decodedSegment(part)))
    .join('');
  return camelJoin(words(`${method} ${text}`));
}

/** The operation's own `security` list, else the root's, with where it is declared. */
function effectiveSecurity(
  doc: Record<string, unknown>,
  operation: Record<string, unknown>,
  pointer: string,
): OperationModel['security'] {
  const own = operation.security !== undefined && operation.security !== null;
  const list = own ? operation.security : doc.security;
  if (!Array.isArray(list)) return undefined;
  return {
    alternatives: list.filter(isRecord).map((requirement) => Object.keys(requirement)),
    pointer: own ? joinPointer(pointer, 'security') : '#/security',
  };
}

/** Secured when the effective requirements are non-empty and none of them is `{}` (anonymous). */
function isSecured(security: unknown): boolean {
  return (
    Array.isArray(security) &&
    security.length > 0 &&
    !security.some((requirement) => isRecord(requirement) && Object.keys(requirement).length === 0)
  );
}

/**
 * Whether an operation whose effective `security` is `security` takes no credential (OpenAPI 3.1
 * §4.8.10): a list whose every alternative is `{}` (`[]`, `[{}]`); or no list, where the spec
 * declares security for other operations (the root has none, so each operation says its own, and
 * this one says none). A spec that declares security nowhere (schemes defined but never required,
 * which loosely written specs do) gets the token everywhere: the client sends what it was given.
 */
function takesNoCredential(doc: Record<string, unknown>, security: unknown): boolean {
  if (Array.isArray(security)) return security.every(isEmptyRequirement);
  return declaresSecurity(doc);
}

const isEmptyRequirement = (requirement: unknown) =>
  isRecord(requirement) && Object.keys(requirement).length === 0;

/** Whether the root or any operation requires a scheme (cached per document). */
function declaresSecurity(doc: Record<string, unknown>): boolean {
  let declared = declaringSecurity.get(doc);
  if (declared === undefined) {
    const requires = (list: unknown) =>
      Array.isArray(list) && list.some((requirement) => !isEmptyRequirement(requirement));
    declared =
      requires(doc.security) ||
      Object.values(isRecord(doc.paths) ? doc.paths : {}).some(
        (item) =>
          isRecord(item) &&
          HTTP_METHODS.some((method) => isRecord(item[method]) && requires(item[method].security)),
      );
    declaringSecurity.set(doc, declared);
  }
  return declared;
}

const declaringSecurity = new WeakMap<object, boolean>();

/** The raw JSON schema of one response (for checks that need the spec's own properties). */
function rawResponseSchema(
  doc: Record<string, unknown>,
  operation: Record<string, unknown>,
  status: string,
  pointer: string,
  file: string,
): { value: unknown; pointer: string } | undefined {
  const responses = isRecord(operation.responses) ? operation.responses : {};
  // `2xx` in the spec is `2XX` in the model.
  const key = Object.keys(responses).find((name) => name.toUpperCase() === status) ?? status;
  const { value: response, pointer: at } = followRefs(
    doc,
    responses[key],
    joinPointer(pointer, 'responses', key),
    file,
  );
  if (!isRecord(response)) return undefined;
  const contentType = chooseMediaType(response.content);
  if (contentType === undefined) return undefined;
  const media = (response.content as Record<string, unknown>)[contentType];
  return isRecord(media)
    ? { value: media.schema, pointer: joinPointer(at, 'content', contentType, 'schema') }
    : undefined;
}

/**
 * An Operation Object's `operationId` as written, when it names the operation: a string with
 * something besides whitespace. A blank one (`''`, `'   '`) is none: the model derives one from
 * the method and path, and the typed path client's `operations` are keyed by that one too
 * (emit/openapi-types.ts `withOperationIds`).
 */
export function writtenOperationId(operation: Record<string, unknown>): string | undefined {
  const id = operation['operationId'];
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}
