/**
 * Example values built from schemas (generator/emit/schema-sample.ts), and the check that keeps a
 * spec's example out of the README and the docs when the call it makes would not compile: the
 * request-samples fixture's bodies (nested required objects, discriminated and plain unions,
 * allOf, tuples, recursion) and its examples that do not fit (test/faults/compile.test.ts compiles
 * the whole README of that fixture).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fitsSchema, sampleValue } from '../../generator/emit/schema-sample.ts';
import { sampleRequest } from '../../generator/emit/sample-request.ts';
import { exampleCall } from '../../generator/emit/readme-examples.ts';
import { curlSample } from '../../generator/emit/curl-sample.ts';
import type { ApiModel, SchemaNode } from '../../generator/model/types.ts';
import { fixtureModel } from '../model/fixture-model.ts';

let model: ApiModel;
beforeAll(async () => {
  model = await fixtureModel('request-samples.yaml');
});

const request = { direction: 'request' } as const;
const schema = (name: string): SchemaNode =>
  model.schemas.find((candidate) => candidate.name === name)!.node;
const body = (operationId: string) => {
  const operation = model.operations.find((op) => op.operationId === operationId)!;
  return { operation, sample: sampleRequest(operation, model) };
};

describe('sampleValue', () => {
  it('fills required properties at every depth, and minItems items', () => {
    expect(sampleValue(schema('OrderInput'), model.schemas, request)).toEqual({
      customer: { name: 'name', address: { street: 'street', country: 'co' } },
      lines: [{ sku: 'sku', quantity: 1 }],
    });
  });

  it('sets the discriminator of the variant it builds', () => {
    expect(body('createPayment').sample.body).toEqual({
      method: 'card',
      card: { number: 'number', expiry: 'expiry' },
    });
  });

  it('keeps numbers within bounds and multipleOf, tuples at their length', () => {
    expect(body('createTransfer').sample.body).toMatchObject({ amount: 100 });
    expect(body('createShipment').sample.body).toMatchObject({
      parcels: [
        { weight: 0.5, dimensions: [0, 0] },
        { weight: 0.5, dimensions: [0, 0] },
      ],
      mode: 'air',
      sentAt: '2024-01-01T00:00:00Z',
    });
  });

  it('meets enums with string constraints, minProperties, exclusive bounds and multipleOf', () => {
    expect(body('setLimits').sample.body).toEqual({
      plan: 'basic',
      quotas: { key1: 1 },
      labels: { key1: 'value', key2: 'value' },
      share: 0.2,
      step: 0.3,
      // No integer is at least 5 and at most 3: an integer all the same, for the call's types.
      impossible: 5,
    });
  });

  it('passes {} for a required body that has nothing left to fill (only read-only properties)', () => {
    const receipt = model.resources
      .flatMap((resource) => resource.operations.map((operation) => ({ resource, operation })))
      .find(({ operation }) => operation.operationId === 'createReceipt')!;
    expect(exampleCall(receipt.resource, receipt.operation, model)).toContain(
      'await client.receipts.create({});',
    );
  });

  it('passes a Blob for a raw body of any media type, whatever its schema', () => {
    const avatar = model.resources
      .flatMap((resource) => resource.operations.map((operation) => ({ resource, operation })))
      .find(({ operation }) => operation.operationId === 'uploadAvatar')!;
    expect(exampleCall(avatar.resource, avatar.operation, model)).toContain(
      "await client.avatars.upload({ body: new Blob(['body']) });",
    );
    expect(curlSample(avatar.operation, model)).toContain("--data-binary '@body'");
  });

  it("passes files as Blobs in calls and as @files in curl, never the spec's string", () => {
    const upload = model.resources
      .flatMap((resource) => resource.operations.map((operation) => ({ resource, operation })))
      .find(({ operation }) => operation.operationId === 'uploadDocument')!;
    expect(exampleCall(upload.resource, upload.operation, model)).toContain(
      "file: new Blob(['file'])",
    );
    expect(curlSample(upload.operation, model)).toContain("--form 'file=@file'");
    expect(curlSample(upload.operation, model)).toContain("--form-string 'title=title'");
    const replace = body('replaceContent');
    expect(curlSample(replace.operation, model)).toContain("--data-binary '@body'");
  });

  it('stops a schema that contains itself at null or an empty array', () => {
    expect(sampleValue(schema('Tree'), model.schemas, request)).toEqual({
      label: 'label',
      children: [],
      parent: null,
    });
  });

  it('every value it builds for the fixture fits its schema', () => {
    for (const named of model.schemas) {
      for (const style of ['smallest', 'illustrative'] as const) {
        for (const direction of ['request', 'response'] as const) {
          const options = { direction, style };
          const value = sampleValue(named.node, model.schemas, options);
          expect(fitsSchema(value, named.node, model.schemas, options), named.name).toBe(true);
        }
      }
    }
  });
});

describe('a named schema that allows null itself (nullable-named-object fixture)', () => {
  it('has null as its smallest value, through a $ref too, and an object otherwise', async () => {
    const nullable = await fixtureModel('nullable-named-object.yaml');
    const failure = nullable.schemas.find((named) => named.name === 'Failure')!.node;
    // The 404 response's schema: `$ref: '#/components/schemas/Failure'`.
    const ref = nullable.operations[0]!.responses.find((r) => r.status === '404')!.schema!;
    expect(ref).toMatchObject({ kind: 'ref', target: 'Failure', nullable: false });
    const smallest = { direction: 'response', style: 'smallest' } as const;
    expect(sampleValue(failure, nullable.schemas, smallest)).toBeNull();
    expect(sampleValue(ref, nullable.schemas, smallest)).toBeNull();
    expect(
      sampleValue(failure, nullable.schemas, { direction: 'response', style: 'illustrative' }),
    ).toEqual({ code: 'code', message: 'message' });
  });
});

describe('fitsSchema', () => {
  it.each([
    ['a required property missing', { customer: { name: 'Ada' } }],
    ['a nested required property missing', { customer: { name: 'Ada' }, lines: [] }],
    [
      'too few items',
      { customer: { name: 'a', address: { street: 's', country: 'de' } }, lines: [] },
    ],
    [
      'a string too long',
      {
        customer: { name: 'a', address: { street: 's', country: 'deu' } },
        lines: [{ sku: 's', quantity: 1 }],
      },
    ],
    [
      'a number below its minimum',
      {
        customer: { name: 'a', address: { street: 's', country: 'de' } },
        lines: [{ sku: 's', quantity: 0 }],
      },
    ],
    [
      'a property the type does not declare',
      {
        customer: { name: 'a', address: { street: 's', country: 'de' } },
        lines: [{ sku: 's', quantity: 1 }],
        extra: 1,
      },
    ],
  ])('refuses %s', (_, value) => {
    expect(fitsSchema(value, schema('OrderInput'), model.schemas, request)).toBe(false);
  });

  it('accepts a value with every required property', () => {
    const value = {
      customer: { name: 'a', address: { street: 's', country: 'de', geo: { lat: 1, lng: 2 } } },
      lines: [{ sku: 's', quantity: 3 }],
      note: 'n',
    };
    expect(fitsSchema(value, schema('OrderInput'), model.schemas, request)).toBe(true);
  });

  it('checks a discriminated union by its variants, and enum values', () => {
    const payment = body('createPayment').operation.body!.schema;
    expect(fitsSchema({ method: 'bank', iban: 'DE00' }, payment, model.schemas, request)).toBe(
      true,
    );
    expect(fitsSchema({ method: 'cash' }, payment, model.schemas, request)).toBe(false);
  });
});

describe('request examples that do not fit their schema', () => {
  it.each([
    ['createLabel', 'a value of the wrong type'],
    ['createTree', 'a property the type does not declare'],
    ['createShipment', 'an enum value not listed, too few items'],
  ])('%s (%s): placeholders instead', (operationId) => {
    const { operation, sample } = body(operationId);
    expect(operation.body!.examples?.length).toBeGreaterThan(0);
    expect(sample.bodySource).toBe('placeholders');
    expect(fitsSchema(sample.body!, operation.body!.schema, model.schemas, request)).toBe(true);
  });
});

describe('an object joined with a union of objects (object-and-union fixture)', () => {
  let joined: ApiModel;
  beforeAll(async () => {
    joined = await fixtureModel('object-and-union.yaml');
  });
  const sampleOf = (operationId: string) =>
    sampleRequest(
      joined.operations.find((op) => op.operationId === operationId)!,
      joined,
    ).body;
  const node = (name: string): SchemaNode =>
    joined.schemas.find((candidate) => candidate.name === name)!.node;

  it('sends the object’s properties with one variant’s, its discriminator value set', () => {
    expect(sampleOf('createPet')).toEqual({ name: 'name', barks: true });
    expect(sampleOf('createCard')).toEqual({ card: { last_name: 'last_name', encoding: 'vcard' } });
    expect(sampleOf('createTag')).toEqual({ name: 'name', rgb: 'rgb', size: 1 });
    expect(sampleOf('createRender')).toEqual({ url: 'https://example.com' });
  });

  it('a value fits with the properties of one variant, not with none or of a missing member', () => {
    const fits = (value: Record<string, unknown>, name: string) =>
      fitsSchema(value as never, node(name), joined.schemas, request);
    expect(fits({ name: 'a', purrs: false }, 'Pet')).toBe(true);
    expect(fits({ name: 'a' }, 'Pet')).toBe(false);
    expect(fits({ barks: true }, 'Pet')).toBe(false);
    expect(fits({ reading: 'r', encoding: 'mecard' }, 'Card')).toBe(true);
    expect(fits({ name: 'a', hex: '#fff', size: 2 }, 'Tagged')).toBe(true);
    expect(fits({ name: 'a', hex: '#fff', size: 0 }, 'Tagged')).toBe(false);
    expect(fits({ name: 'a', size: 2 }, 'Tagged')).toBe(false);
    expect(fits({ html: '<p>', width: 2 }, 'Render')).toBe(true);
    expect(fits({ width: 2 }, 'Render')).toBe(false);
  });
});
