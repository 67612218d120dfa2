/**
 * Step 2 of the pipeline: the bundled document → ApiModel, the only thing emitters read. Names are
 * settled here through one NameRegistry (schema names first, then the client, resources and
 * operation types), so no two exports of the package collide.
 */
import { otherCredentials, withCredentialAlternatives, withEnvVars } from './credentials.ts';
import { warnAnchorElsewhere } from './anchor-elsewhere.ts';
import type { GeneratorContext } from '../context.ts';
import type { BundledSpec } from '../load/bundle.ts';
import {
  buildAuth,
  declaredSchemeNames,
  rootSchemeNames,
  isTokenOptional,
  tokenAuth,
  warnUnmetSecurity,
  withoutUnlistedToken,
  type ClientCredentials,
} from './build-auth.ts';
import { buildClientExports, claimClientName } from './build-client-exports.ts';
import { buildInfo, buildSdkSettings } from './build-info.ts';
import { buildOperations } from './build-operations.ts';
import { warnPathsInExtensions } from './extension-paths.ts';
import { warnUnknownSdkExtensions } from './sdk-extensions.ts';
import { packageLicense } from './build-package-meta.ts';
import { buildResources } from './build-resources.ts';
import { buildSchemaModel, componentSchemaNames } from './build-schema.ts';
import { GeneratorError, reporting } from '../errors.ts';
import { inDocumentOrder } from '../pointer.ts';
import { isRecord, pushAll } from '../json.ts';
import { NameRegistry, pascalCase } from './names.ts';
import {
  clientOptionOwner,
  inputOwner,
  schemaOwner,
  warnNameCollisions,
} from './name-collisions.ts';
import { schemasNeedingInput } from './read-write.ts';
import { schemaContext } from './schema-context.ts';
import { warnUnknownFields } from './object-fields.ts';
import { repairSloppySchemas } from './sloppy-schemas.ts';
import { exportName, upperSnake } from './sdk-names.ts';
import { MODULE_TYPE_NAMES, OPENAPI_TS_ROOT_NAMES } from '../reserved-names.ts';
import { Warnings } from '../warnings.ts';
import { warnLooseSchemas } from './loose-schemas.ts';
import { warnNoOperations } from './no-operations.ts';
import { operationServers } from './build-info.ts';
import { clearTextOnlyBinary, textOnlyBinaryStrings } from './binary-places.ts';
import {
  addInvalidPatternWarnings,
  addPatternWarnings,
  analysePatterns,
  guardedSchemas,
  type PatternChecker,
  unguardedSchemas,
} from './patterns.ts';
import type { ApiModel, ClientOptionModel, NamedSchema, OperationModel } from './types.ts';

