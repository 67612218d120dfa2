/**
 * The `--spec` option of the spec commands (`npm run lint:spec`, `npm run bundle`): the root file of
 * the OpenAPI description, resolved, or `error: …` with the fix and exit code 1 when the generator
 * would refuse to read it. Before Redocly sees the spec, the generator's loader reads it
 * (generator/load/bundle.ts), with the same checks `npm run generate` makes and in its words:
 * - `$ref`s stay in the spec's folder unless `--allow-external-refs` (a pull request's spec can
 *   otherwise print a file of the CI machine into the lint log, or make CI send requests);
 * - no pipe, device or folder is read (Redocly waits forever on a pipe), no YAML alias bomb is
 *   expanded, no file in another encoding than UTF-8 is misread;
 * - the `openapi` version is one the generator supports.
 * So a spec these commands pass is one `generate` can read.
 */
import { resolve } from 'node:path';
import { specFileError } from '../../generator/load/spec-file.ts';
import { printFailure } from './command-error.ts';

export const DEFAULT_SPEC = 'spec/openapi.yaml';

/** The flag the spec commands take to follow `$ref`s out of the spec's folder. */
export const ALLOW_EXTERNAL_REFS = {
  'allow-external-refs': { type: 'boolean', default: false },
} as const;

export async function specRootOrExit(spec: string, allowExternalRefs: boolean): Promise<string> {
  const error = specFileError(spec) ?? (await loadError(spec, allowExternalRefs));
  if (error === undefined) return resolve(spec);
  await printFailure(error);
  process.exit(1);
}

/** What the generator's loader refuses in the spec, or undefined. Loaded here: it takes a second. */
async function loadError(spec: string, allowExternalRefs: boolean): Promise<Error | undefined> {
  const [{ resolveContext }, { loadAndBundle }, { GeneratorError }] = await Promise.all([
    import('../../generator/context.ts'),
    import('../../generator/load/bundle.ts'),
    import('../../generator/errors.ts'),
  ]);
  try {
    await loadAndBundle(resolveContext({ spec, allowExternalRefs }));
    return undefined;
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
}
