/**
 * The generator's model: what the emitters read. Types only; `build-*.ts` modules fill it from the
 * bundled spec, and every 3.0/3.1 difference and every unsafe name is settled before it gets here.
 */
import type { GeneratorWarning } from '../warnings.ts';
import type { JsonValue, SchemaNode } from './schema-types.ts';

export type { SchemaNode } from './schema-types.ts';

/** Everything one generator run knows. */
export interface ApiModel {
  /** The spec file the run started from, as given on the command line. */
  specFile: string;
  /** The spec's path as generated files name it (GeneratorContext.specSource). */
  specSource: string;
  /** sha256 of the bundled spec (hex): identifies the spec a run read. Not written into the output (see header.ts). */
  specHash: string;
  /** `3.0` or `3.1`: the source version, after which nothing downstream should care. */
  openapiVersion: '3.0' | '3.1';
  info: ApiInfo;
  /** Named schemas from `components.schemas`, in spec order. */
  schemas: NamedSchema[];
  /**
   * Pointers of the binary string schemas (`format: binary`) that only JSON, forms and parameters
   * reach: text on the wire, so typed `string`, not `Blob` (binary-places.ts).
   */
  textBinary: ReadonlySet<string>;
  /** Every operation, in spec order (paths, then methods in a fixed order). */
  operations: OperationModel[];
  /** Operations grouped by their SDK resource, in order of first appearance. */
  resources: ResourceModel[];
  /** Security schemes that the client can fill from its options. */
  auth: AuthModel[];
  /**
   * The one of `auth` the client fills from its `token` option (build-auth.ts `tokenAuth`), which
   * the README and the docs samples show too; undefined when the client takes no token.
   */
  tokenAuth: AuthModel | undefined;
  /**
   * The client may be built without a token: every operation's effective `security` has a `{}`
   * alternative (`security: [{}, { bearer: [] }]`: the credential is optional, OpenAPI 3.1
   * §4.8.10), so the token is sent when given and calls go without one otherwise
   * (build-auth.ts `isTokenOptional`).
   */
  tokenOptional: boolean;
  /**
   * The schemes the client takes a credential for besides its token, each under its name in its
   * `credentials` option (build-auth.ts `otherCredentials`): one per way a credential travels
   * other than the token's (another API key, HTTP Basic beside a bearer token), in spec order.
   * Empty when every requirement's schemes take the token.
   */
  credentials: CredentialModel[];
  /** Names and settings of the generated package and its client (root `x-sdk`, CLI flags). */
  sdk: SdkModel;
  /** The names `src/client.ts` exports besides the client class (build-client-exports.ts). */
  clientExports: ClientExports;
  /** The bundled spec as plain JSON, shipped in the package. */
  bundled: Record<string, unknown>;
  /** What the generator ignored (unknown keywords and the like), once per kind; see warnings.ts. */
  warnings: GeneratorWarning[];
}

/**
 * What `src/client.ts` exports besides the client class, each name claimed after every schema,
 * resource and operation type, so none of them is shadowed.
 */
export interface ClientExports {
  /** The client's options interface, e.g. `GigsOptions`. */
  options: string;
  /** The table of response guards, `responseGuards`. */
  responseGuards: string;
  /** The function that gives the typed path client, `pathsClient`. */
  pathsClient: string;
  /** The public runtime, re-exported in the order of reserved-names.ts `CLIENT_RUNTIME_EXPORTS`. */
  runtime: RuntimeExport[];
}

/** One name of the runtime the package exports, e.g. `APIError` from `./runtime/errors.js`. */
export interface RuntimeExport {
  /** Module specifier from src/, e.g. `./runtime/errors.js`. */
  module: string;
  /** The runtime's name. */
  name: string;
  /** The name the package exports it as: `name`, or `<Client><name>` where that is taken. */
  exportedAs: string;
  /** A type, exported with `export type`. */
  typeOnly: boolean;
}

