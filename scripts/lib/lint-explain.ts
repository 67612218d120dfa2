/**
 * Plain words for the lint problem a spec change meets most: a property removed from a schema
 * that the spec's examples still hold. redocly.yaml's `no-invalid-media-type-examples` and
 * `no-invalid-schema-examples` set `allowAdditionalProperties: false`, so Redocly says "Example
 * value must conform to the schema: must NOT have unevaluated properties `name`" at the example's
 * line; what to do about it is added beneath: remove the property from the example too.
 */

/** Redocly's words for an example holding a property its schema does not have. */
const EXTRA_PROPERTY =
  /^Example value must conform to the schema: .*must NOT have (?:unevaluated|additional) properties `([^`]+)`\.?$/;

/**
 * The fix for a lint message about an example holding a property its schema lacks; undefined
 * for any other message.
 */
export function exampleFix(message: string): string | undefined {
  const property = EXTRA_PROPERTY.exec(message.trim())?.[1];
  if (property === undefined) return undefined;
  return (
    `fix: the example holds \`${property}\`, which its schema does not have (was it removed from ` +
    `the schema?); remove the property from the example too (the file and line above), or add it ` +
    `back to the schema: redocly.yaml lets examples hold no property their schema lacks ` +
    `(allowAdditionalProperties: false)`
  );
}

/** Redocly's codeframe report with {@link exampleFix}'s line under each message it explains. */
export function explainLintReport(report: string): string {
  return report
    .split('\n')
    .flatMap((line) => {
      const fix = exampleFix(line);
      return fix === undefined ? [line] : [line, fix];
    })
    .join('\n');
}
