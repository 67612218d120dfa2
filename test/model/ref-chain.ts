/**
 * A component schema `Root` whose `top` property refers into its own `definitions`: `d0` has
 * `fanOut` properties that refer to `d1`, `d1` to `d2`, … down to `d<depth>`, a string. Copied in
 * place of each ref, the last one would be written fanOut^depth times.
 */
export function refChainRoot(depth: number, fanOut: number): Record<string, unknown> {
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) {
    const next = { $ref: `#/components/schemas/Root/definitions/d${i + 1}` };
    const keys = Array.from({ length: fanOut }, (_, k) => `p${k}`);
    definitions[`d${i}`] = {
      type: 'object',
      properties: Object.fromEntries(keys.map((key) => [key, next])),
    };
  }
  definitions[`d${depth}`] = { type: 'string' };
  return {
    type: 'object',
    properties: { top: { $ref: '#/components/schemas/Root/definitions/d0' } },
    definitions,
  };
}
