/**
 * The package around the sources: package.json and tsconfig.json from templates/package/,
 * openapi.json (the bundled spec, key order as in the spec) and README.md (readme.ts).
 */
import { readFileSync } from 'node:fs';
import { generatedNotice } from '../header.ts';
import type { ApiModel } from '../model/types.ts';
import { emitReadme } from './readme.ts';
import { fillTemplate, readTemplate } from './template.ts';
import type { EmittedTextFile } from './types.ts';

export const PACKAGE_JSON_PATH = 'package.json';
export const TSCONFIG_PATH = 'tsconfig.json';
export const OPENAPI_JSON_PATH = 'openapi.json';

/** Package files; `format: false` marks the ones written exactly as emitted (see readme-examples.ts). */
export function emitPackageFiles(model: ApiModel): (EmittedTextFile & { format?: boolean })[] {
  return [emitPackageJson(model), emitTsconfig(), { ...emitOpenapiJson(model), format: false }, { ...emitReadme(model), format: false }];
}

export function emitPackageJson(model: ApiModel): EmittedTextFile {
  const versions = toolchainVersions();
  const json = (value: unknown) => JSON.stringify(value);
  const text = fillTemplate(
    readTemplate('package/package.json.tmpl'),
    {
      name: json(model.sdk.packageName),
      version: json(model.sdk.packageVersion),
      description: json(`TypeScript client for the ${model.info.title}, generated from its OpenAPI description.`),
      openapiFetchVersion: json(versions.openapiFetch),
      typescriptVersion: json(versions.typescript),
      generated: json({ notice: generatedNotice(model), spec: model.specFile, sha256: model.specHash }),
    },
    'package.json.tmpl',
  );
  return { path: PACKAGE_JSON_PATH, text };
}

export function emitTsconfig(): EmittedTextFile {
  return { path: TSCONFIG_PATH, text: readTemplate('package/tsconfig.json.tmpl') };
}

/**
 * The bundled spec as the package ships it: 2-space JSON, keys in spec order, final newline. It is
 * not run through prettier (which would pull short arrays onto one line): this is the form JSON
 * tools write, and prettier took seconds on GitHub's 13 MB description.
 */
export function emitOpenapiJson(model: Pick<ApiModel, 'bundled'>): EmittedTextFile {
  return { path: OPENAPI_JSON_PATH, text: `${JSON.stringify(model.bundled, null, 2)}\n` };
}

/** The versions the generated package depends on: the toolchain's own, so what we test is what ships. */
function toolchainVersions(): { openapiFetch: string; typescript: string } {
  const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const openapiFetch = root.dependencies?.['openapi-fetch'];
  const typescript = root.devDependencies?.typescript;
  if (openapiFetch === undefined || typescript === undefined) {
    throw new Error('package.json of the toolchain must list openapi-fetch (dependencies) and typescript (devDependencies)');
  }
  return { openapiFetch, typescript };
}
