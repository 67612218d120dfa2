/** The model of a fixture spec under test/fixtures/faults/ (or any spec), built as the pipeline builds it. */
import { join } from 'node:path';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { ROOT } from '../helpers/spec.ts';

export const FAULTS = join(ROOT, 'test/fixtures/faults');

export async function fixtureModel(name: string, strict = false): Promise<ApiModel> {
  return specModel(join(FAULTS, name), strict);
}

/** The model of any spec file (a path from the repository root, or absolute). */
export async function specModel(spec: string, strict = false): Promise<ApiModel> {
  const ctx = resolveContext({ spec, cwd: ROOT, strict });
  return buildModel(await loadAndBundle(ctx), ctx);
}
