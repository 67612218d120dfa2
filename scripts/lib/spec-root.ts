/**
 * The `--spec` option of the spec commands (`npm run lint:spec`, `npm run bundle`): the root file of
 * the OpenAPI description, resolved, or a one-line error and exit code 1 when there is no such file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEFAULT_SPEC = 'spec/openapi.yaml';

export function specRootOrExit(spec: string): string {
  const path = resolve(spec);
  if (existsSync(path)) return path;
  console.error(`${spec}: no such file. Pass the root of the OpenAPI description with --spec.`);
  process.exit(1);
}
