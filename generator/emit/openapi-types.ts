/**
 * `src/openapi.ts`: openapi-typescript's `paths`, `components` and `operations` for the bundled
 * document in the model (never the raw spec).
 *
 * Deliberate departures from calling `openapiTS(document)`:
 * - Keywords it types so that valid values do not fit are rewritten in its copy of the document
 *   first (openapi-types-schemas.ts): `$defs` (a property, to it), `patternProperties` and
 *   `additionalProperties` beside `properties` (an index signature the properties do not fit),
 *   required `readOnly`/`writeOnly` properties (required both ways), `discriminator` (it pins the
 *   schemas a union lists, everywhere, instead of the union), an object schema's `enum` (its
 *   values read as schemas).
 * - `prefixItems` tuples keep the items after the prefix, and their items are optional below
 *   `minItems` (openapi-types-tuples.ts): openapi-typescript types them as exactly the prefix.
 * - A child's `allOf` `$ref` to the parent whose union lists it is the parent's own keywords
 *   (openapi-types-parents.ts), as src/types.ts reads it: as written, the types contain themselves.
 * - Schemas that contain themselves through arrays or unions move into type aliases of their own
 *   (openapi-types-cycles.ts): openapi-typescript's output for them does not compile (TS2502).
 * - Its `WithRequired` helper takes nullable and union types (`withTolerantWithRequired`).
 * - Success bodies that are not JSON are typed as the path client reads them, not as their schema
 *   describes the document (openapi-types-bodies.ts): text a string, bytes a `Blob`, an event
 *   stream a `ReadableStream`.
 * - `$ref`s to anything but a whole component (into `paths`, to a schema's property) point at a
 *   `components.schemas` entry made for their target first, or are replaced by it
 *   (openapi-types-refs.ts): openapi-typescript prints them as indexed accesses that do not compile.
 * - It runs openapi-typescript's `transformSchema` with the context `openapiTS` would build for
 *   OPENAPI_TS_OPTIONS (see `openapiTsContext`). `openapiTS` parses, lints and bundles its input
 *   again with its own copy of openapi-core, which is redundant here (the loader bundled the
 *   spec already) and took 1.6 s of its 2.2 s on GitHub's description. A test compares the
 *   result with `openapiTS()`'s, so a change in openapi-typescript cannot slip through.
 * The text is the TypeScript printer's; the writer gives it prettier's form, by rules for the
 * members they cover and by prettier for the rest (write/format-by-rules/): prettier
 * over the whole file took 165 ms of our spec's run, and on large specs (GitHub's description
 * gives about 10 MB) more than the rest of the run, about 5 s and 1 GB.
 *
 * openapi-typescript changes the document it is given (discriminator descriptions), so it gets a
 * copy: the model's document also becomes openapi.json.
 *
 * Left as openapi-typescript types them: keywords where its type is wider than src/types.ts's but
 * takes every value the schema allows (each was checked against its 7.13 source):
 * - ignored, as src/types.ts ignores most of them: `if`/`then`/`else`, `dependentSchemas`,
 *   `dependentRequired`, `propertyNames`, `unevaluatedProperties` and `unevaluatedItems`,
 *   `contains`, `not`, `contentMediaType`/`contentEncoding`/`contentSchema` inside JSON (a string
 *   stays a string; a success body that is not JSON is typed as read: openapi-types-bodies.ts),
 *   `minItems`/`maxItems` outside tuples (`arrayLength: false`), `minProperties`, `items:
 *   false` without `prefixItems` (`unknown[]`), `required` names without a property schema, and
 *   `$dynamicRef` (`unknown`; src/types.ts follows it like a `$ref`);
 * - 3.1 `$ref` siblings that assert something (`{ $ref: A, properties: … }` is `A`; src/types.ts
 *   has `A & { … }`), as 3.0 says for every sibling;
 * - `anyOf` beside the schema's own properties is a union with them (`{ a } | { b }`, where
 *   src/types.ts has `{ a } & { b }`), and a member it cannot type (`{ required: [b] }`) makes the
 *   whole `unknown`;
 * - `const: null` is `unknown` (src/types.ts: `null`); a 3.0 `nullable` enum allows null though
 *   its values do not list it (src/types.ts follows 3.0.3: null only where listed);
 * - a schema that requests send and responses carry has its required readOnly and writeOnly
 *   properties optional both ways (openapi-types-schemas.ts), where src/types.ts has `…Input`;
 * - an `allOf` child of a schema with a discriminator has the property as the parent types it,
 *   not pinned to its mapped value (as src/types.ts has it).
 */