/** The generated package and its client, settled from the CLI flags and the root `x-sdk` extension. */
export interface SdkModel {
  /**
   * Client class name, e.g. `Gigs` (`x-sdk.clientName`, else PascalCase of `info.title`), with
   * `Client` appended where another export of the package has the name (build-client-exports.ts).
   */
  clientName: string;
  /** Prefix of the environment variables the client reads, e.g. `GIGS` → `GIGS_TOKEN`. */
  envPrefix: string;
  /** npm package name, e.g. `gigs-sdk`. */
  packageName: string;
  /** npm package version (`info.version` unless the caller gave one). */
  packageVersion: string;
  /** Options of the client that fill parameters (`x-sdk-client-option`), in order of first use. */
  clientOptions: ClientOptionModel[];
  /** SPDX licence of the package (`info.license`), `UNLICENSED` when the spec names none. */
  license: string;
  /** The package's repository (`x-sdk.repository`), undefined when the spec gives none. */
  repository: PackageRepository | undefined;
  /**
   * Whether `--name` and `--package-version` gave another name or version than the spec alone
   * does (only those are options of the run in the generation record, write/record.ts).
   */
  overridden: { packageName: boolean; packageVersion: boolean };
  /**
   * What the guards do with a `pattern` that may take super-linear time (`--unsafe-patterns`,
   * generator/model/patterns.ts); `re2js` when absent.
   */
  unsafePatterns?: 're2js' | 'native' | 'skip';
}

/** package.json's `repository`: `{ type, url, directory? }`, the form npm and publint want. */
export interface PackageRepository {
  type: 'git';
  url: string;
  directory?: string;
}

/** A client option that fills a parameter of many operations, e.g. `project` → `GIGS_PROJECT`. */
export interface ClientOptionModel {
  /** Option name on the client (an identifier), e.g. `project`. */
  name: string;
  /** Environment variable that provides the default, e.g. `GIGS_PROJECT`. */
  envVar: string;
  /** Description of the first parameter that uses the option. */
  description?: string;
  /**
   * The params type that holds the option's parameter for every method that takes it
   * (`ProjectParam`: `{ project?: string }`), so its documentation is written once.
   */
  typeName: string;
  /** Where the parameter goes and its name on the wire, e.g. path `project`. */
  in: ParameterLocation;
  parameterName: string;
}

export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
  /** First server URL, if any (the client's default base URL). */
  serverUrl?: string;
  /**
   * `serverUrl` is relative (`/api`, `v1`, `//host/api`: OpenAPI 3.1 §4.8.5): the client resolves it
   * against the page, and outside a browser needs a `baseURL` of the caller's.
   */
  serverUrlRelative?: true;
}

