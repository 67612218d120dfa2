/**
 * The package around the sources: package.json, tsconfig.json and build.mjs from
 * templates/package/, openapi.json (the bundled spec, key order as in the spec) and README.md
 * (readme.ts).
 *
 * The package ships ESM and CommonJS builds side by side (`dist/esm`, `dist/cjs`, each with its
 * `.d.ts`); package.json maps them with `import`/`require` conditions, each with its own `types`.
 * The package builds itself: build.mjs, run by its `build` and `prepack` scripts with its
 * `typescript` devDependency, so `npm pack` and `npm publish` of a clean checkout ship `dist/`.
 * The toolchain's `npm run build` (scripts/build-package.ts) runs the same file.
 */
import { readFileSync } from 'node:fs';
import { generatedNotice } from '../header.ts';
import { OPENAPI_JSON_PATH, PACKAGE_JSON_PATH } from '../package-files.ts';
import type { ApiModel } from '../model/types.ts';
import { guardedSchemas, usesRe2js } from '../model/patterns.ts';
import { emitReadme } from './readme.ts';
import { fillTemplate, readTemplate } from './template.ts';
import type { EmittedTextFile } from './types.ts';
import { showInvisible } from '../escape.ts';
import { apiPhrase } from './api-phrase.ts';
import { PRETTIER_OPTIONS } from '../prettier-options.ts';

const TSCONFIG_PATH = 'tsconfig.json';
const BUILD_SCRIPT_PATH = 'build.mjs';

/** Package files; `format: false` marks the ones written exactly as emitted (see readme-examples.ts). */
export function emitPackageFiles(model: ApiModel): (EmittedTextFile & { format?: boolean })[] {
  return [
    emitPackageJson(model),
    emitTsconfig(),
    { path: BUILD_SCRIPT_PATH, text: readTemplate('package/build.mjs') },
    { ...emitOpenapiJson(model), format: false },
    { ...emitReadme(model), format: false },
  ];
}

function emitPackageJson(model: ApiModel): EmittedTextFile {
  const json = (value: unknown) => JSON.stringify(value ?? null);
  const text = fillTemplate(
    readTemplate('package/package.json.tmpl'),
    {
      name: json(model.sdk.packageName),
      version: json(model.sdk.packageVersion),
      description: json(
        `TypeScript client for ${apiPhrase(model.info.title)}, generated from its OpenAPI description.`,
      ),
      license: json(model.sdk.license),
      repository: json(model.sdk.repository),
      dependencies: json(packageDependencies(model)),
      typescriptVersion: json(toolchainVersion('devDependencies', 'typescript')),
      mswVersion: json(toolchainVersion('devDependencies', 'msw')),
      mswRange: json(`^${toolchainVersion('devDependencies', 'msw')}`),
      // The options the files are formatted with, where prettier finds them in the package (its
      // .prettierignore: write/prettier-files.ts).
      prettier: json(PRETTIER_OPTIONS),
      // No hash or anything else that changes with every spec edit: package.json changes only
      // when the package's own metadata does (see header.ts).
      generated: json({ notice: generatedNotice(model), spec: model.specSource }),
    },
    'package.json.tmpl',
  );
  // Optional fields the spec does not give are `null` in the filled template: leave them out.
  const pkg = JSON.parse(text) as Record<string, unknown>;
  const present = Object.fromEntries(Object.entries(pkg).filter(([, value]) => value !== null));
  return { path: PACKAGE_JSON_PATH, text: `${JSON.stringify(present, null, 2)}\n` };
}

function emitTsconfig(): EmittedTextFile {
  return { path: TSCONFIG_PATH, text: readTemplate('package/tsconfig.json.tmpl') };
}

/**
 * The bundled spec as the package ships it: 2-space JSON, keys in spec order, final newline. It is
 * not run through prettier (which would pull short arrays onto one line): this is the form JSON
 * tools write, and prettier took seconds on GitHub's 13 MB description.
 */
function emitOpenapiJson(model: Pick<ApiModel, 'bundled'>): EmittedTextFile {
  // Invisible and bidi characters as JSON escapes (escape.ts): the same text, shown in a review.
  return {
    path: OPENAPI_JSON_PATH,
    text: `${showInvisible(JSON.stringify(model.bundled, null, 2))}\n`,
  };
}

/**
 * The version of a package the toolchain itself uses and tests with (openapi-fetch at run time;
 * typescript and msw, the testing kit's optional peer, for the package's own build): what we test
 * is what ships. msw is pinned exactly there; the package accepts `^` that version as its peer
 * (only projects that import `<package>/testing` install it, and the client never loads it).
 */
function toolchainVersion(field: 'dependencies' | 'devDependencies', name: string): string {
  const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const version = root[field]?.[name];
  if (version === undefined)
    throw new Error(`package.json of the toolchain must list ${name} in ${field}`);
  return version;
}

/**
 * The package's dependencies: openapi-fetch, and re2js when its guards run a pattern on it (one
 * that could take super-linear time on RegExp, model/patterns.ts).
 */
function packageDependencies(model: ApiModel): Record<string, string> {
  const dependencies: Record<string, string> = {
    'openapi-fetch': toolchainVersion('dependencies', 'openapi-fetch'),
  };
  const guarded = guardedSchemas(model.schemas, model.operations);
  if (usesRe2js(guarded, model.sdk.unsafePatterns ?? 're2js')) {
    dependencies.re2js = toolchainVersion('devDependencies', 're2js');
  }
  return dependencies;
}