import { writtenOperationId } from '../model/build-operations.ts';
import { hasFormatCharacters, showFormatCharacters } from '../escape.ts';
import { escapeOpenapiDocText } from './openapi-doc-text.ts';
import {
  astToString,
  resolveRef,
  scanDiscriminators,
  transformSchema,
  type GlobalContext,
  type OpenAPI3,
  type OpenAPITSOptions,
  type SchemaObject,
} from 'openapi-typescript';
import ts from 'typescript';
import type { ApiModel } from '../model/types.ts';
import { rewriteRefs } from '../ref-rewrite.ts';
import { bodylessWithoutContent, successBodiesAsRead, streamType } from './openapi-types-bodies.ts';
import { hoistEagerCycles } from './openapi-types-cycles.ts';
import { enumWithoutNull } from './openapi-types-enums.ts';
import { markNullLeftOut, withoutNullType, wrapNullLeftOut } from './openapi-types-nulls.ts';
import { inlineUnionParents } from './openapi-types-parents.ts';
import { prefixItemsTuple } from './openapi-types-tuples.ts';
import { nameDeepRefs } from './openapi-types-refs.ts';
import { withoutExtensionMembers } from './openapi-types-extensions.ts';
import { fixSchemaKeywords } from './openapi-types-schemas.ts';
import type { EmittedTextFile } from './types.ts';
import { isRecord } from '../json.ts';
import { isMethodParameter } from '../model/build-parameters.ts';
import { findInObjects, getByPointer } from '../pointer.ts';
import { typedAllOfMembers } from '../model/union-product.ts';
import { isBinaryString, isJsonMediaType } from '../model/media-types.ts';

const OPENAPI_TYPES_PATH = 'src/openapi.ts';

/**
 * openapi-typescript's options, all explicit. Defaults kept on purpose: mutable types
 * (`immutable: false`), interfaces (`exportType: false`), spec order (`alphabetize: false`), no
 * index signatures unless the schema asks (`additionalProperties: false`).
 */
export const OPENAPI_TS_OPTIONS = {
  silent: true,
  immutable: false,
  exportType: false,
  alphabetize: false,
  additionalProperties: false,
  // `{ type: object }` without properties is any object, not an empty one.
  emptyObjectsUnknown: true,
  // A `default` says what the server assumes when a value is missing, not that it is always sent:
  // with `true`, request properties that have a default would become required.
  defaultNonNullable: false,
  arrayLength: false,
  enum: false,
  enumValues: false,
  conditionalEnums: false,
  dedupeEnums: false,
  excludeDeprecated: false,
  pathParamsAsTypes: false,
  propertiesRequiredByDefault: false,
  rootTypes: false,
  rootTypesNoSchemaPrefix: false,
  rootTypesKeepCasing: false,
  makePathsEnum: false,
  generatePathParams: false,
  readWriteMarkers: false,
  transform: (schema, options) =>
    withoutNullType(schema, options) ??
    streamType(schema) ??
    binaryAsBlob(schema) ??
    prefixItemsTuple(schema, options) ??
    enumWithoutNull(schema, options),
} as const satisfies OpenAPITSOptions;

/** Marks a binary string schema that travels only as text (model `textBinary`). */
const TEXT_BINARY = Symbol('text binary');

/**
 * `type: string, format: binary` (or a binary `contentMediaType`, model/media-types.ts
 * `isBinaryString`) is a `Blob` (a `File` is one), as openapi-typescript's own docs
 * suggest: a file part of a multipart body or a raw binary body is sent from one, and the client
 * reads binary responses into one. `null` stays allowed where the schema allows it. One that only
 * JSON, forms and parameters carry (marked {@link TEXT_BINARY}) is text there, and stays `string`.
 */