export interface NamedSchema {
  /** The key in `components.schemas`, e.g. `user.birthday`. */
  originalName: string;
  /** A safe, unique TypeScript type name, e.g. `UserBirthday`. */
  name: string;
  /** JSON pointer of the schema in the bundled document. */
  pointer: string;
  description?: string;
  deprecated: boolean;
  /** `x-preview: true`: the schema may change without notice. */
  preview?: boolean;
  node: SchemaNode;
  /**
   * The type name of the schema's request shape (`PlanInput`), when a request uses the schema and
   * that shape differs from the response shape `name` describes (read-write.ts).
   */
  inputName?: string;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export interface OperationModel {
  /** `operationId` as in the spec (or derived from method and path when missing). */
  operationId: string;
  /**
   * The first of the operation's own `servers` (else its path item's), with its variables at
   * their defaults, when it is an absolute http(s) URL other than the client's default: where the
   * call goes while the caller gives the client no `baseURL` (OpenAPI 3.1 §4.8.9.1, §4.8.10.1).
   */
  server?: string;
  method: HttpMethod;
  /** The path template as in the spec, e.g. `/projects/{project}/plans/{plan}`. */
  path: string;
  /** JSON pointer of the operation in the bundled document. */
  pointer: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** `x-preview: true`: the operation may change without notice. */
  preview?: boolean;
  /** Tags, used for grouping in docs. */
  tags: string[];
  /** Where the operation lives in the resource client: `plans.retrieve` → resource `plans`, method `retrieve`. */
  sdk: { resource: string; method: string };
  /**
   * Names of the operation's own generated types: `PlanListParams` always (emitted when the method
   * takes params); `…Response` and `…Body` only when the success body or the request body is a
   * schema written inline that a type expression cannot name (an object, not a `$ref`).
   * `responseGuard`: the name of the guard of a JSON success body that is not exactly a `$ref` to
   * a named schema (`validate<name>` in src/guards.ts, its key in src/response-guards.ts):
   * `response` where there is one, else a name claimed like it (`AnimalListResponse` for
   * `Animal[]`), never a schema's. `otherResponseGuards`: the same for the bodies of the other
   * success responses read apart from the main one (model/successes.ts `distinctSuccesses`), by
   * status key: `{ '201': 'PlanCreate201Response' }`.
   */
  typeNames: {
    params: string;
    response?: string;
    body?: string;
    responseGuard?: string;
    otherResponseGuards?: Record<string, string>;
  };
  parameters: ParameterModel[];
  body?: RequestBodyModel;
  /** Responses by status code (`200`, `4XX`, `default`), in spec order. */
  responses: ResponseModel[];
  /**
   * The success response the method returns (lowest 2xx, else `2XX`, else `default` when no 2xx
   * is declared), if any.
   */
  successResponse?: ResponseModel;
  /**
   * The other responses a 2xx answer may select (exact code, then `2XX`, then `default`; OpenAPI
   * 3.1.1 §4.8.16): other 2xx codes, `2XX` beside an exact one, `default` when there is no `2XX`.
   * The client reads a 2xx by the one its status selects; the result type is the union of
   * `successResponse` and these, `default` left out where it only describes errors (beside
   * declared 2xx responses). Absent when there are none.
   */
  otherSuccesses?: ResponseModel[];
  pagination?: PaginationModel;
  /** True when the operation declares an `Idempotency-Key` header parameter. */
  idempotent: boolean;
  /** True when the operation needs auth (has effective security). */
  secured: boolean;
  /**
   * True when it takes no credential (OpenAPI 3.1 §4.8.10), so the client does not send its token
   * there: its effective `security` lists only `{}` alternatives (`security: []`, `[{}]`), or it
   * has none while other operations require a scheme. A spec that requires security nowhere leaves
   * this false (the client sends the token it was given).
   */
  anonymous: boolean;
  /**
   * The effective `security` (the operation's own, else the root's; OpenAPI 3.1 §4.8.10): the
   * scheme names of each alternative requirement (`[]` for `{}`, which takes no credential), and
   * where the list is declared. Absent when neither declares one.
   */
  security?: { alternatives: string[][]; pointer: string };
  /**
   * `security` as the client's credentials name it, where it takes more than its token
   * (`ApiModel.credentials`; build-auth.ts `credentialAlternatives`): each alternative's schemes
   * by the credential that sends them, those with a scheme the client cannot send left out. The
   * call sends the first the client has every credential of. Absent otherwise, and for an
   * `anonymous` operation.
   */
  credentialAlternatives?: string[][];
  /**
   * Names of the path template (`/uploads/{id}`) no parameter declares: the model takes each as a
   * required string path parameter (with a warning), and the typed path client's types get them
   * too (emit/openapi-types.ts). Absent when there are none.
   */
  impliedPathParameters?: string[];
  /** Its resource method's arguments and params object (model/operation-shape.ts). */
  shape: OperationShape;
}

/** A parameter and the local variable that holds it in the method body. */
export interface ParameterSlot {
  parameter: ParameterModel;
  /** Variable name in the method (a positional argument, or a destructured key). */
  local: string;
  /**
   * Its key in the params object: its name on the wire, with a `_` after a name every object
   * already has (`constructor_`, `toString_`, `__proto___`: see {@link paramsKey}).
   */
  key: string;
}

/** A parameter the client fills from an option unless the call gives it. */
export interface ClientOptionSlot extends ParameterSlot {
  /** The client option, e.g. `project`; also its key in the params object. */
  option: string;
}

/**
 * How an operation becomes a resource method: its arguments, its params object and where each key
 * goes on the wire (the calling convention of model/operation-shape.ts).
 */
export interface OperationShape {
  /** Positional path arguments, in the order they appear in the path. */
  pathArgs: ParameterSlot[];
  /** Parameters filled from client options (optional keys of params). */
  clientOptions: ClientOptionSlot[];
  /** Query parameters the caller gives (not client options). */
  query: ParameterSlot[];
  /** Header parameters the caller gives (not client options, not the idempotency key). */
  headers: ParameterSlot[];
  /** `none`: no params argument; `flat` / `nested`: see the module comment. */
  form: 'none' | 'flat' | 'nested';
  /** The body goes into the flat params object (its keys are everything not claimed otherwise). */
  flatBody: boolean;
  /**
   * No value of the body's type exists: its `allOf` parts give a property literal values with
   * none in common (body-shape.ts `isNeverObject`, warned about), so TypeScript types it `never`
   * and no example call can be written.
   */
  bodyNever?: true;
  /** Whether the params argument must be given. */
  paramsRequired: boolean;
  /**
   * The params argument may be left out though its type has required keys: they are an optional
   * flat body's (`put()` sends no body, `put({ a })` sends one), and nothing else is required.
   */
  paramsOmittable?: true;
  /** Whether, in the nested form, `query` / `body` must be given. */
  nestedQueryRequired: boolean;
  nestedBodyRequired: boolean;
  /** The header that takes `RequestOptions.idempotencyKey`, when the operation declares one. */
  idempotencyHeader?: string;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterModel {
  /** Name on the wire, e.g. `Idempotency-Key`, `user.birthday`. */
  name: string;
  /** Safe camelCase identifier for use as a variable or argument name. */
  identifier: string;
  in: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  description?: string;
  /** Serialisation: `form` + `explode: false` means comma-separated arrays. */
  style: string;
  explode: boolean;
  /**
   * A query parameter's `allowReserved: true`: RFC 3986's reserved characters in its value are
   * sent as they are (OpenAPI 3.1 §4.8.12.4); absent otherwise.
   */
  allowReserved?: true;
  /** Without the null a required parameter's schema admits (parameter-null.ts): none can carry it. */
  schema: SchemaNode;
  /**
   * Set when `schema` still admits null that its shape cannot leave out (a `$ref` to a nullable
   * schema) though the parameter is required: the SDK's types write it `NonNullable<…>`.
   */
  nonNullable?: true;
  /**
   * Set when the parameter is required and its schema admits null (parameter-null.ts): where that
   * schema is in the bundled document, for src/openapi.ts to leave null out too.
   */
  nullLeftOutAt?: string;
  /**
   * Set when the parameter is defined by `content` rather than `schema`: the media type its value
   * is serialized as (`application/json`); `schema` is that content's schema.
   */
  mediaType?: string;
  /**
   * Set when `mediaType` is JSON (`application/json`, `…+json`): a value that is not a string is
   * sent as its JSON text (OpenAPI 3.1.1 §4.8.12.2.3); a string is taken as that text.
   */
  jsonContent?: true;
  /**
   * True when the client fills this parameter itself (the default `project` path parameter from
   * the client options, or the `Idempotency-Key` header), so it is optional in method signatures.
   */
  clientDefault?: 'option' | 'idempotency-key';
  /** The parameter's `example` (or its first `examples` value), for docs and README examples. */
  example?: JsonValue;
  /** With `clientDefault: 'option'`: the name of the client option, e.g. `project`. */
  clientOption?: string;
}

/** How a body of a media type is read or sent (model/media-types.ts has the table). */
export type BodyKind = 'json' | 'text' | 'binary' | 'form' | 'multipart' | 'event-stream' | 'any';

export interface RequestBodyModel {
  required: boolean;
  description?: string;
  /** Chosen media type, `application/json` when present. */
  contentType: string;
  /** What kind of body `contentType` is. */
  kind: BodyKind;
  /** What the caller passes: for a `text` body the text's schema (model/text-body.ts). */
  schema: SchemaNode;
  /** The chosen media type's examples, in spec order (for docs samples and the testing kit). */
  examples?: ExampleModel[];
  /**
   * A form or multipart body's Encoding Objects (OpenAPI 3.1.1 §4.8.15), by property:
   * `contentType`; for a form `style` + `explode` + `allowReserved` with their defaults filled in
   * when any of them is given (absent when none is, so the property goes by its content type);
   * for multipart the part `headers` with a fixed value.
   */
  encoding?: Record<string, EncodingModel>;
}

/** One property's Encoding Object; see `RequestBodyModel.encoding`. */
export interface EncodingModel {
  contentType?: string;
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
  allowReserved?: true;
  /** A multipart part's headers whose value the spec fixes (`const`, `default`), as text. */
  headers?: Record<string, string>;
}

/** One example of a media type: its `example`, or an entry of its `examples` map. */
export interface ExampleModel {
  /** The key in `examples` (`default` for a lone `example`). */
  name: string;
  /** The Example Object's `summary`, when it has one. */
  summary?: string;
  /** The example's value, as JSON. (`externalValue` examples are not read.) */
  value: JsonValue;
}

export interface ResponseModel {
  /** `200`, `201`, `204`, `4XX`, `default`, … */
  status: string;
  description?: string;
  /** JSON media type schema, when there is one. */
  schema?: SchemaNode;
  contentType?: string;
  /**
   * The response's other media types of the same kind as `contentType`, in spec order
   * (`image/jpeg` beside `image/png`): the method reads them alike, and its `Accept` names them.
   */
  alternates?: string[];
  /** What kind of body `contentType` is; undefined when the response has no content. */
  kind?: BodyKind;
  /**
   * For a `text` body: the schema of the text the client resolves to, a string (model/text-body.ts:
   * the spec's enum or bounds kept, a plain string for an XML object or a JSON line).
   */
  textSchema?: SchemaNode;
  /** The chosen media type's examples, in spec order (for the testing kit). */
  examples?: ExampleModel[];
}

/** From the spec's `x-sdk-pagination` extension: cursor pagination. */
export interface PaginationModel {
  style: 'cursor';
  /** Query parameter that takes the cursor for the next page (`after`). */
  afterParam: string;
  /** Query parameter for the previous page (`before`), if any. */
  beforeParam?: string;
  /** Query parameter for page size (`limit`), if any. */
  limitParam?: string;
  /** Response property that holds the items (`items`). */
  itemsField: string;
  /** Response property with the next cursor (`moreItemsAfter`); null when there is no next page. */
  nextCursorField: string;
  /** Response property with the previous cursor (`moreItemsBefore`). */
  prevCursorField?: string;
}

export interface ResourceModel {
  /** As in the extension, e.g. `subscriptionChanges`; a safe identifier. */
  name: string;
  /** Class name, e.g. `SubscriptionChanges`. */
  className: string;
  /** The description of the tag the resource's operations carry (the class's TSDoc), if any. */
  description?: string;
  operations: OperationModel[];
}

/**
 * A credential the client takes besides its token (`ApiModel.credentials`), and the environment
 * variable it defaults to (`<PREFIX>_<SCHEME>`; none where that name is another option's).
 */
export type CredentialModel = AuthModel & { envVar?: string };

export type AuthModel =
  | { kind: 'bearer'; schemeName: string; description?: string }
  | {
      kind: 'apiKey';
      schemeName: string;
      in: 'header' | 'query' | 'cookie';
      name: string;
      description?: string;
    }
  | { kind: 'basic'; schemeName: string; description?: string };
