/**
 * ajv (draft 2020-12, with formats) over the bundled spec's component schemas: an independent
 * reference validator, so examples are checked by something other than Redocly.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonObject } from './spec.ts';

// ajv-formats is CommonJS; under NodeNext its plugin is the `default` property of the module.
const addFormats = addFormatsModule.default;

const BASE = 'https://spec.invalid/openapi.json';

export interface SpecValidator {
  /** A validator for a schema of the bundled document, given as a JSON Schema (usually a `$ref`). */
  compile(schema: unknown): ValidateFunction;
}

export function specValidator(doc: JsonObject): SpecValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // Register the components under a base URI, so `#/components/schemas/X` refs inside them resolve.
  ajv.addSchema({ $id: BASE, components: doc['components'] });
  return {
    compile(schema) {
      const rebased = JSON.parse(
        JSON.stringify(schema).replace(/"#\/components\//g, `"${BASE}#/components/`),
      );
      return ajv.compile(rebased as object);
    },
  };
}