function binaryAsBlob(schema: SchemaObject | boolean): ts.TypeNode | undefined {
  // OpenAPI 3.1 allows boolean schemas (`true`, `false`) wherever a schema may stand.
  if (typeof schema !== 'object' || schema === null || TEXT_BINARY in schema) return undefined;
  if (!isBinaryString(schema as Record<string, unknown>)) return undefined;
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types.includes('string')) return undefined;
  const blob = ts.factory.createTypeReferenceNode('Blob');
  const nullable = ('nullable' in schema && schema.nullable === true) || types.includes('null');
  return nullable
    ? ts.factory.createUnionTypeNode([
        blob,
        ts.factory.createLiteralTypeNode(ts.factory.createNull()),
      ])
    : blob;
}

export function emitOpenapiTypes(
  model: Pick<ApiModel, 'bundled' | 'operations'> & Partial<Pick<ApiModel, 'textBinary'>>,
): EmittedTextFile {
  const document = openapiTypesDocument(model);
  return {
    path: OPENAPI_TYPES_PATH,
    printedBy: 'typescript',
    text: stringsWithFormatEscapes(
      astToString(
        hoistEagerCycles(
          withLiteralPointers(() => transformSchema(document, openapiTsContext(document))).map(
            (node) => withoutRepeatedOperations(withTolerantWithRequired(node)),
          ),
        ),
      ),
    ),
  };
}

/**
 * `text` with Unicode's format characters (a zero-width space, U+FEFF) inside its string literals
 * written as escapes, as escape.ts `stringLiteral` writes them in the other files: openapi-typescript
 * prints an enum value as `JSON.stringify` writes it, where `'a\u200Bb'` and `'ab'` look the same.
 * Comments keep them. Only a text that holds one is scanned (TypeScript's scanner finds the
 * literals), so other specs pay for one search.
 */
function stringsWithFormatEscapes(text: string): string {
  if (!hasFormatCharacters(text)) return text;
  const scanner = ts.createScanner(ts.ScriptTarget.ESNext, true, ts.LanguageVariant.Standard, text);
  let out = '';
  let last = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.StringLiteral) continue;
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    const literal = text.slice(start, end);
    if (!hasFormatCharacters(literal)) continue;
    out += text.slice(last, start) + showFormatCharacters(literal);
    last = end;
  }
  return out + text.slice(last);
}

/**
 * The document openapi-typescript is given: a copy of the bundled one with the model's
 * operationIds ({@link withOperationIds}), deep refs named (openapi-types-refs.ts), the `x-…`
 * members of paths, responses and callbacks left out (openapi-types-extensions.ts), comment text
 * escaped, refs decoded ({@link literalRefs}), the keywords it types wrongly rewritten
 * (openapi-types-schemas.ts) and success bodies that are not JSON typed as the path client reads
 * them, and answers that have no body without content (openapi-types-bodies.ts).
 */
export function openapiTypesDocument(
  model: Pick<ApiModel, 'bundled' | 'operations'> & Partial<Pick<ApiModel, 'textBinary'>>,
): OpenAPI3 {
  const named = {
    bundled: markNullLeftOut(
      withTextBinaryMarked(deepRefsNamed(model.bundled), model.textBinary),
      model.operations,
    ),
    operations: model.operations,
  };
  const read = successBodiesAsRead(
    fixSchemaKeywords(
      literalRefs(
        escapeOpenapiDocText(
          withoutExtensionMembers(
            inlineUnionParents(withOperationIds(named) as unknown as OpenAPI3),
          ),
        ),
      ),
    ),
    model.operations,
  );
  return wrapNullLeftOut(bodylessWithoutContent(read, model.operations));
}

/**
 * Marks, in the private copy `bundled`, the binary strings that only text reaches (the model's
 * `textBinary`, binary-places.ts), so {@link binaryAsBlob} leaves them `string` as src/types.ts
 * does. A symbol, so nothing of the document's own text can spell it.
 */
