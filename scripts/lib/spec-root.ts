/**
 * The `--spec` option of the spec commands (`npm run lint:spec`, `npm run bundle`): the root file of
 * the OpenAPI description, resolved, or `error: …` with the fix and exit code 1 when it names no
 * readable spec file. The checks and their words are the generator's (generator/load/spec-file.ts),
 * so a folder, a pipe or `/dev/zero` is refused here as `npm run generate` refuses it, instead of
 * reaching Redocly, which waits forever on a pipe and reads a device until memory runs out.
 */
import { resolve } from 'node:path';
import { specFileError } from '../../generator/load/spec-file.ts';
import { printFailure } from './command-error.ts';

export const DEFAULT_SPEC = 'spec/openapi.yaml';

export async function specRootOrExit(spec: string): Promise<string> {
  const error = specFileError(spec);
  if (error === undefined) return resolve(spec);
  await printFailure(error);
  process.exit(1);
}
