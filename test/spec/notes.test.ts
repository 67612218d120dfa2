/**
 * The spec against the API's conventions (../shared/gigs-api-notes.md) where the documentation
 * pages say less: each fact of the notes that the spec decided to follow, as a value the bundled
 * spec must accept or reject under ajv. The decisions themselves are written next to the schemas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { specValidator, type SpecValidator } from '../helpers/ajv.ts';
import { bundleSpec, deref, type Json, type JsonObject } from '../helpers/spec.ts';

let doc: JsonObject;
let ajv: SpecValidator;

beforeAll(async () => {
  doc = await bundleSpec();
  ajv = specValidator(doc);
});

/** A copy of the components example `name` with `change` applied (undefined deletes a key). */
function exampleWith(name: string, change: Record<string, Json | undefined>): JsonObject {
  const examples = (doc['components'] as JsonObject)['examples'] as JsonObject;
  const value = structuredClone((examples[name] as JsonObject)['value']) as JsonObject;
  for (const [key, inner] of Object.entries(change)) {
    if (inner === undefined) delete value[key];
    else value[key] = inner;
  }
  return value;
}

function valid(schema: string, value: Json): boolean {
  return ajv.compile({ $ref: `#/components/schemas/${schema}` })(value) as boolean;
}

describe('the spec follows the notes where the pages say less', () => {
  it.each<[string, string, () => Json, boolean]>([
    [
      'an add-on may activate on usageStarted',
      'Addon',
      () => exampleWith('Addon', { activationTrigger: 'usageStarted' }),
      true,
    ],
    [
      'an add-on activation trigger outside the three is rejected',
      'Addon',
      () => exampleWith('Addon', { activationTrigger: 'sometime' }),
      false,
    ],
    [
      'an add-on may carry a coverage',
      'Addon',
      () =>
        exampleWith('Addon', {
          coverage: { object: 'coverage', id: 'de', countries: ['DE'], name: 'Germany' },
        }),
      true,
    ],
    [
      'an add-on coverage may be null',
      'Addon',
      () => exampleWith('Addon', { coverage: null }),
      true,
    ],
    [
      'a plan may name its activationTrigger (creation | usageStarted)',
      'Plan',
      () => exampleWith('Plan', { activationTrigger: 'usageStarted', firstPeriodTrigger: 'x' }),
      true,
    ],
    [
      'a plan activation trigger outside the two is rejected',
      'Plan',
      () => exampleWith('Plan', { activationTrigger: 'networkLatch' }),
      false,
    ],
    [
      'a subscription change may carry a requestedChange (preview, any shape)',
      'SubscriptionChange',
      () => exampleWith('SubscriptionChange', { requestedChange: { plan: 'pln_1' } }),
      true,
    ],
    [
      'a subscription change may be initiated or deleted',
      'SubscriptionChange',
      () => exampleWith('SubscriptionChange', { status: 'initiated' }),
      true,
    ],
    [
      'metadata keys are at most 40 characters',
      'Metadata',
      () => ({ ['k'.repeat(41)]: 'v' }),
      false,
    ],
    [
      'metadata values are at most 255 characters',
      'Metadata',
      () => ({ k: 'v'.repeat(256) }),
      false,
    ],
    [
      'metadata has at most 10 keys',
      'Metadata',
      () => Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`k${index}`, 'v'])),
      false,
    ],
    ['a metadata update deletes a key with null', 'MetadataUpdate', () => ({ k: null }), true],
  ])('%s', (_name, schema, value, want) => {
    expect(valid(schema, value())).toBe(want);
  });

  it('every id path parameter is a string of at most 64 characters', () => {
    const parameters = (doc['components'] as JsonObject)['parameters'] as JsonObject;
    const ids = Object.values(parameters)
      .map((parameter) => deref(doc, parameter) as JsonObject)
      .filter((parameter) => parameter['in'] === 'path');
    expect(ids.length).toBeGreaterThanOrEqual(6);
    for (const parameter of ids)
      expect(parameter['schema'], String(parameter['name'])).toMatchObject({
        type: 'string',
        maxLength: 64,
      });
  });
});