function withTextBinaryMarked(
  bundled: ApiModel['bundled'],
  textBinary: ReadonlySet<string> | undefined,
): ApiModel['bundled'] {
  for (const pointer of textBinary ?? []) {
    const schema = getByPointer(bundled, pointer);
    if (isRecord(schema)) (schema as Record<PropertyKey, unknown>)[TEXT_BINARY] = true;
  }
  return bundled;
}

/**
 * A private copy of the bundled document with its deep refs named (openapi-types-refs.ts), before
 * {@link withOperationIds} moves or drops what they may point at: a range key written `4XX`, a
 * parameter no request carries taken out of its list. A ref to `#/paths/~1a/get/responses/4xx`, or
 * to the second parameter of a list whose first was dropped, then named nothing, or another
 * parameter.
 */
function deepRefsNamed(bundled: ApiModel['bundled']): ApiModel['bundled'] {
  // A JSON round trip is the fastest deep copy of plain JSON (faster than structuredClone here).
  return allOfsTyped(nameDeepRefs(JSON.parse(JSON.stringify(bundled)) as ApiModel['bundled']));
}

/** Values, not schemas: an `allOf` key inside them is data. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'const', 'enum']);

/**
 * Each `allOf` of unions whose combinations TypeScript would spell out past its limit cut to the
 * members src/types.ts takes (model/union-product.ts), in the private copy: decided on the whole
 * document first, then cut, so that no decision reads another's cut.
 */
function allOfsTyped(document: ApiModel['bundled']): ApiModel['bundled'] {
  const cuts: [Record<string, unknown>, number][] = [];
  findInObjects(
    document,
    (object) => {
      const typed = typedAllOfMembers(object, document);
      if (typed !== undefined) cuts.push([object, typed.kept]);
      return undefined;
    },
    (key) => !DATA_KEYS.has(key),
  );
  for (const [object, kept] of cuts) object.allOf = (object.allOf as unknown[]).slice(0, kept);
  return document;
}

/**
 * Runs openapi-typescript's transform with `decodeURIComponent` as the identity, after
 * {@link literalRefs} has decoded every `$ref` itself. openapi-typescript makes a JSON pointer of
 * every key it visits (`createRef`) and decodes it with its own copy of openapi-core 1.x, as if the
 * key were percent-encoded: a key with a `%` not followed by two hex digits (a path `/rates/100%`,
 * an operationId `get%Rate`) threw `URIError: URI malformed` (openapi-ts/openapi-typescript#2251),
 * and one with a valid sequence (`get%41`) was typed under another key (`getA`), which does not
 * compile or, worse, names another operation. Keys are literal text, not URI fragments, so they
 * must not be decoded at all. The transform is synchronous, so nothing else runs while the global
 * is replaced.
 */
function withLiteralPointers<T>(transform: () => T): T {
  const decode = globalThis.decodeURIComponent;
  globalThis.decodeURIComponent = (text: string) => text;
  try {
    return transform();
  } finally {
    globalThis.decodeURIComponent = decode;
  }
}

/**
 * Decodes the URI fragment of every local `$ref` and discriminator `mapping` value of `document` (a
 * private copy), as RFC 6901 §6 reads one (percent-decoding before the `~` escapes), so that
 * openapi-typescript, which then decodes nothing ({@link withLiteralPointers}), reaches the key
 * the spec meant: `#/components/schemas/Per%25Cent` names `Per%Cent`. Data (examples, defaults,
 * enums, extensions) is left alone; each object is decoded once, though several places share it.
 */
function literalRefs<T>(document: T): T {
  const literal = (ref: string) => {
    if (!ref.startsWith('#')) return undefined;
    try {
      return `#${decodeURIComponent(ref.slice(1))}`;
    } catch {
      return undefined;
    }
  };
  // openapi-typescript reads neither examples nor extensions.
  rewriteRefs(document, literal, (member) => member === 'examples' || member.startsWith('x-'));
  return document;
}

