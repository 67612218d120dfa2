/**
 * The smallest value a schema allows, for the testing kit's default answer of an operation whose
 * spec has no example, and for the README's error example: schema-sample.ts in its `smallest`
 * style, on the response side (null where allowed, required properties only, `minItems` items,
 * `minLength` characters, the lower bound of a number, the first variant of a union that can be
 * built, with its discriminator value set). A `pattern` without an example gets the first of a
 * few short candidates it accepts, else `"string"`: a best effort, documented in the README.
 */
import type { JsonValue } from '../../model/schema-types.ts';
import type { NamedSchema, OperationModel, SchemaNode } from '../../model/types.ts';
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
    const success = operation.successResponse;
    const schema = success?.schema;
    if (success === undefined || schema === undefined || success.textSchema !== undefined) continue;
    if ((success.kind ?? 'json') !== 'json' || success.examples?.[0] !== undefined) continue;
    const value = minimalValue(schema, schemas);
    if (guardsAccept(value, schema, schemas)) continue;
    const text = JSON.stringify(value);
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    warnings.add(
      'testing:default-answer',
      `the testing kit's default answer of ${operation.method.toUpperCase()} ${operation.path} (client.${operation.sdk.resource}.${operation.sdk.method}), ${shown}, does not match its ${success.status} response's schema: the generator found no value it allows (a pattern, constraints no value meets, or schemas nested, through $refs and allOf parts too, deeper than the ${MAX_SAMPLE_DEPTH} levels it builds values for), so a client with responseValidation 'throw' rejects the mock's answer`,
      { file, pointer: schema.pointer },
      `give the ${success.status} response's ${success.contentType ?? 'JSON'} content an example: the testing kit answers with it`,
    );
  }
}
