/**
 * Step 2 of the pipeline: the bundled document → ApiModel, the only thing emitters read. Names are
 * settled here through one NameRegistry (schema names first, then the client, resources and
 * operation types), so no two exports of the package collide.
 */
import type { GeneratorContext } from '../context.ts';
import type { BundledSpec } from '../load/bundle.ts';
import { buildAuth } from './build-auth.ts';
import { buildInfo, buildSdkSettings } from './build-info.ts';
import { buildOperations } from './build-operations.ts';
import { packageLicense, packageRepository } from './build-package-meta.ts';
import { buildResources } from './build-resources.ts';
import { buildSchemaModel, GUARD_RUNTIME_TYPE_NAMES } from './build-schema.ts';
import { NameRegistry } from './names.ts';
import { schemaContext } from './schema-context.ts';
import { upperSnake } from './sdk-names.ts';
import type { ApiModel, ClientOptionModel, NamedSchema, OperationModel } from './types.ts';

/** Names the package's entry module exports besides schemas: openapi-typescript's roots. */
const MODULE_NAMES = ['paths', 'components', 'operations', 'webhooks', '$defs'];

export function buildModel(
  spec: BundledSpec,
  ctx: Pick<GeneratorContext, 'packageName' | 'packageVersion'> &
    Partial<Pick<GeneratorContext, 'unsafePatterns'>>,
): ApiModel {
  const { document: doc, file, version } = spec;
  const info = buildInfo(doc);
  const settings = buildSdkSettings(doc, info, file, ctx);
  const schemas = buildSchemaModel(doc, { file, version }).map(withPreview);

  const names = new NameRegistry([
    ...MODULE_NAMES,
    ...GUARD_RUNTIME_TYPE_NAMES,
    ...schemas.map((schema) => schema.name),
  ]);
  const clientName = names.claim(settings.clientName);
  const drafts = buildOperations(doc, schemaContext(doc, file, version, schemas));
  const { operations, resources } = buildResources(drafts, names, file);

  return {
    specFile: file,
    specHash: spec.hash,
    openapiVersion: version,
    info,
    schemas,
    operations,
    resources,
    auth: buildAuth(doc, file),
    sdk: {
      ...settings,
      clientName,
      clientOptions: clientOptions(operations, settings.envPrefix),
      license: packageLicense(doc),
      repository: packageRepository(doc, file),
      unsafePatterns: ctx.unsafePatterns ?? 're2js',
    },
    bundled: doc,
  };
}

/** Marks schemas with `x-preview: true` (kept by the schema builder among the node's extensions). */
function withPreview(schema: NamedSchema): NamedSchema {
  return schema.node.extensions?.['x-preview'] === true ? { ...schema, preview: true } : schema;
}

/** One entry per `x-sdk-client-option` name, in order of first use. */
function clientOptions(
  operations: readonly OperationModel[],
  envPrefix: string,
): ClientOptionModel[] {
  const options = new Map<string, ClientOptionModel>();
  for (const operation of operations) {
    for (const parameter of operation.parameters) {
      if (parameter.clientOption === undefined || options.has(parameter.clientOption)) continue;
      const option: ClientOptionModel = {
        name: parameter.clientOption,
        envVar: `${envPrefix}_${upperSnake(parameter.clientOption)}`,
        in: parameter.in,
        parameterName: parameter.name,
      };
      if (parameter.description !== undefined) option.description = parameter.description;
      options.set(parameter.clientOption, option);
    }
  }
  return [...options.values()];
}
