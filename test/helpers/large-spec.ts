/**
 * A spec whose schemas are each large in one dimension: an object of 700 properties of every kind
 * (required and optional, nullable, arrays, dates, small inline objects), one requiring 1,100
 * names without schemas, an enum of 5,000 strings and one of 2,000 objects, a oneOf of 750
 * variants, an anyOf of 2,000, an allOf of 300 members, an object of 600 patternProperties,
 * inline objects 40 deep, a chain of 100 `$ref`s. Each is over what TypeScript analyses in one function, or what its binder takes in one
 * `||` chain, when checked by straight-line code (test/faults/large-schemas.test.ts).
 */
type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** A property schema of a few kinds, each with a constraint, some nullable, some dates. */
function propertySchema(i: number): Schema {
  switch (i % 5) {
    case 0:
      return { type: 'string', minLength: 1 };
    case 1:
      return { type: 'integer', minimum: 0, nullable: true };
    case 2:
      return { type: 'array', items: { type: 'string' } };
    case 3:
      return { type: 'string', format: 'date-time' };
    default:
      return { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
  }
}

/** An inline object `levels` deep, a date-time string at the bottom. */
function nested(levels: number): Schema {
  let node: Schema = { type: 'string', format: 'date-time' };
  for (const level of range(levels)) {
    node = {
      type: 'object',
      properties: { [`level${levels - level}`]: node, [`count${level}`]: { type: 'integer' } },
      required: [`level${levels - level}`],
    };
  }
  return node;
}

/** A variant of a union or a member of an allOf: a small object of its own. */
function variant(i: number): Schema {
  return {
    type: 'object',
    properties: { kind: { type: 'string', enum: [`v${i}`] }, [`p${i}`]: { type: 'integer' } },
    required: ['kind', `p${i}`],
  };
}

const SCHEMAS: Record<string, Schema> = {
  Wide: {
    type: 'object',
    properties: Object.fromEntries(range(700).map((i) => [`field${i}`, propertySchema(i)])),
    required: range(700)
      .filter((i) => i % 2 === 0)
      .map((i) => `field${i}`),
  },
  RequiredNames: { type: 'object', required: range(1100).map((i) => `name${i}`) },
  Colors: { type: 'string', enum: range(5000).map((i) => `color-${i}`) },
  Shapes: { type: 'object', enum: range(2000).map((i) => ({ shape: i })) },
  OneVariant: { oneOf: range(750).map(variant) },
  AnyCode: { anyOf: range(2000).map((i) => ({ type: 'string', enum: [`code-${i}`] })) },
  Merged: { allOf: range(300).map(variant) },
  Patterned: {
    type: 'object',
    properties: { id: { type: 'string' } },
    patternProperties: Object.fromEntries(
      range(600).map((i) => [`^k${i}_[a-z]+$`, propertySchema(i)]),
    ),
    additionalProperties: false,
  },
  Deep: nested(40),
  ...Object.fromEntries(
    range(100).map((i) => [
      `Link${i}`,
      {
        type: 'object',
        properties: { id: { type: 'string' }, next: i > 0 ? ref(`Link${i - 1}`) : nested(2) },
        required: ['id', 'next'],
      },
    ]),
  ),
};

/**
 * The spec: every schema but those `omit` names in a response (the chain by its last link), the
 * wide object in a request body too.
 */
export function largeSpec(omit: readonly string[] = []): Schema {
  const schemas = Object.fromEntries(Object.entries(SCHEMAS).filter(([n]) => !omit.includes(n)));
  const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });
  const paths: Record<string, unknown> = {};
  for (const name of Object.keys(schemas).filter((n) => !n.startsWith('Link') || n === 'Link99')) {
    paths[`/${name.toLowerCase()}`] = {
      get: {
        operationId: `get${name}`,
        tags: ['large'],
        responses: { '200': { description: 'ok', ...json(ref(name)) } },
      },
      ...(name === 'Wide'
        ? {
            post: {
              operationId: 'createWide',
              tags: ['large'],
              requestBody: { required: true, ...json(ref('Wide')) },
              responses: { '200': { description: 'ok', ...json(ref('Wide')) } },
            },
          }
        : {}),
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Large', version: '1.0.0' },
    paths,
    components: { schemas },
  };
}