/**
 * openapi-typescript's helper for `required` names that an `allOf` member declares,
 * `type WithRequired<T, K extends keyof T> = T & { [P in K]-?: T[P] }`, does not compile when the
 * member is nullable or a union (`keyof (X | null)` is `never`: TS2344). This one means the same for
 * an object type and takes each member of a union on its own (`null` drops out, as in `allOf`).
 */
const WITH_REQUIRED =
  'type WithRequired<T, K extends PropertyKey> = T extends unknown ? T & Required<Pick<T, K & keyof T>> : never;';

function withTolerantWithRequired(node: ts.Node): ts.Node {
  if (!ts.isTypeAliasDeclaration(node) || node.name.text !== 'WithRequired') return node;
  return ts.createSourceFile(
    'with-required.ts',
    WITH_REQUIRED,
    ts.ScriptTarget.ESNext,
    false,
    ts.ScriptKind.TS,
  ).statements[0]!;
}

/**
 * `operations` with each operation once. openapi-typescript adds an operation for each place it
 * types it: a path item in `components.pathItems` (OpenAPI 3.1) that a path `$ref`s is typed under
 * both, and `operations` got the same member twice (TS2300). The model refuses a path item reached
 * from two paths, and names every other operation apart, so a repeated name is one operation.
 */
