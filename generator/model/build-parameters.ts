/**
 * The parameters of one operation: path-item parameters merged with the operation's own (the
 * operation's win, matched on `in` + `name`), `$ref`s followed in the bundled document, defaults
 * for `style`/`explode` made explicit, and the parameters the client fills itself marked.
 */
import { eachReporting, GeneratorError, joinPointer } from '../errors.ts';
import { getByPointer, refOf, refPointer, withReferenceText } from '../pointer.ts';
import { isRecord, jsonCopy } from '../json.ts';
import { CLIENT_CORE_OPTION_NAMES } from '../reserved-names.ts';
import { isJsonMediaType } from './media-types.ts';
import { camelCase, NameRegistry } from './names.ts';
import { requiredNullOnly, requiredWithoutNull } from './parameter-null.ts';
import { warnPathSlash } from './path-slash.ts';
import { schemaNode, type SchemaContext } from './schema-context.ts';
import { IDENTIFIER } from './sdk-names.ts';
import type { JsonValue, ObjectNode, SchemaNode } from './schema-types.ts';
import type { ParameterLocation, ParameterModel } from './types.ts';

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];
const IDEMPOTENCY_KEY = 'idempotency-key';

/** A parameter found in the spec, with the pointer where it is defined (after following `$ref`). */
interface Located {
  raw: Record<string, unknown>;
  pointer: string;
}

/**
 * Header parameters OpenAPI ignores (3.1 §4.8.12.2, 3.0 §4.7.12.2), by lower-case name, with what
 * sets each header instead.
 */
const IGNORED_HEADERS = new Map([
  [
    'accept',
    "remove the parameter: Accept comes from the responses' media types (`content`); to send another one, describe it there",
  ],
  [
    'content-type',
    "remove the parameter: Content-Type comes from the request body's media type (`requestBody.content`)",
  ],
  [
    'authorization',
    'remove the parameter and describe the credential as a security scheme (`components.securitySchemes`, e.g. `{ type: http, scheme: bearer }`) required by `security`',
  ],
]);

/**
 * Header names fetch sets or refuses itself, by lower-case name, with what becomes of the header:
 * no fetch sends a script's value for them. Browsers drop them (the Fetch standard's forbidden
 * request-headers); Node's fetch replaces Host, drops Content-Length, and rejects the request for
 * the others ("fetch failed"), so a required one failed every call of its method.
 */
const FETCH_MANAGED_HEADERS = new Map<string, readonly [problem: string, fix: string]>([
  [
    'host',
    [
      'fetch sets Host from the request URL',
      'remove the parameter: the host comes from the server URL (`servers`)',
    ],
  ],
  [
    'content-length',
    [
      'fetch sets Content-Length from the body it sends',
      'remove the parameter: the body sets its own length',
    ],
  ],
  ...['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect'].map(
    (name) =>
      [
        name,
        [
          'it belongs to the connection, which fetch manages: browsers drop it, and Node rejects the request ("fetch failed")',
          'remove the parameter: no fetch sends it from a script',
        ],
      ] as const,
  ),
]);