export async function buildModel(
  spec: Pick<BundledSpec, 'document' | 'file' | 'version' | 'hash'> &
    Partial<Pick<BundledSpec, 'anchorsElsewhere' | 'writtenInfoVersion'>>,
  ctx: Pick<GeneratorContext, 'packageName' | 'packageVersion'> &
    Partial<Pick<GeneratorContext, 'unsafePatterns' | 'specSource'>> & {
      strict?: boolean;
      /** Who answers recheck's questions about the patterns (patterns.ts); recheck itself if none. */
      checkPattern?: PatternChecker;
      /**
       * Adds warnings about the operations that only an emitter can judge (the testing kit's
       * default answers: emit/testing/values.ts), before `strict` makes them errors. The pipeline
       * passes it: the model does not import the emitters.
       */
      checkOperations?: (
        operations: readonly OperationModel[],
        schemas: readonly NamedSchema[],
        warnings: Warnings,
        file: string,
      ) => void;
    },
): Promise<ApiModel> {
  const { document: doc, file, version } = spec;
  const warnings = new Warnings(ctx.strict === true);
  for (const found of spec.anchorsElsewhere ?? []) warnAnchorElsewhere(warnings, file, found);
  repairSloppySchemas(doc, file, warnings);
  const info = buildInfo(doc, {
    file,
    warnings,
    ...(spec.writtenInfoVersion === undefined ? {} : { writtenVersion: spec.writtenInfoVersion }),
  });
  // The steps below report their problems together: the settings' and the schemas' do not stop
  // the operations' checks, which need only the names the schemas take. A step that needs what a
  // refused step makes is left out (its checks would be about nothing).
  const problems: GeneratorError[] = [];
  const settings = reporting(problems, () => buildSdkSettings(doc, info, file, ctx, warnings));
  const onCollision = warnNameCollisions(file, warnings);
  const schemaNames = componentSchemaNames(doc, onCollision);
  const built = reporting(problems, () =>
    buildSchemaModel(doc, { file, version, warnings }).map(withPreview),
  );
  const schemas = built ?? [];
  warnLooseSchemas(schemas, file, warnings);

  const names = new NameRegistry([...OPENAPI_TS_ROOT_NAMES, ...MODULE_TYPE_NAMES], onCollision);
  for (const [key, name] of schemaNames) names.reserve(name, schemaOwner(key));
  const clientName =
    settings && reporting(problems, () => claimClientName(names, settings, { file, warnings }));
  const context = schemaContext(doc, file, version, schemas, warnings, schemaNames);
  const drafts = reporting(problems, () => buildOperations(doc, context));
  warnPathsInExtensions(doc, file, warnings);
  warnUnknownSdkExtensions(doc, file, warnings);
  warnUnknownFields(doc, file, warnings);
  if (drafts !== undefined) warnNoOperations(doc, drafts.length, file, warnings);
  const servers = operationServers(doc, info.serverUrl);
  for (const draft of drafts ?? []) {
    const server = servers.get(`${draft.method} ${draft.path}`);
    if (server !== undefined) draft.server = server;
  }
  const textBinary = textOnlyBinaryStrings(doc, file, warnings);
  clearTextOnlyBinary(
    [
      ...schemas.map((schema) => schema.node),
      ...(drafts ?? []).flatMap((draft) => [
        ...draft.parameters.map((parameter) => parameter.schema),
        ...(draft.body === undefined ? [] : [draft.body.schema]),
        ...draft.responses.flatMap((response) => [
          ...(response.schema === undefined ? [] : [response.schema]),
          ...(response.textSchema === undefined ? [] : [response.textSchema]),
        ]),
      ]),
    ],
    textBinary,
  );
  const inputs = schemasNeedingInput(
    schemas,
    (drafts ?? []).flatMap((draft) => [
      ...(draft.body === undefined ? [] : [draft.body.schema]),
      ...draft.parameters.map((parameter) => parameter.schema),
    ]),
  );
  for (const schema of schemas) {
    if (inputs.has(schema.name))
      schema.inputName = names.claim(
        exportName(`${schema.name}Input`, 'Type'),
        inputOwner(schema.originalName),
      );
  }
  const placed =
    drafts &&
    reporting(problems, () =>
      buildResources(drafts, names, file, {
        tagDescriptions: tagDescriptions(doc),
        apiTitle: info.title,
        onCollision,
      }),
    );
  const auth = reporting(problems, () => buildAuth(doc, file, warnings));
  // The token and the client's other credentials (their options, and each operation's choice).
  let sent: ClientCredentials = { token: undefined, credentials: [] };
  // With --strict every warning's place is one more problem, reported with the others.
  if (placed !== undefined && auth !== undefined) {
    const root = rootSchemeNames(doc);
    const token = tokenAuth(auth, placed.operations, root);
    sent = { token, credentials: otherCredentials(auth, placed.operations, token) };
    warnUnmetSecurity(placed.operations, auth, sent, warnings, file, declaredSchemeNames(doc));
    withoutUnlistedToken(placed.operations, auth, sent);
    withCredentialAlternatives(placed.operations, auth, sent);
  }
  // The patterns the guards run (named schemas' and the operations' own success bodies'), judged
  // for safety; the rest, only for being regular expressions at all.
  const guarded = guardedSchemas(schemas, placed?.operations ?? []);
  await analysePatterns(guarded, ctx.checkPattern);
  addPatternWarnings(guarded, file, ctx.unsafePatterns ?? 're2js', warnings);
  addInvalidPatternWarnings(unguardedSchemas(placed?.operations ?? []), file, warnings);
  if (placed !== undefined) ctx.checkOperations?.(placed.operations, schemas, warnings, file);
  // The client's option names, then (last: every other exported name is claimed by now) the
  // runtime's, whose renames are warnings too.
  const sdkOptions =
    placed !== undefined && settings !== undefined && problems.length === 0
      ? clientOptions(placed.operations, settings.envPrefix, names)
      : undefined;
  const clientExports =
    sdkOptions !== undefined && clientName !== undefined
      ? buildClientExports(names, clientName, { file, warnings })
      : undefined;
  pushAll(problems, warnings.asErrors());
  if (
    problems.length > 0 ||
    settings === undefined ||
    built === undefined ||
    clientName === undefined ||
    placed === undefined ||
    auth === undefined ||
    sdkOptions === undefined ||
    clientExports === undefined
  )
    throw GeneratorError.all(inDocumentOrder(problems, doc, (p) => p.location.pointer));
  const { operations, resources } = placed;
  const { token, credentials } = sent;

  return {
    specFile: file,
    // A caller without a context (a test) gets the file's name: never a machine's folders.
    specSource: ctx.specSource ?? file.split('/').pop() ?? file,
    specHash: spec.hash,
    openapiVersion: version,
    info,
    schemas,
    textBinary,
    operations,
    resources,
    auth,
    tokenAuth: token,
    tokenOptional: token !== undefined && isTokenOptional(operations, token),
    credentials: withEnvVars(credentials, settings.envPrefix, [
      `${settings.envPrefix}_TOKEN`,
      `${settings.envPrefix}_BASE_URL`,
      ...sdkOptions.map((option) => option.envVar),
    ]),
    sdk: {
      clientName,
      envPrefix: settings.envPrefix,
      packageName: settings.packageName,
      packageVersion: settings.packageVersion,
      clientOptions: sdkOptions,
      license: packageLicense(doc),
      repository: settings.repository,
      overridden: settings.overridden,
      unsafePatterns: ctx.unsafePatterns ?? 're2js',
    },
    clientExports,
    bundled: doc,
    warnings: warnings.list(),
  };
}