function withoutRepeatedOperations(node: ts.Node): ts.Node {
  if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'operations') return node;
  const seen = new Set<string>();
  const members = node.members.filter((member) => {
    const name =
      member.name !== undefined && ts.isIdentifier(member.name)
        ? member.name.text
        : member.name !== undefined && ts.isStringLiteral(member.name)
          ? member.name.text
          : undefined;
    if (name === undefined) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  if (members.length === node.members.length) return node;
  return ts.factory.updateInterfaceDeclaration(
    node,
    node.modifiers,
    node.name,
    node.typeParameters,
    node.heritageClauses,
    members,
  );
}

/**
 * The context `openapiTS(document, OPENAPI_TS_OPTIONS)` builds (openapi-typescript 7.13
 * `src/index.ts`), minus its Redocly config, which only its parse/lint/bundle step reads.
 */
function openapiTsContext(document: OpenAPI3): GlobalContext {
  const options = OPENAPI_TS_OPTIONS;
  return {
    ...options,
    discriminators: scanDiscriminators(document, options),
    injectFooter: [],
    postTransform: undefined,
    transform: options.transform,
    transformProperty: undefined,
    inject: undefined,
    redoc: undefined as unknown as GlobalContext['redoc'],
    resolve<T>($ref: string): T | undefined {
      return resolveRef<T>(document, $ref, { silent: options.silent });
    },
  };
}

/**
 * The key of an operation in openapi-typescript's `operations`: its operationId with every `#`
 * made `/` (openapi-typescript 7 does this, since it writes the ids as JSON pointer tokens). Code
 * that indexes `operations` must use this key, not the operationId.
 */
export function openapiOperationKey(operationId: string): string {
  return operationId.replace(/#/g, '/');
}

/**
 * The bundled document with the model's derived operationIds filled in where the spec has none,
 * so every operation gets its `operations['…']` entry (openapi-typescript only lists operations
 * with an id), the path parameters the model implied from the path template declared, so the
 * typed path client takes them, and the header and cookie parameters no request can carry left
 * out, as the model leaves them out (build-parameters.ts `isMethodParameter`). Copy-on-write: the
 * model's document is not touched, untouched parts are shared.
 */
export function withOperationIds(
  model: Pick<ApiModel, 'bundled' | 'operations'>,
): Record<string, unknown> {
  const paths = model.bundled.paths;
  if (!isRecord(paths)) return model.bundled;
  let copiedPaths: Record<string, unknown> | undefined;
  // A path item another path or `components/pathItems` holds (`$ref`) is written out at each path
  // that reaches it: each path's operations then carry that path's own operationId (and lose the
  // parameters no request sends) below. Left to openapi-typescript, every path reaching one path
  // item gave its operations the same key in `operations`, listed once per path (TS2300).
  for (const [path, item] of Object.entries(paths)) {
    const resolved = resolvedPathItem(item, model.bundled);
    if (resolved === item) continue;
    copiedPaths ??= { ...paths };
    copiedPaths[path] = resolved;
  }
  for (const operation of model.operations) {
    const item = (copiedPaths ?? paths)[operation.path];
    if (!isRecord(item) || typeof item.$ref === 'string') continue;
    const raw = item[operation.method];
    const implied = operation.impliedPathParameters ?? [];
    if (!isRecord(raw)) continue;
    // A blank operationId is none (build-operations.ts): the model derived one, which the testing
    // kit and the client index `operations` by (helper-141 F4: `operations['getP0']`, TS2339).
    const written = writtenOperationId(raw) !== undefined;
    if (written && implied.length === 0) continue;
    const parameters = [
      ...(Array.isArray(raw.parameters) ? (raw.parameters as unknown[]) : []),
      ...implied.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ];
    copiedPaths ??= { ...paths };
    copiedPaths[operation.path] = {
      ...item,
      [operation.method]: {
        ...raw,
        operationId: written ? raw.operationId : operation.operationId,
        ...(implied.length > 0 ? { parameters } : {}),
      },
    };
  }
  for (const [path, item] of Object.entries(copiedPaths ?? paths)) {
    const sendable = withSendableParameters(item, model.bundled);
    if (sendable === item) continue;
    copiedPaths ??= { ...paths };
    copiedPaths[path] = sendable;
  }
  const document =
    copiedPaths === undefined ? model.bundled : { ...model.bundled, paths: copiedPaths };
  return withContentParametersTyped(withSendablePathItemComponents(document));
}

/**
 * A parameter described by JSON `content` given that content's `schema`, so openapi-typescript
 * types it as the value (it types a parameter without `schema` as `string`): the typed path
 * client writes the value as JSON, as the resource methods do, and a string would go quoted
 * (OpenAPI 3.1.1 §4.8.12.2.3). Parameters of other media types stay text. A copy when it changes.
 */
function withContentTyped(parameter: unknown): unknown {
  if (!isRecord(parameter) || parameter.schema !== undefined || !isRecord(parameter.content))
    return parameter;
  const [mediaType, media] = Object.entries(parameter.content)[0] ?? [];
  if (mediaType === undefined || !isRecord(media) || media.schema === undefined) return parameter;
  if (isJsonMediaType(mediaType)) return { ...parameter, schema: media.schema };
  // Text of a number or boolean: the value or its text, as the resource methods take it
  // (emit/client/type-refs.ts parameterType; helper-132 8).
  return isPlainScalar(media.schema)
    ? { ...parameter, schema: { anyOf: [{ type: 'string' }, media.schema] } }
    : parameter;
}

/** A schema of `type` number, integer or boolean (null beside them), with no enum or const. */
function isPlainScalar(schema: unknown): boolean {
  if (!isRecord(schema) || 'enum' in schema || 'const' in schema) return false;
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const scalar = (type: unknown) => type === 'number' || type === 'integer' || type === 'boolean';
  return types.some(scalar) && types.every((type) => scalar(type) || type === 'null');
}

/** The document with its `components/parameters` typed by {@link withContentTyped}. */
function withContentParametersTyped(document: Record<string, unknown>): Record<string, unknown> {
  const components = document.components;
  if (!isRecord(components) || !isRecord(components.parameters)) return document;
  let copied: Record<string, unknown> | undefined;
  for (const [name, parameter] of Object.entries(components.parameters)) {
    const typed = withContentTyped(parameter);
    if (typed === parameter) continue;
    copied ??= { ...components.parameters };
    copied[name] = typed;
  }
  return copied === undefined
    ? document
    : { ...document, components: { ...components, parameters: copied } };
}

/** The document with its `components/pathItems` left without the parameters no request carries. */
function withSendablePathItemComponents(
  document: Record<string, unknown>,
): Record<string, unknown> {
  const components = document.components;
  if (!isRecord(components) || !isRecord(components.pathItems)) return document;
  let copied: Record<string, unknown> | undefined;
  for (const [name, item] of Object.entries(components.pathItems)) {
    const sendable = withSendableParameters(item, document);
    if (sendable === item) continue;
    copied ??= { ...components.pathItems };
    copied[name] = sendable;
  }
  return copied === undefined
    ? document
    : { ...document, components: { ...components, pathItems: copied } };
}

/**
 * A path item that is a local `$ref` (through any chain of them) as the path item it reaches, the
 * `$ref`'s own fields (`summary`, `description`) over the target's; `item` itself when it is no
 * `$ref`, or one that leads nowhere or in a loop (the model reports those).
 */
function resolvedPathItem(item: unknown, document: Record<string, unknown>): unknown {
  let current = item;
  const seen = new Set<string>();
  const own: Record<string, unknown>[] = [];
  while (isRecord(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) return item;
    seen.add(ref);
    const { $ref: _ref, ...fields } = current;
    own.unshift(fields);
    current = getByPointer(document, ref);
  }
  if (current === item || !isRecord(current)) return item;
  return Object.assign({}, current, ...own) as Record<string, unknown>;
}

/** An operation whose `responses` has `2xx`-style keys, with them written `2XX` (build-bodies.ts `statusKey`). */
function withRangeKeys(operation: Record<string, unknown>): Record<string, unknown> {
  const { responses } = operation;
  const isLowerRange = (key: string) => /^[1-5]xx$/i.test(key) && key !== key.toUpperCase();
  if (!isRecord(responses) || !Object.keys(responses).some(isLowerRange)) return operation;
  const written = Object.fromEntries(
    Object.entries(responses).map(([key, value]) => [
      isLowerRange(key) ? key.toUpperCase() : key,
      value,
    ]),
  );
  return { ...operation, responses: written };
}

const PATH_ITEM_OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * A path item as the model reads it: without the parameters no SDK method takes (a header no
 * request can carry, or one OpenAPI says to ignore: Accept, Content-Type, Authorization), at its
 * level and its operations', those described by JSON `content` typed as their value
 * ({@link withContentTyped}), with each operation's range response keys written as OpenAPI
 * writes them (`2xx` as `2XX`), which the testing kit and the error types index, and without a
 * GET's or HEAD's request body ({@link withoutForbiddenBody}).
 */
function withSendableParameters(item: unknown, document: Record<string, unknown>): unknown {
  if (!isRecord(item)) return item;
  const sendable = (list: unknown): unknown => {
    if (!Array.isArray(list)) return list;
    const kept = (list as unknown[]).filter((entry) => {
      const parameter =
        isRecord(entry) && typeof entry.$ref === 'string' && entry.$ref.startsWith('#/')
          ? getByPointer(document, entry.$ref)
          : entry;
      return !isRecord(parameter) || isMethodParameter(parameter.in, parameter.name);
    });
    const typed = kept.map(withContentTyped);
    return typed.length === list.length && typed.every((entry, i) => entry === list[i])
      ? list
      : typed;
  };
  let copy: Record<string, unknown> | undefined;
  for (const key of ['parameters', ...PATH_ITEM_OPERATIONS]) {
    const value = item[key];
    const next =
      key === 'parameters'
        ? sendable(value)
        : isRecord(value)
          ? withRangeKeys(
              value.parameters === undefined
                ? value
                : ((list) => (list === value.parameters ? value : { ...value, parameters: list }))(
                    sendable(value.parameters),
                  ),
            )
          : value;
    const sent = withoutForbiddenBody(key, next);
    if (sent === value) continue;
    copy ??= { ...item };
    copy[key] = sent;
  }
  return copy ?? item;
}

/**
 * A GET or HEAD operation without its `requestBody`: fetch refuses to send one (the Fetch
 * standard's Request constructor), so the typed path client takes none, as the resource method
 * (build-operations.ts, which warns).
 */
function withoutForbiddenBody(method: string, operation: unknown): unknown {
  if ((method !== 'get' && method !== 'head') || !isRecord(operation)) return operation;
  if (!('requestBody' in operation)) return operation;
  const { requestBody: _dropped, ...rest } = operation;
  return rest;
}