export function buildParameters(
  doc: Record<string, unknown>,
  pathLevel: { list: unknown; pointer: string },
  operationLevel: { list: unknown; pointer: string },
  ctx: SchemaContext,
): ParameterModel[] {
  const merged = new Map<string, Located>();
  for (const level of [pathLevel, operationLevel]) {
    if (level.list === undefined) continue;
    if (!Array.isArray(level.list)) {
      throw new GeneratorError(
        '`parameters` must be a list',
        { file: ctx.file, pointer: level.pointer },
        'write `parameters:` as a YAML list',
      );
    }
    const declared = new Map<string, { name: string; pointer: string }>();
    // Every parameter's problem in one run.
    eachReporting(level.list.entries(), ([index, entry]) => {
      const at = joinPointer(level.pointer, index);
      const located = resolveParameter(doc, entry, at, ctx.file);
      const { name, in: location } = located.raw as { name: string; in: ParameterLocation };
      // Where the name is written: the entry's own, or the entry (a $ref) that brings it.
      const namedAt = located.pointer === at ? joinPointer(at, 'name') : at;
      const key = parameterKey(location, name);
      const twin = declared.get(key);
      if (twin !== undefined) throw declaredTwice(location, name, twin, namedAt, ctx.file);
      declared.set(key, { name, pointer: at });
      if (!isSendable(location, name)) {
        // No request could carry it (fetch refuses the header): the SDK leaves it out.
        ctx.warnings.add(
          'parameter:name-not-a-token',
          `${location} parameter ${JSON.stringify(name)} is left out: it is not a valid ${location === 'header' ? 'header field' : 'cookie'} name, so no request could carry it (RFC 9110 §5.6.2, RFC 6265 §4.1.1: a token)`,
          { file: ctx.file, pointer: joinPointer(located.pointer, 'name') },
          "use only letters, digits and !#$%&'*+-.^_`|~ in the name, e.g. X-Request-Id",
        );
        return;
      }
      if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) {
        // OpenAPI 3.1 §4.8.12.2 (and 3.0 §4.7.12.2): such a parameter SHALL be ignored. Taken as a
        // method parameter, it would override the header the client sets itself.
        ctx.warnings.add(
          'parameter:ignored-header',
          `header parameter ${JSON.stringify(name)} is ignored, as OpenAPI says of Accept, Content-Type and Authorization: the client sets this header itself`,
          { file: ctx.file, pointer: joinPointer(located.pointer, 'name') },
          IGNORED_HEADERS.get(name.toLowerCase())!,
        );
        return;
      }
      const managed =
        location === 'header' ? FETCH_MANAGED_HEADERS.get(name.toLowerCase()) : undefined;
      if (managed !== undefined) {
        // No value given for it would reach the server (and some fail the call): not a parameter.
        ctx.warnings.add(
          'parameter:fetch-managed-header',
          `header parameter ${JSON.stringify(name)} is left out: ${managed[0]}, so no value passed for it would reach the server`,
          { file: ctx.file, pointer: joinPointer(located.pointer, 'name') },
          managed[1],
        );
        return;
      }
      if (location === 'cookie') {
        // Kept in the model (openapi.ts types it), but no SDK method takes it (operation-shape.ts).
        ctx.warnings.add(
          'parameter:cookie',
          `cookie parameter ${JSON.stringify(name)} is not a parameter of the SDK method: browsers send cookies themselves and scripts cannot set them`,
          { file: ctx.file, pointer: located.pointer },
          `outside a browser, send it per call in the request options, \`headers: { cookie: '${name}=…' }\`, or through the typed path client, which sends \`params: { cookie: { ${name}: … } }\` in the Cookie header`,
        );
      }
      // Re-setting a key keeps its first position in a Map: an override stays where the path item put it.
      merged.set(key, located);
    });
  }

  // Names that make one identifier (`page_size`, `pageSize`) are ranked by names.ts `rankClaims`:
  // `pageSize` keeps it wherever the list puts it, the others follow by name, then location: a
  // path parameter (a method's argument) first, so a query or header parameter of its name added
  // later renames no argument.
  const located = [...merged.values()];
  const identifiers = new NameRegistry().claimAll(
    located.map(({ raw }) => ({
      wanted: camelCase(raw.name as string),
      raw: raw.name as string,
      tieBreak: String(LOCATION_RANK.indexOf(raw.in as ParameterLocation)),
    })),
  );
  const models = located.map((one, index) => parameterModel(one, identifiers[index]!, ctx));
  warnExplodedMemberClashes(models, located, ctx);
  return models;
}

/**
 * An object parameter in `style: form` with `explode: true` (the query's and the cookie's
 * default) sends each property as a key of its own: `filter: { status }` goes as `status=open`
 * in the query, or as the cookie `status=open`. A property named like another parameter of the
 * location (or like a property of another such object) puts the same key on the wire twice: the
 * API reads one of them, and which is up to the server (query strings often keep the later,
 * cookies the first). A header parameter's object is one header (`k=v,k2=v2`): no such clash.
 */
