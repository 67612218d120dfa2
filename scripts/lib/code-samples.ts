/**
 * The docs site's TypeScript samples: the generator's model of the spec gives each operation a
 * short program that calls it through the generated client (generator/emit/code-samples.ts, the
 * same code the package README shows), added to the bundled spec as `x-codeSamples`, which Redoc
 * shows next to the operation. The spec in `spec/` stays free of them.
 */
import { resolveContext } from '../../generator/context.ts';
import { sanitizeForDocs } from './docs-sanitize.ts';
import { codeSamples, type CodeSample } from '../../generator/emit/code-samples.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { placedModel } from '../../generator/pipeline.ts';
import { isRecord } from '../../generator/json.ts';

export class CodeSamplesError extends Error {
  override name = 'CodeSamplesError';
}

/**
 * The generator's model of `specFile` (what `npm run generate` builds the package from). A spec
 * the generator refuses throws its GeneratorError, as `npm run generate` prints it.
 */
export async function loadModel(specFile: string, allowExternalRefs = false): Promise<ApiModel> {
  const ctx = resolveContext({ spec: specFile, allowExternalRefs });
  return placedModel(await loadAndBundle(ctx), ctx);
}

/**
 * Adds a TypeScript SDK sample to every operation of `document` (a bundled spec, changed in
 * place) that the model has, after any samples the spec has itself. Returns how many it added.
 */
export function addCodeSamples(document: Record<string, unknown>, model: ApiModel): number {
  const paths = isRecord(document.paths) ? document.paths : {};
  let added = 0;
  for (const { method, path, samples } of codeSamples(model)) {
    const item = paths[path];
    const operation = isRecord(item) ? item[method] : undefined;
    if (!isRecord(operation)) {
      throw new CodeSamplesError(
        `The bundled spec has no ${method.toUpperCase()} ${path}, which the SDK generator found in the same spec.`,
      );
    }
    const own = Array.isArray(operation['x-codeSamples'])
      ? (operation['x-codeSamples'] as CodeSample[])
      : [];
    operation['x-codeSamples'] = [...own, ...samples];
    added += samples.length;
  }
  return added;
}

/**
 * `document` (a copy of the bundled spec, with whatever the caller added) as the docs page renders
 * it: the spec's untrusted HTML and links made safe, with no image from another host
 * (docs-sanitize.ts), then the SDK's code samples. `npm run docs` and `npm run dev` both render
 * this, so the dev page asks no other host for anything either.
 */
export function docsDocument(document: unknown, model: ApiModel): void {
  sanitizeForDocs(document);
  if (isRecord(document)) addCodeSamples(document, model);
}