/** `tags` of the document: name → description, for the resource classes' TSDoc. */
function tagDescriptions(doc: Record<string, unknown>): Map<string, string> {
  const tags = Array.isArray(doc.tags) ? doc.tags : [];
  const found = new Map<string, string>();
  for (const tag of tags) {
    if (isRecord(tag) && typeof tag.name === 'string' && typeof tag.description === 'string')
      found.set(tag.name, tag.description);
  }
  return found;
}

/** Marks schemas with `x-preview: true` (kept by the schema builder among the node's extensions). */
function withPreview(schema: NamedSchema): NamedSchema {
  return schema.node.extensions?.['x-preview'] === true ? { ...schema, preview: true } : schema;
}

/**
 * One entry per `x-sdk-client-option` name, in order of first use; options whose type names
 * collide are ranked by their names (names.ts `rankClaims`), not by that order.
 */
function clientOptions(
  operations: readonly OperationModel[],
  envPrefix: string,
  names: NameRegistry,
): ClientOptionModel[] {
  const options = new Map<string, ClientOptionModel>();
  const pointers = new Map<string, string>();
  for (const operation of operations) {
    for (const parameter of operation.parameters) {
      if (parameter.clientOption === undefined || options.has(parameter.clientOption)) continue;
      const option: ClientOptionModel = {
        name: parameter.clientOption,
        envVar: `${envPrefix}_${upperSnake(parameter.clientOption)}`,
        in: parameter.in,
        parameterName: parameter.name,
        typeName: '',
      };
      if (parameter.description !== undefined) option.description = parameter.description;
      options.set(parameter.clientOption, option);
      pointers.set(parameter.clientOption, operation.pointer);
    }
  }
  const list = [...options.values()];
  const typeNames = names.claimAll(
    list.map(({ name }) => ({
      wanted: exportName(`${pascalCase(name)}Param`, 'Type'),
      raw: name,
      owner: clientOptionOwner(name, pointers.get(name)!),
    })),
  );
  list.forEach((option, index) => (option.typeName = typeNames[index]!));
  return list;
}