function warnExplodedMemberClashes(
  models: readonly ParameterModel[],
  located: readonly Located[],
  ctx: SchemaContext,
): void {
  for (const location of ['query', 'cookie'] as const) {
    // Who puts each key on the wire first: a parameter by its name, or an exploded object's member.
    // (An exploded object's own name is not one: only its members' are sent.)
    const owners = new Map<string, string>();
    const exploded = models.map(
      (model) =>
        model.in === location &&
        model.style === 'form' &&
        model.explode &&
        model.mediaType === undefined && // `content`: one value, JSON text
        objectNode(model.schema, ctx) !== undefined,
    );
    models.forEach((model, index) => {
      if (model.in === location && !exploded[index])
        owners.set(model.name, `${location} parameter ${JSON.stringify(model.name)}`);
    });
    models.forEach((model, index) => {
      if (!exploded[index]) return;
      for (const member of objectNode(model.schema, ctx)!.properties.map(({ name }) => name)) {
        const owner = owners.get(member);
        const self = `${location} parameter ${JSON.stringify(model.name)}`;
        if (owner === undefined) {
          owners.set(member, `property ${JSON.stringify(member)} of ${self}`);
          continue;
        }
        const sent =
          location === 'query' ? `\`${member}=…\` in the query` : `the cookie \`${member}=…\``;
        ctx.warnings.add(
          'parameter:exploded-member-clash',
          `${self} is an object sent exploded (\`style: form\`, \`explode: true\`): its property ${JSON.stringify(member)} goes on the wire as ${sent}, as ${owner} does; the request carries the key twice and the API reads one of them`,
          { file: ctx.file, pointer: located[index]!.pointer },
          location === 'query'
            ? `rename the property or the other parameter, or send ${JSON.stringify(model.name)} as \`style: deepObject\` (\`${model.name}[${member}]=…\`) or with \`explode: false\` (\`${model.name}=${member},…\`)`
            : `rename the property or the other parameter, or send ${JSON.stringify(model.name)} with \`explode: false\` (the cookie \`${model.name}=${member},…\`)`,
        );
      }
    });
  }
}

/** An object schema, through one `$ref` to a named schema; undefined for any other. */
function objectNode(schema: SchemaNode, ctx: SchemaContext): ObjectNode | undefined {
  const node =
    schema.kind === 'ref'
      ? ctx.schemas.find((named) => named.name === schema.target)?.node
      : schema;
  return node?.kind === 'object' ? node : undefined;
}

/** The order of the locations among parameters of one name: the arguments' (path) first. */
const LOCATION_RANK: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

/**
 * What makes two parameters the same (OpenAPI 3.1 §4.8.12.1: name and location): a header's name
 * without case, as HTTP compares it (RFC 9110 §5.1); other names as written.
 */
function parameterKey(location: ParameterLocation, name: string): string {
  return `${location} ${location === 'header' ? name.toLowerCase() : name}`;
}

function declaredTwice(
  location: ParameterLocation,
  name: string,
  twin: { name: string; pointer: string },
  pointer: string,
  file: string,
): GeneratorError {
  const cased =
    twin.name === name
      ? ''
      : ` as ${JSON.stringify(twin.name)} (header names are case-insensitive, RFC 9110 §5.1)`;
  return new GeneratorError(
    `${location} parameter ${JSON.stringify(name)} is declared twice in one list: also at ${twin.pointer}${cased}; OpenAPI wants each name and location once (§4.8.12.1)`,
    { file, pointer },
    'remove one of the two, or rename it if it is another parameter',
  );
}

/** An HTTP token (RFC 9110 §5.6.2): what a header field name or a cookie name may be. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Whether a request can carry a parameter of this location and name: a header or cookie name
 * must be a token (fetch refuses any other header); path and query names are encoded.
 */
/**
 * Whether a parameter is one of the SDK's methods' (and the typed path client's): a header or
 * cookie whose name requests can carry, and not a header OpenAPI says to ignore (IGNORED_HEADERS).
 */
