/**
 * Plain words for the lint problems a spec change meets most: a property removed from a schema
 * that the spec's examples still hold, or one made required that they lack. redocly.yaml's `no-invalid-media-type-examples` and
 * `no-invalid-schema-examples` set `allowAdditionalProperties: false`, so Redocly says "Example
 * value must conform to the schema: must NOT have unevaluated properties `name`" at the example's
 * line; what to do about it is added beneath: remove the property from the example too.
 */

/** Redocly's words for an example holding a property its schema does not have. */
const EXTRA_PROPERTY =
  /^Example value must conform to the schema: .*must NOT have (?:unevaluated|additional) properties `([^`]+)`\.?$/;

/** Redocly's (ajv's) words for an example that lacks a property its schema requires. */
const MISSING_PROPERTY =
  /^Example value must conform to the schema: must have required property '([^']+)'\.?$/;

/** Redocly's (ajv's) words for an example value of another type than its schema's. */
const WRONG_TYPE =
  /^Example value must conform to the schema: (?:`([^`]+)` property )?type must be (\w+(?:,\w+)*)\.?$/;

/**
 * The fix for a lint message about an example that does not fit its schema: a property it holds
 * that the schema lacks, one the schema requires that it lacks (a property made required, or
 * added as required), a value of another type; undefined for any other message.
 */
export function exampleFix(message: string): string | undefined {
  const text = message.trim();
  const extra = EXTRA_PROPERTY.exec(text)?.[1];
  if (extra !== undefined)
    return (
      `fix: the example holds \`${extra}\`, which its schema does not have (was it removed from ` +
      `the schema?); remove the property from the example too (the file and line above), or add it ` +
      `back to the schema: redocly.yaml lets examples hold no property their schema lacks ` +
      `(allowAdditionalProperties: false)`
    );
  const missing = MISSING_PROPERTY.exec(text)?.[1];
  if (missing !== undefined)
    return (
      `fix: the example lacks \`${missing}\`, which its schema requires (was it added to the ` +
      `schema, or made required?); add \`${missing}\` with a realistic value to the example (the ` +
      `file and line above), or take it out of the schema's \`required\` list if the API may leave it out`
    );
  const wrongType = WRONG_TYPE.exec(text);
  if (wrongType !== null) {
    const [, property, types = ''] = wrongType;
    return (
      `fix: ${property === undefined ? 'the example' : `the example's \`${property}\``} is not of the ` +
      `type its schema says (${types.split(',').join(' or ')}); write it as the API sends it, or ` +
      `correct the schema's \`type\``
    );
  }
  return undefined;
}

/**
 * Redocly's advice after a failed lint, to silence every problem in an ignore file: in a spec
 * whose examples and schemas are kept together by hand, the problems are to be fixed.
 */
const IGNORE_FILE_ADVICE = /^run `redocly lint --generate-ignore-file` to add all problems/;

/**
 * Redocly's codeframe report with {@link exampleFix}'s line under each message it explains, and
 * without its advice to ignore every problem.
 */
export function explainLintReport(report: string): string {
  return report
    .split('\n')
    .filter((line) => !IGNORE_FILE_ADVICE.test(line.trim()))
    .flatMap((line) => {
      const fix = exampleFix(line);
      return fix === undefined ? [line] : [line, fix];
    })
    .join('\n');
}
