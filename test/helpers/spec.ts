/** Loading the project's own spec in tests: bundled by Redocly, as every tool downstream sees it. */
import { bundle, createConfig } from '@redocly/openapi-core';
import { fileURLToPath } from 'node:url';
import { getByRef } from '../../generator/pointer.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SPEC_FILE = `${ROOT}spec/openapi.yaml`;
/** Copies of the documentation pages the spec is derived from (see the README there). */
export const SEEDS_DIR = `${ROOT}test/fixtures/seeds`;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export async function bundleSpec(file = SPEC_FILE): Promise<JsonObject> {
  const config = await createConfig({});
  const result = await bundle({ ref: file, config });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => p.message).join('\n'));
  return result.bundle.parsed as JsonObject;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface SpecOperation {
  method: string;
  path: string;
  operation: JsonObject;
}

export function operationsOf(doc: JsonObject): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc['paths'] as JsonObject)) {
    for (const [method, operation] of Object.entries(item as JsonObject)) {
      if (HTTP_METHODS.includes(method))
        out.push({ method, path, operation: operation as JsonObject });
    }
  }
  return out;
}

/** Follows a local `$ref` (`#/components/...`) in the bundled document. */
export function deref(doc: JsonObject, value: Json | undefined): Json | undefined {
  let current = value;
  for (
    let hops = 0;
    hops < 20 && current && typeof current === 'object' && !Array.isArray(current);
    hops++
  ) {
    const ref = current['$ref'];
    if (typeof ref !== 'string') return current;
    current = getByRef(doc, ref) as Json | undefined;
  }
  return current;
}
