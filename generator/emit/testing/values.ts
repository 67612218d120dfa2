/**
 * The smallest value a schema allows, for the testing kit's default answer of an operation whose
 * spec has no example, and for the README's error example: schema-sample.ts in its `smallest`
 * style, on the response side (null where allowed, required properties only, `minItems` items,
 * `minLength` characters, the lower bound of a number, the first variant of a union that can be
 * built, with its discriminator value set). A `pattern` without an example gets the first of a
 * few short candidates it accepts, else `"string"`: a best effort, documented in the README.
 */
import type { JsonValue } from '../../model/schema-types.ts';
import type {
  ExampleModel,
  NamedSchema,
  OperationModel,
  RequestBodyModel,
  ResponseModel,
  SchemaNode,
} from '../../model/types.ts';
import type { Warnings } from '../../warnings.ts';
import { guardsAccept, MAX_SAMPLE_DEPTH, sampleValue } from '../schema-sample.ts';

export function minimalValue(node: SchemaNode, schemas: readonly NamedSchema[]): JsonValue {
  return sampleValue(node, schemas, { direction: 'response', style: 'smallest' });
}

/**
 * The smallest text a text body's schema (the model's `textSchema`) allows: `''` for a string the
 * schema says nothing more about (also an empty CSV, XML or JSON lines body, which "string" is not),
 * else {@link minimalValue}'s (an enum's first value, `minLength` characters, a pattern's candidate).
 */
export function minimalText(node: SchemaNode, schemas: readonly NamedSchema[]): JsonValue {
  const plain =
    node.kind === 'string' &&
    node.minLength === undefined &&
    node.pattern === undefined &&
    node.format === undefined;
  return plain ? '' : minimalValue(node, schemas);
}

/**
 * The example of a success response the testing kit answers with: the first its response guard
 * accepts (OpenAPI 3.1 §4.8.14: examples SHOULD match their schema, and some do not); the first
 * of a body that is not JSON. Undefined when there is none, or none is accepted but the smallest
 * value the schema allows is, which the kit then answers with; a schema that allows neither keeps
 * the spec's first example.
 */
export function answerExample(
  response: ResponseModel | undefined,
  schemas: readonly NamedSchema[],
): ExampleModel | undefined {
  const examples = response?.examples ?? [];
  const schema = response?.schema;
  if (schema === undefined || (response?.kind ?? 'json') !== 'json' || response?.textSchema)
    return examples[0];
  const accepted = examples.find(({ value }) => guardsAccept(value, schema, schemas));
  if (accepted !== undefined || examples.length === 0) return accepted;
  return guardsAccept(minimalValue(schema, schemas), schema, schemas) ? undefined : examples[0];
}

/**
 * The request body example the testing kit's `requestFixtures` hold: the first the body's schema
 * allows as a request sends it.
 */
export function requestExample(
  body: RequestBodyModel | undefined,
  schemas: readonly NamedSchema[],
): ExampleModel | undefined {
  const examples = body?.examples ?? [];
  if (body === undefined || body.kind !== 'json') return examples[0];
  return examples.find(({ value }) => guardsAccept(value, body.schema, schemas, 'request'));
}

/**
 * A warning for each operation whose testing-kit default answer (its success response's smallest
 * value: the spec gives no example) its own response guard rejects: no value the schema allows
 * could be built within the sample's budget (a pattern the few candidates miss, a schema no value
 * satisfies). A client with `responseValidation: 'throw'` would reject the mock's answer; the
 * operation's example is what the kit answers instead.
 */
export function warnInvalidDefaultAnswers(
  operations: readonly OperationModel[],
  schemas: readonly NamedSchema[],
  warnings: Warnings,
  file: string,
): void {
  for (const operation of operations) {
    const [request] = operation.body?.examples ?? [];
    if (request !== undefined && requestExample(operation.body, schemas) === undefined)
      warnings.add(
        'testing:invalid-request-example',
        `the request body example ${JSON.stringify(request.name)} of ${operation.method.toUpperCase()} ${operation.path} (client.${operation.sdk.resource}.${operation.sdk.method})${(operation.body?.examples?.length ?? 0) > 1 ? ', and every other one,' : ''} does not match its schema as a request sends it, so the testing kit's requestFixtures leave it out`,
        { file, pointer: operation.body!.schema.pointer },
        `fix the example so that it matches the schema (OpenAPI 3.1 §4.8.14: examples SHOULD match it), or the schema so that it allows the example`,
      );
    const success = operation.successResponse;
    const schema = success?.schema;
    if (success === undefined || schema === undefined || success.textSchema !== undefined) continue;
    if ((success.kind ?? 'json') !== 'json' || answerExample(success, schemas) !== undefined)
      continue;
    const where = `${operation.method.toUpperCase()} ${operation.path} (client.${operation.sdk.resource}.${operation.sdk.method})`;
    // Examples that do not match: the kit leaves them out, and says so.
    const [first] = success.examples ?? [];
    if (first !== undefined)
      warnings.add(
        'testing:invalid-example',
        `the ${success.status} response's example ${JSON.stringify(first.name)} of ${where}${(success.examples?.length ?? 0) > 1 ? ', and every other one,' : ''} does not match its schema, so the testing kit answers with the smallest value the schema allows instead`,
        { file, pointer: schema.pointer },
        `fix the example so that it matches the schema (OpenAPI 3.1 §4.8.14: examples SHOULD match it), or the schema so that it allows the example`,
      );
    const value = minimalValue(schema, schemas);
    if (guardsAccept(value, schema, schemas)) continue;
    const text = JSON.stringify(value);
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    warnings.add(
      'testing:default-answer',
      `the testing kit's default answer of ${where}, ${shown}, does not match its ${success.status} response's schema: the generator found no value it allows (a pattern, constraints no value meets, or schemas nested, through $refs and allOf parts too, deeper than the ${MAX_SAMPLE_DEPTH} levels it builds values for), so a client with responseValidation 'throw' rejects the mock's answer`,
      { file, pointer: schema.pointer },
      `give the ${success.status} response's ${success.contentType ?? 'JSON'} content an example: the testing kit answers with it`,
    );
  }
}
