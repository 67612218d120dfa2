/**
 * The reference validator the guards are compared with: ajv over a document's component schemas
 * (and the schemas they refer to elsewhere in the document, see reference-refs.ts), draft 2020-12
 * for OpenAPI 3.1 and draft-07 (with ajv's own `nullable` support) for 3.0.
 *
 * `referenceFor` applies every adaptation listed in differences.ts, so on JSON values it must
 * decide exactly like the guards; `plainReference` is ajv as a user would set it up (formats on,
 * default options), used to show that each listed difference really exists.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { DIFFERENCES, type AjvLike, type OpenApiVersion } from './differences.ts';
import { isRecord } from '../../generator/json.ts';
import { mapComponentSchemas, type RawSchema } from '../helpers/schema-walk.ts';
import { withOutsideRefsAsComponents } from './reference-refs.ts';

// ajv-formats is CommonJS; under NodeNext its plugin is the `default` property of the module.
const addFormats = addFormatsModule.default;

const BASE = 'https://reference.invalid/openapi.json';

export interface Reference {
  /** ajv's verdict on `value` for the component schema `key`; throws if ajv refuses the schema. */
  check(key: string, value: unknown): boolean;
  /** ajv's errors from the last `check` of `key`, as text. */
  errors(key: string): string;
  /** The component schema as ajv sees it (after the adaptations and the draft-07 translation). */
  schema(key: string): unknown;
}

/** ajv adapted by every entry of DIFFERENCES: the differential test's reference. */
export function referenceFor(doc: Record<string, unknown>, version: OpenApiVersion): Reference {
  let components: RawSchema = withOutsideRefsAsComponents(doc);
  let options: Options = {};
  const values: ((value: unknown) => unknown)[] = [];
  const tweaks: ((ajv: AjvLike) => void)[] = [];
  for (const { adapt } of DIFFERENCES) {
    if (!adapt) continue;
    if (adapt.components) components = adapt.components(components, version);
    if (adapt.options) options = { ...options, ...adapt.options };
    if (adapt.value) values.push(adapt.value);
    if (adapt.ajv) tweaks.push(adapt.ajv);
  }
  const ajv = makeAjv(version, options);
  for (const tweak of tweaks) tweak(ajv);
  return reference(ajv, components, version, (value) => values.reduce((v, f) => f(v), value));
}

/** ajv as a user would set it up: default options, formats checked (ajv-formats). */
export function plainReference(doc: Record<string, unknown>, version: OpenApiVersion): Reference {
  const ajv = makeAjv(version, {});
  addFormats(ajv);
  return reference(ajv, withOutsideRefsAsComponents(doc), version, (value) => value);
}

function makeAjv(version: OpenApiVersion, options: Options): Ajv {
  // strict: false, as OpenAPI schemas carry keywords ajv does not know (discriminator, example, x-*).
  const all: Options = { strict: false, ...options };
  return version === '3.1' ? new Ajv2020(all) : new Ajv(all);
}

function reference(
  ajv: Ajv,
  openapiComponents: RawSchema,
  version: OpenApiVersion,
  prepare: (value: unknown) => unknown,
): Reference {
  const components = version === '3.0' ? toDraft07(openapiComponents) : openapiComponents;
  // The schemas alone, without their examples: ajv collects an `$id` under any keyword it does not
  // know (Box's examples hold metadata instances with `$id`s, and two alike refused the document).
  const checked = mapComponentSchemas({ schemas: components.schemas }, (schema) => {
    if (!('example' in schema) && !('examples' in schema)) return schema;
    const { example: _example, examples: _examples, ...rest } = schema;
    return rest;
  });
  ajv.addSchema({ $id: BASE, components: checked });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (key: string): ValidateFunction => {
    let validate = compiled.get(key);
    if (!validate) {
      const pointer = encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'));
      validate = ajv.getSchema(`${BASE}#/components/schemas/${pointer}`);
      if (!validate) throw new Error(`the reference has no schema ${key}`);
      compiled.set(key, validate);
    }
    return validate;
  };
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  return {
    check: (key, value) => validator(key)(prepare(value)) === true,
    errors: (key) => JSON.stringify(validator(key).errors ?? []),
    schema: (key) => schemas[key],
  };
}

/**
 * OpenAPI 3.0 → draft-07 spelling (not a difference: the same meaning in draft-07's words):
 * `exclusiveMinimum: true` beside `minimum` becomes a numeric `exclusiveMinimum`, and the siblings
 * of `$ref` go (3.0: "any properties added SHALL be ignored"; ajv would apply them).
 */
function toDraft07(components: RawSchema): RawSchema {
  return mapComponentSchemas(components, (schema) => {
    if ('$ref' in schema) return { $ref: schema.$ref };
    const out: RawSchema = { ...schema };
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof out[flag] !== 'boolean') continue;
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else {
        delete out[flag];
      }
    }
    return out;
  });
}