export function isMethodParameter(location: unknown, name: unknown): boolean {
  return (
    isSendable(location, name) &&
    !(location === 'header' && typeof name === 'string' && IGNORED_HEADERS.has(name.toLowerCase()))
  );
}

function isSendable(location: unknown, name: unknown): boolean {
  return (
    (location !== 'header' && location !== 'cookie') ||
    (typeof name === 'string' && HTTP_TOKEN.test(name))
  );
}

function resolveParameter(
  doc: Record<string, unknown>,
  entry: unknown,
  pointer: string,
  file: string,
): Located {
  let raw = entry;
  let at = pointer;
  for (let ref = refOf(raw), hops = 0; ref !== undefined; ref = refOf(raw), hops++) {
    const target = refPointer(ref);
    if (target === undefined || hops > 20) {
      throw new GeneratorError(
        `cannot follow parameter $ref ${JSON.stringify(ref)}`,
        { file, pointer: at },
        'point the $ref at #/components/parameters/<name>',
      );
    }
    at = target;
    raw = getByPointer(doc, target);
  }
  raw = withReferenceText(doc, entry, raw);
  if (!isRecord(raw) || typeof raw.name !== 'string' || raw.in === undefined) {
    throw new GeneratorError(
      'a parameter needs a `name` and `in` (path, query, header or cookie)',
      { file, pointer: at },
      'add the missing `name`/`in`, or fix the $ref that points here',
    );
  }
  // A header or cookie without a name is left out with a warning (isSendable): public specs have
  // them. A path or query parameter would be sent (`?=…`) and typed (`'': string`).
  if (raw.name === '' && (raw.in === 'query' || raw.in === 'path')) {
    throw new GeneratorError(
      `the ${raw.in} parameter's name is empty: the SDK would send it without a name and type it as the key ''`,
      { file, pointer: joinPointer(at, 'name') },
      'write the name the API expects the parameter by',
    );
  }
  if (!LOCATIONS.includes(raw.in as ParameterLocation)) {
    // OpenAPI 3.2's `querystring` and Swagger 2.0's `body`/`formData` are the usual ones.
    const body = raw.in === 'body' || raw.in === 'formData';
    throw new GeneratorError(
      `a parameter's \`in\` must be path, query, header or cookie (OpenAPI 3.1 §4.8.12.1), not ${JSON.stringify(raw.in)}`,
      { file, pointer: joinPointer(at, 'in') },
      body
        ? 'describe the body with the operation’s `requestBody` (OpenAPI 3 has no body parameters)'
        : 'write one of path, query, header or cookie',
    );
  }
  return { raw, pointer: at };
}

/** Schema kinds that are no object: `deepObject` does not describe them. */
/** Schema kinds that are no object: `style: deepObject` is not defined for them (§4.8.12.4). */
export const NOT_OBJECTS: readonly string[] = [
  'array',
  'string',
  'number',
  'boolean',
  'enum',
  'null',
];

/** The styles each location takes (OpenAPI 3.1.1 §4.8.12.4.1, the style values table); the first is its default. */
const STYLES: Readonly<Record<ParameterLocation, readonly string[]>> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};

/**
 * The parameter's `style`, or its location's default: also, with a warning, in place of a style
 * its location does not take (`style: simple` on a query parameter, `label` on a query parameter), which the
 * client has no way to send it in.
 */
function parameterStyle(
  raw: Record<string, unknown>,
  location: ParameterLocation,
  pointer: string,
  ctx: SchemaContext,
): string {
  const styles = STYLES[location];
  const fallback = styles[0]!;
  if (raw.style === undefined) return fallback;
  if (typeof raw.style === 'string' && styles.includes(raw.style)) return raw.style;
  const list =
    styles.length === 1
      ? `only \`${fallback}\``
      : `${styles
          .slice(0, -1)
          .map((style) => `\`${style}\``)
          .join(', ')} or \`${styles.at(-1)!}\``;
  ctx.warnings.add(
    'parameter:style',
    `${location} parameter ${JSON.stringify(raw.name)} has \`style: ${typeof raw.style === 'string' ? raw.style : JSON.stringify(raw.style)}\`, which a ${location} parameter cannot have (OpenAPI 3.1.1 §4.8.12.4: it takes ${list}): it is sent in style \`${fallback}\``,
    { file: ctx.file, pointer: joinPointer(pointer, 'style') },
    `write ${list.replace(/^only /, '')} (or leave \`style\` out for \`${fallback}\`)`,
  );
  return fallback;
}

function parameterModel(located: Located, identifier: string, ctx: SchemaContext): ParameterModel {
  const { raw, pointer } = located;
  const name = raw.name as string;
  const location = raw.in as ParameterLocation;
  const style = parameterStyle(raw, location, pointer, ctx);
  if (location === 'path' && raw.required !== true) {
    // OpenAPI 3.1 §4.8.12.2 (3.0 §4.7.12.2): "REQUIRED and its value MUST be true". A request
    // without it would have no URL, so it is read as required, and the spec is told so.
    ctx.warnings.add(
      'parameter:path-not-required',
      `path parameter ${JSON.stringify(name)} ${raw.required === false ? 'says `required: false`' : 'does not say `required: true`'}: a path parameter is always required, so the SDK method requires it`,
      { file: ctx.file, pointer: 'required' in raw ? joinPointer(pointer, 'required') : pointer },
      'write `required: true` (OpenAPI: a path parameter MUST be required); for an optional part of a URL, declare a second path without it',
    );
  }
  const model: ParameterModel = {
    name,
    identifier,
    in: location,
    required: location === 'path' || raw.required === true,
    deprecated: raw.deprecated === true,
    style,
    explode: typeof raw.explode === 'boolean' ? raw.explode : style === 'form',
    schema: schemaNode(...parameterSchema(raw, pointer), ctx),
  };
  const lookup = (target: string) => ctx.schemas.find((schema) => schema.name === target)?.node;
  const schemaAt = parameterSchema(raw, pointer)[1];
  const nullLeftOut = requiredWithoutNull(model, lookup, {
    warnings: ctx.warnings,
    file: ctx.file,
    pointer: schemaAt,
  });
  if (nullLeftOut !== undefined) {
    model.schema = nullLeftOut.schema;
    model.nullLeftOutAt = schemaAt;
  }
  if (nullLeftOut?.nonNullable === true) model.nonNullable = true;
  // Null alone: no request can carry it, so a query, header or cookie one is not required.
  if (
    requiredNullOnly(model, lookup, { warnings: ctx.warnings, file: ctx.file, pointer: schemaAt })
  )
    model.required = false;
  warnPathSlash(model, lookup, { warnings: ctx.warnings, file: ctx.file, pointer: schemaAt });
  if (style === 'deepObject' && NOT_OBJECTS.includes(model.schema.kind)) {
    // The style values table defines deepObject for objects only; the runtime sends anything else
    // as `form` exploded would.
    ctx.warnings.add(
      'parameter:deep-object-not-object',
      `query parameter ${JSON.stringify(name)} has \`style: deepObject\`, which OpenAPI defines for objects only (§4.8.12.4), but its schema is ${model.schema.kind === 'array' ? 'an array' : 'not an object'}: it is sent as \`style: form\` with \`explode: true\` (${model.schema.kind === 'array' ? `\`${name}=a&${name}=b\`` : `\`${name}=a\``})`,
      { file: ctx.file, pointer: joinPointer(pointer, 'style') },
      'leave `style` out (form), or give the parameter an object schema',
    );
  }
  if (style === 'deepObject' && raw.explode === false) {
    // The style values table has deepObject only with explode true (§4.8.12.4.1: "n/a" for
    // false); written without `explode`, as most specs do, it is read exploded without a word.
    ctx.warnings.add(
      'parameter:deep-object-not-exploded',
      `query parameter ${JSON.stringify(name)} has \`style: deepObject\` with \`explode: false\`, which OpenAPI does not define (§4.8.12.4): it is sent exploded (\`${name}[key]=value\`), as deepObject always is`,
      { file: ctx.file, pointer: joinPointer(pointer, 'explode') },
      'remove `explode: false` (or write `explode: true`); for one `name=key,value` pair list, use `style: form` with `explode: false`',
    );
  }
  // Only a query parameter's (the specification ignores it elsewhere).
  if (location === 'query' && raw.allowReserved === true) model.allowReserved = true;
  if (raw.schema === undefined && isRecord(raw.content)) {
    const [mediaType] = Object.keys(raw.content);
    if (mediaType !== undefined) model.mediaType = mediaType;
    if (mediaType !== undefined && isJsonMediaType(mediaType)) model.jsonContent = true;
  }
  if (typeof raw.description === 'string') model.description = raw.description;
  const example = parameterExample(raw);
  if (example !== undefined) model.example = example;

  const option = raw['x-sdk-client-option'];
  if (option !== undefined) {
    const optionName = option === true ? camelCase(name) : option;
    if (typeof optionName !== 'string' || !IDENTIFIER.test(optionName)) {
      throw new GeneratorError(
        '`x-sdk-client-option` must name a client option (an identifier) or be `true`',
        { file: ctx.file, pointer: joinPointer(pointer, 'x-sdk-client-option') },
        'write e.g. `x-sdk-client-option: project`',
      );
    }
    const builtIn: readonly string[] = CLIENT_CORE_OPTION_NAMES;
    if (builtIn.includes(optionName)) {
      throw new GeneratorError(
        `the client option "${optionName}" (from parameter ${name}) clashes with the client's own \`${optionName}\` option`,
        { file: ctx.file, pointer: joinPointer(pointer, 'x-sdk-client-option') },
        `give the parameter another \`x-sdk-client-option\` name (not one of ${builtIn.join(', ')})`,
      );
    }
    // The options object's prototype has these (and `then` makes any object a thenable): an
    // option of that name would read the inherited function where the caller gave none.
    if (optionName in Object.prototype || optionName === 'then') {
      throw new GeneratorError(
        `the client option "${optionName}" (from parameter ${name}) is a name every JavaScript object already has${optionName === 'then' ? ' meaning (a promise-like)' : ` (Object.prototype.${optionName})`}`,
        { file: ctx.file, pointer: joinPointer(pointer, 'x-sdk-client-option') },
        `give the parameter another \`x-sdk-client-option\` name, e.g. \`x-sdk-client-option: ${camelCase(`${name} value`)}\``,
      );
    }
    model.clientDefault = 'option';
    model.clientOption = optionName;
  } else if (location === 'header' && name.toLowerCase() === IDEMPOTENCY_KEY) {
    model.clientDefault = 'idempotency-key';
  }
  return model;
}

/** The parameter's schema and its pointer: `schema`, or the first media type's under `content`. */
function parameterSchema(raw: Record<string, unknown>, pointer: string): [unknown, string] {
  if (raw.schema !== undefined) return [raw.schema, joinPointer(pointer, 'schema')];
  if (isRecord(raw.content)) {
    const [mediaType, media] = Object.entries(raw.content)[0] ?? [];
    if (mediaType !== undefined && isRecord(media))
      return [media.schema, joinPointer(pointer, 'content', mediaType, 'schema')];
  }
  return [undefined, joinPointer(pointer, 'schema')];
}

/**
 * `example`, else the first value of `examples` (Example Objects after bundling), if JSON; for a
 * parameter described by `content`, else its media type's (OpenAPI 3.1.1 §4.8.12.2.3's own
 * `coordinates` example keeps it there).
 */
function parameterExample(raw: Record<string, unknown>): JsonValue | undefined {
  if (raw.example !== undefined) return jsonCopy(raw.example);
  if (isRecord(raw.examples)) {
    const first = Object.values(raw.examples)[0];
    if (isRecord(first) && first.value !== undefined) return jsonCopy(first.value);
  }
  if (raw.schema === undefined && isRecord(raw.content)) {
    const media = Object.values(raw.content)[0];
    if (isRecord(media)) return parameterExample(media);
  }
  return undefined;
}
